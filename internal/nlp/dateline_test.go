package nlp

import "testing"

func TestDatelineLen(t *testing.T) {
	tests := []struct {
		text string
		want string // the dateline's last token, "" for none
	}{
		{"ISTANBUL, Feb 27 (Reuters) — Diplomats met on Thursday.", "—"},
		{"Ottawa, May 9 (Wire) — Canada expelled two diplomats.", "—"},
		{"BRUSSELS — The European Union imposed sanctions.", "—"},
		{"The talks — the first in years — ended late.", ""},
		{"Russia said on Monday it would respond.", ""},
		{"WASHINGTON (Reuters) - The United States said.", "-"},
		{"UN Secretary-General Kofi Annan said on Monday.", ""},
	}
	for _, tt := range tests {
		s := Split(tt.text)[0]
		n := DatelineLen(&s)
		got := ""
		if n > 0 {
			got = s.Tokens[n-1].Text
		}
		if got != tt.want {
			t.Errorf("DatelineLen(%q) ends at %q, want %q", tt.text, got, tt.want)
		}
	}
}
