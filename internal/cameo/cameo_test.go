package cameo

import (
	"strings"
	"testing"
)

func load(t *testing.T) *Table {
	t.Helper()
	tab, err := Load()
	if err != nil {
		t.Fatalf("Load() error: %v", err)
	}
	return tab
}

func TestCount(t *testing.T) {
	tab := load(t)
	codes := tab.Codes()
	if len(codes) != NumCodes || NumCodes != 312 {
		t.Fatalf("len(Codes()) = %d, want %d (= 312)", len(codes), NumCodes)
	}
	byLen := map[int]int{}
	for i, c := range codes {
		byLen[len(c.Code)]++
		if i > 0 && codes[i-1].Code >= c.Code {
			t.Errorf("Codes() not sorted at %d: %s after %s", i, c.Code, codes[i-1].Code)
		}
	}
	if byLen[2] != 20 || byLen[3] != 147 || byLen[4] != 145 {
		t.Errorf("codes by length = %v, want 20 roots, 147 three-digit, 145 four-digit", byLen)
	}
}

func TestSpotValues(t *testing.T) {
	tab := load(t)
	tests := []struct {
		code, root, name string
		goldstein        float64
		quad             int
		event, mode      string
	}{
		{"01", "01", "MAKE PUBLIC STATEMENT", 0, 1, "SUPPORT", ""},
		{"010", "01", "Make statement", 0, 1, "SUPPORT", ""},
		{"0211", "02", "Appeal for economic cooperation", 3.4, 1, "REQUEST", "assist"},
		{"030", "03", "Express intent to cooperate", 4, 1, "AGREE", ""},
		{"041", "04", "Discuss by telephone", 1, 1, "CONSULT", "phone"},
		{"044", "04", "Meet at a third location", 2.5, 1, "CONSULT", "third-party"},
		{"046", "04", "Engage in negotiation", 7, 1, "CONSULT", ""},
		{"051", "05", "Praise or endorse", 3.4, 1, "SUPPORT", ""},
		{"072", "07", "Provide military aid", 8.3, 2, "AID", ""},
		{"1056", "10", "Demand de-escalation of military engagement", -5, 3, "REQUEST", "yield"},
		{"106", "10", "Demand meeting, negotiation", -5, 3, "REQUEST", "meet"},
		{"1213", "12", "Reject judicial cooperation", -4, 3, "REJECT", "assist"},
		{"161", "16", "Reduce or break diplomatic relations", -4, 4, "SANCTION", "withdraw"},
		{"163", "16", "Impose embargo, boycott, or sanctions", -8, 4, "SANCTION", "discontinue"},
		{"190", "19", "Use conventional military force", -10, 4, "ASSAULT", ""},
		{"2042", "20", "Detonate nuclear weapons", -10, 4, "ASSAULT", "unconventional"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c, ok := tab.Lookup(tt.code)
			if !ok {
				t.Fatalf("Lookup(%q) not found", tt.code)
			}
			got := Code{Code: c.Code, Root: c.Root, Name: c.Name, Goldstein: c.Goldstein, Quad: c.Quad, PLOVEREvent: c.PLOVEREvent, PLOVERMode: c.PLOVERMode}
			want := Code{Code: tt.code, Root: tt.root, Name: tt.name, Goldstein: tt.goldstein, Quad: tt.quad, PLOVEREvent: tt.event, PLOVERMode: tt.mode}
			if got != want {
				t.Errorf("Lookup(%q) = %+v, want %+v", tt.code, got, want)
			}
		})
	}
}

func TestUpstreamDefects(t *testing.T) {
	tab := load(t)
	c044 := tab.MustLookup("044")
	if !strings.Contains(c044.Name, "third location") || !isPrintableText(c044.Name) {
		t.Errorf("044 name = %q, want a clean name about a third location", c044.Name)
	}
	c106, ok := tab.Lookup("106")
	if !ok || c106.Goldstein != -5.0 {
		t.Errorf("Lookup(106) = %+v, %v; want goldstein -5.0", c106, ok)
	}
	c1056 := tab.MustLookup("1056")
	if strings.Contains(c1056.Name, "106") || strings.Contains(c1056.Name, "[") || c1056.Goldstein != -5.0 {
		t.Errorf("1056 = %+v, want its own clean name and goldstein -5.0", c1056)
	}
}

func TestQuadClasses(t *testing.T) {
	tab := load(t)
	for _, c := range tab.Codes() {
		root := c.Code[:2]
		var want int
		switch {
		case root <= "05":
			want = 1
		case root <= "08":
			want = 2
		case root <= "13":
			want = 3
		default:
			want = 4
		}
		if c.Quad != want || c.Root != root {
			t.Errorf("%s: quad %d root %q, want %d %q", c.Code, c.Quad, c.Root, want, root)
		}
	}
	for _, tt := range []struct {
		root string
		want int
	}{{"01", 1}, {"05", 1}, {"06", 2}, {"08", 2}, {"09", 3}, {"13", 3}, {"14", 4}, {"20", 4}, {"00", 0}, {"21", 0}, {"4", 0}, {"x1", 0}} {
		if got := QuadOfRoot(tt.root); got != tt.want {
			t.Errorf("QuadOfRoot(%q) = %d, want %d", tt.root, got, tt.want)
		}
	}
}

