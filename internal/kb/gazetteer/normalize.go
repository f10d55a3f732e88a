package gazetteer

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormVersion names the rules of AppendKey. The generated data file records
// the version its keys were made with; Load refuses a file whose keys were
// made by other rules, so that changing a rule without regenerating the
// data fails loudly instead of silently matching nothing.
const NormVersion = 1

// maxKeyWords bounds the words AppendKey looks at; longer names are cut.
const maxKeyWords = 12

// Key returns the lookup key of a place name; see AppendKey.
func Key(name string) string { return string(AppendKey(nil, name)) }

// AppendKey appends the lookup key of name to dst and returns the extended
// slice. Two spellings of a place that differ only by transliteration get the
// same key. The rules, applied in order:
//
//  1. Letters are lower-cased and stripped of diacritics (Ālbū → albu,
//     ß → ss, ø → o); apostrophes, ayn and hamza marks (' ’ ʿ ʾ ʻ) and full
//     stops vanish (U.S. → us); any other non-letter, non-digit rune
//     (space, hyphen, dash) separates words.
//  2. An Arabic article written as its own word (al, el, ad, ar, as, ash,
//     at, ath, az, adh, an, ed, er, es, et, ez, en, ul) is dropped when
//     another word follows it: al-Tanf, At Tanf → tanf.
//  3. A word after the first that begins with an article assimilated to a
//     doubled sun letter loses it: Ezzor → zor, Assuwayda → suwayda.
//  4. Abu, Abou, Abo, Bou, Albu ("father of", "Al Bu") become bu.
//  5. A word-final h after a vowel is dropped: -iyah → -iya, Raqqah → Raqqa.
//  6. The words are joined with no separator, so spaces and hyphens do not
//     matter (Al Bukamal = Albu Kamal = Abu Kamal → bukamal).
//  7. Consonant spellings fold: kh → h, q → k, ck → k.
//  8. Vowel spellings fold: ay, ai, ei, ey → e (Deir, Dayr, Dair → der);
//     aw, au, ou, o → u (Zor, Zawr, Zour → zur).
//  9. Runs of one letter collapse to one (Raqqa → raka, Ezzor → zor).
//
// Letters of scripts without diacritic folding (Arabic, Cyrillic, CJK) are
// kept lower-cased; the embedded gazetteer has Latin-script names only, so
// such names find no entry. AppendKey runs in time linear in len(name).
func AppendKey(dst []byte, name string) []byte {
	// Step 1: fold into words.
	var buf [128]byte
	folded := buf[:0]
	var bounds [maxKeyWords + 1]int // word i is folded[bounds[i]:bounds[i+1]]
	nw := 0
	inWord := false
	for i := 0; i < len(name) && nw < maxKeyWords; {
		r, size := rune(name[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(name[i:])
		}
		i += size
		end := false
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			folded = append(folded, byte(r))
			inWord = true
		case r >= 'A' && r <= 'Z':
			folded = append(folded, byte(r)+'a'-'A')
			inWord = true
		case isVanishing(r):
			// joins the letters around it
		case r < utf8.RuneSelf:
			end = true
		default:
			n := len(folded)
			folded = appendFolded(folded, r)
			if len(folded) > n {
				inWord = true
			} else if !unicode.IsMark(r) {
				end = true
			}
		}
		if end && inWord {
			nw++
			bounds[nw] = len(folded)
			inWord = false
		}
	}
	if inWord && nw < maxKeyWords {
		nw++
		bounds[nw] = len(folded)
	}

	// Steps 2–5 on words.
	var joined [128]byte
	j := joined[:0]
	for i := 0; i < nw; i++ {
		w := folded[bounds[i]:bounds[i+1]]
		if i+1 < nw && articles[string(w)] {
			continue
		}
		if i > 0 && len(w) >= 5 && (w[0] == 'a' || w[0] == 'e') && w[1] == w[2] && sunLetter(w[1]) {
			w = w[2:]
		}
		switch string(w) {
		case "abu", "abou", "abo", "bou", "albu":
			w = bu
		}
		if n := len(w); n >= 3 && w[n-1] == 'h' && isVowel(w[n-2]) {
			w = w[:n-1]
		}
		j = append(j, w...)
	}

	// Steps 7–9 on the joined letters.
	start := len(dst)
	for i := 0; i < len(j); i++ {
		c := j[i]
		var n byte
		if i+1 < len(j) {
			n = j[i+1]
		}
		switch {
		case c == 'k' && n == 'h':
			c = 'h'
			i++
		case c == 'c' && n == 'k':
			c = 'k'
			i++
		case c == 'q':
			c = 'k'
		case (c == 'a' || c == 'e') && (n == 'y' || n == 'i'):
			c = 'e'
			i++
		case (c == 'a' && (n == 'w' || n == 'u')) || (c == 'o' && n == 'u'):
			c = 'u'
			i++
		case c == 'o':
			c = 'u'
		}
		if len(dst) > start && dst[len(dst)-1] == c {
			continue // a run of one letter collapses to one
		}
		dst = append(dst, c)
	}
	return dst
}

