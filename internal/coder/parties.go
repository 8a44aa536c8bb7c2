package coder

import (
	"strings"
	"unsafe"

	"github.com/parleyproject/parley/internal/entity"
	"github.com/parleyproject/parley/internal/nlp"
	"github.com/parleyproject/parley/internal/record"
)

// subjectPreps are prepositions that put a mention in a prepositional
// phrase rather than in subject position.
var subjectPreps = nlp.NewWordSet(map[string]bool{
	"of": true, "for": true, "with": true, "to": true, "against": true, "on": true, "at": true,
	"in": true, "about": true, "over": true, "by": true, "toward": true, "towards": true,
	"into": true, "between": true, "amid": true, "under": true, "than": true, "like": true,
	"regarding": true, "including": true, "among": true, "upon": true,
})

// leftBoundary reports tokens a subject search does not cross.
func leftBoundary(t *nlp.Token) bool {
	if boundary(t) {
		return true
	}
	switch t.Norm {
	case "that", "if", "whether", "after", "before", "since", "as", "unless":
		return true
	}
	return false
}

func partyOf(m *entity.Mention) party {
	p := party{m: m}
	if m.Kind == entity.Collective {
		for _, a := range m.Members {
			p.actors = append(p.actors, a)
			p.texts = append(p.texts, m.Text)
		}
		return p
	}
	// One-element views of the mention's own fields, full so that
	// appending copies: no allocation, and the coder never writes through
	// a party's slices.
	p.actors, p.texts = unsafe.Slice(&m.Actor, 1), unsafe.Slice(&m.Text, 1)
	return p
}

func (p *party) add(m *entity.Mention) {
	if m.Kind == entity.Collective { // as partyOf
		for _, a := range m.Members {
			p.addActor(a, m.Text)
		}
		return
	}
	p.addActor(m.Actor, m.Text)
}

// hasCountry reports an actor of country c in the party.
func (p party) hasCountry(c string) bool {
	for _, b := range p.actors {
		if b.Country == c {
			return true
		}
	}
	return false
}

// addActor adds an actor unless its country is already there.
func (p *party) addActor(a entity.Actor, text string) {
	for _, b := range p.actors {
		if a.Country == b.Country {
			return
		}
	}
	p.actors = append(p.actors, a)
	p.texts = append(p.texts, text)
}

// usable reports whether a mention can stand for an event's party.
func usable(m *entity.Mention) bool {
	if m.Kind == entity.Collective {
		return len(m.Members) >= 2
	}
	return m.Actor.Country != ""
}

// coordinated extends the party of mention ms[k] with the mentions
// coordinated with it ("the United States and Russia", "both Washington
// and Moscow", "Russian and American diplomats").
func coordinated(toks []nlp.Token, ms []entity.Mention, k int, limit int) party {
	lo, hi := coordSpan(toks, ms, k, limit)
	return spanParty(ms, k, lo, hi)
}

// coordSpan returns the first and last of the mentions coordinated with
// ms[k] (see coordinated).
func coordSpan(toks []nlp.Token, ms []entity.Mention, k int, limit int) (lo, hi int) {
	lo, hi = k, k
	// Leftwards.
	for j := k; j > 0; j-- {
		a, b := &ms[j-1], &ms[j]
		if a.TokEnd == b.Tok && usable(a) && a.Actor.Country == b.Actor.Country {
			lo = j - 1 // "her Japanese counterpart Toshimitsu Motegi": one person
			continue
		}
		if !conj(toks, a.TokEnd, b.Tok) || !usable(a) || clauseComma(toks, a, b) {
			break
		}
		lo = j - 1
	}
	// Rightwards, up to limit; "… with Lithuania and Poland accused
	// Minsk" ends at a conjunct that is the subject of its own verb.
	for j := k; j+1 < len(ms); j++ {
		a, b := &ms[j], &ms[j+1]
		if b.TokEnd > limit || !conj(toks, a.TokEnd, b.Tok) || !usable(b) || clauseComma(toks, a, b) {
			break
		}
		if n := b.TokEnd; n < len(toks) && isLowerWord(toks[n].Text) && strings.HasSuffix(toks[n].Norm, "ed") && b.TokEnd < limit {
			break
		}
		hi = j + 1
	}
	return lo, hi
}

// spanParty returns the party of ms[k] and the mentions ms[lo:hi+1]
// coordinated with it: ms[k] first, then those to its left, nearest first,
// then those to its right.
func spanParty(ms []entity.Mention, k, lo, hi int) party {
	p := partyOf(&ms[k])
	for j := k - 1; j >= lo; j-- {
		p.add(&ms[j])
	}
	for j := k + 1; j <= hi; j++ {
		p.add(&ms[j])
	}
	return p
}

// partyWithout returns without(partyOf(m), src), building no party that
// would come out empty.
func partyWithout(m *entity.Mention, src party) party {
	if within(m, src) {
		return party{}
	}
	return without(partyOf(m), src)
}

// spanWithin reports whether every actor of the mentions ms[lo:hi+1] has
// a country of party src: without would leave nothing of their party.
func spanWithin(ms []entity.Mention, lo, hi int, src party) bool {
	for j := lo; j <= hi; j++ {
		if !within(&ms[j], src) {
			return false
		}
	}
	return true
}

// within reports whether every actor of mention m has a country of party
// src.
func within(m *entity.Mention, src party) bool {
	if m.Kind == entity.Collective {
		for _, a := range m.Members {
			if !src.hasCountry(a.Country) {
				return false
			}
		}
		return true
	}
	return src.hasCountry(m.Actor.Country)
}

// subordinators open a clause that a comma closes before the main one.
var subordinators = map[string]bool{
	"before": true, "after": true, "when": true, "while": true, "as": true, "if": true,
	"since": true, "although": true, "though": true, "because": true, "once": true,
	"until": true, "unless": true, "whereas": true,
}

// clauseComma reports a comma between mentions a and b that ends a
// subordinate clause rather than joining a list: "Hours before Yoon's
// plane left Seoul, North Korea fired …".
func clauseComma(toks []nlp.Token, a, b *entity.Mention) bool {
	if !commaOnly(toks, a.TokEnd, b.Tok) {
		return false
	}
	if inPrepPhraseBack(toks, a.Tok) && b.TokEnd < len(toks) && isLowerWord(toks[b.TokEnd].Text) && !functionWords.Has(toks[b.TokEnd].Norm) {
		// "In a phone call with his Turkish counterpart, the Greek
		// foreign minister expressed …": the comma closes a fronted
		// phrase; the mention after it is the clause's subject.
		return true
	}
	for i := a.Tok - 1; i >= 0 && i >= a.Tok-12; i-- {
		switch toks[i].Norm {
		case "where", "which", "who", "whom", "whose":
			return true // "…, where he attended the UN General Assembly, Trudeau"
		}
		if toks[i].Norm == "," || boundary(&toks[i]) {
			return false
		}
		if subordinators[toks[i].Norm] {
			return true
		}
	}
	return false
}

// commaOnly reports a join of two mentions by punctuation and articles
// alone, without "and", "or" or "as well as".
func commaOnly(toks []nlp.Token, from, to int) bool {
	for i := from; i < to; i++ {
		switch toks[i].Norm {
		case "and", "&", "as", "well", "or":
			return false
		}
	}
	return true
}

// conj reports tokens [from, to) that join two coordinated mentions:
// "and", ",", "as well as", "and the", "or".
func conj(toks []nlp.Token, from, to int) bool {
	if to <= from || to-from > 5 {
		return false
	}
	seenAnd := false
	for i := from; i < to; i++ {
		switch toks[i].Norm {
		case "and", "&", "as", "well", "or":
			seenAnd = true
		case ",", "the", "its", "his", "her", "their":
		default:
			// "Biden and Chinese President Xi": a modifier of the next
			// mention that is not part of it.
			if seenAnd && toks[i].Kind == nlp.Word && !isLowerWord(toks[i].Text) && to-i <= 2 {
				continue
			}
			return false
		}
	}
	return seenAnd || toks[from].Norm == ","
}

