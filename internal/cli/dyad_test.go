package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyproject/parley/internal/store"
)

func TestDyadCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "parley.db")
	// Two reports of the same talks and an earlier expulsion, written for
	// this test.
	lines := jsonlLine("a-1", "2024-05-10", "Wire", "Talks in Vienna",
		"Diplomats from the United States and Russia met in Vienna on May 9, 2024, to discuss the staffing of their embassies. "+
			"The U.S. delegation was led by Deputy Assistant Secretary of State Jane Miller. "+
			"“We made progress on visas,” Miller told reporters.") +
		jsonlLine("a-2", "2024-05-11", "Other wire", "Vienna round",
			"Russian and American officials met in Vienna on May 9, 2024. Russian Deputy Foreign Minister Sergei Ryabkov said the talks were “useful.”") +
		jsonlLine("a-3", "2023-03-02", "Wire", "Expulsions",
			"Russia expelled ten U.S. diplomats on March 1, 2023. Washington retaliated on March 2, 2023, and expelled ten Russian diplomats.")
	in := writeFile(t, dir, "in/wire.jsonl", lines)
	if _, stderr, code := runStoreCmd(t, db, "", "ingest", in); code != 0 {
		t.Fatalf("ingest: exit %d, stderr:\n%s", code, stderr)
	}

	out, stderr, code := runStoreCmd(t, db, "", "dyad", "--json", "usa", "rus")
	if code != 0 {
		t.Fatalf("dyad --json: exit %d, stderr:\n%s", code, stderr)
	}
	var rel store.Relation
	if err := json.Unmarshal([]byte(out), &rel); err != nil {
		t.Fatalf("dyad --json output: %v\n%s", err, out)
	}
	if rel.A != "USA" || rel.B != "RUS" {
		t.Errorf("pair = %s %s, want USA RUS", rel.A, rel.B)
	}
	if len(rel.Contacts) != 1 || rel.Contacts[0].Reports != 2 || rel.Contacts[0].Country != "AUT" {
		t.Errorf("contacts = %+v, want the Vienna talks once, reported twice", rel.Contacts)
	}
	var answered bool
	ids := map[string]string{}
	for _, m := range rel.Measures {
		ids[m.ID] = m.By
	}
	for _, m := range rel.Measures {
		if m.By == "USA" && m.Kind == "expulsion" && ids[m.InResponseTo] == "RUS" {
			answered = true
		}
	}
	if len(rel.Measures) != 2 || !answered {
		t.Errorf("measures = %+v, want Russia's expulsion answered by Washington's", rel.Measures)
	}
	topics := map[string]bool{}
	for _, is := range rel.Issues {
		topics[is.Topic] = true
	}
	if !topics["staffing"] {
		t.Errorf("issues = %+v, want staffing", rel.Issues)
	}
	sides := map[string]bool{}
	for _, q := range rel.Statements {
		sides[q.Speaker.Country] = true
	}
	if !sides["USA"] || !sides["RUS"] {
		t.Errorf("statements = %+v, want both sides", rel.Statements)
	}
	if len(rel.Trend) == 0 {
		t.Errorf("no trend")
	}

	// Text output, with --since leaving out the 2023 expulsions.
	out, stderr, code = runStoreCmd(t, db, "", "dyad", "--since", "2024-01-01", "USA", "RUS")
	if code != 0 {
		t.Fatalf("dyad: exit %d, stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"USA – RUS  (since 2024-01-01)", "CONTACTS (1)", "Vienna, AUT", "Jane Miller (USA, head of delegation)", "MEASURES (0)", "TREND"} {
		if !strings.Contains(out, want) {
			t.Errorf("dyad output lacks %q:\n%s", want, out)
		}
	}

	// Usage errors.
	if _, _, code := runStoreCmd(t, db, "", "dyad", "USA"); code != 2 {
		t.Errorf("dyad with one country: exit %d, want 2", code)
	}
	if _, _, code := runStoreCmd(t, db, "", "dyad", "USA", "USA"); code != 1 {
		t.Errorf("dyad USA USA: exit %d, want 1", code)
	}
}
