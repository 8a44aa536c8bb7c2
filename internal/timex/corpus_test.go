package timex

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyproject/parley/internal/nlp"
)

var update = flag.Bool("update", false, "update golden files")

// readCorpus returns the non-comment lines of testdata/sentences.txt.
func readCorpus(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sentences.txt"))
	if err != nil {
		tb.Fatalf("reading corpus: %v", err)
	}
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// TestCorpusGolden runs Find over the corpus (published Friday 2025-02-28)
// and compares a readable rendering with testdata/sentences.golden.
func TestCorpusGolden(t *testing.T) {
	var b strings.Builder
	for _, s := range readCorpus(t) {
		xs := Find(s, 0, friFeb28)
		if len(xs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s\n", s)
		for _, x := range xs {
			flags := ""
			if x.Relative {
				flags += " relative"
			}
			if x.Future {
				flags += " future"
			}
			fmt.Fprintf(&b, "\t%q@%d:%d %s %s%s\n", x.Text, x.Start, x.End, x.Precision, x.Format(), flags)
		}
	}
	golden := filepath.Join("testdata", "sentences.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatalf("writing %s: %v", golden, err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("reading %s: %v (run with -update)", golden, err)
	}
	if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(b.String(), "\n")); diff != "" {
		t.Errorf("corpus output differs from %s (-want +got; run with -update after review):\n%s", golden, diff)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range readCorpus(f) {
		f.Add(s, int64(0))
	}
	f.Add("Thursday, Feb. 27, 2025 and 27/02/2025 or 2025-02-27", int64(1e9))
	f.Add("mid-\xff March 2022-", int64(-5))
	f.Add("the past few", int64(0))
	f.Fuzz(func(t *testing.T, text string, days int64) {
		pub := time.Time{}
		if days != 0 {
			pub = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days%40000))
		}
		xs := Find(text, 7, pub)
		last := 7
		for _, x := range xs {
			if x.Start < last || x.End <= x.Start || x.End > len(text)+7 {
				t.Fatalf("Find(%q): span [%d,%d) out of order or bounds (after %d)", text, x.Start, x.End, last)
			}
			if text[x.Start-7:x.End-7] != x.Text {
				t.Fatalf("Find(%q): text[%d:%d] = %q, Text %q", text, x.Start, x.End, text[x.Start-7:x.End-7], x.Text)
			}
			if x.Precision > Day {
				t.Fatalf("Find(%q): precision %d out of range", text, x.Precision)
			}
			if x.Precision == Unknown && !x.Date.IsZero() {
				t.Fatalf("Find(%q): %q has Unknown precision but date %v", text, x.Text, x.Date)
			}
			if !x.Date.IsZero() && (x.Date.Location() != time.UTC || x.Date.Hour() != 0) {
				t.Fatalf("Find(%q): %q date %v not at UTC midnight", text, x.Text, x.Date)
			}
			if utf8.ValidString(text) && !utf8.ValidString(x.Text) {
				t.Fatalf("Find(%q): %q splits a rune", text, x.Text)
			}
			last = x.End
		}
		_ = FindTense(text, 0, pub, true)
	})
}

func BenchmarkFind(b *testing.B) {
	sents := readCorpus(b)
	b.ReportAllocs()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		for _, s := range sents {
			_ = Find(s, 0, friFeb28)
		}
		n += len(sents)
	}
	reportRates(b, n, cpuTime()-cpu0, "sentences")
}

// reportRates reports n units per wall second and per CPU second.
func reportRates(b *testing.B, n int, cpu time.Duration, unit string) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), unit+"/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), unit+"/cpu-s")
	}
}

// exampleArticles returns the bodies of the repository's example articles.
func exampleArticles(b *testing.B) []string {
	paths, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.txt"))
	if err != nil {
		b.Fatalf("listing example articles: %v", err)
	}
	var bodies []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatalf("reading %s: %v", p, err)
		}
		bodies = append(bodies, string(data))
	}
	if len(bodies) == 0 {
		b.Skip("no example articles under ../../examples")
	}
	return bodies
}

// BenchmarkFindSentences runs Find over the sentences of the example
// articles as nlp.Split cuts them, the way the pipeline calls it.
func BenchmarkFindSentences(b *testing.B) {
	var sents []nlp.Sentence
	for _, body := range exampleArticles(b) {
		sents = append(sents, nlp.Split(body)...)
	}
	b.ReportAllocs()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		for _, s := range sents {
			_ = Find(s.Text, s.Start, friFeb28)
		}
		n += len(sents)
	}
	reportRates(b, n, cpuTime()-cpu0, "sentences")
}

// BenchmarkFindExamples runs Find over the lines of the repository's example
// articles, a mix closer to real input (most lines hold no date).
func BenchmarkFindExamples(b *testing.B) {
	var lines []string
	for _, body := range exampleArticles(b) {
		for _, l := range strings.Split(body, "\n") {
			if l != "" {
				lines = append(lines, l)
			}
		}
	}
	b.ReportAllocs()
	n, bytes := 0, 0
	for _, l := range lines {
		bytes += len(l)
	}
	b.SetBytes(int64(bytes))
	cpu0 := cpuTime()
	for b.Loop() {
		for _, l := range lines {
			_ = Find(l, 0, friFeb28)
		}
		n += len(lines)
	}
	reportRates(b, n, cpuTime()-cpu0, "lines")
}

// BenchmarkTextLayer splits the example articles and runs Find over each
// sentence, as the entity resolver does: the text layer's share of the
// pipeline (nlp and timex together).
func BenchmarkTextLayer(b *testing.B) {
	bodies := exampleArticles(b)
	n := 0
	for _, body := range bodies {
		n += len(nlp.Split(body))
	}
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, body := range bodies {
			for _, s := range nlp.Split(body) {
				_ = Find(s.Text, s.Start, friFeb28)
			}
		}
	}
	reportRates(b, n*b.N, cpuTime()-cpu0, "sentences")
}
