package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/parleyproject/parley/internal/record"
)

// RelationFilter selects the record of one pair of states.
type RelationFilter struct {
	// A and B are the two countries (ISO alpha-3 or CAMEO body codes).
	A, B string
	// Since, when set, leaves out facts dated before it; undated facts
	// count from their document's publication date.
	Since time.Time
	// Statements is how many latest quotes to return per side (0: 5).
	Statements int
}

// Relation is the relationship of two states at a glance, as parley has
// stored it.
type Relation struct {
	// A and B are the pair as asked, upper-cased.
	A string `json:"a"`
	B string `json:"b"`
	// Contacts are the meetings, calls and visits between them, oldest
	// first (undated ones by publication date).
	Contacts []RelationMeeting `json:"contacts"`
	// Issues are the topics between them with their latest status, most
	// recently updated first, each with its history.
	Issues []RelationIssue `json:"issues"`
	// Measures are the measures each took against the other, oldest
	// first; a measure reported by several documents appears once.
	Measures []RelationMeasure `json:"measures"`
	// Statements are the latest quotes by speakers of A and of B.
	Statements []RelationQuote `json:"statements"`
	// Trend is the monthly summary of the events between them, oldest
	// first.
	Trend []RelationMonth `json:"trend"`
}

// RelationMeeting is a stored meeting with its (first) document; Reports
// counts the documents that report the same contact, whose participants
// are merged in.
type RelationMeeting struct {
	DocID     string `json:"doc_id"`
	Published string `json:"published,omitempty"`
	Reports   int    `json:"reports"`
	record.Meeting
}

// RelationMeasure is a stored measure with its document; Reports counts the
// documents that report the same measure.
type RelationMeasure struct {
	DocID     string `json:"doc_id"`
	Published string `json:"published,omitempty"`
	Reports   int    `json:"reports"`
	record.Measure
}

// RelationQuote is a stored quote with its document.
type RelationQuote struct {
	DocID     string `json:"doc_id"`
	Published string `json:"published,omitempty"`
	record.Quote
}

// RelationIssue is one topic between the pair: its latest status and the
// updates that led there, oldest first.
type RelationIssue struct {
	Topic   string        `json:"topic"`
	Status  string        `json:"status"`
	Date    string        `json:"date,omitempty"` // of the latest update, or its document's publication
	Updates []IssueUpdate `json:"updates"`
}

// IssueUpdate is a stored issue-dossier update with its document.
type IssueUpdate struct {
	DocID     string `json:"doc_id"`
	Published string `json:"published,omitempty"`
	record.IssueUpdate
}

// RelationMonth summarizes the reported events between the pair in one month
// ("2025-02"), dated by the event or else by its document.
type RelationMonth struct {
	Month     string  `json:"month"`
	Events    int     `json:"events"`
	Goldstein float64 `json:"goldstein"` // mean Goldstein score
	// Cooperation counts quad classes 1–2, Conflict 3–4.
	Cooperation int `json:"cooperation"`
	Conflict    int `json:"conflict"`
	// PLOVER counts the events by PLOVER event type.
	PLOVER map[string]int `json:"plover"`
	// PLOVERScore is the mean of +1 for cooperative and -1 for
	// conflictual PLOVER types (0 for neutral ones) in [-1, 1].
	PLOVERScore float64 `json:"plover_score"`
}

// ploverSign is +1 for the cooperative PLOVER event types, -1 for the
// conflictual ones.
var ploverSign = map[string]float64{
	"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "COOPERATE": 1, "AID": 1, "RETREAT": 1,
	"REQUEST": 0, "ACCUSE": -1, "REJECT": -1, "THREATEN": -1, "PROTEST": -1,
	"SANCTION": -1, "MOBILIZE": -1, "COERCE": -1, "ASSAULT": -1,
}

// Relation returns the record of the pair f names. Both codes are required.
func (s *Store) Relation(ctx context.Context, f RelationFilter) (*Relation, error) {
	a, b := strings.ToUpper(strings.TrimSpace(f.A)), strings.ToUpper(strings.TrimSpace(f.B))
	if a == "" || b == "" || a == b {
		return nil, fmt.Errorf("dyad: need two different countries, got %q and %q", f.A, f.B)
	}
	since := ""
	if !f.Since.IsZero() {
		since = f.Since.Format("2006-01-02")
	}
	d := &Relation{A: a, B: b, Contacts: []RelationMeeting{}, Issues: []RelationIssue{}, Measures: []RelationMeasure{}, Statements: []RelationQuote{}, Trend: []RelationMonth{}}
	if err := s.dyadMeetings(ctx, d, since); err != nil {
		return nil, err
	}
	if err := s.dyadMeasures(ctx, d, since); err != nil {
		return nil, err
	}
	if err := s.dyadIssues(ctx, d, since); err != nil {
		return nil, err
	}
	n := f.Statements
	if n <= 0 {
		n = 5
	}
	if err := s.dyadQuotes(ctx, d, since, n); err != nil {
		return nil, err
	}
	if err := s.dyadTrend(ctx, d, since); err != nil {
		return nil, err
	}
	return d, nil
}

