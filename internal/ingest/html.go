package ingest

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page is what the HTML extractor finds in an article page.
type page struct {
	title      string   // best headline
	h1         string   // the first <h1>, often the headline again
	published  string   // best publication date value, as written
	dateFrom   string   // where published came from, for warnings
	badDates   []string // date values that could not be read
	url        string
	site       string
	ldBody     string // JSON-LD articleBody, a fallback body
	paragraphs []string
	warnings   []string
}

// metadata candidates, collected in one pass and ranked afterwards.
type htmlMeta struct {
	ogTitle, twTitle, titleTag, h1   string
	canonical, ogURL, ldURL          string
	ogSite, appName, ldSite, webSite string
	pubMeta, ldDate, itemDate        string
	timeDate, timeInArticle, metaDay string
	ldHeadline, ldBody               string
	ldErrors                         int
}

// parseHTML extracts an article page: metadata and body paragraphs. It
// tolerates truncated and malformed markup (the HTML5 parsing algorithm
// always yields a tree).
func parseHTML(src string) page {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// html.Parse only fails on reader errors; a strings.Reader has none.
		return page{warnings: []string{"unparsable HTML: " + err.Error()}}
	}
	var m htmlMeta
	collectMeta(doc, &m, false)
	p := page{}
	if m.ldErrors > 0 {
		p.warnings = append(p.warnings, "ignored unreadable JSON-LD metadata")
	}
	p.site = firstNonEmpty(m.ogSite, m.ldSite, m.webSite, m.appName)
	p.title = firstNonEmpty(cleanTitle(m.ogTitle, p.site), m.ldHeadline, cleanTitle(m.titleTag, p.site), m.h1, cleanTitle(m.twTitle, p.site))
	p.h1 = m.h1
	p.url = resolveURL(firstNonEmpty(m.canonical, m.ogURL, m.ldURL), firstNonEmpty(m.ogURL, m.ldURL))
	for _, c := range []struct{ v, from string }{
		{m.pubMeta, "article:published_time"},
		{m.ldDate, "JSON-LD datePublished"},
		{m.itemDate, "datePublished"},
		{m.timeInArticle, "<time datetime>"},
		{m.timeDate, "<time datetime>"},
		{m.metaDay, "meta date"},
	} {
		if c.v == "" {
			continue
		}
		if _, ok := parseDate(c.v); ok {
			if p.published == "" {
				p.published, p.dateFrom = c.v, c.from
			}
			continue
		}
		p.badDates = append(p.badDates, c.from+" "+quoteShort(c.v))
	}
	p.ldBody = m.ldBody
	root := contentRoot(doc)
	p.paragraphs = blockText(root)
	return p
}

// htmlParagraphs returns the text paragraphs of an HTML fragment, such as
// the content of a feed item, dropping the same boilerplate as for a page.
func htmlParagraphs(src string) []string {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil
	}
	return blockText(doc)
}

func firstNonEmpty(v ...string) string {
	for _, s := range v {
		if s != "" {
			return s
		}
	}
	return ""
}

func quoteShort(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:40]) + "…"
	}
	return `"` + s + `"`
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// textOf returns the folded text inside n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return inline(b.String())
}

// inline normalizes a piece of running text to one paragraph line.
func inline(s string) string {
	lines := cleanLines(s)
	var kept []string
	for _, l := range lines {
		if l != "" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, " ")
}

var dateMetaNames = map[string]bool{
	"date": true, "pubdate": true, "publishdate": true, "publish-date": true, "publish_date": true,
	"dc.date": true, "dc.date.issued": true, "dc.date.created": true, "dcterms.date": true,
	"dcterms.created": true, "dcterms.issued": true, "sailthru.date": true, "parsely-pub-date": true,
	"article.published": true, "original-publish-date": true, "og:published_time": true,
	"article_date_original": true, "datepublished": true,
}

