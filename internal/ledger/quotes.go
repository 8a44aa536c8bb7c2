package ledger

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleyproject/parley/internal/entity"
	"github.com/parleyproject/parley/internal/nlp"
	"github.com/parleyproject/parley/internal/record"
)

// cueVerbs are the words that attribute speech. Participles (adding,
// saying) attribute to the subject of the clause they hang from.
var cueVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "stated": true, "states": true,
	"stressed": true, "stresses": true, "added": true, "adds": true, "acknowledged": true, "acknowledges": true,
	"warned": true, "warns": true, "noted": true, "notes": true, "described": true, "describes": true,
	"called": true, "calls": true, "hailed": true, "hails": true, "insisted": true, "insists": true,
	"argued": true, "argues": true, "emphasized": true, "emphasised": true, "emphasizes": true, "emphasises": true,
	"declared": true, "declares": true, "wrote": true, "writes": true, "tweeted": true, "posted": true,
	"asked": true, "asks": true, "replied": true, "replies": true, "explained": true, "explains": true,
	"claimed": true, "claims": true, "announced": true, "announces": true, "confirmed": true, "confirms": true,
	"suggested": true, "suggests": true, "urged": true, "urges": true, "remarked": true, "commented": true,
	"observed": true, "underlined": true, "underscored": true, "maintained": true, "promised": true,
	"pledged": true, "vowed": true, "cautioned": true, "complained": true, "lamented": true, "praised": true,
	"criticized": true, "criticised": true, "denounced": true, "dismissed": true, "characterized": true,
	"characterised": true, "recalled": true, "admitted": true, "conceded": true, "responded": true,
	"countered": true, "insist": true, "predicted": true, "welcomed": true, "condemned": true,
	"demanded": true, "reiterated": true, "assured": true, "announcing": true, "conveyed": true,
	"expressed": true, "voiced": true, "rejected": true, "branded": true, "termed": true,
	"labelled": true, "labeled": true, "slammed": true, "accused": true, "accusing": true,
	"adding": true, "saying": true, "stating": true, "noting": true, "calling": true, "describing": true,
	"stressing": true, "warning": true, "arguing": true, "insisting": true, "telling": true, "writing": true,
	"emphasizing": true, "emphasising": true, "acknowledging": true, "declaring": true, "explaining": true,
	"hailing": true, "praising": true, "urging": true, "vowing": true, "pledging": true, "reiterating": true,
}

// speakerNouns follow or precede an institution to name an unnamed
// official of it ("a State Department spokesperson", "spokesperson for the
// ministry").
var speakerNouns = map[string]bool{
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "official": true, "officials": true,
	"source": true, "sources": true, "representative": true, "spokespeople": true, "envoy": true,
	"statement": true, "diplomat": true, "diplomats": true,
}

// institutionNouns head a bare reference to an institution that speaks:
// "the ministry said", "the embassy said".
var institutionNouns = map[string]bool{
	"ministry": true, "government": true, "embassy": true, "office": true, "department": true,
	"agency": true, "council": true, "commission": true, "presidency": true, "kremlin": true,
	"cabinet": true, "consulate": true, "mission": true, "delegation": true,
}

// quoteSpan is a pairing of quote marks: the quoted text lies in
// [start, end); open and close are the offsets of the marks (close is -1
// when the quote runs to the end of its paragraph unclosed).
type quoteSpan struct {
	open, start, end, close int
}

