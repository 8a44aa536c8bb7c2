package api

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parleyproject/parley/internal/pipeline"
	"github.com/parleyproject/parley/internal/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const testToken = "s3cret-token"

// testServer returns the API over the fixture store with writes enabled
// and the mux it is registered on.
func testServer(t testing.TB, opts Options) (*Handler, *http.ServeMux, *store.Store) {
	t.Helper()
	st := newFixtureStore(t)
	if opts.Logger == nil {
		opts.Logger = discardLogger()
	}
	h, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	h.Register(mux)
	return h, mux, st
}

func do(mux http.Handler, method, target string, body io.Reader, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, body)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	return rec
}

// TestGolden requests every read route with typical and bad parameters
// and compares status and body with testdata/NAME.golden. Every body is
// also checked against the OpenAPI schema of its route and status.
func TestGolden(t *testing.T) {
	h, mux, _ := testServer(t, Options{})
	doc := openAPIDoc(t, h)
	st := h.st
	tests := []struct {
		name, target string
		status       int
		needs        string // a table the case needs (from a later migration)
	}{
		{"documents", "/api/v1/documents", 200, ""},
		{"documents_page", "/api/v1/documents?limit=2", 200, ""},
		{"documents_page2", "/api/v1/documents?limit=2&offset=2", 200, ""},
		{"documents_search", "/api/v1/documents?q=sanctions", 200, ""},
		{"documents_search_none", "/api/v1/documents?q=zeppelin", 200, ""},
		{"documents_range", "/api/v1/documents?from=2024-01-01&to=2024-12-31&source=Ledger", 200, ""},
		{"documents_bad_limit", "/api/v1/documents?limit=501", 400, ""},
		{"documents_bad_date", "/api/v1/documents?from=yesterday", 400, ""},
		{"documents_bad_range", "/api/v1/documents?from=2025-01-01&to=2024-01-01", 400, ""},
		{"documents_unknown_param", "/api/v1/documents?colour=blue", 400, ""},
		{"document", "/api/v1/documents/talks-2025", 200, ""},
		{"document_prefix", "/api/v1/documents/sanc", 200, ""},
		{"document_missing", "/api/v1/documents/nope", 404, ""},
		{"events", "/api/v1/events", 200, ""},
		{"events_dyad", "/api/v1/events?dyad=RUS-USA", 200, ""},
		{"events_actor_code", "/api/v1/events?actor=RUSBUS", 200, ""},
		{"events_root", "/api/v1/events?root=16&dyad=usa-rus", 200, ""},
		{"events_code", "/api/v1/events?code=046", 200, ""},
		{"events_plover", "/api/v1/events?plover=accuse", 200, ""},
		{"events_quad", "/api/v1/events?quad=1&status=reported", 200, ""},
		{"events_dates", "/api/v1/events?from=2024-01-01&to=2024-12-31", 200, ""},
		{"events_doc", "/api/v1/events?doc=tokyo-2023", 200, ""},
		{"events_page", "/api/v1/events?limit=2", 200, ""},
		{"events_bad_dyad", "/api/v1/events?dyad=USA", 400, ""},
		{"events_same_dyad", "/api/v1/events?dyad=USA-USA", 400, ""},
		{"events_bad_plover", "/api/v1/events?plover=HUG", 400, ""},
		{"events_bad_cursor", "/api/v1/events?cursor=xyz", 400, ""},
		{"events_bad_quad", "/api/v1/events?quad=5", 400, ""},
		{"events_bad_code", "/api/v1/events?code=04a", 400, ""},
		{"events_bad_status", "/api/v1/events?status=rumoured", 400, ""},
		{"meetings", "/api/v1/meetings", 200, ""},
		{"meetings_dyad", "/api/v1/meetings?dyad=USA-RUS&kind=talks", 200, ""},
		{"meetings_party_none", "/api/v1/meetings?party=CHN", 200, ""},
		{"quotes", "/api/v1/quotes?dyad=USA-RUS", 200, ""},
		{"quotes_speaker", "/api/v1/quotes?speaker=USA", 200, ""},
		{"measures", "/api/v1/measures?dyad=RUS-USA", 200, ""},
		{"measures_page", "/api/v1/measures?limit=1", 200, ""},
		{"measures_bad_country", "/api/v1/measures?country=Russia", 400, ""},
		{"dyads", "/api/v1/dyads", 200, ""},
		{"dyads_limit", "/api/v1/dyads?limit=1", 200, ""},
		{"dyad", "/api/v1/dyads/USA-RUS", 200, ""},
		{"dyad_reversed", "/api/v1/dyads/RUS-USA", 200, ""},
		{"dyad_empty", "/api/v1/dyads/FRA-DEU", 200, ""},
		{"dyad_bad", "/api/v1/dyads/USARUS", 400, ""},
		{"series", "/api/v1/dyads/USA-RUS/series", 200, ""},
		{"series_day", "/api/v1/dyads/USA-RUS/series?interval=day&from=2024-01-01", 200, ""},
		{"series_week", "/api/v1/dyads/RUS-USA/series?interval=week", 200, ""},
		{"series_bad_interval", "/api/v1/dyads/USA-RUS/series?interval=hour", 400, ""},
		{"dossiers", "/api/v1/dossiers?dyad=USA-RUS", 200, "issues"},
		{"dossiers_topic", "/api/v1/dossiers?dyad=RUS-USA&topic=visas", 200, "issues"},
		{"dossiers_no_dyad", "/api/v1/dossiers", 400, ""},
		{"unknown_path", "/api/v1/treaties", 404, ""},
		{"wrong_method", "DELETE /api/v1/events", 405, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.needs != "" {
				if ok, err := st.HasTable(context.Background(), tt.needs); err != nil || !ok {
					t.Skipf("the database has no %s table in this build (%v)", tt.needs, err)
				}
			}
			method, target := "GET", tt.target
			if m, p, ok := strings.Cut(tt.target, " "); ok {
				method, target = m, p
			}
			rec := do(mux, method, target, nil, nil)
			if rec.Code != tt.status {
				t.Fatalf("%s %s: status %d, want %d; body %s", method, target, rec.Code, tt.status, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			checkGolden(t, tt.name, rec.Body.Bytes())
			if pattern := routePattern(mux, method, target); pattern != "" {
				validateResponse(t, doc, pattern, rec.Code, rec.Body.Bytes())
			} else if err := validate(doc, ref("Error"), decode(t, rec.Body.Bytes()), "$"); err != nil {
				t.Errorf("error body does not match the Error schema: %v", err)
			}
		})
	}
}

func decode(t testing.TB, data []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, data)
	}
	return v
}

