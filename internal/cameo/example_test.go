package cameo_test

import (
	"fmt"

	"github.com/parleyproject/parley/internal/cameo"
)

func ExampleTable_Lookup() {
	tab, err := cameo.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	c, ok := tab.Lookup("046")
	fmt.Println(ok, c.Name, c.Goldstein, c.Quad, c.PLOVEREvent)
	p, _ := tab.PLOVER(c.PLOVEREvent)
	fmt.Println(p.Score, p.Modes)
	fmt.Println(tab.Validate("047"))
	// Output:
	// true Engage in negotiation 7 1 CONSULT
	// 3 [multilateral phone third-party visit]
	// unknown CAMEO code "047"
}
