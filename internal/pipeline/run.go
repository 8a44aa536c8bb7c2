package pipeline

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"time"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/record"
)

// Sink stores analyzed documents. *store.Store satisfies it.
type Sink interface {
	// HasDocument reports whether a document with this id or content
	// hash (article.ContentID of its body) is already stored.
	HasDocument(ctx context.Context, id, hash string) (bool, error)
	// SaveDocument stores a document and its record atomically. It
	// returns saved=false, and stores nothing, for a duplicate unless
	// force is set, in which case it replaces the stored copy.
	SaveDocument(ctx context.Context, a *article.Article, rec *record.Document, sentences int, annotations []byte, force bool) (saved bool, err error)
}

// RunOptions configure Run.
type RunOptions struct {
	// Workers is the number of articles analyzed at once; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// Force re-analyzes and replaces documents that are already stored.
	Force bool
	// Progress, when set, is called after each document is done, from a
	// single goroutine, with the running totals. It must return quickly;
	// it may keep the Stats value but not modify Rejections.
	Progress func(Stats)
}

// Stats counts what a batch did. Read == Ingested + Duplicates + Rejected.
type Stats struct {
	// Read is the number of inputs handled: documents and unreadable
	// inputs.
	Read int
	// Ingested is the number of documents stored.
	Ingested int
	// Duplicates is the number of documents already stored (same id or
	// same body), left as they were.
	Duplicates int
	// Rejected is the number of inputs that could not be read, analyzed
	// or stored.
	Rejected int
	// Rejections holds one line per rejected input, in input order:
	// where it came from and why ("path:line: reason").
	Rejections []string
	// Warnings holds one line per document stored with part of its
	// analysis missing.
	Warnings []string
	// Elapsed is the time since Run started.
	Elapsed time.Duration
}

// runJob is one input on its way through Run.
type runJob struct {
	seq    int
	a      *article.Article
	res    *Result
	dup    bool
	reject string
}

// Run analyzes the documents of docs and saves them to sink. An input
// with a non-nil error is counted as rejected (its error names it), as is
// a document whose analysis panics or whose save fails; none of them stops
// the batch. Documents are analyzed by opts.Workers goroutines and saved
// one at a time in input order, each in its own transaction; documents
// already in sink are not analyzed again unless opts.Force is set.
//
// Run returns when docs is exhausted or ctx is done; after cancellation
// the Stats count only the documents handled before it.
func (p *Pipeline) Run(ctx context.Context, docs iter.Seq2[*article.Article, error], sink Sink, opts RunOptions) Stats {
	return p.run(ctx, docs, sink, opts, p.Analyze)
}

func (p *Pipeline) run(ctx context.Context, docs iter.Seq2[*article.Article, error], sink Sink, opts RunOptions, analyze func(*article.Article) *Result) Stats {
	start := time.Now()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// inflight bounds the documents read but not yet saved, so memory
	// stays flat however far the reader is ahead of a slow one.
	inflight := make(chan struct{}, 4*workers)
	jobs := make(chan *runJob)
	done := make(chan *runJob, workers)

	go func() {
		defer close(jobs)
		seq := 0
		for a, err := range docs {
			select {
			case inflight <- struct{}{}:
			case <-ctx.Done():
				return
			}
			j := &runJob{seq: seq, a: a}
			seq++
			switch {
			case err != nil:
				j.reject = err.Error()
			case a == nil:
				j.reject = "reader returned no document"
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.reject == "" && ctx.Err() == nil {
					work(ctx, j, sink, opts.Force, analyze)
				}
				done <- j
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	var st Stats
	pending := make(map[int]*runJob)
	next := 0
	for j := range done {
		pending[j.seq] = j
		for {
			j, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-inflight
			if ctx.Err() != nil {
				continue // drain: the workers must not block on done
			}
			save(ctx, j, sink, opts.Force, &st)
			if opts.Progress != nil {
				st.Elapsed = time.Since(start)
				opts.Progress(st)
			}
		}
	}
	st.Elapsed = time.Since(start)
	return st
}

// work decides whether j's document is a duplicate and otherwise analyzes
// it, turning a panic into a rejection.
func work(ctx context.Context, j *runJob, sink Sink, force bool, analyze func(*article.Article) *Result) {
	if !force {
		// A failed lookup is not fatal: the document is analyzed, and
		// SaveDocument reports a duplicate or the database error.
		if has, err := sink.HasDocument(ctx, j.a.ID, article.ContentID(j.a.Body)); err == nil && has {
			j.dup = true
			return
		}
	}
	defer func() {
		if r := recover(); r != nil {
			j.res = nil
			j.reject = fmt.Sprintf("%s: analyzing document %s: internal error: %v", origin(j.a), j.a.ID, r)
		}
	}()
	j.res = analyze(j.a)
	if j.res == nil || j.res.Record == nil {
		j.reject = fmt.Sprintf("%s: analyzing document %s: no record", origin(j.a), j.a.ID)
	}
}

// save stores j's document, or counts it as a duplicate or rejection.
func save(ctx context.Context, j *runJob, sink Sink, force bool, st *Stats) {
	st.Read++
	switch {
	case j.reject != "":
		st.Rejected++
		st.Rejections = append(st.Rejections, j.reject)
	case j.dup:
		st.Duplicates++
	default:
		saved, err := sink.SaveDocument(ctx, j.a, j.res.Record, j.res.Sentences, j.res.Annotations, force)
		switch {
		case err != nil && ctx.Err() != nil:
			st.Read-- // cancelled, not rejected: a rerun will store it
		case err != nil:
			st.Rejected++
			st.Rejections = append(st.Rejections, fmt.Sprintf("%s: %v", origin(j.a), err))
		case saved:
			st.Ingested++
			for _, w := range j.res.Warnings {
				st.Warnings = append(st.Warnings, fmt.Sprintf("%s: %s", origin(j.a), w))
			}
		default:
			st.Duplicates++
		}
	}
}

func origin(a *article.Article) string {
	if a.Origin != "" {
		return a.Origin
	}
	return a.ID
}