// pairQuotes finds the double-quoted stretches of body: curly “ ” pairs,
// and straight " toggling within a paragraph. A quote left open at the
// end of a paragraph ends there; the next paragraph's opening mark
// continues it as a new span (news style for multi-paragraph quotes).
func pairQuotes(body string) []quoteSpan {
	var out []quoteSpan
	open := -1
	openW := 0
	straight := false
	flush := func(end int) {
		if open >= 0 {
			st := open + openW
			if strings.TrimSpace(body[st:end]) != "" {
				out = append(out, quoteSpan{open: open, start: st, end: end, close: -1})
			}
		}
		open = -1
	}
	for i := 0; i < len(body); {
		r, w := utf8.DecodeRuneInString(body[i:])
		switch {
		case r == '\n':
			if open >= 0 {
				flush(trimEnd(body, open+openW, i))
			}
		case r == '“' || r == '„' || r == '«':
			if open >= 0 && !straight {
				// A second opening mark: the first was never closed.
				flush(trimEnd(body, open+openW, i))
			}
			open, openW, straight = i, w, false
		case r == '”' || r == '»':
			if open >= 0 && !straight {
				out = append(out, quoteSpan{open: open, start: open + openW, end: i, close: i})
				open = -1
			}
			// A closing mark with no opening is ignored.
		case r == '"':
			if open >= 0 && straight {
				out = append(out, quoteSpan{open: open, start: open + openW, end: i, close: i})
				open = -1
			} else if open < 0 {
				open, openW, straight = i, w, true
			}
		}
		i += w
	}
	flush(trimEnd(body, 0, len(body)))
	// Trim white space inside the marks.
	res := out[:0]
	for _, q := range out {
		for q.start < q.end && isSpaceByte(body[q.start]) {
			q.start++
		}
		for q.end > q.start && isSpaceByte(body[q.end-1]) {
			q.end--
		}
		if q.end > q.start {
			res = append(res, q)
		}
	}
	return res
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

func trimEnd(body string, lo, hi int) int {
	for hi > lo && isSpaceByte(body[hi-1]) {
		hi--
	}
	return hi
}

// attribution is a speaker found for a quote.
type attribution struct {
	speaker record.Speaker
	cue     string
	ok      bool
}

// Quotes finds the direct quotations of d with their speakers. A quote
// with no speaker the text makes clear (a scare quote, a title) is left
// out. Quotes come in text order.
func Quotes(d Doc) []record.Quote {
	ann := d.Ann
	if ann == nil || len(ann.Sentences) == 0 {
		return nil
	}
	body := d.Body
	spans := pairQuotes(body)
	inQuote := func(off int) bool {
		for _, q := range spans {
			if off >= q.start && off < q.end {
				return true
			}
		}
		return false
	}
	var out []record.Quote
	var last attribution
	lastSent, lastPara := -10, -10
	prevInSent := map[int]attribution{} // sentence → speaker of its latest quote
	for qi, q := range spans {
		si := sentenceAt(ann.Sentences, q.start)
		ei := sentenceAt(ann.Sentences, q.end-1)
		if si < 0 || ei < 0 {
			continue
		}
		first, lastS := &ann.Sentences[si], &ann.Sentences[ei]
		// Trailing attribution: after the closing mark, up to the end of
		// the sentence or the next quote.
		var a attribution
		if q.close >= 0 {
			tEnd := lastS.End
			if qi+1 < len(spans) && spans[qi+1].open < tEnd {
				tEnd = spans[qi+1].open
			}
			a = trailing(d, lastS, q.close, tEnd, inQuote)
		}
		// Leading attribution: before the opening mark, from the start of
		// the sentence or the previous quote's end.
		if !a.ok {
			lStart := first.Start
			if qi > 0 && spans[qi-1].end > lStart && spans[qi-1].end <= q.open {
				lStart = spans[qi-1].end
			}
			a = leading(d, first, lStart, q.open, inQuote, prevInSent[si])
		}
		startsSentence := q.open <= first.Start || strings.TrimSpace(body[first.Start:q.open]) == ""
		if !a.ok && last.ok {
			// A quote standing alone right after another continues the
			// last speaker's words.
			near := si-lastSent <= 2 || (first.Para-lastPara <= 1 && si-lastSent <= 4)
			if near && (startsSentence || !hasOutsideMention(ann, first, inQuote)) {
				a = last
			}
		}
		if !a.ok {
			continue
		}
		text := strings.TrimRight(body[q.start:q.end], ", ")
		if !quoteWorthy(text) {
			continue
		}
		out = append(out, record.Quote{
			Speaker: a.speaker,
			Text:    text,
			Cue:     a.cue,
			Evidence: record.Evidence{
				Sentence: si, Start: q.start, End: q.start + len(text), Text: first.Text,
			},
		})
		last = a
		lastSent, lastPara = ei, lastS.Para
		prevInSent[ei] = a
		prevInSent[si] = a
	}
	out = append(out, socialQuotes(d)...)
	return out
}

// quoteWorthy rejects quoted stretches that are not speech: empty ones
// and single capitalized words used as names ("the “Sputnik” vaccine").
func quoteWorthy(text string) bool {
	fs := strings.Fields(text)
	switch {
	case len(fs) == 0:
		return false
	case len(fs) == 1:
		// “proportionate” is a word someone said; “Sputnik” a name,
		// “17+1” a label.
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(fs[0], "'‘"))
		return unicode.IsLower(r)
	}
	return true
}

