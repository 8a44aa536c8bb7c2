package pipeline

import (
	"encoding/csv"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/ingest"
)

// TestNoStageFails runs every stage over the 4,500 machine-written stories
// of ../shared/devdata (when present): odd layouts, stray quotes, URLs and
// lists that parley's authors did not write. No stage may fail on any of
// them (a failing stage is recovered into a Result warning; here it is an
// error).
func TestNoStageFails(t *testing.T) {
	const path = "../../../shared/devdata/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("devdata not present: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	col := -1
	for i, h := range head {
		if strings.EqualFold(h, "text") {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("%s: no text column in %v", path, head)
	}
	p := New()
	n := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reading %s: %v", path, err)
		}
		if col >= len(rec) {
			continue
		}
		n++
		if testing.Short() && n > 500 {
			break
		}
		a := &article.Article{ID: "ngec", Body: ingest.Normalize(rec[col]), Published: time.Date(2023, 10, 19, 0, 0, 0, 0, time.UTC)}
		res := p.Analyze(a)
		for _, w := range res.Warnings {
			t.Errorf("story %d: %s\n%.300q", n, w, a.Body)
		}
	}
	t.Logf("%d stories analyzed", n)
}
