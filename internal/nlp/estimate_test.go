package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEstimate checks that the size estimates of the golden news inputs
// cover their tokens and sentences without allocating much more, and that
// Split then allocates only its three arrays.
func TestEstimate(t *testing.T) {
	for _, name := range []string{"wire", "quotes"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", name+".input"))
			if err != nil {
				t.Fatal(err)
			}
			body := string(src)
			toks := Tokenize(body, 0)
			if len(toks) > cap(toks) || cap(toks) > len(toks)*5/4+8 {
				t.Errorf("%d tokens in an array of %d", len(toks), cap(toks))
			}
			sents := Split(body)
			if len(sents) > cap(sents) || cap(sents) > len(sents)*5/2+2 {
				t.Errorf("%d sentences in an array of %d", len(sents), cap(sents))
			}
			// The tokens, the sentences and the normal forms.
			if n := testing.AllocsPerRun(20, func() { Split(body) }); n != 3 {
				t.Errorf("Split allocates %v times, want 3", n)
			}
		})
	}
}

// TestEstimateShort checks texts whose estimates fall far short, so that
// the token and sentence arrays must grow: the result is unchanged.
func TestEstimateShort(t *testing.T) {
	tests := []string{
		strings.Repeat("$", 300),
		strings.Repeat("¡¿", 100),
		strings.Repeat("a/b", 200),
		strings.Repeat("A:B ", 100) + strings.Repeat("Talks ended…\n", 60),
	}
	for _, text := range tests {
		t.Run(text[:8], func(t *testing.T) {
			toks := Tokenize(text, 5)
			checkTokens(t, text, 5, 0, len(text), toks)
			if n, _ := estimate(text); len(toks) <= n {
				t.Fatalf("estimate %d covers the %d tokens; the test needs a text it does not", n, len(toks))
			}
			checkSplit(t, text, Split(text))
		})
	}
}

// TestEstimateCount checks the unrolled count of estimate against a plain
// byte-by-byte count, over every length up to 40 and the golden inputs.
func TestEstimateCount(t *testing.T) {
	const sample = "Talks (in Istanbul) ended, “officials” said; U.S.-led! 5% 'why?'\n\n\t🇷🇺 x"
	texts := []string{""}
	for n := 1; n <= 40; n++ {
		texts = append(texts, sample[:min(n, len(sample))])
	}
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.input"))
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(src))
	}
	for _, s := range texts {
		var toks, sents int
		for i := 0; i < len(s); i++ {
			toks += int(byteMarks[s[i]] & (1<<32 - 1))
			sents += int(byteMarks[s[i]] >> 32)
		}
		wantT, wantS := toks+toks/32+8, sents/2+2
		if gotT, gotS := estimate(s); gotT != wantT || gotS != wantS {
			t.Errorf("estimate(%.30q) = %d, %d; want %d, %d", s, gotT, gotS, wantT, wantS)
		}
	}
}
