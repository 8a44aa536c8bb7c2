package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestLexiconCheck(t *testing.T) {
	bad := filepath.Join("..", "lexicon", "testdata", "bad")
	good := filepath.Join("..", "lexicon", "testdata", "good")
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // substring
		stderrHave []string
	}{
		{"defaults", []string{"lexicon", "check"}, 0, "ok: 197 countries", nil},
		{"good dir", []string{"lexicon", "check", good}, 0, "ok: 198 countries", nil},
		{"bad dir", []string{"lexicon", "check", bad}, 1, "", []string{
			filepath.Join(bad, "offices.txt") + ":2: TO 2019-01-20 is before FROM 2020-01-20",
			filepath.Join(bad, "places.txt") + ":2: LAT 91.00 out of range (±90)",
			"29 problems",
		}},
		{"missing dir", []string{"lexicon", "check", filepath.Join(t.TempDir(), "nope")}, 1, "", []string{"checking lexicon"}},
		{"no subcommand", []string{"lexicon"}, 2, "", []string{"usage: parley lexicon"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }}
			if code := e.main(tt.args); code != tt.code {
				t.Errorf("parley %s: exit %d, want %d; stderr:\n%s", strings.Join(tt.args, " "), code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout = %q, want it to contain %q", stdout.String(), tt.stdout)
			}
			for _, want := range tt.stderrHave {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr = %q, want it to contain %q", stderr.String(), want)
				}
			}
		})
	}
}
