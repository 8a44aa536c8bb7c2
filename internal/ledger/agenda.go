package ledger

import (
	"regexp"
	"strings"
)

// phrase is a stretch of a sentence's text: [start, end) byte offsets into
// it and the cleaned text.
type phrase struct {
	text       string
	start, end int
}

var (
	// topicRe opens an agenda phrase; the topic runs from the end of the
	// match to the end of its clause.
	topicRe = regexp.MustCompile(`(?i)\b(?:to discuss|discussed|discussing|centered on|centred on|centering on|focused(?: solely| mainly| primarily| largely| chiefly)? on|focusing(?: solely| mainly)? on|concentrated on|aimed at|concerns (?:regarding|about|over)|talks (?:on|about|over)|negotiations (?:on|about|over)|consultations (?:on|about)|agenda (?:included|includes)|to address)\s+`)
	// excludedRes find topics declared off the agenda; group 1 is the topic.
	excludedRes = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\bno ([^,.;]+?) (?:on|were on|was on) the agenda`),
		regexp.MustCompile(`(?i)(?:^|[,.;:“"]\s*)([^,.;:“"]+?) (?:is|was|are|were|will not be|would not be) not (?:on the agenda|discussed|up for discussion)`),
		regexp.MustCompile(`(?i)(?:^|[,.;:“"]\s*)([^,.;:“"]+?) (?:is|was|are|were) off the (?:table|agenda)`),
		regexp.MustCompile(`(?i)\b(?:focused|centered|centred|concentrated)(?: solely| only| mainly| exclusively)? on [^,;]+, not ([^,.;]+)`),
		regexp.MustCompile(`(?i)\b(?:will|would|did|do) not discuss ([^,.;]+)`),
	}
	// clauseStop ends a topic phrase.
	clauseStop = regexp.MustCompile(`(?i)[,;.:]|\s(?:following|after|amid|as part of|in order to|to create|while|but|because|before|according to)\s`)
	// listSplit splits a list of topics.
	listSplit = regexp.MustCompile(`(?i),\s*(?:and\s+|as well as\s+)?|\s+(?:and|as well as)\s+`)
)

// topicPhrases finds the agenda topics a sentence names: "to discuss X",
// "centered on X", "focused on X", with the list after "including" split
// into its items.
func topicPhrases(text string) []phrase {
	var out []phrase
	for _, m := range topicRe.FindAllStringIndex(text, -1) {
		start := m[1]
		rest := text[start:]
		end := len(rest)
		if loc := clauseStop.FindStringIndex(rest); loc != nil {
			end = loc[0]
		}
		if t := cleanTopic(rest[:end]); t != "" {
			out = append(out, phrase{t, start, start + end})
		}
		// ", including A and B" after the topic.
		after := rest[end:]
		if k := strings.Index(strings.ToLower(after), "including "); k >= 0 && k <= 3 {
			ls := start + end + k + len("including ")
			lrest := text[ls:]
			lend := len(lrest)
			if loc := regexp.MustCompile(`[;.]|,\s(?:which|who|to|a|an)\s`).FindStringIndex(lrest); loc != nil {
				lend = loc[0]
			}
			for _, item := range listSplit.Split(lrest[:lend], -1) {
				if t := cleanTopic(item); t != "" {
					k := strings.Index(text[ls:], strings.TrimSpace(item))
					if k < 0 {
						k = 0
					}
					out = append(out, phrase{t, ls + k, ls + k + len(strings.TrimSpace(item))})
				}
			}
		}
	}
	return out
}

// excludedPhrases finds topics a sentence declares off the agenda.
func excludedPhrases(text string) []phrase {
	var out []phrase
	for _, re := range excludedRes {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			if t := cleanTopic(text[m[2]:m[3]]); t != "" {
				out = append(out, phrase{t, m[2], m[3]})
			}
		}
	}
	return out
}

// cleanTopic trims quote marks, articles and "the issue of" from a topic
// phrase; it returns "" for phrases too short or too long to be a topic.
func cleanTopic(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '“' || r == '”' || r == '"' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	for _, p := range []string{"the ", "a ", "an ", "there are ", "there is ", "resolving ", "ways to ", "how to "} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			s = s[len(p):]
		}
	}
	n := len(strings.Fields(s))
	if n == 0 || n > 14 {
		return ""
	}
	return s
}
