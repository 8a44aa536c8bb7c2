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

// Measure kinds: the fixed vocabulary of record.Measure.Kind. A reversal
// (record.Measure.Reversal) carries the kind of the measure it undoes:
// reopening a consulate is a reversed "closure", restoring flights a
// reversed "flight_ban".
const (
	MeasureExpulsion       = "expulsion"         // diplomats expelled or ordered to leave
	MeasurePersonaNonGrata = "persona_non_grata" // a named diplomat declared persona non grata
	MeasureStaffingCap     = "staffing_cap"      // limits on the number of mission staff
	MeasureClosure         = "closure"           // embassy, consulate or mission closed
	MeasureAccountFreeze   = "account_freeze"    // mission bank accounts frozen or blocked
	MeasurePropertySeizure = "property_seizure"  // diplomatic property seized or entry denied
	MeasureVisaSuspension  = "visa_suspension"   // visas suspended, refused or restricted
	MeasureFlightBan       = "flight_ban"        // air links severed, flights or airspace banned
	MeasureSanctions       = "sanctions"         // economic or personal sanctions
	MeasureAmbassador      = "ambassador_recall" // ambassador recalled or expelled, agrément withheld
	MeasureRelationsCut    = "relations_cut"     // diplomatic relations severed or downgraded
	MeasureTradeFreeze     = "trade_freeze"      // trade or investment frozen, embargo
	MeasureRestrictions    = "restrictions"      // other restrictions on diplomats' work or movement
	MeasureBorderClosure   = "border_closure"    // a land border or crossing closed
	MeasureUnspecified     = "unspecified"       // "actions against our diplomats", named only as answered
)

// trigger is one way the text names a measure.
type trigger struct {
	kind     string
	reversal bool
	// needles are lower-case strings one of which the sentence must hold
	// for re to be tried; ids are their indexes in measureNeedles.
	needles []string
	ids     []int
	// re matches the ASCII-lower-cased sentence.
	re *regexp.Regexp
}

