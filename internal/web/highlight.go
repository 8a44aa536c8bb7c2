package web

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parleyproject/parley/internal/record"
)

// Seg is a run of text with the classes of the marks that cover it. ID,
// when set, is the anchor of the sentence that starts here ("s12").
type Seg struct {
	Text  string
	Class string
	Title string
	ID    string
}

// mark is a highlighted byte range [start, end) of a text.
type mark struct {
	start, end int
	class      string
	title      string
	id         string
}

// valid reports whether m is a non-empty range of text on rune boundaries.
func (m mark) valid(text string) bool {
	return m.start >= 0 && m.end <= len(text) && m.start < m.end &&
		(m.start == len(text) || utf8.RuneStart(text[m.start])) && (m.end == len(text) || utf8.RuneStart(text[m.end]))
}

// segment cuts text at every mark boundary and returns the runs in order;
// each run carries the classes of every mark covering it (in mark order)
// and the title of the innermost titled one. Invalid marks are ignored.
func segment(text string, marks []mark) []Seg {
	var ms []mark
	cuts := map[int]bool{0: true, len(text): true}
	for _, m := range marks {
		if m.valid(text) {
			ms = append(ms, m)
			cuts[m.start], cuts[m.end] = true, true
		}
	}
	points := make([]int, 0, len(cuts))
	for p := range cuts {
		points = append(points, p)
	}
	sort.Ints(points)
	var out []Seg
	for i := 0; i+1 < len(points); i++ {
		lo, hi := points[i], points[i+1]
		s := Seg{Text: text[lo:hi]}
		var classes []string
		inner := -1 // length of the innermost titled mark so far
		for _, m := range ms {
			if m.start <= lo && hi <= m.end {
				if !contains(classes, m.class) {
					classes = append(classes, m.class)
				}
				if m.title != "" && (inner < 0 || m.end-m.start < inner) {
					s.Title, inner = m.title, m.end-m.start
				}
				if m.id != "" && m.start == lo {
					s.ID = m.id
				}
			}
		}
		s.Class = strings.Join(classes, " ")
		out = append(out, s)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// findText returns the byte range of needle in text at or after from,
// matching whole words where it can, or (-1, -1).
func findText(text, needle string, from int) (int, int) {
	if needle == "" || from > len(text) {
		return -1, -1
	}
	first := -1
	for at := from; at <= len(text); {
		i := strings.Index(text[at:], needle)
		if i < 0 {
			break
		}
		start, end := at+i, at+i+len(needle)
		if first < 0 {
			first = start
		}
		if wordEdge(text, start) && wordEdge(text, end) {
			return start, end
		}
		at = start + 1
		for at < len(text) && !utf8.RuneStart(text[at]) {
			at++
		}
	}
	if first < 0 {
		return -1, -1
	}
	return first, first + len(needle)
}

// wordEdge reports whether offset i of text is not inside a word.
func wordEdge(text string, i int) bool {
	if i <= 0 || i >= len(text) {
		return true
	}
	r1, _ := utf8.DecodeLastRuneInString(text[:i])
	r2, _ := utf8.DecodeRuneInString(text[i:])
	return !(isWordRune(r1) && isWordRune(r2))
}

func isWordRune(r rune) bool {
	return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127
}

// triggerMarks finds an event's trigger in sentence: the whole phrase
// when it occurs, else each of its words in order (patterns may skip
// words between them).
func triggerMarks(sentence, trigger string, base int) []mark {
	trigger = strings.TrimSpace(trigger)
	if trigger == "" {
		return nil
	}
	if s, e := findText(sentence, trigger, 0); s >= 0 {
		return []mark{{start: base + s, end: base + e, class: "trig", title: "trigger"}}
	}
	var out []mark
	at := 0
	for _, w := range strings.Fields(trigger) {
		s, e := findText(sentence, w, at)
		if s < 0 {
			continue
		}
		out = append(out, mark{start: base + s, end: base + e, class: "trig", title: "trigger"})
		at = e
	}
	return out
}

// actorTitle describes an actor for a tooltip.
func actorTitle(a *record.Actor) string {
	if a == nil {
		return ""
	}
	t := a.Code
	if a.Name != "" {
		t += " · " + a.Name
	}
	if a.Title != "" {
		t += " (" + a.Title + ")"
	}
	return t
}

// eventMarks returns the marks of an event inside its sentence, relative
// to the sentence start: the trigger and the texts naming both actors.
func eventMarks(ev *record.Event, sentence string, base int) []mark {
	var out []mark
	for _, a := range []*record.Actor{ev.Source, ev.Target} {
		if a == nil || strings.TrimSpace(a.Text) == "" {
			continue
		}
		if s, e := findText(sentence, a.Text, 0); s >= 0 {
			out = append(out, mark{start: base + s, end: base + e, class: "actor", title: actorTitle(a)})
		}
	}
	return append(out, triggerMarks(sentence, ev.Evidence.Trigger, base)...)
}

// evidenceSegs returns an event's evidence sentence with its trigger and
// actors marked.
func evidenceSegs(ev *record.Event) []Seg {
	text := ev.Evidence.Text
	if text == "" {
		return nil
	}
	return segment(text, eventMarks(ev, text, 0))
}

// annotations is the part of the stored text layer the document page
// shows.
type annotations struct {
	Actors []struct {
		Start, End int
		Text, Kind string
		Actor      struct{ Country, Sector, Name, Title string }
	} `json:"actors"`
	Places []struct {
		Start, End    int
		Name, Country string
	} `json:"places"`
	Dates []struct {
		Start, End int
		Date       string
	} `json:"dates"`
}

// Paragraph is one paragraph of a document as highlighted runs.
type Paragraph []Seg

// documentParagraphs returns the body of a document in paragraphs with
// every coded span marked: the sentences that carry events ("ev", with
// an anchor s<N>), quotes ("quote"), triggers, actors, places and dates.
func documentParagraphs(body string, rec *record.Document, ann []byte) []Paragraph {
	var marks []mark
	anchored := map[int]bool{}
	sentence := func(ev record.Evidence, class, title string) {
		m := mark{start: ev.Start, end: ev.End, class: class, title: title}
		if !anchored[ev.Sentence] {
			m.id = "s" + strconv.Itoa(ev.Sentence)
			anchored[ev.Sentence] = true
		}
		marks = append(marks, m)
	}
	if rec != nil {
		for i := range rec.Events {
			ev := &rec.Events[i]
			sentence(ev.Evidence, "ev", "")
			if m := (mark{start: ev.Evidence.Start, end: ev.Evidence.End}); m.valid(body) {
				marks = append(marks, triggerMarks(body[m.start:m.end], ev.Evidence.Trigger, m.start)...)
			}
		}
		for i := range rec.Quotes {
			sentence(rec.Quotes[i].Evidence, "quote", "quote: "+rec.Quotes[i].Speaker.Name)
		}
		for i := range rec.Measures {
			sentence(rec.Measures[i].Evidence, "measure", "measure: "+rec.Measures[i].Kind)
		}
		for i := range rec.Meetings {
			for _, ev := range rec.Meetings[i].Evidence {
				sentence(ev, "meeting", "meeting")
			}
		}
	}
	var a annotations
	if len(ann) > 0 && json.Unmarshal(ann, &a) == nil {
		for _, x := range a.Actors {
			t := strings.TrimSpace(x.Actor.Country + x.Actor.Sector)
			if x.Actor.Name != "" {
				t += " · " + x.Actor.Name
			}
			marks = append(marks, mark{start: x.Start, end: x.End, class: "actor", title: t})
		}
		for _, x := range a.Places {
			marks = append(marks, mark{start: x.Start, end: x.End, class: "place", title: strings.TrimSpace(x.Name + " " + x.Country)})
		}
		for _, x := range a.Dates {
			marks = append(marks, mark{start: x.Start, end: x.End, class: "date", title: strings.TrimSuffix(x.Date, "T00:00:00Z")})
		}
	}
	var out []Paragraph
	cur := Paragraph{}
	for _, s := range segment(body, marks) {
		parts := strings.Split(s.Text, "\n\n")
		for i, p := range parts {
			if i > 0 {
				out = append(out, cur)
				cur = Paragraph{}
			}
			if p == "" {
				continue
			}
			seg := s
			seg.Text = strings.ReplaceAll(p, "\n", " ")
			if i > 0 {
				seg.ID = ""
			}
			cur = append(cur, seg)
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}
