package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedFuzz adds the golden inputs with the given extensions as seeds.
func seedFuzz(f *testing.F, exts ...string) {
	for _, path := range goldenInputs(f) {
		for _, ext := range exts {
			if strings.HasSuffix(path, ext) {
				data, err := os.ReadFile(path)
				if err != nil {
					f.Fatal(err)
				}
				f.Add(data)
			}
		}
	}
}

// checkDocs asserts the invariants every document must keep, whatever the
// input: valid UTF-8, non-empty paragraphs without line breaks, a
// normalized body, one-line errors.
func checkDocs(t *testing.T, name string, data []byte) {
	docs, errs := ReadBytes(name, data, Options{})
	for _, a := range docs {
		if !utf8.ValidString(a.Body) || !utf8.ValidString(a.Title) {
			t.Fatalf("invalid UTF-8 in %q / %q", a.Title, a.Body)
		}
		if a.Body == "" || a.ID == "" {
			t.Fatalf("document without body or id: %+v", a)
		}
		for _, p := range strings.Split(a.Body, "\n\n") {
			if p == "" || strings.Contains(p, "\n") {
				t.Fatalf("bad paragraph %q in body %q", p, a.Body)
			}
		}
		if n := Normalize(a.Body); n != a.Body {
			t.Fatalf("body not normalized:\n%q\n%q", a.Body, n)
		}
		for _, w := range a.Warnings {
			if strings.Contains(w, "\n") {
				t.Fatalf("warning %q is not one line", w)
			}
		}
	}
	for _, err := range errs {
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("error %q is not one line", err)
		}
	}
}

func FuzzText(f *testing.F) {
	seedFuzz(f, ".txt")
	if data, err := os.ReadFile(istanbul); err == nil {
		f.Add(data)
	}
	f.Add([]byte("Title\n\nBy A\nFebruary 28, 2025\n— X (@y) March 1, 2025\nLeave a comment"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDocs(t, "fuzz.txt", data)
		n := Normalize(string(data))
		if !utf8.ValidString(n) || Normalize(n) != n {
			t.Fatalf("Normalize not idempotent or invalid: %q -> %q", data, n)
		}
	})
}

func FuzzHTML(f *testing.F) {
	seedFuzz(f, ".html")
	f.Add([]byte(`<script type="application/ld+json">[{"@graph":[{"@type":["NewsArticle"],"headline":1}]}]</script><p>x`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDocs(t, "fuzz.html", data)
	})
}

func FuzzFeed(f *testing.F) {
	seedFuzz(f, ".rss", ".atom")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDocs(t, "fuzz.rss", data)
	})
}

func FuzzJSONL(f *testing.F) {
	seedFuzz(f, ".jsonl")
	if data, err := os.ReadFile(filepath.Join(filepath.Dir(istanbul), "istanbul-talks.jsonl")); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDocs(t, "fuzz.jsonl", data)
	})
}
