package timex

import "time"

// matcher applies the rules to the tokens of one text.
// It holds no reference to the text, so that escape analysis can keep the
// token buffer on the stack; find fills in Expr.Text.
type matcher struct {
	toks []token
	base int
	// py, pm and pd are the publication date when hasPub. They are kept as
	// numbers rather than a time.Time so that no pointer of the matcher
	// flows into results.
	py, pd int
	pm     time.Month
	hasPub bool
	mode   mode
	// ctxYear is the year "that year" stands for, or 0 when unknown.
	ctxYear int
}

// p returns the publication day at UTC midnight, or zero when unknown.
func (m *matcher) p() time.Time {
	if !m.hasPub {
		return time.Time{}
	}
	return time.Date(m.py, m.pm, m.pd, 0, 0, 0, 0, time.UTC)
}

// no is the result of a rule that does not apply.
var no Expr

func (m *matcher) tok(i int) *token {
	if i < 0 || i >= len(m.toks) {
		return nil
	}
	return &m.toks[i]
}

// kwAt returns the keyword of token i, or kwNone when it is not a word.
func (m *matcher) kwAt(i int) kw {
	if t := m.tok(i); t != nil && t.kind == kWord {
		return t.kw
	}
	return kwNone
}

// upperKW returns the keyword of token i when it is a capitalized word.
func (m *matcher) upperKW(i int) kw {
	if t := m.tok(i); t != nil && t.kind == kWord && t.flags&fUpper != 0 {
		return t.kw
	}
	return kwNone
}

// punctAt returns the punctuation of token i, or pNone.
func (m *matcher) punctAt(i int) punct {
	if t := m.tok(i); t != nil && t.kind == kPunct {
		return punct(t.val)
	}
	return pNone
}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (m *matcher) adjacent(i int) bool {
	a, b := m.tok(i), m.tok(i+1)
	return a != nil && b != nil && a.end == b.start
}

// intAt returns the value of token i when it is an integer of 1 to maxDigits
// digits without separators or suffixes.
func (m *matcher) intAt(i, maxDigits int) (int, bool) {
	t := m.tok(i)
	if t == nil || t.kind != kNum || t.ndig == 0 || int(t.ndig) > maxDigits || t.flags&(fOrdinal|fDecade) != 0 {
		return 0, false
	}
	return t.val, true
}

// mk builds the expression covering tokens [i, j), without its Text.
func (m *matcher) mk(i, j int, d time.Time, p Precision, rel, fut bool) Expr {
	s, e := m.toks[i].start, m.toks[j-1].end
	x := Expr{Start: s + m.base, End: e + m.base, Date: d, Precision: p, Relative: rel, Future: fut}
	if !d.IsZero() && m.hasPub && d.After(m.p()) {
		x.Future = true
	}
	return x
}

// extend moves the start of x back to token i.
func (m *matcher) extend(x Expr, i int) Expr {
	x.Start = m.toks[i].start + m.base
	return x
}

// future reports whether an ambiguous expression spanning tokens [i, j) is
// read as pointing after publication: in auto mode, when a future marker
// stands up to eight tokens before it or four after it in the same clause
// ("will meet on Monday", "the summit on June 26 will focus on").
func (m *matcher) future(i, j int) bool {
	switch m.mode {
	case modePast:
		return false
	case modeFuture:
		return true
	}
	for k, n := i-1, 0; k >= 0 && n < 8; k, n = k-1, n+1 {
		if v, stop := m.futureMarker(k); stop {
			return v
		}
	}
	for k, n := j, 0; k < len(m.toks) && n < 4; k, n = k+1, n+1 {
		if v, stop := m.futureMarker(k); stop {
			return v
		}
	}
	return false
}

// futureMarker inspects token k for future(): future reports a future
// marker, stop a marker or a clause boundary.
func (m *matcher) futureMarker(k int) (future, stop bool) {
	t := &m.toks[k]
	if t.kind == kPunct {
		switch punct(t.val) {
		case pComma, pSemi, pColon, pPeriod, pQuote:
			return false, true
		}
		return false, false
	}
	switch t.kw {
	case kwFuture:
		return true, true
	case kwSet, kwIntent:
		if m.kwAt(k+1) == kwTo {
			return true, true
		}
	case kwClause:
		return false, true
	}
	return false, false
}

