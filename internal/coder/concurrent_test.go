package coder_test

import (
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/parleyproject/parley/internal/cameo"
	"github.com/parleyproject/parley/internal/coder"
	"github.com/parleyproject/parley/internal/lexicon"
	"github.com/parleyproject/parley/internal/nlp"
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

// TestOwnWords checks that a coder with its own table of words, which
// looks every token up itself, codes the corpus as one that reads the
// resolver's numbers.
func TestOwnWords(t *testing.T) {
	s := newStages(t)
	pats, err := lexicon.DefaultPatterns()
	if err != nil {
		t.Fatal(err)
	}
	codes, err := cameo.Load()
	if err != nil {
		t.Fatal(err)
	}
	own, err := coder.New(pats, codes)
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC)
	n := 0
	for i, body := range sampleBodies(t) {
		ann := s.res.Annotate(body, nlp.Split(body), pub)
		want := s.cd.Code(coder.Doc{ID: "t", Body: body, Published: pub, Ann: ann})
		if got := own.Code(coder.Doc{ID: "t", Body: body, Published: pub, Ann: ann}); !reflect.DeepEqual(got, want) {
			t.Fatalf("body %d: a coder with its own words codes it differently", i)
		}
		n += len(want)
	}
	if n == 0 {
		t.Fatal("no events")
	}
}
