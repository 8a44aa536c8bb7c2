package eval

import (
	"strings"
	"unicode"
)

// match pairs left items (gold) with right items (predictions) one to one.
// edge reports whether left i and right j may pair; pref whether that pair
// is preferred (same sentence). It returns, for each left item, the index
// of its right partner or -1.
//
// It first finds a maximum matching over preferred pairs, then extends it
// with augmenting paths over all pairs, preferred ones tried first, so the
// result is a maximum matching over all pairs. Ties break by input order,
// which makes the result deterministic.
func match(nl, nr int, edge, pref func(i, j int) bool) []int {
	adjPref := make([][]int, nl)
	adjAll := make([][]int, nl)
	for i := 0; i < nl; i++ {
		var other []int
		for j := 0; j < nr; j++ {
			if !edge(i, j) {
				continue
			}
			if pref(i, j) {
				adjPref[i] = append(adjPref[i], j)
			} else {
				other = append(other, j)
			}
		}
		adjAll[i] = append(append([]int(nil), adjPref[i]...), other...)
	}
	left := make([]int, nl)
	right := make([]int, nr)
	for i := range left {
		left[i] = -1
	}
	for j := range right {
		right[j] = -1
	}
	var try func(adj [][]int, i int, seen []bool) bool
	try = func(adj [][]int, i int, seen []bool) bool {
		for _, j := range adj[i] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if right[j] < 0 || try(adj, right[j], seen) {
				right[j] = i
				left[i] = j
				return true
			}
		}
		return false
	}
	for _, adj := range [][][]int{adjPref, adjAll} {
		for i := 0; i < nl; i++ {
			if left[i] < 0 {
				try(adj, i, make([]bool, nr))
			}
		}
	}
	return left
}

// quoteMarks are removed by normText: ASCII and typographic quotation
// marks and apostrophes, so "won’t" and "won't" compare equal.
const quoteMarks = "\"'`´“”„‟‘’‚‛«»‹›″′"

// normText normalizes text for comparison: quote marks removed, lower
// case, runs of white space folded to one space, trimmed.
func normText(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(quoteMarks, r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// sameSentence reports whether a gold sentence and a prediction's evidence
// sentence are the same after normalization. One containing the other also
// counts, so that a sentence splitter that cuts differently from the
// annotator still gets its same-sentence preference.
func sameSentence(gold, pred string) bool {
	g, p := normText(gold), normText(pred)
	if g == "" || p == "" {
		return false
	}
	return g == p || strings.Contains(g, p) || strings.Contains(p, g)
}

// nameWords splits a name into lower-case words without punctuation at
// their ends; possessive "'s" is dropped, and name suffixes (Jr., III) are
// skipped.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = normText(w)
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		switch w {
		case "", "jr", "sr", "ii", "iii", "iv":
			continue
		case "spokesman", "spokeswoman", "spokespeople", "spokespersons":
			w = "spokesperson"
		}
		out = append(out, w)
	}
	return out
}

// lastName returns the last word of a name ("Dmitry Peskov" → "peskov",
// "Russian Foreign Ministry" → "ministry"), or "".
func lastName(s string) string {
	w := nameWords(s)
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// institutionWords are last words that mark a speaker as an institution or
// an unnamed official rather than a person.
var institutionWords = map[string]bool{
	"ministry": true, "department": true, "office": true, "spokesperson": true,
	"government": true, "embassy": true, "kremlin": true, "house": true,
	"council": true, "commission": true, "agency": true, "service": true,
	"administration": true, "mission": true, "delegation": true, "presidency": true,
	"cabinet": true, "military": true, "army": true, "command": true, "official": true,
	"officials": true, "secretariat": true, "parliament": true, "court": true,
}
