package read

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"
	"time"
)

// A warcDoc is one record to write into a test archive.
type warcDoc struct {
	typ         string // WARC-Type; "response" when empty
	uri         string
	date        time.Time
	contentType string // HTTP Content-Type of the payload
	payload     []byte
	status      int // HTTP status; 200 when 0
	// lengthDelta is added to the true Content-Length (to write a wrong one).
	lengthDelta int
}

// record writes d as one WARC/1.1 record with the headers a crawler writes.
func (d warcDoc) record(n int) []byte {
	typ := d.typ
	if typ == "" {
		typ = "response"
	}
	var block bytes.Buffer
	var ctype string
	switch typ {
	case "response":
		status := d.status
		if status == 0 {
			status = 200
		}
		fmt.Fprintf(&block, "HTTP/1.1 %d OK\r\n", status)
		if d.contentType != "" {
			fmt.Fprintf(&block, "Content-Type: %s\r\n", d.contentType)
		}
		fmt.Fprintf(&block, "Content-Length: %d\r\n\r\n", len(d.payload))
		block.Write(d.payload)
		ctype = "application/http; msgtype=response"
	case "request":
		fmt.Fprintf(&block, "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n")
		ctype = "application/http; msgtype=request"
	default:
		block.Write(d.payload)
		ctype = "application/warc-fields"
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", typ)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", n)
	date := d.date
	if date.IsZero() {
		date = time.Date(2024, 3, 14, 12, 0, 0, 0, time.UTC)
	}
	fmt.Fprintf(&b, "WARC-Date: %s\r\n", date.UTC().Format(time.RFC3339))
	if d.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", d.uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\n", ctype)
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", block.Len()+d.lengthDelta)
	b.Write(block.Bytes())
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// buildWARC writes docs as an archive, each record its own gzip member
// when gz is true (as .warc.gz files are written).
func buildWARC(t testing.TB, gz bool, docs ...warcDoc) []byte {
	t.Helper()
	var out bytes.Buffer
	for i, d := range docs {
		rec := d.record(i + 1)
		if !gz {
			out.Write(rec)
			continue
		}
		zw := gzip.NewWriter(&out)
		if _, err := zw.Write(rec); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes()
}

func htmlPage(title, body string) []byte {
	return []byte("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title +
		"</title></head><body><article><h1>" + title + "</h1><p>" + body + "</p></article></body></html>")
}

func TestWARC(t *testing.T) {
	crawl := time.Date(2024, 3, 14, 12, 0, 0, 0, time.UTC)
	docs := []warcDoc{
		{typ: "warcinfo", payload: []byte("software: test\r\n")},
		{typ: "request", uri: "https://a.example/one"},
		{uri: "https://a.example/one", date: crawl, contentType: "text/html; charset=utf-8", payload: htmlPage("One", "First story.")},
		{uri: "https://a.example/logo.png", contentType: "image/png", payload: []byte("\x89PNG\r\n\x1a\n....")},
		{uri: "https://a.example/two", contentType: "text/html", payload: htmlPage("Two", "Second story.")},
		{uri: "https://a.example/gone", contentType: "text/html", status: 404, payload: htmlPage("Gone", "Not here.")},
		{uri: "https://a.example/three", payload: htmlPage("Three", "Sniffed: no Content-Type.")},
	}
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprint("gzip=", gz), func(t *testing.T) {
			var notes []string
			arts, errs := readAll(t, "x.warc", buildWARC(t, gz, docs...), Options{Note: func(s string) { notes = append(notes, s) }})
			if len(errs) != 0 {
				t.Fatalf("errors: %v", errs)
			}
			var got []string
			for _, a := range arts {
				got = append(got, a.Source+" "+a.Meta.URL)
			}
			want := []string{
				"x.warc#record3 https://a.example/one",
				"x.warc#record5 https://a.example/two",
				"x.warc#record7 https://a.example/three",
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("articles:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if len(arts) > 0 {
				if d := arts[0].Meta.Crawled; !d.Time.Equal(crawl) {
					t.Errorf("Meta.Crawled = %v, want %v", d.Value(), crawl)
				}
				if !bytes.Equal(arts[0].Original, htmlPage("One", "First story.")) {
					t.Errorf("Original = %q", arts[0].Original)
				}
			}
			if len(notes) != 1 || !strings.Contains(notes[0], "4 record(s) skipped") {
				t.Errorf("notes = %q, want one saying 4 records skipped", notes)
			}
		})
	}
}

