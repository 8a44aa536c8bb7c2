package web

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parleyproject/parley/internal/record"
	"github.com/parleyproject/parley/internal/store"
)

// EventView is an event as the pages show it.
type EventView struct {
	DocID, DocTitle, DocPublished string
	Date                          string
	Source, Target                string // actor codes, "—" when missing
	Joint                         bool
	CAMEO, CAMEOName              string
	Goldstein                     float64
	PLOVER, Mode                  string
	Status                        string
	Place                         string
	Sentence                      int
	Evidence                      []Seg
}

func (h *Handler) eventView(docID, title, published string, ev *record.Event) EventView {
	v := EventView{DocID: docID, DocTitle: title, DocPublished: published, Source: "—", Target: "—",
		Joint: ev.Reciprocal, CAMEO: ev.CAMEO, Goldstein: ev.Goldstein, PLOVER: ev.PLOVER.Event, Mode: ev.PLOVER.Mode,
		Status: ev.Status, Sentence: ev.Evidence.Sentence, Evidence: evidenceSegs(ev)}
	if ev.Date != nil {
		v.Date = *ev.Date
	} else if ev.Period != "" {
		v.Date = ev.Period
	}
	if ev.Source != nil && ev.Source.Code != "" {
		v.Source = ev.Source.Code
	}
	if ev.Target != nil && ev.Target.Code != "" {
		v.Target = ev.Target.Code
	}
	if c, ok := h.codes.Lookup(ev.CAMEO); ok {
		v.CAMEOName = c.Name
	}
	if ev.Location != nil {
		v.Place = ev.Location.Name
	}
	return v
}

func (h *Handler) eventViews(rows []store.EventRow) []EventView {
	out := make([]EventView, len(rows))
	for i := range rows {
		out[i] = h.eventView(rows[i].DocID, rows[i].DocTitle, rows[i].DocPublished, &rows[i].Event)
	}
	return out
}

// dyadCache keeps the busiest dyads for a minute: counting them reads the
// whole events index.
type dyadCache struct {
	mu   sync.Mutex
	at   time.Time
	list []store.DyadCount
}

func (h *Handler) busiestDyads(r *http.Request, n int) ([]store.DyadCount, error) {
	c := &h.busiest
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.list != nil && time.Since(c.at) < time.Minute {
		return c.list[:min(n, len(c.list))], nil
	}
	list, err := h.st.BusiestDyads(r.Context(), n)
	if err != nil {
		return nil, err
	}
	c.list, c.at = list, time.Now()
	return list, nil
}

type homePage struct {
	Title  string
	Counts store.Counts
	Docs   []store.DocSummary
	Events []EventView
	Dyads  []store.DyadCount
}

func (h *Handler) home(w http.ResponseWriter, r *http.Request) (string, any, error) {
	ctx := r.Context()
	p := homePage{Title: "parley"}
	var err error
	if p.Counts, err = h.st.Counts(ctx); err != nil {
		return "", nil, err
	}
	if p.Docs, err = h.st.Documents(ctx, store.DocFilter{Limit: 10}); err != nil {
		return "", nil, err
	}
	rows, _, err := h.st.EventPage(ctx, store.EventQuery{Limit: 10})
	if err != nil {
		return "", nil, err
	}
	p.Events = h.eventViews(rows)
	if p.Dyads, err = h.busiestDyads(r, 10); err != nil {
		return "", nil, err
	}
	return "home", p, nil
}

// MeetingView is a meeting on the contact timeline.
type MeetingView struct {
	DocID, DocTitle string
	Date            string
	Kind            string
	Place, Venue    string
	Round           int
	Duration        string
	Participants    []string
	Topics          []string
	Excluded        []string
	Outcomes        []string
	Sentence        int
}

