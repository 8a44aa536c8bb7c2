package ledger

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/parleyproject/parley/internal/entity"
	"github.com/parleyproject/parley/internal/nlp"
	"github.com/parleyproject/parley/internal/record"
	"github.com/parleyproject/parley/internal/timex"
)

// Meeting kinds.
const (
	KindMeeting = "meeting"
	KindTalks   = "talks"
	KindCall    = "call"
	KindVisit   = "visit"
	KindSummit  = "summit"
)

// contactWords are the words that name a contact between states, by kind.
var contactWords = map[string]string{
	"meeting": KindMeeting, "meetings": KindMeeting, "met": KindMeeting, "meet": KindMeeting,
	"meets": KindMeeting, "gathering": KindMeeting, "encounter": KindMeeting, "session": KindMeeting,
	"talks": KindTalks, "negotiations": KindTalks, "consultations": KindTalks, "discussions": KindTalks,
	"round": KindTalks, "rounds": KindTalks, "negotiation": KindTalks,
	"call": KindCall, "phone": KindCall, "telephone": KindCall, "spoke": KindCall, "conversation": KindCall,
	"summit": KindSummit, "summits": KindSummit,
	"visit": KindVisit, "visited": KindVisit, "visiting": KindVisit, "trip": KindVisit,
	"ceremony": KindMeeting, "signed": KindMeeting, "signing": KindMeeting,
}

// notYet are words before a contact word that make it a plan or a
// possibility rather than a contact that took place.
var notYet = map[string]bool{
	"will": true, "would": true, "could": true, "might": true, "may": true, "plan": true, "plans": true,
	"planned": true, "expected": true, "next": true, "future": true, "possible": true, "proposed": true,
	"upcoming": true, "additional": true, "further": true, "another": true, "new": true, "potential": true,
	"scheduled": true, "to": true, "should": true, "shall": true,
	// Contacts broken off or refused are not contacts either.
	"suspending": true, "suspended": true, "cancelled": true, "canceled": true, "cancelling": true,
	"canceling": true, "postponed": true, "halted": true, "no": true, "without": true, "boycotted": true,
	"froze": true, "frozen": true, "freezing": true, "refused": true, "skipped": true,
}

// venueWords end a venue phrase ("at the U.S. Consul General's residence").
var venueWords = map[string]bool{
	"residence": true, "palace": true, "office": true, "hotel": true, "embassy": true, "consulate": true,
	"ministry": true, "house": true, "hall": true, "center": true, "centre": true, "villa": true,
	"building": true, "headquarters": true, "lawn": true, "kremlin": true, "resort": true, "castle": true,
	"mansion": true, "compound": true, "estate": true, "room": true, "chancellery": true, "complex": true,
}

// venueVerbs come before "at" in a venue phrase: "held at", "arrived at".
var venueVerbs = map[string]bool{
	"held": true, "met": true, "arrived": true, "hosted": true, "gathered": true, "convened": true,
	"place": true, "received": true, "welcomed": true, "arrive": true, "arrives": true, "signed": true,
	"meet": true, "sat": true, "hold": true, "holds": true,
}

var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
}

var (
	durationRe  = regexp.MustCompile(`\b(?:last(?:ed|ing|s)?|met|talked|spoke|conferred|spent)\s+(?:for\s+)?(?:around|about|nearly|almost|more than|over|some|roughly|just over|just under|less than|under)?\s*((?:\d+(?:[-–.]\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|half an?)\s*(?:and a half\s+)?(?:hours?|minutes?|days?)(?:\s+and a half)?)`)
	hyphenDurRe = regexp.MustCompile(`\b((?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|half)[- ](?:hour|minute|day))(?:-long)?\s+(?:meeting|talks|call|phone call|visit|summit|session|conversation|discussions|negotiations)`)
)

// contact is one contact word of a sentence with what anchors it.
type contact struct {
	sent, tok int
	kind      string
	date      *entity.Date
	place     *entity.Place
	planned   bool
	definite  bool
	// needsPlace marks contact words that make a meeting only with a
	// place: "signed in Istanbul" (but not "signed a decree on Monday").
	needsPlace bool
}

// meetingBuild is a meeting being assembled.
type meetingBuild struct {
	rec       record.Meeting
	date      *entity.Date
	place     *entity.Place
	firstSent int
	mentions  int
	// ownParties are parties from the actors of events in the meeting's
	// sentences.
	ownParties []string
	// multilateral marks a meeting of an international body's members.
	multilateral bool
}

