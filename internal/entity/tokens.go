package entity

import (
	"unicode"
	"unicode/utf8"

	"sitrep/internal/kb/actors"
	"sitrep/news"
)

// tokenize splits text into word, number and punctuation tokens by the
// conventions of news.Token, and into sentences. The entity stage uses it
// only when the segment stage has left no tokens, so that it still reads an
// article built by hand or by an older segmenter.
func tokenize(text string, kb *actors.KB) ([]news.Token, []news.Sentence) {
	var toks []news.Token
	var sents []news.Sentence
	first := 0
	newline := false
	endSentence := func() {
		if len(toks) > first {
			sents = append(sents, news.Sentence{
				Span:  news.Span{Start: toks[first].Span.Start, End: toks[len(toks)-1].Span.End},
				First: first, End: len(toks)})
		}
		first = len(toks)
	}
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			newline = true
			i += n
			continue
		case unicode.IsSpace(r):
			i += n
			continue
		}
		if newline {
			endSentence()
			newline = false
		}
		start := i
		switch {
		case isWordRune(r):
			i = scanWord(text, i)
			kind := news.Word
			if unicode.IsDigit(r) {
				kind = news.Number
			}
			// An abbreviation keeps its dot: "Gen.", "U.S.", "Inc.".
			if i < len(text) && text[i] == '.' {
				w := text[start : i+1]
				if kb.Abbrev(w) || utf8.RuneCountInString(text[start:i]) == 1 || hasInnerDot(text[start:i]) {
					i++
				}
			}
			i = runeStart(text, i)
			toks = append(toks, news.Token{Span: news.Span{Start: start, End: i}, Kind: kind})
		default:
			i = runeStart(text, i+n)
			kind := news.Punct
			if !unicode.IsPunct(r) {
				kind = news.Symbol
			}
			toks = append(toks, news.Token{Span: news.Span{Start: start, End: i}, Kind: kind})
			if r == '.' || r == '!' || r == '?' || r == '…' {
				// Closing quotes and brackets stay with the sentence.
				for i < len(text) {
					q, m := utf8.DecodeRuneInString(text[i:])
					if q != '"' && q != '”' && q != '\'' && q != '’' && q != ')' {
						break
					}
					toks = append(toks, news.Token{Span: news.Span{Start: i, End: i + m}, Kind: news.Punct})
					i += m
				}
				endSentence()
			}
		}
	}
	endSentence()
	return toks, sents
}

// runeStart returns i, or the next index after it where a rune starts:
// a token never ends inside the stray bytes of invalid UTF-8.
func runeStart(text string, i int) int {
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	return i
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// scanWord returns the end of the word starting at i: letters, digits and
// marks, with inner hyphens, apostrophes, dots and ampersands.
func scanWord(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		if r == '-' || r == '\'' || r == '’' || r == '.' || r == '&' {
			if i+n < len(text) {
				q, _ := utf8.DecodeRuneInString(text[i+n:])
				if isWordRune(q) {
					i += n
					continue
				}
			}
			// A final possessive apostrophe: "Damascus'" before a space.
			if (r == '\'' || r == '’') && i > 0 && (text[i-1] == 's' || text[i-1] == 'S') {
				if i+n == len(text) || text[i+n] == ' ' || text[i+n] == '\n' {
					i += n
				}
			}
		}
		break
	}
	return i
}

func hasInnerDot(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] == '.' {
			return true
		}
	}
	return false
}
