package read_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha1"
	"encoding/base32"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"sitrep/internal/extract"
	"sitrep/internal/read"
	"sitrep/news"
)

var (
	largeWARCWrite = flag.String("large-warc-write", "", "write a large WARC.gz of the benchmark pages repeated to this path (see TestLargeWARC)")
	largeWARCRead  = flag.String("large-warc-read", "", "read this WARC and report peak RSS (see TestLargeWARC)")
	largeWARCMB    = flag.Int("large-warc-mb", 1024, "uncompressed size of the WARC that -large-warc-write writes, in MB")
)

const benchDir = "../../../shared/eval/article-extraction-benchmark"

// benchPage is one page of the article-extraction benchmark.
type benchPage struct {
	id, url string
	html    []byte
}

func loadPages(t testing.TB) []benchPage {
	t.Helper()
	if _, err := os.Stat(filepath.Join(benchDir, "ground-truth.json")); err != nil {
		t.Skipf("article-extraction benchmark not found at %s: %v", benchDir, err)
	}
	b, err := extract.LoadBenchmark(benchDir)
	if err != nil {
		t.Fatal(err)
	}
	var pages []benchPage
	for id, u := range b.URL {
		raw, err := extract.ReadBenchmarkHTML(benchDir, id)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, benchPage{id, u, raw})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].id < pages[j].id })
	return pages
}

// warcWriter writes records as a crawler does: one gzip member per record,
// the headers of WARC/1.1 (record ID, date, target URI, payload digest,
// concurrent-to for the request/response pair).
type warcWriter struct {
	w   io.Writer
	n   int
	zw  *gzip.Writer
	buf bytes.Buffer
}

func (w *warcWriter) uuid() string {
	w.n++
	return fmt.Sprintf("<urn:uuid:%08x-0000-4000-8000-%012x>", w.n, w.n)
}

func (w *warcWriter) record(headers [][2]string, block []byte) error {
	w.buf.Reset()
	w.buf.WriteString("WARC/1.1\r\n")
	for _, h := range headers {
		fmt.Fprintf(&w.buf, "%s: %s\r\n", h[0], h[1])
	}
	fmt.Fprintf(&w.buf, "Content-Length: %d\r\n\r\n", len(block))
	w.buf.Write(block)
	w.buf.WriteString("\r\n\r\n")
	if w.zw == nil {
		w.zw = gzip.NewWriter(w.w)
	} else {
		w.zw.Reset(w.w)
	}
	if _, err := w.zw.Write(w.buf.Bytes()); err != nil {
		return err
	}
	return w.zw.Close()
}

func sha1b32(b []byte) string {
	sum := sha1.Sum(b)
	return "sha1:" + base32.StdEncoding.EncodeToString(sum[:])
}

