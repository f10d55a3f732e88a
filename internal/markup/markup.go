// Package markup reads the inline span markup of sitrep's table tests, so
// that expected spans are written in the text and never counted by hand:
// "[Sergei Rudskoy|PER] said" is the text "Sergei Rudskoy said" with one
// mark over "Sergei Rudskoy" labelled "PER".
//
// A mark is "[" text "|" label "]"; the label is what follows the last "|".
// Marks do not nest, and a test text cannot hold a literal "[".
package markup

import (
	"fmt"
	"strings"

	"sitrep/news"
)

// A Mark is one marked span of the plain text and its label.
type Mark struct {
	Span  news.Span
	Text  string
	Label string
}

// Parse returns the plain text of s and its marks in order, with spans
// into the plain text. It fails on an unclosed "[" or a mark without "|".
func Parse(s string) (string, []Mark, error) {
	var b strings.Builder
	var marks []Mark
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			b.WriteString(s)
			return b.String(), marks, nil
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			return "", nil, fmt.Errorf("markup: unclosed [ in %q", s[i:])
		}
		inner := s[i+1 : i+j]
		bar := strings.LastIndexByte(inner, '|')
		if bar < 0 {
			return "", nil, fmt.Errorf("markup: %q has no |label", inner)
		}
		m := Mark{Text: inner[:bar], Label: inner[bar+1:]}
		m.Span.Start = b.Len()
		b.WriteString(m.Text)
		m.Span.End = b.Len()
		marks = append(marks, m)
		s = s[i+j+1:]
	}
}
