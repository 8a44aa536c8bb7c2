package store

import (
	"context"
	"testing"

	"github.com/parleyproject/parley/internal/record"
)

func TestRelation(t *testing.T) { eachStore(t, testRelation) }

func testRelation(t *testing.T, s *Store, _ string) {
	ctx := context.Background()
	meeting := func(id, day, country string, who ...string) record.Meeting {
		m := record.Meeting{ID: id, Kind: "talks", Date: strp(day), DatePrecision: record.PrecisionDay, Country: country,
			Parties: []string{"RUS", "USA"}, Topics: []string{}, ExcludedTopics: []string{}, Outcomes: []string{}, Evidence: []record.Evidence{}}
		for _, n := range who {
			m.Participants = append(m.Participants, record.Participant{Name: n})
		}
		return m
	}
	// Two reports of the same talks, each naming one delegation head; an
	// expulsion and the answer to it, the first reported twice.
	a1, r1 := testDoc("d1", "2025-02-28", "Wire", "Talks", "body one", event("e1", "USAGOV", "RUSGOV", "046", "2025-02-27", "reported"))
	r1.Meetings = []record.Meeting{meeting("d1-m0", "2025-02-27", "TUR", "Sonata Coulter")}
	r1.Quotes = []record.Quote{{Speaker: record.Speaker{Name: "Dmitry Peskov", Country: "RUS", Sector: "GOV"}, Text: "No one expects solutions", Cue: "said"}}
	r1.Issues = []record.IssueUpdate{
		{Topic: "banking", Parties: []string{"USA", "RUS"}, Status: record.IssueRaised, Date: strp("2025-02-20"), DatePrecision: record.PrecisionDay, Cause: "e1"},
		{Topic: "banking", Parties: []string{"RUS", "USA"}, Status: record.IssueStepsAgreed, Date: strp("2025-02-27"), DatePrecision: record.PrecisionDay, Cause: "d1-m0"},
		// Background: undated, it must not override the talks' outcome.
		{Topic: "banking", Parties: []string{"RUS", "USA"}, Status: record.IssueWorsened, DatePrecision: record.PrecisionUnknown, Cause: "d1-x0"},
	}
	r1.Measures = []record.Measure{
		{ID: "d1-x0", By: "USA", Against: "RUS", Kind: "expulsion", Size: "35", Period: "2016-12", DatePrecision: record.PrecisionMonth},
		{ID: "d1-x1", By: "RUS", Against: "USA", Kind: "expulsion", Date: strp("2016-12-30"), DatePrecision: record.PrecisionDay, InResponseTo: "d1-x0"},
	}
	a2, r2 := testDoc("d2", "2025-03-01", "Other", "Talks again", "body two", event("e2", "RUSGOV", "USAGOV", "112", "2025-03-01", "reported"))
	r2.Events[0].QuadClass, r2.Events[0].Goldstein, r2.Events[0].PLOVER.Event = 3, -2, "ACCUSE"
	r2.Meetings = []record.Meeting{meeting("d2-m0", "2025-02-27", "TUR", "Alexander Darchiyev")}
	r2.Measures = []record.Measure{{ID: "d2-x0", By: "USA", Against: "RUS", Kind: "expulsion", Size: "35", Date: strp("2016-12-29"), DatePrecision: record.PrecisionDay}}
	r2.Quotes = []record.Quote{{Speaker: record.Speaker{Name: "Marco Rubio", Country: "USA", Sector: "GOV"}, Text: "We will see", Cue: "told reporters"}}
	if _, err := s.SaveDocument(ctx, a1, r1, 1, nil, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveDocument(ctx, a2, r2, 1, nil, false); err != nil {
		t.Fatal(err)
	}

	rel, err := s.Relation(ctx, RelationFilter{A: "rus", B: "usa"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rel.Contacts) != 1 || rel.Contacts[0].Reports != 2 || len(rel.Contacts[0].Participants) != 2 {
		t.Errorf("contacts = %+v, want one meeting reported twice with both heads", rel.Contacts)
	}
	if len(rel.Measures) != 2 {
		t.Fatalf("measures = %+v, want the expulsion (reported twice) and the answer", rel.Measures)
	}
	if m := rel.Measures[0]; m.Reports != 2 || m.Date == nil || *m.Date != "2016-12-29" {
		t.Errorf("first measure = %+v, want the 2016-12-29 expulsion reported twice", m)
	}
	if m := rel.Measures[1]; m.InResponseTo != "d1-x0" {
		t.Errorf("second measure answers %q, want d1-x0", m.InResponseTo)
	}
	if len(rel.Issues) != 1 || rel.Issues[0].Topic != "banking" || rel.Issues[0].Status != record.IssueStepsAgreed || len(rel.Issues[0].Updates) != 3 {
		t.Errorf("issues = %+v, want banking, steps agreed after three updates", rel.Issues)
	}
	if doc, err := s.Document(ctx, "d1"); err != nil || len(doc.Record.Issues) != 3 {
		t.Errorf("Document(d1) issues = %+v, %v; want the three updates", doc, err)
	}
	if len(rel.Statements) != 2 {
		t.Errorf("statements = %+v, want one per side", rel.Statements)
	}
	if len(rel.Trend) != 2 || rel.Trend[0].Month != "2025-02" || rel.Trend[0].Cooperation != 1 || rel.Trend[1].Conflict != 1 || rel.Trend[1].PLOVERScore != -1 {
		t.Errorf("trend = %+v", rel.Trend)
	}

	// --since leaves out the 2016 measures and the February events.
	rel, err = s.Relation(ctx, RelationFilter{A: "USA", B: "RUS", Since: date("2025-03-01")})
	if err != nil {
		t.Fatal(err)
	}
	if len(rel.Measures) != 0 || len(rel.Contacts) != 0 || len(rel.Trend) != 1 {
		t.Errorf("since 2025-03-01: %d measures, %d contacts, %d months; want 0, 0, 1", len(rel.Measures), len(rel.Contacts), len(rel.Trend))
	}
	if _, err := s.Relation(ctx, RelationFilter{A: "USA", B: "usa"}); err == nil {
		t.Errorf("Relation(USA, usa) succeeded, want an error")
	}
}

func TestBefore(t *testing.T) {
	tests := []struct {
		date, since string
		want        bool
	}{
		{"2025-02-27", "2025-03-01", true},
		{"2025-03-01", "2025-03-01", false},
		{"2025-02", "2025-02-15", false}, // the month reaches past since
		{"2025-01", "2025-02-15", true},
		{"2024", "2025-01-01", true},
		{"2025-W09", "2025-01-01", false},
		{"", "2025-01-01", false},
		{"2020-01-01", "", false},
	}
	for _, tt := range tests {
		if got := before(tt.date, tt.since); got != tt.want {
			t.Errorf("before(%q, %q) = %v, want %v", tt.date, tt.since, got, tt.want)
		}
	}
}
