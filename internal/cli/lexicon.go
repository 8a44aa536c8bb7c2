package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/parleyproject/parley/internal/cameo"
	"github.com/parleyproject/parley/internal/coder"
	"github.com/parleyproject/parley/internal/lexicon"
)

// runLexicon runs "parley lexicon check [DIR]": it checks the embedded
// lexicon, or DIR merged over it, and prints every problem as
// "file:line: message", exiting with status 1 if there is any.
func runLexicon(e *env, args []string) error {
	fs := e.newFlagSet("lexicon", "check [DIR]")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 || pos[0] != "check" || len(pos) > 2 {
		fs.Usage()
		return exitError{2}
	}
	var dir string
	if len(pos) == 2 {
		dir = pos[1]
		st, err := os.Stat(dir)
		if err != nil {
			return fmt.Errorf("checking lexicon: %w", err)
		}
		if !st.IsDir() {
			return fmt.Errorf("checking lexicon: %s is not a directory", dir)
		}
	}
	if dir == "" {
		err = lexicon.Check(nil)
	} else {
		err = lexicon.Check(os.DirFS(dir))
	}
	var list lexicon.ErrorList
	if err != nil && !errors.As(err, &list) {
		return err
	}
	// The event patterns too: format, and codes the CAMEO table knows.
	nrules, perr := checkPatterns(dir)
	var plist lexicon.ErrorList
	if perr != nil && !errors.As(perr, &plist) {
		return perr
	}
	list = append(list, plist...)
	if len(list) > 0 {
		err = list
	}
	switch {
	case err == nil:
	case errors.As(err, &list):
		for _, x := range list {
			// Files of DIR have bare names; the embedded
			// defaults' read "data/…".
			if dir != "" && x.File != "" && !strings.Contains(x.File, "/") {
				x.File = filepath.Join(dir, filepath.FromSlash(x.File))
			}
			fmt.Fprintln(e.stderr, x.Error())
		}
		fmt.Fprintf(e.stderr, "%d problems\n", len(list))
		return exitError{1}
	default:
		return err
	}
	l, err := lexicon.Default()
	if err != nil {
		return err
	}
	if dir != "" {
		user, err := lexicon.Load(os.DirFS(dir))
		if err != nil {
			return err
		}
		l = l.Merge(user)
	}
	fmt.Fprintf(e.stdout, "ok: %d countries, %d bodies, %d institutions, %d titles, %d offices, %d places, %d event patterns\n",
		len(l.Countries), len(l.Bodies), len(l.Institutions), len(l.Titles), len(l.Offices), len(l.Places), nrules)
	return nil
}

// checkPatterns loads the embedded event patterns and DIR/patterns/*.txt
// when dir is set, and compiles them against the CAMEO table. It returns
// the number of rules and every problem as a lexicon.ErrorList.
func checkPatterns(dir string) (int, error) {
	var all lexicon.ErrorList
	collect := func(err error) error {
		var l lexicon.ErrorList
		if errors.As(err, &l) {
			all = append(all, l...)
			return nil
		}
		return err
	}
	pats, err := lexicon.DefaultPatterns()
	if err := collect(err); err != nil {
		return 0, err
	}
	if dir != "" {
		up, err := lexicon.LoadPatterns(os.DirFS(dir), "patterns")
		if err := collect(err); err != nil {
			return 0, err
		}
		for i := range up.Rules {
			up.Rules[i].File = filepath.Join(dir, filepath.FromSlash(up.Rules[i].File))
		}
		for _, x := range all {
			if strings.HasPrefix(x.File, "patterns/") {
				x.File = filepath.Join(dir, filepath.FromSlash(x.File))
			}
		}
		pats.Rules = append(pats.Rules, up.Rules...)
		for k, v := range up.Verbs {
			pats.Verbs[k] = append(pats.Verbs[k], v...)
		}
	}
	codes, err := cameo.Load()
	if err != nil {
		return 0, err
	}
	if _, err := coder.New(pats, codes); err != nil {
		if err := collect(err); err != nil {
			return 0, err
		}
	}
	return len(pats.Rules), all.Err()
}