func meetingView(m *store.MeetingRow) MeetingView {
	v := MeetingView{DocID: m.DocID, DocTitle: m.DocTitle, Kind: m.Meeting.Kind, Place: m.Meeting.Place,
		Venue: m.Meeting.Venue, Round: m.Meeting.Round, Duration: m.Meeting.Duration, Topics: m.Meeting.Topics,
		Excluded: m.Meeting.ExcludedTopics, Outcomes: m.Meeting.Outcomes, Sentence: -1}
	if m.Meeting.Date != nil {
		v.Date = *m.Meeting.Date
	}
	if v.Date == "" {
		v.Date = m.DocPublished
	}
	if v.Place != "" && m.Meeting.Country != "" {
		v.Place += ", " + m.Meeting.Country
	}
	for _, p := range m.Meeting.Participants {
		s := p.Name
		if p.Title != "" {
			s += " (" + p.Title + ")"
		}
		if p.Country != "" {
			s += " · " + p.Country
		}
		if p.Role != "" {
			s += " — " + p.Role
		}
		v.Participants = append(v.Participants, s)
	}
	if len(m.Meeting.Evidence) > 0 {
		v.Sentence = m.Meeting.Evidence[0].Sentence
	}
	return v
}

// QuoteView is a quote on a page.
type QuoteView struct {
	DocID, DocTitle, DocPublished string
	Speaker, Title, Country       string
	Text, Cue                     string
	Social                        bool
	Sentence                      int
	Side                          string // "a" or "b" on a dyad page
}

func quoteView(q *store.QuoteRow) QuoteView {
	return QuoteView{DocID: q.DocID, DocTitle: q.DocTitle, DocPublished: q.DocPublished, Speaker: q.Quote.Speaker.Name,
		Title: q.Quote.Speaker.Title, Country: q.Quote.Speaker.Country, Text: q.Quote.Text, Cue: q.Quote.Cue,
		Social: q.Quote.Social, Sentence: q.Quote.Evidence.Sentence}
}

// MeasureView is a row of the measures ledger.
type MeasureView struct {
	DocID, DocTitle string
	Anchor          string
	ID              string
	Date            string
	By, Against     string
	Kind, Size      string
	Reversal        bool
	Sentence        int
	// Answers is the measure this one responds to, when known; AnswerOf
	// lists the measures that respond to this one.
	Answers  *MeasureRef
	AnswerOf []MeasureRef
}

// MeasureRef links to another measure of the ledger.
type MeasureRef struct {
	Anchor, Label string
	InLedger      bool
}

// measureLedger builds the ledger rows and links each measure to the one
// it answers and to those answering it (response chains).
func measureLedger(rows []store.MeasureRow) []MeasureView {
	out := make([]MeasureView, len(rows))
	byID := map[string]int{}
	for i := range rows {
		m := &rows[i].Measure
		v := MeasureView{DocID: rows[i].DocID, DocTitle: rows[i].DocTitle, ID: m.ID, By: m.By, Against: m.Against,
			Kind: strings.ReplaceAll(m.Kind, "_", " "), Size: m.Size, Reversal: m.Reversal, Sentence: m.Evidence.Sentence,
			Anchor: "m" + strconv.Itoa(i)}
		if m.Date != nil {
			v.Date = *m.Date
		}
		if m.ID != "" {
			if _, dup := byID[m.ID]; !dup {
				byID[m.ID] = i
			}
		}
		out[i] = v
	}
	for i := range rows {
		target := rows[i].Measure.InResponseTo
		if target == "" {
			continue
		}
		if j, ok := byID[target]; ok && j != i {
			out[i].Answers = &MeasureRef{Anchor: out[j].Anchor, Label: out[j].By + " " + out[j].Kind + " " + out[j].Date, InLedger: true}
			out[j].AnswerOf = append(out[j].AnswerOf, MeasureRef{Anchor: out[i].Anchor, Label: out[i].By + " " + out[i].Kind + " " + out[i].Date, InLedger: true})
		} else {
			out[i].Answers = &MeasureRef{Label: target}
		}
	}
	return out
}

