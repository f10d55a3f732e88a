// Package read finds articles where they are stored: files, directories
// (walked in lexical order, hidden entries skipped), standard input,
// gzip-compressed data, HTML pages, RSS/RDF/Atom feeds, WARC web archives
// (plain or gzip per record) and JSON Lines of articles.
//
// Every article comes out with its Original bytes (decompressed and decoded
// to UTF-8, an HTML page's declared charset honoured), its Format, its
// Source and its content ID; the extract stage does the rest. Kinds of
// input are told apart by their content (magic numbers, first tokens),
// never by file names alone: see Sniff.
//
// A problem with one input, or with one record or item inside it, is an
// *Error that names it ("path", "path#record3", "path:12") and the problem;
// reading goes on with the next one. Memory stays bounded: a document read
// whole (a page, a feed, one archive record) is capped at Options.MaxBytes
// after decompression, and archives and JSON Lines are streamed, one record
// at a time.
package read

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"sitrep/news"
)

// DefaultMaxBytes caps one input after decompression.
const DefaultMaxBytes = 64 << 20

// Options configure reading.
type Options struct {
	// MaxBytes caps one document (a page, a feed, a decompressed stream
	// read whole, one record of an archive) in bytes; 0 means
	// DefaultMaxBytes. Archives and JSON Lines are streamed record by
	// record, so they may be larger as a whole.
	MaxBytes int64

	// Note, when not nil, receives what is worth telling but is not an
	// error: "x.warc.gz: 12 records skipped (8 request, 4 non-HTML
	// response)". Notes of one input come after its articles.
	Note func(msg string)

	// Progress, when not nil, is called with the number of bytes of each
	// read from a file or standard input as stored (compressed or not), to
	// drive a progress bar against TotalSize. Calls come from the
	// goroutine that iterates Articles.
	Progress func(n int64)
}

func (o Options) note(format string, args ...any) {
	if o.Note != nil {
		o.Note(fmt.Sprintf(format, args...))
	}
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// An Error is a problem with one input. Path names the input ("-" for
// standard input, "path:line" for a line of JSON Lines).
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Problems with input, wrapped in *Error.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary data, not text")
	ErrTooLarge = errors.New("input too large")
	ErrPDF      = errors.New("a PDF document, not an article page (PDF text is not extracted)")
)

// Articles yields the articles of every path in order: a directory is walked
// in lexical order, "-" reads stdin. Errors are yielded in place of the
// articles that could not be read, and reading goes on.
func Articles(ctx context.Context, paths []string, stdin io.Reader, opt Options) iter.Seq2[*news.Article, error] {
	return func(yield func(*news.Article, error) bool) {
		for _, p := range paths {
			if ctx.Err() != nil {
				yield(nil, ctx.Err())
				return
			}
			if p == "-" {
				var r io.Reader = stdin
				if opt.Progress != nil {
					r = &countReader{r: stdin, add: opt.Progress}
				}
				if !readStream(p, r, -1, opt, yield) {
					return
				}
				continue
			}
			if !readPath(ctx, p, opt, yield) {
				return
			}
		}
	}
}

func readPath(ctx context.Context, root string, opt Options, yield func(*news.Article, error) bool) bool {
	info, err := os.Stat(root)
	if err != nil {
		return yield(nil, &Error{root, cleanPathErr(err)})
	}
	if !info.IsDir() {
		return readFile(root, opt, yield)
	}
	cont := true
	walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			if !yield(nil, &Error{p, cleanPathErr(err)}) {
				cont = false
				return fs.SkipAll
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if !readFile(p, opt, yield) {
			cont = false
			return fs.SkipAll
		}
		return nil
	})
	if walkErr != nil && cont && !errors.Is(walkErr, fs.SkipAll) {
		return yield(nil, &Error{root, walkErr})
	}
	return cont
}

func cleanPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

func readFile(path string, opt Options, yield func(*news.Article, error) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(nil, &Error{path, cleanPathErr(err)})
	}
	defer f.Close()
	size := int64(-1)
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	var r io.Reader = f
	if opt.Progress != nil {
		r = &countReader{r: f, add: opt.Progress}
	}
	return readStream(path, r, size, opt, yield)
}

// countReader reports the bytes read through it.
type countReader struct {
	r   io.Reader
	add func(int64)
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.add(int64(n))
	}
	return n, err
}

// TotalSize is the size on disk of every file that Articles would read
// from paths (directories walked, hidden entries skipped, "-" and paths
// that cannot be read counting 0): the total for a progress bar.
func TotalSize(paths []string) int64 {
	var total int64
	for _, root := range paths {
		if root == "-" {
			continue
		}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				if info, err := d.Info(); err == nil {
					total += info.Size()
				}
			}
			return nil
		})
	}
	return total
}

