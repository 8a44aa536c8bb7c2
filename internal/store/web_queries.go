package store

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parleyproject/parley/internal/record"
)

// This file holds the read queries of the JSON API and the web pages:
// event pages with a keyset cursor, dyad summaries, the busiest dyads, and
// meetings, quotes and measures by dyad. Dyad filters use the pair
// expression index of migration 0002 (lesser country, greater country),
// which serves both directions of a dyad in one ordered range.

// Dyad is an unordered pair of countries, stored in sorted order.
type Dyad struct{ A, B string }

// NewDyad returns the dyad of a and b (upper-cased, sorted).
func NewDyad(a, b string) Dyad {
	a, b = strings.ToUpper(strings.TrimSpace(a)), strings.ToUpper(strings.TrimSpace(b))
	if b < a {
		a, b = b, a
	}
	return Dyad{A: a, B: b}
}

// IsZero reports whether d is the zero Dyad (no filter).
func (d Dyad) IsZero() bool { return d.A == "" && d.B == "" }

// String returns "A-B".
func (d Dyad) String() string { return d.A + "-" + d.B }

// pairLo and pairHi are the expressions of the events_pair index; queries
// must use them verbatim for the index to apply.
func (s *Store) pairLo() string {
	if s.dialect.name == "postgres" {
		return "LEAST(source_country, target_country)"
	}
	return "min(source_country, target_country)"
}

func (s *Store) pairHi() string {
	if s.dialect.name == "postgres" {
		return "GREATEST(source_country, target_country)"
	}
	return "max(source_country, target_country)"
}

// dateDesc is the newest-first order of a nullable date column, undated
// rows last, in the dialect's syntax.
func (s *Store) dateDesc(col string) string {
	if s.dialect.name == "postgres" {
		return col + " DESC NULLS LAST"
	}
	return col + " DESC" // SQLite sorts NULL lowest, so last when descending
}

// EventCursor marks the last event of a page; the next page starts after it.
type EventCursor struct {
	Date  string // YYYY-MM-DD or "" for undated
	DocID string
	Ord   int
}

// EventQuery selects a page of events. Zero fields do not filter.
type EventQuery struct {
	// Dyad selects events between its two countries, in either direction.
	Dyad Dyad
	// Actor is a country ("RUS") or a country+sector code ("RUSGOV") on
	// either side.
	Actor string
	// Code is a full CAMEO code ("046"); Root a two-digit root ("04").
	Code, Root string
	// PLOVER is a PLOVER event type ("CONSULT").
	PLOVER string
	// Quad is a quad class, 1 to 4.
	Quad int
	// From and To bound the event date, inclusive; undated events are
	// left out when either is set.
	From, To time.Time
	// Status is the event status ("reported", …).
	Status string
	// DocID restricts to one document.
	DocID string
	// After continues a listing after this event (nil: from the start).
	After *EventCursor
	// Limit caps the page size (0: DefaultLimit).
	Limit int
}

// EventRow is one event of a page with where it came from.
type EventRow struct {
	DocID string
	// Ord is the event's position in its document's record.
	Ord int
	// DocTitle and DocPublished describe the document.
	DocTitle, DocPublished string
	Event                  record.Event
}

// Cursor returns the cursor that continues a listing after r.
func (r *EventRow) Cursor() EventCursor {
	c := EventCursor{DocID: r.DocID, Ord: r.Ord}
	if r.Event.Date != nil {
		c.Date = *r.Event.Date
	}
	return c
}

// EventPage returns the events matching q, newest first (undated last), in
// document order within a document, and the cursor of the next page (nil
// on the last page).
func (s *Store) EventPage(ctx context.Context, q EventQuery) ([]EventRow, *EventCursor, error) {
	n := limit(q.Limit)
	var out []EventRow
	actor := strings.ToUpper(strings.TrimSpace(q.Actor))
	if len(actor) == 3 {
		// A country on either side: read each side in its own index order
		// and merge, rather than sort every event of the country.
		q.Actor = ""
		where, args := s.eventWhere(q)
		src, err := s.pageBranch(ctx, q, append(where, "source_country = ?"), append(args, actor), n+1)
		if err != nil {
			return nil, nil, err
		}
		tgt, err := s.pageBranch(ctx, q, append(where, "target_country = ?", "(source_country IS NULL OR source_country <> ?)"),
			append(args, actor, actor), n+1)
		if err != nil {
			return nil, nil, err
		}
		out = mergeEventRows(src, tgt)
	} else {
		where, args := s.eventWhere(q)
		rows, err := s.pageBranch(ctx, q, where, args, n+1)
		if err != nil {
			return nil, nil, err
		}
		out = rows
	}
	var next *EventCursor
	if len(out) > n {
		out = out[:n]
		c := out[n-1].Cursor()
		next = &c
	}
	if err := s.fillDocInfo(ctx, out); err != nil {
		return nil, nil, err
	}
	return out, next, nil
}

