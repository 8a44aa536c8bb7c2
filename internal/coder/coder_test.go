package coder_test

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parleyproject/parley/internal/cameo"
	"github.com/parleyproject/parley/internal/coder"
	"github.com/parleyproject/parley/internal/entity"
	"github.com/parleyproject/parley/internal/lexicon"
	"github.com/parleyproject/parley/internal/nlp"
	"github.com/parleyproject/parley/internal/record"
)

type stages struct {
	res *entity.Resolver
	cd  *coder.Coder
}

func newStages(t testing.TB) stages {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	pats, err := lexicon.DefaultPatterns()
	if err != nil {
		t.Fatal(err)
	}
	codes, err := cameo.Load()
	if err != nil {
		t.Fatal(err)
	}
	// As the pipeline does, the coder numbers its words with the
	// resolver's table.
	res := entity.New(lex)
	cd, err := coder.NewWithWords(pats, codes, res.Words())
	if err != nil {
		t.Fatal(err)
	}
	return stages{res, cd}
}

func (s stages) code(body string, published time.Time) []record.Event {
	sents := nlp.Split(body)
	ann := s.res.Annotate(body, sents, published)
	return s.cd.Code(coder.Doc{ID: "t", Body: body, Published: published, Ann: ann})
}

type expectation struct {
	line     int
	want     bool
	code     string
	src, tgt string
	recip    bool
	status   string
	date     string
}

type block struct {
	line      int
	published time.Time
	text      []string
	exps      []expectation
}

func readBlocks(t *testing.T, path string) []block {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var bs []block
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "== published "):
			d, err := time.Parse(time.DateOnly, strings.TrimPrefix(line, "== published "))
			if err != nil {
				t.Fatalf("%s:%d: %v", path, n, err)
			}
			bs = append(bs, block{line: n, published: d})
		case strings.HasPrefix(line, "want ") || strings.HasPrefix(line, "nowant "):
			f := strings.Fields(line)
			if len(bs) == 0 || len(f) < 3 {
				t.Fatalf("%s:%d: bad expectation", path, n)
			}
			e := expectation{line: n, want: f[0] == "want", code: f[1]}
			pair := f[2]
			if a, b, ok := strings.Cut(pair, "<>"); ok {
				e.src, e.tgt, e.recip = a, b, true
			} else if a, b, ok := strings.Cut(pair, ">"); ok {
				e.src, e.tgt = a, b
			}
			for _, x := range f[3:] {
				if strings.Count(x, "-") == 2 {
					e.date = x
				} else {
					e.status = x
				}
			}
			bs[len(bs)-1].exps = append(bs[len(bs)-1].exps, e)
		default:
			if len(bs) == 0 {
				t.Fatalf("%s:%d: text before a block header", path, n)
			}
			bs[len(bs)-1].text = append(bs[len(bs)-1].text, line)
		}
	}
	return bs
}

func country(a *record.Actor) string {
	if a == nil {
		return ""
	}
	return a.Country
}

func (e expectation) matches(ev record.Event) bool {
	if !strings.HasPrefix(ev.CAMEO, e.code) {
		return false
	}
	s, t := country(ev.Source), country(ev.Target)
	pairOK := s == e.src && t == e.tgt || e.recip && s == e.tgt && t == e.src
	if !pairOK {
		return false
	}
	if e.recip && !ev.Reciprocal {
		return false
	}
	st := e.status
	if st == "" && e.want {
		st = record.StatusReported
	}
	if e.want && ev.Status != st {
		return false
	}
	if !e.want && ev.Status != record.StatusReported {
		return false // only reported events count against a nowant
	}
	if e.date != "" && (ev.Date == nil || *ev.Date != e.date) {
		return false
	}
	return true
}

func describe(evs []record.Event) string {
	var b strings.Builder
	for _, ev := range evs {
		d := "-"
		if ev.Date != nil {
			d = *ev.Date
		}
		fmt.Fprintf(&b, "\n\t%s %s>%s recip=%v %s %s %q", ev.CAMEO, country(ev.Source), country(ev.Target), ev.Reciprocal, ev.Status, d, ev.Evidence.Trigger)
	}
	return b.String()
}

// TestRules codes the sentences of testdata/rules.txt and checks the
// events each block expects (and does not expect).
func TestRules(t *testing.T) {
	s := newStages(t)
	for _, b := range readBlocks(t, "testdata/rules.txt") {
		body := strings.Join(b.text, "\n\n")
		t.Run(fmt.Sprintf("line%d", b.line), func(t *testing.T) {
			evs := s.code(body, b.published)
			for _, e := range b.exps {
				found := false
				for _, ev := range evs {
					if e.matches(ev) {
						found = true
						break
					}
				}
				if e.want && !found {
					t.Errorf("rules.txt:%d: Code(%q) lacks %s %s>%s; got:%s", e.line, body, e.code, e.src, e.tgt, describe(evs))
				}
				if !e.want && found {
					t.Errorf("rules.txt:%d: Code(%q) has unwanted %s %s>%s; got:%s", e.line, body, e.code, e.src, e.tgt, describe(evs))
				}
			}
		})
	}
}