func hasOutsideMention(ann *entity.Annotations, s *nlp.Sentence, inQuote func(int) bool) bool {
	for _, m := range ann.SentenceMentions(s.Index) {
		if !inQuote(m.Start) {
			return true
		}
	}
	return false
}

// invertible are the cues that may come before their speaker: "…,”
// said X.
var invertible = map[string]bool{
	"said": true, "says": true, "added": true, "asked": true, "wrote": true, "explained": true,
	"noted": true, "told": true, "according": true, "stated": true, "continued": true, "insisted": true,
}

// prepositions mark a mention as an object rather than a subject.
var prepositions = map[string]bool{
	"in": true, "to": true, "of": true, "at": true, "from": true, "for": true, "with": true, "on": true,
	"by": true, "about": true, "over": true, "against": true, "between": true, "toward": true,
	"towards": true, "under": true, "into": true, "amid": true, "among": true, "after": true, "before": true,
}

// trailing looks for "…,” X said", "…,” said X", "…,” X told reporters" and
// "…,” according to X" in body[from:to] of sentence s.
func trailing(d Doc, s *nlp.Sentence, from, to int, inQuote func(int) bool) attribution {
	toks := tokensIn(s, from, to)
	i := 0
	for i < len(toks) && (toks[i].Kind == nlp.Punct || toks[i].Kind == nlp.Quote) && toks[i].Text != "." {
		i++
	}
	if i >= len(toks) {
		return attribution{}
	}
	// "…,” said X" and "…,” according to X".
	if isCue(toks, i) && invertible[toks[i].Norm] {
		after := i + 1
		if toks[i].Norm == "according" {
			after = i + 2
		}
		if sp, ok := npSpeaker(d, s, toks[min(after, len(toks)):], inQuote, true); ok {
			return attribution{speaker: sp, cue: cueText(toks, i), ok: true}
		}
		return attribution{}
	}
	// "…,” X said": X is everything up to the cue — not a phrase that
	// goes on with the sentence ("… about what it called …").
	switch toks[i].Norm {
	case "about", "over", "on", "in", "for", "with", "against", "to", "from", "at", "of", "by", "what", "which", "that", "as",
		"even", "while", "when", "after", "before", "because", "since", "though", "although", "whereas", "until":
		// … or a new clause: "“a funder of terrorism,” even as his
		// secretary of state was urging …".
		return attribution{}
	}
	for j := i; j < len(toks) && j < i+14; j++ {
		t := toks[j]
		if t.Kind == nlp.Punct && t.Text != "," || t.Norm == "and" || t.Norm == "but" || t.Norm == "while" {
			return attribution{}
		}
		if (toks[i].Norm == "a" || toks[i].Norm == "an") && j > i+1 && t.Kind == nlp.Word && !isLowerWord(t.Text) && isLowerWord(toks[j-1].Text) && !prepositions[toks[j-1].Norm] && j+1 < len(toks) && isCue(toks, j+1) {
			return attribution{} // "…,” a remark Beijing described as …": a relative clause
		}
		if j > i && isCue(toks, j) {
			if sp, ok := npSpeaker(d, s, toks[i:j], inQuote, false); ok {
				return attribution{speaker: sp, cue: cueText(toks, j), ok: true}
			}
			return attribution{}
		}
	}
	return attribution{}
}

