package timex

import (
	"strings"

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
	return strings.EqualFold(p.text[p.t[k].start:p.t[k].end], w)
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

// numericDate reads 2017-06-08, 09.06.2017, 6/8/2017 and 2017/06/08.
// A date needs a four-digit year: "9/11" and "3-1" are not dates.
func (p *parser) numericDate(k int) (int, spec) {
	a, na, _ := p.num(k)
	if !(p.adj(k+1) && p.adj(k+2) && p.adj(k+3) && p.adj(k+4)) || k+4 >= len(p.t) {
		return -1, spec{}
	}
	sep := p.text[p.t[k+1].start]
	if p.kind(k+1) != kPunct || (sep != '-' && sep != '/' && sep != '.') || !p.punct(k+3, sep) {
		return -1, spec{}
	}
	b, nb, ok1 := p.num(k + 2)
	c, nc, ok2 := p.num(k + 4)
	if !ok1 || !ok2 || nb > 2 {
		return -1, spec{}
	}
	// No more digits glued on: "1.2.3.4" is a version, not a date.
	if (p.adj(k+5) && (p.kind(k+5) == kDigit || p.punct(k+5, sep) && p.adj(k+6) && p.kind(k+6) == kDigit)) ||
		(k > 0 && p.adj(k) && (p.kind(k-1) != kPunct || p.punct(k-1, sep))) {
		return -1, spec{}
	}
	var s spec
	switch {
	case na == 4 && nc <= 2:
		s.y, s.m, s.d = a, b, c
	case nc == 4 && na <= 2:
		s.y = c
		if sep == '/' && a <= 12 {
			s.m, s.d = a, b // month first, the US order
		} else {
			s.d, s.m = a, b
		}
	default:
		return -1, spec{}
	}
	if s.y < 1000 || s.m < 1 || s.m > 12 || s.d < 1 || s.d > 31 {
		return -1, spec{}
	}
	end := k + 5
	// 16:48 after a date written this way belongs to it.
	if h, mi, e2, ok := p.hhmm(end); ok {
		s.clock, s.hh, s.mi, end = true, h, mi, e2
		s.typ = news.TimeTime
	}
	return end, s
}

// hhmm reads H:MM or HH:MM[:SS] at k.
func (p *parser) hhmm(k int) (h, mi, end int, ok bool) {
	h, nh, ok1 := p.num(k)
	if !ok1 || nh > 2 || !p.punct(k+1, ':') || !p.adj(k+1) || !p.adj(k+2) {
		return 0, 0, 0, false
	}
	mi, nm, ok2 := p.num(k + 2)
	if !ok2 || nm != 2 || h > 24 || mi > 59 {
		return 0, 0, 0, false
	}
	end = k + 3
	if p.punct(end, ':') && p.adj(end) && p.adj(end+1) {
		if _, ns, ok := p.num(end + 1); ok && ns == 2 {
			end += 2
		}
	}
	// "3:1:2" or "1:30.5" are not clock times.
	if p.adj(end) && (p.punct(end, ':') || p.punct(end, '.') && p.adj(end+1) && p.kind(end+1) == kDigit) {
		return 0, 0, 0, false
	}
	return h, mi, end, true
}

// clock reads a time of day: 16:48, 6:40 p.m., 6 pm, 0800 UTC, noon, with
// an optional zone and an optional date after it ("12:00 UTC Monday").
func (p *parser) clock(k int) (int, spec) {
	var s spec
	s.typ, s.clock = news.TimeTime, true
	end := -1
	if h, mi, e, ok := p.hhmm(k); ok {
		s.hh, s.mi, end = h, mi, e
	} else if p.is(k, "noon") || p.is(k, "midday") {
		s.hh, end = 12, k+1
	} else if p.is(k, "midnight") {
		s.hh, end = 0, k+1
	} else if v, nd, ok := p.num(k); ok && nd <= 2 && v >= 1 && v <= 12 {
		end = k + 1 // needs am/pm below
	} else if ok && nd == 4 && v/100 <= 23 && v%100 <= 59 && (p.e(k+1).tz != "" || p.isAny(k+1, "hours", "hrs")) {
		s.hh, s.mi, end = v/100, v%100, k+1
		if p.isAny(end, "hours", "hrs") {
			end++
		}
	}
	if end < 0 {
		return -1, spec{}
	}
	if e, pm, ok := p.ampm(end); ok {
		if v, nd, isNum := p.num(k); isNum && nd <= 2 && !p.punct(k+1, ':') {
			s.hh = v
		}
		if s.hh > 12 {
			return -1, spec{}
		}
		if pm && s.hh < 12 {
			s.hh += 12
		}
		if !pm && s.hh == 12 {
			s.hh = 0
		}
		end = e
	} else if _, nd, isNum := p.num(k); isNum && nd <= 2 && end == k+1 {
		return -1, spec{} // a bare number is no time
	}
	if tz := p.e(end).tz; tz != "" && p.upper(end) {
		if tz == "Z" {
			s.tz = "Z"
		}
		end++
	}
	// A date right after: "12:00 UTC Monday", "16:00 UTC today", "on June 1".
	j := end
	if p.punct(j, ',') || p.is(j, "on") {
		j++
	}
	if j < len(p.t) {
		if e2, d := p.dateOnly(j); e2 > j {
			d.clock, d.hh, d.mi, d.tz, d.typ = true, s.hh, s.mi, s.tz, news.TimeTime
			return e2, d
		}
	}
	return end, s
}

// dateOnly reads a date that a clock time may lean on.
func (p *parser) dateOnly(k int) (int, spec) {
	e := p.e(k)
	switch {
	case e.weekday != 0:
		return p.weekdayDate(k)
	case e.month != 0:
		return p.monthDate(k)
	case e.deixis == "D0" || e.deixis == "D-1" || e.deixis == "D+1":
		end, s := p.deixis(k)
		if s.pod != "" {
			return -1, spec{}
		}
		return end, s
	}
	return -1, spec{}
}

// ampm reads a.m., am, p.m., pm after token k's predecessor and returns
// the token after it.
func (p *parser) ampm(k int) (end int, pm, ok bool) {
	if k >= len(p.t) || p.kind(k) != kWord {
		return 0, false, false
	}
	w := p.text[p.t[k].start:p.t[k].end]
	switch {
	case strings.EqualFold(w, "am"), strings.EqualFold(w, "pm"):
		end = k + 1
	case (strings.EqualFold(w, "a") || strings.EqualFold(w, "p")) && p.punct(k+1, '.') && p.adj(k+1) && p.is(k+2, "m") && p.adj(k+2):
		end = k + 3
		if p.punct(end, '.') && p.adj(end) {
			end++
		}
	default:
		return 0, false, false
	}
	return end, w[0]|0x20 == 'p', true
}

// dayNum reads a day of the month at k: 8, 08, 8th. It returns the token
// after it.
func (p *parser) dayNum(k int) (d, end int, ok bool) {
	d, nd, ok := p.num(k)
	if !ok || nd > 2 || d < 1 || d > 31 {
		return 0, 0, false
	}
	end = k + 1
	if p.word(end) && p.adj(end) {
		if !p.isAny(end, "st", "nd", "rd", "th") {
			return 0, 0, false
		}
		end++
	}
	// "June 8:30", "June 8.5", "May 5%" are not days.
	if p.adj(end) && (p.punct(end, ':') || p.punct(end, '%') || p.punct(end, '.') && p.adj(end+1) && p.kind(end+1) == kDigit || p.punct(end, ',') && p.adj(end+1) && p.kind(end+1) == kDigit) {
		return 0, 0, false
	}
	return d, end, true
}

// yearNum reads a four-digit year at k.
func (p *parser) yearNum(k int) (int, bool) {
	y, nd, ok := p.num(k)
	if !ok || nd != 4 || y < 1000 || y > 2999 {
		return 0, false
	}
	if p.adj(k+1) && (p.kind(k+1) == kDigit || p.kind(k+1) == kWord || p.punct(k+1, '%')) {
		return 0, false
	}
	return y, true
}

// monthName reads a month name at k ("June", "Sept.") and returns the
// token after it; abbreviated reports a short form.
func (p *parser) monthName(k int) (m, end int, abbreviated bool) {
	e := p.e(k)
	if e.month == 0 || !p.upper(k) {
		return 0, -1, false
	}
	end = k + 1
	n := p.t[k].end - p.t[k].start
	if n <= 4 && !p.isAny(k, "may", "june", "july") {
		abbreviated = true
		if p.punct(end, '.') && p.adj(end) {
			end++
		}
	}
	return e.month, end, abbreviated
}

// monthDate reads "June 8", "June 8, 2017", "June 2017", "June of 2017"
// and a bare month name.
func (p *parser) monthDate(k int) (int, spec) {
	m, end, abbr := p.monthName(k)
	if end < 0 {
		return -1, spec{}
	}
	s := spec{m: m}
	if p.nl(end) {
		return p.bareMonth(k, end, abbr, s)
	}
	if d, e2, ok := p.dayNum(end); ok {
		s.d, end = d, e2
		j := end
		if p.punct(j, ',') {
			j++
		}
		if y, ok := p.yearNum(j); ok {
			s.y, end = y, j+1
		}
		return p.withClock(end, s)
	}
	j := end
	if p.is(j, "of") || p.punct(j, ',') {
		j++
	}
	if y, ok := p.yearNum(j); ok && !p.nl(j) {
		s.y = y
		return j + 1, s
	}
	return p.bareMonth(k, end, abbr, s)
}

// bareMonth accepts a month name alone.
func (p *parser) bareMonth(k, end int, abbr bool, s spec) (int, spec) {
	// A bare month. "May" and "March" are also a verb and a noun; abbreviations
	// are too short to trust alone.
	if abbr {
		return -1, spec{}
	}
	if p.isAny(k, "may", "march") && !p.isAny(k-1, "in", "since", "until", "till", "by", "early", "late", "mid", "of", "from", "through", "during", "before", "after", "to", "between", "and", "last", "next", "this") {
		return -1, spec{}
	}
	return end, s
}

// withClock extends a date by a time of day that follows it ("June 8 at
// 16:48" is not joined; "June 8, 16:48" and "09.06.2017 16:48" are).
func (p *parser) withClock(end int, s spec) (int, spec) {
	j := end
	if p.punct(j, ',') {
		j++
	}
	if h, mi, e2, ok := p.hhmm(j); ok {
		s.clock, s.hh, s.mi, s.typ = true, h, mi, news.TimeTime
		end = e2
		if e3, pm, ok := p.ampm(end); ok {
			if pm && s.hh < 12 {
				s.hh += 12
			}
			end = e3
		}
		if tz := p.e(end).tz; tz != "" && p.word(end) && p.upper(end) {
			if tz == "Z" {
				s.tz = "Z"
			}
			end++
		}
	}
	return end, s
}

// dayMonth reads "8 June", "8th of June 2017".
func (p *parser) dayMonth(k int) (int, spec) {
	d, end, ok := p.dayNum(k)
	if !ok {
		return -1, spec{}
	}
	if p.is(end, "of") {
		end++
	}
	m, e2, _ := p.monthName(end)
	if e2 < 0 {
		return -1, spec{}
	}
	s := spec{m: m, d: d}
	end = e2
	if p.punct(end, ',') {
		if y, ok := p.yearNum(end + 1); ok {
			s.y, end = y, end+2
		}
	} else if y, ok := p.yearNum(end); ok {
		s.y, end = y, end+1
	}
	return end, s
}

// weekdayDate reads "Friday", "Friday, June 9, 2017", "Friday 9 June",
// "Friday morning".
func (p *parser) weekdayDate(k int) (int, spec) {
	e := p.e(k)
	if !p.upper(k) {
		return -1, spec{}
	}
	end := k + 1
	if n := p.t[k].end - p.t[k].start; n <= 4 {
		// "Sat", "Sun", "Wed" alone are words; a short form needs a date.
		if p.punct(end, '.') && p.adj(end) {
			end++
		}
		j := end
		if p.punct(j, ',') {
			j++
		}
		if e2, s := p.monthDate(j); e2 > j && s.d != 0 {
			return e2, s
		}
		if e2, s := p.dayMonth(j); e2 > j {
			return e2, s
		}
		return -1, spec{}
	}
	j := end
	if p.punct(j, ',') {
		j++
	}
	if !p.nl(j) {
		if e2, s := p.monthDate(j); e2 > j && s.d != 0 {
			return e2, s
		}
		if e2, s := p.dayMonth(j); e2 > j {
			return e2, s
		}
	}
	s := spec{wd: e.weekday}
	if pod := p.e(end).pod; pod != "" && p.word(end) {
		s.pod, s.typ = pod, news.TimeTime
		end++
	}
	return end, s
}

// deixis reads today, yesterday, tomorrow, tonight, overnight, now,
// recently, soon, with a part of the day after the day words
// ("yesterday morning").
func (p *parser) deixis(k int) (int, spec) {
	e := p.e(k)
	var s spec
	end := k + 1
	switch e.deixis {
	case "D0", "D-1", "D+1":
		s.rel, s.unit = true, "D"
		switch e.deixis {
		case "D-1":
			s.off = -1
		case "D+1":
			s.off = 1
		}
		if pod := p.e(end).pod; pod != "" {
			s.pod, s.typ = pod, news.TimeTime
			end++
		}
		// "today's" stays a date; "now" after "today" is not joined.
	case "TNI":
		s.rel, s.unit, s.pod, s.typ = true, "D", "NI", news.TimeTime
	case "ON":
		s.rel, s.unit, s.pod, s.typ = true, "D", "NI", news.TimeTime
		s.off = -1
		s.overnight = true
	default:
		if p.is(k, "now") && p.punct(k-1, '\'') {
			return -1, spec{}
		}
		s.lit = e.deixis
	}
	return end, s
}

// phrase reads a fixed expression of the lexicon ("the time being",
// "Christmas").
func (p *parser) phrase(k int) (int, spec) {
	start := p.t[k].start
	for _, ph := range p.e(k).phrases {
		n, ok := matchFold(p.text[start:], ph.text)
		if !ok {
			continue
		}
		end := k
		for end < len(p.t) && p.t[end].start < start+n {
			end++
		}
		var s spec
		if strings.HasPrefix(ph.value, "MD:") && len(ph.value) == 8 {
			s.m = int(ph.value[3]-'0')*10 + int(ph.value[4]-'0')
			s.d = int(ph.value[6]-'0')*10 + int(ph.value[7]-'0')
			if y, ok := p.yearNum(end); ok {
				s.y = y
				end++
			}
		} else {
			s.lit = ph.value
		}
		return end, s
	}
	return -1, spec{}
}

// matchFold reports whether text starts with the lower-case phrase ph,
// letters compared without case, a space in ph matching any run of
// spaces, and the match ending at a word boundary. It returns the length
// of text matched.
func matchFold(text, ph string) (int, bool) {
	i := 0
	for j := 0; j < len(ph); j++ {
		c := ph[j]
		if c == ' ' {
			if i >= len(text) || !isSpaceByte(text[i]) {
				return 0, false
			}
			for i < len(text) && isSpaceByte(text[i]) {
				i++
			}
			continue
		}
		if i >= len(text) {
			return 0, false
		}
		b := text[i]
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		if b != c {
			return 0, false
		}
		i++
	}
	if i < len(text) && isASCIILetter(text[i]) {
		return 0, false
	}
	return i, true
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// relative reads last/next/this/past/coming/previous/following with a
// unit, a weekday, a month, a season or a part of the day, and "the past
// five years" (a duration).
func (p *parser) relative(k int) (int, spec) {
	e := p.e(k)
	the := p.isAny(k-1, "the")
	j := k + 1
	ne := p.e(j)
	var s spec
	if ne.pod != "" && p.isAny(k, "this", "last") {
		if p.is(k, "last") && !p.is(j, "night") {
			return -1, spec{}
		}
		s.rel, s.unit, s.pod, s.typ = true, "D", ne.pod, news.TimeTime
		if p.is(k, "last") {
			s.off = -1
		}
		return j + 1, s
	}
	switch {
	case ne.unit != "" && p.word(j):
		u := ne.unit
		if isPlural(p.text[p.t[j].start:p.t[j].end]) {
			return -1, spec{}
		}
		fromRef := p.isAny(k, "previous", "following", "preceding") || (the && p.is(k, "next"))
		if the && p.isAny(k, "past", "last", "next", "coming") && !fromRef && u != "D" && u != "E" {
			// "the past year": the year up to now, a duration.
			return j + 1, spec{typ: news.TimeDuration, lit: durationValue(1, false, u)}
		}
		switch u {
		case "D", "N":
			if !fromRef && !p.is(k, "this") {
				return -1, spec{}
			}
			u = "D"
		case "TS", "TM", "TH", "F":
			return -1, spec{}
		}
		if p.is(k, "this") || p.is(k, "current") {
			s.off = 0
		} else {
			s.off = e.rel
		}
		s.rel, s.unit, s.fromRef = true, u, fromRef
		return j + 1, s
	case ne.weekday != 0 && p.upper(j) && p.t[j].end-p.t[j].start > 4:
		if !p.isAny(k, "last", "next", "this", "past", "coming") {
			return -1, spec{}
		}
		s.wd, s.relWD, s.off = ne.weekday, true, e.rel
		if p.is(k, "this") {
			s.off = 0
		}
		end := j + 1
		if pod := p.e(end).pod; pod != "" {
			s.pod, s.typ = pod, news.TimeTime
			end++
		}
		return end, s
	case ne.month != 0 && p.upper(j):
		if !p.isAny(k, "last", "next", "this", "past", "coming") {
			return -1, spec{}
		}
		s.m, s.relMonth, s.off = ne.month, true, e.rel
		if p.is(k, "this") {
			s.off = 0
		}
		return j + 1, s
	case ne.season != "":
		if !p.isAny(k, "last", "next", "this", "past", "coming") {
			return -1, spec{}
		}
		s.season, s.relMonth, s.off = ne.season, true, e.rel
		if p.is(k, "this") {
			s.off = 0
		}
		return j + 1, s
	case ne.num != 0 || p.kind(j) == kDigit || ne.vague:
		if !p.isAny(k, "past", "last", "next", "coming", "previous", "following", "first") {
			return -1, spec{}
		}
		end, c := p.count(j)
		if end < 0 || c.typ != news.TimeDuration {
			return -1, spec{}
		}
		return end, c
	}
	return -1, spec{}
}

// isPlural reports whether a unit word is plural ("days", "centuries").
func isPlural(w string) bool {
	n := len(w)
	return n > 3 && (w[n-1] == 's' || w[n-1] == 'S') && w[n-2] != 's' && w[n-2] != 'S'
}

// count reads a number of units: "three days", "90 days", "a year and a
// half", "five-year", "several years"; "two years ago" and "three days
// later" are dates.
func (p *parser) count(k int) (int, spec) {
	n, half, vague, j, ok := p.quantity(k)
	if !ok {
		return -1, spec{}
	}
	// "five-year", "12-hour": an adjective of duration.
	hyphen := p.dash(j) && p.adj(j) && p.adj(j+1)
	if hyphen {
		j++
	}
	for !hyphen && p.e(j).unitAdj && p.word(j) && p.e(j+1).unit != "" {
		j++
	}
	u := p.e(j).unit
	if u == "" || !p.word(j) {
		return -1, spec{}
	}
	uw := p.text[p.t[j].start:p.t[j].end]
	article := p.isAny(k, "a", "an")
	if hyphen && isPlural(uw) && !vague {
		return -1, spec{}
	}
	end := j + 1
	if article && u == "TS" && p.word(end) && !p.isAny(end, "ago", "later", "earlier", "before", "after", "or") {
		return -1, spec{} // "a second consecutive day": an ordinal
	}
	if hyphen && p.dash(end) && p.adj(end) && p.is(end+1, "old") {
		return -1, spec{} // "a five-year-old": an age
	}
	if !hyphen && p.is(end, "and") && p.is(end+1, "a") && p.is(end+2, "half") {
		half = true
		end += 3
	}
	if hyphen && u == "E" {
		return -1, spec{}
	}
	// "a year" after an amount or "times" is a rate: a set.
	if article && !half && p.rate(k-1) {
		return end, spec{typ: news.TimeSet, lit: durationValue(1, false, u)}
	}
	// "two years ago", "three days later": a date.
	if !hyphen {
		dir, fromRef := 0, false
		switch {
		case p.is(end, "ago"):
			dir = -1
		case p.is(end, "earlier"), p.is(end, "before") && !p.word(end+1):
			dir, fromRef = -1, true
		case p.is(end, "later"), p.is(end, "after") && !p.word(end+1):
			dir, fromRef = 1, true
		case p.is(end, "hence"):
			dir = 1
		case p.is(end, "from") && p.is(end+1, "now"):
			dir = 1
			end++
		}
		if dir != 0 {
			end++
			if vague {
				if dir < 0 {
					return end, spec{lit: "PAST_REF"}
				}
				return end, spec{lit: "FUTURE_REF"}
			}
			if half || u == "TS" || u == "TM" || u == "TH" {
				return end, spec{typ: news.TimeDuration, lit: durationValue(n, half, u)}
			}
			s := spec{rel: true, fromRef: fromRef, count: true}
			switch u {
			case "D", "N":
				s.unit, s.off = "D", dir*n
			case "W":
				s.unit, s.off = "D", dir*7*n
			case "F":
				s.unit, s.off = "D", dir*14*n
			case "E":
				s.unit, s.off = "W", dir*n
			case "M":
				s.unit, s.off = "M", dir*n
			case "Q":
				s.unit, s.off = "Q", dir*n
			case "Y":
				s.unit, s.off = "Y", dir*n
			case "DE":
				s.unit, s.off = "Y", dir*10*n
			case "CE":
				s.unit, s.off = "Y", dir*100*n
			default:
				return -1, spec{}
			}
			return end, s
		}
	}
	return end, spec{typ: news.TimeDuration, lit: durationValue(n, half, u), count: true}
}

// rate reports whether token k ends an amount or a frequency, so that "a
// year" after it means "per year".
func (p *parser) rate(k int) bool {
	if k < 0 || k >= len(p.t) {
		return false
	}
	return p.kind(k) == kDigit || p.punct(k, '%') || p.isAny(k, "times", "once", "twice", "thrice", "million", "billion", "thousand", "trillion", "percent", "cents", "dollars", "euros", "pounds", "hour")
}

// quantity reads the count before a unit: digits, number words
// ("twenty-five"), "a", "an", "half a", "a couple of", vague words.
// half reports "and a half"; vague an unspecified count.
func (p *parser) quantity(k int) (n int, half, vague bool, end int, ok bool) {
	e := p.e(k)
	switch {
	case p.kind(k) == kDigit:
		v, nd, _ := p.num(k)
		if nd > 4 || v <= 0 {
			return 0, false, false, 0, false
		}
		// Not part of a bigger number or a money amount: "1,000", "$5", "2.5".
		if p.adj(k) && (p.punct(k-1, '$') || p.punct(k-1, ',') || p.punct(k-1, '.') || p.kind(k-1) == kWord) {
			return 0, false, false, 0, false
		}
		if p.adj(k+1) && (p.punct(k+1, ',') || p.punct(k+1, '.')) && p.adj(k+2) && k+2 < len(p.t) && p.kind(k+2) == kDigit {
			if p.punct(k+1, '.') && p.t[k+2].end-p.t[k+2].start == 1 && p.t[k+2].val == 5 {
				return v, true, false, k + 3, true
			}
			return 0, false, false, 0, false
		}
		return v, false, false, k + 1, true
	case p.isAny(k, "a", "an"):
		if p.is(k+1, "couple") && p.is(k+2, "of") {
			return 2, false, false, k + 3, true
		}
		if p.is(k+1, "few") {
			return 0, false, true, k + 2, true
		}
		return 1, false, false, k + 1, true
	case p.is(k, "half"):
		if p.isAny(k+1, "a", "an") {
			return 0, true, false, k + 2, true
		}
		return 0, false, false, 0, false
	case e.vague:
		return 0, false, true, k + 1, true
	case e.num != 0:
		n = e.num
		end = k + 1
		// "twenty-five", "twenty five"
		if n >= 20 && n < 100 && n%10 == 0 {
			j := end
			if p.dash(j) && p.adj(j) && p.adj(j+1) {
				j++
			}
			if v := p.e(j).num; v > 0 && v < 10 && p.word(j) {
				n += v
				end = j + 1
			}
		}
		if p.is(end, "and") && p.is(end+1, "a") && p.is(end+2, "half") {
			return n, true, false, end + 3, true
		}
		return n, false, false, end, true
	}
	return 0, false, false, 0, false
}

// durationValue writes a TIMEX3 duration: P3D, PT12H, P1.5Y, PXY.
func durationValue(n int, half bool, unit string) string {
	var b strings.Builder
	b.WriteByte('P')
	letter := unit
	mult := 1
	switch unit {
	case "TS", "TM", "TH":
		b.WriteByte('T')
		letter = unit[1:]
	case "N":
		letter = "D"
	case "F":
		letter, mult = "W", 2
	case "E":
		letter = "WE"
	case "DE":
		letter, mult = "Y", 10
	case "CE":
		letter, mult = "Y", 100
	}
	switch {
	case n == 0 && !half:
		b.WriteByte('X')
	case n == 0 && half && mult == 1:
		b.WriteString("0.5")
	default:
		v := n * mult
		b.WriteString(itoa(v))
		if half {
			if mult%2 == 0 {
				v += mult / 2
				b.Reset()
				b.WriteByte('P')
				if unit[0] == 'T' && len(unit) == 2 {
					b.WriteByte('T')
				}
				b.WriteString(itoa(v))
			} else {
				b.WriteString(".5")
			}
		}
	}
	b.WriteString(letter)
	return b.String()
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	neg := v < 0
	if neg {
		v = -v
	}
	for v > 0 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// ordinal reads quarters, halves and centuries: "the third quarter of
// 2009", "third-quarter", "Q3 2009", "the first half", "the 20th
// century".
func (p *parser) ordinal(k int) (int, spec) {
	var n, j int
	switch {
	case p.is(k, "q") && p.adj(k+1):
		v, nd, ok := p.num(k + 1)
		if !ok || nd != 1 || v < 1 || v > 4 {
			return -1, spec{}
		}
		s := spec{q: v}
		j = k + 2
		if y, ok := p.yearNum(j); ok {
			s.y, j = y, j+1
		}
		return j, s
	case p.kind(k) == kDigit:
		v, nd, _ := p.num(k)
		if nd > 2 || !p.adj(k+1) || !p.isAny(k+1, "st", "nd", "rd", "th") {
			return -1, spec{}
		}
		n, j = v, k+2
	default:
		n, j = p.e(k).ord, k+1
	}
	hyphen := false
	if p.dash(j) && p.adj(j) && p.adj(j+1) {
		j++
		hyphen = true
	}
	var s spec
	switch {
	case p.isAny(j, "quarter"):
		if n == -1 {
			if hyphen {
				return -1, spec{}
			}
			s.q = -1
		} else if n < 1 || n > 4 {
			return -1, spec{}
		} else {
			s.q = n
		}
	case p.isAny(j, "half") && !hyphen:
		if n < 1 || n > 2 {
			return -1, spec{}
		}
		s.half = n
	case p.isAny(j, "century") && !hyphen:
		if n < 1 || n > 30 {
			return -1, spec{}
		}
		return j + 1, spec{century: n}
	default:
		return -1, spec{}
	}
	j++
	if hyphen {
		if s.q < 0 {
			return -1, spec{}
		}
		return j, s
	}
	// "of 2009", "of this year", "of last year", "2009".
	lastQ := s.q < 0
	if lastQ {
		s.q = 4 // "the final quarter of 2009"; alone, the last one (below)
	}
	if p.is(j, "of") || p.punct(j, ',') {
		if y, ok := p.yearNum(j + 1); ok {
			s.y = y
			return j + 2, s
		}
		if p.isAny(j+1, "this", "last", "next") && p.is(j+2, "year") {
			s.yearOff, s.yearRel = p.e(j+1).rel, true
			if p.is(j+1, "this") {
				s.yearOff = 0
			}
			return j + 3, s
		}
		if p.is(j+1, "the") && p.is(j+2, "year") {
			s.yearRel = true
			return j + 3, s
		}
	}
	if y, ok := p.yearNum(j); ok {
		s.y = y
		return j + 1, s
	}
	if lastQ {
		// "the last quarter": the one before the anchor's.
		return j, spec{rel: true, unit: "Q", off: -1}
	}
	return j, s
}

// season reads "spring", "summer 2009", "the fall of 2008".
func (p *parser) season(k int) (int, spec) {
	s := spec{season: p.e(k).season}
	j := k + 1
	if p.is(j, "of") {
		if y, ok := p.yearNum(j + 1); ok {
			s.y = y
			return j + 2, s
		}
	}
	if y, ok := p.yearNum(j); ok {
		s.y = y
		return j + 1, s
	}
	// "fall" is mostly a verb, and any season a word of other senses:
	// alone, it needs a preposition or determiner of time before it.
	if !p.isAny(k-1, "in", "this", "last", "next", "early", "late", "mid", "since", "until", "during", "by", "the") {
		return -1, spec{}
	}
	if p.is(k, "fall") && p.is(k-1, "the") {
		return -1, spec{}
	}
	return j, s
}

// set reads "every Friday", "each year", "every two weeks", "daily",
// "annual", "on Fridays".
func (p *parser) set(k int) (int, spec) {
	e := p.e(k)
	s := spec{typ: news.TimeSet}
	switch {
	case e.set != "":
		if p.is(k, "daily") && p.isAny(k+1, "mail", "telegraph", "star", "news", "express", "beast") {
			return -1, spec{} // a newspaper's name
		}
		s.lit = e.set
		return k + 1, s
	case e.weekdays != 0:
		if !p.upper(k) {
			return -1, spec{}
		}
		s.lit = "XXXX-WXX-" + itoa(e.weekdays)
		return k + 1, s
	case e.every:
		j := k + 1
		if p.is(j, "other") {
			s.lit = ""
			if u := p.e(j + 1).unit; u != "" {
				s.lit = durationValue(2, false, u)
				return j + 2, s
			}
			return -1, spec{}
		}
		ne := p.e(j)
		switch {
		case ne.weekday != 0 && p.upper(j) && !p.is(k, "per"):
			s.lit = "XXXX-WXX-" + itoa(ne.weekday)
			end := j + 1
			if pod := p.e(end).pod; pod != "" {
				s.lit += "T" + pod
				end++
			}
			return end, s
		case ne.season != "" && !p.is(k, "per"):
			s.lit = "XXXX-" + ne.season
			return j + 1, s
		case ne.pod != "" && !p.is(k, "per"):
			s.lit = "XXXX-XX-XXT" + ne.pod
			return j + 1, s
		case ne.unit != "" && p.word(j):
			s.lit = durationValue(1, false, ne.unit)
			return j + 1, s
		case ne.num != 0 || p.kind(j) == kDigit:
			if p.is(k, "per") {
				return -1, spec{}
			}
			n, half, vague, e2, ok := p.quantity(j)
			if !ok || vague || p.e(e2).unit == "" {
				return -1, spec{}
			}
			s.lit = durationValue(n, half, p.e(e2).unit)
			return e2 + 1, s
		}
	}
	return -1, spec{}
}

// year reads a year standing alone ("in 2015"), a decade ("the 1990s",
// "the '90s").
func (p *parser) year(k int) (int, spec) {
	if p.kind(k) == kPunct {
		// '90s
		v, nd, ok := p.num(k + 1)
		if !ok || nd != 2 || !p.adj(k+1) || !p.adj(k+2) || !p.is(k+2, "s") || v%10 != 0 {
			return -1, spec{}
		}
		c := 19
		if v < 30 {
			c = 20
		}
		return k + 3, spec{decade: c*10 + v/10}
	}
	y, nd, ok := p.num(k)
	if ok && nd == 2 && y%10 == 0 && p.is(k+1, "s") && p.adj(k+1) && (p.isAny(k-1, "the", "mid", "early", "late") || p.dash(k-1) && p.isAny(k-2, "mid", "early", "late")) {
		return k + 2, spec{decade: 190 + y/10} // "the 70s": the last century's
	}
	if !ok || nd != 4 || y < 1000 || y > 2999 {
		return -1, spec{}
	}
	if p.adj(k) && k > 0 {
		prev := p.text[p.t[k-1].start:p.t[k-1].end]
		yearRange := p.dash(k-1) && k > 1 && p.kind(k-2) == kDigit && p.t[k-2].end-p.t[k-2].start == 4
		switch {
		case yearRange, p.dash(k-1) && p.isAny(k-2, "mid", "early", "late"):
		case prev == "(" || prev == "[" || prev == "\"" || prev == "'" || prev == "“" || prev == "‘":
		default:
			return -1, spec{} // "$2008", "A2008", "1,2008", "#2008"
		}
	}
	// "1990s": a decade.
	if p.is(k+1, "s") && p.adj(k+1) && y%10 == 0 {
		return k + 2, spec{decade: y / 10}
	}
	if p.adj(k+1) && (p.kind(k+1) == kDigit || p.kind(k+1) == kWord || p.punct(k+1, '%') ||
		(p.punct(k+1, ',') || p.punct(k+1, '.') || p.punct(k+1, ':') || p.punct(k+1, '/')) && p.adj(k+2) && k+2 < len(p.t) && p.kind(k+2) == kDigit) {
		return -1, spec{}
	}
	if p.dash(k+1) && p.adj(k+1) && p.adj(k+2) && k+2 < len(p.t) && p.kind(k+2) == kDigit && p.t[k+2].end-p.t[k+2].start != 4 {
		return -1, spec{} // "2008-09", "2017-06-…" not a year alone
	}
	if p.isAny(k+1, "percent", "per") || p.isAny(k-1, "no", "number", "nos") {
		return -1, spec{}
	}
	// "sold 2010 jets" counts jets; "the 2010 elections" names a year. A
	// year before a noun needs a determiner or preposition before it.
	if p.word(k+1) && !p.upper(k+1) && p.e(k+1).unit == "" && p.word(k-1) && !p.upper(k-1) &&
		!p.isAny(k-1, "the", "in", "of", "for", "since", "by", "its", "his", "her", "their", "our", "a", "an", "this", "that",
			"from", "to", "until", "and", "or", "during", "before", "after", "between", "early", "late", "mid", "fiscal") {
		return -1, spec{}
	}
	if y < 1900 || y > 2100 {
		if !p.isAny(k-1, "in", "since", "until", "till", "by", "of", "from", "to", "and", "between", "before", "after", "during", "early", "late", "mid", "circa", "c") {
			return -1, spec{}
		}
	}
	return k + 1, spec{y: y}
}

// dayRef reads "the day", "that day", "the same day", "the day before",
// "the day after" (days counted from the last date the article gave),
// "the weekend" and "the year" (the anchor's).
func (p *parser) dayRef(k int) (int, spec) {
	j := k + 1
	same := p.is(j, "same")
	if same {
		j++
	}
	switch {
	case p.is(j, "weekend") && p.is(k, "the") && !same:
		return j + 1, spec{rel: true, unit: "E", weekendTense: true}
	case p.is(j, "year") && p.is(k, "the") && !same:
		if p.isAny(j+1, "of", "before", "after", "when", "that", "which", "earlier", "ago") {
			return -1, spec{}
		}
		return j + 1, spec{rel: true, unit: "Y"}
	case !p.is(j, "day"):
		return -1, spec{}
	}
	j++
	s := spec{rel: true, unit: "D", fromRef: true}
	switch {
	case p.is(j, "before"):
		s.off, s.fromRef = -1, true
		j++
	case p.is(j, "after"):
		s.off, s.fromRef = 1, true
		j++
	case p.isAny(j, "of", "when", "that", "which"):
		return -1, spec{}
	}
	return j, s
}

// earlyHours reads "the early hours of Sunday", "the small hours of
// June 8", "the early hours": the start of that day's morning (TMO, mod
// START), the day last mentioned when none is named.
func (p *parser) earlyHours(k int) (int, spec) {
	if !p.isAny(k+1, "early", "small", "wee") || !p.is(k+2, "hours") {
		return -1, spec{}
	}
	end := k + 3
	s := spec{rel: true, unit: "D", fromRef: true}
	if p.is(end, "of") {
		if e2, d := p.dateOnly(end + 1); e2 > end+1 && d.pod == "" && !d.clock {
			s, end = d, e2
		}
	}
	s.pod, s.mod, s.typ = "MO", "START", news.TimeTime
	return end, s
}

// bareUnits reads plural units after "for", "over", "within": "for years",
// "in months", "decades-long".
func (p *parser) bareUnits(k int) (int, spec) {
	w := p.text[p.t[k].start:p.t[k].end]
	u := p.e(k).unit
	if u == "E" || u == "F" {
		return -1, spec{}
	}
	if !isPlural(w) {
		return -1, spec{}
	}
	if p.dash(k+1) && p.adj(k+1) && p.is(k+2, "long") {
		return k + 3, spec{typ: news.TimeDuration, lit: durationValue(0, false, u)}
	}
	if !p.isAny(k-1, "for", "over", "within", "in") && !(p.is(k-1, "the") && p.is(k-2, "over")) {
		return -1, spec{}
	}
	return k + 1, spec{typ: news.TimeDuration, lit: durationValue(0, false, u)}
}