// subjectLeft finds the subject of a verb at token t: the nearest usable
// mention before it in its clause that is not inside a prepositional
// phrase or a possessive, with the mentions coordinated with it.
func subjectLeft(toks []nlp.Token, ms []entity.Mention, t int) party {
	relStart, relEnd := relativeClauseBefore(toks, t)
	for k := len(ms) - 1; k >= 0; k-- {
		m := &ms[k]
		if m.TokEnd > t {
			continue
		}
		if m.Tok >= relStart && m.TokEnd <= relEnd {
			continue // "Brazil, which borders both countries, offered …"
		}
		b := lastCrossing(toks, m.TokEnd, t, leftBoundary)
		if b > m.TokEnd && toks[b].Norm == "but" && butPredicate(toks, ms, b, t) {
			// "his government wanted to calm the situation but would
			// never negotiate": a second predicate of the same subject.
			b = lastCrossing(toks, m.TokEnd, b, leftBoundary)
		}
		if b >= 0 && !(b >= relStart && b < relEnd) {
			// "Biden, whose administration imposed …": the relative
			// clause's subject is its antecedent.
			switch toks[b].Norm {
			case "who", "whose", "which":
				if b-m.TokEnd <= 1 && usable(m) {
					return coordinated(toks, ms, k, t)
				}
			}
			return party{}
		}
		if !usable(m) || m.Possessive || m.Attrib {
			continue
		}
		if m.Tok > 0 && subjectPreps.Has(toks[m.Tok-1].Norm) {
			// A prepositional object — unless coordinated with an earlier
			// subject ("X and Y"), which the loop reaches next.
			continue
		}
		if m.Tok > 1 && toks[m.Tok-1].Norm == "the" && subjectPreps.Has(toks[m.Tok-2].Norm) {
			continue
		}
		p := coordinated(toks, ms, k, t)
		if first := leftmost(ms, k, p); first != nil && inPrepPhrase(toks, first.Tok) {
			// "to the United States and Australia": a coordinated
			// prepositional object — unless "and" starts a new clause
			// with this mention as its subject ("closed its border with
			// Lithuania and Poland accused Minsk").
			if k > 0 && ms[k].Tok > 0 && toks[ms[k].Tok-1].Norm == "and" && auxOnly(toks, ms[k].TokEnd, t) {
				return partyOf(m)
			}
			continue
		}
		return p
	}
	return party{}
}

// butPredicate reports a "but" at b that starts a second predicate of its
// clause's subject, a modal or auxiliary right after it and no actor
// between it and the trigger at t.
func butPredicate(toks []nlp.Token, ms []entity.Mention, b, t int) bool {
	if b+1 >= len(toks) || b+1 > t {
		return false
	}
	switch toks[b+1].Norm {
	case "would", "will", "could", "can", "should", "might", "may", "must", "did", "does", "do",
		"has", "had", "have", "was", "were", "is", "are", "also", "then", "not", "never", "still":
	default:
		return false
	}
	for k := range ms {
		if ms[k].Tok > b && ms[k].Tok < t {
			return false
		}
	}
	return true
}

// leftmost returns the first mention of the coordination around ms[k].
func leftmost(ms []entity.Mention, k int, p party) *entity.Mention {
	first := &ms[k]
	for j := k - 1; j >= 0 && len(p.actors) > 1; j-- {
		for _, a := range p.actors {
			if ms[j].Actor.Country == a.Country && ms[j].TokEnd <= first.Tok && first.Tok-ms[j].TokEnd <= 4 {
				first = &ms[j]
			}
		}
	}
	return first
}

// inPrepPhrase reports a preposition (optionally with "the") before token i.
func inPrepPhrase(toks []nlp.Token, i int) bool {
	j := i - 1
	if j >= 0 && toks[j].Norm == "the" {
		j--
	}
	return j >= 0 && subjectPreps.Has(toks[j].Norm)
}

// lastCrossing returns the last token in [from, to) for which stop is
// true, or -1.
func lastCrossing(toks []nlp.Token, from, to int, stop func(*nlp.Token) bool) int {
	for i := to - 1; i >= from && i >= 0; i-- {
		if i < len(toks) && stop(&toks[i]) {
			return i
		}
	}
	return -1
}

// crosses reports whether tokens [from, to) hold a token for which stop is true.
func crosses(toks []nlp.Token, from, to int, stop func(*nlp.Token) bool) bool {
	for i := from; i < to && i < len(toks); i++ {
		if stop(&toks[i]) {
			return true
		}
	}
	return false
}

// objectRight finds the first usable mention after token t in its clause
// whose country differs from the source's.
func objectRight(toks []nlp.Token, ms []entity.Mention, t, last int, src party, attribPlaces bool) party {
	for k := range ms {
		m := &ms[k]
		if m.Tok <= t {
			continue
		}
		if crosses(toks, t+1, m.Tok, func(x *nlp.Token) bool { return boundary(x) || x.Norm == "." }) {
			break
		}
		if m.Tok-t > 25 || m.Tok >= 2 && toks[m.Tok-2].Norm == "as" && (toks[m.Tok-1].Norm == "did" || toks[m.Tok-1].Norm == "had") {
			break // "…, as did Canada": more actors of the same act, not its target
		}
		if appositiveBetween(toks, t+1, m.Tok) {
			break // "struck the port of Odesa, an attack the United Nations condemned"
		}
		if newClauseSubject(toks, m) || participleBetween(toks, t+1, m.Tok) || subordinateBetween(toks, t+1, m.Tok) {
			break // "rejected the demands, and Beijing refused …"; "defended the decision, arguing that …"
		}
		if !usable(m) {
			continue
		}
		if m.Attrib && m.TokEnd < len(toks) && locationHeads[toks[m.TokEnd].Norm] && m.Tok >= 2 && toks[m.Tok-1].Norm == "the" && toks[m.Tok-2].Norm == "to" {
			continue // "escorted her back to the German border": where, not whom
		}
		if m.Attrib && (m.Tok-max(t, last) > 4 || placePrep(toks, m.Tok) && !attribPlaces) && !(m.Tok > 0 && toks[m.Tok-1].Norm == "as") {
			continue // "on the Indonesian island" is no object; "described as Chinese coercion" is
		}
		lo, hi := coordSpan(toks, ms, k, len(toks))
		if spanWithin(ms, lo, hi, src) {
			continue
		}
		return without(spanParty(ms, k, lo, hi), src)
	}
	return party{}
}

// locationHeads are nouns a state adjective names a place with.
var locationHeads = map[string]bool{
	"border": true, "borders": true, "frontier": true, "waters": true, "coast": true, "coastline": true,
	"territory": true, "soil": true, "airspace": true, "side": true, "port": true, "city": true, "capital": true,
}

// without removes the source's countries from p.
func without(p, src party) party {
	kept := 0
	for _, a := range p.actors {
		if !src.hasCountry(a.Country) {
			kept++
		}
	}
	switch kept {
	case 0:
		return party{m: p.m}
	case len(p.actors):
		// Nothing to remove: share p's arrays, full so that appending to
		// either copies.
		return party{actors: p.actors[:kept:kept], texts: p.texts[:kept:kept], m: p.m}
	}
	var q party
	q.m = p.m
	for i, a := range p.actors {
		same := false
		for _, b := range src.actors {
			if a.Country == b.Country {
				same = true
			}
		}
		if !same {
			q.actors = append(q.actors, a)
			q.texts = append(q.texts, p.texts[i])
		}
	}
	return q
}

