package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleyproject/parley/internal/record"
	"github.com/parleyproject/parley/internal/store"
)

// benchEvents is the size of the benchmark store.
const benchEvents = 1_000_000

var (
	benchOnce    sync.Once
	benchHandler http.Handler
	benchErr     error
	benchDir     string // temporary directory of the store, removed by TestMain
)

// TestMain removes the benchmark store after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchServer returns the full server over a store of benchEvents
// generated events. The store is built once per process in a temporary
// directory ($PARLEY_BENCH_DB names a file to build once and reuse across
// runs instead).
func benchServer(b *testing.B) http.Handler {
	b.Helper()
	benchOnce.Do(func() {
		path := os.Getenv("PARLEY_BENCH_DB")
		if path == "" {
			dir, err := os.MkdirTemp("", "parley-bench-")
			if err != nil {
				benchErr = err
				return
			}
			benchDir, path = dir, filepath.Join(dir, "bench.db")
		}
		ctx := context.Background()
		st, err := store.Open(ctx, path)
		if err != nil {
			benchErr = err
			return
		}
		var n int
		if err := st.DB().QueryRowContext(ctx, "SELECT COUNT(*) FROM events").Scan(&n); err != nil {
			benchErr = err
			return
		}
		if n < benchEvents {
			start := time.Now()
			if err := generateEvents(ctx, st, benchEvents); err != nil {
				benchErr = err
				return
			}
			fmt.Fprintf(os.Stderr, "generated %d events in %s (%s)\n", benchEvents, time.Since(start).Round(time.Millisecond), path)
		}
		benchHandler, benchErr = newServer(st, "", slog.New(slog.NewTextHandler(io.Discard, nil)))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchHandler
}

// benchCountries are the countries of generated events; USA–RUS is made
// busy on purpose (about 3% of events, ~30,000).
var benchCountries = strings.Fields(`USA RUS CHN GBR FRA DEU JPN KOR IND PAK IRN ISR SAU TUR UKR POL CZE SVK
	CAN MEX BRA ARG ZAF NGA EGY ETH KEN AUS NZL IDN MYS PHL VNM THA SGP ITA ESP NLD BEL SWE`)

// benchCodes are CAMEO codes with their quad class, Goldstein score and
// PLOVER type.
var benchCodes = []struct {
	code, root string
	quad       int
	g          float64
	plover     string
}{
	{"010", "01", 1, 0, "SUPPORT"}, {"036", "03", 1, 4, "AGREE"}, {"040", "04", 1, 1, "CONSULT"},
	{"046", "04", 1, 7, "CONSULT"}, {"057", "05", 1, 8, "AGREE"}, {"061", "06", 2, 6.4, "COOPERATE"},
	{"111", "11", 3, -2, "ACCUSE"}, {"112", "11", 3, -2, "ACCUSE"}, {"130", "13", 3, -4.4, "THREATEN"},
	{"163", "16", 4, -8, "SANCTION"}, {"1663", "16", 4, -7, "SANCTION"}, {"172", "17", 4, -5, "COERCE"},
}

// generateEvents fills st with n events in documents of 100 events, in
// large transactions on one connection. The events indexes are dropped
// during the load and rebuilt after it from their stored definitions,
// which is several times faster than maintaining them row by row.
func generateEvents(ctx context.Context, st *store.Store, n int) error {
	conn, err := st.DB().Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, p := range []string{"PRAGMA synchronous = OFF", "PRAGMA cache_size = -200000", "PRAGMA temp_store = MEMORY"} {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
	}
	rows, err := conn.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL`)
	if err != nil {
		return err
	}
	var names, ddl []string
	for rows.Next() {
		var name, sql string
		if err := rows.Scan(&name, &sql); err != nil {
			rows.Close()
			return err
		}
		names, ddl = append(names, name), append(ddl, sql)
	}
	rows.Close()
	for _, name := range names {
		if _, err := conn.ExecContext(ctx, "DROP INDEX "+name); err != nil {
			return err
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	day0 := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	const perDoc, perTx = 100, 100_000
	for done := 0; done < n; {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		docStmt, err := tx.PrepareContext(ctx, `INSERT INTO documents (id, title, source, published, body, sentence_count, content_hash, ingested_at)
			VALUES (?, ?, 'Bench Wire', ?, ?, 100, ?, '2026-01-01T00:00:00Z')`)
		if err != nil {
			tx.Rollback()
			return err
		}
		// One statement inserts a document's 100 events.
		const cols = "(?, ?, ?, ?, ?, ?, ?, ?, 'GOV', ?, ?, 'GOV', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
		evStmt, err := tx.PrepareContext(ctx, `INSERT INTO events (doc_id, ord, id, sentence, span_start, span_end,
			source_code, source_country, source_sector, target_code, target_country, target_sector, reciprocal,
			cameo, cameo_root, quad_class, goldstein, plover_event, status, date, date_precision, evidence_text, trigger_text, record)
			VALUES `+cols+strings.Repeat(", "+cols, perDoc-1))
		if err != nil {
			tx.Rollback()
			return err
		}
		args := make([]any, 0, perDoc*22)
		for end := min(n, done+perTx); done < end; done += perDoc {
			docID := fmt.Sprintf("bench-%07d", done/perDoc)
			pub := day0.AddDate(0, 0, rng.IntN(4018)).Format(time.DateOnly)
			if _, err := docStmt.ExecContext(ctx, docID, "Generated report "+docID, pub, "Generated body of "+docID, docID); err != nil {
				tx.Rollback()
				return err
			}
			args = args[:0]
			for i := 0; i < perDoc; i++ {
				ev := benchEvent(rng, docID, i, day0)
				js, err := json.Marshal(ev)
				if err != nil {
					tx.Rollback()
					return err
				}
				args = append(args, docID, i, ev.ID, i, ev.Evidence.Start, ev.Evidence.End,
					ev.Source.Code, ev.Source.Country, ev.Target.Code, ev.Target.Country, ev.Reciprocal,
					ev.CAMEO, ev.CAMEORoot, ev.QuadClass, ev.Goldstein, ev.PLOVER.Event, ev.Status, dateArg(ev.Date), ev.DatePrecision,
					ev.Evidence.Text, ev.Evidence.Trigger, string(js))
			}
			if _, err := evStmt.ExecContext(ctx, args...); err != nil {
				tx.Rollback()
				return err
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	// No ANALYZE: the planner must pick the right indexes without
	// statistics, as it does in a store that parley itself filled.
	for _, sql := range ddl {
		if _, err := conn.ExecContext(ctx, sql); err != nil {
			return fmt.Errorf("rebuilding index: %w", err)
		}
	}
	// Fold the write-ahead log into the database, as SQLite's automatic
	// checkpoints do over time, so reads do not search a 1 GB log.
	_, err = conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}

func dateArg(d *string) any {
	if d == nil {
		return nil
	}
	return *d
}

func benchEvent(rng *rand.Rand, docID string, i int, day0 time.Time) record.Event {
	var a, b string
	if rng.IntN(100) < 3 {
		a, b = "USA", "RUS"
	} else {
		a = benchCountries[rng.IntN(len(benchCountries))]
		for b = a; b == a; {
			b = benchCountries[rng.IntN(len(benchCountries))]
		}
	}
	if rng.IntN(2) == 0 {
		a, b = b, a
	}
	c := benchCodes[rng.IntN(len(benchCodes))]
	ev := record.Event{ID: fmt.Sprintf("%s-%d", docID, i), DatePrecision: "unknown",
		Source: &record.Actor{Code: a + "GOV", Country: a, Sector: "GOV", Text: a},
		Target: &record.Actor{Code: b + "GOV", Country: b, Sector: "GOV", Text: b},
		CAMEO:  c.code, CAMEORoot: c.root, QuadClass: c.quad, Goldstein: c.g, PLOVER: record.PLOVER{Event: c.plover},
		Status: "reported", Reciprocal: c.quad == 1 && rng.IntN(3) == 0,
		Evidence: record.Evidence{Sentence: i, Start: i * 60, End: i*60 + 52,
			Text: "Officials of " + a + " and " + b + " met on embassy staffing.", Trigger: "met"},
	}
	if rng.IntN(50) != 0 { // 2% undated
		d := day0.AddDate(0, 0, rng.IntN(4018)).Format(time.DateOnly)
		ev.Date, ev.DatePrecision = &d, "day"
	}
	return ev
}

// measure serves target b.N times and reports the median and 99th
// percentile latencies.
func measure(b *testing.B, h http.Handler, target func(i int) string) {
	b.Helper()
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest("GET", target(i), nil)
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		durs = append(durs, time.Since(start))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d %.300s", req.URL, rec.Code, rec.Body)
		}
	}
	b.StopTimer()
	sort.Slice(durs, func(i, j int) bool { return durs[i] < durs[j] })
	b.ReportMetric(float64(durs[len(durs)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(durs[min(len(durs)-1, len(durs)*99/100)].Microseconds())/1000, "p99-ms")
}

// BenchmarkDyadPage renders /dyads/USA-RUS (summary, monthly trend chart,
// contacts, measures, quotes, recent events) over 1M events.
func BenchmarkDyadPage(b *testing.B) {
	h := benchServer(b)
	for _, d := range []string{"USA-RUS", "FRA-DEU"} {
		b.Run(d, func(b *testing.B) {
			measure(b, h, func(int) string { return "/dyads/" + d })
		})
	}
}

// BenchmarkEventsAPI lists events over 1M events with typical filters.
func BenchmarkEventsAPI(b *testing.B) {
	h := benchServer(b)
	// A cursor 20 pages deep into the dyad's events.
	deep := ""
	for range 20 {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/events?dyad=USA-RUS&limit=50&cursor="+deep, nil))
		var page struct {
			NextCursor string `json:"next_cursor"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil || page.NextCursor == "" {
			b.Fatalf("paging: %v %.200s", err, rec.Body)
		}
		deep = page.NextCursor
	}
	for _, tt := range []struct{ name, query string }{
		{"latest", "limit=50"},
		{"dyad", "dyad=USA-RUS&limit=50"},
		{"dyad_root", "dyad=USA-RUS&root=16&limit=50"},
		{"dyad_deep_cursor", "dyad=USA-RUS&limit=50&cursor=" + deep},
		{"dyad_range", "dyad=USA-RUS&from=2020-01-01&to=2020-12-31&limit=50"},
		{"actor", "actor=CHN&limit=50"},
		{"plover", "plover=SANCTION&limit=50"},
		{"max_page", "limit=500"},
	} {
		b.Run(tt.name, func(b *testing.B) {
			measure(b, h, func(int) string { return "/api/v1/events?" + tt.query })
		})
	}
	b.Run("series_month", func(b *testing.B) {
		measure(b, h, func(int) string { return "/api/v1/dyads/USA-RUS/series" })
	})
}
