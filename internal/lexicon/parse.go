package lexicon

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Sectors lists the allowed sector (role) codes with their meaning. See
// doc.go for how parley uses them.
var sectors = map[string]string{
	"GOV": "government, executive, diplomats, ministries",
	"MIL": "armed forces",
	"LEG": "legislature",
	"JUD": "judiciary, prosecutors",
	"COP": "police",
	"SPY": "intelligence services",
	"OPP": "political opposition",
	"REB": "rebels, insurgents",
	"BUS": "business",
	"MED": "media",
	"CVL": "civilians, the public, protesters",
	"NGO": "non-governmental organizations, activists",
	"IGO": "intergovernmental organizations",
	"EDU": "education, academics",
	"REL": "religion",
	"LAB": "labour",
	"HRI": "human-rights groups",
	"REF": "refugees",
	"AGR": "agriculture",
	"ELI": "elites",
	"IMG": "immigrants",
	"INS": "insurgents",
	"SEP": "separatists",
	"UAF": "unaffiliated armed forces",
	"CRM": "criminals",
	"DEV": "development",
	"ENV": "environment",
	"HLH": "health",
	"MOD": "moderates",
	"RAD": "radicals",
	"PTY": "political parties",
}

// IsSector reports whether code is an allowed sector code.
func IsSector(code string) bool {
	_, ok := sectors[code]
	return ok
}

// kind is one kind of lexicon file.
type kind struct {
	prefix  string   // file names start with it: "countries", "countries-extra"
	columns []string // column names, for messages and docs
}

var kinds = []kind{
	{"countries", []string{"CODE", "NAMES", "ADJECTIVES", "DEMONYMS", "CAPITAL", "SEATS"}},
	{"bodies", []string{"CODE", "NAMES"}},
	{"institutions", []string{"COUNTRY", "SECTOR", "NAMES"}},
	{"titles", []string{"SECTOR", "NAMES"}},
	{"offices", []string{"NAME", "ALIASES", "COUNTRY", "SECTOR", "TITLE", "FROM", "TO"}},
	{"places", []string{"NAME", "ALIASES", "COUNTRY", "LAT", "LON", "FLAGS"}},
}

// kindOf returns the kind of a file by its base name, or nil.
func kindOf(base string) *kind {
	if !strings.HasSuffix(base, ".txt") {
		return nil
	}
	stem := strings.TrimSuffix(base, ".txt")
	for i := range kinds {
		k := &kinds[i]
		if stem == k.prefix || strings.HasPrefix(stem, k.prefix+"-") || strings.HasPrefix(stem, k.prefix+"_") {
			return k
		}
	}
	return nil
}

// nameRef records where a name was first defined in a file and what it
// stands for, to find names that map to two different things.
type nameRef struct {
	target string
	line   int
}

// fileParser parses one file of one kind, adding records to lex and
// problems to errs.
type fileParser struct {
	file  string
	kind  *kind
	lex   *Lexicon
	errs  *ErrorList
	names map[string]nameRef // normalized name → first definition
	codes map[string]int     // countries: code → line
	terms map[string][]term  // offices: name|country|title → terms so far
}

// term is one term of office read from a file, to find overlapping terms
// of one person in one post.
type term struct {
	from, to time.Time
	line     int
}

func (p *fileParser) errorf(line int, format string, args ...any) {
	p.errs.Add(Pos{p.file, line}, fmt.Sprintf(format, args...))
}

// parse parses the whole file content.
func (p *fileParser) parse(src string) {
	p.names = make(map[string]nameRef)
	p.codes = make(map[string]int)
	p.terms = make(map[string][]term)
	src = strings.TrimPrefix(src, "\ufeff") // a byte-order mark some editors write
	line := 0
	for len(src) > 0 {
		line++
		var text string
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			text, src = src[:i], src[i+1:]
		} else {
			text, src = src, ""
		}
		p.parseLine(line, text)
	}
}

