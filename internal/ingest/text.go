package ingest

import (
	"fmt"
	"strings"

	"github.com/parleyproject/parley/internal/article"
)

// textArticle builds a document from plain text, possibly copied off a web
// page: it finds the headline and byline date, drops the clutter and
// normalizes the rest.
func textArticle(origin, text string, opts Options, single bool) (*article.Article, *Error) {
	title := ""
	if single {
		title = inline(opts.Title)
	}
	kept, c := cleanParagraphs(paragraphs(text), title, true)
	body := strings.Join(kept, "\n\n")
	if body == "" {
		if len(c.dropped) > 0 {
			return nil, reject(origin, 0, "no article text left after removing clutter")
		}
		return nil, reject(origin, 0, "empty text")
	}
	a := &article.Article{
		ID:     article.ContentID(body),
		Title:  firstNonEmpty(title, c.title),
		Body:   body,
		Kind:   "text",
		Origin: origin,
	}
	if c.published != "" {
		a.Published, _ = findDate(c.published)
	}
	if single {
		a.URL = strings.TrimSpace(opts.URL)
		if a.Published.IsZero() && !opts.Published.IsZero() {
			a.Published = dayOf(opts.Published)
		}
	}
	a.Warnings = clutterWarning(c)
	return a, nil
}

// clutterWarning summarizes dropped clutter in one warning line.
func clutterWarning(c cleaning) []string {
	if len(c.dropped) == 0 {
		return nil
	}
	var parts []string
	for _, k := range sortedKeys(c.dropped) {
		parts = append(parts, fmt.Sprintf("%d %s", c.dropped[k], k))
	}
	return []string{"dropped clutter: " + strings.Join(parts, ", ")}
}

// htmlArticle builds a document from an HTML page.
func htmlArticle(origin, src string, opts Options, single bool) (*article.Article, *Error) {
	p := parseHTML(src)
	paras := p.paragraphs
	if len(paras) > 1 && leadTitle(p.title, paras[0]) {
		// The page's headline is its first line, fuller than <title>.
		p.title, paras = paras[0], paras[1:]
	}
	if len(paras) > 1 && p.h1 != "" && sameText(paras[0], p.h1) && !sameText(paras[0], p.title) {
		paras = paras[1:] // the on-page headline, worded apart from the metadata title
	}
	kept, c := cleanParagraphs(paras, p.title, false)
	if len(kept) == 0 && p.ldBody != "" {
		kept, c = cleanParagraphs(paragraphs(p.ldBody), p.title, false)
		p.warnings = append(p.warnings, "body taken from JSON-LD articleBody")
	}
	body := strings.Join(kept, "\n\n")
	if body == "" {
		return nil, reject(origin, 0, "no article text found in HTML")
	}
	a := &article.Article{
		ID:     article.ContentID(body),
		URL:    p.url,
		Title:  p.title,
		Source: p.site,
		Body:   body,
		Kind:   "html",
		Origin: origin,
	}
	a.Warnings = append(a.Warnings, p.warnings...)
	if p.published != "" {
		a.Published, _ = parseDate(p.published)
	} else if c.published != "" {
		a.Published, _ = findDate(c.published)
	}
	for _, bad := range p.badDates {
		a.Warnings = append(a.Warnings, "unreadable date in "+bad)
	}
	if single {
		if a.Title == "" {
			a.Title = inline(opts.Title)
		}
		if a.URL == "" {
			a.URL = strings.TrimSpace(opts.URL)
		}
		if a.Published.IsZero() && !opts.Published.IsZero() {
			a.Published = dayOf(opts.Published)
		}
	}
	a.Warnings = append(a.Warnings, clutterWarning(c)...)
	return a, nil
}

// fragmentBody turns a feed item's or JSON record's content into a body:
// HTML goes through the HTML extractor, text through the text cleaner.
// title, when known, is dropped if the content repeats it on top.
func fragmentBody(content string, isHTML bool, title string) (string, cleaning) {
	var paras []string
	if isHTML && looksLikeHTML(content) {
		paras = htmlParagraphs(content)
	} else {
		paras = paragraphs(content)
	}
	kept, c := cleanParagraphs(paras, title, false)
	return strings.Join(kept, "\n\n"), c
}

// looksLikeHTML reports whether s contains markup or entities.
func looksLikeHTML(s string) bool {
	return htmlTagRE.MatchString(s) || strings.Contains(s, "&") && strings.Contains(s, ";") || strings.Contains(s, "</")
}

// leadTitle reports whether the first paragraph of a page is its headline
// in a fuller form than the title found in the metadata: a short line
// without final punctuation that begins like the title's part before a
// separator ("Ceasefire monitors - Site" and "Ceasefire monitors arrive in
// border town").
func leadTitle(title, first string) bool {
	if !looksLikeHeadline(first) || sameText(title, first) {
		return false
	}
	if title == "" {
		return false
	}
	head := title
	for _, sep := range titleSeps {
		if i := strings.Index(head, sep); i > 0 {
			head = head[:i]
		}
	}
	h := squash(head)
	return len(h) >= 8 && strings.HasPrefix(squash(first), h) && head != title
}
