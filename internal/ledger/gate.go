package ledger

import (
	"bytes"
	"strings"
)

// A foldGate turns away, cheaply, the texts that a case-insensitive
// regular expression cannot match, for an expression every match of which
// holds one of the gate's needles (lower-case ASCII). Go's expressions try
// to match at every byte of a text, and the ledger runs some on every
// sentence; most sentences hold none of their words.
type foldGate [][]byte

func newFoldGate(needles ...string) foldGate {
	g := make(foldGate, len(needles))
	for i, n := range needles {
		g[i] = []byte(n)
	}
	return g
}

// mayMatch reports whether the expression may match s: when s, its ASCII
// letters lower-cased, holds a needle. Case folding maps two letters
// beyond ASCII onto ASCII ones, the long s onto s and the Kelvin sign
// onto k: a text with either may always match.
func (g foldGate) mayMatch(s string) bool {
	var buf [512]byte
	if len(s) > len(buf) || strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a") {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	low := buf[:len(s)]
	for _, n := range g {
		if bytes.Contains(low, n) {
			return true
		}
	}
	return false
}

// A needleSet finds which of many needles (lower-case ASCII, two bytes
// or more) a lower-cased text holds in one pass: the text's pairs of
// bytes are looked up in a bit set of the needles' first two bytes, and
// only the needles that begin with a pair found are compared. One call of
// strings.Contains per needle scanned the text fifty times.
type needleSet struct {
	needles []string
	pairs   [1 << 16 / 64]uint64 // the bit of each needle's first two bytes
	byPair  map[uint16][]int     // needle indexes by first two bytes
}

// newNeedleSet returns the set of needles; needle i is reported as i.
func newNeedleSet(needles []string) *needleSet {
	ns := &needleSet{needles: needles, byPair: map[uint16][]int{}}
	for i, n := range needles {
		if len(n) < 2 {
			panic("ledger: needle shorter than two bytes: " + n)
		}
		p := uint16(n[0])<<8 | uint16(n[1])
		ns.pairs[p>>6] |= 1 << (p & 63)
		ns.byPair[p] = append(ns.byPair[p], i)
	}
	return ns
}

// find sets found[i] for each needle i that low holds.
func (ns *needleSet) find(low string, found []bool) {
	for i := 0; i+1 < len(low); i++ {
		p := uint16(low[i])<<8 | uint16(low[i+1])
		if ns.pairs[p>>6]&(1<<(p&63)) == 0 {
			continue
		}
		for _, k := range ns.byPair[p] {
			if !found[k] && strings.HasPrefix(low[i:], ns.needles[k]) {
				found[k] = true
			}
		}
	}
}
