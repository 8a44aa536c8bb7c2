package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
)

var postgresDialect = dialect{
	name:   "postgres",
	rebind: rebindDollar,
	// Two processes opening a new database at once take turns.
	lockMigrations: "SELECT pg_advisory_xact_lock(7306157)",
	search: func(terms []searchTerm) (from, order string, args []any) {
		expr, args := tsQuery(terms)
		return "documents d, (SELECT " + expr + ") AS q(q) WHERE d.search @@ q.q",
			"ts_rank(d.search, q.q) DESC", args
	},
}

// IsPostgres reports whether dsn names a PostgreSQL database (a
// postgres:// or postgresql:// URL) rather than a SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// openPostgres connects to the PostgreSQL database named by a postgres://
// URL.
func openPostgres(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening PostgreSQL database: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close() // the ping error is the one to report
		return nil, fmt.Errorf("connecting to PostgreSQL: %w", err)
	}
	return db, nil
}

// rebindDollar rewrites "?" placeholders as $1, $2, … leaving string
// literals and quoted identifiers alone.
func rebindDollar(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	var quote byte
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