// pageBranch returns up to n events matching where after q.After, in
// listing order: dated events first, then undated ones, each read in index
// order so that a page never sorts the whole match.
func (s *Store) pageBranch(ctx context.Context, q EventQuery, where []string, args []any, n int) ([]EventRow, error) {
	var out []EventRow
	if q.After == nil || q.After.Date != "" {
		w, a := append([]string(nil), where...), append([]any(nil), args...)
		w = append(w, "date IS NOT NULL")
		if c := q.After; c != nil {
			w = append(w, "date <= ?", "NOT (date = ? AND (doc_id < ? OR (doc_id = ? AND ord <= ?)))")
			a = append(a, c.Date, c.Date, c.DocID, c.DocID, c.Ord)
		}
		rows, err := s.eventRows(ctx, w, a, s.dateDesc("date")+", doc_id, ord", n)
		if err != nil {
			return nil, err
		}
		out = rows
	}
	if len(out) < n && q.From.IsZero() && q.To.IsZero() {
		w, a := append([]string(nil), where...), append([]any(nil), args...)
		w = append(w, "date IS NULL")
		if c := q.After; c != nil && c.Date == "" {
			w = append(w, "(doc_id > ? OR (doc_id = ? AND ord > ?))")
			a = append(a, c.DocID, c.DocID, c.Ord)
		}
		rows, err := s.eventRows(ctx, w, a, "doc_id, ord", n-len(out))
		if err != nil {
			return nil, err
		}
		out = append(out, rows...)
	}
	return out, nil
}

