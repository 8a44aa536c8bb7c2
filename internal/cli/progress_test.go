package cli

import (
	"time"

	"github.com/parleyproject/parley/internal/pipeline"
)

func statsFor(read, ingested, dup, rejected int, elapsed time.Duration) pipeline.Stats {
	return pipeline.Stats{Read: read, Ingested: ingested, Duplicates: dup, Rejected: rejected, Elapsed: elapsed}
}
