package timex

import (
	"slices"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parleyproject/parley/internal/nlp"
)

// A Vocab lets the scanner read the words of a sentence from tokens the
// caller has already made and numbered (nlp tokens and their ids in an
// nlp.Words table) instead of scanning every word again: a word whose id
// is known is a keyword or not by a table look-up, and so is whether it
// can start an expression. The entity resolver numbers every token of a
// text anyway; scanning the words again was half the time of Find.
//
// FindTokens returns exactly what FindInYear returns. Where the tokens do
// not line up with the words the scanner would cut (a word the tokenizer
// split or joined), that stretch of text is scanned as Find scans it.
type Vocab struct {
	words *nlp.Words
	once  sync.Once
	n     int32 // ids up to n are in the tables below
	// kwOf holds the index in entries of each id's keyword entry
	// (entries[0], the zero entry, for no keyword): two bytes a word
	// keep the table in cache, where entries by id took 24.
	kwOf    []uint16
	entries []entry
	// plain has the bit of each id whose word is all ASCII letters.
	plain []uint64
}

// NewVocab adds the time keywords to words and returns the Vocab that
// reads token ids of that table. words may gain more words until the
// first call of FindTokens, and must not change after it.
func NewVocab(words *nlp.Words) *Vocab {
	ks := make([]string, 0, len(keywords))
	for w := range keywords {
		ks = append(ks, w)
	}
	slices.Sort(ks) // ids do not depend on the map's order
	for _, w := range ks {
		words.Add(w)
	}
	return &Vocab{words: words}
}

// build fills in the tables for the words of the table.
func (v *Vocab) build() {
	v.n = int32(v.words.Len())
	v.kwOf = make([]uint16, v.n+1)
	v.entries = []entry{{}}
	v.plain = make([]uint64, v.n/64+1)
	for id := int32(1); id <= v.n; id++ {
		w := v.words.Word(id)
		if w == "" || !allLetters(w) {
			continue
		}
		v.plain[id>>6] |= 1 << (id & 63)
		// As scanWord looks words up: only words of up to maxKeyword
		// letters, and a keyword only when it is written in lower case
		// in the keyword table (tokens' norms are lower case).
		if e, ok := keywords[w]; ok && len(w) <= maxKeyword {
			v.kwOf[id] = uint16(len(v.entries))
			v.entries = append(v.entries, e)
		}
	}
}

func allLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return false
		}
	}
	return true
}

// FindTokens is FindInYear for the sentence text that starts at byte base
// of a body, given the body's tokens of that sentence, toks (offsets into
// the body), and their ids in the table the Vocab was made with (ids[i]
// for toks[i], 0 for none).
func (v *Vocab) FindTokens(text string, base int, published time.Time, year int, toks []nlp.Token, ids []int32) []Expr {
	v.once.Do(v.build)
	if len(ids) != len(toks) {
		return FindInYear(text, base, published, year)
	}
	if !mayHold(text) {
		return nil
	}
	var buf [128]token
	tt, trigger, ok := v.tokenize(text, base, toks, ids, buf[:0])
	if !ok {
		tt, trigger = tokenize(text, buf[:0])
	}
	if !trigger {
		return nil
	}
	return matchTokens(text, base, published, modeAuto, year, tt)
}

// plainWord reports whether token t, of id w, is a word of the table of
// ASCII letters only, its text its norm in some case. The text is ASCII
// when the norm is and they are of one length: the one non-ASCII letter
// that lower-cases to ASCII, the Kelvin sign, shrinks, and letters that
// grow lower-case to non-ASCII ones.
func (v *Vocab) plainWord(t *nlp.Token, w int32) bool {
	return w > 0 && w <= v.n && v.plain[w>>6]&(1<<(w&63)) != 0 && len(t.Norm) == len(t.Text)
}

// tokenize is tokenize(text) with the words of known plain tokens taken
// from the tables: such a token is one word of the scanner when no letter
// or digit touches it (a number before it would take it as a suffix). The
// text between such words is scanned. It reports false when the tokens do
// not line up with the text.
func (v *Vocab) tokenize(text string, base int, toks []nlp.Token, ids []int32, out []token) ([]token, bool, bool) {
	pos, trigger := 0, false
	for i := range toks {
		t := &toks[i]
		w := ids[i]
		if !v.plainWord(t, w) {
			continue
		}
		a, b := t.Start-base, t.End-base
		if a < pos || b > len(text) {
			return out, trigger, false
		}
		if a > 0 {
			if c := text[a-1]; c >= utf8.RuneSelf || isLetter(c) || isDigit(c) {
				continue
			}
		}
		if b < len(text) {
			if c := text[b]; isLetter(c) || c >= utf8.RuneSelf && letterAt(text, b) {
				continue
			}
		}
		if a > pos && (a > pos+1 || text[pos] != ' ') {
			var tr, ok bool
			if out, tr, ok = tokenizeRange(text, pos, a, out); !ok {
				return out, trigger, false
			}
			trigger = trigger || tr
		}
		e := &v.entries[v.kwOf[w]]
		tok := token{start: a, end: b, kind: kWord, kw: e.kw, val: e.val, flags: e.flags}
		if 'A' <= text[a] && text[a] <= 'Z' {
			tok.flags |= fUpper
		}
		out = append(out, tok)
		trigger = trigger || triggers(e.kw)
		pos = b
	}
	out, tr, ok := tokenizeRange(text, pos, len(text), out)
	return out, trigger || tr, ok
}

// letterAt reports whether the rune at s[i] is a letter, as scanWord reads
// it.
func letterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r != utf8.RuneError && unicode.IsLetter(r)
}
