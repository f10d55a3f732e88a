package timex

import (
	"strings"
	"testing"
)

// A marked time is an expected time in a test text.
type marked struct {
	text, value string
	start, end  int
}

// unmark turns "On [June 8|2017-06-08] it rained" into the plain text and
// the expected times, with offsets computed from the markup. A literal
// bracket cannot appear in test texts.
func unmark(t *testing.T, src string) (string, []marked) {
	t.Helper()
	var b strings.Builder
	var out []marked
	for {
		i := strings.IndexByte(src, '[')
		if i < 0 {
			b.WriteString(src)
			break
		}
		b.WriteString(src[:i])
		j := strings.IndexByte(src[i:], ']')
		if j < 0 {
			t.Fatalf("unclosed [ in %q", src)
		}
		inner := src[i+1 : i+j]
		bar := strings.LastIndexByte(inner, '|')
		if bar < 0 {
			t.Fatalf("markup %q has no |value", inner)
		}
		m := marked{text: inner[:bar], value: inner[bar+1:], start: b.Len()}
		b.WriteString(m.text)
		m.end = b.Len()
		out = append(out, m)
		src = src[i+j+1:]
	}
	return b.String(), out
}