// npSpeaker finds the speaker named by a noun phrase: a resolved mention
// in it (persons first), else a description ending in a speaker noun ("a
// senior administration official", "the diplomat"). With head set, only
// the phrase at the start of toks counts ("said X, who …").
func npSpeaker(d Doc, s *nlp.Sentence, toks []nlp.Token, inQuote func(int) bool, head bool) (record.Speaker, bool) {
	if len(toks) == 0 {
		return record.Speaker{}, false
	}
	end := len(toks)
	if head {
		for j, t := range toks {
			if t.Kind == nlp.Punct || t.Norm == "who" || t.Norm == "which" || t.Norm == "that" || j > 12 {
				end = j
				break
			}
		}
	}
	toks = toks[:end]
	if len(toks) == 0 {
		return record.Speaker{}, false
	}
	ms := outside(mentionsIn(d.Ann, toks[0].Start, toks[len(toks)-1].End), inQuote)
	var best *entity.Mention
	for i := range ms {
		m := &ms[i]
		if m.Kind == entity.Collective {
			continue
		}
		if best == nil || rank(m.Kind) < rank(best.Kind) {
			best = m
		}
	}
	if best != nil {
		return speakerOf(d, s, *best), true
	}
	// A description: (det) (adj…) noun.
	noun := -1
	for j, t := range toks {
		if (speakerNouns[t.Norm] || institutionNouns[t.Norm]) && t.Norm != "statement" {
			noun = j // the last one heads the phrase: "a ministry spokesperson"
		} else if noun >= 0 {
			break
		}
	}
	if noun < 0 {
		return record.Speaker{}, false
	}
	words := []string{}
	definite := false
	first := -1
	for j, t := range toks[:noun+1] {
		switch t.Norm {
		case "the", "this", "that":
			definite = true
			continue
		case "a", "an", "another", "one":
			continue
		}
		if t.Kind == nlp.Word {
			words = append(words, t.Text)
			if first < 0 {
				first = j
			}
		}
	}
	nounWord := toks[noun].Norm
	if definite && len(words) == 1 {
		// "the official": the last described speaker of that kind.
		if sp, ok := lastDescribed(d, s, nounWord); ok {
			return sp, true
		}
	}
	sp := record.Speaker{Name: strings.Join(words, " "), Sector: "GOV", Title: nounWord}
	if first >= 0 {
		sp.Name = d.Body[toks[first].Start:toks[noun].End]
	}
	if nounWord == "spokesman" || nounWord == "spokeswoman" {
		sp.Title = "spokesperson"
	}
	return sp, true
}

// rank orders mention kinds by how likely they are to be a speaker.
func rank(k entity.Kind) int {
	switch k {
	case entity.Person:
		return 0
	case entity.Institution:
		return 1
	case entity.Group:
		return 2
	case entity.Body:
		return 3
	case entity.State:
		return 4
	}
	return 5
}

// lastDescribed finds the speaker a definite description ("the official")
// refers back to: the latest "a Canadian official" in the sentences before
// s (and s itself).
func lastDescribed(d Doc, s *nlp.Sentence, noun string) (record.Speaker, bool) {
	for si := s.Index; si >= 0 && si >= s.Index-4; si-- {
		sent := &d.Ann.Sentences[si]
		for k := len(sent.Tokens) - 1; k >= 0; k-- {
			t := sent.Tokens[k]
			if t.Norm != noun && !(speakerNouns[t.Norm] && speakerNouns[noun]) {
				continue
			}
			if t.Norm != noun {
				continue
			}
			// The phrase before the noun: adjectives and a mention.
			lo := k
			for lo > 0 && lo > k-4 {
				p := sent.Tokens[lo-1]
				if p.Kind != nlp.Word || p.Norm == "the" || p.Norm == "a" || p.Norm == "an" || prepositions[p.Norm] || p.Norm == "and" {
					break
				}
				lo--
			}
			if lo == k {
				continue
			}
			sp := record.Speaker{Name: d.Body[sent.Tokens[lo].Start:t.End], Sector: "GOV", Title: noun}
			for _, m := range mentionsIn(d.Ann, sent.Tokens[lo].Start, t.End) {
				if m.Kind != entity.Collective {
					sp.Country = m.Actor.Country
					if m.Actor.Sector != "" {
						sp.Sector = m.Actor.Sector
					}
					break
				}
			}
			return sp, true
		}
	}
	return record.Speaker{}, false
}

