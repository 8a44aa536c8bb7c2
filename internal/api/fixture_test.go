package api

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/record"
	"github.com/parleyproject/parley/internal/store"
)

// The fixture store holds articles written for these tests with records
// written by hand, so that the golden files pin the API and not the
// coder's current output. TestCreateDocument runs the real pipeline.

type fixtureDoc struct {
	id, title, source, published, body string
	build                              func(b *recBuilder)
}

// recBuilder builds a record whose evidence offsets point into body.
type recBuilder struct {
	t    testing.TB
	body string
	rec  record.Document
}

// ev returns the evidence of the sentence-th sentence, which must occur
// in the body, with its trigger.
func (b *recBuilder) ev(sentenceIdx int, sentence, trigger string) record.Evidence {
	i := strings.Index(b.body, sentence)
	if i < 0 {
		b.t.Fatalf("fixture: sentence %q not in body", sentence)
	}
	return record.Evidence{Sentence: sentenceIdx, Start: i, End: i + len(sentence), Text: sentence, Trigger: trigger}
}

func actor(country, sector, name, text string) *record.Actor {
	return &record.Actor{Code: country + sector, Country: country, Sector: sector, Name: name, Text: text}
}

func day(s string) *string { return &s }

var fixtureDocs = []fixtureDoc{
	{
		id: "talks-2025", title: "US and Russian diplomats meet in Istanbul", source: "Wire", published: "2025-02-28",
		body: "Diplomats from the United States and Russia met in Istanbul on Thursday to discuss the work of their embassies.\n\n" +
			"“The talks were constructive and businesslike,” Russian Foreign Minister Sergei Lavrov told reporters.\n\n" +
			"Washington expelled two Russian diplomats in March, and Moscow expelled two Americans in response.",
		build: func(b *recBuilder) {
			s0 := "Diplomats from the United States and Russia met in Istanbul on Thursday to discuss the work of their embassies."
			s1 := "“The talks were constructive and businesslike,” Russian Foreign Minister Sergei Lavrov told reporters."
			s2 := "Washington expelled two Russian diplomats in March, and Moscow expelled two Americans in response."
			b.rec.Events = []record.Event{
				{ID: "talks-2025-0", Date: day("2025-02-27"), DatePrecision: "day", Source: actor("USA", "GOV", "", "United States"),
					Target: actor("RUS", "GOV", "", "Russia"), Reciprocal: true, CAMEO: "046", CAMEORoot: "04", QuadClass: 1, Goldstein: 7,
					PLOVER: record.PLOVER{Event: "CONSULT", Mode: "third-party"}, Status: "reported",
					Location: &record.Location{Name: "Istanbul", Country: "TUR", Lat: 41.01, Lon: 28.98}, Evidence: b.ev(0, s0, "met")},
				{ID: "talks-2025-1", DatePrecision: "month", Period: "2024-03", Source: actor("USA", "GOV", "Washington", "Washington"),
					Target: actor("RUS", "GOV", "", "Russian diplomats"), CAMEO: "1663", CAMEORoot: "16", QuadClass: 4, Goldstein: -7,
					PLOVER: record.PLOVER{Event: "SANCTION", Mode: "expel"}, Status: "reported", Evidence: b.ev(2, s2, "expelled")},
			}
			b.rec.Meetings = []record.Meeting{{ID: "talks-2025-m0", Kind: "talks", Date: day("2025-02-27"), DatePrecision: "day",
				Place: "Istanbul", Country: "TUR", Parties: []string{"RUS", "USA"}, Round: 2,
				Participants: []record.Participant{{Name: "Sonata Coulter", Country: "USA", Title: "Deputy Assistant Secretary of State", Role: "head of delegation"}},
				Topics:       []string{"embassy operations"}, ExcludedTopics: []string{"Ukraine"}, Outcomes: []string{}, Evidence: []record.Evidence{b.ev(0, s0, "")}}}
			b.rec.Quotes = []record.Quote{{Speaker: record.Speaker{Name: "Sergei Lavrov", Country: "RUS", Sector: "GOV", Title: "Foreign Minister"},
				Text: "The talks were constructive and businesslike,", Cue: "told reporters", Evidence: b.ev(1, s1, "")}}
			b.rec.Measures = []record.Measure{
				{ID: "talks-2025-x0", By: "USA", Against: "RUS", Kind: "expulsion", Size: "2", DatePrecision: "month", Evidence: b.ev(2, s2, "")},
				{ID: "talks-2025-x1", By: "RUS", Against: "USA", Kind: "expulsion", Size: "2", DatePrecision: "month", InResponseTo: "talks-2025-x0", Evidence: b.ev(2, s2, "")},
			}
		},
	},
	{
		id: "sanctions-2024", title: "Washington adds Russian banks to sanctions list", source: "Ledger", published: "2024-11-05",
		body: "The United States imposed sanctions on three Russian banks on Tuesday. The Kremlin condemned the decision as hostile.",
		build: func(b *recBuilder) {
			s0 := "The United States imposed sanctions on three Russian banks on Tuesday."
			s1 := "The Kremlin condemned the decision as hostile."
			b.rec.Events = []record.Event{
				{ID: "sanctions-2024-0", Date: day("2024-11-05"), DatePrecision: "day", Source: actor("USA", "GOV", "", "The United States"),
					Target: actor("RUS", "BUS", "", "three Russian banks"), CAMEO: "163", CAMEORoot: "16", QuadClass: 4, Goldstein: -8,
					PLOVER: record.PLOVER{Event: "SANCTION"}, Status: "reported", Evidence: b.ev(0, s0, "imposed sanctions")},
				{ID: "sanctions-2024-1", Date: day("2024-11-05"), DatePrecision: "day", Source: actor("RUS", "GOV", "", "The Kremlin"),
					Target: actor("USA", "GOV", "", ""), CAMEO: "111", CAMEORoot: "11", QuadClass: 3, Goldstein: -2,
					PLOVER: record.PLOVER{Event: "ACCUSE", Mode: "disapprove"}, Status: "reported", Evidence: b.ev(1, s1, "condemned")},
			}
		},
	},
	{
		id: "tokyo-2023", title: "Tokyo and Seoul revive leader visits", source: "Wire", published: "2023-03-16",
		body: "Japan and South Korea agreed on Thursday to resume regular leader visits. Officials may meet again next year.",
		build: func(b *recBuilder) {
			s0 := "Japan and South Korea agreed on Thursday to resume regular leader visits."
			s1 := "Officials may meet again next year."
			b.rec.Events = []record.Event{
				{ID: "tokyo-2023-0", Date: day("2023-03-16"), DatePrecision: "day", Source: actor("JPN", "GOV", "", "Japan"),
					Target: actor("KOR", "GOV", "", "South Korea"), Reciprocal: true, CAMEO: "030", CAMEORoot: "03", QuadClass: 1, Goldstein: 4,
					PLOVER: record.PLOVER{Event: "AGREE"}, Status: "reported", Evidence: b.ev(0, s0, "agreed")},
				{ID: "tokyo-2023-1", DatePrecision: "unknown", Source: actor("JPN", "GOV", "", "Officials"),
					Target: actor("KOR", "GOV", "", "Officials"), Reciprocal: true, CAMEO: "036", CAMEORoot: "03", QuadClass: 1, Goldstein: 4,
					PLOVER: record.PLOVER{Event: "AGREE"}, Status: "hypothetical", Evidence: b.ev(1, s1, "meet")},
			}
		},
	},
}

