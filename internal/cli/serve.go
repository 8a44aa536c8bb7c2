package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/parleyproject/parley/internal/api"
	"github.com/parleyproject/parley/internal/store"
	"github.com/parleyproject/parley/internal/web"
)

func runServe(e *env, args []string) error {
	fs := e.newFlagSet("serve", "")
	db := fs.String("db", "", "database file (default $PARLEY_DB, else ./parley.db)")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("write-token", "", "enable POST /api/v1/documents for this bearer token (default $PARLEY_WRITE_TOKEN; read-only when empty)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "parley serve: unexpected argument %q\n", rest[0])
		fs.Usage()
		return exitError{2}
	}
	if *token == "" {
		*token = e.getenv("PARLEY_WRITE_TOKEN")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return e.serve(ctx, e.dbPath(*db), *addr, *token)
}

// serve opens the database and serves it on addr until ctx ends.
func (e *env) serve(ctx context.Context, dbPath, addr, token string) error {
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	h, err := newServer(st, token, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	mode := "read-only"
	if token != "" {
		mode = "writes enabled with the token"
	}
	fmt.Fprintf(e.stdout, "parley: serving %s at http://%s/ (%s; Ctrl-C stops)\n", dbPath, ln.Addr(), mode)
	return serveUntilDone(ctx, srv, ln)
}

// serveUntilDone serves on ln until ctx ends, then shuts srv down,
// letting requests in flight finish for up to ten seconds.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving: %w", err)
	}
	return nil
}

// newServer composes the API and the pages on one mux behind the common
// middleware.
func newServer(st *store.Store, writeToken string, log *slog.Logger) (http.Handler, error) {
	mux := http.NewServeMux()
	a, err := api.New(st, api.Options{WriteToken: writeToken, Logger: log})
	if err != nil {
		return nil, err
	}
	a.Register(mux)
	w, err := web.New(st, web.Options{Logger: log})
	if err != nil {
		return nil, err
	}
	w.Register(mux)
	return secureHeaders(recoverPanics(mux, log)), nil
}

// secureHeaders sets headers every response should carry: no MIME
// sniffing, no framing, no inline scripts or foreign resources.
func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a panic in a handler into a logged 500 instead of a
// dropped connection.
func recoverPanics(next http.Handler, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", v)
				http.Error(w, "internal server error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
