package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// defaultData holds the embedded default lexicon under data/.
//
//go:embed data
var defaultData embed.FS

// defaultDir is the directory of defaultData that holds the actor and place
// files; error positions in the defaults read "data/countries.txt:12".
const defaultDir = "data"

// DefaultFS returns the embedded default data files; its root directory
// "data" holds countries.txt, bodies.txt and the other files.
func DefaultFS() fs.FS { return defaultData }

// Default returns the embedded default lexicon, loaded and validated.
// Each call returns a new *Lexicon.
func Default() (*Lexicon, error) {
	l, errs := load(defaultData, defaultDir)
	errs = append(errs, l.validate()...)
	if err := errs.Err(); err != nil {
		return nil, fmt.Errorf("loading embedded lexicon: %w", err)
	}
	return l, nil
}

// Load reads the lexicon files at the root of fsys (see the package
// documentation for names and formats). Files whose names start with
// "patterns" belong to the event coder and are skipped here, as are
// subdirectories and files without the .txt extension.
//
// Load checks every line on its own and within its file, but not the
// references between files (country codes, capitals), since a user
// directory may refer to codes defined by the defaults: see Validate and
// Check. On error, Load returns an ErrorList with every problem, and a
// lexicon holding the records that were well-formed.
func Load(fsys fs.FS) (*Lexicon, error) {
	l, errs := load(fsys, ".")
	return l, errs.Err()
}

// load reads the lexicon files of directory dir of fsys.
func load(fsys fs.FS, dir string) (*Lexicon, ErrorList) {
	l := &Lexicon{}
	var errs ErrorList
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		errs.Add(Pos{File: dir}, fmt.Sprintf("reading lexicon directory: %v", err))
		return l, errs
	}
	for _, e := range entries { // sorted by name
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".txt") || strings.HasPrefix(name, "patterns") {
			continue
		}
		file := name
		if dir != "." {
			file = path.Join(dir, name)
		}
		k := kindOf(name)
		if k == nil {
			errs.Add(Pos{File: file}, "unknown lexicon file (names start with countries, bodies, institutions, titles, offices or places)")
			continue
		}
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			errs.Add(Pos{File: file}, fmt.Sprintf("reading lexicon file: %v", err))
			continue
		}
		p := fileParser{file: file, kind: k, lex: l, errs: &errs}
		p.parse(string(data))
	}
	return l, errs
}

// Validate checks the references between the lexicon's records: every
// country code used by an institution, office or place is a known country
// (offices and institutions may also name an international body's code),
// every country's capital is a place of that country in the gazetteer,
// and no body uses a country's code.
// It returns nil or an ErrorList.
func (l *Lexicon) Validate() error { return l.validate().Err() }

func (l *Lexicon) validate() ErrorList {
	var errs ErrorList
	countries := make(map[string]bool, len(l.Countries))
	for _, c := range l.Countries {
		countries[c.Code] = true
	}
	bodies := make(map[string]bool)
	for _, b := range l.Bodies {
		bodies[b.Code] = true
		if countries[b.Code] {
			errs.Add(b.Pos, fmt.Sprintf("body code %s is a country's code", b.Code))
		}
	}
	actor := func(pos Pos, code string) {
		if !countries[code] && !bodies[code] {
			errs.Add(pos, fmt.Sprintf("unknown country or body code %q", code))
		}
	}
	for _, in := range l.Institutions {
		if in.Country != "" {
			actor(in.Pos, in.Country)
		}
	}
	for _, o := range l.Offices {
		actor(o.Pos, o.Country)
	}
	type placeKey struct{ country, name string }
	places := make(map[placeKey]bool, 2*len(l.Places))
	for _, p := range l.Places {
		if !countries[p.Country] {
			errs.Add(p.Pos, fmt.Sprintf("unknown country code %q", p.Country))
		}
		places[placeKey{p.Country, p.Name}] = true
		for _, a := range p.Aliases {
			places[placeKey{p.Country, a}] = true
		}
	}
	for _, c := range l.Countries {
		if c.Capital != "" && !places[placeKey{c.Code, c.Capital}] {
			errs.Add(c.Pos, fmt.Sprintf("capital %q of %s is not a place of %s in the gazetteer", c.Capital, c.Code, c.Code))
		}
	}
	return errs
}

// Check loads the lexicon files of fsys, merges them over the embedded
// defaults and validates the result. It returns nil or an ErrorList with
// every problem, each as "file:line: message". Problems in fsys carry the
// bare file name ("places.txt", since Load reads only the root of fsys);
// problems found in the embedded defaults, which a user file can cause
// (say, by taking a capital's name for another country), carry
// "data/places.txt". Check(nil) checks the embedded defaults alone. A
// default lexicon that is broken by itself (a bug in parley) is reported
// as a plain error when fsys is not nil.
func Check(fsys fs.FS) error {
	def, defErrs := load(defaultData, defaultDir)
	defErrs = append(defErrs, def.validate()...)
	if fsys == nil {
		defErrs.RemoveMultiples()
		return defErrs.Err()
	}
	if err := defErrs.Err(); err != nil {
		return fmt.Errorf("embedded lexicon: %v", err.Error())
	}
	user, errs := load(fsys, ".")
	errs = append(errs, def.Merge(user).validate()...)
	errs.RemoveMultiples()
	return errs.Err()
}

