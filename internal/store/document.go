package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/record"
)

// SaveDocument stores a, its record and its analysis in one transaction:
// the document row, its full-text entry and all its events, meetings,
// quotes and measures. sentences is the number of sentences in a.Body and
// annotations the JSON text layer (nil when none).
//
// When a document with the same id or the same body (content hash) is
// already stored, SaveDocument returns saved=false and changes nothing,
// unless force is set: then the stored copies are replaced, atomically.
// rec may be nil, which stores the document with no facts.
func (s *Store) SaveDocument(ctx context.Context, a *article.Article, rec *record.Document, sentences int, annotations []byte, force bool) (saved bool, err error) {
	if a == nil {
		return false, errors.New("saving document: nil article")
	}
	if a.ID == "" {
		return false, fmt.Errorf("saving document from %s: empty id", a.Origin)
	}
	if annotations != nil && !json.Valid(annotations) {
		return false, fmt.Errorf("saving document %s: annotations are not valid JSON", a.ID)
	}
	hash := article.ContentID(a.Body)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("saving document %s: %w", a.ID, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback() // the save error is the one to report
		}
	}()
	if force {
		// Children go with their document (ON DELETE CASCADE) and the
		// full-text entry with its trigger.
		if _, err := s.txExec(ctx, tx, `DELETE FROM documents WHERE id = ? OR content_hash = ?`, a.ID, hash); err != nil {
			return false, fmt.Errorf("saving document %s: replacing: %w", a.ID, err)
		}
	}
	inserted, err := s.insertDocument(ctx, tx, a, hash, sentences, annotations)
	if err != nil {
		return false, fmt.Errorf("saving document %s: %w", a.ID, err)
	}
	if !inserted {
		return false, tx.Rollback()
	}
	if rec != nil {
		if err := s.insertRecord(ctx, tx, a.ID, rec); err != nil {
			return false, fmt.Errorf("saving document %s: %w", a.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("saving document %s: committing: %w", a.ID, err)
	}
	return true, nil
}

// insertDocument inserts the document row unless one with the same id or
// content hash exists, and reports whether it did.
func (s *Store) insertDocument(ctx context.Context, tx *sql.Tx, a *article.Article, hash string, sentences int, annotations []byte) (bool, error) {
	var warnings, annot any
	if len(a.Warnings) > 0 {
		w, err := json.Marshal(a.Warnings)
		if err != nil {
			return false, fmt.Errorf("encoding warnings: %w", err)
		}
		warnings = string(w)
	}
	if len(annotations) > 0 {
		annot = string(annotations)
	}
	// ON CONFLICT DO NOTHING covers both unique keys (id, content_hash)
	// and, unlike a look-up first, holds under concurrent writers.
	res, err := s.txExec(ctx, tx, `INSERT INTO documents
		(id, url, title, source, published, kind, origin, body, sentence_count, content_hash, warnings, annotations, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING`,
		a.ID, a.URL, a.Title, a.Source, nullString(a.PublishedDate()), a.Kind, a.Origin, a.Body,
		sentences, hash, warnings, annot, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return false, fmt.Errorf("inserting document: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("inserting document: %w", err)
	}
	return n == 1, nil
}

func (s *Store) insertRecord(ctx context.Context, tx *sql.Tx, docID string, rec *record.Document) error {
	if len(rec.Events) > 0 {
		stmt, err := s.txStmt(ctx, tx, `INSERT INTO events
			(doc_id, ord, id, sentence, span_start, span_end,
			 source_code, source_country, source_sector, source_name,
			 target_code, target_country, target_sector, target_name,
			 reciprocal, cameo, cameo_root, quad_class, goldstein, plover_event, plover_mode,
			 status, date, date_precision, period,
			 location_name, location_country, location_lat, location_lon,
			 evidence_text, trigger_text, record)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return fmt.Errorf("preparing event insert: %w", err)
		}
		for i := range rec.Events {
			ev := &rec.Events[i]
			js, err := json.Marshal(ev)
			if err != nil {
				return fmt.Errorf("encoding event %d: %w", i, err)
			}
			var locName, locCountry, locLat, locLon any
			if l := ev.Location; l != nil {
				locName, locCountry, locLat, locLon = l.Name, l.Country, l.Lat, l.Lon
			}
			sc, sco, sse, sna := actorColumns(ev.Source)
			tc, tco, tse, tna := actorColumns(ev.Target)
			if _, err := stmt.ExecContext(ctx, docID, i, ev.ID, ev.Evidence.Sentence, ev.Evidence.Start, ev.Evidence.End,
				sc, sco, sse, sna, tc, tco, tse, tna,
				ev.Reciprocal, ev.CAMEO, ev.CAMEORoot, ev.QuadClass, ev.Goldstein, ev.PLOVER.Event, ev.PLOVER.Mode,
				ev.Status, nullStringPtr(ev.Date), ev.DatePrecision, ev.Period,
				locName, locCountry, locLat, locLon,
				ev.Evidence.Text, ev.Evidence.Trigger, string(js)); err != nil {
				return fmt.Errorf("inserting event %d: %w", i, err)
			}
		}
	}
	for i := range rec.Meetings {
		m := &rec.Meetings[i]
		js, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("encoding meeting %d: %w", i, err)
		}
		if _, err := s.txExec(ctx, tx, `INSERT INTO meetings
			(doc_id, ord, id, kind, date, date_precision, place, country, parties, record)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, i, m.ID, m.Kind, nullStringPtr(m.Date), m.DatePrecision, m.Place, m.Country,
			partyList(m.Parties), string(js)); err != nil {
			return fmt.Errorf("inserting meeting %d: %w", i, err)
		}
	}
	for i := range rec.Quotes {
		qu := &rec.Quotes[i]
		js, err := json.Marshal(qu)
		if err != nil {
			return fmt.Errorf("encoding quote %d: %w", i, err)
		}
		if _, err := s.txExec(ctx, tx, `INSERT INTO quotes
			(doc_id, ord, speaker_name, speaker_country, speaker_sector, sentence, record)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			docID, i, qu.Speaker.Name, qu.Speaker.Country, qu.Speaker.Sector, qu.Evidence.Sentence, string(js)); err != nil {
			return fmt.Errorf("inserting quote %d: %w", i, err)
		}
	}
	if err := s.insertIssues(ctx, tx, docID, rec.Issues); err != nil {
		return err
	}
	for i := range rec.Measures {
		m := &rec.Measures[i]
		js, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("encoding measure %d: %w", i, err)
		}
		if _, err := s.txExec(ctx, tx, `INSERT INTO measures
			(doc_id, ord, id, by_country, against_country, kind, reversal, date, date_precision, record)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, i, m.ID, m.By, m.Against, m.Kind, m.Reversal, nullStringPtr(m.Date), m.DatePrecision, string(js)); err != nil {
			return fmt.Errorf("inserting measure %d: %w", i, err)
		}
	}
	return nil
}

// actorColumns returns an actor's code, country, sector and name, all NULL
// for a missing actor.
func actorColumns(a *record.Actor) (code, country, sector, name any) {
	if a == nil {
		return nil, nil, nil, nil
	}
	return a.Code, a.Country, a.Sector, a.Name
}

// partyList encodes parties as ",A,B," (sorted, deduplicated), so a party
// filter is a LIKE '%,A,%' in any SQL dialect.
func partyList(parties []string) string {
	if len(parties) == 0 {
		return ""
	}
	p := append([]string(nil), parties...)
	sort.Strings(p)
	var b strings.Builder
	b.WriteByte(',')
	for i, x := range p {
		if x == "" || (i > 0 && x == p[i-1]) {
			continue
		}
		b.WriteString(x)
		b.WriteByte(',')
	}
	return b.String()
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullStringPtr(s *string) any {
	if s == nil || *s == "" {
		return nil
	}
	return *s
}

// HasDocument reports whether a document with the given id or content hash
// (article.ContentID of its body) is stored. An empty argument matches
// nothing.
func (s *Store) HasDocument(ctx context.Context, id, hash string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM documents WHERE id = ? OR content_hash = ?`),
		nonEmpty(id), nonEmpty(hash)).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("looking up document %s: %w", id, err)
	}
	return n > 0, nil
}

// nonEmpty turns "" into NULL, which equals nothing.
func nonEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// DocFilter selects documents. Zero fields do not filter.
type DocFilter struct {
	// From and To bound the publication date, inclusive (day precision).
	// Documents without a date are left out when either is set.
	From, To time.Time
	// Source is the outlet name, matched exactly.
	Source string
	// Query is full-text search over title and body: words (all must
	// occur, stemmed), "quoted phrases" and prefix* terms.
	Query string
	// Limit caps the number of results (0: 100); Offset skips that many.
	Limit, Offset int
}

// DocSummary is one line of a document listing.
type DocSummary struct {
	// ID is the document's stable id (article.Article.ID).
	ID string `json:"id"`
	// Published is the publication date, YYYY-MM-DD, or "" when unknown.
	Published string `json:"published"`
	// Source is the outlet name, if known.
	Source string `json:"source"`
	// Title is the headline, if known.
	Title string `json:"title"`
	// URL is the canonical URL, if known.
	URL string `json:"url"`
	// Sentences is the number of sentences in the body.
	Sentences int `json:"sentences"`
}

// DefaultLimit is the number of rows a listing returns when its filter
// sets no Limit.
const DefaultLimit = 100

// Documents lists the documents matching f, newest first; with a Query, the
// best matches first.
func (s *Store) Documents(ctx context.Context, f DocFilter) ([]DocSummary, error) {
	var where []string
	var args []any
	from := "documents d"
	// Undated documents last, in either engine's NULL ordering.
	order := "d.published IS NULL, d.published DESC, d.id"
	if strings.TrimSpace(f.Query) != "" {
		terms := parseSearch(f.Query)
		if len(terms) == 0 {
			return []DocSummary{}, nil
		}
		var rank string
		from, rank, args = s.dialect.search(terms)
		order = rank + ", " + order
	}
	if !f.From.IsZero() {
		where = append(where, "d.published >= ?")
		args = append(args, f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		where = append(where, "d.published <= ?")
		args = append(args, f.To.Format(time.DateOnly))
	}
	if f.Source != "" {
		where = append(where, "d.source = ?")
		args = append(args, f.Source)
	}
	query := "SELECT d.id, COALESCE(d.published, ''), d.source, d.title, d.url, d.sentence_count FROM " + from
	if len(where) > 0 {
		if strings.Contains(from, " WHERE ") {
			query += " AND "
		} else {
			query += " WHERE "
		}
		query += strings.Join(where, " AND ")
	}
	query += " ORDER BY " + order + " LIMIT ? OFFSET ?"
	args = append(args, limit(f.Limit), max(f.Offset, 0))
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("listing documents: %w", err)
	}
	defer rows.Close()
	out := []DocSummary{}
	for rows.Next() {
		var d DocSummary
		if err := rows.Scan(&d.ID, &d.Published, &d.Source, &d.Title, &d.URL, &d.Sentences); err != nil {
			return nil, fmt.Errorf("listing documents: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing documents: %w", err)
	}
	return out, nil
}

func limit(n int) int {
	if n <= 0 {
		return DefaultLimit
	}
	return n
}

// Doc is a stored document with its record.
type Doc struct {
	DocSummary
	// Kind is the input kind it was read from ("text", "html", "jsonl", …).
	Kind string
	// Origin is where it was read from ("path", "path:line", "-").
	Origin string
	// Body is the normalized text; evidence offsets point into it.
	Body string
	// ContentHash is article.ContentID(Body), the duplicate key.
	ContentHash string
	// Warnings are the degradations met while reading it, one line each.
	Warnings []string
	// Annotations is the stored JSON text layer, nil when none.
	Annotations json.RawMessage
	// IngestedAt is when it was stored (UTC, second precision).
	IngestedAt time.Time
	// Record is the document record rebuilt from the stored rows: its
	// metadata, events, meetings, quotes and measures in their original
	// order.
	Record *record.Document
}

// Document returns the document with the given id, or with the id that
// starts with it when exactly one does. It returns ErrNotFound when none
// matches and ErrAmbiguous when several do.
func (s *Store) Document(ctx context.Context, id string) (*Doc, error) {
	if id == "" {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	full, err := s.resolveID(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &Doc{}
	var warnings, annotations sql.NullString
	var ingested string
	err = s.db.QueryRowContext(ctx, s.q(`SELECT id, COALESCE(published, ''), source, title, url, sentence_count,
		kind, origin, body, content_hash, warnings, annotations, ingested_at
		FROM documents WHERE id = ?`), full).Scan(
		&d.ID, &d.Published, &d.Source, &d.Title, &d.URL, &d.Sentences,
		&d.Kind, &d.Origin, &d.Body, &d.ContentHash, &warnings, &annotations, &ingested)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading document %s: %w", full, err)
	}
	if warnings.Valid {
		if err := json.Unmarshal([]byte(warnings.String), &d.Warnings); err != nil {
			return nil, fmt.Errorf("reading document %s: decoding warnings: %w", full, err)
		}
	}
	if annotations.Valid {
		d.Annotations = json.RawMessage(annotations.String)
	}
	if t, err := time.Parse(time.RFC3339, ingested); err == nil {
		d.IngestedAt = t
	}
	d.Record = &record.Document{
		Format: record.Format, ID: d.ID, URL: d.URL, Title: d.Title, Published: d.Published, Source: d.Source,
		Events: []record.Event{}, Meetings: []record.Meeting{}, Quotes: []record.Quote{}, Measures: []record.Measure{},
	}
	if err := s.readChildren(ctx, d.ID, "events", func(data []byte) error {
		var ev record.Event
		err := json.Unmarshal(data, &ev)
		d.Record.Events = append(d.Record.Events, ev)
		return err
	}); err != nil {
		return nil, err
	}
	if err := s.readChildren(ctx, d.ID, "meetings", func(data []byte) error {
		var m record.Meeting
		err := json.Unmarshal(data, &m)
		d.Record.Meetings = append(d.Record.Meetings, m)
		return err
	}); err != nil {
		return nil, err
	}
	if err := s.readChildren(ctx, d.ID, "quotes", func(data []byte) error {
		var q record.Quote
		err := json.Unmarshal(data, &q)
		d.Record.Quotes = append(d.Record.Quotes, q)
		return err
	}); err != nil {
		return nil, err
	}
	if err := s.readChildren(ctx, d.ID, "measures", func(data []byte) error {
		var m record.Measure
		err := json.Unmarshal(data, &m)
		d.Record.Measures = append(d.Record.Measures, m)
		return err
	}); err != nil {
		return nil, err
	}
	issues, err := s.readIssues(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	d.Record.Issues = issues
	return d, nil
}

// resolveID returns the stored id equal to id, else the only one starting
// with it.
func (s *Store) resolveID(ctx context.Context, id string) (string, error) {
	var exact string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id FROM documents WHERE id = ?`), id).Scan(&exact)
	if err == nil {
		return exact, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("looking up document %s: %w", id, err)
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id FROM documents WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 2`),
		utf8.RuneCountInString(id), id)
	if err != nil {
		return "", fmt.Errorf("looking up document %s: %w", id, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var x string
		if err := rows.Scan(&x); err != nil {
			return "", fmt.Errorf("looking up document %s: %w", id, err)
		}
		ids = append(ids, x)
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("looking up document %s: %w", id, err)
	}
	switch len(ids) {
	case 0:
		return "", fmt.Errorf("document %q: %w", id, ErrNotFound)
	case 1:
		return ids[0], nil
	default:
		return "", fmt.Errorf("document %q matches %s…: %w", id, strings.Join(ids[:2], ", "), ErrAmbiguous)
	}
}

// readChildren calls fn with the JSON record of each row of table (one of
// events, meetings, quotes, measures) of document docID, in order.
func (s *Store) readChildren(ctx context.Context, docID, table string, fn func([]byte) error) error {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT record FROM `+table+` WHERE doc_id = ? ORDER BY ord`), docID)
	if err != nil {
		return fmt.Errorf("reading %s of document %s: %w", table, docID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return fmt.Errorf("reading %s of document %s: %w", table, docID, err)
		}
		if err := fn(data); err != nil {
			return fmt.Errorf("decoding %s of document %s: %w", table, docID, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading %s of document %s: %w", table, docID, err)
	}
	return nil
}