// sniffLen is how much of an input is looked at to tell its kind.
const sniffLen = 4096

// readStream reads one input of size bytes (-1 when unknown). It tells the
// kind from the first bytes: a web archive (plain or gzip) and JSON Lines
// are streamed record by record; a gzip stream is inflated as it is read,
// capped at Options.MaxBytes; anything else is one document of at most
// Options.MaxBytes, read whole and split by its kind.
func readStream(name string, r io.Reader, size int64, opt Options, yield func(*news.Article, error) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return yield(nil, &Error{name, cleanPathErr(err)})
	}
	if isGzip(head) {
		if Sniff(gunzipHead(head)) == KindWARC {
			return readWARC(name, br, opt, yield) // gzip per record, read by the WARC reader
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return yield(nil, &Error{name, fmt.Errorf("gzip: %w", err)})
		}
		defer zr.Close()
		return readPlain(name, &capReader{r: zr, left: opt.maxBytes(), what: "gzip stream"}, -1, opt, yield)
	}
	return readPlain(name, br, size, opt, yield)
}

// readPlain reads one uncompressed input.
func readPlain(name string, r io.Reader, size int64, opt Options, yield func(*news.Article, error) bool) bool {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return yield(nil, &Error{name, readErr(err)})
	}
	kind := Sniff(head)
	switch kind {
	case KindWARC:
		return readWARC(name, br, opt, yield)
	case KindJSONL:
		return splitJSONL(name, br, yield)
	case KindGzip:
		return yield(nil, &Error{name, errors.New("gzip inside gzip: not read")})
	case KindPDF:
		return yield(nil, &Error{name, ErrPDF})
	}
	if size > opt.maxBytes() {
		return yield(nil, &Error{name, fmt.Errorf("%w: %d bytes, over the limit of %d", ErrTooLarge, size, opt.maxBytes())})
	}
	data, err := slurp(br, opt.maxBytes())
	if err != nil {
		return yield(nil, &Error{name, err})
	}
	switch kind {
	case KindFeed:
		return readFeed(name, data, yield)
	case KindHTML:
		return yieldOne(name, data, news.FormatHTML, yield)
	default:
		return yieldOne(name, data, news.FormatText, yield)
	}
}

// readErr turns errors of reading into the package's words.
func readErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("gzip: truncated (unexpected end of data)")
	}
	var ce *capError
	if errors.As(err, &ce) {
		return err
	}
	if strings.HasPrefix(err.Error(), "gzip:") || strings.HasPrefix(err.Error(), "flate:") {
		return err
	}
	return cleanPathErr(err)
}

