package timex

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyproject/parley/internal/nlp"
)

// vocabTexts are texts whose words the tokenizer and the scanner cut
// differently, or that touch the edges of the fast path: compounds,
// possessives, contractions, numbers with suffixes, non-ASCII letters
// next to ASCII ones, a Kelvin sign that lower-cases to ASCII.
var vocabTexts = []string{
	"The talks resumed in mid-March, and again on March 3.",
	"Russia’s envoy left on Monday; Russia's embassy reopened in May’s last week.",
	"They don't meet until 3pm on Friday, or at 10am the day after.",
	"The 2022-23 budget and the 1990s talks, in FY2022 and on 2025-02-27.",
	"U.S. officials met on Jan. 5 and Feb. 27th, 2025.",
	"The Marché talks began in Mayday and endedMay 5 during the weekend.",
	"On \u212Aey dates, the \u212Aday of May and mayKday, yesterday.",
	"She said: «the week of 12–14 June», three days ago — and last year.",
	"Ministers met on Monday.Tuesday they left; in2019 and 2019in.",
	"Talks in Geneva’ May 4, the ‘spring’ of 2024 and e-mail foo@may.com today.",
	"\u00a0On\u00a0Monday\u00a0morning, the summit\u2009opened.",
	"Tomorrow’s meeting, the week’s end, a decade-long freeze since 2014.",
}

// corpusTexts returns the test texts and the example and evaluation
// articles of the repository, read as plain text.
func corpusTexts(t *testing.T) []string {
	texts := append([]string(nil), vocabTexts...)
	for _, pat := range []string{"../../examples/*", "../eval/testdata/*/*", "../../../shared/examples/*"} {
		paths, _ := filepath.Glob(pat)
		for _, p := range paths {
			if filepath.Ext(p) == ".json" {
				continue
			}
			data, err := os.ReadFile(p)
			if err != nil || len(data) == 0 {
				continue
			}
			texts = append(texts, string(data))
		}
	}
	return texts
}

// TestFindTokens checks that FindTokens returns what FindInYear returns
// on every sentence of the corpus, with half the documents' words in the
// table, so that known and unknown words, keywords among them, meet.
func TestFindTokens(t *testing.T) {
	texts := corpusTexts(t)
	if len(texts) < 20 {
		t.Fatalf("only %d texts", len(texts))
	}
	var words nlp.Words
	v := NewVocab(&words)
	for k, body := range texts {
		if k%2 == 1 {
			continue
		}
		for _, s := range nlp.Split(body) {
			for _, tok := range s.Tokens {
				if tok.Kind == nlp.Word || tok.Kind == nlp.Number {
					words.Add(tok.Norm)
				}
			}
		}
	}
	pubs := []time.Time{friFeb28, {}}
	sents, found, fast := 0, 0, 0
	for _, body := range texts {
		for _, s := range nlp.Split(body) {
			ids := make([]int32, len(s.Tokens))
			for i, tok := range s.Tokens {
				if tok.Kind == nlp.Word || tok.Kind == nlp.Number {
					ids[i] = words.ID(tok.Norm)
				}
			}
			sents++
			for _, pub := range pubs {
				want := FindInYear(s.Text, s.Start, pub, 2016)
				got := v.FindTokens(s.Text, s.Start, pub, 2016, s.Tokens, ids)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("FindTokens(%q) differs from FindInYear (-want +got):\n%s", s.Text, diff)
				}
				found += len(want)
			}
			var b1, b2 [128]token
			want, wtr := tokenize(s.Text, b1[:0])
			got, gtr, ok := v.tokenize(s.Text, s.Start, s.Tokens, ids, b2[:0])
			if !ok {
				continue
			}
			fast++
			if !cmp.Equal(want, got, cmp.AllowUnexported(token{})) || wtr != gtr {
				t.Fatalf("Vocab.tokenize(%q) differs from tokenize:\n%s", s.Text, cmp.Diff(want, got, cmp.AllowUnexported(token{})))
			}
		}
	}
	if found == 0 || fast < sents*9/10 {
		t.Errorf("%d sentences, %d on the fast path, %d expressions", sents, fast, found)
	}
	t.Logf("%d sentences, %d on the fast path, %d expressions", sents, fast, found)
}

// FuzzFindTokens checks FindTokens against FindInYear on any text, its
// every word in the table.
func FuzzFindTokens(f *testing.F) {
	for _, s := range vocabTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		var words nlp.Words
		v := NewVocab(&words)
		sents := nlp.Split(body)
		for _, s := range sents {
			for i, tok := range s.Tokens {
				if i%3 != 2 && (tok.Kind == nlp.Word || tok.Kind == nlp.Number) {
					words.Add(tok.Norm)
				}
			}
		}
		for _, s := range sents {
			ids := make([]int32, len(s.Tokens))
			for i, tok := range s.Tokens {
				ids[i] = words.ID(tok.Norm)
			}
			want := FindInYear(s.Text, s.Start, friFeb28, 0)
			got := v.FindTokens(s.Text, s.Start, friFeb28, 0, s.Tokens, ids)
			if !cmp.Equal(want, got) {
				t.Fatalf("FindTokens(%q) differs from FindInYear:\n%s", s.Text, cmp.Diff(want, got))
			}
		}
	})
}

// TestStartsAt checks that at finds nothing at a word whose keyword
// startsAt leaves out, whatever word follows it, so that matchTokens may
// skip such words.
func TestStartsAt(t *testing.T) {
	skipped := 0
	for k := kwNone; k <= kwEvery; k++ {
		if startsAt[k] {
			continue
		}
		skipped++
		for next := kwNone; next <= kwEvery; next++ {
			for _, flags := range []uint8{0, fUpper | fPlural} {
				toks := []token{
					{start: 0, end: 4, kind: kWord, kw: k, flags: flags},
					{start: 5, end: 9, kind: kWord, kw: next, flags: flags},
					{start: 10, end: 14, kind: kNum, val: 2020, ndig: 4},
				}
				m := matcher{toks: toks, py: 2025, pm: 2, pd: 28, hasPub: true}
				if _, _, ok := m.at(0); ok {
					t.Errorf("at finds an expression at keyword %d before keyword %d, but startsAt leaves it out", k, next)
				}
			}
		}
	}
	if skipped == 0 {
		t.Error("startsAt leaves out no keyword")
	}
}
