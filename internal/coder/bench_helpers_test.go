package coder_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/parleyproject/parley/internal/ingest"
)

// sampleBodies returns the bodies of the sample corpus (examples/),
// repeated to at least 1 MB.
func sampleBodies(tb testing.TB) []string {
	tb.Helper()
	var bodies []string
	_ = filepath.WalkDir("../../examples", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) == ".json" || filepath.Ext(path) == ".go" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		arts, _ := ingest.ReadBytes(path, data, ingest.Options{})
		for _, a := range arts {
			bodies = append(bodies, a.Body)
		}
		return nil
	})
	if len(bodies) == 0 {
		tb.Skip("sample corpus not found")
	}
	var out []string
	for n := 0; n < 1<<20; {
		for _, b := range bodies {
			out = append(out, b)
			n += len(b)
		}
	}
	return out
}

// cpuTime returns the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
