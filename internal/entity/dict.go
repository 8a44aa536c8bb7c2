package entity

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parleyproject/parley/internal/lexicon"
	"github.com/parleyproject/parley/internal/nlp"
)

// entryKind says what a dictionary phrase names.
type entryKind uint8

const (
	kCountry     entryKind = iota // a state's name: "Russia"
	kAdjective                    // "Russian"
	kDemonym                      // "Russians"
	kCapital                      // "Moscow"
	kSeat                         // "Kremlin"
	kBody                         // "United Nations"
	kInstitution                  // "State Department"; generic when Country == ""
	kTitle                        // "foreign minister"
	kOffice                       // "Sergei Lavrov"
	kSurname                      // "Lavrov" (derived from an office)
	kPlace                        // "Istanbul"
	kCollective                   // "both sides"
	kPronoun                      // "he", "she"
	kDefinite                     // "the minister", "the president"
	kIt                           // "it", standing for a state or institution
	kThey                         // "they", standing for parties named together
	kBodyRef                      // "the bloc", standing for the body named last
	kKingdomRef                   // "the kingdom", standing for the monarchy named last
	kHisGov                       // "his government", the government of the person "his" stands for
)

// caseMode says how a phrase's first token must be written in the text.
type caseMode uint8

const (
	caseAny   caseMode = iota // lower-case phrases: any case
	caseUpper                 // capitalized phrases: first letter upper-case
	caseExact                 // acronyms ("US", "UN"): exactly as written
)

// entry is one phrase of the compiled dictionary.
type entry struct {
	kind    entryKind
	norms   []string // token norms of the phrase
	first   string   // the phrase's first token as written
	cmode   caseMode
	caps    uint64 // capitalized phrase tokens after the first ("Russia Today"), bit per token
	idx     int    // index into the lexicon slice of its kind
	country string // resolved country code, when the entry fixes one
	sector  string
}

// dict maps a phrase's first token norm to its entries, longest first.
//
// Matching runs at every word of a text, and most candidates fail on
// their length or their second word. A candidate therefore carries both,
// the second word as its id in the word table, so that those fail
// without a load of the entry (a cache miss each, which cost more than
// the rest of matching).
type dict struct {
	firsts nlp.Words // the phrases' first token norms
	// byFirst holds each first token id's candidates, a range of cands;
	// a word that begins many phrases has lo < 0 and its index in many
	// at -1-lo.
	byFirst []span
	cands   []cand
	many    []manyWord
	// building holds the entries by first token id until sort.
	building [][]*entry
	// numbered is done when the candidates' second words are numbered,
	// once the word table is complete (see ready).
	numbered sync.Once
}

// span is a range of dict.cands.
type span struct{ lo, hi int32 }

// cand is an entry as a candidate for a match.
type cand struct {
	e     *entry
	next  int32    // the id of the phrase's second norm in the word table (0 for none)
	n     uint8    // tokens in the phrase, up to 255 (longer phrases are not added)
	cmode caseMode // as e's
}

// manyWord indexes the candidates of a word that begins many phrases
// ("the", "republic") by the second token norm: next maps it to those
// whose second norm it is, then the one-token ones, each longest first;
// one are the one-token candidates, all that can match before any other
// token.
type manyWord struct {
	next map[string]span
	one  span
}

// manyEntries is the number of entries beyond which a first word's
// entries are indexed by their second token rather than all compared.
const manyEntries = 8

func (d *dict) add(e *entry) {
	if len(e.norms) == 0 || len(e.norms) > 255 {
		return // no name is that long; cand.n holds up to 255
	}
	w := d.firsts.Add(e.norms[0])
	for int(w) >= len(d.building) {
		d.building = append(d.building, nil)
	}
	d.building[w] = append(d.building[w], e)
}

// sort orders each word's entries longest first, lays them out as
// candidates and indexes the long lists by second token.
func (d *dict) sort(many int) {
	d.byFirst = make([]span, len(d.building))
	put := func(es []*entry) span {
		sp := span{lo: int32(len(d.cands))}
		for _, e := range es {
			d.cands = append(d.cands, cand{e: e, n: uint8(len(e.norms)), cmode: e.cmode})
		}
		sp.hi = int32(len(d.cands))
		return sp
	}
	for k, es := range d.building {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].norms) > len(es[j].norms) })
		if len(es) <= many {
			d.byFirst[k] = put(es)
			continue
		}
		var one []*entry
		for _, e := range es {
			if len(e.norms) == 1 {
				one = append(one, e)
			}
		}
		m := manyWord{next: map[string]span{}, one: put(one)}
		for _, e := range es {
			if len(e.norms) < 2 {
				continue
			}
			if _, done := m.next[e.norms[1]]; done {
				continue
			}
			var sub []*entry
			for _, e2 := range es {
				if len(e2.norms) > 1 && e2.norms[1] == e.norms[1] {
					sub = append(sub, e2)
				}
			}
			m.next[e.norms[1]] = put(append(sub, one...))
		}
		d.byFirst[k] = span{lo: int32(-1 - len(d.many))}
		d.many = append(d.many, m)
	}
	d.building = nil
}

