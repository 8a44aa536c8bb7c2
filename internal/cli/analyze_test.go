package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyproject/parley/internal/record"
)

const sampleText = `Canada expels two Chinese diplomats
Ottawa, May 9 (Wire) — Canada expelled two Chinese diplomats on Monday after accusing them of harassing a lawmaker, and Beijing vowed to respond in kind.

Foreign Minister Melanie Joly said the decision was taken with care.`

// TestExtractRecord checks that extract prints one SPEC §3 record per
// document, stores nothing, and codes the expulsion.
func TestExtractRecord(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "a.txt", sampleText)
	db := filepath.Join(dir, "never.db")
	out, errOut, code := runStoreCmd(t, db, "", "extract", "--published", "2023-05-10", in)
	if code != 0 {
		t.Fatalf("extract exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("extract printed %d lines, want 1:\n%s", len(lines), out)
	}
	var rec record.Document
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Format != record.Format || rec.Published != "2023-05-10" {
		t.Errorf("record header = %q %q, want %q 2023-05-10", rec.Format, rec.Published, record.Format)
	}
	found := false
	for _, ev := range rec.Events {
		if ev.CAMEORoot == "16" && ev.Source != nil && ev.Source.Country == "CAN" && ev.Target != nil && ev.Target.Country == "CHN" {
			found = true
			if ev.Date == nil || *ev.Date != "2023-05-08" {
				t.Errorf("expulsion dated %v, want 2023-05-08", ev.Date)
			}
		}
	}
	if !found {
		t.Errorf("no CAN→CHN expulsion in %s", lines[0])
	}
	if _, _, code := runStoreCmd(t, db, "", "docs"); code == 0 {
		t.Errorf("extract created a database")
	}
}

// TestAnnotateShowsActors checks the text layer's printout and JSON.
func TestAnnotateShowsActors(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "a.txt", sampleText)
	out, errOut, code := runStoreCmd(t, "", "", "annotate", "--published", "2023-05-10", in)
	if code != 0 {
		t.Fatalf("annotate exit %d: %s", code, errOut)
	}
	for _, want := range []string{`"Canada" state CANGOV`, `"Beijing" state CHNGOV via capital`, `"Monday" 2023-05-08 (day)`} {
		if !strings.Contains(out, want) {
			t.Errorf("annotate output lacks %s:\n%s", want, out)
		}
	}
	out, _, code = runStoreCmd(t, "", "", "annotate", "--json", "--published", "2023-05-10", in)
	var v struct {
		Sentences []struct{ Start, End int } `json:"sentences"`
		Actors    []struct{ Text string }    `json:"actors"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil || len(v.Sentences) == 0 || len(v.Actors) == 0 {
		t.Errorf("annotate --json = %d, %q", code, out)
	}
}

// TestUserLexicon checks that --lexicon DIR adds patterns without Go:
// a verb parley does not know becomes an event.
func TestUserLexicon(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "a.txt", "Ruritania snubbed Freedonia on Monday.")
	_ = in
	in = writeFile(t, dir, "b.txt", "Norway snubbed Sweden on Monday.")
	lex := filepath.Join(dir, "lex")
	writeFile(t, lex, "patterns/mine.txt", "111 +snub ;\n")
	out, _, _ := runStoreCmd(t, "", "", "extract", "--published", "2024-01-10", in)
	if strings.Contains(out, `"cameo":"111"`) {
		t.Fatalf("'snubbed' coded before the user's pattern exists: %s", out)
	}
	out, errOut, code := runStoreCmd(t, "", "", "extract", "--lexicon", lex, "--published", "2024-01-10", in)
	if code != 0 || !strings.Contains(out, `"cameo":"111"`) {
		t.Errorf("extract --lexicon = %d %s %s, want a 111 event", code, out, errOut)
	}
	writeFile(t, lex, "patterns/bad.txt", "99999 +snub ;\n")
	_, errOut, code = runStoreCmd(t, "", "", "extract", "--lexicon", lex, in)
	if code == 0 || !strings.Contains(errOut, "bad.txt:1") {
		t.Errorf("a bad user pattern: exit %d, stderr %q; want a file:line error", code, errOut)
	}
}

// TestLexiconCheckPatterns checks that `lexicon check DIR` reports every
// bad pattern line at once, with its file and line.
func TestLexiconCheckPatterns(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "patterns/mine.txt", "111 +snub ;\n9999 +foo ;\n111 ; speech\n")
	_, errOut, code := runStoreCmd(t, "", "", "lexicon", "check", dir)
	if code != 1 {
		t.Fatalf("lexicon check exit %d, want 1; stderr %s", code, errOut)
	}
	for _, want := range []string{"mine.txt:2: unknown CAMEO code", "mine.txt:3: rule needs a code"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}
