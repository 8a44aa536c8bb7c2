package ledger

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTopicsParse(t *testing.T) {
	n := 0
	for _, line := range strings.Split(topicsData, "\n") {
		if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "#") {
			n++
		}
	}
	if len(Topics) != n {
		t.Fatalf("parsed %d topics from %d lines", len(Topics), n)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"The embassy's bank accounts were frozen.", []string{"banking"}},
		{"They discussed visa approvals and consular services.", []string{"visas", "consular"}},
		{"Direct flights between the capitals stopped in 2022.", []string{"flights"}},
		{"Both sides agreed to return their ambassadors.", []string{"ambassadors"}},
		{"The foreign ministers talked about the weather.", nil},
	}
	for _, tt := range tests {
		if got := topicsIn(tt.text); !cmp.Equal(tt.want, got) {
			t.Errorf("topicsIn(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestIssues(t *testing.T) {
	body := "Serbian and Kosovar negotiators met in Brussels on March 3, 2025, to discuss vehicle licence plates and the reopening of border crossings.\n" +
		"Both sides agreed on steps to restore direct flights between Belgrade and Pristina.\n" +
		"Serbia had suspended flights to Pristina in 2023.\n" +
		"Serbia also raised concerns over visas for its officials."
	d := analyze(t, body, "2025-03-04")
	r := Extract(d)
	got := map[string]string{}
	for _, u := range r.Issues {
		got[u.Topic+" "+u.Status] = u.Cause
		if u.Cause == "" {
			t.Errorf("update %+v has no cause", u)
		}
	}
	for _, k := range []string{"flights steps agreed", "flights worsened", "visas raised"} {
		if _, ok := got[k]; !ok {
			t.Errorf("Issues lack %q; have %v", k, got)
		}
	}
}

func TestIssuesIstanbul(t *testing.T) {
	d := istanbul(t)
	r := Extract(d)
	have := map[string]bool{}
	for _, u := range r.Issues {
		have[u.Topic] = true
	}
	for _, k := range []string{"banking", "staffing", "visas", "consular", "flights"} {
		if !have[k] {
			t.Errorf("Istanbul dossier lacks %q; have %v", k, have)
		}
	}
}