// Meetings finds the meetings, calls, visits and rounds of talks d
// reports as having taken place, merging the mentions of each into one
// record with its date, place, venue, parties, participants, round,
// duration, agenda and outcomes.
func Meetings(d Doc) []record.Meeting {
	ann := d.Ann
	if ann == nil {
		return nil
	}
	evBySent := map[int][]record.Event{}
	for _, e := range d.Events {
		evBySent[e.Evidence.Sentence] = append(evBySent[e.Evidence.Sentence], e)
	}
	var ms []*meetingBuild
	main := -1    // the document's first anchored meeting
	current := -1 // the meeting the text is talking about
	curPara := -1
	lastCtxSent := -10
	for si := range ann.Sentences {
		s := &ann.Sentences[si]
		if s.Headline {
			continue
		}
		cs := contacts(d, s)
		// 04 events whose trigger has no contact word near it are
		// contacts of their own ("was welcomed by", "hosted").
		for _, e := range evBySent[si] {
			if e.CAMEORoot != "04" || e.Status != record.StatusReported {
				continue
			}
			if near(cs, s, e) || !contactTrigger(e.Evidence.Trigger) {
				continue
			}
			cs = append(cs, contact{sent: si, tok: triggerTok(s, e), kind: kindOfEvent(e)})
		}
		sort.Slice(cs, func(i, j int) bool { return cs[i].tok < cs[j].tok })
		anchor(d, s, cs)
		if len(ms) == 0 && s.Para <= 1 {
			leadAnchor(d, s, cs)
		}
		ctx := -1
		sentIdx, sentTok := -1, 0 // the meeting of the sentence's last contact
		for ci, c := range cs {
			anchored := c.date != nil && c.date.Precision == timex.Day && !c.needsPlace || c.place != nil
			if c.planned || !anchored {
				if ci == 0 && c.definite {
					ctx = focus(current, main, curPara, s.Para)
				}
				continue
			}
			idx := findMeeting(ms, c)
			if idx < 0 && sentIdx >= 0 && compatible(ms[sentIdx], c) && !hasWord(s.Tokens[sentTok:c.tok], "follows", "followed", "following", "after", "before", "since", "ahead", "preceded", "than", "and") {
				// "received X at the palace on Monday, the first visit by
				// …": one contact named twice in a sentence.
				idx = sentIdx
			}
			if idx < 0 && c.definite && c.date == nil && len(ms) > 0 {
				// "told reporters in Beijing that the talks …": a place
				// near a definite reference does not make a new meeting.
				if ci == 0 {
					ctx = focus(current, main, curPara, s.Para)
				}
				continue
			}
			if idx < 0 {
				b := &meetingBuild{firstSent: si}
				b.rec = record.Meeting{Kind: c.kind, Parties: []string{}, Participants: []record.Participant{},
					Topics: []string{}, ExcludedTopics: []string{}, Outcomes: []string{}, Evidence: []record.Evidence{}}
				ms = append(ms, b)
				idx = len(ms) - 1
			}
			sentIdx, sentTok = idx, c.tok
			b := ms[idx]
			b.mentions++
			b.absorb(c)
			b.addEvidence(s, c.tok, c.tok+1, "contact")
			b.addParties(d, s, c, cs, evBySent[si])
			if ci == 0 {
				ctx = idx
			}
			if main < 0 {
				main = idx
			}
		}
		if ctx < 0 {
			// "In Riyadh, …", "arrived at … in Istanbul": a sentence naming
			// a meeting's city is about that meeting.
		places:
			for _, p := range ann.SentencePlaces(si) {
				p := p
				if p.IsCountry && p.Tok > 2 {
					continue
				}
				for i, b := range ms {
					if samePlace(b.place, &p) {
						ctx = i
						if b.place != nil && b.place.IsCountry && !p.IsCountry {
							b.place = &p
						}
						break places
					}
				}
			}
		}
		if ctx < 0 && (current >= 0 || main >= 0) && collectiveReport(ann, s) {
			// "The two sides discussed …", "Both sides agreed …".
			ctx = focus(current, main, curPara, s.Para)
		}
		if ctx < 0 && current >= 0 && s.Para == curPara && si-lastCtxSent <= 1 {
			ctx = current // the next sentence of the same paragraph
		}
		if ctx < 0 {
			continue
		}
		if b := ms[ctx]; (b.date == nil || b.date.Precision < timex.Day) && refersTo(ann, s, b, cs) {
			// "… at Diriyah Palace on February 18": the one free day date
			// of a sentence about an undated meeting dates it.
			var free []*entity.Date
			dates := ann.SentenceDates(si)
			for i := range dates {
				if dates[i].Precision == timex.Day && !dates[i].Future && !dates[i].Date.IsZero() && !anchoredDate(cs, &dates[i]) {
					free = append(free, &dates[i])
				}
			}
			if len(free) == 1 && findMeeting(ms, contact{kind: b.rec.Kind, date: free[0]}) < 0 {
				b.date = free[0]
				b.addEvidence(s, tokAt(s.Tokens, free[0].Start), tokAt(s.Tokens, free[0].End), "date")
			}
		}
		ms[ctx].fields(d, s, evBySent[si])
		current, curPara, lastCtxSent = ctx, s.Para, si
	}
	placeFromDates(d, ms)
	out := make([]record.Meeting, 0, len(ms))
	for _, b := range ms {
		b.finish(d, len(out))
		states := 0
		for _, p := range b.rec.Parties {
			if !isBodyCountry(p) {
				states++
			}
		}
		if states < 2 {
			continue // a meeting inside one state, or of unknown parties
		}
		out = append(out, b.rec)
	}
	return out
}

// focus is the meeting a definite reference ("the talks") points to: the
// current one within its paragraph, else the document's main meeting.
func focus(current, main, curPara, para int) int {
	if current >= 0 && curPara == para {
		return current
	}
	if main >= 0 {
		return main
	}
	return current
}

// contacts finds the contact words of s and anchors each to the date and
// place nearest it.
func contacts(d Doc, s *nlp.Sentence) []contact {
	toks := s.Tokens
	var cs []contact
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if (t.Norm == "delegation" || t.Norm == "delegations" || (t.Norm == "side" || t.Norm == "team") && hasWord(toks[max(0, i-4):min(len(toks), i+4)], "led", "headed")) && i > 0 {
			// "The Russian delegation": a reference to the talks at hand.
			if n := toks[i-1].Norm; n == "the" || i > 1 && toks[i-2].Norm == "the" {
				cs = append(cs, contact{sent: s.Index, tok: i, definite: true, planned: true})
			}
			continue
		}
		kind, ok := contactWords[t.Norm]
		if !ok || t.Kind != nlp.Word {
			continue
		}
		if domesticBefore(d, s, i) {
			continue
		}
		switch t.Norm {
		case "call":
			// A noun: "a phone call", "the call"; not "call for", "call on".
			det := i > 0 && (toks[i-1].Norm == "the" || toks[i-1].Norm == "a" || toks[i-1].Norm == "their" || toks[i-1].Norm == "this" || toks[i-1].Norm == "that")
			if !det && i+1 < len(toks) && (toks[i+1].Norm == "for" || toks[i+1].Norm == "on" || toks[i+1].Norm == "to" || toks[i+1].Norm == "it") {
				continue
			}
			if i > 0 && toks[i-1].Norm == "phone" || i > 0 && toks[i-1].Norm == "telephone" {
				continue // counted at "phone"
			}
		case "phone", "telephone":
			if i >= 2 && toks[i-1].Norm == "by" && (toks[i-2].Norm == "spoke" || toks[i-2].Norm == "talked") {
				continue // counted at "spoke"
			}
			if !(i+1 < len(toks) && (toks[i+1].Norm == "call" || toks[i+1].Norm == "calls" || toks[i+1].Norm == "conversation")) && !(i > 0 && toks[i-1].Norm == "by") {
				continue
			}
		case "spoke":
			if !(i+2 < len(toks) && (toks[i+1].Norm == "by" || toks[i+1].Norm == "on") && (toks[i+2].Norm == "phone" || toks[i+2].Norm == "telephone" || toks[i+2].Norm == "the")) && !(i+1 < len(toks) && toks[i+1].Norm == "with") {
				continue
			}
		case "round", "rounds":
			// Only "round of talks", counted at "talks"; "a round of
			// sanctions" is no contact.
			continue
		case "meet", "visit":
			// Infinitives and modals are plans: "to meet", "will visit".
		}
		c := contact{sent: s.Index, tok: i, kind: kind, needsPlace: t.Norm == "signed" || t.Norm == "signing"}
		for j := i - 1; j >= 0 && j >= i-4; j-- {
			n := toks[j].Norm
			if notYet[n] {
				c.planned = true
			}
			if !contactVerbs[t.Norm] && (n == "the" || n == "this" || n == "these" || n == "that" || n == "latest" || n == "last" || isPossessiveTok(n)) {
				c.definite = true
			}
			if toks[j].Kind == nlp.Punct {
				break
			}
		}
		if i+1 < len(toks) && toks[i+1].Norm == "of" && i+2 < len(toks) && contactWords[toks[i+2].Norm] != "" {
			// "round of talks": one contact, at the second word.
			continue
		}
		cs = append(cs, c)
		if t.Norm == "phone" || t.Norm == "telephone" {
			i++
		}
	}
	return cs
}

