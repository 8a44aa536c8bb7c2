package ingest

import (
	"context"
	"regexp"
	"unicode/utf8"

	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"github.com/parleyproject/parley/internal/article"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// feedItem is one RSS item or Atom entry as read from the XML.
type feedItem struct {
	title, link, id, published, updated string
	idIsLink                            bool   // an RSS guid that is a permalink
	content, summary                    string // as given; HTML or text
	contentHTML, summaryHTML            bool
}

// feed is a parsed RSS or Atom document.
type feed struct {
	kind  string // "rss" or "atom"
	title string
	items []feedItem
}

const (
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsDC      = "http://purl.org/dc/elements/1.1/"
)

// parseFeed reads an RSS 2.0, RSS 1.0 or Atom document. On malformed XML it
// returns the items completed before the error together with the error.
func parseFeed(data []byte) (*feed, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	f := &feed{}
	var (
		stack []xml.Name
		item  *feedItem
		field string       // item or channel field being read
		fbuf  bytes.Buffer // its text
		xhtml int          // depth inside an Atom xhtml content, 0 if none
		isHTM bool         // field holds HTML
		enc   *xml.Encoder // re-serializes xhtml content
		root  bool         // root element seen
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if !root {
				return f, errors.New("no root element")
			}
			return f, nil
		}
		if err != nil {
			return f, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !root {
				root = true
				switch strings.ToLower(t.Name.Local) {
				case "rss", "rdf":
					f.kind = "rss"
				case "feed":
					f.kind = "atom"
				default:
					return f, fmt.Errorf("root element <%s> is neither RSS nor Atom", t.Name.Local)
				}
			}
			if xhtml > 0 {
				xhtml++
				if err := enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: t.Name.Local}, Attr: plainAttrs(t.Attr)}); err != nil {
					return f, err
				}
				stack = append(stack, t.Name)
				continue
			}
			stack = append(stack, t.Name)
			local := strings.ToLower(t.Name.Local)
			parent := ""
			if len(stack) >= 2 {
				parent = strings.ToLower(stack[len(stack)-2].Local)
			}
			switch {
			case (local == "item" || local == "entry") && item == nil:
				item = &feedItem{}
				continue
			case item == nil:
				if local == "title" && (parent == "channel" || parent == "feed") && f.title == "" {
					field = "feedtitle"
					fbuf.Reset()
				}
				continue
			}
			if field != "" {
				continue // an element inside a text field: keep its text only
			}
			fbuf.Reset()
			isHTM = false
			typ := strings.ToLower(attrValue(t.Attr, "type"))
			switch {
			case local == "encoded" && t.Name.Space == nsContent:
				field, isHTM = "content", true
			case local == "content" && f.kind == "atom":
				field = "content"
				isHTM = typ == "html" || typ == "text/html" || typ == "xhtml" || typ == "application/xhtml+xml"
				if typ == "xhtml" || typ == "application/xhtml+xml" {
					xhtml = 1
					enc = xml.NewEncoder(&fbuf)
				}
			case local == "description" || local == "summary":
				field = "summary"
				if f.kind == "atom" {
					isHTM = typ == "html" || typ == "xhtml"
					if typ == "xhtml" {
						xhtml = 1
						enc = xml.NewEncoder(&fbuf)
					}
				} else {
					isHTM = true
				}
			case local == "title":
				field = "title"
			case local == "link":
				if f.kind == "atom" {
					rel := attrValue(t.Attr, "rel")
					if (rel == "" || rel == "alternate") && item.link == "" {
						item.link = strings.TrimSpace(attrValue(t.Attr, "href"))
					}
				} else {
					field = "link"
				}
			case local == "guid" || local == "id":
				field = "id"
				item.idIsLink = local == "guid" && !strings.EqualFold(attrValue(t.Attr, "isPermaLink"), "false")
			case local == "pubdate" || local == "published" || local == "issued":
				field = "published"
			case local == "date" && t.Name.Space == nsDC:
				field = "dcdate"
			case local == "updated" || local == "modified":
				field = "updated"
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if xhtml > 1 {
				xhtml--
				if err := enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: t.Name.Local}}); err != nil {
					return f, err
				}
				continue
			}
			if xhtml == 1 {
				xhtml = 0
				if err := enc.Flush(); err != nil {
					return f, err
				}
			}
			local := strings.ToLower(t.Name.Local)
			if field == "feedtitle" && local == "title" {
				f.title = inline(fbuf.String())
				field = ""
				continue
			}
			if item == nil {
				continue
			}
			if local == "item" || local == "entry" {
				f.items = append(f.items, *item)
				item, field = nil, ""
				continue
			}
			if field == "" || !endsField(field, local) {
				continue
			}
			v := fbuf.String()
			switch field {
			case "content":
				if item.content == "" {
					item.content, item.contentHTML = v, isHTM
				}
			case "summary":
				if item.summary == "" {
					item.summary, item.summaryHTML = v, isHTM
				}
			case "title":
				if item.title == "" {
					item.title = v
				}
			case "link":
				if item.link == "" {
					item.link = strings.TrimSpace(v)
				}
			case "id":
				if item.id == "" {
					item.id = strings.TrimSpace(v)
				}
			case "published":
				if item.published == "" {
					item.published = strings.TrimSpace(v)
				}
			case "dcdate":
				if item.published == "" {
					item.published = strings.TrimSpace(v)
				}
			case "updated":
				if item.updated == "" {
					item.updated = strings.TrimSpace(v)
				}
			}
			field = ""
		case xml.CharData:
			if xhtml > 0 {
				if err := enc.EncodeToken(t); err != nil {
					return f, err
				}
				continue
			}
			if field != "" {
				fbuf.Write(t)
			}
		}
	}
}

