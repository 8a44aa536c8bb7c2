package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/entity"
	"github.com/parleyproject/parley/internal/eval"
	"github.com/parleyproject/parley/internal/ingest"
	"github.com/parleyproject/parley/internal/pipeline"
	"github.com/parleyproject/parley/internal/record"
)

// lexiconFlag registers --lexicon on fs: a directory of the user's own
// lexicon files that extend the embedded ones.
func lexiconFlag(fs *flag.FlagSet) *string {
	return fs.String("lexicon", "", "directory of extra lexicon and pattern files (default $PARLEY_LEXICON)")
}

// pipeline returns the analysis pipeline, with the user's lexicon
// directory when one is given by flag or $PARLEY_LEXICON.
func (e *env) pipeline(lexDir string) (*pipeline.Pipeline, error) {
	if lexDir == "" {
		lexDir = e.getenv("PARLEY_LEXICON")
	}
	if lexDir == "" {
		return pipeline.Load(nil)
	}
	if _, err := os.Stat(lexDir); err != nil {
		return nil, fmt.Errorf("lexicon directory: %w", err)
	}
	return pipeline.Load(os.DirFS(lexDir))
}

// extractor returns the coder as eval needs it.
func (e *env) extractor() (eval.Extractor, error) {
	p, err := e.pipeline("")
	if err != nil {
		return nil, err
	}
	return func(a *article.Article) *record.Document { return p.Analyze(a).Record }, nil
}

// inputFlags registers the metadata flags for a single plain-text input.
type inputFlags struct {
	published, url, title *string
}

func addInputFlags(fs *flag.FlagSet) inputFlags {
	return inputFlags{
		published: fs.String("published", "", "publication date YYYY-MM-DD of a single plain-text input"),
		url:       fs.String("url", "", "URL of a single plain-text input"),
		title:     fs.String("title", "", "title of a single plain-text input"),
	}
}

func (f inputFlags) options() (ingest.Options, error) {
	o := ingest.Options{URL: *f.url, Title: *f.title}
	if *f.published != "" {
		t, err := time.Parse(time.DateOnly, *f.published)
		if err != nil {
			return o, fmt.Errorf("--published %q: want YYYY-MM-DD", *f.published)
		}
		o.Published = t
	}
	return o, nil
}

// runExtract is `parley extract`: any input in, one SPEC §3 record per
// document out; nothing is stored.
func runExtract(e *env, args []string) error {
	fs := e.newFlagSet("extract", "INPUT... | -")
	format := fs.String("format", "jsonl", "output format: jsonl or table")
	lexDir := lexiconFlag(fs)
	inf := addInputFlags(fs)
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return exitError{2}
	}
	if *format != "jsonl" && *format != "table" {
		return fmt.Errorf("--format %q: want jsonl or table", *format)
	}
	opts, err := inf.options()
	if err != nil {
		return err
	}
	p, err := e.pipeline(*lexDir)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	rejected := 0
	err = ingest.Read(context.Background(), paths, e.stdin, opts, func(a *article.Article, rerr error) error {
		if rerr != nil {
			rejected++
			fmt.Fprintln(e.stderr, "rejected:", rerr)
			return nil
		}
		res := p.Analyze(a)
		for _, w := range res.Warnings {
			fmt.Fprintf(e.stderr, "warning: %s: %s\n", a.Origin, w)
		}
		rec := res.Record
		if *format == "jsonl" {
			return enc.Encode(rec)
		}
		return writeRecordTable(w, rec)
	})
	if err != nil {
		return err
	}
	if rejected > 0 {
		fmt.Fprintf(e.stderr, "extract: %d input(s) rejected\n", rejected)
	}
	return nil
}

