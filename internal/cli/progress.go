package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/parleyproject/parley/internal/pipeline"
)

// progressInterval is the shortest time between two redraws of the
// progress line (at most five a second).
const progressInterval = 200 * time.Millisecond

// progress draws a one-line live status of a batch on a terminal.
type progress struct {
	w    io.Writer
	last time.Time
	// drawn is whether a line is on screen and must be cleared.
	drawn bool
}

// newProgress returns a progress line on w when w is a terminal, else nil:
// redirected output gets only the final summary.
func newProgress(w io.Writer) *progress {
	if !isTerminal(w) {
		return nil
	}
	return &progress{w: w}
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// update redraws the line with st unless it was drawn less than
// progressInterval ago. A nil progress does nothing.
func (p *progress) update(st pipeline.Stats) {
	if p == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < progressInterval {
		return
	}
	p.last = now
	fmt.Fprintf(p.w, "\r\x1b[K%s", statusLine(st))
	p.drawn = true
}

// clear removes the line. A nil progress does nothing.
func (p *progress) clear() {
	if p == nil || !p.drawn {
		return
	}
	fmt.Fprint(p.w, "\r\x1b[K")
	p.drawn = false
}

// statusLine is the text of the progress line.
func statusLine(st pipeline.Stats) string {
	return fmt.Sprintf("%d documents, %.0f docs/s: ingested %d, duplicates %d, rejected %d",
		st.Read, rate(st), st.Ingested, st.Duplicates, st.Rejected)
}

// summaryLine is the final report of a batch.
func summaryLine(st pipeline.Stats) string {
	return fmt.Sprintf("ingested %d, duplicates %d, rejected %d (in %.1fs, %.0f docs/s)",
		st.Ingested, st.Duplicates, st.Rejected, st.Elapsed.Seconds(), rate(st))
}

// rate is documents handled per second.
func rate(st pipeline.Stats) float64 {
	if st.Elapsed <= 0 {
		return 0
	}
	return float64(st.Read) / st.Elapsed.Seconds()
}
