package timex_test

import (
	"fmt"
	"time"

	"github.com/parleyproject/parley/internal/timex"
)

func ExampleFind() {
	published := time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC) // a Friday
	text := "Thursday’s talks in Istanbul, the first since the 2022 invasion, follow a February 12 phone call; a third round is expected next week."
	for _, x := range timex.Find(text, 0, published) {
		fmt.Printf("%-12q %-10s %-6s relative=%v future=%v\n", x.Text, x.Format(), x.Precision, x.Relative, x.Future)
	}
	// Output:
	// "Thursday"   2025-02-27 day    relative=true future=false
	// "2022"       2022       year   relative=false future=false
	// "February 12" 2025-02-12 day    relative=true future=false
	// "next week"  2025-W10   week   relative=true future=true
}
