package nlp

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize returns the tokens of text. Token offsets are byte offsets into
// text shifted by base, so the tokens of a sentence that starts at base in a
// body carry body offsets. White space separates tokens and belongs to none;
// every other byte of text belongs to exactly one token.
//
// Tokenizing rules, tuned for news text:
//   - Words keep inner apostrophes ("don't", "O’Brien") and hyphens between
//     lower-case parts ("tit-for-tat", "high-level", "COVID-19"). A hyphen
//     next to a capitalized part splits the word, so actor names match on
//     their own: "U.S.-Russia" and "Saudi-led" give "U.S.", "-", "Russia" and
//     "Saudi", "-", "led".
//   - A possessive "’s" or "'s" is a token of its own: "Trump’s" gives
//     "Trump" and "’s" (both Word). A lone trailing apostrophe ("nations’")
//     is a Quote token.
//   - Dotted acronyms ("U.S.", "a.m.", "Ph.D."), known abbreviations ("Dr.",
//     "Feb.", "Inc.") and single-letter initials ("W.") keep their period.
//   - Numbers keep inner separators: "1,500", "3.5", "5-6", "2022–2023",
//     "10:30". A digit run glued to letters ("1990s", "5G") is a Word.
//   - URLs ("https://…", "pic.twitter.com/…", "example.com/path",
//     "reuters.com"), e-mail addresses, @handles and #hashtags are single
//     tokens; trailing sentence punctuation is left out of URLs.
//   - Quote marks are Quote tokens; a run of dots ("...") is one Punct
//     token, as is "--"; emoji (with modifiers, joiners and variation
//     selectors) and flag pairs are single Symbol tokens. Bytes that are not
//     valid UTF-8 become one-byte Symbol tokens.
//
// Tokenize is safe for concurrent use. Token Text shares memory with text;
// a Norm equal to Text shares it too, and the other Norms share one buffer
// per call.
func Tokenize(text string, base int) []Token {
	var tz tokenizer
	n, _ := estimate(text)
	tz.init(n)
	tz.scan(text, 0, len(text), base)
	return tz.toks
}

var kindNames = [...]string{
	Word: "word", Number: "number", Punct: "punct", Quote: "quote", URL: "url",
	Handle: "handle", Hashtag: "hashtag", Symbol: "symbol", Email: "email",
}

// String returns the kind's lower-case name ("word", "number", …).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// tokenizer accumulates the tokens of a text. Normal forms that differ
// from the token text are written one after another into a single
// strings.Builder; each Norm is a substring of the builder's contents taken
// right after writing it. A Builder never changes bytes it has written, so
// the substrings stay valid as it grows, and normalizing costs a few
// allocations per text rather than one per token.
type tokenizer struct {
	toks  []Token
	norms strings.Builder
	// noLinkUntil is the end of the last link-like run that matchLink
	// rejected; no link is sought again before it.
	noLinkUntil int
}

// init prepares the tokenizer for about n tokens.
func (tz *tokenizer) init(n int) {
	if cap(tz.toks) < n {
		tz.toks = make([]Token, 0, n)
	}
	tz.toks = tz.toks[:0]
	tz.noLinkUntil = 0
}

// byteMarks marks bytes for estimate. The low half of an entry counts
// towards tokens: white space, common ASCII punctuation, and the lead
// bytes of curly quotes and dashes (U+2000-U+2FFF) and of emoji, which
// start or end most tokens. The high half counts half sentences: two for
// final punctuation, one for a line break (paragraphs are separated by
// two).
var byteMarks = func() (m [256]uint64) {
	for _, c := range []byte(" \t\n\r,.\"():;!?'%-\xe2\xf0") {
		m[c] = 1
	}
	for _, c := range []byte(".!?") {
		m[c] |= 2 << 32
	}
	m['\n'] |= 1 << 32
	return m
}()