func TestEveryCodeMapsToPLOVER(t *testing.T) {
	tab := load(t)
	used := map[string]bool{}
	for _, c := range tab.Codes() {
		p, ok := tab.PLOVER(c.PLOVEREvent)
		if !ok {
			t.Errorf("%s: PLOVER event %q unknown", c.Code, c.PLOVEREvent)
			continue
		}
		used[p.Name] = true
		if c.PLOVERMode != "" && !contains(p.Modes, c.PLOVERMode) {
			t.Errorf("%s: mode %q not a mode of %s", c.Code, c.PLOVERMode, p.Name)
		}
	}
	if len(used) != 16 {
		t.Errorf("codes use %d PLOVER types, want all 16", len(used))
	}
}

func TestPLOVERTable(t *testing.T) {
	tab := load(t)
	evs := tab.PLOVEREvents()
	if len(evs) != 16 {
		t.Fatalf("len(PLOVEREvents()) = %d, want 16", len(evs))
	}
	// Scores must not rise from one quad to the next: every cooperative
	// type scores above every conflictual one.
	for _, a := range evs {
		for _, b := range evs {
			if a.Quad <= 2 && b.Quad >= 3 && a.Score <= b.Score {
				t.Errorf("%s (%v) should score above %s (%v)", a.Name, a.Score, b.Name, b.Score)
			}
		}
	}
	consult, _ := tab.PLOVER("CONSULT")
	if !contains(consult.Modes, "third-party") || consult.Score <= 0 {
		t.Errorf("PLOVER(CONSULT) = %+v", consult)
	}
	consult.Modes[0] = "changed"
	again, _ := tab.PLOVER("CONSULT")
	if again.Modes[0] == "changed" {
		t.Error("PLOVER returned a slice that aliases the table")
	}
	if _, ok := tab.PLOVER("STATEMENT"); ok {
		t.Error(`PLOVER("STATEMENT") found, want not found`)
	}
}

func TestUnknownCode(t *testing.T) {
	tab := load(t)
	for _, code := range []string{"", "0", "00", "21", "047", "1213 ", "999", "abc", "01234"} {
		if _, ok := tab.Lookup(code); ok {
			t.Errorf("Lookup(%q) found, want not found", code)
		}
		err := tab.Validate(code)
		if err == nil || !strings.Contains(err.Error(), "unknown CAMEO code") {
			t.Errorf("Validate(%q) = %v, want unknown CAMEO code", code, err)
		}
	}
	if err := tab.Validate("046"); err != nil {
		t.Errorf("Validate(046) = %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustLookup(999) did not panic")
		}
	}()
	tab.MustLookup("999")
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, codes, want string
	}{
		{"bad quad", "01\tMake\t0.0\t3\tSUPPORT\t\t\n", "codes.tsv:1: 01: quad \"3\", want 1"},
		{"unknown plover", "01\tMake\t0.0\t1\tSTATEMENT\t\t\n", "unknown PLOVER event"},
		{"bad mode", "04\tConsult\t1.0\t1\tCONSULT\tzoom\t\n", "has no mode \"zoom\""},
		{"no goldstein", "01\tMake\t\t1\tSUPPORT\t\t\n", "goldstein \"\""},
		{"fields", "01\tMake\t0.0\n", "want 7 tab-separated fields"},
		{"mojibake", "044\tMeet at a \u00d2hird\u00d3location\t2.5\t1\tCONSULT\t\t\n", "bad name"},
		{"orphan", "0461\tSub\t7.0\t1\tCONSULT\t\t\n", "has no parent code 046"},
		{"count", "01\tMake\t0.0\t1\tSUPPORT\t\t\n", "1 root, 0 three-digit"},
		{"duplicate", "01\tA\t0.0\t1\tSUPPORT\t\t\n01\tB\t0.0\t1\tSUPPORT\t\t\n", "duplicate CAMEO code 01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.codes), ploverTSV)
			if err == nil {
				t.Fatal("Parse succeeded, want error")
			}
			list, ok := err.(ErrorList)
			if !ok {
				t.Fatalf("Parse error is %T, want ErrorList", err)
			}
			found := false
			for _, e := range list {
				found = found || strings.Contains(e, tt.want)
			}
			if !found {
				t.Errorf("Parse errors %q, want one containing %q", list, tt.want)
			}
		})
	}
}

func TestLoadIsShared(t *testing.T) {
	a, b := load(t), load(t)
	if a != b {
		t.Error("Load returned two different tables")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(codesTSV[:400])
	f.Add([]byte("046\tEngage in negotiation\t7.0\t1\tCONSULT\t\t\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := Parse(data, ploverTSV)
		if err == nil {
			// Only a complete valid table parses.
			if len(tab.Codes()) != NumCodes {
				t.Fatalf("Parse accepted %d codes", len(tab.Codes()))
			}
		}
	})
}
