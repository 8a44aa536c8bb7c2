// Package lexicon loads, validates and compiles parley's dictionaries: the
// actors (states, international bodies, institutions, titles, office
// holders), the gazetteer of places, and the coder's event patterns. The
// defaults are embedded in the binary; a user directory can extend them.
//
// A loaded *Lexicon is read-only and safe for concurrent use.
//
// # Files
//
// A lexicon directory holds plain UTF-8 text files. The kind of a file is
// given by the start of its name: countries.txt, bodies.txt,
// institutions.txt, titles.txt, offices.txt and places.txt, or with a
// suffix after "-" or "_" ("places-balkans.txt"), so that a user can split
// a kind over several files. Files named patterns* belong to the event
// coder and are read elsewhere; any other .txt file is an error.
//
// Each line is one record of columns separated by "|". A column that holds
// a list separates its items with ";". Everything from "#" to the end of
// the line is a comment; blank lines are ignored. Spaces around columns
// and items are dropped, runs of spaces inside a name count as one. A
// name keeps its case: a name in lower case is a common phrase that
// matches in any case ("foreign ministry" also matches "Foreign
// Ministry"), a name with capitals is a proper name ("US" is the country,
// "us" is not). Names compare case-sensitively when the loader looks for
// duplicates. A UTF-8 byte-order mark at the start of a file is ignored.
//
//	countries.txt     CODE | NAMES | ADJECTIVES | DEMONYMS | CAPITAL | SEATS
//	bodies.txt        CODE | NAMES
//	institutions.txt  COUNTRY | SECTOR | NAMES
//	titles.txt        SECTOR | NAMES
//	offices.txt       NAME | ALIASES | COUNTRY | SECTOR | TITLE | FROM | TO
//	places.txt        NAME | ALIASES | COUNTRY | LAT | LON | FLAGS
//
// For example:
//
//	RUS | Russia; Russian Federation | Russian | Russians | Moscow | Kremlin
//	NAT | NATO; North Atlantic Treaty Organization; Atlantic alliance
//	RUS | SPY | Federal Security Service; FSB
//	*   | GOV | foreign ministry; ministry of foreign affairs
//	GOV | foreign minister; foreign ministers
//	Sergei Lavrov | Sergey Lavrov | RUS | GOV | Foreign Minister | 2004-03-09 |
//	Istanbul | Constantinople | TUR | 41.01 | 28.98 |
//
// Columns:
//
//   - CODE, COUNTRY: countries use ISO 3166-1 alpha-3 codes (USA, RUS,
//     PSE for Palestine, TWN for Taiwan, XKX for Kosovo, VAT for the Holy
//     See). International bodies use the CAMEO codes parley records (UNO United
//     Nations, EUR European Union, NAT NATO, AFR African Union, ASN ASEAN)
//     and IGO for every other intergovernmental body; international
//     non-governmental organizations (the Red Cross, Amnesty) are NGO. In institutions.txt, "*"
//     marks a generic institution that takes its country from the text ("the
//     Russian foreign ministry"); institutions and offices may also use a
//     body's code (the European Commission is EUR).
//   - SECTOR: a CAMEO/PLOVER role code, one of GOV MIL LEG JUD COP SPY
//     OPP REB BUS MED CVL NGO IGO EDU REL LAB HRI REF AGR ELI IMG INS SEP
//     UAF CRM DEV ENV HLH MOD RAD PTY (see Sectors). As in CAMEO, ministers
//     and ministries are GOV, also defence ministers; the armed forces and
//     their officers are MIL; activists are NGO, protesters and residents
//     CVL.
//   - NAMES, ADJECTIVES, DEMONYMS, SEATS, ALIASES: lists. Demonyms are
//     plural nouns for the people ("Russians"). Seats are places or
//     buildings that stand for the government ("Kremlin", "White House");
//     an institution named after its building ("Pentagon") is an
//     institution instead.
//   - CAPITAL: the capital's name, which must be a place of that country.
//   - FROM, TO: YYYY-MM-DD, or YYYY-MM when only the month is known (read
//     as the first of the month; the data files say so in a comment). FROM
//     is the first day in office; TO is the day the term ended and is empty
//     while in office. A person holding several posts has one line per
//     term.
//   - LAT, LON: decimal degrees, north and east positive, within ±90 and
//     ±180.
//   - FLAGS: "capital" for a capital or seat of government, else empty.
//
// # Checks
//
// Load reports every problem of every file at once as an ErrorList of
// "file:line: message" errors: a wrong number of columns, a malformed or
// unknown code or sector, an empty name or list item, a malformed date, a
// term that ends before it starts, two overlapping terms of one person in
// one post, coordinates out of range, a country defined twice, and a name
// that one file maps to two different things (reported at both lines). Validate then checks the references between
// files: unknown country codes, capitals missing from the gazetteer, and
// body codes that are country codes. Check does both for a user directory
// merged over the defaults (see Lexicon.Merge for how a user's records
// extend and override the defaults), as "parley lexicon check DIR" does.
package lexicon