// estimate estimates the number of tokens and sentences of s from the
// bytes that byteMarks marks. In news text nearly every token follows
// white space or punctuation, or is punctuation, so the token count comes
// within a few percent of the real one (5-12% over on the example
// articles), where a bound from the length alone allocated a third more
// than needed. Should either fall short, push grows the token array and
// append the sentence array.
func estimate(s string) (toks, sents int) {
	// Count in blocks short enough that the token count cannot carry into
	// the sentence count.
	for len(s) > 0 {
		block := s[:min(len(s), 1<<30)]
		s = s[len(block):]
		// Eight bytes a round into two sums, so that the loads overlap.
		var n, m uint64
		i := 0
		for ; i+8 <= len(block); i += 8 {
			c := block[i : i+8]
			n += byteMarks[c[0]] + byteMarks[c[1]] + byteMarks[c[2]] + byteMarks[c[3]]
			m += byteMarks[c[4]] + byteMarks[c[5]] + byteMarks[c[6]] + byteMarks[c[7]]
		}
		for ; i < len(block); i++ {
			n += byteMarks[block[i]]
		}
		n += m
		toks += int(n & (1<<32 - 1))
		sents += int(n >> 32)
	}
	return toks + toks/32 + 8, sents/2 + 2
}

// emit appends the token s[a:b] with offsets shifted by shift.
func (tz *tokenizer) emit(s string, a, b, shift int, kind Kind) {
	text := s[a:b]
	norm := text
	if needsNorm(text) {
		norm = tz.norm(s, text)
	}
	tz.push(s, a, b, shift, norm, kind)
}

// emitSame appends the token s[a:b], whose Norm is its Text: punctuation,
// symbols and words already in normal form.
func (tz *tokenizer) emitSame(s string, a, b, shift int, kind Kind) {
	tz.push(s, a, b, shift, s[a:b], kind)
}

// norm returns the normal form of text, which differs from text, written
// into the tokenizer's buffer for s.
func (tz *tokenizer) norm(s, text string) string {
	if tz.norms.Cap() == 0 {
		tz.norms.Grow(len(s)/4 + 16)
	}
	var tmp [64]byte
	start := tz.norms.Len()
	tz.norms.Write(appendNorm(tmp[:0], text))
	return tz.norms.String()[start:]
}

// normASCII is norm for an ASCII text: lower-casing is a table look-up
// per byte.
func (tz *tokenizer) normASCII(s, text string) string {
	var tmp [64]byte
	if len(text) > len(tmp) {
		return tz.norm(s, text)
	}
	if tz.norms.Cap() == 0 {
		tz.norms.Grow(len(s)/4 + 16)
	}
	b := tmp[:len(text)]
	for i := range b {
		b[i] = lowerASCII[text[i]]
	}
	start := tz.norms.Len()
	tz.norms.Write(b)
	return tz.norms.String()[start:]
}

// lowerASCII maps each byte to its lower case, ASCII letters only.
var lowerASCII = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// push appends the token s[a:b] with the given norm. It sets the fields in
// place: appending a Token value would copy it with a bulk write barrier
// whenever the collector runs, which cost more than the rest of emitting.
func (tz *tokenizer) push(s string, a, b, shift int, norm string, kind Kind) {
	n := len(tz.toks)
	if n == cap(tz.toks) {
		// The estimate fell short: grow by an estimate for the rest of s.
		more, _ := estimate(s[b:])
		toks := make([]Token, n, n+n/8+more)
		copy(toks, tz.toks)
		tz.toks = toks
	}
	tz.toks = tz.toks[:n+1]
	t := &tz.toks[n]
	t.Start, t.End, t.Text, t.Norm, t.Kind = a+shift, b+shift, s[a:b], norm, kind
}

// needsNorm reports whether lower-casing text or folding its curly
// apostrophes changes it.
func needsNorm(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return true
			}
			continue
		}
		for _, r := range text[i:] {
			if r == '’' || r == '‘' || (r != utf8.RuneError && unicode.ToLower(r) != r) {
				return true
			}
		}
		return false
	}
	return false
}

// appendNorm appends the normal form of text to buf. Invalid bytes are
// copied unchanged.
func appendNorm(buf []byte, text string) []byte {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			buf = append(buf, c)
		case r == '’' || r == '‘':
			buf = append(buf, '\'')
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		i += size
	}
	return buf
}

func isLetterASCII(c byte) bool { return c|0x20-'a' < 26 } // c|0x20 folds upper-case letters only onto a-z
func isDigit(c byte) bool       { return c-'0' < 10 }
func isAlnumASCII(c byte) bool  { return isLetterASCII(c) || isDigit(c) }
func isUpperASCII(c byte) bool  { return 'A' <= c && c <= 'Z' }