// newFixtureStore returns a store in a temporary directory holding the
// fixture documents.
func newFixtureStore(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir()+"/parley.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, d := range fixtureDocs {
		saveFixture(t, st, d)
	}
	saveDossierFixture(t, st)
	return st
}

// saveDossierFixture stores a document and, when the database has the
// issues table (migration 0003), three issue-dossier updates written
// straight into it, so that the dossier API is tested apart from the
// extraction that fills the table.
func saveDossierFixture(t testing.TB, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	body := "Both sides agreed to speed up visas for diplomats. Moscow said staffing caps remain in place."
	a := &article.Article{ID: "dossier-2025", Title: "Visa talks advance", Source: "Wire", Body: body, Kind: "text",
		Published: time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)}
	if _, err := st.SaveDocument(ctx, a, &record.Document{}, 2, nil, false); err != nil {
		t.Fatal(err)
	}
	ok, err := st.HasTable(ctx, "issues")
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		return
	}
	b := &recBuilder{t: t, body: body}
	updates := []record.IssueUpdate{
		{Topic: "visas", Parties: []string{"RUS", "USA"}, Status: "raised", Date: day("2025-02-27"), DatePrecision: "day",
			Evidence: b.ev(0, "Both sides agreed to speed up visas for diplomats.", "")},
		{Topic: "visas", Parties: []string{"RUS", "USA"}, Status: "steps agreed", Date: day("2025-03-04"), DatePrecision: "day",
			Cause: "talks-2025-m0", Evidence: b.ev(0, "Both sides agreed to speed up visas for diplomats.", "agreed")},
		{Topic: "staffing", Parties: []string{"RUS", "USA"}, Status: "worsened", DatePrecision: "unknown",
			Evidence: b.ev(1, "Moscow said staffing caps remain in place.", "")},
	}
	for i, u := range updates {
		js, err := json.Marshal(u)
		if err != nil {
			t.Fatal(err)
		}
		var date any
		if u.Date != nil {
			date = *u.Date
		}
		if _, err := st.DB().ExecContext(ctx, `INSERT INTO issues (doc_id, ord, topic, party_a, party_b, status, date, cause, record)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, "dossier-2025", i, u.Topic, "RUS", "USA", u.Status, date, u.Cause, string(js)); err != nil {
			t.Fatal(err)
		}
	}
}

func saveFixture(t testing.TB, st *store.Store, d fixtureDoc) {
	t.Helper()
	pub, err := time.Parse(time.DateOnly, d.published)
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{ID: d.id, Title: d.title, Source: d.source, Published: pub, Body: d.body, Kind: "text",
		URL: "https://news.example/" + d.id, Origin: d.id + ".txt"}
	b := &recBuilder{t: t, body: d.body, rec: record.Document{Format: record.Format, ID: d.id, Title: d.title,
		Published: d.published, Source: d.source, URL: a.URL}}
	d.build(b)
	ann := []byte(`{"actors":[],"places":[],"dates":[],"parties":["",""]}`)
	if _, err := st.SaveDocument(context.Background(), a, &b.rec, strings.Count(d.body, ". ")+1, ann, false); err != nil {
		t.Fatal(err)
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
