package timex

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds of the time scanner.
const (
	kWord  = 'w' // letters
	kDigit = 'd' // ASCII digits
	kPunct = 'p' // one other character
)

// A tok is one token of the scanner: a run of letters, a run of ASCII
// digits, or one other character. Whitespace belongs to no token.
type tok struct {
	start, end int
	kind       byte
	sp         bool   // whitespace (or text start) before the token
	nl         bool   // a line break before the token
	upper      bool   // word starts with an upper-case letter
	sent       int32  // sentence number
	val        int    // value of a digit run of at most 9 digits, else -1
	e          *entry // lexicon entry of a word; nil when none
}

// scan splits text into tokens, looks every word up in lx and numbers the
// sentences. It runs in one pass, in time linear in len(text); lower-casing
// reuses one buffer, so the only allocation is the token slice.
func scan(text string, lx lexicon, toks []tok) []tok {
	var buf [32]byte
	sp, nl := true, false
	var sent int32
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				sp = true
				i++
				continue
			case c == '\n':
				sp, nl = true, true
				i++
				continue
			case c >= '0' && c <= '9':
				j := i
				v := 0
				for j < len(text) && text[j] >= '0' && text[j] <= '9' {
					if j-i < 9 {
						v = v*10 + int(text[j]-'0')
					}
					j++
				}
				if j-i > 9 {
					v = -1
				}
				toks = append(toks, tok{start: i, end: j, kind: kDigit, sp: sp, nl: nl, sent: sent, val: v})
				sp, nl = false, false
				i = j
				continue
			case isASCIILetter(c):
				// fall through to the word scanner below
			default:
				toks = append(toks, tok{start: i, end: i + 1, kind: kPunct, sp: sp, nl: nl, sent: sent, val: -1})
				sp, nl = false, false
				i++
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isASCIILetter(c) && !unicode.IsLetter(r) {
			if unicode.IsSpace(r) {
				sp = true
				i += size
				continue
			}
			toks = append(toks, tok{start: i, end: i + size, kind: kPunct, sp: sp, nl: nl, sent: sent, val: -1})
			sp, nl = false, false
			i += size
			continue
		}
		// A word: letters only.
		j := i
		ascii := true
		for j < len(text) {
			b := text[j]
			if b < utf8.RuneSelf {
				if !isASCIILetter(b) {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) {
				break
			}
			ascii = false
			j += n
		}
		t := tok{start: i, end: j, kind: kWord, sp: sp, nl: nl, sent: sent, val: -1}
		t.upper = c >= 'A' && c <= 'Z' || !ascii && unicode.IsUpper(r)
		if ascii && j-i <= len(buf) {
			n := 0
			for k := i; k < j; k++ {
				b := text[k]
				if b >= 'A' && b <= 'Z' {
					b += 'a' - 'A'
				}
				buf[n] = b
				n++
			}
			t.e = lx[string(buf[:n])]
		}
		toks = append(toks, t)
		sp, nl = false, false
		i = j
	}
	// Sentence numbers: a new sentence after . ! ? followed by space and an
	// upper-case word or a digit, and after a line break.
	for k := range toks {
		if k > 0 {
			p := &toks[k-1]
			t := &toks[k]
			if t.nl || (p.kind == kPunct && t.sp && isStop(text[p.start]) && (t.upper || t.kind == kDigit) && !abbrevBefore(toks, k-1)) {
				sent++
			}
		}
		toks[k].sent = sent
	}
	return toks
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isStop(c byte) bool { return c == '.' || c == '!' || c == '?' }

// abbrevBefore reports whether the full stop at k ends a one-letter
// abbreviation ("p.m.", "U.S.") rather than a sentence.
func abbrevBefore(toks []tok, k int) bool {
	return k > 0 && toks[k-1].kind == kWord && toks[k-1].end-toks[k-1].start == 1 && !toks[k].sp
}

// useSentences renumbers the tokens' sentences from the segment layer
// when it is present: a token belongs to the sentence whose span holds its
// start.
func useSentences(toks []tok, sents []sentSpan) {
	s := 0
	for k := range toks {
		for s < len(sents) && sents[s].end <= toks[k].start {
			s++
		}
		toks[k].sent = int32(s)
	}
}

type sentSpan struct{ start, end int }
