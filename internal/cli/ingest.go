package cli

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"os/signal"
	"syscall"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/ingest"
	"github.com/parleyproject/parley/internal/pipeline"
	"github.com/parleyproject/parley/internal/store"
)

func runIngest(e *env, args []string) error {
	fs := e.newFlagSet("ingest", "PATH... | -")
	db := fs.String("db", "", "database file (default $PARLEY_DB, else ./parley.db)")
	force := fs.Bool("force", false, "analyze again and replace documents already stored")
	var published dateFlag
	fs.Var(&published, "published", "publication date of a single text input (`YYYY-MM-DD`)")
	url := fs.String("url", "", "canonical URL of a single text input")
	title := fs.String("title", "", "headline of a single text input")
	workers := fs.Int("workers", 0, "documents analyzed at once (default: number of CPUs)")
	lexDir := lexiconFlag(fs)
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fmt.Fprintln(e.stderr, "parley ingest: no input; give files, directories or - for standard input")
		fs.Usage()
		return exitError{2}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	p, err := e.pipeline(*lexDir)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, e.dbPath(*db))
	if err != nil {
		return err
	}
	defer st.Close()

	opts := ingest.Options{Published: published.t, URL: *url, Title: *title}
	prog := newProgress(e.stderr)
	stats := p.Run(ctx, readInputs(ctx, paths, e, opts), st, pipeline.RunOptions{
		Workers:  *workers,
		Force:    *force,
		Progress: prog.update,
	})
	prog.clear()
	fmt.Fprintln(e.stderr, summaryLine(stats))
	for _, r := range stats.Rejections {
		fmt.Fprintln(e.stderr, "rejected:", r)
	}
	for _, w := range stats.Warnings {
		fmt.Fprintln(e.stderr, "warning:", w)
	}
	if err := st.Close(); err != nil {
		return err
	}
	if ctx.Err() != nil {
		fmt.Fprintln(e.stderr, "parley ingest: interrupted; run it again to ingest the rest")
		return exitError{1}
	}
	return nil
}

// errStopReading tells ingest.Read that the batch wants no more documents.
var errStopReading = errors.New("stop reading")

// readInputs adapts ingest.Read to the sequence pipeline.Run consumes. An
// error that ends reading early (an unreadable directory) arrives as a
// last rejection.
func readInputs(ctx context.Context, paths []string, e *env, opts ingest.Options) iter.Seq2[*article.Article, error] {
	return func(yield func(*article.Article, error) bool) {
		err := ingest.Read(ctx, paths, e.stdin, opts, func(a *article.Article, err error) error {
			if !yield(a, err) {
				return errStopReading
			}
			return nil
		})
		if err != nil && !errors.Is(err, errStopReading) && ctx.Err() == nil {
			yield(nil, err)
		}
	}
}
