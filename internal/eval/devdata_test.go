package eval_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/eval"
	"github.com/parleyproject/parley/internal/ingest"
	"github.com/parleyproject/parley/internal/pipeline"
	"github.com/parleyproject/parley/internal/record"
)

// devdataDir is the shared development data, seen from this package's
// directory (/work/main/internal/eval → /work/shared/devdata).
const devdataDir = "../../../shared/devdata"

var devdataMisses = flag.Bool("devdata.misses", false, "log every miss and false alarm of TestDevdataBreadth")

// devCase is one labelled sentence of the development data, reduced to a
// one-sentence document and gold events.
type devCase struct {
	ID        string
	Text      string
	Published time.Time
	// Gold is scored by CAMEO root and code (PETRARCH-2) or by PLOVER
	// event type, which then stands in Root and CAMEO (PLOVER GSR).
	Gold []eval.GoldEvent
}

// devSet is a data set and how its labels are compared.
type devSet struct {
	Name string
	// PLOVER selects comparison by PLOVER event type instead of CAMEO.
	PLOVER bool
	Cases  []devCase
	// Skipped lists records that cannot be coded (no text).
	Skipped []string
}

// bodyCodes are the international bodies parley codes in the country
// field; PLOVER's gold calls all of them IGO.
var bodyCodes = map[string]bool{"UNO": true, "EUR": true, "NAT": true, "AFR": true, "ASN": true, "IGO": true}

// legacyCodes maps old CAMEO country codes found in the gold to ISO 3166.
var legacyCodes = map[string]string{"JAP": "JPN", "ITL": "ITA"}

// goldCountry reduces a CAMEO actor code ("USAGOV", "IGOUNOMIL",
// "---LEG") to the country field parley fills: the first three letters,
// the body for IGO codes that name one, "" for an unknown country.
func goldCountry(code string, plover bool) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) < 3 || code[:3] == "---" {
		return ""
	}
	c := code[:3]
	if c == "IGO" && len(code) >= 6 && bodyCodes[code[3:6]] && !plover {
		c = code[3:6]
	}
	if l, ok := legacyCodes[c]; ok {
		c = l
	}
	return c
}

// predCountry maps a country parley predicted onto the gold's scheme.
func predCountry(c string, plover bool) string {
	c = strings.ToUpper(c)
	if plover && bodyCodes[c] {
		return "IGO"
	}
	return c
}

type petrRecord struct {
	ID   string `json:"id"`
	Date string `json:"date"`
	Text string `json:"text"`
	Gold []struct {
		EventCode  string `json:"eventcode"`
		SourceCode string `json:"sourcecode"`
		TargetCode string `json:"targetcode"`
		NoEvents   string `json:"noevents"`
	} `json:"gold"`
}

// loadPETR2 reads petr2_gsr_validation.jsonl: one sentence per line with
// its publication date (YYYYMMDD, once YYMMDD) and gold CAMEO events; a gold entry
// {"noevents": "True"} says the sentence holds none.
func loadPETR2(path string) (*devSet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	set := &devSet{Name: "PETRARCH-2 validation"}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r petrRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		layout := "20060102"
		if len(r.Date) == 6 {
			layout = "060102" // one record gives YYMMDD
		}
		pub, err := time.Parse(layout, r.Date)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: date %q: %w", path, line, r.Date, err)
		}
		if len(r.Gold) == 0 {
			return nil, fmt.Errorf("%s:%d: record %q has no gold", path, line, r.ID)
		}
		if strings.TrimSpace(r.Text) == "" {
			set.Skipped = append(set.Skipped, r.ID) // one record lost its sentence
			continue
		}
		c := devCase{ID: r.ID, Text: r.Text, Published: pub}
		for _, g := range r.Gold {
			if g.NoEvents != "" {
				continue
			}
			if len(g.EventCode) < 2 || g.SourceCode == "" {
				return nil, fmt.Errorf("%s:%d: record %q: gold event %+v lacks code or source", path, line, r.ID, g)
			}
			c.Gold = append(c.Gold, eval.GoldEvent{
				Source: goldCountry(g.SourceCode, false), SourceRole: g.SourceCode,
				Target: goldCountry(g.TargetCode, false), TargetRole: g.TargetCode,
				CAMEO: g.EventCode, Root: g.EventCode[:2], Sentence: r.Text,
			})
		}
		c.Gold = mergeReciprocal(dedupe(c.Gold))
		set.Cases = append(set.Cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return set, nil
}

