// Package api serves parley's JSON API under /api/v1: documents (list,
// search, one with its annotations, and ingest when writes are enabled),
// events with filters and cursor paging, meetings, quotes, measures, dyad
// summaries and time series, and the OpenAPI document that describes them.
//
// Every route is declared once in a table (routes) that registers the
// handler, lists the query parameters it accepts and generates the OpenAPI
// paths, so the document and the handlers cannot drift apart. Errors are
// JSON bodies {"error": {"code", "message"}} with a fitting status code.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/parleyproject/parley/internal/cameo"
	"github.com/parleyproject/parley/internal/pipeline"
	"github.com/parleyproject/parley/internal/store"
)

// Prefix is the path prefix of every API route.
const Prefix = "/api/v1"

// Page size limits of the listings.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// DefaultMaxBody is the request body limit of POST /api/v1/documents
// when Options.MaxBody is 0.
const DefaultMaxBody = 4 << 20

// Options configure a Handler.
type Options struct {
	// WriteToken enables POST /api/v1/documents for requests bearing it
	// ("Authorization: Bearer TOKEN"). Empty means read-only.
	WriteToken string
	// Pipeline analyzes ingested documents; nil makes New build the
	// default one when WriteToken is set.
	Pipeline *pipeline.Pipeline
	// MaxBody limits the size of a request body (0: DefaultMaxBody).
	MaxBody int64
	// Logger receives server errors (nil: slog.Default()).
	Logger *slog.Logger
}

// Handler serves the API.
type Handler struct {
	st     *store.Store
	opts   Options
	log    *slog.Logger
	plover map[string]float64 // PLOVER type -> score
	types  []string           // PLOVER types in PLOVER's order
	routes []route
}

// New returns the API handler over st.
func New(st *store.Store, opts Options) (*Handler, error) {
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.WriteToken != "" && opts.Pipeline == nil {
		p, err := pipeline.Load(nil)
		if err != nil {
			return nil, fmt.Errorf("loading the analysis pipeline: %w", err)
		}
		opts.Pipeline = p
	}
	tab, err := cameo.Load()
	if err != nil {
		return nil, fmt.Errorf("loading CAMEO tables: %w", err)
	}
	h := &Handler{st: st, opts: opts, log: opts.Logger, plover: map[string]float64{}}
	for _, p := range tab.PLOVEREvents() {
		h.plover[p.Name] = p.Score
		h.types = append(h.types, p.Name)
	}
	h.routes = h.table()
	return h, nil
}

// Register adds every API route to mux, plus a JSON 405 for other methods
// on each path and a JSON 404 for unknown paths under /api/v1/.
func (h *Handler) Register(mux *http.ServeMux) {
	methods := map[string][]string{}
	for _, rt := range h.routes {
		mux.HandleFunc(rt.method+" "+rt.path, h.wrap(rt))
		methods[rt.path] = append(methods[rt.path], rt.method)
	}
	for path, ms := range methods {
		allowed := slices.Clone(ms)
		if slices.Contains(ms, "GET") {
			allowed = append(allowed, "HEAD")
		}
		allow := strings.Join(allowed, ", ")
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, "method_not_allowed",
				fmt.Sprintf("%s is not allowed here; allowed: %s", r.Method, allow))
		})
	}
	mux.HandleFunc(Prefix+"/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "no such API path: "+r.URL.Path)
	})
}

// Routes returns "METHOD PATH" of every route, sorted, for tests and
// documentation.
func (h *Handler) Routes() []string {
	out := make([]string, len(h.routes))
	for i, rt := range h.routes {
		out[i] = rt.method + " " + rt.path
	}
	sort.Strings(out)
	return out
}

// route is one API endpoint: what the mux and the OpenAPI document need.
type route struct {
	method, path string
	id, summary  string
	// params are the query parameters the handler accepts; any other is
	// a 400.
	params []param
	// response is the component schema of the 200/201 body.
	response string
	status   int // success status (0: 200)
	// body is the component schema of the request body, "" for none.
	body   string
	handle func(w http.ResponseWriter, r *http.Request, q *query) error
}

// param is a query parameter.
type param struct {
	name, typ, desc string
	enum            []string
	example         string
}

// httpError is an error with its status and code, returned by handlers.
type httpError struct {
	status  int
	code    string
	message string
}

func (e *httpError) Error() string { return e.message }

func badParam(format string, args ...any) error {
	return &httpError{http.StatusBadRequest, "bad_parameter", fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) error {
	return &httpError{http.StatusNotFound, "not_found", fmt.Sprintf(format, args...)}
}

// wrap turns a route handler into an http.HandlerFunc: it checks the
// query parameters and writes errors as JSON.
func (h *Handler) wrap(rt route) http.HandlerFunc {
	allowed := map[string]bool{}
	for _, p := range rt.params {
		allowed[p.name] = true
	}
	return func(w http.ResponseWriter, r *http.Request) {
		q := &query{values: r.URL.Query()}
		var err error
		for name := range q.values {
			if !allowed[name] {
				err = badParam("unknown parameter %q", name)
				break
			}
		}
		if err == nil {
			err = rt.handle(w, r, q)
		}
		if err == nil {
			return
		}
		var he *httpError
		var mb *http.MaxBytesError
		switch {
		case errors.As(err, &he):
			if he.status == http.StatusUnauthorized {
				w.Header().Set("WWW-Authenticate", `Bearer realm="parley"`)
			}
			writeError(w, he.status, he.code, he.message)
		case errors.As(err, &mb):
			writeError(w, http.StatusRequestEntityTooLarge, "too_large",
				fmt.Sprintf("request body is over the %d-byte limit", mb.Limit))
		case errors.Is(err, store.ErrNotFound):
			writeError(w, http.StatusNotFound, "not_found", err.Error())
		case errors.Is(err, store.ErrAmbiguous):
			writeError(w, http.StatusBadRequest, "ambiguous", err.Error())
		case errors.Is(err, context.Canceled):
			// The client went away; nobody reads the answer.
		default:
			h.log.Error("api request", "method", r.Method, "path", r.URL.Path, "err", err)
			writeError(w, http.StatusInternalServerError, "internal", "internal server error")
		}
	}
}

// writeJSON writes v with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encoding response: %w", err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(append(data, '\n')) // a failed write means the client left
	return nil
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	_ = writeJSON(w, status, ErrorResponse{Error: ErrorBody{Code: code, Message: message}}) // plain structs always encode
}
