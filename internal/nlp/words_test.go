package nlp

import (
	"strconv"
	"testing"
)

func TestWords(t *testing.T) {
	var w Words
	if w.ID("the") != 0 || w.ID("") != 0 || w.ID("international") != 0 || w.Len() != 0 {
		t.Fatal("zero Words is not empty")
	}
	// Short and long words, words that differ only in length or in a
	// trailing zero byte, and the empty word.
	words := []string{"", "a", "ab", "ab\x00", "\x00", "\x00\x00", "the", "abcdefg", "abcdefgh",
		"abcdefgh\x00", "abcdefghi", "international", "abcdefghijklmno", "abcdefghijklmnop", "internationalism"}
	for i := range 5000 {
		words = append(words, "w"+strconv.Itoa(i), "long-word-"+strconv.Itoa(i))
	}
	for i, s := range words {
		if id := w.Add(s); id != int32(i+1) {
			t.Fatalf("Add(%q) = %d, want %d", s, id, i+1)
		}
	}
	if w.Add("w17") == 0 || w.Len() != len(words) {
		t.Fatalf("re-adding a word changed the set: Len %d", w.Len())
	}
	for i, s := range words {
		if id := w.ID(s); id != int32(i+1) {
			t.Fatalf("ID(%q) = %d, want %d", s, id, i+1)
		}
		if got := w.Word(int32(i + 1)); got != s {
			t.Fatalf("Word(%d) = %q, want %q", i+1, got, s)
		}
	}
	for _, s := range []string{"x", "abc", "b\x00", "abcdef", "abcdefgi", "abcdefgh\x00\x00", "abcdefghijklmnoq", "w5000", "long-word-5000", "\x00\x00\x00"} {
		if id := w.ID(s); id != 0 {
			t.Fatalf("ID(%q) = %d, want 0", s, id)
		}
	}
}

// TestWordsSimilar adds every word of up to four letters from a two-letter
// alphabet, and words of every length that differ in one byte, so that
// packings that lost a byte would collide.
func TestWordsSimilar(t *testing.T) {
	var w Words
	var words []string
	var gen func(prefix string)
	gen = func(prefix string) {
		if prefix != "" {
			words = append(words, prefix)
		}
		if len(prefix) < 4 {
			gen(prefix + "a")
			gen(prefix + "b")
		}
	}
	gen("")
	base := "abcdefghijklmnopq"
	for n := 1; n <= len(base); n++ {
		for i := range n {
			b := []byte(base[:n])
			b[i] = 'x'
			words = append(words, base[:n], string(b))
		}
	}
	ids := map[string]int32{}
	for _, s := range words {
		id := w.Add(s)
		if old, ok := ids[s]; ok && old != id {
			t.Fatalf("Add(%q) = %d, then %d", s, old, id)
		}
		ids[s] = id
	}
	if w.Len() != len(ids) {
		t.Fatalf("Len %d, want %d", w.Len(), len(ids))
	}
	for s, id := range ids {
		if got := w.ID(s); got != id {
			t.Fatalf("ID(%q) = %d, want %d", s, got, id)
		}
	}
}

func BenchmarkWordsID(b *testing.B) {
	var w Words
	for _, s := range []string{"the", "to", "said", "talks", "minister", "agreement", "international", "of", "call"} {
		w.Add(s)
	}
	toks := Tokenize("The foreign ministers of both countries said on Tuesday that the international agreement, "+
		"signed after lengthy negotiations in Istanbul, would not be renegotiated.", 0)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for i := range toks {
			n += int(w.ID(toks[i].Norm))
		}
	}
	_ = n
}