// mentionRight returns the first usable mention within n tokens after t
// ("…,” said Peskov").
func mentionRight(toks []nlp.Token, ms []entity.Mention, t, n int) party {
	for k := range ms {
		m := &ms[k]
		if m.Tok > t && m.Tok <= t+n && usable(m) && !m.Attrib {
			return coordinated(toks, ms, k, len(toks))
		}
	}
	return party{}
}

// beForms are forms of "to be" that, before a participle, make it passive.
var beForms = map[string]bool{"was": true, "were": true, "been": true, "is": true, "are": true, "be": true, "being": true, "'s": false}

func isPassive(toks []nlp.Token, t int) bool {
	n := toks[t].Norm
	if n == "open" {
		return false // "is open to talks": an adjective, not a participle in -en
	}
	if !strings.HasSuffix(n, "ed") && !strings.HasSuffix(n, "en") && n != "held" && n != "met" && n != "cut" && n != "shut" && n != "told" && n != "led" && n != "sent" && n != "left" && n != "kept" && n != "barred" {
		return false
	}
	// "a ceremony hosted by Trump": a participle before its agent.
	if t+1 < len(toks) && toks[t+1].Norm == "by" {
		return true
	}
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		if beForms[toks[k].Norm] {
			return true
		}
		if !strings.HasSuffix(toks[k].Norm, "ly") && toks[k].Norm != "also" && toks[k].Norm != "reportedly" {
			return false
		}
	}
	return false
}

// agentDet reports a determiner between "by" and its agent.
func agentDet(w string) bool {
	switch w {
	case "the", "his", "her", "its", "their", "a", "an":
		return true
	}
	return false
}

// byAgent returns the mention after "by" following token t.
func byAgent(toks []nlp.Token, ms []entity.Mention, t int) party {
	for k := range ms {
		m := &ms[k]
		if m.Tok <= t || m.Tok-t > 8 || !usable(m) {
			continue
		}
		j := m.Tok - 1
		if j >= 0 && agentDet(toks[j].Norm) {
			j-- // "by the", "by his Turkish counterpart"
		}
		if j >= 0 && toks[j].Norm == "by" {
			return coordinated(toks, ms, k, len(toks))
		}
	}
	return party{}
}

// verbParties finds the source and target of a verbal trigger.
func (c *Coder) verbParties(d Doc, s *nlp.Sentence, ms []entity.Mention, h hit, e *event, prev []event) {
	toks := s.Tokens
	first, last := h.pos[0], h.pos[len(h.pos)-1]
	if isPassive(toks, h.trigger()) {
		e.src = byAgent(toks, ms, last)
		if e.src.empty() && last != h.trigger() {
			// "was welcomed by Kishida … for talks": the agent inside
			// the pattern.
			e.src = byAgent(toks, ms, h.trigger())
		}
		if reducedRelative(toks, h.trigger()) {
			// "a ceremony hosted by Erdoğan": the patient is the noun
			// just before, an actor or nothing.
			e.tgt = mentionJustBefore(ms, h.trigger())
		} else {
			e.tgt = subjectLeft(toks, ms, first)
			if e.tgt.empty() {
				// "Three Russian diplomats were expelled": the pattern's
				// first word inside the subject's mention.
				for k := range ms {
					if ms[k].Tok <= first && first < ms[k].TokEnd && usable(&ms[k]) {
						e.tgt = partyOf(&ms[k])
					}
				}
			}
			if e.tgt.empty() {
				// "Russia's state nuclear company will be left out": the
				// owner named in the passive's subject.
				e.tgt = possessorBefore(toks, ms, first)
			}
		}
		if e.src.empty() {
			// "the ambassador was summoned to the Foreign Ministry"
			e.src = toAgent(toks, ms, last)
		}
		if e.src.empty() {
			// "Prague announced that the Russian staff would be capped":
			// the announcer decides the measure it announces.
			if k := announcerBefore(toks, first); k >= 0 {
				e.src = subjectLeft(toks, ms, k)
			}
		}
		if e.src.empty() && !e.tgt.empty() && h.r.code.Code == "161" && recallVerb(toks[h.trigger()].Norm) && (envoyMention(toks, e.tgt.m) || envoyNoun(toks[first].Norm)) {
			// "Russia's ambassador was recalled", "its envoy had been
			// called home": his own state withdrew him from the host, the
			// place named or the text's other party.
			own := e.tgt.actors[0].Country
			e.src, e.tgt = e.tgt, party{}
			for _, pl := range d.Ann.SentencePlaces(s.Index) {
				if pl.Country != "" && pl.Country != own {
					// "France's ambassador to Australia", "… from Canberra"
					e.tgt = party{actors: []entity.Actor{{Country: pl.Country, Sector: "GOV"}}, texts: []string{pl.Text}}
					break
				}
			}
			if other := otherParty(d.Ann.Parties, own); e.tgt.empty() && other != "" {
				e.tgt = party{actors: []entity.Actor{{Country: other, Sector: "GOV"}}, texts: []string{""}}
			}
			return
		}
		if e.src.empty() {
			// "60 diplomats were expelled" names no agent.
			e.src, e.tgt = party{}, party{}
		}
		if h.r.code.Code == "045" && !e.src.empty() {
			// "Saudi Arabia and Iran, in talks mediated by China":
			// the mediator acts on the parties.
			e.tgt = sentenceSubject(toks, ms, first)
		}
		return
	}
	// "…, an attack the United Nations quickly condemned": a relative
	// clause without "that" whose object is the noun before its subject;
	// the act is aimed at the main clause's subject.
	if src, tgt, ok := objectRelative(toks, ms, first); ok {
		e.src, e.tgt = src, tgt
		return
	}
	// "…, adding that …": the participle shares the main clause's subject.
	if strings.HasSuffix(toks[first].Norm, "ing") && first > 0 && toks[first-1].Norm == "," {
		if len(prev) > 0 {
			e.src = prev[len(prev)-1].src
		} else {
			e.src = sentenceSubject(toks, ms, first)
		}
	}
	// "…, with Moscow insisting on shorter extensions": the subject of an
	// absolute clause.
	if e.src.empty() && strings.HasSuffix(toks[first].Norm, "ing") {
		if m := mentionEndingAt(ms, first); m != nil && usable(m) && m.Tok > 0 && toks[m.Tok-1].Norm == "with" {
			e.src = partyOf(m)
		}
	}
	// "any attempt by China to invade Taiwan": the agent before "to".
	if e.src.empty() && first > 1 && toks[first-1].Norm == "to" {
		if m := mentionEndingAt(ms, first-1); m != nil && usable(m) && m.Tok > 0 && toks[m.Tok-1].Norm == "by" {
			e.src = partyOf(m)
		}
	}
	// "Belarus's decision to close the border": the possessor decides.
	if e.src.empty() && first > 1 && toks[first-1].Norm == "to" && decisionNouns[toks[first-2].Norm] {
		if m := mentionEndingAt(ms, first-2); m == nil {
			for k := range ms {
				if ms[k].Possessive && ms[k].TokEnd+1 == first-2 && usable(&ms[k]) {
					e.src = partyOf(&ms[k])
				}
			}
		}
	}
	// "summoned the U.S. ambassador to protest …": an infinitive after
	// another act shares that act's subject.
	if e.src.empty() && len(prev) > 0 && first > 0 && toks[first-1].Norm == "to" && !complementNoun(toks, first-1) {
		e.src = prev[len(prev)-1].src
	}
	// "X imposed sanctions on Y and provided aid to Z"
	if e.src.empty() && len(prev) > 0 && !prev[len(prev)-1].h.r.pat.Flags.Noun && !prev[len(prev)-1].nominal {
		// (not after a noun inside an object: "raised North Korea's
		// military cooperation with Russia and urged Beijing …")
		p := prev[len(prev)-1]
		pl := p.h.pos[len(p.h.pos)-1]
		// Not after a passive: "Iran, in talks mediated by China,
		// agreed …" is Iran's act.
		if pl < first && andBetween(toks, ms, pl, first) && !isPassive(toks, p.h.trigger()) {
			e.src = p.src
		}
	}
	if e.src.empty() {
		e.src = subjectLeft(toks, ms, first)
	}
	// "…,” said Peskov": the speaker after the verb, only where the
	// attribution is inverted ("which emphasized support for Ukraine" has
	// no speaker after it).
	if e.src.empty() && first > 0 && (toks[first-1].Kind == nlp.Quote || toks[first-1].Norm == "," && h.r.pat.Flags.Speech) {
		e.src = mentionRight(toks, ms, last, 4)
	}
	// The object may share words with the pattern ("expelled 35 Russian
	// diplomats"), so it is sought from the trigger on.
	// "lifted sanctions on Venezuelan oil": after a measure, "on" takes
	// the state's adjective as its object, not as a place.
	e.tgt = objectRight(toks, ms, h.trigger(), h.pos[len(h.pos)-1], e.src, h.r.code.Root >= "15" || h.r.code.Root == "08")
}