// startsAt marks the keywords of words at which at tries a rule.
var startsAt = func() (t [256]bool) {
	for _, k := range []kw{kwMonth, kwWeekday, kwToday, kwTonight, kwYesterday, kwTomorrow,
		kwLast, kwThis, kwNext, kwPast, kwComing, kwEarly, kwMid, kwLate, kwEarlier, kwLater,
		kwRecently, kwNum, kwA, kwFew, kwUnit, kwIn, kwOver, kwFor, kwDuring, kwWithin,
		kwThroughout, kwThrough, kwThe, kwRecent} {
		t[k] = true
	}
	return t
}()

// at tries every rule at token i and returns the expression found with the
// index of the token after it.
func (m *matcher) at(i int) (Expr, int, bool) {
	t := &m.toks[i]
	if t.kind == kNum {
		return m.number(i)
	}
	if t.kind != kWord {
		return no, 0, false
	}
	switch t.kw {
	case kwMonth:
		return m.month(i)
	case kwWeekday:
		return m.weekday(i)
	case kwToday, kwTonight:
		if m.nameBefore(i) {
			return no, 0, false
		}
		return m.mk(i, i+1, m.p(), Day, true, false), i + 1, true
	case kwYesterday, kwTomorrow:
		off, fut := -1, false
		if t.kw == kwTomorrow {
			off, fut = 1, true
		}
		j := i + 1
		if m.kwAt(j) == kwPartOfDay {
			j++
		}
		return m.mk(i, j, m.addDays(off), Day, true, fut), j, true
	case kwLast, kwThis, kwNext, kwPast, kwComing:
		return m.modified(i)
	case kwEarly, kwMid, kwLate, kwEarlier, kwLater:
		return m.prefixed(i)
	case kwRecently:
		return m.mk(i, i+1, time.Time{}, Unknown, true, false), i + 1, true
	case kwNum, kwA, kwFew:
		return m.ago(i)
	case kwUnit:
		// "years ago", "decades ago"
		if t.flags&fPlural != 0 && m.kwAt(i+1) == kwAgo {
			return m.mk(i, i+2, time.Time{}, Unknown, true, false), i + 2, true
		}
	case kwIn, kwOver, kwFor, kwDuring, kwWithin, kwThroughout, kwThrough, kwThe, kwRecent:
		return m.vague(i)
	}
	return no, 0, false
}

// nameBefore reports whether token i follows a capitalized word that is not
// a keyword, as in "Russia Today" or "Bloody Sunday": then the word at i is
// part of a name rather than a date.
func (m *matcher) nameBefore(i int) bool {
	p := m.tok(i - 1)
	return p != nil && p.kind == kWord && p.flags&fUpper != 0 && p.kw == kwNone
}

// --- dates with a month name -------------------------------------------

// dayNum reads a day of the month at token i ("27", "27th", "27-28") and
// returns it with the index after it.
func (m *matcher) dayNum(i int) (int, int, bool) {
	t := m.tok(i)
	if t == nil || t.kind != kNum || t.ndig == 0 || t.ndig > 2 || t.flags&fDecade != 0 || t.val < 1 || t.val > 31 {
		return 0, 0, false
	}
	j := i + 1
	switch m.punctAt(j) {
	case pColon, pPercent, pPeriod:
		if m.adjacent(i) && m.tok(j+1) != nil && m.tok(j+1).kind == kNum && m.adjacent(j) {
			return 0, 0, false // "10:30", "3.5"
		}
		if m.punctAt(j) == pPercent {
			return 0, 0, false
		}
	case pDash:
		if d2, ok := m.intAt(j+1, 2); ok && d2 > t.val && d2 <= 31 && m.tok(j+2) != nil {
			j += 2 // "27-28"
		}
	}
	return t.val, j, true
}

// yearAfter reads an optional comma and a four-digit year at token i.
func (m *matcher) yearAfter(i int) (int, int, bool) {
	j := i
	if m.punctAt(j) == pComma {
		j++
	}
	if y, ok := m.intAt(j, 4); ok && m.toks[j].ndig == 4 && y >= 1800 && y <= 2199 {
		return y, j + 1, true
	}
	return 0, 0, false
}

// monthName reads a capitalized month name at token i with the period of
// an abbreviation, returning the month, whether it was abbreviated and the
// index after it.
func (m *matcher) monthName(i int) (int, bool, int, bool) {
	t := m.tok(i)
	if t == nil || t.kind != kWord || t.kw != kwMonth || t.flags&fUpper == 0 {
		return 0, false, 0, false
	}
	abbr := t.flags&fAbbr != 0
	j := i + 1
	if abbr && m.punctAt(j) == pPeriod && m.adjacent(i) {
		j++
	}
	return t.val, abbr, j, true
}

