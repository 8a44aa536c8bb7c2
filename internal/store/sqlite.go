package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go, FTS5 built in)
)

// sqliteParams configure every SQLite connection: wait up to 10 s for a
// lock instead of failing, enforce foreign keys, write-ahead logging (readers
// never block the writer), fsync only at checkpoints (a crash of the process
// loses nothing committed; a power loss may lose the last transactions), and
// take the write lock at BEGIN so two writers never deadlock on an upgrade.
const sqliteParams = "_busy_timeout=10000&_foreign_keys=1&_journal_mode=WAL&_synchronous=NORMAL&_txlock=immediate"

var sqliteDialect = dialect{
	name:   "sqlite",
	rebind: func(q string) string { return q },
	search: func(terms []searchTerm) (from, order string, args []any) {
		return "documents_fts JOIN documents d ON d.seq = documents_fts.rowid WHERE documents_fts MATCH ?",
			"documents_fts.rank", []any{ftsQuery(terms)}
	},
}

// openSQLite opens the SQLite database file at path.
func openSQLite(ctx context.Context, path string) (*sql.DB, error) {
	name := path
	if strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") {
		// A URI keeps '?' and '#' in the file name from being read as
		// parameters.
		name = "file:" + (&url.URL{Path: strings.TrimPrefix(path, "file:")}).EscapedPath()
	}
	db, err := sql.Open("sqlite", name+"?"+sqliteParams)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close() // the ping error is the one to report
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	return db, nil
}
