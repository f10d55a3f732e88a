package extract

// Page dates: the publication and update times a page prints near its
// title, in every convention news sites use. The parser is hand-written
// over a small token list of one line (no regular expressions): it is
// called on a few short lines of each page only, but it must stay linear.
//
// Forms read (any may be preceded by a label such as "Published:" or
// "(updated" and by a weekday):
//
//	2017-06-09T16:48:00+03:00   2017-06-09 16:48   2017/06/09
//	16:48 09.06.2017            09.06.2017 16:48   (day first: dotted dates)
//	09/06/2017  09-06-2017      (ambiguous: decided from the page, see DayOrder)
//	June 9, 2017 4:48 PM EDT    Jun. 9 2017        9 June 2017, 16:48 GMT
//	9 июня 2017 г.              9. Juni 2017       June 2017 (month precision)

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/news"
)

// DayOrder says how to read a numeric date whose first two fields could
// each be the day or the month (09/06/2017).
type DayOrder int

// Day orders.
const (
	OrderUnknown DayOrder = iota // not decided: such a date is ambiguous
	DayFirst                     // 09/06/2017 is 9 June 2017
	MonthFirst                   // 09/06/2017 is 6 September 2017
)

// dateRole is what a label says a date is.
type dateRole int

const (
	roleNone dateRole = iota
	rolePublished
	roleUpdated
)

// A pageDate is one date expression in a line of the page.
type pageDate struct {
	dt    news.DateTime // the reading; day first when the order is open
	alt   news.DateTime // month-first reading of an ambiguous numeric date
	start int           // byte offsets of the expression in the line
	end   int
	role  dateRole
	// numeric order evidence: orderOpen when both fields are ≤ 12 and
	// differ; otherwise what the date proves about the page's order.
	orderOpen bool
	proves    DayOrder
}

// dateTok is one token of a line: a run of digits, a run of letters, or
// one other non-space character.
type dateTok struct {
	s        string
	start    int
	end      int
	num      int  // value of a digit run (capped), -1 otherwise
	digits   int  // length of a digit run
	letter   bool // a run of letters
	spaceBef bool // whitespace right before the token
}

// tokenizeDateLine splits line into dateToks. Digit runs longer than 9
// keep num capped so that nothing overflows.
func tokenizeDateLine(line string, toks []dateTok) []dateTok {
	space := true
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		case r >= '0' && r <= '9':
			j, v := i, 0
			for j < len(line) && line[j] >= '0' && line[j] <= '9' {
				if v < 1e8 {
					v = v*10 + int(line[j]-'0')
				}
				j++
			}
			toks = append(toks, dateTok{s: line[i:j], start: i, end: j, num: v, digits: j - i, spaceBef: space})
			i = j
		case unicode.IsLetter(r):
			j := i + n
			for j < len(line) {
				r2, n2 := utf8.DecodeRuneInString(line[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += n2
			}
			toks = append(toks, dateTok{s: line[i:j], start: i, end: j, num: -1, letter: true, spaceBef: space})
			i = j
		default:
			toks = append(toks, dateTok{s: line[i : i+n], start: i, end: i + n, num: -1, spaceBef: space})
			i += n
		}
		space = false
	}
	return toks
}

// dateParser reads the dates of one line.
type dateParser struct {
	lex  *textLexicon
	line string
	t    []dateTok
}

// findDates returns the date expressions of line, in order, each with the
// role its label gives it. Offsets are relative to line.
func findDates(lex *textLexicon, line string) []pageDate {
	return appendDates(nil, lex, line)
}

