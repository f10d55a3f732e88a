package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/news"
)

// Sentence rules, applied to the tokens of one paragraph (a sentence never
// crosses a paragraph):
//
//   - After . ? ! and their kin in other scripts the sentence ends, together
//     with the closing quotes and brackets and further marks written right
//     after them (`stay." Then` ends after the quote), unless the next token
//     is a word in lower case or , ; : (an unlisted abbreviation, or a quote
//     that goes on: `"Stop!" he said`), or the quote is followed by a name
//     and a reporting verb (`"It is over!" Smith said.`).
//   - After an ellipsis the sentence ends only before a capitalised word.
//   - After an abbreviation's period (a token like "Inc." or "U.S.") the
//     sentence ends only when the next word is a common sentence opener
//     ("in the U.S. The next day") or an opening quote; after a title or
//     rank ("Col. Gen. Sergei Rudskoy") or a number abbreviation ("No. 5")
//     never.
//   - A line break inside a paragraph ends a sentence (headings, datelines,
//     lines without final punctuation), unless the line ends with , ; : or a
//     dash, or the next line starts with a word in lower case.
//   - A bullet marker at the start of a paragraph never ends a sentence.

// terminal kinds of a token.
type terminal uint8

const (
	notTerminal  terminal = iota
	termPeriod            // . and full stops of other scripts
	termStrong            // ? ! and their kin
	termEllipsis          // … ...
	termAbbrev            // a word ending with its period: Inc. U.S. J.
)

// sentencer splits the tokens of one article into sentences.
type sentencer struct {
	lx    *lexicon
	text  string
	toks  []news.Token
	sents []news.Sentence
}

func (sp *sentencer) tokText(k int) string {
	t := sp.toks[k].Span
	return sp.text[t.Start:t.End]
}

// split appends the sentences of paragraph para, whose tokens are
// toks[first:last] and whose bullet marker, if any, ends at markerEnd.
func (sp *sentencer) split(para, first, last, markerEnd int) {
	start := first
	k := first
	for k < last && sp.toks[k].Span.End <= markerEnd {
		k++
	}
	// A paragraph of one line has no line break to look for.
	lines := strings.IndexByte(sp.text[sp.toks[first].Span.Start:sp.toks[last-1].Span.End], '\n') >= 0
	for ; k < last; k++ {
		j := k
		brk := false
		if term := sp.terminal(k); term != notTerminal {
			for j+1 < last && sp.adjacent(j, j+1) && (isCloser(sp.tokText(j+1)) || sp.terminal(j+1) == termPeriod || sp.terminal(j+1) == termStrong) {
				j++
			}
			brk = sp.ends(term, k, j, last)
		}
		if !brk && lines && j+1 < last && sp.lineBreak(j) {
			brk = true
		}
		if brk {
			sp.add(para, start, j+1)
			start = j + 1
		}
		k = j
	}
	if start < last {
		sp.add(para, start, last)
	}
}

func (sp *sentencer) add(para, first, end int) {
	sp.sents = append(sp.sents, news.Sentence{
		Span:      news.Span{Start: sp.toks[first].Span.Start, End: sp.toks[end-1].Span.End},
		Paragraph: para,
		First:     first,
		End:       end,
	})
}

// adjacent reports whether no space separates tokens a and b.
func (sp *sentencer) adjacent(a, b int) bool {
	return sp.toks[a].Span.End == sp.toks[b].Span.Start
}

// lineBreak reports whether a line break between tokens k and k+1 ends a
// sentence.
func (sp *sentencer) lineBreak(k int) bool {
	gap := sp.text[sp.toks[k].Span.End:sp.toks[k+1].Span.Start]
	if len(gap) == 0 || gap == " " || strings.IndexByte(gap, '\n') < 0 {
		return false
	}
	switch sp.tokText(k) {
	case ",", ";", ":", "-", "–", "—", "(", "[", "/", "&", "+", "“", "«", "„":
		return false
	}
	return !sp.lowerWord(k + 1)
}

// terminal classifies token k.
func (sp *sentencer) terminal(k int) terminal {
	t := sp.toks[k]
	switch t.Kind {
	case news.Punct:
		if c := sp.text[t.Span.Start]; c < utf8.RuneSelf {
			switch {
			case c == '.' && t.Span.Len() == 1:
				return termPeriod
			case c == '.':
				return termEllipsis // ".." or longer
			case c == '?' || c == '!':
				return termStrong
			}
			return notTerminal
		}
		switch sp.text[t.Span.Start:t.Span.End] {
		case "。", "｡", "．", "।", "॥", "۔", "።", "܁", "܂":
			return termPeriod
		case "‼", "⁇", "⁈", "⁉", "？", "！", "؟", "\u037e":
			return termStrong
		case "…":
			return termEllipsis
		}
	case news.Word:
		if t.Span.Len() > 1 && sp.text[t.Span.End-1] == '.' {
			return termAbbrev
		}
	}
	return notTerminal
}

