package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parleyproject/parley/internal/article"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"golang.org/x/net/html/charset"
)

// DefaultMaxBytes is the per-file size limit used when Options.MaxBytes is 0.
const DefaultMaxBytes = 64 << 20

// sniffLen is how much of an input is looked at to tell its kind.
const sniffLen = 8 << 10

// Options set metadata for a single plain-text input and limits.
type Options struct {
	// Published is the publication date of a single plain-text (or HTML)
	// input that does not carry one itself (--published). Only its
	// calendar day is kept.
	Published time.Time
	// URL and Title give the canonical URL and headline of a single
	// plain-text input (--url, --title). For HTML they fill in only what
	// the page lacks.
	URL, Title string
	// MaxBytes is the per-file size limit; 0 means DefaultMaxBytes. Larger
	// files are rejected with a reason, not read into memory. JSON Lines
	// are streamed, so for them the limit applies to each line instead.
	MaxBytes int64
}

func (o Options) max() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Error is a rejected input or document: a one-line reason naming the file
// and, for JSON Lines, the line.
type Error struct {
	// Origin is the file path, "-" for standard input, or "path#N" for the
	// Nth item of a feed.
	Origin string
	// Line is the 1-based line of a JSON Lines record, 0 otherwise.
	Line int
	// Reason says what is wrong, on one line.
	Reason string
}

// Error returns "path:line: reason" or "path: reason".
func (e *Error) Error() string {
	if e.Line > 0 {
		return e.Origin + ":" + strconv.Itoa(e.Line) + ": " + e.Reason
	}
	return e.Origin + ": " + e.Reason
}

// reject builds an *Error with a one-line reason.
func reject(origin string, line int, format string, args ...any) *Error {
	return &Error{Origin: origin, Line: line, Reason: oneLine(fmt.Sprintf(format, args...))}
}

// oneLine folds line breaks so a reason or warning stays on one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// emitFunc receives each document or rejection; see Read.
type emitFunc func(a *article.Article, err error) error

// Read reads every path (files, directories recursively in sorted order,
// "-" for stdin) and calls fn once per document read (a != nil, err == nil)
// or per rejection (a == nil, err is *Error), in input order. A non-nil
// return from fn stops reading and is returned. Context cancellation stops
// reading and returns the context's error.
//
// Options' metadata (Published, URL, Title) applies only when paths names a
// single file or "-". fn is called from Read's own goroutine, never
// concurrently. Inputs are read into memory one at a time (at most
// MaxBytes); JSON Lines are streamed line by line.
func Read(ctx context.Context, paths []string, stdin io.Reader, opts Options, fn func(a *article.Article, err error) error) error {
	single := len(paths) == 1
	if single && paths[0] != "-" {
		if st, err := os.Stat(paths[0]); err == nil && st.IsDir() {
			single = false
		}
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if p == "-" {
			if stdin == nil {
				err = fn(nil, reject("-", 0, "no standard input"))
			} else {
				err = readStream(ctx, "-", "", stdin, -1, opts, single, fn)
			}
		} else {
			err = readPath(ctx, p, opts, single, fn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// ReadBytes reads one input held in memory (name is used for origin and as
// an extension hint only). It returns the documents read and the
// rejections, each an *Error.
func ReadBytes(name string, data []byte, opts Options) ([]*article.Article, []error) {
	var docs []*article.Article
	var errs []error
	emit := func(a *article.Article, err error) error {
		if err != nil {
			errs = append(errs, err)
		} else if a != nil {
			docs = append(docs, a)
		}
		return nil
	}
	_ = readStream(context.Background(), name, name, bytes.NewReader(data), int64(len(data)), opts, true, emit) // emit never fails
	return docs, errs
}

// inputExts are the extensions read when walking a directory; files
// without an extension are read too and sniffed.
var inputExts = map[string]bool{
	".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true, ".xml": true,
	".rss": true, ".atom": true, ".jsonl": true, ".json": true, ".ndjson": true,
}

// readPath reads a file or, recursively, a directory.
func readPath(ctx context.Context, path string, opts Options, single bool, fn emitFunc) error {
	st, err := os.Stat(path)
	if err != nil {
		return fn(nil, reject(path, 0, "%s", statReason(err)))
	}
	if !st.IsDir() {
		return readFile(ctx, path, st, opts, single, fn)
	}
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if p == path && d == nil {
				return fn(nil, reject(p, 0, "%s", statReason(err)))
			}
			if ferr := fn(nil, reject(p, 0, "%s", statReason(err))); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != path && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !wantFile(name) || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		fst, err := os.Stat(p)
		if err != nil {
			return fn(nil, reject(p, 0, "%s", statReason(err)))
		}
		if !fst.Mode().IsRegular() {
			return nil
		}
		return readFile(ctx, p, fst, opts, false, fn)
	})
}

// wantFile reports whether a file met in a directory walk is an input:
// a known extension or none, and not a gold annotation.
func wantFile(name string) bool {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".gold.json") {
		return false
	}
	ext := filepath.Ext(lower)
	return ext == "" || inputExts[ext]
}

func statReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

func readFile(ctx context.Context, path string, st fs.FileInfo, opts Options, single bool, fn emitFunc) error {
	if !st.Mode().IsRegular() && st.Mode()&fs.ModeNamedPipe == 0 && st.Mode()&fs.ModeCharDevice == 0 {
		return fn(nil, reject(path, 0, "not a regular file"))
	}
	f, err := os.Open(path)
	if err != nil {
		return fn(nil, reject(path, 0, "%s", statReason(err)))
	}
	defer f.Close()
	size := st.Size()
	if !st.Mode().IsRegular() {
		size = -1
	}
	return readStream(ctx, path, path, f, size, opts, single, fn)
}

// readStream sniffs an input and reads it by kind. size is the input's
// size, or -1 when unknown (standard input, pipes).
func readStream(ctx context.Context, origin, name string, r io.Reader, size int64, opts Options, single bool, fn emitFunc) error {
	br := bufio.NewReaderSize(r, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return fn(nil, reject(origin, 0, "reading: %v", err))
	}
	if len(bytes.TrimSpace(head)) == 0 && (size >= 0 && size <= int64(len(head)) || err == io.EOF) {
		return fn(nil, reject(origin, 0, "empty input"))
	}
	utf16 := hasUTF16BOM(head)
	kind := sniff(head, filepath.Ext(strings.ToLower(name)))
	max := opts.max()
	if size > max && (kind != "jsonl" || utf16) {
		return fn(nil, reject(origin, 0, "file is %d bytes, over the %d-byte limit", size, max))
	}
	if !utf16 {
		if why := binaryReason(head); why != "" {
			return fn(nil, reject(origin, 0, "%s", why))
		}
	}
	if kind == "jsonl" && !utf16 {
		return readJSONL(ctx, origin, br, opts, fn)
	}
	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		return fn(nil, reject(origin, 0, "reading: %v", err))
	}
	if int64(len(data)) > max {
		return fn(nil, reject(origin, 0, "input is over the %d-byte limit", max))
	}
	var warns []string
	if utf16 {
		dec, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), data)
		if err != nil {
			return fn(nil, reject(origin, 0, "decoding UTF-16: %v", err))
		}
		data = dec
		warns = append(warns, "decoded from UTF-16")
		kind = sniff(data, filepath.Ext(strings.ToLower(name)))
		if kind == "jsonl" {
			return readJSONL(ctx, origin, bytes.NewReader(data), opts, fn)
		}
	}
	return readData(ctx, origin, data, kind, opts, single, warns, fn)
}

