// Package timex finds time expressions in English news sentences and
// resolves them against the publication date of the article.
//
// Find scans one sentence (or any text) with hand-written rules anchored on
// the publication date; it never looks at the clock. The rules assume
// past-tense news reporting: a bare weekday ("on Thursday") is the most
// recent such day on or before publication (the publication day itself
// included), and a day or month without a year ("February 27", "in March")
// takes the publication year unless that lands more than about two months
// after publication, in which case the previous year is used. A future
// reading is taken when "next" or "coming" modifies the expression, or when
// a future marker ("will", "would", "’ll", "expected", "scheduled",
// "planned", "upcoming", "plans to", "hopes to", "set to") stands up to
// eight words before it or four after it in the same clause; then weekdays
// count forward (same day included) and a day or month earlier in the year
// than publication moves to the next year. FindTense fixes the reading for
// a whole text instead.
//
// What is found and how it resolves (published Friday 2025-02-28):
//
//	February 27, 2025 / Feb. 27, 2025 / 27 February 2025 / 2025-02-27  2025-02-27  Day
//	on February 12 / a February 12 phone call                          2025-02-12  Day, relative
//	Thursday, February 27 / Thursday’s talks / on Thursday evening      2025-02-27  Day
//	last Thursday / next Tuesday (strictly before / after publication)  2025-02-27 / 2025-03-04
//	today, tonight, yesterday, tomorrow, this morning, last night      Day
//	in February 2022 / mid-March / in late February / last February     Month
//	in 2022 / the 2022 invasion / early 2023 / late last year / 2022-23 Year (first year of a range)
//	this week / last week / earlier this week / the weekend             Week (Date is the Monday)
//	last month / earlier this month / next month / two months ago       Month
//	last year / this year / two years ago / a decade ago                Year
//	the end of the year / last summer / in the summer of 2022          Year
//	three days ago / two weeks ago                                      Day / Week
//	recently, in recent years, over the past decade, for years,
//	in the coming weeks, several years ago, the 1990s, last winter      Unknown, zero Date
//	January 2 of that year                                              Day, zero Date
//
// Decades ("the 1990s") are reported with Unknown precision and a zero Date:
// they name a span too long to date an event. Prepositions are left out of
// the matched text of datable expressions ("on Thursday" matches
// "Thursday"), but kept in vague ones where they carry the meaning ("for
// years", "in recent years").
//
// Not matched: times of day; "may" and "march" as verbs (month and weekday
// names must be capitalized); a month name with neither a day, a year nor a
// preposition such as "in", "since", "by" or "early" in front ("Theresa
// May"); numbers that are not years ("60 diplomats", "1,500", "2000 GMT",
// "about 2000", "Resolution 1973"); ordinals without a month ("second
// round"); ranges such as "5-6 hours"; named days ("Bloody Sunday", "Good
// Friday"). Slash dates are taken only when unambiguous ("27/02/2025").
//
// All functions are safe for concurrent use and never panic, whatever the
// input, invalid UTF-8 included.
package timex

import (
	"fmt"
	"time"
)

// Precision is how precisely an expression dates its period.
type Precision uint8

// Precisions, from none to a single day.
const (
	Unknown Precision = iota // vague: "recently", "in recent years", "the 1990s"
	Year                     // "in 2022", "last year"
	Month                    // "in February 2022", "last month"
	Week                     // "this week"; Date is the Monday of the ISO week
	Day                      // "February 27, 2025", "on Thursday"
)

// String returns "unknown", "year", "month", "week" or "day".
func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Month:
		return "month"
	case Week:
		return "week"
	case Day:
		return "day"
	}
	return "unknown"
}

