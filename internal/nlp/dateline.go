package nlp

import (
	"unicode"
	"unicode/utf8"
)

// DatelineLen returns the number of leading tokens of s that form a news
// dateline ("ISTANBUL, Feb 27 (AP) —", "Ottawa, May 9 (Wire) —"): s.Dateline
// when the splitter marked one, else a run of capitalized words, numbers
// and punctuation closed by a dash within the first ten tokens. It
// returns 0 when the sentence has none.
func DatelineLen(s *Sentence) int {
	if s.Dateline > 0 {
		return s.Dateline
	}
	toks := s.Tokens
	for k := 1; k < len(toks) && k < 10; k++ {
		t := &toks[k]
		switch t.Text {
		case "—", "–", "--":
			return k + 1
		}
		switch t.Kind {
		case Number, Punct:
		case Word:
			if r, _ := utf8.DecodeRuneInString(t.Text); !unicode.IsUpper(r) {
				return 0
			}
		default:
			return 0
		}
	}
	return 0
}
