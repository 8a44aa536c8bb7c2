package nlp

import "testing"

func TestWordSet(t *testing.T) {
	long := "a-word-of-more-than-sixty-three-bytes-which-shares-its-shape-bits"
	m := map[string]bool{"of": true, "the": true, "off": false, "": true, long: true}
	s := NewWordSet(m)
	for _, w := range []string{"of", "the", "off", "", long, "on", "thy", "x", long + "s", "óf"} {
		if got := s.Has(w); got != m[w] {
			t.Errorf("Has(%q) = %v, want %v", w, got, m[w])
		}
	}
}
