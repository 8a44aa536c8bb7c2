package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestMayHoldCorpus checks that the pre-check admits every corpus sentence
// in which matching finds an expression, whatever the tense and
// publication date.
func TestMayHoldCorpus(t *testing.T) {
	admitted, rejected := 0, 0
	for _, s := range readCorpus(t) {
		found := false
		for _, md := range []mode{modeAuto, modePast, modeFuture} {
			for _, pub := range []time.Time{friFeb28, {}} {
				if len(matchAll(s, 0, pub, md, 0, true)) > 0 {
					found = true
				}
			}
		}
		switch {
		case mayHold(s):
			admitted++
		case found:
			t.Errorf("mayHold(%q) = false, but the sentence holds a time expression", s)
		default:
			rejected++
		}
	}
	if admitted == 0 || rejected == 0 {
		t.Errorf("corpus: %d sentences admitted, %d rejected; want some of each", admitted, rejected)
	}
}

// TestMayHoldKeywords checks every trigger keyword in the three cases news
// text writes it, alone and between other words, and a few texts the
// pre-check must reject.
func TestMayHoldKeywords(t *testing.T) {
	n := 0
	for w, e := range keywords {
		if !triggers(e.kw) {
			continue
		}
		n++
		for _, form := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			for _, text := range []string{form, "The talks " + form + ", officials said.", "(" + form + ")"} {
				if !mayHold(text) {
					t.Errorf("mayHold(%q) = false for trigger keyword %q", text, w)
				}
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d trigger keywords", n)
	}
	tests := []struct {
		text string
		want bool
	}{
		{"", false},
		{"The two delegations discussed the operations of their embassies.", false},
		{"Mayor Sunak spoke in Yesterdays Café.", false},
		{"Ministers met on Thursday.", true},
		{"Diplomats met on THURSDAY.", true},
		{"Talks are due in 2025.", true},
		{"Rome’s envoy met Ms. May", true},
		{"Les ministres arrivent éMay.", true}, // "May" after a non-ASCII letter: admitted, harmlessly
		{"Die Gespräche dauerten Tage.", false},
		{"weeks", true},
		{"\xffdays\xff", true},
		{"More than 60 countries sent 1,500 delegates.", false},
		{"The treaty caps warheads at 1,550.", false},
		{"It expelled 23 diplomats.", false},
		{"The 1990s were calmer.", true},
		{"Signed 27/02/2025.", true},
		{"Filed 2025-02-27.", true},
		{"Budget: 12025 units.", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := mayHold(tt.text); got != tt.want {
				t.Errorf("mayHold(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// FuzzPrecheck checks that the pre-checks never change what Find and
// FindTense return: the result with them equals trying every rule at every
// token, and mayHold admits every text whose tokens hold a trigger.
func FuzzPrecheck(f *testing.F) {
	for _, s := range readCorpus(f) {
		f.Add(s, int64(0))
	}
	f.Add("Les ministres se réunissent á Maydé 3.", int64(9000))
	f.Add("éMay 27 ﬁdays\xffago", int64(1))
	f.Fuzz(func(t *testing.T, text string, days int64) {
		pub := time.Time{}
		if days != 0 {
			pub = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days%40000))
		}
		var buf [128]token
		if _, trigger := tokenize(text, buf[:0]); trigger && !mayHold(text) {
			t.Fatalf("tokenize(%q) reports a trigger, mayHold rejects the text", text)
		}
		for _, md := range []mode{modeAuto, modePast, modeFuture} {
			with, without := find(text, 3, pub, md, 0), matchAll(text, 3, pub, md, 0, true)
			if diff := cmp.Diff(without, with); diff != "" {
				t.Fatalf("find(%q, mode %d) differs with the pre-check (-without +with):\n%s", text, md, diff)
			}
		}
	})
}

// TestLookupKeyword checks the hash table against the keyword map: every
// keyword in three cases, and every one-letter change, deletion and
// doubling of each keyword, which is a keyword exactly when the map says
// so.
func TestLookupKeyword(t *testing.T) {
	check := func(w string) {
		t.Helper()
		want, wantOK := keywords[strings.ToLower(w)]
		got, ok := lookupKeyword(w)
		if ok != wantOK || got != want {
			t.Errorf("lookupKeyword(%q) = %v, %v; want %v, %v", w, got, ok, want, wantOK)
		}
	}
	for w := range keywords {
		if w == "" || len(w) > maxKeyword || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Fatalf("keyword %q is not 1 to %d lower-case ASCII letters", w, maxKeyword)
		}
		check(w)
		check(strings.ToUpper(w[:1]) + w[1:])
		check(strings.ToUpper(w))
		for k := 0; k < len(w); k++ {
			for c := byte('a'); c <= 'z'; c++ {
				check(w[:k] + string(c) + w[k+1:])
			}
			if len(w) > 1 {
				check(w[:k] + w[k+1:])
			}
			if len(w) < maxKeyword {
				check(w[:k+1] + w[k:])
			}
		}
	}
}
