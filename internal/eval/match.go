package eval

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// match pairs left items (gold) with right items (predictions) one to one.
// edge reports whether left i and right j may pair; rank, from 0 to
// maxRank, how much that pair is preferred (same sentence, then same code
// and date). It returns, for each left item, the index of its right
// partner or -1.
//
// It grows a maximum matching in phases: first over the pairs of the top
// rank, then adding each lower rank in turn, always through augmenting
// paths that try higher-ranked pairs first. The result is a maximum
// matching over all pairs; a later phase re-routes a preferred pair only
// when that lets one more left item match. Ties break by input order, so
// the result is deterministic.
func match(nl, nr int, edge func(i, j int) bool, rank func(i, j int) int, maxRank int) []int {
	type cand struct{ j, rank int }
	adj := make([][]cand, nl)
	for i := 0; i < nl; i++ {
		for j := 0; j < nr; j++ {
			if edge(i, j) {
				adj[i] = append(adj[i], cand{j, rank(i, j)})
			}
		}
		sort.SliceStable(adj[i], func(a, b int) bool { return adj[i][a].rank > adj[i][b].rank })
	}
	left := make([]int, nl)
	right := make([]int, nr)
	for i := range left {
		left[i] = -1
	}
	for j := range right {
		right[j] = -1
	}
	var try func(i, min int, seen []bool) bool
	try = func(i, min int, seen []bool) bool {
		for _, c := range adj[i] {
			if c.rank < min {
				break
			}
			if seen[c.j] {
				continue
			}
			seen[c.j] = true
			if right[c.j] < 0 || try(right[c.j], min, seen) {
				right[c.j] = i
				left[i] = c.j
				return true
			}
		}
		return false
	}
	for min := maxRank; min >= 0; min-- {
		for i := 0; i < nl; i++ {
			if left[i] < 0 {
				try(i, min, make([]bool, nr))
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

// foldMarks removes diacritics, so that a name spelled "Çavuşoğlu" in the
// office table and "Cavusoglu" in an article compare equal.
func foldMarks(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ı':
			r = 'i'
		case 'ø':
			r = 'o'
		case 'ł':
			r = 'l'
		case 'đ':
			r = 'd'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// nameWords splits a name into lower-case words without punctuation at
// their ends; possessive "'s" is dropped, and name suffixes (Jr., III) are
// skipped.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = foldMarks(normText(w))
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
