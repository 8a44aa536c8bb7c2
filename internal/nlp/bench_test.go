package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// benchCorpus builds a body of about 1 MB from the golden inputs repeated.
func benchCorpus(b *testing.B) string {
	inputs, err := filepath.Glob("testdata/*.input")
	if err != nil || len(inputs) == 0 {
		b.Fatalf("no testdata inputs: %v", err)
	}
	var parts []string
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, strings.TrimSpace(string(src)))
	}
	unit := strings.Join(parts, "\n\n")
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(unit)
	}
	return sb.String()
}

func BenchmarkSplit(b *testing.B) {
	body := benchCorpus(b)
	n := len(Split(body))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		Split(body)
	}
	reportRates(b, n, cpuTime()-cpu0)
}

// reportRates reports sentences per wall second and per CPU second, n
// being the sentences of one iteration.
func reportRates(b *testing.B, n int, cpu time.Duration) {
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds(), "sentences/cpu-s")
	}
}

func BenchmarkTokenize(b *testing.B) {
	body := benchCorpus(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		Tokenize(body, 0)
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(len(body))*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkSplitArticles splits the golden inputs one article at a time,
// the way the pipeline calls Split.
func BenchmarkSplitArticles(b *testing.B) {
	inputs, err := filepath.Glob("testdata/*.input")
	if err != nil || len(inputs) == 0 {
		b.Fatalf("no testdata inputs: %v", err)
	}
	var bodies []string
	size, n := 0, 0
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, string(src))
		size += len(src)
		n += len(Split(string(src)))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, body := range bodies {
			Split(body)
		}
	}
	reportRates(b, n, cpuTime()-cpu0)
}

// BenchmarkSplitExamples splits the repository's example articles one at a
// time: news text as the pipeline sees it.
func BenchmarkSplitExamples(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.txt"))
	if err != nil {
		b.Fatalf("listing example articles: %v", err)
	}
	var bodies []string
	size, n := 0, 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatalf("reading %s: %v", p, err)
		}
		bodies = append(bodies, string(src))
		size += len(src)
		n += len(Split(string(src)))
	}
	if len(bodies) == 0 {
		b.Skip("no example articles under ../../examples")
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, body := range bodies {
			Split(body)
		}
	}
	reportRates(b, n, cpuTime()-cpu0)
}
