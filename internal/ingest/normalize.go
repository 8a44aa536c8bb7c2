package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// wrapWidth is the longest line length (in runes) that still counts as a
// hard-wrapped line: text wrapped at a fixed column is joined back into
// paragraphs only when its lines are at most this long.
const wrapWidth = 120

// Normalize returns text normalized as parley stores it: invalid UTF-8
// replaced by U+FFFD, Unicode NFC, control and invisible formatting
// characters removed, white space folded to single spaces inside paragraphs,
// and paragraphs separated by exactly "\n\n" with no "\n" inside a
// paragraph. Curly quotes and apostrophes are kept as they are.
//
// Paragraphs are found from the line structure: blank lines always separate
// paragraphs; a single line break separates paragraphs too, unless the text
// is hard-wrapped at a fixed column, in which case wrapped lines are joined.
// Normalize is idempotent.
func Normalize(text string) string {
	return strings.Join(paragraphs(text), "\n\n")
}

// paragraphs splits text into normalized, non-empty paragraphs.
func paragraphs(text string) []string {
	lines := cleanLines(text)
	return joinLines(lines)
}

// cleanLines repairs, NFC-normalizes and splits text into lines, folding
// white space inside each line. Blank lines come back as "".
func cleanLines(text string) []string {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	text = norm.NFC.String(strings.ReplaceAll(text, "\r\n", "\n"))
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII fast path
			switch {
			case c == '\r' || c == '\n':
				b.WriteByte('\n')
			case c == '\t' || c == '\v' || c == '\f' || c == ' ':
				b.WriteByte(' ')
			case c < 0x20 || c == 0x7f:
				// control character, dropped
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch {
		case r == '\r':
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case r == '\u2029': // paragraph separator
			b.WriteString("\n\n")
		case r == '\u2028' || r == '\u0085': // line separator, next line
			b.WriteByte('\n')
		case invisible(r):
			// dropped
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.IsControl(r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	raw := strings.Split(b.String(), "\n")
	out := make([]string, 0, len(raw))
	for _, l := range raw {
		out = append(out, foldSpace(l))
	}
	return out
}

// invisible reports whether r is a formatting character parley removes:
// zero-width spaces, byte order marks, soft hyphens and bidi controls.
// Zero-width joiners stay: they are part of emoji and some scripts.
func invisible(r rune) bool {
	switch r {
	case '\u200B', '\uFEFF', '\u00AD', '\u2060', '\u180E',
		'\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
		'\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F':
		return true
	}
	return false
}

// foldSpace trims s and folds runs of spaces to one space. It expects the
// white space to be ASCII already.
func foldSpace(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// joinLines groups lines into paragraphs. Blank lines separate paragraphs.
// In hard-wrapped text a line joins the next one when the next line's first
// word would not have fitted on it; otherwise every line is a paragraph.
func joinLines(lines []string) []string {
	wrapped, width := wrapColumn(lines)
	var paras []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			paras = append(paras, cur.String())
			cur.Reset()
		}
	}
	for i, l := range lines {
		if l == "" {
			flush()
			continue
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(l)
		if !wrapped || i+1 >= len(lines) || lines[i+1] == "" {
			flush()
			continue
		}
		next := lines[i+1]
		if startsLower(next) && !endsSentence(l) {
			continue // a sentence running on
		}
		if startsItem(next) || utf8.RuneCountInString(l)+1+utf8.RuneCountInString(firstWord(next)) <= width {
			flush()
		}
	}
	flush()
	return paras
}

// wrapColumn reports whether the lines look hard-wrapped and the wrap width.
// Text counts as wrapped when nearly all lines are at most wrapWidth long,
// the width is that of a typical wrap column, and most lines that continue
// onto another line fill the width.
func wrapColumn(lines []string) (bool, int) {
	n, long, width := 0, 0, 0
	for _, l := range lines {
		if l == "" {
			continue
		}
		n++
		c := utf8.RuneCountInString(l)
		if c > wrapWidth {
			long++
		} else if c > width {
			width = c
		}
	}
	if n < 3 || long*10 > n || width < 40 {
		return false, 0
	}
	inner, full := 0, 0
	for i, l := range lines {
		if l == "" || i+1 >= len(lines) || lines[i+1] == "" {
			continue
		}
		inner++
		if utf8.RuneCountInString(l)*4 >= width*3 {
			full++
		}
	}
	if full < 3 || full*10 < inner*6 {
		return false, 0
	}
	return true, width
}

// firstWord returns the first space-separated word of s.
func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// startsItem reports whether a line starts a list item, which begins a new
// paragraph even inside wrapped text.
func startsItem(s string) bool {
	for _, p := range []string{"- ", "* ", "• ", "– ", "— "} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
