package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/parleyproject/parley/internal/ingest"
	"github.com/parleyproject/parley/internal/record"
	"github.com/parleyproject/parley/internal/store"
)

var (
	pLimit  = param{name: "limit", typ: "integer", desc: "page size, 1 to 500 (default 50)", example: "2"}
	pOffset = param{name: "offset", typ: "integer", desc: "rows to skip (the next_offset of the previous page)", example: "0"}
	pFrom   = param{name: "from", typ: "date", desc: "earliest date, YYYY-MM-DD, inclusive", example: "2020-01-01"}
	pTo     = param{name: "to", typ: "date", desc: "latest date, YYYY-MM-DD, inclusive", example: "2030-12-31"}
	pDyad   = param{name: "dyad", typ: "string", desc: "two countries, either direction: USA-RUS", example: "USA-RUS"}
	pDoc    = param{name: "doc", typ: "string", desc: "a document id", example: "doc-1"}
)

// table declares every route.
func (h *Handler) table() []route {
	statuses := []string{record.StatusReported, record.StatusProposed, record.StatusPlanned, record.StatusDenied, record.StatusHypothetical}
	return []route{
		{method: "GET", path: Prefix + "/openapi.json", id: "getOpenAPI", summary: "This OpenAPI document",
			response: "OpenAPI", handle: h.getOpenAPI},
		{method: "GET", path: Prefix + "/documents", id: "listDocuments", summary: "List or search documents, newest first (best matches first with q)",
			params: []param{
				{name: "q", typ: "string", desc: `full-text search over title and body: words, "phrases", prefix*`, example: "Istanbul"},
				{name: "source", typ: "string", desc: "outlet name, exact", example: "Wire"},
				pFrom, pTo, pLimit, pOffset,
			}, response: "DocumentList", handle: h.listDocuments},
		{method: "POST", path: Prefix + "/documents", id: "createDocument",
			summary: "Ingest a document (needs the server's write token as a bearer token)",
			body:    "NewDocument", response: "IngestResponse", status: http.StatusCreated, handle: h.createDocument},
		{method: "GET", path: Prefix + "/documents/{id}", id: "getDocument",
			summary:  "One document with its body, text annotations and records (an unambiguous id prefix works)",
			response: "DocumentResponse", handle: h.getDocument},
		{method: "GET", path: Prefix + "/events", id: "listEvents", summary: "List events, newest first, with filters and cursor paging",
			params: []param{
				pDyad,
				{name: "actor", typ: "string", desc: "a country (RUS) or actor code (RUSGOV) on either side", example: "USA"},
				{name: "code", typ: "string", desc: "full CAMEO code", example: "046"},
				{name: "root", typ: "string", desc: "two-digit CAMEO root", example: "04"},
				{name: "plover", typ: "string", desc: "PLOVER event type", enum: h.types, example: "CONSULT"},
				{name: "quad", typ: "integer", desc: "quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict", enum: []string{"1", "2", "3", "4"}, example: "1"},
				pFrom, pTo,
				{name: "status", typ: "string", desc: "event status", enum: statuses, example: "reported"},
				pDoc, pLimit,
				{name: "cursor", typ: "string", desc: "next_cursor of the previous page", example: ""},
			}, response: "EventList", handle: h.listEvents},
		{method: "GET", path: Prefix + "/meetings", id: "listMeetings", summary: "List meetings, calls and talks, newest first",
			params: []param{pDyad,
				{name: "party", typ: "string", desc: "a country among the parties", example: "USA"},
				{name: "kind", typ: "string", desc: "meeting, call, talks or visit", example: "talks"},
				pDoc, pLimit, pOffset,
			}, response: "MeetingList", handle: h.listMeetings},
		{method: "GET", path: Prefix + "/quotes", id: "listQuotes", summary: "List quotes, from the newest documents first",
			params: []param{
				{name: "dyad", typ: "string", desc: "quotes by either side in documents about the dyad: USA-RUS", example: "USA-RUS"},
				{name: "speaker", typ: "string", desc: "the speaker's country", example: "RUS"},
				pDoc, pLimit, pOffset,
			}, response: "QuoteList", handle: h.listQuotes},
		{method: "GET", path: Prefix + "/measures", id: "listMeasures", summary: "List measures and counter-measures, newest first",
			params: []param{pDyad,
				{name: "country", typ: "string", desc: "a country on either side", example: "RUS"},
				{name: "kind", typ: "string", desc: "expulsion, closure, …", example: "expulsion"},
				pDoc, pLimit, pOffset,
			}, response: "MeasureList", handle: h.listMeasures},
		{method: "GET", path: Prefix + "/dossiers", id: "listDossiers",
			summary: "The open issues between two countries with their status history, most recently updated first",
			params: []param{
				{name: "dyad", typ: "string", desc: "two countries (required): USA-RUS", example: "USA-RUS"},
				{name: "topic", typ: "string", desc: "one issue topic (banking, staffing, visas, …)", example: "visas"},
			}, response: "DossierList", handle: h.listDossiers},
		{method: "GET", path: Prefix + "/dyads", id: "listDyads", summary: "The dyads with the most events",
			params:   []param{{name: "limit", typ: "integer", desc: "how many, 1 to 100 (default 20)", example: "5"}},
			response: "DyadList", handle: h.listDyads},
		{method: "GET", path: Prefix + "/dyads/{dyad}", id: "getDyad", summary: "A relationship in numbers (dyad: USA-RUS)",
			response: "DyadSummary", handle: h.getDyad},
		{method: "GET", path: Prefix + "/dyads/{dyad}/series", id: "getDyadSeries",
			summary: "Event counts and mean Goldstein and PLOVER scores of a dyad by day, week or month",
			params: []param{
				{name: "interval", typ: "string", desc: "period length (default month)", enum: []string{store.IntervalDay, store.IntervalWeek, store.IntervalMonth}, example: "month"},
				pFrom, pTo,
			}, response: "Series", handle: h.getSeries},
	}
}

