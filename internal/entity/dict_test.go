package entity

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parleyproject/parley/internal/lexicon"
	"github.com/parleyproject/parley/internal/nlp"
)

// TestCandidates checks that indexing a word's entries by second token
// finds what comparing all of them finds, on the example texts.
func TestCandidates(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := compile(lex)
	// The same dictionary without the index.
	all := &dict{firsts: d.firsts, byFirst: make([]firstWord, len(d.byFirst))}
	for k := range d.byFirst {
		all.byFirst[k] = firstWord{es: d.byFirst[k].es}
	}
	paths, _ := filepath.Glob("../../examples/*.txt")
	if len(paths) == 0 {
		t.Skip("no examples")
	}
	n := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data) + " the United States . the " // a long list's word last
		toks := nlp.Tokenize(text, 0)
		for i := range toks {
			f := &d.byFirst[d.firsts.ID(toks[i].Norm)]
			got, gn := d.match(toks, i)
			want, wn := all.match(toks, i)
			if gn != wn || !slices.Equal(got, want) {
				t.Fatalf("%s: token %d %q: match %d %v, comparing all %d %v", p, i, toks[i].Text, gn, got, wn, want)
			}
			if f.next != nil && gn > 0 {
				n++
			}
		}
	}
	if n == 0 {
		t.Error("no match of an indexed word")
	}
}
