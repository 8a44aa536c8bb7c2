package coder

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/parleyproject/parley/internal/entity"
	"github.com/parleyproject/parley/internal/nlp"
	"github.com/parleyproject/parley/internal/record"
	"github.com/parleyproject/parley/internal/timex"
)

// actorRecord converts the i-th actor of a party to its record form in
// *to, and returns to (nil when there is no such actor).
func actorRecord(p party, i int, to *record.Actor) *record.Actor {
	if p.empty() || i >= len(p.actors) {
		return nil
	}
	a := p.actors[i]
	*to = record.Actor{
		Code: actorCode(a), Country: a.Country, Sector: a.Sector, Name: a.Name,
		Title: a.Title, Org: a.Org, Text: p.texts[i],
	}
	return to
}

// actorCodes holds the codes of country-and-sector actors by their packed
// six letters, so that records share one string per code rather than
// allocating one per event. The map is never changed once published: a
// new code copies it (codes are few, bounded by states × sectors), so
// reading needs no lock.
var (
	actorCodes   atomic.Pointer[map[uint64]string]
	actorCodesMu sync.Mutex // serializes copies
)

// actorCode returns a.Code(), from actorCodes when a's country and sector
// are three ASCII letters each.
func actorCode(a entity.Actor) string {
	if a.Org != "" || len(a.Country) != 3 || len(a.Sector) != 3 {
		return a.Code()
	}
	k := uint64(a.Country[0]) | uint64(a.Country[1])<<8 | uint64(a.Country[2])<<16 |
		uint64(a.Sector[0])<<24 | uint64(a.Sector[1])<<32 | uint64(a.Sector[2])<<40
	if m := actorCodes.Load(); m != nil {
		if v, ok := (*m)[k]; ok {
			return v
		}
	}
	code := a.Code()
	actorCodesMu.Lock()
	defer actorCodesMu.Unlock()
	next := map[uint64]string{k: code}
	if m := actorCodes.Load(); m != nil {
		if len(*m) >= 1<<14 {
			return code // not a table of codes any more: stop growing it
		}
		for kk, v := range *m {
			next[kk] = v
		}
	}
	actorCodes.Store(&next)
	return code
}

// refersToMeeting reports a sentence that speaks of the talks or meeting
// the text is about ("the talks", "the latest round of consultations").
func refersToMeeting(toks []nlp.Token) bool {
	for i := 1; i < len(toks); i++ {
		switch toks[i].Norm {
		case "talks", "meeting", "round", "consultations", "discussions", "negotiations", "summit":
			for k := i - 1; k >= 0 && k >= i-3; k-- {
				switch toks[k].Norm {
				case "the", "these", "this", "latest", "thursday's", "wednesday's", "friday's", "monday's", "tuesday's", "saturday's", "sunday's":
					return true
				}
			}
		}
	}
	return false
}

// record builds the SPEC §3 record of an event and updates the document's
// meeting context.
func (c *Coder) record(d Doc, s *nlp.Sentence, e event, ann *entity.Annotations, ctx *context) record.Event {
	toks := s.Tokens
	t := e.h.pos[e.h.r.pat.Trigger]
	if t >= len(toks) {
		t = 0
	}
	trig := ""
	if len(e.h.r.elems) > 0 {
		first, last := e.h.pos[0], e.h.pos[len(e.h.pos)-1]
		if last-first <= 5 {
			trig = d.Body[toks[first].Start:toks[last].End]
		} else {
			trig = toks[t].Text
		}
	}
	// The source, target, location and day of the record, in one
	// allocation.
	blk := new(struct {
		pair [2]record.Actor
		loc  record.Location
		day  string
	})
	pair := &blk.pair
	rec := record.Event{
		Source:     actorRecord(e.src, 0, &pair[0]),
		Target:     actorRecord(e.tgt, 0, &pair[1]),
		Reciprocal: e.reciprocal,
		CAMEO:      e.code.Code,
		CAMEORoot:  e.code.Root,
		QuadClass:  e.code.Quad,
		Goldstein:  e.code.Goldstein,
		PLOVER:     record.PLOVER{Event: e.code.PLOVEREvent, Mode: e.code.PLOVERMode},
		Status:     e.status,
		Evidence: record.Evidence{
			Sentence: s.Index, Start: s.Start, End: s.End, Text: s.Text, Trigger: trig,
		},
		DatePrecision: record.PrecisionUnknown,
	}
	// Date: the time expression nearest the trigger.
	var best *entity.Date
	bestDist := 1 << 30
	dates := ann.SentenceDates(s.Index)
	datelineEnd := dateline(s)
	for i := range dates {
		dt := &dates[i]
		if dt.Start < datelineEnd {
			continue // "ISTANBUL, Feb 27 (AP) —" dates the report, not the event
		}
		if sinceBefore(d.Body, dt.Start) {
			continue // "the first visit since 2018" dates a state, not the event
		}
		dist := dt.Start - toks[t].End
		if dist < 0 {
			dist = toks[t].Start - dt.End
		}
		if dist < 0 {
			dist = 0
		}
		if relativeBetween(toks, t, dt.Start, dt.End) {
			continue // a relative clause's date: "…, which Beijing suspended last year"
		}
		if clauseBetween(toks, t, dt.Start, dt.End) {
			dist += 1 << 20 // another clause's date only as a last resort
		}
		if dist < bestDist {
			best, bestDist = dt, dist
		}
	}
	// Place: the place nearest after the trigger, else the first.
	places := ann.SentencePlaces(s.Index)
	var place *entity.Place
	for i := range places {
		if places[i].Tok > t {
			place = &places[i]
			break
		}
	}
	if place == nil && len(places) > 0 {
		place = &places[0]
	}
	if best == nil && e.code.Root != "01" && !ctx.relDay {
		// Facts reported about the talks the text is about take their
		// date and place: "In Riyadh, …", "During the latest round, …",
		// and the sentences after them in the same paragraph.
		m := ctx.find(places, refersToMeeting(toks))
		if m == nil && ctx.last != nil && ctx.lastPara == s.Para && ctx.lastSent >= s.Index-1 {
			m = ctx.last
		}
		if m != nil {
			best = m.date
			place = m.place
			ctx.last, ctx.lastPara, ctx.lastSent = m, s.Para, s.Index
		}
	}
	if best != nil {
		setDateIn(&rec, best.Expr, &blk.day)
	}
	if place != nil {
		blk.loc = record.Location{Name: place.Name, Country: place.Country, Lat: place.Lat, Lon: place.Lon}
		rec.Location = &blk.loc
		// "met in Geneva": a meeting in neither party's country is one at
		// a third location (044).
		if e.code.Code == "040" && place.Country != "" && rec.Source != nil && rec.Target != nil &&
			place.Country != rec.Source.Country && place.Country != rec.Target.Country {
			if cd, ok := c.codes.Lookup("044"); ok {
				rec.CAMEO, rec.Goldstein, rec.QuadClass = cd.Code, cd.Goldstein, cd.Quad
				rec.PLOVER = record.PLOVER{Event: cd.PLOVEREvent, Mode: cd.PLOVERMode}
			}
		}
	}
	if e.code.Root == "04" && best != nil && best.Precision == timex.Day && e.status == record.StatusReported {
		ctx.meetings = append(ctx.meetings, meetingCtx{date: best, place: place, country: countryOf(place)})
	}
	return rec
}

