package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/ingest"
	"github.com/parleyproject/parley/internal/nlp"
)

// corpus reads the sample corpus (examples/) and repeats it to at least
// minBytes of body text.
func corpus(tb testing.TB, minBytes int) []*article.Article {
	tb.Helper()
	var arts []*article.Article
	err := filepath.WalkDir("../../examples", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) == ".json" || filepath.Ext(path) == ".md" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		as, _ := ingest.ReadBytes(path, data, ingest.Options{})
		arts = append(arts, as...)
		return nil
	})
	if err != nil || len(arts) == 0 {
		tb.Skipf("sample corpus not readable: %v", err)
	}
	var out []*article.Article
	n := 0
	for n < minBytes {
		for _, a := range arts {
			out = append(out, a)
			n += len(a.Body)
		}
	}
	return out
}

// BenchmarkAnalyze runs the whole per-article pipeline — sentences,
// actors, dates, places, events, relationship records — over ≥ 1 MB of
// news text and reports sentences/s on one goroutine.
func BenchmarkAnalyze(b *testing.B) {
	benchArticles(b, func(p *Pipeline, a *article.Article) { p.Analyze(a) })
}

// BenchmarkEvents runs the stages from raw text to coded events
// (Pipeline.Events: sentences, actors, dates, places, events) over ≥ 1 MB
// of news text on one goroutine: the rate `parley bench` reports as
// "text → events".
func BenchmarkEvents(b *testing.B) {
	benchArticles(b, func(p *Pipeline, a *article.Article) { p.Events(a) })
}

// benchArticles runs stage over every article of ≥ 1 MB of the sample
// corpus per iteration and reports sentences per wall and CPU second.
func benchArticles(b *testing.B, stage func(*Pipeline, *article.Article)) {
	arts := corpus(b, 1<<20)
	p := New()
	bytes, sents := 0, 0
	for _, a := range arts {
		bytes += len(a.Body)
		sents += len(nlp.Split(a.Body))
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, a := range arts {
			stage(p, a)
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	if cpu > 0 {
		b.ReportMetric(float64(sents)*float64(b.N)/cpu.Seconds(), "sentences/cpu-s")
	}
}