// isSpaceASCII reports ASCII white space.
func isSpaceASCII(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// wordRuneAt reports whether a letter or digit starts at s[i] (i < end).
func wordRuneAt(s string, i, end int) bool {
	if i >= end {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return isAlnumASCII(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:end])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// letterAt reports whether a letter starts at s[i] (i < end), and whether
// it is upper-case.
func letterAt(s string, i, end int) (letter, upper bool) {
	if i >= end {
		return false, false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return isLetterASCII(c), isUpperASCII(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:end])
	return unicode.IsLetter(r), unicode.IsUpper(r)
}

// Classes of ASCII bytes for scan's first test.
const (
	classOther = iota
	classSpace
	classAlnum
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case isSpaceASCII(byte(c)):
			t[c] = classSpace
		case isAlnumASCII(byte(c)):
			t[c] = classAlnum
		}
	}
	return t
}()

// scan appends the tokens of s[i:end], shifting offsets by shift.
func (tz *tokenizer) scan(s string, i, end, shift int) {
	for i < end {
		c := s[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case classSpace:
				i++
				continue
			case classAlnum:
				i = tz.word(s, i, end, shift)
				continue
			}
			switch {
			case c == '@':
				j := i + 1
				for j < end && (isAlnumASCII(s[j]) || s[j] == '_') {
					j++
				}
				if j > i+1 {
					tz.emit(s, i, j, shift, Handle)
				} else {
					tz.emitSame(s, i, j, shift, Symbol)
				}
				i = j
			case c == '#':
				j := tz.hashtagEnd(s, i+1, end)
				if j > i+1 {
					tz.emit(s, i, j, shift, Hashtag)
				} else {
					tz.emitSame(s, i, j, shift, Symbol)
				}
				i = j
			case c == '"':
				tz.emitSame(s, i, i+1, shift, Quote)
				i++
			case c == '\'':
				i = tz.apostrophe(s, i, 1, end, shift)
			case c == '.' || c == '-':
				j := i + 1
				for j < end && s[j] == c {
					j++
				}
				tz.emitSame(s, i, j, shift, Punct)
				i = j
			case c < 0x20 || c == 0x7f || c == '$' || c == '+' || c == '<' || c == '=' || c == '>' ||
				c == '^' || c == '|' || c == '~' || c == '`':
				tz.emitSame(s, i, i+1, shift, Symbol)
				i++
			default:
				tz.emitSame(s, i, i+1, shift, Punct)
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:end])
		switch {
		case r == utf8.RuneError && size == 1:
			tz.emitSame(s, i, i+1, shift, Symbol)
			i++
		case r == '’' || r == '‘':
			i = tz.apostrophe(s, i, size, end, shift)
		case isQuoteRune(r):
			tz.emitSame(s, i, i+size, shift, Quote)
			i += size
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			i = tz.word(s, i, end, shift)
		case unicode.IsPunct(r):
			tz.emit(s, i, i+size, shift, Punct)
			i += size
		default:
			j := symbolEnd(s, i, end, r, size)
			tz.emit(s, i, j, shift, Symbol)
			i = j
		}
	}
}

// isQuoteRune reports the non-ASCII quote marks other than ’ and ‘.
func isQuoteRune(r rune) bool {
	switch r {
	case '“', '”', '„', '‟', '«', '»', '‹', '›', '‚', '‛':
		return true
	}
	return false
}

// apostrophe handles a quote mark of size n at s[i] that may be an
// apostrophe: directly after a word and followed by "s" and a non-letter
// it starts a possessive Word ("’s"); otherwise it is a Quote.
func (tz *tokenizer) apostrophe(s string, i, n, end, shift int) int {
	if k := len(tz.toks); k > 0 && tz.toks[k-1].End-shift == i && tz.toks[k-1].Kind == Word &&
		i+n < end && (s[i+n] == 's' || s[i+n] == 'S') && !wordRuneAt(s, i+n+1, end) {
		tz.emit(s, i, i+n+1, shift, Word)
		return i + n + 1
	}
	tz.emit(s, i, i+n, shift, Quote)
	return i + n
}

