package read

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"sitrep/news"
)

// readAll reads one input given as bytes, as standard input is read.
func readAll(t testing.TB, name string, data []byte, opt Options) ([]*news.Article, []error) {
	t.Helper()
	var arts []*news.Article
	var errs []error
	readStream(name, bytes.NewReader(data), int64(len(data)), opt, func(a *news.Article, err error) bool {
		if err != nil {
			errs = append(errs, err)
		} else {
			arts = append(arts, a)
		}
		return true
	})
	return arts, errs
}

// readPaths reads paths with Articles.
func readPaths(t testing.TB, paths []string, opt Options) ([]*news.Article, []error) {
	t.Helper()
	var arts []*news.Article
	var errs []error
	for a, err := range Articles(context.Background(), paths, strings.NewReader(""), opt) {
		if err != nil {
			errs = append(errs, err)
		} else {
			arts = append(arts, a)
		}
	}
	return arts, errs
}

func findDiag(a *news.Article, code string) string {
	for _, d := range a.Diagnostics {
		if d.Code == code {
			return d.Message
		}
	}
	return ""
}

func gz(t testing.TB, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
	}{
		{"Plain text\n\nwith paragraphs", KindText},
		{"<!DOCTYPE html><html>", KindHTML},
		{"\xef\xbb\xbf  <!doctype HTML>", KindHTML},
		{"<!-- saved from url=(0042) --><html>", KindHTML},
		{"<HTML><HEAD>", KindHTML},
		{"<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x\"><html xmlns=\"http://www.w3.org/1999/xhtml\">", KindHTML},
		{"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", KindFeed},
		{"<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?>\n<!-- c -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", KindFeed},
		{"<rdf:RDF xmlns:rdf=\"x\">", KindFeed},
		{"{\"id\":\"1\",\"text\":\"x\"}\n", KindJSONL},
		{"WARC/1.1\r\nWARC-Type: warcinfo\r\n", KindWARC},
		{"\x1f\x8b\x08\x00", KindGzip},
		{"%PDF-1.7\n", KindPDF},
		{"<note>not html</note>", KindText},
		{"", KindText},
	}
	for _, tc := range tests {
		if got := Sniff([]byte(tc.in)); got != tc.want {
			t.Errorf("Sniff(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestFeeds(t *testing.T) {
	type item struct {
		Source, Format, URL, Title, Outlet, Byline, Lang, Published, Updated, Diag string
	}
	view := func(arts []*news.Article) []item {
		var out []item
		for _, a := range arts {
			out = append(out, item{
				Source: filepath.Base(a.Source), Format: string(a.Format), URL: a.Meta.URL, Title: a.Meta.Title,
				Outlet: a.Meta.Outlet, Byline: a.Meta.Byline, Lang: a.Meta.Language,
				Published: a.Meta.Published.Value(), Updated: a.Meta.Updated.Value(), Diag: findDiag(a, "summary-only"),
			})
		}
		return out
	}
	summary := "the feed item holds only a summary, not the article; the body is that summary"
	tests := []struct {
		file string
		want []item
	}{
		{"testdata/feed.rss", []item{
			{"feed.rss#item1", "html", "https://gazette.example.org/2024/03/ferry-suspended", "Ferry service suspended after storm damages pier", "Harbour Gazette", "Ann Walsh", "en", "2024-03-12T08:15:00Z", "", ""},
			{"feed.rss#item2", "body", "https://gazette.example.org/2024/03/sea-wall-budget", "Council approves new sea wall budget", "Harbour Gazette", "", "en", "2024-03-11T17:40:00Z", "", summary},
		}},
		{"testdata/feed.atom", []item{
			{"feed.atom#item1", "html", "https://bergland.example.net/2024/05/lawinen", "Lawinengefahr im oberen Tal steigt", "Bergland Nachrichten", "Jonas Berger", "de", "2024-05-02T07:30:00+02:00", "2024-05-02T09:05:00+02:00", ""},
			{"feed.atom#item2", "body", "https://bergland.example.net/2024/05/buslinie", "Neue Buslinie verbindet drei Dörfer", "Bergland Nachrichten", "", "de", "2024-05-01T16:00:00+02:00", "", summary},
			{"feed.atom#item3", "body", "https://bergland.example.net/2024/05/text", "Nur Text", "Bergland Nachrichten", "", "de", "2024-05-01T12:00:00+02:00", "", ""},
		}},
	}
	for _, tc := range tests {
		arts, errs := readPaths(t, []string{tc.file}, Options{})
		if len(errs) > 0 {
			t.Errorf("%s: errors %v", tc.file, errs)
		}
		if diff := cmp.Diff(tc.want, view(arts)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.file, diff)
		}
	}
	// The summary-only item's body is its summary, markup removed.
	arts, _ := readPaths(t, []string{"testdata/feed.rss"}, Options{})
	if got, want := string(arts[1].Original), "Councillors voted 9 to 4 to fund the first stage of the sea wall."; got != want {
		t.Errorf("summary body = %q, want %q", got, want)
	}
}

func TestBrokenFeed(t *testing.T) {
	arts, errs := readPaths(t, []string{"testdata/broken.rss"}, Options{})
	if len(arts) != 0 || len(errs) != 1 {
		t.Fatalf("got %d articles, errors %v; want one error", len(arts), errs)
	}
	var e *Error
	if !errors.As(errs[0], &e) || e.Path != "testdata/broken.rss" || !strings.Contains(e.Error(), "feed") {
		t.Errorf("error = %v, want a feed error naming the file", errs[0])
	}
}

// TestGzipBomb checks that a small file that inflates past the cap is an
// error, read only up to the cap.
func TestGzipBomb(t *testing.T) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zero := make([]byte, 1<<20)
	for range 32 {
		zw.Write(zero)
	}
	zw.Close()
	if buf.Len() > 64<<10 {
		t.Fatalf("bomb is %d bytes", buf.Len())
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"zeros", buf.Bytes()},
		{"text", gz(t, bytes.Repeat([]byte("all work and no play "), 1<<20))},
	} {
		arts, errs := readAll(t, "bomb.gz", tc.data, Options{MaxBytes: 4 << 20})
		if len(arts) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
			t.Errorf("%s: got %d articles, errors %v; want one ErrTooLarge", tc.name, len(arts), errs)
		}
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", []byte("  \n"), ErrEmpty},
		{"binary", []byte("abc\x00\x01\x02"), ErrBinary},
		{"pdf", []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj"), ErrPDF},
		{"truncated gzip", gz(t, []byte("some text that is long enough"))[:20], nil},
	}
	for _, tc := range tests {
		arts, errs := readAll(t, tc.name, tc.data, Options{})
		if len(arts) != 0 || len(errs) != 1 {
			t.Errorf("%s: got %d articles, errors %v; want one error", tc.name, len(arts), errs)
			continue
		}
		if tc.want != nil && !errors.Is(errs[0], tc.want) {
			t.Errorf("%s: error %v, want %v", tc.name, errs[0], tc.want)
		}
	}
}

