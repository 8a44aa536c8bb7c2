package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A clutterRule recognizes one kind of page chrome that a reader's copy of a
// web page carries into the text: share prompts, advertisements, comment
// prompts, captions, embedded posts. Rules are data; cleanParagraphs applies
// them to every paragraph.
type clutterRule struct {
	// name says what was dropped; it appears in the warning.
	name string
	// re must match the paragraph (case-insensitively unless written
	// otherwise).
	re *regexp.Regexp
	// maxLen is the longest paragraph, in runes, the rule may drop: real
	// sentences that merely mention "subscribe" or "photo" are longer than
	// the chrome the rule targets.
	maxLen int
	// need lists lower-case strings of which the paragraph must contain
	// one for the rule to be tried; it keeps unanchored patterns cheap.
	// Empty means always try.
	need []string
	// tailOnly marks patterns anchored at the end of the paragraph whose
	// match spans less than its last 80 bytes.
	tailOnly bool
	// tail marks rules that open a page's closing chrome (the comment
	// section): when one matches in the last part of the text, everything
	// after it is dropped too.
	tail bool
}

// tailRule makes a rule whose pattern is anchored at the end; see tailOnly.
func tailRule(name string, maxLen int, pattern string, need ...string) clutterRule {
	r := rule(name, maxLen, false, pattern, need...)
	r.tailOnly = true
	return r
}

// rule makes a clutter rule; need lists its keyword prefilter.
func rule(name string, maxLen int, tail bool, pattern string, need ...string) clutterRule {
	return clutterRule{name: name, re: regexp.MustCompile(pattern), maxLen: maxLen, tail: tail, need: need}
}

// readTime matches read-time notes: "6 minute read", "4 min read",
// "Reading time: 3 minutes".
const readTime = `\d+\s*-?\s*min(?:ute)?s?\.?\s*(?:read|reading)\b|\breading time\b`