// anchor gives each contact of cs the date and place that belong to it:
// a date or place right before the contact word modifies it ("a February
// 12 phone call", "the Istanbul meeting"); otherwise one after it belongs
// to the nearest contact word before it ("met in Istanbul on Thursday").
// A contact left without a date takes the sentence's only free day date
// when it has a place, and a free place near it when it has a date.
func anchor(d Doc, s *nlp.Sentence, cs []contact) {
	toks := s.Tokens
	pick := func(start, end int, maxBefore int) int {
		// A contact word right after the anchor.
		for ci := range cs {
			if c := cs[ci]; c.tok >= end && c.tok-end <= 1 && !c.planned && c.kind != "" && onlyModifiers(toks[end:c.tok]) {
				return ci
			}
		}
		best := -1
		for ci := range cs {
			c := cs[ci]
			if c.definite && start-c.tok > 4 {
				continue // "The summit was made possible by a plan announced on March 6"
			}
			if c.tok < start && start-c.tok <= maxBefore && !crossesContact(cs, c.tok, start) {
				best = ci
			}
		}
		return best
	}
	usedDate := map[int]bool{}
	dates := d.Ann.SentenceDates(s.Index)
	for di := range dates {
		dt := dates[di]
		if dt.Precision == timex.Unknown || dt.Date.IsZero() {
			continue
		}
		k, e := tokAt(toks, dt.Start), tokAt(toks, dt.End)
		// A date opening the sentence ("On February 12, …") dates its
		// first contact.
		best := pick(k, e, 14)
		if best < 0 && k <= 1 && len(cs) > 0 {
			best = 0
		}
		if best >= 0 && (cs[best].date == nil || dt.Precision > cs[best].date.Precision) {
			cs[best].date = &dates[di]
			usedDate[di] = true
			if dt.Future {
				cs[best].planned = true
			}
		}
	}
	places := d.Ann.SentencePlaces(s.Index)
	usedPlace := map[int]bool{}
	for pi := range places {
		p := places[pi]
		best := -1
		if ci := pick(p.Tok, p.TokEnd, 12); ci >= 0 && (cs[ci].tok > p.Tok || hasWord(toks[cs[ci].tok+1:p.Tok], "in", "at", "to", "on", "of")) {
			best = ci
		}
		// "flew to Tokyo for a two-day visit".
		if best < 0 {
			for ci := range cs {
				if c := cs[ci]; c.tok > p.Tok && c.tok-p.TokEnd <= 4 && p.Tok > 0 && (toks[p.Tok-1].Norm == "to" || toks[p.Tok-1].Norm == "in") && !crossesContact(cs, p.Tok, c.tok) {
					best = ci
					break
				}
			}
		}
		if best >= 0 && cs[best].kind != KindCall && (cs[best].place == nil || cs[best].place.IsCountry && !p.IsCountry) {
			cs[best].place = &places[pi]
			usedPlace[pi] = true
		}
	}
	// "the first visit by an Armenian leader to Turkey": a visit's
	// destination named as a state.
	for ci := range cs {
		c := &cs[ci]
		if c.kind != KindVisit || c.place != nil {
			continue
		}
		for _, m := range d.Ann.SentenceMentions(s.Index) {
			if m.Kind == entity.State && m.Tok > c.tok && m.Tok-c.tok <= 8 && m.Tok > 0 && toks[m.Tok-1].Norm == "to" && !crossesContact(cs, c.tok, m.Tok) {
				c.place = &entity.Place{Sentence: m.Sentence, Tok: m.Tok, TokEnd: m.TokEnd, Start: m.Start, End: m.End,
					Text: m.Text, Name: m.Text, Country: m.Actor.Country, IsCountry: true}
				break
			}
		}
	}
	for ci := range cs {
		c := &cs[ci]
		if c.kind == "" || c.planned {
			continue
		}
		if c.date == nil && (c.place != nil || c.kind == KindCall) {
			var free []int
			for di := range dates {
				if !usedDate[di] && dates[di].Precision == timex.Day && !dates[di].Future && !dates[di].Date.IsZero() {
					free = append(free, di)
				}
			}
			if len(free) == 1 {
				c.date = &dates[free[0]]
				usedDate[free[0]] = true
			}
		}
	}
}

func crossesContact(cs []contact, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for _, c := range cs {
		if c.tok > a && c.tok < b {
			return true
		}
	}
	return false
}

func isPossessiveTok(n string) bool { return n == "'s" || n == "its" || n == "their" || n == "our" }