// leading looks for "X said (that) “…", "X described the talks as “…",
// "According to X, “…" and "…, adding that “…" in body[from:to] of s.
func leading(d Doc, s *nlp.Sentence, from, to int, inQuote func(int) bool, prev attribution) attribution {
	toks := tokensIn(s, from, to)
	cue := -1
	for i := len(toks) - 1; i >= 0; i-- {
		if isCue(toks, i) {
			cue = i
			break
		}
	}
	if cue < 0 {
		return attribution{}
	}
	ct := toks[cue]
	cueStr := cueText(toks, cue)
	if ct.Norm == "according" {
		if sp, ok := npSpeaker(d, s, toks[cue+2:], inQuote, true); ok {
			return attribution{speaker: sp, cue: cueStr, ok: true}
		}
		return attribution{}
	}
	participle := strings.HasSuffix(ct.Norm, "ing")
	if participle && cue > 0 {
		switch toks[cue-1].Norm {
		case "was", "were", "is", "are", "been", "be":
			participle = false // "Rex Tillerson was urging": a finite verb with its own subject
		}
	}
	if participle && !prev.ok {
		// "…, a ministry spokesperson said, adding that “…": the subject
		// of the finite cue before the participle.
		for k := cue - 1; k >= 0; k-- {
			if !isCue(toks, k) || strings.HasSuffix(toks[k].Norm, "ing") {
				continue
			}
			lo := k - 1
			for lo >= 0 && !(toks[lo].Kind == nlp.Punct || toks[lo].Kind == nlp.Quote) {
				lo--
			}
			if sp, ok := npSpeaker(d, s, toks[lo+1:k], inQuote, false); ok && k > lo+1 {
				return attribution{speaker: sp, cue: cueStr, ok: true}
			}
			break
		}
	}
	// A verb sharing the subject of an earlier quote in the sentence:
	// "…,” adding that “…", "“…” and called it “…".
	if prev.ok && (participle || len(outside(mentionsIn(d.Ann, from, ct.Start), inQuote)) == 0) {
		return attribution{speaker: prev.speaker, cue: cueStr, ok: true}
	}
	// The subject: a mention before the cue that is not the object of a
	// preposition, not possessive ("Trump's eagerness") and not inside a
	// quote; the nearest one for a finite verb, the first (the clause's
	// subject) for a participle.
	var cands []entity.Mention
	var coll *entity.Mention
	for _, m := range outside(mentionsIn(d.Ann, s.Start, ct.Start), inQuote) {
		if m.Possessive || afterPreposition(s, m) {
			continue
		}
		if m.Kind == entity.Collective {
			m := m
			coll = &m
			continue
		}
		cands = append(cands, m)
	}
	if len(cands) == 0 && coll != nil {
		if sp, ok := collectiveSpeaker(d, s, *coll); ok {
			return attribution{speaker: sp, cue: cueStr, ok: true}
		}
	}
	if len(cands) > 0 {
		m := cands[len(cands)-1]
		if participle {
			m = cands[0]
		}
		return attribution{speaker: speakerOf(d, s, m), cue: cueStr, ok: true}
	}
	// A surname the resolver left alone: "Wang described …".
	if cue > 0 && ct.Start > s.Start {
		lt := tokensIn(s, s.Start, ct.Start)
		if n := len(lt); n > 0 && lt[n-1].Kind == nlp.Word && !isLowerWord(lt[n-1].Text) {
			if m, ok := knownPerson(d, lt[n-1].Text, s.Start); ok {
				return attribution{speaker: speakerOf(d, s, m), cue: cueStr, ok: true}
			}
		}
	}
	// "A Canadian official said “…" with no resolved mention.
	if sp, ok := npSpeaker(d, s, tokensIn(s, s.Start, ct.Start), inQuote, false); ok {
		return attribution{speaker: sp, cue: cueStr, ok: true}
	}
	return attribution{}
}

// afterPreposition reports a mention that is the object of a preposition
// ("in Moscow", "to the U.S. embassy").
func afterPreposition(s *nlp.Sentence, m entity.Mention) bool {
	k := indexOf(s.Tokens, m.Start)
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		n := s.Tokens[j].Norm
		if prepositions[n] {
			return true
		}
		if n != "the" && n != "a" && n != "an" && n != "its" && n != "their" {
			return false
		}
	}
	return false
}

func indexOf(toks []nlp.Token, start int) int {
	for i, t := range toks {
		if t.Start == start {
			return i
		}
	}
	return 0
}

// isCue reports whether toks[i] is a cue verb ("according" counts when
// "to" follows).
func isCue(toks []nlp.Token, i int) bool {
	n := toks[i].Norm
	if n == "according" {
		return i+1 < len(toks) && toks[i+1].Norm == "to"
	}
	if !cueVerbs[n] {
		return false
	}
	// "called" and "calls" as nouns ("phone calls") or "called for" are
	// not speech cues when followed by "for" or preceded by "phone".
	if (n == "called" || n == "calls" || n == "calling") && i+1 < len(toks) && toks[i+1].Norm == "for" {
		return true
	}
	if i > 0 && (toks[i-1].Norm == "phone" || toks[i-1].Norm == "the") {
		return false
	}
	return true
}

