package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Shape is the letter case of a unit of a name. The knowledge base keeps
// the shape of each unit of an alias and a text unit matches only where its
// shape fits: "US" (Upper) does not match "us", "Damascus" (Title) does not
// match "damascus", a lower-case unit ("the", "led") matches any case.
type Shape uint8

// Shapes.
const (
	ShapeLower Shape = iota // no upper-case letter: "the", "al"
	ShapeTitle              // first letter upper, some lower: "Damascus", "McCain"
	ShapeUpper              // two or more letters, all upper: "US", "U.S.", "NATO"
	ShapeOther              // digits, one upper-case letter alone, marks

	shapeLongTitle // ShapeTitle of four letters or more, as the KB stores it
)

// ShapeOf returns the shape of s.
func ShapeOf(s string) Shape {
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsDigit(r) {
		return ShapeOther // "2GB", "737s"
	}
	upper, lower, letters := 0, 0, 0
	first := true
	firstUpper := false
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
			if first {
				firstUpper = true
			}
		} else if unicode.IsLower(r) {
			lower++
		}
		first = false
	}
	switch {
	case letters == 0:
		return ShapeOther
	case upper == 0:
		return ShapeLower
	case lower == 0 && upper >= 2:
		return ShapeUpper
	case firstUpper && lower > 0:
		return ShapeTitle
	}
	return ShapeOther
}

// Fits reports whether a text unit of shape text may stand for a knowledge
// base unit of shape kb. caps says the unit's sentence is written in
// capitals (a headline), where title-case units appear in capitals.
func Fits(kb, text Shape, caps bool) bool {
	switch kb {
	case ShapeLower:
		return true
	case ShapeTitle:
		return text == ShapeTitle || (caps && text == ShapeUpper)
	case shapeLongTitle:
		// A name of four letters or more matches in capitals anywhere:
		// datelines ("KHARTOUM, April 16"), shouted names ("HAMAS").
		return text == ShapeTitle || text == ShapeUpper
	case ShapeUpper:
		return text == ShapeUpper
	}
	return text == kb || text == ShapeTitle || text == ShapeUpper
}

// Fold returns the matching key of one unit of a name: lower case, without
// diacritics, dots or a final possessive ("U.S." → "us", "Élysée" →
// "elysee", "People's" → "people"). possessive reports a final "'s" or "'".
func Fold(s string) (key string, possessive bool) {
	s, possessive = trimPossessive(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	var b strings.Builder
	if ascii {
		plain := true
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '.' || ('A' <= c && c <= 'Z') {
				plain = false
				break
			}
		}
		if plain {
			return s, possessive // already a key: no copy
		}
		b.Grow(len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c == '.':
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		}
		return b.String(), possessive
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
			continue
		case r == '’' || r == 'ʼ' || r == 'ʻ' || r == '‘' || r == '`':
			b.WriteByte('\'')
		case r == 'ı':
			b.WriteByte('i')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String(), possessive
}

func trimPossessive(s string) (string, bool) {
	// By the last byte first: most words end in none of these.
	n := len(s)
	if n < 2 {
		return s, false
	}
	switch s[n-1] {
	case 's', 'S': // "'s", "’s"
		if s[n-2] == '\'' && n > 2 {
			return s[:n-2], true
		}
		if n > 4 && s[n-4:n-1] == "’" {
			return s[:n-4], true
		}
	case '\'':
		return s[:n-1], true
	case 0x99: // the last byte of "’"
		if n > 3 && s[n-3:] == "’" {
			return s[:n-3], true
		}
	}
	return s, false
}

// Units splits a name into its units: words split at spaces and at inner
// hyphens ("al-Nusra Front" → "al", "Nusra", "Front"). The knowledge base and
// the entity stage split alike, so "al Nusra" and "al-Nusra" match.
func Units(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		for _, p := range strings.FieldsFunc(w, isHyphen) {
			out = append(out, p)
		}
	}
	return out
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' || r == '–' }
