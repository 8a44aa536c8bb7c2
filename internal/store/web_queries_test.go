package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/record"
)

// webEvent is a compact event for the web query tests.
func webEvent(id, date, src, tgt string, recip bool, quad int, g float64, plover string) record.Event {
	ev := record.Event{ID: id, DatePrecision: "unknown", Reciprocal: recip, CAMEO: "010", CAMEORoot: "01", QuadClass: quad,
		Goldstein: g, PLOVER: record.PLOVER{Event: plover}, Status: "reported"}
	if date != "" {
		ev.Date, ev.DatePrecision = &date, "day"
	}
	if src != "" {
		ev.Source = &record.Actor{Code: src + "GOV", Country: src, Sector: "GOV", Text: src}
	}
	if tgt != "" {
		ev.Target = &record.Actor{Code: tgt + "GOV", Country: tgt, Sector: "GOV", Text: tgt}
	}
	return ev
}

// saveWebFixture stores three documents: USA–RUS events in both
// directions (one undated), a CHN–JPN pair, meetings, quotes and measures.
func saveWebFixture(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	docs := []struct {
		id, published string
		rec           record.Document
	}{
		{"a", "2025-02-28", record.Document{
			Events: []record.Event{
				webEvent("a0", "2025-02-27", "USA", "RUS", true, 1, 7, "CONSULT"),
				webEvent("a1", "2025-02-27", "RUS", "USA", false, 1, 4, "AGREE"),
				webEvent("a2", "", "USA", "RUS", false, 4, -7, "SANCTION"),
				webEvent("a3", "2025-01-02", "USA", "", false, 1, 0, "SUPPORT"),
			},
			Meetings: []record.Meeting{{ID: "am", Kind: "talks", Date: ptr("2025-02-27"), Parties: []string{"USA", "RUS"}}},
			Quotes: []record.Quote{
				{Speaker: record.Speaker{Name: "Lavrov", Country: "RUS"}, Text: "Constructive."},
				{Speaker: record.Speaker{Name: "Wang", Country: "CHN"}, Text: "Not here."},
			},
			Measures: []record.Measure{
				{ID: "x0", By: "USA", Against: "RUS", Kind: "expulsion", Date: ptr("2024-03-01")},
				{ID: "x1", By: "RUS", Against: "USA", Kind: "expulsion", InResponseTo: "x0"},
			},
		}},
		{"b", "2024-11-05", record.Document{Events: []record.Event{
			webEvent("b0", "2024-11-05", "USA", "RUS", false, 4, -8, "SANCTION"),
			webEvent("b1", "2024-11-06", "RUS", "USA", false, 3, -2, "ACCUSE"),
			webEvent("b2", "2024-11-07", "CHN", "JPN", false, 3, -2, "ACCUSE"),
		}}},
		{"c", "2023-03-16", record.Document{
			Events:   []record.Event{webEvent("c0", "", "JPN", "CHN", true, 1, 3, "")},
			Meetings: []record.Meeting{{ID: "cm", Kind: "call", Parties: []string{"CHN", "JPN"}}},
		}},
	}
	for _, d := range docs {
		pub, _ := time.Parse(time.DateOnly, d.published)
		a := &article.Article{ID: d.id, Title: "Title " + d.id, Published: pub, Body: "Body of " + d.id + ".", Kind: "text"}
		rec := d.rec
		if _, err := s.SaveDocument(ctx, a, &rec, 1, nil, false); err != nil {
			t.Fatal(err)
		}
	}
}

func ptr(s string) *string { return &s }

func eventIDs(rows []EventRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Event.ID)
	}
	return out
}

