package timex

import (
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token of the private scanner.
type tokKind uint8

const (
	kWord tokKind = iota + 1
	kNum
	kPunct
)

// punct identifies a punctuation token; it is stored in token.val.
type punct uint8

const (
	pNone punct = iota
	pComma
	pPeriod
	pDash
	pSlash
	pApos
	pColon
	pSemi
	pPercent
	pCurrency
	pQuote
	pOther
)

// Token flags.
const (
	fUpper   uint8 = 1 << iota // word starts with an upper-case ASCII letter
	fPlural                    // unit word in the plural ("years")
	fAbbr                      // abbreviated month name ("Feb")
	fOrdinal                   // number with an ordinal suffix ("27th")
	fDecade                    // four-digit number with a plural "s" ("1990s")
)

// token is one word, number or punctuation mark. Offsets are byte offsets
// into the scanned text, half-open.
type token struct {
	start, end int
	kind       tokKind
	kw         kw
	flags      uint8
	// ndig is the count of digits of an integer written without thousands
	// separators, decimals or letter suffixes other than ordinal and decade
	// ones (at most 9); 0 for any other number. It is a byte so that it
	// packs with the fields above: tokens are 32 bytes, and find's token
	// buffer, zeroed on every call, stays small.
	ndig uint8
	// val is the month (1-12), the weekday (time.Weekday), the unit, the
	// value of a number word or number, or the punct of a punctuation mark.
	val int
}

// kw identifies the keywords the matcher cares about.
type kw uint8

const (
	kwNone kw = iota
	kwMonth
	kwWeekday
	kwUnit
	kwNum
	kwA
	kwFew
	kwPartOfDay
	kwToday
	kwTonight
	kwYesterday
	kwTomorrow
	kwLast
	kwThis
	kwNext
	kwPast
	kwComing
	kwRecent
	kwRecently
	kwAgo
	kwWeekend
	kwEarly
	kwMid
	kwLate
	kwEarlier
	kwLater
	kwIn
	kwOn
	kwOver
	kwFor
	kwDuring
	kwWithin
	kwThroughout
	kwThrough
	kwSince
	kwUntil
	kwBy
	kwOf
	kwFrom
	kwBefore
	kwAfter
	kwBetween
	kwTo
	kwAnd
	kwOr
	kwThe
	kwFuture
	kwSet
	kwClause
	kwQuant
	kwYearVerb
	kwClock
	kwTimes
	kwS
	kwSeason
	kwEdge
	kwThat
	kwIntent
	kwDayName
	kwNumberNoun
	kwEvery
)

// Units for kwUnit.
const (
	uMinute = iota + 1
	uHour
	uDay
	uWeek
	uMonth
	uYear
	uDecade
)

// entry is the lexical information of one keyword.
type entry struct {
	kw    kw
	val   int
	flags uint8
}

// maxKeyword is the length of the longest keyword.
const maxKeyword = 13

// keywords maps lower-case words to their keyword entry. It is built once
// and only read afterwards.
var keywords = buildKeywords()

func buildKeywords() map[string]entry {
	m := make(map[string]entry, 256)
	months := [...]string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for i, name := range months {
		m[name] = entry{kw: kwMonth, val: i + 1}
	}
	for i, a := range [...]string{"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if a != "" {
			m[a] = entry{kw: kwMonth, val: i + 1, flags: fAbbr}
		}
	}
	m["sept"] = entry{kw: kwMonth, val: 9, flags: fAbbr}
	for i, name := range [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		m[name] = entry{kw: kwWeekday, val: i}
	}
	units := []struct {
		sing, plur string
		u          int
	}{
		{"minute", "minutes", uMinute}, {"hour", "hours", uHour}, {"day", "days", uDay},
		{"week", "weeks", uWeek}, {"month", "months", uMonth}, {"year", "years", uYear},
		{"decade", "decades", uDecade},
	}
	for _, u := range units {
		m[u.sing] = entry{kw: kwUnit, val: u.u}
		m[u.plur] = entry{kw: kwUnit, val: u.u, flags: fPlural}
	}
	for i, w := range [...]string{"one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve"} {
		m[w] = entry{kw: kwNum, val: i + 1}
	}
	for w, v := range map[string]int{"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
		"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90} {
		m[w] = entry{kw: kwNum, val: v}
	}
	set := func(k kw, words ...string) {
		for _, w := range words {
			m[w] = entry{kw: k}
		}
	}
	set(kwA, "a", "an")
	set(kwFew, "few", "several", "many", "couple", "some")
	set(kwPartOfDay, "morning", "afternoon", "evening", "night")
	set(kwToday, "today")
	set(kwTonight, "tonight")
	set(kwYesterday, "yesterday")
	set(kwTomorrow, "tomorrow")
	set(kwLast, "last")
	set(kwThis, "this")
	set(kwNext, "next")
	set(kwPast, "past")
	set(kwComing, "coming")
	set(kwRecent, "recent")
	set(kwRecently, "recently", "lately")
	set(kwAgo, "ago")
	set(kwWeekend, "weekend")
	set(kwEarly, "early")
	set(kwMid, "mid")
	set(kwLate, "late")
	set(kwEarlier, "earlier")
	set(kwLater, "later")
	set(kwIn, "in")
	set(kwOn, "on")
	set(kwOver, "over")
	set(kwFor, "for")
	set(kwDuring, "during")
	set(kwWithin, "within")
	set(kwThroughout, "throughout")
	set(kwThrough, "through")
	set(kwSince, "since")
	set(kwUntil, "until", "till")
	set(kwBy, "by")
	set(kwOf, "of")
	set(kwFrom, "from")
	set(kwBefore, "before")
	set(kwAfter, "after")
	set(kwBetween, "between")
	set(kwTo, "to")
	set(kwAnd, "and")
	set(kwOr, "or")
	set(kwThe, "the")
	set(kwFuture, "will", "ll", "shall", "would", "expected", "scheduled", "planned", "upcoming",
		// The present of a scheduled event: "the summit opens on Tuesday".
		"opens", "begins", "starts", "resumes", "convenes", "reconvenes", "due")
	set(kwSet, "set")
	set(kwIntent, "plans", "plan", "hopes", "hope", "aims", "aim", "intends", "intend", "wants", "want", "going")
	set(kwDayName, "bloody", "black", "good", "super", "ash", "palm", "holy", "cyber", "maundy", "easter", "whit")
	set(kwNumberNoun, "resolution", "resolutions", "no", "number", "flight", "article", "route", "highway",
		"room", "page", "paragraph", "section", "code", "model", "item", "chapter", "grade", "level",
		"version", "rank", "score")
	set(kwClause, "who", "which")
	set(kwQuant, "about", "nearly", "than", "around", "almost", "approximately", "roughly",
		"least", "more", "fewer", "less", "only", "just", "total", "estimated")
	set(kwYearVerb, "was", "were", "is", "saw", "marked", "when", "as", "has", "had", "brought")
	set(kwClock, "gmt", "utc", "hrs", "local", "cet", "est", "edt", "bst")
	set(kwTimes, "times")
	set(kwS, "s")
	for w, v := range map[string]int{"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12} {
		m[w] = entry{kw: kwSeason, val: v}
	}
	set(kwEdge, "end", "beginning", "start", "middle", "turn")
	set(kwThat, "that")
	set(kwEvery, "every", "each")
	return m
}

