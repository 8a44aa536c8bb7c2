package lexicon

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "update golden files")

// TestCheckBad checks that every problem of testdata/bad is reported at
// once, with its position, in order.
func TestCheckBad(t *testing.T) {
	err := Check(os.DirFS("testdata/bad"))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Check(testdata/bad) = %v, want an ErrorList", err)
	}
	var b strings.Builder
	for _, e := range list {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	got := b.String()
	golden := filepath.Join("testdata", "bad.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("Check(testdata/bad) mismatch (-want +got):\n%s", d)
	}
}

// TestCheckBadPositions spells out a few of the golden lines, so that a
// careless -update cannot hide a lost position.
func TestCheckBadPositions(t *testing.T) {
	err := Check(os.DirFS("testdata/bad"))
	if err == nil {
		t.Fatal("Check(testdata/bad) = nil, want errors")
	}
	var list ErrorList
	errors.As(err, &list)
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	for _, want := range []string{
		`countries.txt:3: empty name in NAMES`,
		`countries.txt:4: country XXA already defined at line 2`,
		`countries.txt:6: name "Eastern" is XXC here but XXD at line 7`,
		`countries.txt:7: name "Eastern" is XXD here but XXC at line 6`,
		`countries.txt:6: capital "Eastville" of XXC is not a place of XXC in the gazetteer`,
		`offices.txt:2: TO 2019-01-20 is before FROM 2020-01-20`,
		`offices.txt:3: unknown sector "ARMY"`,
		`offices.txt:4: malformed FROM date "2020-13-01" (want YYYY-MM-DD or YYYY-MM)`,
		`offices.txt:5: unknown country or body code "QQQ"`,
		`places.txt:2: LAT 91.00 out of range (±90)`,
		`places.txt:3: LON 180.5 out of range (±180)`,
		`places.txt:4: unknown country code "ZZZ"`,
		`institutions.txt:4: unknown sector "XYZ"`,
		`bodies.txt:3: bad body code "UNITED" (want three upper-case letters)`,
		`bodies.txt:4: got 1 columns, want 2 (CODE | NAMES)`,
		`bodies.txt:2: name "ACT" is IGO Atlantic Council of Tides here but IGO Tidal Union at line 5`,
	} {
		if !slices.Contains(got, want) {
			t.Errorf("Check(testdata/bad) lacks %q", want)
		}
	}
	if !slices.IsSortedFunc(list, func(a, b *Error) int {
		return cmpErr(a, b)
	}) {
		t.Errorf("Check(testdata/bad) errors are not sorted")
	}
}

func cmpErr(a, b *Error) int {
	switch {
	case a.File != b.File:
		return strings.Compare(a.File, b.File)
	case a.Line != b.Line:
		return a.Line - b.Line
	}
	return strings.Compare(a.Msg, b.Msg)
}

func TestCheckDefaults(t *testing.T) {
	if err := Check(nil); err != nil {
		t.Fatalf("Check(nil) = %v", err)
	}
}

