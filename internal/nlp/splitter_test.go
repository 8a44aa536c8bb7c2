package nlp

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestSplitterMatchesSplit checks that a Splitter reused over bodies of
// different lengths returns what Split returns for each, and that it
// keeps no token of a longer body past a shorter one's.
func TestSplitterMatchesSplit(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.input")
	var bodies []string
	for _, p := range inputs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, string(data))
	}
	bodies = append(bodies, "", "One.", strings.Repeat("The envoy left Moscow. ", 400), "Short one here.", "\xff\xfe broken", "Mr. Lavrov met Mr. Rubio in Riyadh on Feb. 18.")
	var s Splitter
	for round := 0; round < 2; round++ {
		for i, body := range bodies {
			want := Split(body)
			got := s.Split(body)
			if len(got) == 0 && len(want) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, body %d: Splitter.Split differs from Split", round, i)
			}
			toks := s.sp.tz.toks
			for _, tok := range toks[len(toks):cap(toks)] {
				if tok.Text != "" || tok.Norm != "" {
					t.Fatalf("round %d, body %d: a token of an earlier body is kept: %q", round, i, tok.Text)
				}
			}
		}
	}
}
