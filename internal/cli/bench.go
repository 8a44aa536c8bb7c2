package cli

import (
	"context"
	"fmt"
	"runtime"
	"syscall"
	"time"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/ingest"
	"github.com/parleyproject/parley/internal/nlp"
)

// runBench is `parley bench`: the end-to-end coding rate on the user's own
// data (or the bundled sample corpus), on one goroutine.
func runBench(e *env, args []string) error {
	fs := e.newFlagSet("bench", "[INPUT...]")
	minMB := fs.Float64("mb", 4, "analyze at least this many megabytes of text, repeating the input")
	lexDir := lexiconFlag(fs)
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	t0 := time.Now()
	p, err := e.pipeline(*lexDir)
	if err != nil {
		return err
	}
	startup := time.Since(t0)

	var arts []*article.Article
	collect := func(a *article.Article, err error) bool {
		if err != nil {
			fmt.Fprintln(e.stderr, "rejected:", err)
			return true
		}
		arts = append(arts, a)
		return true
	}
	if len(paths) == 0 {
		for a, err := range sampleCorpus(context.Background(), e, nil) {
			collect(a, err)
		}
	} else {
		err := ingest.Read(context.Background(), paths, e.stdin, ingest.Options{}, func(a *article.Article, err error) error {
			collect(a, err)
			return nil
		})
		if err != nil {
			return err
		}
	}
	if len(arts) == 0 {
		return fmt.Errorf("no documents to analyze")
	}
	size, sents := 0, 0
	for _, a := range arts {
		size += len(a.Body)
		sents += len(nlp.Split(a.Body))
	}
	rounds := int(*minMB*(1<<20))/size + 1

	n := float64(sents * rounds)
	mb := float64(size*rounds) / (1 << 20)
	// One core: with more, the collector marks on the others, which
	// shortens the wall time and lengthens the CPU time of one
	// goroutine's work, and neither is the rate of one core.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	fmt.Fprintf(e.stdout, "input          %d documents, %d sentences, %.2f MB (analyzed %d times)\n", len(arts), sents, float64(size)/(1<<20), rounds)
	fmt.Fprintf(e.stdout, "start-up       %v (lexicons, patterns and code tables loaded)\n", startup.Round(time.Millisecond))

	// Raw text to coded events: sentences, actors, dates, places, events.
	// One untimed round first, so that the tables the stages read are in
	// memory and the loading's garbage is collected.
	for _, a := range arts {
		p.Events(a)
	}
	runtime.GC()
	cpu0 := processCPU()
	w0 := time.Now()
	for range rounds {
		for _, a := range arts {
			p.Events(a)
		}
	}
	wall, cpu := time.Since(w0), processCPU()-cpu0
	fmt.Fprintf(e.stdout, "text → events  wall %v: %.0f sentences/s, %.2f MB/s\n", wall.Round(time.Millisecond), n/wall.Seconds(), mb/wall.Seconds())
	if cpu > 0 {
		fmt.Fprintf(e.stdout, "               cpu %v: %.0f sentences/cpu-s, %.2f MB/cpu-s (one core; the measure to compare on a busy machine)\n", cpu.Round(time.Millisecond), n/cpu.Seconds(), mb/cpu.Seconds())
	}

	// The whole analysis adds meetings, quotes, measures and issues, and
	// the annotations' JSON, as ingest stores them.
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	cpu0 = processCPU()
	w0 = time.Now()
	events := 0
	for range rounds {
		for _, a := range arts {
			events += len(p.Analyze(a).Record.Events)
		}
	}
	wall, cpu = time.Since(w0), processCPU()-cpu0
	runtime.ReadMemStats(&ms1)
	fmt.Fprintf(e.stdout, "full analysis  wall %v: %.0f sentences/s, %.2f MB/s, %.0f documents/s\n", wall.Round(time.Millisecond), n/wall.Seconds(), mb/wall.Seconds(), float64(len(arts)*rounds)/wall.Seconds())
	if cpu > 0 {
		fmt.Fprintf(e.stdout, "               cpu %v: %.0f sentences/cpu-s (adds meetings, quotes, measures, issues and the annotations' JSON)\n", cpu.Round(time.Millisecond), n/cpu.Seconds())
	}
	fmt.Fprintf(e.stdout, "events         %d (%.2f per sentence)\n", events, float64(events)/n)
	fmt.Fprintf(e.stdout, "allocations    %.0f per sentence, %.1f KB per sentence (full analysis)\n", float64(ms1.Mallocs-ms0.Mallocs)/n, float64(ms1.TotalAlloc-ms0.TotalAlloc)/n/1024)
	fmt.Fprintf(e.stdout, "peak RSS       %.0f MB\n", float64(maxRSS())/(1<<20))
	return nil
}

// processCPU returns the CPU time the process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// maxRSS returns the peak resident set size in bytes.
func maxRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss * 1024 // Linux reports kilobytes
}