// ready numbers the candidates' second norms in the word table, which
// must be complete: other dictionaries add their words to it after the
// dictionary is built, and a second norm that was not in the table then
// may be now.
func (d *dict) ready() {
	d.numbered.Do(func() {
		for k := range d.cands {
			if c := &d.cands[k]; c.n > 1 {
				c.next = d.firsts.ID(c.e.norms[1])
			}
		}
	})
}

// candidates returns the entries that may match at token i, whose norm
// has id w in d.firsts: all those whose first norm is the token's, less,
// for a word that begins many phrases, those whose second norm is not the
// next token's.
func (d *dict) candidates(toks []nlp.Token, i int, w int32) []cand {
	if int(w) >= len(d.byFirst) {
		return nil // a word added to the table after the dictionary
	}
	sp := d.byFirst[w]
	if sp.lo >= 0 {
		return d.cands[sp.lo:sp.hi]
	}
	m := &d.many[-1-sp.lo]
	if i+1 < len(toks) {
		if sp, ok := m.next[toks[i+1].Norm]; ok {
			return d.cands[sp.lo:sp.hi]
		}
	}
	return d.cands[m.one.lo:m.one.hi]
}

// follows tells whether token k is the second token of candidate c,
// whose second norm has id c.next in the word table, from the token's id
// there: ids[k], or looked up when ids is nil. Two words of the table
// differ when their ids do, and a word of the table differs from one that
// is not; words of one id are the same. Only when neither word is in the
// table, or the token is no word and has no id, must the norms be
// compared.
func (d *dict) follows(c *cand, toks []nlp.Token, ids []int32, k int) answer {
	t := &toks[k]
	if t.Kind != nlp.Word && t.Kind != nlp.Number {
		return followMaybe
	}
	var id int32
	if ids != nil {
		id = ids[k]
	} else {
		id = d.firsts.ID(t.Norm)
	}
	switch {
	case id != c.next:
		return followNo
	case id != 0:
		return followYes
	}
	return followMaybe
}

// answer is what follows can tell.
type answer uint8

const (
	followMaybe answer = iota
	followYes
	followNo
)

// phrase tokenizes a lexicon phrase the way text is tokenized, so that
// phrases and text compare token by token.
func phrase(s string) (norms []string, first string, caps uint64) {
	toks := nlp.Tokenize(s, 0)
	norms = make([]string, 0, len(toks))
	for i, t := range toks {
		norms = append(norms, t.Norm)
		if r, _ := utf8.DecodeRuneInString(t.Text); i > 0 && i < 64 && unicode.IsUpper(r) {
			caps |= 1 << i
		}
	}
	if len(toks) > 0 {
		first = toks[0].Text
	}
	return norms, first, caps
}

func modeOf(first string) caseMode {
	r, _ := utf8.DecodeRuneInString(first)
	if !unicode.IsUpper(r) {
		return caseAny
	}
	letters, uppers := 0, 0
	for _, r := range first {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				uppers++
			}
		}
	}
	if letters >= 2 && letters == uppers && len(first) <= 6 {
		return caseExact
	}
	return caseUpper
}

func (d *dict) addPhrase(s string, k entryKind, idx int, country, sector string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	norms, first, caps := phrase(s)
	if len(norms) == 0 {
		return
	}
	e := &entry{kind: k, norms: norms, first: first, cmode: modeOf(first), idx: idx, country: country, sector: sector}
	if e.cmode != caseAny {
		e.caps = caps
	}
	d.add(e)
	if e.cmode == caseAny && strings.Contains(s, "-") {
		// The tokenizer keeps "secretary-general" whole but splits
		// "Secretary-General": a lower-case phrase also matches its
		// capitalized spelling.
		if n2, _, _ := phrase(capitalizeWords(s)); !slices.Equal(n2, norms) {
			e2 := *e
			e2.norms = n2
			d.add(&e2)
		}
	}
}

