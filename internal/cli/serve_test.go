package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs serve on a free port until the test ends and returns
// its base URL and a function that stops it and returns serve's error.
func startServe(t *testing.T, token string) (base string, stop func() error) {
	t.Helper()
	var out, errOut syncBuffer
	e := &env{stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.serve(ctx, t.TempDir()+"/parley.db", "127.0.0.1:0", token) }()
	urlRE := regexp.MustCompile(`http://[0-9.:]+/`)
	deadline := time.Now().Add(10 * time.Second)
	for base == "" {
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve ended early: %v\n%s", err, errOut.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve printed no URL: %q", out.String())
		}
		base = urlRE.FindString(out.String())
		time.Sleep(10 * time.Millisecond)
	}
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(15 * time.Second):
				t.Fatal("serve did not shut down")
			}
		})
		return err
	}
	t.Cleanup(func() { _ = stop() })
	return base, stop
}

func TestServe(t *testing.T) {
	base, stop := startServe(t, "")
	tests := []struct {
		method, path string
		status       int
		ctype, want  string
	}{
		{"GET", "", 200, "text/html", "parley"},
		{"GET", "dyads/USA-RUS", 200, "text/html", "No dated events"},
		{"GET", "api/v1/dyads", 200, "application/json", `{"dyads":[]}`},
		{"GET", "api/v1/openapi.json", 200, "application/json", `"openapi":"3.1.0"`},
		{"POST", "api/v1/documents", 403, "application/json", `"read_only"`},
		{"PUT", "api/v1/events", 405, "application/json", `"method_not_allowed"`},
	}
	for _, tt := range tests {
		t.Run(tt.method+" /"+tt.path, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, base+tt.path, strings.NewReader(`{"text": "x"}`))
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.ctype) || !strings.Contains(string(body), tt.want) {
				t.Errorf("%d %q %.200s; want %d %s containing %q", resp.StatusCode, resp.Header.Get("Content-Type"), body, tt.status, tt.ctype, tt.want)
			}
			for _, h := range []string{"X-Content-Type-Options", "Content-Security-Policy", "X-Frame-Options"} {
				if resp.Header.Get(h) == "" {
					t.Errorf("response lacks %s", h)
				}
			}
		})
	}
	if err := stop(); err != nil {
		t.Errorf("graceful shutdown: %v", err)
	}
	if _, err := http.Get(base); err == nil {
		t.Errorf("server still answers after shutdown")
	}
}

// TestServeWrites ingests a document through the API of a server started
// with a write token and reads it back.
func TestServeWrites(t *testing.T) {
	base, _ := startServe(t, "tok")
	post := func(token string) int {
		req, _ := http.NewRequest("POST", base+"api/v1/documents", strings.NewReader(
			`{"id": "w1", "title": "Envoys meet", "published": "2025-03-10", "text": "Diplomats from the United States and Russia met in Geneva on Monday."}`))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := post(""); got != 401 {
		t.Errorf("POST without token: %d, want 401", got)
	}
	if got := post("tok"); got != 201 {
		t.Errorf("POST with token: %d, want 201", got)
	}
	resp, err := http.Get(base + "documents/w1")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Envoys meet") {
		t.Errorf("document page after POST: %d", resp.StatusCode)
	}
}

func TestServeFlags(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"serve", "--addr", "256.0.0.1:99999", "--db", "DBPATH"}, 1, "listening on 256.0.0.1:99999"},
		{[]string{"serve", "-h"}, 0, "-write-token"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			args := append([]string(nil), tt.args...)
			for i, a := range args {
				if a == "DBPATH" {
					args[i] = t.TempDir() + "/p.db"
				}
			}
			e := &env{stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
			if code := e.main(args); code != tt.code || !strings.Contains(errOut.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want %d containing %q", code, errOut.String(), tt.code, tt.want)
			}
		})
	}
}
