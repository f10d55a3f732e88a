package timex

import (
	"fmt"
	"strconv"
	"time"

	"sitrep/news"
)

// A spec is what the recognizer read from a time expression, before it is
// resolved against the anchor. Zero fields are absent.
type spec struct {
	typ  news.TimeType
	mod  string // TIMEX3 mod
	lit  string // a literal value (P3D, PRESENT_REF, XXXX-WXX-5); used as is
	prec news.Precision

	// A calendar date, in part: y, m, d as stated (0 when not stated).
	y, m, d int
	q       int    // quarter 1..4
	half    int    // half year 1..2
	season  string // SP SU FA WI
	decade  int    // 199 for "the 1990s"; 0 when none
	century int    // 20 for "the 20th century" (value "19"); 0 when none
	wd      int    // a weekday, 1..7, when no date was stated

	// A point moved from the anchor (or, with fromRef, from the last date
	// the article mentioned) by off units of unit: D W E M Q Y DE CE.
	rel     bool
	unit    string
	off     int
	fromRef bool
	// relWeekday: "last Friday" (-1), "next Friday" (+1), "this Friday" (0):
	// wd relative to the anchor, not by tense.
	relWD    bool
	relMonth bool // "last September", "next March", "this May": m relative to the anchor

	// Time of day.
	clock  bool
	hh, mi int
	tz     string
	pod    string // MO AF EV NI MI DT

	tense byte // 'F', 'P' or 0, from the sentence

	count     bool // a counted expression ("two years ago", "three days")
	overnight bool // "overnight": the night before, or the coming one in the future tense
	yearRel   bool // the year is the anchor's moved by yearOff ("of last year")
	yearOff   int
	// weekendTense: "the weekend" is the coming one in the future tense or
	// on a weekend day, else the last one.
	weekendTense bool
}

// A frame is what relative expressions resolve against.
type frame struct {
	anchor    time.Time // midnight UTC of the anchor day
	hasAnchor bool
	ref       time.Time // the last day-precision date the article mentioned
	hasRef    bool
}

// errImpossible reports a date that does not exist ("February 30").
type errImpossible struct{ y, m, d int }

func (e errImpossible) Error() string {
	return fmt.Sprintf("no such date: year %d, month %d, day %d", e.y, e.m, e.d)
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	if y == 0 {
		y = 2000 // a leap year: February 29 is possible when the year is unknown
	}
	t := day(y, m, d)
	return t.Day() == d && int(t.Month()) == m
}

