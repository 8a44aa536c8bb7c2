// Package coder codes events: from sentences whose actors, places and dates
// package entity has resolved, it finds the events they report — who did
// what to whom, when and where — in CAMEO and PLOVER, each with the
// evidence it came from.
//
// The rules are data (lexicon.Patterns): a CAMEO code and the words that
// trigger it. The coder matches them against the tokens of each sentence,
// then works out the event's source and target from the sentence's
// structure (subject before the trigger, object after it, passive "by",
// compound subjects, "between X and Y", possessives), its status
// (negation, modality, embedding under "proposed" or "urged"), its date
// and its place.
package coder

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parleyproject/parley/internal/cameo"
	"github.com/parleyproject/parley/internal/entity"
	"github.com/parleyproject/parley/internal/lexicon"
	"github.com/parleyproject/parley/internal/nlp"
	"github.com/parleyproject/parley/internal/record"
	"github.com/parleyproject/parley/internal/timex"
)

// Coder codes the events of documents. It is safe for concurrent use.
type Coder struct {
	codes *cameo.Table
	// vocab numbers every word form the patterns use, from 1; matching
	// compares these numbers instead of strings. It may be shared with
	// an entity.Resolver (see NewWithWords) and number other words too;
	// the patterns' words are all among its first vocabLen.
	vocab    *nlp.Words
	vocabLen int
	// byFirst holds, by the word ids of rules' first elements, the
	// ranges of refs of the rules they begin.
	byFirst []refSpan
	refs    []ruleRef
	// reqs holds, for each ref, the word ids of its rule's other
	// elements, each element's preceded by their number: matching
	// reads them in order from one array instead of following each
	// rule's pointers (a cache miss each) to find most rules absent.
	reqs   []int32
	firsts []uint64 // the bit of each word id that begins a rule: spares most tokens a load from byFirst
	cues   cueSet
}

// ruleRef is a rule under its first word, with up to two word ids the
// rule's other elements require (0 for none): a sentence without them
// turns the rule away before the rule itself is read.
type ruleRef struct {
	r      *rule
	need   [2]int32
	reqLen int32 // the length of the rule's run in Coder.reqs
	req    int32 // its start
}

// refSpan is the range of Coder.refs of a word.
type refSpan struct{ lo, hi int32 }

// ref returns the rule's ruleRef.
func (r *rule) ref() ruleRef {
	ref := ruleRef{r: r}
	n := 0
	for i := len(r.elems) - 1; i >= 1 && n < len(ref.need); i-- {
		if len(r.elems[i].ids) == 1 {
			ref.need[n] = r.elems[i].ids[0]
			n++
		}
	}
	return ref
}

type elem struct {
	ids []int32 // sorted word ids
	// mask has bit id%64 set for each of ids: most words that are not
	// among them fail this test without a search.
	mask uint64
	gap  int
}