func (h *Handler) getOpenAPI(w http.ResponseWriter, r *http.Request, q *query) error {
	return writeJSON(w, http.StatusOK, h.OpenAPI())
}

func (h *Handler) listDocuments(w http.ResponseWriter, r *http.Request, q *query) error {
	from, to, err := q.dateRange()
	if err != nil {
		return err
	}
	n, err := q.limit()
	if err != nil {
		return err
	}
	off, err := q.offset()
	if err != nil {
		return err
	}
	docs, err := h.st.Documents(r.Context(), store.DocFilter{From: from, To: to, Source: q.str("source"),
		Query: q.str("q"), Limit: n + 1, Offset: off})
	if err != nil {
		return err
	}
	out := DocumentList{Documents: []Document{}, NextOffset: nextOffset(len(docs), n, off)}
	for _, d := range docs[:min(len(docs), n)] {
		out.Documents = append(out.Documents, docSummary(d))
	}
	return writeJSON(w, http.StatusOK, out)
}

func docSummary(d store.DocSummary) Document {
	return Document{ID: d.ID, URL: d.URL, Title: d.Title, Published: d.Published, Source: d.Source, Sentences: d.Sentences}
}

// nextOffset returns the next page's offset when a query for n+1 rows
// got more than n, else nil.
func nextOffset(got, n, off int) *int {
	if got <= n {
		return nil
	}
	next := off + n
	return &next
}

func (h *Handler) getDocument(w http.ResponseWriter, r *http.Request, q *query) error {
	d, err := h.st.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	out := DocumentDetail{
		Document: docSummary(d.DocSummary), Kind: d.Kind, Body: d.Body, ContentHash: d.ContentHash,
		Warnings: d.Warnings, Annotations: d.Annotations,
		Events: d.Record.Events, Meetings: d.Record.Meetings, Quotes: d.Record.Quotes, Measures: d.Record.Measures,
		Issues: d.Record.Issues,
	}
	if out.Issues == nil {
		out.Issues = []record.IssueUpdate{}
	}
	if out.Warnings == nil {
		out.Warnings = []string{}
	}
	if out.Annotations == nil {
		out.Annotations = json.RawMessage("null")
	}
	return writeJSON(w, http.StatusOK, DocumentResponse{Document: out})
}

