package event

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/news"
)

// A word is one token of a sentence as the stage reads it: its span, its
// lower-case text, and what the other layers say about it.
type word struct {
	span    news.Span
	low     string
	punct   bool
	number  bool
	mention int // index into Article.Mentions of the mention covering it; -1 when none
	place   int // index into Article.Places; -1
	time    int // index into Article.Times; -1
	quote   int // index into Article.Quotes whose content covers it; -1
}

// sentences returns the sentence spans of a: the segment layer when it is
// there, else a split of its own at sentence-final marks and blank lines.
func sentences(a *news.Article) []news.Span {
	if len(a.Sentences) > 0 {
		out := make([]news.Span, 0, len(a.Sentences))
		for _, s := range a.Sentences {
			if s.Span.Within(len(a.Text)) {
				out = append(out, s.Span)
			}
		}
		return out
	}
	return splitSentences(a.Text)
}

// splitSentences splits text at ". ", "! ", "? " before an upper-case
// letter, a digit or a quote, and at newlines. It is the fallback when no
// segment layer is present; it runs in linear time.
func splitSentences(text string) []news.Span {
	var out []news.Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		s, e = runeStart(text, s), runeStart(text, e)
		if e > s {
			out = append(out, news.Span{Start: s, End: e})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			emit(i)
			continue
		}
		if c == '.' || c == '!' || c == '?' {
			j := i + 1
			for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
				j++
			}
			if j < len(text) && text[j] == ' ' {
				k := j
				for k < len(text) && text[k] == ' ' {
					k++
				}
				if k < len(text) {
					r, _ := utf8.DecodeRuneInString(text[k:])
					if unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' {
						if c != '.' || !abbrevBefore(text, i) {
							emit(j)
						}
					}
				}
			}
		}
	}
	emit(len(text))
	return out
}

// abbrevBefore reports whether the period at i ends a short capitalised
// abbreviation ("Col.", "Gen.", "U.S.").
func abbrevBefore(text string, i int) bool {
	j := i
	for j > 0 && text[j-1] != ' ' && text[j-1] != '\n' {
		j--
	}
	w := text[j:i]
	if strings.Contains(w, ".") || len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true // "U.S.", "J."
	}
	return abbreviations[w]
}

// abbreviations are titles and short forms that end with a period inside a
// sentence.
var abbreviations = set("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Maj", "Capt", "Sgt", "Cpl",
	"Adm", "Cmdr", "Gov", "Sen", "Rep", "Rev", "St", "Jr", "Sr", "No", "Jan", "Feb", "Mar", "Apr", "Jun",
	"Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "Co", "Corp", "Inc", "Ltd", "vs", "approx")

// runeStart moves i forward over stray UTF-8 continuation bytes to the
// next rune start (or the end of text): spans of invalid text still start
// and end on boundaries.
func runeStart(text string, i int) int {
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// tokenize appends the words of text[sp] to buf: letters and digits with
// inner hyphens, apostrophes and periods; one mark per punctuation token.
// "'s" is its own word. It is the fallback when no token layer is present.
func tokenize(buf []news.Span, text string, sp news.Span) []news.Span {
	i := sp.Start
	for i < sp.End {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) || !utf8.RuneStart(text[i]) {
			i += n
			continue
		}
		if (r == '\'' || r == '’') && possessiveAt(text, i+n, sp.End) {
			buf = append(buf, news.Span{Start: i, End: i + n + 1})
			i += n + 1
			continue
		}
		if !isWordRune(r) {
			end := min(runeStart(text, i+n), sp.End)
			buf = append(buf, news.Span{Start: i, End: end})
			i = end
			continue
		}
		j := i + n
		for j < sp.End {
			r, n := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			if r == ',' && j+n < sp.End && unicode.IsDigit(rune(text[j-1])) && j+n+3 <= sp.End &&
				isDigits(text[j+n:j+n+3]) && (j+n+3 == sp.End || !unicode.IsDigit(rune(text[j+n+3]))) {
				j += n // "13,000"
				continue
			}
			if (r == '-' || r == '.' || r == '\'' || r == '’') && j+n < sp.End {
				r2, _ := utf8.DecodeRuneInString(text[j+n:])
				if isWordRune(r2) && !(r != '-' && possessiveAt(text, j+n, sp.End)) {
					j += n
					continue
				}
			}
			break
		}
		j = min(runeStart(text, j), sp.End)
		buf = append(buf, news.Span{Start: i, End: j})
		i = j
	}
	return buf
}

// possessiveAt reports whether text[i:] starts "s" followed by a non-word
// rune: the s of "army's".
func possessiveAt(text string, i, end int) bool {
	if i >= end || (text[i] != 's' && text[i] != 'S') {
		return false
	}
	if i+1 >= end {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i+1:])
	return !isWordRune(r)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// lower returns s in lower case, without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return toLower(s)
		}
	}
	return s
}

func toLower(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch r {
		case '’':
			r = '\''
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
}
