package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/record"
)

// postgresEnv names the variable holding a PostgreSQL DSN for tests.
const postgresEnv = "PARLEY_TEST_POSTGRES_DSN"

// eachStore runs f on a fresh SQLite store in t.TempDir() and, when
// PARLEY_TEST_POSTGRES_DSN is set, on a fresh PostgreSQL schema; dsn
// reopens the same database.
func eachStore(t *testing.T, f func(t *testing.T, s *Store, dsn string)) {
	t.Run("sqlite", func(t *testing.T) {
		s, path := openTemp(t)
		f(t, s, path)
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := postgresDSN(t)
		s, err := Open(context.Background(), dsn)
		if err != nil {
			t.Fatalf("Open(postgres): %v", err)
		}
		t.Cleanup(func() { s.Close() })
		f(t, s, dsn)
	})
}

// postgresDSN creates an empty schema in the database named by
// PARLEY_TEST_POSTGRES_DSN, dropped when the test ends, and returns a DSN
// that uses it. It skips the test when the variable is not set.
func postgresDSN(t *testing.T) string {
	t.Helper()
	base := os.Getenv(postgresEnv)
	if base == "" {
		t.Skipf("set %s to a postgres:// URL to test on PostgreSQL", postgresEnv)
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("parley_test_%d", time.Now().UnixNano())
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		db.Close()
		t.Fatalf("creating schema on %s: %v", postgresEnv, err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
		db.Close()
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s, path
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func strp(s string) *string { return &s }

func actor(country, sector, text string) *record.Actor {
	return &record.Actor{Code: country + sector, Country: country, Sector: sector, Text: text}
}

// testDoc returns an article and its record with one event between src
// and tgt coded cameo on day.
func testDoc(id, published, source, title, body string, events ...record.Event) (*article.Article, *record.Document) {
	a := &article.Article{ID: id, Title: title, Source: source, Body: body, Kind: "text", Origin: id + ".txt"}
	if published != "" {
		a.Published = date(published)
	}
	rec := &record.Document{
		Format: record.Format, ID: id, Title: title, Source: source, Published: a.PublishedDate(),
		Events: events, Meetings: []record.Meeting{}, Quotes: []record.Quote{}, Measures: []record.Measure{},
		Issues: []record.IssueUpdate{},
	}
	if rec.Events == nil {
		rec.Events = []record.Event{}
	}
	return a, rec
}

func event(id, src, tgt, cameo, day, status string) record.Event {
	ev := record.Event{
		ID: id, DatePrecision: record.PrecisionUnknown, CAMEO: cameo, CAMEORoot: cameo[:2],
		QuadClass: 1, Goldstein: 3.5, Status: status,
		PLOVER:   record.PLOVER{Event: "CONSULT", Mode: ""},
		Evidence: record.Evidence{Sentence: 0, Start: 0, End: 10, Text: "Sentence " + id, Trigger: "met"},
	}
	if src != "" {
		ev.Source = actor(src[:3], src[3:], src)
	}
	if tgt != "" {
		ev.Target = actor(tgt[:3], tgt[3:], tgt)
	}
	if day != "" {
		ev.Date = strp(day)
		ev.DatePrecision = record.PrecisionDay
	}
	return ev
}

func TestMigrationsIdempotent(t *testing.T) {
	eachStore(t, testMigrationsIdempotent)
}

func testMigrationsIdempotent(t *testing.T, s *Store, path string) {
	if got, want := s.Version(), LatestVersion(); got != want || want < 1 {
		t.Fatalf("Version() = %d, want %d (>= 1)", got, want)
	}
	for i := 0; i < 2; i++ {
		s2, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("reopening %s: %v", path, err)
		}
		var n int
		if err := s2.DB().QueryRow(`SELECT COUNT(*) FROM schema_version`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != LatestVersion() {
			t.Errorf("schema_version has %d rows after reopening, want %d", n, LatestVersion())
		}
		if err := s2.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if s.Dialect() != "sqlite" {
		return
	}
	var mode string
	if err := s.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := s.DB().QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
}

func TestMigrationFilesPaired(t *testing.T) {
	lite, err := migrations("sqlite")
	if err != nil {
		t.Fatal(err)
	}
	pg, err := migrations("postgres")
	if err != nil {
		t.Fatal(err)
	}
	if len(lite) != len(pg) {
		t.Errorf("%d sqlite migrations, %d postgres migrations; every version needs both", len(lite), len(pg))
	}
}

func TestSchemaNewerRefused(t *testing.T) {
	eachStore(t, testSchemaNewerRefused)
}

func testSchemaNewerRefused(t *testing.T, s *Store, path string) {
	future := LatestVersion() + 1
	if _, err := s.DB().Exec(s.q(`INSERT INTO schema_version (version, applied_at) VALUES (?, 'later')`), future); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(context.Background(), path)
	if err == nil {
		s2.Close()
		t.Fatalf("Open on a version %d database succeeded, want ErrSchemaTooNew", future)
	}
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("Open error = %v, want ErrSchemaTooNew", err)
	}
}

func TestOpenErrors(t *testing.T) {
	for _, dsn := range []string{"", filepath.Join(t.TempDir(), "missing-dir", "x.db")} {
		if s, err := Open(context.Background(), dsn); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded, want an error", dsn)
		}
	}
}

func TestSaveDuplicateForce(t *testing.T) {
	eachStore(t, testSaveDuplicateForce)
}

func testSaveDuplicateForce(t *testing.T, s *Store, _ string) {
	ctx := context.Background()
	a, rec := testDoc("doc-1", "2025-02-28", "Wire", "Talks in Istanbul", "Diplomats met in Istanbul.\n\nThey talked.",
		event("e1", "USAGOV", "RUSGOV", "046", "2025-02-27", record.StatusReported),
		event("e2", "RUSGOV", "USAGOV", "036", "", record.StatusProposed))
	rec.Meetings = []record.Meeting{{ID: "m1", Kind: "talks", Date: strp("2025-02-27"), DatePrecision: "day", Country: "TUR",
		Parties: []string{"USA", "RUS"}, Participants: []record.Participant{}, Topics: []string{}, ExcludedTopics: []string{},
		Outcomes: []string{}, Evidence: []record.Evidence{{Sentence: 0, Start: 0, End: 26}}}}
	rec.Quotes = []record.Quote{{Speaker: record.Speaker{Name: "Dmitry Peskov", Country: "RUS", Sector: "GOV"}, Text: "No one expects", Cue: "said"}}
	rec.Measures = []record.Measure{{ID: "x1", By: "RUS", Against: "USA", Kind: "expulsion", DatePrecision: "unknown"}}

	saved, err := s.SaveDocument(ctx, a, rec, 2, []byte(`{"sentences":[]}`), false)
	if err != nil || !saved {
		t.Fatalf("SaveDocument = %v, %v; want true, nil", saved, err)
	}
	got, err := s.Document(ctx, "doc-1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rec, got.Record); diff != "" {
		t.Errorf("stored record differs (-want +got):\n%s", diff)
	}
	// PostgreSQL's JSONB respaces JSON: compare values, not bytes.
	var annot any
	if err := json.Unmarshal(got.Annotations, &annot); err != nil || !cmp.Equal(annot, map[string]any{"sentences": []any{}}) {
		t.Errorf("Annotations = %s (%v), want {\"sentences\":[]}", got.Annotations, err)
	}
	if got.Body != a.Body || got.Sentences != 2 || got.Kind != "text" {
		t.Errorf("Document = %+v", got)
	}

	// The same id, or the same body under another id, is a duplicate.
	a2, rec2 := testDoc("doc-1", "2025-03-01", "Wire", "Changed", "Another body.")
	a3, rec3 := testDoc("doc-copy", "2025-03-01", "Wire", "Copy", a.Body)
	for _, d := range []struct {
		a   *article.Article
		rec *record.Document
	}{{a2, rec2}, {a3, rec3}} {
		saved, err := s.SaveDocument(ctx, d.a, d.rec, 1, nil, false)
		if err != nil || saved {
			t.Errorf("SaveDocument(%s) again = %v, %v; want false, nil", d.a.ID, saved, err)
		}
	}
	if has, err := s.HasDocument(ctx, "", article.ContentID(a.Body)); err != nil || !has {
		t.Errorf("HasDocument(hash) = %v, %v; want true", has, err)
	}
	if has, err := s.HasDocument(ctx, "nope", ""); err != nil || has {
		t.Errorf("HasDocument(nope) = %v, %v; want false", has, err)
	}
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Documents: 1, Events: 2, Meetings: 1, Quotes: 1, Measures: 1}); c != want {
		t.Errorf("Counts after duplicates = %+v, want %+v", c, want)
	}

	// Force replaces the document and all its children.
	saved, err = s.SaveDocument(ctx, a2, rec2, 1, nil, true)
	if err != nil || !saved {
		t.Fatalf("SaveDocument(force) = %v, %v", saved, err)
	}
	c, err = s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Documents: 1}); c != want {
		t.Errorf("Counts after force = %+v, want %+v", c, want)
	}
	got, err = s.Document(ctx, "doc-1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Changed" || got.Body != "Another body." {
		t.Errorf("after force: title %q body %q", got.Title, got.Body)
	}
	// The full-text index follows the replacement.
	for q, want := range map[string]int{"Istanbul": 0, "another": 1} {
		docs, err := s.Documents(ctx, DocFilter{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != want {
			t.Errorf("Documents(Query %q) after force = %d docs, want %d", q, len(docs), want)
		}
	}
	assertFTSConsistent(t, s)
}

func assertFTSConsistent(t *testing.T, s *Store) {
	t.Helper()
	if s.Dialect() != "sqlite" {
		return // PostgreSQL's search column is generated, never stale
	}
	if _, err := s.DB().Exec(`INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("FTS integrity-check: %v", err)
	}
}

func TestSaveRejectsBadInput(t *testing.T) {
	eachStore(t, testSaveRejectsBadInput)
}

func testSaveRejectsBadInput(t *testing.T, s *Store, _ string) {
	ctx := context.Background()
	a, rec := testDoc("", "", "", "", "body")
	if _, err := s.SaveDocument(ctx, a, rec, 0, nil, false); err == nil {
		t.Error("SaveDocument with an empty id succeeded")
	}
	a.ID = "x"
	if _, err := s.SaveDocument(ctx, a, rec, 0, []byte("{not json"), false); err == nil {
		t.Error("SaveDocument with invalid annotations succeeded")
	}
	if _, err := s.SaveDocument(ctx, nil, rec, 0, nil, false); err == nil {
		t.Error("SaveDocument(nil) succeeded")
	}
	if c, _ := s.Counts(ctx); c.Documents != 0 {
		t.Errorf("%d documents stored after rejected saves", c.Documents)
	}
}

func seed(t *testing.T, s *Store) {
	t.Helper()
	docs := []struct {
		id, published, source, title, body string
		events                             []record.Event
	}{
		{"afp-001", "2025-02-28", "AFP", "US and Russian diplomats meet in Istanbul",
			"Diplomats from the United States and Russia met in Istanbul on Thursday.\n\nThe talks lasted six hours.",
			[]record.Event{
				event("e1", "USAGOV", "RUSGOV", "046", "2025-02-27", record.StatusReported),
				event("e2", "RUSGOV", "USAGOV", "0311", "2025-02-27", record.StatusProposed),
			}},
		{"afp-002", "2025-03-10", "AFP", "Sanctions extended",
			"The European Union extended sanctions against Russia on Monday.",
			[]record.Event{event("e1", "EURGOV", "RUS", "163", "2025-03-10", record.StatusReported)}},
		{"rtr-001", "2025-01-15", "Reuters", "Ankara offers to host talks",
			"Turkey's foreign minister said Ankara was ready to host new talks between Kyiv and Moscow.",
			[]record.Event{event("e1", "TURGOV", "", "039", "", record.StatusReported)}},
		{"rtr-002", "", "Reuters", "Undated note", "A note with no date about \"quoted\" words and O'Brien.", nil},
	}
	for _, d := range docs {
		a, rec := testDoc(d.id, d.published, d.source, d.title, d.body, d.events...)
		if saved, err := s.SaveDocument(context.Background(), a, rec, 1, nil, false); err != nil || !saved {
			t.Fatalf("SaveDocument(%s) = %v, %v", d.id, saved, err)
		}
	}
}

func TestDocuments(t *testing.T) {
	eachStore(t, testDocuments)
}

func testDocuments(t *testing.T, s *Store, _ string) {
	seed(t, s)
	tests := []struct {
		name string
		f    DocFilter
		want []string
	}{
		{"all newest first, undated last", DocFilter{}, []string{"afp-002", "afp-001", "rtr-001", "rtr-002"}},
		{"from", DocFilter{From: date("2025-02-28")}, []string{"afp-002", "afp-001"}},
		{"to", DocFilter{To: date("2025-02-28")}, []string{"afp-001", "rtr-001"}},
		{"source", DocFilter{Source: "Reuters"}, []string{"rtr-001", "rtr-002"}},
		{"limit offset", DocFilter{Limit: 2, Offset: 1}, []string{"afp-001", "rtr-001"}},
		{"word", DocFilter{Query: "istanbul"}, []string{"afp-001"}},
		{"stemmed", DocFilter{Query: "sanction"}, []string{"afp-002"}},
		{"all words", DocFilter{Query: "talks Ankara"}, []string{"rtr-001"}},
		{"phrase", DocFilter{Query: `"host new talks"`}, []string{"rtr-001"}},
		{"curly phrase", DocFilter{Query: "“new talks host”"}, nil},
		{"prefix", DocFilter{Query: "diplo*"}, []string{"afp-001"}},
		{"title", DocFilter{Query: "undated"}, []string{"rtr-002"}},
		{"query and source", DocFilter{Query: "talks", Source: "AFP"}, []string{"afp-001"}},
		{"operators are words", DocFilter{Query: "AND OR NOT"}, nil},
		{"syntax characters", DocFilter{Query: `talks) ( "unbalanced ^ - : NEAR(`}, nil},
		{"apostrophe", DocFilter{Query: "O'Brien"}, []string{"rtr-002"}},
		{"only punctuation", DocFilter{Query: `"" - *`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := s.Documents(context.Background(), tt.f)
			if err != nil {
				t.Fatalf("Documents(%+v): %v", tt.f, err)
			}
			var got []string
			for _, d := range docs {
				got = append(got, d.ID)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Documents(%+v) (-want +got):\n%s", tt.f, diff)
			}
		})
	}
}

func TestDocumentLookup(t *testing.T) {
	eachStore(t, testDocumentLookup)
}

func testDocumentLookup(t *testing.T, s *Store, _ string) {
	ctx := context.Background()
	seed(t, s)
	tests := []struct {
		id, want string
		err      error
	}{
		{"afp-001", "afp-001", nil},
		{"rtr-00", "", ErrAmbiguous},
		{"rtr-001", "rtr-001", nil},
		{"afp-0010", "", ErrNotFound},
		{"zzz", "", ErrNotFound},
		{"", "", ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			d, err := s.Document(ctx, tt.id)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("Document(%q) error = %v, want %v", tt.id, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Document(%q): %v", tt.id, err)
			}
			if d.ID != tt.want {
				t.Errorf("Document(%q).ID = %q, want %q", tt.id, d.ID, tt.want)
			}
		})
	}
	// A unique prefix resolves.
	a, rec := testDoc("unique-prefix-doc", "", "", "", "unique body")
	if _, err := s.SaveDocument(ctx, a, rec, 1, nil, false); err != nil {
		t.Fatal(err)
	}
	if d, err := s.Document(ctx, "uniq"); err != nil || d.ID != "unique-prefix-doc" {
		t.Errorf("Document(uniq) = %v, %v", d, err)
	}
}

func TestEvents(t *testing.T) {
	eachStore(t, testEvents)
}

func testEvents(t *testing.T, s *Store, _ string) {
	seed(t, s)
	tests := []struct {
		name string
		f    EventFilter
		want []string // doc_id/event id
	}{
		{"all", EventFilter{}, []string{"afp-002/e1", "afp-001/e1", "afp-001/e2", "rtr-001/e1"}},
		{"dyad either direction", EventFilter{Dyad: [2]string{"rus", "USA"}}, []string{"afp-001/e1", "afp-001/e2"}},
		{"dyad no match", EventFilter{Dyad: [2]string{"USA", "TUR"}}, nil},
		{"actor country", EventFilter{Actor: "RUS"}, []string{"afp-002/e1", "afp-001/e1", "afp-001/e2"}},
		{"actor code", EventFilter{Actor: "RUSGOV"}, []string{"afp-001/e1", "afp-001/e2"}},
		{"actor source only", EventFilter{Actor: "TUR"}, []string{"rtr-001/e1"}},
		{"code", EventFilter{Code: "046"}, []string{"afp-001/e1"}},
		{"root", EventFilter{Root: "03"}, []string{"afp-001/e2", "rtr-001/e1"}},
		{"from", EventFilter{From: date("2025-03-01")}, []string{"afp-002/e1"}},
		{"to", EventFilter{To: date("2025-03-01")}, []string{"afp-001/e1", "afp-001/e2"}},
		{"status", EventFilter{Status: "reported"}, []string{"afp-002/e1", "afp-001/e1", "rtr-001/e1"}},
		{"doc", EventFilter{DocID: "afp-001", Status: "proposed"}, []string{"afp-001/e2"}},
		{"limit", EventFilter{Limit: 1, Offset: 1}, []string{"afp-001/e1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := s.Events(context.Background(), tt.f)
			if err != nil {
				t.Fatalf("Events(%+v): %v", tt.f, err)
			}
			var got []string
			for _, ev := range evs {
				got = append(got, ev.DocID+"/"+ev.ID)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Events(%+v) (-want +got):\n%s", tt.f, diff)
			}
		})
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"talks", `"talks"`},
		{"  two  words ", `"two" "words"`},
		{`"a phrase" word`, `"a phrase" "word"`},
		{`say "unterminated`, `"say" "unterminated"`},
		{"pref*", `"pref"*`},
		{`a"b`, `"a" "b"`},
		{"- ^ ()", ``},
		{"NEAR(a b)", `"NEAR(a" "b)"`},
	}
	for _, tt := range tests {
		if got := ftsQuery(parseSearch(tt.in)); got != tt.want {
			t.Errorf("ftsQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTSQuery(t *testing.T) {
	tests := []struct {
		in, want string
		args     []any
	}{
		{"talks", "phraseto_tsquery('english', ?)", []any{"talks"}},
		{`"host new talks" diplo*`, "phraseto_tsquery('english', ?) && to_tsquery('english', ?)", []any{"host new talks", "diplo:*"}},
		{"o'br*", "to_tsquery('english', ?)", []any{"o <-> br:*"}},
		{"- ^", "", nil},
	}
	for _, tt := range tests {
		got, args := tsQuery(parseSearch(tt.in))
		if got != tt.want || !cmp.Equal(args, tt.args) {
			t.Errorf("tsQuery(%q) = %q, %v; want %q, %v", tt.in, got, args, tt.want, tt.args)
		}
	}
}

func TestRebindDollar(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"a = ? AND b = ?", "a = $1 AND b = $2"},
		{"x = '?' AND y = ?", "x = '?' AND y = $1"},
		{`"we?ird" = ?`, `"we?ird" = $1`},
	}
	for _, tt := range tests {
		if got := rebindDollar(tt.in); got != tt.want {
			t.Errorf("rebindDollar(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"talks", `"a phrase"`, "pref*", `x" OR y`, "NEAR(a b)", "-^:", "“curly”", "o'br*", "a:* & !b"} {
		f.Add(s)
	}
	ctx := context.Background()
	dsns := []string{filepath.Join(f.TempDir(), "fuzz.db")}
	// With PARLEY_TEST_POSTGRES_DSN set, every input also goes to
	// PostgreSQL's tsquery functions.
	if base := os.Getenv(postgresEnv); base != "" {
		sep := "?"
		if strings.Contains(base, "?") {
			sep = "&"
		}
		// One schema per process: the fuzzer runs this setup in each worker.
		schema := fmt.Sprintf("parley_fuzz_%d", os.Getpid())
		dsns = append(dsns, base+sep+"search_path="+schema)
		db, err := sql.Open("pgx", base)
		if err != nil {
			f.Fatal(err)
		}
		defer db.Close()
		for _, q := range []string{"DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema} {
			if _, err := db.Exec(q); err != nil {
				f.Fatal(err)
			}
		}
		defer db.Exec("DROP SCHEMA " + schema + " CASCADE")
	}
	var stores []*Store
	for _, dsn := range dsns {
		s, err := Open(ctx, dsn)
		if err != nil {
			f.Fatal(err)
		}
		defer s.Close()
		seedDoc, rec := testDoc("d", "", "", "title", "some body text")
		if _, err := s.SaveDocument(ctx, seedDoc, rec, 1, nil, false); err != nil {
			f.Fatal(err)
		}
		stores = append(stores, s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, s := range stores {
			if _, err := s.Documents(ctx, DocFilter{Query: q}); err != nil {
				t.Fatalf("%s: Documents(Query %q): %v (terms %+v)", s.Dialect(), q, err, parseSearch(q))
			}
		}
	})
}

func TestConcurrentSaves(t *testing.T) {
	eachStore(t, testConcurrentSaves)
}

func testConcurrentSaves(t *testing.T, s *Store, _ string) {
	ctx := context.Background()
	errc := make(chan error, 8)
	for w := 0; w < 4; w++ {
		go func() {
			var err error
			for i := 0; i < 20 && err == nil; i++ {
				// Every worker saves the same 20 documents: each must be
				// stored once.
				a, rec := testDoc(fmt.Sprintf("c-%02d", i), "2025-01-01", "W", "t", fmt.Sprintf("body %d", i),
					event("e1", "USAGOV", "RUSGOV", "046", "", record.StatusReported))
				_, err = s.SaveDocument(ctx, a, rec, 1, nil, false)
			}
			errc <- err
		}()
	}
	for w := 0; w < 4; w++ {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Documents != 20 || c.Events != 20 {
		t.Errorf("Counts = %+v, want 20 documents and 20 events", c)
	}
}

// BenchmarkSaveDocument measures storing one document of about 1 KB with
// five events, a meeting and a quote, each in its own transaction.
func BenchmarkSaveDocument(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	body := strings.Repeat("Diplomats from the United States and Russia met in Istanbul on Thursday to discuss their embassies. ", 10)
	var evs []record.Event
	for i := range 5 {
		evs = append(evs, event(fmt.Sprint("e", i), "USAGOV", "RUSGOV", "046", "2025-02-27", record.StatusReported))
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a, rec := testDoc(fmt.Sprint("bench-", i), "2025-02-28", "Wire", "Talks", fmt.Sprint(i, " ", body), evs...)
		rec.Meetings = []record.Meeting{{ID: "m1", Kind: "talks", Date: strp("2025-02-27"), Country: "TUR", Parties: []string{"USA", "RUS"}}}
		rec.Quotes = []record.Quote{{Speaker: record.Speaker{Name: "Dmitry Peskov", Country: "RUS"}, Text: "No one expects solutions to come easily."}}
		if _, err := s.SaveDocument(ctx, a, rec, 10, nil, false); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
