package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/parleyproject/parley/internal/record"
	"github.com/parleyproject/parley/internal/store"
)

// eventJSON is one element of 'parley events --json': a SPEC §3 event with
// the id of its document.
type eventJSON struct {
	DocID string `json:"doc_id"`
	record.Event
}

func runEvents(e *env, args []string) error {
	fs := e.newFlagSet("events", "")
	db := fs.String("db", "", "database file (default $PARLEY_DB, else ./parley.db)")
	dyad := fs.String("dyad", "", "events between two countries, either direction (`USA-RUS`)")
	actor := fs.String("actor", "", "events with this country or country+sector on either side (RUS, RUSGOV)")
	code := fs.String("code", "", "CAMEO event code (046)")
	root := fs.String("root", "", "CAMEO root code (04)")
	var from, to dateFlag
	fs.Var(&from, "from", "events on or after `YYYY-MM-DD`")
	fs.Var(&to, "to", "events on or before `YYYY-MM-DD`")
	status := fs.String("status", "", "event status (reported, proposed, planned, denied, hypothetical)")
	docID := fs.String("doc", "", "events of one document (id or unique prefix)")
	limit := fs.Int("limit", store.DefaultLimit, "at most this many events")
	asJSON := fs.Bool("json", false, "print a JSON array")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fs.Usage()
		return exitError{2}
	}
	f := store.EventFilter{Actor: *actor, Code: *code, Root: *root, From: from.t, To: to.t, Status: *status, Limit: *limit}
	if *dyad != "" {
		a, b, ok := strings.Cut(*dyad, "-")
		if !ok {
			a, b, ok = strings.Cut(*dyad, ",")
		}
		if !ok || strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
			return fmt.Errorf("--dyad %q: want two country codes like USA-RUS", *dyad)
		}
		f.Dyad = [2]string{a, b}
	}
	ctx := context.Background()
	st, err := e.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *docID != "" {
		d, err := st.Document(ctx, *docID)
		if err != nil {
			return err
		}
		f.DocID = d.ID
	}
	evs, err := st.Events(ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]eventJSON, len(evs))
		for i, ev := range evs {
			out[i] = eventJSON{DocID: ev.DocID, Event: ev.Event}
		}
		return writeJSON(e.stdout, out)
	}
	return writeEventTable(e.stdout, evs)
}

// writeEventTable prints events one per line: date, dyad, codes, status,
// trigger and the start of the sentence.
func writeEventTable(w io.Writer, evs []store.Event) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tSOURCE→TARGET\tCAMEO\tGOLDSTEIN\tSTATUS\tTRIGGER\tSENTENCE")
	for _, ev := range evs {
		date := ev.Period
		if ev.Date != nil {
			date = *ev.Date
		}
		arrow := "→"
		if ev.Reciprocal {
			arrow = "↔"
		}
		fmt.Fprintf(tw, "%s\t%s%s%s\t%s\t%s\t%s\t%s\t%s\n",
			orDash(date), actorCode(ev.Source), arrow, actorCode(ev.Target), orDash(ev.CAMEO),
			strconv.FormatFloat(ev.Goldstein, 'f', 1, 64), orDash(ev.Status), orDash(clip(ev.Evidence.Trigger, 24)),
			orDash(clip(ev.Evidence.Text, 60)))
	}
	return tw.Flush()
}

func actorCode(a *record.Actor) string {
	if a == nil || a.Code == "" {
		return "-"
	}
	return a.Code
}