// triggers reports whether keyword k can start a time expression. Every
// rule of the matcher starts at a number or at a word with such a keyword
// (or reaches one after words that never match alone), so a text without
// either has no time expression.
func triggers(k kw) bool {
	switch k {
	case kwMonth, kwWeekday, kwUnit, kwPartOfDay, kwToday, kwTonight, kwYesterday,
		kwTomorrow, kwRecent, kwRecently, kwAgo, kwWeekend, kwPast, kwSeason:
		return true
	}
	return false
}

// shape is a coarse fingerprint of the keywords of one length and first
// letter: the sets of their second and last letters, as bits indexed by
// letterIndex.
type shape struct{ second, last uint32 }

// shapes is a table of shapes by word length (up to maxKeyword) and first
// letter. Indexes are masked so that lookups need no bounds checks.
type shapes [16][32]shape

// The length mask of shapes needs maxKeyword below 16; this constant
// overflows, failing the build, otherwise.
const _ = uint8(15 - maxKeyword)

// has reports whether the ASCII word w (1 to maxKeyword letters, any case)
// fits one of the shapes. Every word the table was built from fits.
func (sh *shapes) has(w string) bool {
	f := &sh[len(w)&15][letterIndex(w[0])]
	return f.last>>letterIndex(w[len(w)-1])&1 != 0 && f.second>>letterIndex(w[min(1, len(w)-1)])&1 != 0
}

// keywordShapes and triggerShapes hold the shapes of all keywords and of
// the trigger keywords. Derived from keywords, they admit every keyword of
// their kind; scanWord and mayHold use them to skip the map lookup for
// most other words.
var (
	keywordShapes = buildShapes(func(kw) bool { return true })
	triggerShapes = buildShapes(triggers)
)