func hasWord(toks []nlp.Token, words ...string) bool {
	for _, t := range toks {
		for _, w := range words {
			if t.Norm == w {
				return true
			}
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// tokAt returns the index of the token of toks starting at or after off.
func tokAt(toks []nlp.Token, off int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off })
}

// triggerTok returns the token of s where event e's trigger starts.
func triggerTok(s *nlp.Sentence, e record.Event) int {
	tr := e.Evidence.Trigger
	if tr == "" {
		return 0
	}
	if k := strings.Index(s.Text, tr); k >= 0 {
		return tokAt(s.Tokens, s.Start+k)
	}
	return 0
}

// near reports whether a contact word of cs lies within three tokens of
// event e's trigger.
func near(cs []contact, s *nlp.Sentence, e record.Event) bool {
	t := triggerTok(s, e)
	for _, c := range cs {
		if abs(c.tok-t) <= 3 {
			return true
		}
	}
	return false
}

func kindOfEvent(e record.Event) string {
	switch e.CAMEO {
	case "041":
		return KindCall
	case "042", "043":
		return KindVisit
	case "046":
		return KindTalks
	}
	tr := strings.ToLower(e.Evidence.Trigger)
	for w, k := range contactWords {
		if strings.Contains(tr, w) {
			return k
		}
	}
	return KindMeeting
}

// findMeeting returns the meeting c is a mention of: same day, or same
// place where at most one side is dated; -1 when c is a new contact.
func findMeeting(ms []*meetingBuild, c contact) int {
	for i, b := range ms {
		if (b.rec.Kind == KindCall) != (c.kind == KindCall) {
			continue
		}
		bd, cd := b.date, c.date
		if bd != nil && cd != nil && bd.Precision == timex.Day && cd.Precision == timex.Day {
			if bd.Date.Equal(cd.Date) {
				return i
			}
			continue
		}
		if bd != nil && cd != nil && bd.Format() != "" && cd.Format() != "" && !strings.HasPrefix(bd.Format(), cd.Format()) && !strings.HasPrefix(cd.Format(), bd.Format()) {
			continue
		}
		if c.place != nil && b.place != nil && samePlace(b.place, c.place) {
			return i
		}
	}
	// "Thursday's talks", "the Tokyo summit": a definite reference joins
	// the one meeting it does not contradict.
	if c.definite {
		found := -1
		for i, b := range ms {
			if (b.rec.Kind == KindCall) != (c.kind == KindCall) {
				continue
			}
			if c.date != nil && b.date != nil && !b.date.Date.Equal(c.date.Date) || c.place != nil && b.place != nil && !samePlace(b.place, c.place) {
				continue
			}
			if found >= 0 {
				return -1
			}
			found = i
		}
		return found
	}
	return -1
}

// samePlace reports places that name the same city, or a city and its
// country.
func samePlace(a, b *entity.Place) bool {
	if a == nil || b == nil {
		return false
	}
	if strings.EqualFold(a.Name, b.Name) {
		return true
	}
	return (a.IsCountry || b.IsCountry) && a.Country != "" && a.Country == b.Country
}

// absorb takes c's date, place and kind where they say more than b has.
func (b *meetingBuild) absorb(c contact) {
	if c.date != nil && (b.date == nil || c.date.Precision > b.date.Precision) {
		b.date = c.date
	}
	if c.place != nil && (b.place == nil || b.place.IsCountry && !c.place.IsCountry) {
		b.place = c.place
	}
	// The most specific kind wins: a summit or a visit is also a meeting.
	if kindRank(c.kind) > kindRank(b.rec.Kind) {
		b.rec.Kind = c.kind
	}
}

func kindRank(k string) int {
	switch k {
	case KindSummit:
		return 4
	case KindVisit:
		return 3
	case KindTalks:
		return 2
	case KindMeeting:
		return 1
	}
	return 0
}

func (b *meetingBuild) addEvidence(s *nlp.Sentence, from, to int, field string) {
	ev := record.Evidence{Sentence: s.Index, Start: s.Start, End: s.End, Field: field}
	if from >= 0 && from < len(s.Tokens) && to > from && to <= len(s.Tokens) {
		ev.Start, ev.End = s.Tokens[from].Start, s.Tokens[to-1].End
		ev.Trigger = s.Text[ev.Start-s.Start : ev.End-s.Start]
	}
	ev.Text = s.Text
	for _, x := range b.rec.Evidence {
		if x.Start == ev.Start && x.End == ev.End && x.Field == ev.Field {
			return
		}
	}
	b.rec.Evidence = append(b.rec.Evidence, ev)
}

// addParties takes the parties and participants of contact c: the actors
// of the 04 events at it, the persons "between X and Y" or joined with
// "and" around it, and the states named in its stretch of the sentence.
func (b *meetingBuild) addParties(d Doc, s *nlp.Sentence, c contact, cs []contact, evs []record.Event) {
	lo, hi := 0, len(s.Tokens)
	for _, o := range cs {
		if o.tok < c.tok && o.tok+1 > lo {
			lo = o.tok + 1
		}
		if o.tok > c.tok && o.tok < hi {
			hi = o.tok
		}
	}
	if lo > 0 {
		lo = c.tok
	}
	for _, e := range evs {
		if e.CAMEORoot != "04" || abs(triggerTok(s, e)-c.tok) > 3 {
			continue
		}
		for _, a := range []*record.Actor{e.Source, e.Target} {
			if a == nil {
				continue
			}
			b.rec.Parties = appendUnique(b.rec.Parties, a.Country)
		}
	}
	if hi <= lo {
		return
	}
	toks := s.Tokens
	// The clause around the contact word: between the commas or
	// semicolons around it, at most 15 tokens before and 12 after.
	cl, cr := max(lo, c.tok-15), min(hi, c.tok+16)
	for j := c.tok - 1; j >= cl; j-- {
		if n := toks[j].Norm; n == "," || n == ";" || n == "that" || n == "which" || n == "—" {
			cl = j + 1
			break
		}
	}
	for j := c.tok + 1; j < cr; j++ {
		if n := toks[j].Norm; n == "," && !hasWord(toks[c.tok+1:j], "between") || n == ";" || n == "that" || n == "which" || n == "—" {
			cr = j
			break
		}
	}
	persons := 0
	collective := false
	for _, m := range d.Ann.SentenceMentions(s.Index) {
		if (m.Kind == entity.Body || m.Kind != entity.Person && isBodyCountry(m.Actor.Country)) && !afterPreposition(s, m) && !m.Possessive {
			b.multilateral = true // "At a summit in Brussels, EU leaders agreed"
		}
	}
	for _, m := range d.Ann.SentenceMentions(s.Index) {
		if m.Tok < cl || m.TokEnd > cr {
			continue
		}
		if m.Possessive && m.TokEnd != c.tok && !(m.Kind == entity.Person && m.TokEnd+1 < len(toks) && contactWords[toks[m.TokEnd+1].Norm] != "") {
			continue
		}
		switch m.Kind {
		case entity.Person:
			if m.Actor.Former {
				continue
			}
			persons++
			b.addParticipant(m, "")
			b.rec.Parties = appendUnique(b.rec.Parties, m.Actor.Country)
			b.addEvidence(s, m.Tok, m.TokEnd, "participant")
		case entity.State, entity.Institution, entity.Group, entity.Body:
			if isBodyCountry(m.Actor.Country) {
				if m.Actor.Country != "" {
					b.multilateral = true // "EU leaders", "NATO allies"
				}
				continue
			}
			if afterPreposition(s, m) && m.Tok > c.tok && !hasWord(toks[c.tok:m.Tok], "between", "with") {
				continue // "met in Moscow": a place, not a party
			}
			b.rec.Parties = appendUnique(b.rec.Parties, m.Actor.Country)
		case entity.Collective:
			collective = true
			for _, a := range m.Members {
				b.rec.Parties = appendUnique(b.rec.Parties, a.Country)
			}
		}
	}
	if !contactVerbs[toks[c.tok].Norm] && c.tok+1 < len(toks) && hasWord(toks[c.tok+1:min(len(toks), c.tok+3)], "with") {
		// "He had proposed a summit … during a phone call with Putin":
		// the sentence's subject is the other side.
		for _, m := range d.Ann.SentenceMentions(s.Index) {
			if m.Tok >= c.tok {
				break
			}
			if m.Kind == entity.Person && !m.Possessive && !afterPreposition(s, m) && !m.Actor.Former {
				b.addParticipant(m, "")
				b.rec.Parties = appendUnique(b.rec.Parties, m.Actor.Country)
				break
			}
		}
	}
	if persons == 0 && collective {
		// "The two leaders met": the persons the previous sentences
		// named, when their titles fit the description.
		var coll string
		for _, m := range d.Ann.SentenceMentions(s.Index) {
			if m.Kind == entity.Collective && m.Tok >= cl && m.TokEnd <= cr {
				coll = strings.ToLower(m.Text)
			}
		}
		for si := s.Index - 1; si >= 0 && si >= s.Index-2; si-- {
			n := 0
			for _, m := range d.Ann.SentenceMentions(si) {
				if m.Kind == entity.Person && !m.Actor.Former && !m.Possessive && m.How != "coref" && titleFits(coll, m.Actor.Title) {
					b.addParticipant(m, "")
					n++
				}
			}
			if n > 0 {
				break
			}
		}
	}
}

// contactVerbs are the contact words that are verbs, with a subject before
// them and an object after.
var contactVerbs = map[string]bool{
	"met": true, "meet": true, "meets": true, "spoke": true, "visited": true, "visiting": true, "visit": true,
}

func isBodyCountry(c string) bool {
	switch c {
	case "", "UNO", "EUR", "NAT", "AFR", "ASN", "IGO":
		return true
	}
	return false
}

func (b *meetingBuild) addParticipant(m entity.Mention, role string) {
	name := m.Actor.Name
	if name == "" {
		name = m.Text
	}
	for i := range b.rec.Participants {
		p := &b.rec.Participants[i]
		if strings.EqualFold(p.Name, name) || lastWord(p.Name) == lastWord(name) || p.Country == m.Actor.Country && shareNameWord(p.Name, name) {
			if p.Role == "" {
				p.Role = role
			}
			if p.Title == "" {
				p.Title = m.Actor.Title
			}
			if nameWords(name) > nameWords(p.Name) {
				p.Name = name // "Xi Jinping" over "President Xi"
			}
			return
		}
	}
	b.rec.Participants = append(b.rec.Participants, record.Participant{Name: name, Country: m.Actor.Country, Title: m.Actor.Title, Role: role})
}

// fields reads what sentence s says about the meeting: delegation heads,
// venue, round, duration, agenda, topics off the agenda and outcomes.
func (b *meetingBuild) fields(d Doc, s *nlp.Sentence, evs []record.Event) {
	toks := s.Tokens
	ms := d.Ann.SentenceMentions(s.Index)
	// "led by X", "headed by X": the head of a delegation.
	for i := 0; i+1 < len(toks); i++ {
		if (toks[i].Norm == "led" || toks[i].Norm == "headed") && toks[i+1].Norm == "by" {
			// "The Chinese side was headed by X": the side's country.
			side := ""
			for _, m := range ms {
				if m.TokEnd <= i && i-m.TokEnd <= 4 && m.Kind != entity.Person && m.Kind != entity.Collective && !isBodyCountry(m.Actor.Country) {
					side = m.Actor.Country
				}
			}
			for _, m := range ms {
				if m.Kind == entity.Person && m.Tok >= i+2 && m.Tok <= i+3 {
					if side != "" {
						m.Actor.Country = side
					}
					b.addParticipant(m, "head of delegation")
					b.rec.Parties = appendUnique(b.rec.Parties, m.Actor.Country)
					b.addEvidence(s, i, m.TokEnd, "participant")
				}
			}
		}
		// "X led the Russian delegation" with X a name the resolver left
		// alone: the capitalized words before the verb.
		if (toks[i].Norm == "led" || toks[i].Norm == "headed") && hasWord(toks[i+1:min(len(toks), i+4)], "delegation", "team", "side") {
			side := ""
			for _, m := range ms {
				if m.Tok > i && m.Tok <= i+4 && m.Kind != entity.Person && !isBodyCountry(m.Actor.Country) {
					side = m.Actor.Country
					break
				}
			}
			if p, ok := nameBefore(d, s, i); ok && side != "" {
				p.Country = side
				known := false
				for _, m := range ms {
					known = known || m.Kind == entity.Person && m.End == p.end
				}
				if !known {
					b.addParticipant(entity.Mention{Text: p.Name, Actor: entity.Actor{Name: p.Name, Title: p.Title, Country: side}}, "head of delegation")
					b.rec.Parties = appendUnique(b.rec.Parties, side)
					b.addEvidence(s, p.tok, i+1, "participant")
				}
			}
		}
		// "X led the Russian delegation".
		if (toks[i].Norm == "led" || toks[i].Norm == "headed") && hasWord(toks[i+1:min(len(toks), i+4)], "delegation", "team", "side", "delegations") {
			for _, m := range ms {
				gap := m.TokEnd
				// "X, who runs the department, led the Russian side".
				if gap+1 < i && toks[gap].Norm == "," && toks[gap+1].Norm == "who" {
					for gap++; gap < i && toks[gap].Norm != ","; gap++ {
					}
				}
				if m.Kind == entity.Person && m.TokEnd <= i && i-gap <= 3 {
					b.addParticipant(m, "head of delegation")
					b.addEvidence(s, m.Tok, i+1, "participant")
				}
			}
		}
	}
	// "hosted by X", "X hosted": the host.
	for i := 0; i < len(toks); i++ {
		if toks[i].Norm == "hosted" && i+1 < len(toks) && toks[i+1].Norm == "by" {
			for _, m := range ms {
				if m.Kind == entity.Person && m.Tok >= i+2 && m.Tok <= i+3 && !m.Actor.Former {
					b.addParticipant(m, "host")
					b.addEvidence(s, i, m.TokEnd, "participant")
				}
			}
		}
	}
	// "X sat across the table from Y", "X attended", "Y hosted": every
	// person the sentence names takes part.
	if hasWord(toks, "sat", "attended", "joined", "accompanied", "hosted", "received", "welcomed", "met", "represented", "signed", "attending") {
		for _, m := range ms {
			if m.Kind == entity.Person && !m.Actor.Former && !m.Possessive && m.How != "coref" && !(m.TokEnd < len(toks) && cueVerbs[toks[m.TokEnd].Norm]) {
				b.addParticipant(m, "")
				b.rec.Parties = appendUnique(b.rec.Parties, m.Actor.Country)
				b.addEvidence(s, m.Tok, m.TokEnd, "participant")
			}
		}
	}
	// The parties of the agreements and talks the sentence reports.
	for _, e := range evs {
		if e.Status != record.StatusReported || !(e.CAMEORoot == "03" || e.CAMEORoot == "04" || e.CAMEORoot == "05") {
			continue
		}
		for _, a := range []*record.Actor{e.Source, e.Target} {
			if a != nil && !isBodyCountry(a.Country) {
				b.ownParties = appendUnique(b.ownParties, a.Country)
			}
		}
	}
	// Venue: "at the … residence".
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Norm != "at" && toks[i].Norm != "in" || b.rec.Venue != "" || i == 0 {
			continue
		}
		if p := toks[i-1].Norm; !venueVerbs[p] && contactWords[p] == "" && !hasContactBefore(toks[max(0, i-8):i]) && !(p == "," && hasContactBefore(toks[:i])) {
			continue
		}
		if toks[i].Norm == "in" && (i+2 >= len(toks) || isLowerWord(toks[i+2].Text)) {
			continue // "in the Dolmabahçe Palace", not "in the embassy"
		}
		j := i + 1
		if toks[j].Norm == "the" || toks[j].Norm == "a" {
			j++
		}
		last := -1
		for k := j; k < len(toks) && k < j+8; k++ {
			if toks[k].Kind == nlp.Punct || toks[k].Norm == "in" || toks[k].Norm == "on" || toks[k].Norm == "for" {
				break
			}
			if venueWords[toks[k].Norm] {
				last = k // "the Foreign Ministry’s guest residence": the last head
			}
		}
		// "the residence of the US consul general".
		if last >= 0 && last+1 < len(toks) && toks[last+1].Norm == "of" {
			k := last + 2
			for k < len(toks) && k <= last+7 && toks[k].Kind == nlp.Word && toks[k].Norm != "in" && toks[k].Norm != "on" && toks[k].Norm != "for" {
				k++
			}
			if k > last+2 {
				last = k - 1
			}
		}
		// A name after the head: "Villa La Grange".
		for last >= 0 && last+1 < len(toks) && toks[last+1].Kind == nlp.Word && !isLowerWord(toks[last+1].Text) {
			last++
		}
		if last >= 0 {
			b.rec.Venue = d.Body[toks[j].Start:toks[last].End]
			b.addEvidence(s, i, last+1, "venue")
		}
	}
	// Round: "the second round of talks".
	for i := 0; i+1 < len(toks); i++ {
		if n, ok := ordinal(toks[i].Norm); ok && toks[i+1].Norm == "round" && b.rec.Round == 0 {
			b.rec.Round = n
			b.addEvidence(s, i, i+2, "round")
		}
	}
	// Duration.
	low := asciiLower(s.Text)
	if b.rec.Duration == "" && containsAny(low, []string{"hour", "minute", "day"}) {
		if m := durationRe.FindStringSubmatchIndex(low); m != nil {
			b.rec.Duration = s.Text[m[2]:m[3]]
			b.addEvidenceSpan(s, m[0], m[1], "duration")
		} else if m := hyphenDurRe.FindStringSubmatchIndex(low); m != nil {
			b.rec.Duration = strings.ReplaceAll(s.Text[m[2]:m[3]], "-", " ") + "s"
			b.addEvidenceSpan(s, m[0], m[1], "duration")
		}
	}
	for _, t := range topicPhrases(s.Text) {
		b.rec.Topics = appendUnique(b.rec.Topics, t.text)
		b.addEvidenceSpan(s, t.start, t.end, "topic")
	}
	for _, t := range excludedPhrases(s.Text) {
		b.rec.ExcludedTopics = appendUnique(b.rec.ExcludedTopics, t.text)
		b.addEvidenceSpan(s, t.start, t.end, "excluded_topic")
	}
	// Outcomes: agreements, cooperation and proposals reported in the
	// meeting's sentences; and follow-ups.
	for _, e := range evs {
		if !isOutcome(e) {
			continue
		}
		if e.Date != nil && b.date != nil && b.date.Precision == timex.Day && *e.Date != b.date.Date.Format("2006-01-02") {
			continue
		}
		if k := strings.Index(s.Text, e.Evidence.Trigger); k >= 0 && modalRe.MatchString(s.Text[max(0, k-40):k]) {
			continue // "mentioned the possibility of cooperation"
		}
		if o := outcomeText(s, e); o != "" {
			b.rec.Outcomes = appendUnique(b.rec.Outcomes, o)
			b.addEvidence(s, -1, -1, "outcome")
		}
	}
	if o, st, en := followUp(s.Text); o != "" {
		b.rec.Outcomes = appendUnique(b.rec.Outcomes, o)
		b.addEvidenceSpan(s, st, en, "outcome")
	}
}

