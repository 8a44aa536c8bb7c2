package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/record"
	"github.com/parleyproject/parley/internal/store"
)

// runStoreCmd runs parley in-process with PARLEY_DB set to db and returns
// its stdout, stderr and exit status.
func runStoreCmd(t *testing.T, db string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := &env{
		stdin: strings.NewReader(stdin), stdout: &stdout, stderr: &stderr,
		getenv: func(k string) string {
			if k == "PARLEY_DB" {
				return db
			}
			return ""
		},
	}
	code := e.main(args)
	return stdout.String(), stderr.String(), code
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func jsonlLine(id, published, source, title, text string) string {
	b, err := json.Marshal(map[string]string{"id": id, "published": published, "source": source, "title": title, "text": text})
	if err != nil {
		panic(err)
	}
	return string(b) + "\n"
}

func TestIngestCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "parley.db")
	text := writeFile(t, dir, "in/talks.txt", "Diplomats from the United States and Russia met in Istanbul on Thursday.\n\nThe talks lasted six hours, officials said.\n")
	lines := jsonlLine("wire-1", "2025-03-01", "Wire", "Sanctions extended", "The European Union extended sanctions against Russia.") +
		"{not json\n" +
		jsonlLine("wire-2", "2025-03-02", "Wire", "Talks planned", "Turkey offered to host further talks between Kyiv and Moscow.")
	jl := writeFile(t, dir, "in/wire.jsonl", lines)

	_, stderr, code := runStoreCmd(t, db, "", "ingest", "--published", "2025-02-28", "--title", "Istanbul talks", text)
	if code != 0 || !strings.HasPrefix(stderr, "ingested 1, duplicates 0, rejected 0 (in ") {
		t.Fatalf("ingest text: exit %d, stderr:\n%s", code, stderr)
	}
	_, stderr, code = runStoreCmd(t, db, "", "ingest", filepath.Join(dir, "in"))
	if code != 0 {
		t.Fatalf("ingest dir: exit %d, stderr:\n%s", code, stderr)
	}
	lines2 := strings.Split(strings.TrimSpace(stderr), "\n")
	if !strings.HasPrefix(lines2[0], "ingested 2, duplicates 1, rejected 1 (") || len(lines2) != 2 ||
		!strings.HasPrefix(lines2[1], "rejected: "+jl+":2: ") {
		t.Errorf("ingest dir stderr:\n%s", stderr)
	}
	// Standard input, and --force re-stores.
	_, stderr, code = runStoreCmd(t, db, jsonlLine("wire-1", "2025-03-01", "Wire", "Sanctions extended", "The European Union extended sanctions against Russia."), "ingest", "--force", "-")
	if code != 0 || !strings.HasPrefix(stderr, "ingested 1, duplicates 0, rejected 0") {
		t.Errorf("ingest --force -: exit %d, stderr:\n%s", code, stderr)
	}

	out, _, code := runStoreCmd(t, db, "", "docs", "--json")
	var docs []store.DocSummary
	if err := json.Unmarshal([]byte(out), &docs); code != 0 || err != nil || len(docs) != 3 {
		t.Fatalf("docs --json: exit %d, %v, %d docs:\n%s", code, err, len(docs), out)
	}
	if docs[0].ID != "wire-2" || docs[2].Title != "Istanbul talks" || docs[2].Published != "2025-02-28" {
		t.Errorf("docs = %+v", docs)
	}
}

func TestIngestErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no input", []string{"ingest"}, 2, "no input"},
		{"bad date", []string{"ingest", "--published", "28/02/2025", "x.txt"}, 1, "YYYY-MM-DD"},
		{"missing file is a rejection", []string{"ingest", filepath.Join(dir, "missing.txt")}, 0, "rejected: " + filepath.Join(dir, "missing.txt")},
		{"db cannot open", []string{"ingest", "--db", filepath.Join(dir, "no", "such", "dir.db"), "-"}, 1, "parley ingest: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runStoreCmd(t, filepath.Join(dir, "p.db"), "", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("%v: exit %d, want %d; stderr:\n%s\nwant it to contain %q", tt.args, code, tt.code, stderr, tt.stderr)
			}
		})
	}
}