// capitalizeWords upper-cases the first letter of every word and of
// every part of a hyphenated word.
func capitalizeWords(s string) string {
	b := []rune(s)
	for i, r := range b {
		if i == 0 || b[i-1] == ' ' || b[i-1] == '-' {
			b[i] = unicode.ToUpper(r)
		}
	}
	return string(b)
}

// caseOK reports whether token t is written as entry e requires.
func caseOK(e *entry, t *nlp.Token) bool {
	switch e.cmode {
	case caseExact:
		return t.Text == e.first || strings.ReplaceAll(t.Text, "’", "'") == e.first
	case caseUpper:
		return upperFirst(t)
	}
	return true
}

// upperFirst reports whether token t begins with an upper-case letter.
func upperFirst(t *nlp.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// capsOK reports whether the tokens a capitalized phrase writes with a
// capital are capitalized in the text: "Russia Today", not "Russia today".
func capsOK(e *entry, toks []nlp.Token) bool {
	for j := 1; j < len(toks) && j < 64; j++ {
		if e.caps&(1<<j) != 0 && !headNouns[toks[j].Norm] {
			if r, _ := utf8.DecodeRuneInString(toks[j].Text); !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

// headNouns may be written in lower case inside a name: "the US State
// department", "the Foreign ministry".
var headNouns = map[string]bool{
	"department": true, "ministry": true, "office": true, "service": true, "services": true,
	"council": true, "committee": true, "agency": true, "court": true, "bank": true,
	"house": true, "assembly": true, "parliament": true, "army": true, "navy": true,
	"force": true, "forces": true, "guard": true, "party": true, "front": true,
	"command": true, "administration": true, "government": true, "commission": true,
	"union": true, "organization": true, "organisation": true, "secretariat": true,
}

// match returns the entries that match the longest phrase starting at
// token i, and that length in tokens (0 when none matches).
func (d *dict) match(toks []nlp.Token, i int) ([]*entry, int) {
	d.ready()
	var buf []*entry
	return d.matchInto(toks, nil, i, d.firsts.ID(toks[i].Norm), &buf)
}

// matchInto is match for a token whose norm has id w in d.firsts, given
// the ids of the tokens' norms there (Annotations.numberWords; nil to look
// them up), with the result appended to *arena, so that the matches of a
// document share one backing array. ready must have run.
func (d *dict) matchInto(toks []nlp.Token, ids []int32, i int, w int32, arena *[]*entry) ([]*entry, int) {
	cs := d.candidates(toks, i, w)
	if len(cs) == 0 {
		return nil, 0
	}
	start := len(*arena)
	best := 0
	for k := range cs {
		c := &cs[k]
		n := int(c.n)
		if n < best {
			break
		}
		if i+n > len(toks) || c.cmode == caseUpper && !upperFirst(&toks[i]) {
			continue
		}
		from := 1 // the first norm to compare
		if n > 1 {
			switch d.follows(c, toks, ids, i+1) {
			case followNo:
				continue
			case followYes:
				from = 2
			}
		}
		// The entry is read only now, and for a phrase of one or two
		// words that passed, only when it is written in capitals.
		e := c.e
		if c.cmode == caseExact && !caseOK(e, &toks[i]) {
			continue
		}
		ok := true
		for j := from; j < n; j++ {
			if toks[i+j].Norm != e.norms[j] {
				ok = false
				break
			}
		}
		if !ok || n > 1 && c.cmode != caseAny && e.caps != 0 && !capsOK(e, toks[i:i+n]) {
			continue
		}
		best = n
		*arena = append(*arena, e)
	}
	out := (*arena)[start:len(*arena):len(*arena)]
	if len(out) == 0 {
		return nil, 0
	}
	return out, best
}

// compile builds the dictionary of a lexicon.
func compile(lex *lexicon.Lexicon) *dict { return compileDict(lex, manyEntries) }

// compileDict is compile with the number of entries beyond which a
// word's are indexed by their second token.
func compileDict(lex *lexicon.Lexicon, many int) *dict {
	d := &dict{building: make([][]*entry, 1)} // id 0: no phrase
	for i, c := range lex.Countries {
		for _, n := range c.Names {
			d.addPhrase(n, kCountry, i, c.Code, "")
		}
		for _, n := range c.Adjectives {
			d.addPhrase(n, kAdjective, i, c.Code, "")
		}
		for _, n := range c.Demonyms {
			d.addPhrase(n, kDemonym, i, c.Code, "CVL")
		}
		if c.Capital != "" {
			d.addPhrase(c.Capital, kCapital, i, c.Code, "GOV")
		}
		for _, n := range c.Seats {
			d.addPhrase(n, kSeat, i, c.Code, "GOV")
		}
	}
	for i, b := range lex.Bodies {
		for _, n := range b.Names {
			d.addPhrase(n, kBody, i, b.Code, "")
		}
	}
	for i, in := range lex.Institutions {
		for _, n := range in.Names {
			d.addPhrase(n, kInstitution, i, in.Country, in.Sector)
		}
	}
	for i, t := range lex.Titles {
		for _, n := range t.Names {
			d.addPhrase(n, kTitle, i, "", t.Sector)
		}
	}
	surnames := map[string]bool{}
	for i, o := range lex.Offices {
		d.addPhrase(o.Name, kOffice, i, o.Country, o.Sector)
		for _, a := range o.Aliases {
			d.addPhrase(a, kOffice, i, o.Country, o.Sector)
		}
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			f := strings.Fields(n)
			if len(f) < 2 {
				continue
			}
			s := f[len(f)-1]
			if surnameFirst[o.Country] {
				s = f[0] // "Xi Jinping" is Xi, "Yoon Suk Yeol" is Yoon
			}
			if utf8.RuneCountInString(s) >= 2 && !surnames[fmt.Sprint(s, "\x00", i)] {
				d.addPhrase(s, kSurname, i, o.Country, o.Sector)
				surnames[fmt.Sprint(s, "\x00", i)] = true
			}
		}
	}
	for i, p := range lex.Places {
		d.addPhrase(p.Name, kPlace, i, p.Country, "")
		for _, a := range p.Aliases {
			d.addPhrase(a, kPlace, i, p.Country, "")
		}
	}
	for _, c := range collectives {
		d.addPhrase(c, kCollective, 0, "", "GOV")
	}
	for _, p := range []string{"he", "she", "He", "She"} {
		d.addPhrase(p, kPronoun, 0, "", "")
	}
	for _, p := range []string{"it", "It"} {
		d.addPhrase(p, kIt, 0, "", "")
	}
	for _, p := range []string{"they", "They"} {
		d.addPhrase(p, kThey, 0, "", "")
	}
	// "Trump and Putin … their teams would begin negotiations"
	for _, n := range []string{"teams", "negotiators", "delegations", "diplomats", "officials", "governments", "countries", "envoys", "foreign ministers", "ministers", "representatives", "militaries"} {
		d.addPhrase("their "+n, kThey, 0, "", "")
		d.addPhrase("Their "+n, kThey, 0, "", "")
	}
	for _, p := range definites {
		d.addPhrase(p, kDefinite, 0, "", "")
	}
	for _, p := range []string{"the kingdom", "The kingdom"} {
		d.addPhrase(p, kKingdomRef, 0, "", "")
	}
	for _, pr := range []string{"his", "her", "His", "Her"} {
		for _, n := range []string{"government", "administration", "cabinet", "country"} {
			d.addPhrase(pr+" "+n, kHisGov, 0, "", "")
		}
	}
	for _, p := range []string{"the bloc", "the alliance", "the organisation", "the organization", "the union", "the grouping", "the body"} {
		d.addPhrase(p, kBodyRef, 0, "", "")
	}
	d.sort(many)
	return d
}

// collectives are phrases that refer to the two parties an article is about.
var collectives = []string{
	"both sides", "the two sides", "both countries", "the two countries",
	"both nations", "the two nations", "both governments", "the two governments",
	"both states", "the two states", "both capitals", "the two capitals",
	"the two parties", "both delegations", "the two delegations",
	"both leaders", "the two leaders", "the two presidents", "both presidents",
	"the two ministers", "both ministers", "the two foreign ministers",
	"the sides", "the two neighbours", "the two neighbors", "both neighbours",
	"the leaders", "the presidents", "the two men", "the two foreign ministers", "the foreign ministers",
	"the two governments", "the governments",
	"the two allies", "both allies", "the two rivals", "the two powers",
	"the two visitors", "both visitors", "the two guests", "the two envoys", "both envoys",
}

// definites are definite descriptions that refer back to a titled person.
var definites = []string{
	"the minister", "the foreign minister", "the president", "the prime minister",
	"the premier", "the chancellor", "the secretary", "the spokesman",
	"the spokeswoman", "the spokesperson", "the ambassador", "the envoy",
	"the diplomat", "the leader", "the king", "the emir", "the crown prince",
	"the secretary-general", "the secretary general",
}

// surnameFirst lists states whose people's names are written family name
// first in English-language news.
var surnameFirst = map[string]bool{"CHN": true, "TWN": true, "KOR": true, "PRK": true, "VNM": true, "KHM": true, "HUN": false}
