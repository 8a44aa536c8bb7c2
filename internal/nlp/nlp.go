// Package nlp implements parley's text mechanics: sentence splitting and
// tokenizing of news text, with byte offsets into the document body.
//
// Spans are half-open byte offsets: Start is the offset of the first byte,
// End the offset one past the last; body[Start:End] == Text always holds.
// The package uses only the standard library and keeps no global mutable
// state; every function is safe for concurrent use.
package nlp

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word    Kind = iota // letters, digits inside words, inner apostrophes/hyphens ("O’Brien", "tit-for-tat", "U.S."), possessive "’s"
	Number              // 27, 2025, 5-6, 1,500, 3.5
	Punct               // . , ; : ! ? ( ) — – - …
	Quote               // " “ ” ‘ ’ « » (a quote mark standing alone)
	URL                 // https://…, pic.twitter.com/…, example.org/…
	Handle              // @mfa_russia
	Hashtag             // #Istanbul
	Symbol              // emoji, flags and other symbols
	Email               // press@example.org
)

// Token is one token of a sentence.
type Token struct {
	// Start and End are byte offsets into the body (half-open).
	Start, End int
	// Text is body[Start:End].
	Text string
	// Norm is Text lower-cased, with curly apostrophes (’ ‘) replaced by "'".
	// It shares Text's memory when nothing changes.
	Norm string
	// Kind classifies the token.
	Kind Kind
}

// Sentence is one sentence (or headline line) of a body.
type Sentence struct {
	// Index is the sentence's position in the document, from 0.
	Index int
	// Para is the index of the paragraph it belongs to, from 0.
	Para int
	// Start and End are byte offsets into the body (half-open), trimmed of
	// surrounding white space.
	Start, End int
	// Text is body[Start:End].
	Text string
	// Headline reports a paragraph of one short line without final
	// punctuation: a title or subheading rather than a sentence.
	Headline bool
	// Dateline is the number of leading Tokens that form a news dateline
	// ("MOSCOW (Reuters) —", "ISTANBUL, Feb 27 (AP) –"), dash included; 0
	// when there is none. The dateline stays part of the first sentence of
	// its paragraph rather than becoming a sentence of its own.
	Dateline int
	// Tokens are the sentence's tokens in order.
	Tokens []Token
}
