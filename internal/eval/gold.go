// Package eval scores parley's document records against gold annotations,
// as SPEC §4–5 define them: events at root and code level, event dates,
// quotes, meetings and meeting participants, micro-averaged over a
// directory of documents.
//
// Matching is one-to-one and maximal: a maximum matching grown first over
// the pairs that share a sentence (and, for events, the same code and
// date), then over every compatible pair, by augmenting paths that try
// preferred pairs first. A later step never loses a match; it re-routes a
// preferred pair only when that lets one more gold item match. See Score
// for the rules of each kind of item.
package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/parleyproject/parley/internal/cameo"
)

// Gold is the expert annotation of one document (SPEC §4).
type Gold struct {
	// ID, when set, pairs the gold with the document of that id in an
	// input that holds several documents (a feed, a JSON Lines file).
	ID string `json:"id,omitempty"`
	// PublicationDate ("YYYY-MM-DD") stands in for the document's
	// publication date when the document gives none.
	PublicationDate string        `json:"publication_date,omitempty"`
	Events          []GoldEvent   `json:"events"`
	Meetings        []GoldMeeting `json:"meetings"`
	Quotes          []GoldQuote   `json:"quotes"`
}

// GoldEvent is one gold event. Country fields hold ISO alpha-3 or CAMEO
// body codes; an empty Target is JSON null and matches any target.
type GoldEvent struct {
	Source     string  `json:"source"`
	SourceRole string  `json:"source_role,omitempty"`
	Target     string  `json:"target"`
	TargetRole string  `json:"target_role,omitempty"`
	CAMEO      string  `json:"cameo"`
	Root       string  `json:"root"`
	Date       *string `json:"date"`
	Location   *string `json:"location,omitempty"`
	Reciprocal bool    `json:"reciprocal,omitempty"`
	Sentence   string  `json:"sentence"`
	Note       string  `json:"note,omitempty"`
}

// GoldMeeting is one gold meeting.
type GoldMeeting struct {
	Date         *string           `json:"date"`
	Place        string            `json:"place,omitempty"`
	Country      string            `json:"country"`
	Parties      []string          `json:"parties,omitempty"`
	Participants []GoldParticipant `json:"participants"`
	Topics       []string          `json:"topics,omitempty"`
	Outcomes     []string          `json:"outcomes,omitempty"`
	Note         string            `json:"note,omitempty"`
}

// GoldParticipant is a person at a gold meeting.
type GoldParticipant struct {
	Name    string `json:"name"`
	Country string `json:"country,omitempty"`
	Title   string `json:"title,omitempty"`
}

// GoldQuote is one gold quotation. Speaker is a person's name or an
// institution ("Russian Foreign Ministry").
type GoldQuote struct {
	Speaker        string `json:"speaker"`
	SpeakerCountry string `json:"speaker_country,omitempty"`
	Text           string `json:"text"`
}

// LoadGold reads and checks a gold file. Every event needs a source and a
// known CAMEO code; a missing root is taken from the code, a root that
// disagrees with the code is an error. All problems are reported at once.
func LoadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading gold: %w", err)
	}
	g, err := ParseGold(data)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	return g, nil
}

// ParseGold parses and checks gold JSON; see LoadGold.
func ParseGold(data []byte) (*Gold, error) {
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("parsing JSON: %w", err)
	}
	tab, err := cameo.Load()
	if err != nil {
		return nil, fmt.Errorf("loading CAMEO table: %w", err)
	}
	var probs []string
	for i := range g.Events {
		e := &g.Events[i]
		e.Source = strings.ToUpper(strings.TrimSpace(e.Source))
		e.Target = strings.ToUpper(strings.TrimSpace(e.Target))
		if e.Source == "" {
			probs = append(probs, fmt.Sprintf("event %d: no source", i))
		}
		if err := tab.Validate(e.CAMEO); err != nil {
			probs = append(probs, fmt.Sprintf("event %d: %v", i, err))
			continue
		}
		if e.Root == "" {
			e.Root = e.CAMEO[:2]
		} else if e.Root != e.CAMEO[:2] {
			probs = append(probs, fmt.Sprintf("event %d: root %q disagrees with code %q", i, e.Root, e.CAMEO))
		}
	}
	for i, q := range g.Quotes {
		if normText(q.Text) == "" {
			probs = append(probs, fmt.Sprintf("quote %d: no text", i))
		}
	}
	for i := range g.Meetings {
		g.Meetings[i].Country = strings.ToUpper(strings.TrimSpace(g.Meetings[i].Country))
	}
	if len(probs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(probs, "; "))
	}
	return &g, nil
}