func (h *Handler) createDocument(w http.ResponseWriter, r *http.Request, q *query) error {
	if h.opts.WriteToken == "" {
		return &httpError{http.StatusForbidden, "read_only", "this server is read-only; start it with a write token to ingest"}
	}
	auth := r.Header.Get("Authorization")
	token, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || token == "" {
		return &httpError{http.StatusUnauthorized, "unauthorized", "send the write token as Authorization: Bearer TOKEN"}
	}
	if !constantTimeEqual(token, h.opts.WriteToken) {
		return &httpError{http.StatusForbidden, "forbidden", "the token is not this server's write token"}
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return &httpError{http.StatusUnsupportedMediaType, "unsupported_media_type", "send the document as application/json"}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxBody))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return err
		}
		return &httpError{http.StatusBadRequest, "bad_body", "reading the request body: " + err.Error()}
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil || obj == nil {
		return &httpError{http.StatusBadRequest, "bad_body", "the body must be a JSON object {id, url, title, published, source, text or html}"}
	}
	for k := range obj {
		if !slices.Contains([]string{"id", "url", "title", "published", "source", "text", "html"}, k) {
			return &httpError{http.StatusBadRequest, "bad_body", "unknown field " + strings.Trim(string(mustJSON(k)), `"`)}
		}
	}
	var line bytes.Buffer
	if err := json.Compact(&line, body); err != nil {
		return &httpError{http.StatusBadRequest, "bad_body", "the body is not valid JSON"}
	}
	arts, errs := ingest.ReadBytes("request.jsonl", line.Bytes(), ingest.Options{MaxBytes: h.opts.MaxBody})
	if len(errs) > 0 || len(arts) != 1 {
		msg := "the document could not be read"
		if len(errs) > 0 {
			var ie *ingest.Error
			if errors.As(errs[0], &ie) {
				msg = ie.Reason
			} else {
				msg = errs[0].Error()
			}
		}
		return &httpError{http.StatusBadRequest, "bad_document", msg}
	}
	a := arts[0]
	res := h.opts.Pipeline.Analyze(a)
	saved, err := h.st.SaveDocument(r.Context(), a, res.Record, res.Sentences, res.Annotations, false)
	if err != nil {
		return err
	}
	if !saved {
		return &httpError{http.StatusConflict, "duplicate", "a document with this id or the same text is already stored"}
	}
	w.Header().Set("Location", Prefix+"/documents/"+pathEscape(a.ID))
	warnings := a.Warnings
	if warnings == nil {
		warnings = []string{}
	}
	return writeJSON(w, http.StatusCreated, IngestResponse{
		Document: Document{ID: a.ID, URL: a.URL, Title: a.Title, Published: a.PublishedDate(), Source: a.Source, Sentences: res.Sentences},
		Events:   len(res.Record.Events), Meetings: len(res.Record.Meetings), Quotes: len(res.Record.Quotes),
		Measures: len(res.Record.Measures), Warnings: warnings,
	})
}

func mustJSON(s string) []byte {
	b, _ := json.Marshal(s) // a string always encodes
	return b
}