// placeTarget returns the country of the place named after token t and
// soon after token last, the pattern's last word ("airstrikes on targets
// in Syria", "visited Moscow", "recalled its ambassador to Guyana for
// consultations").
func placeTarget(ann *entity.Annotations, s *nlp.Sentence, t, last int, src party) party {
	if p := placeAfter(ann, s, t); p != nil && p.Tok-last <= 8 {
		q := party{actors: []entity.Actor{{Country: p.Country, Sector: "GOV"}}, texts: []string{p.Text}}
		return without(q, src)
	}
	return party{}
}

// toAgent returns the institution after "to" following token t: the
// summoner in "was summoned to the Foreign Ministry".
func toAgent(toks []nlp.Token, ms []entity.Mention, t int) party {
	for k := range ms {
		m := &ms[k]
		if m.Tok <= t || m.Tok-t > 4 || !usable(m) || m.Kind != entity.Institution {
			continue
		}
		j := m.Tok - 1
		if j >= 0 && toks[j].Norm == "the" {
			j--
		}
		if j >= 0 && toks[j].Norm == "to" {
			return partyOf(m)
		}
	}
	return party{}
}

// andBetween reports an "and" between tokens a and b with no usable
// mention after it: the second verb of "X did A and did B".
func andBetween(toks []nlp.Token, ms []entity.Mention, a, b int) bool {
	// "declared him persona non grata, recalled its ambassador and froze
	// trade": a list of past-tense predicates.
	if b > a+1 && toks[b-1].Norm == "," && isLowerWord(toks[b].Text) && strings.HasSuffix(toks[b].Norm, "ed") && !crosses(toks, a+1, b, boundary) {
		return true
	}
	and := -1
	for i := a + 1; i < b; i++ {
		if toks[i].Norm == "and" {
			and = i
		}
		if boundary(&toks[i]) {
			return false
		}
	}
	if and < 0 {
		return false
	}
	for k := range ms {
		if ms[k].Tok > and && ms[k].Tok < b && usable(&ms[k]) && !ms[k].Possessive {
			return false
		}
	}
	return true
}

// sentenceSubject returns the first usable mention of a sentence that is
// not inside a prepositional phrase, before token t.
func sentenceSubject(toks []nlp.Token, ms []entity.Mention, t int) party {
	for k := range ms {
		m := &ms[k]
		if m.Tok >= t {
			break
		}
		if !usable(m) || m.Possessive || m.Attrib || inPrepPhrase(toks, m.Tok) {
			continue // "In a note to the US embassy, the Foreign Ministry …"
		}
		return coordinated(toks, ms, k, t)
	}
	return party{}
}

// determiners that make a noun phrase definite: it refers back to an event
// the text already reported.
var definiteDets = map[string]bool{
	"the": true, "this": true, "these": true, "that": true, "those": true, "its": true,
	"their": true, "his": true, "her": true, "our": true, "such": true, "both": true,
}