func collectMeta(n *html.Node, m *htmlMeta, inArticle bool) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Article:
			inArticle = true
		case atom.Title:
			if m.titleTag == "" && !inSVG(n) {
				m.titleTag = textOf(n)
			}
		case atom.H1:
			if m.h1 == "" {
				m.h1 = textOf(n)
			}
		case atom.Link:
			if strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") && m.canonical == "" {
				m.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Meta:
			key := strings.ToLower(strings.TrimSpace(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"))))
			val := inline(attr(n, "content"))
			if val != "" {
				setMeta(m, key, val)
			}
		case atom.Time:
			if v := strings.TrimSpace(attr(n, "datetime")); v != "" {
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") && m.itemDate == "" {
					m.itemDate = v
				}
				if inArticle && m.timeInArticle == "" {
					m.timeInArticle = v
				}
				if m.timeDate == "" {
					m.timeDate = v
				}
			}
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				readJSONLD(n.FirstChild.Data, m)
			}
			return
		}
		if strings.EqualFold(attr(n, "itemprop"), "datePublished") && m.itemDate == "" {
			m.itemDate = strings.TrimSpace(firstNonEmpty(attr(n, "content"), attr(n, "datetime")))
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collectMeta(c, m, inArticle)
	}
}

func inSVG(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "svg" {
			return true
		}
	}
	return false
}

func setMeta(m *htmlMeta, key, val string) {
	set := func(dst *string) {
		if *dst == "" {
			*dst = val
		}
	}
	switch key {
	case "og:title":
		set(&m.ogTitle)
	case "twitter:title":
		set(&m.twTitle)
	case "og:site_name":
		set(&m.ogSite)
	case "application-name":
		set(&m.appName)
	case "og:url":
		set(&m.ogURL)
	case "article:published_time", "article:published":
		set(&m.pubMeta)
	default:
		if dateMetaNames[key] {
			set(&m.metaDay)
		}
	}
}

// readJSONLD reads schema.org metadata given as an object, an array or an
// @graph: the first article-like object gives headline, date, publisher and
// URL.
func readJSONLD(src string, m *htmlMeta) {
	src = strings.TrimSpace(src)
	src = strings.TrimSuffix(strings.TrimPrefix(src, "<!--"), "-->")
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		m.ldErrors++
		return
	}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				walk(g, depth+1)
			}
			t := ldTypes(x["@type"])
			switch {
			case isArticleType(t):
				if m.ldHeadline == "" {
					m.ldHeadline = inline(ldString(firstNonNil(x["headline"], x["name"])))
					m.ldDate = strings.TrimSpace(ldString(firstNonNil(x["datePublished"], x["dateCreated"])))
					m.ldSite = inline(ldName(x["publisher"]))
					m.ldURL = strings.TrimSpace(firstNonEmpty(ldString(x["url"]), ldID(x["mainEntityOfPage"])))
					m.ldBody = ldString(x["articleBody"])
				}
			case hasType(t, "WebSite") || hasType(t, "NewsMediaOrganization") || hasType(t, "Organization"):
				if m.webSite == "" {
					m.webSite = inline(ldString(x["name"]))
				}
			}
		}
	}
	walk(v, 0)
}

func firstNonNil(v ...any) any {
	for _, x := range v {
		if x != nil {
			return x
		}
	}
	return nil
}

func ldTypes(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func hasType(types []string, t string) bool {
	for _, s := range types {
		if s == t || strings.HasSuffix(s, "/"+t) {
			return true
		}
	}
	return false
}

func isArticleType(types []string) bool {
	for _, s := range types {
		if strings.HasSuffix(s, "Article") || strings.HasSuffix(s, "BlogPosting") || s == "Report" {
			return true
		}
	}
	return false
}

// ldString reads a JSON-LD value that should be text: a string, the first
// string of an array, or a {"@value": …} object.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return ldString(x["@value"])
	}
	return ""
}

func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		for _, e := range x {
			if s := ldName(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return ldString(x["name"])
	}
	return ""
}

func ldID(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		return firstNonEmpty(ldString(x["@id"]), ldString(x["url"]))
	}
	return ""
}

var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » "}