// dedupe drops gold events that repeat an earlier one once the actor
// codes are reduced to countries ("PSECVL" and "PSEGZACVL" are both PSE).
func dedupe(gs []eval.GoldEvent) []eval.GoldEvent {
	seen := map[[3]string]bool{}
	var out []eval.GoldEvent
	for _, g := range gs {
		k := [3]string{g.Source, g.Target, g.CAMEO}
		if !seen[k] {
			seen[k] = true
			out = append(out, g)
		}
	}
	return out
}

// mergeReciprocal joins gold events listed in both directions with the
// same code (A→B and B→A) into one reciprocal event, as SPEC §4 writes a
// joint action; parley records such an action once, marked reciprocal.
func mergeReciprocal(gs []eval.GoldEvent) []eval.GoldEvent {
	used := make([]bool, len(gs))
	var out []eval.GoldEvent
	for i, g := range gs {
		if used[i] {
			continue
		}
		for j := i + 1; j < len(gs); j++ {
			h := gs[j]
			if !used[j] && g.Source != "" && g.Target != "" && g.Source != g.Target &&
				h.CAMEO == g.CAMEO && h.Source == g.Target && h.Target == g.Source {
				used[j] = true
				g.Reciprocal = true
				break
			}
		}
		out = append(out, g)
	}
	return out
}

type ploverActor struct {
	Text string `json:"actorText"`
	Code string `json:"code"`
}

