// Package article defines the document parley reads: its metadata, its
// normalized body text and its stable identity.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Article is one news document after ingest.
//
// Body is the normalized article text (Unicode NFC, whitespace folded within
// paragraphs, curly quotes kept). Paragraphs are separated by exactly "\n\n";
// a paragraph never contains "\n". Every byte offset parley stores (sentences,
// actors, evidence) is an offset into Body.
type Article struct {
	// ID is stable: the input's own id when it has one, else ContentID(Body).
	ID string
	// URL is the canonical URL, if known.
	URL string
	// Title is the headline, if known.
	Title string
	// Source is the outlet or site name, if known.
	Source string
	// Published is the publication date (UTC); zero when unknown.
	Published time.Time
	// Body is the normalized text; see the type comment.
	Body string
	// Kind is the input kind it was read from: "text", "html", "rss",
	// "atom" or "jsonl".
	Kind string
	// Origin names where it came from: a file path, "path:line" for JSON
	// Lines, "path#item" for feeds, or "-" for standard input.
	Origin string
	// Warnings lists degradations met while reading it (an unreadable date,
	// dropped clutter); each is one line.
	Warnings []string
}

// ContentID returns the id of a document that has none of its own: the
// first 16 hex digits of the SHA-256 of its normalized body.
func ContentID(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:8])
}

// PublishedDate returns Published as "YYYY-MM-DD", or "" when unknown.
func (a *Article) PublishedDate() string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format(time.DateOnly)
}
