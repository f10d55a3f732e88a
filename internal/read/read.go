// Package read finds articles where they are stored: files, directories,
// standard input, gzip-compressed files, and JSON Lines of articles.
//
// Every article comes out with its Original bytes (decompressed and decoded
// to UTF-8), its Format, its Source and its content ID; the extract stage
// does the rest. Kinds of input are told apart by their content, not only by
// their file names.
//
// A problem with one input is an *Error that names the input and the
// problem; reading goes on with the next input. Memory stays bounded: no
// input larger than Options.MaxBytes is read, compressed or not.
package read

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
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
	// MaxBytes caps one input (one file, or one decompressed stream) in
	// bytes; 0 means DefaultMaxBytes.
	MaxBytes int64
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
				if !readStream(p, stdin, opt, yield) {
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
	if info, err := f.Stat(); err == nil && info.Size() > opt.maxBytes() {
		return yield(nil, &Error{path, fmt.Errorf("%w: %d bytes, over the limit of %d", ErrTooLarge, info.Size(), opt.maxBytes())})
	}
	return readStream(path, f, opt, yield)
}

// readStream reads one input: decompresses it if gzip, then splits it into
// articles by its kind.
func readStream(name string, r io.Reader, opt Options, yield func(*news.Article, error) bool) bool {
	data, err := slurp(r, opt.maxBytes())
	if err != nil {
		return yield(nil, &Error{name, err})
	}
	if isGzip(data) {
		data, err = gunzip(data, opt.maxBytes())
		if err != nil {
			return yield(nil, &Error{name, err})
		}
	}
	return split(name, data, yield)
}

func slurp(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, cleanPathErr(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over the limit of %d bytes", ErrTooLarge, max)
	}
	return data, nil
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

func gunzip(b []byte, max int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, max+1))
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, errors.New("gzip: truncated (unexpected end of data)")
		}
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if int64(len(out)) > max {
		return nil, fmt.Errorf("%w: gzip inflates to more than %d bytes", ErrTooLarge, max)
	}
	return out, nil
}

// split yields the articles of one decompressed input.
func split(name string, data []byte, yield func(*news.Article, error) bool) bool {
	switch Sniff(data) {
	case KindJSONL:
		return splitJSONL(name, data, yield)
	case KindHTML:
		return yieldOne(name, data, news.FormatHTML, yield)
	default:
		return yieldOne(name, data, news.FormatText, yield)
	}
}

func yieldOne(name string, data []byte, f news.Format, yield func(*news.Article, error) bool) bool {
	a, err := NewArticle(name, data, f)
	if err != nil {
		return yield(nil, &Error{name, err})
	}
	return yield(a, nil)
}

// NewArticle makes an article of one input's bytes: it checks that they are
// text, decodes them to UTF-8 (with a diagnostic when they were not UTF-8)
// and sets the content ID.
func NewArticle(source string, data []byte, f news.Format) (*news.Article, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if isBinary(data) {
		return nil, ErrBinary
	}
	a := &news.Article{ID: ContentID(data), Source: source, Format: f}
	text, enc := ToUTF8(data)
	if enc != "" {
		a.AddDiagnostic("read", news.Info, news.Span{}, "charset", "input is not UTF-8; decoded as "+enc)
	}
	a.Original = text
	return a, nil
}

// ContentID is the hex SHA-256 of data, truncated to 128 bits.
func ContentID(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:16])
}

// isBinary reports whether the start of data looks like binary: a NUL byte,
// or many control characters.
func isBinary(data []byte) bool {
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

// Kind is the kind of one input, told from its content.
type Kind int

// Kinds of input.
const (
	KindText Kind = iota
	KindHTML
	KindJSONL
)

// Sniff tells the kind of an input from its first bytes.
func Sniff(data []byte) Kind {
	head := data[:min(len(data), 1024)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) > 0 && head[0] == '{' {
		return KindJSONL
	}
	low := bytes.ToLower(head)
	for _, p := range [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"), []byte("<!--"), []byte("<meta"), []byte("<div"), []byte("<p>"), []byte("<article")} {
		if bytes.HasPrefix(low, p) {
			return KindHTML
		}
	}
	return KindText
}

// jsonlMaxLine caps one line of JSON Lines.
const jsonlMaxLine = 64 << 20

func splitJSONL(name string, data []byte, yield func(*news.Article, error) bool) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
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
		return yield(nil, &Error{fmt.Sprintf("%s:%d", name, line+1), err})
	}
	return true
}
