package nlp

// WordSet is a fixed set of words (token norms) for lookups per token.
// Most tokens are no member, and WordSet turns most of those away by
// their first byte and length, before the map lookup that hashes them.
// It is safe for concurrent use.
type WordSet struct {
	// shapes has bit n set in the entry for byte b when a member of n
	// bytes (or, for n = 63, of 63 bytes or more) starts with b.
	shapes [256]uint64
	m      map[string]bool
}

// NewWordSet returns the set of the words that m maps to true. The set
// keeps m, which must not change afterwards.
func NewWordSet(m map[string]bool) *WordSet {
	s := &WordSet{m: m}
	for w, ok := range m {
		if ok && len(w) > 0 {
			s.shapes[w[0]] |= 1 << min(len(w), 63)
		}
	}
	return s
}

// Has reports whether w is in the set.
func (s *WordSet) Has(w string) bool {
	if len(w) > 0 && s.shapes[w[0]]&(1<<min(len(w), 63)) == 0 {
		return false
	}
	return s.m[w]
}
