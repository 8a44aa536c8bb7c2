package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxHeadline and maxHeadlineTokens bound the length of a paragraph, in
// bytes and tokens, that can be a headline.
const (
	maxHeadline       = 160
	maxHeadlineTokens = 24
)

// Split splits a document body into sentences with their tokens.
//
// Paragraphs are separated by "\n\n" (see package article); a single "\n"
// also ends a paragraph, so raw text with one paragraph per line splits the
// same way. A sentence never spans paragraphs. Sentence.Index counts
// sentences over the document from 0; Sentence.Para counts non-empty
// paragraphs from 0. Every byte of the body that is not white space belongs
// to exactly one sentence, and every sentence is trimmed of white space.
//
// Sentence ends are periods, "!", "?" and ellipses followed by white space
// and a word that can start a sentence; closing quotes and brackets after
// the final punctuation stay with the sentence ("… easily.” Peskov said"
// splits after the quote). Abbreviations, initials, decimals, URLs and
// handles do not end sentences; an abbreviation such as "U.S." or "Feb."
// does when a capitalized common sentence starter ("The", "He", "In", …)
// follows. A paragraph of one short line (at most 160 bytes and 24 tokens)
// without final punctuation is a single sentence with Headline set. A leading news dateline stays in the
// first sentence of its paragraph and is measured by Sentence.Dateline.
//
// Split never fails; on invalid UTF-8 the offending bytes become Symbol
// tokens. It is safe for concurrent use. The sentences' Text and the
// tokens' Text share memory with body; Norms that differ from Text share
// one buffer per call. All sentences' Tokens are slices of one array, each
// capped at its own length, so appending to one never overwrites another.
func Split(body string) []Sentence {
	var sp splitter
	return sp.split(body)
}

// A Splitter splits bodies as Split does, reusing its memory from one
// call to the next: the sentences and tokens it returns are valid until
// its next call. A batch reads, analyzes and forgets one document at a
// time, and a fresh token array per document cost it a twentieth of its
// time (the array is as large as the body ten times over, and must be
// zeroed and then scanned by the garbage collector). A Splitter is not
// safe for concurrent use; the zero Splitter is ready to use.
type Splitter struct {
	sp splitter
}

// maxKeptTokens bounds the token array a Splitter keeps between calls
// (about 14 MB): one huge document does not pin its memory for the rest
// of a batch.
const maxKeptTokens = 1 << 18

// Split splits body into sentences; see the package function Split.
func (s *Splitter) Split(body string) []Sentence {
	if cap(s.sp.tz.toks) > maxKeptTokens {
		s.sp.tz.toks, s.sp.sents = nil, nil
	}
	nt, ns := len(s.sp.tz.toks), len(s.sp.sents)
	sents := s.sp.split(body)
	// Tokens and sentences past the new ones would keep the last body
	// alive.
	if toks := s.sp.tz.toks; len(toks) < nt {
		clear(toks[len(toks):nt])
	}
	if len(sents) < ns {
		clear(sents[len(sents):ns])
	}
	return sents
}

func (sp *splitter) split(body string) []Sentence {
	sp.body = body
	sp.tz.norms.Reset() // earlier norms stay valid: Reset drops, never overwrites
	// A Splitter's arrays are mostly large enough already, and push
	// grows the token array by an estimate for the rest of the body
	// should it fill up: only empty arrays are sized from the body.
	nt, ns := 0, 0
	if cap(sp.tz.toks) == 0 {
		nt, ns = estimate(body)
	}
	sp.tz.init(nt)
	if cap(sp.sents) < ns {
		sp.sents = make([]Sentence, 0, ns)
	}
	sp.sents = sp.sents[:0]
	para := 0
	for ps := 0; ps < len(body); {
		pe := strings.IndexByte(body[ps:], '\n')
		if pe < 0 {
			pe = len(body)
		} else {
			pe += ps
		}
		a := len(sp.tz.toks)
		sp.tz.scan(body, ps, pe, 0)
		if b := len(sp.tz.toks); b > a {
			sp.paragraph(a, b, para)
			para++
		}
		ps = pe + 1
	}
	// Sentences cover consecutive runs of tokens, in order.
	toks, t := sp.tz.toks, 0
	for k := range sp.sents {
		a := t
		for t < len(toks) && toks[t].End <= sp.sents[k].End {
			t++
		}
		sp.sents[k].Tokens = toks[a:t:t]
	}
	return sp.sents
}

type splitter struct {
	body  string
	tz    tokenizer
	sents []Sentence
}

// add appends the sentence made of tokens [a, b).
func (sp *splitter) add(a, b, para int, headline bool) {
	toks := sp.tz.toks
	start, end := toks[a].Start, toks[b-1].End
	sp.sents = append(sp.sents, Sentence{
		Index:    len(sp.sents),
		Para:     para,
		Start:    start,
		End:      end,
		Text:     sp.body[start:end],
		Headline: headline,
	})
}