// triggers are the measure phrases, matched on the sentence text with
// ASCII letters lower-cased (which keeps byte offsets). Reversals come first so that "lifted the sanctions" is
// not also read as sanctions.
var triggers = func() []trigger {
	rows := []struct {
		kind     string
		reversal bool
		needles  string // comma-separated; every match holds one, and the pattern runs only when one occurs (the rarest words of each alternative)
		pattern  string
	}{
		{MeasureClosure, true, "reopen,re-open", `\b(?:re-?open(?:ed|ing|s)?|reopening|re-opening) (?:of )?(?:the |its |their |a |both )?(?:[\w.’'-]+ ){0,3}(?:embass(?:y|ies)|consulates?|missions?|consular (?:services|sections?|offices?))`},
		{MeasureAccountFreeze, true, "unfr,unblock", `\b(?:unfr(?:oze|eeze|eezing|ozen)|unblock(?:ed|ing)?) (?:the |its |their )?(?:[\w.’'-]+ ){0,2}(?:bank )?accounts`},
		{MeasureFlightBan, true, "restor,resum,establish", `\b(?:restor(?:e|ed|ing)|resum(?:e|ed|ing)|reestablish(?:ed|ing)?|re-establish(?:ed|ing)?) (?:of )?(?:the |its |their )?(?:direct |regular |commercial )*(?:air (?:links|traffic|service|connections)|flights)`},
		{MeasureSanctions, true, "sanctions", `\b(?:lift(?:ed|ing|s)?|eas(?:ed|ing|es)|remov(?:ed|ing)|suspend(?:ed|ing)) (?:the |its |some |all )?(?:[\w-]+ ){0,2}sanctions`},
		{MeasureAmbassador, true, "return,restor,reinstat,go back", `\b(?:return(?:ed|ing)?|restor(?:ed|ing)|reinstat(?:ed|ing)) (?:of )?(?:their |its |the )?ambassadors?\b|\bambassadors? (?:would |will )?(?:go back|return(?:ed)?) to (?:their|his|her) posts`},
		{MeasureStaffingCap, true, "staffing", `\b(?:restor(?:e|ed|ing)|stabiliz(?:e|ed|ing)) (?:the |its |their )?(?:embassy |mission |diplomatic )?staffing`},
		{MeasureRelationsCut, true, "restor,resum,establish", `\b(?:restor(?:e|ed|ing)|resum(?:e|ed|ing)|re-?establish(?:ed|ing)?) (?:full )?(?:diplomatic )?(?:relations|ties)\b`},
		{MeasureVisaSuspension, true, "visas", `\bresum(?:e|ed|ing) (?:issuing |the issuance of )?visas`},

		{MeasureBorderClosure, true, "border", `\b(?:re-?open(?:ed|ing|s)?|re-?opening|open(?:ed|ing)) (?:of )?(?:the |its |their )?(?:land |common |shared )?border\b`},

		{MeasurePersonaNonGrata, false, "persona non grata", `\bpersona non grata\b`},
		{MeasureExpulsion, false, "expel,expuls,to leave,kick", `\b(?:expel(?:led|ling|s)?|expulsions?|ordered (?:\w+ ){0,4}to leave|kick(?:ed)? out)\b`},
		{MeasureStaffingCap, false, "staffing,cap,cut ,reduc,limit", `\b(?:restrictions? on (?:\w+ )?staffing|cap(?:ped|s)? on (?:\w+ ){0,2}(?:staff|diplomats|personnel)|(?:cut|reduc(?:e|ed|ing)|limit(?:ed|ing)?) (?:the (?:number|size) of )?(?:its |their |the )?(?:\w+ )?(?:staff|personnel|diplomats) (?:to|by)|staffing (?:cap|limit|restrictions?))`},
		{MeasureClosure, false, "ordered by", `\b(?:forced )?closure (?:was )?ordered by\b`},
		{MeasureClosure, false, "clos,shut", `\b(?:clos(?:e|ed|ing|ure|ures)|shut(?:ting)?(?: down)?|shutdown) (?:of )?(?:the |its |their |a |two |three )?(?:[\w.’'-]+ ){0,3}(?:embass(?:y|ies)|consulates?(?: general)?|missions?|trade (?:mission|office)s?|compounds?)|\b(?:office|consulate|embassy) closures\b`},
		{MeasureBorderClosure, false, "border", `\b(?:clos(?:e|ed|ing|ure) (?:of )?(?:the |its |their )?(?:land |common |shared )?border|border closure)\b`},
		{MeasureAccountFreeze, false, "accounts", `\b(?:fr(?:oze|eeze|eezing|ozen)|block(?:ed|ing)?) (?:of )?(?:the |its |their )?(?:[\w.’'-]+ ){0,2}(?:bank )?accounts`},
		{MeasurePropertySeizure, false, "seiz,confiscat", `\b(?:seiz(?:e|ed|ing|ure)|confiscat(?:e|ed|ing|ion)) (?:of )?(?:the |its |their |two )?(?:[\w.’'-]+ ){0,3}(?:property|properties|compounds?|dachas?|buildings?|residences?)|\b(?:property|properties|compounds?) (?:was |were |had been )?seized`},
		{MeasureVisaSuspension, false, "visa", `\b(?:suspend(?:ed|ing|s)?|halt(?:ed|ing)?|stopp?(?:ed|ing)?|refus(?:ed|ing)|restrict(?:ed|ing)?|deni(?:ed|al of)) (?:issuing |the issuance of |the processing of )?(?:\w+ )?visas\b|\bvisa (?:suspension|ban|restrictions)`},
		{MeasureFlightBan, false, "flight,air ,airspace", `\b(?:sever(?:ed|ing)?|cut|suspend(?:ed|ing)?|halt(?:ed|ing)?|ban(?:ned|ning)?) (?:of )?(?:the |its |all )?(?:direct |regular |commercial )*(?:air (?:links|traffic|service|connections)|flights)|\b(?:closed|closing) (?:its |their )?airspace|\bflight ban\b`},
		{MeasureSanctions, false, "assets", `\bfr(?:oze|eeze|eezing|ozen) (?:the )?(?:[\w.’'-]+ ){0,2}assets\b`},
		{MeasureSanctions, false, "sanctions", `\b(?:impos(?:e|ed|ing)|slap(?:ped)?|announc(?:ed|ing)|expand(?:ed|ing)|new|fresh|broad|severe|sweeping|tough) (?:\w+ ){0,2}sanctions\b`},
		{MeasureAmbassador, false, "recall", `\brecall(?:ed|ing|s)? (?:its |their |the )?(?:own )?ambassadors?\b`},
		{MeasureRelationsCut, false, "cut ,sever,broke,downgrad", `\b(?:cut|severed?|broke(?:n)?|sever(?:ed|ing)) (?:off )?(?:its |their |all )?(?:diplomatic )?(?:relations|ties)\b|\bdowngrad(?:e|ed|ing) (?:its |their )?(?:diplomatic )?(?:relations|ties)`},
		{MeasureTradeFreeze, false, "froze,freez,embargo", `\bfr(?:oze|eeze|eezing) (?:all )?(?:new )?trade\b|\b(?:trade|arms) embargo\b`},
		{MeasureRestrictions, false, "uncomfortable,restrictions on,harass", `\buncomfortable conditions\b|\brestrictions on (?:the )?(?:movement|travel|work) of (?:\w+ )?diplomats|\bharass(?:ed|ing|ment) (?:of )?(?:\w+ )?diplomats`},
		{MeasureUnspecified, false, "actions against,measures against,steps against,moves against", `\b(?:actions|measures|steps|moves) against (?:\w+ ){0,2}(?:diplomats|missions?|embass(?:y|ies))`},
	}
	out := make([]trigger, len(rows))
	for i, r := range rows {
		out[i] = trigger{kind: r.kind, reversal: r.reversal, needles: strings.Split(r.needles, ","), re: regexp.MustCompile(r.pattern)}
	}
	return out
}()

