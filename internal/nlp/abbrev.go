package nlp

// abbrevClass says how an abbreviation's period bears on sentence ends.
type abbrevClass uint8

const (
	// abbrevNever never ends a sentence: titles before names ("Dr.",
	// "Gen."), "vs.", "e.g.".
	abbrevNever abbrevClass = iota + 1
	// abbrevStarter ends a sentence only when a capitalized common sentence
	// starter follows ("… in the U.S. The Kremlin …"): dotted acronyms,
	// months, "No.", company suffixes, initials.
	abbrevStarter
	// abbrevLoose ends a sentence whenever the next word is capitalized,
	// like a plain period ("etc.").
	abbrevLoose
)

// abbreviations maps abbreviations (case-sensitive, without the period)
// that keep their period in the token to their class. Dotted acronyms
// ("U.S.") and single initials ("W.") are recognized by shape instead.
var abbreviations = map[string]abbrevClass{
	// Titles and ranks: always followed by a name.
	"Mr": abbrevNever, "Mrs": abbrevNever, "Ms": abbrevNever, "Messrs": abbrevNever,
	"Dr": abbrevNever, "Prof": abbrevNever, "Gen": abbrevNever, "Lt": abbrevNever,
	"Col": abbrevNever, "Maj": abbrevNever, "Capt": abbrevNever, "Sgt": abbrevNever,
	"Adm": abbrevNever, "Cmdr": abbrevNever, "Brig": abbrevNever, "Cpl": abbrevNever,
	"Sen": abbrevNever, "Sens": abbrevNever, "Rep": abbrevNever, "Reps": abbrevNever,
	"Gov": abbrevNever, "Pres": abbrevNever, "Amb": abbrevNever, "Rev": abbrevNever,
	"Hon": abbrevNever, "Supt": abbrevNever, "Mt": abbrevNever, "Ft": abbrevNever,
	"vs": abbrevNever, "cf": abbrevNever, "approx": abbrevNever, "Fig": abbrevNever,

	// Months, numbering, places and company or name suffixes: these can end
	// a sentence.
	"Jan": abbrevStarter, "Feb": abbrevStarter, "Mar": abbrevStarter, "Apr": abbrevStarter,
	"Jun": abbrevStarter, "Jul": abbrevStarter, "Aug": abbrevStarter, "Sep": abbrevStarter,
	"Sept": abbrevStarter, "Oct": abbrevStarter, "Nov": abbrevStarter, "Dec": abbrevStarter,
	"No": abbrevStarter, "Nos": abbrevStarter, "Art": abbrevStarter, "Vol": abbrevStarter,
	"St": abbrevStarter, "Ave": abbrevStarter, "Blvd": abbrevStarter, "Rd": abbrevStarter,
	"Inc": abbrevStarter, "Corp": abbrevStarter, "Co": abbrevStarter, "Ltd": abbrevStarter,
	"Bros": abbrevStarter, "Jr": abbrevStarter, "Sr": abbrevStarter, "Dept": abbrevStarter,
	"Univ": abbrevStarter, "Govt": abbrevStarter, "est": abbrevStarter,

	"etc": abbrevLoose,
}

// neverEndsDotted reports dotted lower-case acronyms that never end a
// sentence.
func neverEndsDotted(w string) bool {
	switch w {
	case "e.g.", "i.e.", "viz.":
		return true
	}
	return false
}

// isStarter reports whether lower is a common sentence-initial word:
// pronouns, determiners, conjunctions and adverbs that open news sentences.
// After an abbreviation that usually does not end a sentence ("U.S.",
// "Feb."), such a word, capitalized, shows that it did.
func isStarter(lower string) bool {
	switch lower {
	case "the", "a", "an", "this", "that", "these", "those", "there", "then", "thus",
		"it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my",
		"in", "on", "at", "for", "from", "by", "with", "without", "as", "to", "of", "under", "over",
		"but", "and", "or", "so", "yet", "still", "also", "however", "meanwhile", "moreover",
		"furthermore", "nevertheless", "nonetheless", "instead", "indeed", "now", "today",
		"yesterday", "tomorrow", "after", "before", "when", "while", "where", "what", "who",
		"whom", "whose", "why", "how", "which", "if", "although", "though", "because", "since",
		"during", "despite", "according", "both", "some", "many", "most", "several", "such",
		"each", "every", "any", "all", "few", "earlier", "later", "last", "next", "first",
		"separately", "officials", "until", "neither", "nor", "not", "no", "one", "two",
		"asked", "speaking", "other", "others", "much", "more", "only", "even":
		return true
	}
	return false
}
