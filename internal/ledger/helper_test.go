package ledger

import (
	"sync"
	"testing"
	"time"

	"github.com/parleyproject/parley/internal/cameo"
	"github.com/parleyproject/parley/internal/coder"
	"github.com/parleyproject/parley/internal/entity"
	"github.com/parleyproject/parley/internal/lexicon"
	"github.com/parleyproject/parley/internal/nlp"
)

var (
	setupOnce sync.Once
	resolver  *entity.Resolver
	evCoder   *coder.Coder
	setupErr  error
)

// analyze runs the text layer and the coder over body, as the pipeline
// does, and returns the ledger's input.
func analyze(t testing.TB, body, published string) Doc {
	t.Helper()
	setupOnce.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			setupErr = err
			return
		}
		pats, err := lexicon.DefaultPatterns()
		if err != nil {
			setupErr = err
			return
		}
		codes, err := cameo.Load()
		if err != nil {
			setupErr = err
			return
		}
		resolver = entity.New(lex)
		evCoder, setupErr = coder.New(pats, codes)
	})
	if setupErr != nil {
		t.Fatalf("loading embedded data: %v", setupErr)
	}
	var pub time.Time
	if published != "" {
		var err error
		if pub, err = time.Parse("2006-01-02", published); err != nil {
			t.Fatalf("bad date %q: %v", published, err)
		}
	}
	ann := resolver.Annotate(body, nlp.Split(body), pub)
	evs := evCoder.Code(coder.Doc{ID: "t", Body: body, Published: pub, Ann: ann})
	return Doc{ID: "t", Body: body, Published: pub, Ann: ann, Events: evs}
}
