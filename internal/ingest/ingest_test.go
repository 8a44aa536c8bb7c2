package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parleyproject/parley/internal/article"
)

const istanbul = "/work/shared/examples/istanbul-talks.txt"

func TestIstanbulText(t *testing.T) {
	data, err := os.ReadFile(istanbul)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s not present", istanbul)
	}
	if err != nil {
		t.Fatal(err)
	}
	docs, errs := ReadBytes(istanbul, data, Options{})
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("ReadBytes = %d docs, errors %v; want 1 doc", len(docs), errs)
	}
	a := docs[0]
	checkBody(t, a.Body)
	if want := "US and Russian diplomats meet in Istanbul to discuss normalization of diplomatic relations"; a.Title != want {
		t.Errorf("Title = %q, want %q", a.Title, want)
	}
	if got := a.PublishedDate(); got != "2025-02-28" {
		t.Errorf("Published = %q, want 2025-02-28", got)
	}
	if a.Kind != "text" || a.ID != article.ContentID(a.Body) {
		t.Errorf("Kind, ID = %q, %q; want text and the content id", a.Kind, a.ID)
	}
	for _, clutter := range []string{"No Comments", "minute read", "pic.twitter.com", "@mfa_russia", "Leave a comment", "📹", "Europe, News, US"} {
		if strings.Contains(a.Body, clutter) {
			t.Errorf("body contains clutter %q", clutter)
		}
	}
	paras := strings.Split(a.Body, "\n\n")
	if !strings.HasPrefix(paras[0], "Diplomats from the United States and Russia met in Istanbul on February 27, 2025") {
		t.Errorf("first paragraph = %q", paras[0])
	}
	if last := paras[len(paras)-1]; !strings.HasPrefix(last, "Lavrov and Coulter are expected to brief") {
		t.Errorf("last paragraph = %q", last)
	}
	for _, sub := range []string{"Istanbul meeting", "Broader relations", "Ukraine and Europe on edge"} {
		found := false
		for _, p := range paras {
			found = found || p == sub
		}
		if !found {
			t.Errorf("subheading %q is not a paragraph of its own", sub)
		}
	}
	// The quote right above the embedded post survives.
	if !strings.Contains(a.Body, "spokesperson for the U.S. State Department said.") {
		t.Errorf("body lost the paragraph above the embedded post")
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"fold spaces", "  a \t b\u00a0 c  ", "a b c"},
		{"paragraph per line", "One.\nTwo.\n\n\nThree.", "One.\n\nTwo.\n\nThree."},
		{"crlf", "One.\r\nTwo.\r\n", "One.\n\nTwo."},
		{"old mac", "One.\rTwo.", "One.\n\nTwo."},
		{"nfc", "Zu\u0308rich", "Zürich"},
		{"curly quotes kept", "He said “no” and it’s over.", "He said “no” and it’s over."},
		{"controls removed", "a\x00b\x07c\u200bd\ufeffe\u00adf", "abcdef"},
		{"invalid utf-8", "a\xffb", "a\ufffdb"},
		{"paragraph separator", "One.\u2029Two.", "One.\n\nTwo."},
		{"wrapped", "The talks were held in Geneva on Monday and lasted\nfor six hours, a spokesperson for the mission\nsaid on Tuesday after the delegations had left.\n\nA second round is planned for next month, officials\nsaid, without giving a date for the next meeting.\n",
			"The talks were held in Geneva on Monday and lasted for six hours, a spokesperson for the mission said on Tuesday after the delegations had left.\n\nA second round is planned for next month, officials said, without giving a date for the next meeting."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			if got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Normalize(got); again != got {
				t.Errorf("Normalize is not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Europe, News, US February 28, 2025 No Comments", "2025-02-28"},
		{"28 February 2025", "2025-02-28"},
		{"Feb. 28, 2025", "2025-02-28"},
		{"Published: 2025-02-28T10:00:00Z", "2025-02-28"},
		{"Updated Sept. 3rd, 2024 at 10:02", "2024-09-03"},
		{"on the 1st of March, 2024", "2024-03-01"},
		{"Posted in Middle East | 25/05/2023 | 6 min read", "2023-05-25"},
		{"05/25/2023", "2023-05-25"},
		{"25.05.2023", "2023-05-25"},
		{"05/06/2023", ""}, // day and month cannot be told apart
		{"February 30, 2025", ""},
		{"no date here", ""},
		{"2025-13-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := findDate(tt.in)
			got := ""
			if ok {
				got = d.Format(time.DateOnly)
			}
			if got != tt.want {
				t.Errorf("findDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tue, 04 Apr 2023 16:05:00 +0300", "2023-04-04"},
		{"Tue, 4 Apr 2023 16:05:00 GMT", "2023-04-04"},
		{"Wed, 04 Apr 2023 16:05:00 +0300", "2023-04-04"}, // wrong weekday
		{"04 Apr 2023 16:05 UT", "2023-04-04"},
		{"2023-03-16T21:40:00+09:00", "2023-03-16"}, // the publisher's own day
		{"2023-03-16T23:59:59-05:00", "2023-03-16"},
		{"2023-03-16", "2023-03-16"},
		{"2023-03-16 08:00:00", "2023-03-16"},
		{"March 16, 2023", "2023-03-16"},
		{"last Tuesday", ""},
		{"0001-01-01T00:00:00Z", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := parseDate(tt.in)
			got := ""
			if ok {
				got = d.Format(time.DateOnly)
				if d.Location() != time.UTC || d.Hour() != 0 {
					t.Errorf("parseDate(%q) = %v, want UTC midnight", tt.in, d)
				}
			}
			if got != tt.want {
				t.Errorf("parseDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct{ name, head, ext, want string }{
		{"rss", `<?xml version="1.0"?><rss version="2.0">`, ".xml", "rss"},
		{"rss with comment", "\ufeff<?xml version=\"1.0\"?>\n<!-- generator -->\n<rss>", "", "rss"},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">`, "", "rss"},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom">`, ".txt", "atom"},
		{"doctype", "<!DOCTYPE html><html>", ".txt", "html"},
		{"html", "<html><body>", "", "html"},
		{"fragment", "<p>Talks resumed.</p>", "", "html"},
		{"other xml", `<?xml version="1.0"?><catalog><book/></catalog>`, "", "xml"},
		{"jsonl", `{"text": "x"}`, ".txt", "jsonl"},
		{"json array", `[{"text": "x"}]`, "", "jsonl"},
		{"text", "Talks resumed in Geneva.", ".html", "text"},
		{"brace text", "{Update} Talks resumed.\nMore text.", ".txt", "text"},
		{"jsonl named txt", "{\"text\": \"x\"}\n", ".txt", "jsonl"},
		{"bracket text", "[Updated] Talks resumed.", "", "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniff([]byte(tt.head), tt.ext); got != tt.want {
				t.Errorf("sniff(%q, %q) = %q, want %q", tt.head, tt.ext, got, tt.want)
			}
		})
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"Talks resume | The Harbour Times", "The Harbour Times", "Talks resume"},
		{"The Harbour Times - Talks resume", "The Harbour Times", "Talks resume"},
		{"Talks resume | World | Harbour", "", "Talks resume | World"},
		{"Talks resume - and stall", "Site", "Talks resume - and stall"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.title, tt.site); got != tt.want {
			t.Errorf("cleanTitle(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
		}
	}
}

// TestBadInput checks that each kind of bad input is rejected, or degraded
// with a warning, with a one-line reason.
func TestBadInput(t *testing.T) {
	latin1 := []byte("Ministers met in M\xfcnchen on Monday. The caf\xe9 was closed. Talks went on in Z\xfcrich and Gen\xe8ve.")
	tests := []struct {
		name    string
		file    string
		data    []byte
		opts    Options
		reject  string // substring of the rejection, "" when a document is expected
		warning string // substring of a warning on the document
	}{
		{"empty", "a.txt", nil, Options{}, "empty input", ""},
		{"blank", "a.txt", []byte(" \n\t\n"), Options{}, "empty input", ""},
		{"binary NUL", "a.txt", []byte("PK\x03\x04\x00\x00\x08\x00text"), Options{}, "binary file (contains NUL bytes)", ""},
		{"binary controls", "a", bytes.Repeat([]byte{1, 2, 3, 'a'}, 100), Options{}, "binary file (mostly control bytes)", ""},
		{"mostly invalid utf-8", "a.txt", bytes.Repeat([]byte{'a', 0xff, 0xfe}, 50), Options{}, "not UTF-8 text", ""},
		{"few invalid bytes", "a.txt", []byte("Ministers met on Monday \xff\xfe in Paris and agreed to meet again next week."), Options{}, "", "replaced 2 invalid UTF-8 bytes with U+FFFD"},
		{"latin-1 text", "a.txt", latin1, Options{}, "", "read as Windows-1252"},
		{"too big", "a.txt", bytes.Repeat([]byte("Talks. "), 100), Options{MaxBytes: 64}, "over the 64-byte limit", ""},
		{"clutter only", "a.txt", []byte("Advertisement\nShare this article\nLeave a comment\n"), Options{}, "no article text left after removing clutter", ""},
		{"html without text", "a.html", []byte("<html><head><title>x</title></head><body><nav>Home</nav><script>var a=1;</script></body></html>"), Options{}, "no article text found in HTML", ""},
		{"unknown xml", "a.xml", []byte(`<?xml version="1.0"?><catalog><book>x</book></catalog>`), Options{}, "not an RSS or Atom feed: root element <catalog>", ""},
		{"feed without items", "a.rss", []byte(`<rss><channel><title>x</title></channel></rss>`), Options{}, "feed has no items", ""},
		{"broken feed", "a.rss", []byte(`<rss><channel><item><title>x</title>`), Options{}, "feed is not well-formed XML", ""},
		{"bad feed date", "a.rss", []byte(`<rss><channel><item><description>Talks resumed.</description><pubDate>soon</pubDate></item></channel></rss>`), Options{}, "", `unreadable date "soon"`},
		{"jsonl long line", "a.jsonl", []byte(`{"text": "` + strings.Repeat("x", 200) + `"}`), Options{MaxBytes: 100}, "a.jsonl:1: line is longer than 100 bytes", ""},
		{"jsonl bad json", "a.jsonl", []byte("{\"text\": \"a\",}\n"), Options{}, "a.jsonl:1: invalid JSON", ""},
		{"jsonl no text", "a.jsonl", []byte("\n\n{\"title\": \"a\"}\n"), Options{}, `a.jsonl:3: record has no "text" or "html"`, ""},
		{"jsonl empty text", "a.jsonl", []byte(`{"text": " \u200b "}`), Options{}, "a.jsonl:1: text is empty", ""},
		{"jsonl bad date", "a.jsonl", []byte(`{"text": "Talks resumed.", "published": "31/02/2025"}`), Options{}, "", `unreadable published date "31/02/2025"`},
		{"html bad date", "a.html", []byte(`<html><head><meta property="article:published_time" content="yesterday"></head><body><article><p>Talks resumed in Geneva on Monday.</p></article></body></html>`), Options{}, "", `unreadable date in article:published_time "yesterday"`},
		{"utf-16", "a.txt", append([]byte{0xFF, 0xFE}, utf16le("Ministers met in Zürich on Monday.")...), Options{}, "", "decoded from UTF-16"},
		{"html in declared latin-1", "a.html", []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Talks in Z\xfcrich.</p></body></html>"), Options{}, "", ""},
		{"json array not records", "a.json", []byte(`[1, 2`), Options{}, "a.json: invalid JSON", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := ReadBytes(tt.file, tt.data, tt.opts)
			for _, err := range errs {
				var e *Error
				if !errors.As(err, &e) {
					t.Errorf("error %v is not an *Error", err)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("error %q is not one line", err)
				}
			}
			if tt.reject != "" {
				if len(errs) == 0 || !strings.Contains(errs[len(errs)-1].Error(), tt.reject) {
					t.Fatalf("ReadBytes(%s) errors = %v, want one containing %q", tt.name, errs, tt.reject)
				}
				if !strings.HasPrefix(errs[len(errs)-1].Error(), tt.file) {
					t.Errorf("error %q does not name the file", errs[len(errs)-1])
				}
				return
			}
			if len(errs) != 0 || len(docs) != 1 {
				t.Fatalf("ReadBytes(%s) = %d docs, errors %v; want 1 doc", tt.name, len(docs), errs)
			}
			checkBody(t, docs[0].Body)
			if strings.Contains(docs[0].Body, "\uFFFD") && !strings.Contains(tt.warning, "U+FFFD") {
				t.Errorf("body %q has replacement characters", docs[0].Body)
			}
			if !strings.Contains(strings.Join(docs[0].Warnings, "\n"), tt.warning) {
				t.Errorf("warnings = %q, want one containing %q", docs[0].Warnings, tt.warning)
			}
		})
	}
}

func TestOptions(t *testing.T) {
	day := time.Date(2025, 2, 28, 17, 30, 0, 0, time.FixedZone("X", 3*3600))
	opts := Options{Published: day, URL: "https://example.org/a", Title: "Talks in Istanbul"}
	docs, errs := ReadBytes("a.txt", []byte("Talks in Istanbul\nDiplomats met on Thursday.\n"), opts)
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("ReadBytes = %v, %v", docs, errs)
	}
	a := docs[0]
	want := article.Article{ID: article.ContentID("Diplomats met on Thursday."), URL: opts.URL, Title: opts.Title,
		Published: time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC), Body: "Diplomats met on Thursday.", Kind: "text", Origin: "a.txt"}
	if diff := cmp.Diff(want, *a); diff != "" {
		t.Errorf("ReadBytes with options mismatch (-want +got):\n%s", diff)
	}
	// The text's own date wins over --published.
	docs, _ = ReadBytes("b.txt", []byte("Talks in Istanbul\nPublished: March 3, 2025\nDiplomats met on Thursday.\n"), opts)
	if len(docs) != 1 || docs[0].PublishedDate() != "2025-03-03" {
		t.Errorf("own date: got %v", docs)
	}
}

// writeTree creates files under dir; content "" makes a directory.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"b.txt":              "Second story\nMinisters met in Rome on Friday.",
		"a.jsonl":            "{\"id\": \"j1\", \"text\": \"One.\"}\n{\"id\": \"j2\"}\n{\"id\": \"j3\", \"text\": \"Three.\"}\n",
		"a.gold.json":        `{"events": []}`,
		"README.md":          "# not an input",
		".hidden.txt":        "Hidden story.",
		".git/config.txt":    "Not read.",
		"sub/c.html":         "<html><body><article><p>Talks ended in Doha.</p></article></body></html>",
		"sub/noext":          "Plain story without extension.",
		"sub/image.png":      "\x89PNG",
		"sub/deeper/d.atom":  `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>e1</id><title>T</title><summary>Envoys met.</summary></entry></feed>`,
		"sub/deeper/bin.txt": "\x00\x01\x02",
	})
	var got []string
	err := Read(context.Background(), []string{dir}, nil, Options{Title: "ignored for directories"}, func(a *article.Article, err error) error {
		if err != nil {
			got = append(got, "error "+strings.TrimPrefix(err.Error(), dir+"/"))
			return nil
		}
		got = append(got, a.Kind+" "+strings.TrimPrefix(a.Origin, dir+"/")+" "+a.ID+" "+a.Title)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"jsonl a.jsonl:1 j1 ",
		`error a.jsonl:2: record has no "text" or "html"`,
		"jsonl a.jsonl:3 j3 ",
		"text b.txt " + article.ContentID("Ministers met in Rome on Friday.") + " Second story",
		"html sub/c.html " + article.ContentID("Talks ended in Doha.") + " ",
		"error sub/deeper/bin.txt: binary file (contains NUL bytes)",
		"atom sub/deeper/d.atom#1 e1 T",
		"text sub/noext " + article.ContentID("Plain story without extension.") + " ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Read(dir) mismatch (-want +got):\n%s", diff)
	}
}

func TestReadStdinAndStop(t *testing.T) {
	stdin := strings.NewReader("{\"id\": \"s1\", \"text\": \"One.\"}\n{\"id\": \"s2\", \"text\": \"Two.\"}\n")
	var origins []string
	stop := errors.New("stop")
	err := Read(context.Background(), []string{"-", "/nonexistent/file.txt"}, stdin, Options{}, func(a *article.Article, err error) error {
		if err != nil {
			origins = append(origins, err.Error())
			return nil
		}
		origins = append(origins, a.Origin)
		if a.ID == "s2" {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("Read returned %v, want the callback's error", err)
	}
	if want := []string{"-:1", "-:2"}; !cmp.Equal(want, origins) {
		t.Errorf("origins = %q, want %q", origins, want)
	}

	origins = nil
	err = Read(context.Background(), []string{"/nonexistent/file.txt", "-"}, strings.NewReader("Plain text on stdin."), Options{}, func(a *article.Article, err error) error {
		if err != nil {
			origins = append(origins, err.Error())
		} else {
			origins = append(origins, a.Origin)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"/nonexistent/file.txt: no such file or directory", "-"}; !cmp.Equal(want, origins) {
		t.Errorf("origins = %q, want %q", origins, want)
	}
}

func TestReadCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	called := false
	err := Read(ctx, []string{"testdata"}, nil, Options{}, func(*article.Article, error) error {
		called = true
		return nil
	})
	if !errors.Is(err, context.Canceled) || called {
		t.Errorf("Read on a cancelled context = %v (callback called: %v), want context.Canceled", err, called)
	}
}

// TestReadHugeFile checks that a file over the limit is rejected by its
// size, without being read: the sparse file is 200 MB.
func TestReadHugeFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("Ministers met in Geneva on Monday.\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var got []string
	err = Read(context.Background(), []string{p}, nil, Options{}, func(a *article.Article, err error) error {
		if err != nil {
			got = append(got, err.Error())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{p + ": file is 209715200 bytes, over the 67108864-byte limit"}
	if !cmp.Equal(want, got) {
		t.Errorf("Read(huge) = %q, want %q", got, want)
	}
}

func TestHTMLExtract(t *testing.T) {
	type doc struct{ Title, URL, Source, Published, Body string }
	tests := []struct {
		name, html string
		want       doc
	}{
		{"wrapper class mentions header",
			`<body><div class="page has-header"><main><article><h1>Envoys meet</h1><p>Envoys met in Oslo on Monday.</p></article></main></div></body>`,
			doc{Title: "Envoys meet", Body: "Envoys met in Oslo on Monday."}},
		{"json-ld array and publisher list",
			`<head><title>Envoys meet | Site</title><script type="application/ld+json">[{"@type":"Organization","name":"Org"},{"@type":["NewsArticle"],"headline":"Envoys meet in Oslo","datePublished":"2024-05-02","publisher":[{"name":"Oslo Post"}],"url":"https://oslo.example/a"}]</script></head><body><article><p>Envoys met in Oslo on Monday.</p></article></body>`,
			doc{Title: "Envoys meet in Oslo", URL: "https://oslo.example/a", Source: "Oslo Post", Published: "2024-05-02", Body: "Envoys met in Oslo on Monday."}},
		{"itemprop articleBody and time",
			`<body><div class="content"><p>Sidebar text that is long enough to compete with the article body for the densest block of paragraphs on this page.</p></div><div itemprop="articleBody"><p>The foreign ministers of both countries met in Ankara on Tuesday and agreed to reopen consulates.</p><p>A joint statement followed.</p></div><time datetime="2022-08-17T09:00:00Z">Aug 17</time></body>`,
			doc{Published: "2022-08-17", Body: "The foreign ministers of both countries met in Ankara on Tuesday and agreed to reopen consulates.\n\nA joint statement followed."}},
		{"densest block without article",
			`<body><div id="top"><a href="/">Home</a></div><div class="c"><p>First paragraph of the story about the talks.</p><p>Second paragraph of the story.</p></div><div class="x"><p>Short.</p></div></body>`,
			doc{Body: "First paragraph of the story about the talks.\n\nSecond paragraph of the story."}},
		{"paragraphs in divs",
			`<body><div id="top"><div>Menu item</div></div><div id="story"><div>The two delegations met for five hours in Geneva on Monday, officials said.</div><div>They agreed to <b>meet again</b> next month.</div></div><div class="x"><div>Short.</div></div></body>`,
			doc{Body: "The two delegations met for five hours in Geneva on Monday, officials said.\n\nThey agreed to meet again next month."}},
		{"embedded tweet and related list dropped",
			`<article><p>Talks ended on Friday.</p><blockquote class="twitter-tweet"><p>We met today #diplomacy</p>— Ministry (@mfa) May 3, 2024</blockquote><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul><p>Read more: <a href="/c">Earlier talks</a></p><p>Both sides will meet again.</p></article>`,
			doc{Body: "Talks ended on Friday.\n\nBoth sides will meet again."}},
		{"hidden and canonical",
			`<head><link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://a.example/y"><meta name="dc.date" content="2020-01-02"></head><body><article><p hidden>Hidden text.</p><p style="display: none">Also hidden.</p><p>Visible text.</p></article></body>`,
			doc{URL: "https://a.example/x", Published: "2020-01-02", Body: "Visible text."}},
		{"h1 worded apart from og:title, relative canonical",
			`<head><meta property="og:title" content="Envoys meet"><meta property="og:url" content="https://a.example/world/x?utm=1"><link rel="canonical" href="/world/x"></head><body><article><h1>Envoys meet in Oslo for talks</h1><p>Envoys met in Oslo on Monday.</p></article></body>`,
			doc{Title: "Envoys meet", URL: "https://a.example/world/x", Body: "Envoys met in Oslo on Monday."}},
		{"truncated markup",
			`<html><body><article><p>Ministers met on Monday.<p>They agreed to meet again`,
			doc{Body: "Ministers met on Monday.\n\nThey agreed to meet again"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := ReadBytes("page.html", []byte(tt.html), Options{})
			if len(errs) != 0 || len(docs) != 1 {
				t.Fatalf("ReadBytes = %d docs, %v", len(docs), errs)
			}
			a := docs[0]
			got := doc{a.Title, a.URL, a.Source, a.PublishedDate(), a.Body}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClutterRules(t *testing.T) {
	tests := []struct {
		para string
		want string // rule name, "" to keep
	}{
		{"Share this article", "share prompt"},
		{"Facebook Twitter WhatsApp Email", "share prompt"},
		{"Share Tweet Email Print", "share prompt"},
		{"Share on Facebook Share on X Copy link", "share prompt"},
		{"Topics: Russia · Salisbury attack · Foreign policy", "page chrome"},
		{"Advertisement", "advertisement"},
		{"Story continues below advertisement", "advertisement"},
		{"Related: EU envoys fail to agree on sanctions", "related link"},
		{"READ MORE: Latvia summons envoy", "related link"},
		{"Sign up for our newsletter to get the latest news", "newsletter prompt"},
		{"Follow us on Telegram", "follow prompt"},
		{"Follow Reuters on X", "follow prompt"},
		{"12 Comments", "comment prompt"},
		{"Leave a comment", "comment prompt"},
		{"The ministers in Vilnius on March 13. Photo: Andrius Petraitis/Reuters", "caption"},
		{"Lavrov speaks in Moscow (AP Photo/Alexander Zemlianichenko)", "caption"},
		{"Delegates arrive for the talks. Getty Images", "caption"},
		{"The two leaders shake hands before their meeting in Bali. (Pool photo)", "caption"},
		{"The foreign ministers meet in Beijing. (Handout photo)", "caption"},
		{"The Saudi embassy in Ottawa. (Archive)", "caption"},
		{"The ministry published the note on its website (in Russian).", ""},
		{"📹 The delegation arrives pic.twitter.com/15fLz5rk8J", "social embed"},
		{"— MFA Russia 🇷🇺 (@mfa_russia) February 27, 2025", "social embed"},
		{"We use cookies to personalise content and ads.", "cookie notice"},
		{"Updated 10:32 GMT", "byline"},
		{"6 min read", "byline"},
		{"Home › World › Europe", "breadcrumb"},
		{"© 2025 Example News. All rights reserved.", "page chrome"},
		// Prose that mentions the same words stays.
		{"The ministers agreed to share intelligence on cross-border crime.", ""},
		{"Russia said it would follow the talks closely and comment later.", ""},
		{"Lavrov told Reuters the meeting had been useful.", ""},
		{"The embassy declined to comment on the report.", ""},
		{"Related talks were held in Vienna on Monday, officials said.", ""},
		{"Istanbul meeting", ""},
		{"Email", "share prompt"},
		{"Emails show the talks went on.", ""},
		{"Home ministers from both countries met on Monday.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.para, func(t *testing.T) {
			got := ""
			if r := matchClutter(tt.para); r != nil {
				got = r.name
			}
			if got != tt.want {
				t.Errorf("matchClutter(%q) = %q, want %q", tt.para, got, tt.want)
			}
		})
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		if r > 0xFFFF {
			panic("utf16le: test helper handles the BMP only")
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestTextHeader(t *testing.T) {
	tests := []struct {
		name, in, title, published, first string
	}{
		{"section above headline", "World\nEnvoys meet in Geneva\nMarch 3, 2025\nEnvoys met in Geneva on Monday.\nThey agreed to meet again.", "Envoys meet in Geneva", "2025-03-03", "Envoys met in Geneva on Monday."},
		{"no headline", "Envoys met in Geneva on Monday.\nThey agreed to meet again.", "", "", "Envoys met in Geneva on Monday."},
		{"byline with author and date", "Envoys meet in Geneva\nBy Anna Berg | 3 March 2025\nEnvoys met in Geneva on Monday.\nThey agreed to meet again.", "Envoys meet in Geneva", "2025-03-03", "Envoys met in Geneva on Monday."},
		{"date in body is not the publication date", "Envoys meet in Geneva\nEnvoys met in Geneva on March 3, 2025.\nThey agreed to meet again.", "Envoys meet in Geneva", "", "Envoys met in Geneva on March 3, 2025."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := ReadBytes("a.txt", []byte(tt.in), Options{})
			if len(errs) != 0 || len(docs) != 1 {
				t.Fatalf("ReadBytes = %d docs, %v", len(docs), errs)
			}
			a := docs[0]
			first, _, _ := strings.Cut(a.Body, "\n\n")
			got := []string{a.Title, a.PublishedDate(), first}
			if want := []string{tt.title, tt.published, tt.first}; !cmp.Equal(want, got) {
				t.Errorf("title, published, first paragraph = %q, want %q", got, want)
			}
		})
	}
}

func TestFeedPermalinkGUID(t *testing.T) {
	in := `<rss><channel><title>W</title><item><guid>https://w.example/a</guid><description>Envoys met.</description></item>` +
		`<item><guid isPermaLink="false">https://w.example/b</guid><description>Envoys left.</description></item></channel></rss>`
	docs, errs := ReadBytes("w.rss", []byte(in), Options{})
	if len(errs) != 0 || len(docs) != 2 {
		t.Fatalf("ReadBytes = %d docs, %v", len(docs), errs)
	}
	if docs[0].URL != "https://w.example/a" || docs[1].URL != "" {
		t.Errorf("URLs = %q, %q; want the permalink guid only for the first", docs[0].URL, docs[1].URL)
	}
}
