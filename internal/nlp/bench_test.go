package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	for b.Loop() {
		Split(body)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkTokenize(b *testing.B) {
	body := benchCorpus(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(body, 0)
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
	for b.Loop() {
		for _, body := range bodies {
			Split(body)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