// cueText is the cue as reported: the verb, with "reporters"/"journalists"
// after "told", "to" after "according".
func cueText(toks []nlp.Token, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	n := toks[i].Norm
	switch n {
	case "according":
		return "according to"
	case "told", "telling":
		if i+1 < len(toks) {
			switch toks[i+1].Norm {
			case "reporters", "journalists", "lawmakers", "parliament", "the":
				if toks[i+1].Norm == "the" && i+2 < len(toks) {
					return n + " the " + toks[i+2].Norm
				}
				return n + " " + toks[i+1].Norm
			}
		}
	}
	return n
}

func outside(ms []entity.Mention, inQuote func(int) bool) []entity.Mention {
	out := ms[:0:0]
	for _, m := range ms {
		if !inQuote(m.Start) {
			out = append(out, m)
		}
	}
	return out
}

// speakerOf makes a speaker of a mention: a person with name and title; an
// institution, or an unnamed spokesperson or official of it; a group of
// officials; a state speaking as such.
func speakerOf(d Doc, s *nlp.Sentence, m entity.Mention) record.Speaker {
	sp := record.Speaker{Country: m.Actor.Country, Sector: m.Actor.Sector, Title: m.Actor.Title}
	if sp.Sector == "" {
		sp.Sector = "GOV"
	}
	name := m.Actor.Name
	if name == "" || m.Kind == entity.Institution && len(m.Text) > len(name) {
		name = trimArticle(m.Text)
	}
	if m.Kind == entity.Person {
		if m.Actor.Name != "" {
			name = m.Actor.Name
		}
		sp.Name = name
		return sp
	}
	if m.Kind == entity.State {
		name = trimArticle(m.Text)
	}
	// "a State Department spokesperson", "spokesperson for the U.S. State
	// Department".
	toks := s.Tokens
	k := indexOf(toks, m.Start)
	end := k
	for end < len(toks) && toks[end].End <= m.End {
		end++
	}
	noun := ""
	desc := ""
	if !m.Possessive {
		// "a Russian diplomatic source": up to two modifiers, then the noun.
		for j := end; j < len(toks) && j <= end+2; j++ {
			if speakerNouns[toks[j].Norm] {
				noun = toks[j].Norm
				if j > end {
					desc = d.Body[toks[end].Start:toks[j-1].End]
				}
				break
			}
			if toks[j].Kind != nlp.Word || !isLowerWord(toks[j].Text) {
				break
			}
		}
	}
	// "spokesperson for the U.S. State Department".
	if noun == "" && k >= 3 && (toks[k-1].Norm == "the" || toks[k-1].Norm == "a") && (toks[k-2].Norm == "for" || toks[k-2].Norm == "of") && speakerNouns[toks[k-3].Norm] {
		noun = toks[k-3].Norm
	}
	if noun == "" && k >= 2 && (toks[k-1].Norm == "for" || toks[k-1].Norm == "of") && speakerNouns[toks[k-2].Norm] {
		noun = toks[k-2].Norm
	}
	if m.Possessive && noun == "" && end+1 < len(toks) && speakerNouns[toks[end+1].Norm] {
		noun = toks[end+1].Norm
	}
	if noun != "" && noun != "statement" {
		if last := lastWord(name); strings.EqualFold(last, noun) || strings.EqualFold(last, noun+"s") {
			sp.Name = name
		} else if desc != "" {
			sp.Name = name + " " + desc + " " + noun
		} else {
			sp.Name = name + " " + noun
		}
		if sp.Title == "" {
			sp.Title = noun
		}
		return sp
	}
	sp.Name = name
	return sp
}

// trimArticle drops a leading "the", "a" or "an".
func trimArticle(s string) string {
	for _, a := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		if strings.HasPrefix(s, a) {
			return s[len(a):]
		}
	}
	return s
}

