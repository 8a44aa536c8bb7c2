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
	// filter has a bit set for the hash of each packed word: a small
	// table that stays in cache and turns most words that are not in the
	// set away before the slots are read.
	filter []uint64
	slots  []wordSlot // packed words; id 0 marks an empty slot
	shift  uint       // 64 - log2(len(slots))
	short  int        // words in slots
	long   map[string]int32
	n      int32
	words  []string // by id - 1
}

type wordSlot struct {
	lo, hi uint64 // the word, packed (see pack)
	id     int32
}

// maxShort is the length of the longest word kept packed.
const maxShort = 15

// pack returns the bytes of a word of 1 to maxShort bytes packed into two
// integers, with its length in the top byte of hi. Words of a given length
// and their packings correspond one to one: lo holds bytes 0-7 (of a
// shorter word, its first and last four bytes, or its first, middle and
// last byte, which cover it), hi bytes 8 on (as its last seven bytes).
// Each group is read as one little-endian load.
func pack(s string) (lo, hi uint64) {
	n := len(s)
	switch {
	case n >= 8:
		lo = load64(s)
		if n > 8 {
			hi = load64(s[n-8:]) >> 8
		}
	case n >= 4:
		lo = uint64(load32(s)) | uint64(load32(s[n-4:]))<<32
	default:
		lo = uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16
	}
	return lo, hi | uint64(n)<<56
}

func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// hash returns the hash of a packed word.
func hash(lo, hi uint64) uint64 { return (lo ^ hi*0xff51afd7ed558ccd) * 0x9e3779b97f4a7c15 }

// filterBits is the size of Words.filter in bits.
const filterBits = 1 << 16

// filterBit returns the bit of hash h in Words.filter. The slots use the
// top bits of h.
func filterBit(h uint64) (word int, bit uint64) {
	b := (h >> 8) & (filterBits - 1)
	return int(b >> 6), 1 << (b & 63)
}

// Len returns the number of words.
func (w *Words) Len() int { return int(w.n) }

// Word returns the word of id, from 1 to Len.
func (w *Words) Word(id int32) string { return w.words[id-1] }

// ID returns the id of s, or 0 when s is not in the set.
func (w *Words) ID(s string) int32 {
	if len(s) == 0 || len(s) > maxShort {
		return w.long[s]
	}
	if len(w.slots) == 0 {
		return 0
	}
	lo, hi := pack(s)
	h := hash(lo, hi)
	if fw, fb := filterBit(h); w.filter[fw]&fb == 0 {
		return 0
	}
	mask := len(w.slots) - 1
	for i := int(h >> w.shift); ; i = (i + 1) & mask {
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
	w.words = append(w.words, s)
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
	if w.filter == nil {
		w.filter = make([]uint64, filterBits/64)
	}
	h := hash(sl.lo, sl.hi)
	fw, fb := filterBit(h)
	w.filter[fw] |= fb
	mask := len(w.slots) - 1
	i := int(h >> w.shift)
	for w.slots[i].id != 0 {
		i = (i + 1) & mask
	}
	w.slots[i] = sl
}