// abbrevClass classifies an abbreviation token that ends with its period.
func (sp *sentencer) abbrevClass(w string) abbrevClass {
	w = w[:len(w)-1]
	if c := sp.lx.abbrev[w]; c != notAbbrev {
		return c
	}
	if h := strings.LastIndexByte(w, '-'); h >= 0 {
		if c := sp.lx.abbrev[w[h+1:]]; c != notAbbrev {
			return c
		}
	}
	return classGeneral // U.S., J., Ph.D.
}

// ends decides whether the sentence ends after token j, where token k is
// the terminal mark of kind term and k+1..j are the closers and marks
// written right after it.
func (sp *sentencer) ends(term terminal, k, j, last int) bool {
	n := j + 1
	if n >= last {
		return true
	}
	closed := j > k
	if term == termAbbrev && !closed {
		switch sp.abbrevClass(sp.tokText(k)) {
		case classTitle, classNumber:
			return false
		}
		w := sp.tokText(n)
		if sp.toks[n].Kind == news.Word && sp.lx.starters[w] {
			return true
		}
		return isQuote(w) && n+1 < last && sp.upperWord(n+1)
	}
	if term == termEllipsis {
		if sp.upperWord(n) {
			return true
		}
		return isOpener(sp.tokText(n)) && n+1 < last && sp.upperWord(n+1)
	}
	if sp.lowerWord(n) {
		return false
	}
	switch sp.tokText(n) {
	case ",", ";", ":":
		return false
	}
	if closed && sp.hasQuote(k+1, j+1) && sp.attribution(n, last) {
		return false
	}
	return true
}

// hasQuote reports whether a closing quote is among tokens [a, b).
func (sp *sentencer) hasQuote(a, b int) bool {
	for i := a; i < b; i++ {
		switch sp.tokText(i) {
		case `"`, "'", "”", "’", "»", "›", "」", "』":
			return true
		}
	}
	return false
}

// attribution reports whether tokens from n read as the speaker of the
// quotation before them: a few capitalised words or titles, then a verb of
// the reporting list and a mark or the paragraph's end ("Smith said.",
// "Col. Gen. Sergei Rudskoy told reporters" does not qualify). A sentence
// opener ("He said") or a verb that goes on ("Smith said that", `Smith
// said "We`) starts a new sentence instead.
func (sp *sentencer) attribution(n, last int) bool {
	if sp.lx.starters[sp.tokText(n)] {
		return false
	}
	for i := n; i < last && i < n+6; i++ {
		w := sp.tokText(i)
		if sp.toks[i].Kind != news.Word {
			return false
		}
		if sp.lx.reporting[w] {
			if i == n {
				return false
			}
			if i+1 == last {
				return true
			}
			switch sp.tokText(i + 1) {
			case ".", ",", ";", "!", "?":
				return true
			}
			return false
		}
		if !sp.upperWord(i) {
			return false
		}
	}
	return false
}

// lowerWord reports whether token k is a word in lower case: it starts
// with a lower-case letter and has no capital after it (iTunes and eBay
// are names, which may open a sentence).
func (sp *sentencer) lowerWord(k int) bool {
	if sp.toks[k].Kind != news.Word {
		return false
	}
	w := sp.tokText(k)
	r, sz := runeAt(w, 0)
	if !unicode.IsLower(r) {
		return false
	}
	for _, c := range w[sz:] {
		if unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

// upperWord reports whether token k is a word that starts with a capital
// letter or with a letter of a script without case.
func (sp *sentencer) upperWord(k int) bool {
	if sp.toks[k].Kind != news.Word {
		return false
	}
	r, _ := runeAt(sp.text, sp.toks[k].Span.Start)
	if r < utf8.RuneSelf {
		return asciiClass[r] == cUpper
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r) || (unicode.IsLetter(r) && !unicode.IsLower(r))
}

// isCloser reports closing quotes and brackets.
func isCloser(w string) bool {
	switch w {
	case `"`, "'", "”", "’", "»", "›", ")", "]", "}", "」", "』", "）", "］":
		return true
	}
	return false
}

// isQuote reports opening quotation marks.
func isQuote(w string) bool {
	switch w {
	case `"`, "'", "“", "‘", "«", "„", "‹", "「", "『":
		return true
	}
	return false
}

// isOpener reports opening quotes and brackets.
func isOpener(w string) bool {
	switch w {
	case `"`, "'", "“", "‘", "«", "„", "‹", "(", "[", "「", "『", "（":
		return true
	}
	return false
}
