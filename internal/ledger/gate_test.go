package ledger

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/parleyproject/parley/internal/nlp"
)

// corpusSentences returns the sentences of the repository's annotated
// articles.
func corpusSentences(t *testing.T) []string {
	var out []string
	for _, pat := range []string{"../../examples/*.txt", "../eval/testdata/*/*.txt", "../../../shared/examples/*.txt"} {
		paths, _ := filepath.Glob(pat)
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range nlp.Split(string(b)) {
				out = append(out, s.Text)
			}
		}
	}
	if len(out) == 0 {
		t.Skip("no corpus")
	}
	return out
}

// triggerExamples name measures in each way a trigger's pattern allows,
// so that a needle list that misses one of its alternatives fails.
var triggerExamples = []string{
	"Moscow reopened the U.S. consulate in Yekaterinburg.", "the re-opening of the embassy",
	"Washington unfroze the mission's bank accounts.",
	"the two sides agreed to restore direct flights", "Russia resumed air traffic",
	"the EU lifted some sanctions",
	"both countries returned their ambassadors", "the ambassadors will go back to their posts",
	"they agreed to restore embassy staffing",
	"the two countries restored full diplomatic relations", "they re-established ties",
	"Seoul resumed issuing visas",
	"Spain reopened the land border",
	"the envoy was declared persona non grata",
	"Prague expelled 18 diplomats", "ordered the envoy to leave", "kicked out the attaché",
	"restrictions on embassy staffing", "a cap on the number of staff", "caps on diplomats",
	"cut its staff to 455", "reduced the number of its diplomats by 20", "limited their personnel to 30", "staffing limits",
	"the forced closure was ordered by the ministry",
	"Washington closed the Chinese consulate in Houston", "the office closures", "shut down the trade mission",
	"Riyadh closed its border with Qatar", "the border closure",
	"froze the embassy's bank accounts", "blocking of its accounts",
	"seized two diplomatic compounds", "the property was seized",
	"suspended issuing visas", "denial of visas", "a visa ban",
	"severed air links", "closed its airspace", "a flight ban",
	"froze the assets of officials",
	"imposed sweeping sanctions", "announced new sanctions",
	"Paris recalled its ambassador",
	"Ottawa cut diplomatic ties", "Kuwait severed relations", "downgraded its relations",
	"froze all new trade", "an arms embargo",
	"created uncomfortable conditions", "restrictions on the movement of diplomats", "harassment of American diplomats",
	"actions against our diplomats", "measures against the embassy",
}

// TestTriggerNeedles checks that the needles of every measure trigger hold
// for each of its matches, on the examples above and every corpus
// sentence: the needles only gate the pattern.
func TestTriggerNeedles(t *testing.T) {
	matched := make([]int, len(triggers))
	for _, s := range append(corpusSentences(t), triggerExamples...) {
		low := asciiLower(s)
		for i, tr := range triggers {
			if tr.re.MatchString(low) {
				matched[i]++
				if !containsAny(low, tr.needles) {
					t.Errorf("trigger %d (%s): %q matches, but holds none of %q", i, tr.kind, s, tr.needles)
				}
			}
		}
	}
	for i, n := range matched {
		if n == 0 {
			t.Errorf("trigger %d (%s) matches no example", i, triggers[i].kind)
		}
	}
}

// TestFoldGate checks the gate of anaphorRe on the corpus and on texts in
// other cases, and the fact it rests on: only two letters beyond ASCII
// fold onto ASCII ones.
func TestFoldGate(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < 0x80 && r != 0x17f && r != 0x212a {
				t.Errorf("%U folds onto %q: foldGate must let texts with it through", r, f)
			}
		}
	}
	texts := append(corpusSentences(t), "Progress in THESE AREAS was slow.", "Both Issues remain.",
		"Those questions — and others — remain.", "Talks on the\u017fe issues", "nothing here")
	texts = append(texts, "In Response To the expulsions", "Moscow Retaliated", "a tit-for-tat move", "answered in kind",
		"Beijing responded by", "in reply to Washington", "mirroring the steps", "reciprocally", "in return for the release",
		"a response to", "in retaliation against", "retaliating for the closure", "MUTUAL expulsions", "both governments", "each other's envoys")
	gates := []struct {
		name string
		re   interface{ MatchString(string) bool }
		gate foldGate
	}{
		{"anaphorRe", anaphorRe, anaphorGate},
		{"responseRe", responseRe, responseGate},
		{"responseToRe", responseToRe, responseToGate},
		{"mutualRe", mutualRe, mutualGate},
	}
	for _, g := range gates {
		turned, matched := 0, 0
		for _, s := range texts {
			if g.re.MatchString(s) {
				matched++
				if !g.gate.mayMatch(s) {
					t.Errorf("%s matches %q, but its gate turns it away", g.name, s)
				}
			}
			if !g.gate.mayMatch(s) {
				turned++
			}
		}
		if turned == 0 || matched == 0 {
			t.Errorf("%s: %d texts match, the gate turns %d away", g.name, matched, turned)
		}
	}
}

// TestNeedleSet checks that a needleSet finds what strings.Contains finds,
// needle by needle, on the corpus and on texts with needles at their
// edges and overlapping.
func TestNeedleSet(t *testing.T) {
	texts := append(corpusSentences(t), triggerExamples...)
	texts = append(texts, "restor", "xrestorx", "cut", "cut ", "reopenre-open", "aaa", "", "c")
	seen := 0
	for _, s := range texts {
		low := asciiLower(s)
		found := make([]bool, len(measureNeedles.needles))
		measureNeedles.find(low, found)
		for k, n := range measureNeedles.needles {
			if want := strings.Contains(low, n); found[k] != want {
				t.Fatalf("needle %q in %q: found %v, strings.Contains %v", n, low, found[k], want)
			}
			if found[k] {
				seen++
			}
		}
	}
	if seen == 0 {
		t.Error("no needle found anywhere")
	}
}
