// Package lexicon loads, validates and compiles parley's dictionaries: the
// actors (states, international bodies, institutions, titles, office
// holders), the gazetteer of places, and the coder's event patterns. The
// defaults are embedded in the binary; a user directory can extend them.
//
// A loaded *Lexicon is read-only and safe for concurrent use.
package lexicon

import "time"

// Lexicon is the whole set of dictionaries.
type Lexicon struct {
	Countries    []Country
	Bodies       []Body
	Institutions []Institution
	Titles       []Title
	Offices      []Office
	Places       []Place
}

// Country is a state.
type Country struct {
	// Code is the ISO 3166-1 alpha-3 code.
	Code string
	// Names are its names, short and official ("Russia", "Russian Federation").
	Names []string
	// Adjectives are adjective forms ("Russian").
	Adjectives []string
	// Demonyms are nouns for its people ("Russians", "Americans").
	Demonyms []string
	// Capital is the capital city's name.
	Capital string
	// Seats are seat-of-government metonyms that stand for the
	// government ("Kremlin", "White House", "Downing Street").
	Seats []string
}

// Body is an international body.
type Body struct {
	// Code is its CAMEO code (UNO, EUR, NAT, AFR, ASN, …, IGO for others).
	Code string
	// Names are its names and abbreviations ("United Nations", "UN", "U.N.").
	Names []string
}

// Institution is a state institution with its sector. When Country is ""
// the institution is generic ("foreign ministry") and takes its country
// from context ("the Russian foreign ministry", "Russia's foreign ministry").
type Institution struct {
	Country string
	Sector  string
	Names   []string
}

// Title is a title or role word that tells a person's sector
// ("foreign minister" → GOV, "general" → MIL, "lawmaker" → LEG).
type Title struct {
	Sector string
	Names  []string
}

// Office is a term of office: who held which post, for which state, when.
type Office struct {
	// Name is the person's full name as usually written in English news.
	Name string
	// Aliases are other forms ("Lavrov" is derived; list only irregular ones).
	Aliases []string
	Country string
	Sector  string
	// Title is the post ("President", "Foreign Minister").
	Title string
	// From and To bound the term; To is zero while in office.
	From, To time.Time
}

// Place is a city or other place in the gazetteer.
type Place struct {
	Name    string
	Aliases []string
	Country string
	Lat     float64
	Lon     float64
	Capital bool
}
