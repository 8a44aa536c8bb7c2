package nlp

// Words numbers a set of words (token norms) from 1, for dictionaries
// that look up every token of a text. A map lookup per token cost more
// than the rest of dictionary matching: hashing the string, then loading
// the map's control word, its key slot and the key's bytes, each often a
// cache miss. Most words are short, so Words keeps the words of up to
// seven bytes packed into integers in an open-addressing table, where a
// lookup is one multiplication and, mostly, one cache line; longer words
// go to a map.
//
// The zero Words is empty and ready to use. Add must not run concurrently
// with other calls; ID may run concurrently with itself.
type Words struct {
	slots []wordSlot // short words; a zero key marks an empty slot
	shift uint       // 64 - log2(len(slots))
	short int        // words in slots
	long  map[string]int32
	n     int32
}

type wordSlot struct {
	key uint64 // packed (see pack)
	id  int32
}

// maxShort is the length of the longest word kept packed.
const maxShort = 7

// pack returns the bytes of a word of 1 to maxShort bytes with its
// length in the top byte, which is never zero.
func pack(s string) uint64 {
	k := uint64(len(s)) << 56
	for i := 0; i < len(s); i++ {
		k |= uint64(s[i]) << (8 * i)
	}
	return k
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
	k := pack(s)
	mask := len(w.slots) - 1
	for i := int((k * 0x9e3779b97f4a7c15) >> w.shift); ; i = (i + 1) & mask {
		switch w.slots[i].key {
		case k:
			return w.slots[i].id
		case 0:
			return 0
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
	w.put(pack(s), w.n)
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
	for _, s := range old {
		if s.key != 0 {
			w.put(s.key, s.id)
		}
	}
}

func (w *Words) put(k uint64, id int32) {
	mask := len(w.slots) - 1
	i := int((k * 0x9e3779b97f4a7c15) >> w.shift)
	for w.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	w.slots[i] = wordSlot{k, id}
}
