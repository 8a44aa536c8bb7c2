package ledger

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// phraseSet matches lower-case phrases against the words of a text
// without regular expressions: a phrase word "x*" matches any word that
// starts with x, and "*" matches any one word. Phrases match whole words.
type phraseSet struct {
	byFirst  map[string][]wordPhrase // phrases by their exact first word
	byPrefix []wordPhrase            // phrases whose first word is a prefix ("x*") or "*"
}

type wordPhrase struct {
	words []string
	id    int
}

func newPhraseSet() *phraseSet { return &phraseSet{byFirst: map[string][]wordPhrase{}} }

// add adds a phrase (lower-case words separated by spaces) with an id.
func (ps *phraseSet) add(text string, id int) {
	ws := strings.Fields(strings.ToLower(text))
	if len(ws) == 0 {
		return
	}
	p := wordPhrase{words: ws, id: id}
	if strings.HasSuffix(ws[0], "*") {
		ps.byPrefix = append(ps.byPrefix, p)
		return
	}
	ps.byFirst[ws[0]] = append(ps.byFirst[ws[0]], p)
}

// wordMatches reports whether text word w matches phrase word pw.
func wordMatches(pw, w string) bool {
	if pw == "*" {
		return true
	}
	if strings.HasSuffix(pw, "*") {
		return strings.HasPrefix(w, pw[:len(pw)-1])
	}
	return pw == w
}

// matches calls fn with the id of every phrase found in words ws.
func (ps *phraseSet) matches(ws []string, fn func(id int)) {
	try := func(p wordPhrase, i int) {
		if i+len(p.words) > len(ws) {
			return
		}
		for j, pw := range p.words {
			if !wordMatches(pw, ws[i+j]) {
				return
			}
		}
		fn(p.id)
	}
	for i, w := range ws {
		for _, p := range ps.byFirst[w] {
			try(p, i)
		}
		for _, p := range ps.byPrefix {
			try(p, i)
		}
	}
}

// textWords splits lower-case text into words: runs of letters and
// digits, keeping apostrophes, hyphens and dots inside a word
// ("non-proliferation", "d'affaires", "u.s.").
func textWords(low string) []string {
	var out []string
	start := -1
	for i := 0; i < len(low); {
		r, size := utf8.DecodeRuneInString(low[i:])
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		inner := (r == '\'' || r == '’' || r == '-' || r == '.') && start >= 0 && i+size < len(low)
		if inner {
			next, _ := utf8.DecodeRuneInString(low[i+size:])
			inner = unicode.IsLetter(next) || unicode.IsDigit(next)
		}
		switch {
		case word || inner:
			if start < 0 {
				start = i
			}
		case start >= 0:
			out = append(out, low[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, low[start:])
	}
	return out
}