// hashtagEnd returns the end of the hashtag body starting at s[i].
func (tz *tokenizer) hashtagEnd(s string, i, end int) int {
	for i < end {
		c := s[i]
		if c < utf8.RuneSelf {
			if isAlnumASCII(c) || c == '_' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:end])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
			return i
		}
		i += size
	}
	return i
}

// symbolEnd returns the end of the symbol cluster starting with rune r of
// the given size at s[i]: a flag (two regional indicators) or an emoji with
// its variation selectors, skin-tone modifiers, keycap mark and
// zero-width-joiner continuations.
func symbolEnd(s string, i, end int, r rune, size int) int {
	j := i + size
	if isRegional(r) {
		if r2, n := utf8.DecodeRuneInString(s[j:end]); isRegional(r2) {
			j += n
		}
		return j
	}
	for j < end && s[j] >= utf8.RuneSelf {
		r2, n := utf8.DecodeRuneInString(s[j:end])
		switch {
		case r2 == 0xFE0E || r2 == 0xFE0F || r2 == 0x20E3 || (r2 >= 0x1F3FB && r2 <= 0x1F3FF) ||
			(r2 >= 0xE0020 && r2 <= 0xE007F):
			j += n
		case r2 == 0x200D:
			r3, n3 := utf8.DecodeRuneInString(s[j+n : end])
			if r3 == utf8.RuneError || !unicode.IsSymbol(r3) {
				return j
			}
			j += n + n3
		default:
			return j
		}
	}
	return j
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// word scans a word, number, URL or e-mail address starting with the
// letter or digit at s[i] and emits it; it returns the end.
func (tz *tokenizer) word(s string, i, end, shift int) int {
	if fastWords && isLetterASCII(s[i]) {
		// Most words are a run of ASCII letters that a space or a mark
		// that never joins ends: emit them without the general loop.
		lower, j := byte(0x20), i
		for j < end && isLetterASCII(s[j]) {
			lower &= s[j]
			j++
		}
		if j == end || endsWord[s[j]] {
			tz.emitWord(s, i, j, shift, Word, lower, true)
			return j
		}
	}
	start, partStart := i, i
	hasLetter := false
	// lower has bit 0x20 clear once an upper-case ASCII letter is taken in;
	// ascii is cleared by any other byte that may change under
	// normalizing. Together they spare emitWord a second scan.
	lower, ascii := byte(0x20), true
	j := i
loop:
	for j < end {
		c := s[j]
		if c >= utf8.RuneSelf {
			ascii = false
			r, size := utf8.DecodeRuneInString(s[j:end])
			switch {
			case unicode.IsLetter(r) || unicode.IsMark(r):
				hasLetter = true
				j += size
			case unicode.IsDigit(r):
				j += size
			case r == '’':
				if !tz.innerApostrophe(s, j, size, end) {
					break loop
				}
				j += size
			case r == '–' || r == '‑':
				if r == '–' && (hasLetter || !wordRuneAt(s, j+size, end) || !isDigit(s[j+size])) {
					break loop
				}
				if r == '‑' && !hyphenJoins(s, partStart, j+size, end) {
					break loop
				}
				j += size
				partStart = j
			default:
				break loop
			}
			continue
		}
		if isLetterASCII(c) {
			hasLetter = true
			lower &= c
			j++
			for j < end && isLetterASCII(s[j]) {
				lower &= s[j]
				j++
			}
			continue
		}
		if isDigit(c) || c == '_' {
			j++
			continue
		}
		if j+1 >= end {
			break
		}
		n := s[j+1]
		if ((c == '.' || c == '@') && isAlnumASCII(n)) || (c == ':' && n == '/') {
			// A failed match scanned the link-like run up to noLinkUntil;
			// starting again inside it would make the scan quadratic.
			if start >= tz.noLinkUntil || c == ':' {
				k, kind, scanned := matchLink(s, start, end)
				if k > j {
					tz.emit(s, start, k, shift, kind)
					return k
				}
				tz.noLinkUntil = max(tz.noLinkUntil, scanned)
			}
		}
		switch c {
		case '.':
			if isDigit(n) && isDigit(s[j-1]) && !hasLetter {
				j += 2
				continue
			}
			if k := acronymEnd(s, partStart, j, end); k > j {
				j = k
				tz.emit(s, start, j, shift, Word)
				return j
			}
			break loop
		case ',', ':', '/':
			if isDigit(n) && isDigit(s[j-1]) && !hasLetter {
				j += 2
				continue
			}
			break loop
		case '-':
			if !hyphenJoins(s, partStart, j+1, end) {
				break loop
			}
			j++
			partStart = j
		case '\'':
			if !tz.innerApostrophe(s, j, 1, end) {
				break loop
			}
			j++
		default:
			break loop
		}
	}
	if j < end && s[j] == '.' && !wordRuneAt(s, j+1, end) && keepsPeriod(s[start:j]) {
		j++
		tz.emitWord(s, start, j, shift, Word, lower, ascii)
		return j
	}
	if hasLetter {
		tz.emitWord(s, start, j, shift, Word, lower, ascii)
	} else {
		tz.emitWord(s, start, j, shift, Number, lower, ascii)
	}
	return j
}

// fastWords enables word's path for plain words; tests turn it off to
// compare it with the general loop.
var fastWords = true

// endsWord marks the ASCII bytes that end a run of letters whatever
// follows them, as word's general loop reads them: all but letters,
// digits and the marks that may join or start a longer token ("_", ".",
// "@", ":", "-", "'"). Bytes from 0x80 up are left to the loop.
var endsWord = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = !isAlnumASCII(byte(c)) && !strings.ContainsRune("_.@:-'", rune(c))
	}
	return t
}()

