package read

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"sitrep/news"
)

// checkRead checks what a reader gave for any input: no panic (the fuzzer
// sees it), every article with a Source, an ID and valid UTF-8 Original
// bytes, every error an *Error naming its input.
func checkRead(t *testing.T, arts []*news.Article, errs []error) {
	t.Helper()
	for _, a := range arts {
		if a.Source == "" || len(a.ID) != 32 {
			t.Fatalf("article without source or ID: %+v", a)
		}
		if !utf8.Valid(a.Original) {
			t.Fatalf("%s: Original is not valid UTF-8", a.Source)
		}
		for _, d := range a.Diagnostics {
			if err := news.CheckSpan(a.Text, d.Span); err != nil {
				t.Fatalf("%s: diagnostic %s: %v", a.Source, d.Code, err)
			}
		}
	}
	for _, err := range errs {
		e, ok := err.(*Error)
		if !ok || e.Path == "" {
			t.Fatalf("error %v is not an *Error naming its input", err)
		}
	}
}

func FuzzSniff(f *testing.F) {
	for _, s := range []string{"<!DOCTYPE html>", "<?xml version='1.0'?><rss>", "WARC/1.1\r\n", "{\"text\":\"x\"}", "%PDF-", "\x1f\x8b", "<!-- x", "<?x", "<!x"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		k := Sniff(data)
		if k < KindText || k > KindPDF {
			t.Fatalf("Sniff gave %v", k)
		}
	})
}

// FuzzRead reads any bytes as an input of unknown kind.
func FuzzRead(f *testing.F) {
	for _, p := range []string{"testdata/feed.rss", "testdata/feed.atom", "testdata/broken.rss", "testdata/page.html", "testdata/page.txt"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(buildWARC(f, false, warcDoc{uri: "https://a.example/", contentType: "text/html", payload: htmlPage("T", "Body.")}))
	f.Add(buildWARC(f, true, warcDoc{uri: "https://a.example/", contentType: "text/html", payload: htmlPage("T", "Body.")}))
	f.Add([]byte("{\"id\":\"1\",\"text\":\"A body.\"}\n{\"html\":\"<p>x</p>\"}\nnot json\n"))
	f.Add(gz(f, []byte("<html><body><p>Compressed.</p></body></html>")))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, errs := readAll(t, "fuzz", data, Options{MaxBytes: 1 << 20})
		checkRead(t, arts, errs)
	})
}

// FuzzFeed reads any bytes behind a feed's opening, so the fuzzer spends
// its time inside the feed parser.
func FuzzFeed(f *testing.F) {
	for _, p := range []string{"testdata/feed.rss", "testdata/feed.atom", "testdata/broken.rss"} {
		b, _ := os.ReadFile(p)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if Sniff(data) != KindFeed {
			data = append([]byte("<rss version=\"2.0\"><channel>"), data...)
		}
		var arts []*news.Article
		var errs []error
		done := make(chan bool)
		go func() {
			readFeed("fuzz", data, func(a *news.Article, err error) bool {
				if err != nil {
					errs = append(errs, err)
				} else {
					arts = append(arts, a)
				}
				return true
			})
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("reading %q takes more than 5 s", data)
		}
		checkRead(t, arts, errs)
	})
}

// FuzzWARC reads changed archives: the reader must never panic, and every
// record before the first changed byte must still be read.
func FuzzWARC(f *testing.F) {
	docs := []warcDoc{
		{typ: "warcinfo", payload: []byte("software: test\r\n")},
		{uri: "https://a.example/1", contentType: "text/html; charset=utf-8", payload: htmlPage("One", "First.")},
		{uri: "https://a.example/2", contentType: "image/png", payload: []byte("png")},
		{uri: "https://a.example/3", payload: htmlPage("Three", "Third.")},
	}
	f.Add(false, 300, byte('x'), 0)
	f.Add(true, 100, byte(0), 10)
	f.Add(false, 40, byte('9'), 0)
	f.Fuzz(func(t *testing.T, gzipped bool, at int, b byte, cut int) {
		data := buildWARC(t, gzipped, docs...)
		if at < 0 || at >= len(data) || cut < 0 || cut >= len(data) {
			return
		}
		data = bytes.Clone(data)
		data[at] = b
		data = data[:len(data)-cut]
		arts, errs := readAll(t, "fuzz.warc", data, Options{MaxBytes: 1 << 20})
		checkRead(t, arts, errs)
		for _, a := range arts {
			// A changed magic number makes the input something else: one article.
			if a.Source != "fuzz.warc" && !strings.HasPrefix(a.Source, "fuzz.warc#record") {
				t.Fatalf("source %q", a.Source)
			}
		}
	})
}
