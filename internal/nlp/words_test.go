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
	}
	for _, s := range []string{"x", "abc", "b\x00", "abcdef", "abcdefgi", "abcdefgh\x00\x00", "abcdefghijklmnoq", "w5000", "long-word-5000", "\x00\x00\x00"} {
		if id := w.ID(s); id != 0 {
			t.Fatalf("ID(%q) = %d, want 0", s, id)
		}
	}
}
