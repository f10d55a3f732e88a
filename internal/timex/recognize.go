package timex

import (
	"strings"
	"unicode/utf8"

	"sitrep/news"
)

// A found time expression: tokens [start, end) and what they say.
type found struct {
	start, end int
	s          spec
}

// A parser recognises time expressions over the tokens of one text. Every
// rule looks at a bounded number of tokens from its start, so recognition
// is linear in the number of tokens.
type parser struct {
	text string
	t    []tok
}

// e returns the lexicon entry of token k, or an empty entry.
func (p *parser) e(k int) *entry {
	if k < 0 || k >= len(p.t) || p.t[k].e == nil {
		return &noEntry
	}
	return p.t[k].e
}

var noEntry entry

// is reports whether token k is the word w (w in lower case).
func (p *parser) is(k int, w string) bool {
	if k < 0 || k >= len(p.t) || p.kind(k) != kWord {
		return false
	}
	s := p.text[p.t[k].start:p.t[k].end]
	// Two ASCII first letters decide most comparisons at once, exactly as
	// strings.EqualFold would (only non-ASCII runes fold to ASCII ones).
	if len(s) > 0 && len(w) > 0 && s[0] < utf8.RuneSelf && w[0] < utf8.RuneSelf && lowerASCII(s[0]) != lowerASCII(w[0]) {
		return false
	}
	return strings.EqualFold(s, w)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isAny reports whether token k is one of the words ws.
func (p *parser) isAny(k int, ws ...string) bool {
	for _, w := range ws {
		if p.is(k, w) {
			return true
		}
	}
	return false
}

// punct reports whether token k is the one-byte mark c.
func (p *parser) punct(k int, c byte) bool {
	return k >= 0 && k < len(p.t) && p.kind(k) == kPunct && p.text[p.t[k].start] == c
}

// apostrophe reports whether token k is ' or ’.
func (p *parser) apostrophe(k int) bool {
	if k < 0 || k >= len(p.t) || p.t[k].kind != kPunct {
		return false
	}
	s := p.text[p.t[k].start:p.t[k].end]
	return s == "'" || s == "’"
}

// dash reports whether token k is a hyphen or an en or em dash.
func (p *parser) dash(k int) bool {
	if k < 0 || k >= len(p.t) || p.kind(k) != kPunct {
		return false
	}
	s := p.text[p.t[k].start:p.t[k].end]
	return s == "-" || s == "–" || s == "—"
}

// adj reports whether token k follows token k-1 with no space between.
func (p *parser) adj(k int) bool { return k > 0 && k < len(p.t) && !p.t[k].sp }

// num returns the value of the digit run at k with nd digits.
func (p *parser) num(k int) (v, nd int, ok bool) {
	if k < 0 || k >= len(p.t) || p.kind(k) != kDigit || p.t[k].val < 0 {
		return 0, 0, false
	}
	return p.t[k].val, p.t[k].end - p.t[k].start, true
}

// kind returns the kind of token k, 0 when k is out of range.
func (p *parser) kind(k int) byte {
	if k < 0 || k >= len(p.t) {
		return 0
	}
	return p.t[k].kind
}

// upper reports whether token k is a capitalised word.
func (p *parser) upper(k int) bool { return k >= 0 && k < len(p.t) && p.t[k].upper }

// nl reports whether a line break comes before token k.
func (p *parser) nl(k int) bool { return k >= 0 && k < len(p.t) && p.t[k].nl }

// word reports whether token k is a word.
func (p *parser) word(k int) bool { return k >= 0 && k < len(p.t) && p.kind(k) == kWord }

// find returns every time expression of the text, in order, without
// overlaps.
func (p *parser) find(out []found) []found {
	for k := 0; k < len(p.t); {
		// Only numbers, words of the lexicon and apostrophes ("'90s") open
		// an expression.
		if t := &p.t[k]; t.kind == kWord && t.e == nil || t.kind == kPunct && !p.apostrophe(k) {
			k++
			continue
		}
		f, ok := p.match(k)
		if !ok || f.end <= k || f.end > len(p.t) {
			k++
			continue
		}
		out = append(out, f)
		k = f.end
		// A range that shares the month: "June 6-8", "between June 6 and 8".
		if f.s.m != 0 && f.s.d != 0 && !f.s.clock {
			if r, ok := p.rangeDay(k, f.s); ok {
				out = append(out, r)
				k = r.end
			}
		}
	}
	return out
}

// rangeDay reads the second day of a range after a month-day date.
func (p *parser) rangeDay(k int, first spec) (found, bool) {
	if !(p.dash(k) || p.isAny(k, "to", "and", "through", "until", "till")) {
		return found{}, false
	}
	d, nd, ok := p.num(k + 1)
	if !ok || nd > 2 || d < 1 || d > 31 || d <= first.d {
		return found{}, false
	}
	end := k + 2
	if p.word(end) && p.adj(end) && p.isAny(end, "st", "nd", "rd", "th") {
		end++
	}
	// Not a day when a month, a colon or a unit follows ("6 to 8 p.m.",
	// "June 6 and 8 people"…): only a date may end the range.
	if p.e(end).month != 0 || p.e(end).unit != "" || p.punct(end, ':') || p.punct(end, '%') {
		return found{}, false
	}
	s := first
	s.d = d
	if _, _, ok := p.num(end); ok {
		return found{}, false
	}
	if p.punct(end, ',') {
		if y, nd, ok := p.num(end + 1); ok && nd == 4 {
			s.y = y
			end += 2
		}
	}
	return found{start: k + 1, end: end, s: s}, true
}

// match tries every rule at token k and returns the longest expression.
func (p *parser) match(k int) (found, bool) {
	best, ok := p.core(k)
	// Prefixes: "the", "the end of", "early", "mid-", "about", "more than".
	j, mod, kind := p.prefix(k)
	if j > k {
		if c, cok := p.core(j); cok {
			allowed := false
			switch kind {
			case prefixThe:
				allowed = c.s.theOK()
			case prefixPeriod:
				allowed = c.s.typ == news.TimeDate || c.s.typ == ""
			case prefixApprox:
				allowed = c.s.typ == news.TimeDuration || c.s.rel && c.s.count
			case prefixNear:
				allowed = c.s.rel && (c.s.unit != "D" || c.s.off == 0) && !c.s.fromRef
			}
			if allowed && (!ok || c.end >= best.end) {
				c.start = k
				if mod != "" {
					c.s.mod = mod
				}
				best, ok = c, true
			}
		}
	}
	return best, ok
}

// Kinds of prefix.
const (
	prefixNone   = iota
	prefixThe    // "the"
	prefixPeriod // "early", "late", "mid-", "the end of": mod of a date
	prefixApprox // "about", "more than": mod of a duration
	prefixNear   // "earlier", "later" before "this week", "today"
)

// prefix reads the words that may open an expression before its core:
// "the", "the end of", "early", "mid-", "earlier" (before "this week"),
// "about", "more than", "at least", "up to".
func (p *parser) prefix(k int) (j int, mod string, kind int) {
	j = k
	e := p.e(j)
	switch {
	case p.is(j, "the"):
		j++
		kind = prefixThe
		if p.is(j, "very") {
			j++
		}
		m := p.e(j).mod
		if (m == "START" || m == "END" || m == "MID") && p.isAny(j, "end", "beginning", "start", "middle") && p.is(j+1, "of") {
			// "the end of 2009"; in "the end of the year" the core takes
			// its own "the".
			j += 2
			kind, mod = prefixPeriod, m
		}
	case p.isAny(j, "earlier", "later") && (p.isAny(j+1, "this", "today", "tonight") || p.e(j+1).deixis == "D0"):
		j++
		kind = prefixNear
	case p.isAny(j, "early", "late", "mid", "middle"):
		j++
		if p.dash(j) && p.adj(j) {
			j++
		}
		kind, mod = prefixPeriod, e.mod
	case p.isAny(j, "more", "less", "fewer") && p.is(j+1, "than"):
		j += 2
		kind, mod = prefixApprox, e.mod
	case p.is(j, "at") && p.isAny(j+1, "least", "most"):
		j += 2
		kind, mod = prefixApprox, "EQUAL_OR_MORE"
		if p.is(k+1, "most") {
			mod = "EQUAL_OR_LESS"
		}
	case p.is(j, "up") && p.is(j+1, "to"):
		j += 2
		kind, mod = prefixApprox, "EQUAL_OR_LESS"
	case e.mod != "" && !p.isAny(j, "more", "less", "fewer", "least", "end", "beginning", "start", "earlier", "later"):
		// about, around, nearly, almost, roughly, over, under, some
		if p.is(j, "some") && p.kind(j+1) != kDigit && p.e(j+1).num == 0 {
			break
		}
		j++
		kind, mod = prefixApprox, e.mod
	}
	return j, mod, kind
}

// theOK reports whether a core may take a "the" before it: relative and
// counted expressions do ("the following day", "the past five years",
// "the 1990s"), names of dates do not ("the June 8 attack").
func (s spec) theOK() bool {
	return s.rel || s.decade != 0 || s.century != 0 || s.q != 0 || s.half != 0 || s.typ == news.TimeDuration
}

// core tries the rules at k, longest match first wins.
func (p *parser) core(k int) (found, bool) {
	if k < 0 || k >= len(p.t) {
		return found{}, false
	}
	var best found
	ok := false
	try := func(end int, s spec) {
		if end > k && (!ok || end > best.end) {
			if s.typ == "" {
				s.typ = news.TimeDate
			}
			best, ok = found{start: k, end: end, s: s}, true
		}
	}
	t := &p.t[k]
	switch t.kind {
	case kDigit:
		try(p.numericDate(k))
		try(p.clock(k))
		try(p.dayMonth(k))
		try(p.count(k))
		try(p.year(k))
		try(p.ordinal(k))
	case kWord:
		e := p.e(k)
		if e.month != 0 {
			try(p.monthDate(k))
		}
		if e.weekday != 0 {
			try(p.weekdayDate(k))
		}
		if e.deixis != "" {
			try(p.deixis(k))
		}
		if e.phrases != nil {
			try(p.phrase(k))
		}
		if e.relSet {
			try(p.relative(k))
		}
		if e.num != 0 || e.vague || p.isAny(k, "a", "an", "half") {
			try(p.count(k))
		}
		if e.ord != 0 {
			try(p.ordinal(k))
		}
		if e.season != "" {
			try(p.season(k))
		}
		if e.set != "" || e.every || e.weekdays != 0 {
			try(p.set(k))
		}
		if e.pod == "MI" || p.is(k, "midnight") {
			try(p.clock(k))
		}
		if p.isAny(k, "the", "that") {
			try(p.dayRef(k))
		}
		if p.is(k, "the") {
			try(p.earlyHours(k))
		}
		if p.is(k, "q") {
			try(p.ordinal(k))
		}
		if e.unit != "" {
			try(p.bareUnits(k))
		}
	case kPunct:
		if p.apostrophe(k) {
			try(p.year(k))
		}
	}
	return best, ok
}