// nounParties finds the participants of a nominal trigger. It reports
// false when the noun refers back to an event reported before, or names no
// participant and is not introduced as a new event.
func (c *Coder) nounParties(d Doc, s *nlp.Sentence, ms []entity.Mention, h hit, e *event) bool {
	toks := s.Tokens
	t, last := h.pos[0], h.pos[len(h.pos)-1]
	if t > 0 && domesticNouns[toks[t-1].Norm] {
		return false // "a cabinet meeting", "a press conference"
	}
	if last+1 < len(toks) && modifiedHeads[toks[last+1].Norm] && (h.r.code.Root == "04" || h.r.code.Root == "05") {
		return false // "the cooperation forum", "a dialogue mechanism"
	}
	// Premodifiers: walk back over adjectives, numbers, dates and actor
	// mentions ("a February 12 phone call", "Russia’s invasion",
	// "U.S.-Russia talks", "a series of tit-for-tat measures").
	det := ""
	var pre party
	for j := range ms {
		if ms[j].Tok < t && ms[j].TokEnd > t && usable(&ms[j]) {
			pre.add(&ms[j]) // "Iranian missile strikes": the group the noun is part of
		}
	}
	k := t - 1
	for k >= 0 && t-k <= 8 {
		tk := &toks[k]
		if m := mentionEndingAt(ms, k+1); m != nil && usable(m) {
			pre.add(m)
			if m.Possessive && det == "" && backRef(toks, m.TokEnd, t) {
				det = "def" // "Moscow's summer demand"
			}
			k = m.Tok - 1
			continue
		}
		n := tk.Norm
		if n == "'s" || n == "-" || n == "–" {
			k--
			continue
		}
		if plannedAdj[n] {
			e.status = record.StatusPlanned // "a planned visit"
		}
		if definiteDets[n] {
			det = "def"
			if (n == "its" || n == "their") && pre.empty() {
				// "after its invasion of Ukraine": the state named last.
				if m := lastAgentBefore(ms, k); m != nil {
					pre = partyOf(m)
				}
			}
			break
		}
		if n == "a" || n == "an" || n == "another" {
			det = "indef"
			break
		}
		if n == "no" || n == "any" || n == "neither" || n == "without" {
			return false // "no new talks", "any talks"
		}
		if n == "of" && k > 0 {
			switch toks[k-1].Norm {
			case "series", "round", "wave", "number", "string", "spate", "rounds", "package", "raft", "set", "batch", "new", "fresh":
				k -= 2
				continue
			}
			break
		}
		if tk.Kind == nlp.Number || (tk.Kind == nlp.Word && isLowerWord(tk.Text) && !functionWords.Has(n)) || isMonth(n) {
			k--
			continue
		}
		break
	}
	if det == "" && k >= 0 && toks[k].Norm == "'s" {
		det = "def"
	}
	// Postmodifiers: "between X and Y", "with X", "of X", "on X", "by X".
	var src, tgt party
	if !pre.empty() {
		src = pre
	}
	end := last + 12
	for j := range ms {
		m := &ms[j]
		if m.Tok <= t || m.Tok > end || !usable(m) {
			continue
		}
		p := m.Tok - 1
		for p > t && p >= m.Tok-3 && !subjectPreps.Has(toks[p].Norm) && (toks[p].Norm == "the" || toks[p].Kind == nlp.Number || isLowerWord(toks[p].Text) && !functionWords.Has(toks[p].Norm)) {
			p-- // "of 23 Russian diplomats", "on the Russian embassy"
		}
		if p < 0 || p < t || p-last > 3 {
			continue // the phrase belongs to a later noun ("… following Russia's invasion of Ukraine")
		}
		if crosses(toks, t+1, m.Tok, func(x *nlp.Token) bool { return boundary(x) || x.Norm == "." || x.Norm == "," }) {
			break
		}
		switch toks[p].Norm {
		case "between", "among":
			src = coordinated(toks, ms, j, len(toks))
			if len(src.actors) >= 2 {
				tgt = party{actors: src.actors[1:], texts: src.texts[1:]}
				src = party{actors: src.actors[:1:1], texts: src.texts[:1:1], m: src.m}
				e.reciprocal = true
				e.group = true
			}
		case "with", "of", "on", "against", "to", "toward", "towards", "over", "around", "near", "off", "into":
			if tgt.empty() {
				tgt = partyOf(m)
			}
		case "by", "from":
			if toks[p].Norm == "from" && m.Possessive && ownedPost(toks, m.TokEnd) {
				// "the expulsion of ten officials from Russia's mission":
				// the mission's owner is acted on.
				if tgt.empty() {
					tgt = partyOf(m)
				}
				break
			}
			if p-1 > last && agentParticiples[toks[p-1].Norm] {
				break // "talks mediated by Qatar": the mediator, not the talks' party
			}
			if src.empty() || !pre.empty() && pre.m == nil {
				src = coordinated(toks, ms, j, len(toks))
			}
		}
		if !src.empty() && !tgt.empty() {
			break
		}
	}
	if src.empty() {
		// "The expulsion of ten officials … was ordered by the State
		// Department": the agent of the passive the noun is subject of.
		if v := passiveAfter(toks, last); v > 0 {
			src = byAgent(toks, ms, v)
		}
	}
	if tgt.empty() && h.r.pat.Flags.PlaceTarget {
		if p := placeAfter(d.Ann, s, t); p != nil && p.Tok-last <= 4 {
			tgt = party{actors: []entity.Actor{{Country: p.Country, Sector: "GOV"}}, texts: []string{p.Text}}
		}
	}
	if src.empty() && !e.nominal && (det != "def" || !tgt.empty()) && !afterPrep(toks, k) &&
		!(h.r.code.Root >= "14" && causePrepBefore(toks, k)) {
		// "May announced the expulsion of 23 Russian diplomats": the
		// subject of the clause is the actor.
		src = subjectLeft(toks, ms, t)
	}
	if !src.empty() && !tgt.empty() {
		tgt = without(tgt, src)
	}
	root := h.r.code.Root
	// "the first visit by the emir to the kingdom": a contact that names
	// both its parties after it is reported, not referred back to.
	explicit := root == "04" && pre.empty() && !src.empty() && !tgt.empty() && src.m != nil && src.m.Tok > last
	if det == "def" && (root == "04" && !explicit || src.empty() && tgt.empty()) {
		return false
	}
	if det == "indef" && k >= 1 && toks[k-1].Norm == "," && last+1 < len(toks) && mentionStartingAt(ms, last+1, toks) {
		// "…, a demand Ottawa treated as a call to retract": the noun
		// sums up the clause before and heads a relative clause.
		return false
	}
	if det == "def" && k >= 1 && toks[k-1].Norm == "," && !afterPrep(toks, k) && !explicit {
		// "…, the largest collective expulsion of Russian intelligence
		// officers in history": an apposition sums up the clause before.
		return false
	}
	if h.r.code.Root == "04" && src.empty() && !tgt.empty() && k >= 1 && (toks[k-1].Norm == "in" || toks[k-1].Norm == "during") {
		// "In a phone call with his Turkish counterpart, the Greek
		// foreign minister …": the subject after the fronted phrase.
		if c := commaAfter(toks, last); c > 0 {
			src = without(subjectAfter(toks, ms, c), tgt)
		}
	}
	if h.r.code.Code == "042" && pre.empty() && k >= 1 && (toks[k-1].Norm == "during" || toks[k-1].Norm == "on") {
		// "urged South Korean officials to reverse course during a visit
		// to Seoul": the visitor is the clause's subject, not its object;
		// the place visited is the target.
		if tgt.empty() {
			if p := placeAfter(d.Ann, s, t); p != nil && p.Tok-last <= 4 {
				tgt = party{actors: []entity.Actor{{Country: p.Country, Sector: "GOV"}}, texts: []string{p.Text}}
			}
		}
		if subj := without(sentenceSubject(toks, ms, t), tgt); !subj.empty() && !tgt.empty() {
			src = subj
		}
	}
	if h.r.code.Root == "04" && src.empty() && !e.nominal && !(k >= 1 && toks[k-1].Norm == "at") {
		// "Tillerson informed Lavrov of the decision in a telephone
		// call": the contact is between the clause's subject and object.
		if subj := subjectLeft(toks, ms, t); !subj.empty() {
			obj := tgt
			if obj.empty() && subj.m != nil {
				obj = objectBetween(toks, ms, subj.m.TokEnd, t, subj)
			}
			if !obj.empty() {
				src, tgt = subj, obj
			}
		}
	}
	if e.nominal && (src.empty() || tgt.empty()) {
		// A verb used as a noun names its event only with both parties:
		// "at Macron's request" is no appeal to anyone.
		return false
	}
	if src.empty() && tgt.empty() {
		if det != "indef" || k >= 1 && (subjectPreps.Has(toks[k-1].Norm) || toks[k-1].Norm == "during") ||
			h.r.code.Root >= "14" && causePrepBefore(toks, k) {
			// Only a new event introduced as such ("follows a February 12
			// phone call") stands for the text's parties; "at a meeting in
			// Brussels" names no one.
			return false
		}
		p := d.Ann.Parties
		if p[0] == "" || p[1] == "" {
			return false
		}
		src = party{actors: []entity.Actor{{Country: p[0], Sector: "GOV"}}, texts: []string{""}}
		tgt = party{actors: []entity.Actor{{Country: p[1], Sector: "GOV"}}, texts: []string{""}}
	}
	if det == "def" && tgt.empty() && !e.nominal && root != "04" {
		// "the US expulsions", "Moscow's summer demand": an act named
		// by its author alone refers back to one the text reported.
		return false
	}
	if src.empty() && !isMeasure(root) {
		// "security threats to Indian diplomats": a threat, demand or
		// complaint needs its author named.
		return false
	}
	if src.empty() {
		// "sanctions on Russia": the imposer is the text's other party.
		other := otherParty(d.Ann.Parties, tgt.actors[0].Country)
		if other == "" {
			return false
		}
		src = party{actors: []entity.Actor{{Country: other, Sector: "GOV"}}, texts: []string{""}}
	}
	if len(src.actors) >= 2 && tgt.empty() && h.r.pat.Flags.Sym {
		tgt = party{actors: src.actors[1:], texts: src.texts[1:]}
		src = party{actors: src.actors[:1:1], texts: src.texts[:1:1], m: src.m}
		e.reciprocal = true
		e.group = true
	}
	if tgt.empty() && !src.empty() && h.r.code.Code == "045" {
		// "Saudi Arabia and Israel have been negotiating a deal brokered
		// by Washington": the mediator acts on the clause's subject.
		tgt = without(sentenceSubject(toks, ms, t), src)
	}
	if tgt.empty() && !src.empty() && reactionBefore(toks, t) {
		// "Tehran hanged a dual national, drawing criticism from London":
		// the reaction is aimed at the main clause's subject.
		tgt = without(sentenceSubject(toks, ms, t), src)
	}
	if tgt.empty() && !src.empty() {
		// "prompting condemnation from Seoul and Tokyo": aimed at the
		// text's main party.
		if other := otherParty(d.Ann.Parties, src.actors[0].Country); other != "" && isVerbal(h.r.code.Root) {
			tgt = party{actors: []entity.Actor{{Country: other, Sector: "GOV"}}, texts: []string{""}}
		}
	}
	e.src, e.tgt = src, tgt
	return true
}

// otherParty returns the party of the text that c is not: the other of
// the two when c is one of them, else the main one ("Washington condemned
// the move" in a text about Russia and Ukraine).
func otherParty(p [2]string, c string) string {
	if c != p[0] && c != p[1] {
		return p[0]
	}
	return entity.OtherParty(p, c)
}