func (b *meetingBuild) addEvidenceSpan(s *nlp.Sentence, start, end int, field string) {
	ev := record.Evidence{Sentence: s.Index, Start: s.Start + start, End: s.Start + end, Text: s.Text, Trigger: s.Text[start:end], Field: field}
	b.rec.Evidence = append(b.rec.Evidence, ev)
}

// isOutcome reports events that are results of a meeting: agreements and
// intents to cooperate (03), diplomatic cooperation (05), material
// cooperation (06), concessions (08) and proposals (02 with a proposal
// trigger).
func isOutcome(e record.Event) bool {
	if e.Status != record.StatusReported && e.Status != record.StatusProposed {
		return false
	}
	switch e.CAMEORoot {
	case "03", "05", "06", "08":
		return true
	case "02":
		tr := strings.ToLower(e.Evidence.Trigger)
		return strings.Contains(tr, "propos") || strings.Contains(tr, "offer") || strings.Contains(tr, "suggest")
	}
	return false
}

// outcomeText is the clause of s from e's trigger (with its subject when
// it opens the clause), without quote marks.
func outcomeText(s *nlp.Sentence, e record.Event) string {
	k := strings.Index(s.Text, e.Evidence.Trigger)
	if e.Evidence.Trigger == "" || k < 0 {
		return ""
	}
	start := k
	// Take in a short subject: "Russia proposed", "both sides identified".
	if sub := lastClauseStart(s.Text[:k]); k-sub <= 30 {
		start = sub
	}
	end := clauseEndAfter(s.Text, k+len(e.Evidence.Trigger))
	if q := strings.Index(s.Text[k:end], "”"); q >= 0 {
		rest := s.Text[k+q : end]
		for _, w := range strings.Fields(rest) {
			if cueVerbs[strings.ToLower(strings.Trim(w, ",.”"))] {
				end = k + q
				break
			}
		}
	}
	t := strings.Map(func(r rune) rune {
		if r == '“' || r == '”' || r == '"' {
			return -1
		}
		return r
	}, s.Text[start:end])
	return strings.TrimRight(strings.TrimSpace(t), ",.;:")
}