var clutterRules = []clutterRule{
	rule("share prompt", 80, false, `(?i)^(?:share|share this(?: article| story| post| page)?|share on \w+|share via \w+|tweet|tweet this|email|e-mail|print|copy link|copy url|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest|messenger)(?:\s*[:|,/·•]?\s*(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|e-mail|print|copy link|messenger|pinterest|flipboard)\b)*\s*:?$`),
	rule("share prompt", 80, false, `(?i)^(?:(?:share|sharing|tweet|email|e-mail|print|copy|link|url|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|messenger|flipboard|bluesky|threads|vk|on|via|this|article|story|save|mail|sms)\b[\s:|,/·•]*)+$`),
	rule("share prompt", 120, false, `(?i)^(?:share|share this(?: article| story)?)\s*[:|]`),
	rule("advertisement", 80, false, `(?i)^(?:advertisement|advertising|sponsored(?: content)?|ad|ads|promoted|paid content|story continues (?:below|after)(?: the)? advertisement|scroll to continue(?: with content)?|continue reading(?: below)?|article continues below)\W*$`),
	rule("related link", 250, false, `(?i)^(?:related(?: articles?| stories| coverage| content| news| reading)?|see also|also read|read also|read more|more on this(?: story| topic)?|read next|recommended(?: for you)?|editor'?s picks?|you may also like|most read|trending(?: now)?|more from \w+|watch|video|listen)\s*[:|»›>\-–—]`),
	rule("related link", 60, false, `(?i)^(?:related(?: articles?| stories| coverage| content| news)?|read more|more stories|recommended(?: for you)?|most read|most popular|trending(?: now)?|you may also like|editor'?s picks?|latest news|top stories|more from [\w ]+)\s*»?$`),
	rule("newsletter prompt", 200, false, `(?i)^(?:subscribe|sign up|signup|get our|get the latest|join our|register)\b.*(?:newsletter|inbox|subscribe|updates|digest|briefing|alerts|free|today|now)\b`),
	rule("newsletter prompt", 40, false, `(?i)^(?:subscribe|subscribe now|sign up|sign in|log in|login|register)\W*$`),
	rule("follow prompt", 160, false, `(?i)^follow(?: us| \S+(?: \S+)?)? on (?:twitter|x|facebook|instagram|telegram|linkedin|youtube|tiktok|threads|bluesky|google news)\b`),
	rule("follow prompt", 40, false, `(?i)^follow us\W*$`),
	rule("comment prompt", 60, true, `(?i)^(?:leave a (?:comment|reply)|post a comment|add a comment|write a comment|join the (?:conversation|discussion)|comments?(?: \(\d+\))?|\d+ comments?|no comments(?: yet)?|show comments|view comments|load comments|comments are closed|what do you think\?)\W*$`),
	rule("byline", 300, false, `(?i)`+readTime, "min read", "mins read", "min. read", "minute read", "minutes read", "min reading", "minute reading", "reading time", "min-read", "minute-read"),
	rule("byline", 80, false, `(?i)^(?:published|updated|posted|last updated|first published|last modified)\b(?:\s+on|\s+at)?\s*:?[^.!?]{0,60}$`),
	rule("byline", 300, false, `(?i)\bno comments on\b`, "no comments on"),
	rule("caption", 300, false, `(?i)(?:^|[\s(\[])(?:photo(?:graph)?|image|picture|pictured|file photo|caption|credit|photo credit|illustration)\s*(?:by\s+\S+|:)`, "photo", "image", "picture", "caption", "credit", "illustration"),
	rule("caption", 300, false, `(?i)^[(\[]?(?:photo|image|picture|file photo|illustration|video)\b\s*[\-–—:|]`),
	tailRule("caption", 300, `(?i)(?:\b\w+(?: \w+)?\s*/\s*(?:reuters|ap|afp|getty images|getty|epa(?:-efe)?|anadolu(?: agency)?|tass|ria novosti|sputnik|xinhua|shutterstock|bloomberg|ap photo|pool))\)?\s*$`, "/"),
	tailRule("caption", 300, `(?i)\((?:ap|afp|reuters|epa) photo\b|\bvia getty images\s*\)?$|\bgetty images\s*\)?$`, "photo", "getty"),
	tailRule("caption", 300, `(?i)\((?:[\w'’.\-]+ ){0,3}(?:photo|photograph|image|picture|file|archive|handout|video|screenshot)s?(?:\s*[:/][^()]{0,60})?\)\.?$`, "photo", "image", "picture", "file", "archive", "handout", "video", "screenshot"),
	rule("social embed", 600, false, `(?i)pic\.twitter\.com/|\bt\.co/\w+|\binstagram\.com/p/|view this post on instagram|a post shared by\b|watch on youtube|embedded (?:video|post|tweet)`, "pic.twitter", "t.co/", "instagram", "a post shared", "youtube", "embedded"),
	rule("social embed", 160, false, `^[—–-]{1,2}\s*[^()]{1,80}\(@\w{1,30}\)\s+\S.{0,40}\d{4}$`, "(@"),
	rule("credit line", 300, false, `(?i)^[(\[]?(?:reporting|additional reporting|writing|editing|compiled|translated|research|graphics)(?: and [a-z]+)? by\b`),
	rule("credit line", 250, false, `(?i)\bcontributed (?:to )?this (?:report|story|article)\W*$`, "contributed"),
	rule("page chrome", 120, false, `(?i)^(?:our standards\s*:|the thomson reuters trust principles|sign up here\W*$|subscribe here\W*$)`),
	rule("cookie notice", 400, false, `(?i)\b(?:we use cookies|this (?:web)?site uses cookies|uses cookies to|accept (?:all )?cookies|cookie (?:policy|settings|preferences)|by continuing to (?:use|browse))\b`, "cookie", "by continuing"),
	rule("page chrome", 120, false, `(?i)^(?:(?:click here|tap here|download (?:our|the) app|listen to (?:this )?article|print this (?:page|article)|back to top|skip to (?:main )?content|report an? (?:error|typo|correction)|filed under)\b|(?:tags?|topics?|categories|more|keywords)\s*:).{0,100}$`),
	rule("page chrome", 30, false, `(?i)^(?:close|menu|search|home|top|next|previous|back|more|loading\.*)\W*$`),
	rule("page chrome", 160, false, `(?i)^(?:©|\(c\)|copyright\b)`),
	rule("page chrome", 200, false, `(?i)\ball rights reserved\W*$`, "all rights reserved"),
	rule("page chrome", 200, false, `^The post .+ appeared first on .+$`, "appeared first on"),
	rule("breadcrumb", 160, false, `^(?:[^›»>/|]{1,30}\s+[›»>]\s+){2,}[^›»>]{1,60}$`, "›", "»", ">"),
}