func TestEventPage(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store, _ string) {
		saveWebFixture(t, s)
		ctx := context.Background()
		all := []string{"a0", "a1", "a3", "b2", "b1", "b0", "a2", "c0"}
		tests := []struct {
			name string
			q    EventQuery
			want []string
		}{
			{"all", EventQuery{}, all},
			{"dyad", EventQuery{Dyad: NewDyad("rus", "USA")}, []string{"a0", "a1", "b1", "b0", "a2"}},
			{"dyad reversed", EventQuery{Dyad: NewDyad("USA", "RUS")}, []string{"a0", "a1", "b1", "b0", "a2"}},
			{"actor", EventQuery{Actor: "JPN"}, []string{"b2", "c0"}},
			{"actor code", EventQuery{Actor: "chngov"}, []string{"b2", "c0"}},
			{"plover", EventQuery{PLOVER: "sanction"}, []string{"b0", "a2"}},
			{"quad", EventQuery{Quad: 3}, []string{"b2", "b1"}},
			{"dates", EventQuery{From: day("2024-11-06"), To: day("2025-01-31")}, []string{"a3", "b2", "b1"}},
			{"doc", EventQuery{DocID: "c"}, []string{"c0"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				rows, next, err := s.EventPage(ctx, tt.q)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.want, eventIDs(rows)); diff != "" || next != nil {
					t.Errorf("events (-want +got):\n%s next %v", diff, next)
				}
			})
		}
		rows, _, err := s.EventPage(ctx, EventQuery{DocID: "b", Limit: 1})
		if err != nil || len(rows) != 1 || rows[0].DocTitle != "Title b" || rows[0].DocPublished != "2024-11-05" || rows[0].Ord != 2 {
			t.Errorf("document info: %+v %v", rows, err)
		}
		// Paging crosses from dated to undated events without loss.
		for size := 1; size <= 4; size++ {
			var got []string
			var after *EventCursor
			for range 20 {
				rows, next, err := s.EventPage(ctx, EventQuery{Limit: size, After: after})
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, eventIDs(rows)...)
				if next == nil {
					break
				}
				// Cursors survive their string form.
				if after, err = ParseEventCursor(next.String()); err != nil {
					t.Fatal(err)
				}
			}
			if diff := cmp.Diff(all, got); diff != "" {
				t.Errorf("paging by %d (-want +got):\n%s", size, diff)
			}
		}
		// An actor listing merges the source and target sides; paging it
		// by one yields the same order as one page.
		var got []string
		var after *EventCursor
		for range 20 {
			rows, next, err := s.EventPage(ctx, EventQuery{Actor: "RUS", Limit: 1, After: after})
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, eventIDs(rows)...)
			if after = next; next == nil {
				break
			}
		}
		if diff := cmp.Diff([]string{"a0", "a1", "b1", "b0", "a2"}, got); diff != "" {
			t.Errorf("paging RUS by one (-want +got):\n%s", diff)
		}
	})
}

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func TestDyadQueries(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store, _ string) {
		saveWebFixture(t, s)
		ctx := context.Background()
		sum, err := s.DyadSummary(ctx, NewDyad("USA", "RUS"))
		if err != nil {
			t.Fatal(err)
		}
		want := &DyadSummary{Dyad: Dyad{"RUS", "USA"}, Events: 5, AToB: 2, BToA: 2, Reciprocal: 1, Cooperation: 2, Conflict: 3,
			MeanGoldstein: -6.0 / 5, First: "2024-11-05", Last: "2025-02-27",
			PLOVER: map[string]int{"CONSULT": 1, "AGREE": 1, "SANCTION": 2, "ACCUSE": 1}, Meetings: 1, Quotes: 1, Measures: 2}
		if diff := cmp.Diff(want, sum); diff != "" {
			t.Errorf("summary (-want +got):\n%s", diff)
		}
		busy, err := s.BusiestDyads(ctx, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(busy) != 2 || busy[0].Dyad != (Dyad{"RUS", "USA"}) || busy[0].Events != 5 || busy[0].Last != "2025-02-27" ||
			busy[1].Dyad != (Dyad{"CHN", "JPN"}) || busy[1].Events != 2 {
			t.Errorf("busiest dyads: %+v", busy)
		}
		scores := map[string]float64{"CONSULT": 3, "AGREE": 4, "SANCTION": -6, "ACCUSE": -2}
		for _, tt := range []struct {
			interval string
			want     []string
		}{
			{IntervalMonth, []string{"2024-11 2 0/2 -5.000 -4.000", "2025-02 2 2/0 5.500 3.500"}},
			{IntervalWeek, []string{"2024-W45 2 0/2 -5.000 -4.000", "2025-W09 2 2/0 5.500 3.500"}},
			{IntervalDay, []string{"2024-11-05 1 0/1 -8.000 -6.000", "2024-11-06 1 0/1 -2.000 -2.000", "2025-02-27 2 2/0 5.500 3.500"}},
		} {
			pts, err := s.Series(ctx, SeriesQuery{Dyad: NewDyad("USA", "RUS"), Interval: tt.interval, PLOVERScore: scores})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range pts {
				got = append(got, fmt.Sprintf("%s %d %d/%d %.3f %.3f", p.Period, p.Events, p.Cooperation, p.Conflict, p.MeanGoldstein, p.MeanPLOVER))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s series (-want +got):\n%s", tt.interval, diff)
			}
		}
		overview, monthly, err := s.DyadOverview(ctx, NewDyad("RUS", "USA"), scores)
		if err != nil {
			t.Fatal(err)
		}
		series, err := s.Series(ctx, SeriesQuery{Dyad: NewDyad("USA", "RUS"), PLOVERScore: scores})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(series, monthly); diff != "" {
			t.Errorf("overview series differs from Series (-series +overview):\n%s", diff)
		}
		if diff := cmp.Diff(want, overview); diff != "" {
			t.Errorf("overview summary (-want +got):\n%s", diff)
		}
		if _, err := s.Series(ctx, SeriesQuery{Interval: "hour"}); err == nil {
			t.Errorf("unknown interval accepted")
		}
		meetings, err := s.Meetings(ctx, RecordQuery{Dyad: NewDyad("USA", "RUS")})
		if err != nil || len(meetings) != 1 || meetings[0].Meeting.ID != "am" || meetings[0].DocTitle != "Title a" {
			t.Errorf("meetings: %+v %v", meetings, err)
		}
		calls, err := s.Meetings(ctx, RecordQuery{Country: "jpn", Kind: "call"})
		if err != nil || len(calls) != 1 || calls[0].Meeting.ID != "cm" {
			t.Errorf("calls: %+v %v", calls, err)
		}
		quotes, err := s.Quotes(ctx, RecordQuery{Dyad: NewDyad("USA", "RUS")})
		if err != nil || len(quotes) != 1 || quotes[0].Quote.Speaker.Name != "Lavrov" {
			t.Errorf("quotes: %+v %v", quotes, err)
		}
		measures, err := s.Measures(ctx, RecordQuery{Dyad: NewDyad("RUS", "USA"), Limit: 1, Offset: 1})
		if err != nil || len(measures) != 1 || measures[0].Measure.ID != "x1" {
			t.Errorf("second measure: %+v %v", measures, err)
		}
	})
}