// month matches expressions that start with a month name: "February 27,
// 2025", "Feb. 27", "February 2022", "February of 2022" and, after a
// preposition, "February" alone.
func (m *matcher) month(i int) (Expr, int, bool) {
	mon, abbr, j, ok := m.monthName(i)
	if !ok {
		return no, 0, false
	}
	if day, k, ok := m.dayNum(j); ok {
		if y, k2, ok := m.yearAfter(k); ok {
			return m.mk(i, k2, dayDate(y, mon, day), Day, false, false), k2, true
		}
		if k2, ok := m.thatYear(k); ok {
			return m.mk(i, k2, m.thatDay(mon, day), Day, false, false), k2, true
		}
		return m.inferDay(i, k, mon, day), k, true
	}
	if m.kwAt(j) == kwOf {
		if y, k, ok := m.yearAfter(j + 1); ok && k == j+2 {
			return m.mk(i, k, time.Date(y, time.Month(mon), 1, 0, 0, 0, 0, time.UTC), Month, false, false), k, true
		}
	}
	if m.punctAt(j) != pComma {
		if y, k, ok := m.yearAfter(j); ok {
			return m.mk(i, k, time.Date(y, time.Month(mon), 1, 0, 0, 0, 0, time.UTC), Month, false, false), k, true
		}
	}
	if abbr || !m.monthPrep(i) {
		return no, 0, false
	}
	if y, ok := m.sharedYear(j); ok {
		// "in October and December 2014"
		return m.mk(i, j, time.Date(y, time.Month(mon), 1, 0, 0, 0, 0, time.UTC), Month, false, false), j, true
	}
	if k, ok := m.thatYear(j); ok {
		return m.mk(i, k, m.thatDay(mon, 1), Month, false, false), k, true
	}
	return m.inferMonth(i, j, mon), j, true
}

// sharedYear reads, at token i, a conjunction and a second month with its
// year ("and December 2014", "to May 2022", "-June 2023") and returns that
// year, which the month before the conjunction shares.
func (m *matcher) sharedYear(i int) (int, bool) {
	switch {
	case m.kwAt(i) == kwAnd || m.kwAt(i) == kwOr || m.kwAt(i) == kwTo || m.kwAt(i) == kwThrough:
	case m.punctAt(i) == pDash || m.punctAt(i) == pSlash:
	default:
		return 0, false
	}
	_, _, j, ok := m.monthName(i + 1)
	if !ok {
		return 0, false
	}
	if y, _, ok := m.yearAfter(j); ok && m.punctAt(j) != pComma {
		return y, true
	}
	return 0, false
}

// thatYear matches "of that year" or "that year" at token i: the year is
// the one the story talks about, which publication cannot tell.
func (m *matcher) thatYear(i int) (int, bool) {
	j := i
	if m.kwAt(j) == kwOf {
		j++
	}
	if m.kwAt(j) == kwThat && m.kwAt(j+1) == kwUnit && m.toks[j+1].val == uYear && m.toks[j+1].flags&fPlural == 0 {
		return j + 2, true
	}
	return 0, false
}

// thatDay returns the day mon/day of the year "that year" stands for, or
// zero when it is unknown.
func (m *matcher) thatDay(mon, day int) time.Time {
	if m.ctxYear == 0 {
		return time.Time{}
	}
	return dayDate(m.ctxYear, mon, day)
}

// monthPrep reports whether the month name at token i follows a word that
// makes it a month rather than a name or verb: "in May", "since March",
// "mid-June", "early April".
func (m *matcher) monthPrep(i int) bool {
	p := i - 1
	if m.punctAt(p) == pDash && m.adjacent(p) && m.adjacent(p-1) && m.kwAt(p-1) == kwMid {
		return true
	}
	switch m.kwAt(p) {
	case kwIn, kwSince, kwUntil, kwBy, kwOf, kwFrom, kwDuring, kwBefore, kwAfter, kwThrough,
		kwThroughout, kwEarly, kwMid, kwLate, kwBetween, kwTo:
		return true
	}
	return false
}

// dayFirst matches "27 February 2025", "27th of February", "27 Feb".
func (m *matcher) dayFirst(i int) (Expr, int, bool) {
	day, j, ok := m.dayNum(i)
	if !ok {
		return no, 0, false
	}
	if m.kwAt(j) == kwOf && m.toks[i].flags&fOrdinal != 0 {
		j++
	}
	mon, _, k, ok := m.monthName(j)
	if !ok {
		return no, 0, false
	}
	if y, k2, ok := m.yearAfter(k); ok {
		return m.mk(i, k2, dayDate(y, mon, day), Day, false, false), k2, true
	}
	if k2, ok := m.thatYear(k); ok {
		return m.mk(i, k2, m.thatDay(mon, day), Day, false, false), k2, true
	}
	return m.inferDay(i, k, mon, day), k, true
}

