package entity

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parleyproject/parley/internal/lexicon"
	"github.com/parleyproject/parley/internal/nlp"
)

// refMatch is dict.match as a plain loop over all of a word's entries,
// comparing their norms as strings: what the index by second token and
// the check of the second word by id must reproduce. d must be compiled
// without the index.
func refMatch(d *dict, toks []nlp.Token, i int) ([]*entry, int) {
	var out []*entry
	best := 0
	for _, c := range d.candidates(toks, i, d.firsts.ID(toks[i].Norm)) {
		e := c.e
		n := len(e.norms)
		if n < best {
			break
		}
		if i+n > len(toks) || !caseOK(e, &toks[i]) {
			continue
		}
		ok := true
		for j := 1; j < n; j++ {
			if toks[i+j].Norm != e.norms[j] {
				ok = false
			}
		}
		if ok && (e.caps == 0 || capsOK(e, toks[i:i+n])) {
			best = n
			out = append(out, e)
		}
	}
	return out, best
}

// sameEntries compares the entries of two compilations of a lexicon.
func sameEntries(a, b []*entry) bool {
	return slices.EqualFunc(a, b, func(x, y *entry) bool {
		return x.kind == y.kind && x.idx == y.idx && slices.Equal(x.norms, y.norms) && x.first == y.first
	})
}

// TestCandidates checks that matching with the index of long lists by
// second token and the check of second words by id finds what comparing
// all entries' norms finds, on the example and evaluation texts, with
// words added to the table after the dictionary was built (as the coder
// and the time layer add theirs).
func TestCandidates(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := compile(lex)
	all := compileDict(lex, 1<<30) // the same dictionary without the index
	var paths []string
	for _, pat := range []string{"../../examples/*.txt", "../eval/testdata/*/*.txt", "../../../shared/examples/*.txt"} {
		ps, _ := filepath.Glob(pat)
		paths = append(paths, ps...)
	}
	if len(paths) == 0 {
		t.Skip("no examples")
	}
	var texts []string
	for k, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data) + " the United States . the " // a long list's word last
		texts = append(texts, text)
		if k%2 == 0 {
			for _, tok := range nlp.Tokenize(text, 0) {
				d.firsts.Add(tok.Norm)
			}
		}
	}
	d.ready()
	n, indexed := 0, 0
	var arena []*entry
	for k, text := range texts {
		toks := nlp.Tokenize(text, 0)
		ids := make([]int32, len(toks))
		for i, tok := range toks {
			if tok.Kind == nlp.Word || tok.Kind == nlp.Number {
				ids[i] = d.firsts.ID(tok.Norm)
			}
		}
		for i := range toks {
			want, wn := refMatch(all, toks, i)
			got, gn := d.match(toks, i)
			if gn != wn || !sameEntries(got, want) {
				t.Fatalf("%s: token %d %q: match %d %v, comparing all %d %v", paths[k], i, toks[i].Text, gn, got, wn, want)
			}
			got, gn = d.matchInto(toks, ids, i, ids[i], &arena)
			if gn != wn || !sameEntries(got, want) {
				t.Fatalf("%s: token %d %q: matchInto %d %v, comparing all %d %v", paths[k], i, toks[i].Text, gn, got, wn, want)
			}
			if wn > 0 {
				n++
				if w := d.firsts.ID(toks[i].Norm); int(w) < len(d.byFirst) && d.byFirst[w].lo < 0 {
					indexed++
				}
			}
		}
	}
	if n == 0 || indexed == 0 {
		t.Errorf("%d matches, %d of an indexed word", n, indexed)
	}
}
