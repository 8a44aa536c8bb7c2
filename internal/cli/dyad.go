package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/parleyproject/parley/internal/store"
)

func runDyad(e *env, args []string) error {
	fs := e.newFlagSet("dyad", "A B")
	db := fs.String("db", "", "database file (default $PARLEY_DB, else ./parley.db)")
	var since dateFlag
	fs.Var(&since, "since", "only facts on or after `YYYY-MM-DD` (undated ones by publication date)")
	statements := fs.Int("statements", 5, "latest statements to show per side")
	asJSON := fs.Bool("json", false, "print the record as JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		fs.Usage()
		return exitError{2}
	}
	ctx := context.Background()
	st, err := e.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := st.Relation(ctx, store.RelationFilter{A: pos[0], B: pos[1], Since: since.t, Statements: *statements})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, d)
	}
	return writeDyad(e.stdout, d, since.String())
}

// writeDyad prints the relationship at a glance: contacts, open issues,
// the measures ledger with what each answers, latest statements and the
// monthly trend.
func writeDyad(w io.Writer, d *store.Relation, since string) error {
	head := d.A + " – " + d.B
	if since != "" {
		head += "  (since " + since + ")"
	}
	fmt.Fprintln(w, head)

	fmt.Fprintf(w, "\nCONTACTS (%d)\n", len(d.Contacts))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if len(d.Contacts) > 0 {
		fmt.Fprintln(tw, "DATE\tKIND\tPLACE\tPARTICIPANTS\tOUTCOMES")
	}
	for _, m := range d.Contacts {
		date := m.DatePrecision
		if m.Date != nil {
			date = *m.Date
		}
		place := m.Place
		if m.Country != "" {
			place = strings.TrimPrefix(place+", "+m.Country, ", ")
		}
		var ps []string
		for _, p := range m.Participants {
			s := p.Name + " (" + p.Country
			if p.Role != "" {
				s += ", " + p.Role
			}
			ps = append(ps, s+")")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", orDash(date), orDash(m.Kind), orDash(place),
			orDash(clip(strings.Join(ps, "; "), 70)), orDash(clip(strings.Join(m.Outcomes, "; "), 60)))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintf(w, "\nISSUES (%d)\n", len(d.Issues))
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if len(d.Issues) > 0 {
		fmt.Fprintln(tw, "TOPIC\tSTATUS\tAS OF\tUPDATES\tHISTORY")
	}
	for _, is := range d.Issues {
		var hist []string
		for _, u := range is.Updates {
			hist = append(hist, u.Status)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", is.Topic, is.Status, orDash(is.Date), len(is.Updates), clip(strings.Join(hist, " → "), 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintf(w, "\nMEASURES (%d)\n", len(d.Measures))
	num := map[string]int{}
	for i, m := range d.Measures {
		num[m.ID] = i + 1
	}
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if len(d.Measures) > 0 {
		fmt.Fprintln(tw, "#\tDATE\tBY\tAGAINST\tKIND\tSIZE\tANSWERS\tREPORTS\tTEXT")
	}
	for i, m := range d.Measures {
		date := m.Period
		if m.Date != nil {
			date = *m.Date
		}
		arrow := m.By + "\t" + m.Against
		if m.Reciprocal {
			arrow = m.By + " ↔\t" + m.Against
		}
		kind := m.Kind
		if m.Reversal {
			kind = "reversal of " + kind
		}
		answers := "-"
		if n, ok := num[m.InResponseTo]; ok {
			answers = "#" + strconv.Itoa(n)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", i+1, orDash(date), arrow, kind, orDash(m.Size), answers, m.Reports, clip(m.Evidence.Trigger, 50))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintf(w, "\nSTATEMENTS (%d)\n", len(d.Statements))
	for _, q := range d.Statements {
		who := q.Speaker.Name
		if q.Speaker.Title != "" && !strings.Contains(who, q.Speaker.Title) {
			who += ", " + q.Speaker.Title
		}
		fmt.Fprintf(w, "  %s  %s  %s %s: “%s”\n", orDash(q.Speaker.Country), orDash(q.Published), who, q.Cue, clip(q.Text, 100))
	}

	fmt.Fprintf(w, "\nTREND (%d months)\n", len(d.Trend))
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if len(d.Trend) > 0 {
		fmt.Fprintln(tw, "MONTH\tEVENTS\tGOLDSTEIN\tPLOVER\tCOOPERATION\tCONFLICT")
	}
	for _, m := range d.Trend {
		fmt.Fprintf(tw, "%s\t%d\t%+.2f\t%+.2f\t%d\t%d\n", m.Month, m.Events, m.Goldstein, m.PLOVERScore, m.Cooperation, m.Conflict)
	}
	return tw.Flush()
}
