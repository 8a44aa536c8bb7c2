package ledger

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// measureWant is what the measure tests check of a measure.
type measureWant struct {
	By, Against, Kind string
	Reversal          bool
	Size, Date        string
	Reciprocal        bool
	Responds          string // kind of the measure answered
}

func TestMeasures(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []measureWant
	}{
		{
			name: "expulsion with size and date",
			body: "Poland expelled 45 Russian diplomats on March 3, 2025, accusing them of spying.",
			want: []measureWant{{By: "POL", Against: "RUS", Kind: "expulsion", Size: "45", Date: "2025-03-03"}},
		},
		{
			name: "retaliation links to the earlier measure",
			body: "Canada expelled four Chinese diplomats on Monday.\nChina retaliated on Tuesday and expelled four Canadian diplomats.",
			want: []measureWant{
				{By: "CAN", Against: "CHN", Kind: "expulsion", Size: "four", Date: "2025-03-03"},
				{By: "CHN", Against: "CAN", Kind: "expulsion", Size: "four", Date: "2025-03-04", Responds: "expulsion"},
			},
		},
		{
			name: "in response to names the answered measure",
			body: "Beijing ordered the closure of the U.S. consulate in Chengdu in response to Washington’s closure of the Chinese consulate in Houston.",
			want: []measureWant{
				{By: "CHN", Against: "USA", Kind: "closure", Responds: "closure"},
				{By: "USA", Against: "CHN", Kind: "closure"},
			},
		},
		{
			name: "response within one sentence",
			body: "India suspended direct flights to China in 2020, and Beijing retaliated by restricting visas for Indian journalists.",
			want: []measureWant{
				{By: "IND", Against: "CHN", Kind: "flight_ban"},
				{By: "CHN", Against: "IND", Kind: "visa_suspension", Responds: "flight_ban"},
			},
		},
		{
			name: "retaliation names the kind answered",
			body: "Germany closed three Iranian consulates on Monday.\nTwo days later, Iran expelled two German diplomats in retaliation for the closures.",
			want: []measureWant{
				{By: "DEU", Against: "IRN", Kind: "closure", Date: "2025-03-03"},
				{By: "IRN", Against: "DEU", Kind: "expulsion", Size: "two", Responds: "closure"},
			},
		},
		{
			name: "asset freeze is a sanction",
			body: "Britain froze the assets of three Iranian officials in 2023.",
			want: []measureWant{{By: "GBR", Against: "IRN", Kind: "sanctions"}},
		},
		{
			name: "border closure",
			body: "Turkey closed the border with Armenia in 1993.",
			want: []measureWant{{By: "TUR", Against: "ARM", Kind: "border_closure"}},
		},
		{
			name: "an order is the measure",
			body: "The United States ordered China to close its consulate in Houston on Monday.\nOn Tuesday, Beijing ordered the United States to close its consulate in Chengdu in response to the Houston closure.",
			want: []measureWant{
				{By: "USA", Against: "CHN", Kind: "closure", Date: "2025-03-03"},
				{By: "CHN", Against: "USA", Kind: "closure", Date: "2025-03-04", Responds: "closure"},
			},
		},
		{
			name: "a response cannot precede what it answers",
			body: "Latvia expelled a Belarusian diplomat on Monday.\nThe row began on February 20, when Belarus retaliated and expelled three Latvian diplomats.",
			want: []measureWant{
				{By: "LVA", Against: "BLR", Kind: "expulsion", Date: "2025-03-03"},
				{By: "BLR", Against: "LVA", Kind: "expulsion", Size: "three", Date: "2025-02-20"},
			},
		},
		{
			name: "persona non grata",
			body: "Ottawa declared the Saudi ambassador persona non grata and froze all new trade with Riyadh.",
			want: []measureWant{
				{By: "CAN", Against: "SAU", Kind: "persona_non_grata"},
				{By: "CAN", Against: "SAU", Kind: "trade_freeze"},
			},
		},
		{
			name: "mutual measures",
			body: "Years of mutual expulsions between Britain and Russia have hollowed out both embassies.",
			want: []measureWant{{By: "GBR", Against: "RUS", Kind: "expulsion", Reciprocal: true}},
		},
		{
			name: "reversal",
			body: "Turkey and Armenia agreed on Monday to restore direct flights between the two countries.",
			want: nil,
		},
		{
			name: "reversal taken",
			body: "India resumed direct flights to China on March 3, 2025, after a five-year halt.",
			want: []measureWant{{By: "IND", Against: "CHN", Kind: "flight_ban", Reversal: true, Date: "2025-03-03"}},
		},
		{
			name: "flight ban with month",
			body: "The European Union severed air links with Belarus in June 2021 after the forced landing of a Ryanair jet.",
			want: []measureWant{{By: "EUR", Against: "BLR", Kind: "flight_ban"}},
		},
		{
			name: "proposal is not a measure",
			body: "Moscow proposed restoring direct air links with Washington.",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, tt.body, "2025-03-05")
			ms := Measures(d)
			kinds := map[string]string{}
			for _, m := range ms {
				kinds[m.ID] = m.Kind
			}
			var got []measureWant
			for _, m := range ms {
				w := measureWant{By: m.By, Against: m.Against, Kind: m.Kind, Reversal: m.Reversal, Size: m.Size, Reciprocal: m.Reciprocal, Responds: kinds[m.InResponseTo]}
				if m.Date != nil {
					w.Date = *m.Date
				}
				if m.Reciprocal && w.By > w.Against {
					w.By, w.Against = w.Against, w.By
				}
				got = append(got, w)
				if tt.body[m.Evidence.Start:m.Evidence.End] != m.Evidence.Trigger {
					t.Errorf("evidence %d:%d is not %q", m.Evidence.Start, m.Evidence.End, m.Evidence.Trigger)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Measures(%q) mismatch (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}

func TestMeasuresIstanbul(t *testing.T) {
	d := istanbul(t)
	have := map[string]bool{}
	for _, m := range Measures(d) {
		k := m.Kind
		if m.Reciprocal {
			k += " mutual"
		}
		if m.Kind == MeasureFlightBan && m.By == "USA" && m.Against == "RUS" && m.Period == "2022-02" {
			k = "flight ban 2022"
		}
		have[k] = true
	}
	for _, k := range []string{"expulsion mutual", "staffing_cap mutual", "account_freeze mutual", "flight ban 2022"} {
		if !have[k] {
			t.Errorf("Istanbul measures lack %q; have %v", k, have)
		}
	}
}
