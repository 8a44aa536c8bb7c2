package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzSeeds returns the golden inputs, whole and paragraph by paragraph,
// plus a few awkward strings.
func fuzzSeeds(t testing.TB) []string {
	seeds := []string{
		"", "U.S.", "“a.” B", "MOSCOW (Reuters) — X.", "a\xffb.\xc3 C", "🇷🇺🇺", "👩‍", "...", "x@y.z.", "http://",
		"https://a.b/(c)).", "O’", "’s", "5-", "U.S.-", "#", "@", "\n\n\n", "A. B. C.",
	}
	inputs, err := filepath.Glob("testdata/*.input")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, string(b))
		seeds = append(seeds, strings.Split(string(b), "\n\n")...)
	}
	return seeds
}

func FuzzSplit(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		sents := Split(body)
		checkSplit(t, body, sents)
		// Split decides each boundary from the sentence's own tokens, so a
		// sentence split again on its own is one sentence with the same
		// tokens.
		for _, s := range sents {
			again := Split(s.Text)
			if len(again) != 1 || again[0].Text != s.Text || len(again[0].Tokens) != len(s.Tokens) {
				t.Fatalf("Split(%q) of sentence %d gives %q", s.Text, s.Index, texts(again))
			}
			for k, tok := range again[0].Tokens {
				if tok.Text != s.Tokens[k].Text || tok.Kind != s.Tokens[k].Kind {
					t.Fatalf("sentence %q split alone: token %d is %q/%v, was %q/%v", s.Text, k, tok.Text, tok.Kind, s.Tokens[k].Text, s.Tokens[k].Kind)
				}
			}
		}
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, 0)
		f.Add(s, 17)
	}
	f.Fuzz(func(t *testing.T, text string, base int) {
		if base < 0 || base > 1<<30 {
			base = 0
		}
		toks := Tokenize(text, base)
		checkTokens(t, text, base, 0, len(text), toks)
	})
}

// FuzzSplitter checks that a Splitter reused over two bodies returns for
// the second what Split returns, whatever the first left behind.
func FuzzSplitter(f *testing.F) {
	seeds := fuzzSeeds(f)
	for i, s := range seeds {
		f.Add(s, seeds[(i+1)%len(seeds)])
	}
	f.Fuzz(func(t *testing.T, first, second string) {
		var sp Splitter
		sp.Split(first)
		got := sp.Split(second)
		want := Split(second)
		if len(got) != len(want) {
			t.Fatalf("Splitter gives %d sentences after %q, Split %d", len(got), first, len(want))
		}
		for i := range want {
			if got[i].Text != want[i].Text || len(got[i].Tokens) != len(want[i].Tokens) {
				t.Fatalf("sentence %d: Splitter %q (%d tokens), Split %q (%d tokens)", i, got[i].Text, len(got[i].Tokens), want[i].Text, len(want[i].Tokens))
			}
			for k := range want[i].Tokens {
				if got[i].Tokens[k] != want[i].Tokens[k] {
					t.Fatalf("sentence %d token %d: Splitter %+v, Split %+v", i, k, got[i].Tokens[k], want[i].Tokens[k])
				}
			}
		}
	})
}

// FuzzWordFastPath checks that word's path for plain words cuts and
// normalizes every token as its general loop does.
func FuzzWordFastPath(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	for _, s := range []string{"Word,", "word.", "word:x", "http://x", "a@b", "e-mail", "don't", "x_y", "abc\x7f", "ab\tcd", "AB;cd", "Ab/cd", "ab#", "ab’s", "abé", "ab1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		fastWords = false
		want := Tokenize(body, 0)
		fastWords = true
		got := Tokenize(body, 0)
		if len(got) != len(want) {
			t.Fatalf("Tokenize(%q): %d tokens on the fast path, %d without", body, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("Tokenize(%q) token %d: %+v on the fast path, %+v without", body, i, got[i], want[i])
			}
		}
	})
}