func (h *Handler) listEvents(w http.ResponseWriter, r *http.Request, q *query) error {
	var eq store.EventQuery
	var err error
	if eq.Dyad, err = q.dyad("dyad"); err != nil {
		return err
	}
	if eq.Actor = strings.ToUpper(q.str("actor")); eq.Actor != "" && !isActor(eq.Actor) {
		return badParam("actor must be a country code (RUS) or an actor code (RUSGOV)")
	}
	if eq.Code = q.str("code"); eq.Code != "" && !isDigits(eq.Code, 2, 4) {
		return badParam("code must be a CAMEO code of 2 to 4 digits")
	}
	if eq.Root = q.str("root"); eq.Root != "" && !isDigits(eq.Root, 2, 2) {
		return badParam("root must be a two-digit CAMEO root")
	}
	if eq.PLOVER = strings.ToUpper(q.str("plover")); eq.PLOVER != "" {
		if _, ok := h.plover[eq.PLOVER]; !ok {
			return badParam("plover must be one of %s", strings.Join(h.types, ", "))
		}
	}
	if eq.Quad, err = q.intIn("quad", 1, 4, 0); err != nil {
		return err
	}
	if eq.From, eq.To, err = q.dateRange(); err != nil {
		return err
	}
	if eq.Status = q.str("status"); eq.Status != "" && !slices.Contains([]string{record.StatusReported, record.StatusProposed,
		record.StatusPlanned, record.StatusDenied, record.StatusHypothetical}, eq.Status) {
		return badParam("status must be reported, proposed, planned, denied or hypothetical")
	}
	eq.DocID = q.str("doc")
	if eq.Limit, err = q.limit(); err != nil {
		return err
	}
	if eq.After, err = decodeCursor(q.str("cursor")); err != nil {
		return err
	}
	rows, next, err := h.st.EventPage(r.Context(), eq)
	if err != nil {
		return err
	}
	out := EventList{Events: make([]Event, 0, len(rows)), NextCursor: encodeCursor(next)}
	for _, e := range rows {
		out.Events = append(out.Events, Event{DocRef: docRef(e.DocID, e.DocTitle, e.DocPublished), Event: e.Event})
	}
	return writeJSON(w, http.StatusOK, out)
}

