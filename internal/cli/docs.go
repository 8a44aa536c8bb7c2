package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/parleyproject/parley/internal/store"
)

func runDocs(e *env, args []string) error {
	fs := e.newFlagSet("docs", "")
	db := fs.String("db", "", "database file (default $PARLEY_DB, else ./parley.db)")
	var from, to dateFlag
	fs.Var(&from, "from", "published on or after `YYYY-MM-DD`")
	fs.Var(&to, "to", "published on or before `YYYY-MM-DD`")
	source := fs.String("source", "", "only documents from this outlet")
	q := fs.String("q", "", "full-text search: words, \"phrases\", prefix*")
	limit := fs.Int("limit", store.DefaultLimit, "at most this many documents")
	asJSON := fs.Bool("json", false, "print a JSON array")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fs.Usage()
		return exitError{2}
	}
	ctx := context.Background()
	st, err := e.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	docs, err := st.Documents(ctx, store.DocFilter{From: from.t, To: to.t, Source: *source, Query: *q, Limit: *limit})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, docs)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tSOURCE\tTITLE\tSENTENCES")
	for _, d := range docs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", d.ID, orDash(d.Published), orDash(clip(d.Source, 24)), orDash(clip(d.Title, 60)), d.Sentences)
	}
	return tw.Flush()
}

// dateFlag is a flag holding a YYYY-MM-DD day.
type dateFlag struct{ t time.Time }

func (d *dateFlag) String() string {
	if d == nil || d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d *dateFlag) Set(s string) error {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	d.t = t
	return nil
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// clip shortens s to at most n runes, marking the cut with "…", and puts it
// on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
