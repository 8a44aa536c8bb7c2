package api

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parleyproject/parley/internal/store"
)

// query reads and checks query parameters; each getter returns a
// bad_parameter error for a malformed value.
type query struct {
	values url.Values
}

func (q *query) str(name string) string { return strings.TrimSpace(q.values.Get(name)) }

// intIn returns the parameter as an integer in [lo, hi], or def when absent.
func (q *query) intIn(name string, lo, hi, def int) (int, error) {
	s := q.str(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badParam("%s must be an integer from %d to %d", name, lo, hi)
	}
	return n, nil
}

func (q *query) limit() (int, error) { return q.intIn("limit", 1, MaxLimit, DefaultLimit) }

func (q *query) offset() (int, error) { return q.intIn("offset", 0, 1<<30, 0) }

// date returns a YYYY-MM-DD parameter, zero when absent.
func (q *query) date(name string) (time.Time, error) {
	s := q.str(name)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, badParam("%s must be a date YYYY-MM-DD", name)
	}
	return t, nil
}

// dateRange returns from and to, checking from <= to.
func (q *query) dateRange() (from, to time.Time, err error) {
	if from, err = q.date("from"); err != nil {
		return
	}
	if to, err = q.date("to"); err != nil {
		return
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		err = badParam("to is before from")
	}
	return
}

// country returns a country code parameter (three letters), upper-cased.
func (q *query) country(name string) (string, error) {
	s := strings.ToUpper(q.str(name))
	if s != "" && !isCountry(s) {
		return "", badParam("%s must be a three-letter country code", name)
	}
	return s, nil
}

// dyadParam returns the dyad parameter, zero when absent.
func (q *query) dyad(name string) (store.Dyad, error) {
	s := q.str(name)
	if s == "" {
		return store.Dyad{}, nil
	}
	a, b, err := parseDyad(s)
	if err != nil {
		return store.Dyad{}, err
	}
	return store.NewDyad(a, b), nil
}

// parseDyad reads "USA-RUS" (or "USA,RUS") into its two countries, in the
// order given.
func parseDyad(s string) (a, b string, err error) {
	a, b, ok := store.ParseDyad(s)
	if !ok {
		return "", "", badParam("dyad must be two different three-letter country codes like USA-RUS")
	}
	return a, b, nil
}

func isCountry(s string) bool { return store.IsCountryCode(s) }

func isDigits(s string, lo, hi int) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// encodeCursor makes an opaque cursor of an event position, "" for none.
func encodeCursor(c *store.EventCursor) string {
	if c == nil {
		return ""
	}
	return c.String()
}

// decodeCursor reads a cursor made by encodeCursor.
func decodeCursor(s string) (*store.EventCursor, error) {
	c, err := store.ParseEventCursor(s)
	if err != nil {
		return nil, badParam("cursor is %v", err)
	}
	return c, nil
}