// measureNeedles holds the needles of all triggers, each once.
var measureNeedles = func() *needleSet {
	var all []string
	at := map[string]int{}
	for i := range triggers {
		t := &triggers[i]
		for _, n := range t.needles {
			k, ok := at[n]
			if !ok {
				k = len(all)
				at[n] = k
				all = append(all, n)
			}
			t.ids = append(t.ids, k)
		}
	}
	return newNeedleSet(all)
}()

var (
	// responseRe marks a measure as the answer to another.
	responseRe = regexp.MustCompile(`(?i)\b(?:in response to|in retaliation (?:for|against)|retaliat(?:e|ed|ing|ion|ory)|tit-for-tat|in kind|responded|in reply to|mirror(?:ed|ing)?|reciprocal(?:ly)?|in return for|a response to)\b`)
	// responseToRe opens the phrase naming the measure answered.
	responseToRe = regexp.MustCompile(`(?i)\b(?:in response to|in retaliation (?:for|against)|in reply to|retaliat(?:e|ed|ing) (?:for|against)|a response to|in return for)\s`)
	// sizeRe finds the number of people a measure affects.
	sizeRe = regexp.MustCompile(`(?i)\b(\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|dozens of|hundreds of) (?:more |other |russian |american |u\.s\. |us |chinese |british |czech |[a-z]+ )?(?:diplomats|officials|staff(?:ers)?|employees|personnel|people|members)\b|\bto (\d[\d,]*) (?:staff|employees|people|diplomats|personnel)\b`)
	// passiveRe finds measure phrases in the passive with no subject
	// ("property seized in …").
	passiveRe = regexp.MustCompile(`(?i)\b(?:property|properties|compounds?) (?:was |were |had been )?seized$`)
	// mutualRe marks measures both sides took.
	mutualRe = regexp.MustCompile(`(?i)\b(?:mutual|tit-for-tat|both (?:sides|nations|countries|governments)|each other)`)

	// Gates of the expressions above that run on every sentence with a
	// measure: words every match holds.
	responseGate   = newFoldGate("response to", "retaliat", "tit-for-tat", "in kind", "responded", "in reply to", "mirror", "reciprocal", "in return for")
	responseToGate = newFoldGate("response to", "retaliat", "in reply to", "in return for")
	mutualGate     = newFoldGate("mutual", "tit-for-tat", "both ", "each other")
	// notTakenRe marks a measure that is proposed, demanded or hoped for
	// rather than taken.
	notTakenRe = regexp.MustCompile(`(?i)\b(?:to|could|would|will|might|may|should|proposed|propose|proposing|urged|calls? for|called for|efforts to|plans? to|threaten(?:ed|s)? to|consider(?:ing|ed)?|possible|potential|recommended|suggested|demanded|sought|wanted)\s+(?:[\w’'-]+\s+){0,4}$|\b(?:not|never|n't|refused to|declined to)\s+(?:\w+\s+)?$`)
	// orderedRe marks an order that is itself the measure: "ordered China
	// to close its consulate".
	orderedRe = regexp.MustCompile(`(?i)\b(?:ordered|orders|forced|forces|told|instructed|required|directed|gave)\s+(?:[\w’'-]+\s+){0,3}(?:to|hours to|days to)\s+$`)
	// negatedRe marks a sentence that denies or puts off what it names
	// ("Neither side gave a date for the return of ambassadors").
	negatedRe = regexp.MustCompile(`(?i)\b(?:neither|not|no|never|without|yet to|has yet|have yet)\b`)
)

