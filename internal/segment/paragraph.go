package segment

import (
	"strings"
	"unicode/utf8"
)

// A block is the raw byte range of one paragraph, before its tokens trim
// it, and the length of its bullet marker ("- ", "1. ") if it has one.
type block struct {
	start, end int
	marker     int // bytes of the bullet marker, counted from markerAt
	markerAt   int
}

// blocks splits text into paragraphs: runs of lines that are not blank.
// A line that begins with a bullet marker starts a paragraph of its own,
// and so does the first unindented line after a bulleted one (an indented
// line goes on with the bullet's text).
func blocks(text string, out []block) []block {
	open := false
	var cur block
	for ls := 0; ls < len(text); {
		le := len(text)
		if k := strings.IndexByte(text[ls:], '\n'); k >= 0 {
			le = ls + k
		}
		indent := leadingSpace(text, ls, le)
		switch {
		case indent == le: // blank line
			if open {
				out = append(out, cur)
				open = false
			}
		default:
			m := bulletLen(text[indent:le])
			if open && (m > 0 || (cur.marker > 0 && indent == ls)) {
				out = append(out, cur)
				open = false
			}
			if !open {
				cur = block{start: ls, marker: m, markerAt: indent}
				open = true
			}
			cur.end = le
		}
		ls = le + 1
	}
	if open {
		out = append(out, cur)
	}
	return out
}

// leadingSpace returns the index of the first rune of text[i:end] that is
// not space, or end.
func leadingSpace(text string, i, end int) int {
	for i < end {
		r, sz := runeAt(text, i)
		if !isSpace(r) {
			return i
		}
		i += sz
	}
	return end
}

// bulletLen returns the length of the bullet marker that opens line,
// followed by a space, or 0: "- ", "• ", "* ", "1. ", "12) ", "a) ".
func bulletLen(line string) int {
	if line == "" {
		return 0
	}
	n := 0
	switch r, sz := utf8.DecodeRuneInString(line); r {
	case '-', '*', '+', '•', '–', '—', '·', '▪', '◦', '‣', '●', '○', '■', '□', '►', '▸', '✓', '✔':
		n = sz
	default:
		for n < len(line) && n < 3 && '0' <= line[n] && line[n] <= '9' {
			n++
		}
		if n == 0 && len(line) > 1 && 'a' <= line[0] && line[0] <= 'z' && line[1] == ')' {
			n = 1 // a) b) c)
		}
		if n == 0 || n == len(line) || (line[n] != '.' && line[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(line) && (line[n] == ' ' || line[n] == '\t') {
		return n
	}
	return 0
}