// paragraph splits the paragraph made of tokens [a, b) into sentences.
func (sp *splitter) paragraph(a, b, para int) {
	toks := sp.tz.toks
	if toks[b-1].End-toks[a].Start <= maxHeadline && b-a <= maxHeadlineTokens && !endsWithFinal(toks, a, b) {
		sp.add(a, b, para, true)
		return
	}
	first, firstEnd := len(sp.sents), b
	start := a
	for i := a; i < b; i++ {
		class, ok := terminal(&toks[i])
		if !ok {
			continue
		}
		// Take in further final punctuation, closing quotes and brackets.
		j, closed := i+1, false
		for j < b {
			t := &toks[j]
			if t.Start != toks[j-1].End {
				break
			}
			if _, more := terminal(t); more && t.Kind == Punct {
				closed = true
				j++
				continue
			}
			if isCloser(t) {
				closed = true
				j++
				continue
			}
			break
		}
		if j >= b {
			break
		}
		next := &toks[j]
		if next.Start == toks[j-1].End {
			i = j - 1
			continue
		}
		var split bool
		switch {
		case i == a+1 && toks[a].Kind == Number && toks[i].Text == ".":
			// A list number opening the paragraph: "1. The talks …".
		case class == endStrong || closed && class != endEllipsis:
			split = canStart(next)
		case class == endEllipsis:
			split = next.Kind == Quote || capitalizedStarter(next)
		case class == abbrevLoose:
			split = canStart(next)
		case class == abbrevStarter:
			split = capitalizedStarter(next)
		}
		if split {
			if start == a {
				firstEnd = j
			}
			sp.add(start, j, para, false)
			start = j
		}
		i = j - 1
	}
	sp.add(start, b, para, false)
	sp.sents[first].Dateline = dateline(toks[a:firstEnd], para)
}

// Terminal classes beyond the abbreviation classes.
const (
	endStrong   abbrevClass = 10 + iota // . ! ?
	endEllipsis                         // … ...
)

// terminal reports whether t can end a sentence, and how.
func terminal(t *Token) (abbrevClass, bool) {
	text := t.Text
	switch t.Kind {
	case Punct:
		switch text {
		case ".", "!", "?", "..":
			return endStrong, true
		case "…":
			return endEllipsis, true
		}
		if len(text) > 2 && text[0] == '.' {
			return endEllipsis, true
		}
	case Word:
		if len(text) < 2 || text[len(text)-1] != '.' {
			return 0, false
		}
		w := text[:len(text)-1]
		if c, ok := abbreviations[w]; ok {
			return c, true
		}
		if neverEndsDotted(text) {
			return abbrevNever, true
		}
		// Dotted acronyms and initials.
		return abbrevStarter, true
	}
	return 0, false
}

// isCloser reports closing quote marks and brackets.
func isCloser(t *Token) bool {
	switch t.Text {
	case "”", "’", "»", "›", "\"", "'", ")", "]":
		return true
	}
	return false
}

// canStart reports whether next can start a sentence after a plain period:
// anything but a lower-case word or punctuation that continues one.
func canStart(next *Token) bool {
	switch next.Kind {
	case Word:
		r, _ := utf8.DecodeRuneInString(next.Text)
		return !unicode.IsLower(r)
	case Punct:
		switch next.Text {
		case ",", ";", ":", ")", "]", "}", "%", ".", "!", "?":
			return false
		}
	}
	return true
}

// capitalizedStarter reports a capitalized common sentence starter.
func capitalizedStarter(next *Token) bool {
	text := next.Text
	if next.Kind != Word || len(text) == 0 || len(text) > 16 || !isUpperASCII(text[0]) {
		return false
	}
	var buf [16]byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		if isUpperASCII(c) {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return isStarter(string(buf[:len(text)]))
}

// endsWithFinal reports whether the paragraph of tokens [a, b) ends in
// final punctuation, before any closing quotes and brackets.
func endsWithFinal(toks []Token, a, b int) bool {
	k := b - 1
	for k > a && isCloser(&toks[k]) {
		k--
	}
	text := toks[k].Text
	switch toks[k].Kind {
	case Punct, Word:
		if strings.HasSuffix(text, "…") {
			return true
		}
		c := text[len(text)-1]
		return c == '.' || c == '!' || c == '?'
	}
	return false
}

// maxDateline is the most tokens a dateline may take, its dash included.
const maxDateline = 16

// dateline returns the number of leading tokens of toks that form a news
// dateline, or 0. A dateline opens with an all-capitals place name and ends
// with a dash: "MOSCOW —", "KYIV, Ukraine —", "ISTANBUL, Feb. 27 (AP) –",
// "WASHINGTON (Reuters) -". Without a parenthesized agency credit it is
// accepted only in the first three paragraphs, where datelines stand.
func dateline(toks []Token, para int) int {
	if len(toks) < 3 || !allCaps(toks[0].Text) {
		return 0
	}
	credit := false
	for k := 1; k < len(toks) && k < maxDateline; k++ {
		t := &toks[k]
		switch t.Kind {
		case Word, Number:
			if t.Kind == Word {
				r, _ := utf8.DecodeRuneInString(t.Text)
				if !unicode.IsUpper(r) {
					return 0
				}
			}
		case Punct:
			switch t.Text {
			case ",", "/":
			case "(":
				m := k + 1
				for m < len(toks) && m <= k+4 && toks[m].Text != ")" {
					m++
				}
				if m >= len(toks) || toks[m].Text != ")" || m == k+1 {
					return 0
				}
				credit = true
				k = m
			case "—", "–", "-", "--", "―":
				if k+1 >= len(toks) || (!credit && para > 2) {
					return 0
				}
				if t.Text == "-" && t.Start == toks[k-1].End {
					return 0 // "UN Secretary-General": a hyphen, not a dash
				}
				return k + 1
			default:
				return 0
			}
		default:
			return 0
		}
	}
	return 0
}

// allCaps reports a word of two or more letters, all upper-case.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}
