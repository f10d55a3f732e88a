package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/news"
)

// Tokenisation rules (see the package comment for the summary):
//
//   - A word is a run of letters, digits and combining marks, with inner
//     hyphens (pro-Damascus, F-16), inner apostrophes between letters
//     (O'Brien, don't) and inner periods where the shape says abbreviation
//     (U.S., a.m., Ph.D.) or domain name (example.com).
//   - A final period belongs to the word when the word is a listed
//     abbreviation, a single capital letter (an initial), or a dotted
//     abbreviation whose last part has at most two letters (U.S., e.g.).
//   - English clitics are split off as in the Penn Treebank: 's 're 've 'll
//     'd 'm before the apostrophe (coalition's → coalition + 's, it's → it
//     + 's, they're → they + 're) and n't before the n (don't → do + n't,
//     can't → ca + n't). A final apostrophe (Damascus') is a punct token of
//     its own, like a closing quote.
//   - Capital letters joined by & are one word (AT&T, S&P); up to three
//     capitals before $ are one currency symbol (US$, HK$).
//   - A minus sign right before a digit, after a space or an opening
//     bracket or at the start, belongs to the number (-3.16, −82).
//   - A number is a run of digits with inner . , : / - between digits and an
//     optional letter suffix: 3.5 1,000 09.06.2017 16:48 2017-06-09 1990s
//     2nd 1.2bn. A token that begins with a digit and goes on with a hyphen
//     and letters (60-year-old) is a word.
//   - URLs (http://, https://, www.) and e-mail addresses are one word.
//   - Punctuation is one mark a token, except runs of periods ("...") and
//     of hyphens ("--"). Everything else (currency, %, emoji) is a symbol,
//     with its combining marks and zero-width-joined sequence.
//   - Han, Hiragana and Katakana characters are one word each, since those
//     scripts do not separate words with spaces.

// byte classes of ASCII.
const (
	cOther = iota
	cSpace
	cLower
	cUpper
	cDigit
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for b := 0; b < utf8.RuneSelf; b++ {
		switch {
		case b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f' || b < 0x20 || b == 0x7f:
			t[b] = cSpace // controls are skipped like space
		case 'a' <= b && b <= 'z':
			t[b] = cLower
		case 'A' <= b && b <= 'Z':
			t[b] = cUpper
		case '0' <= b && b <= '9':
			t[b] = cDigit
		}
	}
	return t
}()

// runeAt decodes the rune at i with an ASCII fast path.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// Classes of the runes below lowRunes (ASCII and the two-byte runes:
// Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic…), read from a table
// built from the unicode package, so that the predicates below answer
// them without a range-table search. No rune below lowRunes is CJK.
const (
	lowRunes = 0x800

	rSpace  = 1 << iota // isSpace
	rLetter             // unicode.IsLetter
	rDigit              // unicode.IsDigit
	rMark               // unicode.IsMark
)

var lowClass = func() (t [lowRunes]uint8) {
	for r := range rune(lowRunes) {
		if isSpaceSlow(r) {
			t[r] |= rSpace
		}
		if unicode.IsLetter(r) {
			t[r] |= rLetter
		}
		if unicode.IsDigit(r) {
			t[r] |= rDigit
		}
		if unicode.IsMark(r) {
			t[r] |= rMark
		}
	}
	return t
}()

// isSpace reports runes that separate tokens and belong to none: white
// space, controls and invisible format characters.
func isSpace(r rune) bool {
	if uint32(r) < lowRunes {
		return lowClass[r]&rSpace != 0
	}
	return isSpaceSlow(r)
}

func isSpaceSlow(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == cSpace
	}
	switch r {
	case 0x200B, 0x2060, 0xFEFF, 0x200E, 0x200F, 0x00AD, 0x200C, 0x200D:
		return true
	}
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