func mentionEndingAt(ms []entity.Mention, end int) *entity.Mention {
	for k := range ms {
		if ms[k].TokEnd == end {
			return &ms[k]
		}
	}
	return nil
}

func isLowerWord(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return c >= 'a' && c <= 'z'
}

func isMonth(n string) bool {
	switch n {
	case "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.":
		return true
	}
	return false
}

// defaultTarget finds the addressee of a statement that names none: a
// state mentioned after the trigger, else the text's other party, else a
// state mentioned before it.
func (c *Coder) defaultTarget(ann *entity.Annotations, src party, ms []entity.Mention, s *nlp.Sentence, t int) party {
	if src.empty() {
		return party{}
	}
	for k := range ms {
		if ms[k].Tok > t && usable(&ms[k]) {
			if crosses(s.Tokens, t+1, ms[k].Tok, boundary) || newClauseSubject(s.Tokens, &ms[k]) {
				break
			}
			if ms[k].Kind == entity.Body && ms[k].Tok > t+4 {
				continue // a body further on is a venue or a forum: "… a complaint at the WTO"
			}
			if p := partyWithout(&ms[k], src); !p.empty() {
				return p
			}
		}
	}
	if other := otherParty(ann.Parties, src.actors[0].Country); other != "" {
		return party{actors: []entity.Actor{{Country: other, Sector: "GOV"}}, texts: []string{""}}
	}
	for k := range ms {
		if ms[k].Tok < t && usable(&ms[k]) && ms[k].Kind != entity.Body {
			if p := partyWithout(&ms[k], src); !p.empty() {
				return p
			}
		}
	}
	// A state named only as a place: "citizens detained in China".
	for _, pl := range ann.SentencePlaces(s.Index) {
		if !src.hasCountry(pl.Country) {
			return party{actors: []entity.Actor{{Country: pl.Country, Sector: "GOV"}}, texts: []string{pl.Text}}
		}
	}
	return party{}
}

// placeAfter returns the first place after token t in sentence s.
func placeAfter(ann *entity.Annotations, s *nlp.Sentence, t int) *entity.Place {
	for _, p := range ann.SentencePlaces(s.Index) {
		if p.Tok > t {
			p := p
			return &p
		}
	}
	return nil
}

// functionWords end a noun's premodifiers: prepositions, conjunctions,
// auxiliaries, pronouns and common verbs.
var functionWords = nlp.NewWordSet(map[string]bool{
	"in": true, "on": true, "at": true, "to": true, "for": true, "with": true, "by": true,
	"from": true, "and": true, "or": true, "as": true, "into": true, "that": true, "which": true,
	"who": true, "is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "be": true, "been": true, "will": true, "would": true, "could": true, "can": true,
	"may": true, "might": true, "should": true, "must": true, "it": true, "they": true, "he": true,
	"she": true, "we": true, "not": true, "no": true, "amid": true, "after": true, "before": true,
	"during": true, "following": true, "over": true, "under": true, "about": true, "against": true,
	"between": true, "since": true, "until": true, "than": true, "if": true, "but": true, "so": true,
	"engage": true, "held": true, "hold": true, "said": true, "says": true, "say": true,
	"including": true, "like": true, "via": true, "without": true, "within": true,
	"through": true, "throughout": true, "toward": true, "towards": true, "onto": true,
	"upon": true, "beyond": true, "despite": true, "per": true, "among": true, "across": true,
	"maintaining": true, "keeping": true, "using": true, "seeking": true,
})

// mentionedTarget returns a state the sentence names other than the
// source's, preferring one after the source.
func (c *Coder) mentionedTarget(src party, ms []entity.Mention, s *nlp.Sentence) party {
	if src.empty() {
		return party{}
	}
	for k := range ms {
		if usable(&ms[k]) && ms[k].Kind != entity.Collective {
			if p := partyWithout(&ms[k], src); !p.empty() {
				return p
			}
		}
	}
	return party{}
}

// placePrep reports a place preposition before token i (skipping "the").
func placePrep(toks []nlp.Token, i int) bool {
	j := i - 1
	if j >= 0 && toks[j].Norm == "the" {
		j--
	}
	if j < 0 {
		return false
	}
	switch toks[j].Norm {
	case "in", "on", "at", "near", "across", "inside", "outside", "around":
		return true
	}
	return false
}

// afterPrep reports whether the noun phrase that ends its premodifiers at
// token k is the object of a preposition ("for consultations").
func afterPrep(toks []nlp.Token, k int) bool {
	for j := k; j >= 0 && j >= k-1; j-- {
		n := toks[j].Norm
		if definiteDets[n] || n == "a" || n == "an" {
			continue
		}
		return subjectPreps.Has(n) || n == "for"
	}
	return false
}

// causePrepBefore reports a preposition of time or cause before the
// determiner at k: "suspended its participation after a drone attack on
// its fleet" names the clause's subject as the one attacked, not the
// attacker.
func causePrepBefore(toks []nlp.Token, k int) bool {
	for j := k; j >= 0 && j >= k-1; j-- {
		switch toks[j].Norm {
		case "a", "an", "the", "another":
			continue
		case "after", "following", "amid", "over", "despite", "since", "before":
			return true
		}
		return false
	}
	return false
}

// reducedRelative reports a participle with its agent but no form of "to
// be" before it: "a ceremony hosted by Erdoğan".
func reducedRelative(toks []nlp.Token, t int) bool {
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		if beForms[toks[k].Norm] {
			return false
		}
	}
	return true
}

// mentionJustBefore returns the usable mention that ends right before
// token t (allowing a comma), or an empty party.
func mentionJustBefore(ms []entity.Mention, t int) party {
	for k := range ms {
		if (ms[k].TokEnd == t || ms[k].TokEnd == t-1) && usable(&ms[k]) && !ms[k].Attrib {
			return partyOf(&ms[k])
		}
	}
	return party{}
}

// plannedAdj before a noun say its event has not happened yet.
var plannedAdj = map[string]bool{
	"planned": true, "proposed": true, "possible": true, "potential": true, "future": true,
	"expected": true, "upcoming": true, "scheduled": true, "prospective": true, "would-be": true,
}

// relativeClauseBefore returns the token span [start, end) of a
// parenthetical relative clause that ends just before token t (", which
// borders both countries,"), or an empty span.
func relativeClauseBefore(toks []nlp.Token, t int) (int, int) {
	end := t - 1
	for end >= 0 && toks[end].Norm != "," {
		if boundary(&toks[end]) || t-end > 3 {
			return -1, -1
		}
		end--
	}
	if end < 0 {
		return -1, -1
	}
	for k := end - 1; k > 0 && k >= end-20; k-- {
		switch toks[k].Norm {
		case "which", "who", "whose", "whom":
			if toks[k-1].Norm == "," {
				return k, end + 1
			}
			return -1, -1
		case ",":
			// "Netanyahu, in a telephone call brokered by visiting U.S.
			// President Barack Obama, apologised", "Trump, speaking in
			// Hanoi after his summit with Kim, said": the phrase between
			// the commas holds no subject.
			if k+1 < end && interruption(&toks[k+1]) {
				return k + 1, end + 1
			}
			return -1, -1
		case ";":
			return -1, -1
		}
	}
	return -1, -1
}

// interruption reports a word that opens a phrase set off by commas
// between a subject and its verb: a preposition or a participle.
func interruption(t *nlp.Token) bool {
	switch t.Norm {
	case "in", "at", "during", "after", "before", "on", "with", "speaking", "writing", "according":
		return true
	}
	return isLowerWord(t.Text) && len(t.Norm) > 5 && (strings.HasSuffix(t.Norm, "ing") || strings.HasSuffix(t.Norm, "ed"))
}

