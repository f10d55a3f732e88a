package read

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"sort"
	"strconv"
	"strings"

	"github.com/nlnwa/gowarc"

	"sitrep/news"
)

// maxWARCErrors stops reading an archive after this many errors in a row
// with no good record between them: past that it is not a WARC.
const maxWARCErrors = 100

// maxWARCHeader caps the WARC header of one record.
const maxWARCHeader = 64 << 10

// readWARC streams the records of a web archive (WARC 1.0 or 1.1; plain,
// gzip per record, or one gzip stream) from r, with Source "path#recordN"
// (N from 1, counting every record):
//
//   - a "response" record whose HTTP payload is HTML (by Content-Type, or
//     sniffed when there is none) becomes an HTML article; WARC-Target-URI
//     is Meta.URL and WARC-Date is Meta.Crawled;
//   - every other record (warcinfo, request, metadata, revisit, responses
//     of images, scripts, PDFs, errors…) is skipped and counted; the counts
//     go to Options.Note at the end;
//   - a record that is truncated, whose Content-Length does not match its
//     content, or that is over Options.MaxBytes is an *Error for that
//     record, and reading goes on with the next record.
//
// Records are framed here (gzip members, Content-Length, the end-of-record
// marker, resynchronising on the next "WARC/" line after a broken one) and
// parsed by gowarc. Only one record is held in memory at a time.
func readWARC(name string, r *bufio.Reader, opt Options, yield func(*news.Article, error) bool) bool {
	w := &warcState{name: name, opt: opt, yield: yield, skipped: map[string]int{}}
	ok := w.readArchive(r)
	if ok && (len(w.skipped) > 0 || w.articles == 0) {
		opt.note("%s: %d HTML article(s) read, %d record(s) skipped (%s)", name, w.articles, total(w.skipped), describe(w.skipped))
	}
	return ok
}

type warcState struct {
	name     string
	opt      Options
	yield    func(*news.Article, error) bool
	n        int // records seen
	articles int
	errs     int // errors in a row
	skipped  map[string]int
	zr       *gzip.Reader
}

// fail yields an error for the current record; false stops reading.
func (w *warcState) fail(err error) bool {
	w.errs++
	if !w.yield(nil, &Error{fmt.Sprintf("%s#record%d", w.name, w.n), err}) {
		return false
	}
	if w.errs >= maxWARCErrors {
		w.yield(nil, &Error{w.name, fmt.Errorf("WARC: %d broken records in a row; the rest is not read", w.errs)})
		return false
	}
	return true
}

// readArchive reads gzip members one after another, or plain records.
func (w *warcState) readArchive(r *bufio.Reader) bool {
	for {
		head, err := r.Peek(2)
		if len(head) == 0 && err != nil {
			return true // end of archive
		}
		if !isGzip(head) {
			return w.readRecords(r, false)
		}
		if w.zr == nil {
			w.zr, err = gzip.NewReader(r)
		} else {
			err = w.zr.Reset(r)
		}
		if err != nil {
			w.n++
			if !w.fail(fmt.Errorf("WARC gzip member: %w", warcErr(err))) || !skipToGzip(r) {
				return false
			}
			continue
		}
		w.zr.Multistream(false)
		if !w.readRecords(bufio.NewReaderSize(w.zr, 64<<10), true) {
			return false
		}
		// A broken or abandoned member leaves the reader inside it: drain
		// it (up to the cap) or go on at the next gzip header.
		n, err := io.CopyN(io.Discard, w.zr, w.opt.maxBytes())
		if err == nil || !errors.Is(err, io.EOF) || n == w.opt.maxBytes() {
			if !skipToGzip(r) {
				return true
			}
		}
	}
}

// skipToGzip discards bytes up to the next gzip header; false at the end.
func skipToGzip(r *bufio.Reader) bool {
	for {
		b, err := r.Peek(3)
		if len(b) < 3 {
			return false
		}
		if b[0] == 0x1f && b[1] == 0x8b && b[2] == 0x08 {
			return true
		}
		if _, err = r.Discard(1); err != nil {
			return false
		}
	}
}

