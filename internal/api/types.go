package api

import (
	"encoding/json"
	"math"

	"github.com/parleyproject/parley/internal/record"
	"github.com/parleyproject/parley/internal/store"
)

// The response types below are the JSON contract of /api/v1. Their JSON
// names are set by tags and pinned by golden tests: renaming a Go field
// does not change the API. Records (events, meetings, quotes, measures)
// are the SPEC §3 types of package record, whose tags are a contract too.

// ErrorResponse is the body of every error response.
type ErrorResponse struct {
	Error ErrorBody `json:"error"`
}

// ErrorBody says what went wrong: a stable machine-readable code and a
// message for people.
type ErrorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Document is a document in a listing.
type Document struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Sentences int    `json:"sentences"`
}

// DocumentList is a page of documents.
type DocumentList struct {
	Documents []Document `json:"documents"`
	// NextOffset is the offset of the next page, null on the last.
	NextOffset *int `json:"next_offset"`
}

// DocumentDetail is one document with its text, annotations and records.
type DocumentDetail struct {
	Document
	Kind        string               `json:"kind"`
	Body        string               `json:"body"`
	ContentHash string               `json:"content_hash"`
	Warnings    []string             `json:"warnings"`
	Annotations json.RawMessage      `json:"annotations"`
	Events      []record.Event       `json:"events"`
	Meetings    []record.Meeting     `json:"meetings"`
	Quotes      []record.Quote       `json:"quotes"`
	Measures    []record.Measure     `json:"measures"`
	Issues      []record.IssueUpdate `json:"issues"`
}

// DocumentResponse wraps one document.
type DocumentResponse struct {
	Document DocumentDetail `json:"document"`
}

// IngestResponse reports a document stored by POST /api/v1/documents.
type IngestResponse struct {
	Document Document `json:"document"`
	Events   int      `json:"events"`
	Meetings int      `json:"meetings"`
	Quotes   int      `json:"quotes"`
	Measures int      `json:"measures"`
	Warnings []string `json:"warnings"`
}

// DocRef names the document a record came from.
type DocRef struct {
	DocID        string `json:"doc_id"`
	DocTitle     string `json:"doc_title"`
	DocPublished string `json:"doc_published"`
}

// Event is an event with its document.
type Event struct {
	DocRef
	record.Event
}

// EventList is a page of events.
type EventList struct {
	Events []Event `json:"events"`
	// NextCursor continues the listing (the cursor parameter); "" on the
	// last page.
	NextCursor string `json:"next_cursor"`
}

// Meeting is a meeting with its document.
type Meeting struct {
	DocRef
	record.Meeting
}

// MeetingList is a page of meetings.
type MeetingList struct {
	Meetings   []Meeting `json:"meetings"`
	NextOffset *int      `json:"next_offset"`
}

// Quote is a quote with its document.
type Quote struct {
	DocRef
	record.Quote
}

// QuoteList is a page of quotes.
type QuoteList struct {
	Quotes     []Quote `json:"quotes"`
	NextOffset *int    `json:"next_offset"`
}

// Measure is a measure with its document.
type Measure struct {
	DocRef
	record.Measure
}

// MeasureList is a page of measures.
type MeasureList struct {
	Measures   []Measure `json:"measures"`
	NextOffset *int      `json:"next_offset"`
}

// DyadCount is a dyad in the list of busiest dyads.
type DyadCount struct {
	Dyad          string  `json:"dyad"`
	A             string  `json:"a"`
	B             string  `json:"b"`
	Events        int     `json:"events"`
	MeanGoldstein float64 `json:"mean_goldstein"`
	Last          string  `json:"last"`
}

// DyadList lists dyads.
type DyadList struct {
	Dyads []DyadCount `json:"dyads"`
}

// DyadSummary is a relationship in numbers. A and B are in the order of
// the request path; a_to_b counts events with A as source.
type DyadSummary struct {
	Dyad          string         `json:"dyad"`
	A             string         `json:"a"`
	B             string         `json:"b"`
	Events        int            `json:"events"`
	AToB          int            `json:"a_to_b"`
	BToA          int            `json:"b_to_a"`
	Reciprocal    int            `json:"reciprocal"`
	Cooperation   int            `json:"cooperation"`
	Conflict      int            `json:"conflict"`
	MeanGoldstein float64        `json:"mean_goldstein"`
	First         string         `json:"first"`
	Last          string         `json:"last"`
	PLOVER        map[string]int `json:"plover"`
	Meetings      int            `json:"meetings"`
	Quotes        int            `json:"quotes"`
	Measures      int            `json:"measures"`
}

// Series is a time series of a dyad.
type Series struct {
	Dyad     string        `json:"dyad"`
	Interval string        `json:"interval"`
	Points   []SeriesPoint `json:"points"`
}

// SeriesPoint is one period of a Series.
type SeriesPoint struct {
	Period          string  `json:"period"`
	Events          int     `json:"events"`
	Cooperation     int     `json:"cooperation"`
	Conflict        int     `json:"conflict"`
	MeanGoldstein   float64 `json:"mean_goldstein"`
	MeanPLOVERScore float64 `json:"mean_plover_score"`
}

// round3 rounds to three decimals so that means print stably.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func docRef(docID, title, published string) DocRef {
	return DocRef{DocID: docID, DocTitle: title, DocPublished: published}
}

func dyadCount(d store.DyadCount) DyadCount {
	return DyadCount{Dyad: d.Dyad.String(), A: d.Dyad.A, B: d.Dyad.B, Events: d.Events,
		MeanGoldstein: round3(d.MeanGoldstein), Last: d.Last}
}

// DossierUpdate is a change in the status of an issue, with its document.
type DossierUpdate struct {
	DocRef
	record.IssueUpdate
}

// Dossier is one open issue between two countries: its latest status and
// the updates that led there, oldest first.
type Dossier struct {
	Topic   string          `json:"topic"`
	Status  string          `json:"status"`
	Date    string          `json:"date"`
	Updates []DossierUpdate `json:"updates"`
}

// DossierList lists the dossiers of a dyad, the most recently updated first.
type DossierList struct {
	Dyad     string    `json:"dyad"`
	Dossiers []Dossier `json:"dossiers"`
}