type ploverRecord struct {
	ID     string          `json:"id"`
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

// ploverRenamed maps the old PLOVER event names of the GSR file to the
// current ones (devdata/README.md).
var ploverRenamed = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

// actorCountries decodes an actor list, which the file gives as a JSON
// array of actors, a string (empty or a stray word) or null; only the
// array names actors. It returns the distinct countries in order.
func actorCountries(raw json.RawMessage) ([]string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		var s *string
		if err := json.Unmarshal(raw, &s); len(raw) > 0 && err != nil {
			return nil, err
		}
		return nil, nil
	}
	var as []ploverActor
	if err := json.Unmarshal(raw, &as); err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{}
	for _, a := range as {
		c := goldCountry(a.Code, true)
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out, nil
}

// loadPLOVER reads the PLOVER gold records (one JSON array). Each record
// becomes gold events of its PLOVER type: source country → target country
// for every pair; with no target, sources of two countries act jointly
// (reciprocal), and a single source may have any target.
func loadPLOVER(path string) (*devSet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var recs []ploverRecord
	if err := json.Unmarshal(data, &recs); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	set := &devSet{Name: "PLOVER GSR", PLOVER: true}
	pub := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // the file's placeholder date
	for i, r := range recs {
		if r.Event == "DOCUMENT" {
			continue // the file's own documentation record
		}
		ev := r.Event
		if n, ok := ploverRenamed[ev]; ok {
			ev = n
		}
		if r.Text == "" || ev == "" {
			return nil, fmt.Errorf("%s: record %d (%s) has no text or event", path, i, r.ID)
		}
		srcs, err := actorCountries(r.Source)
		if err != nil {
			return nil, fmt.Errorf("%s: record %d (%s) source: %w", path, i, r.ID, err)
		}
		tgts, err := actorCountries(r.Target)
		if err != nil {
			return nil, fmt.Errorf("%s: record %d (%s) target: %w", path, i, r.ID, err)
		}
		c := devCase{ID: r.ID, Text: r.Text, Published: pub}
		add := func(s, t string, recip bool) {
			c.Gold = append(c.Gold, eval.GoldEvent{Source: s, Target: t, CAMEO: ev, Root: ev, Reciprocal: recip, Sentence: r.Text})
		}
		switch {
		case len(srcs) == 0:
			// The source has no country code (a militant group): not
			// scorable by country.
		case len(tgts) == 0 && len(srcs) >= 2:
			for a := 0; a < len(srcs); a++ {
				for b := a + 1; b < len(srcs); b++ {
					add(srcs[a], srcs[b], true)
				}
			}
		case len(tgts) == 0:
			add(srcs[0], "", false)
		default:
			for _, s := range srcs {
				for _, t := range tgts {
					add(s, t, false)
				}
			}
		}
		set.Cases = append(set.Cases, c)
	}
	if len(set.Cases) == 0 {
		return nil, fmt.Errorf("%s: no records", path)
	}
	return set, nil
}

// devItem is one predicted event in the gold's scheme, of any status.
type devItem struct {
	src, tgt, root, code, status, trigger string
}

// domestic reports whether g is a state acting on itself.
func domestic(g eval.GoldEvent) bool { return g.Source != "" && g.Source == g.Target }

// failure names the kind of a missed gold event, from what parley did
// predict for the sentence and which actors it resolved.
func failure(g eval.GoldEvent, preds []devItem, resolved map[string]bool) string {
	dirOK := func(p devItem) bool {
		return p.src == g.Source && (g.Target == "" || p.tgt == g.Target) ||
			g.Reciprocal && p.src == g.Target && p.tgt == g.Source
	}
	var sameRoot, sameActors []devItem
	for _, p := range preds {
		if p.root == g.Root {
			sameRoot = append(sameRoot, p)
		} else if dirOK(p) && p.status == record.StatusReported {
			sameActors = append(sameActors, p)
		}
	}
	unresolved := func(c string) bool { return c != "" && !resolved[c] }
	if domestic(g) {
		return "domestic event (source and target of one country)"
	}
	for _, p := range sameRoot {
		if dirOK(p) && p.status != record.StatusReported {
			return "right event, status " + p.status
		}
	}
	for _, p := range sameRoot {
		if dirOK(p) {
			return "right event, matched to another gold event"
		}
	}
	for _, p := range sameRoot {
		if g.Target != "" && p.src == g.Target && p.tgt == g.Source {
			return "right event, wrong direction"
		}
	}
	for _, p := range sameRoot {
		if p.src == g.Source {
			if unresolved(g.Target) {
				return "right event, target not resolved"
			}
			return "right event, wrong target"
		}
	}
	if len(sameRoot) > 0 {
		if unresolved(g.Source) {
			return "right event, source not resolved"
		}
		return "right event, wrong source"
	}
	if len(sameActors) > 0 {
		return "other category for the right actors"
	}
	if len(preds) > 0 {
		return "other category, other actors"
	}
	switch {
	case g.Target == "":
		return "no event, gold has no target"
	case unresolved(g.Source):
		return "no event, source not resolved"
	case unresolved(g.Target):
		return "no event, target not resolved"
	}
	return "no event, actors resolved"
}

// asSentence ends text with a full stop when it has no final punctuation.
// The data set gives sentences of news stories, some written without a
// full stop; parley reads a one-line document without one as a headline
// and does not code it, which would hide every other failure.
func asSentence(text string) string {
	t := strings.TrimRight(text, " ")
	if r, _ := utf8.DecodeLastRuneInString(t); t == "" || strings.ContainsRune(".!?\"'”’)", r) {
		return text
	}
	return t + "."
}

// devResult accumulates one set's scores.
type devResult struct {
	total eval.DocResult
	// intl scores only the gold events between two countries (parley
	// does not code a state acting on itself); for PLOVER, intlNoStmt
	// also drops predicted plain statements (CAMEO 010), which PLOVER
	// does not code but parley maps to SUPPORT.
	intl, intlNoStmt eval.Counts
	kinds            map[string][]string // failure kind → "id: sentence"
	falseBy          map[string][]string // false alarm root → "id: trigger … sentence"
	missLog          []string
}

func runDevSet(t *testing.T, p *pipeline.Pipeline, set *devSet) *devResult {
	t.Helper()
	res := &devResult{kinds: map[string][]string{}, falseBy: map[string][]string{}}
	res.total.Roots = map[string]*eval.Counts{}
	for _, c := range set.Cases {
		a := &article.Article{ID: c.ID, Body: asSentence(ingest.Normalize(c.Text)), Published: c.Published, Kind: "text"}
		rec := p.Analyze(a).Record
		resolved := map[string]bool{}
		for _, m := range p.Annotate(a).Mentions {
			resolved[predCountry(m.Actor.Country, set.PLOVER)] = true
			for _, mem := range m.Members {
				resolved[predCountry(mem.Country, set.PLOVER)] = true
			}
		}
		// Bring predictions into the gold's scheme: body codes, and the
		// PLOVER type as root and code when scoring PLOVER.
		doc := *rec
		doc.Events = make([]record.Event, len(rec.Events))
		var items []devItem
		for i, e := range rec.Events {
			if e.Source != nil {
				s := *e.Source
				s.Country = predCountry(s.Country, set.PLOVER)
				e.Source = &s
			}
			if e.Target != nil {
				tg := *e.Target
				tg.Country = predCountry(tg.Country, set.PLOVER)
				e.Target = &tg
			}
			if set.PLOVER {
				e.CAMEORoot, e.CAMEO = e.PLOVER.Event, e.PLOVER.Event
			}
			doc.Events[i] = e
			it := devItem{root: e.CAMEORoot, code: e.CAMEO, status: e.Status, trigger: e.Evidence.Trigger}
			if e.Source != nil {
				it.src = e.Source.Country
			}
			if e.Target != nil {
				it.tgt = e.Target.Country
			}
			items = append(items, it)
		}
		gold := &eval.Gold{Events: c.Gold}
		r := eval.Score(gold, &doc)
		r.Name = c.ID
		addResult(&res.total, &r)
		intl := &eval.Gold{}
		for _, g := range c.Gold {
			if !domestic(g) {
				intl.Events = append(intl.Events, g)
			}
		}
		ri := eval.Score(intl, &doc)
		res.intl.Add(ri.Events)
		noStmt := doc
		noStmt.Events = nil
		var kept []devItem
		for i, e := range doc.Events {
			if rec.Events[i].CAMEO != "010" {
				noStmt.Events = append(noStmt.Events, e)
				kept = append(kept, items[i])
			}
		}
		rn := eval.Score(intl, &noStmt)
		res.intlNoStmt.Add(rn.Events)
		if set.PLOVER {
			items = kept // a plain statement is no PLOVER event
		}
		for _, m := range r.Misses {
			g := eval.GoldEvent{Source: m.Source, Target: m.Target, Root: m.Root, CAMEO: m.Code, Reciprocal: m.Reciprocal}
			k := failure(g, items, resolved)
			res.kinds[k] = append(res.kinds[k], fmt.Sprintf("%s: %s", c.ID, c.Text))
			res.missLog = append(res.missLog, fmt.Sprintf("MISS %s %s %s→%s [%s] got %v: %s", c.ID, m.Code, m.Source, m.Target, k, items, c.Text))
		}
		for _, f := range r.FalseAlarms {
			res.falseBy[f.Root] = append(res.falseBy[f.Root], fmt.Sprintf("%s: %s %s→%s %q: %s", c.ID, f.Code, f.Source, f.Target, f.Trigger, c.Text))
			res.missLog = append(res.missLog, fmt.Sprintf("FALSE %s %s %s→%s %q: %s", c.ID, f.Code, f.Source, f.Target, f.Trigger, c.Text))
		}
	}
	return res
}

// addResult adds the event counts of d to total.
func addResult(total, d *eval.DocResult) {
	total.GoldEvents += d.GoldEvents
	total.Predicted += d.Predicted
	total.Ignored += d.Ignored
	total.Events.Add(d.Events)
	total.Codes.Add(d.Codes)
	for r, c := range d.Roots {
		if total.Roots[r] == nil {
			total.Roots[r] = &eval.Counts{}
		}
		total.Roots[r].Add(*c)
	}
}

func prf(c eval.Counts) string {
	f := func(v float64, ok bool) string {
		if !ok {
			return "    -"
		}
		return fmt.Sprintf("%.3f", v)
	}
	return fmt.Sprintf("P %s R %s F1 %s (tp %d fp %d fn %d)", f(c.Precision()), f(c.Recall()), f(c.F1()), c.TP, c.FP, c.FN)
}

func logDevResult(t *testing.T, set *devSet, res *devResult) {
	t.Helper()
	level := "root"
	if set.PLOVER {
		level = "PLOVER type"
	}
	t.Logf("%s: %d sentences, %d gold events, %d predicted reported events (%d of other status ignored)",
		set.Name, len(set.Cases), res.total.GoldEvents, res.total.Predicted, res.total.Ignored)
	if len(set.Skipped) > 0 {
		t.Logf("  skipped (no text): %s", strings.Join(set.Skipped, ", "))
	}
	t.Logf("  events (%s): %s", level, prf(res.total.Events))
	if !set.PLOVER {
		t.Logf("  events (code): %s", prf(res.total.Codes))
	}
	t.Logf("  events (%s), international gold only: %s", level, prf(res.intl))
	if set.PLOVER {
		t.Logf("  events (%s), international gold only, no plain statements: %s", level, prf(res.intlNoStmt))
	}
	roots := make([]string, 0, len(res.total.Roots))
	for r := range res.total.Roots {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, r := range roots {
		t.Logf("    %-10s %s", r, prf(*res.total.Roots[r]))
	}
	type kind struct {
		name string
		ex   []string
	}
	var kinds []kind
	for k, ex := range res.kinds {
		kinds = append(kinds, kind{k, ex})
	}
	sort.Slice(kinds, func(i, j int) bool {
		if len(kinds[i].ex) != len(kinds[j].ex) {
			return len(kinds[i].ex) > len(kinds[j].ex)
		}
		return kinds[i].name < kinds[j].name
	})
	t.Logf("  misses by kind:")
	for _, k := range kinds {
		t.Logf("    %3d  %s", len(k.ex), k.name)
		for _, e := range k.ex[:min(2, len(k.ex))] {
			t.Logf("           e.g. %s", e)
		}
	}
	fr := make([]string, 0, len(res.falseBy))
	for r := range res.falseBy {
		fr = append(fr, r)
	}
	sort.Slice(fr, func(i, j int) bool {
		if len(res.falseBy[fr[i]]) != len(res.falseBy[fr[j]]) {
			return len(res.falseBy[fr[i]]) > len(res.falseBy[fr[j]])
		}
		return fr[i] < fr[j]
	})
	t.Logf("  false alarms by predicted %s:", level)
	for _, r := range fr {
		t.Logf("    %3d  %s  e.g. %s", len(res.falseBy[r]), r, res.falseBy[r][0])
	}
	if *devdataMisses {
		for _, l := range res.missLog {
			t.Log("  " + l)
		}
	}
}

// TestDevdataBreadth codes the public development data (PETRARCH-2
// validation sentences, PLOVER gold records) with the real pipeline and
// logs scores, per-root tallies and the most frequent kinds of failure.
// It is a breadth check, not a threshold: low scores do not fail it, but
// data that is present and cannot be parsed does. Run with -v to see the
// report and -devdata.misses to list every miss and false alarm.
func TestDevdataBreadth(t *testing.T) {
	if _, err := os.Stat(devdataDir); err != nil {
		t.Skipf("development data not found at %s: %v", devdataDir, err)
	}
	p := pipeline.New()
	loaders := []struct {
		name string
		path string
		load func(string) (*devSet, error)
	}{
		{"petr2", filepath.Join(devdataDir, "petr2_gsr_validation.jsonl"), loadPETR2},
		{"plover", filepath.Join(devdataDir, "plover_gsr", "PLOVER_GSR_CAMEO.txt"), loadPLOVER},
	}
	for _, l := range loaders {
		t.Run(l.name, func(t *testing.T) {
			if _, err := os.Stat(l.path); err != nil {
				t.Skipf("%s not found: %v", l.path, err)
			}
			set, err := l.load(l.path)
			if err != nil {
				t.Fatal(err)
			}
			if len(set.Cases) == 0 {
				t.Fatalf("%s: no cases", l.path)
			}
			res := runDevSet(t, p, set)
			if res.total.GoldEvents == 0 {
				t.Fatalf("%s: no scorable gold events", l.path)
			}
			logDevResult(t, set, res)
		})
	}
}

func TestGoldCountry(t *testing.T) {
	tests := []struct {
		code   string
		plover bool
		want   string
	}{
		{"USAGOV", false, "USA"},
		{"IGOUNOMIL", false, "UNO"},
		{"IGOUNOMIL", true, "IGO"},
		{"IGOCOPITP", false, "IGO"},
		{"IGOEUREEC", false, "EUR"},
		{"---LEG", false, ""},
		{"---", false, ""},
		{"JAP", true, "JPN"},
		{"", false, ""},
		{" rus ", false, "RUS"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if got := goldCountry(tt.code, tt.plover); got != tt.want {
				t.Errorf("goldCountry(%q, %v) = %q, want %q", tt.code, tt.plover, got, tt.want)
			}
		})
	}
}

func TestMergeReciprocal(t *testing.T) {
	ev := func(s, tg, code string, recip bool) eval.GoldEvent {
		return eval.GoldEvent{Source: s, Target: tg, CAMEO: code, Root: code[:2], Reciprocal: recip}
	}
	tests := []struct {
		name string
		in   []eval.GoldEvent
		want []eval.GoldEvent
	}{
		{"pair", []eval.GoldEvent{ev("USA", "RUS", "040", false), ev("RUS", "USA", "040", false)}, []eval.GoldEvent{ev("USA", "RUS", "040", true)}},
		{"other code", []eval.GoldEvent{ev("USA", "RUS", "040", false), ev("RUS", "USA", "042", false)}, []eval.GoldEvent{ev("USA", "RUS", "040", false), ev("RUS", "USA", "042", false)}},
		{"no target", []eval.GoldEvent{ev("USA", "", "040", false), ev("", "USA", "040", false)}, []eval.GoldEvent{ev("USA", "", "040", false), ev("", "USA", "040", false)}},
		{"three parties", []eval.GoldEvent{ev("USA", "RUS", "040", false), ev("USA", "CHE", "040", false), ev("CHE", "USA", "040", false), ev("RUS", "USA", "040", false)},
			[]eval.GoldEvent{ev("USA", "RUS", "040", true), ev("USA", "CHE", "040", true)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, mergeReciprocal(tt.in)); diff != "" {
				t.Errorf("mergeReciprocal mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMoreVocabulary codes one sentence, written for this test in news
// style, for each group of rules in patterns/more.txt, and checks that
// the rule yields its event between the right states.
func TestMoreVocabulary(t *testing.T) {
	p := pipeline.New()
	pub := time.Date(2020, 5, 5, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		code, src, tgt, text string
	}{
		{"046", "TUR", "ARM", "Turkey and Armenia renewed talks on opening their border on Tuesday."},
		{"064", "FRA", "BEL", "France shared evidence with Belgium about the attackers."},
		{"070", "JPN", "NPL", "Japan donated 3 million dollars to Nepal after the earthquake."},
		{"070", "DEU", "TZA", "Germany gave Tanzania a grant of 40 million euros for rural roads."},
		{"081", "EGY", "PSE", "Egypt scrapped restrictions on Palestinians at the Rafah crossing."},
		{"083", "KEN", "SOM", "The Kenyan government accepted demands from Somali elders for a new border post."},
		{"0874", "AZE", "ARM", "Azerbaijani troops surrendered to Armenian forces near the village."},
		{"090", "RUS", "GEO", "Russia opened investigations into Georgian officials on Monday."},
		{"090", "UNO", "SYR", "The United Nations dispatched inspectors to Syria on Monday."},
		{"112", "GBR", "RUS", "Britain presented evidence against Russia at the Security Council."},
		{"152", "IND", "PAK", "Indian troops remained on alert along the border with Pakistan."},
		{"154", "ISR", "LBN", "Israel reinforced its troops on the border with Lebanon on Sunday."},
		{"160", "USA", "IRQ", "The United States warned its citizens against travel to Iraq."},
		{"163", "DEU", "SAU", "Germany announced a suspension of arms exports to Saudi Arabia."},
		{"164", "IRN", "EUR", "Iran cancelled talks with the European Union on Monday."},
		{"1712", "ISR", "PSE", "Israeli forces demolished Palestinian homes in Hebron on Tuesday."},
		{"1722", "PAK", "AFG", "Pakistan outlawed an Afghan militant group on Thursday."},
		{"1821", "SRB", "BIH", "Serbian soldiers raped Bosnian women during the war."},
		{"185", "SAU", "CAN", "Saudi Arabia attempted to kill a Canadian activist, officials said."},
		{"193", "THA", "KHM", "Thai police opened fire on Cambodian smugglers on Saturday."},
		{"192", "RUS", "UKR", "Russian forces captured the Ukrainian town of Bakhmut on Saturday."},
		{"194", "PSE", "ISR", "Hamas fired rockets at Israel on Tuesday."},
		{"100", "USA", "IRN", "The United States said on Monday that Iran must release the detained sailors."},
		{"120", "ISR", "LBN", "Israel and Lebanon failed to reach agreement on their maritime border on Thursday."},
		{"1211", "IND", "RUS", "India scrapped an order for Russian helicopters on Friday."},
		{"160", "FRA", "MLI", "The French minister cancelled a planned visit to Mali on Monday."},
		{"1662", "UNO", "IRQ", "The United Nations withdrew its inspectors from Iraq on Wednesday."},
		{"173", "FRA", "SYR", "A French court issued arrest warrants for three Syrian intelligence officers."},
		{"145", "IRN", "GBR", "Iranian protesters stormed the British embassy in Tehran on Tuesday."},
		{"195", "USA", "SYR", "The United States launched air strikes on Syria on Friday."},
		{"150", "PRK", "JPN", "North Korea fired a ballistic missile into the sea off Japan on Monday."},
		{"193", "PHL", "CHN", "Philippine troops engaged Chinese fishermen in a gunfight on Sunday."},
		{"030", "BRA", "ARG", "Brazil is seeking to deepen its partnership with Argentina, officials said."},
		{"142", "PSE", "ISR", "Palestinian activists began a hunger strike outside the Israeli embassy on Monday."},
		{"144", "FRA", "ESP", "French farmers blocked the highway to Spain on Monday."},
	}
	for _, tt := range tests {
		t.Run(tt.code+" "+tt.text, func(t *testing.T) {
			rec := p.Analyze(&article.Article{ID: "v", Body: tt.text, Published: pub, Kind: "text"}).Record
			var got []string
			for _, e := range rec.Events {
				src, tgt := "", ""
				if e.Source != nil {
					src = e.Source.Country
				}
				if e.Target != nil {
					tgt = e.Target.Country
				}
				got = append(got, fmt.Sprintf("%s %s→%s %s", e.CAMEO, src, tgt, e.Status))
				if e.CAMEO != tt.code || e.Status != record.StatusReported {
					continue
				}
				if src == tt.src && tgt == tt.tgt || e.Reciprocal && src == tt.tgt && tgt == tt.src {
					return
				}
			}
			t.Errorf("Analyze(%q) = %v, want %s %s→%s reported", tt.text, got, tt.code, tt.src, tt.tgt)
		})
	}
}
