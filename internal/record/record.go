// Package record defines parley's document record: the JSON contract of
// `parley extract` (SPEC §3), shared by the coder, the store, the API and
// the evaluation. Field names and JSON tags are a contract; do not rename.
package record

// Format is the value of Document.Format for this version of the contract.
const Format = "parley/1"

// Status values of an event (SPEC §3). Only StatusReported counts in scoring.
const (
	StatusReported     = "reported"
	StatusProposed     = "proposed"
	StatusPlanned      = "planned"
	StatusDenied       = "denied"
	StatusHypothetical = "hypothetical"
)

// Date precisions. Date is set only for PrecisionDay; Period holds the
// coarser value ("2022-02", "2022", "2025-W09") otherwise.
const (
	PrecisionDay     = "day"
	PrecisionWeek    = "week"
	PrecisionMonth   = "month"
	PrecisionYear    = "year"
	PrecisionUnknown = "unknown"
)

// Document is one input document with everything parley found in it.
type Document struct {
	Format    string    `json:"format"`
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Published string    `json:"published"` // YYYY-MM-DD or ""
	Source    string    `json:"source"`
	Events    []Event   `json:"events"`
	Meetings  []Meeting `json:"meetings"`
	Quotes    []Quote   `json:"quotes"`
	Measures  []Measure `json:"measures"`
	// Issues are the issue-dossier updates the document reports.
	Issues []IssueUpdate `json:"issues"`
}

// Actor is a resolved actor: a state (or international body) and a sector,
// with the name of the person or institution when known.
type Actor struct {
	// Code is Country+Sector, GDELT style ("USAGOV").
	Code string `json:"code"`
	// Country is an ISO 3166-1 alpha-3 code or a CAMEO body code (UNO, EUR, NAT, …).
	Country string `json:"country"`
	// Sector is a CAMEO/PLOVER role code (GOV, MIL, LEG, …) or "".
	Sector string `json:"sector"`
	// Name is the person's or institution's name when known.
	Name string `json:"name,omitempty"`
	// Title is the person's title when known ("Foreign Minister").
	Title string `json:"title,omitempty"`
	// Org is the international body's code when the actor belongs to one.
	Org string `json:"org,omitempty"`
	// Text is the span of the sentence that names the actor.
	Text string `json:"text"`
}

// PLOVER is the PLOVER event type and mode of an event.
type PLOVER struct {
	Event string `json:"event"`
	Mode  string `json:"mode"`
}

// Location is where an event took place.
type Location struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// Evidence ties a fact to the text it came from. Start and End are byte
// offsets into the document body (half-open); Text is the whole sentence.
type Evidence struct {
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text,omitempty"`
	Trigger  string `json:"trigger,omitempty"`
	// Field names the fact a meeting's evidence supports ("date",
	// "participant", "topic", …); empty for events, quotes and measures.
	Field string `json:"field,omitempty"`
}

// Event is one coded event (SPEC §3).
type Event struct {
	ID            string    `json:"id"`
	Date          *string   `json:"date"` // YYYY-MM-DD, only at day precision
	DatePrecision string    `json:"date_precision"`
	Period        string    `json:"period,omitempty"` // coarser date: "2022-02", "2022"
	Source        *Actor    `json:"source"`
	Target        *Actor    `json:"target"`
	Reciprocal    bool      `json:"reciprocal"`
	CAMEO         string    `json:"cameo"`
	CAMEORoot     string    `json:"cameo_root"`
	QuadClass     int       `json:"quad_class"`
	Goldstein     float64   `json:"goldstein"`
	PLOVER        PLOVER    `json:"plover"`
	Status        string    `json:"status"`
	Location      *Location `json:"location"`
	Evidence      Evidence  `json:"evidence"`
}

// Participant is a person taking part in a meeting.
type Participant struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	Title   string `json:"title,omitempty"`
	Role    string `json:"role,omitempty"` // "head of delegation", …
}

// Meeting is a meeting, call or round of talks (SPEC §3).
type Meeting struct {
	ID             string        `json:"id"`
	Kind           string        `json:"kind"` // "meeting", "call", "talks", "visit"
	Date           *string       `json:"date"`
	DatePrecision  string        `json:"date_precision"`
	Place          string        `json:"place,omitempty"`
	Country        string        `json:"country,omitempty"`
	Venue          string        `json:"venue,omitempty"`
	Parties        []string      `json:"parties"`
	Round          int           `json:"round,omitempty"`
	Duration       string        `json:"duration,omitempty"`
	Participants   []Participant `json:"participants"`
	Topics         []string      `json:"topics"`
	ExcludedTopics []string      `json:"excluded_topics"`
	Outcomes       []string      `json:"outcomes"`
	Evidence       []Evidence    `json:"evidence"`
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
	Title   string `json:"title,omitempty"`
}

// Quote is a direct quotation attributed to its speaker (SPEC §3).
type Quote struct {
	Speaker  Speaker  `json:"speaker"`
	Text     string   `json:"text"`
	Cue      string   `json:"cue"`
	Social   bool     `json:"social,omitempty"` // from an embedded social-media post
	Evidence Evidence `json:"evidence"`
}

// Measure is a step one state takes against another's presence or
// interests, or its reversal (SPEC §3).
type Measure struct {
	ID            string   `json:"id"`
	By            string   `json:"by"`
	Against       string   `json:"against"`
	Kind          string   `json:"kind"` // expulsion, staffing_cap, closure, …
	Reversal      bool     `json:"reversal,omitempty"`
	Size          string   `json:"size,omitempty"`
	Date          *string  `json:"date"`
	DatePrecision string   `json:"date_precision"`
	InResponseTo  string   `json:"in_response_to,omitempty"`
	Evidence      Evidence `json:"evidence"`
	// Period is the coarser date ("2022-02", "2022") when Date is unset.
	Period string `json:"period,omitempty"`
	// Reciprocal marks measures both states took against each other
	// ("tit-for-tat expulsions"): By and Against are then unordered.
	Reciprocal bool `json:"reciprocal,omitempty"`
}

// Issue statuses of an IssueUpdate, in the order an issue usually moves.
const (
	IssueRaised           = "raised"
	IssueUnderNegotiation = "under negotiation"
	IssueStepsAgreed      = "steps agreed"
	IssueResolved         = "resolved"
	IssueWorsened         = "worsened"
)

// IssueUpdate is a change in the status of an open issue between two
// states (an issue-dossier entry): the topic, the new status and the event
// or meeting that caused it.
type IssueUpdate struct {
	// Topic is the issue's key ("banking", "staffing", "visas", …).
	Topic string `json:"topic"`
	// Parties are the two states, sorted.
	Parties []string `json:"parties"`
	// Status is one of the Issue* constants.
	Status string `json:"status"`
	// Date is the day of the change (YYYY-MM-DD) when known.
	Date          *string `json:"date"`
	DatePrecision string  `json:"date_precision"`
	// Cause is the id of the event, meeting or measure behind the change.
	Cause string `json:"cause,omitempty"`
	// Evidence is the sentence that reports the change.
	Evidence Evidence `json:"evidence"`
}
