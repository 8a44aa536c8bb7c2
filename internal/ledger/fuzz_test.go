package ledger

import (
	"testing"
)

// FuzzExtract checks that Extract never panics and that every piece of
// evidence lies within the body.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“We will talk again,” the minister said.",
		"Canada expelled four Chinese diplomats on Monday.\nChina retaliated and expelled four Canadian diplomats.",
		"Diplomats from Japan and China met in Beijing on March 3, 2025.\nThe Japanese delegation was led by Foreign Minister Takeshi Iwaya.",
		"\"unclosed quote\n“another” ” stray closing ”",
		"— Name (@handle) March 3, 2025\npic.twitter.com/x",
		"",
		"SINGAPORE — North Korea and the United States met. The North, accusing it of lying, said the Saudi-led bloc and Leaders of ECOWAS shot down two Turkish F-16s, an idea Tokyo rejected.",
		"Sweden and Finland applied. Erdogan accused the two Nordic countries, and his government fired water cannon at it during a visit to Seoul in May.",
		"The junta summoned Japan's ambassador, who had been called home. Russia's own envoy, Anatoly Antonov, was recalled",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		d := analyze(t, body, "2025-03-04")
		r := Extract(d)
		check := func(what string, start, end int) {
			if start < 0 || end > len(body) || start > end {
				t.Fatalf("%s evidence %d:%d outside body of %d bytes", what, start, end, len(body))
			}
		}
		for _, q := range r.Quotes {
			check("quote", q.Evidence.Start, q.Evidence.End)
		}
		for _, m := range r.Meetings {
			for _, e := range m.Evidence {
				check("meeting", e.Start, e.End)
			}
		}
		for _, m := range r.Measures {
			check("measure", m.Evidence.Start, m.Evidence.End)
		}
		for _, u := range r.Issues {
			check("issue", u.Evidence.Start, u.Evidence.End)
		}
	})
}
