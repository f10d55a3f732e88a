// Package report writes analysed articles for people and for programs:
// a readable report, the JSON contract (one object per article, every layer
// with byte offsets and the text each span covers), JSON Lines, and the
// stand-off text that the golden tests compare.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"sitrep/news"
)

// Format names an output format of `sitrep analyze`.
type Format string

// Output formats.
const (
	Text     Format = "text"
	JSON     Format = "json"
	JSONL    Format = "jsonl"
	Standoff Format = "standoff"
)

// Formats lists every format, for help texts.
var Formats = []Format{Text, JSON, JSONL, Standoff}

// Write writes a in format f.
func Write(w io.Writer, f Format, a *news.Article) error {
	switch f {
	case Text:
		return WriteText(w, a)
	case JSON:
		return WriteJSON(w, a, true)
	case JSONL:
		return WriteJSON(w, a, false)
	case Standoff:
		return WriteStandoff(w, a)
	}
	return fmt.Errorf("unknown format %q", f)
}

// WriteJSON writes the JSON contract of a: indented, or on one line when
// indent is false, followed by a newline. Every span object
// {"start":S,"end":E} of Text gains "text", the text it covers.
func WriteJSON(w io.Writer, a *news.Article, indent bool) error {
	b, err := MarshalArticle(a)
	if err != nil {
		return err
	}
	if indent {
		var buf bytes.Buffer
		if err := json.Indent(&buf, b, "", "  "); err != nil {
			return err
		}
		b = buf.Bytes()
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// MarshalArticle returns the compact JSON contract of a.
func MarshalArticle(a *news.Article) ([]byte, error) {
	raw, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", a.ID, err)
	}
	return withSpanText(raw, a.Text), nil
}

var spanOpen = []byte(`{"start":`)

// withSpanText adds "text" to every {"start":S,"end":E} object of raw.
// The pattern can only be JSON structure: inside a JSON string every quote
// is escaped, so `{"start":` never occurs there.
func withSpanText(raw []byte, text string) []byte {
	out := make([]byte, 0, len(raw)+len(raw)/4)
	for {
		i := bytes.Index(raw, spanOpen)
		if i < 0 {
			return append(out, raw...)
		}
		out = append(out, raw[:i]...)
		rest := raw[i:]
		start, end, n, ok := parseSpan(rest)
		if !ok {
			out = append(out, rest[:len(spanOpen)]...)
			raw = rest[len(spanOpen):]
			continue
		}
		out = append(out, rest[:n-1]...) // up to the closing brace
		if start < end && news.CheckSpan(text, news.Span{Start: start, End: end}) == nil {
			out = append(out, `,"text":`...)
			q, _ := json.Marshal(text[start:end]) // a Go string always marshals
			out = append(out, q...)
		}
		out = append(out, '}')
		raw = rest[n:]
	}
}

// parseSpan reads `{"start":S,"end":E}` at the start of b and returns S, E
// and its length.
func parseSpan(b []byte) (start, end, n int, ok bool) {
	i := len(spanOpen)
	start, i, ok = parseInt(b, i)
	if !ok {
		return
	}
	const mid = `,"end":`
	if !bytes.HasPrefix(b[i:], []byte(mid)) {
		return 0, 0, 0, false
	}
	end, i, ok = parseInt(b, i+len(mid))
	if !ok || i >= len(b) || b[i] != '}' {
		return 0, 0, 0, false
	}
	return start, end, i + 1, true
}

func parseInt(b []byte, i int) (int, int, bool) {
	j := i
	for j < len(b) && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	if j == i || j-i > 12 {
		return 0, i, false
	}
	v, err := strconv.Atoi(string(b[i:j]))
	return v, j, err == nil
}
