// Package cli is parley's composition root: it parses the command line,
// builds the configuration and wires the other packages into subcommands.
// It is the only package that reads flags and environment variables.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
)

// env is what a subcommand runs with: its standard streams and the
// process environment, passed in so that tests can run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

// command is one subcommand.
type command struct {
	summary string
	run     func(e *env, args []string) error
}

// commands lists every subcommand. Each lives in its own file.
func commands() map[string]command {
	return map[string]command{
		"version":  {"print the version", runVersion},
		"demo":     {"ingest the bundled sample corpus, list it and serve it (the README's main command)", runDemo},
		"bench":    {"measure the end-to-end coding rate on your data (default: the sample corpus)", runBench},
		"extract":  {"code documents and print their records (nothing stored)", runExtract},
		"annotate": {"print the sentences, actors, dates and places of a document", runAnnotate},
		"ingest":   {"read, analyze and store documents", runIngest},
		"docs":     {"list stored documents", runDocs},
		"show":     {"print a stored document", runShow},
		"events":   {"list stored events", runEvents},
		"dyad":     {"print the relationship of two states: contacts, issues, measures, statements, trend", runDyad},
		"migrate":  {"bring the database schema up to date", runMigrate},
		"serve":    {"serve the web pages and the JSON API", runServe},
		"eval":     {"score the coder against gold annotations", runEval},
		"lexicon":  {"check the lexicons (lexicon check [DIR])", runLexicon},
	}
}

// batchCommands are the commands that code documents in bulk.
var batchCommands = map[string]bool{"ingest": true, "extract": true, "bench": true, "demo": true, "eval": true}

// exitError carries an exit status out of a subcommand without printing.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// Main runs parley with the given arguments (without the program name) and
// returns the process exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	return e.main(args)
}

func (e *env) main(args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := cmds[args[0]]
	if ok && batchCommands[args[0]] && e.getenv("GOGC") == "" {
		// Coding is allocation-heavy and its live heap small (tens of
		// MB): trading some memory for fewer collections speeds batches
		// by about a quarter. A GOGC the user sets wins.
		debug.SetGCPercent(400)
	}
	if !ok {
		fmt.Fprintf(e.stderr, "parley: unknown command %q\n", args[0])
		usage(e.stderr, cmds)
		return 2
	}
	if err := c.run(e, args[1:]); err != nil {
		if x, ok := err.(exitError); ok {
			return x.code
		}
		if err == flag.ErrHelp {
			return 0
		}
		fmt.Fprintf(e.stderr, "parley %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: parley COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'parley COMMAND -h' for a command's flags.")
}

// parseFlags parses args with fs, allowing flags after positional
// arguments ("parley ingest a.txt --force"), and returns the positional
// arguments. "--" ends flag parsing.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// fs.Parse stopped at a positional argument or after "--".
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
		if len(args) == 0 {
			return pos, nil
		}
	}
}

// newFlagSet returns a FlagSet for a subcommand that writes its usage to
// e.stderr and returns errors instead of exiting.
func (e *env) newFlagSet(name, argsUsage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: parley %s [flags] %s\n", name, argsUsage)
		fs.PrintDefaults()
	}
	return fs
}

// dbPath returns the database location: the flag value when set, else
// $PARLEY_DB, else ./parley.db.
func (e *env) dbPath(flagValue string) string {
	if strings.TrimSpace(flagValue) != "" {
		return flagValue
	}
	if v := e.getenv("PARLEY_DB"); v != "" {
		return v
	}
	return "parley.db"
}
