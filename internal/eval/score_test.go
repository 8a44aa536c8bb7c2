package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parleyproject/parley/internal/record"
)

func sp(s string) *string { return &s }

// gev is a gold event; tgt "" is a null target.
func gev(src, tgt, code string, recip bool, sentence string, date *string) GoldEvent {
	return GoldEvent{Source: src, Target: tgt, CAMEO: code, Root: code[:2], Reciprocal: recip, Sentence: sentence, Date: date}
}

// pev is a predicted event; tgt "" is no target.
func pev(src, tgt, code, status, sentence string, date *string) record.Event {
	e := record.Event{CAMEO: code, CAMEORoot: code[:2], Status: status, Date: date,
		Evidence: record.Evidence{Text: sentence, Trigger: "t"}}
	if src != "" {
		e.Source = &record.Actor{Country: src, Code: src + "GOV"}
	}
	if tgt != "" {
		e.Target = &record.Actor{Country: tgt, Code: tgt + "GOV"}
	}
	return e
}

const rep = record.StatusReported

type want struct {
	events, codes Counts
	dates         Ratio
}

func TestScoreEvents(t *testing.T) {
	s1 := "Diplomats from the United States and Russia met in Istanbul on Thursday."
	s2 := "The two sides also talked by telephone."
	tests := []struct {
		name  string
		gold  []GoldEvent
		preds []record.Event
		want  want
	}{
		{"exact match",
			[]GoldEvent{gev("USA", "RUS", "046", false, s1, sp("2025-02-27"))},
			[]record.Event{pev("USA", "RUS", "046", rep, s1, sp("2025-02-27"))},
			want{Counts{1, 0, 0}, Counts{1, 0, 0}, Ratio{1, 1}}},
		{"only reported events count",
			[]GoldEvent{gev("USA", "RUS", "046", false, s1, nil)},
			[]record.Event{pev("USA", "RUS", "046", record.StatusProposed, s1, nil), pev("USA", "RUS", "046", record.StatusDenied, s1, nil)},
			want{Counts{0, 0, 1}, Counts{0, 0, 1}, Ratio{0, 0}}},
		{"gold null target matches any target",
			[]GoldEvent{gev("RUS", "", "010", false, s1, nil)},
			[]record.Event{pev("RUS", "UKR", "010", rep, s1, nil)},
			want{Counts{1, 0, 0}, Counts{1, 0, 0}, Ratio{1, 1}}},
		{"gold null target matches a missing target",
			[]GoldEvent{gev("RUS", "", "010", false, s1, nil)},
			[]record.Event{pev("RUS", "", "010", rep, s1, nil)},
			want{Counts{1, 0, 0}, Counts{1, 0, 0}, Ratio{1, 1}}},
		{"predicted target must agree with gold target",
			[]GoldEvent{gev("RUS", "USA", "010", false, s1, nil)},
			[]record.Event{pev("RUS", "", "010", rep, s1, nil)},
			want{Counts{0, 1, 1}, Counts{0, 1, 1}, Ratio{0, 0}}},
		{"direction matters when not reciprocal",
			[]GoldEvent{gev("USA", "RUS", "163", false, s1, nil)},
			[]record.Event{pev("RUS", "USA", "163", rep, s1, nil)},
			want{Counts{0, 1, 1}, Counts{0, 1, 1}, Ratio{0, 0}}},
		{"reciprocal matches the reverse direction",
			[]GoldEvent{gev("USA", "RUS", "046", true, s1, nil)},
			[]record.Event{pev("RUS", "USA", "046", rep, s1, nil)},
			want{Counts{1, 0, 0}, Counts{1, 0, 0}, Ratio{1, 1}}},
		{"reciprocal absorbs one prediction in the other direction",
			[]GoldEvent{gev("USA", "RUS", "046", true, s1, nil)},
			[]record.Event{pev("USA", "RUS", "046", rep, s1, nil), pev("RUS", "USA", "046", rep, s1, nil)},
			want{Counts{1, 0, 0}, Counts{1, 0, 0}, Ratio{1, 1}}},
		{"reciprocal absorbs only one",
			[]GoldEvent{gev("USA", "RUS", "046", true, s1, nil)},
			[]record.Event{pev("USA", "RUS", "046", rep, s1, nil), pev("RUS", "USA", "046", rep, s1, nil), pev("RUS", "USA", "046", rep, s1, nil)},
			want{Counts{1, 1, 0}, Counts{1, 1, 0}, Ratio{1, 1}}},
		{"reciprocal does not absorb the same direction twice",
			[]GoldEvent{gev("USA", "RUS", "046", true, s1, nil)},
			[]record.Event{pev("USA", "RUS", "046", rep, s1, nil), pev("USA", "RUS", "046", rep, s1, nil)},
			want{Counts{1, 1, 0}, Counts{1, 1, 0}, Ratio{1, 1}}},
		{"one to one",
			[]GoldEvent{gev("USA", "RUS", "163", false, s1, nil)},
			[]record.Event{pev("USA", "RUS", "163", rep, s1, nil), pev("USA", "RUS", "163", rep, s2, nil)},
			want{Counts{1, 1, 0}, Counts{1, 1, 0}, Ratio{1, 1}}},
		{"same-sentence predictions are preferred",
			[]GoldEvent{gev("USA", "RUS", "046", false, s1, sp("2025-02-27")), gev("USA", "RUS", "041", false, s2, sp("2025-02-12"))},
			[]record.Event{pev("USA", "RUS", "041", rep, "  The two sides also talked by  telephone. ", sp("2025-02-12")), pev("USA", "RUS", "046", rep, s1, sp("2025-02-27"))},
			want{Counts{2, 0, 0}, Counts{2, 0, 0}, Ratio{2, 2}}},
		{"same code and date break ties within a sentence",
			[]GoldEvent{gev("USA", "RUS", "041", true, s1, sp("2025-02-12")), gev("USA", "RUS", "044", true, s1, sp("2025-02-18"))},
			[]record.Event{pev("USA", "RUS", "044", rep, s1, sp("2025-02-18")), pev("USA", "RUS", "041", rep, s1, sp("2025-02-12"))},
			want{Counts{2, 0, 0}, Counts{2, 0, 0}, Ratio{2, 2}}},
		{"matching is maximal, not greedy",
			// The first gold event could take either prediction; taking
			// the first would leave the second gold event unmatched.
			[]GoldEvent{gev("USA", "", "042", false, "a", nil), gev("USA", "RUS", "042", false, "b", nil)},
			[]record.Event{pev("USA", "RUS", "042", rep, "c", nil), pev("USA", "CHN", "042", rep, "d", nil)},
			want{Counts{2, 0, 0}, Counts{2, 0, 0}, Ratio{2, 2}}},
		{"root match with wrong code",
			[]GoldEvent{gev("USA", "RUS", "046", true, s1, nil)},
			[]record.Event{pev("USA", "RUS", "044", rep, s1, nil)},
			want{Counts{1, 0, 0}, Counts{0, 1, 1}, Ratio{1, 1}}},
		{"wrong root",
			[]GoldEvent{gev("USA", "RUS", "046", false, s1, nil)},
			[]record.Event{pev("USA", "RUS", "036", rep, s1, nil)},
			want{Counts{0, 1, 1}, Counts{0, 1, 1}, Ratio{0, 0}}},
		{"date null against a date",
			[]GoldEvent{gev("USA", "RUS", "046", false, s1, nil), gev("USA", "RUS", "041", false, s2, sp("2025-02-12"))},
			[]record.Event{pev("USA", "RUS", "046", rep, s1, sp("2025-02-27")), pev("USA", "RUS", "041", rep, s2, nil)},
			want{Counts{2, 0, 0}, Counts{2, 0, 0}, Ratio{0, 2}}},
		{"nothing predicted",
			[]GoldEvent{gev("USA", "RUS", "046", false, s1, nil), gev("RUS", "USA", "010", false, s2, nil)},
			nil,
			want{Counts{0, 0, 2}, Counts{0, 0, 2}, Ratio{0, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(&Gold{Events: tt.gold}, &record.Document{ID: "d", Events: tt.preds})
			if g := (want{got.Events, got.Codes, got.Dates}); g != tt.want {
				t.Errorf("Score() events, codes, dates = %+v, want %+v", g, tt.want)
			}
			// The root breakdown sums to the root-level counts.
			var sum Counts
			for _, c := range got.Roots {
				sum.Add(*c)
			}
			if sum != got.Events {
				t.Errorf("roots sum to %+v, events are %+v", sum, got.Events)
			}
			if len(got.Misses) != got.Events.FN || len(got.FalseAlarms) != got.Events.FP {
				t.Errorf("%d misses, %d false alarms; counts %+v", len(got.Misses), len(got.FalseAlarms), got.Events)
			}
		})
	}
}

func TestScoreItems(t *testing.T) {
	gold := &Gold{Events: []GoldEvent{
		gev("USA", "RUS", "046", true, "They met.", sp("2025-02-27")),
		gev("RUS", "", "190", false, "Russia invaded.", nil),
	}}
	doc := &record.Document{ID: "d", Events: []record.Event{
		pev("RUS", "USA", "044", rep, "They met.", nil),
		pev("USA", "RUS", "111", rep, "Washington criticized Moscow.", nil),
	}}
	got := Score(gold, doc)
	wantMiss := []EventItem{{Root: "19", Code: "190", Source: "RUS", Sentence: "Russia invaded."}}
	if diff := cmp.Diff(wantMiss, got.Misses); diff != "" {
		t.Errorf("Misses (-want +got):\n%s", diff)
	}
	if len(got.FalseAlarms) != 1 || got.FalseAlarms[0].Code != "111" || got.FalseAlarms[0].Trigger != "t" {
		t.Errorf("FalseAlarms = %+v, want the 111 prediction", got.FalseAlarms)
	}
	if len(got.WrongCodes) != 1 || got.WrongCodes[0].Got != "044" {
		t.Errorf("WrongCodes = %+v, want gold 046 got 044", got.WrongCodes)
	}
	if len(got.WrongDates) != 1 || got.WrongDates[0].Got != "null" {
		t.Errorf("WrongDates = %+v, want got null", got.WrongDates)
	}
	wantRoots := map[string]*Counts{"04": {TP: 1}, "11": {FP: 1}, "19": {FN: 1}}
	if diff := cmp.Diff(wantRoots, got.Roots); diff != "" {
		t.Errorf("Roots (-want +got):\n%s", diff)
	}
}

func TestScoreQuotes(t *testing.T) {
	peskov := record.Speaker{Name: "Dmitry Peskov", Country: "RUS", Sector: "GOV"}
	tests := []struct {
		name  string
		gold  GoldQuote
		pred  record.Quote
		match bool
	}{
		{"same text and speaker",
			GoldQuote{Speaker: "Dmitry Peskov", SpeakerCountry: "RUS", Text: "No one expects solutions to come easily."},
			record.Quote{Speaker: peskov, Text: "No one expects solutions to come easily."}, true},
		{"prediction contains gold, quote marks and spaces differ",
			GoldQuote{Speaker: "Dmitry Peskov", Text: "they won’t"},
			record.Quote{Speaker: record.Speaker{Name: "Peskov"}, Text: "“Either issues will get resolved  or they WON'T.”"}, true},
		{"gold contains prediction",
			GoldQuote{Speaker: "Sergei Lavrov", Text: "will show how quickly and effectively we can move."},
			record.Quote{Speaker: record.Speaker{Name: "Sergei Lavrov"}, Text: "how quickly and effectively"}, true},
		{"other speaker",
			GoldQuote{Speaker: "Sergei Lavrov", Text: "will show how quickly"},
			record.Quote{Speaker: peskov, Text: "will show how quickly"}, false},
		{"other text",
			GoldQuote{Speaker: "Dmitry Peskov", Text: "The problem at hand is too complex"},
			record.Quote{Speaker: peskov, Text: "No one expects solutions"}, false},
		{"empty prediction text",
			GoldQuote{Speaker: "Dmitry Peskov", Text: "The problem"},
			record.Quote{Speaker: peskov, Text: " “” "}, false},
		{"institution named by the prediction",
			GoldQuote{Speaker: "Russian Foreign Ministry", SpeakerCountry: "RUS", Text: "substantive and businesslike"},
			record.Quote{Speaker: record.Speaker{Name: "Foreign Ministry", Country: "RUS"}, Text: "substantive and businesslike"}, true},
		{"unnamed spokesperson by title",
			GoldQuote{Speaker: "U.S. State Department spokesperson", SpeakerCountry: "USA", Text: "Ukraine is not on the agenda"},
			record.Quote{Speaker: record.Speaker{Country: "USA", Title: "State Department spokesman"}, Text: "Ukraine is not on the agenda"}, true},
		{"institution of another country",
			GoldQuote{Speaker: "Russian Foreign Ministry", SpeakerCountry: "RUS", Text: "substantive"},
			record.Quote{Speaker: record.Speaker{Name: "Foreign Ministry", Country: "UKR"}, Text: "substantive"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(&Gold{Quotes: []GoldQuote{tt.gold}}, &record.Document{Quotes: []record.Quote{tt.pred}})
			want := Counts{FP: 1, FN: 1}
			if tt.match {
				want = Counts{TP: 1}
			}
			if got.Quotes != want {
				t.Errorf("Quotes = %+v, want %+v", got.Quotes, want)
			}
		})
	}
	t.Run("one to one", func(t *testing.T) {
		q := record.Quote{Speaker: peskov, Text: "No one expects solutions"}
		got := Score(&Gold{Quotes: []GoldQuote{{Speaker: "Dmitry Peskov", Text: "No one expects solutions to come easily."}}},
			&record.Document{Quotes: []record.Quote{q, q}})
		if want := (Counts{TP: 1, FP: 1}); got.Quotes != want {
			t.Errorf("Quotes = %+v, want %+v", got.Quotes, want)
		}
	})
}

func TestScoreMeetings(t *testing.T) {
	gold := &Gold{Meetings: []GoldMeeting{
		{Date: sp("2025-02-27"), Country: "TUR", Place: "Istanbul", Participants: []GoldParticipant{{Name: "Alexander Darchiyev"}, {Name: "Sonata Coulter"}}},
		{Date: sp("2025-02-18"), Country: "SAU", Place: "Riyadh"},
		{Date: nil, Country: "CHE", Place: "Geneva", Participants: []GoldParticipant{{Name: "Joe Biden"}}},
	}}
	doc := &record.Document{Meetings: []record.Meeting{
		{Date: sp("2025-02-27"), Country: "TUR", Participants: []record.Participant{{Name: "Darchiyev"}, {Name: "Marco Rubio"}}},
		{Date: sp("2025-02-19"), Country: "SAU"},
		{Date: nil, Country: "che", Participants: []record.Participant{{Name: "President Joe Biden Jr."}}},
	}}
	got := Score(gold, doc)
	if want := (Counts{TP: 2, FP: 1, FN: 1}); got.Meetings != want {
		t.Errorf("Meetings = %+v, want %+v", got.Meetings, want)
	}
	if want := (Counts{TP: 2, FP: 1, FN: 1}); got.Participants != want {
		t.Errorf("Participants = %+v, want %+v", got.Participants, want)
	}
	if diff := cmp.Diff([]string{"Sonata Coulter (2025-02-27 TUR)"}, got.MissedParticipants); diff != "" {
		t.Errorf("MissedParticipants (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Marco Rubio (2025-02-27 TUR)"}, got.FalseParticipants); diff != "" {
		t.Errorf("FalseParticipants (-want +got):\n%s", diff)
	}
}

func TestCounts(t *testing.T) {
	c := Counts{TP: 3, FP: 1, FN: 2}
	p, _ := c.Precision()
	r, _ := c.Recall()
	f, _ := c.F1()
	if p != 0.75 || r != 0.6 || f < 0.6666 || f > 0.6667 {
		t.Errorf("P/R/F1 = %v %v %v, want 0.75 0.6 0.667", p, r, f)
	}
	if _, ok := (Counts{FN: 2}).Precision(); ok {
		t.Error("Precision with nothing predicted reported ok")
	}
}

func TestLastName(t *testing.T) {
	for in, want := range map[string]string{
		"Dmitry Peskov":                      "peskov",
		"Russian Foreign Ministry":           "ministry",
		"U.S. State Department spokesperson": "spokesperson",
		"Kremlin spokesman":                  "spokesperson",
		"Martin Luther King Jr.":             "king",
		"Lavrov's":                           "lavrov",
		"Mevlüt Çavuşoğlu":                   "cavusoglu",
		"":                                   "",
	} {
		if got := lastName(in); got != want {
			t.Errorf("lastName(%q) = %q, want %q", in, got, want)
		}
	}
}
