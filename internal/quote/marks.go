package quote

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"sitrep/news"
)

// A qseg is one top-level quotation: the tokens of its marks and the text
// between them.
type qseg struct {
	open    int       // token of the opening mark
	close   int       // token of the closing mark; -1 when it was never closed
	last    int       // last token of the quote (the closing mark, or the last token before the break)
	content news.Span // text between the marks, trimmed
	words   int       // words inside, up to a cap
	titled  bool      // every word capitalised: a name or a title, not speech
	direct  bool
}

// maxDepth bounds the nesting of quotation marks that is tracked.
const maxDepth = 8

// family groups marks that open and close the same quotation.
func family(r rune) rune {
	switch r {
	case '“', '”', '„', '‟':
		return '“'
	case '«', '»':
		return '«'
	}
	return '"'
}

// pairMarks pairs quotation marks into top-level quotations (an.quots) and
// records diagnostics for marks it cannot pair. Quotations continue over a
// paragraph break when the next paragraph opens with a mark of the same
// family (the English convention for quotes of several paragraphs).
func (an *analyzer) pairMarks() {
	var stack [maxDepth]rune
	depth := 0
	start := -1 // token of the top-level opening mark
	deepWarned := false
	toks := an.toks
	finish := func(close, last int) {
		if q := an.newSeg(start, close, last); !q.content.IsZero() {
			an.quots = append(an.quots, q)
		}
		depth, start = 0, -1
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if depth > 0 && i > 0 && t.para != toks[i-1].para {
			// A paragraph break inside an open quotation.
			if t.kind == tMark && family(t.r) == family(stack[0]) && an.opensHere(i) {
				an.mask[i] |= maskSkip
				depth = 1
				continue
			}
			an.a.AddDiagnostic("quote", news.Warning,
				news.Span{Start: int(toks[start].start), End: int(toks[i-1].end)},
				"quote-unclosed", "quotation mark not closed before the end of the paragraph; the quote is taken to end there")
			finish(-1, i-1)
		}
		if t.kind != tMark {
			continue
		}
		opens, closes := an.markRole(i, stack[:depth])
		switch {
		case closes && depth > 0:
			depth--
			if depth == 0 {
				finish(i, i)
			}
		case opens:
			if depth == maxDepth {
				if !deepWarned {
					an.a.AddDiagnostic("quote", news.Info, t.span(), "quote-nested-deep", "quotation marks nested too deep; inner marks ignored")
					deepWarned = true
				}
				continue
			}
			if depth == 0 {
				start = i
			}
			stack[depth] = t.r
			depth++
		case closes:
			an.a.AddDiagnostic("quote", news.Info, t.span(), "quote-unmatched-close", "closing quotation mark with no opening mark")
		}
	}
	if depth > 0 {
		an.a.AddDiagnostic("quote", news.Warning,
			news.Span{Start: int(toks[start].start), End: int(toks[len(toks)-1].end)},
			"quote-unclosed", "quotation mark not closed before the end of the text; the quote is taken to end there")
		finish(-1, len(toks)-1)
	}
}

// newSeg builds the quotation from the mark at open to the mark at close
// (-1 when never closed; last is then its last token).
func (an *analyzer) newSeg(open, close, last int) qseg {
	toks := an.toks
	q := qseg{open: open, close: close, last: last}
	end := int(toks[last].end)
	if close >= 0 {
		end = int(toks[close].start)
	}
	q.content = trimSpan(an.text, news.Span{Start: int(toks[open].end), End: end})
	// A final comma inside the closing mark belongs to the sentence
	// around the quote: “…,” he said.
	for q.content.End > q.content.Start && an.text[q.content.End-1] == ',' {
		q.content = trimSpan(an.text, news.Span{Start: q.content.Start, End: q.content.End - 1})
	}
	q.titled = true
	for i := open + 1; i <= last && i < len(toks) && i != close; i++ {
		if toks[i].kind == tWord {
			q.words++
			if !toks[i].upper && !isNumber(an.text[toks[i].start:toks[i].end]) {
				q.titled = false
			}
		} else if toks[i].kind == tPunct && toks[i].r != '-' && toks[i].r != '&' {
			q.titled = false
		}
	}
	return q
}

