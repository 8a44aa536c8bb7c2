package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

// migrationFiles holds the schema, one file per version and dialect:
// NNNN_name.DIALECT.sql. Files are append-only: never edit a released one,
// add the next number instead.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the migrations for the dialect in version order,
// checking that versions run 1, 2, 3… without gaps or repeats.
func migrations(dialect string) ([]migration, error) {
	paths, err := fs.Glob(migrationFiles, "migrations/*."+dialect+".sql")
	if err != nil {
		return nil, fmt.Errorf("listing migrations: %w", err)
	}
	var ms []migration
	for _, p := range paths {
		base := strings.TrimPrefix(p, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive version number", base)
		}
		data, err := migrationFiles.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("reading migration %s: %w", base, err)
		}
		ms = append(ms, migration{version: v, name: base, sql: string(data)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// LatestVersion returns the schema version this binary migrates to.
func LatestVersion() int {
	ms, err := migrations(sqliteDialect.name)
	if err != nil {
		return 0
	}
	return len(ms)
}

// migrate applies every pending migration, each in its own transaction
// together with its schema_version row, and returns the resulting version.
func (s *Store) migrate(ctx context.Context) (int, error) {
	ms, err := migrations(s.dialect.name)
	if err != nil {
		return 0, err
	}
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version    INTEGER PRIMARY KEY,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return 0, fmt.Errorf("creating schema_version: %w", err)
	}
	current, err := schemaVersion(ctx, s.db)
	if err != nil {
		return 0, err
	}
	if current > len(ms) {
		return 0, fmt.Errorf("%w: database is at version %d, this parley knows up to %d; use a newer parley",
			ErrSchemaTooNew, current, len(ms))
	}
	for _, m := range ms[current:] {
		if err := s.apply(ctx, m); err != nil {
			return 0, err
		}
		current = m.version
	}
	return current, nil
}

// apply runs one migration and records it in one transaction. It checks the
// version again inside the transaction, so that two processes opening a new
// database at once apply each migration once.
func (s *Store) apply(ctx context.Context, m migration) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("applying migration %s: %w", m.name, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback() // the migration error is the one to report
		}
	}()
	if s.dialect.lockMigrations != "" {
		if _, err := tx.ExecContext(ctx, s.dialect.lockMigrations); err != nil {
			return fmt.Errorf("locking for migration %s: %w", m.name, err)
		}
	}
	v, err := schemaVersion(ctx, tx)
	if err != nil {
		return err
	}
	if v >= m.version {
		return tx.Commit()
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("applying migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_version (version, applied_at) VALUES (?, ?)`),
		m.version, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("recording migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing migration %s: %w", m.name, err)
	}
	return nil
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func schemaVersion(ctx context.Context, q queryer) (int, error) {
	var v sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("reading schema version: %w", err)
	}
	return int(v.Int64), nil
}
