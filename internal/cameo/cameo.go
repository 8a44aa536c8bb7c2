// Package cameo holds parley's CAMEO 1.1b3 event code table and its PLOVER
// mapping: for every CAMEO code its name, Goldstein score, quad class and
// PLOVER event type and mode, and for every PLOVER event type its modes and
// a cooperation/conflict score.
//
// The tables are data files embedded in the binary (codes.tsv, plover.tsv),
// parsed and validated once by Load. Their header comments say where each
// column comes from; the note column of codes.tsv says where parley chose
// among sources or repaired a defect of one.
package cameo

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed codes.tsv
var codesTSV []byte

//go:embed plover.tsv
var ploverTSV []byte

// Expected sizes of the CAMEO 1.1b3 code list: 20 root codes, 147
// three-digit codes and 145 four-digit codes. GDELT's lookup file has 310
// lines because it lacks 106 (merged into the 1056 line) and 1213 (Reject
// judicial cooperation, which the CAMEO manual and the CAMEO2PLOVER table
// list); parley carries both.
const (
	NumRoots = 20
	NumThree = 147
	NumFour  = 145
	NumCodes = NumRoots + NumThree + NumFour
)

// Quad classes of CAMEO event codes.
const (
	VerbalCooperation   = 1 // roots 01–05
	MaterialCooperation = 2 // roots 06–08
	VerbalConflict      = 3 // roots 09–13
	MaterialConflict    = 4 // roots 14–20
)

// Code is one CAMEO event code with its scores and PLOVER mapping.
type Code struct {
	// Code is the CAMEO code with leading zeros ("046", "0211").
	Code string
	// Root is the first two digits of Code.
	Root string
	// Name is the CAMEO 1.1b3 name of the code.
	Name string
	// Goldstein is the Goldstein conflict/cooperation score, -10 to +10.
	Goldstein float64
	// Quad is the quad class, 1 to 4 (see VerbalCooperation …).
	Quad int
	// PLOVEREvent is the PLOVER event type ("CONSULT").
	PLOVEREvent string
	// PLOVERMode is the PLOVER mode the code implies, or "" when it implies none.
	PLOVERMode string
	// Note explains a mapping choice or a repaired source defect; often "".
	Note string
}

// PLOVEREvent is one of the 16 PLOVER event types.
type PLOVEREvent struct {
	// Name is the type's name in capitals ("CONSULT").
	Name string
	// Quad groups the type like a CAMEO quad class, 1 to 4.
	Quad int
	// Score is parley's cooperation (+) / conflict (−) score of the type,
	// -10 to +10, for trend charts; plover.tsv documents the scale.
	Score float64
	// Modes lists the type's modes in alphabetical order; may be empty.
	Modes []string
	// Description is a short description in parley's words.
	Description string
}

// Table is the CAMEO code table and the PLOVER type table. It is read-only
// and safe for concurrent use.
type Table struct {
	codes  []Code // sorted by code
	byCode map[string]int
	plover []PLOVEREvent // in file order
	byName map[string]int
}

var loadEmbedded = sync.OnceValues(func() (*Table, error) {
	return Parse(codesTSV, ploverTSV)
})

// Load returns the embedded table, parsed and validated on first use. Every
// call returns the same *Table.
func Load() (*Table, error) {
	return loadEmbedded()
}

// Lookup returns the code and true, or a zero Code and false when code is
// not a CAMEO code.
func (t *Table) Lookup(code string) (Code, bool) {
	i, ok := t.byCode[code]
	if !ok {
		return Code{}, false
	}
	return t.codes[i], true
}

// MustLookup returns the code or panics. Use it only for codes written in
// the program and checked at startup, never for input.
func (t *Table) MustLookup(code string) Code {
	c, ok := t.Lookup(code)
	if !ok {
		panic(fmt.Sprintf("cameo: unknown CAMEO code %q", code))
	}
	return c
}

