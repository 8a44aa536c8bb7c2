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
