package nlp

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "update golden files")

// render writes sentences in the golden format: a header line per sentence
// ("# index para=P [headline] [dateline=N]"), the sentence text, then its
// tokens as text@start:end, with the kind appended for non-words.
func render(sents []Sentence) string {
	var b strings.Builder
	for _, s := range sents {
		fmt.Fprintf(&b, "# %d para=%d", s.Index, s.Para)
		if s.Headline {
			b.WriteString(" headline")
		}
		if s.Dateline > 0 {
			fmt.Fprintf(&b, " dateline=%d", s.Dateline)
		}
		fmt.Fprintf(&b, "\n%s\n", s.Text)
		for i, t := range s.Tokens {
			if i == 0 {
				b.WriteByte('\t')
			} else {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%s@%d:%d", t.Text, t.Start, t.End)
			if t.Kind != Word {
				b.WriteString("/" + t.Kind.String())
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.input")
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no testdata/*.input files")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			body := string(src)
			sents := Split(body)
			checkSplit(t, body, sents)
			got := render(sents)
			golden := strings.TrimSuffix(in, ".input") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("reading golden file (run with -update to create it): %v", err)
			}
			if got != string(want) {
				t.Errorf("Split(%s) differs from %s:\n%s", in, golden, lineDiff(string(want), got))
			}
		})
	}
}

// lineDiff lists the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n-\t%s\n+\t%s\n", i+1, wl, gl)
			if shown++; shown == 5 {
				break
			}
		}
	}
	return b.String()
}