// Merge returns a new lexicon: l extended and overridden by other, as a
// user's lexicon directory extends the defaults. Neither input changes.
//
// A record of other replaces the record of l with the same key:
// countries by Code; bodies by Code and first name; institutions by
// Country and first name; titles by first name; offices by Name, Country,
// Title and From; places by Country and Name. Other records of other are
// added. A name that other gives to a record takes that name away from
// the remaining records of l of the same kind, so that a user can move
// "Georgia" or "Congo" elsewhere; a record of l left without names is
// dropped, except a country, which other records refer to by code, and a
// place whose Name is taken is dropped with its aliases.
func (l *Lexicon) Merge(other *Lexicon) *Lexicon {
	if other == nil {
		other = &Lexicon{}
	}
	out := &Lexicon{}
	out.Countries = mergeKind(l.Countries, other.Countries,
		func(c Country) string { return c.Code },
		func(c Country) [][]string { return [][]string{c.Names, c.Adjectives, c.Demonyms, c.Seats} },
		func(c Country, taken map[string]bool) (Country, bool) {
			c.Names = without(c.Names, taken)
			c.Adjectives = without(c.Adjectives, taken)
			c.Demonyms = without(c.Demonyms, taken)
			c.Seats = without(c.Seats, taken)
			// A country stays even without names: other records
			// refer to its code.
			return c, true
		})
	out.Bodies = mergeKind(l.Bodies, other.Bodies,
		func(b Body) string { return b.Code + "|" + first(b.Names) },
		func(b Body) [][]string { return [][]string{b.Names} },
		func(b Body, taken map[string]bool) (Body, bool) {
			b.Names = without(b.Names, taken)
			return b, len(b.Names) > 0
		})
	out.Institutions = mergeKind(l.Institutions, other.Institutions,
		func(in Institution) string { return in.Country + "|" + first(in.Names) },
		func(in Institution) [][]string { return [][]string{in.Names} },
		func(in Institution, taken map[string]bool) (Institution, bool) {
			in.Names = without(in.Names, taken)
			return in, len(in.Names) > 0
		})
	out.Titles = mergeKind(l.Titles, other.Titles,
		func(t Title) string { return first(t.Names) },
		func(t Title) [][]string { return [][]string{t.Names} },
		func(t Title, taken map[string]bool) (Title, bool) {
			t.Names = without(t.Names, taken)
			return t, len(t.Names) > 0
		})
	out.Offices = mergeKind(l.Offices, other.Offices,
		func(o Office) string {
			return o.Name + "|" + o.Country + "|" + o.Title + "|" + o.From.Format("2006-01-02")
		},
		nil, nil)
	out.Places = mergeKind(l.Places, other.Places,
		func(p Place) string { return p.Country + "|" + p.Name },
		func(p Place) [][]string { return [][]string{{p.Name}, p.Aliases} },
		func(p Place, taken map[string]bool) (Place, bool) {
			if taken[p.Name] {
				return p, false
			}
			p.Aliases = without(p.Aliases, taken)
			return p, true
		})
	return out
}

// mergeKind merges the records of one kind; see Merge.
func mergeKind[T any](base, over []T, key func(T) string, names func(T) [][]string, strip func(T, map[string]bool) (T, bool)) []T {
	overKeys := make(map[string]int, len(over))
	for i, r := range over {
		overKeys[key(r)] = i
	}
	taken := make(map[string]bool)
	if names != nil {
		for _, r := range over {
			for _, list := range names(r) {
				for _, n := range list {
					taken[n] = true
				}
			}
		}
	}
	out := make([]T, 0, len(base)+len(over))
	used := make([]bool, len(over))
	for _, r := range base {
		if i, ok := overKeys[key(r)]; ok {
			if !used[i] {
				out = append(out, over[i])
				used[i] = true
			}
			continue
		}
		if strip != nil && len(taken) > 0 {
			var keep bool
			if r, keep = strip(r, taken); !keep {
				continue
			}
		}
		out = append(out, r)
	}
	for i, r := range over {
		// Of several records of other with one key, the last wins.
		if !used[i] && overKeys[key(r)] == i {
			out = append(out, r)
		}
	}
	return out
}

// without returns names minus the taken ones, sharing no memory with names
// when it removes any.
func without(names []string, taken map[string]bool) []string {
	n := 0
	for _, s := range names {
		if taken[s] {
			n++
		}
	}
	if n == 0 {
		return names
	}
	out := make([]string, 0, len(names)-n)
	for _, s := range names {
		if !taken[s] {
			out = append(out, s)
		}
	}
	return out
}

func first(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return names[0]
}

// Sectors returns the allowed sector codes, sorted.
func Sectors() []string {
	out := make([]string, 0, len(sectors))
	for s := range sectors {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