var bu = []byte("bu")

var articles = map[string]bool{
	"al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true,
	"at": true, "ath": true, "az": true, "adh": true, "an": true, "ed": true,
	"er": true, "es": true, "et": true, "ez": true, "en": true, "ul": true,
}

// sunLetter reports whether c begins an Arabic "sun letter" in Latin
// transliteration, to which the article assimilates (ad-Dawr, as-Sukhnah).
func sunLetter(c byte) bool {
	switch c {
	case 't', 'd', 'r', 'z', 's', 'n':
		return true
	}
	return false
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// isVanishing reports runes that join the letters around them: apostrophes,
// transliterated ayn and hamza, full stops.
func isVanishing(r rune) bool {
	switch r {
	case '\'', '.', '`', '\u2018', '\u2019', '\u02bb', '\u02bc', '\u02bf', '\u02be', '\u00b4', '\u02b9':
		return true
	}
	return false
}

// appendFolded appends the lower-case ASCII letters of a non-ASCII rune
// stripped of its diacritics; a letter of another script is appended
// lower-cased as it is; anything else appends nothing.
func appendFolded(dst []byte, r rune) []byte {
	if r >= latinFoldFirst && r < latinFoldFirst+rune(len(latinFold)) {
		return append(dst, latinFold[r-latinFoldFirst]...)
	}
	return foldSlow(dst, r)
}

// foldSlow is appendFolded without the table.
func foldSlow(dst []byte, r rune) []byte {
	switch r {
	case 'ß':
		return append(dst, "ss"...)
	case 'æ', 'Æ':
		return append(dst, "ae"...)
	case 'œ', 'Œ':
		return append(dst, "oe"...)
	case 'ø', 'Ø':
		return append(dst, 'o')
	case 'ł', 'Ł':
		return append(dst, 'l')
	case 'đ', 'Đ', 'ð', 'Ð':
		return append(dst, 'd')
	case 'þ', 'Þ':
		return append(dst, "th"...)
	case 'ı':
		return append(dst, 'i')
	}
	return appendDecomposed(dst, r)
}

// latinFold holds the folded letters of Latin-1 Supplement and Latin
// Extended-A and -B (À–ɏ), computed once by appendDecomposed, so that the
// common accented letters fold without decomposing them each time.
const latinFoldFirst = 0xC0

var latinFold = func() [0x250 - latinFoldFirst]string {
	var t [0x250 - latinFoldFirst]string
	for i := range t {
		t[i] = string(foldSlow(nil, rune(latinFoldFirst+i)))
	}
	return t
}()

// appendDecomposed folds a letter by canonical decomposition: its ASCII
// base letters, or the letter itself lower-cased when it has none.
func appendDecomposed(dst []byte, r rune) []byte {
	if !unicode.IsLetter(r) {
		return dst
	}
	var tmp, in [16]byte
	d := norm.NFD.Append(tmp[:0], utf8.AppendRune(in[:0], r)...)
	n := len(dst)
	for _, c := range d {
		if c >= 'a' && c <= 'z' {
			dst = append(dst, c)
		} else if c >= 'A' && c <= 'Z' {
			dst = append(dst, c+'a'-'A')
		}
	}
	if len(dst) == n { // another script: keep the letter itself
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// SameSpelling reports whether a and b have the same letters and digits
// once lower-cased and stripped of diacritics, ignoring everything else:
// "Deir ez-Zor" and "Deir Ez Zor" are spelt the same, "Dayr az Zawr" is
// not. A name spelt as the gazetteer spells it is stronger evidence than
// one that only shares its key.
func SameSpelling(a, b string) bool {
	var ba, bb [96]byte
	fa, fb := appendLetters(ba[:0], a), appendLetters(bb[:0], b)
	return string(fa) == string(fb)
}

func appendLetters(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			dst = append(dst, byte(r))
		case r >= 'A' && r <= 'Z':
			dst = append(dst, byte(r)+'a'-'A')
		case r >= utf8.RuneSelf:
			dst = appendFolded(dst, r)
		}
	}
	return dst
}