func countryOf(p *entity.Place) string {
	if p == nil {
		return ""
	}
	return p.Country
}

// find returns the meeting a sentence refers to: the one held in the
// country of the sentence's place, else, when the sentence speaks of "the
// talks", the first meeting of the text.
func (c *context) find(places []entity.Place, refers bool) *meetingCtx {
	for _, place := range places {
		for i := len(c.meetings) - 1; i >= 0; i-- {
			if c.meetings[i].country != "" && c.meetings[i].country == place.Country {
				return &c.meetings[i]
			}
		}
	}
	if refers && len(c.meetings) > 0 {
		return &c.meetings[0]
	}
	return nil
}

func setDate(rec *record.Event, x timex.Expr) {
	setDateIn(rec, x, new(string))
}

// setDateIn is setDate keeping a day's date in *day.
func setDateIn(rec *record.Event, x timex.Expr, day *string) {
	switch x.Precision {
	case timex.Day:
		if !x.Date.IsZero() {
			*day = x.Date.Format("2006-01-02")
			rec.Date = day
			rec.DatePrecision = record.PrecisionDay
		}
	case timex.Week:
		rec.DatePrecision = record.PrecisionWeek
		rec.Period = x.Format()
	case timex.Month:
		rec.DatePrecision = record.PrecisionMonth
		rec.Period = x.Format()
	case timex.Year:
		rec.DatePrecision = record.PrecisionYear
		rec.Period = x.Format()
	}
	if strings.TrimSpace(rec.Period) == "" && rec.Date == nil {
		rec.DatePrecision = record.PrecisionUnknown
	}
}

// dateline returns the end offset of a sentence's dateline, or -1.
func dateline(s *nlp.Sentence) int {
	if n := nlp.DatelineLen(s); n > 0 && n <= len(s.Tokens) {
		return s.Tokens[n-1].End
	}
	return -1
}

// sinceBefore reports "since" (or "until") right before byte offset at.
func sinceBefore(body string, at int) bool {
	pre := strings.TrimRight(body[max(0, at-8):at], " ")
	return strings.HasSuffix(pre, "since") || strings.HasSuffix(pre, "until") || strings.HasSuffix(pre, "Since")
}

// clauseBetween reports a clause boundary between token t and the span
// [start, end) of a date.
func clauseBetween(toks []nlp.Token, t, start, end int) bool {
	lo, hi := toks[t].End, start
	if end <= toks[t].Start {
		lo, hi = end, toks[t].Start
	}
	for i := range toks {
		if toks[i].Start >= lo && toks[i].End <= hi && boundary(&toks[i]) {
			return true
		}
	}
	return false
}

// relativeBetween reports a relative pronoun between token t and a date
// after it.
func relativeBetween(toks []nlp.Token, t, start, end int) bool {
	if end <= toks[t].Start {
		return false
	}
	for i := t + 1; i < len(toks) && toks[i].End <= start; i++ {
		switch toks[i].Norm {
		case "which", "who", "whose", "whom":
			return true
		case "it", "they", "he", "she", "we":
			// "lift the controls it imposed in July 2019": a relative
			// clause without "which", its own subject and verb.
			if i > t+1 && i+1 < len(toks) && toks[i-1].Kind == nlp.Word && isLowerWord(toks[i-1].Text) &&
				!functionWords.Has(toks[i-1].Norm) && strings.HasSuffix(toks[i+1].Norm, "ed") {
				return true
			}
		}
	}
	return false
}
