package timex

// Rules for dates and clock times written with names and numbers.

import (
	"strings"

	"sitrep/news"
)

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
