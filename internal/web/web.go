// Package web serves parley's HTML pages: the home page (latest documents
// and events, busiest dyads), dyad pages with a trend chart drawn in Go as
// SVG, the event list with filters, document pages with every coded span
// highlighted, and search.
//
// Pages are rendered on the server with html/template (so all output is
// escaped) from templates embedded in the binary and parsed once by New;
// they read well without JavaScript. Static files are served under
// content-hash URLs (/static/style.3f2a9c1b.css) with a long cache life.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/parleyproject/parley/internal/cameo"
	"github.com/parleyproject/parley/internal/store"
)

//go:embed templates/*.html static/*
var files embed.FS

// pages lists every page template; each is parsed with layout.html. New
// fails when a file in templates/ is not listed here, or the reverse.
var pages = []string{"home", "dyad", "events", "document", "search", "error"}

// Options configure a Handler.
type Options struct {
	// Logger receives server errors (nil: slog.Default()).
	Logger *slog.Logger
}

// Handler serves the pages.
type Handler struct {
	st     *store.Store
	log    *slog.Logger
	tmpl   map[string]*template.Template
	static map[string]staticFile // by hashed name
	urls   map[string]string     // file name -> hashed URL
	codes  *cameo.Table
	plover map[string]float64
	types  []string
	// busiest caches the home page's busiest dyads.
	busiest dyadCache
}

type staticFile struct {
	data  []byte
	ctype string
}

// New parses the templates and hashes the static files.
func New(st *store.Store, opts Options) (*Handler, error) {
	h := &Handler{st: st, log: opts.Logger, tmpl: map[string]*template.Template{},
		static: map[string]staticFile{}, urls: map[string]string{}, plover: map[string]float64{}}
	if h.log == nil {
		h.log = slog.Default()
	}
	tab, err := cameo.Load()
	if err != nil {
		return nil, fmt.Errorf("loading CAMEO tables: %w", err)
	}
	h.codes = tab
	for _, p := range tab.PLOVEREvents() {
		h.plover[p.Name] = p.Score
		h.types = append(h.types, p.Name)
	}
	if err := h.loadStatic(); err != nil {
		return nil, err
	}
	if err := h.parseTemplates(); err != nil {
		return nil, err
	}
	return h, nil
}

func (h *Handler) loadStatic() error {
	entries, err := fs.ReadDir(files, "static")
	if err != nil {
		return fmt.Errorf("reading static files: %w", err)
	}
	for _, e := range entries {
		data, err := files.ReadFile("static/" + e.Name())
		if err != nil {
			return fmt.Errorf("reading static file %s: %w", e.Name(), err)
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(e.Name())
		hashed := strings.TrimSuffix(e.Name(), ext) + "." + hex.EncodeToString(sum[:6]) + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		h.static[hashed] = staticFile{data: data, ctype: ctype}
		h.urls[e.Name()] = "/static/" + hashed
	}
	return nil
}

func (h *Handler) funcs() template.FuncMap {
	return template.FuncMap{
		"static": func(name string) (string, error) {
			u, ok := h.urls[name]
			if !ok {
				return "", fmt.Errorf("no static file %q", name)
			}
			return u, nil
		},
		"docURL": func(id string) string { return "/documents/" + url.PathEscape(id) },
		"evidenceURL": func(id string, sentence int) string {
			return "/documents/" + url.PathEscape(id) + "#s" + strconv.Itoa(sentence)
		},
		"dyadURL": func(a, b string) string { return "/dyads/" + url.PathEscape(a) + "-" + url.PathEscape(b) },
		"score":   func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
		"signed": func(v float64) string {
			return strconv.FormatFloat(v, 'f', 1, 64)
		},
		"tone": func(v float64) string {
			switch {
			case v >= 1:
				return "pos"
			case v <= -1:
				return "neg"
			}
			return "neu"
		},
		"deref": func(s *string) string {
			if s == nil {
				return ""
			}
			return *s
		},
		"join": strings.Join,
	}
}

func (h *Handler) parseTemplates() error {
	entries, err := fs.ReadDir(files, "templates")
	if err != nil {
		return fmt.Errorf("reading templates: %w", err)
	}
	declared := map[string]bool{"layout.html": true}
	for _, p := range pages {
		declared[p+".html"] = true
	}
	for _, e := range entries {
		if !declared[e.Name()] {
			return fmt.Errorf("template %s is not declared in web.pages", e.Name())
		}
	}
	for _, p := range pages {
		t, err := template.New("layout.html").Funcs(h.funcs()).ParseFS(files, "templates/layout.html", "templates/"+p+".html")
		if err != nil {
			return fmt.Errorf("parsing template %s: %w", p, err)
		}
		h.tmpl[p] = t
	}
	return nil
}

// Register adds the page routes to mux.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", h.page(h.home))
	mux.HandleFunc("GET /dyads/{dyad}", h.page(h.dyad))
	mux.HandleFunc("GET /events", h.page(h.events))
	mux.HandleFunc("GET /documents/{id}", h.page(h.document))
	mux.HandleFunc("GET /search", h.page(h.search))
	mux.HandleFunc("GET /static/{file}", h.serveStatic)
	mux.HandleFunc("/", h.page(func(w http.ResponseWriter, r *http.Request) (string, any, error) {
		return "", nil, errNotFound("no page at " + r.URL.Path)
	}))
}

func (h *Handler) serveStatic(w http.ResponseWriter, r *http.Request) {
	f, ok := h.static[r.PathValue("file")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.ctype)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	_, _ = w.Write(f.data) // a failed write means the client left
}

// pageError is an error shown to the user with its status.
type pageError struct {
	status  int
	message string
}

func (e *pageError) Error() string { return e.message }

func errNotFound(msg string) error   { return &pageError{http.StatusNotFound, msg} }
func errBadRequest(msg string) error { return &pageError{http.StatusBadRequest, msg} }

// pageFunc prepares a page: the template name and its data.
type pageFunc func(w http.ResponseWriter, r *http.Request) (name string, data any, err error)

// errorPage is the data of the error template.
type errorPage struct {
	Title   string
	Status  int
	Message string
}

// page renders a pageFunc's template into a buffer and writes it, or the
// error page.
func (h *Handler) page(fn pageFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		name, data, err := fn(w, r)
		if err == nil && name == "" {
			return // the page wrote a response itself (a redirect)
		}
		status := http.StatusOK
		var pe *pageError
		switch {
		case err == nil:
		case errors.As(err, &pe) && name != "" && data != nil:
			status = pe.status // the page shows the problem itself (a bad filter)
		case errors.As(err, &pe):
			status = pe.status
			name, data = "error", errorPage{Title: http.StatusText(pe.status), Status: pe.status, Message: pe.message}
		case errors.Is(err, store.ErrNotFound):
			status = http.StatusNotFound
			name, data = "error", errorPage{Title: "Not found", Status: status, Message: "There is no such document."}
		case errors.Is(err, store.ErrAmbiguous):
			status = http.StatusBadRequest
			name, data = "error", errorPage{Title: "Ambiguous", Status: status, Message: "That id prefix names several documents."}
		default:
			h.log.Error("page", "path", r.URL.Path, "err", err)
			status = http.StatusInternalServerError
			name, data = "error", errorPage{Title: "Server error", Status: status, Message: "Something went wrong; the error is logged."}
		}
		var buf bytes.Buffer
		if err := h.tmpl[name].ExecuteTemplate(&buf, "layout.html", data); err != nil {
			h.log.Error("rendering page", "page", name, "err", err)
			http.Error(w, "internal server error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		_, _ = w.Write(buf.Bytes()) // a failed write means the client left
	}
}