// seedCLI stores two documents with events straight through the store.
func seedCLI(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "parley.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	day := "2025-02-27"
	actor := func(c, s, text string) *record.Actor {
		return &record.Actor{Code: c + s, Country: c, Sector: s, Text: text}
	}
	docs := []struct {
		a   *article.Article
		evs []record.Event
	}{
		{&article.Article{ID: "istanbul-talks", Title: "US and Russian diplomats meet in Istanbul", Source: "Wire",
			Published: time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC), Kind: "jsonl", Origin: "in.jsonl:1",
			Body: "Diplomats from the United States and Russia met in Istanbul on Thursday.\n\nThe Kremlin said no one expected quick results."},
			[]record.Event{{ID: "e1", Date: &day, DatePrecision: "day", Source: actor("USA", "GOV", "Diplomats from the United States"),
				Target: actor("RUS", "GOV", "Russia"), Reciprocal: true, CAMEO: "046", CAMEORoot: "04", QuadClass: 1, Goldstein: 7,
				PLOVER: record.PLOVER{Event: "CONSULT"}, Status: "reported",
				Evidence: record.Evidence{Sentence: 0, Start: 0, End: 72, Text: "Diplomats from the United States and Russia met in Istanbul on Thursday.", Trigger: "met"}}}},
		{&article.Article{ID: "ankara-offer", Title: "Ankara offers to host talks", Source: "Other",
			Published: time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC), Kind: "text", Origin: "ankara.txt",
			Body: "Turkey said it was ready to host talks between Kyiv and Moscow."},
			[]record.Event{{ID: "e1", DatePrecision: "unknown", Source: actor("TUR", "GOV", "Turkey"), CAMEO: "039", CAMEORoot: "03",
				QuadClass: 1, Goldstein: 5, Status: "proposed",
				Evidence: record.Evidence{Text: "Turkey said it was ready to host talks between Kyiv and Moscow.", Trigger: "ready to host"}}}},
	}
	for _, d := range docs {
		rec := &record.Document{Format: record.Format, ID: d.a.ID, Title: d.a.Title, Source: d.a.Source, Published: d.a.PublishedDate(),
			Events: d.evs, Meetings: []record.Meeting{}, Quotes: []record.Quote{}, Measures: []record.Measure{}}
		if _, err := st.SaveDocument(context.Background(), d.a, rec, 2, nil, false); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestQueryCommands(t *testing.T) {
	db := seedCLI(t)
	tests := []struct {
		name string
		args []string
		code int
		want []string // substrings of stdout
		not  []string
	}{
		{"docs table", []string{"docs"}, 0, []string{"ID", "istanbul-talks  2025-02-28  Wire", "ankara-offer"}, nil},
		{"docs source", []string{"docs", "--source", "Other"}, 0, []string{"ankara-offer"}, []string{"istanbul-talks"}},
		{"docs from", []string{"docs", "--from", "2025-02-01"}, 0, []string{"istanbul-talks"}, []string{"ankara-offer"}},
		{"docs query", []string{"docs", "--q", `"no one expected"`}, 0, []string{"istanbul-talks"}, []string{"ankara-offer"}},
		{"docs query syntax", []string{"docs", "--q", `AND (" NEAR`}, 0, []string{"ID"}, []string{"istanbul"}},
		{"show", []string{"show", "istanbul"}, 0, []string{"id:        istanbul-talks", "1 events", "on Thursday.\n\nThe Kremlin", "USAGOV↔RUSGOV"}, nil},
		{"show missing", []string{"show", "nope"}, 1, nil, nil},
		{"events", []string{"events"}, 0, []string{"2025-02-27  USAGOV↔RUSGOV", "TURGOV→-", "ready to host"}, nil},
		{"events dyad", []string{"events", "--dyad", "RUS-USA"}, 0, []string{"046"}, []string{"TURGOV"}},
		{"events actor", []string{"events", "--actor", "TURGOV"}, 0, []string{"039"}, []string{"046"}},
		{"events root status", []string{"events", "--root", "04", "--status", "reported"}, 0, []string{"046"}, []string{"039"}},
		{"events doc", []string{"events", "--doc", "ankara"}, 0, []string{"039"}, []string{"046"}},
		{"events bad dyad", []string{"events", "--dyad", "USA"}, 1, nil, nil},
		{"events bad date", []string{"events", "--from", "yesterday"}, 1, nil, nil},
		{"migrate", []string{"migrate"}, 0, []string{fmt.Sprintf("schema version %d", store.LatestVersion())}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runStoreCmd(t, db, "", tt.args...)
			if code != tt.code {
				t.Fatalf("%v: exit %d, want %d; stderr:\n%s", tt.args, code, tt.code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("%v: stdout lacks %q:\n%s", tt.args, w, out)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(out, w) {
					t.Errorf("%v: stdout has %q:\n%s", tt.args, w, out)
				}
			}
		})
	}
}

func TestJSONOutputs(t *testing.T) {
	db := seedCLI(t)
	out, _, code := runStoreCmd(t, db, "", "events", "--json", "--actor", "usa")
	var evs []map[string]any
	if err := json.Unmarshal([]byte(out), &evs); code != 0 || err != nil || len(evs) != 1 {
		t.Fatalf("events --json: exit %d, %v:\n%s", code, err, out)
	}
	for _, k := range []string{"doc_id", "id", "date", "source", "target", "cameo", "cameo_root", "quad_class", "goldstein", "plover", "status", "evidence"} {
		if _, ok := evs[0][k]; !ok {
			t.Errorf("events --json: no %q in %v", k, evs[0])
		}
	}
	if evs[0]["doc_id"] != "istanbul-talks" {
		t.Errorf("doc_id = %v", evs[0]["doc_id"])
	}

	out, _, code = runStoreCmd(t, db, "", "show", "--json", "istanbul-talks")
	var doc struct {
		record.Document
		Body      string `json:"body"`
		Sentences int    `json:"sentences"`
	}
	if err := json.Unmarshal([]byte(out), &doc); code != 0 || err != nil {
		t.Fatalf("show --json: exit %d, %v:\n%s", code, err, out)
	}
	if doc.Format != record.Format || doc.ID != "istanbul-talks" || len(doc.Events) != 1 || doc.Sentences != 2 || !strings.Contains(doc.Body, "\n\n") {
		t.Errorf("show --json = %+v", doc)
	}
}

func TestReadCommandsNeedDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "absent.db")
	for _, cmd := range []string{"docs", "events"} {
		_, stderr, code := runStoreCmd(t, db, "", cmd)
		if code != 1 || !strings.Contains(stderr, "no database at "+db) {
			t.Errorf("%s on a missing database: exit %d, stderr %q", cmd, code, stderr)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("read commands created %s", db)
	}
}