// sinceClause is the condition that a fact's date, or else its document's
// publication, is on or after since.
func sinceClause(dateCol string) string {
	return "(COALESCE(" + dateCol + ", d.published, '') >= ?)"
}

// queryRecords runs q and calls fn with each row's doc id, publication
// date and record JSON.
func (s *Store) queryRecords(ctx context.Context, what, q string, args []any, fn func(docID, published string, rec []byte) error) error {
	rows, err := s.db.QueryContext(ctx, s.q(q), args...)
	if err != nil {
		return fmt.Errorf("reading dyad %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		var docID string
		var pub sql.NullString
		var data []byte
		if err := rows.Scan(&docID, &pub, &data); err != nil {
			return fmt.Errorf("reading dyad %s: %w", what, err)
		}
		if err := fn(docID, pub.String, data); err != nil {
			return fmt.Errorf("decoding dyad %s of document %s: %w", what, docID, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading dyad %s: %w", what, err)
	}
	return nil
}

func (s *Store) dyadMeetings(ctx context.Context, d *Relation, since string) error {
	q := `SELECT m.doc_id, d.published, m.record FROM meetings m JOIN documents d ON d.id = m.doc_id
		WHERE m.parties LIKE ? AND m.parties LIKE ?`
	args := []any{"%," + d.A + ",%", "%," + d.B + ",%"}
	if since != "" {
		q += " AND " + sinceClause("m.date")
		args = append(args, since)
	}
	q += ` ORDER BY COALESCE(m.date, d.published, ''), m.doc_id, m.ord`
	return s.queryRecords(ctx, "meetings", q, args, func(id, pub string, data []byte) error {
		m := RelationMeeting{DocID: id, Published: pub, Reports: 1}
		if err := json.Unmarshal(data, &m.Meeting); err != nil {
			return err
		}
		// The same contact reported by another document: same day, and
		// the same country (calls have none).
		for i := range d.Contacts {
			x := &d.Contacts[i]
			if x.DocID != id && x.Date != nil && m.Date != nil && *x.Date == *m.Date && x.Country == m.Country && (x.Kind == "call") == (m.Kind == "call") {
				x.Reports++
				for _, p := range m.Participants {
					if !hasParticipant(x.Participants, p.Name) {
						x.Participants = append(x.Participants, p)
					}
				}
				if x.Venue == "" {
					x.Venue = m.Venue
				}
				return nil
			}
		}
		d.Contacts = append(d.Contacts, m)
		return nil
	})
}

func hasParticipant(ps []record.Participant, name string) bool {
	last := func(s string) string {
		f := strings.Fields(s)
		if len(f) == 0 {
			return ""
		}
		return f[len(f)-1]
	}
	for _, p := range ps {
		if strings.EqualFold(last(p.Name), last(name)) {
			return true
		}
	}
	return false
}

func (s *Store) dyadMeasures(ctx context.Context, d *Relation, since string) error {
	q := `SELECT m.doc_id, d.published, m.record FROM measures m JOIN documents d ON d.id = m.doc_id
		WHERE ((m.by_country = ? AND m.against_country = ?) OR (m.by_country = ? AND m.against_country = ?))`
	args := []any{d.A, d.B, d.B, d.A}
	q += ` ORDER BY COALESCE(m.date, d.published, ''), m.doc_id, m.ord`
	err := s.queryRecords(ctx, "measures", q, args, func(id, pub string, data []byte) error {
		m := RelationMeasure{DocID: id, Published: pub, Reports: 1}
		if err := json.Unmarshal(data, &m.Measure); err != nil {
			return err
		}
		if before(orPublished(measureDate(m.Measure), pub), since) {
			return nil
		}
		// A dated measure with the same actor, target, kind and size as
		// one of another document is that measure reported again.
		for i := range d.Measures {
			if x := &d.Measures[i]; x.DocID != id && sameMeasure(x.Measure, m.Measure) {
				x.Reports++
				if len(measureDate(m.Measure)) > len(measureDate(x.Measure)) {
					x.Date, x.DatePrecision, x.Period = m.Date, m.DatePrecision, m.Period
				}
				return nil
			}
		}
		d.Measures = append(d.Measures, m)
		return nil
	})
	if err != nil {
		return err
	}
	sort.SliceStable(d.Measures, func(i, j int) bool {
		return orPublished(measureDate(d.Measures[i].Measure), d.Measures[i].Published) < orPublished(measureDate(d.Measures[j].Measure), d.Measures[j].Published)
	})
	return nil
}

func orPublished(date, published string) string {
	if date != "" {
		return date
	}
	return published
}

// measureDate is a measure's day or coarser period, or "".
func measureDate(m record.Measure) string {
	if m.Date != nil {
		return *m.Date
	}
	return m.Period
}

// sameMeasure reports two dated measures of the same actor, target,
// kind and size whose dates agree (one may be coarser: "2016-12" and
// "2016-12-29").
func sameMeasure(a, b record.Measure) bool {
	da, db := measureDate(a), measureDate(b)
	if da == "" || db == "" || a.Kind != b.Kind || a.Reversal != b.Reversal || a.Size != b.Size {
		return false
	}
	if !strings.HasPrefix(da, db) && !strings.HasPrefix(db, da) {
		return false
	}
	if a.Reciprocal || b.Reciprocal {
		return a.Reciprocal == b.Reciprocal && (a.By == b.By && a.Against == b.Against || a.By == b.Against && a.Against == b.By)
	}
	return a.By == b.By && a.Against == b.Against
}

func (s *Store) dyadIssues(ctx context.Context, d *Relation, since string) error {
	pa, pb := d.A, d.B
	if pa > pb {
		pa, pb = pb, pa
	}
	q := `SELECT i.doc_id, d.published, i.record FROM issues i JOIN documents d ON d.id = i.doc_id
		WHERE i.party_a = ? AND i.party_b = ?`
	args := []any{pa, pb}
	if since != "" {
		q += " AND " + sinceClause("i.date")
		args = append(args, since)
	}
	q += ` ORDER BY i.doc_id, i.ord`
	var all []IssueUpdate
	err := s.queryRecords(ctx, "issues", q, args, func(id, pub string, data []byte) error {
		u := IssueUpdate{DocID: id, Published: pub}
		if err := json.Unmarshal(data, &u.IssueUpdate); err != nil {
			return err
		}
		all = append(all, u)
		return nil
	})
	if err != nil {
		return err
	}
	// An undated update is background to its document: it counts from
	// before the document's earliest dated update (or its publication),
	// so "years of tit-for-tat expulsions" does not override the talks the
	// same article reports.
	first := map[string]string{}
	for _, u := range all {
		if u.Date != nil && (first[u.DocID] == "" || *u.Date < first[u.DocID]) {
			first[u.DocID] = *u.Date
		}
	}
	when := func(u IssueUpdate) (string, int) {
		if u.Date != nil {
			return *u.Date, 1
		}
		if f := first[u.DocID]; f != "" && (u.Published == "" || f < u.Published) {
			return f, 0
		}
		return u.Published, 0
	}
	sort.SliceStable(all, func(i, j int) bool {
		wi, ri := when(all[i])
		wj, rj := when(all[j])
		if wi != wj {
			return wi < wj
		}
		return ri < rj
	})
	byTopic := map[string]*RelationIssue{}
	var order []string
	for _, u := range all {
		it := byTopic[u.Topic]
		if it == nil {
			it = &RelationIssue{Topic: u.Topic}
			byTopic[u.Topic] = it
			order = append(order, u.Topic)
		}
		it.Updates = append(it.Updates, u)
		it.Status = u.Status
		it.Date, _ = when(u)
	}
	for _, t := range order {
		d.Issues = append(d.Issues, *byTopic[t])
	}
	sort.SliceStable(d.Issues, func(i, j int) bool { return d.Issues[i].Date > d.Issues[j].Date })
	return nil
}

func (s *Store) dyadQuotes(ctx context.Context, d *Relation, since string, n int) error {
	// Statements by each side in documents about the pair: documents
	// with an event or a meeting between them.
	for _, side := range []string{d.A, d.B} {
		other := d.B
		if side == d.B {
			other = d.A
		}
		q := `SELECT q.doc_id, d.published, q.record FROM quotes q JOIN documents d ON d.id = q.doc_id
			WHERE q.speaker_country = ? AND (
				EXISTS (SELECT 1 FROM events e WHERE e.doc_id = q.doc_id AND
					((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?)))
				OR EXISTS (SELECT 1 FROM meetings m WHERE m.doc_id = q.doc_id AND m.parties LIKE ? AND m.parties LIKE ?))`
		args := []any{side, side, other, other, side, "%," + side + ",%", "%," + other + ",%"}
		if since != "" {
			q += " AND COALESCE(d.published, '') >= ?"
			args = append(args, since)
		}
		q += ` ORDER BY COALESCE(d.published, '') DESC, q.doc_id, q.ord LIMIT ?`
		args = append(args, n)
		err := s.queryRecords(ctx, "quotes", q, args, func(id, pub string, data []byte) error {
			qu := RelationQuote{DocID: id, Published: pub}
			if err := json.Unmarshal(data, &qu.Quote); err != nil {
				return err
			}
			d.Statements = append(d.Statements, qu)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) dyadTrend(ctx context.Context, d *Relation, since string) error {
	q := `SELECT e.date, e.period, d.published, e.quad_class, e.goldstein, e.plover_event
		FROM events e JOIN documents d ON d.id = e.doc_id
		WHERE ((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))
			AND e.status = 'reported'`
	args := []any{d.A, d.B, d.B, d.A}
	rows, err := s.db.QueryContext(ctx, s.q(q), args...)
	if err != nil {
		return fmt.Errorf("reading dyad trend: %w", err)
	}
	defer rows.Close()
	months := map[string]*RelationMonth{}
	sums := map[string][2]float64{} // goldstein sum, plover sign sum
	for rows.Next() {
		var date, published sql.NullString
		var period string
		var quad int
		var gold float64
		var plover string
		if err := rows.Scan(&date, &period, &published, &quad, &gold, &plover); err != nil {
			return fmt.Errorf("reading dyad trend: %w", err)
		}
		// The event's month, else its document's: a week or a year does
		// not name a month.
		var month sql.NullString
		switch {
		case date.Valid && len(date.String) >= 7:
			month = sql.NullString{String: date.String[:7], Valid: true}
		case len(period) == 7 && period[4] == '-' && period[5] != 'W':
			month = sql.NullString{String: period, Valid: true}
		case published.Valid && len(published.String) >= 7:
			month = sql.NullString{String: published.String[:7], Valid: true}
		default:
			continue // undated events in undated documents
		}
		if before(month.String, since) {
			continue
		}
		m := months[month.String]
		if m == nil {
			m = &RelationMonth{Month: month.String, PLOVER: map[string]int{}}
			months[month.String] = m
		}
		m.Events++
		switch quad {
		case 1, 2:
			m.Cooperation++
		case 3, 4:
			m.Conflict++
		}
		if plover != "" {
			m.PLOVER[plover]++
		}
		sm := sums[month.String]
		sm[0] += gold
		sm[1] += ploverSign[plover]
		sums[month.String] = sm
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading dyad trend: %w", err)
	}
	for k, m := range months {
		m.Goldstein = sums[k][0] / float64(m.Events)
		m.PLOVERScore = sums[k][1] / float64(m.Events)
		d.Trend = append(d.Trend, *m)
	}
	sort.Slice(d.Trend, func(i, j int) bool { return d.Trend[i].Month < d.Trend[j].Month })
	return nil
}

// insertIssues stores a document's issue-dossier updates within the
// transaction that saves the document.
func (s *Store) insertIssues(ctx context.Context, tx *sql.Tx, docID string, issues []record.IssueUpdate) error {
	for i := range issues {
		u := &issues[i]
		js, err := json.Marshal(u)
		if err != nil {
			return fmt.Errorf("encoding issue update %d: %w", i, err)
		}
		var pa, pb string
		if len(u.Parties) > 0 {
			pa = u.Parties[0]
		}
		if len(u.Parties) > 1 {
			pb = u.Parties[1]
		}
		if pa > pb {
			pa, pb = pb, pa
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO issues
			(doc_id, ord, topic, party_a, party_b, status, date, cause, record)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			docID, i, u.Topic, pa, pb, u.Status, nullStringPtr(u.Date), u.Cause, string(js)); err != nil {
			return fmt.Errorf("inserting issue update %d: %w", i, err)
		}
	}
	return nil
}

// before reports a date ("2025-02-27", "2025-02", "2025", "2025-W09")
// earlier than since ("YYYY-MM-DD", or "" for no bound). A coarse date
// is before since only when its whole period is.
func before(date, since string) bool {
	if since == "" || date == "" {
		return false
	}
	if i := strings.Index(date, "-W"); i >= 0 {
		date = date[:i] // a week: compare its year
	}
	if len(date) < len(since) {
		since = since[:len(date)]
	}
	return date < since
}

// readIssues returns the issue-dossier updates stored for a document, in
// document order; never nil.
func (s *Store) readIssues(ctx context.Context, docID string) ([]record.IssueUpdate, error) {
	out := []record.IssueUpdate{}
	err := s.readChildren(ctx, docID, "issues", func(data []byte) error {
		var u record.IssueUpdate
		if err := json.Unmarshal(data, &u); err != nil {
			return err
		}
		out = append(out, u)
		return nil
	})
	return out, err
}
