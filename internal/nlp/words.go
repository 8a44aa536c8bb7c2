package nlp

// Words numbers a set of words (token norms) from 1, for dictionaries
// that look up every token of a text. A map lookup per token cost more
// than the rest of dictionary matching: hashing the string, then loading
// the map's control word, its key slot and the key's bytes, each often a
// cache miss. Most words are short, so Words keeps the words of up to
// fifteen bytes packed into two integers in an open-addressing table,
// where a lookup is a multiplication and, mostly, one cache line; longer
// words go to a map.
//
// The zero Words is empty and ready to use. Add must not run concurrently
// with other calls; ID may run concurrently with itself.
type Words struct {
	slots []wordSlot // packed words; id 0 marks an empty slot
	shift uint       // 64 - log2(len(slots))
	short int        // words in slots
	long  map[string]int32
	n     int32
}

type wordSlot struct {
	lo, hi uint64 // the word, packed (see pack)
	id     int32
}

// maxShort is the length of the longest word kept packed.
const maxShort = 15

// pack returns the bytes of a word of 1 to maxShort bytes, eight in lo and
// the rest in hi, with its length in the top byte of hi.
func pack(s string) (lo, hi uint64) {
	n := len(s)
	if n > 8 {
		for i := 8; i < n; i++ {
			hi |= uint64(s[i]) << (8 * (i - 8))
		}
		n = 8
	}
	for i := 0; i < n; i++ {
		lo |= uint64(s[i]) << (8 * i)
	}
	return lo, hi | uint64(len(s))<<56
}

// slot returns the table index where the search for a packed word starts.
func (w *Words) slot(lo, hi uint64) int {
	return int(((lo ^ hi*0xff51afd7ed558ccd) * 0x9e3779b97f4a7c15) >> w.shift)
}

// Len returns the number of words.
func (w *Words) Len() int { return int(w.n) }

// ID returns the id of s, or 0 when s is not in the set.
func (w *Words) ID(s string) int32 {
	if len(s) == 0 || len(s) > maxShort {
		return w.long[s]
	}
	if len(w.slots) == 0 {
		return 0
	}
	lo, hi := pack(s)
	mask := len(w.slots) - 1
	for i := w.slot(lo, hi); ; i = (i + 1) & mask {
		sl := &w.slots[i]
		if sl.lo == lo && sl.hi == hi || sl.id == 0 {
			return sl.id
		}
	}
}

// Add returns the id of s, adding it to the set when it is new.
func (w *Words) Add(s string) int32 {
	if id := w.ID(s); id != 0 {
		return id
	}
	w.n++
	if len(s) == 0 || len(s) > maxShort {
		if w.long == nil {
			w.long = map[string]int32{}
		}
		w.long[s] = w.n
		return w.n
	}
	if 4*(w.short+1) > 3*len(w.slots) {
		w.grow()
	}
	w.short++
	lo, hi := pack(s)
	w.put(wordSlot{lo, hi, w.n})
	return w.n
}

// grow doubles the table, to at least 64 slots.
func (w *Words) grow() {
	old := w.slots
	size := max(64, 2*len(old))
	w.slots = make([]wordSlot, size)
	w.shift = 64
	for ; size > 1; size >>= 1 {
		w.shift--
	}
	for _, sl := range old {
		if sl.id != 0 {
			w.put(sl)
		}
	}
}

func (w *Words) put(sl wordSlot) {
	mask := len(w.slots) - 1
	i := w.slot(sl.lo, sl.hi)
	for w.slots[i].id != 0 {
		i = (i + 1) & mask
	}
	w.slots[i] = sl
}