// Expr is one time expression found in a text.
type Expr struct {
	// Start and End are byte offsets (half-open) into the text passed to
	// Find, plus base.
	Start, End int
	// Text is the matched text.
	Text string
	// Date is the start of the denoted period at UTC midnight: the day, the
	// Monday of the week, the first of the month or January 1. It is zero
	// when the expression cannot be resolved (Unknown precision, or a
	// relative expression without a publication date).
	Date time.Time
	// Precision is how precisely Date dates the period.
	Precision Precision
	// Relative reports an expression resolved against the publication date
	// ("on Thursday", "last month", "February 27" without a year) or, for
	// vague ones, counted back from it ("recently").
	Relative bool
	// Future reports an expression pointing after the publication date
	// ("next week", "tomorrow", "on Monday" in future-tense context).
	Future bool
}

// Format returns Date as "2025-02-27", "2025-02", "2025" or "2025-W09"
// according to Precision, or "" when the precision is Unknown or the date
// zero.
func (x Expr) Format() string {
	if x.Date.IsZero() {
		return ""
	}
	switch x.Precision {
	case Day:
		return x.Date.Format("2006-01-02")
	case Month:
		return x.Date.Format("2006-01")
	case Year:
		return x.Date.Format("2006")
	case Week:
		y, w := x.Date.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	}
	return ""
}

// Find returns the time expressions of text in order, without overlaps.
// Offsets are byte offsets into text plus base. published is the
// publication date of the article (its calendar date in its own location is
// used); it may be zero, in which case relative expressions keep their
// Precision but get a zero Date, and so do absolute ones without a year.
// Tense is detected from the words near each expression.
func Find(text string, base int, published time.Time) []Expr {
	return find(text, base, published, modeAuto, 0)
}

// FindInYear is Find for a text whose "that year" stands for year: "on
// January 2 of that year" after a sentence about 2016 is 2016-01-02.
func FindInYear(text string, base int, published time.Time, year int) []Expr {
	return find(text, base, published, modeAuto, year)
}

// FindTense is Find with the tense fixed for the whole text: future true
// reads ambiguous expressions ("on Monday", "in March", "June 5") as pointing
// after publication, false as pointing before it, regardless of nearby words.
// Explicit modifiers ("last", "next", "ago", "tomorrow") keep their meaning.
func FindTense(text string, base int, published time.Time, future bool) []Expr {
	if future {
		return find(text, base, published, modeFuture, 0)
	}
	return find(text, base, published, modePast, 0)
}

// mode is the tense in which ambiguous expressions are read.
type mode uint8

const (
	modeAuto mode = iota
	modePast
	modeFuture
)

func find(text string, base int, published time.Time, md mode, year int) []Expr {
	if !mayHold(text) {
		return nil
	}
	return match(text, base, published, md, year)
}

// match tokenizes text and applies the rules; find calls it for the texts
// that pass the pre-check.
func match(text string, base int, published time.Time, md mode, year int) []Expr {
	return matchAll(text, base, published, md, year, false)
}

// matchAll is match; all, for tests, tries the rules even when tokenize
// reports no trigger, to check that the trigger test loses nothing.
func matchAll(text string, base int, published time.Time, md mode, year int, all bool) []Expr {
	var buf [128]token
	toks, trigger := tokenize(text, buf[:0])
	if !trigger && !all {
		return nil
	}
	return matchTokens(text, base, published, md, year, toks)
}

// matchTokens applies the rules to the tokens of text.
func matchTokens(text string, base int, published time.Time, md mode, year int, toks []token) []Expr {
	m := matcher{toks: toks, base: base, mode: md, ctxYear: year}
	if !published.IsZero() {
		m.py, m.pm, m.pd = published.Date()
		m.hasPub = true
	}
	var out []Expr
	for i := 0; i < len(toks); {
		if t := &toks[i]; t.kind != kNum && (t.kind != kWord || !startsAt[t.kw]) {
			i++ // no rule starts here
			continue
		}
		if x, next, ok := m.at(i); ok && next > i {
			x.Text = text[x.Start-base : x.End-base]
			out = append(out, x)
			i = next
			continue
		}
		i++
	}
	return out
}