// measureHit is a trigger match in a sentence.
type measureHit struct {
	kind       string
	reversal   bool
	start, end int // byte offsets into the sentence text
}

// Measures finds the measures one state takes against another's presence
// or interests, and their reversals, each with its actor, target, size,
// date and the measure it answers when the text links them.
func Measures(d Doc) []record.Measure {
	ann := d.Ann
	if ann == nil {
		return nil
	}
	evBySent := map[int][]record.Event{}
	for _, e := range d.Events {
		evBySent[e.Evidence.Sentence] = append(evBySent[e.Evidence.Sentence], e)
	}
	var out []record.Measure
	for si := range ann.Sentences {
		s := &ann.Sentences[si]
		hits := findMeasures(s.Text)
		if len(hits) == 0 {
			continue
		}
		// The phrase after "in response to" names the measure answered;
		// measures there are the earlier ones.
		respAt := -1
		if responseToGate.mayMatch(s.Text) {
			if loc := responseToRe.FindStringIndex(s.Text); loc != nil {
				respAt = loc[1]
			}
		}
		responds := responseGate.mayMatch(s.Text) && responseRe.MatchString(s.Text)
		mutual := mutualGate.mayMatch(s.Text) && mutualRe.MatchString(s.Text)
		var inSent []int // indexes into out of this sentence's measures
		prevBy := ""
		var answered []int
		for _, h := range hits {
			if h.kind == MeasureSanctions && strings.Contains(strings.ToLower(s.Text[max(0, h.start-12):h.start]), "part of") {
				continue // "as part of sanctions": context of another measure
			}
			if pre := s.Text[max(0, h.start-80):h.start]; notTakenRe.MatchString(pre) && !responseToRe.MatchString(pre) && !orderedRe.MatchString(pre) || inAgenda(s.Text, h) {
				continue
			}
			if h.reversal && negatedRe.MatchString(s.Text) {
				continue
			}
			m := record.Measure{Kind: h.kind, Reversal: h.reversal, DatePrecision: record.PrecisionUnknown}
			by, against, recip := measureActors(d, s, h, evBySent[si], mutual, prevBy)
			if by == "" || against == "" || by == against {
				continue
			}
			m.By, m.Against, m.Reciprocal = by, against, recip
			prevBy = by
			switch h.kind {
			case MeasureExpulsion, MeasurePersonaNonGrata, MeasureStaffingCap:
				m.Size = measureSize(s.Text, h)
			}
			from := 0
			if respAt >= 0 && h.start >= respAt {
				from = respAt // the answered measure: only a date inside its phrase
			}
			measureDate(d, s, h, &m, from)
			m.Evidence = record.Evidence{Sentence: si, Start: s.Start + h.start, End: s.Start + h.end, Text: s.Text, Trigger: s.Text[h.start:h.end]}
			if dup := sameMeasure(out, m); dup >= 0 {
				if respAt >= 0 && h.start >= respAt {
					answered = append(answered, dup)
				}
				continue
			}
			m.ID = fmt.Sprintf("%s-x%d", d.ID, len(out))
			out = append(out, m)
			if respAt >= 0 && h.start >= respAt {
				answered = append(answered, len(out)-1)
			} else {
				inSent = append(inSent, len(out)-1)
			}
		}
		if !responds {
			continue
		}
		for _, i := range inSent {
			m := &out[i]
			if m.Reciprocal {
				continue
			}
			// The measure answered: the one the sentence names after "in
			// response to", else the latest earlier measure the other side
			// took against this one's actor.
			for _, j := range answered {
				if out[j].By == m.Against {
					m.InResponseTo = out[j].ID
					break
				}
			}
			kind, any := "", false
			if respAt >= 0 {
				// "in retaliation for the closures": the kind the phrase
				// names; "in response to the invasion" names none of the
				// ledger's.
				kind, any = answeredKind(s.Text[respAt:])
				if kind == "" && !any {
					continue
				}
			}
			if m.InResponseTo != "" {
				continue
			}
			for j := i - 1; j >= 0; j-- {
				// An earlier sentence's measure, or one of this sentence
				// before the word that marks the response ("…suspended
				// flights, and China retaliated by restricting visas").
				earlier := out[j].Evidence.Sentence < si
				if !earlier && out[j].Evidence.Sentence == si {
					if loc := responseRe.FindStringIndex(s.Text); loc != nil {
						at := s.Start + loc[0]
						earlier = out[j].Evidence.End <= at && at <= m.Evidence.Start
					}
				}
				if out[j].By == m.Against && out[j].Against == m.By && earlier && !out[j].Reversal && (kind == "" || out[j].Kind == kind) && !after(out[j], *m) {
					m.InResponseTo = out[j].ID
					break
				}
			}
		}
	}
	return out
}

