package store

import (
	"strings"
	"unicode"
)

// searchTerm is one unit of a user's search: a word or a quoted phrase,
// all of whose words must occur in order.
type searchTerm struct {
	text string
	// prefix marks a word typed with a trailing '*': it matches any word
	// starting with it.
	prefix bool
}

// parseSearch splits what a user typed into words and "quoted phrases"
// (straight or curly quotes; an unclosed quote runs to the end). Operators
// and punctuation are kept as text; terms with no letter or digit, and
// control characters, are dropped.
func parseSearch(input string) []searchTerm {
	var terms []searchTerm
	add := func(t string, prefix bool) {
		if strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			terms = append(terms, searchTerm{text: t, prefix: prefix})
		}
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
			add(string(rs[i+1:min(j, len(rs))]), false)
			i = j + 1
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && !isQuote(rs[j]) {
				j++
			}
			w := string(rs[i:j])
			add(strings.TrimRight(w, "*"), strings.HasSuffix(w, "*"))
			i = j
		}
	}
	return terms
}

// ftsQuery renders terms as an SQLite FTS5 query that cannot be a syntax
// error: every term becomes an FTS string (all must match), prefix terms
// keep their '*'. It returns "" for no terms.
func ftsQuery(terms []searchTerm) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = `"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`
		if t.prefix {
			parts[i] += "*"
		}
	}
	return strings.Join(parts, " ")
}

// tsQuery renders terms as a PostgreSQL tsquery expression over
// placeholders, with its arguments: phrases through phraseto_tsquery (plain
// text, no syntax), prefixes through to_tsquery of letters and digits only.
// It returns "" for no terms.
func tsQuery(terms []searchTerm) (string, []any) {
	var parts []string
	var args []any
	for _, t := range terms {
		if !t.prefix {
			parts = append(parts, "phraseto_tsquery('english', ?)")
			args = append(args, t.text)
			continue
		}
		words := strings.FieldsFunc(t.text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		parts = append(parts, "to_tsquery('english', ?)")
		args = append(args, strings.Join(words, " <-> ")+":*")
	}
	return strings.Join(parts, " && "), args
}

func isQuote(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '„'
}