func TestDBPathPrecedence(t *testing.T) {
	dir := t.TempDir()
	envDB, flagDB := filepath.Join(dir, "env.db"), filepath.Join(dir, "flag.db")
	if _, _, code := runStoreCmd(t, envDB, "", "migrate"); code != 0 {
		t.Fatal("migrate with PARLEY_DB failed")
	}
	if _, _, code := runStoreCmd(t, envDB, "", "migrate", "--db", flagDB); code != 0 {
		t.Fatal("migrate --db failed")
	}
	for _, p := range []string{envDB, flagDB} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s not created: %v", p, err)
		}
	}
}

func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	if newProgress(&b) != nil {
		t.Error("newProgress on a buffer is not nil; only terminals get a progress line")
	}
	p := &progress{w: &b}
	st := statsFor(10, 8, 1, 1, time.Second)
	p.update(st)
	p.update(st) // too soon: not drawn
	if got := strings.Count(b.String(), "\r"); got != 1 {
		t.Errorf("two quick updates drew %d lines, want 1", got)
	}
	if !strings.Contains(b.String(), "10 documents, 10 docs/s: ingested 8, duplicates 1, rejected 1") {
		t.Errorf("progress line = %q", b.String())
	}
	p.clear()
	if !strings.HasSuffix(b.String(), "\r\x1b[K") {
		t.Errorf("clear did not erase the line: %q", b.String())
	}
	var nilp *progress
	nilp.update(st) // must not panic
	nilp.clear()
}
