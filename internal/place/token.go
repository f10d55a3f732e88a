package place

import (
	"unicode"
	"unicode/utf8"
)

// A token is a word of Text: letters and digits, with apostrophes inside a
// word ("Za'atari") and the full stops of an initialism ("U.S.") kept.
type token struct {
	start, end int
	cap        bool // begins with an upper-case letter
	initial    bool // first word of a sentence
}

// maxTokens bounds the tokens of one article the stage looks at, so that
// the time of Apply is bounded whatever the input.
const maxTokens = 1 << 20

// tokenize splits text into word tokens in one pass.
func tokenize(text string, dst []token) []token {
	sentenceStart := true
	for i := 0; i < len(text) && len(dst) < maxTokens; {
		r, size := decode(text, i)
		if !isWordRune(r) {
			switch r {
			case '.', '!', '?', ':', ';', '\n':
				sentenceStart = true
			}
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size = decode(text, i)
			if isWordRune(r) {
				i += size
				continue
			}
			if isApostrophe(r) && i+size < len(text) {
				// inside a word, but not the possessive 's
				n, nsize := decode(text, i+size)
				if isLetter(n) && !(n == 's' && (i+size+nsize == len(text) || !isWordRune(runeAt(text, i+size+nsize)))) {
					i += size
					continue
				}
			}
			if r == '.' && isInitialism(text[start:i]) && i+1 < len(text) {
				n, _ := decode(text, i+1)
				if n >= 'A' && n <= 'Z' || (i-start >= 3 && !isWordRune(n)) {
					i++ // "U.S." and "U.S.A."
					continue
				}
			}
			break
		}
		first, size := decode(text, start)
		capital := unicode.IsUpper(first)
		if !capital && start+size < i {
			// "d'Ivoire", "l'Aquila"
			if r, asz := decode(text, start+size); isApostrophe(r) && start+size+asz < i {
				capital = unicode.IsUpper(runeAt(text, start+size+asz))
			}
		}
		dst = append(dst, token{start: start, end: i, cap: capital, initial: sentenceStart})
		sentenceStart = false
	}
	return dst
}

// isInitialism reports whether s is upper-case letters each followed by a
// full stop, the last one's not yet read: "U", "U.S".
func isInitialism(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i%2 == 0 && !(c >= 'A' && c <= 'Z') || i%2 == 1 && c != '.' {
			return false
		}
	}
	return len(s)%2 == 1
}

func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func runeAt(s string, i int) rune {
	r, _ := decode(s, i)
	return r
}

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsLetter(r)
}

func isWordRune(r rune) bool {
	return isLetter(r) || r >= '0' && r <= '9' || r >= utf8.RuneSelf && unicode.IsMark(r)
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u02bc' || r == '\u02bf' || r == '\u02be'
}