// emitWord emits the token s[a:b] that word scanned. When it is all ASCII,
// lower&0x20 tells whether it has no upper-case letter, so its normal form
// is known without scanning it again.
func (tz *tokenizer) emitWord(s string, a, b, shift int, kind Kind, lower byte, ascii bool) {
	switch {
	case !ascii:
		tz.emit(s, a, b, shift, kind)
	case lower&0x20 == 0:
		tz.push(s, a, b, shift, tz.normASCII(s, s[a:b]), kind)
	default:
		tz.emitSame(s, a, b, shift, kind)
	}
}

// innerApostrophe reports whether the apostrophe of size n at s[j] joins
// the letters around it. A possessive "’s" does not: it becomes a token.
func (tz *tokenizer) innerApostrophe(s string, j, n, end int) bool {
	if letter, _ := letterAt(s, j+n, end); !letter {
		return false
	}
	if (s[j+n] == 's' || s[j+n] == 'S') && !wordRuneAt(s, j+n+1, end) {
		return false
	}
	return true
}

// hyphenJoins reports whether a hyphen between the part starting at
// partStart and the text at s[next] stays inside the word: it does when
// the next part starts with a digit ("COVID-19", "5-6") or when both parts
// start lower-case ("tit-for-tat").
func hyphenJoins(s string, partStart, next, end int) bool {
	if next >= end {
		return false
	}
	if isDigit(s[next]) {
		return true
	}
	letter, upper := letterAt(s, next, end)
	if !letter || upper {
		return false
	}
	_, firstUpper := letterAt(s, partStart, end)
	return !firstUpper
}

// acronymEnd checks for a dotted acronym ("U.S.", "a.m.", "Ph.D.") whose
// first group is s[partStart:dot] and returns its end, or dot when there is
// none. Each group has one or two ASCII letters and ends in a period; there
// are at least two groups.
func acronymEnd(s string, partStart, dot, end int) int {
	if n := dot - partStart; n < 1 || n > 2 {
		return dot
	}
	for k := partStart; k < dot; k++ {
		if !isLetterASCII(s[k]) {
			return dot
		}
	}
	k, groups := dot+1, 1
	for {
		m := k
		for m < end && m-k < 3 && isLetterASCII(s[m]) {
			m++
		}
		if m == k || m-k > 2 || m >= end || s[m] != '.' {
			break
		}
		groups++
		k = m + 1
	}
	if groups < 2 {
		return dot
	}
	return k
}

// keepsPeriod reports whether a word followed by a period takes the period
// into its token: known abbreviations and single upper-case initials.
func keepsPeriod(w string) bool {
	if len(w) == 1 {
		return isUpperASCII(w[0])
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) {
		return unicode.IsUpper(r)
	}
	_, ok := abbreviations[w]
	return ok
}