func TestMerge(t *testing.T) {
	def := mustDefault(t)
	user, err := Load(os.DirFS("testdata/good"))
	if err != nil {
		t.Fatalf("Load(testdata/good) = %v", err)
	}
	if err := Check(os.DirFS("testdata/good")); err != nil {
		t.Fatalf("Check(testdata/good) = %v", err)
	}
	m := def.Merge(user)
	if err := m.Validate(); err != nil {
		t.Fatalf("merged lexicon: %v", err)
	}
	if got, want := len(m.Countries), len(def.Countries)+1; got != want {
		t.Errorf("merged %d countries, want %d", got, want)
	}
	geo := country(m, "GEO")
	if geo == nil {
		t.Fatal("GEO lost in merge")
	}
	if slices.Contains(geo.Names, "Georgia") {
		t.Errorf("GEO names %q still hold Georgia, which the user gave to XXA", geo.Names)
	}
	if c := country(def, "GEO"); !slices.Contains(c.Names, "Georgia") {
		t.Errorf("Merge changed its receiver: GEO names %q", c.Names)
	}
	// Istanbul is replaced, not duplicated.
	n := 0
	for _, p := range m.Places {
		if p.Name == "Istanbul" {
			n++
			if !slices.Contains(p.Aliases, "Byzantium") {
				t.Errorf("Istanbul aliases %q, want the user's", p.Aliases)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d places named Istanbul after merge, want 1", n)
	}
	if got, want := len(m.Offices), len(def.Offices)+1; got != want {
		t.Errorf("merged %d offices, want %d", got, want)
	}
}

func TestLoadLines(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string // error messages with positions; nil for none
	}{
		{"comment and blank", "titles.txt", "# c\n\n   \nGOV | envoy # trailing\n", nil},
		{"crlf", "titles.txt", "GOV | envoy\r\nMIL | troops\r\n", nil},
		{"byte-order mark", "bodies.txt", "\ufeffIGO | Tidal Union\n", nil},
		{"tabs", "titles.txt", "GOV\t|\tenvoy;\tchief\tenvoy\n", nil},
		{"column count", "places.txt", "Atlantis | | XXA | 1.0\n", []string{`places.txt:1: got 4 columns, want 6 (NAME | ALIASES | COUNTRY | LAT | LON | FLAGS)`}},
		{"boundary coordinates", "places.txt", "Pole | | XXA | 90 | -180 |\nAntipole | | XXA | -90.00 | 180.00 | capital\n", nil},
		{"overlapping terms", "offices.txt", "A B | | XXA | GOV | King | 2020-01 | 2021-01\nA B | | XXA | GOV | King | 2020-06 |\nA B | | XXA | GOV | King | 2021-01 | 2022-01\n", []string{
			`offices.txt:1: term of A B as King overlaps the term at line 2`,
			`offices.txt:2: term of A B as King overlaps the term at line 1`,
			`offices.txt:2: term of A B as King overlaps the term at line 3`,
			`offices.txt:3: term of A B as King overlaps the term at line 2`,
		}},
		{"no FROM", "offices.txt", "A B | | XXA | GOV | King | |\n", []string{`offices.txt:1: missing FROM date`}},
		{"missing sector", "titles.txt", " | envoy\n", []string{`titles.txt:1: missing SECTOR`}},
		{"two problems one line", "places.txt", "X | | xx | 100 | 1 |\n", []string{
			`places.txt:1: LAT 100 out of range (±90)`,
			`places.txt:1: bad country code "xx" (want three upper-case letters)`,
		}},
		{"no final newline", "bodies.txt", "IGO | Tidal Union", nil},
		{"spaces collapse", "titles.txt", "GOV | chief   envoy\nMIL | chief envoy\n", []string{
			`titles.txt:1: name "chief envoy" is GOV here but MIL at line 2`,
			`titles.txt:2: name "chief envoy" is MIL here but GOV at line 1`,
		}},
		{"repeated in list", "titles.txt", "GOV | envoy; envoy\n", []string{`titles.txt:1: name "envoy" repeated in NAMES`}},
		{"same target twice", "titles.txt", "GOV | envoy\nGOV | envoy\n", []string{`titles.txt:2: name "envoy" also given at line 1`}},
		{"bad utf8", "titles.txt", "GOV | env\xffoy\n", []string{`titles.txt:1: invalid UTF-8`}},
		{"month date", "offices.txt", "A B | | XXA | GOV | King | 2020-02 | 2020-02\n", nil},
		{"unknown file", "patterns-x.txt", "whatever\n", nil},
		{"empty required list", "titles.txt", "GOV | \n", []string{`titles.txt:1: empty NAMES`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{tt.file: {Data: []byte(tt.src)}}
			_, err := Load(fsys)
			var got []string
			if err != nil {
				var list ErrorList
				if !errors.As(err, &list) {
					t.Fatalf("Load() = %v, want an ErrorList", err)
				}
				for _, e := range list {
					got = append(got, e.Error())
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Load(%q) errors (-want +got):\n%s", tt.src, d)
			}
		})
	}
}

func TestLoadOffice(t *testing.T) {
	src := "Ada Quill | Ada Q. | XXA | GOV | President | 2020-01-20 | 2024-05\n"
	l, err := Load(fstest.MapFS{"offices.txt": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	want := []Office{{
		Name: "Ada Quill", Aliases: []string{"Ada Q."}, Country: "XXA", Sector: "GOV",
		Title: "President", From: day("2020-01-20"), To: day("2024-05-01"),
		Pos: Pos{"offices.txt", 1},
	}}
	if d := cmp.Diff(want, l.Offices); d != "" {
		t.Errorf("Load offices (-want +got):\n%s", d)
	}
}

// FuzzLexiconParse checks that no input makes the loader panic and that
// every problem it reports has a position inside the file.
func FuzzLexiconParse(f *testing.F) {
	for _, dir := range []string{"data", "testdata/bad", "testdata/good"} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil || len(data) > 4096 {
				// Seed with the head of the large default files.
				if err == nil {
					f.Add(e.Name(), string(data[:4096]))
				}
				continue
			}
			f.Add(e.Name(), string(data))
		}
	}
	f.Add("places.txt", "X | | XXA | NaN | Inf |\n")
	f.Add("offices.txt", "A | | XXA | GOV | T | 0000-00-00 | 9999-99\n")
	f.Fuzz(func(t *testing.T, name, src string) {
		kind := []string{"countries.txt", "bodies.txt", "institutions.txt", "titles.txt", "offices.txt", "places.txt"}
		file := kind[len(name)%len(kind)]
		l, err := Load(fstest.MapFS{file: {Data: []byte(src)}})
		if l == nil {
			t.Fatal("Load returned a nil lexicon")
		}
		lines := strings.Count(src, "\n") + 1
		var list ErrorList
		if err != nil && !errors.As(err, &list) {
			t.Fatalf("Load error %v is not an ErrorList", err)
		}
		for _, e := range list {
			if e.File != file || e.Line < 1 || e.Line > lines {
				t.Errorf("error %q has position outside %s (1..%d)", e, file, lines)
			}
		}
		_ = l.Validate() // must not panic; the fuzzed file alone may well refer to unknown codes
		_ = l.Merge(l)
	})
}