func isLetter(r rune) bool {
	if uint32(r) < lowRunes {
		return lowClass[r]&rLetter != 0
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	if uint32(r) < lowRunes {
		return lowClass[r]&rDigit != 0
	}
	return unicode.IsDigit(r)
}

// isCJK reports characters written without spaces between words.
func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// isAlnum reports runes that continue a word: letters, digits and marks,
// except characters of scripts written without spaces.
func isAlnum(r rune) bool {
	if uint32(r) < lowRunes {
		return lowClass[r]&(rLetter|rDigit|rMark) != 0
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) && !isCJK(r)
}

func isHyphen(r rune) bool { return r == '-' || r == 0x2010 || r == 0x2011 }

func isApostrophe(r rune) bool { return r == '\'' || r == 0x2019 }

// tokenizer appends the tokens of text to toks.
type tokenizer struct {
	lx     *lexicon
	text   string
	toks   []news.Token
	nextAt int // index of the next '@' at or after the scan position, or the range end
	atEnd  int // range end nextAt was computed for
}

// tokenize appends the tokens of text[start:end].
func (t *tokenizer) tokenize(start, end int) {
	s := t.text
	t.findAt(start, end)
	for i := start; i < end; {
		if c := s[i]; c < utf8.RuneSelf { // fast path for ASCII
			switch asciiClass[c] {
			case cSpace:
				i++
				continue
			case cLower, cUpper, cDigit:
				// no URL can start here and no '@' is near enough for an
				// e-mail address (email returns i)
				if t.atEnd == end && (t.nextAt >= end || t.nextAt > i+64) && !urlStart(s[i:end]) {
					i = t.word(i, end)
					continue
				}
			}
		}
		r, sz := runeAt(s, i)
		switch {
		case isSpace(r):
			i += sz
		case isLetter(r) || isDigit(r):
			if j := t.url(i, end); j > i {
				t.emit(i, j, news.Word)
				i = j
			} else if j := t.email(i, end); j > i {
				t.emit(i, j, news.Word)
				i = j
			} else if isCJK(r) {
				j := skipMarks(s, i+sz, end)
				t.emit(i, j, news.Word)
				i = j
			} else {
				i = t.word(i, end)
			}
		case r == '.':
			j := i + 1
			for j < end && s[j] == '.' {
				j++
			}
			t.emit(i, j, news.Punct)
			i = j
		case (r == '-' || r == '−') && i+sz < end && '0' <= s[i+sz] && s[i+sz] <= '9' && t.signPlace(start, i):
			// a signed number: -3.16, −82
			k := len(t.toks)
			t.emit(i, i+sz, news.Punct)
			j := t.word(i+sz, end)
			if t.toks[k+1].Kind == news.Number {
				t.toks[k+1].Span.Start = i
				t.toks = append(t.toks[:k], t.toks[k+1:]...)
			}
			i = j
		case r == '-' && i+1 < end && s[i+1] == '-':
			j := i + 2
			for j < end && s[j] == '-' {
				j++
			}
			t.emit(i, j, news.Punct)
			i = j
		case unicode.IsPunct(r):
			t.emit(i, i+sz, news.Punct)
			i += sz
		default:
			j := symbolEnd(s, i+sz, end)
			t.emit(i, j, news.Symbol)
			i = j
		}
	}
}

// urlStart reports whether s may open a URL ("http", "www." in any
// case): where it does not, url(i, end) returns i.
func urlStart(s string) bool {
	switch s[0] {
	case 'h', 'H':
		return hasPrefixFold(s, "http")
	case 'w', 'W':
		return hasPrefixFold(s, "www.")
	}
	return false
}

func (t *tokenizer) emit(start, end int, k news.TokenKind) {
	t.toks = append(t.toks, news.Token{Span: news.Span{Start: start, End: end}, Kind: k})
}

// signPlace reports whether a minus sign at i stands where a sign can:
// at the start of the range, or after a space or an opening bracket.
func (t *tokenizer) signPlace(start, i int) bool {
	if i == start {
		return true
	}
	switch c := t.text[i-1]; c {
	case ' ', '\t', '\n', '(', '[':
		return true
	}
	return false
}

// skipMarks returns the index after the combining marks at i.
func skipMarks(s string, i, end int) int {
	for i < end {
		r, sz := runeAt(s, i)
		if r < utf8.RuneSelf || !unicode.IsMark(r) {
			break
		}
		i += sz
	}
	return i
}

// symbolEnd extends a symbol over its combining marks, variation selectors,
// emoji modifiers and zero-width-joined sequence.
func symbolEnd(s string, i, end int) int {
	for i < end {
		r, sz := runeAt(s, i)
		switch {
		case r < utf8.RuneSelf:
			return i
		case unicode.IsMark(r), r >= 0x1F3FB && r <= 0x1F3FF:
			i += sz
		case r == 0x200D && i+sz < end:
			r2, sz2 := runeAt(s, i+sz)
			if isSpace(r2) || r2 < utf8.RuneSelf {
				return i
			}
			i += sz + sz2
		default:
			return i
		}
	}
	return i
}

// word scans the word or number that starts at i and emits it (as two
// tokens when it ends in 's). It returns the index after it.
func (t *tokenizer) word(i, end int) int {
	s := t.text
	start := i
	var number bool
	if c := s[i]; c < utf8.RuneSelf {
		number = asciiClass[c] == cDigit
	} else {
		first, _ := runeAt(s, i)
		number = isDigit(first)
	}
	hyphenLetter := false // a hyphen followed by a letter: 60-year-old is a word
	innerDot := false     // U.S., a.m.
	apos := -1            // index of the last inner apostrophe
	var segStart int
	var prev rune // last rune of the current segment
	for {
		// one run of letters, digits and marks
		segStart = i
		for i < end {
			c := s[i]
			if c < utf8.RuneSelf {
				if asciiClass[c] < cLower {
					break
				}
				i = asciiAlnumEnd(s, i+1, end)
				prev = rune(s[i-1])
				continue
			}
			if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				// a two-byte rune, classed through the table
				r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
				if lowClass[r]&(rLetter|rDigit|rMark) == 0 {
					break
				}
				prev = r
				i += 2
				continue
			}
			r, sz := utf8.DecodeRuneInString(s[i:])
			if !isAlnum(r) {
				break
			}
			prev = r
			i += sz
		}
		if i >= end || s[i] == ' ' || s[i] == '\n' {
			break
		}
		c, csz := runeAt(s, i)
		if i+csz >= end {
			break
		}
		next, _ := runeAt(s, i+csz)
		switch {
		case isHyphen(c) && isAlnum(next) && !isCJK(next):
			if isLetter(next) {
				hyphenLetter = true
			}
			i += csz
			continue
		case c == '&' && isUpperASCII(prev) && isUpperASCII(next) && t.lettersOnly(start, i):
			i++ // AT&T, S&P, R&D
			continue
		case isApostrophe(c) && isLetter(prev) && isLetter(next) && !isCJK(next):
			apos = i
			i += csz
			continue
		case (c == '.' || c == ',' || c == ':' || c == '/') && isDigit(prev) && isDigit(next):
			i += csz
			continue
		case c == '.' && isLetter(prev) && isLetter(next) && t.dottedJoin(segStart, i, end):
			innerDot = true
			i += csz
			continue
		}
		break
	}
	// US$, CA$, HK$: a currency symbol.
	if i < end && s[i] == '$' && i-start <= 3 && t.upperOnly(start, i) {
		t.emit(start, i+1, news.Symbol)
		return i + 1
	}
	// A final period that belongs to the word.
	if i < end && s[i] == '.' && !(i+1 < end && s[i+1] == '.') && t.takesPeriod(start, segStart, i, end, innerDot) {
		i++
		// U.S.-led, Lt.-Gen.: the word goes on after the period.
		if i+1 < end && s[i] == '-' {
			if r, _ := runeAt(s, i+1); isLetter(r) {
				i = t.wordTail(i+1, end)
				if i < end && s[i] == '.' && !(i+1 < end && s[i+1] == '.') && t.takesPeriod(start, i, i, end, false) {
					i++
				}
			}
		}
		t.emit(start, i, news.Word)
		return i
	}
	kind := news.Word
	if number && !hyphenLetter {
		kind = news.Number
	}
	// coalition's → coalition + 's; don't → do + n't
	if apos > start {
		if k := clitic(s[start:i], apos-start); k > 0 {
			t.emit(start, start+k, kind)
			t.emit(start+k, i, news.Word)
			return i
		}
	}
	t.emit(start, i, kind)
	return i
}

