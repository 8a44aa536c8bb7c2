// Package ledger keeps the record of a relationship that an article
// reports beyond its single events: the meetings it describes (with
// delegations, agenda and outcomes), who said what (direct quotations and
// their speakers), the measures one state takes against another and their
// reversals (with the chains of response between them), and the status of
// the open issues between two states (issue dossiers).
//
// Everything is computed by pure functions over the body text, the
// text-layer annotations of package entity and the events package coder
// has found; the package keeps no state and every function is safe for
// concurrent use. Word lists (cue verbs, measure kinds, issue topics) are
// data: see quotes.go, measures.go and topics.txt.
package ledger

import (
	"sort"
	"strings"
	"time"

	"github.com/parleyproject/parley/internal/entity"
	"github.com/parleyproject/parley/internal/nlp"
	"github.com/parleyproject/parley/internal/record"
)

// Doc is what the ledger reads of one analyzed document.
type Doc struct {
	// ID is the document id; record ids derive from it.
	ID string
	// Body is the document body the annotations' offsets refer to.
	Body string
	// Published is the publication time, zero when unknown.
	Published time.Time
	// Ann are the text-layer annotations of Body.
	Ann *entity.Annotations
	// Events are the coded events of the document.
	Events []record.Event
}

// Result is everything the ledger finds in one document. Slices are never
// nil, so they encode as JSON arrays.
type Result struct {
	Meetings []record.Meeting
	Quotes   []record.Quote
	Measures []record.Measure
	Issues   []record.IssueUpdate
}

// Extract finds the meetings, quotes, measures and issue updates of d.
// It never fails: text it cannot read yields fewer records.
func Extract(d Doc) Result {
	if d.Ann == nil {
		return Result{Meetings: []record.Meeting{}, Quotes: []record.Quote{}, Measures: []record.Measure{}, Issues: []record.IssueUpdate{}}
	}
	r := Result{
		Quotes:   Quotes(d),
		Meetings: Meetings(d),
		Measures: Measures(d),
	}
	r.Issues = Issues(d, r.Meetings, r.Measures)
	if r.Quotes == nil {
		r.Quotes = []record.Quote{}
	}
	if r.Meetings == nil {
		r.Meetings = []record.Meeting{}
	}
	if r.Measures == nil {
		r.Measures = []record.Measure{}
	}
	if r.Issues == nil {
		r.Issues = []record.IssueUpdate{}
	}
	return r
}

// sentenceAt returns the index of the sentence holding byte offset off, or
// the last sentence starting before it; -1 when there is none.
func sentenceAt(sents []nlp.Sentence, off int) int {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].Start > off })
	return i - 1
}

// mentionsIn returns the mentions whose span lies within [start, end).
func mentionsIn(ann *entity.Annotations, start, end int) []entity.Mention {
	var out []entity.Mention
	lo := sort.Search(len(ann.Mentions), func(i int) bool { return ann.Mentions[i].Start >= start })
	for i := lo; i < len(ann.Mentions) && ann.Mentions[i].Start < end; i++ {
		if ann.Mentions[i].End <= end {
			out = append(out, ann.Mentions[i])
		}
	}
	return out
}

// tokensIn returns the tokens of sentence s within [start, end).
func tokensIn(s *nlp.Sentence, start, end int) []nlp.Token {
	lo := sort.Search(len(s.Tokens), func(i int) bool { return s.Tokens[i].Start >= start })
	hi := lo
	for hi < len(s.Tokens) && s.Tokens[hi].End <= end {
		hi++
	}
	return s.Tokens[lo:hi]
}

// strp returns a pointer to a copy of s.
func strp(s string) *string { return &s }

// appendUnique appends s to list unless it is empty or already there
// (compared case-insensitively).
func appendUnique(list []string, s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return list
	}
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}
