package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// rootNames are short names of the CAMEO roots for the breakdown table.
var rootNames = map[string]string{
	"01": "statement", "02": "appeal", "03": "intent to cooperate", "04": "consult",
	"05": "diplomatic cooperation", "06": "material cooperation", "07": "aid", "08": "yield",
	"09": "investigate", "10": "demand", "11": "disapprove", "12": "reject",
	"13": "threaten", "14": "protest", "15": "force posture", "16": "reduce relations",
	"17": "coerce", "18": "assault", "19": "fight", "20": "mass violence",
}

// WriteText writes the report as text: a headline table, the breakdown by
// CAMEO root, one line per document and the errors. With verbose, each
// document's misses and false alarms follow, one per line:
//
//	MISS 04 USA<>RUS 046 | sentence
//	FALSE 01 RUS->USA 010 trigger | sentence
func (r *Report) WriteText(w io.Writer, verbose bool) error {
	ew := &errWriter{w: w}
	t := &r.Total
	ew.printf("parley eval %s: %d documents, %d gold events, %d predicted reported events (%d of other status ignored)\n\n",
		r.Dir, len(r.Docs), t.GoldEvents, t.Predicted, t.Ignored)

	tw := tabwriter.NewWriter(ew, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-13s\tP\tR\tF1\ttp\tfp\tfn\t\n", "")
	for _, row := range []struct {
		name string
		c    Counts
	}{
		{"events (root)", t.Events}, {"events (code)", t.Codes}, {"quotes", t.Quotes},
		{"meetings", t.Meetings}, {"participants", t.Participants},
	} {
		fmt.Fprintf(tw, "%-13s\t%s\t%s\t%s\t%d\t%d\t%d\t\n", row.name, pct(row.c.Precision()), pct(row.c.Recall()), pct(row.c.F1()), row.c.TP, row.c.FP, row.c.FN)
	}
	fmt.Fprintf(tw, "%-13s\t%s\t\t\t%d/%d\t\t\t\n", "dates", pct(t.Dates.Value()), t.Dates.Correct, t.Dates.Total)
	ew.err = firstErr(ew.err, tw.Flush())
	ew.printf("(dates: share of root-level matches whose date equals gold's)\n\n")

	if len(t.Roots) > 0 {
		tw = tabwriter.NewWriter(ew, 0, 8, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "%-26s\tP\tR\tF1\ttp\tfp\tfn\t\n", "root")
		for _, root := range sortedRoots(t.Roots) {
			c := t.Roots[root]
			fmt.Fprintf(tw, "%-26s\t%s\t%s\t%s\t%d\t%d\t%d\t\n", root+" "+rootNames[root], pct(c.Precision()), pct(c.Recall()), pct(c.F1()), c.TP, c.FP, c.FN)
		}
		ew.err = firstErr(ew.err, tw.Flush())
		ew.printf("\n")
	}

	tw = tabwriter.NewWriter(ew, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "document\tevents P/R/F1\tcodes F1\tdates\tquotes F1\tmeetings F1\tparticipants F1")
	for i := range r.Docs {
		d := &r.Docs[i]
		fmt.Fprintf(tw, "%s\t%s/%s/%s\t%s\t%d/%d\t%s\t%s\t%s\n", d.Name,
			pct(d.Events.Precision()), pct(d.Events.Recall()), pct(d.Events.F1()), pct(d.Codes.F1()),
			d.Dates.Correct, d.Dates.Total, pct(d.Quotes.F1()), pct(d.Meetings.F1()), pct(d.Participants.F1()))
	}
	ew.err = firstErr(ew.err, tw.Flush())

	if verbose {
		for i := range r.Docs {
			writeDetails(ew, &r.Docs[i])
		}
	}
	if len(r.Errors) > 0 {
		ew.printf("\nerrors:\n")
		for _, e := range r.Errors {
			ew.printf("  %s\n", e)
		}
	}
	return ew.err
}

func writeDetails(ew *errWriter, d *DocResult) {
	ew.printf("\n== %s (%s)\n", d.Name, d.ID)
	for _, e := range d.Misses {
		ew.printf("MISS %s %s %s | %s\n", e.Root, pair(e, true), e.Code, oneLine(e.Sentence))
	}
	for _, e := range d.FalseAlarms {
		ew.printf("FALSE %s %s %s %s | %s\n", e.Root, pair(e, false), e.Code, e.Trigger, oneLine(e.Sentence))
	}
	for _, e := range d.WrongCodes {
		ew.printf("CODE %s %s gold %s got %s | %s\n", e.Root, pair(e, true), e.Code, e.Got, oneLine(e.Sentence))
	}
	for _, e := range d.WrongDates {
		ew.printf("DATE %s %s %s gold %s got %s | %s\n", e.Root, pair(e, true), e.Code, dateText(e.Date), e.Got, oneLine(e.Sentence))
	}
	for _, q := range d.MissedQuotes {
		ew.printf("MISS QUOTE %s: %s\n", q.Speaker, oneLine(q.Text))
	}
	for _, q := range d.FalseQuotes {
		ew.printf("FALSE QUOTE %s: %s\n", q.Speaker, oneLine(q.Text))
	}
	for _, m := range d.MissedMeetings {
		ew.printf("MISS MEETING %s %s %s\n", dateText(m.Date), m.Country, m.Place)
	}
	for _, m := range d.FalseMeetings {
		ew.printf("FALSE MEETING %s %s %s\n", dateText(m.Date), m.Country, m.Place)
	}
	for _, p := range d.MissedParticipants {
		ew.printf("MISS PARTICIPANT %s\n", p)
	}
	for _, p := range d.FalseParticipants {
		ew.printf("FALSE PARTICIPANT %s\n", p)
	}
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("writing JSON report: %w", err)
	}
	return nil
}

// pair formats an event's actors: "USA->RUS", "USA<>RUS" for reciprocal
// events, "*" for a gold null target and "-" for a missing actor.
func pair(e EventItem, gold bool) string {
	src, tgt := e.Source, e.Target
	if src == "" {
		src = "-"
	}
	if tgt == "" {
		tgt = "-"
		if gold {
			tgt = "*"
		}
	}
	if e.Reciprocal {
		return src + "<>" + tgt
	}
	return src + "->" + tgt
}

func dateText(d *string) string {
	if d == nil {
		return "null"
	}
	return *d
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func pct(v float64, ok bool) string {
	if !ok {
		return "-"
	}
	return fmt.Sprintf("%.3f", v)
}

func firstErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// errWriter remembers the first write error so that report code can write
// line after line and check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) {
	fmt.Fprintf(e, format, args...)
}
