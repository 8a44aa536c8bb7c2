package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/record"
	"github.com/parleyproject/parley/internal/store"
)

// memSink is an in-memory Sink that records the order of saves and can be
// told to fail for some ids.
type memSink struct {
	mu      sync.Mutex
	docs    map[string]*record.Document
	hashes  map[string]bool
	order   []string
	failIDs map[string]bool
	lookups int
}

func newMemSink() *memSink {
	return &memSink{docs: map[string]*record.Document{}, hashes: map[string]bool{}, failIDs: map[string]bool{}}
}

func (m *memSink) HasDocument(ctx context.Context, id, hash string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lookups++
	return m.docs[id] != nil || m.hashes[hash], nil
}

func (m *memSink) SaveDocument(ctx context.Context, a *article.Article, rec *record.Document, sentences int, annotations []byte, force bool) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failIDs[a.ID] {
		return false, fmt.Errorf("saving document %s: disk on fire", a.ID)
	}
	hash := article.ContentID(a.Body)
	if !force && (m.docs[a.ID] != nil || m.hashes[hash]) {
		return false, nil
	}
	m.docs[a.ID] = rec
	m.hashes[hash] = true
	m.order = append(m.order, a.ID)
	return true, nil
}

type input struct {
	a   *article.Article
	err error
}

func seq(in []input) iter.Seq2[*article.Article, error] {
	return func(yield func(*article.Article, error) bool) {
		for _, x := range in {
			if !yield(x.a, x.err) {
				return
			}
		}
	}
}

func doc(id, body string) input {
	return input{a: &article.Article{ID: id, Body: body, Origin: id + ".txt", Kind: "text"}}
}

func TestRun(t *testing.T) {
	ctx := context.Background()
	var in []input
	for i := range 50 {
		in = append(in, doc(fmt.Sprintf("d%02d", i), fmt.Sprintf("Body number %d.", i)))
	}
	in[10] = input{err: errors.New("bad.jsonl:11: invalid JSON")}
	in[20] = doc("panics", "This one makes the analyzer panic.")
	in[30] = doc("fails", "This one cannot be saved.")
	in[40] = doc("d00", "Same id as the first.")
	in[41] = doc("copy", "Body number 1.")

	sink := newMemSink()
	sink.failIDs["fails"] = true
	analyze := func(a *article.Article) *Result {
		if a.ID == "panics" {
			var m map[string]int
			m["boom"]++ // a real nil-map panic
		}
		return New().Analyze(a)
	}
	var progress []Stats
	st := New().run(ctx, seq(in), sink, RunOptions{Workers: 4, Progress: func(s Stats) { progress = append(progress, s) }}, analyze)

	if st.Read != 50 || st.Ingested != 45 || st.Duplicates != 2 || st.Rejected != 3 {
		t.Errorf("Stats = %+v, want read 50, ingested 45, duplicates 2, rejected 3", st)
	}
	want := []string{
		"bad.jsonl:11: invalid JSON",
		"panics.txt: analyzing document panics: internal error: assignment to entry in nil map",
		"fails.txt: saving document fails: disk on fire",
	}
	if diff := cmp.Diff(want, st.Rejections); diff != "" {
		t.Errorf("Rejections (-want +got):\n%s", diff)
	}
	// Saved in input order.
	var wantOrder []string
	for i, x := range in {
		if x.a != nil && i != 20 && i != 30 && i != 40 && i != 41 {
			wantOrder = append(wantOrder, x.a.ID)
		}
	}
	if diff := cmp.Diff(wantOrder, sink.order); diff != "" {
		t.Errorf("save order (-want +got):\n%s", diff)
	}
	if len(progress) != 50 || progress[49].Read != 50 {
		t.Errorf("Progress called %d times, last %+v; want 50 calls ending at read 50", len(progress), progress[len(progress)-1])
	}
	for _, s := range progress {
		if s.Read != s.Ingested+s.Duplicates+s.Rejected {
			t.Fatalf("progress %+v: read != ingested + duplicates + rejected", s)
		}
	}
}

func TestRunSkipsStored(t *testing.T) {
	ctx := context.Background()
	in := []input{doc("a", "First."), doc("b", "Second.")}
	sink := newMemSink()
	New().Run(ctx, seq(in), sink, RunOptions{})

	analyzed := 0
	var mu sync.Mutex
	count := func(a *article.Article) *Result {
		mu.Lock()
		analyzed++
		mu.Unlock()
		return New().Analyze(a)
	}
	st := New().run(ctx, seq(in), sink, RunOptions{}, count)
	if st.Duplicates != 2 || st.Ingested != 0 || analyzed != 0 {
		t.Errorf("rerun: %+v, %d analyzed; want 2 duplicates, none analyzed", st, analyzed)
	}
	st = New().run(ctx, seq(in), sink, RunOptions{Force: true}, count)
	if st.Ingested != 2 || analyzed != 2 {
		t.Errorf("forced rerun: %+v, %d analyzed; want 2 ingested and analyzed", st, analyzed)
	}
}

func TestRunCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	endless := func(yield func(*article.Article, error) bool) {
		for i := 0; ; i++ {
			if !yield(&article.Article{ID: fmt.Sprint(i), Body: fmt.Sprint("body ", i)}, nil) {
				return
			}
		}
	}
	sink := newMemSink()
	done := make(chan Stats)
	go func() {
		done <- New().Run(ctx, endless, sink, RunOptions{Workers: 2, Progress: func(s Stats) {
			if s.Read == 100 {
				cancel()
			}
		}})
	}()
	select {
	case st := <-done:
		if st.Read < 100 || st.Read != st.Ingested || st.Ingested != len(sink.order) {
			t.Errorf("after cancel: %+v with %d saved", st, len(sink.order))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}

func TestRunIntoStore(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var in []input
	for i := range 30 {
		in = append(in, doc(fmt.Sprintf("s%02d", i), strings.Repeat(fmt.Sprintf("Sentence %d of the text. ", i), 5)))
	}
	st := New().Run(ctx, seq(in), s, RunOptions{Workers: 3})
	if st.Ingested != 30 || st.Rejected != 0 {
		t.Fatalf("Run = %+v, want 30 ingested: %v", st, st.Rejections)
	}
	st = New().Run(ctx, seq(in), s, RunOptions{Workers: 3})
	if st.Duplicates != 30 {
		t.Errorf("rerun = %+v, want 30 duplicates", st)
	}
	c, err := s.Counts(ctx)
	if err != nil || c.Documents != 30 {
		t.Errorf("Counts = %+v, %v; want 30 documents", c, err)
	}
}
