package eval_test

import (
	"fmt"

	"github.com/parleyproject/parley/internal/eval"
	"github.com/parleyproject/parley/internal/record"
)

func ExampleScore() {
	gold, err := eval.ParseGold([]byte(`{"events": [
		{"source": "USA", "target": "RUS", "cameo": "046", "reciprocal": true, "date": "2025-02-27",
		 "sentence": "Diplomats from the United States and Russia met in Istanbul."}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	date := "2025-02-27"
	ev := func(src, tgt, code string) record.Event {
		return record.Event{
			Source: &record.Actor{Country: src}, Target: &record.Actor{Country: tgt},
			CAMEO: code, CAMEORoot: code[:2], Status: record.StatusReported, Date: &date,
			Evidence: record.Evidence{Text: "Diplomats from the United States and Russia met in Istanbul."},
		}
	}
	// Both directions of a reciprocal event: the second is not a false alarm.
	doc := &record.Document{Events: []record.Event{ev("USA", "RUS", "044"), ev("RUS", "USA", "044")}}
	res := eval.Score(gold, doc)
	fmt.Printf("root %+v\ncode %+v\ndates %d/%d\n", res.Events, res.Codes, res.Dates.Correct, res.Dates.Total)
	// Output:
	// root {TP:1 FP:0 FN:0}
	// code {TP:0 FP:2 FN:1}
	// dates 1/1
}
