package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/parleyproject/parley/internal/record"
	"github.com/parleyproject/parley/internal/store"
)

// showJSON is the JSON of 'parley show --json': the SPEC §3 document record
// with the stored text and ingest metadata added.
type showJSON struct {
	*record.Document
	Body        string   `json:"body"`
	Kind        string   `json:"kind"`
	Origin      string   `json:"origin"`
	Sentences   int      `json:"sentences"`
	ContentHash string   `json:"content_hash"`
	Warnings    []string `json:"warnings"`
	IngestedAt  string   `json:"ingested_at"`
	// Annotations is the text layer stored at ingest: actors, places and
	// dates with their spans (see 'parley annotate --json').
	Annotations json.RawMessage `json:"annotations,omitempty"`
}

func runShow(e *env, args []string) error {
	fs := e.newFlagSet("show", "ID")
	db := fs.String("db", "", "database file (default $PARLEY_DB, else ./parley.db)")
	asJSON := fs.Bool("json", false, "print the document record as JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitError{2}
	}
	ctx := context.Background()
	st, err := e.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := st.Document(ctx, pos[0])
	if err != nil {
		return err
	}
	if *asJSON {
		w := d.Warnings
		if w == nil {
			w = []string{}
		}
		return writeJSON(e.stdout, showJSON{
			Document: d.Record, Body: d.Body, Kind: d.Kind, Origin: d.Origin, Sentences: d.Sentences,
			ContentHash: d.ContentHash, Warnings: w, IngestedAt: d.IngestedAt.Format(time.RFC3339),
			Annotations: d.Annotations,
		})
	}
	out := e.stdout
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(out, "%-10s %s\n", name+":", value)
		}
	}
	field("id", d.ID)
	field("title", d.Title)
	field("published", d.Published)
	field("source", d.Source)
	field("url", d.URL)
	field("origin", strings.TrimSpace(d.Origin+" ("+d.Kind+")"))
	field("ingested", d.IngestedAt.Format(time.RFC3339))
	field("counts", fmt.Sprintf("%d sentences, %d events, %d meetings, %d quotes, %d measures",
		d.Sentences, len(d.Record.Events), len(d.Record.Meetings), len(d.Record.Quotes), len(d.Record.Measures)))
	for _, w := range d.Warnings {
		field("warning", w)
	}
	fmt.Fprintln(out)
	for i, p := range strings.Split(d.Body, "\n\n") {
		if i > 0 {
			fmt.Fprintln(out)
		}
		fmt.Fprintln(out, wrap(p, 78))
	}
	if len(d.Record.Events) > 0 {
		fmt.Fprintln(out, "\nevents:")
		evs := make([]store.Event, len(d.Record.Events))
		for i, ev := range d.Record.Events {
			evs[i] = store.Event{DocID: d.ID, Event: ev}
		}
		return writeEventTable(out, evs)
	}
	return nil
}

// wrap breaks a paragraph into lines of at most width runes, at spaces.
func wrap(p string, width int) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(p) {
		l := len([]rune(w))
		if i > 0 {
			if n+1+l > width {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += l
	}
	return b.String()
}
