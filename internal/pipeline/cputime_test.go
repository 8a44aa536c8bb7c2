package pipeline

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time this process has used, user and system.
// Benchmarks report throughput per CPU second as well as per wall second,
// because on a shared machine the wall clock measures the neighbours too.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