// TestWARCBroken checks that a broken record is an error for that record
// and the records after it are still read.
func TestWARCBroken(t *testing.T) {
	good := func(name string) warcDoc {
		return warcDoc{uri: "https://b.example/" + name, contentType: "text/html", payload: htmlPage(name, "Story "+name+".")}
	}
	tests := []struct {
		name    string
		docs    []warcDoc
		tail    func([]byte) []byte // changes the archive's bytes
		wantArt []string
		wantErr string
	}{
		{
			name:    "content-length too short",
			docs:    []warcDoc{good("a"), func() warcDoc { d := good("b"); d.lengthDelta = -40; return d }(), good("c")},
			wantArt: []string{"https://b.example/a", "https://b.example/c"},
			wantErr: "record2",
		},
		{
			name:    "content-length too long",
			docs:    []warcDoc{good("a"), func() warcDoc { d := good("b"); d.lengthDelta = 7; return d }(), good("c")},
			wantArt: []string{"https://b.example/a", "https://b.example/c"},
			wantErr: "record2",
		},
		{
			name:    "truncated last record",
			docs:    []warcDoc{good("a"), good("b")},
			tail:    func(b []byte) []byte { return b[:len(b)-60] },
			wantArt: []string{"https://b.example/a"},
			wantErr: "record2",
		},
		{
			name: "garbage between records",
			docs: []warcDoc{good("a"), good("b")},
			tail: func(b []byte) []byte {
				i := bytes.Index(b[10:], []byte("WARC/1.1")) + 10
				return append(append(b[:i:i], "junk junk\r\n"...), b[i:]...)
			},
			wantArt: []string{"https://b.example/a", "https://b.example/b"},
		},
	}
	for _, tc := range tests {
		for _, gz := range []bool{false, true} {
			t.Run(fmt.Sprint(tc.name, "/gzip=", gz), func(t *testing.T) {
				if gz && tc.tail != nil && tc.name == "garbage between records" {
					t.Skip("garbage inside a gzip member is a different test")
				}
				data := buildWARC(t, gz, tc.docs...)
				if tc.tail != nil {
					data = tc.tail(data)
				}
				arts, errs := readAll(t, "b.warc", data, Options{})
				var got []string
				for _, a := range arts {
					got = append(got, a.Meta.URL)
				}
				if strings.Join(got, " ") != strings.Join(tc.wantArt, " ") {
					t.Errorf("articles %q, want %q (errors %v)", got, tc.wantArt, errs)
				}
				if tc.wantErr == "" && len(errs) > 0 {
					t.Errorf("unexpected errors %v", errs)
				}
				if tc.wantErr != "" {
					found := false
					for _, e := range errs {
						if strings.Contains(e.Error(), tc.wantErr) {
							found = true
						}
					}
					if !found {
						t.Errorf("errors %v, want one naming %s", errs, tc.wantErr)
					}
				}
			})
		}
	}
}

func TestWARCPayloadCap(t *testing.T) {
	big := bytes.Repeat([]byte("<p>word word word</p>\n"), 10000)
	docs := []warcDoc{
		{uri: "https://c.example/big", contentType: "text/html", payload: append([]byte("<html><body>"), big...)},
		{uri: "https://c.example/small", contentType: "text/html", payload: htmlPage("Small", "Fits.")},
	}
	arts, errs := readAll(t, "c.warc.gz", buildWARC(t, true, docs...), Options{MaxBytes: 100 << 10})
	if len(arts) != 1 || arts[0].Meta.URL != "https://c.example/small" {
		t.Errorf("articles %v, want the small page only", arts)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "over the limit") {
		t.Errorf("errors %v, want one saying the payload is over the limit", errs)
	}
}

// TestWARCBombMember checks that a gzip member that inflates to endless
// garbage after a good record is given up at the cap, with an error.
func TestWARCBombMember(t *testing.T) {
	good := warcDoc{uri: "https://d.example/a", contentType: "text/html", payload: htmlPage("A", "Story.")}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(good.record(1))
	zero := make([]byte, 1<<20)
	for range 8 {
		zw.Write(zero)
	}
	zw.Close()
	arts, errs := readAll(t, "bomb.warc.gz", buf.Bytes(), Options{MaxBytes: 1 << 20})
	if len(arts) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "no record in the") {
		t.Errorf("got %d articles, errors %v; want the good record and one error", len(arts), errs)
	}
}
