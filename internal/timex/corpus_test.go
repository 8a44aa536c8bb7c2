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
	for b.Loop() {
		for _, s := range sents {
			_ = Find(s, 0, friFeb28)
		}
		n += len(sents)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkFindExamples runs Find over the lines of the repository's example
// articles, a mix closer to real input (most lines hold no date).
func BenchmarkFindExamples(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.txt"))
	if err != nil {
		b.Fatalf("listing example articles: %v", err)
	}
	var lines []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatalf("reading %s: %v", p, err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l != "" {
				lines = append(lines, l)
			}
		}
	}
	if len(lines) == 0 {
		b.Skip("no example articles under ../../examples")
	}
	b.ReportAllocs()
	n, bytes := 0, 0
	for _, l := range lines {
		bytes += len(l)
	}
	b.SetBytes(int64(bytes))
	for b.Loop() {
		for _, l := range lines {
			_ = Find(l, 0, friFeb28)
		}
		n += len(lines)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "lines/s")
}
