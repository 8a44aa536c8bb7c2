package lexicon

import (
	"slices"
	"testing"
	"time"
)

func mustDefault(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Default()
	if err != nil {
		t.Fatalf("Default() error: %v", err)
	}
	return l
}

func TestDefaultCounts(t *testing.T) {
	l := mustDefault(t)
	if got := len(l.Countries); got != 197 {
		t.Errorf("len(Countries) = %d, want 197 (193 UN members + PSE, TWN, XKX, VAT)", got)
	}
	if got := len(l.Places); got < 500 {
		t.Errorf("len(Places) = %d, want at least 500", got)
	}
}

func country(l *Lexicon, code string) *Country {
	for i := range l.Countries {
		if l.Countries[i].Code == code {
			return &l.Countries[i]
		}
	}
	return nil
}

func TestDefaultCountries(t *testing.T) {
	l := mustDefault(t)
	tests := []struct {
		code  string
		field string
		value string
	}{
		{"RUS", "adjective", "Russian"},
		{"RUS", "seat", "Kremlin"},
		{"RUS", "name", "Russian Federation"},
		{"RUS", "demonym", "Russians"},
		{"USA", "name", "U.S."},
		{"USA", "name", "United States of America"},
		{"USA", "seat", "White House"},
		{"GBR", "name", "U.K."},
		{"GBR", "seat", "Downing Street"},
		{"TUR", "name", "Türkiye"},
		{"TUR", "name", "Turkey"},
		{"CIV", "name", "Côte d'Ivoire"},
		{"PRK", "name", "DPRK"},
		{"KOR", "name", "Republic of Korea"},
		{"MMR", "name", "Burma"},
		{"CZE", "name", "Czechia"},
		{"ARE", "adjective", "Emirati"},
		{"CHN", "seat", "Zhongnanhai"},
		{"FRA", "seat", "Elysee"},
		{"TUR", "capital", "Ankara"},
	}
	for _, tt := range tests {
		t.Run(tt.code+"/"+tt.value, func(t *testing.T) {
			c := country(l, tt.code)
			if c == nil {
				t.Fatalf("no country %s", tt.code)
			}
			var list []string
			switch tt.field {
			case "name":
				list = c.Names
			case "adjective":
				list = c.Adjectives
			case "demonym":
				list = c.Demonyms
			case "seat":
				list = c.Seats
			case "capital":
				list = []string{c.Capital}
			}
			if !slices.Contains(list, tt.value) {
				t.Errorf("%s %ss = %q, want %q among them", tt.code, tt.field, list, tt.value)
			}
		})
	}
}

func TestDefaultPlaces(t *testing.T) {
	l := mustDefault(t)
	tests := []struct {
		name     string
		country  string
		lat, lon float64
		capital  bool
	}{
		{"Istanbul", "TUR", 41.01, 28.98, false},
		{"Moscow", "RUS", 55.76, 37.62, true},
		{"Kiev", "UKR", 50.45, 30.52, true}, // by alias
		{"Washington", "USA", 38.90, -77.04, true},
		{"Geneva", "CHE", 46.20, 6.14, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := slices.IndexFunc(l.Places, func(p Place) bool {
				return p.Name == tt.name || slices.Contains(p.Aliases, tt.name)
			})
			if i < 0 {
				t.Fatalf("no place %q", tt.name)
			}
			p := l.Places[i]
			if p.Country != tt.country || p.Capital != tt.capital {
				t.Errorf("%s: country %s capital %v, want %s %v", tt.name, p.Country, p.Capital, tt.country, tt.capital)
			}
			if d := max(abs(p.Lat-tt.lat), abs(p.Lon-tt.lon)); d > 0.1 {
				t.Errorf("%s at %.2f,%.2f, want near %.2f,%.2f", tt.name, p.Lat, p.Lon, tt.lat, tt.lon)
			}
		})
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDefaultOffices(t *testing.T) {
	l := mustDefault(t)
	tests := []struct {
		name, country, title string
		on                   string // a day the term must cover
		notOn                string // a day it must not cover ("" to skip)
	}{
		{"Sergei Lavrov", "RUS", "Foreign Minister", "2025-06-01", "2003-01-01"},
		{"Joe Biden", "USA", "President", "2025-01-19", "2025-01-20"},
		{"Donald Trump", "USA", "President", "2025-01-20", "2024-06-01"},
		{"Vladimir Putin", "RUS", "President", "2012-05-07", "2010-01-01"},
		{"Wang Yi", "CHN", "Foreign Minister", "2024-03-01", "2023-03-01"},
		{"Marco Rubio", "USA", "Secretary of State", "2025-01-21", "2025-01-20"},
		{"Maria Zakharova", "RUS", "Foreign Ministry Spokeswoman", "2022-02-24", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.on, func(t *testing.T) {
			var covers, coversNot bool
			found := false
			for i := range l.Offices {
				o := &l.Offices[i]
				if o.Name != tt.name || o.Country != tt.country || o.Title != tt.title {
					continue
				}
				found = true
				covers = covers || o.Covers(day(tt.on))
				if tt.notOn != "" {
					coversNot = coversNot || o.Covers(day(tt.notOn))
				}
			}
			if !found {
				t.Fatalf("no office %s %s %s", tt.name, tt.country, tt.title)
			}
			if !covers {
				t.Errorf("%s as %s does not cover %s", tt.name, tt.title, tt.on)
			}
			if coversNot {
				t.Errorf("%s as %s covers %s, want not", tt.name, tt.title, tt.notOn)
			}
		})
	}
}

func TestDefaultSpotChecks(t *testing.T) {
	l := mustDefault(t)
	hasInst := func(country, sector, name string) bool {
		for _, in := range l.Institutions {
			if in.Country == country && in.Sector == sector && slices.Contains(in.Names, name) {
				return true
			}
		}
		return false
	}
	insts := []struct{ country, sector, name string }{
		{"USA", "GOV", "State Department"},
		{"USA", "GOV", "Pentagon"},
		{"RUS", "SPY", "FSB"},
		{"RUS", "MED", "TASS"},
		{"RUS", "GOV", "MFA Russia"},
		{"FRA", "GOV", "Quai d'Orsay"},
		{"IRN", "MIL", "IRGC"},
		{"PRK", "MED", "KCNA"},
		{"", "GOV", "foreign ministry"},
		{"", "GOV", "embassy"},
		{"", "MIL", "armed forces"},
	}
	for _, tt := range insts {
		if !hasInst(tt.country, tt.sector, tt.name) {
			t.Errorf("no institution %q with country %q sector %s", tt.name, tt.country, tt.sector)
		}
	}
	bodies := map[string]string{"United Nations": "UNO", "Security Council": "UNO", "EU": "EUR", "European Commission": "EUR", "NATO": "NAT", "African Union": "AFR", "ASEAN": "ASN", "IAEA": "IGO"}
	for name, code := range bodies {
		i := slices.IndexFunc(l.Bodies, func(b Body) bool { return slices.Contains(b.Names, name) })
		if i < 0 || l.Bodies[i].Code != code {
			t.Errorf("body %q not found with code %s", name, code)
		}
	}
	titles := map[string]string{"foreign minister": "GOV", "general": "MIL", "lawmaker": "LEG", "journalist": "MED", "spokeswoman": "GOV", "protesters": "CVL"}
	for name, sector := range titles {
		i := slices.IndexFunc(l.Titles, func(tt Title) bool { return slices.Contains(tt.Names, name) })
		if i < 0 || l.Titles[i].Sector != sector {
			t.Errorf("title %q not found with sector %s", name, sector)
		}
	}
}