func slurp(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, readErr(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over the limit of %d bytes", ErrTooLarge, max)
	}
	return data, nil
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// gunzipHead inflates what it can of the start of a gzip stream, to sniff
// what the stream holds.
func gunzipHead(b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	out := make([]byte, 512)
	n, _ := io.ReadFull(zr, out)
	return out[:n]
}

// A capReader reads at most left bytes from r and then fails with a
// *capError: a gzip bomb stops at the cap.
type capReader struct {
	r    io.Reader
	left int64
	what string
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// One byte more tells a stream of exactly the cap from a longer one.
		var one [1]byte
		if n, _ := c.r.Read(one[:]); n > 0 {
			return 0, &capError{c.what}
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

type capError struct{ what string }

func (e *capError) Error() string {
	return fmt.Sprintf("%v: %s inflates past the limit", ErrTooLarge, e.what)
}
func (e *capError) Unwrap() error { return ErrTooLarge }

func yieldOne(name string, data []byte, f news.Format, yield func(*news.Article, error) bool) bool {
	a, err := NewArticle(name, data, f)
	if err != nil {
		return yield(nil, &Error{name, err})
	}
	return yield(a, nil)
}

// NewArticle makes an article of one input's bytes: it checks that they are
// text, decodes them to UTF-8 (with a diagnostic when they were not UTF-8;
// an HTML page's declared encoding is honoured) and sets the content ID,
// computed on the bytes as given.
func NewArticle(source string, data []byte, f news.Format) (*news.Article, error) {
	return newArticle(source, data, f, "")
}

// newArticle is NewArticle with the HTTP Content-Type the page was served
// with ("" when unknown).
func newArticle(source string, data []byte, f news.Format, contentType string) (*news.Article, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if isBinary(data) {
		return nil, ErrBinary
	}
	a := &news.Article{ID: ContentID(data), Source: source, Format: f}
	var (
		text []byte
		enc  string
	)
	if f == news.FormatHTML {
		text, enc = HTMLToUTF8(data, contentType)
	} else {
		text, enc = ToUTF8(data)
	}
	if enc != "" {
		a.AddDiagnostic("read", news.Info, news.Span{}, "charset", "input is not UTF-8; decoded as "+enc)
	}
	a.Original = text
	return a, nil
}

// ContentID is the hex SHA-256 of data, truncated to 128 bits.
func ContentID(data []byte) string {
	sum := sha256.Sum256(data)
	var id [32]byte
	hex.Encode(id[:], sum[:16])
	return string(id[:])
}

// isBinary reports whether the start of data looks like binary: a NUL byte,
// or many control characters.
func isBinary(data []byte) bool {
	n := min(len(data), 8192)
	ctl := 0
	for i := 0; i < n; {
		// Eight bytes at a time while none is below 0x20 (the test of
		// "Bit Twiddling Hacks", exact for "is any byte less than n").
		if i+8 <= n {
			x := binary.LittleEndian.Uint64(data[i:])
			if (x-0x2020202020202020)&^x&0x8080808080808080 == 0 {
				i += 8
				continue
			}
		}
		c := data[i]
		i++
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b:
			ctl++
		}
	}
	return ctl*20 > n
}

// Kind is the kind of one input, told from its content.
type Kind int

// Kinds of input.
const (
	KindText  Kind = iota // plain text, a page saved as text
	KindHTML              // an HTML page
	KindJSONL             // JSON Lines of articles
	KindFeed              // an RSS, RDF or Atom feed
	KindWARC              // a web archive (uncompressed)
	KindGzip              // gzip-compressed data
	KindPDF               // a PDF document
)

var kindNames = [...]string{"text", "html", "jsonl", "feed", "warc", "gzip", "pdf"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Sniff tells the kind of an input from its first bytes (a few kilobytes
// are enough): magic numbers first (gzip, PDF, "WARC/"), then the first
// markup token after a byte-order mark, white space and comments.
func Sniff(data []byte) Kind {
	switch {
	case isGzip(data):
		return KindGzip
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return KindPDF
	case bytes.HasPrefix(data, []byte("WARC/")):
		return KindWARC
	}
	head := data[:min(len(data), sniffLen)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) > 0 && head[0] == '{' {
		return KindJSONL
	}
	if len(head) == 0 || head[0] != '<' {
		return KindText
	}
	// Skip an XML declaration, processing instructions, comments and a
	// doctype to reach the first element.
	rest := head
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			i := bytes.Index(rest, []byte("?>"))
			if i < 0 {
				return KindText
			}
			rest = rest[i+2:]
			continue
		case bytes.HasPrefix(rest, []byte("<!--")):
			i := bytes.Index(rest, []byte("-->"))
			if i < 0 {
				return KindHTML // a long comment opens many saved pages
			}
			rest = rest[i+3:]
			continue
		case len(rest) > 2 && rest[1] == '!':
			if indexFold(rest[:min(len(rest), 64)], "<!doctype html") == 0 {
				return KindHTML
			}
			i := bytes.IndexByte(rest, '>')
			if i < 0 {
				return KindText
			}
			rest = rest[i+1:]
			continue
		}
		break
	}
	tag := rest[:min(len(rest), 16)]
	for _, p := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if indexFold(tag, p) == 0 {
			return KindFeed
		}
	}
	for _, p := range []string{"<html", "<head", "<body", "<meta", "<div", "<p>", "<p ", "<article", "<title", "<script", "<link", "<style", "<section", "<main", "<header", "<table", "<h1", "<h2", "<span", "<a "} {
		if indexFold(tag, p) == 0 {
			return KindHTML
		}
	}
	if indexFold(head, "<html") >= 0 || indexFold(head, "<body") >= 0 {
		return KindHTML
	}
	return KindText
}

// jsonlMaxLine caps one line of JSON Lines.
const jsonlMaxLine = 64 << 20

// splitJSONL streams JSON Lines: one article per non-blank line, an *Error
// for each line that is not an article, reading going on after it.
func splitJSONL(name string, r io.Reader, yield func(*news.Article, error) bool) bool {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), jsonlMaxLine)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		src := fmt.Sprintf("%s:%d", name, line)
		a, err := jsonlArticle(src, b)
		if err != nil {
			if !yield(nil, &Error{src, err}) {
				return false
			}
			continue
		}
		if !yield(a, nil) {
			return false
		}
	}
	if err := sc.Err(); err != nil {
		return yield(nil, &Error{fmt.Sprintf("%s:%d", name, line+1), readErr(err)})
	}
	return true
}
