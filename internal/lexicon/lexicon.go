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
	// Pos is where the record was read from.
	Pos Pos
}

// Body is an international body: an intergovernmental organization or one
// of its organs, or an international non-governmental organization.
type Body struct {
	// Code is its CAMEO code: UNO, EUR, NAT, AFR, ASN, IGO for other
	// intergovernmental bodies, NGO for non-governmental ones.
	Code string
	// Names are its names and abbreviations ("United Nations", "UN", "U.N.").
	Names []string
	// Pos is where the record was read from.
	Pos Pos
}

// Institution is a state institution with its sector. When Country is ""
// the institution is generic ("foreign ministry") and takes its country
// from context ("the Russian foreign ministry", "Russia's foreign ministry").
type Institution struct {
	// Country is a country or body code, or "" for a generic institution.
	Country string
	// Sector is its sector code (GOV, MIL, LEG, …).
	Sector string
	// Names are its names, first the usual one.
	Names []string
	// Pos is where the record was read from.
	Pos Pos
}

// Title is a title or role word that tells a person's sector
// ("foreign minister" → GOV, "general" → MIL, "lawmaker" → LEG).
type Title struct {
	// Sector is the sector code the title implies.
	Sector string
	// Names are the title's forms, singular and plural ("official", "officials").
	Names []string
	// Pos is where the record was read from.
	Pos Pos
}

// Office is a term of office: who held which post, for which state, when.
type Office struct {
	// Name is the person's full name as usually written in English news.
	Name string
	// Aliases are other forms ("Lavrov" is derived; list only irregular ones).
	Aliases []string
	// Country is the state's code, or a body's (EUR, UNO, NAT) for the
	// officials of an international body.
	Country string
	// Sector is the post's sector code.
	Sector string
	// Title is the post ("President", "Foreign Minister").
	Title string
	// From and To bound the term, as UTC midnights: From is the first day
	// in office and To the day the term ended (the successor's first day
	// when the handover is on one day). To is zero while in office.
	From, To time.Time
	// Pos is where the record was read from.
	Pos Pos
}

// Covers reports whether the term includes day t (From <= t, and t before
// To unless the term is open).
func (o *Office) Covers(t time.Time) bool {
	if t.Before(o.From) {
		return false
	}
	return o.To.IsZero() || t.Before(o.To)
}

// Place is a city or other place in the gazetteer.
type Place struct {
	// Name is the usual English name.
	Name string
	// Aliases are other spellings and historic names ("Kiev" for "Kyiv").
	Aliases []string
	// Country is the ISO 3166-1 alpha-3 code of the state it lies in, as
	// parley records it (Crimea and Donetsk are UKR; Gaza is PSE).
	Country string
	// Lat and Lon are the WGS 84 coordinates in decimal degrees (north and
	// east positive), to two decimals.
	Lat, Lon float64
	// Capital is true for a capital or seat of government.
	Capital bool
	// Pos is where the record was read from.
	Pos Pos
}
