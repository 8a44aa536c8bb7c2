package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Intervals of a time series.
const (
	IntervalDay   = "day"
	IntervalWeek  = "week"
	IntervalMonth = "month"
)

// SeriesQuery selects the events of a time series. Zero fields do not
// filter; undated events never count.
type SeriesQuery struct {
	// Dyad selects events between its two countries.
	Dyad Dyad
	// Actor is a country on either side.
	Actor string
	// From and To bound the event date, inclusive.
	From, To time.Time
	// Interval is IntervalDay, IntervalWeek (ISO weeks, "2025-W09") or
	// IntervalMonth ("2025-02"); "" means month.
	Interval string
	// PLOVERScore gives each PLOVER type its score; events of types not
	// in it do not count towards MeanPLOVER.
	PLOVERScore map[string]float64
}

// SeriesPoint is one period of a time series. Periods without events are
// left out.
type SeriesPoint struct {
	// Period is "2025-02-27", "2025-W09" or "2025-02".
	Period string
	// Events counts the events of the period; Cooperation those of quad
	// classes 1–2 and Conflict those of 3–4.
	Events, Cooperation, Conflict int
	// MeanGoldstein is the mean Goldstein score of the period's events.
	MeanGoldstein float64
	// MeanPLOVER is the mean PLOVER score of the events with a scored
	// type, 0 when none; Scored counts those events.
	MeanPLOVER float64
	Scored     int
}

// Series returns the time series of q, oldest period first.
func (s *Store) Series(ctx context.Context, q SeriesQuery) ([]SeriesPoint, error) {
	bucket := "substr(date, 1, 7)"
	switch q.Interval {
	case "", IntervalMonth:
		q.Interval = IntervalMonth
	case IntervalDay, IntervalWeek:
		bucket = "date" // weeks are summed up from days below
	default:
		return nil, fmt.Errorf("time series: unknown interval %q", q.Interval)
	}
	where, args := s.eventWhere(EventQuery{Dyad: q.Dyad, Actor: q.Actor, From: q.From, To: q.To})
	where = append(where, "date IS NOT NULL")
	query := "SELECT " + bucket + ", plover_event, quad_class, COUNT(*), SUM(goldstein) FROM events WHERE " +
		strings.Join(where, " AND ") + " GROUP BY " + bucket + ", plover_event, quad_class"
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("time series: %w", err)
	}
	defer rows.Close()
	type acc struct {
		SeriesPoint
		gsum, psum float64
	}
	points := map[string]*acc{}
	for rows.Next() {
		var period, plover string
		var quad, n int
		var g float64
		if err := rows.Scan(&period, &plover, &quad, &n, &g); err != nil {
			return nil, fmt.Errorf("time series: %w", err)
		}
		if q.Interval == IntervalWeek {
			t, err := time.Parse(time.DateOnly, period)
			if err != nil {
				continue // a malformed stored date cannot be placed in a week
			}
			y, w := t.ISOWeek()
			period = fmt.Sprintf("%04d-W%02d", y, w)
		}
		p := points[period]
		if p == nil {
			p = &acc{SeriesPoint: SeriesPoint{Period: period}}
			points[period] = p
		}
		p.Events += n
		p.gsum += g
		switch quad {
		case 1, 2:
			p.Cooperation += n
		case 3, 4:
			p.Conflict += n
		}
		if sc, ok := q.PLOVERScore[plover]; ok {
			p.Scored += n
			p.psum += sc * float64(n)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("time series: %w", err)
	}
	out := make([]SeriesPoint, 0, len(points))
	for _, p := range points {
		if p.Events > 0 {
			p.MeanGoldstein = p.gsum / float64(p.Events)
		}
		if p.Scored > 0 {
			p.MeanPLOVER = p.psum / float64(p.Scored)
		}
		out = append(out, p.SeriesPoint)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Period < out[j].Period })
	return out, nil
}