// columns splits a record line into trimmed columns. It strips a comment
// starting at '#' and returns nil for blank and comment lines.
func columns(text string) []string {
	if i := strings.IndexByte(text, '#'); i >= 0 {
		text = text[:i]
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	cols := strings.Split(text, "|")
	for i, c := range cols {
		cols[i] = strings.TrimSpace(c)
	}
	return cols
}

func (p *fileParser) parseLine(line int, text string) {
	if !utf8.ValidString(text) {
		p.errorf(line, "invalid UTF-8")
		return
	}
	cols := columns(text)
	if cols == nil {
		return
	}
	if len(cols) != len(p.kind.columns) {
		p.errorf(line, "got %d columns, want %d (%s)", len(cols), len(p.kind.columns), strings.Join(p.kind.columns, " | "))
		return
	}
	pos := Pos{p.file, line}
	ok := true
	switch p.kind.prefix {
	case "countries":
		c := Country{Pos: pos}
		c.Code, ok = p.code(line, "country code", cols[0])
		c.Names = p.list(line, "NAMES", cols[1], true, &ok)
		c.Adjectives = p.list(line, "ADJECTIVES", cols[2], false, &ok)
		c.Demonyms = p.list(line, "DEMONYMS", cols[3], false, &ok)
		c.Capital = p.name(line, "CAPITAL", cols[4], false, &ok)
		c.Seats = p.list(line, "SEATS", cols[5], false, &ok)
		if c.Code != "" {
			if first, dup := p.codes[c.Code]; dup {
				p.errorf(line, "country %s already defined at line %d", c.Code, first)
				ok = false
			} else {
				p.codes[c.Code] = line
			}
		}
		if ok {
			p.claim(line, c.Code, c.Names, c.Adjectives, c.Demonyms, c.Seats)
			p.lex.Countries = append(p.lex.Countries, c)
		}
	case "bodies":
		b := Body{Pos: pos}
		b.Code, ok = p.code(line, "body code", cols[0])
		b.Names = p.list(line, "NAMES", cols[1], true, &ok)
		if ok {
			p.claim(line, b.Code+" "+b.Names[0], b.Names)
			p.lex.Bodies = append(p.lex.Bodies, b)
		}
	case "institutions":
		in := Institution{Pos: pos}
		if cols[0] != "*" {
			in.Country, ok = p.code(line, "country code", cols[0])
		}
		in.Sector = p.sector(line, cols[1], &ok)
		in.Names = p.list(line, "NAMES", cols[2], true, &ok)
		if ok {
			country := in.Country
			if country == "" {
				country = "*"
			}
			p.claim(line, country+" "+in.Sector, in.Names)
			p.lex.Institutions = append(p.lex.Institutions, in)
		}
	case "titles":
		t := Title{Pos: pos}
		t.Sector = p.sector(line, cols[0], &ok)
		t.Names = p.list(line, "NAMES", cols[1], true, &ok)
		if ok {
			p.claim(line, t.Sector, t.Names)
			p.lex.Titles = append(p.lex.Titles, t)
		}
	case "offices":
		o := Office{Pos: pos}
		o.Name = p.name(line, "NAME", cols[0], true, &ok)
		o.Aliases = p.list(line, "ALIASES", cols[1], false, &ok)
		var okc bool
		o.Country, okc = p.code(line, "country code", cols[2])
		ok = ok && okc
		o.Sector = p.sector(line, cols[3], &ok)
		o.Title = p.name(line, "TITLE", cols[4], true, &ok)
		o.From = p.date(line, "FROM", cols[5], true, &ok)
		o.To = p.date(line, "TO", cols[6], false, &ok)
		if !o.From.IsZero() && !o.To.IsZero() && o.To.Before(o.From) {
			p.errorf(line, "TO %s is before FROM %s", cols[6], cols[5])
			ok = false
		}
		if ok {
			p.overlap(line, &o)
			p.claim(line, o.Name, append([]string{o.Name}, o.Aliases...))
			p.lex.Offices = append(p.lex.Offices, o)
		}
	case "places":
		pl := Place{Pos: pos}
		pl.Name = p.name(line, "NAME", cols[0], true, &ok)
		pl.Aliases = p.list(line, "ALIASES", cols[1], false, &ok)
		var okc bool
		pl.Country, okc = p.code(line, "country code", cols[2])
		ok = ok && okc
		pl.Lat = p.coord(line, "LAT", cols[3], 90, &ok)
		pl.Lon = p.coord(line, "LON", cols[4], 180, &ok)
		switch cols[5] {
		case "":
		case "capital":
			pl.Capital = true
		default:
			p.errorf(line, "unknown FLAGS %q (want \"capital\" or nothing)", cols[5])
			ok = false
		}
		if ok {
			p.claim(line, pl.Country+" "+pl.Name, append([]string{pl.Name}, pl.Aliases...))
			p.lex.Places = append(p.lex.Places, pl)
		}
	}
}

// code checks a three-letter upper-case code.
func (p *fileParser) code(line int, what, s string) (string, bool) {
	if len(s) != 3 || !isUpperASCII(s) {
		if s == "" {
			p.errorf(line, "missing %s", what)
		} else {
			p.errorf(line, "bad %s %q (want three upper-case letters)", what, s)
		}
		return "", false
	}
	return s, true
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func (p *fileParser) sector(line int, s string, ok *bool) string {
	if !IsSector(s) {
		if s == "" {
			p.errorf(line, "missing SECTOR")
		} else {
			p.errorf(line, "unknown sector %q", s)
		}
		*ok = false
		return ""
	}
	return s
}

// normName trims a name and collapses runs of white space to one space.
func normName(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsFunc(s, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// name checks one name; required names must not be empty.
func (p *fileParser) name(line int, col, s string, required bool, ok *bool) string {
	s = normName(s)
	if s == "" {
		if required {
			p.errorf(line, "empty %s", col)
			*ok = false
		}
		return ""
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		p.errorf(line, "%s %q contains a control character", col, s)
		*ok = false
	}
	return s
}

// list splits a ';'-separated list of names. An empty column is an empty
// list (an error when required); an empty item ("a;;b") is always an error.
func (p *fileParser) list(line int, col, s string, required bool, ok *bool) []string {
	if s == "" {
		if required {
			p.errorf(line, "empty %s", col)
			*ok = false
		}
		return nil
	}
	parts := strings.Split(s, ";")
	out := make([]string, 0, len(parts))
	seen := make(map[string]bool, len(parts))
	for _, part := range parts {
		n := p.name(line, col, part, false, ok)
		if n == "" {
			p.errorf(line, "empty name in %s", col)
			*ok = false
			continue
		}
		if seen[n] {
			p.errorf(line, "name %q repeated in %s", n, col)
			*ok = false
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}

// date parses YYYY-MM-DD or YYYY-MM (the first of the month). An empty TO
// means "still in office".
func (p *fileParser) date(line int, col, s string, required bool, ok *bool) time.Time {
	if s == "" {
		if required {
			p.errorf(line, "missing %s date", col)
			*ok = false
		}
		return time.Time{}
	}
	var t time.Time
	var err error
	switch len(s) {
	case len("2006-01-02"):
		t, err = time.Parse("2006-01-02", s)
	case len("2006-01"):
		t, err = time.Parse("2006-01", s)
	default:
		err = fmt.Errorf("wrong length")
	}
	if err != nil {
		p.errorf(line, "malformed %s date %q (want YYYY-MM-DD or YYYY-MM)", col, s)
		*ok = false
		return time.Time{}
	}
	return t
}

// coord parses a latitude or longitude within ±limit degrees.
func (p *fileParser) coord(line int, col, s string, limit float64, ok *bool) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		p.errorf(line, "malformed %s %q", col, s)
		*ok = false
		return 0
	}
	if v < -limit || v > limit {
		p.errorf(line, "%s %s out of range (±%g)", col, s, limit)
		*ok = false
		return 0
	}
	return v
}

// overlap reports a term of office that overlaps an earlier term of the
// same person in the same post, at both lines.
func (p *fileParser) overlap(line int, o *Office) {
	key := o.Name + "|" + o.Country + "|" + o.Title
	for _, t := range p.terms[key] {
		// Half-open terms [from, to), an open To being infinite.
		if (o.To.IsZero() || t.from.Before(o.To)) && (t.to.IsZero() || o.From.Before(t.to)) {
			p.errorf(t.line, "term of %s as %s overlaps the term at line %d", o.Name, o.Title, line)
			p.errorf(line, "term of %s as %s overlaps the term at line %d", o.Name, o.Title, t.line)
		}
	}
	p.terms[key] = append(p.terms[key], term{o.From, o.To, line})
}

// claim records that names stand for target on line, reporting a name
// already claimed in this file for a different target at both lines.
func (p *fileParser) claim(line int, target string, lists ...[]string) {
	for _, names := range lists {
		for _, n := range names {
			prev, dup := p.names[n]
			if !dup {
				p.names[n] = nameRef{target, line}
				continue
			}
			if prev.target == target {
				// A person holds several offices, one line each.
				if prev.line != line && p.kind.prefix != "offices" {
					p.errorf(line, "name %q also given at line %d", n, prev.line)
				}
				continue
			}
			p.errorf(prev.line, "name %q is %s here but %s at line %d", n, prev.target, target, line)
			p.errorf(line, "name %q is %s here but %s at line %d", n, target, prev.target, prev.line)
		}
	}
}
