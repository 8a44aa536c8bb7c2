package timex

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var (
	friFeb28 = time.Date(2025, 2, 28, 14, 30, 0, 0, time.UTC) // a Friday
	thuFeb27 = time.Date(2025, 2, 27, 8, 0, 0, 0, time.UTC)   // a Thursday
	monMar3  = time.Date(2025, 3, 3, 8, 0, 0, 0, time.UTC)    // a Monday
	friJan3  = time.Date(2025, 1, 3, 8, 0, 0, 0, time.UTC)    // a Friday
	sunMar2  = time.Date(2025, 3, 2, 8, 0, 0, 0, time.UTC)    // a Sunday
)

// got is the comparable summary of an Expr used by the table tests.
type got struct {
	Text string
	Date string // Format()
	Prec Precision
	Rel  bool
	Fut  bool
}

func summarize(xs []Expr) []got {
	var out []got
	for _, x := range xs {
		out = append(out, got{x.Text, x.Format(), x.Precision, x.Relative, x.Future})
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		pub  time.Time
		want []got
	}{
		// Absolute dates.
		{"month day year", "Diplomats met in Istanbul on February 27, 2025, to discuss embassy staffing.", friFeb28,
			[]got{{"February 27, 2025", "2025-02-27", Day, false, false}}},
		{"abbreviated month", "The envoys first spoke on Feb. 27, 2025, by phone.", friFeb28,
			[]got{{"Feb. 27, 2025", "2025-02-27", Day, false, false}}},
		{"day first", "The accord was signed on 27 February 2025 in Riyadh.", friFeb28,
			[]got{{"27 February 2025", "2025-02-27", Day, false, false}}},
		{"ordinal day", "Ministers will gather on the 3rd of March, officials said.", friFeb28,
			[]got{{"3rd of March", "2025-03-03", Day, true, true}}},
		{"month day no year", "The two presidents spoke on February 12 about a ceasefire.", friFeb28,
			[]got{{"February 12", "2025-02-12", Day, true, false}}},
		{"month day attributive", "A February 12 phone call between the leaders opened the way.", friFeb28,
			[]got{{"February 12", "2025-02-12", Day, true, false}}},
		{"month day previous year", "Officials first met on December 30 in Geneva.", friJan3,
			[]got{{"December 30", "2024-12-30", Day, true, false}}},
		{"month day ordinal", "The summit opened on March 1st.", friFeb28,
			[]got{{"March 1st", "2025-03-01", Day, true, true}}},
		{"day range", "The conference ran February 24-26 in Munich.", friFeb28,
			[]got{{"February 24-26", "2025-02-24", Day, true, false}}},
		{"month year", "Western nations cut air links after the invasion of Ukraine in February 2022.", friFeb28,
			[]got{{"February 2022", "2022-02", Month, false, false}}},
		{"month of year", "Talks collapsed in March of 2022.", friFeb28,
			[]got{{"March of 2022", "2022-03", Month, false, false}}},
		{"month alone after in", "The ambassador was recalled in January.", friFeb28,
			[]got{{"January", "2025-01", Month, true, false}}},
		{"month alone previous year", "The embassy closed in October.", friFeb28,
			[]got{{"October", "2024-10", Month, true, false}}},
		{"month alone future", "A new round is expected in April.", friFeb28,
			[]got{{"April", "2025-04", Month, true, true}}},
		{"may with preposition", "Parliament has been deadlocked since May.", friFeb28,
			[]got{{"May", "2024-05", Month, true, false}}},
		{"may with day", "The treaty took effect on May 5, 2024.", friFeb28,
			[]got{{"May 5, 2024", "2024-05-05", Day, false, false}}},
		{"year", "Relations have been frozen since 2014.", friFeb28,
			[]got{{"2014", "2014", Year, false, false}}},
		{"in year", "The sanctions were imposed in 2022.", friFeb28,
			[]got{{"2022", "2022", Year, false, false}}},
		{"attributive year", "The 2022 invasion changed European security.", friFeb28,
			[]got{{"2022", "2022", Year, false, false}}},
		{"possessive year", "Russia’s 2022 invasion upended the talks.", friFeb28,
			[]got{{"2022", "2022", Year, false, false}}},
		{"year range", "The 2022-23 winter offensive stalled.", friFeb28,
			[]got{{"2022-23", "2022", Year, false, false}}},
		{"two years", "Trade fell between 2019 and 2021.", friFeb28,
			[]got{{"2019", "2019", Year, false, false}, {"2021", "2021", Year, false, false}}},
		{"iso", "The statement was dated 2025-02-27.", friFeb28,
			[]got{{"2025-02-27", "2025-02-27", Day, false, false}}},
		{"slash unambiguous", "The decree of 27/02/2025 took effect at once.", friFeb28,
			[]got{{"27/02/2025", "2025-02-27", Day, false, false}}},
		{"slash ambiguous", "The decree of 05/06/2025 took effect at once.", friFeb28, nil},
		{"mid month", "Elections are due by mid-March.", friFeb28,
			[]got{{"mid-March", "2025-03", Month, true, true}}},
		{"late month", "The envoy arrived in late February.", friFeb28,
			[]got{{"late February", "2025-02", Month, true, false}}},
		{"early year", "The pipeline was damaged in early 2023.", friFeb28,
			[]got{{"early 2023", "2023", Year, false, false}}},
		{"mid year", "Troops withdrew by mid-2023.", friFeb28,
			[]got{{"mid-2023", "2023", Year, false, false}}},
		{"late last year", "The ministers last met late last year.", friFeb28,
			[]got{{"late last year", "2024", Year, true, false}}},
		{"decade", "Ties had not been this tense since the 1990s.", friFeb28,
			[]got{{"the 1990s", "", Unknown, false, false}}},
		{"early decade", "Both sides armed heavily in the early 1980s.", friFeb28,
			[]got{{"early 1980s", "", Unknown, false, false}}},
		{"shared year", "Blasts hit the depot in October and December 2014.", friFeb28,
			[]got{{"October", "2014-10", Month, false, false}, {"December 2014", "2014-12", Month, false, false}}},
		{"shared year range", "Talks ran from March to May 2022.", friFeb28,
			[]got{{"March", "2022-03", Month, false, false}, {"May 2022", "2022-05", Month, false, false}}},
		{"that year", "The cleric was executed on January 2 of that year.", friFeb28,
			[]got{{"January 2 of that year", "", Day, false, false}}},
		{"month that year", "The embassy was stormed in January that year.", friFeb28,
			[]got{{"January that year", "", Month, false, false}}},
		{"summer of year", "The deal was struck in the summer of 2022.", friFeb28,
			[]got{{"2022", "2022", Year, false, false}}},
		{"season year", "The offensive began in summer 2023.", friFeb28,
			[]got{{"2023", "2023", Year, false, false}}},
		{"end of year", "Troops must leave by the end of 2026.", friFeb28,
			[]got{{"2026", "2026", Year, false, true}}},
		{"end of the year", "Both sides hope to sign by the end of the year.", friFeb28,
			[]got{{"the end of the year", "2025", Year, true, false}}},
		{"last summer", "The envoys last met in Geneva last summer.", friFeb28,
			[]got{{"last summer", "2024", Year, true, false}}},
		{"next spring", "The summit was postponed until next spring.", friFeb28,
			[]got{{"next spring", "2025", Year, true, true}}},
		{"last winter", "Gas supplies were cut last winter.", friFeb28,
			[]got{{"last winter", "", Unknown, true, false}}},
		{"url path", "See https://example.org/world/2021/02/03/story for details.", friFeb28, nil},

		// Weekdays.
		{"possessive weekday", "Both capitals insisted that Thursday’s discussions focused on embassies.", friFeb28,
			[]got{{"Thursday", "2025-02-27", Day, true, false}}},
		{"ascii possessive", "Thursday's meeting lasted six hours.", friFeb28,
			[]got{{"Thursday", "2025-02-27", Day, true, false}}},
		{"on weekday", "The delegations met on Tuesday in Riyadh.", friFeb28,
			[]got{{"Tuesday", "2025-02-25", Day, true, false}}},
		{"weekday same day", "The delegations met on Thursday in Istanbul.", thuFeb27,
			[]got{{"Thursday", "2025-02-27", Day, true, false}}},
		{"weekday evening", "He spoke to reporters on Thursday evening.", friFeb28,
			[]got{{"Thursday evening", "2025-02-27", Day, true, false}}},
		{"last weekday", "The foreign minister visited Ankara last Thursday.", thuFeb27,
			[]got{{"last Thursday", "2025-02-20", Day, true, false}}},
		{"last weekday recent", "The foreign minister visited Ankara last Thursday.", friFeb28,
			[]got{{"last Thursday", "2025-02-27", Day, true, false}}},
		{"next weekday", "The envoys meet again next Tuesday.", friFeb28,
			[]got{{"next Tuesday", "2025-03-04", Day, true, true}}},
		{"future weekday", "The ministers will meet on Monday in Paris.", friFeb28,
			[]got{{"Monday", "2025-03-03", Day, true, true}}},
		{"expected weekday", "A vote is expected on Wednesday.", friFeb28,
			[]got{{"Wednesday", "2025-03-05", Day, true, true}}},
		{"scheduled present", "The summit opens on Tuesday.", friFeb28,
			[]got{{"Tuesday", "2025-03-04", Day, true, true}}},
		{"past weekday with will elsewhere", "The talks will resume, officials said on Monday.", friFeb28,
			[]got{{"Monday", "2025-02-24", Day, true, false}}},
		{"would weekday", "The minister said he would travel to Kyiv on Monday.", friFeb28,
			[]got{{"Monday", "2025-03-03", Day, true, true}}},
		{"plans to weekday", "The bloc plans to unveil new sanctions on Monday.", friFeb28,
			[]got{{"Monday", "2025-03-03", Day, true, true}}},
		{"plans noun weekday", "The bloc unveiled plans on Monday for new sanctions.", friFeb28,
			[]got{{"Monday", "2025-02-24", Day, true, false}}},
		{"marker after", "The summit in Brussels on June 26-27 will focus on Ukraine.", friFeb28,
			[]got{{"June 26-27", "2025-06-26", Day, true, true}}},
		{"marker after weekday", "The meeting on Thursday will settle the matter.", friFeb28,
			[]got{{"Thursday", "2025-03-06", Day, true, true}}},
		{"name then weekday", "The Kremlin Thursday denied the report.", friFeb28,
			[]got{{"Thursday", "2025-02-27", Day, true, false}}},
		{"weekday with date", "The talks on Thursday, February 27 were cordial.", friFeb28,
			[]got{{"Thursday, February 27", "2025-02-27", Day, true, false}}},
		{"weekday with full date", "Thursday, Feb. 27, 2025", friFeb28,
			[]got{{"Thursday, Feb. 27, 2025", "2025-02-27", Day, false, false}}},
		{"late on weekday", "The statement came late on Sunday.", friFeb28,
			[]got{{"late on Sunday", "2025-02-23", Day, true, false}}},
		{"this past weekday", "Talks this past Sunday went nowhere.", friFeb28,
			[]got{{"this past Sunday", "2025-02-23", Day, true, false}}},

		// Relative days, weeks, months and years.
		{"today", "The ministry said today that talks would continue.", friFeb28,
			[]got{{"today", "2025-02-28", Day, true, false}}},
		{"yesterday", "Yesterday the envoy flew to Cairo.", friFeb28,
			[]got{{"Yesterday", "2025-02-27", Day, true, false}}},
		{"tomorrow", "The delegation leaves tomorrow morning.", friFeb28,
			[]got{{"tomorrow morning", "2025-03-01", Day, true, true}}},
		{"last night", "Shelling resumed last night near the border.", friFeb28,
			[]got{{"last night", "2025-02-27", Day, true, false}}},
		{"this morning", "The consulate reopened this morning.", friFeb28,
			[]got{{"this morning", "2025-02-28", Day, true, false}}},
		{"this week", "The two sides met twice this week.", friFeb28,
			[]got{{"this week", "2025-W09", Week, true, false}}},
		{"last week", "The ceasefire collapsed last week.", friFeb28,
			[]got{{"last week", "2025-W08", Week, true, false}}},
		{"next week", "A third round is planned for next week.", friFeb28,
			[]got{{"next week", "2025-W10", Week, true, true}}},
		{"earlier this week", "Earlier this week, the minister resigned.", friFeb28,
			[]got{{"Earlier this week", "2025-W09", Week, true, false}}},
		{"later this week", "Talks resume later this week.", monMar3,
			[]got{{"later this week", "2025-W10", Week, true, false}}},
		{"the weekend", "Protesters gathered over the weekend.", monMar3,
			[]got{{"the weekend", "2025-W09", Week, true, false}}},
		{"this weekend on sunday", "Protesters gathered this weekend.", sunMar2,
			[]got{{"this weekend", "2025-W09", Week, true, false}}},
		{"last month", "Relations soured last month.", friFeb28,
			[]got{{"last month", "2025-01", Month, true, false}}},
		{"this month", "Trade talks stalled this month.", friFeb28,
			[]got{{"this month", "2025-02", Month, true, false}}},
		{"earlier this month", "The embassy was reopened earlier this month.", friFeb28,
			[]got{{"earlier this month", "2025-02", Month, true, false}}},
		{"next month", "A summit is planned next month.", friFeb28,
			[]got{{"next month", "2025-03", Month, true, true}}},
		{"last month in january", "The envoy was named last month.", friJan3,
			[]got{{"last month", "2024-12", Month, true, false}}},
		{"last year", "The accord expired last year.", friFeb28,
			[]got{{"last year", "2024", Year, true, false}}},
		{"this year", "Exports rose this year.", friFeb28,
			[]got{{"this year", "2025", Year, true, false}}},
		{"next year", "The treaty lapses next year.", friFeb28,
			[]got{{"next year", "2026", Year, true, true}}},
		{"next february", "Elections are due next February.", friFeb28,
			[]got{{"next February", "2026-02", Month, true, true}}},
		{"last february", "The talks began last February.", friFeb28,
			[]got{{"last February", "2024-02", Month, true, false}}},
		{"next march", "Elections are due next March.", friFeb28,
			[]got{{"next March", "2025-03", Month, true, true}}},
		{"since taking office", "Since taking office last month, the president has met both sides.", friFeb28,
			[]got{{"last month", "2025-01", Month, true, false}}},
		{"days ago", "The envoy arrived three days ago.", friFeb28,
			[]got{{"three days ago", "2025-02-25", Day, true, false}}},
		{"digit days ago", "The envoy arrived 10 days ago.", friFeb28,
			[]got{{"10 days ago", "2025-02-18", Day, true, false}}},
		{"weeks ago", "The envoy arrived two weeks ago.", friFeb28,
			[]got{{"two weeks ago", "2025-W07", Week, true, false}}},
		{"months ago", "Talks broke down two months ago.", friFeb28,
			[]got{{"two months ago", "2024-12", Month, true, false}}},
		{"years ago", "The embassy closed two years ago.", friFeb28,
			[]got{{"two years ago", "2023", Year, true, false}}},
		{"a year ago", "A year ago, the two sides were not talking.", friFeb28,
			[]got{{"A year ago", "2024", Year, true, false}}},
		{"decade ago", "The border was redrawn a decade ago.", friFeb28,
			[]got{{"a decade ago", "2015", Year, true, false}}},
		{"compound number ago", "The treaty was signed twenty-five years ago.", friFeb28,
			[]got{{"twenty-five years ago", "2000", Year, true, false}}},
		{"earlier in the week", "The envoy arrived earlier in the week.", friFeb28,
			[]got{{"earlier in the week", "2025-W09", Week, true, false}}},
		{"iso timestamp", "Updated 2025-02-27T10:00:00Z by the desk.", friFeb28,
			[]got{{"2025-02-27", "2025-02-27", Day, false, false}}},
		{"mid without hyphen", "The vote was held in mid March.", friFeb28,
			[]got{{"mid March", "2025-03", Month, true, true}}},
		{"hours ago", "The statement was issued two hours ago.", friFeb28,
			[]got{{"two hours ago", "2025-02-28", Day, true, false}}},

		// Vague references.
		{"in recent years", "Ties have frayed in recent years.", friFeb28,
			[]got{{"in recent years", "", Unknown, true, false}}},
		{"recently", "The minister recently visited Beijing.", friFeb28,
			[]got{{"recently", "", Unknown, true, false}}},
		{"past decade", "Trade tripled over the past decade.", friFeb28,
			[]got{{"over the past decade", "", Unknown, true, false}}},
		{"last few years", "Trade tripled in the last few years.", friFeb28,
			[]got{{"in the last few years", "", Unknown, true, false}}},
		{"for years", "The two states have quarrelled for years.", friFeb28,
			[]got{{"for years", "", Unknown, true, false}}},
		{"for months", "Negotiators have worked for several months.", friFeb28,
			[]got{{"for several months", "", Unknown, true, false}}},
		{"coming weeks", "A deal could come in the coming weeks.", friFeb28,
			[]got{{"in the coming weeks", "", Unknown, true, true}}},
		{"several years ago", "The plan was shelved several years ago.", friFeb28,
			[]got{{"several years ago", "", Unknown, true, false}}},
		{"a few weeks ago", "The plan was shelved a few weeks ago.", friFeb28,
			[]got{{"a few weeks ago", "", Unknown, true, false}}},
		{"years ago bare", "Years ago the two were allies.", friFeb28,
			[]got{{"Years ago", "", Unknown, true, false}}},
		{"over the years", "Over the years, the dispute deepened.", friFeb28,
			[]got{{"Over the years", "", Unknown, true, false}}},
		{"in the past", "Such visits were rare in the past.", friFeb28,
			[]got{{"in the past", "", Unknown, true, false}}},
		{"the next day not publication", "The next day, the envoys left.", friFeb28, nil},

		// Several in one sentence.
		{"istanbul", "Diplomats met on February 27, 2025, and again last week, years after the 2022 invasion.", friFeb28,
			[]got{
				{"February 27, 2025", "2025-02-27", Day, false, false},
				{"last week", "2025-W08", Week, true, false},
				{"2022", "2022", Year, false, false},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			xs := Find(tt.text, 0, tt.pub)
			if diff := cmp.Diff(tt.want, summarize(xs)); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFindNegative(t *testing.T) {
	tests := []string{
		"The two sides may agree on a prisoner exchange.",
		"Protesters plan to march on the ministry.",
		"Russia expelled 60 diplomats and 1,500 staff members.",
		"The talks lasted around 5-6 hours.",
		"The second round of talks was held in Riyadh.",
		"The 72-year-old minister spoke at 10:30 a.m. local time.",
		"Some 2000 troops crossed the border at 2000 GMT.",
		"Turnout reached 2024 percent less than 3.5 points.",
		"The vote passed 2025 to 14.",
		"Theresa May met Macron in Paris.",
		"May God protect us, he said.",
		"March on, comrades, the leader said.",
		"Police fired on the crowd during Bloody Sunday commemorations.",
		"The Good Friday Agreement ended decades of violence.",
		"The intervention was authorised by Resolution 1973.",
		"USA Today reported the deal.",
		"The newsletter appears every Thursday.",
		"An interview with Russia Today aired.",
		"The F-16 jets and 300 tanks arrived.",
		"The deal is worth $2025 million.",
		"He was sentenced to 12 years in prison.",
		"The next day, talks resumed.",
		"",
	}
	for _, text := range tests {
		t.Run(text, func(t *testing.T) {
			if xs := Find(text, 0, friFeb28); len(xs) != 0 {
				t.Errorf("Find(%q) = %v, want none", text, summarize(xs))
			}
		})
	}
}

func TestFindNoPublished(t *testing.T) {
	xs := Find("On Thursday, a week after talks on February 12 and in February 2022, officials met.", 0, time.Time{})
	want := []got{
		{"Thursday", "", Day, true, false},
		{"February 12", "", Day, true, false},
		{"February 2022", "2022-02", Month, false, false},
	}
	if diff := cmp.Diff(want, summarize(xs)); diff != "" {
		t.Errorf("Find without publication date mismatch (-want +got):\n%s", diff)
	}
	for _, x := range xs {
		if x.Relative && !x.Date.IsZero() {
			t.Errorf("relative %q has date %v without a publication date", x.Text, x.Date)
		}
	}
}

func TestFindTense(t *testing.T) {
	tests := []struct {
		text   string
		future bool
		want   []got
	}{
		{"Talks on Monday.", false, []got{{"Monday", "2025-02-24", Day, true, false}}},
		{"Talks on Monday.", true, []got{{"Monday", "2025-03-03", Day, true, true}}},
		{"Talks on Friday.", true, []got{{"Friday", "2025-02-28", Day, true, false}}},
		{"Elections in January.", true, []got{{"January", "2026-01", Month, true, true}}},
		{"Elections in January.", false, []got{{"January", "2025-01", Month, true, false}}},
		{"Talks resume on January 5.", true, []got{{"January 5", "2026-01-05", Day, true, true}}},
		{"He will visit, and talks last week failed.", true, []got{{"last week", "2025-W08", Week, true, false}}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%v", tt.text, tt.future), func(t *testing.T) {
			xs := FindTense(tt.text, 0, friFeb28, tt.future)
			if diff := cmp.Diff(tt.want, summarize(xs)); diff != "" {
				t.Errorf("FindTense(%q, %v) mismatch (-want +got):\n%s", tt.text, tt.future, diff)
			}
		})
	}
}

func TestFindOffsets(t *testing.T) {
	text := "Thursday’s talks, held last week."
	xs := Find(text, 100, friFeb28)
	if len(xs) != 2 {
		t.Fatalf("Find(%q) = %v, want 2 expressions", text, summarize(xs))
	}
	for _, x := range xs {
		if got := text[x.Start-100 : x.End-100]; got != x.Text {
			t.Errorf("text[%d:%d] = %q, want %q", x.Start-100, x.End-100, got, x.Text)
		}
	}
	if xs[0].Start != 100 || xs[0].End != 108 {
		t.Errorf("first span = [%d,%d), want [100,108)", xs[0].Start, xs[0].End)
	}
}

func TestPublishedZone(t *testing.T) {
	// Late evening in New York is already the next day in UTC; the local
	// calendar date of publication counts.
	ny := time.FixedZone("EST", -5*3600)
	pub := time.Date(2025, 2, 27, 22, 0, 0, 0, ny)
	xs := Find("The delegations met today.", 0, pub)
	if len(xs) != 1 || xs[0].Format() != "2025-02-27" {
		t.Errorf("Find(today, %v) = %v, want 2025-02-27", pub, summarize(xs))
	}
	if !xs[0].Date.Equal(time.Date(2025, 2, 27, 0, 0, 0, 0, time.UTC)) || xs[0].Date.Location() != time.UTC {
		t.Errorf("Date = %v, want UTC midnight", xs[0].Date)
	}
}

func TestPrecisionString(t *testing.T) {
	for p, want := range map[Precision]string{Unknown: "unknown", Year: "year", Month: "month", Week: "week", Day: "day", 9: "unknown"} {
		if got := p.String(); got != want {
			t.Errorf("Precision(%d).String() = %q, want %q", p, got, want)
		}
	}
}

func TestFormat(t *testing.T) {
	d := time.Date(2024, 12, 30, 0, 0, 0, 0, time.UTC) // ISO week 1 of 2025
	tests := []struct {
		x    Expr
		want string
	}{
		{Expr{Date: d, Precision: Day}, "2024-12-30"},
		{Expr{Date: d, Precision: Week}, "2025-W01"},
		{Expr{Date: d, Precision: Month}, "2024-12"},
		{Expr{Date: d, Precision: Year}, "2024"},
		{Expr{Date: d, Precision: Unknown}, ""},
		{Expr{Precision: Day}, ""},
	}
	for _, tt := range tests {
		if got := tt.x.Format(); got != tt.want {
			t.Errorf("Expr{%v, %v}.Format() = %q, want %q", tt.x.Date, tt.x.Precision, got, tt.want)
		}
	}
}

func TestFindAllocs(t *testing.T) {
	tests := []struct {
		text string
		want float64
	}{
		{"The two delegations discussed the operations of their embassies.", 0},
		{"Russia expelled 60 diplomats and closed two consulates.", 0},
		{"Diplomats met in Istanbul on Thursday.", 1},
		{"Diplomats met in Istanbul on Thursday and again last week.", 2},
	}
	for _, tt := range tests {
		got := testing.AllocsPerRun(100, func() { _ = Find(tt.text, 0, friFeb28) })
		if got != tt.want {
			t.Errorf("Find(%q) allocates %v times, want %v", tt.text, got, tt.want)
		}
	}
}

// TestFindInYear checks that "that year" takes the year it is given, and
// stays unresolved without one.
func TestFindInYear(t *testing.T) {
	pub := time.Date(2023, 4, 6, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text string
		year int
		want string
	}{
		{"executed on January 2 of that year", 2016, "2016-01-02"},
		{"on 2 January that year", 2016, "2016-01-02"},
		{"in March of that year", 2014, "2014-03"},
		{"executed on January 2 of that year", 0, ""},
		{"on January 2, 2019", 2016, "2019-01-02"},
	} {
		xs := FindInYear(c.text, 0, pub, c.year)
		if len(xs) != 1 {
			t.Errorf("FindInYear(%q, %d) = %d expressions, want 1", c.text, c.year, len(xs))
			continue
		}
		if got := xs[0].Format(); got != c.want {
			t.Errorf("FindInYear(%q, %d) = %q, want %q", c.text, c.year, got, c.want)
		}
	}
}