// endsField reports whether closing element local ends field.
func endsField(field, local string) bool {
	switch field {
	case "content":
		return local == "encoded" || local == "content"
	case "summary":
		return local == "description" || local == "summary"
	case "id":
		return local == "guid" || local == "id"
	case "published":
		return local == "pubdate" || local == "published" || local == "issued"
	case "dcdate":
		return local == "date"
	case "updated":
		return local == "updated" || local == "modified"
	}
	return local == field
}

func attrValue(attrs []xml.Attr, local string) string {
	for _, a := range attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// plainAttrs drops namespaces from attributes so xhtml content
// re-serializes as plain HTML.
func plainAttrs(attrs []xml.Attr) []xml.Attr {
	var out []xml.Attr
	for _, a := range attrs {
		if a.Name.Space != "" || a.Name.Local == "xmlns" {
			continue
		}
		out = append(out, xml.Attr{Name: xml.Name{Local: a.Name.Local}, Value: a.Value})
	}
	return out
}

var xmlEncodingRE = regexp.MustCompile(`^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']`)

// readFeed reads an RSS or Atom feed: each item becomes a document named
// "path#N". A feed that is not well-formed XML is rejected; the items read
// before the error are kept and the rejection says so.
func readFeed(ctx context.Context, origin string, data []byte, warns []string, fn emitFunc) error {
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	declared := "utf-8"
	if m := xmlEncodingRE.FindSubmatch(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))); m != nil {
		declared = strings.ToLower(string(m[1]))
	}
	if (declared == "utf-8" || declared == "utf8") && !utf8.Valid(data) {
		text, w, why := decodeText(data)
		if why != "" {
			return fn(nil, reject(origin, 0, "%s", why))
		}
		data = []byte(text)
		warns = append(warns, w...)
	}
	f, perr := parseFeed(data)
	if f.kind == "" {
		if perr == nil {
			perr = errors.New("no root element")
		}
		return fn(nil, reject(origin, 0, "not an RSS or Atom feed: %v", perr))
	}
	for i, it := range f.items {
		if err := ctx.Err(); err != nil {
			return err
		}
		o := fmt.Sprintf("%s#%d", origin, i+1)
		a, rerr := feedArticle(f, it, o)
		var err error
		if rerr != nil {
			err = fn(nil, rerr)
		} else {
			a.Warnings = append(append([]string(nil), warns...), a.Warnings...)
			err = fn(a, nil)
		}
		if err != nil {
			return err
		}
	}
	switch {
	case perr != nil && len(f.items) > 0:
		return fn(nil, reject(origin, 0, "feed is not well-formed XML: %v; kept the %d items read before the error", perr, len(f.items)))
	case perr != nil:
		return fn(nil, reject(origin, 0, "feed is not well-formed XML: %v", perr))
	case len(f.items) == 0:
		return fn(nil, reject(origin, 0, "feed has no items"))
	}
	return nil
}

// feedArticle builds the document of one feed item.
func feedArticle(f *feed, it feedItem, origin string) (*article.Article, *Error) {
	title := it.title
	if strings.Contains(title, "<") || strings.Contains(title, "&") {
		title = strings.Join(htmlParagraphs(title), " ")
	}
	title = inline(title)
	body, c := fragmentBody(it.content, it.contentHTML, title)
	if body == "" {
		body, c = fragmentBody(it.summary, it.summaryHTML, title)
	}
	if body == "" {
		return nil, reject(origin, 0, "feed item has no text")
	}
	a := &article.Article{
		ID:     it.id,
		URL:    it.link,
		Title:  title,
		Source: f.title,
		Body:   body,
		Kind:   f.kind,
		Origin: origin,
	}
	if a.ID == "" {
		a.ID = article.ContentID(body)
	}
	if a.URL == "" && it.idIsLink && (strings.HasPrefix(it.id, "http://") || strings.HasPrefix(it.id, "https://")) {
		a.URL = it.id // a permalink guid stands in for a missing <link>
	}
	for _, d := range []string{it.published, it.updated} {
		if d == "" {
			continue
		}
		if t, ok := parseDate(d); ok {
			a.Published = t
			break
		}
		a.Warnings = append(a.Warnings, fmt.Sprintf("unreadable date %s; date left unknown", quoteShort(d)))
	}
	a.Warnings = append(a.Warnings, clutterWarning(c)...)
	return a, nil
}