// findMeasures returns the trigger matches of text, without overlaps
// (earlier table rows win).
func findMeasures(text string) []measureHit {
	var hits []measureHit
	low := asciiLower(text)
	var foundBuf [64]bool
	found := foundBuf[:]
	if len(measureNeedles.needles) > len(found) {
		found = make([]bool, len(measureNeedles.needles))
	}
	measureNeedles.find(low, found)
	for _, t := range triggers {
		if !anyFound(found, t.ids) {
			continue
		}
		for _, loc := range t.re.FindAllStringIndex(low, -1) {
			overlap := false
			for _, h := range hits {
				if loc[0] < h.end && h.start < loc[1] {
					overlap = true
					break
				}
			}
			if !overlap {
				hits = append(hits, measureHit{kind: t.kind, reversal: t.reversal, start: loc[0], end: loc[1]})
			}
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	return hits
}

// measureActors finds who takes the measure and against whom: the coded
// event at the trigger, else the sentence's syntax (subject before, "by
// X", the object or possessor after), else both parties of the article
// when the sentence calls the measures mutual.
func measureActors(d Doc, s *nlp.Sentence, h measureHit, evs []record.Event, mutual bool, prevBy string) (by, against string, recip bool) {
	relevant := func(e record.Event) bool {
		switch e.CAMEORoot {
		case "16", "17", "08", "05", "12", "13", "11", "10", "03", "02", "04", "06":
			return e.Source != nil && e.Target != nil && e.Status == record.StatusReported
		}
		return false
	}
	// The coded event whose trigger lies in or next to the measure
	// phrase, for what the syntax leaves open.
	fromEvent := func() (string, string, bool, bool) {
		for _, e := range evs {
			if !relevant(e) || e.Evidence.Trigger == "" {
				continue
			}
			k := strings.Index(s.Text, e.Evidence.Trigger)
			if k < 0 || k+len(e.Evidence.Trigger) < h.start-3 || k > h.end+3 {
				continue
			}
			if h.reversal || e.CAMEORoot == "16" || e.CAMEORoot == "17" || e.CAMEORoot == "12" || e.CAMEORoot == "11" || e.CAMEORoot == "08" || e.CAMEORoot == "05" {
				return e.Source.Country, e.Target.Country, e.Reciprocal, true
			}
		}
		return "", "", false, false
	}
	if loc := mutualRe.FindStringIndex(s.Text[max(0, h.start-40):h.end]); loc != nil {
		if p := d.Ann.Parties; p[1] != "" {
			return p[0], p[1], true // "mutual expulsions", "tit-for-tat measures"
		}
	}
	ms := d.Ann.SentenceMentions(s.Index)
	start, end := s.Start+h.start, s.Start+h.end
	nominal := isNominal(s.Text[h.start:h.end])
	if loc := orderedRe.FindStringIndex(s.Text[max(0, h.start-80):h.start]); loc != nil {
		// "The United States ordered China to close its consulate": the
		// subject of the order against its object.
		at := s.Start + max(0, h.start-80) + loc[0]
		for i := len(ms) - 1; i >= 0; i-- {
			if m := ms[i]; m.End <= at && isState(m) && !afterPreposition(s, m) && !(m.Kind == entity.State && m.How == "adjective" && !m.Possessive) {
				by = m.Actor.Country
				break
			}
		}
		for _, m := range ms {
			if m.Start > at && m.End <= start && isState(m) && m.Actor.Country != by {
				against = m.Actor.Country
				break
			}
		}
		if by != "" && against != "" {
			return by, against, false
		}
		by, against = "", ""
	}
	if h.kind == MeasurePersonaNonGrata {
		// "X declared Y persona non grata": the subject of "declared"
		// and the country of Y.
		if k := lastIndexWord(s.Text[:h.start], "declared", "declares", "declaring", "declare"); k >= 0 {
			at := s.Start + k
			for i := len(ms) - 1; i >= 0; i-- {
				if m := ms[i]; m.End <= at && isState(m) && !afterPreposition(s, m) && (!m.Possessive || at-m.End > 6) {
					by = m.Actor.Country
					break
				}
			}
			for _, m := range ms {
				if m.Start > at && m.End <= start && isState(m) && m.Actor.Country != by {
					against = m.Actor.Country
					break
				}
			}
			if by != "" && against != "" {
				return by, against, false
			}
		}
	}
	if before := strings.TrimRight(s.Text[:h.start], " "); prevBy != "" && !nominal && (strings.HasSuffix(before, " and") || strings.HasSuffix(before, ",")) {
		// "declared the ambassador persona non grata and froze trade":
		// a coordinated verb shares the subject.
		by = prevBy
	}
	toks := s.Tokens
	// "by X" right after the trigger (passive).
	for _, m := range ms {
		if m.Start >= end && m.Start-end <= 20 && isState(m) {
			k := indexOf(toks, m.Start)
			if k > 0 && (toks[k-1].Norm == "by" || k > 1 && toks[k-2].Norm == "by" && toks[k-1].Norm == "the") {
				by = m.Actor.Country
			}
		}
	}
	// The subject: the nearest state-like mention before the trigger that
	// is not the object of a preposition; a possessive right before a noun
	// trigger ("Russia's expulsion of").
	if by == "" {
		for i := len(ms) - 1; i >= 0; i-- {
			m := ms[i]
			if m.End > start || !isState(m) || start-m.End > 90 {
				continue
			}
			if m.Possessive && start-m.End > 6 {
				continue
			}
			if nominal && !m.Possessive {
				// A noun names no actor by position: "impacted by the
				// expulsion of diplomats".
				continue
			}
			if m.Kind == entity.State && m.How == "adjective" && !m.Possessive {
				continue // "banned Chinese apps": an object's adjective
			}
			if afterPreposition(s, m) && !m.Possessive {
				continue
			}
			by = m.Actor.Country
			break
		}
	}
	// The target: a mention after the trigger within the clause ("of
	// Russian diplomats", "against Moscow", "on Russia"), or inside it
	// ("its consulate in Chengdu": the host of the place is the actor).
	for _, m := range ms {
		if m.Start < start || m.Start-end > 40 || !isState(m) || m.Actor.Country == by {
			continue
		}
		against = m.Actor.Country
		break
	}
	passive := passiveRe.MatchString(s.Text[h.start:h.end])
	if against == "" || passive {
		// "resumed flights to China", "flights to Toronto": the place's
		// country; "property seized in the United States": the place is
		// the actor's.
		for _, p := range d.Ann.SentencePlaces(s.Index) {
			if p.Start >= start && p.Start-end <= 40 && p.Country != by {
				if passive {
					by, against = p.Country, ""
				} else {
					against = p.Country
				}
				break
			}
		}
		if passive && against == "" {
			for _, m := range ms {
				if m.Start >= end && m.Start-end <= 30 && isState(m) {
					by = m.Actor.Country
					break
				}
			}
		}
	}
	if by == "" || against == "" {
		if eb, ea, er, ok := fromEvent(); ok && (by == "" || by == eb) {
			return eb, ea, er
		}
	}
	if by == "" && against == "" && mutual {
		if p := d.Ann.Parties; p[1] != "" {
			return p[0], p[1], true
		}
	}
	p := d.Ann.Parties
	if p[1] != "" {
		switch {
		case by != "" && against == "":
			against = entity.OtherParty(p, by)
		case by == "" && against != "":
			by = entity.OtherParty(p, against)
		case by == "" && against == "" && !mutual:
			// A measure named with no actor in an article about a pair:
			// mutual measures of the pair, as background.
			return p[0], p[1], true
		}
	}
	return by, against, false
}

// isState reports a mention that can take or suffer a measure: a state,
// its institutions, officials and diplomats.
func isState(m entity.Mention) bool {
	if m.Kind == entity.Collective || isBodyCountry(m.Actor.Country) {
		return false
	}
	return true
}

// measureSize finds the number of people a measure affects in the text
// around it ("expelled 23 diplomats", "cut its staff to 455").
func measureSize(text string, h measureHit) string {
	lo, hi := max(0, h.start-40), min(len(text), h.end+50)
	var best string
	bestD := 1 << 30
	for _, m := range sizeRe.FindAllStringSubmatchIndex(text[lo:hi], -1) {
		g := 2
		if m[2] < 0 {
			g = 4
		}
		if m[g] < 0 {
			continue
		}
		at := lo + m[g]
		dist := abs(at - h.end)
		if at < h.start {
			dist = h.start - at
		}
		if dist < bestD {
			best, bestD = strings.ReplaceAll(text[lo+m[g]:lo+m[g+1]], ",", ""), dist
		}
	}
	return best
}

// measureDate dates a measure by the time expression nearest its trigger
// at or after byte from of the sentence.
func measureDate(d Doc, s *nlp.Sentence, h measureHit, m *record.Measure, from int) {
	var best *entity.Date
	bestD := 1 << 30
	dates := d.Ann.SentenceDates(s.Index)
	for i := range dates {
		dt := &dates[i]
		if dt.Precision == timex.Unknown || dt.Date.IsZero() || dt.Start-s.Start < from {
			continue
		}
		at := dt.Start - s.Start
		dist := abs(at - h.end)
		if at < h.start {
			dist = h.start - (dt.End - s.Start)
		}
		if dist < bestD {
			best, bestD = dt, dist
		}
	}
	if best == nil {
		return
	}
	switch best.Precision {
	case timex.Day:
		m.Date = strp(best.Date.Format("2006-01-02"))
		m.DatePrecision = record.PrecisionDay
	case timex.Week:
		m.DatePrecision, m.Period = record.PrecisionWeek, best.Format()
	case timex.Month:
		m.DatePrecision, m.Period = record.PrecisionMonth, best.Format()
	case timex.Year:
		m.DatePrecision, m.Period = record.PrecisionYear, best.Format()
	}
}

// sameMeasure returns the index of an earlier measure m reports again:
// same actor, target, kind and direction, with no conflicting date.
func sameMeasure(ms []record.Measure, m record.Measure) int {
	for i, x := range ms {
		if x.Kind != m.Kind || x.Reversal != m.Reversal || x.By != m.By || x.Against != m.Against {
			continue
		}
		if x.Date != nil && m.Date != nil && *x.Date != *m.Date {
			continue
		}
		if x.Period != "" && m.Period != "" && x.Period != m.Period {
			continue
		}
		if x.Size != "" && m.Size != "" && x.Size != m.Size {
			continue
		}
		return i
	}
	return -1
}

// nominalStarts are first words of measure phrases that are nouns or
// adjectives rather than verbs.
var nominalStarts = map[string]bool{
	"restrictions": true, "restriction": true, "cap": true, "caps": true, "persona": true, "actions": true,
	"measures": true, "steps": true, "moves": true, "office": true, "consulate": true, "embassy": true,
	"new": true, "fresh": true, "broad": true, "severe": true, "sweeping": true, "tough": true,
	"uncomfortable": true, "visa": true, "flight": true, "trade": true, "arms": true, "staffing": true,
	"property": true, "properties": true, "compound": true, "compounds": true,
}

// isNominal reports a measure phrase that opens with a noun ("the
// expulsion of", "closures", "freezing of accounts") rather than a verb
// with a subject ("expelled", "closed").
func isNominal(phrase string) bool {
	f := strings.Fields(strings.ToLower(phrase))
	if len(f) == 0 {
		return false
	}
	w := f[0]
	if nominalStarts[w] {
		return true
	}
	for _, suf := range []string{"ion", "ions", "ure", "ures"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return strings.HasSuffix(w, "ing") && len(f) > 1 && f[1] == "of"
}

// inAgenda reports a measure phrase that is part of a meeting's agenda
// ("talks centered on …, including the reopening of consular services"):
// a topic, not a step taken.
func inAgenda(text string, h measureHit) bool {
	for _, p := range topicPhrases(text) {
		if h.start >= p.start && h.start < p.end+2 {
			return true
		}
	}
	return false
}

// lastIndexWord returns the offset of the last of words in text as a
// whole word, or -1.
func lastIndexWord(text string, words ...string) int {
	best := -1
	low := strings.ToLower(text)
	for _, w := range words {
		for i := strings.LastIndex(low, w); i >= 0; i = strings.LastIndex(low[:i], w) {
			before := i == 0 || !isLetter(low[i-1])
			after := i+len(w) == len(low) || !isLetter(low[i+len(w)])
			if before && after {
				if i > best {
					best = i
				}
				break
			}
		}
	}
	return best
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// asciiLower lower-cases the ASCII letters of s, keeping every byte
// offset.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// anyFound reports whether any of the needles ids was found.
func anyFound(found []bool, ids []int) bool {
	for _, k := range ids {
		if found[k] {
			return true
		}
	}
	return false
}

func containsAny(s string, needles []string) bool {
	for _, n := range needles {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
}

// answeredKind reads the head of an "in response to …" phrase: the
// measure kind it names ("the closures"), or any measure ("Washington's
// actions", "the move").
func answeredKind(phrase string) (kind string, any bool) {
	f := strings.Fields(strings.ToLower(phrase))
	for i, w := range f {
		if i > 5 {
			break
		}
		w = strings.Trim(w, ".,;:’'\"")
		switch {
		case strings.HasPrefix(w, "closure"):
			return MeasureClosure, false
		case strings.HasPrefix(w, "expulsion"):
			return MeasureExpulsion, false
		case w == "sanctions":
			return MeasureSanctions, false
		case strings.HasPrefix(w, "flight"):
			return MeasureFlightBan, false
		case w == "actions" || w == "action" || w == "measures" || w == "measure" || w == "steps" || w == "step" || w == "moves" || w == "move" || w == "decision":
			return "", true
		}
	}
	return "", false
}

// after reports a measure dated later than another: it cannot be what the
// other answers.
func after(a, b record.Measure) bool {
	da, db := measureWhen(a), measureWhen(b)
	if da == "" || db == "" {
		return false
	}
	n := min(len(da), len(db))
	return da[:n] > db[:n]
}

func measureWhen(m record.Measure) string {
	if m.Date != nil {
		return *m.Date
	}
	if strings.Contains(m.Period, "W") {
		return ""
	}
	return m.Period
}
