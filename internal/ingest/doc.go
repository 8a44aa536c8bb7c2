// Package ingest turns news inputs into article.Article values.
//
// It reads plain text (including text copied off a web page with its
// clutter), HTML article pages, RSS and Atom feeds, JSON Lines, directories of
// those and standard input. The kind of an input is detected from its
// content; a file name extension is only a hint. Every document comes out
// with a normalized Body (see Normalize and article.Article) and whatever
// metadata the input carries: title, publication date, canonical URL and
// source name.
//
// Bad inputs never stop a batch: each rejected file, line or feed item is
// reported as an *Error naming where it came from, and degradations that do
// not cost the document (an unreadable date, a few repaired bytes, dropped
// clutter) are listed in Article.Warnings.
package ingest