// cleanTitle removes a site name from a page title: "Headline | Site",
// "Site - Headline".
func cleanTitle(t, site string) string {
	t = inline(t)
	for _, sep := range titleSeps {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := t[:i], t[i+len(sep):]
		if site != "" && sameText(tail, site) {
			return strings.TrimSpace(head)
		}
		if site != "" && sameText(head, site) {
			return strings.TrimSpace(tail)
		}
		if site == "" && sep == " | " && len(strings.Fields(tail)) <= 4 && len(strings.Fields(head)) > len(strings.Fields(tail)) {
			return strings.TrimSpace(head)
		}
	}
	if site != "" {
		if j := strings.Index(t, " | "); j > 0 && len(strings.Fields(t[j+3:])) <= 4 {
			return strings.TrimSpace(t[:j])
		}
	}
	return t
}

// skipTags are elements that never hold article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Option: true,
	atom.Input: true, atom.Textarea: true, atom.Iframe: true, atom.Svg: true,
	atom.Canvas: true, atom.Figure: true, atom.Figcaption: true, atom.Dialog: true,
	atom.Object: true, atom.Embed: true, atom.Video: true, atom.Audio: true,
	atom.Picture: true, atom.Img: true, atom.Menu: true, atom.Label: true,
	atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true, atom.Math: true,
}

// boilerWords are class and id words that mark page chrome.
var boilerWords = map[string]bool{
	"share": true, "sharing": true, "sharebar": true, "social": true, "comment": true, "comments": true,
	"respond": true, "related": true, "newsletter": true, "subscribe": true, "subscription": true,
	"promo": true, "promotion": true, "advert": true, "advertisement": true, "ad": true, "ads": true,
	"adslot": true, "banner": true, "cookie": true, "cookies": true, "consent": true, "gdpr": true,
	"nav": true, "navbar": true, "navigation": true, "menu": true, "breadcrumb": true,
	"breadcrumbs": true, "footer": true, "sidebar": true, "widget": true, "popup": true, "modal": true,
	"byline": true, "author": true, "meta": true, "tags": true, "recommended": true,
	"recommendations": true, "readmore": true, "outbrain": true, "taboola": true, "caption": true,
	"credit": true, "credits": true, "toolbar": true, "login": true, "signup": true, "paywall": true,
	"embed": true, "tweet": true, "twitter": true, "instagram": true, "disclaimer": true,
	"copyright": true, "pagination": true, "pager": true, "masthead": true, "header": true,
	"topbar": true, "recirc": true, "recirculation": true, "trending": true, "popular": true,
	"mostread": true, "sponsored": true, "donate": true,
}

var boilerPhrases = []string{"read-more", "more-stories", "also-read", "sr-only", "visually-hidden", "screen-reader", "most-read", "you-may-like"}

var wordSplitRE = regexp.MustCompile(`[^a-z0-9]+`)

// boilerplate reports whether element n is page chrome by its tag, role,
// visibility or class and id words.
func boilerplate(n *html.Node) bool {
	if skipTags[n.DataAtom] {
		return true
	}
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" {
		return true
	}
	if st := strings.ToLower(attr(n, "style")); strings.Contains(st, "display:none") || strings.Contains(st, "display: none") || strings.Contains(st, "visibility:hidden") {
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu", "menubar":
		return true
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	}
	if strings.EqualFold(attr(n, "itemprop"), "articleBody") {
		return false
	}
	names := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if strings.TrimSpace(names) == "" {
		return false
	}
	for _, p := range boilerPhrases {
		if strings.Contains(names, p) {
			return !holdsArticle(n)
		}
	}
	for _, w := range wordSplitRE.Split(names, -1) {
		if boilerWords[w] {
			return !holdsArticle(n)
		}
	}
	return false
}

// holdsArticle reports whether n contains the article itself (<article>,
// <main> or an articleBody): a wrapper whose class merely mentions a
// chrome word ("has-header", "menu-open") must not take the text with it.
func holdsArticle(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Article || c.DataAtom == atom.Main || strings.EqualFold(attr(c, "itemprop"), "articleBody") || holdsArticle(c) {
			return true
		}
	}
	return false
}