type dyadPage struct {
	Title      string
	A, B       string
	Summary    *store.DyadSummary
	AToB, BToA int
	Chart      template.HTML
	Months     []store.SeriesPoint
	Meetings   []MeetingView
	Contacts   []EventView
	Measures   []MeasureView
	Types      []TypeCount
	QuotesA    []QuoteView
	QuotesB    []QuoteView
	Events     []EventView
	Dossiers   []DossierView
	EventsURL  string
}

// TypeCount is how many events of a PLOVER type a dyad has.
type TypeCount struct {
	Type  string
	Count int
	Tone  float64 // the type's PLOVER score, for colour
}

// DossierView is an open issue with its latest status and history.
type DossierView struct {
	Topic, Status, Date string
	Class               string // status as a CSS class
	Updates             []IssueView
}

// IssueView is one status change of an issue.
type IssueView struct {
	DocID, DocTitle string
	Date, Status    string
	Cause           string
	Sentence        int
	Text            string
}

func issueView(docID, title, published string, u *record.IssueUpdate) IssueView {
	v := IssueView{DocID: docID, DocTitle: title, Date: published, Status: u.Status, Cause: u.Cause,
		Sentence: u.Evidence.Sentence, Text: u.Evidence.Text}
	if u.Date != nil && *u.Date != "" {
		v.Date = *u.Date
	}
	return v
}

// statusClass turns an issue status into a CSS class name.
func statusClass(s string) string {
	return "st-" + strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), " ", "-")
}

func (h *Handler) dyad(w http.ResponseWriter, r *http.Request) (string, any, error) {
	raw := r.PathValue("dyad")
	a, b, ok := store.ParseDyad(raw)
	if !ok {
		return "", nil, errNotFound("A dyad is two different three-letter country codes, like /dyads/USA-RUS.")
	}
	if canonical := a + "-" + b; raw != canonical {
		http.Redirect(w, r, "/dyads/"+canonical, http.StatusMovedPermanently)
		return "", nil, nil
	}
	ctx := r.Context()
	d := store.NewDyad(a, b)
	p := dyadPage{Title: a + " – " + b, A: a, B: b,
		EventsURL: "/events?" + url.Values{"dyad": {a + "-" + b}}.Encode()}
	var err error
	var pts []store.SeriesPoint
	if p.Summary, pts, err = h.st.DyadOverview(ctx, d, h.plover); err != nil {
		return "", nil, err
	}
	p.AToB, p.BToA = p.Summary.AToB, p.Summary.BToA
	for t, n := range p.Summary.PLOVER {
		p.Types = append(p.Types, TypeCount{Type: t, Count: n, Tone: h.plover[t]})
	}
	sort.Slice(p.Types, func(i, j int) bool {
		if p.Types[i].Count != p.Types[j].Count {
			return p.Types[i].Count > p.Types[j].Count
		}
		return p.Types[i].Type < p.Types[j].Type
	})
	if d.A != a {
		p.AToB, p.BToA = p.BToA, p.AToB
	}
	p.Chart = trendChart(pts, "Relations between "+a+" and "+b+" by month")
	for i := len(pts) - 1; i >= 0 && len(p.Months) < 24; i-- {
		p.Months = append(p.Months, pts[i])
	}
	meetings, err := h.st.Meetings(ctx, store.RecordQuery{Dyad: d, Limit: 30})
	if err != nil {
		return "", nil, err
	}
	for i := range meetings {
		p.Meetings = append(p.Meetings, meetingView(&meetings[i]))
	}
	if len(p.Meetings) == 0 {
		// Without meeting records, consultations stand in on the timeline.
		rows, _, err := h.st.EventPage(ctx, store.EventQuery{Dyad: d, PLOVER: "CONSULT", Limit: 20})
		if err != nil {
			return "", nil, err
		}
		p.Contacts = h.eventViews(rows)
	}
	measures, err := h.st.Measures(ctx, store.RecordQuery{Dyad: d, Limit: 100})
	if err != nil {
		return "", nil, err
	}
	p.Measures = measureLedger(measures)
	// The latest quotes of each side, so one talkative side does not
	// crowd out the other.
	for _, side := range []struct{ country, class string }{{a, "a"}, {b, "b"}} {
		quotes, err := h.st.Quotes(ctx, store.RecordQuery{Dyad: d, Country: side.country, Limit: 6})
		if err != nil {
			return "", nil, err
		}
		for i := range quotes {
			q := quoteView(&quotes[i])
			q.Side = side.class
			if side.class == "a" {
				p.QuotesA = append(p.QuotesA, q)
			} else {
				p.QuotesB = append(p.QuotesB, q)
			}
		}
	}
	rows, _, err := h.st.EventPage(ctx, store.EventQuery{Dyad: d, Limit: 12})
	if err != nil {
		return "", nil, err
	}
	p.Events = h.eventViews(rows)
	dossiers, err := h.st.Dossiers(ctx, d, "")
	if err != nil {
		return "", nil, err
	}
	for _, x := range dossiers {
		v := DossierView{Topic: x.Topic, Status: x.Status, Date: x.Date, Class: statusClass(x.Status)}
		for i := range x.Updates {
			u := &x.Updates[i]
			v.Updates = append(v.Updates, issueView(u.DocID, u.DocTitle, u.DocPublished, &u.Update))
		}
		p.Dossiers = append(p.Dossiers, v)
	}
	return "dyad", p, nil
}

