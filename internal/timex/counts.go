package timex

// Rules for durations, counted dates and sets.

import (
	"strconv"
	"strings"

	"sitrep/news"
)

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
		b.WriteString(strconv.Itoa(v))
		if half {
			if mult%2 == 0 {
				v += mult / 2
				b.Reset()
				b.WriteByte('P')
				if unit[0] == 'T' && len(unit) == 2 {
					b.WriteByte('T')
				}
				b.WriteString(strconv.Itoa(v))
			} else {
				b.WriteString(".5")
			}
		}
	}
	b.WriteString(letter)
	return b.String()
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
		s.lit = "XXXX-WXX-" + strconv.Itoa(e.weekdays)
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
			s.lit = "XXXX-WXX-" + strconv.Itoa(ne.weekday)
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
