package timex

// Rules for deictic words, fixed phrases and relative expressions.

import (
	"strings"

	"sitrep/news"
)

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
