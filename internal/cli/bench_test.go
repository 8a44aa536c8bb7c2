package cli

import (
	"path/filepath"
	"regexp"
	"runtime"
	"testing"
)

// TestBench runs `parley bench` on a small input and checks that it
// reports both rates with counts that add up, and leaves GOMAXPROCS as
// it found it.
func TestBench(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "a.txt", "Britain expelled 23 Russian diplomats on Wednesday. Moscow retaliated in kind on Saturday.\n")
	procs := runtime.GOMAXPROCS(0)
	out, errOut, code := runStoreCmd(t, filepath.Join(dir, "unused.db"), "", "bench", "--mb", "0.01", in)
	if code != 0 {
		t.Fatalf("bench exited %d: %s", code, errOut)
	}
	if runtime.GOMAXPROCS(0) != procs {
		t.Errorf("GOMAXPROCS is %d after bench, was %d", runtime.GOMAXPROCS(0), procs)
	}
	for _, re := range []string{
		`input +1 documents, 2 sentences`,
		`text → events +wall .*: \d+ sentences/s`,
		`cpu .*: \d+ sentences/cpu-s, [\d.]+ MB/cpu-s \(one core`,
		`full analysis +wall .*: \d+ sentences/s`,
		`events +\d+ \(`,
		`peak RSS +\d+ MB`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("bench output lacks %q:\n%s", re, out)
		}
	}
}