// lastAgentBefore returns the last state, institution or body mentioned
// before token k, the antecedent of a possessive "its".
func lastAgentBefore(ms []entity.Mention, k int) *entity.Mention {
	for j := len(ms) - 1; j >= 0; j-- {
		m := &ms[j]
		if m.TokEnd <= k && !m.Attrib && usable(m) && (m.Kind == entity.State || m.Kind == entity.Institution || m.Kind == entity.Body) {
			return m
		}
	}
	return nil
}

// objectBetween returns the first usable mention in tokens [from, to)
// whose country differs from src's: a verb's object before a later noun.
func objectBetween(toks []nlp.Token, ms []entity.Mention, from, to int, src party) party {
	for k := range ms {
		m := &ms[k]
		if m.Tok < from || m.TokEnd > to || !usable(m) || m.Attrib {
			continue
		}
		if p := partyWithout(m, src); !p.empty() {
			return p
		}
	}
	return party{}
}

// appositiveBetween reports a comma followed by an article or a relative
// pronoun in tokens [from, to): a new phrase about the object, not the
// object's continuation.
func appositiveBetween(toks []nlp.Token, from, to int) bool {
	for i := from; i+1 < to; i++ {
		if toks[i].Norm != "," {
			continue
		}
		switch toks[i+1].Norm {
		case "a", "an", "which", "who", "whose":
			return true
		}
	}
	return false
}

// reactionBefore reports a participle of reaction just before a noun:
// ", drawing criticism", ", prompting condemnation".
func reactionBefore(toks []nlp.Token, t int) bool {
	for k := t - 1; k >= 0 && k >= t-4; k-- {
		switch toks[k].Norm {
		case "drawing", "prompting", "sparking", "triggering", "provoking", "earning", "attracting", "drew", "prompted", "sparked", "triggered", "provoked":
			return true
		}
	}
	return false
}

// agentParticiples take a "by" agent of their own inside a noun phrase.
var agentParticiples = map[string]bool{
	"mediated": true, "brokered": true, "hosted": true, "chaired": true, "organized": true,
	"organised": true, "sponsored": true, "facilitated": true, "convened": true, "led": true,
}

// passiveAfter returns the participle of a passive verb ("was ordered by")
// that follows the noun phrase ending at token last in the same clause, or 0.
func passiveAfter(toks []nlp.Token, last int) int {
	for k := last + 1; k+2 < len(toks) && k <= last+12; k++ {
		n := toks[k].Norm
		if n == "," || n == ";" || n == "." || n == "that" || n == "which" || n == "who" || n == "and" {
			return 0
		}
		if n == "was" || n == "were" {
			v := k + 1
			if strings.HasSuffix(toks[v].Norm, "ly") && v+2 < len(toks) {
				v++
			}
			if toks[v+1].Norm == "by" && isPassive(toks, v) {
				return v
			}
			return 0
		}
	}
	return 0
}

// postNouns are what a state owns abroad or at home that a measure can
// remove people from: "from Russia's mission".
var postNouns = map[string]bool{
	"embassy": true, "embassies": true, "mission": true, "missions": true, "consulate": true,
	"consulates": true, "legation": true, "territory": true, "soil": true, "delegation": true,
}

// ownedPost reports whether a post noun follows within three tokens of i
// ("'s diplomatic mission").
func ownedPost(toks []nlp.Token, i int) bool {
	for k := i; k < len(toks) && k < i+4; k++ {
		if postNouns[toks[k].Norm] {
			return true
		}
	}
	return false
}

// didWords are the auxiliaries of a comparative ellipsis: "as did", "as
// have", "as will".
var didWords = map[string]bool{
	"did": true, "do": true, "does": true, "has": true, "have": true, "had": true,
	"was": true, "were": true, "is": true, "are": true, "will": true, "would": true,
}

// alsoDid returns the parties of a comparative ellipsis after the
// trigger at token t, in the trigger's own clause ("…, as did Canada and
// Ukraine"), and the index of its "as". The party is empty when the
// sentence has none.
func alsoDid(toks []nlp.Token, ms []entity.Mention, t int) (party, int) {
	for i := t + 1; i+2 < len(toks); i++ {
		if boundary(&toks[i]) {
			break
		}
		if toks[i].Norm != "as" || toks[i-1].Norm != "," || !didWords[toks[i+1].Norm] {
			continue
		}
		for k := range ms {
			if ms[k].Tok == i+2 && usable(&ms[k]) {
				return coordinated(toks, ms, k, len(toks)), i
			}
		}
		break
	}
	return party{}, 0
}

// asDid reports a comparative ellipsis anywhere in a sentence: ", as"
// followed by an auxiliary.
func asDid(toks []nlp.Token) bool {
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Norm == "as" && toks[i-1].Norm == "," && didWords[toks[i+1].Norm] {
			return true
		}
	}
	return false
}

// mentionsBefore returns the mentions that start before token i.
func mentionsBefore(ms []entity.Mention, i int) []entity.Mention {
	for k := range ms {
		if ms[k].Tok >= i {
			return ms[:k]
		}
	}
	return ms
}

// relativeHeads are nouns that a clause without "that" comments on:
// "an attack the UN condemned", "a move Beijing called provocative".
var relativeHeads = map[string]bool{
	"attack": true, "attacks": true, "move": true, "moves": true, "decision": true,
	"step": true, "steps": true, "strike": true, "strikes": true, "measure": true,
	"measures": true, "action": true, "actions": true, "deal": true, "agreement": true,
	"visit": true, "trip": true, "test": true, "launch": true, "incident": true,
	"raid": true, "policy": true, "plan": true, "proposal": true, "offer": true,
	"law": true, "ban": true, "sanctions": true, "expulsion": true, "expulsions": true,
}

// objectRelative reads "<main clause>, a move <subject> <verb at t>": it
// returns the relative clause's subject as source and the main clause's
// subject as target.
func objectRelative(toks []nlp.Token, ms []entity.Mention, t int) (src, tgt party, ok bool) {
	j := t
	for j > 0 && strings.HasSuffix(toks[j-1].Norm, "ly") && isLowerWord(toks[j-1].Text) {
		j-- // "quickly condemned"
	}
	k := -1
	for i := range ms {
		if ms[i].TokEnd == j || ms[i].TokEnd < j && ms[i].TokEnd+4 >= j && unnamedConjunct(toks, ms[i].TokEnd, j) {
			k = i
		}
	}
	if k < 0 || !usable(&ms[k]) || ms[k].Possessive {
		return party{}, party{}, false
	}
	// The head noun before the subject (and the mentions joined to it),
	// checked before building any party.
	first := k
	for first > 0 && usable(&ms[first-1]) && conj(toks, ms[first-1].TokEnd, ms[first].Tok) {
		first--
	}
	start := ms[first].Tok
	if start > 0 && toks[start-1].Norm == "the" {
		start--
	}
	h := start - 1
	if h < 2 || !relativeHeads[toks[h].Norm] {
		return party{}, party{}, false
	}
	src = coordinated(toks, ms, k, t)
	d := h - 1
	for d > 0 && h-d < 3 && isLowerWord(toks[d].Text) && !definiteDets[toks[d].Norm] && toks[d].Norm != "a" && toks[d].Norm != "an" {
		d-- // "an unprovoked attack"
	}
	if toks[d].Norm != "a" && toks[d].Norm != "an" && toks[d].Norm != "the" || d < 1 || toks[d-1].Norm != "," {
		return party{}, party{}, false
	}
	tgt = without(sentenceSubject(toks, ms, d-1), src)
	return src, tgt, !tgt.empty()
}

// unnamedConjunct reports tokens [from, to) that add a party no actor
// names: "and Western governments", "and its allies".
func unnamedConjunct(toks []nlp.Token, from, to int) bool {
	if toks[from].Norm != "and" || to-from < 2 {
		return false
	}
	for i := from + 1; i < to; i++ {
		if toks[i].Kind != nlp.Word || functionWords.Has(toks[i].Norm) {
			return false
		}
	}
	return true
}

