package ledger

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parleyproject/parley/internal/record"
)

// meetingWant is what the meeting tests check of a meeting.
type meetingWant struct {
	Kind, Date, Place, Country string
	Participants               []string // "Name/role"
}

func summarize(ms []record.Meeting) []meetingWant {
	var out []meetingWant
	for _, m := range ms {
		w := meetingWant{Kind: m.Kind, Place: m.Place, Country: m.Country}
		if m.Date != nil {
			w.Date = *m.Date
		}
		for _, p := range m.Participants {
			w.Participants = append(w.Participants, p.Name+"/"+p.Role)
		}
		out = append(out, w)
	}
	return out
}

func TestMeetings(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []meetingWant
	}{
		{
			name: "met in city on day",
			body: "Diplomats from Japan and China met in Beijing on March 3, 2025, to discuss fishing rights in the East China Sea.",
			want: []meetingWant{{Kind: "meeting", Date: "2025-03-03", Place: "Beijing", Country: "CHN"}},
		},
		{
			name: "phone call with participants, no place",
			body: "French President Emmanuel Macron and German Chancellor Olaf Scholz spoke by phone on Monday about the summit.",
			want: []meetingWant{{Kind: "call", Date: "2025-03-03", Participants: []string{"Emmanuel Macron/", "Olaf Scholz/"}}},
		},
		{
			name: "two contacts in one sentence",
			body: "The Geneva meeting follows a March 1 phone call between Turkish Foreign Minister Hakan Fidan and Russian Foreign Minister Sergei Lavrov, as well as talks in Ankara on February 20.",
			want: []meetingWant{
				{Kind: "meeting", Place: "Geneva", Country: "CHE"},
				{Kind: "call", Date: "2025-03-01", Participants: []string{"Hakan Fidan/", "Sergei Lavrov/"}},
				{Kind: "talks", Date: "2025-02-20", Place: "Ankara", Country: "TUR"},
			},
		},
		{
			name: "delegation heads and definite references merge",
			body: "Indian and Chinese officials met in Singapore on Tuesday to discuss the border dispute.\nThe Indian delegation was led by Foreign Secretary Vikram Misri. The talks lasted about four hours.",
			want: []meetingWant{{Kind: "meeting", Date: "2025-03-04", Place: "Singapore", Country: "SGP", Participants: []string{"Vikram Misri/head of delegation"}}},
		},
		{
			name: "side headed by, numeric round",
			body: "Senior diplomats from India and China met in New Delhi on March 3, 2025, for the 31st round of border talks.\nThe Chinese side was headed by Hong Liang, a foreign ministry official.",
			want: []meetingWant{{Kind: "meeting", Date: "2025-03-03", Place: "New Delhi", Country: "IND", Participants: []string{"Hong Liang/head of delegation"}}},
		},
		{
			name: "one visit named twice",
			body: "Turkish President Recep Tayyip Erdogan received Armenian Prime Minister Nikol Pashinyan at the presidential palace on Monday, the first official visit by an Armenian leader to Turkey.",
			want: []meetingWant{{Kind: "visit", Date: "2025-03-03", Place: "Turkey", Country: "TUR", Participants: []string{"Recep Tayyip Erdogan/", "Nikol Pashinyan/"}}},
		},
		{
			name: "unknown names heading teams",
			body: "Officials from Norway and Iceland met in Reykjavik on March 3, 2025, to discuss fishing quotas.\nDeputy Fisheries Director Kari Nordmann headed the Norwegian team, while Jon Jonsson, who runs the quota office, led the Icelandic side.",
			want: []meetingWant{{Kind: "meeting", Date: "2025-03-03", Place: "Reykjavík", Country: "ISL", Participants: []string{"Kari Nordmann/head of delegation", "Jon Jonsson/head of delegation"}}},
		},
		{
			name: "planned meeting is not a meeting",
			body: "Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State Marco Rubio will meet in Vienna next week.",
			want: nil,
		},
		{
			name: "domestic meeting is not a contact",
			body: "Speaking at a cabinet meeting in Moscow on Monday, the Russian president praised the talks.",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, tt.body, "2025-03-04")
			got := summarize(Meetings(d))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Meetings(%q) mismatch (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}

func TestMeetingFields(t *testing.T) {
	body := "Armenian and Azerbaijani diplomats met in Istanbul on March 3, 2025, at the Turkish Foreign Ministry’s guest residence.\n" +
		"The second round of talks focused on border demarcation, including the reopening of transport links. " +
		"Nagorno-Karabakh is not on the agenda, an official said. " +
		"The talks lasted around 3-4 hours, and both sides agreed on a timetable for further talks. " +
		"Further rounds could be scheduled for April."
	d := analyze(t, body, "2025-03-04")
	ms := Meetings(d)
	if len(ms) != 1 {
		t.Fatalf("Meetings = %d meetings, want 1: %+v", len(ms), ms)
	}
	m := ms[0]
	if m.Round != 2 {
		t.Errorf("Round = %d, want 2", m.Round)
	}
	if m.Duration != "3-4 hours" {
		t.Errorf("Duration = %q, want %q", m.Duration, "3-4 hours")
	}
	if !strings.Contains(m.Venue, "guest residence") {
		t.Errorf("Venue = %q, want the guest residence", m.Venue)
	}
	wantTopics := []string{"border demarcation", "reopening of transport links"}
	if diff := cmp.Diff(wantTopics, m.Topics); diff != "" {
		t.Errorf("Topics (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Nagorno-Karabakh"}, m.ExcludedTopics); diff != "" {
		t.Errorf("ExcludedTopics (-want +got):\n%s", diff)
	}
	follow := false
	for _, o := range m.Outcomes {
		if strings.HasPrefix(o, "Further rounds could be scheduled") {
			follow = true
		}
	}
	if !follow {
		t.Errorf("Outcomes = %q, want the follow-up", m.Outcomes)
	}
	for _, ev := range m.Evidence {
		if ev.Start < 0 || ev.End > len(body) || ev.Start > ev.End {
			t.Errorf("evidence %+v out of bounds", ev)
		}
	}
}

func TestMeetingsIstanbul(t *testing.T) {
	d := istanbul(t)
	ms := Meetings(d)
	byDate := map[string]record.Meeting{}
	for _, m := range ms {
		if m.Date != nil {
			byDate[*m.Date] = m
		}
	}
	ist, ok := byDate["2025-02-27"]
	if !ok || ist.Country != "TUR" {
		t.Fatalf("no Istanbul meeting on 2025-02-27 in %+v", summarize(ms))
	}
	heads := map[string]string{}
	for _, p := range ist.Participants {
		if p.Role == "head of delegation" {
			heads[lastWord(p.Name)] = p.Title
		}
	}
	if heads["Darchiyev"] == "" || heads["Coulter"] != "Deputy Assistant Secretary of State" {
		t.Errorf("Istanbul delegation heads = %v", heads)
	}
	if ist.Round != 2 || ist.Duration != "5-6 hours" || !strings.Contains(ist.Venue, "residence") {
		t.Errorf("Istanbul round %d, duration %q, venue %q", ist.Round, ist.Duration, ist.Venue)
	}
	if r, ok := byDate["2025-02-18"]; !ok || r.Country != "SAU" {
		t.Errorf("no Riyadh meeting on 2025-02-18 in %+v", summarize(ms))
	}
}
