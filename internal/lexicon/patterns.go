package lexicon

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// NoEvent is the code of a rule that matches words which would otherwise
// trigger an event but report none ("signed into law", "trade annexes"):
// it takes those words away from other rules.
const NoEvent = "-"

// Pattern is one event-coding rule: a CAMEO code (or NoEvent) and the
// words that trigger it.
//
// In a pattern file each rule is one line:
//
//	CODE  ELEMENT ELEMENT …  [; FLAG FLAG …]
//
// An ELEMENT is a word ("talks"), alternatives ("talks|negotiations"), a
// verb lemma prefixed with "+" that matches all its inflections ("+expel"
// matches expel, expels, expelled, expelling; each alternative may be a
// verb: "+lift|+ease"), or a gap: "*" skips up to
// six tokens and "**" up to ten before the next element. The first
// element that is not a gap is the trigger word reported as evidence
// unless another is marked with "^". Lines starting with "@verb" list
// irregular forms of a verb ("@verb meet met"). "#" starts a comment.
type Pattern struct {
	Code  string
	Elems []PatternElem
	// Trigger is the index in Elems of the element reported as the trigger.
	Trigger int
	Flags   PatternFlags
	File    string
	Line    int
}

// PatternElem is one element of a pattern.
type PatternElem struct {
	// Words are the alternatives, lower-case. For a verb they are lemmas.
	Words []string
	// Verb reports, for each alternative, a verb lemma matched in all its
	// inflections.
	Verb []bool
	// Gap is the number of tokens that may be skipped before this element.
	Gap int
}

// PatternFlags modify how a rule is applied.
type PatternFlags struct {
	// Sym marks a joint action: with two parties it is reciprocal.
	Sym bool
	// Speech marks a verb of saying: its complement is reported speech and
	// the event is a comment by the speaker.
	Speech bool
	// Embed marks a verb whose complement did not happen (propose, urge,
	// plan): events inside it are not reported as happened.
	Embed bool
	// Noun marks a nominal trigger ("talks", "expulsion"): it needs its
	// participants in its own phrase or an indefinite article.
	Noun bool
	// PlaceTarget lets a place stand for the target ("visited Moscow").
	PlaceTarget bool
	// Tone lets the tone of quoted words choose 012 or 013.
	Tone bool
	// Host marks a hosting verb: the subject is the host (043).
	Host bool
	// NoTarget marks an event that may have no target.
	NoTarget bool
}

// Verbs holds irregular verb forms: lemma → forms.
type Verbs map[string][]string

// Patterns is the coder's rule set.
type Patterns struct {
	Rules []Pattern
	Verbs Verbs
	// Tone words: quoted text with more pessimistic than optimistic words
	// makes a comment 012, the reverse 013.
	Pessimistic []string
	Optimistic  []string
	// Accusing and Critical words in reported speech make a statement an
	// accusation (112) or a criticism (111).
	Accusing []string
	Critical []string
}

// LoadPatterns reads every *.txt file of dir in fsys as a pattern file and
// returns the rules, with every format problem in an ErrorList.
func LoadPatterns(fsys fs.FS, dir string) (*Patterns, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("listing pattern files in %s: %w", dir, err)
	}
	sort.Strings(names)
	p := &Patterns{Verbs: Verbs{}}
	var errs ErrorList
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		parsePatterns(p, name, string(data), &errs)
	}
	return p, errs.Err()
}