// lastClauseStart returns the offset after the last comma or sentence
// start in text.
func lastClauseStart(text string) int {
	i := strings.LastIndexAny(text, ",;:")
	if i < 0 {
		return 0
	}
	for i+1 < len(text) && text[i+1] == ' ' {
		i++
	}
	return i + 1
}

// clauseEndAfter returns where the clause running through offset from
// ends: a semicolon, a sentence end, or a comma outside quotes that opens
// a new clause (", a move", ", which", ", adding").
func clauseEndAfter(text string, from int) int {
	inQ := false
	for i := from; i < len(text); i++ {
		switch text[i] {
		case '"':
			inQ = !inQ
		case ';':
			return i
		case ',':
			if inQ {
				continue
			}
			rest := strings.ToLower(strings.TrimSpace(text[i+1:]))
			for _, w := range []string{"a move", "which", "adding", "saying", "while", "but", "although", "though", "according", "as well as"} {
				if strings.HasPrefix(rest, w) {
					return i
				}
			}
		}
		if strings.HasPrefix(text[i:], "“") {
			inQ = true
		}
		if strings.HasPrefix(text[i:], "”") {
			inQ = false
		}
	}
	return len(text)
}

// followUpRe finds follow-ups: "additional meetings could be scheduled",
// "agreed to meet again", "the next round will take place".
var followUpRe = regexp.MustCompile(`\b((?:additional|further|more|new|another|follow-up|the next)\s+(?:meetings?|talks|rounds?(?: of talks)?|consultations|contacts)\s+(?:could|would|will|may|might|are to|is to)\s+(?:be\s+)?(?:scheduled|held|take place|follow)[^.;]*|agreed to meet again[^.;]*)`)