// bylineRE matches the author/date lines under a headline: "By Jane Doe",
// "Published: …", "Updated …", "Posted on …".
var (
	byAuthorRE  = regexp.MustCompile(`^(?:By|BY|by)\s+\p{Lu}[\p{L}.'’\-]*(?:[ ,]+(?:and\s+|&\s+)?[\p{L}.'’\-]+){0,8}\s*$`)
	publishedRE = regexp.MustCompile(`(?i)^(?:published|updated|posted|last updated|first published|date)\b(?:\s+on)?\s*:?`)
)

// cleaning is what cleanParagraphs learnt from the text besides the body.
type cleaning struct {
	title     string
	published string // the text the date was read from, "" if none
	dropped   map[string]int
}

// cleanParagraphs removes clutter from paragraphs of text copied off a web
// page. With findTitle it also takes the headline off the top. Bylines in
// the header region give the publication date. It returns the kept
// paragraphs and what it found.
func cleanParagraphs(paras []string, title string, findTitle bool) ([]string, cleaning) {
	c := cleaning{dropped: map[string]int{}}
	start := 0
	// Page chrome above the headline (breadcrumbs, section names) goes
	// first.
	for start < 3 && start < len(paras)-1 {
		r := matchClutter(paras[start])
		if r == nil && findTitle && len(strings.Fields(paras[start])) <= 2 && isSectionLabel(paras[start]) && looksLikeHeadline(paras[start+1]) {
			c.dropped["section label"]++ // "World" above the headline
			start++
			continue
		}
		if r == nil || r.tail {
			break
		}
		c.dropped[r.name]++
		start++
	}
	// The headline: the given title when it opens the text, else a first
	// short line without final punctuation.
	if len(paras)-start > 1 {
		first := paras[start]
		switch {
		case title != "" && sameText(first, title):
			start++
			c.title = title
		case title == "" && findTitle && looksLikeHeadline(first) && matchClutter(first) == nil:
			start++
			c.title = first
		}
	}
	header := start + 4 // the byline sits right under the headline
	var kept []string
	for i := start; i < len(paras); i++ {
		p := paras[i]
		if i < header && i+1 < len(paras) && isByline(p) {
			c.dropped["byline"]++
			if c.published == "" {
				if _, ok := findDate(p); ok {
					c.published = p
				}
			}
			continue
		}
		r := matchClutter(p)
		if r == nil && len(kept) == 0 && i < header && i+1 < len(paras) && isSectionLabel(p) {
			// "Americas", "World · Europe": a section name between the
			// headline and the story.
			c.dropped["section label"]++
			continue
		}
		if r == nil {
			kept = append(kept, p)
			continue
		}
		c.dropped[r.name]++
		if r.name == "byline" && i < header && c.published == "" {
			if _, ok := findDate(p); ok {
				c.published = p
			}
		}
		if r.name == "social embed" && len(kept) > 0 && isEmbedAttribution(p) {
			// The post's own text sits just above its attribution line
			// when it carries a link, a handle, hashtags or opens with an
			// emoji.
			if prev := kept[len(kept)-1]; looksLikePost(prev) {
				kept = kept[:len(kept)-1]
				c.dropped["social embed"]++
			}
		}
		if r.tail && i*3 >= len(paras)*2 {
			c.dropped[r.name] += len(paras) - i - 1
			break
		}
	}
	return kept, c
}