// asciiAlnumEnd returns the end of the run of ASCII letters and digits
// that goes on at i.
func asciiAlnumEnd(s string, i, end int) int {
	for i < end {
		if c := s[i]; c >= utf8.RuneSelf || asciiClass[c] < cLower {
			break
		}
		i++
	}
	return i
}

// clitic returns where the English clitic that ends word begins, or 0:
// the apostrophe at apos before s, re, ve, ll, d or m, or the n before
// the apostrophe of n't (Penn Treebank rules: "can't" → "ca" + "n't").
func clitic(word string, apos int) int {
	_, asz := runeAt(word, apos)
	switch strings.ToLower(word[apos+asz:]) {
	case "s", "re", "ve", "ll", "d", "m":
		return apos
	case "t":
		if apos > 1 && (word[apos-1] == 'n' || word[apos-1] == 'N') {
			return apos - 1
		}
	}
	return 0
}

func isUpperASCII(r rune) bool { return 'A' <= r && r <= 'Z' }

// upperOnly reports whether text[a:b] is all capital ASCII letters.
func (t *tokenizer) upperOnly(a, b int) bool {
	for i := a; i < b; i++ {
		if !isUpperASCII(rune(t.text[i])) {
			return false
		}
	}
	return true
}

// lettersOnly reports whether text[a:b] holds ASCII letters and & only.
func (t *tokenizer) lettersOnly(a, b int) bool {
	for i := a; i < b; i++ {
		if c := t.text[i]; c != '&' && (c >= utf8.RuneSelf || asciiClass[c] < cLower || asciiClass[c] > cUpper) {
			return false
		}
	}
	return true
}

// wordTail scans letters, digits and inner hyphens from i; it returns i
// when no letter is there.
func (t *tokenizer) wordTail(i, end int) int {
	s := t.text
	for i < end {
		r, sz := runeAt(s, i)
		if isAlnum(r) {
			i += sz
			continue
		}
		if isHyphen(r) && i+sz < end {
			if n, _ := runeAt(s, i+sz); isAlnum(n) {
				i += sz
				continue
			}
		}
		break
	}
	return i
}