// resolve turns s into a TIMEX3 value and its precision, using f. anchored
// reports whether the value depends on the anchor and was resolved against
// it; at is the day it denotes, when it denotes one.
func resolve(s spec, f frame) (value string, prec news.Precision, anchored bool, at time.Time, err error) {
	if s.lit != "" {
		return s.lit, s.prec, false, time.Time{}, nil
	}
	base, hasBase := f.anchor, f.hasAnchor
	if s.fromRef && f.hasRef {
		base, hasBase = f.ref, true
	}
	var date string
	var dayT time.Time
	isDay := false
	switch {
	case s.rel:
		if !hasBase {
			date, prec = unanchoredUnit(s.unit)
			break
		}
		anchored = true
		switch s.unit {
		case "D":
			dayT = base.AddDate(0, 0, s.off)
			date, prec, isDay = fmtDay(dayT), news.PrecisionDay, true
		case "W", "E":
			y, w := base.AddDate(0, 0, 7*s.off).ISOWeek()
			date, prec = fmt.Sprintf("%04d-W%02d", y, w), PrecisionWeek
			if s.unit == "E" {
				date += "-WE"
			}
		case "M":
			t := day(base.Year(), int(base.Month()), 1).AddDate(0, s.off, 0)
			date, prec = t.Format("2006-01"), news.PrecisionMonth
		case "Q":
			qi := base.Year()*4 + (int(base.Month())-1)/3 + s.off
			date, prec = fmt.Sprintf("%04d-Q%d", floorDiv(qi, 4), qi-floorDiv(qi, 4)*4+1), PrecisionQuarter
		case "Y":
			date, prec = fmt.Sprintf("%04d", base.Year()+s.off), news.PrecisionYear
		case "DE":
			date, prec = strconv.Itoa(floorDiv(base.Year(), 10)+s.off), PrecisionDecade
		case "CE":
			date, prec = strconv.Itoa(floorDiv(base.Year(), 100)+s.off), PrecisionCentury
		default:
			return "", "", false, time.Time{}, fmt.Errorf("unknown unit %q", s.unit)
		}
	case s.decade != 0:
		date, prec = strconv.Itoa(s.decade), PrecisionDecade
	case s.century != 0:
		date, prec = strconv.Itoa(s.century-1), PrecisionCentury
	case s.wd != 0 && s.m == 0:
		if !hasBase {
			date, prec = fmt.Sprintf("XXXX-WXX-%d", s.wd), news.PrecisionDay
			break
		}
		anchored = true
		dayT = weekday(base, s.wd, s.relWD, s.off, s.tense)
		date, prec, isDay = fmtDay(dayT), news.PrecisionDay, true
	case s.y != 0 || s.m != 0 || s.q != 0 || s.half != 0 || s.season != "":
		y := s.y
		if y == 0 && s.yearRel {
			if !hasBase {
				date, prec = partial("XXXX", s)
				break
			}
			anchored = true
			y = base.Year() + s.yearOff
		}
		if s.m != 0 && s.d != 0 && !validDay(y, s.m, s.d) {
			return "", "", false, time.Time{}, errImpossible{s.y, s.m, s.d}
		}
		if y == 0 {
			if !hasBase {
				date, prec = partial("XXXX", s)
				break
			}
			anchored = true
			y = pickYear(base, s)
			if s.m == 2 && s.d == 29 && !validDay(y, 2, 29) {
				return "", "", false, time.Time{}, errImpossible{y, s.m, s.d}
			}
		}
		date, prec = partial(fmt.Sprintf("%04d", y), s)
		if s.m != 0 && s.d != 0 {
			dayT, isDay = day(y, s.m, s.d), true
		}
	case s.clock || s.pod != "":
		// A time of day with no date: the anchor day.
		if !hasBase {
			date = "XXXX-XX-XX"
		} else {
			anchored = true
			dayT = base
			date, isDay = fmtDay(base), true
		}
		prec = news.PrecisionDay
	default:
		return "", "", false, time.Time{}, fmt.Errorf("empty time expression")
	}
	if s.clock {
		date += fmt.Sprintf("T%02d:%02d", s.hh, s.mi)
		if s.tz != "" {
			date += s.tz
		}
		prec = news.PrecisionMinute
	} else if s.pod != "" {
		date += "T" + s.pod
		prec = PrecisionPartOfDay
	}
	if isDay {
		at = dayT
	}
	return date, prec, anchored, at, nil
}

func fmtDay(t time.Time) string { return t.Format("2006-01-02") }

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// partial formats a date with the given year and the month, quarter,
// half or season fields of s, to the precision the text gave.
func partial(year string, s spec) (string, news.Precision) {
	switch {
	case s.m != 0 && s.d != 0:
		return fmt.Sprintf("%s-%02d-%02d", year, s.m, s.d), news.PrecisionDay
	case s.m != 0:
		return fmt.Sprintf("%s-%02d", year, s.m), news.PrecisionMonth
	case s.q != 0:
		return fmt.Sprintf("%s-Q%d", year, s.q), PrecisionQuarter
	case s.half != 0:
		return fmt.Sprintf("%s-H%d", year, s.half), PrecisionHalf
	case s.season != "":
		return year + "-" + s.season, PrecisionSeason
	}
	return year, news.PrecisionYear
}

// unanchoredUnit is the TimeML value of a relative expression with no
// anchor: the unit's shape with every digit unknown.
func unanchoredUnit(unit string) (string, news.Precision) {
	switch unit {
	case "D":
		return "XXXX-XX-XX", news.PrecisionDay
	case "W":
		return "XXXX-WXX", PrecisionWeek
	case "E":
		return "XXXX-WXX-WE", PrecisionWeek
	case "M":
		return "XXXX-XX", news.PrecisionMonth
	case "Q":
		return "XXXX-QX", PrecisionQuarter
	case "DE":
		return "XXX", PrecisionDecade
	case "CE":
		return "XX", PrecisionCentury
	}
	return "XXXX", news.PrecisionYear
}

