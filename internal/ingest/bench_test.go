package ingest

import (
	"context"
	"os"
	"testing"

	"github.com/parleyproject/parley/internal/article"
)

// BenchmarkRead reads every golden input (and the Istanbul example when
// present) per iteration, reporting MB/s and documents/s.
func BenchmarkRead(b *testing.B) {
	paths := goldenInputs(b)
	if _, err := os.Stat(istanbul); err == nil {
		paths = append(paths, istanbul)
	}
	var size int64
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		size += st.Size()
	}
	b.SetBytes(size)
	b.ReportAllocs()
	docs := 0
	for b.Loop() {
		err := Read(context.Background(), paths, nil, Options{}, func(a *article.Article, err error) error {
			if a != nil {
				docs++
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}