// matchLink matches a URL or e-mail address starting at s[i] and returns
// its end and kind, or i when there is none. It also returns how far it
// scanned.
func matchLink(s string, i, end int) (int, Kind, int) {
	if n := schemeLen(s[i:end]); n > 0 {
		if k := urlEnd(s, i+n, end); k > i+n {
			return k, URL, k
		}
		return i, 0, i + n
	}
	k := i
	for k < end && isLinkByte(s[k]) {
		k++
	}
	if k < end && s[k] == '@' && k > i {
		d := k + 1
		m := d
		for m < end && (isAlnumASCII(s[m]) || s[m] == '-' || s[m] == '.') {
			m++
		}
		for m > d && (s[m-1] == '.' || s[m-1] == '-') {
			m--
		}
		if strings.IndexByte(s[d:m], '.') > 0 && isDomain(s[d:m]) {
			return m, Email, m
		}
		return i, 0, m
	}
	scanned := k
	for k > i && (s[k-1] == '.' || s[k-1] == '-') {
		k--
	}
	dom := s[i:k]
	last, ok := domainTLD(dom)
	if !ok {
		return i, 0, scanned
	}
	if k < end && s[k] == '/' {
		u := urlEnd(s, k, end)
		return u, URL, u
	}
	if (hasPrefixFold(dom, "www.") || knownTLD(last)) && (k == end || !isAlnumASCII(s[k]) && s[k] != '@') {
		return k, URL, k
	}
	return i, 0, scanned
}

// schemeLen returns the length of a leading "http://", "https://" or
// "ftp://" (any case), or 0.
func schemeLen(s string) int {
	for _, p := range [...]string{"https://", "http://", "ftp://"} {
		if hasPrefixFold(s, p) {
			return len(p)
		}
	}
	return 0
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if isUpperASCII(c) {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func isLinkByte(c byte) bool {
	return isAlnumASCII(c) || c == '.' || c == '-' || c == '_' || c == '%' || c == '+'
}

// isDomain reports whether dom is two or more dot-separated labels of
// ASCII letters, digits and hyphens, with at least one letter.
func isDomain(dom string) bool {
	_, ok := domainTLD(dom)
	return ok
}

// domainTLD checks dom as isDomain does and returns its last label.
func domainTLD(dom string) (string, bool) {
	labels, labelStart, letter := 1, 0, false
	for i := 0; i < len(dom); i++ {
		c := dom[i]
		switch {
		case c == '.':
			if i == labelStart {
				return "", false
			}
			labels++
			labelStart = i + 1
		case isLetterASCII(c):
			letter = true
		case isDigit(c) || c == '-':
		default:
			return "", false
		}
	}
	if labels < 2 || labelStart == len(dom) || !letter {
		return "", false
	}
	return dom[labelStart:], true
}

// knownTLD reports common top-level domains seen in news text. Bare domains
// ("reuters.com") are URLs only with one of these, so that a missing space
// after a period ("said.it") is not taken for a link more than necessary.
func knownTLD(t string) bool {
	switch t {
	case "com", "org", "net", "gov", "edu", "int", "mil", "info", "io", "news",
		"ru", "ua", "uk", "us", "eu", "tr", "de", "fr", "cn", "jp", "by", "kz", "ge", "pl", "il", "ir", "sa":
		return true
	}
	return false
}

// urlEnd returns the end of a URL whose remainder starts at s[k]: it runs to
// white space, a quote mark or a non-ASCII byte, less trailing sentence
// punctuation and unbalanced closing brackets.
func urlEnd(s string, k, end int) int {
	start := k
	open := 0
	for k < end {
		c := s[k]
		if c <= ' ' || c >= 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' ||
			c == '{' || c == '}' || c == '|' || c == '\\' || c == '^' {
			break
		}
		if c == '(' {
			open++
		}
		k++
	}
	closing := 0
	for x := start; x < k; x++ {
		if s[x] == ')' {
			closing++
		}
	}
	for k > start {
		c := s[k-1]
		if c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ']' {
			k--
			continue
		}
		if c == ')' && closing > open {
			closing--
			k--
			continue
		}
		break
	}
	return k
}
