package cli

import (
	"fmt"
	"os"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/eval"
	"github.com/parleyproject/parley/internal/ingest"
)

// runEval scores the coder against a directory of inputs and gold files
// (SPEC §4–5). It exits 0 whenever scoring ran, however low the scores;
// problems with single files are listed in the report.
func runEval(e *env, args []string) error {
	fs := e.newFlagSet("eval", "DIR")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	verbose := fs.Bool("v", false, "list each document's misses and false alarms")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitError{2}
	}
	extract, err := e.extractor()
	if err != nil {
		return fmt.Errorf("setting up the coder: %w", err)
	}
	read := func(path string) ([]*article.Article, []error) {
		st, err := os.Stat(path)
		if err != nil {
			return nil, []error{err}
		}
		if st.Size() > ingest.DefaultMaxBytes {
			return nil, []error{fmt.Errorf("%s: %d bytes, more than the %d-byte limit", path, st.Size(), ingest.DefaultMaxBytes)}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, []error{err}
		}
		return ingest.ReadBytes(path, data, ingest.Options{})
	}
	rep, err := eval.Run(pos[0], extract, read)
	if err != nil {
		return err
	}
	if *asJSON {
		return rep.WriteJSON(e.stdout)
	}
	return rep.WriteText(e.stdout, *verbose)
}
