// Package examples embeds parley's sample corpus: news-style articles
// written by parley's authors about real, documented diplomatic events,
// in every input kind parley reads (plain text copied off a web page,
// HTML pages, JSON Lines, RSS and Atom feeds). Each NAME.gold.json beside
// an input is an expert coding of it for `parley eval examples`.
//
// `parley demo` ingests the embedded inputs, so the sample works from a
// binary with no checkout at hand.
package examples

import "embed"

// FS holds the corpus inputs (not the gold files).
//
//go:embed *.txt *.html *.jsonl feeds/*.rss feeds/*.atom
var FS embed.FS
