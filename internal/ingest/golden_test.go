package ingest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parleyproject/parley/internal/article"
)

var update = flag.Bool("update", false, "update golden files")

// render prints documents and rejections in the readable golden format.
func render(docs []*article.Article, errs []error) string {
	var b strings.Builder
	for _, a := range docs {
		fmt.Fprintf(&b, "== document\n")
		fmt.Fprintf(&b, "id: %s\nkind: %s\norigin: %s\n", a.ID, a.Kind, a.Origin)
		fmt.Fprintf(&b, "title: %s\nurl: %s\nsource: %s\npublished: %s\n", a.Title, a.URL, a.Source, a.PublishedDate())
		for _, w := range a.Warnings {
			fmt.Fprintf(&b, "warning: %s\n", w)
		}
		fmt.Fprintf(&b, "-- body\n%s\n", a.Body)
	}
	for _, err := range errs {
		fmt.Fprintf(&b, "== rejected\n%v\n", err)
	}
	return b.String()
}

// goldenInputs lists testdata/NAME.input.EXT files.
func goldenInputs(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.input.*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden inputs in testdata")
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, path := range goldenInputs(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			docs, errs := ReadBytes(name, data, Options{})
			for _, a := range docs {
				checkBody(t, a.Body)
			}
			got := render(docs, errs)
			golden := filepath.Join("testdata", name[:strings.Index(name, ".input.")]+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("reading golden file (run with -update to create it): %v", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("ReadBytes(%s) mismatch (-want +got):\n%s", name, diff)
			}
		})
	}
}

// checkBody asserts the Body invariants of article.Article.
func checkBody(t testing.TB, body string) {
	t.Helper()
	if body == "" {
		t.Errorf("empty body")
	}
	for _, p := range strings.Split(body, "\n\n") {
		if p == "" || strings.Contains(p, "\n") {
			t.Errorf("paragraph %q is empty or contains a line break", p)
		}
		if p != strings.TrimSpace(p) || strings.Contains(p, "  ") {
			t.Errorf("paragraph %q has unfolded white space", p)
		}
	}
	if Normalize(body) != body {
		t.Errorf("body is not normalized:\n%q\nNormalize gives\n%q", body, Normalize(body))
	}
}
