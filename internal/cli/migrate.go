package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/parleyproject/parley/internal/store"
)

func runMigrate(e *env, args []string) error {
	fs := e.newFlagSet("migrate", "")
	db := fs.String("db", "", "database file (default $PARLEY_DB, else ./parley.db)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	path := e.dbPath(*db)
	st, err := store.Open(context.Background(), path)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: schema version %d\n", path, st.Version())
	return st.Close()
}

// openExisting opens the database for a command that only reads it, so a
// mistyped path is an error instead of a new empty database.
func (e *env) openExisting(ctx context.Context, dbFlag string) (*store.Store, error) {
	path := e.dbPath(dbFlag)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) && !store.IsPostgres(path) {
		return nil, fmt.Errorf("no database at %s (run 'parley ingest' first, or set --db or PARLEY_DB)", path)
	}
	return store.Open(ctx, path)
}
