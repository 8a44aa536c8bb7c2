package ledger

import (
	_ "embed"
	"regexp"
	"sort"
	"strings"

	"github.com/parleyproject/parley/internal/record"
)

//go:embed topics.txt
var topicsData string

// Topic is an issue between two states and the phrases that name it.
type Topic struct {
	// Key is the topic's identifier ("banking", "staffing", …).
	Key string
	// Phrases are its lower-case phrases; see topics.txt for the syntax.
	Phrases []string
}

// Topics are the issue topics of the dossiers, parsed from the embedded
// topics.txt; see that file for the format.
var Topics = parseTopics(topicsData)

// parseTopics reads "key: phrase, phrase" lines. Malformed lines are a
// programmer error in the embedded data; they are skipped, and a test
// checks that every line parses.
func parseTopics(data string) []Topic {
	var out []Topic
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, list, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		var ps []string
		for _, p := range strings.Split(list, ",") {
			if p = strings.ToLower(strings.TrimSpace(p)); p != "" {
				ps = append(ps, p)
			}
		}
		if len(ps) > 0 {
			out = append(out, Topic{Key: strings.TrimSpace(key), Phrases: ps})
		}
	}
	return out
}

// topicsIn returns the keys of the topics text names, in table order.
func topicsIn(text string) []string {
	var found [64]bool
	issuePhrases.matches(textWords(asciiLower(text)), func(id int) {
		if id < len(found) {
			found[id] = true
		}
	})
	var out []string
	for i, t := range Topics {
		if i < len(found) && found[i] {
			out = append(out, t.Key)
		}
	}
	return out
}

// issuePhrases holds the phrases of Topics by topic index; matching the
// words of a sentence once is far cheaper than a regular expression per
// topic.
var issuePhrases = func() *phraseSet {
	ps := newPhraseSet()
	for i, t := range Topics {
		for _, p := range t.Phrases {
			ps.add(p, i)
		}
	}
	return ps
}()

// measureTopic is the issue a measure kind bears on.
var measureTopic = map[string]string{
	MeasureExpulsion: "staffing", MeasurePersonaNonGrata: "staffing", MeasureStaffingCap: "staffing",
	MeasureClosure: "consular", MeasureAccountFreeze: "banking", MeasurePropertySeizure: "property",
	MeasureVisaSuspension: "visas", MeasureFlightBan: "flights", MeasureSanctions: "sanctions",
	MeasureAmbassador: "ambassadors", MeasureRelationsCut: "relations", MeasureTradeFreeze: "trade",
	MeasureBorderClosure: "border",
	MeasureRestrictions:  "staffing",
}

var (
	resolvedRe = regexp.MustCompile(`(?i)\b(?:resolved|settled|restored|reopened|resumed|returned to (?:their|his|her) posts?|released|freed|lifted)\b`)
	modalRe    = regexp.MustCompile(`(?i)\b(?:might|could|would|may|future|possible|possibility|speculation|expected to)\b`)
	anaphorRe  = regexp.MustCompile(`(?i)\b(?:these|those|both) (?:areas|issues|matters|questions|problems)\b`)
	// anaphorGate turns away the sentences anaphorRe cannot match, most,
	// before the expression runs on them.
	anaphorGate = newFoldGate("these ", "those ", "both ")
)