// TestWebQueryPlans checks on SQLite that the listings the pages run most
// read an index in order instead of sorting the events table.
func TestWebQueryPlans(t *testing.T) {
	s, _ := openTemp(t)
	for _, tt := range []struct {
		name, query string
		args        []any
		index       string
	}{
		{"newest events", "SELECT doc_id FROM events WHERE date IS NOT NULL ORDER BY " + s.dateDesc("date") + ", doc_id, ord LIMIT 51", nil, "events_order"},
		{"dyad events", "SELECT doc_id FROM events WHERE " + s.pairLo() + " = ? AND " + s.pairHi() + " = ? AND date IS NOT NULL ORDER BY " +
			s.dateDesc("date") + ", doc_id, ord LIMIT 51", []any{"RUS", "USA"}, "events_pair"},
		{"dyad series", "SELECT date, plover_event, quad_class, goldstein FROM events WHERE " + s.pairLo() +
			" = ? AND " + s.pairHi() + " = ? AND date IS NOT NULL", []any{"RUS", "USA"}, "COVERING INDEX events_pair"},
		{"source side", "SELECT doc_id FROM events WHERE source_country = ? AND date IS NOT NULL ORDER BY " + s.dateDesc("date") +
			", doc_id, ord LIMIT 51", []any{"USA"}, "events_source_order"},
		{"target side", "SELECT doc_id FROM events WHERE target_country = ? AND (source_country IS NULL OR source_country <> ?) AND date IS NOT NULL ORDER BY " +
			s.dateDesc("date") + ", doc_id, ord LIMIT 51", []any{"USA", "USA"}, "events_target_order"},
		{"dyad overview", "SELECT COALESCE(date, ''), plover_event, quad_class, reciprocal, source_country, goldstein FROM events WHERE " +
			s.pairLo() + " = ? AND " + s.pairHi() + " = ?", []any{"RUS", "USA"}, "COVERING INDEX events_pair"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := s.db.Query("EXPLAIN QUERY PLAN "+tt.query, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var plan []string
			for rows.Next() {
				var id, parent, unused int
				var detail string
				if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, detail)
			}
			p := strings.Join(plan, "; ")
			if !strings.Contains(p, tt.index) || strings.Contains(p, "TEMP B-TREE") {
				t.Errorf("plan %q does not read %s in order", p, tt.index)
			}
		})
	}
}

