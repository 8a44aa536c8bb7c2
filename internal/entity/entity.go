// Package entity recognizes and resolves the actors, places and dates of
// an article: states by name, adjective, capital or seat of government;
// institutions and international bodies; people by title, apposition and
// the built-in table of office holders; and the referring expressions of
// the article itself ("both sides", "the minister", "he"). It works on
// the sentences of package nlp and the dictionaries of package lexicon.
package entity

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parleyproject/parley/internal/lexicon"
	"github.com/parleyproject/parley/internal/nlp"
	"github.com/parleyproject/parley/internal/timex"
)

// Kind classifies an actor mention.
type Kind uint8

// Mention kinds.
const (
	State       Kind = iota // a state by name, capital or seat: "Russia", "Moscow", "the Kremlin"
	Body                    // an international body: "the United Nations"
	Institution             // "the State Department", "the Russian Foreign Ministry", "the U.S. delegation"
	Person                  // a person: "Sergei Lavrov", "he"
	Group                   // people of a state and sector: "Russian diplomats", "U.S. officials"
	Collective              // the article's two parties: "both sides", "the two countries"
)

var kindNames = [...]string{"state", "body", "institution", "person", "group", "collective"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// MarshalText encodes a Kind by name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Actor is what a mention resolves to.
type Actor struct {
	// Country is an ISO 3166-1 alpha-3 code, or a body's CAMEO code (UNO, EUR, …).
	Country string `json:"country"`
	// Sector is a CAMEO role code (GOV, MIL, …), or "" when unknown.
	Sector string `json:"sector"`
	// Name is the person's or institution's name, when known.
	Name string `json:"name,omitempty"`
	// Title is a person's title as the text or the office table gives it.
	Title string `json:"title,omitempty"`
	// Org is the international body's code when the actor is or belongs to one.
	Org string `json:"org,omitempty"`
	// Former reports a person no longer in the office that gives the sector.
	Former bool `json:"former,omitempty"`
}

// Code returns the GDELT-style actor code: country + sector, or IGO + body.
func (a Actor) Code() string {
	if a.Org != "" && a.Country == a.Org {
		return "IGO" + a.Org
	}
	return a.Country + a.Sector
}

// Mention is one actor found in a sentence.
type Mention struct {
	// Sentence is the sentence index; Tok and TokEnd delimit its tokens
	// (half-open token indices within the sentence).
	Sentence int `json:"sentence"`
	Tok      int `json:"tok"`
	TokEnd   int `json:"tok_end"`
	// Start and End are byte offsets into the body (half-open).
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  Kind   `json:"kind"`
	Actor Actor  `json:"actor"`
	// Members are the parties a Collective mention stands for.
	Members []Actor `json:"members,omitempty"`
	// How tells how it was resolved: lexicon, adjective, capital, seat,
	// title, apposition, office, led-by, coref, collective.
	How string `json:"how"`
	// Possessive reports a mention followed by "’s".
	Possessive bool `json:"possessive,omitempty"`
	// Attrib reports a state named only by an adjective modifying a noun
	// that is not an actor ("the Russian decision").
	Attrib bool `json:"attrib,omitempty"`
}

// Place is a place named in a sentence.
type Place struct {
	Sentence int     `json:"sentence"`
	Tok      int     `json:"tok"`
	TokEnd   int     `json:"tok_end"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Text     string  `json:"text"`
	Name     string  `json:"name"`
	Country  string  `json:"country"`
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
	// IsCountry reports a country named as a place ("in Saudi Arabia").
	IsCountry bool `json:"is_country,omitempty"`
}

// Date is a time expression found in a sentence.
type Date struct {
	Sentence int `json:"sentence"`
	timex.Expr
}

// Annotations are the text-layer annotations of one document.
type Annotations struct {
	Sentences []nlp.Sentence `json:"-"`
	Mentions  []Mention      `json:"actors"`
	Places    []Place        `json:"places"`
	Dates     []Date         `json:"dates"`
	// Parties are the two states the article is mostly about, by mention
	// count ("" when fewer are named).
	Parties [2]string `json:"parties"`
	// wordIDs holds, for each sentence, the id in words of each token
	// that is a word or a number (0 for the others and for words the
	// table lacks); words held wordsLen words then.
	words    *nlp.Words
	wordsLen int
	wordIDs  [][]int32
	ids      []int32 // the array wordIDs slices
}

// WordIDs returns the ids the resolver gave the tokens of the sentence at
// position i of Sentences from its table of words (see Resolver.Words):
// for each token that is a word or a number its id in words, else 0. It
// returns nil unless the ids came from words while it held at least n
// words, so that a reader numbering its own vocabulary with words gets
// ids for all of it.
func (a *Annotations) WordIDs(i int, words *nlp.Words, n int) []int32 {
	if words == nil || a.words != words || a.wordsLen < n || i >= len(a.wordIDs) || len(a.wordIDs[i]) != len(a.Sentences[i].Tokens) {
		return nil
	}
	return a.wordIDs[i]
}

// SentenceMentions returns the mentions of sentence si, in token order.
func (a *Annotations) SentenceMentions(si int) []Mention {
	lo := sort.Search(len(a.Mentions), func(i int) bool { return a.Mentions[i].Sentence >= si })
	hi := lo
	for hi < len(a.Mentions) && a.Mentions[hi].Sentence == si {
		hi++
	}
	return a.Mentions[lo:hi]
}

// SentencePlaces returns the places of sentence si. The result shares
// memory with a.Places; callers must not modify it.
func (a *Annotations) SentencePlaces(si int) []Place {
	lo := sort.Search(len(a.Places), func(i int) bool { return a.Places[i].Sentence >= si })
	hi := lo
	for hi < len(a.Places) && a.Places[hi].Sentence == si {
		hi++
	}
	return a.Places[lo:hi:hi]
}

// SentenceDates returns the dates of sentence si. The result shares
// memory with a.Dates; callers must not modify it.
func (a *Annotations) SentenceDates(si int) []Date {
	lo := sort.Search(len(a.Dates), func(i int) bool { return a.Dates[i].Sentence >= si })
	hi := lo
	for hi < len(a.Dates) && a.Dates[hi].Sentence == si {
		hi++
	}
	return a.Dates[lo:hi:hi]
}

// Resolver recognizes and resolves actors, places and dates. It is safe
// for concurrent use once built.
type Resolver struct {
	lex  *lexicon.Lexicon
	dict *dict
	// capitals has, for each country of lex, the coordinates of its
	// capital as a place of lex (zero when it is none).
	capitals []coords
	// kingdoms holds the codes of the states whose names call them a
	// kingdom ("Kingdom of Bahrain", "United Kingdom"), which "the
	// kingdom" may stand for.
	kingdoms map[string]bool
	// collStart has the bit of each word id (in dict.firsts) that may
	// begin a collective reference collectiveAt reads ("both", "the",
	// "officials" …): most tokens skip the call.
	collStart []uint64
	// times reads the time expressions of a sentence from its numbered
	// tokens.
	times *timex.Vocab
}

type coords struct{ lat, lon float64 }

// Words returns the table of words by which Annotate numbers tokens (see
// Annotations.WordIDs). Other dictionaries may add their words to it, so
// as to read those numbers rather than look tokens up again, but only
// before the resolver annotates anything: Words is not safe for adding
// and reading at once.
func (r *Resolver) Words() *nlp.Words { return &r.dict.firsts }

// New compiles a Resolver from a lexicon.
func New(lex *lexicon.Lexicon) *Resolver {
	r := &Resolver{lex: lex, dict: compile(lex), capitals: make([]coords, len(lex.Countries)), kingdoms: map[string]bool{}}
	starts := append([]string{"both", "the"}, sideMemberWords...)
	ids := make([]int32, len(starts))
	for i, w := range starts {
		ids[i] = r.dict.firsts.Add(w)
	}
	r.collStart = make([]uint64, r.dict.firsts.Len()/64+1)
	for _, id := range ids {
		r.collStart[id>>6] |= 1 << (id & 63)
	}
	r.times = timex.NewVocab(&r.dict.firsts)
	for i, c := range lex.Countries {
		for _, n := range c.Names {
			if strings.Contains(n, "Kingdom") {
				r.kingdoms[c.Code] = true
			}
		}
		for _, pl := range lex.Places {
			if pl.Name == c.Capital && pl.Country == c.Code {
				r.capitals[i] = coords{pl.Lat, pl.Lon}
			}
		}
	}
	return r
}

// Annotate finds the actors, places and dates of a document's sentences.
// published may be zero.
func (r *Resolver) Annotate(body string, sents []nlp.Sentence, published time.Time) *Annotations {
	return r.annotate(new(Annotations), body, sents, published)
}

// An Annotator annotates documents as Resolver.Annotate does, reusing the
// memory of its annotations from one call to the next: the annotations
// it returns are valid until its next call. A batch that analyzes and
// forgets one document at a time uses one per goroutine. The zero
// Annotator is ready to use; it is not safe for concurrent use.
type Annotator struct {
	ann Annotations
	// The arrays the annotations reuse; an empty list is returned as nil,
	// as Resolver.Annotate returns it, while its array stays here.
	mentions []Mention
	places   []Place
	dates    []Date
}

// maxKeptMentions bounds the mentions an Annotator keeps between calls.
const maxKeptMentions = 1 << 14

// Annotate annotates body with r; see Resolver.Annotate.
func (a *Annotator) Annotate(r *Resolver, body string, sents []nlp.Sentence, published time.Time) *Annotations {
	if cap(a.mentions) > maxKeptMentions {
		*a = Annotator{}
	}
	clear(a.mentions)
	clear(a.places)
	clear(a.dates)
	a.ann = Annotations{Mentions: a.mentions[:0], Places: a.places[:0], Dates: a.dates[:0], ids: a.ann.ids[:0], wordIDs: a.ann.wordIDs[:0]}
	ann := r.annotate(&a.ann, body, sents, published)
	a.mentions, a.places, a.dates = ann.Mentions, ann.Places, ann.Dates
	if len(ann.Mentions) == 0 {
		ann.Mentions = nil
	}
	if len(ann.Places) == 0 {
		ann.Places = nil
	}
	if len(ann.Dates) == 0 {
		ann.Dates = nil
	}
	return ann
}

func (r *Resolver) annotate(ann *Annotations, body string, sents []nlp.Sentence, published time.Time) *Annotations {
	r.dict.ready()
	st := docStates.Get().(*docState)
	defer st.release()
	st.r, st.body, st.published = r, body, published
	// The mentions grow in the state's buffer and are copied out at
	// their final number.
	out := ann.Mentions[:0]
	ann.Sentences, ann.Mentions = sents, st.mentions[:0]
	ann.numberWords(r.Words())
	year := 0
	for i := range sents {
		s := &sents[i]
		st.ids = ann.wordIDs[i]
		st.sentence(s, ann)
		for _, x := range r.times.FindTokens(s.Text, s.Start, published, year, s.Tokens, st.ids) {
			ann.Dates = append(ann.Dates, Date{Sentence: s.Index, Expr: x})
			if !x.Relative && !x.Date.IsZero() && x.Precision >= timex.Year && x.Precision <= timex.Day {
				year = x.Date.Year() // the year a later "that year" means
			}
		}
	}
	st.mentions = ann.Mentions
	ann.Mentions = append(out, st.mentions...)
	ann.Parties = st.parties()
	for i := range ann.Mentions {
		m := &ann.Mentions[i]
		if p := ann.Parties; m.Kind == Collective && len(m.Members) == 2 && m.Members[0].Country == p[1] && m.Members[1].Country == p[0] {
			// A pair of the text's two parties in the text's order.
			m.Members = []Actor{m.Members[1], m.Members[0]}
		}
		if m.Kind != Collective || len(m.Members) > 2 || len(m.Members) == 2 && m.How == "collective" {
			continue // set where it was read: "the four countries", "the ministers of Egypt and Turkey"
		}
		a, b := recentPair(ann, i)
		inParties := func(c string) bool { return c != "" && (c == ann.Parties[0] || c == ann.Parties[1]) }
		sameSentence := b != "" && pairInSentence(ann, i, a, b)
		// "Kristersson visited Budapest for talks with Viktor Orban. The
		// two leaders agreed …": two people just named are the leaders.
		if b != "" && personCollective(m.Text) && personsNamed(ann, i, a, b) {
			sameSentence = true
		}
		if !sameSentence && (b == "" || mentionedNear(ann, i, ann.Parties[0]) && mentionedNear(ann, i, ann.Parties[1]) || inParties(a) != inParties(b)) {
			// The text's two parties, when both are in view.
			a, b = ann.Parties[0], ann.Parties[1]
		}
		if b != "" {
			m.Members = []Actor{{Country: a, Sector: "GOV"}, {Country: b, Sector: "GOV"}}
		}
	}
	return ann
}

// numberWords fills in the ids of the tokens of a's sentences in words,
// in one array.
func (a *Annotations) numberWords(words *nlp.Words) {
	n := 0
	for i := range a.Sentences {
		n += len(a.Sentences[i].Tokens)
	}
	if cap(a.ids) < n {
		a.ids = make([]int32, n)
	}
	ids := a.ids[:n]
	clear(ids)
	if cap(a.wordIDs) < len(a.Sentences) {
		a.wordIDs = make([][]int32, len(a.Sentences))
	}
	a.words, a.wordsLen, a.wordIDs = words, words.Len(), a.wordIDs[:len(a.Sentences)]
	for i := range a.Sentences {
		toks := a.Sentences[i].Tokens
		a.wordIDs[i], ids = ids[:len(toks):len(toks)], ids[len(toks):]
		for k := range toks {
			if toks[k].Kind == nlp.Word || toks[k].Kind == nlp.Number {
				a.wordIDs[i][k] = words.ID(toks[k].Norm)
			}
		}
	}
}

// docStates pools the states of Annotate calls, so that their maps and
// buffers are reused from document to document.
var docStates = sync.Pool{New: func() any {
	return &docState{people: map[string]Actor{}, leads: map[string]Actor{}, counts: map[string]int{}, insts: map[string]string{}}
}}

// release empties the state, keeping its memory, and returns it to the
// pool.
func (st *docState) release() {
	clear(st.people)
	clear(st.leads)
	clear(st.counts)
	clear(st.insts)
	clear(st.titled)
	clear(st.mentions)
	clear(st.ms)
	*st = docState{people: st.people, leads: st.leads, counts: st.counts, insts: st.insts,
		titled: st.titled[:0], entries: st.entries[:0], at: st.at, covered: st.covered, used: st.used,
		ms: st.ms[:0], mentions: st.mentions[:0]}
	docStates.Put(st)
}

// docState is what the resolver remembers while it reads one document.
type docState struct {
	r         *Resolver
	body      string
	published time.Time
	// people maps full names and surnames seen in the document to actors.
	people map[string]Actor
	// lastPerson is the most recent person mentioned, when hasPerson.
	lastPerson Actor
	hasPerson  bool
	// firstPerson is the first person, not possessive, of the last
	// sentence that named one: the likely subject "He" continues.
	firstPerson Actor
	hasFirst    bool
	// titled lists persons with titles in order of mention.
	titled []Actor
	// leads maps a country to the person leading its delegation.
	leads  map[string]Actor
	counts map[string]int
	// home is the country of the document's dateline ("PRAGUE —"), whose
	// officials a text may name by title alone.
	home string
	// insts maps generic institutions ("foreign ministry") to the
	// country the text first gave them ("China's Foreign Ministry").
	insts map[string]string
	// named lists the generic institutions named, in order, for "the
	// ministry" after "China's Foreign Ministry".
	named []namedInst
	// entries backs the entry lists of a document's matches.
	entries []*entry
	// at, covered, used and ms are per-sentence scratch space, reused.
	at      []int
	covered []bool
	used    []bool
	ms      []match
	// mentions is the buffer the document's mentions are collected in.
	mentions []Mention
	// ids are the word ids of the current sentence's tokens.
	ids []int32
}

// grow readies the scratch space for a sentence of n tokens, cleared.
func (st *docState) grow(n int) {
	if cap(st.at) < n {
		st.at = make([]int, n)
		st.covered = make([]bool, n)
		st.used = make([]bool, n)
		return
	}
	clear(st.at[:n])
	clear(st.covered[:n])
	clear(st.used[:n])
}

func (st *docState) parties() [2]string {
	// The two most named, by count and then code, among all the
	// candidates and among the states alone; no sorting, no allocation:
	// it runs once a document and again for some references.
	type kv struct {
		c string
		n int
	}
	// At equal counts a state goes before a body ("Serbia and Kosovo …
	// The EU urged both sides"), then the lower code.
	better := func(a, b kv) bool {
		if a.n != b.n {
			return a.n > b.n
		}
		if ab, bb := isBodyCode(a.c), isBodyCode(b.c); ab != bb {
			return bb
		}
		return a.c < b.c
	}
	var all, states [2]kv
	push := func(top *[2]kv, e kv) {
		switch {
		case top[0].c == "" || better(e, top[0]):
			top[1], top[0] = top[0], e
		case top[1].c == "" || better(e, top[1]):
			top[1] = e
		}
	}
	for c, n := range st.counts {
		if len(c) != 3 {
			continue
		}
		body := isBodyCode(c)
		if body && c != "EUR" && c != "NAT" && c != "UNO" {
			continue
		}
		push(&all, kv{c, n})
		if !body {
			push(&states, kv{c, n})
		}
	}
	// A body that mediates or hosts (the EU between Serbia and Kosovo)
	// is no party when two states are named often enough.
	if states[1].c != "" && states[1].n >= 3 {
		all = states
	}
	return [2]string{all[0].c, all[1].c}
}

func isBodyCode(c string) bool {
	switch c {
	case "UNO", "EUR", "NAT", "AFR", "ASN", "IGO", "ARL", "OSC", "GCC", "OAS", "WHO", "IMF", "WTO":
		return true
	}
	return false
}

// match is a dictionary match in a sentence.
type match struct {
	tok, n int
	es     []*entry
	// kinds has the bit of each entry's kind: a match is asked for
	// kinds many times, and most of its entries are of none of them.
	kinds uint32
}

// newMatch returns the match of entries es over tokens tok to tok+n.
func newMatch(tok, n int, es []*entry) match {
	m := match{tok: tok, n: n, es: es}
	for _, e := range es {
		m.kinds |= 1 << e.kind
	}
	return m
}

func (m *match) has(k entryKind) *entry {
	if m.kinds&(1<<k) == 0 {
		return nil
	}
	for _, e := range m.es {
		if e.kind == k {
			return e
		}
	}
	return nil
}

// sentence annotates one sentence.
func (st *docState) sentence(s *nlp.Sentence, ann *Annotations) {
	first := len(ann.Mentions)
	toks := s.Tokens
	if len(toks) == 0 {
		return
	}
	d := st.r.dict
	// Dictionary matches, longest first, left to right; a dateline
	// ("BRUSSELS —") places the report and names no actor.
	ms := st.ms[:0]
	var pendingInst []pendingMention
	defer func() { st.ms = ms[:0] }()
	dl := nlp.DatelineLen(s)
	if dl > 0 && st.home == "" {
		st.home = st.datelineCountry(toks[:dl])
	}
	st.grow(len(toks))
	at := st.at[:len(toks)]           // token → index+1 into ms of the match starting there
	covered := st.covered[:len(toks)] // tokens inside a match, after its first
	for i := dl; i < len(toks); {
		if toks[i].Kind != nlp.Word {
			i++
			continue
		}
		es, n := d.matchInto(toks, st.ids, i, st.ids[i], &st.entries)
		if w := st.ids[i]; int(w>>6) < len(st.r.collStart) && st.r.collStart[w>>6]&(1<<(w&63)) != 0 {
			if n2 := collectiveAt(toks, i); n2 > n {
				es, n = []*entry{collectiveEntry}, n2
			}
		}
		if n == 0 {
			i++
			continue
		}
		ms = append(ms, newMatch(i, n, es))
		at[i] = len(ms)
		for j := i + 1; j < i+n; j++ {
			covered[j] = true
		}
		i += n
	}
	matchAt := func(i int) *match {
		if i < 0 || i >= len(toks) || at[i] == 0 {
			return nil
		}
		return &ms[at[i]-1]
	}
	// prefixedAt returns the match at token i, or after the title
	// prefixes there ("Deputy Foreign Minister" where only "foreign
	// minister" is a title).
	prefixedAt := func(i int) *match {
		if m := matchAt(i); m != nil {
			return m
		}
		return matchAt(skipPrefixes(toks, i))
	}
	used := st.used[:len(toks)]
	var refs []int // indexes into ms of pronouns and definite descriptions
	prevPerson, hadPerson := st.lastPerson, st.hasPerson
	prevFirst, hadFirst := st.firstPerson, st.hasFirst
	prevTitled := len(st.titled)
	emit := func(m Mention) {
		// "President Xi" + "Jinping": one person named in two matches.
		// Later passes emit out of order, so look back over the
		// sentence's mentions for the one that ends where this starts.
		for pi := len(ann.Mentions) - 1; m.Kind == Person && pi >= first; pi-- {
			prev := &ann.Mentions[pi]
			if !particlesBetween(toks, prev.TokEnd, m.Tok) {
				continue
			}
			if prev.Kind == Person && prev.Actor.Name == m.Actor.Name && m.Actor.Name != "" {
				prev.TokEnd = m.TokEnd
				prev.End = toks[m.TokEnd-1].End
				prev.Text = st.body[prev.Start:prev.End]
				for i := m.Tok; i < m.TokEnd; i++ {
					used[i] = true
				}
				return
			}
			break
		}
		m.Sentence = s.Index
		m.Start = toks[m.Tok].Start
		m.End = toks[m.TokEnd-1].End
		m.Text = st.body[m.Start:m.End]
		if m.TokEnd < len(toks) && isPossessive(toks[m.TokEnd].Norm) {
			m.Possessive = true
		}
		for i := m.Tok; i < m.TokEnd; i++ {
			used[i] = true
		}
		switch m.Kind {
		case Collective:
		default:
			if m.Actor.Country != "" {
				st.counts[m.Actor.Country]++
			}
		}
		if m.Kind == Person {
			st.lastPerson, st.hasPerson = m.Actor, true
			if m.Actor.Title != "" {
				st.titled = append(st.titled, m.Actor)
			}
		}
		ann.Mentions = append(ann.Mentions, m)
	}
	placeAt := func(i, n int, name, country string, lat, lon float64, isCountry bool) {
		ann.Places = append(ann.Places, Place{Sentence: s.Index, Tok: i, TokEnd: i + n,
			Start: toks[i].Start, End: toks[i+n-1].End, Text: st.body[toks[i].Start:toks[i+n-1].End],
			Name: name, Country: country, Lat: lat, Lon: lon, IsCountry: isCountry})
		for j := i; j < i+n; j++ {
			used[j] = true
		}
	}

	for k := 0; k < len(ms); k++ {
		m := &ms[k]
		i := m.tok
		if used[i] {
			continue
		}
		end := i + m.n
		// A modifier: adjective, or a name/capital/seat/body in the possessive
		// or used attributively before a title or institution.
		modCountry, modOrg, modHow := "", "", ""
		modEnd := end
		if e := m.has(kAdjective); e != nil {
			modCountry, modHow = e.country, "adjective"
		} else if e := firstOf(m, kCountry, kCapital, kSeat, kBody); e != nil {
			next := end
			if next < len(toks) && isPossessive(toks[next].Norm) {
				next++
			}
			if nm := prefixedAt(next); nm != nil && (nm.has(kTitle) != nil || genericInst(nm) != nil) {
				modCountry, modHow = e.country, "lexicon"
				if e.kind == kBody {
					modOrg = e.country
				}
				modEnd = next
			}
		} else if m.has(kBodyRef) != nil && end < len(toks) && isPossessive(toks[end].Norm) {
			// "the bloc's foreign ministers": the body named last.
			if b := lastBody(ann, s.Index); b != nil {
				if nm := prefixedAt(end + 1); nm != nil && nm.has(kTitle) != nil {
					modCountry, modOrg, modHow, modEnd = b.Actor.Country, b.Actor.Country, "coref", end+1
				}
			}
		}
		if modCountry != "" && m.has(kAdjective) != nil && modEnd+1 < len(toks) && toks[modEnd].Norm == "and" {
			// "Turkish and Greek sides", "French and Egyptian warships":
			// the first adjective shares the second's noun.
			if nm := matchAt(modEnd + 1); nm != nil && nm.has(kAdjective) != nil {
				if h := nm.tok + nm.n; h < len(toks) {
					sector := groupNouns[toks[h].Norm]
					if sector == "" {
						sector = peopleNouns[toks[h].Norm]
					}
					if tm := matchAt(h); sector == "" && tm != nil && tm.has(kTitle) != nil && tm.n == 1 {
						sector = tm.has(kTitle).sector
					}
					if sector != "" {
						emit(Mention{Tok: i, TokEnd: modEnd, Kind: Group, Actor: Actor{Country: modCountry, Sector: sector}, How: "adjective"})
						continue
					}
				}
			}
		}
		if modCountry != "" && modEnd+1 < len(toks) && toks[modEnd].Norm == "-" && toks[modEnd+1].Norm == "led" && toks[modEnd].Start == toks[modEnd-1].End {
			// "the Saudi-led bloc", "a US-led coalition": the leading state.
			end := modEnd + 2
			if end < len(toks) && leadGroups[toks[end].Norm] {
				end++
			}
			emit(Mention{Tok: i, TokEnd: end, Kind: Group, Actor: Actor{Country: modCountry, Sector: "GOV"}, How: "led"})
			k = skipMatches(ms, k, end)
			continue
		}
		if modCountry != "" {
			// Adjectives coordinated with another: "Russian and American diplomats".
			j := skipPrefixes(toks, modEnd)
			if matchAt(modEnd) != nil {
				j = modEnd // "Vice Foreign Minister" is a title of its own
			}
			from := j
			if matchAt(j) == nil {
				// "Ukrainian Infrastructure Minister": a portfolio the
				// titles table lacks, one or two capitalized words before
				// a title.
				for k2 := j; k2 < j+2 && k2+1 < len(toks) && toks[k2].Kind == nlp.Word && isCap(toks[k2].Text) && !functionWord(toks[k2].Norm); k2++ {
					if nm := matchAt(k2 + 1); nm != nil && nm.has(kTitle) != nil && nm.has(kOffice) == nil {
						j = k2 + 1
						break
					}
				}
			}
			if nm := matchAt(j); nm != nil {
				if ti := nm.has(kTitle); ti != nil {
					title, tEnd := titleSpan(st.body, toks, i, from, nm)
					if nameEnd, name, a, ok := st.nameAfter(toks, tEnd); ok {
						a = mergeActor(a, Actor{Country: modCountry, Sector: ti.sector, Title: title, Org: modOrg})
						a.Name = name
						emit(Mention{Tok: i, TokEnd: nameEnd, Kind: Person, Actor: a, How: "title"})
						st.remember(name, a)
						k = skipMatches(ms, k, nameEnd)
						continue
					}
					emit(Mention{Tok: i, TokEnd: tEnd, Kind: Group, Actor: Actor{Country: modCountry, Sector: ti.sector, Org: modOrg}, How: modHow})
					k = skipMatches(ms, k, tEnd)
					continue
				}
				if gi := genericInst(nm); gi != nil {
					iEnd := nm.tok + nm.n
					a := Actor{Country: modCountry, Sector: gi.sector, Name: instName(st.body, toks, nm), Org: modOrg}
					if gi.country == "" {
						st.insts[strings.ToLower(a.Name)] = modCountry
						if lowerGet(regimeNames, a.Name) {
							st.insts["junta"] = modCountry // "Niger's new rulers" … "the junta"
						}
						st.named = append(st.named, namedInst{strings.ToLower(a.Name), st.body[toks[i].Start:toks[iEnd-1].End], modCountry})
					}
					if isDelegation(toks, nm) {
						if lead, ok := st.leads[modCountry]; ok {
							a.Name = lead.Name
						}
					}
					emit(Mention{Tok: i, TokEnd: iEnd, Kind: Institution, Actor: a, How: modHow})
					k = skipMatches(ms, k, iEnd)
					continue
				}
			}
			if m.has(kAdjective) != nil {
				// A bare adjective before a group noun we know: side, team, …
				if j < len(toks) && groupNouns[toks[j].Norm] != "" {
					emit(Mention{Tok: i, TokEnd: j + 1, Kind: Institution, Actor: Actor{Country: modCountry, Sector: groupNouns[toks[j].Norm]}, How: "adjective"})
					continue
				}
				// "Israeli intelligence officials", "Russian military
				// officers": one or two modifiers before the group noun.
				if h, sector := modifiedGroup(toks, j); h > 0 {
					emit(Mention{Tok: i, TokEnd: h + 1, Kind: Group, Actor: Actor{Country: modCountry, Sector: sector}, How: "adjective"})
					continue
				}
				// "a Pakistani F-16", "Indian Mirage 2000 jets", "Turkish
				// F-16s": a state's aircraft or ships by model.
				if h := modelCraft(toks, j); h > 0 {
					emit(Mention{Tok: i, TokEnd: h, Kind: Group, Actor: Actor{Country: modCountry, Sector: "MIL"}, How: "adjective"})
					continue
				}
				if m.has(kCountry) == nil {
					// An adjective before another noun ("the Emirati decision")
					// names the state only as an attribute: usable as an
					// event's target, never as its subject.
					if j < len(toks) && toks[j].Kind == nlp.Word && !isCap(toks[j].Text) && (j+1 >= len(toks) || toks[j+1].Norm != "-") {
						if people := pluralPeople(toks[j].Norm); people != "" {
							// "Palestinian youths", "Israeli helicopters": a
							// group of the state's people or forces.
							emit(Mention{Tok: i, TokEnd: j + 1, Kind: Group, Actor: Actor{Country: modCountry, Sector: people}, How: "adjective"})
							continue
						}
						emit(Mention{Tok: i, TokEnd: modEnd, Kind: State, Actor: Actor{Country: modCountry, Sector: "GOV"}, How: "adjective", Attrib: true})
					}
					continue
				}
			}
		}
		switch {
		case m.has(kTitle) != nil:
			ti := m.has(kTitle)
			tStart := titleStart(toks, 0, i)
			for tStart < i && used[tStart] {
				tStart++
			}
			title, tEnd := titleSpan(st.body, toks, i, tStart, m)
			if nameEnd, name, a, ok := st.nameAfter(toks, tEnd); ok {
				if a.Title != "" && !titleFits(a.Title, title) && nameEnd > tEnd {
					// "Prince Mohammed" after both Crown Prince Mohammed
					// bin Salman and Prime Minister Sheikh Mohammed bin
					// Rashid: the one whose title fits.
					if b, ok := st.titledGiven(st.body[toks[tEnd].Start:toks[nameEnd-1].End], title); ok {
						a, name = b, b.Name
					}
				}
				if a.Sector == "" {
					a.Sector = ti.sector
				}
				a.Title = title
				a.Name = name
				if a.Country == "" {
					a.Country = st.ledByAt(ann, s, tStart)
				}
				if a.Country == "" && a.Name != "" && ti.sector == "GOV" && !foreignTitle(title) {
					// "PRAGUE — … Interior Minister Jan Hamáček": an
					// official of the dateline's country.
					if p := st.parties(); st.home == p[0] || st.home == p[1] || p[1] == "" {
						// … unless the dateline is a venue the text is
						// not about ("SINGAPORE — … first vice foreign
						// minister Kim Kye Gwan" is no Singaporean).
						a.Country = st.home
					}
				}
				if a.Country == "" {
					continue
				}
				emit(Mention{Tok: tStart, TokEnd: nameEnd, Kind: Person, Actor: a, How: "title"})
				st.remember(name, a)
				k = skipMatches(ms, k, nameEnd)
			} else if groupSectors[ti.sector] && tStart == i {
				// "militants in the Gaza Strip", "protesters from Kherson":
				// a group of the place's country.
				c := placeCountryAt(toks, end, matchAt, st.r.lex)
				if c == "" && (i <= 1 || toks[i-1].Norm == ",") && ti.sector == "CVL" {
					// "Protesters stormed the Saudi embassy in Tehran", "On
					// September 15, protesters hurled bottles at the
					// Japanese embassy in Beijing": a crowd opening its
					// clause is where the clause is.
					c = st.placeCountryLater(toks, end, matchAt)
				}
				if c != "" {
					emit(Mention{Tok: i, TokEnd: end, Kind: Group, Actor: Actor{Country: c, Sector: ti.sector}, How: "place"})
				}
			}
		case m.has(kOffice) != nil || m.has(kSurname) != nil:
			if m.n == 1 && end < len(toks) && toks[end].Kind == nlp.Number && m.has(kOffice) == nil {
				continue // "May 9" is a date, not Theresa May
			}
			if m.n == 1 && m.has(kOffice) == nil && i > 0 && monthPreps[toks[i-1].Norm] && lowerGet(monthNames, toks[i].Text) {
				continue // "in May", "since May", "early May"
			}
			if m.n == 1 && m.has(kOffice) == nil {
				// A bare surname inside a longer name is someone else's:
				// "Ali Shamkhani" is not Abiy Ahmed Ali, "King Hamad bin
				// Isa Al Khalifa" not Khalifa bin Zayed.
				if _, known := st.people[st.body[toks[i].Start:toks[end-1].End]]; !known {
					if partOfName(toks, end) || i > 0 && at[i-1] == 0 && !covered[i-1] && toks[i-1].Kind == nlp.Word && isCap(toks[i-1].Text) && !notNames.Has(toks[i-1].Norm) && !titlePrefixes.Has(toks[i-1].Norm) {
						continue
					}
				}
			}
			if m.n == 1 && m.has(kOffice) == nil {
				// A surname the text gave someone else first: "Cuban Foreign
				// Minister Bruno Rodríguez … Rodríguez said" is not
				// Venezuela's Delcy Rodríguez.
				if pa, known := st.people[st.body[toks[i].Start:toks[end-1].End]]; known {
					if oa, ok := st.office(m, toks); !ok || oa.Name != pa.Name {
						emit(Mention{Tok: i, TokEnd: end, Kind: Person, Actor: pa, How: "coref"})
						continue
					}
				}
			}
			a, ok := st.office(m, toks)
			if !ok {
				continue
			}
			// "the Trump administration", "Biden's government"
			nEnd := end
			if nEnd < len(toks) && isPossessive(toks[nEnd].Norm) {
				nEnd++
			}
			if nEnd < len(toks) && (toks[nEnd].Norm == "administration" || toks[nEnd].Norm == "government" || toks[nEnd].Norm == "cabinet") {
				emit(Mention{Tok: i, TokEnd: nEnd + 1, Kind: Institution, Actor: Actor{Country: a.Country, Sector: "GOV", Name: st.body[toks[i].Start:toks[nEnd].End]}, How: "office"})
				continue
			}
			a.Name = st.fullName(a.Name, st.body[toks[i].Start:toks[end-1].End])
			if t := st.appositionTitle(toks, end); t != "" && a.Title == "" {
				a.Title = t
			}
			emit(Mention{Tok: i, TokEnd: end, Kind: Person, Actor: a, How: "office"})
			st.remember(a.Name, a)
		case m.has(kSeat) != nil:
			e := m.has(kSeat)
			if partOfName(toks, end) {
				continue // "the Washington Post"
			}
			if placeContext(toks, i, ann, s.Index) {
				// "signed at the White House": the venue, not the government.
				// A seat's country is the one of its entry.
				c := st.r.capitals[e.idx]
				placeAt(i, m.n, st.r.lex.Countries[e.idx].Capital, e.country, c.lat, c.lon, false)
				continue
			}
			emit(Mention{Tok: i, TokEnd: end, Kind: State, Actor: Actor{Country: e.country, Sector: "GOV", Name: st.body[toks[i].Start:toks[end-1].End]}, How: "seat"})
		case m.has(kInstitution) != nil:
			e := m.has(kInstitution)
			if e.country == "" {
				// A generic institution: country from "of Russia" after it,
				// else from the sentence's only state.
				c := st.ofCountry(toks, end, matchAt)
				if c == "" && i > 0 && toks[i-1].Norm == "the" {
					// "the Foreign Ministry" after "China's Foreign
					// Ministry": the one the text named before.
					c = lowerGet(st.insts, instName(st.body, toks, m))
					if c == "" && lowerGet(regimeNames, instName(st.body, toks, m)) {
						c = st.insts["junta"]
					}
				}
				name := instName(st.body, toks, m)
				if c == "" && i > 0 && toks[i-1].Norm == "the" && m.n == 1 {
					// "the ministry" after "the Foreign Ministry".
					if ni := st.instByHead(toks[i].Norm); ni != nil {
						c, name = ni.country, ni.text
					}
				}
				if c == "" && i > 0 && toks[i-1].Norm == "the" && !(i > 1 && objectPreps[toks[i-2].Norm]) {
					// Not after a preposition: "Macron bowed to the junta's
					// demands", "was summoned to the ministry" name the
					// other side's institution.
					c = st.soleCountry(ann, s.Index)
				}
				if c == "" {
					if i > 0 && toks[i-1].Norm == "the" && e.sector == "GOV" {
						pendingInst = append(pendingInst, pendingMention{tok: i, end: end, name: name, sector: e.sector})
					}
					continue
				}
				if st.insts["junta"] == "" && lowerGet(regimeNames, name) {
					st.insts["junta"] = c
				}
				if _, ok := st.insts[strings.ToLower(name)]; !ok {
					st.insts[strings.ToLower(name)] = c
					st.named = append(st.named, namedInst{strings.ToLower(name), name, c})
				}
				emit(Mention{Tok: i, TokEnd: end, Kind: Institution, Actor: Actor{Country: c, Sector: e.sector, Name: name}, How: "context"})
				continue
			}
			if j := i - 1; j >= 1 && toks[j].Norm == "the" && (toks[j-1].Norm == "at" || toks[j-1].Norm == "in") && (end >= len(toks) || !isLowerWord(toks[end].Text) || functionWord(toks[end].Norm)) {
				// "signed at the White House", "summoned to … at the Foreign Office": a venue.
				placeAt(i, m.n, st.body[toks[i].Start:toks[end-1].End], e.country, 0, 0, false)
				continue
			}
			emit(Mention{Tok: i, TokEnd: end, Kind: Institution, Actor: Actor{Country: e.country, Sector: e.sector, Name: st.body[toks[i].Start:toks[end-1].End]}, How: "lexicon"})
		case m.has(kBody) != nil:
			e := m.has(kBody)
			// "on the sidelines of a NATO summit": a body naming a
			// gathering is its venue, usable as a target at most.
			attrib := end < len(toks) && gatheringNouns[toks[end].Norm] && i > 0 && (toks[i-1].Norm == "a" || toks[i-1].Norm == "an" || toks[i-1].Norm == "the")
			start := i
			if h := memberHead(toks, i); h >= 0 && !used[h] && !attrib {
				// "Leaders of the Economic Community of West African States
				// imposed sanctions": the body acting through its members.
				start = h
			}
			emit(Mention{Tok: start, TokEnd: end, Kind: Body, Actor: Actor{Country: e.country, Sector: "IGO", Org: e.country, Name: st.body[toks[i].Start:toks[end-1].End]}, How: "lexicon", Attrib: attrib})
		case m.has(kCountry) != nil || m.has(kCapital) != nil:
			e := firstOf(m, kCountry, kCapital)
			if partOfName(toks, end) || i > 0 && regionWords[toks[i-1].Norm] && isCap(toks[i-1].Text) {
				continue // "Washington Post", "North America department"
			}
			if e.kind == kCapital && i >= 2 && toks[i-1].Norm == "of" && subnational[toks[i-2].Norm] {
				continue // "the state of Victoria" is no capital
			}
			if _, known := st.people[st.body[toks[i].Start:toks[end-1].End]]; known || i > 0 && at[i-1] == 0 && !covered[i-1] && toks[i-1].Kind == nlp.Word && isCap(toks[i-1].Text) && !notNames.Has(toks[i-1].Norm) && !titlePrefixes.Has(toks[i-1].Norm) && !(i == 1 && sentenceModifier(toks[0].Norm)) {
				continue // a person's name: "Ana Ferreira Lima", later "Lima"
			}
			if e.kind == kCapital && i >= 2 && toks[i-1].Norm == "in" && !used[i-2] && officialNouns[toks[i-2].Norm] {
				// "officials in Canberra": the capital's own officials
				// (not "diplomats in Moscow", who may be anyone's).
				emit(Mention{Tok: i - 2, TokEnd: end, Kind: Group, Actor: Actor{Country: e.country, Sector: "GOV"}, How: "capital"})
				continue
			}
			if placeContext(toks, i, ann, s.Index) || e.kind == kCapital && end < len(toks) && venueNouns.Has(toks[end].Norm) {
				// "the Riyadh meeting", "the Minsk agreements": the venue.
				p := m.has(kPlace)
				if e.kind == kCountry {
					placeAt(i, m.n, st.r.lex.Countries[e.idx].Names[0], e.country, 0, 0, true)
				} else if p != nil {
					pl := st.r.lex.Places[p.idx]
					placeAt(i, m.n, pl.Name, pl.Country, pl.Lat, pl.Lon, false)
				} else {
					placeAt(i, m.n, st.r.lex.Countries[e.idx].Capital, e.country, 0, 0, false)
				}
				continue
			}
			if end < len(toks) && groupNouns[toks[end].Norm] != "" {
				// "the U.S. team", "the US delegation"
				a := Actor{Country: e.country, Sector: groupNouns[toks[end].Norm]}
				if lead, ok := st.leads[e.country]; ok && isDelegation(toks, &match{tok: end, n: 1}) {
					a.Name = lead.Name
				}
				emit(Mention{Tok: i, TokEnd: end + 1, Kind: Institution, Actor: a, How: "lexicon"})
				continue
			}
			how := "lexicon"
			if e.kind == kCapital {
				how = "capital"
			}
			emit(Mention{Tok: i, TokEnd: end, Kind: State, Actor: Actor{Country: e.country, Sector: "GOV"}, How: how})
		case m.has(kDemonym) != nil:
			e := m.has(kDemonym)
			emit(Mention{Tok: i, TokEnd: end, Kind: Group, Actor: Actor{Country: e.country, Sector: "CVL"}, How: "demonym"})
		case m.has(kPlace) != nil:
			p := st.r.lex.Places[m.has(kPlace).idx]
			if partOfName(toks, end) {
				continue
			}
			placeAt(i, m.n, p.Name, p.Country, p.Lat, p.Lon, false)
		case m.has(kCollective) != nil:
			if n := groupCount(toks[i+1].Norm); toks[i].Norm == "the" && n > 0 {
				// "the four countries": the last list of four states.
				if members := lastList(ann, s.Index, first, n); members != nil {
					emit(Mention{Tok: i, TokEnd: end, Kind: Collective, Actor: Actor{Sector: "GOV"}, Members: members, How: "collective"})
				}
				continue
			}
			if toks[i].Norm == "the" && toks[i+1].Norm == "two" && !personCollective(st.body[toks[i].Start:toks[end-1].End]) {
				// "Sweden and Finland applied … Erdogan accused the two
				// Nordic countries": the pair named together last, in this
				// sentence or the two before, when neither is the one
				// speaking of them.
				if members := lastPairList(ann, s.Index, first); members != nil {
					emit(Mention{Tok: i, TokEnd: end, Kind: Collective, Actor: Actor{Sector: "GOV"}, Members: members, How: "collective"})
					continue
				}
			}
			if members := ofPair(toks, end, matchAt); members != nil {
				// "the foreign ministers of Egypt and Turkey"
				emit(Mention{Tok: i, TokEnd: end, Kind: Collective, Actor: Actor{Sector: "GOV"}, Members: members, How: "collective"})
				continue
			}
			emit(Mention{Tok: i, TokEnd: end, Kind: Collective, Actor: Actor{Sector: "GOV"}, How: "collective"})
		case m.has(kPronoun) != nil || m.has(kDefinite) != nil || m.has(kHisGov) != nil:
			refs = append(refs, k) // resolved once the sentence's names are known
		case m.has(kThey) != nil:
			// "Obama and Putin said they will …": the parties named
			// together last.
			members, how := st.lastPair(ann, s.Index, i, toks), "coref"
			if len(members) < 2 {
				// "The four countries severed ties … They closed their
				// airspace": the group named in the sentence before, kept
				// as it was read ("collective").
				members, how = lastGroup(ann, s.Index, first), "collective"
			}
			if len(members) >= 2 {
				emit(Mention{Tok: i, TokEnd: end, Kind: Collective, Actor: Actor{Sector: "GOV"}, Members: members, How: how})
			}
		case m.has(kKingdomRef) != nil:
			// "Bahrain … the kingdom would also establish relations": the
			// monarchy named last, in this sentence or the three before.
			if k := st.lastKingdom(ann, s.Index, i); k != nil {
				emit(Mention{Tok: i, TokEnd: end, Kind: State, Actor: Actor{Country: k.Actor.Country, Sector: "GOV"}, How: "coref"})
			}
		case m.has(kBodyRef) != nil:
			if b := lastBody(ann, s.Index); b != nil {
				emit(Mention{Tok: i, TokEnd: end, Kind: Body, Actor: b.Actor, How: "coref"})
			}
		case m.has(kIt) != nil:
			// "It said …", "… said it would …": the state or institution
			// last named as an actor.
			if participleObject(toks, i) {
				// "cut ties with Doha, accusing it of …": the participle's
				// subject is the sentence's; its object is the state named
				// last that is not that subject.
				if a := participleReferent(ann, s.Index, first, i); a != nil {
					emit(Mention{Tok: i, TokEnd: end, Kind: State, Actor: a.Actor, How: "coref"})
					continue
				}
			}
			if i > 0 && targetPreps[toks[i-1].Norm] {
				// "fired water cannon at it": the object of the act, never
				// its subject; a state named before the subject, or a thing.
				if a := objectReferent(ann, s.Index, first, i); a != nil {
					emit(Mention{Tok: i, TokEnd: end, Kind: State, Actor: a.Actor, How: "coref"})
				}
				continue
			}
			if objectPronoun(toks, i) {
				// "the Palestinian Authority denounced it": an object is
				// not its clause's own subject, but a state named before
				// that subject ("the Emirati deal").
				if a := objectReferent(ann, s.Index, first, i); a != nil {
					emit(Mention{Tok: i, TokEnd: end, Kind: State, Actor: a.Actor, How: "coref"})
				}
				continue
			}
			if a := st.lastAgent(ann, toks, s.Index, i); a != nil {
				emit(Mention{Tok: i, TokEnd: end, Kind: a.Kind, Actor: a.Actor, Members: a.Members, How: "coref"})
			}
		}
	}
	// "The foreign ministry summoned Japan's ambassador": a ministry the
	// sentence does not place, acting on another state's envoy, is the
	// other party's.
	for _, pm := range pendingInst {
		if c := st.envoyOwner(ann, toks, first, pm.end); c != "" {
			if other := OtherParty(st.parties(), c); other != "" {
				emit(Mention{Tok: pm.tok, TokEnd: pm.end, Kind: Institution, Actor: Actor{Country: other, Sector: pm.sector, Name: pm.name}, How: "context"})
			}
		}
	}
	// "the North" and "the South" in a text about the two Koreas.
	if st.counts["PRK"] > 0 {
		for i := 1; i < len(toks); i++ {
			if used[i] || toks[i-1].Norm != "the" || i+1 < len(toks) && isCap(toks[i+1].Text) {
				continue
			}
			switch toks[i].Text {
			case "North":
				emit(Mention{Tok: i - 1, TokEnd: i + 1, Kind: State, Actor: Actor{Country: "PRK", Sector: "GOV"}, How: "coref"})
			case "South":
				emit(Mention{Tok: i - 1, TokEnd: i + 1, Kind: State, Actor: Actor{Country: "KOR", Sector: "GOV"}, How: "coref"})
			}
		}
	}
	// People the dictionary does not know: names seen earlier in the
	// document, and "Name, title of …" appositions.
	for i := 0; i < len(toks); i++ {
		if used[i] || !isCap(toks[i].Text) || toks[i].Kind != nlp.Word {
			continue
		}
		if m := matchAt(i); m != nil && m.has(kTitle) != nil {
			i += m.n - 1
			continue // "Vice President and Prime Minister Sheikh …": a title, not a name
		}
		n := nameLen(toks, i, used)
		if n == 0 {
			continue
		}
		name := st.body[toks[i].Start:toks[i+n-1].End]
		if a, ok := st.people[name]; ok {
			a.Name = st.fullName(a.Name, name)
			emit(Mention{Tok: i, TokEnd: i + n, Kind: Person, Actor: a, How: "coref"})
			i += n - 1
			continue
		}
		if n >= 2 {
			// "Alexander Darchiyev, head of …" / "led by Alexander Darchiyev"
			a := Actor{Name: name}
			how := ""
			if t, sec, c := st.apposition(toks, i+n, matchAt); t != "" {
				a.Title, a.Sector, a.Country, how = t, sec, c, "apposition"
			} else if g := titledGroupBefore(ann, first, toks, i); g != nil && i+n < len(toks) && (toks[i+n].Norm == "," || toks[i+n].Norm == "—") {
				// "China's ambassador in Canberra, Cheng Jingye, warned":
				// the name in apposition to a title.
				a.Title, a.Sector, a.Country, how = g.Actor.Title, g.Actor.Sector, g.Actor.Country, "apposition"
				if a.Title == "" {
					a.Title = st.body[g.Start:g.End]
					for _, p := range []string{"'s ", "’s "} {
						if k := strings.Index(a.Title, p); k >= 0 {
							a.Title = a.Title[k+len(p):] // "China's ambassador": "ambassador"
						}
					}
				}
			}
			if c := st.ledByAt(ann, s, i); c != "" {
				if a.Country == "" {
					a.Country = c
				}
				if a.Sector == "" {
					a.Sector = "GOV"
				}
				if how == "" {
					how = "led-by"
				}
				st.leads[a.Country] = a
			}
			if how != "" && a.Country != "" {
				emit(Mention{Tok: i, TokEnd: i + n, Kind: Person, Actor: a, How: how})
				st.remember(name, a)
				i += n - 1
			}
		}
	}
	// Pronouns and "the minister": the nearest person before them in this
	// sentence, else the last one of the sentences before.
	for _, k := range refs {
		m := &ms[k]
		i, end := m.tok, m.tok+m.n
		var ref *Actor
		hisGov := m.has(kHisGov) != nil // "his government": the person's state
		pronoun := m.has(kPronoun) != nil || hisGov
		head := toks[end-1].Norm
		for j := len(ann.Mentions) - 1; j >= 0 && ann.Mentions[j].Sentence == s.Index; j-- {
			x := &ann.Mentions[j]
			if x.Kind != Person || x.TokEnd > i || x.How == "coref" && x.Tok == i {
				continue
			}
			if pronoun || strings.Contains(strings.ToLower(x.Actor.Title), head) {
				if ref == nil || x.Tok > refTok(ann, ref, s.Index) {
					a := x.Actor
					ref = &a
				}
			}
		}
		if pronoun && ref != nil && i >= 2 && toks[i-1].Norm == "and" && toks[i-2].Norm == "," {
			// "Duque had recognised Guaido as interim president, and his
			// government had long accused Caracas …": a pronoun opening
			// a coordinated clause goes back to the first clause's
			// subject, not to the last person named.
			if subj := firstPersonSubject(ann, s.Index, toks, i); subj != nil {
				a := subj.Actor
				ref = &a
			}
		}
		if ref == nil {
			if pronoun {
				if hadFirst && subjectPosition(toks, i) {
					// "Biden told Xi … He also objected": a subject
					// pronoun continues the sentence before's subject.
					ref = &prevFirst
				} else if hadPerson {
					ref = &prevPerson
				}
			} else {
				for j := prevTitled - 1; j >= 0; j-- {
					if strings.Contains(strings.ToLower(st.titled[j].Title), head) {
						a := st.titled[j]
						ref = &a
						break
					}
				}
			}
		}
		if ref != nil && hisGov {
			if ref.Country != "" && !isBodyCode(ref.Country) {
				emit(Mention{Tok: i, TokEnd: end, Kind: State, Actor: Actor{Country: ref.Country, Sector: "GOV", Name: st.body[toks[i].Start:toks[end-1].End]}, How: "coref"})
			}
		} else if ref != nil {
			emit(Mention{Tok: i, TokEnd: end, Kind: Person, Actor: *ref, How: "coref"})
		}
	}
	// Only this sentence's mentions are out of order.
	mine := ann.Mentions[first:]
	slices.SortStableFunc(mine, func(a, b Mention) int { return a.Tok - b.Tok })
	for i := range mine {
		if mine[i].Kind == Person && !mine[i].Possessive {
			st.firstPerson, st.hasFirst = mine[i].Actor, true
			break
		}
	}
}

// firstPersonSubject returns the person that opens sentence si, before
// token i (after at most a few words: "On Monday, President X …"), or nil.
func firstPersonSubject(ann *Annotations, si int, toks []nlp.Token, i int) *Mention {
	// The sentence's mentions are not in token order yet: take the first.
	var first *Mention
	for j := range ann.Mentions {
		m := &ann.Mentions[j]
		if m.Sentence == si && m.Tok < i && (first == nil || m.Tok < first.Tok) {
			first = m
		}
	}
	if first != nil && first.Kind == Person && !first.Possessive && first.Tok <= 4 {
		return first
	}
	return nil
}

// subjectPosition reports a pronoun at token i that opens its sentence,
// after at most a conjunction or adverb and commas ("He said", "But he",
// "Later, she").
func subjectPosition(toks []nlp.Token, i int) bool {
	if i > 3 {
		return false
	}
	for k := 0; k < i; k++ {
		switch toks[k].Norm {
		case ",", "but", "and", "then", "later", "so", "yet", "still", "meanwhile", "also", "there":
		default:
			return false
		}
	}
	return true
}

func firstOf(m *match, kinds ...entryKind) *entry {
	for _, k := range kinds {
		if e := m.has(k); e != nil {
			return e
		}
	}
	return nil
}

func genericInst(m *match) *entry {
	if e := m.has(kInstitution); e != nil {
		return e
	}
	return nil
}

func isDelegation(toks []nlp.Token, m *match) bool {
	switch toks[m.tok+m.n-1].Norm {
	case "delegation", "team", "side", "negotiators", "delegations":
		return true
	}
	return false
}

// groupNouns are nouns that, after a state adjective, stand for that
// state's government or people ("the Russian side").
var groupNouns = map[string]string{
	"side": "GOV", "team": "GOV", "delegation": "GOV", "negotiators": "GOV",
	"authorities": "GOV", "leadership": "GOV", "counterparts": "GOV", "counterpart": "GOV",
	"administration": "GOV", "government": "GOV", "officials": "GOV", "diplomats": "GOV",
	"troops": "MIL", "forces": "MIL", "military": "MIL", "army": "MIL", "soldiers": "MIL",
	"missiles": "MIL", "jets": "MIL", "warplanes": "MIL", "drones": "MIL", "navy": "MIL",
	"warships": "MIL", "aircraft": "MIL", "artillery": "MIL", "tanks": "MIL", "missile": "MIL",
	"police": "COP", "prosecutors": "JUD", "courts": "JUD", "court": "JUD",
	"lawmakers": "LEG", "legislators": "LEG", "media": "MED", "journalists": "MED",
	"companies": "BUS", "firms": "BUS", "businesses": "BUS", "citizens": "CVL", "nationals": "CVL",
	"people": "CVL", "civilians": "CVL", "protesters": "CVL",
}

func isPossessive(norm string) bool { return norm == "'s" || norm == "'" }

// titlePrefixes may stand before a title: "Deputy Foreign Minister".
var titlePrefixes = nlp.NewWordSet(map[string]bool{
	"deputy": true, "assistant": true, "vice": true, "senior": true, "chief": true,
	"acting": true, "former": true, "top": true, "first": true, "special": true,
	"then": true, "then-": true, "outgoing": true, "incoming": true, "new": true,
})

func skipPrefixes(toks []nlp.Token, i int) int {
	for i < len(toks) && titlePrefixes.Has(toks[i].Norm) {
		i++
	}
	return i
}

// titleSpan returns the text of a title beginning at token from (with its
// prefixes) whose main match is m, and the token index after it.
func titleSpan(body string, toks []nlp.Token, modStart, from int, m *match) (string, int) {
	start := titleStart(toks, from, m.tok)
	for start > from && titlePrefixes.Has(toks[start-1].Norm) {
		start--
	}
	end := m.tok + m.n
	// "Secretary of State", "minister of foreign affairs"
	for end+1 < len(toks) && toks[end].Norm == "of" && isCap(toks[end+1].Text) && toks[end+1].Norm != "the" {
		j := end + 1
		for j < len(toks) && isCap(toks[j].Text) && toks[j].Kind == nlp.Word {
			j++
		}
		if j < len(toks) && isCap(toks[j].Text) {
			break
		}
		// Keep "of State", "of Foreign Affairs" but not "of Russia"'s name.
		end = j
		break
	}
	_ = modStart
	return body[toks[start].Start:toks[end-1].End], end
}

func instName(body string, toks []nlp.Token, m *match) string {
	return body[toks[m.tok].Start:toks[m.tok+m.n-1].End]
}

// titleStart extends a title at token i back over its prefixes ("Deputy
// Assistant …"), not before token from.
func titleStart(toks []nlp.Token, from, i int) int {
	for i > from && titlePrefixes.Has(toks[i-1].Norm) {
		i--
	}
	return i
}

// skipMatches advances k past matches that start before token end.
func skipMatches(ms []match, k, end int) int {
	for k+1 < len(ms) && ms[k+1].tok < end {
		k++
	}
	return k
}

func isCap(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return 'A' <= s[0] && s[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// nameParticles may stand inside a person's name.
var nameParticles = nlp.NewWordSet(map[string]bool{
	"bin": true, "bint": true, "al": true, "el": true, "de": true, "da": true, "di": true,
	"du": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "ibn": true, "abu": true,
})

// monthNames are the month names that are also surnames the table
// knows (Theresa May), and monthPreps the words before a month.
var monthNames = map[string]bool{"may": true, "june": true, "april": true, "august": true}

var monthPreps = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "early": true, "late": true,
	"mid": true, "last": true, "next": true, "this": true, "from": true, "through": true,
}

// notNames are capitalized words that do not begin or continue names.
var notNames = nlp.NewWordSet(map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "but": true, "and": true,
	"or": true, "this": true, "that": true, "these": true, "those": true, "it": true, "its": true,
	"he": true, "she": true, "they": true, "we": true, "i": true, "his": true, "her": true, "their": true,
	"our": true, "after": true, "before": true, "during": true, "while": true, "since": true, "for": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"however": true, "despite": true, "according": true, "meanwhile": true, "speaking": true, "over": true,
	"through": true, "with": true, "as": true, "if": true, "when": true, "there": true, "no": true, "to": true,
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true,
})

// nameLen returns how many tokens from i form a capitalized name (0 if none).
func nameLen(toks []nlp.Token, i int, used []bool) int {
	n := 0
	for j := i; j < len(toks) && j-i < 5; j++ {
		t := &toks[j]
		if used != nil && used[j] {
			break
		}
		if t.Kind != nlp.Word {
			break
		}
		if n > 0 && j+1 < len(toks) && nameParticles.Has(t.Norm) && isCap(toks[j+1].Text) {
			continue
		}
		if n > 0 && nameParticles.Has(t.Norm) && j+2 < len(toks) && toks[j+1].Text == "-" && toks[j+1].Start == t.End && isCap(toks[j+2].Text) {
			n = j + 2 - i + 1 // "Khalid al-Falih", tokenized "al" "-" "Falih"
			j += 2
			continue
		}
		if !isCap(t.Text) || notNames.Has(t.Norm) {
			break
		}
		n = j - i + 1
	}
	return n
}

// nameAfter reads a person's name starting at token i (after a title):
// an office holder the lexicon knows, or capitalized words.
func (st *docState) nameAfter(toks []nlp.Token, i int) (end int, name string, a Actor, ok bool) {
	if i >= len(toks) {
		return 0, "", Actor{}, false
	}
	if es, n := st.r.dict.matchInto(toks, st.ids, i, st.ids[i], &st.entries); n > 0 {
		mt := newMatch(i, n, es)
		m := &mt
		// A known surname followed by another capitalized word begins
		// someone else's name: "Ambassador Philippe Étienne" is not
		// Édouard Philippe.
		longer := m.has(kOffice) == nil && i+n < len(toks) && toks[i+n].Kind == nlp.Word && isCap(toks[i+n].Text)
		if (m.has(kOffice) != nil || m.has(kSurname) != nil) && !longer {
			if oa, ok := st.office(m, toks); ok {
				written := st.body[toks[i].Start:toks[i+n-1].End]
				name = st.fullName(oa.Name, written)
				oa.Name = name
				if written != name {
					// "Bruno Rodríguez" is later "Rodríguez", though the
					// table knows him as Bruno Rodríguez Parrilla.
					st.remember(written, oa)
				}
				return i + n, name, oa, true
			}
		}
		if firstOf(m, kCountry, kCapital, kAdjective, kTitle, kInstitution, kBody, kSeat, kPlace) != nil {
			return 0, "", Actor{}, false
		}
	}
	n := nameLen(toks, i, nil)
	if n == 0 {
		return 0, "", Actor{}, false
	}
	name = st.body[toks[i].Start:toks[i+n-1].End]
	if pa, ok := st.people[name]; ok {
		a = pa
		a.Name = st.fullName(pa.Name, name)
		return i + n, a.Name, a, true
	}
	return i + n, name, Actor{}, true
}

// office resolves an office-holder match at the publication date.
func (st *docState) office(m *match, toks []nlp.Token) (Actor, bool) {
	name := st.body[toks[m.tok].Start:toks[m.tok+m.n-1].End]
	if a, ok := st.people[name]; ok {
		return a, true
	}
	// "Sheikh Abdullah" after "Sheikh Abdullah bin Zayed": the text's
	// own person, not another Abdullah of the table.
	if i := m.tok; i > 0 && honorifics[toks[i-1].Norm] {
		if a, ok := st.people[toks[i-1].Text+" "+name]; ok {
			return a, true
		}
	}
	var best *lexicon.Office
	bestScore := -1
	for _, e := range m.es {
		if e.kind != kOffice && e.kind != kSurname {
			continue
		}
		o := &st.r.lex.Offices[e.idx]
		score := 0
		switch {
		case st.published.IsZero():
			score = 2
			if o.To.IsZero() {
				score = 3
			}
		case !o.From.After(st.published) && (o.To.IsZero() || !o.To.Before(st.published)):
			score = 4 // in office
		case o.From.After(st.published):
			if e.kind != kOffice {
				continue // a surname alone: someone else, as far as we know
			}
			// "Vice President Xi Jinping" in 2012: the full name of a
			// later office holder is that person, of that country, in
			// some earlier post.
			score = -3
		default:
			score = 1 // former
		}
		if e.kind == kOffice {
			score += 4
		}
		if score > bestScore || (score == bestScore && best != nil && o.To.After(best.To)) {
			best, bestScore = o, score
		}
	}
	if best == nil {
		return Actor{}, false
	}
	a := Actor{Country: best.Country, Sector: best.Sector, Name: best.Name, Title: best.Title}
	if !st.published.IsZero() && !best.To.IsZero() && best.To.Before(st.published) {
		a.Former = true
	}
	if !st.published.IsZero() && best.From.After(st.published) {
		// Not yet in the office the table knows, nor perhaps known by
		// the name it gives: the text's words.
		a.Title, a.Name = "", name
	}
	return a, true
}

// remember records a person for later mentions by full name or surname.
func (st *docState) remember(name string, a Actor) {
	if name == "" || a.Country == "" {
		return
	}
	st.people[name] = a
	var buf [8]string
	f := fields(buf[:0], name)
	if len(f) > 1 {
		st.people[f[len(f)-1]] = a
		if surnameFirst[a.Country] {
			st.people[f[0]] = a
		}
	}
	// "Sheikh Abdullah bin Zayed" is later "Sheikh Abdullah"; "King
	// Hamad bin Isa Al Khalifa" is "King Hamad".
	if len(f) > 2 && lowerGet(honorifics, f[0]) {
		st.people[f[0]+" "+f[1]] = a
		st.people[strings.Join(f[1:], " ")] = a
	}
	// Arabic names go by the given name: "Abdullah bin Zayed Al Nahyan"
	// is later "Sheikh Abdullah".
	if len(f) > 2 && !honorifics[strings.ToLower(f[0])] {
		switch strings.ToLower(f[1]) {
		case "bin", "ibn", "bint":
			st.people[f[0]] = a
		}
	}
}

// titleFits reports whether the title a reference gives ("Prince") is
// part of the one the text gave the person ("Crown Prince").
func titleFits(known, given string) bool {
	for i := 0; i+len(given) <= len(known); i++ {
		if strings.EqualFold(known[i:i+len(given)], given) {
			return true
		}
	}
	return false
}

// titledGiven returns the last titled person of the text whose name
// begins with the given name written and whose title fits title.
func (st *docState) titledGiven(written, title string) (Actor, bool) {
	for j := len(st.titled) - 1; j >= 0; j-- {
		a := st.titled[j]
		if strings.HasPrefix(a.Name, written+" ") && titleFits(a.Title, title) {
			return a, true
		}
	}
	return Actor{}, false
}

// fields appends the words of s to dst, as strings.Fields splits them,
// so that a caller can keep them on its stack.
func fields(dst []string, s string) []string {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// lowerGet returns m[strings.ToLower(s)], without building the key on
// the heap when s is a short ASCII word.
func lowerGet[V any](m map[string]V, s string) V {
	var buf [32]byte
	if len(s) > len(buf) {
		return m[strings.ToLower(s)]
	}
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return m[strings.ToLower(s)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return m[string(b)]
}

// honorifics may begin a name and be dropped or kept later in a text.
var honorifics = map[string]bool{
	"sheikh": true, "king": true, "prince": true, "emir": true, "sultan": true, "queen": true,
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "sir": true, "dame": true, "lord": true,
}

// fullName returns the name to record for a person: the known full name
// (from the office table or an earlier mention) when there is one, else
// the words seen.
func (st *docState) fullName(known, seen string) string {
	if known == "" {
		return seen
	}
	// The text's own spelling of a full name ("Darchiyev" where the table
	// has "Darchiev") wins over the table's; a title or a bare surname
	// does not ("President Xi", "Lavrov").
	var buf [8]string
	f := fields(buf[:0], seen)
	if len(f) >= 2 && len(seen) >= len(known)-2 && !lowerGet(honorifics, f[0]) && !lowerGet(titleWords, f[0]) {
		return seen
	}
	if len(f) >= 3 && !lowerGet(honorifics, f[0]) && !lowerGet(titleWords, f[0]) {
		switch strings.ToLower(f[1]) {
		case "bin", "ibn", "bint":
			// "Mohammed bin Zayed" is a full name as written, though the
			// table adds the family name.
			return seen
		}
	}
	return known
}

// titleWords begin aliases that are titles rather than names.
var titleWords = map[string]bool{
	"president": true, "premier": true, "chancellor": true, "minister": true, "secretary": true,
	"ambassador": true, "general": true, "pope": true, "crown": true, "supreme": true,
}

// appositionTitle returns a title given right after a name: "Lavrov, the
// foreign minister," → "foreign minister".
func (st *docState) appositionTitle(toks []nlp.Token, i int) string {
	t, _, _ := st.apposition(toks, i, func(j int) *match {
		if j >= len(toks) {
			return nil
		}
		es, n := st.r.dict.matchInto(toks, st.ids, j, st.ids[j], &st.entries)
		if n == 0 {
			return nil
		}
		mt := newMatch(j, n, es)
		return &mt
	})
	return t
}

// apposition reads ", [the] [Russian] title|head of institution" after a
// name at token i and returns the title, sector and country it gives.
func (st *docState) apposition(toks []nlp.Token, i int, matchAt func(int) *match) (title, sector, country string) {
	if i >= len(toks) || toks[i].Norm != "," {
		return "", "", ""
	}
	j := i + 1
	if j < len(toks) && (toks[j].Norm == "the" || toks[j].Norm == "a" || toks[j].Norm == "an") {
		j++
	}
	start := j
	// A country modifier, or a named institution's possessive ("the
	// State Department's envoy").
	if m := matchAt(j); m != nil {
		if e := firstOf(m, kAdjective, kCountry, kBody); e != nil {
			country = e.country
			j = m.tok + m.n
			if j < len(toks) && isPossessive(toks[j].Norm) {
				j++
			}
		} else if e := m.has(kInstitution); e != nil && e.country != "" && m.tok+m.n < len(toks) && isPossessive(toks[m.tok+m.n].Norm) {
			country = e.country
			j = m.tok + m.n + 1
		}
	}
	j = skipPrefixes(toks, j)
	if m := matchAt(j); m != nil {
		if e := m.has(kTitle); e != nil {
			end := j + m.n
			return st.body[toks[start].Start:toks[end-1].End], e.sector, country
		}
	}
	// "head of the foreign ministry’s North America department"
	if j+1 < len(toks) && (toks[j].Norm == "head" || toks[j].Norm == "director" || toks[j].Norm == "chief" || toks[j].Norm == "chairman" || toks[j].Norm == "leader") && toks[j+1].Norm == "of" {
		k := j + 2
		for k < len(toks) && k < j+12 && toks[k].Norm != "," && toks[k].Norm != "." {
			if m := matchAt(k); m != nil {
				if e := m.has(kInstitution); e != nil {
					if country == "" {
						country = e.country
					}
					end := k + m.n
					for end < len(toks) && end < k+8 && toks[end].Norm != "," && toks[end].Norm != "." && toks[end].Kind != nlp.Punct {
						end++
					}
					return st.body[toks[start].Start:toks[end-1].End], e.sector, country
				}
				if e := firstOf(m, kAdjective, kCountry); e != nil && country == "" {
					country = e.country
				}
			}
			k++
		}
	}
	return "", "", ""
}

// ledByAt returns the country of the actor that a "led by"/"headed by"
// phrase just before token i points back to, or "".
func (st *docState) ledByAt(ann *Annotations, s *nlp.Sentence, i int) string {
	toks := s.Tokens
	if i < 2 || toks[i-1].Norm != "by" {
		return ""
	}
	switch toks[i-2].Norm {
	case "led", "headed", "chaired", "represented":
	default:
		return ""
	}
	// The nearest actor before the phrase in this sentence.
	ms := ann.SentenceMentions(s.Index)
	for k := len(ms) - 1; k >= 0; k-- {
		if ms[k].TokEnd <= i-2 && ms[k].Actor.Country != "" {
			return ms[k].Actor.Country
		}
	}
	return ""
}

// sectorModifiers name the branch of state a group belongs to.
var sectorModifiers = map[string]string{
	"intelligence": "SPY", "security": "SPY", "military": "MIL", "defence": "GOV", "defense": "GOV",
	"army": "MIL", "naval": "MIL", "navy": "MIL", "air": "MIL", "border": "MIL", "government": "GOV",
	"state": "GOV", "foreign": "GOV", "embassy": "GOV", "trade": "GOV", "finance": "GOV",
	"senior": "", "top": "", "other": "", "two": "", "three": "", "several": "", "many": "",
}

// modifiedGroup reads one or two modifiers from token j and a group or
// people noun after them ("intelligence officials", "senior military
// officers"). It returns the noun's index and the group's sector, or 0.
func modifiedGroup(toks []nlp.Token, j int) (int, string) {
	mod := "" // the first modifier's sector
	for h := j; h < len(toks) && h <= j+2; h++ {
		n := toks[h].Norm
		if h > j {
			s := groupNouns[n]
			if s == "" {
				s = peopleNouns[n]
			}
			if s != "" {
				// "intelligence officials" are spies, "defence forces"
				// soldiers: the modifier's sector for a generic noun.
				if s == "GOV" && mod != "" {
					s = mod
				}
				return h, s
			}
		}
		s, ok := sectorModifiers[n]
		if !ok && isLowerWord(toks[h].Text) && !functionWord(n) && (h+1 < len(toks) && craftNouns[toks[h+1].Norm] || h == j && h+2 < len(toks) && craftNouns[toks[h+2].Norm] && isLowerWord(toks[h+1].Text)) {
			continue // "Chinese marine surveillance ships", "Iranian patrol boats"
		}
		if !ok || !isLowerWord(toks[h].Text) {
			return 0, ""
		}
		if mod == "" {
			mod = s
		}
	}
	return 0, ""
}

// modelCraft returns the end of a model designation starting at token j
// ("F-16", "MiG-21 Bison", "Mirage 2000 jets", "Su-24s"), with a craft
// noun after it if one follows, or 0. A model is a capitalized word with a
// digit in it, or a capitalized word and a number.
func modelCraft(toks []nlp.Token, j int) int {
	if j >= len(toks) || toks[j].Kind != nlp.Word && toks[j].Kind != nlp.Number || isLowerWord(toks[j].Text) {
		return 0
	}
	h := j
	switch {
	case hasDigit(toks[j].Text):
		h = j + 1
	case j+1 < len(toks) && toks[j+1].Kind == nlp.Number && isCap(toks[j].Text):
		h = j + 2
	default:
		return 0
	}
	if h < len(toks) && (toks[h].Kind == nlp.Word && isCap(toks[h].Text) && !notNames.Has(toks[h].Norm)) && h+1 < len(toks) && craftNouns[toks[h+1].Norm] {
		h++ // "MiG-21 Bison jets"
	}
	if h < len(toks) && craftNouns[toks[h].Norm] {
		h++
	}
	return h
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// craftNouns are a state's ships and aircraft, which any modifier may
// precede ("marine surveillance ships", "patrol boats").
var craftNouns = map[string]bool{
	"ships": true, "vessels": true, "boats": true, "warships": true, "planes": true, "aircraft": true,
	"jets": true, "drones": true, "helicopters": true, "submarines": true, "gunboats": true,
}

// officialNouns before "in <capital>" name that state's officials.
var officialNouns = map[string]bool{"officials": true, "authorities": true, "leaders": true, "policymakers": true}

// venueNouns are events named after the city that held them.
var venueNouns = nlp.NewWordSet(map[string]bool{
	"talks": true, "meeting": true, "meetings": true, "summit": true, "round": true,
	"conference": true, "process": true, "agreement": true, "agreements": true, "accord": true,
	"accords": true, "declaration": true, "format": true, "protocol": true, "ceremony": true,
	"negotiations": true, "consultations": true, "dialogue": true, "forum": true, "communique": true,
	"communiqué": true, "understanding": true, "memorandum": true,
})

// lastBody returns the international body named last in sentence si or
// the three before it, for "the bloc", "the alliance".
func lastBody(ann *Annotations, si int) *Mention {
	for j := len(ann.Mentions) - 1; j >= 0; j-- {
		m := &ann.Mentions[j]
		if m.Sentence < si-3 {
			break
		}
		if m.Kind == Body && m.Actor.Country != "" {
			return m
		}
	}
	return nil
}

// groupSectors are the sectors of people who act as a group of a place
// ("militants in …", "protesters in …"). Troops are not among them: the
// troops in a country are often another's.
var groupSectors = map[string]bool{"REB": true, "SEP": true, "CVL": true}

// placeCountryAt returns the country of the place or state that "in" or
// "from" at token i introduces ("in the Gaza Strip", "from southern
// Lebanon"), or "".
func placeCountryAt(toks []nlp.Token, i int, matchAt func(int) *match, lex *lexicon.Lexicon) string {
	if i >= len(toks) || toks[i].Norm != "in" && toks[i].Norm != "from" {
		return ""
	}
	i++
	if i < len(toks) && toks[i].Norm == "the" {
		i++
	}
	if i < len(toks) {
		switch toks[i].Norm {
		case "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "occupied":
			i++
		}
	}
	m := matchAt(i)
	if m == nil {
		return ""
	}
	if e := m.has(kPlace); e != nil {
		return lex.Places[e.idx].Country
	}
	if e := firstOf(m, kCapital, kCountry); e != nil {
		return e.country
	}
	return ""
}

// placeCountryLater returns the country of the first place named after
// "in" from token i on, within the clause, or "".
func (st *docState) placeCountryLater(toks []nlp.Token, i int, matchAt func(int) *match) string {
	for j := i; j+1 < len(toks); j++ {
		switch toks[j].Norm {
		case ";", ".", "but", "while", "after", "before", "when", "where":
			return ""
		case ",":
			if n := toks[j+1].Norm; n == "and" || n == "but" || n == "while" || n == "where" {
				return ""
			}
		case "in":
			if c := placeCountryAt(toks, j, matchAt, st.r.lex); c != "" {
				return c
			}
		}
	}
	return ""
}

// gatheringNouns name meetings that a body's name may modify.
var gatheringNouns = map[string]bool{"summit": true, "meeting": true, "conference": true, "ministerial": true, "session": true, "gathering": true, "forum": true}

// personCollective reports a collective of people ("the two leaders",
// "both presidents"), not of states.
func personCollective(text string) bool {
	for _, h := range [...]string{"leaders", "presidents", "premiers", "ministers"} {
		if len(text) >= len(h) && strings.EqualFold(text[len(text)-len(h):], h) {
			return true
		}
	}
	return false
}

// personsNamed reports people of countries a and b named in the sentence
// of mention i, before it, or in the sentence before.
func personsNamed(ann *Annotations, i int, a, b string) bool {
	si := ann.Mentions[i].Sentence
	fa, fb := false, false
	for j := i - 1; j >= 0 && ann.Mentions[j].Sentence >= si-1; j-- {
		m := &ann.Mentions[j]
		if m.Kind != Person {
			continue
		}
		fa = fa || m.Actor.Country == a
		fb = fb || m.Actor.Country == b
	}
	return fa && fb
}

// lastKingdom returns the last mention of a kingdom's state, government
// or people before token i of sentence si, within the three sentences
// before, or nil.
func (st *docState) lastKingdom(ann *Annotations, si, i int) *Mention {
	for j := len(ann.Mentions) - 1; j >= 0; j-- {
		m := &ann.Mentions[j]
		if m.Sentence < si-3 {
			break
		}
		if m.Sentence == si && m.Tok >= i || m.Kind == Collective {
			continue
		}
		if st.r.kingdoms[m.Actor.Country] {
			return m
		}
	}
	return nil
}

// titledGroupBefore returns the mention of a state's official named by
// title alone ("China's ambassador", "the Russian envoy") that ends,
// with an optional "in <place>", just before the comma before token i.
func titledGroupBefore(ann *Annotations, first int, toks []nlp.Token, i int) *Mention {
	if i < 2 || toks[i-1].Norm != "," {
		return nil
	}
	end := i - 1
	for j := len(ann.Mentions) - 1; j >= first; j-- {
		m := &ann.Mentions[j]
		if m.TokEnd > end {
			continue
		}
		if m.Kind != Group || m.Actor.Country == "" || end-m.TokEnd > 3 {
			return nil
		}
		for k := m.TokEnd; k < end; k++ {
			if toks[k].Norm != "in" && toks[k].Norm != "to" && toks[k].Norm != "at" && !isCap(toks[k].Text) {
				return nil
			}
		}
		return m
	}
	return nil
}

// particlesBetween reports tokens [from, to) that are nothing or name
// particles only: "Sheikh Abdullah bin Zayed" + "Al" + "Nahyan".
func particlesBetween(toks []nlp.Token, from, to int) bool {
	if from > to || to-from > 2 {
		return false
	}
	for i := from; i < to; i++ {
		if !nameParticles.Has(toks[i].Norm) {
			return false
		}
	}
	return true
}

// foreignTitle reports a title held abroad: an ambassador in a Geneva
// story is not Swiss.
func foreignTitle(title string) bool {
	t := strings.ToLower(title)
	for _, w := range []string{"ambassador", "envoy", "diplomat", "consul", "chargé", "charge d", "attaché", "attache", "representative"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// datelineCountry returns the country of the place a dateline names.
func (st *docState) datelineCountry(toks []nlp.Token) string {
	for i := range toks {
		if toks[i].Kind != nlp.Word {
			continue
		}
		es, n := st.r.dict.match(toks, i)
		if n == 0 {
			continue
		}
		mt := newMatch(i, n, es)
		if e := firstOf(&mt, kCapital, kCountry, kPlace, kSeat); e != nil && e.country != "" {
			return e.country
		}
	}
	return ""
}

// namedInst is a generic institution the text named: its name in lower
// case, as written, and its country.
type namedInst struct{ lower, text, country string }

// instByHead returns the generic institution named last whose name ends
// in head ("foreign ministry" for "the ministry"), or nil.
func (st *docState) instByHead(head string) *namedInst {
	for i := len(st.named) - 1; i >= 0; i-- {
		if n := &st.named[i]; n.lower != head && strings.HasSuffix(n.lower, " "+head) {
			return n
		}
	}
	return nil
}

// ofCountry reads "of Russia" after a generic institution, or "in
// Beijing" (a capital or country: "the Foreign Ministry in Beijing").
func (st *docState) ofCountry(toks []nlp.Token, i int, matchAt func(int) *match) string {
	if i+1 < len(toks) && toks[i].Norm == "in" {
		if m := matchAt(i + 1); m != nil {
			if e := firstOf(m, kCapital, kCountry); e != nil {
				return e.country
			}
		}
	}
	if i+1 < len(toks) && toks[i].Norm == "of" {
		j := i + 1
		if toks[j].Norm == "the" {
			j++
		}
		if j < len(toks) && (toks[j].Norm == "then" || toks[j].Norm == "former") {
			j++
		}
		m := matchAt(j)
		if m != nil && m.has(kTitle) != nil && m.has(kOffice) == nil {
			// "the government of then Prime Minister Scott Morrison"
			m = matchAt(j + m.n)
		}
		if m != nil {
			if e := firstOf(m, kCountry); e != nil {
				return e.country
			}
			if m.has(kOffice) != nil {
				// "the administration of Donald Trump"
				if a, ok := st.office(m, toks); ok {
					return a.Country
				}
			}
		}
	}
	return ""
}

// soleCountry returns the one state mentioned so far in sentence si, or "".
func (st *docState) soleCountry(ann *Annotations, si int) string {
	c := ""
	for _, m := range ann.SentenceMentions(si) {
		if m.Actor.Country == "" || m.Kind == Body {
			continue
		}
		if c != "" && c != m.Actor.Country {
			return ""
		}
		c = m.Actor.Country
	}
	return c
}

// partOfName reports a name followed by a capitalized word that makes it
// part of a longer proper name ("Washington Post", "Moscow Times").
func partOfName(toks []nlp.Token, end int) bool {
	if end >= len(toks) {
		return false
	}
	t := toks[end]
	return t.Kind == nlp.Word && isCap(t.Text) && !notNames.Has(t.Norm) && t.Norm != "and"
}

// memberHead returns the token of "leaders" in "leaders of (the) BODY"
// with the body's name at token i, or -1.
func memberHead(toks []nlp.Token, i int) int {
	j := i - 1
	if j >= 0 && toks[j].Norm == "the" {
		j--
	}
	if j < 1 || toks[j].Norm != "of" || !bodyMembers[toks[j-1].Norm] {
		return -1
	}
	return j - 1
}

// bodyMembers are the people or states through whom a body acts.
var bodyMembers = map[string]bool{
	"leaders": true, "members": true, "heads": true, "ministers": true, "envoys": true,
	"representatives": true, "delegates": true, "states": true, "governments": true,
}

// regimeNames are the names of a government that seized power: one
// named with its country ("Niger's new rulers") is the one a later "the
// junta" or "the putschists" means.
var regimeNames = map[string]bool{
	"junta": true, "military junta": true, "rulers": true, "military rulers": true, "putschists": true,
	"military government": true, "military authorities": true,
}

// pendingMention is a generic institution whose country the sentence's
// later words may give.
type pendingMention struct {
	tok, end     int
	name, sector string
}

// envoyOwner returns the country of the envoy named right after the verb
// that follows token end ("summoned Japan's ambassador", "called in the
// French envoy"), or "".
func (st *docState) envoyOwner(ann *Annotations, toks []nlp.Token, first, end int) string {
	for j := first; j < len(ann.Mentions); j++ {
		m := &ann.Mentions[j]
		if m.Tok < end || m.Tok > end+4 || m.Actor.Country == "" {
			continue
		}
		for k := m.Tok; k < m.TokEnd && k < len(toks); k++ {
			switch toks[k].Norm {
			case "ambassador", "envoy", "charge", "chargé", "diplomat", "diplomats", "consul":
				return m.Actor.Country
			}
		}
	}
	return ""
}

// OtherParty returns the one of a text's two parties (Annotations.Parties)
// that is not c, or "" when c is neither.
func OtherParty(p [2]string, c string) string {
	switch c {
	case p[0]:
		return p[1]
	case p[1]:
		return p[0]
	}
	return ""
}

// targetPreps head the phrase an act is aimed at: "fired at it".
var targetPreps = map[string]bool{"at": true, "against": true, "toward": true, "towards": true, "onto": true}

// leadGroups are the groupings a state leads: "the Saudi-led coalition".
var leadGroups = map[string]bool{
	"bloc": true, "coalition": true, "alliance": true, "group": true, "quartet": true,
	"camp": true, "states": true, "countries": true, "grouping": true, "force": true, "forces": true,
}

// subnational are units a name after "the … of" is one of: "the state
// of Victoria", "the province of Santa Cruz".
var subnational = map[string]bool{
	"state": true, "province": true, "region": true, "territory": true, "county": true,
	"district": true, "prefecture": true, "canton": true,
}

// placePreps are prepositions after which a capital or country is a place.
var placePreps = nlp.NewWordSet(map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "inside": true, "across": true,
	"throughout": true, "around": true, "into": true, "via": true, "within": true,
})

// motionWords make a following "to" a place preposition ("flew to Moscow").
var motionWords = map[string]bool{
	"travel": true, "traveled": true, "travelled": true, "travels": true, "traveling": true,
	"return": true, "returned": true, "returns": true, "returning": true, "flew": true, "fly": true,
	"arrived": true, "arrive": true, "arrives": true, "went": true, "go": true, "came": true,
	"come": true, "back": true, "trip": true, "visit": true, "journey": true, "moved": true,
	"relocated": true, "headed": true, "embassy": true, "ambassador": true, "envoy": true,
	"flights": true, "flight": true, "route": true, "routes": true,
}

// placeContext reports whether the name at token i is used as a place.
func placeContext(toks []nlp.Token, i int, ann *Annotations, si int) bool {
	j := i - 1
	if j >= 0 && toks[j].Norm == "the" {
		j--
	}
	if j < 0 {
		return false
	}
	p := toks[j].Norm
	if placePreps.Has(p) {
		return true
	}
	if p == "from" {
		// "diplomats from the United States and Russia met" names actors;
		// "returned from Moscow" a place.
		return j > 0 && motionWords[toks[j-1].Norm]
	}
	if p == "to" && j > 0 && motionWords[toks[j-1].Norm] {
		return true
	}
	// Coordinated with a place just before: "in Washington and Moscow".
	if (p == "and" || p == "or") && j > 0 {
		// The places of sentence si are the last ones so far.
		for k := len(ann.Places) - 1; k >= 0 && ann.Places[k].Sentence >= si; k-- {
			if ann.Places[k].Sentence == si && ann.Places[k].TokEnd == j {
				return true
			}
		}
	}
	return false
}

func mergeActor(a, b Actor) Actor {
	if a.Country == "" {
		a.Country = b.Country
	}
	if a.Sector == "" {
		a.Sector = b.Sector
	}
	if b.Title != "" {
		a.Title = b.Title
	}
	if a.Org == "" {
		a.Org = b.Org
	}
	return a
}

// refTok returns the token where the person a was last mentioned in
// sentence si, or -1.
func refTok(ann *Annotations, a *Actor, si int) int {
	for j := len(ann.Mentions) - 1; j >= 0 && ann.Mentions[j].Sentence == si; j-- {
		if ann.Mentions[j].Actor.Name == a.Name {
			return ann.Mentions[j].Tok
		}
	}
	return -1
}

// lastAgent returns the state, institution or body that "it" at token i
// of sentence si stands for: the nearest such mention before it in the
// sentence, else the first of the sentence before. Attributive and
// possessive mentions do not count.
func (st *docState) lastAgent(ann *Annotations, toks []nlp.Token, si, i int) *Mention {
	agent := func(m *Mention) bool {
		return (m.Kind == State || m.Kind == Institution || m.Kind == Body) && !m.Attrib && m.Actor.Country != ""
	}
	// A mention inside a prepositional phrase ("trade with Cuba, and …
	// it removed Cuba from its list") is less likely the subject "it"
	// continues than one outside; take it only when there is no other.
	var inPP *Mention
	for j := len(ann.Mentions) - 1; j >= 0 && ann.Mentions[j].Sentence == si; j-- {
		if m := &ann.Mentions[j]; m.Tok < i && agent(m) && !m.Possessive {
			if m.Tok > 0 && objectPreps[toks[m.Tok-1].Norm] {
				if inPP == nil {
					inPP = m
				}
				continue
			}
			return m
		}
	}
	if inPP != nil {
		return inPP
	}
	for j := range ann.Mentions {
		m := &ann.Mentions[j]
		if m.Sentence == si-1 && agent(m) {
			return m
		}
	}
	return nil
}

// objectPreps head prepositional phrases whose object is rarely the
// subject a later "it" continues.
var objectPreps = map[string]bool{"with": true, "to": true, "on": true, "against": true, "from": true, "into": true, "toward": true, "towards": true, "for": true, "of": true, "about": true}

// objectPronoun reports an "it" at token i that is a verb's object
// ("denounced it as a betrayal") rather than the subject of a clause
// ("said it would", "announced it had expelled").
func objectPronoun(toks []nlp.Token, i int) bool {
	if i == 0 || !isLowerWord(toks[i-1].Text) || functionWord(toks[i-1].Norm) || !strings.HasSuffix(toks[i-1].Norm, "ed") {
		return false
	}
	if i+1 >= len(toks) {
		return true
	}
	n := toks[i+1].Norm
	switch n {
	case "would", "will", "could", "can", "should", "may", "might", "must", "has", "had", "have",
		"is", "was", "were", "does", "did", "not", "also", "still", "then", "now":
		return false
	}
	verb := isLowerWord(toks[i+1].Text) && len(n) > 3 && (strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ss"))
	return !verb
}

// participleObject reports an "it" at token i that is the object of a
// participle opening a clause after a comma: ", accusing it of",
// ", urging it to".
func participleObject(toks []nlp.Token, i int) bool {
	if i < 2 || toks[i-2].Norm != "," || !isLowerWord(toks[i-1].Text) || !strings.HasSuffix(toks[i-1].Norm, "ing") || len(toks[i-1].Norm) < 6 {
		return false
	}
	if i+1 < len(toks) {
		switch toks[i+1].Norm {
		case "would", "will", "could", "can", "should", "may", "might", "must", "has", "had", "have", "is", "was", "were":
			return false // ", saying it would …"
		}
	}
	return true
}

// participleReferent returns the state the object of a participle
// clause stands for: the last state named before token i of sentence si
// that is not the sentence's first actor (the participle's subject).
func participleReferent(ann *Annotations, si, first, i int) *Mention {
	subject := ""
	for j := first; j < len(ann.Mentions); j++ {
		if m := &ann.Mentions[j]; m.Sentence == si && m.Tok < i && m.Actor.Country != "" && m.Kind != Collective && !m.Possessive && !m.Attrib {
			subject = m.Actor.Country
			break
		}
	}
	if subject == "" {
		return nil
	}
	for j := len(ann.Mentions) - 1; j >= first; j-- {
		m := &ann.Mentions[j]
		if m.Sentence == si && m.Tok < i && m.Actor.Country != "" && m.Actor.Country != subject && m.Kind != Collective && !isBodyCode(m.Actor.Country) {
			return m
		}
	}
	return nil
}

// objectReferent returns the state an object "it" at token i of
// sentence si stands for: the last one named in the sentence before the
// clause's subject (the mention nearest before i), or nil.
func objectReferent(ann *Annotations, si, first, i int) *Mention {
	subject := ""
	for j := len(ann.Mentions) - 1; j >= first; j-- {
		m := &ann.Mentions[j]
		if m.Sentence != si || m.Tok >= i || m.Actor.Country == "" || m.Kind == Collective {
			continue
		}
		if subject == "" {
			subject = m.Actor.Country
			continue
		}
		if m.Actor.Country != subject && (m.Kind == State || m.Attrib) {
			return m
		}
	}
	return nil
}

// recentPair returns the two states named last before mention i within
// its sentence and the two sentences before it ("Biden and Macron spoke …
// the two leaders agreed"), or "" when fewer are named.
func recentPair(ann *Annotations, i int) (string, string) {
	si := ann.Mentions[i].Sentence
	var a, b string
	for j := i - 1; j >= 0; j-- {
		m := &ann.Mentions[j]
		if m.Sentence < si-2 {
			break
		}
		c := m.Actor.Country
		if c == "" || m.Kind == Collective || m.Kind == Body || isBodyCode(c) {
			continue
		}
		switch {
		case a == "":
			a = c
		case c != a:
			b = c
			// In the order the text first names them in the window:
			// "Trump and Putin spoke …, and Trump said their teams …"
			// is USA, RUS.
			firstA, firstB := i, j
			for k := j; k >= 0 && ann.Mentions[k].Sentence >= si-2; k-- {
				switch ann.Mentions[k].Actor.Country {
				case a:
					firstA = k
				case b:
					firstB = k
				}
			}
			if firstA < firstB {
				return a, b
			}
			return b, a
		}
	}
	return "", ""
}

// mentionedNear reports whether country c is named in the sentence of
// mention i or the two sentences before it.
func mentionedNear(ann *Annotations, i int, c string) bool {
	if c == "" {
		return false
	}
	si := ann.Mentions[i].Sentence
	for j := i - 1; j >= 0 && ann.Mentions[j].Sentence >= si-2; j-- {
		if ann.Mentions[j].Actor.Country == c {
			return true
		}
	}
	return false
}

// regionWords before a country name make it part of a region's name.
var regionWords = map[string]bool{
	"north": true, "south": true, "latin": true, "central": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "upper": true, "lower": true,
}

// ofPair reads "of Egypt and Turkey" at token i after a collective and
// returns the two states, or nil.
func ofPair(toks []nlp.Token, i int, matchAt func(int) *match) []Actor {
	if i+3 >= len(toks) || toks[i].Norm != "of" {
		return nil
	}
	country := func(j int) (string, int) {
		if j < len(toks) && toks[j].Norm == "the" {
			j++
		}
		if m := matchAt(j); m != nil {
			if e := firstOf(m, kCountry); e != nil {
				return e.country, m.tok + m.n
			}
		}
		return "", 0
	}
	a, end := country(i + 1)
	if a == "" || end >= len(toks) || toks[end].Norm != "and" {
		return nil
	}
	b, _ := country(end + 1)
	if b == "" || b == a {
		return nil
	}
	return []Actor{{Country: a, Sector: "GOV"}, {Country: b, Sector: "GOV"}}
}

// groupCount returns the number a collective's numeral names, for
// groups of three or more ("the four countries"), else 0.
func groupCount(w string) int {
	switch w {
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	case "six":
		return 6
	case "seven":
		return 7
	}
	return 0
}

// lists returns the lists of coordinated states in sentence si, each as
// its members in order: "Saudi Arabia, the United Arab Emirates, Bahrain
// and Egypt". Mentions before index upTo only.
func lists(ann *Annotations, si, from, upTo int) [][]Actor {
	var out [][]Actor
	var buf [32]string
	eachList(ann, si, from, upTo, buf[:], func(l []string) {
		list := make([]Actor, len(l))
		for i, c := range l {
			list[i] = Actor{Country: c, Sector: "GOV"}
		}
		out = append(out, list)
	})
	return out
}

// eachList calls f with each list of two or more coordinated states in
// sentence si (mentions from index from up to upTo), as their country
// codes in order, in buf (lists longer than buf are cut to it); f must not
// keep the slice.
func eachList(ann *Annotations, si, from, upTo int, buf []string, f func([]string)) {
	n := 0
	prevEnd := -1
	toks := ann.Sentences[si].Tokens
	flush := func() {
		if n >= 2 {
			f(buf[:min(n, len(buf))])
		}
		n = 0
	}
	for j := from; j < upTo && j < len(ann.Mentions); j++ {
		m := &ann.Mentions[j]
		if m.Sentence != si {
			continue
		}
		if m.Actor.Country == "" || m.Kind == Collective || m.Possessive || m.Attrib {
			flush()
			prevEnd = -1
			continue
		}
		if prevEnd < 0 || !listJoin(toks, prevEnd, m.Tok) {
			flush()
		}
		dup := false
		for _, c := range buf[:min(n, len(buf))] {
			dup = dup || c == m.Actor.Country
		}
		if !dup {
			if n < len(buf) {
				buf[n] = m.Actor.Country
			}
			n++
		}
		prevEnd = m.TokEnd
	}
	flush()
}

// listJoin reports tokens [from, to) that join two items of a list: ",",
// "and", "the" in any order, at most four.
func listJoin(toks []nlp.Token, from, to int) bool {
	if to <= from || to-from > 4 {
		return false
	}
	for i := from; i < to; i++ {
		switch toks[i].Norm {
		case ",", "and", "the", "as", "well", "or":
		default:
			return false
		}
	}
	return true
}

// sentenceStart returns the index of the first mention of sentence si.
func sentenceStart(ann *Annotations, si int) int {
	for j := len(ann.Mentions) - 1; j >= 0; j-- {
		if ann.Mentions[j].Sentence < si {
			return j + 1
		}
	}
	return 0
}

// lastList returns the last list of exactly n states named in sentence si
// (before mention index first, where si's own mentions begin being
// emitted) or the eight sentences before it.
func lastList(ann *Annotations, si, first, n int) []Actor {
	for sj := si; sj >= 0 && sj >= si-8; sj-- {
		from, upTo := sentenceStart(ann, sj), len(ann.Mentions)
		if sj == si {
			from = first
		}
		ls := lists(ann, sj, from, upTo)
		for k := len(ls) - 1; k >= 0; k-- {
			if len(ls[k]) == n {
				return ls[k]
			}
		}
		for j := upTo - 1; j >= from; j-- {
			if m := &ann.Mentions[j]; m.Sentence == sj && m.Kind == Collective && len(m.Members) == n {
				return m.Members
			}
		}
	}
	return nil
}

// lastPairList returns the last list of two states ("Sweden and
// Finland") in sentence si before mention first or in the two sentences
// before si, unless a state of it is named in si before the list's
// reference (then the reference is to others, or the text's parties).
func lastPairList(ann *Annotations, si, first int) []Actor {
	named := ""
	for j := first; j < len(ann.Mentions); j++ {
		if c := ann.Mentions[j].Actor.Country; c != "" && named != "" && c != named {
			// "Saudi Arabia hosted France, and the two countries …": the
			// two its own sentence names.
			if l, n := lastListOf(ann, si, first, len(ann.Mentions)); n == 2 {
				return l
			}
			return nil
		} else if c != "" {
			named = c
		}
	}
	for sj := si; sj >= 0 && sj >= si-2; sj-- {
		start := sentenceStart(ann, sj)
		if sj == si {
			start = first
		}
		l, n := lastListOf(ann, sj, start, len(ann.Mentions))
		if n == 0 {
			continue
		}
		if n != 2 {
			return nil
		}
		for j := first; j < len(ann.Mentions); j++ {
			if c := ann.Mentions[j].Actor.Country; sj != si && (c == l[0].Country || c == l[1].Country) {
				return nil
			}
		}
		return l
	}
	return nil
}

// lastListOf returns the last list lists would return for the same
// arguments and its length, allocating only a list of two (the one
// lastPairList keeps): it runs for every "the two …" a text has.
func lastListOf(ann *Annotations, si, from, upTo int) ([]Actor, int) {
	var buf [8]string
	var last [2]string
	ln := 0
	eachList(ann, si, from, upTo, buf[:], func(l []string) {
		ln = len(l)
		last[0], last[1] = l[0], l[1]
	})
	if ln != 2 {
		return nil, ln
	}
	return []Actor{{Country: last[0], Sector: "GOV"}, {Country: last[1], Sector: "GOV"}}, 2
}

// lastGroup returns the members of the last collective of three or more
// named in the sentence before si, or of its last list of three or more.
func lastGroup(ann *Annotations, si, first int) []Actor {
	sj := si - 1
	if sj < 0 {
		return nil
	}
	from := sentenceStart(ann, sj)
	for j := first - 1; j >= from; j-- {
		// "… accused the two Nordic countries of harbouring militants. He
		// demanded that they lift restrictions": a collective of two
		// counts too.
		if m := &ann.Mentions[j]; m.Sentence == sj && m.Kind == Collective && len(m.Members) >= 2 {
			return m.Members
		}
	}
	ls := lists(ann, sj, from, first)
	if len(ls) > 0 && len(ls[len(ls)-1]) >= 3 {
		return ls[len(ls)-1]
	}
	return nil
}

// sideMembers are people a collective can be made of: "officials on
// both sides".
var sideMembers = func() *nlp.WordSet {
	m := map[string]bool{}
	for _, w := range sideMemberWords {
		m[w] = true
	}
	return nlp.NewWordSet(m)
}()

var sideMemberWords = []string{"officials", "diplomats", "negotiators", "leaders", "ministers", "experts", "delegates", "envoys", "representatives"}

// collectiveEntry stands for "the two nuclear-armed neighbours" and the
// like, which collectiveAt recognizes beyond the fixed phrases.
var collectiveEntry = &entry{kind: kCollective, sector: "GOV"}

// collectiveHeads are nouns that, after "the two" or "both" and up to two
// modifiers, refer to the two parties of a text.
var collectiveHeads = nlp.NewWordSet(map[string]bool{
	"countries": true, "nations": true, "sides": true, "neighbours": true, "neighbors": true,
	"governments": true, "leaders": true, "powers": true, "rivals": true, "states": true,
	"capitals": true, "allies": true, "presidents": true, "ministers": true, "delegations": true,
	"adversaries": true, "partners": true, "premiers": true,
})

// collectiveAt returns the length of a collective reference starting at
// token i ("the two nuclear-armed neighbours", "both Gulf states"), or 0.
func collectiveAt(toks []nlp.Token, i int) int {
	j := i
	if i+2 < len(toks) && (toks[i+1].Norm == "on" || toks[i+1].Norm == "from" || toks[i+1].Norm == "of") && sideMembers.Has(toks[i].Norm) {
		// "officials on both sides", "diplomats from the two countries"
		if n := collectiveAt(toks, i+2); n > 0 {
			return n + 2
		}
		return 0
	}
	switch {
	case toks[j].Norm == "both":
		j++
	case toks[j].Norm == "the" && j+1 < len(toks) && (toks[j+1].Norm == "two" || groupCount(toks[j+1].Norm) > 0):
		j += 2
	default:
		return 0
	}
	for k := 0; k < 3 && j < len(toks); k++ {
		if collectiveHeads.Has(toks[j].Norm) {
			return j + 1 - i
		}
		if toks[j].Kind != nlp.Word {
			return 0
		}
		j++
	}
	return 0
}

// pluralPeople returns the sector of a plural noun for people or forces
// after a state adjective ("youths" CVL, "helicopters" MIL), or "" when
// the noun is not one ("decision", "territories").
func pluralPeople(n string) string {
	if s, ok := peopleNouns[n]; ok {
		return s
	}
	return ""
}

// peopleNouns are plural nouns for people and forces, with their sector.
var peopleNouns = map[string]string{
	"youths": "CVL", "students": "CVL", "workers": "CVL", "villagers": "CVL", "residents": "CVL",
	"fishermen": "CVL", "pilgrims": "CVL", "tourists": "CVL", "refugees": "REF", "migrants": "CVL",
	"journalists": "MED", "reporters": "MED", "activists": "CVL", "demonstrators": "CVL",
	"protesters": "CVL", "protestors": "CVL", "settlers": "CVL", "farmers": "CVL", "sailors": "MIL",
	"helicopters": "MIL", "warplanes": "MIL", "planes": "MIL", "fighters": "MIL", "gunboats": "MIL",
	"ships": "MIL", "vessels": "GOV", "boats": "MIL", "aircraft": "MIL", "guards": "MIL", "commandos": "MIL", "police": "COP",
	"policemen": "COP", "officers": "MIL", "militants": "REB", "rebels": "REB", "insurgents": "REB",
	"hackers": "SPY", "agents": "SPY", "spies": "SPY", "prisoners": "CVL", "detainees": "CVL",
	"nationals": "CVL", "citizens": "CVL", "businessmen": "BUS", "investors": "BUS", "banks": "BUS",
	"peacekeepers": "MIL", "paratroopers": "MIL", "marines": "MIL", "gunmen": "REB", "envoys": "GOV",
	"militiamen": "REB", "militias": "REB", "servicemen": "MIL", "warships": "MIL", "submarines": "MIL",
	"drones": "MIL", "missiles": "MIL", "tanks": "MIL", "jets": "MIL", "bombers": "MIL", "units": "MIL",
	"negotiators": "GOV", "lawmakers": "LEG", "legislators": "LEG", "senators": "LEG", "judges": "JUD",
	"prosecutors": "JUD", "courts": "JUD", "authorities": "GOV", "leaders": "GOV", "ministers": "GOV",
}

func isLowerWord(s string) bool { return s != "" && s[0] >= 'a' && s[0] <= 'z' }

// functionWord reports words that end a noun phrase ("at the White House
// on Tuesday") rather than continue it ("at the FSB meeting").
func functionWord(n string) bool {
	switch n {
	case "on", "in", "at", "and", "for", "to", "with", "by", "of", "after", "before", "where", "which", "that", "as", "from", "during", "last", "this", "earlier", "later":
		return true
	}
	return false
}

// lastPair returns the actors of the last two mentions joined by "and"
// before token i in sentence si (or in the sentence before), for "they".
func (st *docState) lastPair(ann *Annotations, si, i int, toks []nlp.Token) []Actor {
	ms := ann.Mentions
	for j := len(ms) - 1; j > 0; j-- {
		b, a := &ms[j], &ms[j-1]
		if b.Sentence < si-1 {
			break
		}
		if b.Sentence == si && b.Tok >= i || a.Sentence != b.Sentence {
			continue
		}
		if a.Actor.Country == "" || b.Actor.Country == "" || a.Actor.Country == b.Actor.Country {
			continue
		}
		if b.Sentence == si && b.Tok-a.TokEnd == 1 && toks[a.TokEnd].Norm == "and" {
			return []Actor{a.Actor, b.Actor}
		}
	}
	return nil
}

// pairInSentence reports whether countries a and b are both named before
// mention i in its own sentence ("MBS received Trump …, and the two
// leaders signed …").
func pairInSentence(ann *Annotations, i int, a, b string) bool {
	si := ann.Mentions[i].Sentence
	var fa, fb bool
	for j := i - 1; j >= 0 && ann.Mentions[j].Sentence == si; j-- {
		switch ann.Mentions[j].Actor.Country {
		case a:
			fa = true
		case b:
			fb = true
		}
	}
	return fa && fb
}

// sentenceModifier reports whether a sentence's first word, capitalized only
// because it opens the sentence, is a modifier rather than a given name:
// "Neighbouring Slovakia expelled …", "Nearby Poland …".
func sentenceModifier(w string) bool {
	switch w {
	case "nearby", "tiny", "fellow", "rival", "oil-rich", "resource-rich", "landlocked":
		return true
	}
	return len(w) > 4 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed"))
}