func hasUTF16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

// binaryReason returns why head is not text, or "".
func binaryReason(head []byte) string {
	if bytes.IndexByte(head, 0) >= 0 {
		return "binary file (contains NUL bytes)"
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	if len(head) > 0 && ctl*10 > len(head) {
		return "binary file (mostly control bytes)"
	}
	return ""
}

// readData reads a whole input of a known kind.
func readData(ctx context.Context, origin string, data []byte, kind string, opts Options, single bool, warns []string, fn emitFunc) error {
	switch kind {
	case "rss", "atom", "xml":
		return readFeed(ctx, origin, data, warns, fn)
	case "html":
		text, w, why := decodeHTML(data)
		if why != "" {
			return fn(nil, reject(origin, 0, "%s", why))
		}
		a, rerr := htmlArticle(origin, text, opts, single)
		if rerr != nil {
			return fn(nil, rerr)
		}
		a.Warnings = append(append(warns, w...), a.Warnings...)
		return fn(a, nil)
	default:
		text, w, why := decodeText(data)
		if why != "" {
			return fn(nil, reject(origin, 0, "%s", why))
		}
		a, rerr := textArticle(origin, text, opts, single)
		if rerr != nil {
			return fn(nil, rerr)
		}
		a.Warnings = append(append(warns, w...), a.Warnings...)
		return fn(a, nil)
	}
}

// decodeText returns data as UTF-8 text. A few invalid bytes are replaced
// by U+FFFD with a warning; text whose stray bytes are all single high
// bytes is read as Windows-1252; mostly invalid input is rejected.
func decodeText(data []byte) (string, []string, string) {
	if utf8.Valid(data) {
		return string(data), nil, ""
	}
	bad, runs, single := 0, 0, true
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			j := i
			for j < len(data) {
				r2, n2 := utf8.DecodeRune(data[j:])
				if r2 != utf8.RuneError || n2 > 1 {
					break
				}
				j++
			}
			bad += j - i
			runs++
			if j-i > 1 {
				single = false
			}
			i = j
			continue
		}
		i += n
	}
	if bad*10 > len(data) {
		return "", nil, fmt.Sprintf("not UTF-8 text (%d of %d bytes invalid)", bad, len(data))
	}
	if single && runs > 3 {
		if dec, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			return string(dec), []string{fmt.Sprintf("not valid UTF-8 (%d stray bytes); read as Windows-1252", bad)}, ""
		}
	}
	return strings.ToValidUTF8(string(data), "\uFFFD"), []string{fmt.Sprintf("replaced %d invalid UTF-8 bytes with U+FFFD", bad)}, ""
}

// decodeHTML reads a page as UTF-8 when it is valid UTF-8 (pages often
// declare a legacy charset they no longer use), else in the charset the
// page declares (<meta charset>), else like decodeText.
func decodeHTML(data []byte) (string, []string, string) {
	if utf8.Valid(data) {
		return string(data), nil, ""
	}
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	if m := metaCharsetRE.FindSubmatch(head); m != nil {
		label := strings.ToLower(string(m[1]))
		if label != "utf-8" && label != "utf8" {
			if enc, name := charset.Lookup(label); enc != nil && name != "utf-8" {
				dec, err := enc.NewDecoder().Bytes(data)
				if err == nil {
					return string(dec), nil, ""
				}
			}
		}
	}
	return decodeText(data)
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
