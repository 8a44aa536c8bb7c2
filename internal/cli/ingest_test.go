package cli

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parleyproject/parley/internal/ingest"
	"github.com/parleyproject/parley/internal/pipeline"
	"github.com/parleyproject/parley/internal/store"
)

// corpusStates are the parties of the generated test corpus.
var corpusStates = [][2]string{
	{"France", "Paris"}, {"Germany", "Berlin"}, {"Japan", "Tokyo"}, {"Brazil", "Brasília"},
	{"India", "New Delhi"}, {"Turkey", "Ankara"}, {"Egypt", "Cairo"}, {"Canada", "Ottawa"},
	{"Poland", "Warsaw"}, {"Kenya", "Nairobi"}, {"Mexico", "Mexico City"}, {"Norway", "Oslo"},
}

var corpusDays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}

// corpusDoc writes the i-th generated news article: a few paragraphs about
// a meeting between two states, distinct for every i.
func corpusDoc(i int) (title, body string) {
	a := corpusStates[i%len(corpusStates)]
	b := corpusStates[(i/len(corpusStates)+1+i)%len(corpusStates)]
	if a == b {
		b = corpusStates[(i+5)%len(corpusStates)]
	}
	day := corpusDays[i%len(corpusDays)]
	title = fmt.Sprintf("%s and %s hold round %d of consultations in %s", a[0], b[0], i+1, a[1])
	body = fmt.Sprintf("The foreign ministers of %[1]s and %[2]s met in %[3]s on %[4]s for the %[5]d round of "+
		"consultations, officials said. The talks lasted %[6]d hours.\n\n"+
		"%[2]s's minister said after the meeting that both sides had agreed to reopen consular offices in %[7]s "+
		"and %[3]s by the end of the year. \"We have made real progress,\" the minister told reporters.\n\n"+
		"%[1]s proposed a further meeting next month, and %[2]s accepted the invitation. Analysts in %[7]s "+
		"said case number %[8]d showed how quickly relations had warmed since the spring.",
		a[0], b[0], a[1], day, i+1, 2+i%7, b[1], 1000+i)
	return title, body
}

// writeCorpus writes n generated documents as JSON Lines to path and
// returns the number of bytes written.
func writeCorpus(t testing.TB, path string, n int) int64 {
	t.Helper()
	var buf bytes.Buffer
	for i := range n {
		title, body := corpusDoc(i)
		day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365).Format(time.DateOnly)
		buf.WriteString(jsonlLine(fmt.Sprintf("gen-%05d", i), day, "Generated Wire", title, body))
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return int64(buf.Len())
}

var summaryRE = regexp.MustCompile(`^ingested (\d+), duplicates (\d+), rejected (\d+) \(in `)

// parseSummary returns the counts of an ingest summary line.
func parseSummary(t *testing.T, stderr string) (ingested, duplicates, rejected int) {
	t.Helper()
	m := summaryRE.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary in stderr:\n%s", stderr)
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	return n(m[1]), n(m[2]), n(m[3])
}

// TestIngestSurvivesSIGKILL kills a real parley ingest mid-batch and checks
// that the database is intact, that every stored document is complete, and
// that running the same ingest again stores exactly the rest.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills a parley binary; skipped with -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL semantics are Unix")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		gobin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "parley")
	build := exec.Command(gobin, "build", "-o", bin, "github.com/parleyproject/parley/cmd/parley")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	total := corpusSize(3000)
	corpus := filepath.Join(dir, "corpus.jsonl")
	writeCorpus(t, corpus, total)
	db := filepath.Join(dir, "parley.db")

	// Start the batch and kill it once some documents are committed.
	cmd := exec.Command(bin, "ingest", "--db", db, corpus)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stored := waitForDocuments(t, db, max(total/20, 25), 15*time.Second)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("ingest was not killed mid-run (err %v); it finished first, stderr:\n%s", err, stderr.String())
	}

	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatalf("opening the database after SIGKILL: %v", err)
	}
	checkIntact(t, st.DB())
	before := countRows(t, st.DB(), "documents")
	if before < stored || before >= total {
		t.Fatalf("%d documents after the kill, want between %d and %d", before, stored, total-1)
	}
	checkComplete(t, st, corpus)
	events := countRows(t, st.DB(), "events")
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	// Ingest again: the rest is stored, the killed run's work is kept.
	out, err := exec.Command(bin, "ingest", "--db", db, corpus).CombinedOutput()
	if err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	ingested, duplicates, rejected := parseSummary(t, string(out))
	if duplicates != before || ingested != total-before || rejected != 0 {
		t.Errorf("rerun: ingested %d, duplicates %d, rejected %d; want %d, %d, 0", ingested, duplicates, rejected, total-before, before)
	}
	st, err = store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	checkIntact(t, st.DB())
	if n := countRows(t, st.DB(), "documents"); n != total {
		t.Errorf("%d documents after the rerun, want %d", n, total)
	}
	var distinct int
	if err := st.DB().QueryRow(`SELECT COUNT(DISTINCT content_hash) FROM documents`).Scan(&distinct); err != nil || distinct != total {
		t.Errorf("%d distinct bodies (%v), want %d", distinct, err, total)
	}
	t.Logf("killed after %d of %d documents (%d events); the rerun stored %d", before, total, events, ingested)
}

