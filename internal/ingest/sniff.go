package ingest

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
)

var (
	metaCharsetRE = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)
	htmlTagRE     = regexp.MustCompile(`(?i)<(?:p|div|br|span|a|article|section|h[1-6]|ul|li|table|body|head|meta|title|script|style|b|i|em|strong)[\s>/]`)
)

// sniff tells the kind of an input from its first bytes: "jsonl", "rss",
// "atom", "xml" (some other XML), "html" or "text". ext (lower case, with
// the dot) is only a hint for inputs the content leaves open.
func sniff(head []byte, ext string) string {
	b := bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	b = bytes.TrimLeft(b, " \t\r\n\f")
	if len(b) == 0 {
		return "text"
	}
	switch b[0] {
	case '{':
		if ext == ".txt" || ext == ".text" || ext == ".html" || ext == ".htm" {
			// A text that happens to open with a brace is text unless its
			// first line is a JSON record.
			line := b
			if i := bytes.IndexByte(line, '\n'); i >= 0 {
				line = line[:i]
			}
			if !json.Valid(line) {
				break
			}
		}
		return "jsonl"
	case '[':
		if ext == ".json" || ext == ".jsonl" || ext == ".ndjson" || bytes.HasPrefix(bytes.TrimLeft(b[1:], " \t\r\n"), []byte("{")) {
			return "jsonl"
		}
	case '<':
		root, xmlDecl := rootElement(b)
		switch root {
		case "rss", "rdf:rdf", "rdf":
			return "rss"
		case "feed":
			return "atom"
		case "html", "head", "body", "!doctype html":
			return "html"
		case "":
			// comment or declaration only in the head
		default:
			if xmlDecl && !htmlTagRE.Match(b) {
				return "xml"
			}
			if ext == ".xml" || ext == ".rss" || ext == ".atom" {
				return "xml"
			}
			return "html"
		}
		if xmlDecl {
			return "xml"
		}
		return "html"
	}
	if ext == ".html" || ext == ".htm" || ext == ".xhtml" {
		if htmlTagRE.Match(b) {
			return "html"
		}
	}
	// Tag soup without a leading tag: text with several HTML tags.
	if ext != ".txt" && ext != ".text" && len(htmlTagRE.FindAllIndex(b, 4)) >= 4 {
		return "html"
	}
	return "text"
}

// rootElement skips an XML/HTML prolog (declarations, comments, processing
// instructions, doctype) and returns the lower-case name of the first
// element ("!doctype html" for an HTML doctype) and whether an XML
// declaration was seen.
func rootElement(b []byte) (string, bool) {
	xmlDecl := false
	for len(b) > 0 {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		if len(b) == 0 || b[0] != '<' {
			return "", xmlDecl
		}
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			if bytes.HasPrefix(bytes.ToLower(b), []byte("<?xml")) {
				xmlDecl = true
			}
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return "", xmlDecl
			}
			b = b[i+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b, []byte("-->"))
			if i < 0 {
				return "", xmlDecl
			}
			b = b[i+3:]
		case bytes.HasPrefix(b, []byte("<!")):
			i := bytes.IndexByte(b, '>')
			decl := strings.ToLower(string(b[:max(i, 0)]))
			if strings.HasPrefix(decl, "<!doctype html") {
				return "!doctype html", xmlDecl
			}
			if i < 0 {
				return "", xmlDecl
			}
			b = b[i+1:]
		default:
			end := bytes.IndexAny(b[1:], " \t\r\n/>")
			if end < 0 {
				end = len(b) - 1
			}
			return strings.ToLower(string(b[1 : 1+end])), xmlDecl
		}
	}
	return "", xmlDecl
}
