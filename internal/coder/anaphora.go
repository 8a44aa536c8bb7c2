package coder

import (
	"strings"
	"time"

	"github.com/parleyproject/parley/internal/entity"
	"github.com/parleyproject/parley/internal/nlp"
	"github.com/parleyproject/parley/internal/timex"
)

// relativeDay is a phrase that dates a sentence relative to the last day
// the text named: "the following day" is that day plus one.
type relativeDay struct {
	words  []string // lower-case token norms
	offset int      // days after the anchor
}

var relativeDays = []relativeDay{
	{[]string{"the", "following", "day"}, 1}, {[]string{"the", "next", "day"}, 1},
	{[]string{"the", "next", "morning"}, 1}, {[]string{"the", "following", "morning"}, 1},
	{[]string{"a", "day", "later"}, 1}, {[]string{"one", "day", "later"}, 1},
	{[]string{"the", "day", "after"}, 1}, {[]string{"two", "days", "later"}, 2},
	{[]string{"three", "days", "later"}, 3}, {[]string{"four", "days", "later"}, 4},
	{[]string{"five", "days", "later"}, 5}, {[]string{"six", "days", "later"}, 6},
	{[]string{"a", "week", "later"}, 7}, {[]string{"the", "same", "day"}, 0},
	{[]string{"that", "day"}, 0}, {[]string{"that", "night"}, 0}, {[]string{"that", "evening"}, 0},
	{[]string{"that", "afternoon"}, 0}, {[]string{"that", "morning"}, 0},
	{[]string{"later", "that", "day"}, 0}, {[]string{"hours", "later"}, 0},
	{[]string{"the", "day", "before"}, -1}, {[]string{"the", "previous", "day"}, -1},
	{[]string{"a", "day", "earlier"}, -1}, {[]string{"the", "eve"}, -1},
}

// relativeByFirst indexes relativeDays by their first word.
var relativeByFirst = func() map[string][]relativeDay {
	m := map[string][]relativeDay{}
	for _, r := range relativeDays {
		m[r.words[0]] = append(m[r.words[0]], r)
	}
	return m
}()

// relativeFirst and relativeSecond hold the first and second words of
// relativeDays (all have two or more): a token that fails either begins
// none of them.
var relativeFirst, relativeSecond = func() (*nlp.WordSet, *nlp.WordSet) {
	first, second := map[string]bool{}, map[string]bool{}
	for _, r := range relativeDays {
		first[r.words[0]], second[r.words[1]] = true, true
	}
	return nlp.NewWordSet(first), nlp.NewWordSet(second)
}()

// anchor tracks the last day a text named, so that "the following day"
// in a later sentence can be dated.
type anchor struct {
	day   time.Time
	valid bool
	// para and sent are the paragraph and sentence that named day.
	para, sent int
}

// current reports whether the day still dates sentence s: it was named
// in s's paragraph or in the sentence just before. News keeps to the day
// it last named until it names another ("Biden and Xi met on Monday. …
// Biden also raised concerns …").
func (a *anchor) current(s *nlp.Sentence) bool {
	return a.valid && (a.para == s.Para || a.sent == s.Index-1)
}

// relative returns the date a sentence's relative phrase gives, at
// day precision, or false.
func (a *anchor) relative(s *nlp.Sentence, out []timex.Expr) []timex.Expr {
	if !a.valid {
		return out
	}
	toks := s.Tokens
	for i := 0; i < len(toks); i++ {
		if i+1 >= len(toks) || !relativeSecond.Has(toks[i+1].Norm) || !relativeFirst.Has(toks[i].Norm) {
			continue
		}
		for _, r := range relativeByFirst[toks[i].Norm] {
			if i+len(r.words) > len(toks) {
				continue
			}
			ok := true
			for j, w := range r.words[1:] {
				if toks[i+1+j].Norm != w {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			end := toks[i+len(r.words)-1].End
			out = append(out, timex.Expr{Start: toks[i].Start, End: end, Text: strings.Join(r.words, " "),
				Date: a.day.AddDate(0, 0, r.offset), Precision: timex.Day, Relative: true})
			i += len(r.words) - 1
			break
		}
	}
	return out
}

// nearest returns the expression of xs nearest the trigger token t of
// toks, preferring those of the trigger's own clause.
func nearest(xs []timex.Expr, toks []nlp.Token, t int) *timex.Expr {
	var best *timex.Expr
	bestDist := 0
	for i := range xs {
		d := xs[i].Start - toks[t].End
		if d < 0 {
			d = toks[t].Start - xs[i].End
		}
		if d < 0 {
			d = 0
		}
		if clauseBetween(toks, t, xs[i].Start, xs[i].End) || commaAndBetween(toks, t, xs[i].Start, xs[i].End) {
			d += 1 << 20
		}
		if best == nil || d < bestDist {
			best, bestDist = &xs[i], d
		}
	}
	return best
}

// commaAndBetween reports a new clause (clauseBreak) between token t and
// the span start:end of byte offsets.
func commaAndBetween(toks []nlp.Token, t, start, end int) bool {
	a, b := t, len(toks)
	if end <= toks[t].Start {
		a, b = -1, t
		for a+1 < t && toks[a+1].End <= end {
			a++
		}
	} else {
		for k := t + 1; k < len(toks); k++ {
			if toks[k].Start >= start {
				b = k
				break
			}
		}
	}
	return clauseBreak(toks, a, b)
}

// update moves the anchor to the last day-precision date of sentence si
// that is not in the future.
func (a *anchor) update(ann *entity.Annotations, s *nlp.Sentence, extra *timex.Expr) {
	dl := dateline(s)
	for _, d := range ann.SentenceDates(s.Index) {
		if d.Precision == timex.Day && !d.Date.IsZero() && !d.Future && d.Start >= dl {
			a.day, a.valid, a.para, a.sent = d.Date, true, s.Para, s.Index
		}
	}
	if extra != nil {
		a.day, a.valid, a.para, a.sent = extra.Date, true, s.Para, s.Index
	}
}