func TestParseDyadAndCursor(t *testing.T) {
	for _, tt := range []struct {
		in   string
		a, b string
		ok   bool
	}{
		{"USA-RUS", "USA", "RUS", true}, {" usa,rus ", "USA", "RUS", true}, {"USA-USA", "", "", false},
		{"USA", "", "", false}, {"US-RUS", "", "", false}, {"USA-RU5", "", "", false}, {"", "", "", false},
	} {
		a, b, ok := ParseDyad(tt.in)
		if a != tt.a || b != tt.b || ok != tt.ok {
			t.Errorf("ParseDyad(%q) = %q, %q, %v", tt.in, a, b, ok)
		}
	}
	c := EventCursor{Date: "2025-02-27", DocID: "doc/with|odd\"chars", Ord: 3}
	got, err := ParseEventCursor(c.String())
	if err != nil || *got != c {
		t.Errorf("cursor round trip: %+v %v", got, err)
	}
	for _, bad := range []string{"x", "W10=", "WyIiLCIiLDBd", "WyIyMDI1LTEzLTQwIiwiZCIsMF0"} {
		if _, err := ParseEventCursor(bad); err == nil {
			t.Errorf("ParseEventCursor(%q) accepted", bad)
		}
	}
}

// FuzzParseEventCursor checks that any token either fails to parse or
// round-trips through String.
func FuzzParseEventCursor(f *testing.F) {
	f.Add(EventCursor{Date: "2025-02-27", DocID: "a", Ord: 1}.String())
	f.Add(EventCursor{DocID: "b/c", Ord: 0}.String())
	f.Add("WyIiLCIiLDBd")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseEventCursor(s)
		if err != nil || c == nil {
			return
		}
		again, err := ParseEventCursor(c.String())
		if err != nil || *again != *c {
			t.Errorf("cursor %+v does not round-trip: %+v %v", c, again, err)
		}
	})
}

// FuzzParseDyad checks that a parsed dyad is two different country codes
// and parses again to itself.
func FuzzParseDyad(f *testing.F) {
	for _, s := range []string{"USA-RUS", "usa,rus", "USA-USA", "", "-", "ÜSA-RUS"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b, ok := ParseDyad(s)
		if !ok {
			return
		}
		if !IsCountryCode(a) || !IsCountryCode(b) || a == b {
			t.Fatalf("ParseDyad(%q) = %q, %q", s, a, b)
		}
		if a2, b2, ok := ParseDyad(a + "-" + b); !ok || a2 != a || b2 != b {
			t.Errorf("%s-%s does not parse to itself", a, b)
		}
	})
}
