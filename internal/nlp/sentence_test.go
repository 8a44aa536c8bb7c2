package nlp

import (
	"os"
	"reflect"
	"testing"
)

func texts(sents []Sentence) []string {
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = s.Text
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"plain", "Diplomats met in Istanbul. They talked for hours! Was it useful? Nobody said.",
			[]string{"Diplomats met in Istanbul.", "They talked for hours!", "Was it useful?", "Nobody said."}},
		{"titles", "Dr. Smith met Gen. Mark Milley and Sen. Jim Risch in St. Petersburg. They talked.",
			[]string{"Dr. Smith met Gen. Mark Milley and Sen. Jim Risch in St. Petersburg.", "They talked."}},
		{"title before capitalized starter", "The aide to Mr. The Hague-based envoy left. He said nothing.",
			[]string{"The aide to Mr. The Hague-based envoy left.", "He said nothing."}},
		{"U.S. mid-sentence", "The U.S. team was led by Deputy Assistant Secretary of State Sonata Coulter.",
			[]string{"The U.S. team was led by Deputy Assistant Secretary of State Sonata Coulter."}},
		{"U.S. before a name", "The talks in the U.S. Embassy ended late. Officials left.",
			[]string{"The talks in the U.S. Embassy ended late.", "Officials left."}},
		{"U.S. ends a sentence", "Russia imposed sanctions on the U.S. The Kremlin said the step was reciprocal.",
			[]string{"Russia imposed sanctions on the U.S.", "The Kremlin said the step was reciprocal."}},
		{"U.S. then pronoun", "Lavrov flew to the U.K. He met officials there.",
			[]string{"Lavrov flew to the U.K.", "He met officials there."}},
		{"U.S. opens a sentence", "Talks ended. U.S. and Russian envoys left.",
			[]string{"Talks ended.", "U.S. and Russian envoys left."}},
		{"U.N. closed by a quote", "He called it “a matter for the U.N.” The council did not react.",
			[]string{"He called it “a matter for the U.N.”", "The council did not react."}},
		{"initials", "Former President George W. Bush and J. Smith attended the ceremony. It was brief.",
			[]string{"Former President George W. Bush and J. Smith attended the ceremony.", "It was brief."}},
		{"months", "The talks began on Feb. 27 and ended on Sept. 3 after a break in Jan. The sides agreed.",
			[]string{"The talks began on Feb. 27 and ended on Sept. 3 after a break in Jan.", "The sides agreed."}},
		{"numbers", "Talks lasted 5-6 hours and cost $3.5 million, or 1,500 rubles a minute. Growth was 3.5. Nobody complained.",
			[]string{"Talks lasted 5-6 hours and cost $3.5 million, or 1,500 rubles a minute.", "Growth was 3.5.", "Nobody complained."}},
		{"No. and Inc.", "He lives at No. 10 Downing Street. Apple Inc. said it would comply. Shares rose at Acme Corp. The firm declined to comment.",
			[]string{"He lives at No. 10 Downing Street.", "Apple Inc. said it would comply.", "Shares rose at Acme Corp.", "The firm declined to comment."}},
		{"a.m.", "The meeting began at 10 a.m. local time and ended at 4 p.m. The delegations left separately.",
			[]string{"The meeting began at 10 a.m. local time and ended at 4 p.m.", "The delegations left separately."}},
		{"etc. mid-sentence", "They discussed visas, banking, staffing, etc. and agreed to meet again.",
			[]string{"They discussed visas, banking, staffing, etc. and agreed to meet again."}},
		{"etc. at the end", "They discussed visas, banking, staffing, etc. Moscow wants more.",
			[]string{"They discussed visas, banking, staffing, etc.", "Moscow wants more."}},
		{"e.g.", "Some issues, e.g. Visa rules, remain. Others do not.",
			[]string{"Some issues, e.g. Visa rules, remain.", "Others do not."}},
		{"ellipsis mid-sentence", "He said the talks were … difficult, and left… Russia said nothing.",
			[]string{"He said the talks were … difficult, and left… Russia said nothing."}},
		{"ellipsis ends", "We will see... The Kremlin declined to comment. We will see … “Nobody knows.”",
			[]string{"We will see...", "The Kremlin declined to comment.", "We will see …", "“Nobody knows.”"}},
		{"closing quote stays", "“No one expects solutions to come easily.” Peskov said so on Friday.",
			[]string{"“No one expects solutions to come easily.”", "Peskov said so on Friday."}},
		{"quoted passage", "“To be clear, there is nothing to discuss. Ukraine is not on the agenda,” the spokesperson said.",
			[]string{"“To be clear, there is nothing to discuss.", "Ukraine is not on the agenda,” the spokesperson said."}},
		{"straight quotes", `"We are ready." Lavrov said so. "Are they?" he asked.`,
			[]string{`"We are ready."`, "Lavrov said so.", `"Are they?" he asked.`}},
		{"single quotes", "He called it 'a useful step.' Others disagreed.",
			[]string{"He called it 'a useful step.'", "Others disagreed."}},
		{"question then lower case", "“Why now?” asked one diplomat. “Because it is time!” said another.",
			[]string{"“Why now?” asked one diplomat.", "“Because it is time!” said another."}},
		{"brackets", "The ministry agreed (after a long delay.) Talks resume Monday.",
			[]string{"The ministry agreed (after a long delay.)", "Talks resume Monday."}},
		{"no space after period", "The talks ended.Nobody spoke to reporters afterwards at the venue in the city.",
			[]string{"The talks ended.Nobody spoke to reporters afterwards at the venue in the city."}},
		{"links and handles", "Watch pic.twitter.com/15fLz5rk8J via @mfa_russia. Details at https://example.org/a.b?c=1. More at example.com/path and reuters.com. Write to press@example.org. #Istanbul talks went on.",
			[]string{"Watch pic.twitter.com/15fLz5rk8J via @mfa_russia.", "Details at https://example.org/a.b?c=1.", "More at example.com/path and reuters.com.", "Write to press@example.org.", "#Istanbul talks went on."}},
		{"emoji", "📹 The delegation arrives in Istanbul 🇷🇺. It left an hour later, officials said.",
			[]string{"📹 The delegation arrives in Istanbul 🇷🇺.", "It left an hour later, officials said."}},
		{"paragraphs", "Diplomats met in Istanbul on Thursday to discuss the staffing of embassies and consulates in both capitals and beyond, officials said\n\nthe meeting lasted six hours.",
			[]string{"Diplomats met in Istanbul on Thursday to discuss the staffing of embassies and consulates in both capitals and beyond, officials said", "the meeting lasted six hours."}},
		{"white space", "  \n\n \t Talks ended.   They left.  \n\n\n ",
			[]string{"Talks ended.", "They left."}},
		{"D.C. then starter", "The meeting in Washington, D.C. ended early. Officials left.",
			[]string{"The meeting in Washington, D.C. ended early.", "Officials left."}},
		{"party tag", "He met Sen. Lindsey Graham (R-S.C.) on Monday. They spoke briefly.",
			[]string{"He met Sen. Lindsey Graham (R-S.C.) on Monday.", "They spoke briefly."}},
		{"acronym before comma", "Russia’s envoy to the U.N., Vassily Nebenzia, spoke. Others listened.",
			[]string{"Russia’s envoy to the U.N., Vassily Nebenzia, spoke.", "Others listened."}},
		{"middle initial", "Putin’s spokesman, Dmitry S. Peskov, said nothing. He left.",
			[]string{"Putin’s spokesman, Dmitry S. Peskov, said nothing.", "He left."}},
		{"interrupted quote", "“We will not,” he said, “accept this.” The talks ended.",
			[]string{"“We will not,” he said, “accept this.”", "The talks ended."}},
		{"score", "The vote was 10-2. Russia abstained.",
			[]string{"The vote was 10-2.", "Russia abstained."}},
		{"list number", "1. The talks resume on Monday. 2. Nothing else.",
			[]string{"1. The talks resume on Monday.", "2.", "Nothing else."}},
		{"crlf", "Istanbul meeting\r\n\r\nThe talks began. They ended.\r\n",
			[]string{"Istanbul meeting", "The talks began.", "They ended."}},
		{"invalid utf-8", "Talks \xffended.\xc3 Then \xe2\x80 more. Done.",
			[]string{"Talks \xffended.\xc3 Then \xe2\x80 more.", "Done."}},
		{"empty", "", []string{}},
		{"only space", " \n\n \u00a0\t", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.body)
			checkSplit(t, tt.body, got)
			if g := texts(got); !reflect.DeepEqual(g, tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.body, g, tt.want)
			}
		})
	}
}