// readRecords reads the records of one plain stream (a whole plain archive,
// or one gzip member). In a member, an error of the gzip layer ends it.
func (w *warcState) readRecords(r *bufio.Reader, member bool) bool {
	for {
		// Between records: blank lines; anything else up to the next
		// "WARC/" line is skipped.
		found, skipped := skipToRecord(r, w.opt.maxBytes())
		if !found {
			if skipped > w.opt.maxBytes() {
				w.n++
				return w.fail(fmt.Errorf("WARC: no record in the %d bytes after record %d; the rest of this stream is not read", skipped, w.n-1))
			}
			return true
		}
		w.n++
		rec, rest, err := frameRecord(r, w.opt.maxBytes())
		if rest != nil {
			r = rest
		}
		if err != nil {
			if !w.fail(err) {
				return false
			}
			if member && isEOF(err) {
				return true
			}
			continue
		}
		a, why, err := w.record(rec)
		switch {
		case err != nil:
			if !w.fail(err) {
				return false
			}
		case a == nil:
			w.errs = 0
			w.skipped[why]++
		default:
			w.errs = 0
			w.articles++
			if !w.yield(a, nil) {
				return false
			}
		}
	}
}

// skipToRecord discards blank lines and garbage up to a line that starts
// with "WARC/". It gives up after max bytes (a gzip bomb inside a member
// stops there) or at the end of the stream, and says how much it skipped.
func skipToRecord(r *bufio.Reader, max int64) (found bool, skipped int64) {
	atLineStart := true
	for skipped <= max {
		b, _ := r.Peek(5)
		if len(b) < 5 {
			return false, skipped
		}
		if atLineStart && string(b) == "WARC/" {
			return true, skipped
		}
		c, err := r.ReadByte()
		if err != nil {
			return false, skipped
		}
		skipped++
		atLineStart = c == '\n'
	}
	return false, skipped
}

// frameRecord reads one record that starts at "WARC/": its header, the
// Content-Length bytes of its block, and the end-of-record marker. It
// returns the record's bytes, or an error when the record is broken. When
// a too-long Content-Length swallowed the start of the next record, rest
// is a reader that gives those bytes back.
func frameRecord(r *bufio.Reader, max int64) (rec []byte, rest *bufio.Reader, err error) {
	var hdr bytes.Buffer
	length := int64(-1)
	for {
		line, err := r.ReadSlice('\n')
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return nil, nil, fmt.Errorf("WARC header: %w", warcErr(err))
		}
		hdr.Write(line)
		if hdr.Len() > maxWARCHeader {
			return nil, nil, errors.New("WARC header over 64 KiB: not a WARC record")
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		t := bytes.TrimRight(line, "\r\n")
		if len(t) == 0 {
			break
		}
		if k, v, ok := bytes.Cut(t, []byte(":")); ok && strings.EqualFold(string(bytes.TrimSpace(k)), "Content-Length") {
			n, perr := strconv.ParseInt(string(bytes.TrimSpace(v)), 10, 64)
			if perr != nil || n < 0 {
				return nil, nil, fmt.Errorf("WARC header: bad Content-Length %q", bytes.TrimSpace(v))
			}
			length = n
		}
	}
	if length < 0 {
		return nil, nil, errors.New("WARC header has no Content-Length")
	}
	if length > max+maxWARCHeader {
		if _, err := io.CopyN(io.Discard, r, length); err != nil {
			return nil, nil, fmt.Errorf("WARC record of %d bytes, over the limit, and truncated", length)
		}
		return nil, nil, fmt.Errorf("%w: WARC record of %d bytes, over the limit of %d", ErrTooLarge, length, max)
	}
	rec = make([]byte, hdr.Len()+int(length), hdr.Len()+int(length)+4)
	copy(rec, hdr.Bytes())
	block := rec[hdr.Len():]
	if n, err := io.ReadFull(r, block); err != nil {
		return nil, nil, fmt.Errorf("WARC record truncated: %d of %d content bytes", n, length)
	}
	// The block must be followed by the end-of-record marker; if not,
	// Content-Length is wrong.
	if end, _ := r.Peek(4); string(end) == "\r\n\r\n" {
		r.Discard(4)
		return append(rec, "\r\n\r\n"...), nil, nil
	}
	// Too long: the next record may start inside the block; give it back.
	after, _ := r.Peek(16)
	joined := append(block[:len(block):len(block)], after...)
	if i := bytes.Index(joined, []byte("\r\n\r\nWARC/")); i >= 0 && i < len(block) {
		rest = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(append([]byte(nil), block[i+4:]...)), r), 64<<10)
	}
	return nil, rest, fmt.Errorf("WARC record: Content-Length %d does not match the record (no end-of-record marker after it)", length)
}