// pairSingles finds quotations in single marks outside double ones, the
// British convention ('We are shocked,' said the group). Since the same
// marks are apostrophes, a pair counts only when the opening mark stands
// before a letter and the closing mark after a , . ! or ?, in one
// paragraph; anything else is left alone, with no diagnostic.
func (an *analyzer) pairSingles() {
	toks := an.toks
	var found []qseg
	qi, open := 0, -1
	for i := range toks {
		for qi < len(an.quots) && an.quots[qi].last < i {
			qi++
		}
		if qi < len(an.quots) && an.quots[qi].open <= i {
			open = -1
			continue
		}
		if i > 0 && toks[i].para != toks[i-1].para {
			open = -1
		}
		t := toks[i]
		if t.kind != tPunct || t.r != '\'' && t.r != '‘' && t.r != '’' {
			continue
		}
		switch {
		case open < 0:
			if t.r != '’' && an.spaceBefore(i) && !an.spaceAfter(i) && i+1 < len(toks) && toks[i+1].kind == tWord && !isNumber(an.word(i+1)) {
				open = i
			}
		case t.r != '‘' && !an.spaceBefore(i) && an.spaceAfter(i) && an.isPunct(i-1, ",.!?…"):
			if q := an.newSeg(open, i, i); !q.content.IsZero() {
				found = append(found, q)
			}
			open = -1
		}
	}
	if len(found) == 0 {
		return
	}
	an.quots = append(an.quots, found...)
	sort.Slice(an.quots, func(a, b int) bool { return an.quots[a].open < an.quots[b].open })
}

// opensHere reports whether the mark at i stands where an opening mark
// stands: after a space or a bracket, before a word.
func (an *analyzer) opensHere(i int) bool {
	return an.spaceBefore(i) && !an.spaceAfter(i)
}

func (an *analyzer) spaceBefore(i int) bool {
	if i == 0 {
		return true
	}
	p := an.toks[i-1]
	if p.para != an.toks[i].para || p.end < an.toks[i].start {
		return true
	}
	switch p.r {
	case '(', '[', '—', '–', '-', '/', ':':
		return p.kind == tPunct
	}
	return p.kind == tMark
}

func (an *analyzer) spaceAfter(i int) bool {
	if i+1 >= len(an.toks) {
		return true
	}
	n := an.toks[i+1]
	if n.para != an.toks[i].para || n.start > an.toks[i].end {
		return true
	}
	if n.kind == tPunct {
		switch n.r {
		case '.', ',', ';', ':', '!', '?', ')', ']', '…', '—', '–', '-':
			return true
		}
	}
	return n.kind == tMark
}

// markRole says whether the mark at i opens or closes a quotation, given
// the marks open around it (innermost last).
func (an *analyzer) markRole(i int, open []rune) (opens, closes bool) {
	r := an.toks[i].r
	var top rune
	if len(open) > 0 {
		top = open[len(open)-1]
	}
	switch r {
	case '„':
		return true, false
	case '“':
		if top == '„' && !an.opensHere(i) { // German „…“
			return false, true
		}
		return true, false
	case '”', '‟':
		if len(open) == 0 && an.opensHere(i) { // Swedish ”…”
			return true, false
		}
		return false, true
	case '«':
		if top == '»' { // Danish »…«
			return false, true
		}
		return true, false
	case '»':
		if top == '«' {
			return false, true
		}
		if an.opensHere(i) {
			return true, false
		}
		return false, true
	}
	// Straight marks: the spacing decides. After a number and before a
	// word that is not a cue, a mark is an inch mark even inside a quote:
	// "We found a 12" pipe bomb".
	if an.inchMark(i) && i+1 < len(an.toks) && an.toks[i+1].kind == tWord && !an.toks[i+1].upper && !an.isCueWord(i+1) {
		return false, false
	}
	if top == '"' || top == '＂' {
		return false, true
	}
	if an.inchMark(i) {
		return false, false
	}
	if !an.spaceBefore(i) && an.spaceAfter(i) {
		return false, true
	}
	return true, false
}

// inchMark reports whether the straight mark at i follows a number with no
// space: `a 12" gun`.
func (an *analyzer) inchMark(i int) bool {
	if i == 0 {
		return false
	}
	p := an.toks[i-1]
	if p.kind != tWord || p.end != an.toks[i].start || p.para != an.toks[i].para {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(an.text[p.start:p.end])
	return unicode.IsDigit(r)
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return true
}