// TestLargePage reads a 50 MB page: under the cap it is one article, over
// it a clear error, and nothing more than the cap is held.
func TestLargePage(t *testing.T) {
	page := append([]byte("<html><body>"), bytes.Repeat([]byte("<p>Lorem ipsum dolor sit amet.</p>\n"), 50<<20/36)...)
	arts, errs := readAll(t, "big.html", page, Options{})
	if len(arts) != 1 || len(errs) != 0 {
		t.Errorf("default cap: got %d articles, errors %v", len(arts), errs)
	}
	arts, errs = readAll(t, "big.html", page, Options{MaxBytes: 16 << 20})
	if len(arts) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Errorf("16 MB cap: got %d articles, errors %v; want ErrTooLarge", len(arts), errs)
	}
}

func TestCharsets(t *testing.T) {
	// "Москва" in Windows-1251 and "北京" in GB2312, declared and not.
	cyr := []byte{0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0}
	han := []byte{0xb1, 0xb1, 0xbe, 0xa9}
	para := func(b []byte, n int) []byte { return bytes.Repeat(append(append([]byte("<p>"), b...), " "...), n) }
	tests := []struct {
		name, ctype string
		page        []byte
		want        string
	}{
		{"1251 declared in meta", "", append([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>`), para(cyr, 3)...), "Москва"},
		{"1251 declared in header", "text/html; charset=windows-1251", append([]byte(`<html><body>`), para(cyr, 3)...), "Москва"},
		{"1251 undeclared", "", append([]byte(`<html><body>`), para(cyr, 40)...), "Москва"},
		{"gb2312 declared", "", append([]byte(`<html><head><meta charset="gb2312"></head><body>`), para(han, 3)...), "北京"},
		{"gb2312 undeclared", "", append([]byte(`<html><body>`), para([]byte("\xd6\xd0\xb9\xfa\xb5\xc4\xca\xd7\xb6\xbc\xca\xc7\xb1\xb1\xbe\xa9\xa1\xa3"), 40)...), "北京"},
		{"utf-8 mislabelled latin-1", "", []byte(`<html><head><meta charset="iso-8859-1"></head><body><p>Zürich Москва</p>`), "Москва"},
	}
	for _, tc := range tests {
		a, err := newArticle("x", tc.page, news.FormatHTML, tc.ctype)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !bytes.Contains(a.Original, []byte(tc.want)) {
			t.Errorf("%s: decoded %q, want it to hold %q", tc.name, a.Original, tc.want)
		}
	}
}

// TestFolderSameAsAlone reads a folder mixing a web archive, feeds and
// pages, and checks that it gives the same articles as reading each input
// alone, in lexical order of the files.
func TestFolderSameAsAlone(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"a/page.txt":     mustRead(t, "testdata/page.txt"),
		"a/page.html.gz": gz(t, mustRead(t, "testdata/page.html")),
		"b/feed.atom":    mustRead(t, "testdata/feed.atom"),
		"b/news.xml":     mustRead(t, "testdata/feed.rss"),
		"c/crawl.bin": buildWARC(t, true,
			warcDoc{uri: "https://a.example/one", contentType: "text/html", payload: htmlPage("One", "First story.")},
			warcDoc{uri: "https://a.example/two", contentType: "text/html", payload: htmlPage("Two", "Second story.")}),
		"c/notes": []byte("{\"id\":\"n1\",\"text\":\"A body given as it is.\"}\n"),
	}
	var paths []string
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	os.WriteFile(filepath.Join(dir, ".hidden"), []byte("skipped"), 0o644)

	all, errs := readPaths(t, []string{dir}, Options{})
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	byID := map[string]*news.Article{}
	for _, a := range all {
		byID[a.Source] = a
	}
	n := 0
	for _, p := range paths {
		alone, errs := readPaths(t, []string{p}, Options{})
		if len(errs) > 0 {
			t.Fatalf("%s: errors %v", p, errs)
		}
		for _, a := range alone {
			n++
			if diff := cmp.Diff(a, byID[a.Source]); diff != "" {
				t.Errorf("%s differs (-alone +folder):\n%s", a.Source, diff)
			}
		}
	}
	if n != len(all) || n != 10 {
		t.Errorf("folder gave %d articles, inputs alone %d; want 10", len(all), n)
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].Source > all[i].Source && !strings.HasPrefix(all[i].Source, all[i-1].Source[:strings.IndexAny(all[i-1].Source+"#:", "#:")]) {
			t.Errorf("out of order: %s before %s", all[i-1].Source, all[i].Source)
		}
	}
}

func mustRead(t testing.TB, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestStdin reads a gzip-compressed feed from standard input.
func TestStdin(t *testing.T) {
	var arts []*news.Article
	for a, err := range Articles(context.Background(), []string{"-"}, bytes.NewReader(gz(t, mustRead(t, "testdata/feed.rss"))), Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	if len(arts) != 2 || arts[0].Source != "-#item1" {
		t.Errorf("got %d articles, first %q", len(arts), arts[0].Source)
	}
}

var _ = io.EOF

func TestProgressAndTotalSize(t *testing.T) {
	paths := []string{"testdata/feed.rss", "testdata"}
	var seen int64
	arts, _ := readPaths(t, paths, Options{Progress: func(n int64) { seen += n }})
	if len(arts) == 0 {
		t.Fatal("no articles")
	}
	if total := TotalSize(paths); seen != total || total == 0 {
		t.Errorf("progress counted %d bytes, TotalSize %d", seen, total)
	}
}

// isBinary, eight bytes at a time, answers as a byte-by-byte reading does.
func TestIsBinaryMatchesReference(t *testing.T) {
	ref := func(data []byte) bool {
		n := min(len(data), 8192)
		ctl := 0
		for _, c := range data[:n] {
			switch {
			case c == 0:
				return true
			case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b:
				ctl++
			}
		}
		return ctl*20 > n
	}
	rng := rand.New(rand.NewPCG(1, 2))
	binaries := 0
	alphabet := []byte("ab \n\t\r\f\x1b\x00\x01\x07\x1f\x20\x7f\x80\xc3\xa9\xff")
	for range 5000 {
		data := make([]byte, rng.IntN(100))
		rate := 2 + rng.IntN(40) // one special byte in rate
		for i := range data {
			if rng.IntN(rate) == 0 {
				data[i] = alphabet[rng.IntN(len(alphabet))]
			} else {
				data[i] = byte('a' + rng.IntN(26))
			}
		}
		if got, want := isBinary(data), ref(data); got != want {
			t.Fatalf("isBinary(%q) = %v, want %v", data, got, want)
		} else if got {
			binaries++
		}
	}
	if binaries < 250 || binaries > 4750 {
		t.Errorf("%d of 5000 random inputs binary: the test reads too few of one kind", binaries)
	}
	long := bytes.Repeat([]byte("text line\x01\n"), 1000)
	if got, want := isBinary(long), ref(long); got != want {
		t.Errorf("isBinary(long) = %v, want %v", got, want)
	}
}
