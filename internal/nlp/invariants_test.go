package nlp

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// onlySpace reports whether s is all white space (invalid bytes are not).
func onlySpace(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || !unicode.IsSpace(r) {
			return false
		}
		i += size
	}
	return true
}

// wantNorm computes a token's normal form independently of the tokenizer.
func wantNorm(text string) string {
	return strings.NewReplacer("’", "'", "‘", "'").Replace(strings.ToLower(text))
}

// checkTokens checks the token invariants over src, whose offset 0 is
// shifted by base, within [lo, hi).
func checkTokens(t *testing.T, src string, base, lo, hi int, toks []Token) {
	t.Helper()
	prev := lo
	for k, tok := range toks {
		a, b := tok.Start-base, tok.End-base
		if a < prev || b <= a || b > hi {
			t.Fatalf("token %d %q has span %d:%d out of order or bounds (prev end %d, limit %d)", k, tok.Text, tok.Start, tok.End, prev+base, hi+base)
		}
		if src[a:b] != tok.Text {
			t.Fatalf("token %d: src[%d:%d] = %q, Text = %q", k, tok.Start, tok.End, src[a:b], tok.Text)
		}
		if !onlySpace(src[prev:a]) {
			t.Fatalf("bytes %q before token %d %q belong to no token", src[prev:a], k, tok.Text)
		}
		if utf8.ValidString(tok.Text) && tok.Norm != wantNorm(tok.Text) {
			t.Fatalf("token %d %q: Norm = %q, want %q", k, tok.Text, tok.Norm, wantNorm(tok.Text))
		}
		prev = b
	}
	if !onlySpace(src[prev:hi]) {
		t.Fatalf("trailing bytes %q belong to no token", src[prev:hi])
	}
}

// checkSplit checks the invariants of Split's result over body.
func checkSplit(t *testing.T, body string, sents []Sentence) {
	t.Helper()
	prev, para := 0, 0
	for k, s := range sents {
		if s.Index != k {
			t.Fatalf("sentence %d has Index %d", k, s.Index)
		}
		if s.Para < para || s.Para > para+1 || (k == 0 && s.Para != 0) {
			t.Fatalf("sentence %d has Para %d after %d", k, s.Para, para)
		}
		para = s.Para
		if s.Start < prev || s.End <= s.Start || s.End > len(body) {
			t.Fatalf("sentence %d %q has span %d:%d out of order or bounds (prev end %d)", k, s.Text, s.Start, s.End, prev)
		}
		if body[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d: body[%d:%d] = %q, Text = %q", k, s.Start, s.End, body[s.Start:s.End], s.Text)
		}
		if !onlySpace(body[prev:s.Start]) {
			t.Fatalf("bytes %q before sentence %d belong to no sentence", body[prev:s.Start], k)
		}
		if strings.Contains(s.Text, "\n") {
			t.Fatalf("sentence %d %q spans a line break", k, s.Text)
		}
		if len(s.Tokens) == 0 || s.Tokens[0].Start != s.Start || s.Tokens[len(s.Tokens)-1].End != s.End {
			t.Fatalf("sentence %d %q is not trimmed to its tokens", k, s.Text)
		}
		if cap(s.Tokens) != len(s.Tokens) {
			t.Fatalf("sentence %d: Tokens has spare capacity %d", k, cap(s.Tokens)-len(s.Tokens))
		}
		if s.Dateline < 0 || s.Dateline > len(s.Tokens) {
			t.Fatalf("sentence %d: Dateline %d out of range", k, s.Dateline)
		}
		checkTokens(t, body, 0, s.Start, s.End, s.Tokens)
		prev = s.End
	}
	if !onlySpace(body[prev:]) {
		t.Fatalf("trailing bytes %q belong to no sentence", body[prev:])
	}
}
