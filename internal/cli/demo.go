package cli

import (
	"context"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/parleyproject/parley/examples"
	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/ingest"
	"github.com/parleyproject/parley/internal/pipeline"
	"github.com/parleyproject/parley/internal/store"
)

// runDemo is parley's main job on its embedded default: ingest the
// bundled sample corpus (and any extra inputs given) into the SQLite
// store, list what was stored, then serve it on the web until Ctrl-C.
func runDemo(e *env, args []string) error {
	fs := e.newFlagSet("demo", "[PATH...]")
	db := fs.String("db", "", "database file (default $PARLEY_DB, else ./parley.db)")
	addr := fs.String("addr", "127.0.0.1:8080", "address to serve on")
	noServe := fs.Bool("no-serve", false, "stop after ingesting and listing")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	path := e.dbPath(*db)
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	stats := pipeline.New().Run(ctx, sampleCorpus(ctx, e, paths), st, pipeline.RunOptions{})
	fmt.Fprintf(e.stderr, "sample corpus into %s: %s\n", path, summaryLine(stats))
	for _, r := range stats.Rejections {
		fmt.Fprintln(e.stderr, "rejected:", r)
	}
	if err := st.Close(); err != nil {
		return err
	}
	if err := runDocs(e, []string{"--db", path, "--limit", "100"}); err != nil {
		return err
	}
	if *noServe {
		return nil
	}
	fmt.Fprintf(e.stdout, "\nOpen http://%s/dyads/USA-RUS for the US–Russia relationship.\n", *addr)
	return e.serve(ctx, path, *addr, "")
}

// sampleCorpus yields the embedded sample corpus, then the extra paths.
func sampleCorpus(ctx context.Context, e *env, paths []string) iter.Seq2[*article.Article, error] {
	return func(yield func(*article.Article, error) bool) {
		var names []string
		err := fs.WalkDir(examples.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				names = append(names, p)
			}
			return err
		})
		if err != nil {
			yield(nil, fmt.Errorf("reading the embedded sample corpus: %w", err))
			return
		}
		sort.Strings(names)
		for _, name := range names {
			data, err := fs.ReadFile(examples.FS, name)
			if err != nil {
				if !yield(nil, fmt.Errorf("examples/%s: %w", name, err)) {
					return
				}
				continue
			}
			arts, errs := ingest.ReadBytes("examples/"+name, data, ingest.Options{})
			for _, a := range arts {
				if !yield(a, nil) {
					return
				}
			}
			for _, err := range errs {
				if !yield(nil, err) {
					return
				}
			}
		}
		if len(paths) > 0 {
			for a, err := range readInputs(ctx, paths, e, ingest.Options{}) {
				if !yield(a, err) {
					return
				}
			}
		}
	}
}
