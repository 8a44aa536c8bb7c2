package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/ingest"
	"github.com/parleyproject/parley/internal/pipeline"
	"github.com/parleyproject/parley/internal/store"
)

// findChromium returns the browser to drive: $PARLEY_CHROMIUM, else
// Debian's /usr/bin/chromium, else the first of the usual names on $PATH.
func findChromium() string {
	if p := os.Getenv("PARLEY_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// sampleStore ingests the sample corpus: the repository's examples/ and,
// when present, the shared Istanbul talks article.
func sampleStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	paths := []string{filepath.Join("..", "..", "examples")}
	if shared := filepath.Join("..", "..", "..", "shared", "examples", "istanbul-talks.txt"); fileExists(shared) {
		paths = append(paths, shared)
	}
	p := pipeline.New()
	n := 0
	err = ingest.Read(ctx, paths, nil, ingest.Options{}, func(a *article.Article, err error) error {
		if err != nil {
			t.Logf("sample corpus: %v", err)
			return nil
		}
		res := p.Analyze(a)
		if _, err := st.SaveDocument(ctx, a, res.Record, res.Sentences, res.Annotations, false); err != nil {
			return err
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("the sample corpus is empty")
	}
	t.Logf("ingested %d sample documents from %s", n, strings.Join(paths, ", "))
	return st
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TestBrowser opens the USA–RUS dyad page of the sample corpus in a real
// headless Chromium, checks that the trend chart, the Istanbul contact
// and a quote are visible, follows a link to the evidence and saves
// screenshots ($PARLEY_ARTIFACTS, else a temporary directory). It skips
// when no browser is installed, except under CI=true, where that fails.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browser := findChromium()
	if browser == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Chromium found (CI=true requires it): install Debian's chromium package or set PARLEY_CHROMIUM")
		}
		t.Skip("no Chromium found: install Debian's chromium package (apt-get install -y chromium) or set PARLEY_CHROMIUM to run the browser test")
	}
	st := sampleStore(t)
	h, err := New(st, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	h.Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	artifacts := os.Getenv("PARLEY_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	} else if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1600),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	defer cancelCtx()
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	d := store.NewDyad("USA", "RUS")
	sum, err := st.DyadSummary(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("USA-RUS in the sample: %d events, %d meetings, %d quotes, %d measures", sum.Events, sum.Meetings, sum.Quotes, sum.Measures)

	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/dyads/USA-RUS"),
		chromedp.WaitVisible(css("#trend")),
		chromedp.WaitVisible(css("#timeline")),
	); err != nil {
		t.Fatalf("opening the dyad page: %v", err)
	}
	chartPaths := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#trend path.goldstein").length`))
	dots := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#trend circle.dot").length`))
	if chartPaths != 1 || dots == 0 {
		t.Errorf("trend chart has %d Goldstein paths and %d month dots; want a drawn line", chartPaths, dots)
	}
	timeline := run(t, ctx, chromedp.Text(css("#timeline")))
	if !strings.Contains(timeline, "Istanbul") {
		t.Errorf("contact timeline does not show Istanbul:\n%s", timeline)
	}
	if sum.Meetings > 0 {
		ok := run(t, ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll("#timeline li.meeting")].some(e =>
			e.textContent.includes("Istanbul") && e.getBoundingClientRect().height > 0)`))
		if !ok {
			t.Errorf("meeting records exist but no visible meeting on the timeline is in Istanbul")
		}
	} else {
		t.Log("the store has no USA-RUS meeting records (meeting extraction not in this build): checked the Istanbul event on the timeline")
	}
	if sum.Quotes > 0 {
		if err := chromedp.Do(ctx, chromedp.WaitVisible(css("#quotes .quote blockquote"))); err != nil {
			t.Errorf("quotes exist but none is visible: %v", err)
		}
		if quote := run(t, ctx, chromedp.Text(css("#quotes .quote blockquote"))); len(strings.TrimSpace(quote)) < 5 {
			t.Errorf("the first quote is empty: %q", quote)
		}
	} else {
		if none := run(t, ctx, chromedp.Text(css("#quotes"))); !strings.Contains(none, "No quotes") {
			t.Errorf("quotes section without quotes: %q", none)
		}
		t.Log("the store has no USA-RUS quotes (quote extraction not in this build): checked the empty quotes section")
	}
	dyadShot := filepath.Join(artifacts, "dyad-USA-RUS.png")
	screenshot(t, ctx, dyadShot)

	// Follow the first evidence link of the timeline to its sentence.
	href := run(t, ctx, chromedp.AttributeValue(css("#timeline a.evidence-link"), "href"))
	if err := chromedp.Do(ctx,
		chromedp.Click(css("#timeline a.evidence-link")),
		chromedp.WaitVisible(css("article.doc .body")),
	); err != nil {
		t.Fatalf("following the evidence link %q: %v", href.Value, err)
	}
	loc := run(t, ctx, chromedp.Location())
	if !strings.Contains(loc, "/documents/") || !strings.Contains(loc, "#s") {
		t.Errorf("evidence link %q led to %s", href.Value, loc)
	}
	target := run(t, ctx, chromedp.Evaluate[string](`(function(){ const e = document.querySelector(location.hash); return e ? e.textContent : ""; })()`))
	visible := run(t, ctx, chromedp.Evaluate[bool](`(function(){ const e = document.querySelector(location.hash); if (!e) return false; const r = e.getBoundingClientRect(); return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight; })()`))
	if target == "" || !visible {
		t.Errorf("the evidence sentence %s is missing or not scrolled into view (text %q)", loc, target)
	}
	docShot := filepath.Join(artifacts, "evidence.png")
	screenshot(t, ctx, docShot)
	t.Logf("screenshots: %s, %s", dyadShot, docShot)
}

// run runs a browser action that yields a value and fails the test on error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

func screenshot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot: %v", err)
		return
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Error(err)
	}
}
