package ledger

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parleyproject/parley/internal/ingest"
)

// quoteWant is a quote as the tests check it: speaker name, country,
// cue and text.
type quoteWant struct {
	Speaker, Country, Cue, Text string
	Social                      bool
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []quoteWant
	}{
		{
			name: "trailing said",
			body: "“We will not accept any preconditions for the next meeting,” Russian Foreign Minister Sergei Lavrov said on Monday.",
			want: []quoteWant{{"Sergei Lavrov", "RUS", "said", "We will not accept any preconditions for the next meeting", false}},
		},
		{
			name: "a progressive verb has its own subject; a clause after a quote is none",
			body: "President Joe Biden called the tariffs “a mistake,” even as Secretary of State Antony Blinken was urging Beijing to “show restraint.”",
			want: []quoteWant{
				{"Joe Biden", "USA", "called", "a mistake", false},
				{"Antony Blinken", "USA", "urging", "show restraint.", false},
			},
		},
		{
			name: "inverted said with description",
			body: "Officials in Washington were cautious. “A freeze is not a thaw,” said a senior administration official who spoke on condition of anonymity.",
			want: []quoteWant{{"senior administration official", "", "said", "A freeze is not a thaw", false}},
		},
		{
			name: "told reporters across sentences",
			body: "“The door remains open. Nobody should slam it shut,” German Chancellor Olaf Scholz told reporters in Berlin.",
			want: []quoteWant{{"Olaf Scholz", "DEU", "told reporters", "The door remains open. Nobody should slam it shut", false}},
		},
		{
			name: "stressed that partial quote",
			body: "Chinese Foreign Minister Wang Yi stressed that the visit “opens a new chapter” in relations between the two neighbours.",
			want: []quoteWant{{"Wang Yi", "CHN", "stressed", "opens a new chapter", false}},
		},
		{
			name: "described as and adding",
			body: "The French Foreign Ministry described the consultations as “frank and useful,” adding that both sides had agreed on “a calendar of further contacts.”",
			want: []quoteWant{
				{"French Foreign Ministry", "FRA", "described", "frank and useful", false},
				{"French Foreign Ministry", "FRA", "adding", "a calendar of further contacts.", false},
			},
		},
		{
			name: "according to",
			body: "According to Turkish Foreign Minister Hakan Fidan, “the channel between the two capitals has never been closed.”",
			want: []quoteWant{{"Hakan Fidan", "TUR", "according to", "the channel between the two capitals has never been closed.", false}},
		},
		{
			name: "spokesperson for institution",
			body: "“Our consular staff will return as soon as security allows,” spokesperson for the British Foreign Office said.",
			want: []quoteWant{{"British Foreign Office spokesperson", "GBR", "said", "Our consular staff will return as soon as security allows", false}},
		},
		{
			name: "continuation in next paragraph",
			body: "“We have asked for consular access twice this month,” Australian Foreign Minister Penny Wong said.\n“Each refusal makes the case for his release stronger.”",
			want: []quoteWant{
				{"Penny Wong", "AUS", "said", "We have asked for consular access twice this month", false},
				{"Penny Wong", "AUS", "said", "Each refusal makes the case for his release stronger.", false},
			},
		},
		{
			name: "definite description refers back",
			body: "A Japanese official said the summit would go ahead. “Nothing has changed in our planning,” the official said.",
			want: []quoteWant{{"Japanese official", "JPN", "said", "Nothing has changed in our planning", false}},
		},
		{
			name: "collective speaker",
			body: "Indian Prime Minister Narendra Modi received Japanese Prime Minister Shigeru Ishiba in New Delhi on Monday.\nIn a joint statement, the two leaders said that the partnership was “entering a new era.”",
			want: []quoteWant{{"Narendra Modi and Shigeru Ishiba (joint statement)", "IND", "said", "entering a new era.", false}},
		},
		{
			name: "bare institution refers back",
			body: "According to Brazil's Foreign Ministry, the talks covered trade.\n“The discussions were frank and useful,” the ministry said in a statement.",
			want: []quoteWant{{"Brazil's Foreign Ministry", "BRA", "said", "The discussions were frank and useful", false}},
		},
		{
			name: "a label in quotes is no quote; conveyed concerns are",
			body: "Landsbergis said Lithuania was leaving the “17+1” forum.\nAt the summit, Prime Minister Narendra Modi conveyed to Trudeau India's “strong concerns” about extremists.",
			want: []quoteWant{{"Narendra Modi", "IND", "conveyed", "strong concerns", false}},
		},
		{
			name: "a phrase after the quote is no trailing attribution",
			body: "At the Group of 20 summit in New Delhi, Prime Minister Narendra Modi conveyed to Trudeau India's “strong concerns” about what it called anti-India activities.",
			want: []quoteWant{{"Narendra Modi", "IND", "conveyed", "strong concerns", false}},
		},
		{
			name: "rejected and accused attribute the words they quote",
			body: "India's foreign ministry rejected the allegations as “absurd and motivated.”\nErdogan accused German authorities of “Nazi practices.”",
			want: []quoteWant{
				{"India's foreign ministry", "IND", "rejected", "absurd and motivated.", false},
				{"Recep Tayyip Erdoğan", "TUR", "accused", "Nazi practices.", false},
			},
		},
		{
			name: "a relative clause after a quote names no speaker",
			body: "Biden later called Xi a “dictator,” a remark Beijing described as absurd.",
			want: []quoteWant{{"Joe Biden", "USA", "called", "dictator", false}},
		},
		{
			name: "participle after an inverted attribution",
			body: "The ministers spoke on Friday, a ministry spokesperson said, adding that the call had been “difficult.”",
			want: []quoteWant{{"ministry spokesperson", "", "adding", "difficult.", false}},
		},
		{
			name: "scare quote is not a quote",
			body: "The so-called “reset” of relations in 2009 did not last long.",
			want: nil,
		},
		{
			name: "a quoted name is not a quote",
			body: "The health minister said the “Sputnik” vaccine would be registered in May.",
			want: nil,
		},
		{
			name: "straight quotes",
			body: "Indian Prime Minister Narendra Modi said the talks were \"a step forward for the region.\"",
			want: []quoteWant{{"Narendra Modi", "IND", "said", "a step forward for the region.", false}},
		},
		{
			name: "social post",
			body: "The ministry posted a video of the arrival.\nThe delegation arrives at the venue of the consultations pic.twitter.com/abc123XYZ\n— MFA Russia 🇷🇺 (@mfa_russia) March 3, 2025\nThe talks lasted four hours.",
			want: []quoteWant{{"MFA Russia", "RUS", "posted", "The delegation arrives at the venue of the consultations", true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, tt.body, "2025-03-04")
			var got []quoteWant
			for _, q := range Quotes(d) {
				got = append(got, quoteWant{q.Speaker.Name, q.Speaker.Country, q.Cue, q.Text, q.Social})
				if q.Evidence.Start < 0 || q.Evidence.End > len(tt.body) || tt.body[q.Evidence.Start:q.Evidence.End] != q.Text {
					t.Errorf("evidence %d:%d does not hold %q", q.Evidence.Start, q.Evidence.End, q.Text)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Quotes(%q) mismatch (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}

func TestPairQuotes(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{`He said “yes” and “no.”`, []string{"yes", "no."}},
		{`He said "yes" and "no."`, []string{"yes", "no."}},
		{"“First paragraph runs on\n“and ends here.”", []string{"First paragraph runs on", "and ends here."}},
		{`An unclosed “mark`, []string{"mark"}},
		{`A closing” mark alone`, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range pairQuotes(tt.body) {
			got = append(got, tt.body[q.start:q.end])
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("pairQuotes(%q) mismatch (-want +got):\n%s", tt.body, diff)
		}
	}
}

// istanbul reads the shared example article, skipping when it is absent.
func istanbul(t *testing.T) Doc {
	t.Helper()
	const path = "/work/shared/examples/istanbul-talks.txt"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("shared example not available: %v", err)
	}
	arts, errs := ingest.ReadBytes(path, data, ingest.Options{})
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("reading %s: %d articles, errors %v", path, len(arts), errs)
	}
	return analyze(t, arts[0].Body, "2025-02-28")
}

func TestQuotesIstanbul(t *testing.T) {
	d := istanbul(t)
	want := map[string]string{ // text prefix → speaker's last word
		"substantive and businesslike":        "Ministry",
		"joint steps to ensure":               "Ministry",
		"raised concerns regarding access":    "spokesperson",
		"pragmatism and realistic view":       "Putin",
		"The first contacts":                  "Putin",
		"To be clear":                         "spokesperson",
		"The constructiveness of these talks": "spokesperson",
		"created uncomfortable conditions":    "Lavrov",
		"will show how quickly":               "Lavrov",
		"No one expects solutions":            "Peskov",
		"But with the two countries":          "Peskov",
	}
	got := map[string]string{}
	for _, q := range Quotes(d) {
		for p := range want {
			if strings.HasPrefix(q.Text, p) {
				got[p] = lastWord(q.Speaker.Name)
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Istanbul quotes (-want +got):\n%s", diff)
	}
}

func BenchmarkExtractIstanbul(b *testing.B) {
	const path = "/work/shared/examples/istanbul-talks.txt"
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("shared example not available: %v", err)
	}
	arts, _ := ingest.ReadBytes(path, data, ingest.Options{})
	if len(arts) != 1 {
		b.Fatalf("reading %s: %d articles", path, len(arts))
	}
	d := analyze(b, arts[0].Body, "2025-02-28")
	b.ReportAllocs()
	for b.Loop() {
		Extract(d)
	}
}