func buildShapes(keep func(kw) bool) *shapes {
	var sh shapes
	for w, e := range keywords {
		if !keep(e.kw) || len(w) == 0 || len(w) > maxKeyword {
			continue
		}
		f := &sh[len(w)][letterIndex(w[0])]
		f.second |= 1 << letterIndex(w[min(1, len(w)-1)])
		f.last |= 1 << letterIndex(w[len(w)-1])
	}
	return &sh
}

// letterIndex maps an ASCII letter of either case to 1-26 (and any byte
// to 0-31).
func letterIndex(c byte) byte { return c & 31 }

// mayHold is a byte-level pre-check for find: it reports false only when
// matching can find nothing, that is when s holds no run of four ASCII
// digits and no ASCII word whose lower-case form is a trigger keyword. It is much
// cheaper than tokenizing and rejects most sentences of news text.
//
// Words are taken as maximal runs of ASCII letters. A word of tokenize that
// is all ASCII is such a run: words take in every adjacent letter, and the
// only other tokens holding letters are numbers, which hold a digit. A run
// next to a non-ASCII letter belongs to a longer word that is no keyword,
// so checking the run only admits more.
func mayHold(s string) bool {
	for i := 0; i < len(s); {
		switch byteClass[s[i]] {
		case cOther:
			i++
			continue
		case cDigit:
			// Only a run of exactly four digits can start an expression
			// without a trigger word: a year ("2022", "1990s", "2022-23")
			// or the year of a numeric date ("2025-02-27", "27/02/2025").
			// Every other number needs a trigger word beside it ("May 5",
			// "three days ago", "in the past 10 days").
			j := i + 1
			for j < len(s) && byteClass[s[j]] == cDigit {
				j++
			}
			if j-i == 4 {
				return true
			}
			i = j
			continue
		}
		j := i + 1
		for j < len(s) && byteClass[s[j]] == cLetter {
			j++
		}
		if j-i <= maxKeyword && triggerShapes.has(s[i:j]) && isTrigger(s[i:j]) {
			return true
		}
		i = j
	}
	return false
}

// Byte classes for mayHold.
const (
	cOther = iota
	cLetter
	cDigit
)

// byteClass classifies bytes into ASCII letters, ASCII digits and others.
var byteClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case isLetter(byte(c)):
			t[c] = cLetter
		case isDigit(byte(c)):
			t[c] = cDigit
		}
	}
	return t
}()

// isTrigger reports whether the ASCII word w, in any case, is a trigger
// keyword.
func isTrigger(w string) bool {
	e, ok := lookupKeyword(w)
	return ok && triggers(e.kw)
}

// kwSlot is a slot of kwTable.
type kwSlot struct {
	word string
	e    entry
}

// kwBits is the log2 of the size of kwTable, which holds every keyword at
// a load under a third.
const kwBits = 10

// kwTable holds the keywords in an open-addressing hash table, so that a
// lookup needs neither a lower-cased copy of the word nor hashing all of
// it, as the map does.
var kwTable = buildKWTable()

func buildKWTable() *[1 << kwBits]kwSlot {
	var t [1 << kwBits]kwSlot
	for w, e := range keywords {
		h := kwHash(w)
		for t[h].word != "" {
			h = (h + 1) & (1<<kwBits - 1)
		}
		t[h] = kwSlot{word: w, e: e}
	}
	return &t
}

// kwHash hashes a word of ASCII letters, in any case, from its length and
// its first, second and last letters.
func kwHash(w string) uint32 {
	n := uint32(len(w))
	a, b, c := uint32(w[0]|0x20), uint32(w[min(1, len(w)-1)]|0x20), uint32(w[len(w)-1]|0x20)
	return (n*0x9E3779B1 ^ a*0x85EBCA77 ^ b*0xC2B2AE3D ^ c*0x27D4EB2F) >> (32 - kwBits)
}

// lookupKeyword returns the keyword entry of the word w of 1 to maxKeyword
// ASCII letters, in any case.
func lookupKeyword(w string) (entry, bool) {
	for h := kwHash(w); ; h = (h + 1) & (1<<kwBits - 1) {
		sl := &kwTable[h]
		if sl.word == "" {
			return entry{}, false
		}
		if len(sl.word) == len(w) && equalLower(w, sl.word) {
			return sl.e, true
		}
	}
}