// mergeEventRows merges two listings in listing order.
func mergeEventRows(a, b []EventRow) []EventRow {
	out := make([]EventRow, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if eventBefore(&a[0], &b[0]) {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// eventBefore reports whether x comes before y in a listing: newer dates
// first, undated last, then by document and position.
func eventBefore(x, y *EventRow) bool {
	cx, cy := x.Cursor(), y.Cursor()
	switch {
	case cx.Date != cy.Date && (cx.Date == "" || cy.Date == ""):
		return cy.Date == ""
	case cx.Date != cy.Date:
		return cx.Date > cy.Date
	case cx.DocID != cy.DocID:
		return cx.DocID < cy.DocID
	}
	return cx.Ord < cy.Ord
}

func (s *Store) eventWhere(q EventQuery) ([]string, []any) {
	var where []string
	var args []any
	if !q.Dyad.IsZero() {
		d := NewDyad(q.Dyad.A, q.Dyad.B)
		where = append(where, s.pairLo()+" = ?", s.pairHi()+" = ?")
		args = append(args, d.A, d.B)
	}
	if actor := strings.ToUpper(strings.TrimSpace(q.Actor)); actor != "" {
		if len(actor) <= 3 {
			where = append(where, "(source_country = ? OR target_country = ?)")
		} else {
			where = append(where, "(source_code = ? OR target_code = ?)")
		}
		args = append(args, actor, actor)
	}
	add := func(cond string, v any) {
		where = append(where, cond)
		args = append(args, v)
	}
	if q.Code != "" {
		add("cameo = ?", q.Code)
	}
	if q.Root != "" {
		add("cameo_root = ?", q.Root)
	}
	if q.PLOVER != "" {
		add("plover_event = ?", strings.ToUpper(q.PLOVER))
	}
	if q.Quad != 0 {
		add("quad_class = ?", q.Quad)
	}
	if !q.From.IsZero() {
		add("date >= ?", q.From.Format(time.DateOnly))
	}
	if !q.To.IsZero() {
		add("date <= ?", q.To.Format(time.DateOnly))
	}
	if q.Status != "" {
		add("status = ?", q.Status)
	}
	if q.DocID != "" {
		add("doc_id = ?", q.DocID)
	}
	return where, args
}

func (s *Store) eventRows(ctx context.Context, where []string, args []any, order string, n int) ([]EventRow, error) {
	query := "SELECT doc_id, ord, record FROM events"
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY " + order + " LIMIT ?"
	args = append(args, n)
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("listing events: %w", err)
	}
	defer rows.Close()
	var out []EventRow
	for rows.Next() {
		var r EventRow
		var data []byte
		if err := rows.Scan(&r.DocID, &r.Ord, &data); err != nil {
			return nil, fmt.Errorf("listing events: %w", err)
		}
		if err := json.Unmarshal(data, &r.Event); err != nil {
			return nil, fmt.Errorf("listing events: decoding event %d of document %s: %w", r.Ord, r.DocID, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing events: %w", err)
	}
	return out, nil
}

// docInfo is the title and publication date of a document.
type docInfo struct{ title, published string }

// docInfos returns the title and date of each of ids that exists.
func (s *Store) docInfos(ctx context.Context, ids []string) (map[string]docInfo, error) {
	out := make(map[string]docInfo, len(ids))
	seen := make(map[string]bool, len(ids))
	uniq := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			uniq = append(uniq, id)
		}
	}
	for len(uniq) > 0 {
		batch := uniq[:min(len(uniq), 200)]
		uniq = uniq[len(batch):]
		args := make([]any, len(batch))
		for i, id := range batch {
			args[i] = id
		}
		query := "SELECT id, title, COALESCE(published, '') FROM documents WHERE id IN (?" + strings.Repeat(", ?", len(batch)-1) + ")"
		rows, err := s.db.QueryContext(ctx, s.q(query), args...)
		if err != nil {
			return nil, fmt.Errorf("reading document titles: %w", err)
		}
		for rows.Next() {
			var id string
			var d docInfo
			if err := rows.Scan(&id, &d.title, &d.published); err != nil {
				rows.Close()
				return nil, fmt.Errorf("reading document titles: %w", err)
			}
			out[id] = d
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("reading document titles: %w", err)
		}
	}
	return out, nil
}

func (s *Store) fillDocInfo(ctx context.Context, rows []EventRow) error {
	return s.attachDocs(ctx, len(rows), func(i int) (string, *string, *string) {
		return rows[i].DocID, &rows[i].DocTitle, &rows[i].DocPublished
	})
}

// attachDocs fills the document title and date of n rows; row gives the
// document id of row i and where its title and date go.
func (s *Store) attachDocs(ctx context.Context, n int, row func(i int) (id string, title, published *string)) error {
	ids := make([]string, n)
	for i := range ids {
		ids[i], _, _ = row(i)
	}
	info, err := s.docInfos(ctx, ids)
	if err != nil {
		return err
	}
	for i := range n {
		id, title, published := row(i)
		*title, *published = info[id].title, info[id].published
	}
	return nil
}

// DyadCount is a dyad with how many events it has.
type DyadCount struct {
	Dyad          Dyad
	Events        int
	MeanGoldstein float64
	// Last is the date of its latest dated event, "" when none.
	Last string
}

// BusiestDyads returns the n dyads of two different countries with the
// most events, busiest first (ties by dyad).
func (s *Store) BusiestDyads(ctx context.Context, n int) ([]DyadCount, error) {
	lo, hi := s.pairLo(), s.pairHi()
	query := `SELECT ` + lo + `, ` + hi + `, COUNT(*), AVG(goldstein), COALESCE(MAX(date), '')
		FROM events
		WHERE ` + lo + ` IS NOT NULL AND ` + lo + ` <> ` + hi + `
		GROUP BY ` + lo + `, ` + hi + `
		ORDER BY 3 DESC, 1, 2 LIMIT ?`
	rows, err := s.db.QueryContext(ctx, s.q(query), limit(n))
	if err != nil {
		return nil, fmt.Errorf("counting dyads: %w", err)
	}
	defer rows.Close()
	out := []DyadCount{}
	for rows.Next() {
		var d DyadCount
		if err := rows.Scan(&d.Dyad.A, &d.Dyad.B, &d.Events, &d.MeanGoldstein, &d.Last); err != nil {
			return nil, fmt.Errorf("counting dyads: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting dyads: %w", err)
	}
	return out, nil
}

// DyadSummary is the state of a relationship in numbers.
type DyadSummary struct {
	Dyad Dyad
	// Events counts all events between the two; AToB and BToA those with
	// a direction (Dyad.A as source, and the reverse), Reciprocal the
	// joint ones.
	Events, AToB, BToA, Reciprocal int
	// Cooperation counts quad classes 1–2, Conflict 3–4.
	Cooperation, Conflict int
	// MeanGoldstein is the mean Goldstein score (0 without events).
	MeanGoldstein float64
	// First and Last are the dates of the earliest and latest dated
	// events, "" when none.
	First, Last string
	// PLOVER counts the events of each PLOVER type.
	PLOVER map[string]int
	// Meetings, Quotes and Measures count the records between the two
	// (quotes: by a speaker of either side in a document about the dyad).
	Meetings, Quotes, Measures int
}

// DyadSummary returns the numbers of dyad d.
func (s *Store) DyadSummary(ctx context.Context, d Dyad) (*DyadSummary, error) {
	sum, _, err := s.DyadOverview(ctx, d, nil)
	return sum, err
}

// DyadOverview returns the numbers of dyad d and its monthly time series
// (as Series with IntervalMonth and PLOVERScore scores), read in one pass
// over the dyad's index range. The rows are summed up here rather than
// grouped in SQL: reading the covering index in order is cheaper than
// sorting it into groups.
func (s *Store) DyadOverview(ctx context.Context, d Dyad, scores map[string]float64) (*DyadSummary, []SeriesPoint, error) {
	d = NewDyad(d.A, d.B)
	lo, hi := s.pairLo(), s.pairHi()
	out := &DyadSummary{Dyad: d, PLOVER: map[string]int{}}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT COALESCE(date, ''), plover_event, quad_class, reciprocal, source_country, goldstein
		FROM events WHERE `+lo+` = ? AND `+hi+` = ?`), d.A, d.B)
	if err != nil {
		return nil, nil, fmt.Errorf("summarizing dyad %s: %w", d, err)
	}
	defer rows.Close()
	var sum float64
	series := newSeriesAcc(scores)
	for rows.Next() {
		var date, plover, source string
		var quad int
		var recip bool
		var g float64
		if err := rows.Scan(&date, &plover, &quad, &recip, &source, &g); err != nil {
			return nil, nil, fmt.Errorf("summarizing dyad %s: %w", d, err)
		}
		out.Events++
		sum += g
		switch {
		case recip:
			out.Reciprocal++
		case source == d.A:
			out.AToB++
		default:
			out.BToA++
		}
		if quad == 1 || quad == 2 {
			out.Cooperation++
		} else if quad == 3 || quad == 4 {
			out.Conflict++
		}
		if plover != "" {
			out.PLOVER[plover]++
		}
		if date != "" {
			if out.First == "" || date < out.First {
				out.First = date
			}
			if date > out.Last {
				out.Last = date
			}
			if len(date) >= 7 {
				series.add(date[:7], plover, quad, 1, g)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("summarizing dyad %s: %w", d, err)
	}
	if out.Events > 0 {
		out.MeanGoldstein = sum / float64(out.Events)
	}
	mw, ma := meetingDyadWhere(d)
	mq, mqa := s.quoteDyadWhere(d)
	err = s.db.QueryRowContext(ctx, s.q(`SELECT
		(SELECT COUNT(*) FROM meetings m WHERE `+mw+`),
		(SELECT COUNT(*) FROM quotes q WHERE `+mq+`),
		(SELECT COUNT(*) FROM measures WHERE (by_country = ? AND against_country = ?) OR (by_country = ? AND against_country = ?))`),
		append(append(ma, mqa...), d.A, d.B, d.B, d.A)...).Scan(&out.Meetings, &out.Quotes, &out.Measures)
	if err != nil {
		return nil, nil, fmt.Errorf("summarizing dyad %s: counting records: %w", d, err)
	}
	return out, series.points(), nil
}

// RecordQuery selects meetings, quotes or measures. Zero fields do not
// filter.
type RecordQuery struct {
	// Dyad selects records between its two countries: meetings with both
	// as parties, measures by one against the other, quotes by a speaker
	// of either in a document with an event or meeting between them.
	Dyad Dyad
	// Country is a party of a meeting, the speaker's country of a quote,
	// or either side of a measure.
	Country string
	// Kind is a meeting kind ("call") or a measure kind ("expulsion").
	Kind string
	// DocID restricts to one document.
	DocID string
	// Limit caps the number of results (0: DefaultLimit); Offset skips
	// that many.
	Limit, Offset int
}

// MeetingRow is a stored meeting with its document.
type MeetingRow struct {
	DocID, DocTitle, DocPublished string
	Ord                           int
	Meeting                       record.Meeting
}

// QuoteRow is a stored quote with its document.
type QuoteRow struct {
	DocID, DocTitle, DocPublished string
	Ord                           int
	Quote                         record.Quote
}

// MeasureRow is a stored measure with its document.
type MeasureRow struct {
	DocID, DocTitle, DocPublished string
	Ord                           int
	Measure                       record.Measure
}

func meetingDyadWhere(d Dyad) (string, []any) {
	return "m.parties LIKE ? AND m.parties LIKE ?", []any{"%," + d.A + ",%", "%," + d.B + ",%"}
}

func (s *Store) quoteDyadWhere(d Dyad) (string, []any) {
	lo, hi := s.pairLo(), s.pairHi()
	mw, ma := meetingDyadWhere(d)
	return `q.speaker_country IN (?, ?) AND (
			EXISTS (SELECT 1 FROM events WHERE events.doc_id = q.doc_id AND ` + lo + ` = ? AND ` + hi + ` = ?)
			OR EXISTS (SELECT 1 FROM meetings m WHERE m.doc_id = q.doc_id AND ` + mw + `))`,
		append([]any{d.A, d.B, d.A, d.B}, ma...)
}

// Meetings returns the meetings matching q, latest first (undated last).
func (s *Store) Meetings(ctx context.Context, q RecordQuery) ([]MeetingRow, error) {
	var where []string
	var args []any
	if !q.Dyad.IsZero() {
		w, a := meetingDyadWhere(NewDyad(q.Dyad.A, q.Dyad.B))
		where, args = append(where, w), append(args, a...)
	}
	if c := strings.ToUpper(strings.TrimSpace(q.Country)); c != "" {
		where, args = append(where, "m.parties LIKE ?"), append(args, "%,"+c+",%")
	}
	if q.Kind != "" {
		where, args = append(where, "m.kind = ?"), append(args, q.Kind)
	}
	if q.DocID != "" {
		where, args = append(where, "m.doc_id = ?"), append(args, q.DocID)
	}
	var out []MeetingRow
	err := s.records(ctx, "meetings m", where, args, s.dateDesc("m.date")+", m.doc_id, m.ord", q, func(docID string, ord int, data []byte) error {
		r := MeetingRow{DocID: docID, Ord: ord}
		if err := json.Unmarshal(data, &r.Meeting); err != nil {
			return err
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing meetings: %w", err)
	}
	if err := s.attachDocs(ctx, len(out), func(i int) (string, *string, *string) {
		return out[i].DocID, &out[i].DocTitle, &out[i].DocPublished
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// Quotes returns the quotes matching q, from the newest documents first.
func (s *Store) Quotes(ctx context.Context, q RecordQuery) ([]QuoteRow, error) {
	var where []string
	var args []any
	if !q.Dyad.IsZero() {
		w, a := s.quoteDyadWhere(NewDyad(q.Dyad.A, q.Dyad.B))
		where, args = append(where, w), append(args, a...)
	}
	if c := strings.ToUpper(strings.TrimSpace(q.Country)); c != "" {
		where, args = append(where, "q.speaker_country = ?"), append(args, c)
	}
	if q.DocID != "" {
		where, args = append(where, "q.doc_id = ?"), append(args, q.DocID)
	}
	var out []QuoteRow
	err := s.records(ctx, "quotes q JOIN documents d ON d.id = q.doc_id", where, args,
		s.dateDesc("d.published")+", q.doc_id, q.ord", q, func(docID string, ord int, data []byte) error {
			r := QuoteRow{DocID: docID, Ord: ord}
			if err := json.Unmarshal(data, &r.Quote); err != nil {
				return err
			}
			out = append(out, r)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("listing quotes: %w", err)
	}
	if err := s.attachDocs(ctx, len(out), func(i int) (string, *string, *string) {
		return out[i].DocID, &out[i].DocTitle, &out[i].DocPublished
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// Measures returns the measures matching q, latest first (undated last).
func (s *Store) Measures(ctx context.Context, q RecordQuery) ([]MeasureRow, error) {
	var where []string
	var args []any
	if !q.Dyad.IsZero() {
		d := NewDyad(q.Dyad.A, q.Dyad.B)
		where = append(where, "((x.by_country = ? AND x.against_country = ?) OR (x.by_country = ? AND x.against_country = ?))")
		args = append(args, d.A, d.B, d.B, d.A)
	}
	if c := strings.ToUpper(strings.TrimSpace(q.Country)); c != "" {
		where, args = append(where, "(x.by_country = ? OR x.against_country = ?)"), append(args, c, c)
	}
	if q.Kind != "" {
		where, args = append(where, "x.kind = ?"), append(args, q.Kind)
	}
	if q.DocID != "" {
		where, args = append(where, "x.doc_id = ?"), append(args, q.DocID)
	}
	var out []MeasureRow
	err := s.records(ctx, "measures x", where, args, s.dateDesc("x.date")+", x.doc_id, x.ord", q, func(docID string, ord int, data []byte) error {
		r := MeasureRow{DocID: docID, Ord: ord}
		if err := json.Unmarshal(data, &r.Measure); err != nil {
			return err
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing measures: %w", err)
	}
	if err := s.attachDocs(ctx, len(out), func(i int) (string, *string, *string) {
		return out[i].DocID, &out[i].DocTitle, &out[i].DocPublished
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// records runs a listing of doc_id, ord and record from table (with its
// alias, the first letter of which prefixes the columns) and calls fn for
// each row.
func (s *Store) records(ctx context.Context, from string, where []string, args []any, order string, q RecordQuery, fn func(docID string, ord int, data []byte) error) error {
	alias := strings.Fields(from)[1]
	query := "SELECT " + alias + ".doc_id, " + alias + ".ord, " + alias + ".record FROM " + from
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY " + order + " LIMIT ? OFFSET ?"
	args = append(args, limit(q.Limit), max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var docID string
		var ord int
		var data []byte
		if err := rows.Scan(&docID, &ord, &data); err != nil {
			return err
		}
		if err := fn(docID, ord, data); err != nil {
			return fmt.Errorf("decoding record %d of document %s: %w", ord, docID, err)
		}
	}
	return rows.Err()
}

// HasTable reports whether the database has a table of that name, for
// features whose tables arrive with later migrations.
func (s *Store) HasTable(ctx context.Context, name string) (bool, error) {
	var query string
	if s.dialect.name == "postgres" {
		query = `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?`
	} else {
		query = `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`
	}
	var n int
	if err := s.db.QueryRowContext(ctx, s.q(query), name).Scan(&n); err != nil {
		return false, fmt.Errorf("looking up table %s: %w", name, err)
	}
	return n > 0, nil
}

// String encodes c as an opaque URL-safe token for a "next page" link.
func (c EventCursor) String() string {
	data, _ := json.Marshal([]any{c.Date, c.DocID, c.Ord}) // strings and an int always encode
	return base64.RawURLEncoding.EncodeToString(data)
}

// ErrBadCursor is returned by ParseEventCursor for a token it did not make.
var ErrBadCursor = errors.New("not a cursor from a previous page")

// ParseEventCursor reads a token made by EventCursor.String; "" yields nil.
func ParseEventCursor(s string) (*EventCursor, error) {
	if s == "" {
		return nil, nil
	}
	data, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, ErrBadCursor
	}
	var parts []json.RawMessage
	if err := json.Unmarshal(data, &parts); err != nil || len(parts) != 3 {
		return nil, ErrBadCursor
	}
	var c EventCursor
	if json.Unmarshal(parts[0], &c.Date) != nil || json.Unmarshal(parts[1], &c.DocID) != nil ||
		json.Unmarshal(parts[2], &c.Ord) != nil || c.DocID == "" {
		return nil, ErrBadCursor
	}
	if c.Date != "" {
		if _, err := time.Parse(time.DateOnly, c.Date); err != nil {
			return nil, ErrBadCursor
		}
	}
	return &c, nil
}

// ParseDyad reads a dyad written "USA-RUS" (or "usa-rus", "USA,RUS") into
// its two country codes, upper-cased, in the order given. Both must be
// three letters and differ.
func ParseDyad(s string) (a, b string, ok bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	a, b, ok = strings.Cut(s, "-")
	if !ok {
		a, b, ok = strings.Cut(s, ",")
	}
	if !ok || !IsCountryCode(a) || !IsCountryCode(b) || a == b {
		return "", "", false
	}
	return a, b, true
}

// IsCountryCode reports whether s is three upper-case ASCII letters.
func IsCountryCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, c := range []byte(s) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