// dottedJoin decides whether the period at dot, between the letters of
// text[segStart:dot] and the letters after it, is inside a word: both parts
// at most two letters long (U.S, Ph.D, a.m) or the part after it in lower
// case (example.com, Amazon.com).
func (t *tokenizer) dottedJoin(segStart, dot, end int) bool {
	s := t.text
	j := dot + 1
	n := 0
	lower := false
	for j < end {
		r, sz := runeAt(s, j)
		if !isLetter(r) {
			if isDigit(r) {
				return false
			}
			break
		}
		if n == 0 {
			lower = unicode.IsLower(r)
		}
		n++
		j += sz
		if n > 2 && !lower {
			return false // "end.The": a missing space, not an abbreviation
		}
	}
	if lower {
		return true
	}
	return utf8.RuneCountInString(s[segStart:dot]) <= 2
}

// takesPeriod decides whether the period at dot belongs to the word
// text[start:dot], whose last dotted or plain part starts at segStart.
func (t *tokenizer) takesPeriod(start, segStart, dot, end int, innerDot bool) bool {
	s := t.text
	w := s[start:dot]
	if innerDot {
		return utf8.RuneCountInString(s[segStart:dot]) <= 2
	}
	class := t.lx.abbrev[w]
	if class == notAbbrev {
		if h := strings.LastIndexAny(w, "-"); h >= 0 {
			class = t.lx.abbrev[w[h+1:]]
		}
	}
	switch class {
	case classTitle, classGeneral:
		return true
	case classNumber:
		// only before a number: No. 5, p. 12
		for j := dot + 1; j < end; {
			r, sz := runeAt(s, j)
			if isSpace(r) && r != '\n' {
				j += sz
				continue
			}
			return isDigit(r) || r == '#'
		}
		return false
	}
	// An initial: one capital letter.
	r, sz := runeAt(s, start)
	return sz == len(w) && unicode.IsUpper(r)
}

// url returns the end of the URL that starts at i, or i when none does.
// Trailing punctuation is left out, except a closing parenthesis that
// balances one inside the URL.
func (t *tokenizer) url(i, end int) int {
	s := t.text[i:end]
	var n int
	switch {
	case hasPrefixFold(s, "https://"):
		n = 8
	case hasPrefixFold(s, "http://"):
		n = 7
	case hasPrefixFold(s, "www."):
		n = 4
	default:
		return i
	}
	j := n
	for j < len(s) {
		r, sz := runeAt(s, j)
		if isSpace(r) || r == '"' || r == '<' || r == '>' || r == '“' || r == '”' || r == '«' || r == '»' {
			break
		}
		j += sz
	}
	// trim trailing punctuation
	for j > n {
		r, sz := utf8.DecodeLastRuneInString(s[:j])
		if r == ')' && strings.Count(s[:j], "(") >= strings.Count(s[:j], ")") {
			break
		}
		if !strings.ContainsRune(".,;:!?'\")]}’”…", r) {
			break
		}
		j -= sz
	}
	if j == n {
		return i
	}
	return i + j
}

// hasPrefixFold reports whether s starts with prefix, a lower-case ASCII
// string, in any case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// findAt sets nextAt to the index of the first '@' of text[i:end], or
// end.
func (t *tokenizer) findAt(i, end int) {
	t.atEnd = end
	if k := strings.IndexByte(t.text[i:end], '@'); k >= 0 {
		t.nextAt = i + k
	} else {
		t.nextAt = end
	}
}

// email returns the end of the e-mail address that starts at i, or i.
// The local part may be 64 bytes long at most, the domain 253.
func (t *tokenizer) email(i, end int) int {
	if t.atEnd != end || t.nextAt < i {
		t.findAt(i, end)
	}
	at := t.nextAt
	if at >= end || at-i > 64 || at == i {
		return i
	}
	s := t.text
	for j := i; j < at; j++ {
		c := s[j]
		if c >= utf8.RuneSelf || !(asciiClass[c] >= cLower || strings.IndexByte("._%+-", c) >= 0) {
			return i
		}
	}
	// domain: labels of letters, digits and hyphens, at least one dot
	j, dots, label := at+1, 0, 0
	lastDot := -1
	for j < end && j-at <= 253 {
		c := s[j]
		if c < utf8.RuneSelf && asciiClass[c] >= cLower || c == '-' {
			label++
			j++
			continue
		}
		if c == '.' && label > 0 && j+1 < end && s[j+1] < utf8.RuneSelf && asciiClass[s[j+1]] >= cLower {
			dots++
			lastDot = j
			label = 0
			j++
			continue
		}
		break
	}
	if dots == 0 || label < 2 || j-lastDot-1 < 2 {
		return i
	}
	return j
}