// corpusSize returns how many generated documents the crash test can
// ingest in about four seconds on this machine with this analyzer, at
// most limit and at least 500, so the test stays quick as analysis grows.
func corpusSize(limit int) int {
	p := pipeline.New()
	const probe = 40
	start := time.Now()
	for i := range probe {
		title, body := corpusDoc(i)
		arts, _ := ingest.ReadBytes("probe.jsonl", []byte(jsonlLine(fmt.Sprint("probe-", i), "2024-01-01", "W", title, body)), ingest.Options{})
		for _, a := range arts {
			p.Analyze(a)
		}
	}
	// Reading and storing take about 1.5 ms a document more.
	perDoc := time.Since(start)/probe + 1500*time.Microsecond
	return min(max(int(4*time.Second/perDoc), 500), limit)
}

// waitForDocuments polls db until it holds at least n documents and
// returns the count seen.
func waitForDocuments(t *testing.T, db string, n int, timeout time.Duration) int {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
		if _, err := os.Stat(db); err != nil {
			continue
		}
		c, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(1000)")
		if err != nil {
			continue
		}
		var got int
		err = c.QueryRow(`SELECT COUNT(*) FROM documents`).Scan(&got)
		c.Close()
		if err == nil && got >= n {
			return got
		}
	}
	t.Fatalf("the database did not reach %d documents in %v", n, timeout)
	return 0
}

func countRows(t *testing.T, db *sql.DB, table string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatalf("counting %s: %v", table, err)
	}
	return n
}

// checkIntact runs SQLite's integrity checks, the foreign-key check and the
// full-text index's own check against the documents table.
func checkIntact(t *testing.T, db *sql.DB) {
	t.Helper()
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
	rows, err := db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Error("foreign_key_check found rows whose document is missing")
	}
	rows.Close()
	if _, err := db.Exec(`INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("full-text index inconsistent with documents: %v", err)
	}
	var fts, docs int
	if err := db.QueryRow(`SELECT (SELECT COUNT(*) FROM documents_fts), (SELECT COUNT(*) FROM documents)`).Scan(&fts, &docs); err != nil || fts != docs {
		t.Errorf("full-text index has %d rows for %d documents (%v)", fts, docs, err)
	}
}

// checkComplete verifies that every stored document has all its facts: as
// many events, meetings, quotes and measures as analyzing it yields.
func checkComplete(t *testing.T, st *store.Store, corpus string) {
	t.Helper()
	data, err := os.ReadFile(corpus)
	if err != nil {
		t.Fatal(err)
	}
	arts, errs := ingest.ReadBytes(corpus, data, ingest.Options{})
	if len(errs) > 0 {
		t.Fatalf("reading the corpus: %v", errs[0])
	}
	p := pipeline.New()
	checked := 0
	for _, a := range arts {
		d, err := st.Document(context.Background(), a.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		want := p.Analyze(a).Record
		got := d.Record
		if len(got.Events) != len(want.Events) || len(got.Meetings) != len(want.Meetings) ||
			len(got.Quotes) != len(want.Quotes) || len(got.Measures) != len(want.Measures) || d.Body != a.Body {
			t.Errorf("document %s is incomplete: %d/%d/%d/%d facts stored, analysis yields %d/%d/%d/%d",
				a.ID, len(got.Events), len(got.Meetings), len(got.Quotes), len(got.Measures),
				len(want.Events), len(want.Meetings), len(want.Quotes), len(want.Measures))
		}
		checked++
	}
	if checked == 0 {
		t.Error("no stored document found to check")
	}
}

// BenchmarkIngest measures 'parley ingest' from JSON Lines and text files
// into a fresh SQLite database: documents/s and MB/s of input.
func BenchmarkIngest(b *testing.B) {
	dir := b.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		b.Fatal(err)
	}
	const jsonlDocs, textDocs = 400, 100
	size := writeCorpus(b, filepath.Join(in, "wire.jsonl"), jsonlDocs)
	for i := range textDocs {
		title, body := corpusDoc(jsonlDocs + i)
		p := filepath.Join(in, fmt.Sprintf("text-%03d.txt", i))
		content := title + "\n\n" + body + "\n"
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
		size += int64(len(content))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		db := filepath.Join(dir, fmt.Sprintf("bench-%d.db", n))
		n++
		var stderr bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &stderr, getenv: func(string) string { return "" }}
		if code := e.main([]string{"ingest", "--db", db, in}); code != 0 {
			b.Fatalf("ingest exit %d:\n%s", code, stderr.String())
		}
		if !strings.HasPrefix(stderr.String(), fmt.Sprintf("ingested %d,", jsonlDocs+textDocs)) {
			b.Fatalf("ingest: %s", stderr.String())
		}
	}
	b.ReportMetric(float64(jsonlDocs+textDocs)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkIngestExamples measures 'parley ingest' over the example
// articles of the repository (full-length text, HTML, feeds and JSON
// Lines) into a fresh SQLite database.
func BenchmarkIngestExamples(b *testing.B) {
	in := filepath.Join("..", "..", "examples")
	var size int64
	err := filepath.WalkDir(in, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				size += fi.Size()
			}
		}
		return err
	})
	if err != nil || size == 0 {
		b.Skipf("no examples under %s: %v", in, err)
	}
	dir := b.TempDir()
	b.SetBytes(size)
	b.ReportAllocs()
	n, docs := 0, 0
	for b.Loop() {
		db := filepath.Join(dir, fmt.Sprintf("bench-%d.db", n))
		n++
		var stderr bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &stderr, getenv: func(string) string { return "" }}
		if code := e.main([]string{"ingest", "--db", db, in}); code != 0 {
			b.Fatalf("ingest exit %d:\n%s", code, stderr.String())
		}
		m := summaryRE.FindStringSubmatch(stderr.String())
		if m == nil {
			b.Fatalf("no summary: %s", stderr.String())
		}
		got, _ := strconv.Atoi(m[1])
		docs += got
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}
