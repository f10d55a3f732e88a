package segment

import (
	"fmt"
	"strings"
	"unicode"

	"sitrep/news"
)

// checkLayers returns a description of the first broken invariant of the
// layers of text (see the package comment), or "".
func checkLayers(text string, paras []news.Span, sents []news.Sentence, toks []news.Token) string {
	for i, tk := range toks {
		if err := news.CheckSpan(text, tk.Span); err != nil {
			return fmt.Sprintf("token %d: %v", i, err)
		}
		if tk.Span.IsZero() {
			return fmt.Sprintf("token %d %v is empty", i, tk.Span)
		}
		if i > 0 && toks[i-1].Span.End > tk.Span.Start {
			return fmt.Sprintf("token %d %v overlaps or precedes token %d %v", i, tk.Span, i-1, toks[i-1].Span)
		}
		if strings.IndexFunc(text[tk.Span.Start:tk.Span.End], unicode.IsSpace) >= 0 {
			return fmt.Sprintf("token %d %q holds white space", i, text[tk.Span.Start:tk.Span.End])
		}
		switch tk.Kind {
		case news.Word, news.Number, news.Punct, news.Symbol:
		default:
			return fmt.Sprintf("token %d has kind %q", i, tk.Kind)
		}
	}
	for i, p := range paras {
		if err := news.CheckSpan(text, p); err != nil {
			return fmt.Sprintf("paragraph %d: %v", i, err)
		}
		if i > 0 && paras[i-1].End > p.Start {
			return fmt.Sprintf("paragraph %d %v overlaps paragraph %d", i, p, i-1)
		}
	}
	next := 0 // the first token not yet in a sentence
	for i, s := range sents {
		if err := news.CheckSpan(text, s.Span); err != nil {
			return fmt.Sprintf("sentence %d: %v", i, err)
		}
		if s.First != next || s.End <= s.First || s.End > len(toks) {
			return fmt.Sprintf("sentence %d has tokens [%d,%d), want a non-empty range from %d", i, s.First, s.End, next)
		}
		next = s.End
		if s.Span.Start != toks[s.First].Span.Start || s.Span.End != toks[s.End-1].Span.End {
			return fmt.Sprintf("sentence %d span %v is not that of its tokens", i, s.Span)
		}
		if s.Paragraph < 0 || s.Paragraph >= len(paras) || !paras[s.Paragraph].Contains(s.Span) {
			return fmt.Sprintf("sentence %d %v is not inside its paragraph %d", i, s.Span, s.Paragraph)
		}
		if i > 0 && (sents[i-1].Span.End > s.Span.Start || sents[i-1].Paragraph > s.Paragraph) {
			return fmt.Sprintf("sentence %d is out of order", i)
		}
	}
	if next != len(toks) {
		return fmt.Sprintf("tokens from %d on are in no sentence", next)
	}
	return ""
}
