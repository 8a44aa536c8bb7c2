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

// Series returns the time series of q, oldest period first. It reads the
// matching rows in index order and sums them up here, which is cheaper
// than sorting them into groups in SQL.
func (s *Store) Series(ctx context.Context, q SeriesQuery) ([]SeriesPoint, error) {
	var period func(date string) (string, bool)
	switch q.Interval {
	case "", IntervalMonth:
		period = func(d string) (string, bool) { return d[:7], true }
	case IntervalDay:
		period = func(d string) (string, bool) { return d, true }
	case IntervalWeek:
		period = func(d string) (string, bool) {
			t, err := time.Parse(time.DateOnly, d)
			if err != nil {
				return "", false // a malformed stored date cannot be placed in a week
			}
			y, w := t.ISOWeek()
			return fmt.Sprintf("%04d-W%02d", y, w), true
		}
	default:
		return nil, fmt.Errorf("time series: unknown interval %q", q.Interval)
	}
	where, args := s.eventWhere(EventQuery{Dyad: q.Dyad, Actor: q.Actor, From: q.From, To: q.To})
	where = append(where, "date IS NOT NULL")
	rows, err := s.db.QueryContext(ctx, s.q("SELECT date, plover_event, quad_class, goldstein FROM events WHERE "+
		strings.Join(where, " AND ")), args...)
	if err != nil {
		return nil, fmt.Errorf("time series: %w", err)
	}
	defer rows.Close()
	acc := newSeriesAcc(q.PLOVERScore)
	for rows.Next() {
		var date, plover string
		var quad int
		var g float64
		if err := rows.Scan(&date, &plover, &quad, &g); err != nil {
			return nil, fmt.Errorf("time series: %w", err)
		}
		if len(date) < 10 {
			continue
		}
		if p, ok := period(date); ok {
			acc.add(p, plover, quad, 1, g)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("time series: %w", err)
	}
	return acc.points(), nil
}

// seriesAcc sums grouped event counts into series points.
type seriesAcc struct {
	scores map[string]float64
	byKey  map[string]*pointAcc
}

type pointAcc struct {
	SeriesPoint
	gsum, psum float64
}

func newSeriesAcc(scores map[string]float64) *seriesAcc {
	return &seriesAcc{scores: scores, byKey: map[string]*pointAcc{}}
}

// add counts n events of one PLOVER type and quad class in period, with
// their Goldstein sum g.
func (a *seriesAcc) add(period, plover string, quad, n int, g float64) {
	p := a.byKey[period]
	if p == nil {
		p = &pointAcc{SeriesPoint: SeriesPoint{Period: period}}
		a.byKey[period] = p
	}
	p.Events += n
	p.gsum += g
	switch quad {
	case 1, 2:
		p.Cooperation += n
	case 3, 4:
		p.Conflict += n
	}
	if sc, ok := a.scores[plover]; ok {
		p.Scored += n
		p.psum += sc * float64(n)
	}
}

// points returns the periods in order with their means.
func (a *seriesAcc) points() []SeriesPoint {
	out := make([]SeriesPoint, 0, len(a.byKey))
	for _, p := range a.byKey {
		if p.Events > 0 {
			p.MeanGoldstein = p.gsum / float64(p.Events)
		}
		if p.Scored > 0 {
			p.MeanPLOVER = p.psum / float64(p.Scored)
		}
		out = append(out, p.SeriesPoint)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Period < out[j].Period })
	return out
}
