package lexicon_test

import (
	"fmt"
	"testing/fstest"

	"github.com/parleyproject/parley/internal/lexicon"
)

func ExampleLoad() {
	dir := fstest.MapFS{
		"places-extra.txt": {Data: []byte("# my places\nDavos Platz | | CHE | 46.80 | 9.83 |\n")},
		"titles.txt":       {Data: []byte("GOV | envoy\nMIL | general; envoy\n")},
	}
	l, err := lexicon.Load(dir)
	fmt.Println(len(l.Places), "place,", len(l.Titles), "titles")
	fmt.Println(err)
	// Output:
	// 1 place, 2 titles
	// titles.txt:1: name "envoy" is GOV here but MIL at line 2 (and 1 more errors)
}

func ExampleDefault() {
	l, err := lexicon.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	user, err := lexicon.Load(fstest.MapFS{
		"countries.txt": {Data: []byte("XXA | Atlantis | Atlantean | Atlanteans | |\n")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	merged := l.Merge(user)
	fmt.Println(len(merged.Countries) - len(l.Countries))
	// Output:
	// 1
}