type eventsPage struct {
	Title    string
	Form     eventForm
	Types    []string
	Statuses []string
	Events   []EventView
	NextURL  string
	Error    string
}

// eventForm holds the filter form's values as typed.
type eventForm struct {
	Dyad, Actor, Code, PLOVER, Quad, Status, From, To, Doc string
}

func (h *Handler) events(w http.ResponseWriter, r *http.Request) (string, any, error) {
	v := r.URL.Query()
	f := eventForm{Dyad: v.Get("dyad"), Actor: v.Get("actor"), Code: v.Get("code"), PLOVER: v.Get("plover"),
		Quad: v.Get("quad"), Status: v.Get("status"), From: v.Get("from"), To: v.Get("to"), Doc: v.Get("doc")}
	p := eventsPage{Title: "Events", Form: f, Types: h.types,
		Statuses: []string{record.StatusReported, record.StatusProposed, record.StatusPlanned, record.StatusDenied, record.StatusHypothetical}}
	q, msg := h.eventQuery(f)
	if msg == "" {
		var err error
		if q.After, err = store.ParseEventCursor(v.Get("cursor")); err != nil {
			msg = "The page link is broken; start from the first page."
		}
	}
	if msg != "" {
		p.Error = msg
		return "events", p, errBadRequest(msg)
	}
	q.Limit = 50
	rows, next, err := h.st.EventPage(r.Context(), q)
	if err != nil {
		return "", nil, err
	}
	p.Events = h.eventViews(rows)
	if next != nil {
		nv := url.Values{}
		for k, vals := range v {
			if k != "cursor" && len(vals) > 0 && vals[0] != "" {
				nv.Set(k, vals[0])
			}
		}
		nv.Set("cursor", next.String())
		p.NextURL = "/events?" + nv.Encode()
	}
	return "events", p, nil
}