// inferDay resolves a day and month without a year against publication.
func (m *matcher) inferDay(i, j, mon, day int) Expr {
	if !m.hasPub {
		return m.mk(i, j, time.Time{}, Day, true, false)
	}
	fut := m.future(i, j)
	y := m.p().Year()
	d := dayDate(y, mon, day)
	if d.IsZero() && mon == 2 && day == 29 {
		// February 29 of the nearest leap year on the side of the tense.
		for k := 1; k < 8; k++ {
			yy := y - k
			if fut {
				yy = y + k
			}
			if d = dayDate(yy, mon, day); !d.IsZero() {
				break
			}
		}
		return m.mk(i, j, d, Day, true, false)
	}
	if d.IsZero() {
		return m.mk(i, j, d, Day, true, false)
	}
	if fut {
		if d.Before(m.p().AddDate(0, 0, -31)) {
			d = dayDate(y+1, mon, day)
		}
	} else if d.After(m.p().AddDate(0, 0, 61)) {
		d = dayDate(y-1, mon, day)
	}
	return m.mk(i, j, d, Day, true, false)
}

// inferMonth resolves a month without a year against publication.
func (m *matcher) inferMonth(i, j, mon int) Expr {
	if !m.hasPub {
		return m.mk(i, j, time.Time{}, Month, true, false)
	}
	y := m.p().Year()
	diff := mon - int(m.p().Month())
	if m.future(i, j) {
		if diff < 0 {
			y++
		}
	} else if diff > 2 {
		y--
	}
	return m.mk(i, j, time.Date(y, time.Month(mon), 1, 0, 0, 0, 0, time.UTC), Month, true, false)
}