// appendDates appends the dates findDates finds in line to out.
func appendDates(out []pageDate, lex *textLexicon, line string) []pageDate {
	if len(line) > 400 {
		line = line[:400]
	}
	// Every date form holds an ASCII digit (a day, a year or a clock), so
	// a line without one is passed over before it is tokenized.
	if !hasDigit(line) {
		return out
	}
	var buf [48]dateTok
	p := dateParser{lex: lex, line: line, t: tokenizeDateLine(line, buf[:0])}
	prevEnd := 0
	for i := 0; i < len(p.t); {
		if p.t[i].num < 0 && !p.t[i].letter {
			// Every form starts with a number or a month's name: a mark
			// starts none (and parseAt, which builds a pageDate, would
			// say no).
			i++
			continue
		}
		d, next, ok := p.parseAt(i)
		if !ok {
			i++
			continue
		}
		d.role = lex.dateLabel(line[prevEnd:d.start])
		out = append(out, d)
		prevEnd = d.end
		i = next
	}
	return out
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// parseAt tries a date expression (with its time, before or after it) at
// token i, returning it and the index of the token after it.
func (p *dateParser) parseAt(i int) (pageDate, int, bool) {
	// ISO 8601 and other year-first dates.
	if d, j, ok := p.isoAt(i); ok {
		return d, j, true
	}
	// A time first: "16:48 09.06.2017".
	if tm, j, ok := p.timeAt(i); ok {
		k := p.skipJoiners(j)
		if d, e, ok := p.dayAt(k); ok {
			d.start = p.t[i].start
			if z, e2, ok := p.zoneAt(e); ok && !tm.zoned {
				// "16:48 09.06.2017 MSK": the zone follows the date.
				z.h, z.m, z.s, z.seconds = tm.h, tm.m, tm.s, tm.seconds
				tm = z
				e = e2
			}
			p.applyTime(&d, tm)
			d.end = p.t[e-1].end
			return d, e, true
		}
		return pageDate{}, 0, false
	}
	d, j, ok := p.dayAt(i)
	if !ok {
		return pageDate{}, 0, false
	}
	// A time after: "June 9, 2017 4:48 PM EDT", "9 June 2017, 16:48".
	k := p.skipJoiners(j)
	if tm, e, ok := p.timeAt(k); ok {
		p.applyTime(&d, tm)
		j = e
	}
	d.end = p.t[j-1].end
	return d, j, true
}

// clock is a time of day read from the page.
type clock struct {
	h, m, s    int
	seconds    bool
	zoned      bool
	zone       *time.Location
	usSeasonal bool // zone is a US season-less abbreviation ("ET")
	usStd      int  // its standard offset in seconds
}

func (p *dateParser) applyTime(d *pageDate, c clock) {
	apply := func(dt *news.DateTime) {
		if dt.IsZero() || dt.Precision != news.PrecisionDay {
			return
		}
		y, mo, da := dt.Time.Date()
		loc := time.UTC
		if c.zoned {
			loc = c.zone
			if c.usSeasonal {
				off := c.usStd
				if usDaylight(y, mo, da) {
					off += 3600
				}
				loc = time.FixedZone("", off)
			}
		}
		dt.Time = time.Date(y, mo, da, c.h, c.m, c.s, 0, loc)
		dt.Precision = news.PrecisionMinute
		if c.seconds {
			dt.Precision = news.PrecisionSecond
		}
		dt.Zoned = c.zoned
	}
	apply(&d.dt)
	apply(&d.alt)
}

// usDaylight reports whether US daylight time is in force on a date: from
// the second Sunday of March to the first Sunday of November.
func usDaylight(y int, m time.Month, d int) bool {
	if m < time.March || m > time.November {
		return false
	}
	if m > time.March && m < time.November {
		return true
	}
	firstSunday := func(m time.Month) int {
		wd := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Weekday()
		return 1 + (7-int(wd))%7
	}
	if m == time.March {
		return d >= firstSunday(time.March)+7
	}
	return d < firstSunday(time.November)
}

// skipJoiners skips what stands between a date and its time: ",", "at",
// "|", "-", "–", "•", "/", "в", "um", "à".
func (p *dateParser) skipJoiners(i int) int {
	for n := 0; i < len(p.t) && n < 3; n++ {
		s := p.t[i].s
		switch strings.ToLower(s) {
		case ",", "|", "-", "–", "—", "•", "·", "/", "at", "в", "um", "à", "a", "alle", "às", "@":
			i++
			continue
		}
		break
	}
	return i
}

// timeAt reads "16:48", "4:48 PM", "4:48 p.m.", "16:48:00", with an
// optional zone right after ("GMT", "+03:00", "UTC+3").
func (p *dateParser) timeAt(i int) (clock, int, bool) {
	t := p.t
	if i+2 >= len(t) || t[i].num < 0 || t[i].digits > 2 || t[i+1].s != ":" || t[i+2].digits != 2 || t[i+1].spaceBef || t[i+2].spaceBef {
		return clock{}, 0, false
	}
	c := clock{h: t[i].num, m: t[i+2].num}
	j := i + 3
	if j+1 < len(t) && t[j].s == ":" && t[j+1].digits == 2 && !t[j].spaceBef {
		c.s, c.seconds = t[j+1].num, true
		j += 2
		// fractional seconds
		if j+1 < len(t) && t[j].s == "." && t[j+1].num >= 0 && !t[j].spaceBef {
			j += 2
		}
	}
	// am / pm, a.m. / p.m.
	if j < len(t) && t[j].letter {
		s := strings.ToLower(t[j].s)
		pm, ampm := false, false
		switch s {
		case "am", "pm":
			ampm, pm = true, s == "pm"
			j++
		case "a", "p":
			if j+2 < len(t) && t[j+1].s == "." && strings.EqualFold(t[j+2].s, "m") {
				ampm, pm = true, s == "p"
				j += 3
				if j < len(t) && t[j].s == "." && !t[j].spaceBef {
					j++
				}
			}
		}
		if ampm {
			if c.h < 1 || c.h > 12 {
				return clock{}, 0, false
			}
			if c.h == 12 {
				c.h = 0
			}
			if pm {
				c.h += 12
			}
		}
	}
	if c.h > 23 || c.m > 59 || c.s > 60 {
		return clock{}, 0, false
	}
	if z, e, ok := p.zoneAt(j); ok {
		c.zone, c.zoned = z.zone, true
		c.usSeasonal, c.usStd = z.usSeasonal, z.usStd
		j = e
	}
	return c, j, true
}

// zoneAt reads a zone: an abbreviation from the lexicon ("EDT", "MSK"),
// "UTC"/"GMT" with an optional offset, a bare offset "+03:00"/"+0300", or
// "Z" glued to the time.
func (p *dateParser) zoneAt(i int) (clock, int, bool) {
	t := p.t
	if i >= len(t) {
		return clock{}, 0, false
	}
	var c clock
	j := i
	if t[i].letter {
		name := t[i].s
		if name == "Z" && t[i].spaceBef {
			return clock{}, 0, false
		}
		z, ok := p.lex.zones[name]
		if !ok {
			return clock{}, 0, false
		}
		c.zoned = true
		c.zone = z.loc
		c.usSeasonal, c.usStd = z.us, z.offset
		j++
		if name != "UTC" && name != "GMT" {
			return c, j, true
		}
		if j >= len(t) || t[j].spaceBef || (t[j].s != "+" && t[j].s != "-" && t[j].s != "−") {
			return c, j, true
		}
	}
	// ±hh[:mm] or ±hhmm
	if j+1 >= len(t) || (t[j].s != "+" && t[j].s != "-" && t[j].s != "−") || t[j+1].num < 0 || t[j+1].spaceBef {
		if j > i {
			return c, j, true
		}
		return clock{}, 0, false
	}
	sign := 1
	if t[j].s != "+" {
		sign = -1
	}
	h, m := t[j+1].num, 0
	switch t[j+1].digits {
	case 1, 2:
		j += 2
		if j+1 < len(t) && t[j].s == ":" && t[j+1].digits == 2 && !t[j].spaceBef {
			m = t[j+1].num
			j += 2
		}
	case 4:
		h, m = h/100, h%100
		j += 2
	default:
		return clock{}, 0, false
	}
	if h > 14 || m > 59 {
		return clock{}, 0, false
	}
	c.zoned, c.usSeasonal = true, false
	c.zone = time.FixedZone("", sign*(h*3600+m*60))
	return c, j, true
}

// isoAt reads a year-first date, "2017-06-09" or "2017/06/09", with an
// optional time after "T" or a space.
func (p *dateParser) isoAt(i int) (pageDate, int, bool) {
	t := p.t
	if i+4 >= len(t) || t[i].digits != 4 {
		return pageDate{}, 0, false
	}
	sep := t[i+1].s
	if (sep != "-" && sep != "/" && sep != ".") || t[i+3].s != sep || t[i+2].digits == 0 || t[i+2].digits > 2 || t[i+4].digits == 0 || t[i+4].digits > 2 {
		return pageDate{}, 0, false
	}
	if t[i+1].spaceBef || t[i+2].spaceBef || t[i+3].spaceBef || t[i+4].spaceBef {
		return pageDate{}, 0, false
	}
	dt, ok := dayDate(t[i].num, t[i+2].num, t[i+4].num)
	if !ok {
		return pageDate{}, 0, false
	}
	d := pageDate{dt: dt, start: t[i].start}
	j := i + 5
	// "T16:48" comes as a letter token "T" glued to the digits.
	k := p.skipJoiners(j)
	glued := j+1 < len(t) && t[j].s == "T" && !t[j].spaceBef && !t[j+1].spaceBef
	if glued {
		k = j + 1
	}
	if tm, e, ok := p.timeAt(k); ok {
		p.applyTime(&d, tm)
		j = e
	}
	d.end = t[j-1].end
	return d, j, true
}

// dayAt reads a day-first or month-first calendar date at token i.
func (p *dateParser) dayAt(i int) (pageDate, int, bool) {
	t := p.t
	if i >= len(t) {
		return pageDate{}, 0, false
	}
	// Numeric: D.M.Y, D/M/Y, D-M-Y (Y of 4 digits, or 2 with "." or "/").
	if t[i].num >= 0 && t[i].digits <= 2 && i+4 < len(t) {
		sep := t[i+1].s
		if (sep == "." || sep == "/" || sep == "-") && t[i+3].s == sep && t[i+2].num >= 0 && t[i+2].digits <= 2 &&
			!t[i+1].spaceBef && !t[i+2].spaceBef && !t[i+3].spaceBef && !t[i+4].spaceBef &&
			(t[i+4].digits == 4 || (t[i+4].digits == 2 && sep != "-")) {
			a, b, y := t[i].num, t[i+2].num, t[i+4].num
			if t[i+4].digits == 2 {
				y += 2000
				if y > 2069 {
					y -= 100
				}
			}
			d := pageDate{start: t[i].start}
			first, okF := dayDate(y, b, a) // day first
			second, okS := dayDate(y, a, b)
			switch {
			case sep == ".":
				// Dotted numeric dates are day first wherever they are used.
				if !okF {
					return pageDate{}, 0, false
				}
				d.dt = first
			case okF && okS && a != b:
				d.dt, d.alt, d.orderOpen = first, second, true
			case okF:
				d.dt = first
				if a != b {
					d.proves = DayFirst
				}
			case okS:
				d.dt, d.proves = second, MonthFirst
			default:
				return pageDate{}, 0, false
			}
			return d, i + 5, true
		}
	}
	// Day, month name, year: "9 June 2017", "9. Juni 2017", "09-Jun-2017".
	if t[i].num >= 1 && t[i].digits <= 2 {
		j := i + 1
		if j < len(t) && (t[j].s == "." || t[j].s == "-") {
			j++
		}
		if m, k, ok := p.monthAt(j); ok {
			if k < len(t) && (t[k].s == "," || t[k].s == "-") {
				k++
			}
			if k < len(t) && t[k].digits == 4 {
				if dt, ok := dayDate(t[k].num, m, t[i].num); ok {
					k++
					// Russian "г." after the year
					if k < len(t) && (t[k].s == "г" || t[k].s == "года") {
						k++
						if k < len(t) && t[k].s == "." && !t[k].spaceBef {
							k++
						}
					}
					return pageDate{dt: dt, start: t[i].start, end: t[k-1].end}, k, true
				}
			}
		}
	}
	// Month name, day, year: "June 9, 2017", "Jun. 9th 2017"; or month, year.
	if m, k, ok := p.monthAt(i); ok && k < len(t) {
		if t[k].digits >= 1 && t[k].digits <= 2 {
			day := t[k].num
			k++
			if k < len(t) && t[k].letter && !t[k].spaceBef {
				switch strings.ToLower(t[k].s) {
				case "st", "nd", "rd", "th":
					k++
				}
			}
			if k < len(t) && t[k].s == "," {
				k++
			}
			if k < len(t) && t[k].digits == 4 {
				if dt, ok := dayDate(t[k].num, m, day); ok {
					return pageDate{dt: dt, start: t[i].start, end: t[k].end}, k + 1, true
				}
			}
			return pageDate{}, 0, false
		}
		if t[k].s == "," {
			k++
		}
		if k < len(t) && t[k].digits == 4 && t[k].num >= 1900 && t[k].num <= 2100 {
			dt := news.DateTime{Time: time.Date(t[k].num, time.Month(m), 1, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionMonth}
			return pageDate{dt: dt, start: t[i].start, end: t[k].end}, k + 1, true
		}
	}
	return pageDate{}, 0, false
}

// monthAt reads a month name (with an abbreviation's dot) at token i.
func (p *dateParser) monthAt(i int) (int, int, bool) {
	if i >= len(p.t) || !p.t[i].letter {
		return 0, 0, false
	}
	w := p.t[i].s
	if len(w) > 24 {
		return 0, 0, false
	}
	var buf [32]byte
	low := buf[:0]
	for _, r := range w {
		low = utf8.AppendRune(low, unicode.ToLower(r))
	}
	m, ok := p.lex.months[string(low)]
	if !ok {
		return 0, 0, false
	}
	j := i + 1
	if j < len(p.t) && p.t[j].s == "." && !p.t[j].spaceBef {
		j++
	}
	return m, j, true
}

// dayDate builds a day-precision date, rejecting impossible ones and
// years outside 1900–2100.
func dayDate(y, m, d int) (news.DateTime, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return news.DateTime{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return news.DateTime{}, false
	}
	return news.DateTime{Time: t, Precision: news.PrecisionDay}, true
}

// monthFirstCountries write numeric dates month first (the United States
// and a few countries that follow its usage).
var monthFirstCountries = map[string]bool{"US": true, "PH": true, "FM": true, "MH": true, "PW": true}

// resolveOrder decides the day order of a page's open numeric dates from,
// in turn: numeric dates on the page that prove an order (a field > 12),
// another date on the page written unambiguously that one reading matches,
// the outlet's country, and the page's language (every language but
// English writes the day first). It returns OrderUnknown when nothing
// decides it.
func resolveOrder(dates []pageDate, country, lang string) DayOrder {
	for _, d := range dates {
		if d.proves != OrderUnknown {
			return d.proves
		}
	}
	for _, d := range dates {
		if !d.orderOpen {
			continue
		}
		for _, o := range dates {
			if o.orderOpen || o.dt.Precision == news.PrecisionMonth {
				continue
			}
			if sameDay(o.dt, d.dt) {
				return DayFirst
			}
			if sameDay(o.dt, d.alt) {
				return MonthFirst
			}
		}
	}
	if country != "" {
		if monthFirstCountries[country] {
			return MonthFirst
		}
		return DayFirst
	}
	if lang != "" && lang != "en" {
		return DayFirst
	}
	return OrderUnknown
}

func sameDay(a, b news.DateTime) bool {
	ay, am, ad := a.Time.Date()
	by, bm, bd := b.Time.Date()
	return ay == by && am == bm && ad == bd
}