// Issues finds the issue-dossier updates of d: for each topic a sentence
// names, the status the sentence gives it and the measure, meeting or
// event behind that status. Measures move their topic to "worsened" (or
// "resolved" for reversals); agreements at a meeting to "steps agreed";
// a meeting's agenda to "under negotiation"; requests, proposals and
// concerns to "raised"; criticism, threats and rejections to "worsened".
func Issues(d Doc, meetings []record.Meeting, measures []record.Measure) []record.IssueUpdate {
	ann := d.Ann
	if ann == nil {
		return nil
	}
	meetingOf := map[int]*record.Meeting{} // sentence → meeting it reports on
	for i := range meetings {
		for _, ev := range meetings[i].Evidence {
			if _, ok := meetingOf[ev.Sentence]; !ok {
				meetingOf[ev.Sentence] = &meetings[i]
			}
		}
	}
	evBySent := map[int][]record.Event{}
	for _, e := range d.Events {
		evBySent[e.Evidence.Sentence] = append(evBySent[e.Evidence.Sentence], e)
	}
	var out []record.IssueUpdate
	seen := map[string]bool{}
	add := func(u record.IssueUpdate) {
		if len(u.Parties) < 2 {
			return
		}
		sort.Strings(u.Parties)
		k := u.Topic + "|" + u.Status + "|" + u.Cause + "|" + strings.Join(u.Parties, ",")
		if seen[k] {
			return
		}
		seen[k] = true
		if u.DatePrecision == "" {
			u.DatePrecision = record.PrecisionUnknown
		}
		out = append(out, u)
	}
	doc := []string{}
	if ann.Parties[1] != "" {
		doc = []string{ann.Parties[0], ann.Parties[1]}
	}
	// Measures and their reversals.
	for _, m := range measures {
		t := measureTopic[m.Kind]
		if t == "" {
			continue
		}
		st := record.IssueWorsened
		if m.Reversal {
			st = record.IssueResolved
		}
		add(record.IssueUpdate{Topic: t, Parties: []string{m.By, m.Against}, Status: st, Date: m.Date, DatePrecision: m.DatePrecision, Cause: m.ID, Evidence: m.Evidence})
	}
	var prevTopics []string
	for si := range ann.Sentences {
		s := &ann.Sentences[si]
		topics := topicsIn(s.Text)
		if len(topics) == 0 && anaphorGate.mayMatch(s.Text) && anaphorRe.MatchString(s.Text) {
			topics = prevTopics // "steps … in these areas"
		}
		prevTopics = topics
		if len(topics) == 0 || s.Headline {
			continue
		}
		ev := record.Evidence{Sentence: si, Start: s.Start, End: s.End, Text: s.Text}
		mt := meetingOf[si]
		// The strongest status the sentence's events give, with its cause.
		status, cause := "", ""
		var date *string
		prec := ""
		parties := doc
		for _, e := range evBySent[si] {
			st := eventStatus(e)
			if st == "" || e.Status != record.StatusReported && !(e.Status == record.StatusProposed && st == record.IssueRaised) {
				continue
			}
			if statusRank(st) <= statusRank(status) {
				continue
			}
			status, cause, date, prec = st, e.ID, e.Date, e.DatePrecision
			if e.Source != nil && e.Target != nil && e.Source.Country != e.Target.Country && !isBodyCountry(e.Source.Country) && !isBodyCountry(e.Target.Country) {
				parties = []string{e.Source.Country, e.Target.Country}
			}
			if mt != nil && (st == record.IssueStepsAgreed || st == record.IssueUnderNegotiation || st == record.IssueRaised) {
				cause, date, prec = mt.ID, mt.Date, mt.DatePrecision
				if len(mt.Parties) == 2 {
					parties = mt.Parties
				}
			}
		}
		if status == "" && mt != nil && !modalRe.MatchString(s.Text) {
			// A sentence about a meeting's agenda.
			status, cause, date, prec = record.IssueUnderNegotiation, mt.ID, mt.Date, mt.DatePrecision
			if len(mt.Parties) == 2 {
				parties = mt.Parties
			}
		}
		if status == "" {
			continue
		}
		if status == record.IssueStepsAgreed && resolvedRe.MatchString(s.Text) && !strings.Contains(strings.ToLower(s.Text), "to restore") {
			status = record.IssueResolved
		}
		for _, t := range topics {
			if measureOnly(t, s.Text, measures, si) {
				continue // the measure itself already updated this topic
			}
			add(record.IssueUpdate{Topic: t, Parties: append([]string(nil), parties...), Status: status, Date: date, DatePrecision: prec, Cause: cause, Evidence: ev})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Evidence.Start < out[j].Evidence.Start })
	return out
}

// measureOnly reports a topic that a sentence names only through a
// measure of that topic found in it (the measure's update covers it).
func measureOnly(topic, text string, measures []record.Measure, si int) bool {
	for _, m := range measures {
		if m.Evidence.Sentence == si && measureTopic[m.Kind] == topic {
			return true
		}
	}
	return false
}

// eventStatus is the issue status an event gives the topics of its
// sentence, or "".
func eventStatus(e record.Event) string {
	switch e.CAMEORoot {
	case "03", "05", "06", "08":
		return record.IssueStepsAgreed
	case "04":
		return record.IssueUnderNegotiation
	case "02", "10":
		return record.IssueRaised
	case "11", "12", "13", "14", "16", "17":
		return record.IssueWorsened
	}
	return ""
}

// statusRank orders statuses by how much they say: a sentence reporting
// talks and an agreement gives "steps agreed".
func statusRank(s string) int {
	switch s {
	case record.IssueRaised:
		return 1
	case record.IssueUnderNegotiation:
		return 2
	case record.IssueWorsened:
		return 3
	case record.IssueStepsAgreed:
		return 4
	case record.IssueResolved:
		return 5
	}
	return 0
}
