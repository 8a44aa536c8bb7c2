package store

import (
	"strings"
	"unicode"
)

// ftsQuery turns what a user typed into a full-text query that cannot be a
// syntax error: every word and every "quoted phrase" becomes an FTS string
// (all must match); a word ending in '*' stays a prefix search. Operators
// and punctuation in the input are searched as text, not interpreted.
// It returns "" when the input holds nothing searchable.
func ftsQuery(input string) string {
	var terms []string
	add := func(t string, prefix bool) {
		if !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			return
		}
		q := `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
		if prefix {
			q += "*"
		}
		terms = append(terms, q)
	}
	// Control characters (NUL ends an FTS string early) separate words.
	rs := []rune(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, input))
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case isQuote(r):
			j := i + 1
			for j < len(rs) && !isQuote(rs[j]) {
				j++
			}
			add(string(rs[i+1:j]), false)
			i = j + 1
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && !isQuote(rs[j]) {
				j++
			}
			w := string(rs[i:j])
			prefix := strings.HasSuffix(w, "*")
			add(strings.TrimRight(w, "*"), prefix)
			i = j
		}
	}
	return strings.Join(terms, " ")
}

func isQuote(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '„'
}