func parsePatterns(p *Patterns, file, data string, errs *ErrorList) {
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if i := strings.Index(text, "#"); i >= 0 {
			text = text[:i]
		}
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		fail := func(format string, args ...any) {
			*errs = append(*errs, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
		}
		f := strings.Fields(text)
		switch f[0] {
		case "@verb":
			if len(f) < 3 {
				fail("@verb needs a lemma and at least one form")
				continue
			}
			p.Verbs[strings.ToLower(f[1])] = append(p.Verbs[strings.ToLower(f[1])], lower(f[2:])...)
			continue
		case "@pessimistic":
			p.Pessimistic = append(p.Pessimistic, strings.ToLower(strings.Join(f[1:], " ")))
			continue
		case "@optimistic":
			p.Optimistic = append(p.Optimistic, strings.ToLower(strings.Join(f[1:], " ")))
			continue
		case "@accusing":
			p.Accusing = append(p.Accusing, strings.ToLower(strings.Join(f[1:], " ")))
			continue
		case "@critical":
			p.Critical = append(p.Critical, strings.ToLower(strings.Join(f[1:], " ")))
			continue
		}
		rule, flags, _ := strings.Cut(text, ";")
		rf := strings.Fields(rule)
		if len(rf) < 2 {
			fail("rule needs a code and at least one word")
			continue
		}
		pat := Pattern{Code: rf[0], File: file, Line: line, Trigger: -1}
		if !validCode(pat.Code) {
			fail("%q is not a CAMEO code (2 to 4 digits)", pat.Code)
			continue
		}
		gap := 0
		ok := true
		for _, w := range rf[1:] {
			switch w {
			case "*":
				gap = 6
				continue
			case "**":
				gap = 10
				continue
			}
			el := PatternElem{Gap: gap}
			gap = 0
			if strings.HasPrefix(w, "^") {
				w = w[1:]
				if pat.Trigger >= 0 && pat.Trigger != len(pat.Elems) {
					fail("more than one trigger mark ^")
					ok = false
				}
				pat.Trigger = len(pat.Elems)
			}
			for _, alt := range strings.Split(w, "|") {
				verb := strings.HasPrefix(alt, "+")
				alt = strings.TrimPrefix(alt, "+")
				if alt == "" {
					fail("empty alternative in %q", w)
					ok = false
					continue
				}
				el.Words = append(el.Words, strings.ToLower(alt))
				el.Verb = append(el.Verb, verb)
			}
			pat.Elems = append(pat.Elems, el)
		}
		if gap != 0 {
			fail("a pattern cannot end with a gap")
			ok = false
		}
		if len(pat.Elems) == 0 {
			fail("rule has no words")
			ok = false
		}
		if len(pat.Elems) > 0 && pat.Elems[0].Gap != 0 {
			fail("a pattern cannot start with a gap")
			ok = false
		}
		if pat.Trigger < 0 {
			pat.Trigger = 0
		}
		for _, fl := range strings.Fields(flags) {
			switch fl {
			case "sym":
				pat.Flags.Sym = true
			case "speech":
				pat.Flags.Speech = true
			case "embed":
				pat.Flags.Embed = true
			case "noun":
				pat.Flags.Noun = true
			case "place":
				pat.Flags.PlaceTarget = true
			case "tone":
				pat.Flags.Tone = true
			case "host":
				pat.Flags.Host = true
			case "notarget":
				pat.Flags.NoTarget = true
			default:
				fail("unknown flag %q", fl)
				ok = false
			}
		}
		if ok {
			p.Rules = append(p.Rules, pat)
		}
	}
}

func lower(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToLower(s)
	}
	return out
}

func validCode(c string) bool {
	if c == NoEvent {
		return true
	}
	if len(c) < 2 || len(c) > 4 {
		return false
	}
	for _, r := range c {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Inflect returns the forms a verb lemma may take in text: the lemma, its
// -s, -ed and -ing forms (regular spelling rules, including variants that
// never occur in text, which are harmless), and the irregular forms listed
// in v.
func (v Verbs) Inflect(lemma string) []string {
	l := strings.ToLower(lemma)
	forms := []string{l}
	add := func(s string) { forms = append(forms, s) }
	n := len(l)
	last := l[n-1]
	switch {
	case strings.HasSuffix(l, "y") && n > 1 && !isVowel(l[n-2]):
		add(l[:n-1] + "ies")
		add(l[:n-1] + "ied")
		add(l + "ing")
	case strings.HasSuffix(l, "e"):
		add(l + "s")
		add(l + "d")
		add(l[:n-1] + "ing")
	case strings.HasSuffix(l, "s") || strings.HasSuffix(l, "x") || strings.HasSuffix(l, "z") || strings.HasSuffix(l, "ch") || strings.HasSuffix(l, "sh"):
		add(l + "es")
		add(l + "ed")
		add(l + "ing")
	default:
		add(l + "s")
		add(l + "ed")
		add(l + "ing")
		if n >= 3 && !isVowel(last) && isVowel(l[n-2]) && !isVowel(l[n-3]) && last != 'w' && last != 'x' && last != 'y' {
			add(l + string(last) + "ed")
			add(l + string(last) + "ing")
		}
	}
	forms = append(forms, v[l]...)
	return forms
}

func isVowel(b byte) bool {
	switch b {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// DefaultPatterns returns the embedded event patterns (data/patterns/*.txt).
func DefaultPatterns() (*Patterns, error) {
	return LoadPatterns(defaultData, path.Join(defaultDir, "patterns"))
}
