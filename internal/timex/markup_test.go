package timex

import (
	"testing"

	"sitrep/internal/markup"
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
	text, marks, err := markup.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]marked, len(marks))
	for i, m := range marks {
		out[i] = marked{text: m.Text, value: m.Label, start: m.Span.Start, end: m.Span.End}
	}
	return text, out
}