// socialQuotes finds embedded social-media posts: a post line (often
// ending in a pic.twitter.com link) followed by a signature line
// "— Name (@handle) Date". The post's text is the quote, the signature's
// name the speaker.
func socialQuotes(d Doc) []record.Quote {
	var out []record.Quote
	body := d.Body
	prevStart, prevEnd := -1, -1
	for off := 0; off < len(body); {
		nl := strings.IndexByte(body[off:], '\n')
		end := len(body)
		if nl >= 0 {
			end = off + nl
		}
		line := body[off:end]
		if name, ok := signature(line); ok && prevStart >= 0 {
			text := postText(body[prevStart:prevEnd])
			if text != "" {
				sp := record.Speaker{Name: name, Sector: "GOV"}
				for _, m := range mentionsIn(d.Ann, off, end) {
					if m.Kind != entity.Collective {
						sp.Country = m.Actor.Country
						if m.Actor.Sector != "" {
							sp.Sector = m.Actor.Sector
						}
						break
					}
				}
				if sp.Country == "" {
					for _, m := range mentionsIn(d.Ann, prevStart, prevEnd) {
						if m.Kind != entity.Collective {
							sp.Country = m.Actor.Country
							break
						}
					}
				}
				si := sentenceAt(d.Ann.Sentences, prevStart)
				ev := record.Evidence{Sentence: si, Start: prevStart, End: prevEnd}
				if k := strings.Index(body[prevStart:prevEnd], text); k >= 0 {
					ev.Start, ev.End = prevStart+k, prevStart+k+len(text)
				}
				if si >= 0 {
					ev.Text = d.Ann.Sentences[si].Text
				}
				out = append(out, record.Quote{Speaker: sp, Text: text, Cue: "posted", Social: true, Evidence: ev})
			}
		}
		if strings.TrimSpace(line) != "" {
			prevStart, prevEnd = off, end
		}
		if nl < 0 {
			break
		}
		off = end + 1
	}
	return out
}

// signature parses "— Name (@handle) Date" and returns Name.
func signature(line string) (string, bool) {
	l := strings.TrimSpace(line)
	for _, dash := range []string{"—", "–", "-", "&mdash;"} {
		if strings.HasPrefix(l, dash) {
			l = strings.TrimSpace(l[len(dash):])
			at := strings.Index(l, "(@")
			if at <= 0 || !strings.Contains(l[at:], ")") {
				return "", false
			}
			name := strings.TrimFunc(l[:at], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' })
			return name, name != ""
		}
	}
	return "", false
}

// postText is the text of a post line without links, leading symbols and
// surrounding quote marks.
func postText(line string) string {
	var words []string
	for _, w := range strings.Fields(line) {
		if strings.Contains(w, "pic.twitter.com") || strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") {
			continue
		}
		words = append(words, w)
	}
	s := strings.Join(words, " ")
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '“' && r != '"' })
	s = strings.Trim(s, "“”\" ")
	return s
}

func isLowerWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// knownPerson returns the person mentioned before offset off whose name
// has the word w ("Wang" for "Wang Yi" seen earlier).
func knownPerson(d Doc, w string, off int) (entity.Mention, bool) {
	for i := len(d.Ann.Mentions) - 1; i >= 0; i-- {
		m := d.Ann.Mentions[i]
		if m.Start >= off || m.Kind != entity.Person || m.Actor.Name == "" {
			continue
		}
		for _, x := range strings.Fields(m.Actor.Name) {
			if x == w {
				return m, true
			}
		}
	}
	return entity.Mention{}, false
}

// collectiveSpeaker names the speaker "the two leaders" or "both sides"
// stand for: the persons of the sentences before whose titles fit, joined
// with "and" ("Joe Biden and Emmanuel Macron"), marked "(joint
// statement)" when the sentence says so; else the states.
func collectiveSpeaker(d Doc, s *nlp.Sentence, m entity.Mention) (record.Speaker, bool) {
	coll := strings.ToLower(m.Text)
	var names []string
	country := ""
	for si := s.Index - 1; si >= 0 && si >= s.Index-3 && len(names) < 2; si-- {
		for _, p := range d.Ann.SentenceMentions(si) {
			if p.Kind != entity.Person || p.Actor.Former || p.Actor.Name == "" || !titleFits(coll, p.Actor.Title) {
				continue
			}
			dup := false
			for _, n := range names {
				dup = dup || n == p.Actor.Name
			}
			if !dup {
				names = append(names, p.Actor.Name)
				if country == "" {
					country = p.Actor.Country
				}
			}
		}
	}
	if len(names) < 2 {
		return record.Speaker{}, false
	}
	name := strings.Join(names, " and ")
	if strings.Contains(strings.ToLower(s.Text), "joint statement") {
		name += " (joint statement)"
	}
	return record.Speaker{Name: name, Country: country, Sector: "GOV"}, true
}
