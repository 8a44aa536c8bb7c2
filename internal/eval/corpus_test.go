package eval_test

import (
	"os"
	"testing"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/eval"
	"github.com/parleyproject/parley/internal/ingest"
	"github.com/parleyproject/parley/internal/pipeline"
	"github.com/parleyproject/parley/internal/record"
)

// TestCorpora scores the coder on the annotated corpora the project
// keeps and fails when a score falls below the floor it had reached, so
// that a change that loses quality elsewhere shows up as a failure:
//   - examples/: the sample corpus (14 articles, 252 gold events);
//   - testdata/articles: six articles on other pairs of states written
//     after the sample corpus (130 gold events; see its README);
//   - testdata/heldout, heldout2, heldout3: articles written by annotators
//     who saw neither parley's rules nor its output (see their READMEs);
//   - ../shared/examples: the expert's Istanbul reading, when present.
//
// The floors sit a little under the scores measured when they were set;
// raise them when the coder gets better.
func TestCorpora(t *testing.T) {
	p, err := pipeline.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	extract := func(a *article.Article) *record.Document { return p.Analyze(a).Record }
	read := func(path string) ([]*article.Article, []error) {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, []error{err}
		}
		return ingest.ReadBytes(path, data, ingest.Options{})
	}
	tests := []struct {
		name, dir    string
		root, quotes float64 // floors for root-level event F1 and quote F1
		strict       bool    // every input must have its gold
	}{
		{"sample", "../../examples", 0.84, 0.95, true},
		{"articles", "testdata/articles", 0.74, 0.90, true},
		{"heldout", "testdata/heldout", 0.66, 0.80, true},
		{"heldout2", "testdata/heldout2", 0.60, 0.60, true},
		{"heldout3", "testdata/heldout3", 0.56, 0.60, true},
		{"istanbul", "../../../shared/examples", 0.95, 0.95, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.dir); err != nil {
				t.Skipf("%s not present", tt.dir)
			}
			rep, err := eval.Run(tt.dir, extract, read)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range rep.Errors {
				if tt.strict {
					t.Errorf("%s", e)
				}
			}
			tot := rep.Total
			f1 := func(c eval.Counts) float64 { v, _ := c.F1(); return v }
			t.Logf("%s: %d documents; events root F1 %.3f, code F1 %.3f, quotes F1 %.3f, dates %d/%d",
				tt.dir, len(rep.Docs), f1(tot.Events), f1(tot.Codes), f1(tot.Quotes), tot.Dates.Correct, tot.Dates.Total)
			if got := f1(tot.Events); got < tt.root {
				t.Errorf("root-level event F1 %.3f, below the floor %.2f", got, tt.root)
			}
			if got := f1(tot.Quotes); got < tt.quotes {
				t.Errorf("quote F1 %.3f, below the floor %.2f", got, tt.quotes)
			}
		})
	}
}
