// Package pipeline runs parley's stages over articles: text layer, actors,
// event coding and relationship records per article (Analyze), and whole
// batches with bounded concurrency into a Sink (Run).
package pipeline

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sync"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/cameo"
	"github.com/parleyproject/parley/internal/coder"
	"github.com/parleyproject/parley/internal/entity"
	"github.com/parleyproject/parley/internal/ledger"
	"github.com/parleyproject/parley/internal/lexicon"
	"github.com/parleyproject/parley/internal/nlp"
	"github.com/parleyproject/parley/internal/record"
)

// Result is what the analysis of one article yields.
type Result struct {
	// Record is the SPEC §3 document record: metadata, events, meetings,
	// quotes and measures.
	Record *record.Document
	// Sentences is the number of sentences in the body.
	Sentences int
	// Annotations is the JSON encoding of the text-layer annotations
	// (sentences, actors, dates, places), stored beside the document.
	Annotations []byte
	// Warnings are one-line reasons why part of the analysis is missing.
	Warnings []string
}

// Pipeline analyzes articles. It is safe for concurrent use.
type Pipeline struct {
	resolver *entity.Resolver
	coder    *coder.Coder
	// workspaces hold the splitters and annotators Analyze reuses, one
	// per goroutine at a time: a document's tokens and annotations live
	// only while it is analyzed.
	workspaces sync.Pool
}

// New returns a Pipeline on the embedded lexicons, patterns and code
// tables. Those are part of the binary and tested; a failure to load them
// is a programmer error, so New panics on it.
func New() *Pipeline {
	p, err := Load(nil)
	if err != nil {
		panic(fmt.Sprintf("pipeline: embedded data: %v", err))
	}
	return p
}

// Load returns a Pipeline on the embedded data extended by the user's
// lexicon directory (nil for none): its actor files merge over the
// defaults and its patterns/*.txt add event rules.
func Load(user fs.FS) (*Pipeline, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	pats, err := lexicon.DefaultPatterns()
	if err != nil {
		return nil, fmt.Errorf("loading embedded patterns: %w", err)
	}
	if user != nil {
		ul, err := lexicon.Load(user)
		if err != nil {
			return nil, fmt.Errorf("loading user lexicon: %w", err)
		}
		lex = lex.Merge(ul)
		if err := lex.Validate(); err != nil {
			return nil, fmt.Errorf("checking user lexicon: %w", err)
		}
		if up, err := lexicon.LoadPatterns(user, "patterns"); err != nil {
			return nil, fmt.Errorf("loading user patterns: %w", err)
		} else {
			pats.Rules = append(up.Rules, pats.Rules...)
			for k, v := range up.Verbs {
				pats.Verbs[k] = append(pats.Verbs[k], v...)
			}
			pats.Pessimistic = append(pats.Pessimistic, up.Pessimistic...)
			pats.Optimistic = append(pats.Optimistic, up.Optimistic...)
			pats.Accusing = append(pats.Accusing, up.Accusing...)
			pats.Critical = append(pats.Critical, up.Critical...)
		}
	}
	codes, err := cameo.Load()
	if err != nil {
		return nil, fmt.Errorf("loading CAMEO tables: %w", err)
	}
	// The coder numbers its words with the resolver's table, so as to
	// read the numbers the resolver gives each token.
	res := entity.New(lex)
	cd, err := coder.NewWithWords(pats, codes, res.Words())
	if err != nil {
		return nil, fmt.Errorf("compiling patterns: %w", err)
	}
	return &Pipeline{resolver: res, coder: cd}, nil
}

// workspace is the memory one goroutine's Analyze reuses.
type workspace struct {
	sp  nlp.Splitter
	ann entity.Annotator
}

// workspace takes a workspace from the pool, or makes one; the caller puts
// it back when done with the annotations.
func (p *Pipeline) workspace() *workspace {
	if ws, _ := p.workspaces.Get().(*workspace); ws != nil {
		return ws
	}
	return new(workspace)
}

// annotate runs the text layer over a's body in the workspace's memory.
func (ws *workspace) annotate(r *entity.Resolver, a *article.Article) *entity.Annotations {
	return ws.ann.Annotate(r, a.Body, ws.sp.Split(a.Body), a.Published)
}

// Annotate runs the text layer only: sentences, actors, places and dates.
func (p *Pipeline) Annotate(a *article.Article) *entity.Annotations {
	sents := nlp.Split(a.Body)
	return p.resolver.Annotate(a.Body, sents, a.Published)
}

// Events runs the stages from raw text to coded events only — sentences,
// actors, dates, places, events — without the relationship records and
// the annotations' JSON that Analyze adds: the rate `parley bench` reports
// for event coding alone.
func (p *Pipeline) Events(a *article.Article) []record.Event {
	ws := p.workspace()
	defer p.workspaces.Put(ws)
	ann := ws.annotate(p.resolver, a)
	var evs []record.Event
	(&Result{}).stage("coding events", func() {
		evs = p.coder.Code(coder.Doc{ID: a.ID, Body: a.Body, Published: a.Published, Ann: ann})
	})
	return evs
}

// Analyze runs every stage over a and returns its result. It never fails:
// a stage that cannot handle some text yields fewer facts, not an error.
func (p *Pipeline) Analyze(a *article.Article) *Result {
	rec := &record.Document{
		Format:    record.Format,
		ID:        a.ID,
		URL:       a.URL,
		Title:     a.Title,
		Published: a.PublishedDate(),
		Source:    a.Source,
		Events:    []record.Event{},
		Meetings:  []record.Meeting{},
		Quotes:    []record.Quote{},
		Measures:  []record.Measure{},
		Issues:    []record.IssueUpdate{},
	}
	res := &Result{Record: rec}
	ws := p.workspace()
	defer p.workspaces.Put(ws) // after the last use of ann, its sentences and tokens
	ann := ws.annotate(p.resolver, a)
	res.Sentences = len(ann.Sentences)
	res.stage("coding events", func() {
		if evs := p.coder.Code(coder.Doc{ID: a.ID, Body: a.Body, Published: a.Published, Ann: ann}); evs != nil {
			rec.Events = evs
		}
	})
	res.stage("extracting meetings, quotes and measures", func() {
		led := ledger.Extract(ledger.Doc{ID: a.ID, Body: a.Body, Published: a.Published, Ann: ann, Events: rec.Events})
		rec.Meetings, rec.Quotes, rec.Measures, rec.Issues = led.Meetings, led.Quotes, led.Measures, led.Issues
	})
	js, err := json.Marshal(ann)
	if err != nil {
		js = nil // annotations hold only plain values; this cannot fail
	}
	res.Annotations = js
	return res
}

// stage runs one stage of the analysis. A stage that panics on some text
// is a bug, but one document must not take a batch down with it: the
// panic becomes a warning and the document keeps what the other stages
// found.
func (r *Result) stage(what string, f func()) {
	defer func() {
		if v := recover(); v != nil {
			r.Warnings = append(r.Warnings, fmt.Sprintf("%s failed (internal error: %v); the document is kept without it", what, v))
		}
	}()
	f()
}