// newClauseSubject reports a mention that starts a new clause after ",
// and" or ", but" as its subject: "…, and Beijing refused to take part".
func newClauseSubject(toks []nlp.Token, m *entity.Mention) bool {
	i := m.Tok - 1
	if i >= 0 && toks[i].Norm == "the" {
		i--
	}
	if i < 1 || toks[i-1].Norm != "," || toks[i].Norm != "and" && toks[i].Norm != "but" && toks[i].Norm != "yet" {
		return false
	}
	e := m.TokEnd
	return e < len(toks) && toks[e].Kind == nlp.Word && isLowerWord(toks[e].Text) && !functionWords.Has(toks[e].Norm) || e < len(toks) && clauseAux[toks[e].Norm]
}

// clauseAux are auxiliaries that follow a clause's subject.
var clauseAux = map[string]bool{
	"has": true, "have": true, "had": true, "was": true, "were": true, "is": true, "are": true,
	"will": true, "would": true, "could": true, "can": true, "did": true, "does": true, "may": true,
	"might": true, "must": true, "should": true, "said": true, "says": true,
}

// decisionVerbs announce a state's own decision.
var decisionVerbs = map[string]bool{
	"announced": true, "announces": true, "decided": true, "declared": true, "ordered": true,
	"confirmed": true, "said": true, "says": true, "stated": true,
}

// announcerBefore returns the index of a verb of announcing whose "that"
// clause holds token t ("announced on April 22 that the number of …
// would be capped"), or -1.
func announcerBefore(toks []nlp.Token, t int) int {
	for k := t - 1; k >= 0 && k >= t-20; k-- {
		if toks[k].Norm == "that" {
			for v := k - 1; v >= 0 && v >= k-6; v-- {
				if decisionVerbs[toks[v].Norm] {
					return v
				}
			}
			return -1
		}
		if decisionVerbs[toks[k].Norm] && k > 0 && toks[k-1].Kind == nlp.Word && k+1 < len(toks) && toks[k+1].Kind == nlp.Word {
			return k // "He said aircraft carrying Dutch diplomats would be barred"
		}
		if wishVerbs[toks[k].Norm] {
			return -1 // "said it hoped French officials would be indicted"
		}
		if boundary(&toks[k]) || toks[k].Norm == "." || toks[k].Kind == nlp.Quote {
			return -1
		}
	}
	return -1
}

// wishVerbs report what a speaker wants or thinks, not what it decides.
var wishVerbs = map[string]bool{
	"hoped": true, "hopes": true, "wants": true, "wanted": true, "expects": true, "expected": true,
	"believes": true, "believed": true, "feared": true, "fears": true, "thinks": true, "thought": true,
	"wished": true, "asked": true, "urged": true, "demanded": true, "suggested": true, "proposed": true,
}

// participleBetween reports a participle clause opening in [from, to):
// ", arguing that …", ", citing …".
func participleBetween(toks []nlp.Token, from, to int) bool {
	for i := from; i+1 < to; i++ {
		if toks[i].Norm == "," && isLowerWord(toks[i+1].Text) && strings.HasSuffix(toks[i+1].Norm, "ing") && len(toks[i+1].Norm) > 5 {
			return true
		}
	}
	return false
}

// domesticNouns before a meeting noun make it a meeting inside one state.
var domesticNouns = map[string]bool{
	"cabinet": true, "party": true, "press": true, "news": true, "board": true,
	"parliamentary": true, "internal": true, "staff": true, "family": true,
}

// modifiedHeads after a cooperation noun make it a modifier: "the
// cooperation forum", "the dialogue mechanism".
var modifiedHeads = map[string]bool{
	"forum": true, "format": true, "mechanism": true, "council": true, "framework": true,
	"platform": true, "agreement": true, "programme": true, "program": true, "fund": true,
	"zone": true, "organization": true, "organisation": true, "group": true, "body": true,
}

// mentionStartingAt reports a usable mention that starts at token i,
// after an optional "the".
func mentionStartingAt(ms []entity.Mention, i int, toks []nlp.Token) bool {
	if i < len(toks) && toks[i].Norm == "the" {
		i++
	}
	for k := range ms {
		if ms[k].Tok == i && usable(&ms[k]) {
			return true
		}
	}
	return false
}

// isMeasure reports the roots of acts whose author a text may leave
// implicit when only their target is named: sanctions, expulsions,
// force ("sanctions on Russia", "the expulsion of 23 diplomats").
func isMeasure(root string) bool {
	return root >= "14"
}

// backRef reports a word in [from, to) that points back to an act
// already known: "Moscow's summer demand", "Beijing's earlier move".
func backRef(toks []nlp.Token, from, to int) bool {
	for i := from; i < to && i < len(toks); i++ {
		switch toks[i].Norm {
		case "summer", "spring", "autumn", "winter", "latest", "earlier", "previous", "recent",
			"last", "original", "initial", "same", "own":
			return true
		}
	}
	return false
}

// decisionNouns name an act decided: "Belarus's decision to close".
var decisionNouns = map[string]bool{
	"decision": true, "move": true, "refusal": true, "order": true, "choice": true,
}

// inPrepPhraseBack reports a preposition before token i within its
// phrase: "with his Turkish counterpart", "in talks with Japan".
func inPrepPhraseBack(toks []nlp.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		n := toks[k].Norm
		if subjectPreps.Has(n) {
			return true
		}
		if n == "," || boundary(&toks[k]) || toks[k].Kind != nlp.Word {
			return false
		}
	}
	return false
}

// commaAfter returns the index of the first comma after token t in its
// clause, or 0.
func commaAfter(toks []nlp.Token, t int) int {
	for k := t + 1; k < len(toks); k++ {
		if toks[k].Norm == "," {
			return k
		}
		if boundary(&toks[k]) {
			return 0
		}
	}
	return 0
}

// subjectAfter returns the party named right after the comma at c, the
// subject of the clause a fronted phrase leads into.
func subjectAfter(toks []nlp.Token, ms []entity.Mention, c int) party {
	i := c + 1
	if i < len(toks) && toks[i].Norm == "the" {
		i++
	}
	for k := range ms {
		if ms[k].Tok == i && usable(&ms[k]) && !ms[k].Possessive {
			return coordinated(toks, ms, k, len(toks))
		}
	}
	return party{}
}

// possessorBefore returns the last possessive mention before token t in
// its clause: "Russia's" in "Russia's state company will be excluded".
func possessorBefore(toks []nlp.Token, ms []entity.Mention, t int) party {
	for k := len(ms) - 1; k >= 0; k-- {
		m := &ms[k]
		if m.TokEnd > t {
			continue
		}
		if crosses(toks, m.TokEnd, t, leftBoundary) {
			break
		}
		if m.Possessive && usable(m) {
			return partyOf(m)
		}
	}
	return party{}
}

// auxOnly reports tokens [from, to) that are auxiliaries or adverbs only:
// "Estonia has downgraded", "Poland also accused".
func auxOnly(toks []nlp.Token, from, to int) bool {
	if to-from > 3 {
		return false
	}
	for i := from; i < to; i++ {
		n := toks[i].Norm
		if !clauseAux[n] && n != "also" && n != "since" && n != "already" && n != "later" && n != "then" && n != "been" {
			return false
		}
	}
	return true
}

// subordinateBetween reports a subordinate clause opening in [from, to)
// after a comma: "…, as Seoul seeks to stabilise ties …".
func subordinateBetween(toks []nlp.Token, from, to int) bool {
	for i := from; i+1 < to; i++ {
		if toks[i].Norm == "," && subordinators[toks[i+1].Norm] {
			return true
		}
	}
	return false
}
