package ledger_test

import (
	"fmt"
	"time"

	"github.com/parleyproject/parley/internal/entity"
	"github.com/parleyproject/parley/internal/ledger"
	"github.com/parleyproject/parley/internal/lexicon"
	"github.com/parleyproject/parley/internal/nlp"
)

func ExampleQuotes() {
	lex, err := lexicon.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	body := "“We are ready to talk,” Russian Foreign Minister Sergei Lavrov told reporters on Monday.\n" +
		"“But nobody should expect miracles.”"
	published := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	ann := entity.New(lex).Annotate(body, nlp.Split(body), published)
	for _, q := range ledger.Quotes(ledger.Doc{ID: "example", Body: body, Published: published, Ann: ann}) {
		fmt.Printf("%s (%s, %s) %s: %s\n", q.Speaker.Name, q.Speaker.Country, q.Speaker.Title, q.Cue, q.Text)
	}
	// Output:
	// Sergei Lavrov (RUS, Foreign Minister) told reporters: We are ready to talk
	// Sergei Lavrov (RUS, Foreign Minister) told reporters: But nobody should expect miracles.
}