func checkGolden(t *testing.T, name string, body []byte) {
	t.Helper()
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, body, "", "  "); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, body)
	}
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, pretty.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), pretty.String()); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", name, diff)
	}
}

// routePattern returns the API route pattern ("GET /api/v1/events") that
// serves a request, or "" for the catch-all handlers.
func routePattern(mux *http.ServeMux, method, target string) string {
	_, pattern := mux.Handler(httptest.NewRequest(method, target, nil))
	if !strings.Contains(pattern, " ") {
		return ""
	}
	return pattern
}

// TestEventPaging walks the event listing page by page with cursors and
// gets every event exactly once, in order.
func TestEventPaging(t *testing.T) {
	_, mux, _ := testServer(t, Options{})
	all := do(mux, "GET", "/api/v1/events?limit=500", nil, nil)
	var full EventList
	if err := json.Unmarshal(all.Body.Bytes(), &full); err != nil {
		t.Fatal(err)
	}
	if len(full.Events) != 6 || full.NextCursor != "" {
		t.Fatalf("got %d events, cursor %q; want 6 and none", len(full.Events), full.NextCursor)
	}
	for _, size := range []int{1, 2, 4} {
		t.Run(strconv.Itoa(size), func(t *testing.T) {
			var got []string
			cursor := ""
			for page := 0; page < 10; page++ {
				rec := do(mux, "GET", fmt.Sprintf("/api/v1/events?limit=%d&cursor=%s", size, url.QueryEscape(cursor)), nil, nil)
				if rec.Code != 200 {
					t.Fatalf("status %d: %s", rec.Code, rec.Body)
				}
				var l EventList
				if err := json.Unmarshal(rec.Body.Bytes(), &l); err != nil {
					t.Fatal(err)
				}
				for _, e := range l.Events {
					got = append(got, e.ID)
				}
				if cursor = l.NextCursor; cursor == "" {
					break
				}
			}
			var want []string
			for _, e := range full.Events {
				want = append(want, e.ID)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("paged events differ from the full listing (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCreateDocument ingests through the real pipeline and checks the
// write protections: token, read-only mode, body limit, bad bodies.
func TestCreateDocument(t *testing.T) {
	p := pipeline.New()
	_, mux, _ := testServer(t, Options{WriteToken: testToken, Pipeline: p, MaxBody: 4096})
	_, readOnly, _ := testServer(t, Options{})
	good := `{"id": "post-1", "title": "Envoys meet in Geneva", "published": "2025-03-10", "source": "Test Wire",
		"text": "GENEVA — Diplomats from the United States and Russia met in Geneva on Monday to discuss embassy staffing. The talks lasted four hours."}`
	auth := map[string]string{"Authorization": "Bearer " + testToken, "Content-Type": "application/json"}
	tests := []struct {
		name   string
		mux    http.Handler
		body   string
		header map[string]string
		status int
		code   string
	}{
		{"read_only", readOnly, good, auth, 403, "read_only"},
		{"no_token", mux, good, map[string]string{"Content-Type": "application/json"}, 401, "unauthorized"},
		{"wrong_token", mux, good, map[string]string{"Authorization": "Bearer nope"}, 403, "forbidden"},
		{"not_json_type", mux, good, map[string]string{"Authorization": "Bearer " + testToken, "Content-Type": "text/plain"}, 415, "unsupported_media_type"},
		{"too_large", mux, `{"text": "` + strings.Repeat("a", 5000) + `"}`, auth, 413, "too_large"},
		{"array", mux, `[{"text": "x"}]`, auth, 400, "bad_body"},
		{"broken", mux, `{"text": `, auth, 400, "bad_body"},
		{"unknown_field", mux, `{"text": "Hello there.", "author": "me"}`, auth, 400, "bad_body"},
		{"no_text", mux, `{"id": "x", "title": "Nothing"}`, auth, 400, "bad_document"},
		{"wrong_type", mux, `{"id": "x", "text": 42}`, auth, 400, "bad_document"},
		{"ok", mux, good, auth, 201, ""},
		{"duplicate", mux, good, auth, 409, "duplicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(tt.mux, "POST", "/api/v1/documents", strings.NewReader(tt.body), tt.header)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.code != "" {
				var e ErrorResponse
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error.Code != tt.code {
					t.Errorf("error %+v (%v), want code %q", e, err, tt.code)
				}
			}
			if tt.status == 401 && !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without a Bearer challenge")
			}
		})
	}
	rec := do(mux, "GET", "/api/v1/documents/post-1", nil, nil)
	var d DocumentResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil || rec.Code != 200 {
		t.Fatalf("stored document: %d %v %s", rec.Code, err, rec.Body)
	}
	if d.Document.Title != "Envoys meet in Geneva" || d.Document.Published != "2025-03-10" || len(d.Document.Events) == 0 {
		t.Errorf("stored document %q %q with %d events; want the title, date and at least one event",
			d.Document.Title, d.Document.Published, len(d.Document.Events))
	}
	if len(d.Document.Annotations) < 10 {
		t.Errorf("stored document has no annotations: %s", d.Document.Annotations)
	}
}

// TestOpenAPI walks the registered routes and the document's paths both
// ways, calls every documented operation with every documented parameter
// set to its example, and checks each answer against the documented
// schema.
func TestOpenAPI(t *testing.T) {
	h, mux, _ := testServer(t, Options{WriteToken: testToken, Pipeline: pipeline.New()})
	rec := do(mux, "GET", "/api/v1/openapi.json", nil, nil)
	if rec.Code != 200 {
		t.Fatalf("openapi.json: %d", rec.Code)
	}
	doc := decode(t, rec.Body.Bytes()).(map[string]any)
	if doc["openapi"] != "3.1.0" {
		t.Errorf("openapi = %v", doc["openapi"])
	}
	paths := doc["paths"].(map[string]any)
	var documented []string
	for p, item := range paths {
		for m := range item.(map[string]any) {
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	sort.Strings(documented)
	if diff := cmp.Diff(h.Routes(), documented); diff != "" {
		t.Errorf("routes and documented operations differ (-routes +documented):\n%s", diff)
	}
	// Every documented operation is served by its own route.
	values := map[string]string{"id": "talks-2025", "dyad": "USA-RUS"}
	for _, op := range documented {
		method, p, _ := strings.Cut(op, " ")
		t.Run(op, func(t *testing.T) {
			spec := paths[p].(map[string]any)[strings.ToLower(method)].(map[string]any)
			target := regexp.MustCompile(`\{([a-z_]+)\}`).ReplaceAllStringFunc(p, func(s string) string {
				return values[strings.Trim(s, "{}")]
			})
			q := url.Values{}
			params, _ := spec["parameters"].([]any)
			for _, x := range params {
				prm := x.(map[string]any)
				if prm["in"] == "query" {
					name := prm["name"].(string)
					if ex := exampleOf(h, method+" "+p, name); ex != "" {
						q.Set(name, ex)
					}
				}
			}
			if len(q) > 0 {
				target += "?" + q.Encode()
			}
			var body io.Reader
			header := map[string]string{}
			if method == "POST" {
				body = strings.NewReader(`{"id": "openapi-1", "text": "The United States and Russia agreed on Monday to restore direct flights."}`)
				header["Authorization"] = "Bearer " + testToken
			}
			if got := routePattern(mux, method, target); got != op {
				t.Fatalf("%s %s is served by %q", method, target, got)
			}
			rec := do(mux, method, target, body, header)
			responses := spec["responses"].(map[string]any)
			if _, ok := responses[strconv.Itoa(rec.Code)]; !ok || rec.Code >= 300 {
				t.Fatalf("%s %s: status %d (%s) is not a documented success", method, target, rec.Code, rec.Body)
			}
			validateResponse(t, doc, op, rec.Code, rec.Body.Bytes())
		})
	}
}

// exampleOf returns the example value of a route's query parameter.
func exampleOf(h *Handler, op, name string) string {
	for _, rt := range h.routes {
		if rt.method+" "+rt.path == op {
			for _, p := range rt.params {
				if p.name == name {
					return p.example
				}
			}
		}
	}
	return ""
}

func openAPIDoc(t testing.TB, h *Handler) map[string]any {
	t.Helper()
	data, err := json.Marshal(h.OpenAPI())
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, data).(map[string]any)
}

// validateResponse checks a body against the schema the document gives
// for the operation and status.
func validateResponse(t *testing.T, doc map[string]any, op string, status int, body []byte) {
	t.Helper()
	method, p, _ := strings.Cut(op, " ")
	spec, ok := doc["paths"].(map[string]any)[p].(map[string]any)[strings.ToLower(method)].(map[string]any)
	if !ok {
		t.Fatalf("%s is not documented", op)
	}
	resp, ok := spec["responses"].(map[string]any)[strconv.Itoa(status)].(map[string]any)
	if !ok {
		t.Fatalf("%s: status %d is not documented", op, status)
	}
	schema := resp["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
	if err := validate(doc, schema, decode(t, body), "$"); err != nil {
		t.Errorf("%s %d: body does not match its schema: %v", op, status, err)
	}
}

// validate checks v against the subset of JSON Schema the document uses:
// $ref, type, properties, required, additionalProperties, items, oneOf.
func validate(doc map[string]any, schema map[string]any, v any, at string) error {
	if r, ok := schema["$ref"].(string); ok {
		name := strings.TrimPrefix(r, "#/components/schemas/")
		s, ok := doc["components"].(map[string]any)["schemas"].(map[string]any)[name].(map[string]any)
		if !ok {
			return fmt.Errorf("%s: unknown schema %s", at, r)
		}
		return validate(doc, s, v, at)
	}
	if alts, ok := schema["oneOf"].([]any); ok {
		var errs []string
		for _, a := range alts {
			err := validate(doc, a.(map[string]any), v, at)
			if err == nil {
				return nil
			}
			errs = append(errs, err.Error())
		}
		return fmt.Errorf("%s: matches no alternative: %s", at, strings.Join(errs, "; "))
	}
	if tv, ok := schema["type"]; ok {
		var types []string
		switch x := tv.(type) {
		case string:
			types = []string{x}
		case []any:
			for _, y := range x {
				types = append(types, y.(string))
			}
		}
		if !hasType(types, v) {
			return fmt.Errorf("%s: %T is not %v", at, v, types)
		}
	}
	switch x := v.(type) {
	case map[string]any:
		props, _ := schema["properties"].(map[string]any)
		for _, r := range asStrings(schema["required"]) {
			if _, ok := x[r]; !ok {
				return fmt.Errorf("%s: required property %q is missing", at, r)
			}
		}
		for k, val := range x {
			if ps, ok := props[k].(map[string]any); ok {
				if err := validate(doc, ps, val, at+"."+k); err != nil {
					return err
				}
				continue
			}
			switch ap := schema["additionalProperties"].(type) {
			case bool:
				if !ap {
					return fmt.Errorf("%s: property %q is not documented", at, k)
				}
			case map[string]any:
				if err := validate(doc, ap, val, at+"."+k); err != nil {
					return err
				}
			}
		}
	case []any:
		if items, ok := schema["items"].(map[string]any); ok {
			for i, it := range x {
				if err := validate(doc, items, it, fmt.Sprintf("%s[%d]", at, i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func asStrings(v any) []string {
	var out []string
	if l, ok := v.([]any); ok {
		for _, x := range l {
			out = append(out, x.(string))
		}
	}
	return out
}

func hasType(types []string, v any) bool {
	for _, t := range types {
		switch t {
		case "null":
			if v == nil {
				return true
			}
		case "string":
			if _, ok := v.(string); ok {
				return true
			}
		case "boolean":
			if _, ok := v.(bool); ok {
				return true
			}
		case "number":
			if _, ok := v.(float64); ok {
				return true
			}
		case "integer":
			if f, ok := v.(float64); ok && f == float64(int64(f)) {
				return true
			}
		case "object":
			if _, ok := v.(map[string]any); ok {
				return true
			}
		case "array":
			if _, ok := v.([]any); ok {
				return true
			}
		}
	}
	return false
}

// TestValidateCatchesDrift makes sure the schema check can fail: an
// undocumented property and a missing required one are both reported.
func TestValidateCatchesDrift(t *testing.T) {
	h, _, _ := testServer(t, Options{})
	doc := openAPIDoc(t, h)
	for _, body := range []string{
		`{"dyads": [{"dyad": "A-B", "a": "A", "b": "B", "events": 1, "mean_goldstein": 1, "last": "", "colour": "red"}]}`,
		`{"dyads": [{"dyad": "A-B", "a": "A", "b": "B", "mean_goldstein": 1, "last": ""}]}`,
		`{"dyads": [{"dyad": "A-B", "a": "A", "b": "B", "events": 1.5, "mean_goldstein": 1, "last": ""}]}`,
	} {
		if err := validate(doc, ref("DyadList"), decode(t, []byte(body)), "$"); err == nil {
			t.Errorf("validate accepted %s", body)
		}
	}
}

// TestInternalError closes the database under the handler: the client
// gets a JSON 500 without details and the error goes to the log.
func TestInternalError(t *testing.T) {
	var logged bytes.Buffer
	_, mux, st := testServer(t, Options{Logger: slog.New(slog.NewTextHandler(&logged, nil))})
	st.Close()
	rec := do(mux, "GET", "/api/v1/events?dyad=USA-RUS", nil, nil)
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), `"code":"internal"`) || strings.Contains(rec.Body.String(), "closed") {
		t.Errorf("got %d %s; want a bare JSON 500", rec.Code, rec.Body)
	}
	if !strings.Contains(logged.String(), "/api/v1/events") || !strings.Contains(logged.String(), "closed") {
		t.Errorf("the error was not logged: %q", logged.String())
	}
}
