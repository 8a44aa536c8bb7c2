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
	topicRe = regexp.MustCompile(`\b(?:to discuss|discussed|discussing|centered on|centred on|centering on|focused(?: solely| mainly| primarily| largely| chiefly)? on|focusing(?: solely| mainly)? on|concentrated on|aimed at|concerns (?:regarding|about|over)|talks (?:on|about|over)|negotiations (?:on|about|over)|consultations (?:on|about)|agenda (?:included|includes)|to address)\s+`)
	// excludedRes find topics declared off the agenda; group 1 is the topic.
	excludedRes = []*regexp.Regexp{
		regexp.MustCompile(`\bno ([^,.;]+?) (?:on|were on|was on) the agenda`),
		regexp.MustCompile(`(?:^|[,.;:“"]\s*)([^,.;:“"]+?) (?:is|was|are|were|will not be|would not be) not (?:on the agenda|discussed|up for discussion)`),
		regexp.MustCompile(`(?:^|[,.;:“"]\s*)([^,.;:“"]+?) (?:is|was|are|were) off the (?:table|agenda)`),
		regexp.MustCompile(`\b(?:focused|centered|centred|concentrated)(?: solely| only| mainly| exclusively)? on [^,;]+, not ([^,.;]+)`),
		regexp.MustCompile(`\b(?:will|would|did|do) not discuss ([^,.;]+)`),
	}
	// clauseStop ends a topic phrase.
	clauseStop = regexp.MustCompile(`[,;:]|\.(?:$|\s+[^A-Z\s])|\s(?:following|after|amid|as part of|in order to|to create|while|but|because|before|according to)\s`)
	// listStop ends a list of topics after "including".
	listStop = regexp.MustCompile(`[;.]|,\s(?:which|who|to|a|an)\s`)
	// futureRe ends a stretch of text that makes the agenda that follows
	// hypothetical.
	futureRe = regexp.MustCompile(`\b(?:future|possible|potential|next|further|might|could|would)\s+(?:\w+\s+){0,2}$`)
	// topicNeedles are words one of which a sentence must hold for topicRe
	// to be tried.
	topicNeedles = []string{"discuss", "center", "centre", "focus", "concentrat", "aimed at", "concerns", "talks ", "negotiations ", "consultations ", "agenda", "to address"}
	// listSplit splits a list of topics (matched on lower-cased text).
	listSplit = regexp.MustCompile(`,\s*(?:and\s+|as well as\s+)?|\s+(?:and|as well as)\s+`)
)

// topicPhrases finds the agenda topics a sentence names: "to discuss X",
// "centered on X", "focused on X", with the list after "including" split
// into its items.
func topicPhrases(text string) []phrase {
	var out []phrase
	low := asciiLower(text)
	if !containsAny(low, topicNeedles) {
		return nil
	}
	for _, m := range topicRe.FindAllStringIndex(low, -1) {
		if futureRe.MatchString(low[max(0, m[0]-30):m[0]]) {
			continue // "might open the door for future negotiations on …"
		}
		start := m[1]
		rest := text[start:]
		end := len(rest)
		if loc := clauseStop.FindStringIndex(text[start:]); loc != nil {
			end = loc[0]
		}
		// "access to banking … as well as the need to ensure …": two
		// topics.
		off := 0
		for _, part := range strings.Split(rest[:end], " as well as ") {
			if t := cleanTopic(part); t != "" {
				out = append(out, phrase{t, start + off, start + off + len(part)})
			}
			off += len(part) + len(" as well as ")
		}
		// ", including A and B" after the topic.
		if k := strings.Index(low[start+end:], "including "); k >= 0 && k <= 3 {
			ls := start + end + k + len("including ")
			lrest := text[ls:]
			lend := len(lrest)
			if loc := listStop.FindStringIndex(lrest); loc != nil {
				lend = loc[0]
			}
			for _, item := range splitList(lrest[:lend]) {
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
	low := asciiLower(text)
	if !containsAny(low, []string{"agenda", "off the", "not discuss", ", not ", "not be discussed", "not discussed"}) {
		return nil
	}
	var out []phrase
	for _, re := range excludedRes {
		for _, m := range re.FindAllStringSubmatchIndex(low, -1) {
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
	for _, p := range []string{"the ", "a ", "an ", "there are ", "there is ", "resolving ", "ways to ", "how to ", "need to ensure ", "need to secure ", "need to guarantee ", "need for ", "ensuring "} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			s = s[len(p):]
		}
	}
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 14 {
		return ""
	}
	switch strings.ToLower(f[0]) {
	case "these", "those", "this", "that", "such", "it", "them":
		return "" // "these practical issues": named elsewhere
	}
	return s
}

// splitList splits "A, B and C" into its items, matching the separators
// case-insensitively.
func splitList(s string) []string {
	low := asciiLower(s)
	var out []string
	last := 0
	for _, loc := range listSplit.FindAllStringIndex(low, -1) {
		out = append(out, s[last:loc[0]])
		last = loc[1]
	}
	return append(out, s[last:])
}