func writeRecordTable(w *bufio.Writer, rec *record.Document) error {
	fmt.Fprintf(w, "# %s  %s  %s\n", rec.ID, rec.Published, rec.Title)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SENT\tDATE\tSOURCE\tTARGET\tCAMEO\tPLOVER\tSTATUS\tTRIGGER")
	for _, ev := range rec.Events {
		date := ev.Period
		if ev.Date != nil {
			date = *ev.Date
		}
		if date == "" {
			date = "-"
		}
		arrow := ""
		if ev.Reciprocal {
			arrow = "<>"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s%s\t%s\t%s\t%s\t%s\t%s\n", ev.Evidence.Sentence, date,
			actorCode(ev.Source), arrow, actorCode(ev.Target), ev.CAMEO, ev.PLOVER.Event, ev.Status, ev.Evidence.Trigger)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return nil
}

// runAnnotate is `parley annotate`: the text layer of one input, printed.
func runAnnotate(e *env, args []string) error {
	fs := e.newFlagSet("annotate", "FILE | -")
	asJSON := fs.Bool("json", false, "print JSON")
	lexDir := lexiconFlag(fs)
	inf := addInputFlags(fs)
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return exitError{2}
	}
	opts, err := inf.options()
	if err != nil {
		return err
	}
	p, err := e.pipeline(*lexDir)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	var firstErr error
	err = ingest.Read(context.Background(), paths, e.stdin, opts, func(a *article.Article, rerr error) error {
		if rerr != nil {
			fmt.Fprintln(e.stderr, "rejected:", rerr)
			if firstErr == nil {
				firstErr = rerr
			}
			return nil
		}
		ann := p.Annotate(a)
		if *asJSON {
			return writeAnnotationsJSON(w, a, ann)
		}
		writeAnnotations(w, a, ann)
		return nil
	})
	if err != nil {
		return err
	}
	if firstErr != nil && errors.As(firstErr, new(*ingest.Error)) {
		return exitError{1}
	}
	return nil
}

type annotatedSentence struct {
	Index    int    `json:"index"`
	Para     int    `json:"para"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Headline bool   `json:"headline,omitempty"`
}

func writeAnnotationsJSON(w *bufio.Writer, a *article.Article, ann *entity.Annotations) error {
	out := struct {
		ID        string              `json:"id"`
		Title     string              `json:"title"`
		Published string              `json:"published"`
		Sentences []annotatedSentence `json:"sentences"`
		*entity.Annotations
	}{ID: a.ID, Title: a.Title, Published: a.PublishedDate(), Annotations: ann}
	for _, s := range ann.Sentences {
		out.Sentences = append(out.Sentences, annotatedSentence{s.Index, s.Para, s.Start, s.End, s.Text, s.Headline})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func writeAnnotations(w *bufio.Writer, a *article.Article, ann *entity.Annotations) {
	fmt.Fprintf(w, "# %s\n# id %s  published %s  source %s\n", a.Title, a.ID, orDash(a.PublishedDate()), orDash(a.Source))
	fmt.Fprintf(w, "# parties %s %s\n\n", orDash(ann.Parties[0]), orDash(ann.Parties[1]))
	for _, s := range ann.Sentences {
		mark := ""
		if s.Headline {
			mark = " (headline)"
		}
		fmt.Fprintf(w, "[%d] %s%s\n", s.Index, s.Text, mark)
		for _, m := range ann.SentenceMentions(s.Index) {
			who := m.Actor.Code()
			if m.Kind == entity.Collective {
				var cs []string
				for _, mb := range m.Members {
					cs = append(cs, mb.Country)
				}
				who = strings.Join(cs, "+")
			}
			extra := ""
			if m.Actor.Name != "" {
				extra += " name=" + quoteIfSpace(m.Actor.Name)
			}
			if m.Actor.Title != "" {
				extra += " title=" + quoteIfSpace(m.Actor.Title)
			}
			if m.Actor.Former {
				extra += " former"
			}
			fmt.Fprintf(w, "    actor %d:%d %q %s %s via %s%s\n", m.Start, m.End, m.Text, m.Kind, who, m.How, extra)
		}
		for _, d := range ann.SentenceDates(s.Index) {
			fmt.Fprintf(w, "    date  %d:%d %q %s (%s)\n", d.Start, d.End, d.Text, orDash(d.Format()), d.Precision)
		}
		for _, pl := range ann.SentencePlaces(s.Index) {
			fmt.Fprintf(w, "    place %d:%d %q %s %s %.2f,%.2f\n", pl.Start, pl.End, pl.Text, pl.Name, pl.Country, pl.Lat, pl.Lon)
		}
	}
	fmt.Fprintln(w)
}

func quoteIfSpace(s string) string {
	if strings.ContainsAny(s, " \t") {
		return fmt.Sprintf("%q", s)
	}
	return s
}