// dayDate returns the date, or zero when the day does not exist.
func dayDate(y, mon, day int) time.Time {
	d := time.Date(y, time.Month(mon), day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day {
		return time.Time{}
	}
	return d
}

// --- numbers -------------------------------------------------------------

// number matches expressions that start with a number: ISO and slash
// dates, day-first dates, decades, "three days ago" and years.
func (m *matcher) number(i int) (Expr, int, bool) {
	t := &m.toks[i]
	if t.flags&fDecade != 0 {
		return m.mk(i, i+1, time.Time{}, Unknown, false, false), i + 1, true
	}
	if x, j, ok := m.numericDate(i); ok {
		return x, j, true
	}
	if x, j, ok := m.dayFirst(i); ok {
		return x, j, true
	}
	if x, j, ok := m.ago(i); ok {
		return x, j, true
	}
	return m.year(i)
}

// numericDate matches "2025-02-27" and unambiguous "27/02/2025" or
// "02/27/2025".
func (m *matcher) numericDate(i int) (Expr, int, bool) {
	a, ok1 := m.intAt(i, 4)
	b, ok2 := m.intAt(i+2, 2)
	c, ok3 := m.intAt(i+4, 4)
	if !ok1 || !ok2 || !ok3 || !m.adjacent(i) || !m.adjacent(i+1) || !m.adjacent(i+2) || !m.adjacent(i+3) {
		return no, 0, false
	}
	sep := m.punctAt(i + 1)
	if sep != m.punctAt(i+3) {
		return no, 0, false
	}
	if m.adjacent(i+4) && (m.punctAt(i+5) == pDash || m.punctAt(i+5) == pSlash || m.tok(i+5).kind == kNum) {
		return no, 0, false // longer numeric run: a code, not a date
	}
	nA, nC := m.toks[i].ndig, m.toks[i+4].ndig
	var d time.Time
	switch {
	case sep == pDash && nA == 4 && m.toks[i+2].ndig == 2 && nC == 2:
		d = dayDate(a, b, c)
	case sep == pSlash && nA <= 2 && nC == 4:
		switch {
		case a > 12 && b <= 12:
			d = dayDate(c, b, a)
		case b > 12 && a <= 12:
			d = dayDate(c, a, b)
		case a == b:
			d = dayDate(c, a, a)
		}
	}
	if d.IsZero() {
		return no, 0, false
	}
	return m.mk(i, i+5, d, Day, false, false), i + 5, true
}

// year matches a standalone year ("in 2022", "the 2022 invasion",
// "2022-23") when its neighbours make it a year rather than a quantity.
func (m *matcher) year(i int) (Expr, int, bool) {
	y, ok := m.intAt(i, 4)
	if !ok || m.toks[i].ndig != 4 || y < 1800 || y > 2199 {
		return no, 0, false
	}
	j := i + 1
	// "2022-23", "2022–2023"
	if m.punctAt(j) == pDash && m.adjacent(i) && m.adjacent(j) {
		if y2, ok := m.intAt(j+1, 4); ok && (m.toks[j+1].ndig == 2 || m.toks[j+1].ndig == 4 && y2 > y && y2 < y+100) {
			j += 2
		} else {
			return no, 0, false
		}
	}
	if !m.yearContext(i, j) {
		return no, 0, false
	}
	return m.mk(i, j, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Year, false, false), j, true
}

// yearContext decides whether the number at token i, ending before token
// j, is a year.
func (m *matcher) yearContext(i, j int) bool {
	p := i - 1
	if m.punctAt(j) == pSlash && m.adjacent(j-1) || m.punctAt(p) == pSlash && m.adjacent(p) {
		return false // a path or fraction: "/2021/02/", "2021/22"
	}
	switch m.punctAt(p) {
	case pCurrency:
		return false
	case pPeriod, pColon, pSlash, pComma, pDash:
		if m.adjacent(p) && m.tok(p-1) != nil && m.tok(p-1).kind == kNum && m.adjacent(p-1) {
			return false // "1.2025", "10:2025"
		}
	}
	nextK := m.kwAt(j)
	if nextK == kwClock || nextK == kwUnit {
		return false
	}
	if m.punctAt(j) == pPercent {
		return false
	}
	strong := false
	switch m.kwAt(p) {
	case kwQuant, kwNumberNoun:
		return false // "about 2000", "Resolution 1973"
	case kwIn, kwSince, kwUntil, kwDuring, kwThe, kwEarly, kwMid, kwLate, kwBefore, kwAfter,
		kwThrough, kwThroughout, kwBetween, kwFrom, kwA:
		strong = true
	case kwS:
		strong = m.punctAt(p-1) == pApos && m.adjacent(p-1) // "Russia’s 2022 invasion"
	case kwSeason:
		strong = true // "summer 2022"
	case kwOf:
		// "the summer of 2022", "the end of 2022"
		strong = m.kwAt(p-1) == kwSeason || m.kwAt(p-1) == kwEdge
	}
	if m.punctAt(p) == pDash && m.adjacent(p) && m.kwAt(p-1) == kwMid {
		strong = true // "mid-2022"
	}
	if strong {
		return true
	}
	nt := m.tok(j)
	if nt == nil {
		return true
	}
	if nt.kind == kPunct {
		return punct(nt.val) != pDash
	}
	switch nextK {
	case kwAnd, kwOr, kwYearVerb, kwUntil, kwThrough:
		return true
	}
	return false
}

// --- weekdays ------------------------------------------------------------

// weekday matches "Thursday", "Thursday evening" and "Thursday, February
// 27" (which takes the written date).
func (m *matcher) weekday(i int) (Expr, int, bool) {
	t := &m.toks[i]
	if t.flags&fUpper == 0 || m.kwAt(i-1) == kwDayName || m.kwAt(i-1) == kwEvery {
		// "Bloody Sunday", "Good Friday Agreement", "every Thursday"
		return no, 0, false
	}
	j := i + 1
	if m.punctAt(j) == pComma {
		j++
	}
	if m.kwAt(j) == kwMonth {
		if x, k, ok := m.month(j); ok && x.Precision == Day {
			return m.extend(x, i), k, true
		}
	} else if x, k, ok := m.dayFirst(j); ok {
		return m.extend(x, i), k, true
	}
	j = i + 1
	if m.kwAt(j) == kwPartOfDay {
		j++
	}
	return m.weekdayRel(i, j, time.Weekday(t.val), m.future(i, j), false)
}

// weekdayRel resolves weekday wd for an expression spanning tokens [i, j),
// extended by a following part of day ("evening"). Without strict the day
// may be the publication day itself; with it, it must differ ("last
// Thursday", "next Tuesday").
func (m *matcher) weekdayRel(i, j int, wd time.Weekday, fut, strict bool) (Expr, int, bool) {
	if m.kwAt(j) == kwPartOfDay {
		j++
	}
	var d time.Time
	if m.hasPub {
		if fut {
			off := (int(wd) - int(m.p().Weekday()) + 7) % 7
			if strict && off == 0 {
				off = 7
			}
			d = m.p().AddDate(0, 0, off)
		} else {
			off := (int(m.p().Weekday()) - int(wd) + 7) % 7
			if strict && off == 0 {
				off = 7
			}
			d = m.p().AddDate(0, 0, -off)
		}
	}
	return m.mk(i, j, d, Day, true, fut && m.hasPub && d.After(m.p())), j, true
}

// --- relative expressions ------------------------------------------------

func (m *matcher) addDays(n int) time.Time {
	if !m.hasPub {
		return time.Time{}
	}
	return m.p().AddDate(0, 0, n)
}

// monday returns the Monday of the publication week moved by n weeks.
func (m *matcher) monday(n int) time.Time {
	if !m.hasPub {
		return time.Time{}
	}
	off := (int(m.p().Weekday()) + 6) % 7
	return m.p().AddDate(0, 0, 7*n-off)
}

// monthStart returns the first of the publication month moved by n months.
func (m *matcher) monthStart(n int) time.Time {
	if !m.hasPub {
		return time.Time{}
	}
	return time.Date(m.p().Year(), m.p().Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
}

// yearStart returns January 1 of the publication year moved by n years.
func (m *matcher) yearStart(n int) time.Time {
	if !m.hasPub {
		return time.Time{}
	}
	return time.Date(m.p().Year()+n, 1, 1, 0, 0, 0, 0, time.UTC)
}

// period returns the date and precision of a period unit moved by n units
// from the one holding the publication date.
func (m *matcher) period(unit, n int) (time.Time, Precision) {
	switch unit {
	case uMinute, uHour:
		return m.addDays(0), Day
	case uDay:
		return m.addDays(n), Day
	case uWeek:
		return m.monday(n), Week
	case uMonth:
		return m.monthStart(n), Month
	case uYear:
		return m.yearStart(n), Year
	case uDecade:
		return m.yearStart(10 * n), Year
	}
	return time.Time{}, Unknown
}

// weekend returns the Monday of the ISO week holding the weekend meant by
// "the weekend" (dir 0), "last weekend" (-1) or "next weekend" (1), for an
// expression spanning tokens [i, j).
func (m *matcher) weekend(i, j, dir int) time.Time {
	if !m.hasPub {
		return time.Time{}
	}
	onWeekend := m.p().Weekday() == time.Saturday || m.p().Weekday() == time.Sunday
	switch dir {
	case -1:
		return m.monday(-1)
	case 1:
		return m.monday(1)
	}
	if onWeekend || m.future(i, j) {
		return m.monday(0)
	}
	return m.monday(-1)
}

// modified matches expressions led by "last", "this", "next", "past" or
// "coming": "last week", "this month", "next year", "last Thursday", "next
// March", "this weekend", "last night", "this morning".
func (m *matcher) modified(i int) (Expr, int, bool) {
	k := m.kwAt(i)
	j := i + 1
	if k == kwThis && m.kwAt(j) == kwPast {
		k, j = kwLast, j+1 // "this past Sunday"
	} else if k == kwThis && m.kwAt(j) == kwComing {
		k, j = kwNext, j+1 // "this coming Monday"
	}
	dir := 0
	switch k {
	case kwLast, kwPast:
		dir = -1
	case kwNext, kwComing:
		dir = 1
	}
	t := m.tok(j)
	if t == nil || t.kind != kWord {
		return no, 0, false
	}
	switch t.kw {
	case kwUnit:
		if t.flags&fPlural != 0 || k == kwPast || k == kwComing {
			return no, 0, false
		}
		switch t.val {
		case uWeek, uMonth, uYear:
			d, p := m.period(t.val, dir)
			return m.mk(i, j+1, d, p, true, dir > 0), j + 1, true
		case uDecade:
			return m.mk(i, j+1, time.Time{}, Unknown, true, dir > 0), j + 1, true
		}
	case kwWeekend:
		return m.mk(i, j+1, m.weekend(i, j+1, dir), Week, true, dir > 0), j + 1, true
	case kwWeekday:
		if t.flags&fUpper == 0 {
			return no, 0, false
		}
		switch dir {
		case -1:
			return m.weekdayRel(i, j+1, time.Weekday(t.val), false, true)
		case 1:
			return m.weekdayRel(i, j+1, time.Weekday(t.val), true, true)
		}
		return m.weekdayRel(i, j+1, time.Weekday(t.val), m.future(i, j+1), false)
	case kwMonth:
		if t.flags&fUpper == 0 || t.flags&fAbbr != 0 {
			return no, 0, false
		}
		if !m.hasPub {
			return m.mk(i, j+1, time.Time{}, Month, true, dir > 0), j + 1, true
		}
		y, pm := m.p().Year(), int(m.p().Month())
		switch {
		case dir < 0 && t.val >= pm:
			y--
		case dir > 0 && t.val <= pm:
			y++
		}
		d := time.Date(y, time.Month(t.val), 1, 0, 0, 0, 0, time.UTC)
		return m.mk(i, j+1, d, Month, true, dir > 0), j + 1, true
	case kwSeason:
		if k == kwPast || k == kwComing {
			return no, 0, false
		}
		return m.season(i, j+1, t.val, dir), j + 1, true
	case kwPartOfDay:
		switch {
		case k == kwLast:
			return m.mk(i, j+1, m.addDays(-1), Day, true, false), j + 1, true
		case k == kwThis:
			return m.mk(i, j+1, m.addDays(0), Day, true, false), j + 1, true
		}
	}
	return no, 0, false
}

// season resolves "last summer", "this spring", "next autumn" (tokens
// [i, j)) to the year of that season, with Year precision. start is the
// first month of the season. Winter straddles two years and is left Unknown.
func (m *matcher) season(i, j, start, dir int) Expr {
	if start == 12 {
		return m.mk(i, j, time.Time{}, Unknown, true, dir > 0)
	}
	if !m.hasPub {
		return m.mk(i, j, time.Time{}, Year, true, dir > 0)
	}
	y, pm := m.py, int(m.pm)
	switch {
	case dir < 0 && pm < start+3:
		y-- // the season has not ended yet this year
	case dir > 0 && pm >= start:
		y++ // the season has begun this year
	}
	return m.mk(i, j, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Year, true, dir > 0)
}

// prefixed matches "early", "mid", "late", "earlier" and "later" in front of
// another expression: "mid-March", "early 2023", "late last year", "earlier
// this month", "late on Thursday", "the mid-1990s". The period keeps the
// precision of the expression it modifies.
func (m *matcher) prefixed(i int) (Expr, int, bool) {
	k := m.kwAt(i)
	j := i + 1
	if m.punctAt(j) == pDash && m.adjacent(i) && m.adjacent(j) {
		j++
	}
	if (k == kwEarlier || k == kwLater) && m.kwAt(j) == kwIn && m.kwAt(j+1) == kwThe && m.kwAt(j+2) == kwUnit {
		// "earlier in the week", "later in the year": the current period.
		switch u := m.toks[j+2].val; {
		case m.toks[j+2].flags&fPlural == 0 && (u == uWeek || u == uMonth || u == uYear):
			d, p := m.period(u, 0)
			return m.mk(i, j+3, d, p, true, false), j + 3, true
		}
		return no, 0, false
	}
	if m.kwAt(j) == kwOn && k != kwEarlier && k != kwMid {
		if m.kwAt(j+1) != kwWeekday {
			return no, 0, false
		}
		j++ // "late on Thursday"
	}
	t := m.tok(j)
	if t == nil {
		return no, 0, false
	}
	if t.kind == kNum && t.flags&fDecade != 0 {
		x := m.mk(i, j+1, time.Time{}, Unknown, false, false)
		return x, j + 1, true
	}
	x, next, ok := m.at(j)
	if !ok || x.Precision == Unknown {
		return no, 0, false
	}
	return m.extend(x, i), next, true
}

// quantity reads a count at token i: a number, a number word, "a"/"an", or
// a vague count ("a few", "several", "a couple of"). n is 0 for vague ones.
func (m *matcher) quantity(i int) (n, next int, ok bool) {
	t := m.tok(i)
	if t == nil {
		return 0, 0, false
	}
	if t.kind == kNum {
		v, ok := m.intAt(i, 3)
		if !ok || v < 1 {
			return 0, 0, false
		}
		return v, i + 1, true
	}
	switch t.kw {
	case kwNum:
		// "twenty-five"
		if t.val >= 20 && t.val%10 == 0 && m.punctAt(i+1) == pDash && m.adjacent(i) && m.adjacent(i+1) &&
			m.kwAt(i+2) == kwNum && m.toks[i+2].val < 10 {
			return t.val + m.toks[i+2].val, i + 3, true
		}
		if m.punctAt(i-1) == pDash && m.adjacent(i-1) && m.kwAt(i-2) == kwNum {
			return 0, 0, false // the tail of "twenty-five"
		}
		return t.val, i + 1, true
	case kwA:
		if m.kwAt(i+1) == kwFew {
			return m.quantity(i + 1)
		}
		return 1, i + 1, true
	case kwFew:
		j := i + 1
		if m.kwAt(j) == kwOf {
			j++ // "a couple of"
		}
		return 0, j, true
	}
	return 0, 0, false
}

// ago matches "three days ago", "a decade ago", "two years ago", "a few
// weeks ago".
func (m *matcher) ago(i int) (Expr, int, bool) {
	n, j, ok := m.quantity(i)
	if !ok || m.kwAt(j) != kwUnit || m.kwAt(j+1) != kwAgo {
		return no, 0, false
	}
	if n == 0 {
		return m.mk(i, j+2, time.Time{}, Unknown, true, false), j + 2, true
	}
	d, p := m.period(m.toks[j].val, -n)
	return m.mk(i, j+2, d, p, true, false), j + 2, true
}

// vague matches undated periods: "in recent years", "over the past
// decade", "in the last two years", "for years", "for several months",
// "over the years", "in the coming weeks", "in the past"; and, led by
// "the", "the weekend" and "the 1990s".
func (m *matcher) vague(i int) (Expr, int, bool) {
	k := m.kwAt(i)
	j := i
	prep := kwNone
	if k != kwThe && k != kwRecent {
		prep = k
		j++
	}
	switch m.kwAt(j) {
	case kwRecent:
		if m.kwAt(j+1) == kwTimes || m.kwAt(j+1) == kwUnit && m.toks[j+1].flags&fPlural != 0 {
			return m.mk(i, j+2, time.Time{}, Unknown, true, false), j + 2, true
		}
		return no, 0, false
	case kwThe:
	case kwUnit:
		// "for years", "for months"
		if prep == kwFor && m.toks[j].flags&fPlural != 0 && m.toks[j].val >= uDay {
			return m.mk(i, j+1, time.Time{}, Unknown, true, false), j + 1, true
		}
		return no, 0, false
	case kwFew:
		// "for several years", "for many months"
		if prep == kwFor {
			if _, k2, ok := m.quantity(j); ok && m.kwAt(k2) == kwUnit && m.toks[k2].flags&fPlural != 0 {
				return m.mk(i, k2+1, time.Time{}, Unknown, true, false), k2 + 1, true
			}
		}
		return no, 0, false
	default:
		return no, 0, false
	}
	theAt := j
	j++
	switch m.kwAt(j) {
	case kwPast, kwLast, kwComing, kwNext:
		fwd := m.kwAt(j) == kwComing || m.kwAt(j) == kwNext
		j++
		if _, k2, ok := m.quantity(j); ok && m.kwAt(k2) == kwUnit {
			j = k2 // "the past two years", "the last few months"
		}
		if m.kwAt(j) == kwUnit {
			plural := m.toks[j].flags&fPlural != 0
			if fwd && !plural && (m.kwAt(j-1) == kwNext || m.toks[j].val == uDay) {
				return no, 0, false // "the next day": relative to the story, not to publication
			}
			return m.mk(i, j+1, time.Time{}, Unknown, true, fwd), j + 1, true
		}
		if !fwd && prep == kwIn && m.kwAt(j-1) == kwPast {
			return m.mk(i, j, time.Time{}, Unknown, true, false), j, true // "in the past"
		}
	case kwUnit:
		// "over the years", "throughout the decades"
		if (prep == kwOver || prep == kwThroughout || prep == kwThrough) && m.toks[j].flags&fPlural != 0 && m.toks[j].val >= uYear {
			return m.mk(i, j+1, time.Time{}, Unknown, true, false), j + 1, true
		}
	case kwWeekend:
		return m.mk(theAt, j+1, m.weekend(theAt, j+1, 0), Week, true, false), j + 1, true
	case kwEdge:
		// "the end of the year", "the start of the month": the current one.
		if m.kwAt(j+1) == kwOf && m.kwAt(j+2) == kwThe && m.kwAt(j+3) == kwUnit && m.toks[j+3].flags&fPlural == 0 {
			switch u := m.toks[j+3].val; u {
			case uWeek, uMonth, uYear:
				d, p := m.period(u, 0)
				return m.mk(theAt, j+4, d, p, true, false), j + 4, true
			}
		}
	default:
		if t := m.tok(j); t != nil && t.kind == kNum && t.flags&fDecade != 0 {
			return m.mk(theAt, j+1, time.Time{}, Unknown, false, false), j + 1, true
		}
	}
	return no, 0, false
}