// isActor reports whether s is a country code or a country+sector code.
func isActor(s string) bool {
	if len(s) < 3 || len(s) > 12 {
		return false
	}
	for _, c := range []byte(s) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// recordQuery reads the parameters shared by meetings, quotes and measures.
func recordQuery(q *query, countryParam string) (store.RecordQuery, error) {
	var rq store.RecordQuery
	var err error
	if rq.Dyad, err = q.dyad("dyad"); err != nil {
		return rq, err
	}
	if rq.Country, err = q.country(countryParam); err != nil {
		return rq, err
	}
	rq.DocID = q.str("doc")
	if rq.Limit, err = q.limit(); err != nil {
		return rq, err
	}
	if rq.Offset, err = q.offset(); err != nil {
		return rq, err
	}
	rq.Limit++ // one more tells whether there is a next page
	return rq, nil
}

func (h *Handler) listMeetings(w http.ResponseWriter, r *http.Request, q *query) error {
	rq, err := recordQuery(q, "party")
	if err != nil {
		return err
	}
	rq.Kind = q.str("kind")
	rows, err := h.st.Meetings(r.Context(), rq)
	if err != nil {
		return err
	}
	n := rq.Limit - 1
	out := MeetingList{Meetings: []Meeting{}, NextOffset: nextOffset(len(rows), n, rq.Offset)}
	for _, m := range rows[:min(len(rows), n)] {
		out.Meetings = append(out.Meetings, Meeting{DocRef: docRef(m.DocID, m.DocTitle, m.DocPublished), Meeting: m.Meeting})
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *Handler) listQuotes(w http.ResponseWriter, r *http.Request, q *query) error {
	rq, err := recordQuery(q, "speaker")
	if err != nil {
		return err
	}
	rows, err := h.st.Quotes(r.Context(), rq)
	if err != nil {
		return err
	}
	n := rq.Limit - 1
	out := QuoteList{Quotes: []Quote{}, NextOffset: nextOffset(len(rows), n, rq.Offset)}
	for _, m := range rows[:min(len(rows), n)] {
		out.Quotes = append(out.Quotes, Quote{DocRef: docRef(m.DocID, m.DocTitle, m.DocPublished), Quote: m.Quote})
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *Handler) listMeasures(w http.ResponseWriter, r *http.Request, q *query) error {
	rq, err := recordQuery(q, "country")
	if err != nil {
		return err
	}
	rq.Kind = q.str("kind")
	rows, err := h.st.Measures(r.Context(), rq)
	if err != nil {
		return err
	}
	n := rq.Limit - 1
	out := MeasureList{Measures: []Measure{}, NextOffset: nextOffset(len(rows), n, rq.Offset)}
	for _, m := range rows[:min(len(rows), n)] {
		out.Measures = append(out.Measures, Measure{DocRef: docRef(m.DocID, m.DocTitle, m.DocPublished), Measure: m.Measure})
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *Handler) listDyads(w http.ResponseWriter, r *http.Request, q *query) error {
	n, err := q.intIn("limit", 1, 100, 20)
	if err != nil {
		return err
	}
	ds, err := h.st.BusiestDyads(r.Context(), n)
	if err != nil {
		return err
	}
	out := DyadList{Dyads: make([]DyadCount, 0, len(ds))}
	for _, d := range ds {
		out.Dyads = append(out.Dyads, dyadCount(d))
	}
	return writeJSON(w, http.StatusOK, out)
}

// pathDyad reads the {dyad} path value.
func pathDyad(r *http.Request) (a, b string, err error) {
	return parseDyad(r.PathValue("dyad"))
}

func (h *Handler) getDyad(w http.ResponseWriter, r *http.Request, q *query) error {
	a, b, err := pathDyad(r)
	if err != nil {
		return err
	}
	s, err := h.st.DyadSummary(r.Context(), store.NewDyad(a, b))
	if err != nil {
		return err
	}
	out := DyadSummary{Dyad: a + "-" + b, A: a, B: b, Events: s.Events, AToB: s.AToB, BToA: s.BToA,
		Reciprocal: s.Reciprocal, Cooperation: s.Cooperation, Conflict: s.Conflict,
		MeanGoldstein: round3(s.MeanGoldstein), First: s.First, Last: s.Last, PLOVER: s.PLOVER,
		Meetings: s.Meetings, Quotes: s.Quotes, Measures: s.Measures}
	if s.Dyad.A != a { // the store counts from the sorted pair's first country
		out.AToB, out.BToA = s.BToA, s.AToB
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *Handler) getSeries(w http.ResponseWriter, r *http.Request, q *query) error {
	a, b, err := pathDyad(r)
	if err != nil {
		return err
	}
	sq := store.SeriesQuery{Dyad: store.NewDyad(a, b), Interval: q.str("interval"), PLOVERScore: h.plover}
	if sq.Interval == "" {
		sq.Interval = store.IntervalMonth
	}
	if !slices.Contains([]string{store.IntervalDay, store.IntervalWeek, store.IntervalMonth}, sq.Interval) {
		return badParam("interval must be day, week or month")
	}
	if sq.From, sq.To, err = q.dateRange(); err != nil {
		return err
	}
	pts, err := h.st.Series(r.Context(), sq)
	if err != nil {
		return err
	}
	out := Series{Dyad: a + "-" + b, Interval: sq.Interval, Points: make([]SeriesPoint, 0, len(pts))}
	for _, p := range pts {
		out.Points = append(out.Points, SeriesPoint{Period: p.Period, Events: p.Events, Cooperation: p.Cooperation,
			Conflict: p.Conflict, MeanGoldstein: round3(p.MeanGoldstein), MeanPLOVERScore: round3(p.MeanPLOVER)})
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *Handler) listDossiers(w http.ResponseWriter, r *http.Request, q *query) error {
	if q.str("dyad") == "" {
		return badParam("dyad is required: two countries like USA-RUS")
	}
	a, b, err := parseDyad(q.str("dyad"))
	if err != nil {
		return err
	}
	ds, err := h.st.Dossiers(r.Context(), store.NewDyad(a, b), q.str("topic"))
	if err != nil {
		return err
	}
	out := DossierList{Dyad: a + "-" + b, Dossiers: make([]Dossier, 0, len(ds))}
	for _, d := range ds {
		x := Dossier{Topic: d.Topic, Status: d.Status, Date: d.Date, Updates: make([]DossierUpdate, 0, len(d.Updates))}
		for _, u := range d.Updates {
			x.Updates = append(x.Updates, DossierUpdate{DocRef: docRef(u.DocID, u.DocTitle, u.DocPublished), IssueUpdate: u.Update})
		}
		out.Dossiers = append(out.Dossiers, x)
	}
	return writeJSON(w, http.StatusOK, out)
}
