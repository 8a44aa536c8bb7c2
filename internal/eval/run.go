package eval

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/record"
)

// Extractor codes one article into a document record. The CLI injects the
// coder; tests inject fixed records.
type Extractor func(a *article.Article) *record.Document

// GoldSuffix ends the name of every gold file.
const GoldSuffix = ".gold.json"

// inputExts are the extensions of inputs that a gold file pairs with, in
// the order they are tried.
var inputExts = []string{".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom"}

// Report is the outcome of Run: the score of each document and their
// micro-averaged total.
type Report struct {
	// Dir is the directory that was scored.
	Dir string `json:"dir"`
	// Docs holds one result per scored document, in gold file order.
	Docs []DocResult `json:"documents"`
	// Total sums the counts of Docs; its item lists are empty.
	Total DocResult `json:"total"`
	// Errors lists gold files without input, inputs without gold and
	// inputs or gold files that could not be read; they do not stop the
	// run.
	Errors []string `json:"errors"`
}

// Run scores every NAME.gold.json under dir (recursively) against the
// document of its input NAME.txt (or .html, .htm, .jsonl, .xml, .rss,
// .atom) in the same directory. read turns an input file into articles.
//
// When the input yields one article, it is the gold's document; when it
// yields several, the gold's "id" selects the one with that ID. When no
// input is named NAME, Run also tries shorter names at dots, so
// feed.item-3.gold.json with "id": "item-3" pairs with feed.rss. A gold
// "publication_date" fills in an article's missing Published before
// extract is called.
//
// Problems with single files go to Report.Errors. Run returns an error
// only when dir cannot be walked or holds no gold file.
func Run(dir string, extract Extractor, read func(path string) ([]*article.Article, []error)) (*Report, error) {
	rep := &Report{Dir: dir, Total: DocResult{Name: "total", Roots: map[string]*Counts{}}}
	var golds, inputs []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		switch {
		case strings.HasSuffix(name, GoldSuffix):
			golds = append(golds, path)
		case isInput(name):
			inputs = append(inputs, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	if len(golds) == 0 {
		return nil, fmt.Errorf("no %s files in %s", GoldSuffix, dir)
	}
	sort.Strings(golds)

	isIn := map[string]bool{}
	for _, p := range inputs {
		isIn[p] = true
	}
	used := map[string]bool{}
	cache := map[string][]*article.Article{}
	for _, gpath := range golds {
		name := strings.TrimSuffix(filepath.Base(gpath), GoldSuffix)
		in := findInput(filepath.Dir(gpath), name, isIn)
		if in == "" {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s: no input %s{%s}", gpath, name, strings.Join(inputExts, ",")))
			continue
		}
		used[in] = true
		g, err := LoadGold(gpath)
		if err != nil {
			rep.Errors = append(rep.Errors, err.Error())
			continue
		}
		arts, ok := cache[in]
		if !ok {
			var errs []error
			arts, errs = read(in)
			for _, e := range errs {
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s: %v", in, e))
			}
			cache[in] = arts
		}
		a, err := pick(arts, g, in)
		if err != nil {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s: %v", gpath, err))
			continue
		}
		if a.Published.IsZero() && g.PublicationDate != "" {
			t, err := time.Parse(time.DateOnly, g.PublicationDate)
			if err != nil {
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s: publication_date %q is not YYYY-MM-DD", gpath, g.PublicationDate))
			} else {
				c := *a // do not change the cached article
				c.Published = t
				a = &c
			}
		}
		doc := extract(a)
		if doc == nil {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s: extractor returned no document for %s", gpath, a.ID))
			continue
		}
		res := Score(g, doc)
		res.Name = name
		rep.Docs = append(rep.Docs, res)
		rep.Total.add(&res)
	}
	for _, in := range inputs {
		if !used[in] {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s: no gold file", in))
		}
	}
	return rep, nil
}

func isInput(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range inputExts {
		if ext == e {
			return true
		}
	}
	return false
}

// findInput returns the input for gold NAME in dir: NAME.ext for the first
// existing ext, else the same for NAME with its last ".part" removed, and
// so on. It returns "" when there is none.
func findInput(dir, name string, isIn map[string]bool) string {
	for n := name; n != ""; {
		for _, ext := range inputExts {
			p := filepath.Join(dir, n+ext)
			if isIn[p] {
				return p
			}
		}
		i := strings.LastIndexByte(n, '.')
		if i <= 0 {
			break
		}
		n = n[:i]
	}
	return ""
}

// pick chooses the article a gold file describes.
func pick(arts []*article.Article, g *Gold, in string) (*article.Article, error) {
	switch {
	case len(arts) == 0:
		return nil, fmt.Errorf("input %s yields no document", in)
	case len(arts) == 1:
		return arts[0], nil
	case g.ID == "":
		return nil, fmt.Errorf("input %s yields %d documents and the gold has no \"id\" to pick one", in, len(arts))
	}
	for _, a := range arts {
		if a.ID == g.ID {
			return a, nil
		}
	}
	return nil, fmt.Errorf("input %s has no document with id %q", in, g.ID)
}