// equalLower reports whether the ASCII letters w, lower-cased, equal lower
// (of the same length).
func equalLower(w, lower string) bool {
	for k := 0; k < len(w) && k < len(lower); k++ {
		if w[k]|0x20 != lower[k] {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// tokenize appends the tokens of s to toks and returns the result. It
// reports whether any token could start a time expression, so that callers
// can skip matching for most sentences.
func tokenize(s string, toks []token) ([]token, bool) {
	toks, trigger, _ := tokenizeRange(s, 0, len(s), toks)
	return toks, trigger
}

// tokenizeRange is tokenize for the tokens of s that start in s[i:end]. It
// reports false when the last of them runs past end.
func tokenizeRange(s string, i, end int, toks []token) ([]token, bool, bool) {
	trigger := false
	for i < end {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case isLetter(c):
			t, j := scanWord(s, i)
			if triggers(t.kw) {
				trigger = true
			}
			toks = append(toks, t)
			i = j
		case isDigit(c):
			t, j := scanNumber(s, i)
			// Only a four-digit number starts an expression on its own (a
			// year, or a numeric date's); see mayHold.
			k := i
			for k < j && isDigit(s[k]) {
				k++
			}
			if k-i == 4 {
				trigger = true
			}
			toks = append(toks, t)
			i = j
		case c < utf8.RuneSelf:
			var p punct
			switch c {
			case ',':
				p = pComma
			case '.':
				p = pPeriod
			case '-':
				p = pDash
			case '/':
				p = pSlash
			case '\'':
				p = pApos
			case ':':
				p = pColon
			case ';', '!', '?':
				p = pSemi
			case '%':
				p = pPercent
			case '$':
				p = pCurrency
			case '"':
				p = pQuote
			default:
				p = pOther
			}
			toks = append(toks, token{start: i, end: i + 1, kind: kPunct, val: int(p)})
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError:
				toks = append(toks, token{start: i, end: i + size, kind: kPunct, val: int(pOther)})
			case unicode.IsSpace(r):
				// Skip no-break and other Unicode spaces.
			case unicode.IsLetter(r):
				t, j := scanWord(s, i)
				toks = append(toks, t)
				i = j
				continue
			default:
				var p punct
				switch r {
				case '’', '‘':
					p = pApos
				case '–', '—', '‐', '‑':
					p = pDash
				case '“', '”', '«', '»':
					p = pQuote
				case '€', '£', '¥':
					p = pCurrency
				case '…':
					p = pPeriod
				default:
					p = pOther
				}
				toks = append(toks, token{start: i, end: i + size, kind: kPunct, val: int(p)})
			}
			i += size
		}
	}
	return toks, trigger, i == end
}

// scanWord scans the word starting at s[i] and returns it with the offset
// after it. Words are runs of letters; only ASCII words can be keywords.
func scanWord(s string, i int) (token, int) {
	t := token{start: i, kind: kWord}
	if 'A' <= s[i] && s[i] <= 'Z' {
		t.flags = fUpper
	}
	ascii := true
	j := i
	for j < len(s) {
		c := s[j]
		if isLetter(c) {
			j++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == utf8.RuneError || !unicode.IsLetter(r) {
			break
		}
		ascii = false
		j += size
	}
	t.end = j
	if ascii && j-i <= maxKeyword && keywordShapes.has(s[i:j]) {
		if e, ok := lookupKeyword(s[i:j]); ok {
			t.kw, t.val = e.kw, e.val
			t.flags |= e.flags
		}
	}
	return t, j
}

// scanNumber scans the number starting at s[i]: digits, optionally grouped
// by thousands commas, with a decimal part or a letter suffix.
func scanNumber(s string, i int) (token, int) {
	t := token{start: i, kind: kNum}
	j := i
	v := 0
	for j < len(s) && isDigit(s[j]) {
		if j-i < 9 {
			v = v*10 + int(s[j]-'0')
		}
		j++
	}
	n := j - i
	plain := n <= 9
	for j < len(s) {
		switch {
		case s[j] == ',' && j+3 < len(s) && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
			(j+4 >= len(s) || !isDigit(s[j+4])):
			plain = false
			j += 4
			continue
		case s[j] == '.' && j+1 < len(s) && isDigit(s[j+1]):
			plain = false
			j++
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			continue
		}
		break
	}
	if j < len(s) && isLetter(s[j]) && !(s[j] == 'T' && j+1 < len(s) && isDigit(s[j+1])) {
		// A letter suffix, except the T of "2025-02-27T10:00".
		k := j
		for k < len(s) && isLetter(s[k]) {
			k++
		}
		suf := s[j:k]
		switch {
		case plain && len(suf) == 2 && isOrdinal(suf):
			t.flags |= fOrdinal
		case plain && n == 4 && v%10 == 0 && (suf == "s" || suf == "S"):
			t.flags |= fDecade
		default:
			plain = false
		}
		j = k
	}
	t.end = j
	t.val = v
	if plain {
		t.ndig = uint8(n)
	}
	return t, j
}

func isOrdinal(s string) bool {
	a, b := s[0]|0x20, s[1]|0x20
	return a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h'
}