// page writes a request and a response record for one page.
func (w *warcWriter) page(p benchPage, date time.Time) error {
	d := date.UTC().Format(time.RFC3339)
	req := []byte("GET / HTTP/1.1\r\nUser-Agent: sitrep-test\r\nAccept: text/html\r\n\r\n")
	reqID, respID := w.uuid(), w.uuid()
	if err := w.record([][2]string{
		{"WARC-Type", "request"}, {"WARC-Record-ID", reqID}, {"WARC-Date", d}, {"WARC-Target-URI", p.url},
		{"WARC-Concurrent-To", respID}, {"Content-Type", "application/http; msgtype=request"},
	}, req); err != nil {
		return err
	}
	var resp bytes.Buffer
	fmt.Fprintf(&resp, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n", len(p.html))
	resp.Write(p.html)
	return w.record([][2]string{
		{"WARC-Type", "response"}, {"WARC-Record-ID", respID}, {"WARC-Date", d}, {"WARC-Target-URI", p.url},
		{"WARC-Payload-Digest", sha1b32(p.html)}, {"WARC-Block-Digest", sha1b32(resp.Bytes())},
		{"Content-Type", "application/http; msgtype=response"},
	}, resp.Bytes())
}

func (w *warcWriter) info() error {
	return w.record([][2]string{
		{"WARC-Type", "warcinfo"}, {"WARC-Record-ID", w.uuid()}, {"WARC-Date", "2026-01-01T00:00:00Z"},
		{"WARC-Filename", "bench.warc.gz"}, {"Content-Type", "application/warc-fields"},
	}, []byte("software: sitrep tests\r\nformat: WARC File Format 1.1\r\n"))
}

var crawlDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// TestBenchmarkWARC reads a WARC.gz of the benchmark's 181 pages, written
// here with real WARC headers, and checks that every page comes out, and
// extracts, exactly as the page read alone.
func TestBenchmarkWARC(t *testing.T) {
	pages := loadPages(t)
	path := filepath.Join(t.TempDir(), "bench.warc.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := &warcWriter{w: f}
	if err := w.info(); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if err := w.page(p, crawlDate); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	var notes []string
	var got []*news.Article
	for a, err := range read.Articles(context.Background(), []string{path}, nil, read.Options{Note: func(s string) { notes = append(notes, s) }}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, a)
	}
	if len(got) != len(pages) {
		t.Fatalf("read %d articles from the archive, want %d", len(got), len(pages))
	}
	if len(notes) != 1 || !bytes.Contains([]byte(notes[0]), []byte("182 record(s) skipped (181 request, 1 warcinfo)")) {
		t.Errorf("notes %q", notes)
	}
	st := extract.New(extract.Config{})
	type view struct {
		ID, URL, Text, Title, Outlet, Byline, Lang, Published, Updated string
	}
	viewOf := func(a *news.Article) view {
		m := a.Meta
		return view{a.ID, m.URL, a.Text, m.Title, m.Outlet, m.Byline, m.Language, m.Published.Value(), m.Updated.Value()}
	}
	for i, a := range got {
		p := pages[i]
		alone, err := read.NewArticle(p.id, p.html, news.FormatHTML)
		if err != nil {
			t.Fatal(err)
		}
		alone.Meta.URL = p.url
		if !bytes.Equal(a.Original, alone.Original) {
			t.Errorf("%s: Original differs from the page read alone", p.id)
			continue
		}
		if err := st.Apply(a); err != nil {
			t.Fatal(err)
		}
		if err := st.Apply(alone); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(viewOf(alone), viewOf(a)); diff != "" {
			t.Errorf("%s (-alone +archive):\n%s", p.id, diff)
		}
	}
}

// TestLargeWARC measures reading a large web archive; it runs only when
// asked, in two steps so that the reading process is measured alone:
//
//	go test ./internal/read -run TestLargeWARC -large-warc-write=/tmp/big.warc.gz -large-warc-mb=1024
//	go test ./internal/read -run TestLargeWARC -large-warc-read=/tmp/big.warc.gz -v
//
// The first writes the benchmark's pages repeated (with request records)
// until the uncompressed records reach the size asked; the second streams
// every article out of it and logs articles, MB/s and the peak resident
// memory of the process.
func TestLargeWARC(t *testing.T) {
	switch {
	case *largeWARCWrite != "":
		pages := loadPages(t)
		f, err := os.Create(*largeWARCWrite)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriterSize(f, 1<<20)
		w := &warcWriter{w: bw}
		w.info()
		var size int64
		for i := 0; size < int64(*largeWARCMB)<<20; i++ {
			p := pages[i%len(pages)]
			if err := w.page(p, crawlDate.Add(time.Duration(i)*time.Second)); err != nil {
				t.Fatal(err)
			}
			size += int64(len(p.html)) + 400
		}
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		info, _ := os.Stat(*largeWARCWrite)
		t.Logf("wrote %s: %d MB of records, %d MB gzipped", *largeWARCWrite, size>>20, info.Size()>>20)
	case *largeWARCRead != "":
		start := time.Now()
		n, bytesRead := 0, 0
		for a, err := range read.Articles(context.Background(), []string{*largeWARCRead}, nil, read.Options{}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
			bytesRead += len(a.Original)
		}
		el := time.Since(start)
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		t.Logf("read %d articles, %d MB of HTML in %v: %.1f MB/s, %.0f articles/s; peak RSS %d MB; Go heap peak in use %d MB",
			n, bytesRead>>20, el.Round(time.Millisecond), float64(bytesRead)/1e6/el.Seconds(), float64(n)/el.Seconds(), ru.Maxrss>>10, ms.HeapSys>>20)
	default:
		t.Skip("run with -large-warc-write or -large-warc-read")
	}
}

// BenchmarkReadWARC measures the reader alone on a WARC.gz of the
// benchmark's pages: MB/s of HTML and articles/s, one core.
func BenchmarkReadWARC(b *testing.B) {
	pages := loadPages(b)
	var buf bytes.Buffer
	w := &warcWriter{w: &buf}
	w.info()
	var size int64
	for _, p := range pages {
		w.page(p, crawlDate)
		size += int64(len(p.html))
	}
	path := filepath.Join(b.TempDir(), "bench.warc.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, err := range read.Articles(context.Background(), []string{path}, nil, read.Options{}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
