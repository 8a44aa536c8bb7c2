// Package store keeps parley's documents and everything found in them in a
// SQL database: the articles with a full-text index, and their events,
// meetings, quotes and measures, each row beside the JSON of its record.
//
// A *Store is opened with Open, which applies pending migrations, and is
// safe for concurrent use by multiple goroutines. SQLite (a file path) is
// the default database; the schema lives in migrations/*.sql.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
)

// ErrNotFound is returned when a requested document does not exist.
var ErrNotFound = errors.New("store: not found")

// ErrAmbiguous is returned when an id prefix names more than one document.
var ErrAmbiguous = errors.New("store: ambiguous id prefix")

// ErrSchemaTooNew is returned by Open when the database was migrated by a
// newer parley than this one.
var ErrSchemaTooNew = errors.New("store: database schema is newer than this parley")

// Store is a parley database. It is safe for concurrent use.
type Store struct {
	db      *sql.DB
	dialect dialect
	// version is the schema version after Open's migrations.
	version int

	// stmts caches the prepared write statements by query text, so a
	// batch of saves parses each statement once per connection.
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// dialect holds what differs between database engines.
type dialect struct {
	// name selects the migration files: "sqlite" or "postgres".
	name string
	// rebind rewrites a query written with "?" placeholders for the engine.
	rebind func(string) string
	// lockMigrations, when set, runs first in each migration transaction
	// to serialize migrations across processes.
	lockMigrations string
	// search returns the FROM clause (with the match condition) and the
	// ORDER BY of a full-text search for terms, and its arguments, which
	// precede all others in the query.
	search func(terms []searchTerm) (from, order string, args []any)
}

// Open opens the database named by dsn and brings its schema up to date.
// A dsn is a file path for SQLite (created when missing) or a
// postgres:// URL for PostgreSQL. Open refuses a database whose schema is
// newer than this binary (ErrSchemaTooNew).
func Open(ctx context.Context, dsn string) (*Store, error) {
	if strings.TrimSpace(dsn) == "" {
		return nil, errors.New("opening database: empty location")
	}
	var (
		db  *sql.DB
		err error
		s   *Store
	)
	if IsPostgres(dsn) {
		db, err = openPostgres(ctx, dsn)
		s = &Store{db: db, dialect: postgresDialect}
	} else {
		db, err = openSQLite(ctx, dsn)
		s = &Store{db: db, dialect: sqliteDialect}
	}
	if err != nil {
		return nil, err
	}
	v, err := s.migrate(ctx)
	if err != nil {
		_ = db.Close() // the migration error is the one to report
		return nil, fmt.Errorf("migrating %s: %w", redact(dsn), err)
	}
	s.version = v
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.mu.Lock()
	var errs []error
	for _, st := range s.stmts {
		errs = append(errs, st.Close())
	}
	s.stmts = nil
	s.mu.Unlock()
	errs = append(errs, s.db.Close())
	return errors.Join(errs...)
}

// txStmt returns query (with "?" placeholders) prepared for tx, from the
// statement cache.
func (s *Store) txStmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	query = s.q(query)
	s.mu.Lock()
	st, ok := s.stmts[query]
	if !ok {
		var err error
		if st, err = s.db.PrepareContext(ctx, query); err != nil {
			s.mu.Unlock()
			return nil, err
		}
		if s.stmts == nil {
			s.stmts = make(map[string]*sql.Stmt)
		}
		s.stmts[query] = st
	}
	s.mu.Unlock()
	return tx.StmtContext(ctx, st), nil
}

// txExec executes query (with "?" placeholders) in tx through the
// statement cache.
func (s *Store) txExec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	st, err := s.txStmt(ctx, tx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// Version returns the schema version of the open database.
func (s *Store) Version() int { return s.version }

// DB returns the underlying database handle, for maintenance commands and
// tests (integrity checks). Callers must not change the schema through it.
func (s *Store) DB() *sql.DB { return s.db }

func (s *Store) q(query string) string { return s.dialect.rebind(query) }

// Dialect returns the database engine: "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect.name }

// redact hides the password of a postgres:// URL for error messages.
func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return u.String()
		}
	}
	return dsn
}

// Counts is the number of rows of each kind.
type Counts struct {
	Documents int `json:"documents"`
	Events    int `json:"events"`
	Meetings  int `json:"meetings"`
	Quotes    int `json:"quotes"`
	Measures  int `json:"measures"`
}

// Counts returns how many documents, events, meetings, quotes and measures
// the database holds.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM documents),
		(SELECT COUNT(*) FROM events),
		(SELECT COUNT(*) FROM meetings),
		(SELECT COUNT(*) FROM quotes),
		(SELECT COUNT(*) FROM measures)`).Scan(&c.Documents, &c.Events, &c.Meetings, &c.Quotes, &c.Measures)
	if err != nil {
		return Counts{}, fmt.Errorf("counting rows: %w", err)
	}
	return c, nil
}
