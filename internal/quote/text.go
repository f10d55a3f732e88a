package quote

import (
	"unicode"
	"unicode/utf8"

	"sitrep/news"
)

type tokKind uint8

const (
	tWord  tokKind = iota + 1 // letters or digits, with inner hyphens, apostrophes and dots
	tPunct                    // one mark that is not a quotation mark
	tMark                     // a double quotation mark of any convention
)

// A token is one word or mark of Text. Tokens never overlap and are in text
// order; para is the paragraph the token lies in.
type token struct {
	start, end int32
	para       int32
	kind       tokKind
	upper      bool // a word that starts with an upper-case letter
	r          rune // the mark, for tPunct and tMark
}

func (t token) span() news.Span { return news.Span{Start: int(t.start), End: int(t.end)} }

// isMark reports whether r is a double quotation mark of some convention.
func isMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '＂':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// tokenize splits text into tokens, paragraph by paragraph. paras are sorted,
// non-overlapping spans of text; text outside them is skipped. It runs in
// time linear in the text.
func tokenize(text string, paras []news.Span, dst []token) []token {
	for pi, p := range paras {
		i := p.Start
		for i < p.End {
			r, n := utf8.DecodeRuneInString(text[i:])
			switch {
			case isSpace(r) || r == utf8.RuneError && n <= 1:
				i += n
			case isWordRune(r):
				j := i + n
				for j < p.End {
					if c := text[j]; c < 0x80 && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
						j++
						continue
					}
					r2, n2 := utf8.DecodeRuneInString(text[j:])
					if isWordRune(r2) {
						j += n2
						continue
					}
					// Inner hyphen, apostrophe or dot: kept when a letter or
					// digit follows ("US-led", "Staff's", "U.S").
					if r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' || r2 == '‐' {
						if j+n2 < p.End {
							r3, _ := utf8.DecodeRuneInString(text[j+n2:])
							if isWordRune(r3) && !(r2 == '.' && unicode.IsDigit(r3) != unicode.IsDigit(r)) {
								j += n2
								continue
							}
						}
					}
					break
				}
				j = skipBroken(text, j, p.End)
				dst = append(dst, token{start: int32(i), end: int32(j), para: int32(pi), kind: tWord, upper: unicode.IsUpper(r)})
				i = j
			default:
				k := tPunct
				if isMark(r) {
					k = tMark
				}
				j := i + n
				if r == '.' && j+2 <= p.End && text[j:j+2] == ".." { // "..."
					j += 2
					r = '…'
				}
				j = skipBroken(text, j, p.End)
				dst = append(dst, token{start: int32(i), end: int32(j), para: int32(pi), kind: k, r: r})
				i = j
			}
		}
	}
	return dst
}

// skipBroken steps over stray UTF-8 continuation bytes at j, so that a
// token never ends in the middle of broken input.
func skipBroken(text string, j, end int) int {
	for j < end && !utf8.RuneStart(text[j]) {
		j++
	}
	return j
}

// paragraphs returns the paragraphs of a: the segment stage's when it found
// more than one, else the text's own blank-line (or, lacking those, line)
// breaks.
func paragraphs(a *news.Article) []news.Span {
	n := len(a.Text)
	if len(a.Paragraphs) > 1 {
		ok := true
		prev := 0
		for _, p := range a.Paragraphs {
			if !p.Within(n) || p.Start < prev {
				ok = false
				break
			}
			prev = p.End
		}
		if ok {
			return a.Paragraphs
		}
	}
	text := a.Text
	blank := false
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '\n' && isBlankAfter(text, i+1) {
			blank = true
			break
		}
	}
	var out []news.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' {
			continue
		}
		if i == len(text) || !blank || isBlankAfter(text, i+1) {
			if s := trimSpan(text, news.Span{Start: start, End: i}); !s.IsZero() {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	return out
}

// isBlankAfter reports whether the line starting at i holds only spaces.
func isBlankAfter(text string, i int) bool {
	for ; i < len(text); i++ {
		switch text[i] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

// trimSpan trims s of white space and of broken UTF-8 at its ends, so that
// both ends fall on rune boundaries.
func trimSpan(text string, s news.Span) news.Span {
	for s.Start < s.End {
		if !utf8.RuneStart(text[s.Start]) {
			s.Start++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[s.Start:])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		if s.End < len(text) && !utf8.RuneStart(text[s.End]) {
			s.End--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}