func TestSplitHeadline(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []bool // Headline per sentence
		para []int
	}{
		{"title and body", "Istanbul meeting\n\nThe talks began. They ended.", []bool{true, false, false}, []int{0, 1, 1}},
		{"subhead after body", "The talks began.\n\nBroader relations\n\nThey ended.", []bool{false, true, false}, []int{0, 1, 2}},
		{"question is no headline", "Will the talks succeed?", []bool{false}, []int{0}},
		{"headline with abbreviation", "U.S. and Russia take steps to restore ties", []bool{true}, []int{0}},
		{"headline with quote", "Putin hails ‘pragmatism’ of new U.S. team", []bool{true}, []int{0}},
		{"long line is no headline", "Diplomats from the United States and Russia met in Istanbul on Thursday to discuss longstanding disputes over their embassies in Washington and Moscow and elsewhere in the region", []bool{false}, []int{0}},
		{"single newline ends a paragraph", "Istanbul meeting\nThe talks began.", []bool{true, false}, []int{0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.body)
			checkSplit(t, tt.body, got)
			var heads []bool
			var paras []int
			for _, s := range got {
				heads = append(heads, s.Headline)
				paras = append(paras, s.Para)
			}
			if !reflect.DeepEqual(heads, tt.want) || !reflect.DeepEqual(paras, tt.para) {
				t.Errorf("Split(%q): Headline %v Para %v, want %v %v (sentences %q)", tt.body, heads, paras, tt.want, tt.para, texts(got))
			}
		})
	}
}