// contentRoot picks the element holding the article text: an
// itemprop=articleBody element, else the <article> with the most paragraph
// text, else <main>, else the element whose paragraphs hold the most text.
func contentRoot(doc *html.Node) *html.Node {
	var body, main, bodyProp *html.Node
	var articles []*html.Node
	var best *html.Node
	bestScore := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if boilerplate(n) {
				return
			}
			switch {
			case strings.EqualFold(attr(n, "itemprop"), "articleBody") && bodyProp == nil:
				bodyProp = n
			case n.DataAtom == atom.Article:
				articles = append(articles, n)
			case n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main"):
				if main == nil {
					main = n
				}
			case n.DataAtom == atom.Body:
				body = n
			}
			score := 0
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				switch {
				case c.Type == html.ElementNode && (c.DataAtom == atom.P || textBlock(c)) && !boilerplate(c):
					score += len(textOf(c))
				case c.Type == html.TextNode:
					score += len(strings.TrimSpace(c.Data))
				}
			}
			if score > bestScore {
				best, bestScore = n, score
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if bodyProp != nil && len(textOf(bodyProp)) >= 100 {
		return bodyProp
	}
	var art *html.Node
	artScore := 0
	for _, a := range articles {
		if s := paragraphText(a); s > artScore {
			art, artScore = a, s
		}
	}
	if art != nil && artScore*3 >= bestScore {
		return art
	}
	if main != nil && paragraphText(main)*3 >= bestScore {
		return main
	}
	if best != nil {
		return best
	}
	if body != nil {
		return body
	}
	return doc
}

// textBlock reports whether n is a <div> or <section> used as a paragraph:
// it holds text and only inline elements.
func textBlock(n *html.Node) bool {
	if n.DataAtom != atom.Div && n.DataAtom != atom.Section {
		return false
	}
	hasText := false
	var inlineOnly func(*html.Node) bool
	inlineOnly = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				hasText = hasText || strings.TrimSpace(c.Data) != ""
			case html.ElementNode:
				if blockElems[c.DataAtom] || !inlineOnly(c) {
					return false
				}
			}
		}
		return true
	}
	return inlineOnly(n) && hasText
}

// paragraphText is the length of the text in the <p> elements inside n.
func paragraphText(n *html.Node) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if boilerplate(n) {
				return
			}
			if n.DataAtom == atom.P {
				total += len(textOf(n))
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return total
}

// blockElems start and end a paragraph.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Pre: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Dl: true, atom.Dt: true,
	atom.Dd: true, atom.Address: true, atom.Hr: true, atom.Center: true, atom.Body: true,
	atom.Details: true, atom.Summary: true, atom.Caption: true, atom.Tbody: true, atom.Thead: true,
}

// linkHeavy reports whether most of n's text is link text: lists of
// related stories, tag clouds, "Read more" boxes.
func linkHeavy(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Ul, atom.Ol, atom.Div, atom.Section, atom.Table, atom.P, atom.Dl:
	default:
		return false
	}
	all, link := 0, 0
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode {
			l := len(strings.TrimSpace(n.Data))
			all += l
			if inLink {
				link += l
			}
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			inLink = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	if all == 0 || all > 1500 {
		return false
	}
	if n.DataAtom == atom.P {
		return link*10 >= all*9 && all < 300
	}
	return link*10 >= all*6
}

// blockText collects the paragraphs under root: every block element
// (paragraph, heading, list item, quote) becomes a paragraph; two <br> in a
// row break a paragraph.
func blockText(root *html.Node) []string {
	var paras []string
	var buf strings.Builder
	brs := 0
	flush := func() {
		if s := inline(buf.String()); s != "" {
			paras = append(paras, s)
		}
		buf.Reset()
		brs = 0
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if strings.TrimSpace(n.Data) != "" {
				brs = 0
			}
			buf.WriteString(n.Data)
			return
		case html.ElementNode:
			if n != root && (boilerplate(n) || linkHeavy(n)) {
				return
			}
			if n.DataAtom == atom.Br {
				brs++
				if brs >= 2 {
					flush()
				} else {
					buf.WriteByte(' ')
				}
				return
			}
			if blockElems[n.DataAtom] {
				flush()
				defer flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	flush()
	return paras
}

// resolveURL makes a relative canonical URL absolute against base (the
// og:url or JSON-LD url) when base is absolute; otherwise it returns ref.
func resolveURL(ref, base string) string {
	r, err := url.Parse(ref)
	if err != nil || r.IsAbs() || base == "" {
		return ref
	}
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() {
		return ref
	}
	return b.ResolveReference(r).String()
}