// weekday resolves a weekday against base. With rel, off says which week:
// "last Friday" is the latest Friday before base, "next Friday" the first
// after it, "this Friday" the one in base's week. Without rel, the news
// rule: base itself when it is that weekday; else the latest one before
// base in past or unknown tense, the first one after it in future tense.
func weekday(base time.Time, wd int, rel bool, off int, tense byte) time.Time {
	cur := int(base.Weekday())
	if cur == 0 {
		cur = 7
	}
	if rel {
		switch {
		case off < 0:
			back := (cur - wd + 7) % 7
			if back == 0 {
				back = 7
			}
			return base.AddDate(0, 0, -back)
		case off > 0:
			fwd := (wd - cur + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			return base.AddDate(0, 0, fwd)
		default:
			return base.AddDate(0, 0, wd-cur)
		}
	}
	if wd == cur {
		return base
	}
	if tense == 'F' {
		return base.AddDate(0, 0, (wd-cur+7)%7)
	}
	return base.AddDate(0, 0, -((cur - wd + 7) % 7))
}

// pickYear chooses the year of a date stated without one ("June 8",
// "December", "the third quarter") by the news rule: of the candidates in
// the anchor's year and the years either side, the nearest to the anchor
// that fits the tense — on or before it in the past tense, on or after it
// in the future tense, either side when the tense is unknown. Relative
// months ("last September") move strictly before or after the anchor.
func pickYear(base time.Time, s spec) int {
	by := base.Year()
	// Compare at the precision the text gave: day, month, or the first
	// month of the quarter, half or season.
	m, d := s.m, s.d
	am, ad := int(base.Month()), base.Day()
	switch {
	case m != 0 && d != 0:
	case m != 0:
		ad = 0
	default:
		ad = 0
		am = periodOf(s, am)
		m = periodOf(s, 0)
	}
	key := func(y, mm, dd int) int { return y*10000 + mm*100 + dd }
	a := key(by, am, ad)
	dir := 0
	switch {
	case s.relMonth && s.off < 0:
		dir = -2 // strictly before
	case s.relMonth && s.off > 0:
		dir = 2 // strictly after
	case s.relMonth:
		return by
	case s.tense == 'P':
		dir = -1
	case s.tense == 'F':
		dir = 1
	}
	best, bestDist := by, -1
	for y := by - 1; y <= by+1; y++ {
		c := key(y, m, d)
		switch {
		case dir == -1 && c > a, dir == 1 && c < a, dir == -2 && c >= a, dir == 2 && c <= a:
			continue
		}
		dist := dayDist(y, m, d, by, am, ad)
		if bestDist < 0 || dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// periodOf numbers the period of s (quarter, half, season) so that
// periods compare like months; with month m != 0 it gives the period
// that month falls in.
func periodOf(s spec, m int) int {
	switch {
	case s.q != 0:
		if m != 0 {
			return (m-1)/3*3 + 1
		}
		return (s.q-1)*3 + 1
	case s.half != 0:
		if m != 0 {
			return (m-1)/6*6 + 1
		}
		return (s.half-1)*6 + 1
	case s.season != "":
		starts := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}
		if m != 0 {
			switch {
			case m >= 12 || m < 3:
				if m < 3 {
					return 0 // the winter that began last December
				}
				return 12
			case m >= 9:
				return 9
			case m >= 6:
				return 6
			}
			return 3
		}
		return starts[s.season]
	}
	return 1
}

func dayDist(y, m, d, by, bm, bd int) int {
	if m < 1 {
		m = 1
	}
	if d < 1 {
		d = 1
	}
	if bd < 1 {
		bd = 1
	}
	t := day(y, m, d).Sub(day(by, bm, bd))
	if t < 0 {
		t = -t
	}
	return int(t / (24 * time.Hour))
}
