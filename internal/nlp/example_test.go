package nlp_test

import (
	"fmt"

	"github.com/parleyproject/parley/internal/nlp"
)

func ExampleSplit() {
	body := "Istanbul meeting\n\n" +
		"ISTANBUL, Feb. 27 (AP) – Diplomats met at the U.S. Consul General’s residence. " +
		"“No one expects solutions to come easily.” Peskov said the problem was complex."
	for _, s := range nlp.Split(body) {
		fmt.Printf("%d %d:%d headline=%v dateline=%d %s\n", s.Para, s.Start, s.End, s.Headline, s.Dateline, s.Text)
	}
	first := nlp.Split(body)[1]
	for _, t := range first.Tokens[8:13] {
		fmt.Printf("%s@%d:%d ", t.Text, t.Start, t.End)
	}
	fmt.Println()
	// Output:
	// 0 0:16 headline=true dateline=0 Istanbul meeting
	// 1 18:100 headline=false dateline=8 ISTANBUL, Feb. 27 (AP) – Diplomats met at the U.S. Consul General’s residence.
	// 1 101:147 headline=false dateline=0 “No one expects solutions to come easily.”
	// 1 148:184 headline=false dateline=0 Peskov said the problem was complex.
	// Diplomats@45:54 met@55:58 at@59:61 the@62:65 U.S.@66:70
}
