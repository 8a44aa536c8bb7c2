package entity

import (
	"slices"
	"strings"
	"testing"
)

func TestFieldsAsStringsFields(t *testing.T) {
	for _, s := range []string{
		"", " ", "Sergei Lavrov", "  King Hamad bin Isa  Al Khalifa ", "a\tb\nc",
		"Xi\u00a0Jinping", "Mohammed\u2003bin Salman", "bad\xffbyte name", "\u0085x\u0085",
	} {
		if got, want := fields(nil, s), strings.Fields(s); !slices.Equal(got, want) {
			t.Errorf("fields(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestLowerGet(t *testing.T) {
	m := map[string]bool{"sheikh": true, "mr.": true, "émir": true, "straße": true}
	for _, s := range []string{"", "Sheikh", "SHEIKH", "sheikh", "Mr.", "Émir", "ÉMIR", "STRASSE", "Straße",
		"Abdullah", strings.Repeat("A", 40), "Sheikh\xff"} {
		if got, want := lowerGet(m, s), m[strings.ToLower(s)]; got != want {
			t.Errorf("lowerGet(%q) = %v, want %v", s, got, want)
		}
	}
}