// has reports whether the element matches word id w.
func (e *elem) has(w int32) bool {
	if e.mask&(1<<(uint32(w)&63)) == 0 {
		return false
	}
	ids := e.ids
	if len(ids) <= 8 {
		for _, x := range ids {
			if x >= w {
				return x == w
			}
		}
		return false
	}
	lo, hi := 0, len(ids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ids[m] < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(ids) && ids[lo] == w
}

// anyIn reports whether any of the word ids ws is in the set present.
func anyIn(present []uint64, ws []int32) bool {
	for _, w := range ws {
		if present[w>>6]&(1<<(uint32(w)&63)) != 0 {
			return true
		}
	}
	return false
}

// has reports whether word id w, unless 0, is in the set present.
func has(present []uint64, w int32) bool {
	return w == 0 || present[w>>6]&(1<<(uint32(w)&63)) != 0
}

// id returns the id of word form w, adding it to the vocabulary.
func (c *Coder) id(w string) int32 { return c.vocab.Add(w) }

type rule struct {
	pat   *lexicon.Pattern
	order int
	elems []elem
	code  cameo.Code
	lits  int // number of plain-word elements (see literals)
}

// New compiles the patterns against the code table. Every rule whose code
// the table does not know is reported, with its file and line, in a
// lexicon.ErrorList.
func New(p *lexicon.Patterns, codes *cameo.Table) (*Coder, error) {
	return NewWithWords(p, codes, &nlp.Words{})
}

// NewWithWords is New numbering the patterns' words with the table words,
// to which it adds them. Given the table of an entity.Resolver
// (Resolver.Words), the coder reads the numbers the resolver gave each
// token (Annotations.WordIDs) instead of looking every token up again.
// The resolver must not annotate anything while NewWithWords runs.
func NewWithWords(p *lexicon.Patterns, codes *cameo.Table, words *nlp.Words) (*Coder, error) {
	c := &Coder{codes: codes, vocab: words,
		cues: newCueSet(words, p.Accusing, p.Critical, p.Pessimistic, p.Optimistic)}
	var errs lexicon.ErrorList
	var byFirst [][]ruleRef // by first word id, until laid out in c.refs
	for i := range p.Rules {
		pat := &p.Rules[i]
		code, ok := codes.Lookup(pat.Code)
		if pat.Code == lexicon.NoEvent {
			code, ok = cameo.Code{Code: lexicon.NoEvent}, true
		}
		if !ok {
			errs = append(errs, &lexicon.Error{File: pat.File, Line: pat.Line, Msg: fmt.Sprintf("unknown CAMEO code %q", pat.Code)})
			continue
		}
		r := &rule{pat: pat, order: i, code: code}
		for _, e := range pat.Elems {
			el := elem{gap: e.Gap}
			seen := map[int32]bool{}
			add := func(f string) {
				if w := c.id(f); !seen[w] {
					seen[w] = true
					el.ids = append(el.ids, w)
				}
			}
			for j, w := range e.Words {
				if e.Verb[j] {
					for _, f := range p.Verbs.Inflect(w) {
						add(f)
					}
				} else {
					add(w)
				}
			}
			sort.Slice(el.ids, func(a, b int) bool { return el.ids[a] < el.ids[b] })
			for _, w := range el.ids {
				el.mask |= 1 << (uint32(w) & 63)
			}
			r.elems = append(r.elems, el)
		}
		r.lits = r.literals()
		ref := r.ref()
		for _, w := range r.elems[0].ids {
			for int(w) >= len(byFirst) {
				byFirst = append(byFirst, nil)
			}
			byFirst[w] = append(byFirst[w], ref)
		}
	}
	// Lay the refs out word by word, each with its rule's requirements
	// right after those of the rule before.
	c.byFirst = make([]refSpan, len(byFirst))
	for w, refs := range byFirst {
		c.byFirst[w].lo = int32(len(c.refs))
		for _, ref := range refs {
			ref.req = int32(len(c.reqs))
			for _, e := range ref.r.elems[1:] {
				c.reqs = append(c.reqs, int32(len(e.ids)))
				c.reqs = append(c.reqs, e.ids...)
			}
			ref.reqLen = int32(len(c.reqs)) - ref.req
			c.refs = append(c.refs, ref)
		}
		c.byFirst[w].hi = int32(len(c.refs))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	c.vocabLen = c.vocab.Len()
	c.firsts = make([]uint64, len(c.byFirst)/64+1)
	for w, sp := range c.byFirst {
		if sp.hi > sp.lo {
			c.firsts[w>>6] |= 1 << (w & 63)
		}
	}
	return c, nil
}

// Doc is one document to code.
type Doc struct {
	ID        string
	Body      string
	Published time.Time
	Ann       *entity.Annotations
}

// hit is a rule matched in a sentence.
type hit struct {
	r   *rule
	pos []int // token index of each element
}

func (h *hit) trigger() int { return h.pos[h.r.pat.Trigger] }

// negated reports a rule with a negation word among its elements before
// the trigger ("not|never * ^+accept", "would * not * ^+negotiate").
func (r *rule) negated() bool {
	for _, e := range r.pat.Elems[:max(r.pat.Trigger, 1)] {
		for _, w := range e.Words {
			switch w {
			case "not", "n't", "never", "no", "won't", "wouldn't":
				return true
			}
		}
	}
	return false
}

// literals counts the elements of a rule that are plain words, not verbs.
func (r *rule) literals() int {
	n := 0
	for _, e := range r.pat.Elems {
		verb := false
		for _, v := range e.Verb {
			verb = verb || v
		}
		if !verb {
			n++
		}
	}
	return n
}

// boundaryWords are the tokens that end a clause for gaps and actor
// search.
var boundaryWords = []string{";", ":", "but", "while", "whereas", "although", "though", "because", "—", "–", "which", "who", "whom", "whose", "where", "when"}

// boundaryFirst and boundaryLast have bit n set in the entry for byte b
// when a boundary word of n bytes starts, or ends, with b, so that most
// tokens are turned away before their text is compared.
var boundaryFirst, boundaryLast = func() (f, l [256]uint16) {
	for _, w := range boundaryWords {
		f[w[0]] |= 1 << len(w)
		l[w[len(w)-1]] |= 1 << len(w)
	}
	return f, l
}()

// boundary reports tokens that end a clause for gaps and actor search.
func boundary(t *nlp.Token) bool {
	n := t.Norm
	if len(n) == 0 || len(n) > 15 || boundaryFirst[n[0]]&(1<<len(n)) == 0 || boundaryLast[n[len(n)-1]]&(1<<len(n)) == 0 {
		return false
	}
	return slices.Contains(boundaryWords, n)
}

// Whether a token ends a gap, in match.
const (
	stopNo = 1 + iota
	stopYes
)

// scratch is the working memory of one Code call, reused from sentence
// to sentence: a sentence's rule hits, their token positions and its
// events are done with before the next sentence is coded. The document's
// records are collected in recs and copied out at their final number.
// Code calls take their scratch from the pool scratches.
type scratch struct {
	hits []hit
	pos  []int
	evs  []event
	exp  []event
	recs []record.Event
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// result copies the records collected in out, sc.recs grown, (nil when there
// are none) and clears them, so that the pool holds no references.
func (sc *scratch) result(out []record.Event) []record.Event {
	var res []record.Event
	if len(out) > 0 {
		res = make([]record.Event, len(out))
		copy(res, out)
	}
	clear(out)
	sc.recs = out[:0]
	return res
}

// match finds every rule hit in a sentence and keeps the longest ones
// whose words do not overlap. The result lives in sc until the next call.
//
// given, when not nil, are the tokens' ids in c.vocab (from
// Annotations.WordIDs).
func (c *Coder) match(toks []nlp.Token, given []int32, sc *scratch) []hit {
	hits := sc.hits[:0]
	var scratch [16]int
	posArena := sc.pos[:0]
	defer func() { sc.hits, sc.pos = hits[:0], posArena[:0] }()
	// ids holds each token's word id (0 for words no pattern uses), stop
	// whether a token ends a gap, found out when a gap reaches it (0 not
	// yet known, else stopNo or stopYes), present the set of word ids the
	// sentence has.
	var idBuf [64]int32
	var stopBuf [64]uint8
	var presentBuf [128]uint64
	ids, stop := idBuf[:0], stopBuf[:]
	if len(toks) > len(idBuf) {
		ids, stop = make([]int32, 0, len(toks)), make([]uint8, len(toks))
	}
	present := presentBuf[:]
	if n := c.vocabLen/64 + 1; n > len(presentBuf) {
		present = make([]uint64, n)
	}
	any := false
	for i := range toks {
		w := int32(0)
		if given != nil {
			w = given[i]
		} else if toks[i].Kind == nlp.Word || toks[i].Kind == nlp.Number {
			w = c.vocab.ID(toks[i].Norm)
		}
		if int(w) > c.vocabLen {
			w = 0 // a word numbered after the patterns' is none of theirs
		}
		ids = append(ids, w)
		present[w>>6] |= 1 << (uint32(w) & 63)
		any = any || w != 0
	}
	if !any {
		return nil
	}
	for i := range toks {
		w := ids[i]
		if w == 0 || int(w) >= len(c.byFirst) || c.firsts[w>>6]&(1<<(uint32(w)&63)) == 0 {
			continue
		}
		sp := c.byFirst[w]
	rules:
		for ri := sp.lo; ri < sp.hi; ri++ {
			ref := &c.refs[ri]
			// Rules with a word the sentence lacks cannot match.
			if !has(present, ref.need[0]) || !has(present, ref.need[1]) {
				continue
			}
			for q := c.reqs[ref.req : ref.req+ref.reqLen]; len(q) > 0; {
				n := q[0]
				if !anyIn(present, q[1:1+n]) {
					continue rules
				}
				q = q[1+n:]
			}
			r := ref.r
			pos := scratch[:1]
			pos[0] = i
			j := i + 1
			ok := true
			for ei := range r.elems[1:] {
				e := &r.elems[ei+1]
				found := -1
				for k := j; k < len(toks) && k <= j+e.gap; k++ {
					if ids[k] != 0 && e.has(ids[k]) {
						found = k
						break
					}
					if e.gap > 0 {
						if stop[k] == 0 {
							stop[k] = stopNo
							if toks[k].Norm == "." || boundary(&toks[k]) {
								stop[k] = stopYes
							}
						}
						if stop[k] == stopYes {
							break
						}
					}
				}
				if found < 0 {
					ok = false
					break
				}
				pos = append(pos, found)
				j = found + 1
			}
			if ok {
				// The positions of all hits share one backing array.
				start := len(posArena)
				posArena = append(posArena, pos...)
				hits = append(hits, hit{r: r, pos: posArena[start:len(posArena):len(posArena)]})
			}
		}
	}
	if len(hits) <= 1 {
		return hits
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		la, lb := len(a.r.elems), len(b.r.elems)
		if la != lb {
			return lb - la
		}
		// Among equally long patterns the one with more literal words is
		// more specific ("phone … call" over "+call … on").
		if wa, wb := a.r.lits, b.r.lits; wa != wb {
			return wb - wa
		}
		return a.r.order - b.r.order
	})
	var usedBuf [64]bool
	used := usedBuf[:]
	if len(toks) > len(used) {
		used = make([]bool, len(toks))
	}
	keep := hits[:0] // filtered in place
	for _, h := range hits {
		clash := false
		for _, p := range h.pos {
			if used[p] {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		for _, p := range h.pos {
			used[p] = true
		}
		keep = append(keep, h)
	}
	slices.SortFunc(keep, func(a, b hit) int { return a.trigger() - b.trigger() })
	return keep
}

// party is one side of an event: one or more actors.
type party struct {
	actors []entity.Actor
	texts  []string
	m      *entity.Mention // the mention it came from, if one
}

func (p party) empty() bool { return len(p.actors) == 0 }

// event is an event being built.
type event struct {
	h          hit
	src, tgt   party
	reciprocal bool
	status     string
	speech     bool
	code       cameo.Code
	// group marks a joint action of several parties named together.
	group bool
	// nominal marks a verb form used as a noun ("at Macron's request").
	nominal bool
	// toned marks a statement coded by the tone of its words; quoted,
	// one whose sentence quotes the speaker.
	toned, quoted bool
	// faults marks a statement that another state failed to act ("said
	// Russia had failed to cooperate"): the failure is its content, not
	// another event it reports.
	faults bool
	// partner marks a party's comment on its talks ("said the call had
	// only opened a door"): its target is the party it last met.
	partner bool
}

// context is what a document's earlier sentences say about where and
// when its main contacts took place.
type context struct {
	meetings []meetingCtx
	// last is the meeting the latest sentence was tied to.
	last     *meetingCtx
	lastPara int
	lastSent int
	// relDay marks a sentence dated by a phrase relative to the last day
	// named ("The next day, they met in Tokyo"): it is not tied to the
	// earlier meeting.
	relDay bool
}

type meetingCtx struct {
	date      *entity.Date
	place     *entity.Place
	country   string
	paragraph int
}

// Code returns the events of a document in sentence order.
func (c *Coder) Code(d Doc) []record.Event {
	ann := d.Ann
	if ann == nil {
		return nil
	}
	sc := scratches.Get().(*scratch)
	defer scratches.Put(sc)
	out := sc.recs[:0]
	var ctx context
	var lastSpeaker *party
	lastSpeakerSent := -10
	var days anchor
	var prevAct event // the last act of the last sentence that reported one
	hasPrev := false
	partners := map[string]string{} // country → the one it last met
	done := map[[3]string]bool{}    // source, target and root of the reported acts so far
	for si := range ann.Sentences {
		s := &ann.Sentences[si]
		if s.Headline {
			continue
		}
		ms := ann.SentenceMentions(s.Index)
		ids := ann.WordIDs(si, c.vocab, c.vocabLen)
		evs := c.sentence(d, s, ids, ms, sc)
		evs = slices.DeleteFunc(evs, func(e event) bool { return firstTime(s.Tokens, e.h.pos[e.h.r.pat.Trigger]) })
		// "Australia and NATO followed on Tuesday": the last act again.
		if hasPrev {
			evs = append(evs, followers(s.Tokens, ms, prevAct, evs)...)
		}
		if a, ok := lastAct(evs); ok {
			prevAct, hasPrev = a, true
		}
		// A quoted sentence with no attribution of its own continues the
		// last speaker's quote; code its tone when it has one.
		if len(evs) == 0 && lastSpeaker != nil && s.Index-lastSpeakerSent <= 2 && startsWithQuote(s) {
			if code := c.tone(s.Tokens, ids); code != "" {
				cd, _ := c.codes.Lookup(code)
				e := event{src: *lastSpeaker, status: record.StatusReported, speech: true, code: cd,
					h: hit{r: &rule{pat: &lexicon.Pattern{}}, pos: []int{0}}}
				e.tgt = c.defaultTarget(ann, e.src, ms, s, -1)
				evs = append(evs, e)
			}
		}
		for i := range evs {
			if evs[i].speech && !evs[i].src.empty() {
				sp := evs[i].src
				lastSpeaker, lastSpeakerSent = &sp, s.Index
			}
		}
		// "The following day, …": a date relative to the last day named.
		// Each event takes the phrase nearest its trigger: "stormed the
		// embassy that night, and the kingdom broke off relations the
		// following day".
		var rels []timex.Expr
		if len(evs) > 0 && len(ann.SentenceDates(s.Index)) == 0 {
			rels = days.relative(s, nil)
		}
		ctx.relDay = len(rels) > 0
		for i := 0; i < len(evs); i++ {
			e := &evs[i]
			if !e.partner {
				continue
			}
			c := e.src.actors[0].Country
			p := partners[c]
			if p == "" {
				p = otherParty(ann.Parties, c)
			}
			if p == "" {
				evs = append(evs[:i], evs[i+1:]...)
				i--
				continue
			}
			e.tgt = party{actors: []entity.Actor{{Country: p, Sector: "GOV"}}, texts: []string{""}}
		}
		for _, e := range evs {
			if e.code.Root == "04" && e.status == record.StatusReported && !e.src.empty() && !e.tgt.empty() {
				a, b := e.src.actors[0].Country, e.tgt.actors[0].Country
				partners[a], partners[b] = b, a
			}
		}
		for _, e := range evs {
			sc.exp = expand(sc.exp[:0], e)
			for _, pe := range sc.exp {
				if pe.status == record.StatusReported && !pe.speech && !pe.tgt.empty() {
					key := [3]string{pe.src.actors[0].Country, pe.tgt.actors[0].Country, pe.code.Root}
					if definiteObject(s.Tokens, pe.h) && done[key] {
						// "Kurtulmus announced the measures": the
						// measures the text already reported.
						continue
					}
					done[key] = true
				}
				rec := c.record(d, s, pe, ann, &ctx)
				if len(rels) > 0 && rec.Date == nil {
					t := pe.h.pos[pe.h.r.pat.Trigger]
					if t >= len(s.Tokens) {
						t = 0
					}
					setDate(&rec, *nearest(rels, s.Tokens, t))
				}
				if rec.Date == nil && rec.DatePrecision == record.PrecisionUnknown && rec.Status == record.StatusReported && days.current(s) {
					setDate(&rec, timex.Expr{Date: days.day, Precision: timex.Day})
				}
				rec.ID = "-" // set by setIDs; "" marks a record dedupe drops
				out = append(out, rec)
			}
		}
		var last *timex.Expr
		if len(rels) > 0 {
			last = &rels[len(rels)-1]
		}
		days.update(ann, s, last)
	}
	out = dedupe(out)
	setIDs(out, d.ID)
	return sc.result(out)
}

// setIDs numbers the records of a document DOC-SENTENCE-N, N counting
// from 0 within each sentence. All the IDs share one string.
func setIDs(out []record.Event, doc string) {
	if len(out) == 0 {
		return
	}
	buf := make([]byte, 0, len(out)*(len(doc)+8))
	ends := make([]int, len(out))
	n, last := 0, -1
	for i := range out {
		si := out[i].Evidence.Sentence
		if si != last {
			n, last = 0, si
		}
		buf = append(buf, doc...)
		buf = append(buf, '-')
		buf = strconv.AppendInt(buf, int64(si), 10)
		buf = append(buf, '-')
		buf = strconv.AppendInt(buf, int64(n), 10)
		ends[i] = len(buf)
		n++
	}
	all := string(buf)
	start := 0
	for i := range out {
		out[i].ID = all[start:ends[i]]
		start = ends[i]
	}
}

// dedupe drops an event that a more precisely dated one of the document
// repeats: the same actors, code and status, the one's month holding the
// other's day ("cut its ties in January 2016" …
// "broke off relations the following day", resolved to 2016-01-03).
// Events of the same day never merge: expelling diplomats and calling off
// a visit on one day are two 161s. Nor do undated ones.
func dedupe(out []record.Event) []record.Event {
	key := func(e *record.Event) string {
		if e.Date != nil {
			return *e.Date
		}
		if e.DatePrecision == record.PrecisionMonth {
			return e.Period // a year is too coarse to tell one event
		}
		return ""
	}
	country := func(a *record.Actor) string {
		if a == nil {
			return ""
		}
		return a.Country
	}
	drop := 0
	for i := range out {
		a := &out[i]
		ka := key(a)
		if ka == "" || a.ID == "" {
			continue
		}
		for j := i + 1; j < len(out); j++ {
			b := &out[j]
			kb := key(b)
			if kb == "" || b.ID == "" || a.CAMEO != b.CAMEO || a.Status != b.Status || a.Reciprocal != b.Reciprocal ||
				country(a.Source) != country(b.Source) || country(a.Target) != country(b.Target) {
				continue
			}
			switch {
			case strings.HasPrefix(kb, ka+"-"):
				a.ID = ""
			case strings.HasPrefix(ka, kb+"-"):
				b.ID = ""
			default:
				continue
			}
			drop++
			if a.ID == "" {
				break
			}
		}
	}
	if drop == 0 {
		return out
	}
	kept := out[:0]
	for _, e := range out {
		if e.ID != "" {
			kept = append(kept, e)
		}
	}
	clear(out[len(kept):])
	return kept
}

// clauseBreak reports a new clause between tokens a and b (a < b): ", and",
// ", but" or a semicolon.
func clauseBreak(toks []nlp.Token, a, b int) bool {
	for k := a + 1; k < b && k+1 < len(toks); k++ {
		if toks[k].Norm == ";" || toks[k].Norm == "," && (toks[k+1].Norm == "and" || toks[k+1].Norm == "but") {
			return true
		}
	}
	return false
}

// forecast reports "expected to", "due to", "scheduled to" or "set to"
// within four words before the trigger at t.
func forecast(toks []nlp.Token, t int) bool {
	for k := t - 1; k >= 1 && k >= t-4; k-- {
		if toks[k].Norm != "to" {
			continue
		}
		switch toks[k-1].Norm {
		case "expected", "due", "scheduled", "set", "slated", "likely", "unlikely":
			return true
		}
	}
	return false
}

// demandedOf returns the state a statement demands something of: a
// mention of another state, or of its government, right before "must",
// "should" or "needs to" (quoted or reported), or nil.
func demandedOf(toks []nlp.Token, ms []entity.Mention, src party) *entity.Mention {
	for k := range ms {
		m := &ms[k]
		if !usable(m) || m.Possessive || m.Kind == entity.Collective || src.hasCountry(m.Actor.Country) || m.TokEnd+1 >= len(toks) {
			continue
		}
		if m.TokEnd+1 < len(toks) && (toks[m.TokEnd+1].Norm == "not" || toks[m.TokEnd+1].Norm == "n't") {
			continue // "Sweden should not count on Turkey's backing" refuses
		}
		switch n := toks[m.TokEnd].Norm; n {
		case "must", "should":
			return m
		case "needs", "need", "has", "have":
			if toks[m.TokEnd+1].Norm == "to" {
				return m
			}
		}
	}
	return nil
}

// faultedOf returns the state a statement says failed to do something:
// a mention of another state, after the speech verb at t, followed by
// "(had) failed|refused|declined to", "had not" or "(had) been unable to"
// ("said Russia had failed to cooperate", "said Serbia had refused to
// sign"), or nil.
func faultedOf(toks []nlp.Token, ms []entity.Mention, src party, t int) *entity.Mention {
	for k := range ms {
		m := &ms[k]
		if m.Tok <= t || m.Tok > t+3 || !usable(m) || m.Possessive || src.hasCountry(m.Actor.Country) {
			continue
		}
		j := m.TokEnd
		if j < len(toks) && (toks[j].Norm == "had" || toks[j].Norm == "has" || toks[j].Norm == "have") {
			j++
			if j < len(toks) && (toks[j].Norm == "not" || toks[j].Norm == "never") {
				return m
			}
		}
		if j+1 < len(toks) && toks[j].Norm == "been" && toks[j+1].Norm == "unable" {
			return m
		}
		if j+1 < len(toks) && toks[j+1].Norm == "to" {
			switch toks[j].Norm {
			case "failed", "refused", "declined":
				return m
			}
		}
	}
	return nil
}

// definiteObject reports a rule of making known ("announced the measures",
// "confirmed these restrictions") whose object has a definite determiner:
// it refers to acts the text already named.
func definiteObject(toks []nlp.Token, h hit) bool {
	if len(h.pos) < 2 || h.r.pat.Flags.Noun {
		return false
	}
	last, first := h.pos[len(h.pos)-1], h.pos[0]
	if last < 1 || last >= len(toks) {
		return false
	}
	// Only verbs that make known what was decided refer back so; "signed
	// the sanctions law" is an act of its own.
	switch toks[first].Norm {
	case "announced", "announces", "announcing", "announce", "unveiled", "unveils", "outlined", "detailed",
		"confirmed", "confirms", "defended", "defends", "explained", "explains":
	default:
		return false
	}
	switch toks[last-1].Norm {
	case "the", "these", "those":
		return true
	}
	return false
}

// firstTime reports a trigger at token t in a clause that "the first
// time" opens: "It was the first time France had withdrawn its envoy"
// characterizes an act reported elsewhere, it reports no new one.
func firstTime(toks []nlp.Token, t int) bool {
	if t >= len(toks) {
		return false
	}
	perfect := false // "had withdrawn", "has visited"
	for k := t - 1; k >= 2 && k >= t-8; k-- {
		switch n := toks[k].Norm; {
		case boundary(&toks[k]):
			return false
		case n == "had" || n == "has" || n == "have":
			perfect = true
		case n == "time" && toks[k-1].Norm == "first" && toks[k-2].Norm == "the":
			// "For the first time in seven years, … met" reports one.
			return perfect && (k < 3 || toks[k-3].Norm != "for")
		}
	}
	return false
}

// maxPairs bounds the events one trigger yields for many parties.
const maxPairs = 6

// expand turns an event between groups into events between pairs of
// actors: every source with every target, or, for a joint action of one
// group ("Israel, the UAE and Bahrain signed"), every pair of its members.
// It appends them to out.
func expand(out []event, e event) []event {
	if len(e.src.actors) <= 1 && len(e.tgt.actors) <= 1 {
		return append(out, e)
	}
	one := func(p party, i int) party {
		// Full one-element slices of p's arrays: appending to them copies.
		q := party{actors: p.actors[i : i+1 : i+1], texts: p.texts[i : i+1 : i+1]}
		if i == 0 {
			q.m = p.m
		}
		return q
	}
	if e.group {
		all := party{actors: append(append([]entity.Actor{}, e.src.actors...), e.tgt.actors...), texts: append(append([]string{}, e.src.texts...), e.tgt.texts...), m: e.src.m}
		for i := 0; i < len(all.actors); i++ {
			for j := i + 1; j < len(all.actors); j++ {
				if all.actors[i].Country == all.actors[j].Country || len(out) == maxPairs {
					continue
				}
				pe := e
				pe.src, pe.tgt = one(all, i), one(all, j)
				out = append(out, pe)
			}
		}
		return out
	}
	for i := range e.src.actors {
		if e.tgt.empty() {
			pe := e
			pe.src = one(e.src, i)
			out = append(out, pe)
			continue
		}
		for j := range e.tgt.actors {
			if e.src.actors[i].Country == e.tgt.actors[j].Country || len(out) == maxPairs {
				continue
			}
			pe := e
			pe.src, pe.tgt = one(e.src, i), one(e.tgt, j)
			out = append(out, pe)
		}
	}
	return out
}

func startsWithQuote(s *nlp.Sentence) bool {
	return len(s.Tokens) > 0 && s.Tokens[0].Kind == nlp.Quote
}

// sentence codes the events of one sentence.
func (c *Coder) sentence(d Doc, s *nlp.Sentence, ids []int32, ms []entity.Mention, sc *scratch) []event {
	toks := s.Tokens
	hits := c.match(toks, ids, sc)
	if len(hits) == 0 {
		return nil
	}
	evs := sc.evs[:0]
	defer func() { sc.evs = evs[:0] }()
	toneDone, toneCode := false, ""
	sentTone := func() string { // the tone of the sentence's quoted words, once
		if !toneDone {
			toneCode, toneDone = c.tone(s.Tokens, ids), true
		}
		return toneCode
	}
	hasAlso := asDid(toks) // "…, as did Canada": worth looking for per hit
	embedUntil := -1       // tokens up to here are inside an embedding complement
	embedStatus := ""
	for hi, h := range hits {
		t := h.trigger()
		if h.r.code.Code == lexicon.NoEvent {
			continue // words that report no event
		}
		if insideName(ms, t) {
			continue // "White House press secretary Jen Psaki"
		}
		if len(evs) > 0 && t > 0 && toks[t-1].Norm == "," && strings.HasSuffix(toks[t].Norm, "ing") && retaliation[toks[t].Norm] {
			continue // "downgraded its relations with Lithuania, retaliating against …": the same act
		}
		flags := h.r.pat.Flags
		if flags.Speech && t > 0 && strings.HasSuffix(toks[t].Norm, "ing") && isLowerWord(toks[t-1].Text) && nounBefore(toks, t) {
			continue // "exchanged diplomatic notes confirming that …": the notes confirm
		}
		e := event{h: h, status: record.StatusReported, speech: flags.Speech, code: h.r.code}
		// Purpose infinitives ("met … to discuss") belong to the event
		// before; "gave Moscow a day to explain" reports no statement.
		if t > 0 && toks[t-1].Norm == "to" && !complementNoun(toks, t-1) && (hi > 0 && h.r.code.Root == evs0Root(evs) || flags.Speech) {
			continue
		}
		// "the cases of detained Australians": a participle used as an
		// adjective reports no act of its own.
		if !flags.Noun && t > 0 && t+1 < len(toks) && strings.HasSuffix(toks[t].Norm, "ed") && (attributiveBefore[toks[t-1].Norm] || toks[t-1].Kind == nlp.Number || numberWords[toks[t-1].Norm]) && toks[t+1].Kind == nlp.Word {
			continue
		}
		// "brokered by visiting U.S. President Barack Obama": "visiting"
		// as an adjective of a named visitor.
		if toks[t].Norm == "visiting" && t > 0 && t+1 < len(toks) && visitorDet[toks[t-1].Norm] && !isLowerWord(toks[t+1].Text) {
			continue
		}
		// "in breach of EU sanctions": a measure named as a standard
		// broken or enforced is no new act.
		if flags.Noun && breachOf(toks, t) {
			continue
		}
		// "the freezing of accounts": a verb form used as a noun.
		if !flags.Noun && t > 0 && (nounDet(toks[t-1].Norm) || t > 1 && nounDet(toks[t-2].Norm) && isLowerWord(toks[t-1].Text) && baseForm(toks[t].Norm)) {
			// … also after one modifier when the verb is in its base
			// form: "the first visit", "a possible visit by Xi".
			flags.Noun = true
			e.nominal = true
		}
		// "announced expulsions on the same day, as did Canada and
		// Ukraine": the parties of the ellipsis do the same act, and are
		// not the first act's target.
		hms := ms
		var also party
		if hasAlso {
			var asAt int
			if also, asAt = alsoDid(toks, ms, t); !also.empty() {
				hms = mentionsBefore(ms, asAt)
			}
		}
		if forSameAct(toks, t, h.r.code.Root, evs) {
			continue // "arrived in Buenos Aires for a three-day visit": the same visit
		}
		meetingAct := flags.Sym && h.r.code.Root == "03" && len(hms) == 0 && refersToMeeting(toks)
		if flags.Noun {
			if !c.nounParties(d, s, hms, h, &e) && !meetingAct {
				continue
			}
		} else {
			c.verbParties(d, s, hms, h, &e, evs)
		}
		if e.src.empty() && meetingAct {
			// "The Riyadh meeting ended with an understanding to …": a
			// joint act of the talks' parties, the text's two.
			if p := d.Ann.Parties; p[0] != "" && p[1] != "" {
				e.src = party{actors: []entity.Actor{{Country: p[0], Sector: "GOV"}}, texts: []string{""}}
				e.tgt = party{actors: []entity.Actor{{Country: p[1], Sector: "GOV"}}, texts: []string{""}}
			}
		}
		if e.src.empty() {
			continue
		}
		if flags.PlaceTarget && !flags.Noun && e.tgt.m != nil {
			// "who arrived in Tokyo on September 16, urged both sides":
			// the place right after the pattern, before the object found
			// further on, is where the visit went.
			last := h.pos[len(h.pos)-1]
			if pl := placeAfter(d.Ann, s, last); pl != nil && pl.Tok-last <= 2 && pl.Tok < e.tgt.m.Tok && !e.src.hasCountry(pl.Country) {
				e.tgt = party{actors: []entity.Actor{{Country: pl.Country, Sector: "GOV"}}, texts: []string{pl.Text}}
			}
		}
		if flags.Sym && len(e.src.actors) >= 2 && !withObject(toks, e.tgt) {
			// "Biden and Xi met on the Indonesian island of Bali": a joint
			// action of the compound subject.
			e.tgt = party{}
		}
		if e.tgt.empty() {
			if len(e.src.actors) >= 2 && (flags.Sym || (flags.Speech || isCooperation(h.r.code.Root)) && e.src.m != nil && e.src.m.Kind == entity.Collective) {
				// "Moscow and Washington reached a consensus"
				e.tgt = party{actors: e.src.actors[1:], texts: e.src.texts[1:]}
				e.src = party{actors: e.src.actors[:1:1], texts: e.src.texts[:1:1], m: e.src.m}
				e.reciprocal = true
				e.group = true
			} else if flags.PlaceTarget || h.r.code.Root >= "15" {
				// Near the pattern's last word: "named … as its
				// ambassador in Riyadh".
				e.tgt = placeTarget(d.Ann, s, t, max(t, h.pos[len(h.pos)-1]), e.src)
			}
		}
		if h.r.code.Code == "045" && (e.tgt.empty() || e.tgt.m != nil && e.tgt.m.Kind == entity.Collective) {
			// "Kuwait has mediated in the dispute", "the Vatican hosted a
			// meeting of the two delegations": between the text's two
			// parties.
			p := d.Ann.Parties
			var q party
			for _, c := range p {
				if c != "" && c != e.src.actors[0].Country {
					q.actors = append(q.actors, entity.Actor{Country: c, Sector: "GOV"})
					q.texts = append(q.texts, "")
				}
			}
			if len(q.actors) == 2 {
				e.tgt = q
			}
		}
		if e.tgt.empty() && (flags.Speech || isVerbal(h.r.code.Root)) {
			explicitOnly := flags.Speech && genericSpeech[toks[h.pos[0]].Norm] && sentTone() == ""
			if explicitOnly {
				// "X said …" addresses nobody in particular: code it when
				// one of the text's two parties quotes itself on the
				// other, or when it speaks of another state.
				if other := otherParty(d.Ann.Parties, e.src.actors[0].Country); other != "" && isParty(d.Ann.Parties, e.src.actors[0].Country) && hasQuote(toks) {
					e.tgt = party{actors: []entity.Actor{{Country: other, Sector: "GOV"}}, texts: []string{""}}
				} else {
					e.tgt = c.mentionedTarget(e.src, hms, s)
				}
				if e.tgt.empty() && aboutContact(toks, t) {
					e.partner = true // the target is filled in by Code
				} else if e.tgt.empty() {
					continue
				}
			} else if flags.Sym && withNonState(toks, hms, h.pos[len(h.pos)-1]) {
				continue // "met with students at a university"
			} else {
				e.tgt = c.defaultTarget(d.Ann, e.src, hms, s, t)
			}
		}
		if e.tgt.empty() && (h.r.code.Root == "16" || h.r.code.Root == "15" || h.r.code.Root == "17") && len(evs) > 0 && participleAfterComma(toks, t) {
			// "slapped sanctions on Niger, closing borders and freezing
			// transactions": a participle of the same subject aims at the
			// target of the act before it.
			if p := evs[len(evs)-1]; !p.tgt.empty() && !p.src.empty() && p.src.actors[0].Country == e.src.actors[0].Country {
				e.tgt = p.tgt
			}
		}
		if e.tgt.empty() && (h.r.code.Root == "16" || h.r.code.Root == "15" || h.r.code.Root == "07" || h.r.code.Root == "17") {
			// A measure the text does not aim explicitly is aimed at the
			// text's other party: "China ordered the closure on July 24.";
			// so are a show of force ("Athens put its armed forces on
			// alert") and aid ("was among the first to send rescue teams").
			if other := otherParty(d.Ann.Parties, e.src.actors[0].Country); other != "" {
				e.tgt = party{actors: []entity.Actor{{Country: other, Sector: "GOV"}}, texts: []string{""}}
			}
		}
		if e.tgt.empty() && !flags.NoTarget && !flags.Speech {
			continue
		}
		if flags.Sym && !e.tgt.empty() {
			e.reciprocal = true
		}
		if e.code.Code == "051" && !flags.Noun && strings.HasPrefix(toks[t].Norm, "welcom") && e.tgt.m != nil && e.tgt.m.Kind == entity.Person && !e.tgt.m.Possessive {
			// Welcoming a person is receiving a visitor (043), not
			// welcoming a decision: "the emir was welcomed with an embrace
			// by the crown prince".
			if cd, ok := c.codes.Lookup("043"); ok {
				e.code = cd
			}
		}
		if !e.tgt.empty() && e.src.actors[0].Country == e.tgt.actors[0].Country {
			continue // a state acting on itself is not a relation between states
		}
		// Status. A rule that spells its own negation ("will not
		// accept" as a rejection) is not negated by it.
		if st := statusAt(toks, t); st != "" && e.status == record.StatusReported && !(st == record.StatusDenied && h.r.negated()) {
			e.status = st
		}
		if flags.Noun && e.status == record.StatusReported && conditionalNoun(toks, t) {
			e.status = record.StatusHypothetical // "an attack on one would be treated as an attack on all"
		}
		if flags.Noun && (h.r.code.Root == "16" || h.r.code.Root == "17") && judgedNoun(toks, t) {
			continue // "Hungary criticized the sanctions on Russia": not Hungary's sanctions
		}
		if flags.Noun && embeddedNoun(toks, t) && e.status == record.StatusReported {
			e.status = record.StatusProposed // "supported a resumption of peace talks"
		}
		if flags.Noun && e.status == record.StatusReported && stoppedNoun(toks, t) {
			e.status = record.StatusDenied // "suspending … channels, including talks between commanders"
		}
		if t <= embedUntil && e.status == record.StatusReported {
			e.status = embedStatus
		}
		if e.status == record.StatusPlanned && h.r.code.Root == "03" && !forecast(toks, t) && (saidBySameSide(evs, e) || announced(toks, t)) {
			// "He added that he would invite Kim to the White House": a
			// stated intention is the intent, expressed now.
			e.status = record.StatusReported
		}
		if e.status == record.StatusPlanned && !flags.Embed {
			switch h.r.code.Root {
			case "04", "05", "06", "07", "08":
				// "said they would restore relations": an announced
				// intention to cooperate (03). Others' forecast or a
				// timetable ("are expected to open embassies", "was due
				// to travel") announces no one's intention.
				if forecast(toks, t) {
					break
				}
				if cd, ok := c.codes.Lookup(intentOf(h.r.code.Code)); ok {
					e.code = cd
					e.status = record.StatusReported
				}
			case "12", "16", "17":
				// "announced that Russia would expel 10 diplomats", "said
				// Rosatom will be left out of the tender": the decision is
				// the measure.
				if announced(toks, t) {
					e.status = record.StatusReported
				}
			}
		}
		if h.r.code.Code == "016" && !flags.Noun {
			// "Tehran has denied sending missiles": what is denied did
			// not happen, as far as the speaker says.
			embedUntil, embedStatus = phraseEnd(toks, t), record.StatusDenied
		}
		if flags.Embed && !flags.Noun {
			embedUntil = clauseEnd(toks, t)
			if c := relativeClauseEnd(toks, t); c >= 0 && c < embedUntil {
				// "Washington, which had lobbied hard to save the pact,
				// welcomed the move": the complement ends with the
				// relative clause it is in.
				embedUntil = c
			}
			embedStatus = record.StatusProposed
			if h.r.code.Root == "13" {
				embedStatus = record.StatusHypothetical
			}
		}
		// "Obama said he would not provide support to Israel": a state
		// saying it will not cooperate rejects cooperation (12).
		// Not when the statement faults another state ("said Russia had
		// failed to cooperate"): the failure is Russia's, and the
		// statement says so.
		if e.status == record.StatusDenied && t > embedUntil && isCooperation(h.r.code.Root) && saidBySameSide(evs, e) && !faulting(evs) && !measureOn(evs, toks, t) {
			code := "120"
			if h.r.code.Root == "06" || h.r.code.Root == "07" {
				code = "121"
			}
			if cd, ok := c.codes.Lookup(code); ok {
				e.code, e.status = cd, record.StatusReported
				e.reciprocal = false // a refusal is one side's
			}
		}
		// "Lavrov added that Moscow could impose painful measures": a
		// state saying it may take a hostile step threatens it (13).
		if (e.status == record.StatusHypothetical || e.status == record.StatusPlanned) && t > embedUntil && isConflict(h.r.code.Root) && saidBySameSide(evs, e) {
			if cd, ok := c.codes.Lookup(threatCode(h.r.code)); ok {
				e.code, e.status = cd, record.StatusReported
			}
		}
		// "demanded that Moscow allow the diplomats back by noon on
		// Thursday": a demand with a deadline is an ultimatum.
		if h.r.code.Root == "10" && !flags.Noun && deadlineAfter(toks, t) {
			if cd, ok := c.codes.Lookup("139"); ok {
				e.code = cd
			}
		}
		if flags.Speech && h.r.pat.Flags.Tone {
			if code := sentTone(); code != "" {
				e.code, _ = c.codes.Lookup(code)
				e.toned, e.quoted = true, hasQuote(toks)
			} else if m := demandedOf(toks, ms, e.src); m != nil && e.code.Code == "010" {
				// "“The government of India needs to take this matter
				// seriously,” he said": the statement demands of India.
				if cd, ok := c.codes.Lookup("100"); ok {
					e.code, e.tgt = cd, partyOf(m)
					e.toned, e.quoted = true, hasQuote(toks)
				}
			} else if m := faultedOf(toks, ms, e.src, t); m != nil && e.code.Code == "010" {
				// "It said Russia had failed to cooperate": the statement
				// faults Russia.
				if cd, ok := c.codes.Lookup("111"); ok {
					e.code, e.tgt = cd, partyOf(m)
					e.toned, e.faults = true, true
				}
			}
		}
		evs = append(evs, e)
		if e.toned && e.code.Root == "11" && flags.Speech && h.r.pat.Flags.Tone && !e.faults {
			// "Xi told him that Japan should rein in its behaviour and
			// called the purchase a farce": the statement demands as well
			// as it criticizes.
			if m := demandedOf(toks, ms, e.src); m != nil {
				if cd, ok := c.codes.Lookup("100"); ok {
					de := e
					de.code, de.tgt = cd, partyOf(m)
					evs = append(evs, de)
				}
			}
		}
		if flags.Sym && h.r.code.Root == "04" && !e.group && len(e.src.actors) >= 2 && withObject(toks, e.tgt) && !(e.tgt.m.Tok > 2 && toks[e.tgt.m.Tok-2].Norm == "including") {
			// "Vucic and Kurti met in Ohrid with Borrell": the subject's
			// members also met each other.
			ge := e
			ge.src = party{actors: e.src.actors[:1:1], texts: e.src.texts[:1:1], m: e.src.m}
			ge.tgt = party{actors: e.src.actors[1:], texts: e.src.texts[1:]}
			ge.reciprocal, ge.group = true, true
			evs = append(evs, ge)
		}
		if !also.empty() && !e.group && !e.tgt.empty() {
			ae := e
			ae.src = also
			evs = append(evs, ae)
		}
	}
	return prune(evs, toks)
}

func evs0Root(evs []event) string {
	if len(evs) == 0 {
		return ""
	}
	return evs[len(evs)-1].code.Root
}

// isVerbal reports roots whose events are said to someone: statements,
// appeals, intentions, consultations, cooperation, demands, disapproval,
// rejection, threats.
func isVerbal(root string) bool {
	switch root {
	case "01", "02", "03", "04", "05", "10", "11", "12", "13":
		return true
	}
	return false
}

// prune drops plain statements that only report another event of the same
// sentence, and duplicate events (same source, target and root).
// classOf is what makes two events of a pair in one sentence distinct:
// the full code for measures (an expulsion and an entry ban), their easing
// (lifted trade rules and a delisting) and contacts
// (a visit and the talks during it), the root for the rest.
func classOf(c cameo.Code) string {
	if c.Root == "16" || c.Root == "17" || c.Root == "04" || c.Root == "08" || c.Code == "114" {
		return c.Code
	}
	return c.Root
}

func prune(evs []event, toks []nlp.Token) []event {
	// reports says whether the toned statement e reports another event
	// of the sentence: one inside its complement, or before it in its
	// clause ("Russia will expel ten diplomats, Lavrov said"), not one of
	// an earlier clause ("Paris did not recall its ambassador in London,
	// and Le Drian later suggested that …"). A plain statement (010) next
	// to another event is dropped either way: "Qatar rejected the list,
	// and its minister said …" adds nothing to the rejection.
	hasOther := false
	for _, e := range evs {
		if !e.speech {
			hasOther = true
		}
	}
	reports := func(e event) bool {
		st := e.h.trigger()
		for _, o := range evs {
			if o.speech {
				continue
			}
			ot := o.h.trigger()
			if ot >= st || !clauseBreak(toks, ot, st) {
				return true
			}
		}
		return false
	}
	var seenBuf, recipBuf [256]byte
	var seenEnds, recipEnds [16]int
	seen := keySet{buf: seenBuf[:0], ends: seenEnds[:0]}
	recip := keySet{buf: recipBuf[:0], ends: recipEnds[:0]}
	var keyBuf [64]byte
	key := keyBuf[:0]
	for _, e := range evs {
		if e.reciprocal {
			a, b := e.src.actors[0].Country, firstCountry(e.tgt)
			recip = recip.add(concat(key[:0], a, b, classOf(e.code), e.status))
			recip = recip.add(concat(key[:0], b, a, classOf(e.code), e.status))
		}
	}
	out := evs[:0] // filtered in place
	for _, e := range evs {
		if !e.reciprocal && recip.has(concat(key[:0], e.src.actors[0].Country, firstCountry(e.tgt), classOf(e.code), e.status)) {
			continue
		}
		if e.speech && (e.code.Code == "010" && hasOther || e.toned && !e.quoted && !e.faults && reports(e)) {
			continue // the statement only reports the other event
		}
		class := classOf(e.code)
		key = concat(key[:0], e.src.actors[0].Country, ">", firstCountry(e.tgt), ":", class, ":", e.status)
		for _, a := range e.src.actors[1:] {
			// "Riyadh sealed the border, and the four countries shut their
			// airspace": a group's act is not the first member's alone.
			key = append(append(key, '+'), a.Country...)
		}
		if e.reciprocal {
			a, b := e.src.actors[0].Country, firstCountry(e.tgt)
			if b < a {
				a, b = b, a
			}
			key = concat(key[:0], a, "<>", b, ":", class, ":", e.status)
		}
		if seen.has(key) {
			continue
		}
		seen = seen.add(key)
		out = append(out, e)
	}
	return out
}

// keySet is a set of keys for the few events of a sentence, kept one
// after another in a byte buffer: a map of strings allocated each key.
type keySet struct {
	buf  []byte
	ends []int // the end of each key in buf
}

func (k keySet) has(key []byte) bool {
	start := 0
	for _, end := range k.ends {
		if string(k.buf[start:end]) == string(key) {
			return true
		}
		start = end
	}
	return false
}

func (k keySet) add(key []byte) keySet {
	k.buf = append(k.buf, key...)
	k.ends = append(k.ends, len(k.buf))
	return k
}

// concat appends the parts of a key to buf.
func concat(buf []byte, parts ...string) []byte {
	for _, p := range parts {
		buf = append(buf, p...)
	}
	return buf
}

func firstCountry(p party) string {
	if p.empty() {
		return ""
	}
	return p.actors[0].Country
}

// stopVerbs before a noun say its event was stopped or prevented
// ("halting the annexation").
var stopVerbs = nlp.NewWordSet(map[string]bool{
	"halting": true, "halted": true, "halt": true, "stopping": true, "stopped": true, "stop": true,
	"ending": true, "prevent": true, "preventing": true, "prevented": true, "avoid": true,
	"avoiding": true, "abandoning": true, "abandoned": true, "suspending": true, "shelving": true,
})

// statusAt reads negation and modality just before the trigger.
func statusAt(toks []nlp.Token, t int) string {
	// "halting the annexation of …"
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		if stopVerbs.Has(toks[k].Norm) {
			return record.StatusDenied
		}
		if toks[k].Norm != "the" && toks[k].Norm != "its" && toks[k].Norm != "their" && toks[k].Norm != "a" && !isLowerWord(toks[k].Text) {
			break
		}
	}
	// "any attempt by China to invade Taiwan"
	if t > 0 && toks[t-1].Norm == "to" && !usedFor(toks, t-1) {
		for k := t - 2; k >= 0 && k >= t-7; k-- {
			if embedNouns.Has(toks[k].Norm) {
				return record.StatusHypothetical
			}
			if boundary(&toks[k]) {
				break
			}
		}
	}
	if t+1 < len(toks) {
		switch toks[t+1].Norm {
		case "no", "nothing", "neither":
			return record.StatusDenied // "offered no explanation"
		}
	}
	// "a ceasefire was not yet on the table"
	if t+2 < len(toks) {
		switch toks[t+1].Norm {
		case "was", "is", "were", "are", "has", "have", "had", "would", "will":
			if n := toks[t+2].Norm; n == "not" || n == "n't" || n == "never" {
				return record.StatusDenied
			}
		}
	}
	limit := t - 4
	for k := t - 1; k >= 0 && k >= limit; k-- {
		switch toks[k].Norm {
		case "or":
			// "would never recognise its independence or support its
			// membership": the negation before the first verb covers both.
			limit = max(limit-5, 0)
		case "not", "n't", "never", "no", "neither", "nor", "without":
			return record.StatusDenied
		case "failed", "fail", "fails", "failing", "refused", "refuse", "refuses", "refusing", "declined", "declines", "declining", "refusal", "failure":
			if k+1 < len(toks) && toks[k+1].Norm == "to" {
				return record.StatusDenied // "failed to agree"
			}
		case "could", "might", "may", "should", "can":
			// "Moscow could only welcome …" says it does.
			if isLowerWord(toks[k].Text) && !(k+1 < len(toks) && toks[k+1].Norm == "only") {
				return record.StatusHypothetical
			}
		case "would":
			return record.StatusPlanned
		case "will", "'ll", "shall", "expected", "plans", "planned", "plan", "intends", "aims", "going", "set", "scheduled", "due", "hopes", "wants", "seeks", "ready", "willing", "prepared":
			if k+1 < len(toks) && (toks[k+1].Norm == "to" || toks[k].Norm == "will" || toks[k].Norm == "'ll" || toks[k].Norm == "shall") {
				return record.StatusPlanned
			}
		case "if", "unless", "whether":
			return record.StatusHypothetical
		}
		if toks[k].Kind == nlp.Punct && (toks[k].Norm != "," || k == t-1) {
			// ", demanding that …": a participle's clause starts at the
			// comma; "was not being honoured" before it is another's.
			break
		}
	}
	// A condition earlier in the clause.
	for k := t - 1; k >= 0; k-- {
		if boundary(&toks[k]) {
			break
		}
		if toks[k].Norm == "if" || toks[k].Norm == "unless" {
			return record.StatusHypothetical
		}
	}
	return ""
}

// usedFor reports "used the call to …" before the "to" at index to: a
// purpose, carried out.
func usedFor(toks []nlp.Token, to int) bool {
	for k := to - 1; k >= 0 && k >= to-5; k-- {
		switch toks[k].Norm {
		case "used", "uses", "using":
			return true
		}
	}
	return false
}

// clauseEnd returns the last token index of the clause that contains t.
// relativeClauseEnd returns the comma that closes a relative clause set
// off by commas (", which …,") that token t is in, or -1.
func relativeClauseEnd(toks []nlp.Token, t int) int {
	open := false
	for k := t - 1; k > 0; k-- {
		if n := toks[k].Norm; n == "which" || n == "who" || n == "whose" || n == "whom" {
			open = toks[k-1].Norm == ","
			break
		} else if n == "," || n == ";" || boundary(&toks[k]) {
			return -1
		}
	}
	if !open {
		return -1
	}
	for k := t + 1; k < len(toks); k++ {
		switch toks[k].Norm {
		case ",":
			return k
		case ";", ".":
			return -1
		}
	}
	return -1
}

func clauseEnd(toks []nlp.Token, t int) int {
	for k := t + 1; k < len(toks); k++ {
		switch toks[k].Norm {
		case ";", "but", "while", ".", "which", "who", "whose", "whom", "where":
			return k
		case "after", "following", "during", "amid", "before":
			return k // "agreed to a ceasefire after days of clashes, in talks mediated by Qatar"
		case ",":
			// "…, an idea Japan dismissed the same day": an apposition
			// summing up the clause ends the complement.
			if k+3 < len(toks) && (toks[k+1].Norm == "a" || toks[k+1].Norm == "an") && isLowerWord(toks[k+2].Text) && toks[k+3].Kind == nlp.Word && !isLowerWord(toks[k+3].Text) {
				return k // (a noun and the subject of a clause about it, not "…, a list of demands")
			}
			// "…, and Secretary Rubio spoke", "…, and their foreign
			// ministers spoke": a new clause with its own subject.
			if k+2 < len(toks) && toks[k+1].Norm == "and" && (!isLowerWord(toks[k+2].Text) || clauseDets[toks[k+2].Norm]) {
				return k
			}
			// "…, and it added that …": a pronoun subject starts one too.
			if k+3 < len(toks) && toks[k+1].Norm == "and" && subjectPronouns[toks[k+2].Norm] && isLowerWord(toks[k+3].Text) {
				return k
			}
		case "and":
			// "urged Washington to reverse the decision and warned that
			// …": a past-tense verb is the subject's next act, not part of
			// the infinitive complement.
			if k+1 < len(toks) && isLowerWord(toks[k+1].Text) && strings.HasSuffix(toks[k+1].Norm, "ed") {
				return k
			}
			// "… to end its war in Ukraine, and had voiced concerns": an
			// auxiliary and a participle, the subject's next act.
			if k+2 < len(toks) && (toks[k+1].Norm == "had" || toks[k+1].Norm == "has" || toks[k+1].Norm == "have") &&
				isLowerWord(toks[k+2].Text) && strings.HasSuffix(toks[k+2].Norm, "ed") {
				return k
			}
		}
	}
	return len(toks)
}

// subjectPronouns can open a new clause.
var subjectPronouns = map[string]bool{"it": true, "he": true, "she": true, "they": true, "we": true}

// tone returns the code a statement's words make it: 112 when they
// accuse, 111 when they criticize, 012 or 013 when they lean pessimistic
// or optimistic, else "". Only quoted words count when the sentence
// quotes anyone. ids are the tokens' ids in c.vocab, or nil.
func (c *Coder) tone(toks []nlp.Token, ids []int32) string {
	quoted, in := false, true
	for i := range toks {
		if toks[i].Kind == nlp.Quote && toks[i].Norm != "'" {
			// A sentence that begins inside a quotation opened in the
			// sentence before shows its closing mark first.
			quoted, in = true, toks[i].Text == "”" || toks[i].Text == "»"
			break
		}
	}
	var found [4]int
	for i := range toks {
		t := &toks[i]
		if quoted && t.Kind == nlp.Quote && t.Norm != "'" {
			switch t.Text {
			case "“", "«":
				in = true
			case "”", "»":
				in = false
			default:
				in = !in
			}
			continue
		}
		if !in || t.Kind != nlp.Word {
			continue
		}
		var w int32
		if ids != nil {
			w = ids[i]
		} else {
			w = c.vocab.ID(t.Norm)
		}
		if int(w) >= len(c.cues.byFirst) {
			w = 0 // no cue's first word
		}
		for _, q := range c.cues.byFirst[w] {
			if q.matches(toks, i) && !negatedCue(toks, i) {
				found[q.kind]++
			}
		}
		for _, q := range c.cues.prefixes {
			if strings.HasPrefix(t.Norm, q.words[0]) {
				found[q.kind]++
			}
		}
	}
	switch {
	case found[cueAccuse] > 0:
		return "112"
	case found[cueCritical] > 0:
		return "111"
	case found[cuePessimistic] > found[cueOptimistic]:
		return "012"
	case found[cueOptimistic] > found[cuePessimistic]:
		return "013"
	}
	return ""
}

// negatedCue reports a tone cue at token i that "not" or "no" denies:
// "a reciprocal step and not an escalation".
func negatedCue(toks []nlp.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch toks[k].Norm {
		case "not", "no", "never", "n't":
			return true
		case "a", "an", "the", "any":
		default:
			return false
		}
	}
	return false
}

// Kinds of tone cues.
const (
	cueAccuse = iota
	cueCritical
	cuePessimistic
	cueOptimistic
)

// cue is a tone cue: words matched against token norms; a last word
// written with "*" matches as a prefix.
type cue struct {
	words  []string
	prefix bool
	kind   int
}

func (q cue) matches(toks []nlp.Token, i int) bool {
	if i+len(q.words) > len(toks) {
		return false
	}
	for j, w := range q.words {
		n := toks[i+j].Norm
		if j == len(q.words)-1 && q.prefix {
			if !strings.HasPrefix(n, w) {
				return false
			}
		} else if n != w {
			return false
		}
	}
	return true
}

// cueSet indexes tone cues by their first word.
type cueSet struct {
	byFirst  [][]cue // by first word id in the coder's vocabulary
	prefixes []cue   // one-word prefix cues
}

func newCueSet(vocab *nlp.Words, lists ...[]string) cueSet {
	cs := cueSet{byFirst: [][]cue{nil}} // id 0: no cue
	for kind, list := range lists {
		for _, text := range list {
			prefix := strings.HasSuffix(text, "*")
			var words []string
			for _, t := range nlp.Tokenize(strings.TrimSuffix(text, "*"), 0) {
				words = append(words, t.Norm)
			}
			if len(words) == 0 {
				continue
			}
			q := cue{words: words, prefix: prefix, kind: kind}
			if prefix && len(words) == 1 {
				cs.prefixes = append(cs.prefixes, q)
				continue
			}
			w := vocab.Add(words[0])
			for int(w) >= len(cs.byFirst) {
				cs.byFirst = append(cs.byFirst, nil)
			}
			cs.byFirst[w] = append(cs.byFirst[w], q)
		}
	}
	return cs
}

// genericSpeech are verbs of saying that carry no stance of their own.
var genericSpeech = map[string]bool{
	"said": true, "says": true, "say": true, "saying": true, "told": true, "tells": true, "tell": true,
	"telling": true, "stated": true, "stating": true, "added": true, "adds": true, "adding": true,
	"noted": true, "noting": true, "wrote": true, "writes": true, "announced": true, "announces": true,
	"commented": true, "confirmed": true, "confirms": true, "mentioned": true, "explained": true,
	"tweeted": true, "briefed": true, "in": true, "issued": true, "remarked": true,
}

// intentOf returns the code of the intention to do a cooperative act:
// the root's intent code, or for yielding (08) the matching 035 subcode
// ("would lift sanctions" is 0354).
func intentOf(code string) string {
	if len(code) >= 3 && code[:2] == "08" {
		if sub, ok := yieldIntent[code[:3]]; ok {
			return sub
		}
	}
	return intentCode[code[:2]]
}

// yieldIntent maps yielding acts to the intention to do them.
var yieldIntent = map[string]string{
	"081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
}

// intentCode maps the roots of cooperative acts to the code of the
// intention to do them.
var intentCode = map[string]string{"04": "036", "05": "030", "06": "031", "07": "033", "08": "035"}

// announced reports a verb of deciding or announcing before token t in
// its sentence.
func announced(toks []nlp.Token, t int) bool {
	if k := announcerBefore(toks, t); k >= 0 && !(k > 0 && (toks[k-1].Norm == "not" || toks[k-1].Norm == "n't")) {
		return true // "announced on April 22 that … would be capped"
	}
	for k := t - 1; k >= 0 && k >= t-12; k-- {
		switch toks[k].Norm {
		case "announced", "announces", "said", "says", "decided", "declared", "ordered", "told", "confirmed":
			// "has not said whether it will retaliate": nothing announced.
			for j := k - 1; j >= 0 && j >= k-2; j-- {
				if n := toks[j].Norm; n == "not" || n == "n't" || n == "never" {
					return false
				}
			}
			return !(k+1 < len(toks) && (toks[k+1].Norm == "whether" || toks[k+1].Norm == "if"))
		}
	}
	return false
}

// withObject reports a target introduced by "with" ("X and Y met with Z").
func withObject(toks []nlp.Token, p party) bool {
	if p.m == nil || p.m.Tok == 0 {
		return false
	}
	j := p.m.Tok - 1
	if toks[j].Norm == "the" && j > 0 {
		j--
	}
	return toks[j].Norm == "with"
}

// embedNouns are nouns whose "of" complement has not happened.
var embedNouns = nlp.NewWordSet(map[string]bool{
	"resumption": true, "possibility": true, "prospect": true, "prospects": true, "idea": true,
	"plan": true, "plans": true, "proposal": true, "call": true, "calls": true, "hope": true,
	"hopes": true, "threat": true, "risk": true, "chance": true, "chances": true, "offer": true,
	"demand": true, "demands": true, "request": true, "bid": true, "attempt": true,
	"invitation": true, "invite": true, "invited": true, "invitations": true,
})

// stoppedNoun reports a nominal trigger in the object of a verb that
// stops or calls off, further back than statusAt looks: "suspending
// several military channels, including talks between theatre
// commanders". A preposition of time or cause between them ("suspended
// its participation after talks …") makes the noun an event of its own.
func stoppedNoun(toks []nlp.Token, t int) bool {
	for k := t - 1; k >= 0 && k >= t-15; k-- {
		n := toks[k].Norm
		if boundary(&toks[k]) || n == "." {
			return false
		}
		switch n {
		case "after", "before", "following", "since", "despite", "amid", "during", "because", "when", "until", "at", "in", "on":
			return false
		case "cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling", "suspend", "suspends",
			"suspended", "froze", "freeze", "freezing", "frozen", "postpone", "postponed", "postponing",
			"scrapped", "scrapping", "shelved", "halted", "halting", "stopped", "stopping", "suspending",
			"ended", "ending", "abandoned", "abandoning":
			// "the meeting ended with an understanding" concluded it.
			return toks[k+1].Norm != "with"
		}
	}
	return false
}

// embeddedNoun reports a nominal trigger inside "a resumption of …",
// "the possibility of …" (within a few words).
func embeddedNoun(toks []nlp.Token, t int) bool {
	for k := t - 1; k >= 1 && k >= t-5; k-- {
		if toks[k].Norm == "of" && embedNouns.Has(toks[k-1].Norm) {
			return true
		}
		if seekVerbs[toks[k].Norm] {
			return true // "had sought a condemnation from the Arab League"
		}
		if boundary(&toks[k]) || toks[k].Norm == "," {
			return false
		}
	}
	return false
}

// judgedNoun reports a nominal measure that is the object of a verb of
// judging, backing or opposing within a few words before it, in its
// clause: the measure is what the subject judges, not its own act
// ("Hungary criticized the sanctions on Russia", "vetoed new sanctions",
// "distanced itself from the sanctions").
func judgedNoun(toks []nlp.Token, t int) bool {
	for k := t - 1; k >= 0 && k >= t-5; k-- {
		if judgingVerbs.Has(toks[k].Norm) {
			return true
		}
		if boundary(&toks[k]) || toks[k].Norm == "," {
			return false
		}
	}
	return false
}

var judgingVerbs = nlp.NewWordSet(map[string]bool{
	"criticized": true, "criticised": true, "criticizes": true, "criticises": true, "criticizing": true, "criticising": true,
	"condemned": true, "condemns": true, "condemning": true, "denounced": true, "denounces": true, "decried": true,
	"slammed": true, "opposed": true, "opposes": true, "opposing": true, "rejected": true, "rejects": true,
	"vetoed": true, "vetoes": true, "blocked": true, "blocks": true, "questioned": true, "distanced": true,
	"backed": true, "backs": true, "supported": true, "supports": true, "welcomed": true, "welcomes": true,
	"praised": true, "hailed": true, "endorsed": true, "endorses": true,
})

// seekVerbs before a nominal event make it wanted, not done.
var seekVerbs = map[string]bool{
	"sought": true, "seek": true, "seeks": true, "seeking": true, "wants": true, "wanted": true,
	"requested": true, "request": true, "requests": true, "urged": true, "urges": true,
	"proposed": true, "proposes": true, "propose": true,
}

// isConflict reports the roots of hostile acts a state can threaten.
func isConflict(root string) bool {
	switch root {
	case "15", "16", "17", "18", "19", "20":
		return true
	}
	return false
}

// saidBySameSide reports an earlier statement in the sentence by the
// event's own source country.
// participleAfterComma reports an -ing trigger at token t right after a
// comma: ", closing borders".
func participleAfterComma(toks []nlp.Token, t int) bool {
	return t > 0 && toks[t-1].Norm == "," && strings.HasSuffix(toks[t].Norm, "ing") && isLowerWord(toks[t].Text)
}

// measureOn reports a measure (16) of evs in the clause of token t, whose
// object holds the cooperation at t: "announced it was scrapping military
// cooperation agreements" is the one measure, not also a refusal.
func measureOn(evs []event, toks []nlp.Token, t int) bool {
	for _, p := range evs {
		if p.code.Root == "16" && p.h.trigger() < t && !clauseBreak(toks, p.h.trigger(), t) {
			return true
		}
	}
	return false
}

// conditionalNoun reports a nominal trigger at token t that names an act
// only supposed: after "any" ("any intervention in Niger") or "as" ("would
// be treated as an attack"), or the subject of a modal ("an attack on one
// would be treated as …").
func conditionalNoun(toks []nlp.Token, t int) bool {
	for k := t - 1; k >= 0 && k >= t-2; k-- {
		if toks[k].Norm == "any" || toks[k].Norm == "as" {
			return true // … or a characterization: "treated as an attack on all"
		}
		if !isLowerWord(toks[k].Text) {
			break
		}
	}
	for k := t + 1; k < len(toks) && k <= t+5; k++ {
		switch toks[k].Norm {
		case "would", "could", "might", "may", "will":
			return true
		}
		if toks[k].Kind == nlp.Punct || isVerbForm(toks[k].Norm) {
			return false
		}
	}
	return false
}

// isVerbForm reports a word that is most likely a finite verb or
// participle: it ends in -ed, or is a form of be or have.
func isVerbForm(w string) bool {
	switch w {
	case "is", "was", "are", "were", "has", "had", "have", "said":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// recallVerb reports the verbs of a recall in the passive: "was
// recalled", "had been called home", "was withdrawn".
func recallVerb(w string) bool {
	switch w {
	case "recalled", "called", "withdrawn", "brought", "pulled":
		return true
	}
	return false
}

// envoyMention reports a mention of an envoy: "Russia's ambassador",
// "its envoy, Anatoly Antonov", a person whose title is one.
func envoyMention(toks []nlp.Token, m *entity.Mention) bool {
	if m == nil {
		return false
	}
	if t := strings.ToLower(m.Actor.Title); strings.Contains(t, "ambassador") || strings.Contains(t, "envoy") {
		return true
	}
	for k := m.Tok; k < m.TokEnd && k < len(toks); k++ {
		if envoyNoun(toks[k].Norm) {
			return true
		}
	}
	return false
}

// envoyNoun reports a noun for a state's envoys.
func envoyNoun(w string) bool {
	switch w {
	case "ambassador", "envoy", "ambassadors", "envoys", "diplomats", "diplomat":
		return true
	}
	return false
}

// visitorDet are the words before "visiting" used as an adjective.
var visitorDet = map[string]bool{"by": true, "the": true, "a": true, "with": true, "for": true, "to": true, "from": true, "and": true}

// breachOf reports a nominal trigger at t that a breach or enforcement of
// it governs: "in breach of EU sanctions", "to act on U.S. sanctions".
func breachOf(toks []nlp.Token, t int) bool {
	for k := t - 1; k >= 1 && k >= t-4; k-- {
		if toks[k].Norm != "of" && toks[k].Norm != "on" {
			continue
		}
		switch toks[k-1].Norm {
		case "breach", "breaches", "violation", "violations", "defiance", "evasion", "act", "enforcement", "circumvention", "breaking":
			return true
		}
	}
	return false
}

// faulting reports whether one of evs is a statement faulting another
// state.
func faulting(evs []event) bool {
	for _, p := range evs {
		if p.faults {
			return true
		}
	}
	return false
}

func saidBySameSide(evs []event, e event) bool {
	for _, p := range evs {
		if p.speech && !p.src.empty() && !e.src.empty() && p.src.actors[0].Country == e.src.actors[0].Country {
			return true
		}
	}
	return false
}

// threatCode maps a hostile act to the threat of it.
func threatCode(c cameo.Code) string {
	switch {
	case c.Code == "163":
		return "1312"
	case c.Code == "161" || c.Code == "160":
		return "1313"
	case strings.HasPrefix(c.Code, "162"):
		return "1311"
	case c.Code == "164":
		return "134"
	case c.Root == "18" || c.Root == "19" || c.Root == "20":
		return "138"
	}
	return "130"
}

// isParty reports whether c is one of the text's two parties.
func isParty(p [2]string, c string) bool { return c != "" && (c == p[0] || c == p[1]) }

// hasQuote reports a quotation mark in the sentence.
// contactNouns name a meeting or call between states.
var contactNouns = map[string]bool{
	"talks": true, "call": true, "meeting": true, "negotiations": true, "dialogue": true,
	"summit": true, "conversation": true, "consultations": true, "discussions": true,
}

// aboutContact reports a definite reference to a contact in the
// complement of a speech verb at t: "said the call had only opened a
// door", "said the American side would judge the talks by results".
func aboutContact(toks []nlp.Token, t int) bool {
	for i := t + 1; i < len(toks) && i <= t+12; i++ {
		if contactNouns[toks[i].Norm] && (toks[i-1].Norm == "the" || toks[i-1].Norm == "these" || toks[i-1].Norm == "this") {
			return true
		}
		if boundary(&toks[i]) {
			break
		}
	}
	return false
}

func hasQuote(toks []nlp.Token) bool {
	for i := range toks {
		if toks[i].Kind == nlp.Quote && toks[i].Norm != "'" {
			return true
		}
	}
	return false
}

// phraseEnd returns the index of the first ",", "and" or clause end after
// token t: the end of a short complement.
func phraseEnd(toks []nlp.Token, t int) int {
	for k := t + 1; k < len(toks); k++ {
		switch toks[k].Norm {
		case ",", "and", ";", "but", "while", ".":
			return k
		}
	}
	return len(toks)
}

// isCooperation reports the roots of cooperative acts a state can refuse.
func isCooperation(root string) bool {
	switch root {
	case "05", "06", "07", "08":
		return true
	}
	return false
}

// attributiveBefore are words after which a participle is an adjective.
var attributiveBefore = map[string]bool{
	"of": true, "the": true, "a": true, "an": true, "for": true, "with": true, "about": true,
	"against": true, "two": true, "three": true, "several": true,
}

// complementNouns take an infinitive that names an act of its own:
// "Tallinn's decision last month to expel a Russian diplomat".
var complementNouns = map[string]bool{
	"decision": true, "move": true, "order": true, "orders": true, "plan": true, "plans": true,
	"bid": true, "attempt": true, "effort": true, "efforts": true, "threat": true, "vote": true,
	"refusal": true, "agreement": true, "pledge": true, "promise": true, "offer": true,
}

// complementNoun reports a complement noun within three words before
// the "to" at token k.
func complementNoun(toks []nlp.Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if complementNouns[toks[j].Norm] {
			return true
		}
	}
	return false
}

// numberWords are counts before a noun ("five detained Americans").
var numberWords = map[string]bool{
	"four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true,
	"dozens": true, "hundreds": true, "many": true, "some": true, "all": true, "other": true,
}

// insideName reports a token inside the name or title of a person,
// institution or body: "press" in "press secretary Jen Psaki".
func insideName(ms []entity.Mention, t int) bool {
	for k := range ms {
		m := &ms[k]
		if m.Tok <= t && t < m.TokEnd && m.How != "adjective" {
			switch m.Kind {
			case entity.Person, entity.Institution, entity.Body:
				return true
			}
		}
	}
	return false
}

// deadlineAfter reports a deadline in the clause after token t: "by noon",
// "by midnight on Friday", "within 48 hours".
func deadlineAfter(toks []nlp.Token, t int) bool {
	end := clauseEnd(toks, t)
	for k := t + 1; k+1 < end && k < len(toks); k++ {
		switch toks[k].Norm {
		case "by", "before":
			switch toks[k+1].Norm {
			case "noon", "midnight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
				return true
			}
		case "within":
			if k+2 < end && (toks[k+1].Kind == nlp.Number || numberWords[toks[k+1].Norm]) {
				switch toks[k+2].Norm {
				case "hours", "days", "hour", "day":
					return true
				}
			}
		}
	}
	return false
}

// forSameAct reports a nominal trigger at t in a "for a … <noun>" phrase
// after an act of the same root in the sentence: the purpose restates it.
func forSameAct(toks []nlp.Token, t int, root string, evs []event) bool {
	same := false
	for _, e := range evs {
		same = same || e.code.Root == root
	}
	if !same {
		return false
	}
	det := false
	for k := t - 1; k >= 0 && k >= t-5; k-- {
		switch toks[k].Norm {
		case "a", "an", "the", "his", "her", "their", "its":
			det = true
		case "for", "on":
			return det
		case "and", "or", "but":
			return false // "… for the hacking campaigns and asserted": a new verb
		}
		if toks[k].Kind != nlp.Word && toks[k].Kind != nlp.Number && toks[k].Norm != "-" {
			return false
		}
	}
	return false
}

// clauseDets open the subject of a new clause after ", and".
var clauseDets = map[string]bool{"the": true, "their": true, "its": true, "his": true, "her": true, "both": true}

// withNonState reports "with" right after token t followed by people who
// are no state's: "met with students", "spoke with reporters".
func withNonState(toks []nlp.Token, ms []entity.Mention, t int) bool {
	i := t + 1
	if toks[t].Norm == "with" {
		i = t // the pattern ends in "with": "+meet * with"
	}
	if i >= len(toks) || toks[i].Norm != "with" {
		return false
	}
	j := i + 1
	if j < len(toks) && (toks[j].Norm == "the" || toks[j].Norm == "a" || toks[j].Norm == "local") {
		j++
	}
	if j >= len(toks) || !isLowerWord(toks[j].Text) {
		return false
	}
	for k := range ms {
		if ms[k].Tok <= j && ms[k].TokEnd > j {
			return false // "met with officials from both countries"
		}
	}
	return true
}

// nounBefore reports a plural or common noun right before token t, so
// that a participle at t modifies it: "notes confirming", "reports saying".
func nounBefore(toks []nlp.Token, t int) bool {
	n := toks[t-1].Norm
	switch n {
	case "notes", "note", "reports", "report", "documents", "statement", "statements", "letter", "letters", "messages", "message", "cables", "sources":
		return true
	}
	return false
}

// nounDet reports a determiner that makes the next word a noun.
func nounDet(n string) bool {
	switch n {
	case "the", "a", "an", "'s", "his", "her", "its", "their":
		return true
	}
	return false
}

// baseForm reports a verb's base form that is also a noun: "visit",
// "call", "protest" (not "said" or "met", which only look like one).
func baseForm(n string) bool {
	switch n {
	case "visit", "call", "protest", "appeal", "offer", "demand", "threat", "pledge", "ban",
		"attack", "strike", "request", "trip", "promise", "warning", "boycott", "embargo":
		return true
	}
	return false
}

// retaliation words give the motive of the act before them.
var retaliation = map[string]bool{"retaliating": true, "responding": true, "reacting": true, "punishing": true}

// lastAct returns the last reported, non-speech event of a sentence that
// has a target: the act a later "followed suit" repeats. It keeps only
// what followers needs, and owns its target's slices, since it outlives
// the sentence's scratch memory.
func lastAct(evs []event) (event, bool) {
	for i := len(evs) - 1; i >= 0; i-- {
		e := evs[i]
		if !e.speech && e.status == record.StatusReported && !e.tgt.empty() && !e.src.empty() && !isVerbal(e.code.Root) {
			e.src = party{}
			e.tgt = party{actors: slices.Clone(e.tgt.actors), texts: slices.Clone(e.tgt.texts)}
			e.h = hit{r: e.h.r}
			return e, true
		}
	}
	return event{}, false
}

// followers codes "X and Y followed (suit) on Tuesday": the subject of an
// intransitive "followed" does the act last reported.
func followers(toks []nlp.Token, ms []entity.Mention, last event, evs []event) []event {
	for i := range toks {
		if n := toks[i].Norm; len(n) < 6 || n[0] != 'f' || n != "followed" && n != "follows" && n != "follow" {
			continue
		}
		if i+1 < len(toks) {
			switch toks[i+1].Norm {
			case "suit", "on", "in", "later", "shortly", "soon", "days", "hours", "weeks", ",", ".", "with":
			default:
				continue
			}
		}
		src := subjectLeft(toks, ms, i)
		// Not those the sentence gives the same act already: "NATO
		// followed, the alliance withdrawing the accreditation of …".
		var keep party
		for j, a := range src.actors {
			dup := false
			for _, o := range evs {
				if o.code.Root == last.code.Root && !o.src.empty() && o.src.actors[0].Country == a.Country {
					dup = true
				}
			}
			if !dup {
				keep.actors = append(keep.actors, a)
				keep.texts = append(keep.texts, src.texts[j])
			}
		}
		if src = keep; src.empty() {
			continue
		}
		e := last
		e.src = src
		e.reciprocal, e.group, e.nominal = false, false, false
		e.h = hit{r: &rule{pat: &lexicon.Pattern{Flags: last.h.r.pat.Flags}, elems: make([]elem, 1), code: last.code}, pos: []int{i}}
		return []event{e}
	}
	return nil
}