// record parses one framed record with gowarc and reads it.
func (w *warcState) record(raw []byte) (*news.Article, string, error) {
	u := gowarc.NewUnmarshaler(
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithAddMissingDigest(false),
		gowarc.WithAddMissingRecordId(false),
	)
	rec, _, _, err := u.Unmarshal(bufio.NewReader(bytes.NewReader(raw)))
	if err != nil {
		if rec != nil {
			rec.Close()
		}
		return nil, "", fmt.Errorf("WARC record: %w", warcErr(err))
	}
	src := fmt.Sprintf("%s#record%d", w.name, w.n)
	return warcRecord(src, rec, w.opt)
}

// warcRecord reads one record. It returns the article, or nil and why the
// record was skipped, or an error for a broken record.
func warcRecord(src string, rec gowarc.WarcRecord, opt Options) (*news.Article, string, error) {
	defer rec.Close()
	if rec.Type() != gowarc.Response {
		return nil, rec.Type().String(), nil
	}
	h := rec.WarcHeader()
	uri := strings.Trim(h.Get(gowarc.WarcTargetURI), "<>")
	date, _ := h.GetTime(gowarc.WarcDate)

	var (
		payload     io.Reader
		contentType string
		encoding    string
		status      int
	)
	switch b := rec.Block().(type) {
	case gowarc.HttpResponseBlock:
		p, err := b.PayloadBytes()
		if err != nil {
			return nil, "", fmt.Errorf("WARC record %s: %w", uri, err)
		}
		payload = p
		if hh := b.HttpHeader(); hh != nil {
			contentType = hh.Get("Content-Type")
			encoding = strings.ToLower(strings.TrimSpace(hh.Get("Content-Encoding")))
		}
		status = b.HttpStatusCode()
	default:
		return nil, "response without HTTP", nil
	}
	if status >= 300 {
		return nil, fmt.Sprintf("HTTP status %d", status/100*100), nil
	}
	if contentType != "" && !htmlType(contentType) {
		mt, _, _ := mime.ParseMediaType(contentType)
		if mt == "" {
			mt = "unknown type"
		}
		return nil, mt, nil
	}

	var body io.Reader = payload
	switch encoding {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(payload)
		if err != nil {
			return nil, "", fmt.Errorf("WARC record %s: payload gzip: %w", uri, err)
		}
		defer zr.Close()
		body = zr
	case "deflate":
		fr := flate.NewReader(payload)
		defer fr.Close()
		body = fr
	default:
		return nil, "Content-Encoding " + encoding, nil
	}
	max := opt.maxBytes()
	data, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		return nil, "", fmt.Errorf("WARC record %s: %w", uri, readErr(err))
	}
	if int64(len(data)) > max {
		return nil, "", fmt.Errorf("WARC record %s: %w: payload over the limit of %d bytes", uri, ErrTooLarge, max)
	}
	if contentType == "" {
		if k := Sniff(data); k != KindHTML {
			return nil, "response of kind " + k.String(), nil
		}
	}
	if Sniff(data) == KindPDF {
		return nil, "application/pdf", nil
	}
	a, err := newArticle(src, data, news.FormatHTML, contentType)
	if err != nil {
		return nil, "", fmt.Errorf("WARC record %s: %w", uri, err)
	}
	a.Meta.URL = uri
	if !date.IsZero() {
		a.Meta.Crawled = news.DateTime{Time: date.UTC(), Precision: news.PrecisionSecond, Zoned: true}
	}
	return a, "", nil
}

// htmlType reports whether a Content-Type names HTML.
func htmlType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

func isEOF(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

func warcErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return errors.New("truncated (unexpected end of data)")
	}
	return err
}

func total(m map[string]int) int {
	t := 0
	for _, v := range m {
		t += v
	}
	return t
}

// describe lists counts by reason, most first: "8 request, 4 image/jpeg".
func describe(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", m[k], k)
	}
	return strings.Join(parts, ", ")
}