// eventQuery checks the filter form; msg says what is wrong.
func (h *Handler) eventQuery(f eventForm) (q store.EventQuery, msg string) {
	if s := strings.TrimSpace(f.Dyad); s != "" {
		a, b, ok := store.ParseDyad(s)
		if !ok {
			return q, "A dyad is two different three-letter country codes, like USA-RUS."
		}
		q.Dyad = store.NewDyad(a, b)
	}
	if s := strings.ToUpper(strings.TrimSpace(f.Actor)); s != "" {
		if len(s) < 3 || len(s) > 12 || strings.IndexFunc(s, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0 {
			return q, "An actor is a country code (RUS) or an actor code (RUSGOV)."
		}
		q.Actor = s
	}
	if s := strings.TrimSpace(f.Code); s != "" {
		if len(s) < 2 || len(s) > 4 || strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return q, "A CAMEO code has 2 to 4 digits."
		}
		if len(s) == 2 {
			q.Root = s
		} else {
			q.Code = s
		}
	}
	if s := strings.ToUpper(strings.TrimSpace(f.PLOVER)); s != "" {
		if _, ok := h.plover[s]; !ok {
			return q, "Unknown PLOVER type."
		}
		q.PLOVER = s
	}
	if s := strings.TrimSpace(f.Quad); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 4 {
			return q, "The quad class is 1 to 4."
		}
		q.Quad = n
	}
	if s := strings.TrimSpace(f.Status); s != "" {
		if !slices.Contains([]string{record.StatusReported, record.StatusProposed, record.StatusPlanned, record.StatusDenied, record.StatusHypothetical}, s) {
			return q, "Unknown status."
		}
		q.Status = s
	}
	for _, d := range []struct {
		s   string
		dst *time.Time
	}{{f.From, &q.From}, {f.To, &q.To}} {
		if s := strings.TrimSpace(d.s); s != "" {
			t, err := time.Parse(time.DateOnly, s)
			if err != nil {
				return q, "Dates are written YYYY-MM-DD."
			}
			*d.dst = t
		}
	}
	q.DocID = strings.TrimSpace(f.Doc)
	return q, ""
}

type documentPage struct {
	Title      string
	Doc        *store.Doc
	Paragraphs []Paragraph
	Events     []EventView
	Meetings   []MeetingView
	Quotes     []QuoteView
	Measures   []MeasureView
	Issues     []IssueView
}

func (h *Handler) document(w http.ResponseWriter, r *http.Request) (string, any, error) {
	d, err := h.st.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		return "", nil, err
	}
	p := documentPage{Title: d.Title, Doc: d, Paragraphs: documentParagraphs(d.Body, d.Record, d.Annotations)}
	if p.Title == "" {
		p.Title = d.ID
	}
	for i := range d.Record.Events {
		p.Events = append(p.Events, h.eventView(d.ID, d.Title, d.Published, &d.Record.Events[i]))
	}
	for i := range d.Record.Meetings {
		p.Meetings = append(p.Meetings, meetingView(&store.MeetingRow{DocID: d.ID, DocTitle: d.Title, DocPublished: d.Published, Ord: i, Meeting: d.Record.Meetings[i]}))
	}
	for i := range d.Record.Quotes {
		p.Quotes = append(p.Quotes, quoteView(&store.QuoteRow{DocID: d.ID, DocTitle: d.Title, DocPublished: d.Published, Ord: i, Quote: d.Record.Quotes[i]}))
	}
	ms := make([]store.MeasureRow, len(d.Record.Measures))
	for i := range d.Record.Measures {
		ms[i] = store.MeasureRow{DocID: d.ID, DocTitle: d.Title, DocPublished: d.Published, Ord: i, Measure: d.Record.Measures[i]}
	}
	p.Measures = measureLedger(ms)
	for i := range d.Record.Issues {
		p.Issues = append(p.Issues, issueView(d.ID, d.Title, d.Published, &d.Record.Issues[i]))
	}
	return "document", p, nil
}

type searchPage struct {
	Title    string
	Q        string
	Results  []store.DocSummary
	Searched bool
}

func (h *Handler) search(w http.ResponseWriter, r *http.Request) (string, any, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	p := searchPage{Title: "Search", Q: q}
	if q == "" {
		return "search", p, nil
	}
	if len(q) > 500 {
		return "", nil, errBadRequest("The search is too long.")
	}
	p.Title = "Search: " + q
	p.Searched = true
	var err error
	if p.Results, err = h.st.Documents(r.Context(), store.DocFilter{Query: q, Limit: 50}); err != nil {
		return "", nil, err
	}
	return "search", p, nil
}