func followUp(text string) (string, int, int) {
	low := asciiLower(text)
	if !containsAny(low, []string{"scheduled", "held", "take place", "follow", "meet again"}) {
		return "", 0, 0
	}
	m := followUpRe.FindStringSubmatchIndex(low)
	if m == nil {
		return "", 0, 0
	}
	return strings.TrimRight(text[m[2]:m[3]], ", "), m[2], m[3]
}

// finish fills the date, place, country and id and fixes the parties.
func (b *meetingBuild) finish(d Doc, i int) {
	b.rec.ID = fmt.Sprintf("%s-m%d", d.ID, i)
	b.rec.DatePrecision = record.PrecisionUnknown
	if b.date != nil && !b.date.Date.IsZero() {
		switch b.date.Precision {
		case timex.Day:
			b.rec.Date = strp(b.date.Date.Format("2006-01-02"))
			b.rec.DatePrecision = record.PrecisionDay
		case timex.Week:
			b.rec.DatePrecision = record.PrecisionWeek
		case timex.Month:
			b.rec.DatePrecision = record.PrecisionMonth
		case timex.Year:
			b.rec.DatePrecision = record.PrecisionYear
		}
	}
	if b.place != nil && b.rec.Kind != KindCall {
		b.rec.Place = b.place.Name
		b.rec.Country = b.place.Country
	}
	if len(b.rec.Parties) < 2 {
		for _, p := range b.ownParties {
			b.rec.Parties = appendUnique(b.rec.Parties, p)
		}
	}
	body := b.multilateral
	for _, p := range b.rec.Parties {
		body = body || isBodyCountry(p)
	}
	if len(b.rec.Parties) < 2 && !body && d.Ann.Parties[1] != "" {
		// "a diplomatic gathering in Saudi Arabia": a contact that names
		// no other side is with the states the article is about.
		for _, p := range d.Ann.Parties {
			b.rec.Parties = appendUnique(b.rec.Parties, p)
		}
	}
	sort.Strings(b.rec.Parties)
	sort.SliceStable(b.rec.Evidence, func(i, j int) bool { return b.rec.Evidence[i].Start < b.rec.Evidence[j].Start })
}

// domesticWords before a contact word make it a meeting inside one state
// or a media event rather than a contact between states.
var domesticWords = map[string]bool{
	"cabinet": true, "board": true, "party": true, "press": true, "news": true, "internal": true,
	"staff": true, "family": true, "shareholder": true, "shareholders": true, "committee": true,
	"parliamentary": true, "council": true, "service": true, "security": true, "emergency": true,
}

// domesticBefore reports a contact word at toks[i] that is the meeting of
// one body: "the Federal Security Service meeting", "a cabinet meeting".
func domesticBefore(d Doc, s *nlp.Sentence, i int) bool {
	if i == 0 {
		return false
	}
	if domesticWords[s.Tokens[i-1].Norm] {
		return true
	}
	for _, m := range d.Ann.SentenceMentions(s.Index) {
		if m.TokEnd == i && m.Kind == entity.Institution && !m.Possessive {
			return true
		}
	}
	return false
}

// placeFromDates gives a dated meeting without a place the place that a
// sentence names next to the same date: "diplomats spent six hours in
// Istanbul on Thursday" places "the session on February 27".
func placeFromDates(d Doc, ms []*meetingBuild) {
	for _, b := range ms {
		if b.place != nil || b.date == nil || b.date.Precision != timex.Day || b.rec.Kind == KindCall {
			continue
		}
		for _, dt := range d.Ann.Dates {
			if dt.Precision != timex.Day || !dt.Date.Equal(b.date.Date) {
				continue
			}
			s := &d.Ann.Sentences[dt.Sentence]
			k := tokAt(s.Tokens, dt.Start)
			for _, p := range d.Ann.SentencePlaces(dt.Sentence) {
				if abs(p.Tok-k) <= 4 && p.Tok > 0 && hasWord(s.Tokens[p.Tok-1:p.Tok], "in", "at") {
					p := p
					b.place = &p
					b.addEvidence(s, p.Tok, p.TokEnd, "place")
					break
				}
			}
			if b.place != nil {
				break
			}
		}
	}
}

func anchoredDate(cs []contact, dt *entity.Date) bool {
	for _, c := range cs {
		if c.date != nil && c.date.Start == dt.Start {
			return true
		}
	}
	return false
}

// contactTrigger reports an event trigger that names a contact: meeting,
// talks, a call, a visit, hosting or receiving. Other 04 triggers
// ("welcomed the plan") are not meetings of their own.
func contactTrigger(tr string) bool {
	tr = strings.ToLower(tr)
	for _, w := range []string{"met", "meet", "host", "receiv", "visit", "talks", "meeting", "call", "spoke", "summit", "negotiat", "consult", "discuss", "gather", "convened", "sat ", "held"} {
		if strings.Contains(tr, w) {
			return true
		}
	}
	return false
}

// leadAnchor dates and places the contacts of an article's first
// paragraphs that the sentence leaves bare ("The two leaders met for
// three hours") by the lead's conventions: the first day date of the
// article and its dateline city ("GENEVA — … on Wednesday").
func leadAnchor(d Doc, s *nlp.Sentence, cs []contact) {
	ann := d.Ann
	var date *entity.Date
	for i := range ann.Dates {
		dt := &ann.Dates[i]
		if dt.Sentence > s.Index {
			break
		}
		if dt.Precision == timex.Day && !dt.Future && !dt.Date.IsZero() {
			date = dt
			break
		}
	}
	var place *entity.Place
	if len(ann.Sentences) > 0 && ann.Sentences[0].Dateline > 0 {
		for _, p := range ann.SentencePlaces(0) {
			if p.Tok < ann.Sentences[0].Dateline {
				p := p
				place = &p
				break
			}
		}
	}
	if place == nil && s.Index <= 1 {
		// No dateline: the lead sentence's own place ("signed agreements
		// at the White House").
		for _, p := range ann.SentencePlaces(s.Index) {
			if !p.IsCountry && !anchoredPlace(cs, &p) {
				p := p
				place = &p
				break
			}
		}
	}
	for ci := range cs {
		c := &cs[ci]
		if c.kind == "" || c.planned {
			continue
		}
		if c.date == nil && date != nil && !anchoredDate(cs, date) {
			c.date = date
		}
		if c.place == nil && c.kind != KindCall {
			c.place = place
		}
	}
}