// TestEvidenceOffsets checks that every event's evidence points at its
// sentence in the body.
func TestEvidenceOffsets(t *testing.T) {
	s := newStages(t)
	body := "Britain expelled 23 Russian diplomats on Wednesday.\n\nMoscow retaliated in kind on Saturday, Russian media said."
	for _, ev := range s.code(body, time.Date(2018, 3, 18, 0, 0, 0, 0, time.UTC)) {
		if got := body[ev.Evidence.Start:ev.Evidence.End]; got != ev.Evidence.Text {
			t.Errorf("evidence %d:%d = %q, want %q", ev.Evidence.Start, ev.Evidence.End, got, ev.Evidence.Text)
		}
		if !strings.Contains(ev.Evidence.Text, ev.Evidence.Trigger) {
			t.Errorf("trigger %q not in evidence %q", ev.Evidence.Trigger, ev.Evidence.Text)
		}
	}
}

// BenchmarkCode runs the text layer and the coder (no ledger, no JSON)
// over the sample corpus bodies, reporting sentences per wall second and
// per CPU second.
func BenchmarkCode(b *testing.B) {
	s := newStages(b)
	bodies := sampleBodies(b)
	n, size := 0, 0
	type doc struct {
		body  string
		sents []nlp.Sentence
	}
	var docs []doc
	for _, body := range bodies {
		ss := nlp.Split(body)
		docs = append(docs, doc{body, ss})
		n += len(ss)
		size += len(body)
	}
	pub := time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	// As the pipeline's Analyze, one splitter and one annotator reused
	// from document to document.
	var sp nlp.Splitter
	var an entity.Annotator
	cpu0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			ann := an.Annotate(s.res, d.body, sp.Split(d.body), pub)
			s.cd.Code(coder.Doc{ID: "b", Body: d.body, Published: pub, Ann: ann})
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds(), "sentences/cpu-s")
	}
}

// TestDedupe checks that an event dated by a month is dropped when a later
// sentence dates the same event to a day of it, and that two events of one
// day stay two.
func TestDedupe(t *testing.T) {
	s := newStages(t)
	count := func(body string, pub time.Time, code string) int {
		n := 0
		for _, ev := range s.code(body, pub) {
			if ev.CAMEO == code && ev.Status == "reported" {
				n++
			}
		}
		return n
	}
	pub := time.Date(2023, 4, 6, 0, 0, 0, 0, time.UTC)
	body := "Riyadh cut its ties with Tehran in January 2016. Saudi Arabia had executed a Shia cleric on January 2 of that year. Protesters stormed the Saudi embassy that night, and the kingdom broke off relations with Iran the following day."
	if n := count(body, pub, "161"); n != 1 {
		t.Errorf("month and day reports of one break: %d events 161, want 1", n)
	}
	pub = time.Date(2021, 4, 20, 0, 0, 0, 0, time.UTC)
	body = "Prague expelled 18 Russian diplomats on April 17. Prague also expelled 20 more Russian diplomats on April 17."
	if n := count(body, pub, "161"); n != 2 {
		t.Errorf("two acts of one day: %d events, want 2", n)
	}
}

// TestFirstTime checks that "It was the first time X had …" adds no event
// to the one reported before it.
func TestFirstTime(t *testing.T) {
	s := newStages(t)
	pub := time.Date(2021, 9, 18, 0, 0, 0, 0, time.UTC)
	body := "France recalled its ambassador to the United States on Friday. It was the first time France had withdrawn its envoy from Washington."
	n := 0
	for _, ev := range s.code(body, pub) {
		if ev.CAMEO == "161" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d events 161, want 1", n)
	}
}

// TestAnnouncedTheMeasures checks that announcing "the measures" the text
// already reported adds no act, while signing "the sanctions law" does.
func TestAnnouncedTheMeasures(t *testing.T) {
	s := newStages(t)
	count := func(body, code string) int {
		n := 0
		for _, ev := range s.code(body, time.Date(2017, 3, 14, 0, 0, 0, 0, time.UTC)) {
			if ev.CAMEORoot == code[:2] && ev.Status == "reported" {
				n++
			}
		}
		return n
	}
	body := "Turkey imposed sanctions on the Netherlands on Monday. Turkish Deputy Prime Minister Numan Kurtulmus announced the measures after a cabinet meeting."
	if n := count(body, "16"); n != 1 {
		t.Errorf("announcing the measures again: %d events of root 16, want 1", n)
	}
	body = "The United States imposed sanctions on Russia on Monday. President Trump signed the sanctions law on Tuesday."
	if n := count(body, "16"); n != 2 {
		t.Errorf("signing the law: %d events of root 16, want 2", n)
	}
}

// TestDayCarriesOn checks that an undated act takes the day the text named
// last in its paragraph, and not one named in an earlier paragraph.
func TestDayCarriesOn(t *testing.T) {
	s := newStages(t)
	pub := time.Date(2022, 11, 15, 0, 0, 0, 0, time.UTC)
	body := "Biden and Xi met in Bali on Monday. Biden also raised concerns about China's practices in Xinjiang, the White House said.\n\nSeparately, China criticized the United States."
	var got []string
	for _, ev := range s.code(body, pub) {
		d := "null"
		if ev.Date != nil {
			d = *ev.Date
		}
		got = append(got, ev.CAMEO+" "+d)
	}
	want := []string{"044 2022-11-14", "110 2022-11-14", "111 null"}
	if !slices.Equal(got, want) {
		t.Errorf("dates: got %v, want %v", got, want)
	}
}