// Validate returns nil when code is a CAMEO code, else an error.
func (t *Table) Validate(code string) error {
	if _, ok := t.byCode[code]; !ok {
		return fmt.Errorf("unknown CAMEO code %q", code)
	}
	return nil
}

// Codes returns every code sorted by code string. The slice is a copy.
func (t *Table) Codes() []Code {
	out := make([]Code, len(t.codes))
	copy(out, t.codes)
	return out
}

// PLOVER returns the PLOVER event type with the given name and true, or a
// zero value and false.
func (t *Table) PLOVER(name string) (PLOVEREvent, bool) {
	i, ok := t.byName[name]
	if !ok {
		return PLOVEREvent{}, false
	}
	return clonePLOVER(t.plover[i]), true
}

// PLOVEREvents returns the 16 PLOVER event types, from most cooperative
// class to most conflictual, in PLOVER's order.
func (t *Table) PLOVEREvents() []PLOVEREvent {
	out := make([]PLOVEREvent, len(t.plover))
	for i, p := range t.plover {
		out[i] = clonePLOVER(p)
	}
	return out
}

func clonePLOVER(p PLOVEREvent) PLOVEREvent {
	p.Modes = append([]string(nil), p.Modes...)
	return p
}

// QuadOfRoot returns the quad class of a two-digit CAMEO root ("01"–"20"),
// or 0 when root is not one.
func QuadOfRoot(root string) int {
	if len(root) != 2 || !isDigits(root) {
		return 0
	}
	n, _ := strconv.Atoi(root) // two digits always parse
	switch {
	case n >= 1 && n <= 5:
		return VerbalCooperation
	case n >= 6 && n <= 8:
		return MaterialCooperation
	case n >= 9 && n <= 13:
		return VerbalConflict
	case n >= 14 && n <= 20:
		return MaterialConflict
	}
	return 0
}

// ErrorList is the list of problems found in a table file, each with its
// line. It is returned as one error by Parse.
type ErrorList []string

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0]
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Parse parses and validates a code table and a PLOVER table in the format
// of the embedded codes.tsv and plover.tsv. It reports every problem found,
// each as "file:line: message", in an ErrorList. Load is Parse of the
// embedded files; Parse exists for tests and for tools that check edited
// tables.
func Parse(codes, plover []byte) (*Table, error) {
	var errs ErrorList
	t := &Table{byCode: map[string]int{}, byName: map[string]int{}}
	parsePLOVER(t, plover, &errs)
	parseCodes(t, codes, &errs)
	if len(errs) > 0 {
		return nil, errs
	}
	return t, nil
}

// lines calls fn with each data line of a tab-separated file: comment lines
// ("#") and blank lines are skipped; lineno is 1-based.
func lines(data []byte, fn func(lineno int, fields []string)) {
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fn(i+1, strings.Split(line, "\t"))
	}
}

func parsePLOVER(t *Table, data []byte, errs *ErrorList) {
	bad := func(n int, format string, args ...any) {
		*errs = append(*errs, fmt.Sprintf("plover.tsv:%d: ", n)+fmt.Sprintf(format, args...))
	}
	lines(data, func(n int, f []string) {
		if len(f) != 5 {
			bad(n, "want 5 tab-separated fields, have %d", len(f))
			return
		}
		p := PLOVEREvent{Name: f[0], Description: strings.TrimSpace(f[4])}
		if p.Name == "" || strings.ToUpper(p.Name) != p.Name || strings.ContainsAny(p.Name, " ,") {
			bad(n, "bad PLOVER event name %q", p.Name)
			return
		}
		if _, dup := t.byName[p.Name]; dup {
			bad(n, "duplicate PLOVER event %s", p.Name)
			return
		}
		q, err := strconv.Atoi(f[1])
		if err != nil || q < 1 || q > 4 {
			bad(n, "%s: quad %q is not 1-4", p.Name, f[1])
		}
		p.Quad = q
		s, err := strconv.ParseFloat(f[2], 64)
		if err != nil || s < -10 || s > 10 {
			bad(n, "%s: score %q is not a number in [-10, 10]", p.Name, f[2])
		}
		p.Score = s
		if m := strings.TrimSpace(f[3]); m != "" {
			p.Modes = strings.Split(m, ",")
			for _, mode := range p.Modes {
				if mode == "" || mode != strings.TrimSpace(mode) {
					bad(n, "%s: bad mode %q", p.Name, mode)
				}
			}
			if !sort.StringsAreSorted(p.Modes) {
				bad(n, "%s: modes are not in alphabetical order", p.Name)
			}
		}
		if p.Description == "" {
			bad(n, "%s: no description", p.Name)
		}
		t.byName[p.Name] = len(t.plover)
		t.plover = append(t.plover, p)
	})
	if len(t.plover) != 16 {
		*errs = append(*errs, fmt.Sprintf("plover.tsv: %d PLOVER event types, want 16", len(t.plover)))
	}
}

