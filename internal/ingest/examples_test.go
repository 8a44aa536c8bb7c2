package ingest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyproject/parley/internal/article"
)

// TestSampleCorpus reads the sample corpus shipped in examples/ and checks
// the contract parley eval relies on: every sentence and quote of a gold
// annotation occurs verbatim in the body ingest produces for its document,
// and a publication date read from the document agrees with the gold's.
func TestSampleCorpus(t *testing.T) {
	roots := []string{filepath.Join("..", "..", "examples"), filepath.Dir(istanbul)}
	var present []string
	for _, r := range roots {
		if _, err := os.Stat(r); err == nil {
			present = append(present, r)
		}
	}
	if len(present) == 0 {
		t.Skip("no sample corpus present")
	}
	docs := map[string][]*article.Article{} // by input path without extension
	err := Read(context.Background(), present, nil, Options{}, func(a *article.Article, err error) error {
		if err != nil {
			t.Errorf("sample input rejected: %v", err)
			return nil
		}
		checkBody(t, a.Body)
		path := a.Origin
		if i := strings.LastIndexAny(path, ":#"); i > 0 {
			path = path[:i]
		}
		key := strings.TrimSuffix(path, filepath.Ext(path))
		docs[key] = append(docs[key], a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var golds []string
	for _, r := range present {
		err := filepath.WalkDir(r, func(p string, d os.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".gold.json") {
				golds = append(golds, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, g := range golds {
		t.Run(filepath.Base(g), func(t *testing.T) {
			data, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			var gold struct {
				ID        string `json:"id"`
				Published string `json:"publication_date"`
				Events    []struct {
					Sentence string `json:"sentence"`
				} `json:"events"`
				Quotes []struct {
					Text string `json:"text"`
				} `json:"quotes"`
			}
			if err := json.Unmarshal(data, &gold); err != nil {
				t.Fatalf("reading gold: %v", err)
			}
			cands := docs[strings.TrimSuffix(g, ".gold.json")]
			var a *article.Article
			for _, c := range cands {
				if gold.ID == "" || c.ID == gold.ID {
					a = c
					break
				}
			}
			if a == nil {
				t.Fatalf("no document for %s (id %q) among %d read", g, gold.ID, len(cands))
			}
			if d := a.PublishedDate(); d != "" && gold.Published != "" && d != gold.Published {
				t.Errorf("published %s, gold says %s", d, gold.Published)
			}
			for _, e := range gold.Events {
				if !strings.Contains(a.Body, e.Sentence) {
					t.Errorf("event sentence not in body: %q", e.Sentence)
				}
			}
			for _, q := range gold.Quotes {
				if !strings.Contains(a.Body, q.Text) {
					t.Errorf("quote not in body: %q", q.Text)
				}
			}
		})
	}
}