// isSectionLabel reports whether p is a bare section name: at most three
// words, no sentence punctuation.
func isSectionLabel(p string) bool {
	words := strings.Fields(p)
	if len(words) > 3 || endsSentence(p) || strings.ContainsAny(p, "?!\"“”") {
		return false
	}
	if strings.Contains(p, "·") || strings.Contains(p, "|") {
		return true
	}
	return len(words) <= 3 && utf8.RuneCountInString(p) <= 30
}

// matchClutter returns the first rule p matches, or nil.
func matchClutter(p string) *clutterRule {
	n := utf8.RuneCountInString(p)
	lower := ""
	for i := range clutterRules {
		r := &clutterRules[i]
		if n > r.maxLen {
			continue
		}
		if len(r.need) > 0 {
			if lower == "" {
				lower = strings.ToLower(p)
			}
			if !containsAny(lower, r.need) {
				continue
			}
		}
		s := p
		if r.tailOnly && len(s) > 80 {
			// The rule is anchored at the end: only the end needs looking
			// at, which spares the backtracking at every position.
			i := len(s) - 80
			for i < len(s) && !utf8.RuneStart(s[i]) {
				i++
			}
			s = s[i:]
		}
		if r.re.MatchString(s) {
			return r
		}
	}
	return nil
}

// isByline reports whether p is an author or date line under a headline.
func isByline(p string) bool {
	if utf8.RuneCountInString(p) > 200 {
		return false
	}
	if byAuthorRE.MatchString(p) {
		return true
	}
	if strings.HasPrefix(p, "By ") && len(strings.Fields(p)) <= 6 && !endsSentence(p) {
		return true // "By our Paris correspondent", "By staff reporters"
	}
	if publishedRE.MatchString(p) {
		_, ok := findDate(p)
		return ok
	}
	// A line that is mostly a date, maybe with an author, a place or a
	// section name around it, and is not a sentence.
	if _, ok := findDate(p); ok && !endsSentence(p) && len(strings.Fields(p)) <= 12 {
		return true
	}
	return false
}

var postMarkRE = regexp.MustCompile(`https?://|(?:^|\s)[#@]\w`)

var embedAttributionRE = regexp.MustCompile(`\(@\w{1,30}\)`)

func isEmbedAttribution(p string) bool { return embedAttributionRE.MatchString(p) }

// looksLikePost reports whether p reads like the text of an embedded social
// media post rather than article prose.
func looksLikePost(p string) bool {
	if utf8.RuneCountInString(p) > 300 {
		return false
	}
	if postMarkRE.MatchString(p) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(p)
	return r >= 0x2000 && !unicode.IsLetter(r) && !unicode.IsPunct(r)
}

// looksLikeHeadline reports whether p can be a headline: a short line that
// does not end like a sentence.
func looksLikeHeadline(p string) bool {
	words := len(strings.Fields(p))
	if words < 2 || words > 30 || utf8.RuneCountInString(p) > 220 {
		return false
	}
	if endsSentence(p) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '‘' || r == '“' || r == '"' || r == '\''
}

// endsSentence reports whether p ends with sentence punctuation (closing
// quotes and brackets aside). Question and exclamation marks end headlines
// as well as sentences, so they do not count.
func endsSentence(p string) bool {
	p = strings.TrimRight(p, `"'”’)]» `)
	if p == "" {
		return false
	}
	switch p[len(p)-1] {
	case '.', ',', ';', ':':
		return true
	}
	return strings.HasSuffix(p, "…")
}

// sameText compares two short texts ignoring case, spacing and punctuation.
func sameText(a, b string) bool {
	return squash(a) == squash(b)
}

func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
