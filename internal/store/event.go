package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/parleyproject/parley/internal/record"
)

// EventFilter selects events. Zero fields do not filter.
type EventFilter struct {
	// Dyad is a pair of countries; events between them in either
	// direction match.
	Dyad [2]string
	// Actor is a country ("RUS") or a country+sector code ("RUSGOV")
	// on either side of the event.
	Actor string
	// Code is the full CAMEO code ("046"); Root its two-digit root ("04").
	Code, Root string
	// From and To bound the event date, inclusive. Events without a day
	// date are left out when either is set.
	From, To time.Time
	// Status is the event status ("reported", …).
	Status string
	// DocID restricts to one document.
	DocID string
	// Limit caps the number of results (0: DefaultLimit); Offset skips
	// that many.
	Limit, Offset int
}

// Event is a stored event with the id of the document it came from.
type Event struct {
	// DocID is the id of the document the event was coded from.
	DocID string `json:"doc_id"`
	record.Event
}

// Events returns the events matching f, latest first (undated last), in
// document order within a document.
func (s *Store) Events(ctx context.Context, f EventFilter) ([]Event, error) {
	var where []string
	var args []any
	a, b := strings.ToUpper(strings.TrimSpace(f.Dyad[0])), strings.ToUpper(strings.TrimSpace(f.Dyad[1]))
	switch {
	case a != "" && b != "":
		where = append(where, "((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))")
		args = append(args, a, b, b, a)
	case a != "" || b != "":
		where = append(where, "(source_country = ? OR target_country = ?)")
		args = append(args, a+b, a+b)
	}
	if actor := strings.ToUpper(strings.TrimSpace(f.Actor)); actor != "" {
		if len(actor) <= 3 {
			where = append(where, "(source_country = ? OR target_country = ?)")
		} else {
			where = append(where, "(source_code = ? OR target_code = ?)")
		}
		args = append(args, actor, actor)
	}
	if f.Code != "" {
		where = append(where, "cameo = ?")
		args = append(args, f.Code)
	}
	if f.Root != "" {
		where = append(where, "cameo_root = ?")
		args = append(args, f.Root)
	}
	if !f.From.IsZero() {
		where = append(where, "date >= ?")
		args = append(args, f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		where = append(where, "date <= ?")
		args = append(args, f.To.Format(time.DateOnly))
	}
	if f.Status != "" {
		where = append(where, "status = ?")
		args = append(args, f.Status)
	}
	if f.DocID != "" {
		where = append(where, "doc_id = ?")
		args = append(args, f.DocID)
	}
	query := "SELECT doc_id, record FROM events"
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY date IS NULL, date DESC, doc_id, ord LIMIT ? OFFSET ?"
	args = append(args, limit(f.Limit), max(f.Offset, 0))
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("listing events: %w", err)
	}
	defer rows.Close()
	out := []Event{}
	for rows.Next() {
		var ev Event
		var data []byte
		if err := rows.Scan(&ev.DocID, &data); err != nil {
			return nil, fmt.Errorf("listing events: %w", err)
		}
		if err := json.Unmarshal(data, &ev.Event); err != nil {
			return nil, fmt.Errorf("listing events: decoding event of document %s: %w", ev.DocID, err)
		}
		out = append(out, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing events: %w", err)
	}
	return out, nil
}
