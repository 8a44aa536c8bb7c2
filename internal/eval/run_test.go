package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
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

var update = flag.Bool("update", false, "update golden files")

// readTest is a small stand-in for ingest: a .txt file is one article
// whose ID is the file's base name; a .jsonl file holds {"id", "published",
// "text"} lines.
func readTest(path string) ([]*article.Article, []error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, []error{err}
	}
	if filepath.Ext(path) == ".txt" {
		id := strings.TrimSuffix(filepath.Base(path), ".txt")
		return []*article.Article{{ID: id, Body: string(data), Origin: path}}, nil
	}
	var arts []*article.Article
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		var line struct{ ID, Published, Text string }
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w", n, err))
			continue
		}
		a := &article.Article{ID: line.ID, Body: line.Text, Origin: fmt.Sprintf("%s:%d", path, n)}
		if line.Published != "" {
			a.Published, _ = time.Parse(time.DateOnly, line.Published)
		}
		arts = append(arts, a)
	}
	return arts, errs
}

// extractTest returns fixed predictions per article. Dates are computed
// from the article's publication date, so that a missing publication date
// filled in from the gold shows in the scores.
func extractTest(a *article.Article) *record.Document {
	day := func(offset int) *string {
		if a.Published.IsZero() {
			return nil
		}
		s := a.Published.AddDate(0, 0, offset).Format(time.DateOnly)
		return &s
	}
	doc := &record.Document{Format: record.Format, ID: a.ID, Published: a.PublishedDate()}
	first := strings.SplitN(a.Body, "\n", 2)[0]
	switch a.ID {
	case "talks":
		doc.Events = []record.Event{
			pev("NOR", "COL", "046", rep, first, day(-2)),
			pev("COL", "NOR", "111", rep, "Colombia's foreign minister, Ana Ruiz, called the talks “frank and useful.”", nil),
			pev("COL", "NOR", "036", record.StatusPlanned, first, nil),
		}
		doc.Quotes = []record.Quote{{Speaker: record.Speaker{Name: "Ana Ruiz", Country: "COL"}, Text: "frank and useful."}}
		doc.Meetings = []record.Meeting{{Date: day(-2), Country: "NOR", Place: "Oslo",
			Participants: []record.Participant{{Name: "Ana Ruiz"}, {Name: "Jonas Gahr Store"}}}}
	case "wire-a":
		doc.Events = []record.Event{pev("KEN", "SOM", "166", rep, first, day(-1))}
	case "wire-b":
		doc.Events = []record.Event{pev("CHL", "PER", "057", rep, first, day(-1)), pev("PER", "CHL", "057", rep, first, day(-1))}
	case "broken", "orphan":
		panic("extract called for " + a.ID)
	}
	return doc
}

func TestRun(t *testing.T) {
	rep, err := Run(filepath.Join("testdata", "run"), extractTest, readTest)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var names []string
	for _, d := range rep.Docs {
		names = append(names, d.Name+"="+d.ID)
	}
	if diff := cmp.Diff([]string{"talks=talks", "wire=wire-b", "wire.kenya=wire-a"}, names); diff != "" {
		t.Errorf("scored documents (-want +got):\n%s", diff)
	}
	wantTotal := want{events: Counts{TP: 3, FP: 1, FN: 1}, codes: Counts{TP: 2, FP: 2, FN: 2}, dates: Ratio{3, 3}}
	if got := (want{rep.Total.Events, rep.Total.Codes, rep.Total.Dates}); got != wantTotal {
		t.Errorf("total = %+v, want %+v", got, wantTotal)
	}
	if rep.Total.Ignored != 1 || rep.Total.Quotes != (Counts{TP: 1}) || rep.Total.Participants != (Counts{TP: 1, FP: 1}) {
		t.Errorf("total ignored %d, quotes %+v, participants %+v", rep.Total.Ignored, rep.Total.Quotes, rep.Total.Participants)
	}
	if len(rep.Errors) != 3 {
		t.Errorf("Errors = %q, want 3 (broken gold, lonely gold, orphan input)", rep.Errors)
	}

	var buf bytes.Buffer
	if err := rep.WriteText(&buf, true); err != nil {
		t.Fatalf("WriteText: %v", err)
	}
	golden := filepath.Join("testdata", "run.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create): %v", err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("WriteText mismatch (-want +got):\n%s", diff)
	}

	buf.Reset()
	if err := rep.WriteJSON(&buf); err != nil {
		t.Fatalf("WriteJSON: %v", err)
	}
	var decoded struct {
		Total struct {
			Events struct {
				TP        int      `json:"tp"`
				Precision *float64 `json:"precision"`
			} `json:"events"`
		} `json:"total"`
	}
	if err := json.Unmarshal(buf.Bytes(), &decoded); err != nil {
		t.Fatalf("WriteJSON output does not parse: %v", err)
	}
	if decoded.Total.Events.TP != 3 || decoded.Total.Events.Precision == nil || *decoded.Total.Events.Precision != 0.75 {
		t.Errorf("JSON total events = %+v", decoded.Total.Events)
	}
}

func TestRunEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(dir, extractTest, readTest); err == nil || !strings.Contains(err.Error(), "no .gold.json files") {
		t.Errorf("Run(empty) error = %v, want no gold files", err)
	}
	if _, err := Run(filepath.Join(dir, "missing"), extractTest, readTest); err == nil {
		t.Error("Run(missing dir) succeeded")
	}
}

func TestRunTempDir(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":       "Japan and South Korea held talks in Seoul.",
		"a.gold.json": `{"events": [{"source": "JPN", "target": "KOR", "cameo": "046", "reciprocal": true, "date": null, "sentence": "Japan and South Korea held talks in Seoul."}]}`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	extract := func(a *article.Article) *record.Document {
		return &record.Document{ID: a.ID, Events: []record.Event{pev("KOR", "JPN", "043", rep, a.Body, nil)}}
	}
	rep, err := Run(dir, extract, readTest)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) != 0 || rep.Total.Events != (Counts{TP: 1}) || rep.Total.Codes != (Counts{FP: 1, FN: 1}) {
		t.Errorf("Run = errors %q, events %+v, codes %+v", rep.Errors, rep.Total.Events, rep.Total.Codes)
	}
}

func TestLoadGoldExample(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "examples", "istanbul-talks.gold.json")
	if _, err := os.Stat(path); err != nil {
		path = "/work/shared/examples/istanbul-talks.gold.json"
	}
	g, err := LoadGold(path)
	if err != nil {
		t.Skipf("example gold not available: %v", err)
	}
	if len(g.Events) == 0 || g.PublicationDate != "2025-02-28" {
		t.Errorf("LoadGold(%s) = %d events, date %q", path, len(g.Events), g.PublicationDate)
	}
}

func TestParseGoldErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"json", `{"events": [`, "parsing JSON"},
		{"unknown code", `{"events": [{"source": "USA", "cameo": "999"}]}`, `unknown CAMEO code "999"`},
		{"no source", `{"events": [{"cameo": "046"}]}`, "no source"},
		{"root disagrees", `{"events": [{"source": "USA", "cameo": "046", "root": "05"}]}`, "disagrees"},
		{"empty quote", `{"quotes": [{"speaker": "X", "text": " "}]}`, "no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseGold([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseGold(%s) error = %v, want %q", tt.in, err, tt.want)
			}
		})
	}
	g, err := ParseGold([]byte(`{"events": [{"source": "usa", "target": null, "cameo": "0211"}]}`))
	if err != nil || g.Events[0].Root != "02" || g.Events[0].Source != "USA" || g.Events[0].Target != "" {
		t.Errorf("ParseGold = %+v, %v; want root 02 from code, upper-case source, empty target", g, err)
	}
}

func FuzzParseGold(f *testing.F) {
	f.Add([]byte(`{"events": [{"source": "USA", "cameo": "046", "date": null}], "quotes": [{"speaker": "A B", "text": "x"}]}`))
	f.Add([]byte(`{"meetings": [{"date": "2025-01-01", "country": "tur", "participants": [{"name": "X"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ParseGold(data)
		if err != nil {
			return
		}
		// Whatever parses can be scored against nothing and against itself.
		Score(g, &record.Document{})
		doc := &record.Document{}
		for _, e := range g.Events {
			doc.Events = append(doc.Events, pev(e.Source, e.Target, e.CAMEO, rep, e.Sentence, e.Date))
		}
		res := Score(g, doc)
		if res.Events.TP != len(g.Events) {
			t.Fatalf("gold scored against itself: %+v for %d events", res.Events, len(g.Events))
		}
	})
}
