package event

import (
	"strconv"
	"strings"
)

// A count is a number phrase of a sentence: words [first, end) and the
// range of values it states. High is -1 when unbounded above.
type count struct {
	first, end int
	low, high  int
}

var numberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var multipliers = map[string]int{"hundred": 100, "thousand": 1000, "million": 1000000}

// vague counts: a plural word alone ("dozens", "hundreds") as a range.
var vagueCounts = map[string][2]int{
	"dozens": {24, 99}, "scores": {40, 99}, "hundreds": {200, 999}, "thousands": {2000, 9999},
	"several": {3, 9}, "many": {2, -1}, "numerous": {2, -1}, "a few": {2, 5}, "few": {2, 5},
}

// qualifiers, longest first within each first word.
var qualifiers = []struct {
	words []string
	kind  string
}{
	{[]string{"at", "least"}, "min"}, {[]string{"no", "fewer", "than"}, "min"}, {[]string{"no", "less", "than"}, "min"},
	{[]string{"more", "than"}, "over"}, {[]string{"over"}, "over"}, {[]string{"upwards", "of"}, "over"}, {[]string{"above"}, "over"},
	{[]string{"nearly"}, "near"}, {[]string{"almost"}, "near"}, {[]string{"close", "to"}, "near"}, {[]string{"just", "under"}, "near"},
	{[]string{"up", "to"}, "max"}, {[]string{"as", "many", "as"}, "max"}, {[]string{"at", "most"}, "max"},
	{[]string{"fewer", "than"}, "under"}, {[]string{"less", "than"}, "under"}, {[]string{"under"}, "under"},
	{[]string{"about"}, "about"}, {[]string{"around"}, "about"}, {[]string{"approximately"}, "about"},
	{[]string{"roughly"}, "about"}, {[]string{"some"}, "about"}, {[]string{"an", "estimated"}, "about"},
	{[]string{"estimated"}, "about"},
}

// parseCount reads a number phrase starting at words[i]: an optional
// qualifier, then digits ("1,200", "15") or number words ("two",
// "twenty-five", "two hundred", "a dozen"), or a vague count ("dozens",
// "hundreds of", "tens of thousands"), or "no". ok is false when no number
// starts at i.
func parseCount(ws []word, i int) (count, bool) {
	c := count{first: i}
	kind := ""
	for _, q := range qualifiers {
		if matchWords(ws, i, q.words) {
			kind = q.kind
			i += len(q.words)
			break
		}
	}
	if i >= len(ws) {
		return c, false
	}
	n, j, vague, ok := parseNumber(ws, i)
	if !ok {
		if kind == "" && ws[i].low == "no" {
			c.end, c.low, c.high = i+1, 0, 0
			return c, true
		}
		return c, false
	}
	c.end = j
	if vague[0] != 0 || vague[1] != 0 {
		c.low, c.high = vague[0], vague[1]
		if kind == "over" || kind == "min" {
			c.high = -1
		}
		return c, true
	}
	switch kind {
	case "min":
		c.low, c.high = n, -1
	case "over":
		c.low, c.high = n+1, -1
	case "near":
		c.low, c.high = n-n/10, n-1
		if c.high < c.low {
			c.high = c.low
		}
	case "max":
		c.low, c.high = 0, n
	case "under":
		c.low, c.high = 0, n-1
		if n == 0 {
			c.high = 0
		}
	case "about":
		c.low, c.high = n-n/10, n+n/10
	default:
		c.low, c.high = n, n
	}
	return c, true
}

func matchWords(ws []word, i int, want []string) bool {
	if i+len(want) > len(ws) {
		return false
	}
	for k, w := range want {
		if ws[i+k].low != w {
			return false
		}
	}
	return true
}

// parseNumber reads digits or number words at ws[i]. It returns the value,
// the index after the number, and a vague range for "dozens"-like words.
func parseNumber(ws []word, i int) (n, end int, vague [2]int, ok bool) {
	w := ws[i].low
	if ws[i].number || (len(w) > 0 && w[0] >= '0' && w[0] <= '9') {
		v, err := strconv.Atoi(strings.ReplaceAll(w, ",", ""))
		if err != nil || v < 0 || v > 100000000 {
			return 0, i, vague, false
		}
		end = i + 1
		if end < len(ws) {
			if m, ok := multipliers[ws[end].low]; ok {
				v *= m
				end++
			}
		}
		return v, end, vague, true
	}
	if w == "tens" && matchWords(ws, i+1, []string{"of", "thousands"}) {
		return 0, i + 3, [2]int{20000, 99999}, true
	}
	if w == "a" || w == "an" {
		if i+1 < len(ws) {
			switch ws[i+1].low {
			case "dozen":
				return 12, i + 2, vague, true
			case "hundred":
				return 100, i + 2, vague, true
			case "thousand":
				return 1000, i + 2, vague, true
			case "few":
				return 0, i + 2, vagueCounts["a few"], true
			}
		}
		return 0, i, vague, false
	}
	if v, ok := vagueCounts[w]; ok {
		end = i + 1
		// "hundreds and thousands", "dozens or hundreds": the larger word wins.
		if end+1 < len(ws) && (ws[end].low == "and" || ws[end].low == "or") {
			if v2, ok := vagueCounts[ws[end+1].low]; ok {
				v[1] = v2[1]
				end += 2
			}
		}
		return 0, end, v, true
	}
	if w == "dozen" {
		return 12, i + 1, vague, true
	}
	total, cur, j := 0, 0, i
	for j < len(ws) {
		lw := ws[j].low
		if v, ok := numberWords[lw]; ok {
			cur += v
			j++
			continue
		}
		if k := strings.IndexByte(lw, '-'); k > 0 {
			a, ok1 := numberWords[lw[:k]]
			b, ok2 := numberWords[lw[k+1:]]
			if ok1 && ok2 {
				cur += a + b
				j++
				continue
			}
		}
		if m, ok := multipliers[lw]; ok && j > i {
			if cur == 0 {
				cur = 1
			}
			if m == 100 {
				cur *= m
			} else {
				total += cur * m
				cur = 0
			}
			j++
			continue
		}
		if lw == "and" && j > i && j+1 < len(ws) {
			if _, ok := numberWords[ws[j+1].low]; ok && cur >= 100 {
				j++
				continue
			}
		}
		break
	}
	if j == i {
		return 0, i, vague, false
	}
	return total + cur, j, vague, true
}
