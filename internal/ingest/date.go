package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dayOf returns UTC midnight of t's calendar day as written (in t's own
// zone): parley keeps publication dates at day precision, and the day the
// publisher printed is the one that counts.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// plausible reports whether t is a believable publication date.
func plausible(t time.Time) bool {
	return t.Year() >= 1900 && t.Year() <= 2100
}

// dateLayouts are the machine formats met in metadata: RFC 3339 and ISO 8601
// variants, RFC 1123 / RFC 822 (feeds) with their common deviations.
var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.DateOnly,
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon, 02 Jan 2006 15:04 -0700",
	"Mon, 02 Jan 2006 15:04 MST",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon, 2 Jan 06 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"02 Jan 2006 15:04:05 -0700",
	"02 Jan 2006 15:04:05 MST",
	"Mon, 2 January 2006 15:04:05 -0700",
	"Mon, 2 January 2006 15:04:05 MST",
	"Mon, 2 Jan 2006",
	"Monday, 2 January 2006 15:04:05 -0700",
	"Mon Jan 2 15:04:05 MST 2006",
	"Mon Jan 2 15:04:05 -0700 2006",
	time.RFC850,
}

// parseDate reads a date from a metadata value (an attribute, a feed field,
// a JSON field). It accepts the machine formats above and the written
// forms findDate knows ("February 28, 2025"). It returns the day at UTC
// midnight.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	// Feeds write "GMT", "UT", "Z" or "+0000 (UTC)" in many ways.
	s = strings.TrimSuffix(s, " (UTC)")
	s = strings.Join(strings.Fields(s), " ")
	cand := []string{s}
	if strings.HasSuffix(s, " UT") {
		cand = append(cand, s+"C")
	}
	if i := strings.IndexByte(s, ','); i > 0 && i <= 10 && len(s) > i+1 {
		// a misspelt weekday: try without it
		cand = append(cand, strings.TrimSpace(s[i+1:]))
	}
	for _, c := range cand {
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, c); err == nil && plausible(t) {
				return dayOf(t), true
			}
		}
	}
	if t, ok := findDate(s); ok {
		return t, true
	}
	return time.Time{}, false
}

var months = map[string]time.Month{
	"jan": time.January, "january": time.January,
	"feb": time.February, "february": time.February,
	"mar": time.March, "march": time.March,
	"apr": time.April, "april": time.April,
	"may": time.May,
	"jun": time.June, "june": time.June,
	"jul": time.July, "july": time.July,
	"aug": time.August, "august": time.August,
	"sep": time.September, "sept": time.September, "september": time.September,
	"oct": time.October, "october": time.October,
	"nov": time.November, "november": time.November,
	"dec": time.December, "december": time.December,
}

const monthRE = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

var (
	// "February 28, 2025", "Feb. 28 2025", "Feb 28th, 2025"
	mdyRE = regexp.MustCompile(`(?i)\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// "28 February 2025", "28th Feb. 2025"
	dmyRE = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRE + `,?\s+(\d{4})\b`)
	// "2025-02-28", "2025/02/28", "2025-02-28T10:00:00Z"
	// "25/05/2023", "25.05.2023"
	numericRE = regexp.MustCompile(`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b`)
	isoRE     = regexp.MustCompile(`\b(\d{4})[-/](\d{2})[-/](\d{2})(?:T|\b)`)
)

// findDate finds the first written date in free text: "February 28, 2025",
// "28 February 2025", "Feb. 28, 2025", "2025-02-28". When several forms
// occur, the earliest in the text wins.
func findDate(s string) (time.Time, bool) {
	if !hasYear(s) {
		return time.Time{}, false
	}
	best, bestAt := time.Time{}, -1
	try := func(at int, y, m, d string, mon time.Month) {
		year, err1 := strconv.Atoi(y)
		day, err2 := strconv.Atoi(d)
		if mon == 0 {
			n, err := strconv.Atoi(m)
			if err != nil || n < 1 || n > 12 {
				return
			}
			mon = time.Month(n)
		}
		if err1 != nil || err2 != nil || day < 1 || day > 31 {
			return
		}
		t := time.Date(year, mon, day, 0, 0, 0, 0, time.UTC)
		if t.Day() != day || !plausible(t) {
			return
		}
		if bestAt < 0 || at < bestAt {
			best, bestAt = t, at
		}
	}
	if m := mdyRE.FindStringSubmatchIndex(s); m != nil {
		try(m[0], s[m[6]:m[7]], "", s[m[4]:m[5]], months[strings.ToLower(s[m[2]:m[3]])])
	}
	if m := dmyRE.FindStringSubmatchIndex(s); m != nil {
		try(m[0], s[m[6]:m[7]], "", s[m[2]:m[3]], months[strings.ToLower(s[m[4]:m[5]])])
	}
	if m := isoRE.FindStringSubmatchIndex(s); m != nil {
		try(m[0], s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]], 0)
	}
	if m := numericRE.FindStringSubmatchIndex(s); m != nil {
		// "25/05/2023" or "05/25/2023": read only when the order is
		// unambiguous (one of the numbers is over 12) or both are the same.
		a, b := s[m[2]:m[3]], s[m[4]:m[5]]
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		switch {
		case x > 12 || x == y:
			try(m[0], s[m[6]:m[7]], b, a, 0)
		case y > 12:
			try(m[0], s[m[6]:m[7]], a, b, 0)
		}
	}
	return best, bestAt >= 0
}

// hasYear reports whether s has a run of four digits, which every date
// findDate reads contains.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
