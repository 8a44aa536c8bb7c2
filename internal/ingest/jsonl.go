package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parleyproject/parley/internal/article"
)

// readJSONL streams JSON Lines: one record per line, blank lines skipped.
// A bad line is rejected as "path:LINE: reason" and reading goes on. A
// single line may be as long as opts' size limit. An input that is one JSON
// array of records is read too; its records are named "path#N".
func readJSONL(ctx context.Context, origin string, r io.Reader, opts Options, fn emitFunc) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	max := opts.max()
	if first, _ := br.Peek(sniffLen); bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(first, []byte("\xEF\xBB\xBF")), " \t\r\n"), []byte("[")) {
		return readJSONArray(ctx, origin, br, opts, fn)
	}
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, max)
		if err != nil && err != io.EOF {
			return fn(nil, reject(origin, n, "reading: %v", err))
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\xEF\xBB\xBF"))
		}
		var ferr error
		switch {
		case tooLong:
			ferr = fn(nil, reject(origin, n, "line is longer than %d bytes", max))
		case len(bytes.TrimSpace(line)) > 0:
			a, rerr := jsonRecord(fmt.Sprintf("%s:%d", origin, n), line, opts)
			if rerr != nil {
				rerr.Origin, rerr.Line = origin, n
				ferr = fn(nil, rerr)
			} else {
				ferr = fn(a, nil)
			}
		}
		if ferr != nil {
			return ferr
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line (without its end) of at most max bytes. A longer
// line is consumed and reported as tooLong without being kept.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > max+2 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, err
	}
}

// readJSONArray reads a file holding one JSON array of records.
func readJSONArray(ctx context.Context, origin string, br *bufio.Reader, opts Options, fn emitFunc) error {
	max := opts.max()
	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		return fn(nil, reject(origin, 0, "reading: %v", err))
	}
	if int64(len(data)) > max {
		return fn(nil, reject(origin, 0, "JSON array is over the %d-byte limit", max))
	}
	var recs []json.RawMessage
	if err := json.Unmarshal(data, &recs); err != nil {
		return fn(nil, reject(origin, 0, "invalid JSON: %v", err))
	}
	for i, raw := range recs {
		if err := ctx.Err(); err != nil {
			return err
		}
		o := fmt.Sprintf("%s#%d", origin, i+1)
		a, rerr := jsonRecord(o, raw, opts)
		if rerr != nil {
			rerr.Origin = o
			err = fn(nil, rerr)
		} else {
			err = fn(a, nil)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// jsonRecord reads one record: id, url, title, published, source, and text
// or html.
func jsonRecord(origin string, raw []byte, opts Options) (*article.Article, *Error) {
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(raw, &rec); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, reject(origin, 0, "record is not a JSON object")
		}
		return nil, reject(origin, 0, "invalid JSON: %v", err)
	}
	if rec == nil {
		return nil, reject(origin, 0, "record is not a JSON object")
	}
	get := func(key string) (string, *Error) {
		v, ok := rec[key]
		if !ok {
			return "", nil
		}
		v = bytes.TrimSpace(v)
		if bytes.Equal(v, []byte("null")) {
			return "", nil
		}
		var s string
		if err := json.Unmarshal(v, &s); err == nil {
			return s, nil
		}
		if key == "id" {
			if _, err := strconv.ParseFloat(string(v), 64); err == nil {
				return string(v), nil // a numeric id, kept as written
			}
		}
		return "", reject(origin, 0, "field %q is not a string", key)
	}
	var f [7]string
	for i, k := range []string{"id", "url", "title", "published", "source", "text", "html"} {
		s, err := get(k)
		if err != nil {
			return nil, err
		}
		f[i] = s
	}
	id, url, title, published, source, text, htm := strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), inline(f[2]), strings.TrimSpace(f[3]), inline(f[4]), f[5], f[6]
	if strings.TrimSpace(text) == "" && strings.TrimSpace(htm) == "" {
		if _, ok := rec["text"]; ok {
			return nil, reject(origin, 0, "text is empty")
		}
		if _, ok := rec["html"]; ok {
			return nil, reject(origin, 0, "html is empty")
		}
		return nil, reject(origin, 0, `record has no "text" or "html"`)
	}
	a := &article.Article{ID: id, URL: url, Title: title, Source: source, Kind: "jsonl", Origin: origin}
	var c cleaning
	if strings.TrimSpace(text) != "" {
		a.Body, c = fragmentBody(text, false, title)
	} else {
		p := parseHTML(htm)
		var kept []string
		kept, c = cleanParagraphs(p.paragraphs, firstNonEmpty(title, p.title), false)
		a.Body = strings.Join(kept, "\n\n")
		a.Title = firstNonEmpty(a.Title, p.title)
		a.URL = firstNonEmpty(a.URL, p.url)
		a.Source = firstNonEmpty(a.Source, p.site)
		if published == "" {
			published = p.published
		}
		a.Warnings = append(a.Warnings, p.warnings...)
	}
	if a.Body == "" {
		return nil, reject(origin, 0, "text is empty after normalization")
	}
	if a.ID == "" {
		a.ID = article.ContentID(a.Body)
	}
	if published != "" {
		if t, ok := parseDate(published); ok {
			a.Published = t
		} else {
			a.Warnings = append(a.Warnings, fmt.Sprintf("unreadable published date %s; date left unknown", quoteShort(published)))
		}
	}
	a.Warnings = append(a.Warnings, clutterWarning(c)...)
	return a, nil
}