// titleFits reports whether a person with title could be one of a
// collective description ("the two leaders", "the foreign ministers").
func titleFits(coll, title string) bool {
	t := strings.ToLower(title)
	switch {
	case strings.Contains(coll, "minister") && !strings.Contains(coll, "prime"):
		return strings.Contains(t, "minister") && !strings.Contains(t, "prime") || strings.Contains(t, "secretary of state")
	case strings.Contains(coll, "president"):
		return strings.Contains(t, "president") && !strings.Contains(t, "vice")
	case strings.Contains(coll, "leader"):
		for _, w := range []string{"president", "prime minister", "chancellor", "king", "emperor", "premier", "crown prince", "emir", "sultan", "leader", "general secretary"} {
			if strings.Contains(t, w) && !strings.Contains(t, "vice") {
				return true
			}
		}
		return false
	}
	return true
}

// shareNameWord reports two names with a capitalized word in common
// ("President Xi", "Xi Jinping"), titles aside.
func shareNameWord(a, b string) bool {
	for _, x := range strings.Fields(a) {
		if len(x) < 2 || isLowerWord(x) || isTitleWord(x) {
			continue
		}
		for _, y := range strings.Fields(b) {
			if x == y {
				return true
			}
		}
	}
	return false
}

func isTitleWord(w string) bool {
	switch strings.ToLower(w) {
	case "president", "prime", "minister", "foreign", "secretary", "state", "of", "the", "king", "chancellor", "general", "deputy", "vice", "mr.", "mrs.", "ms.", "dr.":
		return true
	}
	return false
}

// nameWords counts the words of a name that are not titles.
func nameWords(name string) int {
	n := 0
	for _, w := range strings.Fields(name) {
		if !isTitleWord(w) && !isLowerWord(w) {
			n++
		}
	}
	return n
}

func hasContactBefore(toks []nlp.Token) bool {
	for _, t := range toks {
		if contactVerbs[t.Norm] || venueVerbs[t.Norm] || contactWords[t.Norm] != "" {
			return true
		}
	}
	return false
}

func anchoredPlace(cs []contact, p *entity.Place) bool {
	for _, c := range cs {
		if c.place != nil && c.place.Start == p.Start {
			return true
		}
	}
	return false
}

// refersTo reports whether sentence s names meeting b itself: a contact
// word or the meeting's place.
func refersTo(ann *entity.Annotations, s *nlp.Sentence, b *meetingBuild, cs []contact) bool {
	for _, c := range cs {
		if c.kind != "" {
			return true
		}
	}
	for _, p := range ann.SentencePlaces(s.Index) {
		p := p
		if samePlace(b.place, &p) {
			return true
		}
	}
	return false
}

// ordinal reads "second", "2nd" or "31st".
func ordinal(w string) (int, bool) {
	if n, ok := ordinals[w]; ok {
		return n, true
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if d, ok := strings.CutSuffix(w, suf); ok && d != "" {
			n := 0
			for _, c := range d {
				if c < '0' || c > '9' {
					return 0, false
				}
				n = n*10 + int(c-'0')
			}
			return n, n > 0
		}
	}
	return 0, false
}

// onlyModifiers reports tokens that may stand between an anchor and the
// contact word it modifies: "the Istanbul (round of) talks", "a February
// 12 (telephone) call" — adjectives, not clause words.
func onlyModifiers(toks []nlp.Token) bool {
	for _, t := range toks {
		if t.Kind != nlp.Word || prepositions[t.Norm] || t.Norm == "that" || t.Norm == "the" || t.Norm == "and" || cueVerbs[t.Norm] {
			return false
		}
	}
	return true
}

// collectiveReport reports a sentence telling what "the two sides" or
// "both delegations" discussed or agreed: news of the talks at hand.
func collectiveReport(ann *entity.Annotations, s *nlp.Sentence) bool {
	for _, m := range ann.SentenceMentions(s.Index) {
		if m.Kind != entity.Collective {
			continue
		}
		if m.TokEnd < len(s.Tokens) && hasWord(s.Tokens[m.TokEnd:min(len(s.Tokens), m.TokEnd+3)], "discussed", "agreed", "exchanged", "reviewed", "reached", "identified", "raised", "addressed") {
			return true
		}
	}
	return false
}

// compatible reports whether contact c can be a mention of meeting b: the
// same kind family, no other day, no other place.
func compatible(b *meetingBuild, c contact) bool {
	if (b.rec.Kind == KindCall) != (c.kind == KindCall) {
		return false
	}
	if c.date != nil && b.date != nil && !b.date.Date.Equal(c.date.Date) {
		return false
	}
	return c.place == nil || b.place == nil || samePlace(b.place, c.place)
}

// namedPerson is a person's name (and title) read from capitalized words.
type namedPerson struct {
	Name, Title, Country string
	tok, end             int // first token index; body offset of the end
}

// titleWords are the words of titles that come before a name
// ("Deputy Assistant Secretary of State Sonata Coulter").
var titleWords = map[string]bool{
	"deputy": true, "assistant": true, "secretary": true, "of": true, "state": true, "minister": true,
	"foreign": true, "director": true, "ambassador": true, "envoy": true, "special": true, "under": true,
	"general": true, "head": true, "chief": true, "president": true, "prime": true, "vice": true,
	"national": true, "security": true, "adviser": true, "advisor": true, "senior": true, "undersecretary": true,
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "chancellor": true, "king": true,
	"crown": true, "prince": true, "sheikh": true, "defence": true, "defense": true, "affairs": true,
	"external": true, "joint": true, "permanent": true, "representative": true, "counselor": true,
}

// nameBefore reads the name ending right before token i of s, skipping a
// relative clause (", who runs the department,"): capitalized words, the
// leading ones that are title words forming the title.
func nameBefore(d Doc, s *nlp.Sentence, i int) (namedPerson, bool) {
	toks := s.Tokens
	end := i
	if end > 0 && toks[end-1].Norm == "," {
		// Back over ", who …,".
		j := end - 2
		for j >= 0 && toks[j].Norm != "," {
			j--
		}
		if j >= 0 && j+1 < end && toks[j+1].Norm == "who" {
			end = j
		}
	}
	lo := end
	for lo > 0 {
		t := toks[lo-1]
		if t.Kind != nlp.Word || isLowerWord(t.Text) && t.Norm != "of" {
			break
		}
		lo--
	}
	for lo < end && toks[lo].Norm == "of" {
		lo++
	}
	if end-lo < 2 {
		return namedPerson{}, false
	}
	// The name follows the last title word: "Deputy Fisheries Director |
	// Kari Nordmann".
	k := lo
	for j := lo; j < end-1; j++ {
		if titleWords[toks[j].Norm] && toks[j].Norm != "of" {
			k = j + 1
		}
	}
	if end-k < 2 || end-k > 4 {
		return namedPerson{}, false
	}
	p := namedPerson{Name: d.Body[toks[k].Start:toks[end-1].End], tok: lo, end: toks[end-1].End}
	if k > lo {
		p.Title = d.Body[toks[lo].Start:toks[k-1].End]
	}
	return p, true
}
