package nlp

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// describe renders tokens as "text/kind" items.
func describe(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text + "/" + t.Kind.String()
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // space-separated text/kind items
	}{
		{"words and punctuation", "Diplomats met, then left.", "Diplomats/word met/word ,/punct then/word left/word ./punct"},
		{"curly possessive", "Trump’s team", "Trump/word ’s/word team/word"},
		{"straight possessive", "Russia's embassy", "Russia/word 's/word embassy/word"},
		{"plural possessive", "both nations’ embassies", "both/word nations/word ’/quote embassies/word"},
		{"contractions", "don't won’t O’Brien", "don't/word won’t/word O’Brien/word"},
		{"lower-case hyphens", "tit-for-tat high-level long-standing", "tit-for-tat/word high-level/word long-standing/word"},
		{"actor hyphens", "U.S.-Russia Russia-US Saudi-led", "U.S./word -/punct Russia/word Russia/word -/punct US/word Saudi/word -/punct led/word"},
		{"hyphen before digits", "COVID-19 F-16 5-year", "COVID-19/word F-16/word 5-year/word"},
		{"numbers", "5-6 1,500 3.5 2022–2023 10:30 27", "5-6/number 1,500/number 3.5/number 2022–2023/number 10:30/number 27/number"},
		{"number and letters", "1990s 5G", "1990s/word 5G/word"},
		{"number at sentence end", "in 2025.", "in/word 2025/number ./punct"},
		{"acronyms", "U.S. U.K. a.m. Ph.D. e.g.", "U.S./word U.K./word a.m./word Ph.D./word e.g./word"},
		{"abbreviations", "Dr. Smith and Gen. Milley, etc.", "Dr./word Smith/word and/word Gen./word Milley/word ,/punct etc./word"},
		{"initials", "George W. Bush", "George/word W./word Bush/word"},
		{"unknown word keeps no period", "Moscow. Then", "Moscow/word ./punct Then/word"},
		{"ellipsis and dashes", "wait... now — then – -- -", "wait/word .../punct now/word —/punct then/word –/punct --/punct -/punct"},
		{"quotes", "“a” \"b\" «c» ‘d’", "“/quote a/word ”/quote \"/quote b/word \"/quote «/quote c/word »/quote ‘/quote d/word ’/quote"},
		{"url with scheme", "see https://example.org/a_(b)/c?x=1&y=2.", "see/word https://example.org/a_(b)/c?x=1&y=2/url ./punct"},
		{"url in brackets", "(https://x.org/y)", "(/punct https://x.org/y/url )/punct"},
		{"bare urls", "pic.twitter.com/15fLz5rk8J example.com/path reuters.com www.kremlin.ru", "pic.twitter.com/15fLz5rk8J/url example.com/path/url reuters.com/url www.kremlin.ru/url"},
		{"not a url", "U.S.A Visa.Rules", "U.S./word A/word Visa/word ./punct Rules/word"},
		{"handle hashtag email", "@mfa_russia #Istanbul john.smith@example.org.", "@mfa_russia/handle #Istanbul/hashtag john.smith@example.org/email ./punct"},
		{"lone signs", "@ # $5", "@/symbol #/symbol $/symbol 5/number"},
		{"emoji", "📹 🇷🇺 👍🏽 ❤️", "📹/symbol 🇷🇺/symbol 👍🏽/symbol ❤️/symbol"},
		{"emoji zwj", "👩‍💻x", "👩‍💻/symbol x/word"},
		{"non-ASCII words", "Erdoğan İstanbul Élysée", "Erdoğan/word İstanbul/word Élysée/word"},
		{"invalid utf-8", "a\xffb \xc3", "a/word \xff/symbol b/word \xc3/symbol"},
		{"unicode spaces", "a\u00a0b\u2009c", "a/word b/word c/word"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokenize(tt.text, 0)
			checkTokens(t, tt.text, 0, 0, len(tt.text), got)
			if g, w := describe(got), strings.Fields(tt.want); !reflect.DeepEqual(g, w) {
				t.Errorf("Tokenize(%q)\n got %q\nwant %q", tt.text, g, w)
			}
		})
	}
}

func TestTokenizeBase(t *testing.T) {
	const text = "The U.S. team"
	got := Tokenize(text, 100)
	checkTokens(t, text, 100, 0, len(text), got)
	want := [][2]int{{100, 103}, {104, 108}, {109, 113}}
	for i, tok := range got {
		if i >= len(want) || tok.Start != want[i][0] || tok.End != want[i][1] {
			t.Fatalf("Tokenize(%q, 100) token %d %q at %d:%d, want spans %v", text, i, tok.Text, tok.Start, tok.End, want)
		}
	}
}

func TestNorm(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Trump’s", "trump 's"},
		{"ÉLYSÉE Erdoğan", "élysée erdoğan"},
		{"U.S.-Russia", "u.s. - russia"},
		{"‘hopeful’", "' hopeful '"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var norms []string
			for _, tok := range Tokenize(tt.text, 0) {
				norms = append(norms, tok.Norm)
			}
			if got := strings.Join(norms, " "); got != tt.want {
				t.Errorf("Tokenize(%q) norms = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestNormSharesText checks that an unchanged Norm shares Text's memory and
// that lower-case ASCII text costs one allocation, the token slice.
func TestNormSharesText(t *testing.T) {
	const text = "the talks ended on thursday, officials said."
	for _, tok := range Tokenize(text, 0) {
		if unsafe.StringData(tok.Norm) != unsafe.StringData(tok.Text) {
			t.Errorf("token %q: Norm does not share Text's memory", tok.Text)
		}
	}
	if n := testing.AllocsPerRun(100, func() { Tokenize(text, 0) }); n != 1 {
		t.Errorf("Tokenize(%q) allocates %v times, want 1", text, n)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Word: "word", Email: "email", Kind(200): "kind(200)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
}