func TestSplitDateline(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string // the dateline text, "" for none
		n    int    // sentences
	}{
		{"agency", "MOSCOW (Reuters) — Russia said on Thursday it was ready for talks. Officials gave no date.", "MOSCOW (Reuters) —", 2},
		{"date and agency", "ISTANBUL, Feb 27 (AP) – Diplomats met for six hours. They left.", "ISTANBUL, Feb 27 (AP) –", 2},
		{"abbreviated month", "WASHINGTON, Feb. 27 (AP) — The State Department said the talks were useful.", "WASHINGTON, Feb. 27 (AP) —", 1},
		{"dotted place", "WASHINGTON, D.C. (AFP) - Officials met. They talked.", "WASHINGTON, D.C. (AFP) -", 2},
		{"place and country", "KYIV, Ukraine — President Volodymyr Zelensky said Europe must be at the table.", "KYIV, Ukraine —", 1},
		{"double hyphen", "ANKARA -- Turkey offered to host a third round.", "ANKARA --", 1},
		{"acronym is no dateline", "NATO said on Friday it was watching the talks closely.", "", 1},
		{"late paragraph needs credit", "One.\n\nTwo.\n\nThree.\n\nNATO — the alliance — said nothing new.", "", 4},
		{"late paragraph with credit", "One.\n\nTwo.\n\nThree.\n\nBRUSSELS (AP) — The alliance said nothing new.", "BRUSSELS (AP) —", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.body)
			checkSplit(t, tt.body, got)
			if len(got) != tt.n {
				t.Fatalf("Split(%q) = %q, want %d sentences", tt.body, texts(got), tt.n)
			}
			var dl string
			for _, s := range got {
				if s.Dateline > 0 {
					if dl != "" {
						t.Fatalf("Split(%q): more than one dateline", tt.body)
					}
					dl = tt.body[s.Start:s.Tokens[s.Dateline-1].End]
				}
			}
			if dl != tt.want {
				t.Errorf("Split(%q): dateline %q, want %q", tt.body, dl, tt.want)
			}
		})
	}
}

// TestSplitIstanbul runs over the canonical example article, which still
// carries web clutter lines.
func TestSplitIstanbul(t *testing.T) {
	const path = "/work/shared/examples/istanbul-talks.txt"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("example article not available: %v", err)
	}
	body := string(b)
	sents := Split(body)
	checkSplit(t, body, sents)
	has := make(map[string]bool, len(sents))
	for _, s := range sents {
		has[s.Text] = true
	}
	for _, want := range []string{
		"The U.S. team was led by Deputy Assistant Secretary of State Sonata Coulter.",
		"According to Russian state media, the talks lasted around 5-6 hours.",
		"“No one expects solutions to come easily and quickly.",
		"The problem at hand is too complex and neglected,” Kremlin spokesman Dmitry Peskov told reporters.",
		"“But with the two countries’ political will, with a willingness to hear and listen to each other, I think we will be able to get through this working process.”",
		"Over the past decade, U.S.-Russia relations have deteriorated significantly.",
		"Istanbul meeting",
	} {
		if !has[want] {
			t.Errorf("Split(istanbul-talks.txt) lacks sentence %q", want)
		}
	}
	for _, s := range sents {
		if s.Text == "Istanbul meeting" && !s.Headline {
			t.Errorf("%q is not marked Headline", s.Text)
		}
	}
}
