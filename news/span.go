package news

import (
	"fmt"
	"unicode/utf8"
)

// A Span is a half-open byte range [Start, End) of Article.Text. The zero
// Span is empty and means "absent".
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// IsZero reports whether the span is empty (absent).
func (s Span) IsZero() bool { return s.Start == s.End }

// Within reports whether the span fits a text of n bytes.
func (s Span) Within(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// String formats the span as [start,end).
func (s Span) String() string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }

// A RawSpan is a half-open byte range of Article.Original, for metadata that
// comes from the page rather than the body text.
type RawSpan struct {
	Start int `json:"raw_start"`
	End   int `json:"raw_end"`
}

// IsZero reports whether the span is empty (absent).
func (s RawSpan) IsZero() bool { return s.Start == s.End }

// CheckSpan returns an error when s does not fit text or does not start and
// end on UTF-8 boundaries. Tests and fuzzers use it for every layer.
func CheckSpan(text string, s Span) error {
	if !s.Within(len(text)) {
		return fmt.Errorf("span %v outside text of %d bytes", s, len(text))
	}
	if !boundary(text, s.Start) || !boundary(text, s.End) {
		return fmt.Errorf("span %v not on UTF-8 boundaries", s)
	}
	return nil
}

func boundary(text string, i int) bool {
	return i == 0 || i == len(text) || utf8.RuneStart(text[i])
}
