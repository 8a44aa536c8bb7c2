package coder_test

import (
	"reflect"
	"sync"
	"testing"
	"time"
)

// TestConcurrentUse codes the sample corpus from several goroutines at
// once with one Resolver and one Coder, which reuse pooled working memory,
// and checks every result against coding it alone.
func TestConcurrentUse(t *testing.T) {
	s := newStages(t)
	bodies := sampleBodies(t)
	if len(bodies) > 200 {
		bodies = bodies[:200]
	}
	pub := time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC)
	want := make([]any, len(bodies))
	for i, b := range bodies {
		want[i] = s.code(b, pub)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range bodies {
				i := (k + g*len(bodies)/4) % len(bodies)
				if got := s.code(bodies[i], pub); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("body %d coded differently when coded concurrently", i)
					return
				}
			}
		}()
	}
	wg.Wait()
}