func parseCodes(t *Table, data []byte, errs *ErrorList) {
	bad := func(n int, format string, args ...any) {
		*errs = append(*errs, fmt.Sprintf("codes.tsv:%d: ", n)+fmt.Sprintf(format, args...))
	}
	lines(data, func(n int, f []string) {
		if len(f) != 7 {
			bad(n, "want 7 tab-separated fields, have %d", len(f))
			return
		}
		c := Code{Code: f[0], Name: strings.TrimSpace(f[1]), PLOVEREvent: f[4], PLOVERMode: f[5], Note: strings.TrimSpace(f[6])}
		if len(c.Code) < 2 || len(c.Code) > 4 || !isDigits(c.Code) {
			bad(n, "bad CAMEO code %q", c.Code)
			return
		}
		c.Root = c.Code[:2]
		if _, dup := t.byCode[c.Code]; dup {
			bad(n, "duplicate CAMEO code %s", c.Code)
			return
		}
		if c.Name == "" || !isPrintableText(c.Name) {
			bad(n, "%s: bad name %q", c.Code, c.Name)
		}
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil || g < -10 || g > 10 {
			bad(n, "%s: goldstein %q is not a number in [-10, 10]", c.Code, f[2])
		}
		c.Goldstein = g
		q, err := strconv.Atoi(f[3])
		want := QuadOfRoot(c.Root)
		if want == 0 {
			bad(n, "%s: root %s is not 01-20", c.Code, c.Root)
		} else if err != nil || q != want {
			bad(n, "%s: quad %q, want %d for root %s", c.Code, f[3], want, c.Root)
		}
		c.Quad = q
		if pi, ok := t.byName[c.PLOVEREvent]; !ok {
			bad(n, "%s: unknown PLOVER event %q", c.Code, c.PLOVEREvent)
		} else if c.PLOVERMode != "" && !contains(t.plover[pi].Modes, c.PLOVERMode) {
			bad(n, "%s: PLOVER event %s has no mode %q", c.Code, c.PLOVEREvent, c.PLOVERMode)
		}
		t.byCode[c.Code] = len(t.codes)
		t.codes = append(t.codes, c)
	})
	sort.Slice(t.codes, func(i, j int) bool { return t.codes[i].Code < t.codes[j].Code })
	counts := map[int]int{}
	for i, c := range t.codes {
		t.byCode[c.Code] = i
		counts[len(c.Code)]++
		if len(c.Code) > 2 {
			parent := c.Code[:len(c.Code)-1]
			if _, ok := t.byCode[parent]; !ok {
				*errs = append(*errs, fmt.Sprintf("codes.tsv: %s has no parent code %s", c.Code, parent))
			}
		}
	}
	if counts[2] != NumRoots || counts[3] != NumThree || counts[4] != NumFour {
		*errs = append(*errs, fmt.Sprintf("codes.tsv: %d root, %d three-digit and %d four-digit codes, want %d, %d and %d",
			counts[2], counts[3], counts[4], NumRoots, NumThree, NumFour))
	}
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isPrintableText reports whether s is plain printable ASCII, which rules
// out mojibake like the GDELT label of 044.
func isPrintableText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
