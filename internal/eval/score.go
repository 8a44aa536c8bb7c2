package eval

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/parleyproject/parley/internal/record"
)

// Counts are the true positives, false positives and false negatives of
// one measure.
type Counts struct {
	TP, FP, FN int
}

// Add adds c2 to c.
func (c *Counts) Add(c2 Counts) {
	c.TP += c2.TP
	c.FP += c2.FP
	c.FN += c2.FN
}

// Precision returns TP/(TP+FP) and false when nothing was predicted.
func (c Counts) Precision() (float64, bool) { return ratio(c.TP, c.TP+c.FP) }

// Recall returns TP/(TP+FN) and false when there was nothing to find.
func (c Counts) Recall() (float64, bool) { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall, 2TP/(2TP+FP+FN),
// and false when there was nothing to find and nothing predicted.
func (c Counts) F1() (float64, bool) { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func ratio(a, b int) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	return float64(a) / float64(b), true
}

// MarshalJSON writes the counts with precision, recall and F1; a measure
// whose denominator is zero is null.
func (c Counts) MarshalJSON() ([]byte, error) {
	opt := func(v float64, ok bool) *float64 {
		if !ok {
			return nil
		}
		return &v
	}
	return json.Marshal(struct {
		TP        int      `json:"tp"`
		FP        int      `json:"fp"`
		FN        int      `json:"fn"`
		Precision *float64 `json:"precision"`
		Recall    *float64 `json:"recall"`
		F1        *float64 `json:"f1"`
	}{c.TP, c.FP, c.FN, opt(c.Precision()), opt(c.Recall()), opt(c.F1())})
}

// Ratio is a share: Correct out of Total.
type Ratio struct {
	Correct int `json:"correct"`
	Total   int `json:"total"`
}

// Value returns Correct/Total and false when Total is zero.
func (r Ratio) Value() (float64, bool) { return ratio(r.Correct, r.Total) }

// EventItem describes a gold or predicted event in a report line.
type EventItem struct {
	Root       string  `json:"root"`
	Code       string  `json:"cameo"`
	Source     string  `json:"source"`
	Target     string  `json:"target"` // "" for none (gold: any)
	Reciprocal bool    `json:"reciprocal,omitempty"`
	Date       *string `json:"date"`
	Trigger    string  `json:"trigger,omitempty"`
	Sentence   string  `json:"sentence"`
	// Got is the prediction's code or date in a wrong-code or wrong-date
	// line; empty otherwise.
	Got string `json:"got,omitempty"`
}

// QuoteItem describes a gold or predicted quote in a report line.
type QuoteItem struct {
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
}

// MeetingItem describes a gold or predicted meeting in a report line.
type MeetingItem struct {
	Date    *string `json:"date"`
	Country string  `json:"country"`
	Place   string  `json:"place,omitempty"`
}

// DocResult is the score of one document.
type DocResult struct {
	// Name is the gold file's name without ".gold.json"; ID the document id.
	Name string `json:"name"`
	ID   string `json:"id"`
	// GoldEvents and Predicted count gold events and predicted reported
	// events; Ignored counts predicted events of another status.
	GoldEvents int `json:"gold_events"`
	Predicted  int `json:"predicted_events"`
	Ignored    int `json:"ignored_events"`
	// Events is root-level event scoring, Codes full-code scoring.
	Events Counts `json:"events"`
	Codes  Counts `json:"codes"`
	// Dates counts root-level matches whose date equals gold's.
	Dates        Ratio  `json:"dates"`
	Quotes       Counts `json:"quotes"`
	Meetings     Counts `json:"meetings"`
	Participants Counts `json:"participants"`
	// Roots breaks root-level event scoring down by CAMEO root: TP and FN
	// by the gold event's root, FP by the prediction's.
	Roots map[string]*Counts `json:"roots"`

	Misses             []EventItem   `json:"misses,omitempty"`
	FalseAlarms        []EventItem   `json:"false_alarms,omitempty"`
	WrongCodes         []EventItem   `json:"wrong_codes,omitempty"`
	WrongDates         []EventItem   `json:"wrong_dates,omitempty"`
	MissedQuotes       []QuoteItem   `json:"missed_quotes,omitempty"`
	FalseQuotes        []QuoteItem   `json:"false_quotes,omitempty"`
	MissedMeetings     []MeetingItem `json:"missed_meetings,omitempty"`
	FalseMeetings      []MeetingItem `json:"false_meetings,omitempty"`
	MissedParticipants []string      `json:"missed_participants,omitempty"`
	FalseParticipants  []string      `json:"false_participants,omitempty"`
}

// add adds the counts of d2 to d; item lists are not merged.
func (d *DocResult) add(d2 *DocResult) {
	d.GoldEvents += d2.GoldEvents
	d.Predicted += d2.Predicted
	d.Ignored += d2.Ignored
	d.Events.Add(d2.Events)
	d.Codes.Add(d2.Codes)
	d.Dates.Correct += d2.Dates.Correct
	d.Dates.Total += d2.Dates.Total
	d.Quotes.Add(d2.Quotes)
	d.Meetings.Add(d2.Meetings)
	d.Participants.Add(d2.Participants)
	if d.Roots == nil {
		d.Roots = map[string]*Counts{}
	}
	for r, c := range d2.Roots {
		if d.Roots[r] == nil {
			d.Roots[r] = &Counts{}
		}
		d.Roots[r].Add(*c)
	}
}

// pred is a predicted reported event reduced to what scoring needs.
type pred struct {
	src, tgt, root, code string
	date                 *string
	sentence, trigger    string
}

func predOf(e record.Event) pred {
	p := pred{code: e.CAMEO, root: e.CAMEORoot, date: e.Date, sentence: e.Evidence.Text, trigger: e.Evidence.Trigger}
	if e.Source != nil {
		p.src = strings.ToUpper(e.Source.Country)
	}
	if e.Target != nil {
		p.tgt = strings.ToUpper(e.Target.Country)
	}
	if p.root == "" && len(p.code) >= 2 {
		p.root = p.code[:2]
	}
	return p
}

// direction tells how a prediction lines up with a gold event: 0 not at
// all, 1 as annotated (source → target), 2 reversed (only for reciprocal
// gold events with a target).
func direction(g GoldEvent, p pred) int {
	if p.src == g.Source && (g.Target == "" || p.tgt == g.Target) {
		return 1
	}
	if g.Reciprocal && g.Target != "" && p.src == g.Target && p.tgt == g.Source {
		return 2
	}
	return 0
}

func sameDate(a, b *string) bool {
	norm := func(s *string) string {
		if s == nil {
			return ""
		}
		return strings.TrimSpace(*s)
	}
	return norm(a) == norm(b)
}

// eventMatch is the outcome of matching a document's events at one level.
type eventMatch struct {
	gold     []int  // gold index → prediction index or -1
	absorbed []bool // prediction is a reciprocal's other direction
	matched  []bool // prediction is matched to a gold event
}

// matchEvents matches gold events with predictions; byCode selects the
// full-code level instead of the root level.
//
// A reciprocal gold event matched in one direction absorbs one more
// unmatched prediction in the other direction (same sentence preferred):
// it counts neither as a true nor as a false positive.
func matchEvents(golds []GoldEvent, preds []pred, byCode bool) eventMatch {
	agree := func(g GoldEvent, p pred) bool {
		if byCode {
			return g.CAMEO == p.code
		}
		return g.Root == p.root
	}
	edge := func(i, j int) bool { return agree(golds[i], preds[j]) && direction(golds[i], preds[j]) != 0 }
	pref := func(i, j int) bool { return sameSentence(golds[i].Sentence, preds[j].sentence) }
	// Same sentence first (SPEC §5); among those, the same code, then the
	// same date, so that the code and date scores do not depend on which
	// of two equally good root-level pairs was taken.
	rank := func(i, j int) int {
		r := 0
		if pref(i, j) {
			r += 4
		}
		if golds[i].CAMEO == preds[j].code {
			r += 2
		}
		if sameDate(golds[i].Date, preds[j].date) {
			r++
		}
		return r
	}
	m := eventMatch{gold: match(len(golds), len(preds), edge, rank, 7), absorbed: make([]bool, len(preds)), matched: make([]bool, len(preds))}
	for _, j := range m.gold {
		if j >= 0 {
			m.matched[j] = true
		}
	}
	for i, j := range m.gold {
		g := golds[i]
		if j < 0 || !g.Reciprocal || g.Target == "" {
			continue
		}
		want := 3 - direction(g, preds[j])
		best := -1
		for k, p := range preds {
			if m.matched[k] || m.absorbed[k] || !agree(g, p) || direction(g, p) != want {
				continue
			}
			if best < 0 || (!pref(i, best) && pref(i, k)) {
				best = k
			}
		}
		if best >= 0 {
			m.absorbed[best] = true
		}
	}
	return m
}

func (m eventMatch) counts(nGold int) Counts {
	var c Counts
	for _, j := range m.gold {
		if j >= 0 {
			c.TP++
		}
	}
	c.FN = nGold - c.TP
	for k := range m.matched {
		if !m.matched[k] && !m.absorbed[k] {
			c.FP++
		}
	}
	return c
}

// Score scores one document against its gold annotation (SPEC §5):
//
//   - Events: only predictions with status "reported" count. A prediction
//     matches a gold event when source country, target country (a gold
//     null target matches any) and CAMEO root agree; a reciprocal gold
//     event matches either direction, and one more prediction in the other
//     direction is neither a true nor a false positive. Matching is one to
//     one and maximal, preferring predictions whose evidence sentence is
//     the gold sentence (compared after normalizing white space, quote
//     marks and case; one containing the other counts as the same).
//   - Codes: the same with the full CAMEO code.
//   - Dates: of the root-level matches, those whose date equals gold's
//     (both null counts as equal).
//   - Quotes: a prediction matches when one normalized text contains the
//     other and the speaker agrees: same last word of the name, or, when
//     the gold speaker is an institution or unnamed official ("Russian
//     Foreign Ministry", "State Department spokesperson"), same country
//     (or one unknown) and a shared word of four letters or more between
//     the gold speaker and the predicted speaker's name and title.
//   - Meetings: a prediction matches when date (null equals null) and
//     country agree; within matched meetings, participants match by last
//     name, one to one.
func Score(gold *Gold, doc *record.Document) DocResult {
	res := DocResult{ID: doc.ID, Roots: map[string]*Counts{}}
	root := func(r string) *Counts {
		if res.Roots[r] == nil {
			res.Roots[r] = &Counts{}
		}
		return res.Roots[r]
	}
	var preds []pred
	for _, e := range doc.Events {
		if e.Status != record.StatusReported {
			res.Ignored++
			continue
		}
		preds = append(preds, predOf(e))
	}
	res.GoldEvents, res.Predicted = len(gold.Events), len(preds)

	rm := matchEvents(gold.Events, preds, false)
	res.Events = rm.counts(len(gold.Events))
	cm := matchEvents(gold.Events, preds, true)
	res.Codes = cm.counts(len(gold.Events))
	for i, j := range rm.gold {
		g := gold.Events[i]
		if j < 0 {
			root(g.Root).FN++
			res.Misses = append(res.Misses, goldItem(g))
			continue
		}
		root(g.Root).TP++
		p := preds[j]
		res.Dates.Total++
		if sameDate(g.Date, p.date) {
			res.Dates.Correct++
		} else {
			it := goldItem(g)
			it.Got = "null"
			if p.date != nil {
				it.Got = *p.date
			}
			res.WrongDates = append(res.WrongDates, it)
		}
		if cm.gold[i] < 0 && g.CAMEO != p.code {
			it := goldItem(g)
			it.Got = p.code
			res.WrongCodes = append(res.WrongCodes, it)
		}
	}
	for k, p := range preds {
		if rm.matched[k] || rm.absorbed[k] {
			continue
		}
		root(p.root).FP++
		res.FalseAlarms = append(res.FalseAlarms, EventItem{Root: p.root, Code: p.code, Source: p.src, Target: p.tgt, Date: p.date, Trigger: p.trigger, Sentence: p.sentence})
	}

	scoreQuotes(&res, gold.Quotes, doc.Quotes)
	scoreMeetings(&res, gold.Meetings, doc.Meetings)
	return res
}

func goldItem(g GoldEvent) EventItem {
	return EventItem{Root: g.Root, Code: g.CAMEO, Source: g.Source, Target: g.Target, Reciprocal: g.Reciprocal, Date: g.Date, Sentence: g.Sentence}
}

// speakerAgrees applies the speaker rule of Score.
func speakerAgrees(g GoldQuote, s record.Speaker) bool {
	gl := lastName(g.Speaker)
	if gl == "" {
		return true
	}
	if !institutionWords[gl] {
		return gl == lastName(s.Name)
	}
	if g.SpeakerCountry != "" && s.Country != "" && !strings.EqualFold(g.SpeakerCountry, s.Country) {
		return false
	}
	if gl == lastName(s.Name) {
		return true
	}
	have := map[string]bool{}
	for _, w := range nameWords(s.Name + " " + s.Title) {
		have[w] = true
	}
	for _, w := range nameWords(g.Speaker) {
		if len([]rune(w)) >= 4 && have[w] {
			return true
		}
	}
	return false
}

func quoteTextsMatch(a, b string) bool {
	x, y := normText(a), normText(b)
	if x == "" || y == "" {
		return false
	}
	return strings.Contains(x, y) || strings.Contains(y, x)
}

func scoreQuotes(res *DocResult, golds []GoldQuote, preds []record.Quote) {
	edge := func(i, j int) bool {
		return quoteTextsMatch(golds[i].Text, preds[j].Text) && speakerAgrees(golds[i], preds[j].Speaker)
	}
	exact := func(i, j int) int {
		if normText(golds[i].Text) == normText(preds[j].Text) {
			return 1
		}
		return 0
	}
	m := match(len(golds), len(preds), edge, exact, 1)
	used := make([]bool, len(preds))
	for i, j := range m {
		if j >= 0 {
			res.Quotes.TP++
			used[j] = true
			continue
		}
		res.Quotes.FN++
		res.MissedQuotes = append(res.MissedQuotes, QuoteItem{Speaker: golds[i].Speaker, Text: golds[i].Text})
	}
	for j, q := range preds {
		if !used[j] {
			res.Quotes.FP++
			res.FalseQuotes = append(res.FalseQuotes, QuoteItem{Speaker: q.Speaker.Name, Text: q.Text})
		}
	}
}

func scoreMeetings(res *DocResult, golds []GoldMeeting, preds []record.Meeting) {
	edge := func(i, j int) bool {
		return sameDate(golds[i].Date, preds[j].Date) && strings.EqualFold(golds[i].Country, strings.TrimSpace(preds[j].Country))
	}
	// Among meetings of the same date and country, prefer the same place.
	place := func(i, j int) int {
		if p := normText(preds[j].Place); p != "" && strings.Contains(normText(golds[i].Place), p) {
			return 1
		}
		return 0
	}
	m := match(len(golds), len(preds), edge, place, 1)
	used := make([]bool, len(preds))
	for i, j := range m {
		g := golds[i]
		if j < 0 {
			res.Meetings.FN++
			res.MissedMeetings = append(res.MissedMeetings, MeetingItem{Date: g.Date, Country: g.Country, Place: g.Place})
			continue
		}
		res.Meetings.TP++
		used[j] = true
		scoreParticipants(res, g, preds[j])
	}
	for j, p := range preds {
		if !used[j] {
			res.Meetings.FP++
			res.FalseMeetings = append(res.FalseMeetings, MeetingItem{Date: p.Date, Country: p.Country, Place: p.Place})
		}
	}
}

// scoreParticipants matches participants of a matched meeting pair by last
// name, one to one.
func scoreParticipants(res *DocResult, g GoldMeeting, p record.Meeting) {
	left := map[string]int{}
	for _, gp := range p.Participants {
		if ln := lastName(gp.Name); ln != "" {
			left[ln]++
		}
	}
	var missed []string
	for _, gp := range g.Participants {
		ln := lastName(gp.Name)
		if ln != "" && left[ln] > 0 {
			left[ln]--
			res.Participants.TP++
			continue
		}
		res.Participants.FN++
		missed = append(missed, gp.Name)
	}
	date := "null"
	if g.Date != nil {
		date = *g.Date
	}
	for _, n := range missed {
		res.MissedParticipants = append(res.MissedParticipants, fmt.Sprintf("%s (%s %s)", n, date, g.Country))
	}
	// What is left over in the prediction are false participants; report
	// them by full name, in prediction order.
	for _, pp := range p.Participants {
		ln := lastName(pp.Name)
		if left[ln] > 0 {
			left[ln]--
			res.Participants.FP++
			res.FalseParticipants = append(res.FalseParticipants, fmt.Sprintf("%s (%s %s)", pp.Name, date, g.Country))
		}
	}
}

// sortedRoots returns the keys of a root breakdown in order.
func sortedRoots(m map[string]*Counts) []string {
	out := make([]string, 0, len(m))
	for r := range m {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}
