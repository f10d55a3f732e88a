package extract

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// The word lists TextPage reads pages with. Each file states its source
// and licence in its header; data/README.md lists them.
var (
	//go:embed data/stopwords.txt
	stopwordsData string
	//go:embed data/boilerplate.txt
	boilerplateData string
	//go:embed data/months.txt
	monthsData string
	//go:embed data/zones.txt
	zonesData string
	//go:embed data/datelabels.txt
	dateLabelsData string
	//go:embed data/outlets.tsv
	outletsData string
)

// textLexicon is the parsed word lists. It is built once and read only.
type textLexicon struct {
	langs []string // language codes, indexed by stopword bit
	// words holds, for every word that is a function word or opens a
	// boilerplate phrase, both facts: one lookup a word on the hot path.
	words map[string]lexWord
	// wordTab holds words again, for the lookups of the hot path.
	wordTab *wordTable
	// boilerplate phrases: words joined by one space → strong (marks a
	// line of any length up to a long paragraph).
	boilerplate map[string]bool
	maxPhrase   int // words in the longest phrase of boilerplate or labels
	months      map[string]int
	zones       map[string]zoneOffset
	labels      map[string]dateRole
	outlets     map[string]outletInfo // lower-case name or alias → outlet
	outletWords map[string]bool       // words that mark a name as an outlet's
}

// maxLangs is how many languages stopwords.txt may hold.
const maxLangs = 8

// lexWord is what the lexicon knows of one lower-case word.
type lexWord struct {
	stop uint8 // bit set of the languages it is a function word of
	// phrase is the number of words of the longest boilerplate phrase
	// the word opens, 0 when it opens none: longer runs of words are
	// looked up only from such a word, and only that long.
	phrase uint8
}

type zoneOffset struct {
	offset int  // seconds east of UTC (standard time for us)
	us     bool // take daylight saving time from the date by the US rule
	// loc is time.FixedZone(abbreviation, offset), made once: a Location
	// is read only once made, and safe to share.
	loc *time.Location
}

type outletInfo struct {
	Name    string
	Country string
}

var (
	lexOnce sync.Once
	lexVal  *textLexicon
	lexErr  error
)

// lexicon returns the parsed word lists; a malformed embedded file is a
// programming error reported by TestLexiconLoads, and panics here.
func lexicon() *textLexicon {
	lexOnce.Do(func() { lexVal, lexErr = parseLexicon() })
	if lexErr != nil {
		panic(lexErr)
	}
	return lexVal
}

// dataLines calls yield with each trimmed line of an embedded data file
// and its line number; yield skips blank lines and comments itself, since
// some files give "#" lines a meaning.
func dataLines(data string, yield func(n int, line string) error) error {
	for n, line := range strings.Split(data, "\n") {
		if err := yield(n+1, strings.TrimSpace(line)); err != nil {
			return err
		}
	}
	return nil
}

func parseLexicon() (*textLexicon, error) {
	lx := &textLexicon{
		words:       map[string]lexWord{},
		boilerplate: map[string]bool{},
		months:      map[string]int{},
		zones:       map[string]zoneOffset{},
		labels:      map[string]dateRole{},
		outlets:     map[string]outletInfo{},
		outletWords: map[string]bool{},
	}
	// stopwords: "# xx" switches the language.
	lang := -1
	err := dataLines(stopwordsData, func(n int, line string) error {
		if line == "" {
			return nil
		}
		if strings.HasPrefix(line, "#") {
			f := strings.Fields(line[1:])
			if len(f) == 1 && len(f[0]) == 2 {
				lx.langs = append(lx.langs, f[0])
				lang = len(lx.langs) - 1
			}
			return nil
		}
		if lang < 0 || lang >= maxLangs {
			return fmt.Errorf("stopwords.txt:%d: word outside a language section (or more than %d languages)", n, maxLangs)
		}
		w := lx.words[line]
		w.stop |= 1 << lang
		lx.words[line] = w
		return nil
	})
	if err != nil {
		return nil, err
	}
	phrase := func(s string) string { return strings.Join(phraseWords(s), " ") }
	err = dataLines(boilerplateData, func(n int, line string) error {
		if line == "" || line[0] == '#' {
			return nil
		}
		strong := line[0] == '!'
		p := phrase(strings.TrimPrefix(line, "!"))
		if p == "" {
			return fmt.Errorf("boilerplate.txt:%d: no words in %q", n, line)
		}
		lx.boilerplate[p] = lx.boilerplate[p] || strong
		first, _, _ := strings.Cut(p, " ")
		words := strings.Count(p, " ") + 1
		if words > 255 {
			return fmt.Errorf("boilerplate.txt:%d: more than 255 words", n)
		}
		w := lx.words[first]
		w.phrase = max(w.phrase, uint8(words))
		lx.words[first] = w
		lx.maxPhrase = max(lx.maxPhrase, words)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = dataLines(monthsData, func(n int, line string) error {
		if line == "" || line[0] == '#' {
			return nil
		}
		f := strings.Fields(line)
		m, err := strconv.Atoi(f[0])
		if err != nil || m < 1 || m > 12 || len(f) < 2 {
			return fmt.Errorf("months.txt:%d: want <month number> <name>...", n)
		}
		for _, name := range f[1:] {
			lx.months[strings.TrimSuffix(name, ".")] = m
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = dataLines(zonesData, func(n int, line string) error {
		if line == "" || line[0] == '#' {
			return nil
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return fmt.Errorf("zones.txt:%d: want <abbreviation> <offset>", n)
		}
		off, us := f[1], false
		if strings.HasPrefix(off, "us:") {
			off, us = off[3:], true
		}
		sec, ok := parseOffset(off)
		if !ok {
			return fmt.Errorf("zones.txt:%d: bad offset %q", n, f[1])
		}
		lx.zones[f[0]] = zoneOffset{offset: sec, us: us, loc: time.FixedZone(f[0], sec)}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = dataLines(dateLabelsData, func(n int, line string) error {
		if line == "" || line[0] == '#' {
			return nil
		}
		kind, rest, _ := strings.Cut(line, " ")
		role := map[string]dateRole{"published": rolePublished, "updated": roleUpdated}[kind]
		p := phrase(rest)
		if role == roleNone || p == "" {
			return fmt.Errorf("datelabels.txt:%d: want <published|updated> <phrase>", n)
		}
		lx.labels[p] = role
		lx.maxPhrase = max(lx.maxPhrase, strings.Count(p, " ")+1)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = dataLines(outletsData, func(n int, line string) error {
		if line == "" || line[0] == '#' {
			return nil
		}
		if line[0] == '*' {
			lx.outletWords[strings.ToLower(line[1:])] = true
			return nil
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[0] == "" || len(f[1]) != 2 {
			return fmt.Errorf("outlets.tsv:%d: want name<TAB>country[<TAB>aliases]", n)
		}
		o := outletInfo{Name: f[0], Country: f[1]}
		lx.outlets[strings.ToLower(f[0])] = o
		if len(f) > 2 {
			for _, a := range strings.Split(f[2], "|") {
				if a = strings.TrimSpace(a); a != "" {
					lx.outlets[strings.ToLower(a)] = o
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if lx.wordTab, err = newWordTable(lx.words); err != nil {
		return nil, err
	}
	return lx, nil
}

// wordSlots is the size of a wordTable: a power of two, at least twice
// the words it holds.
const wordSlots = 1 << 12

// A wordTable is a hash table of words by open addressing with linear
// probing: a word is looked for from slot wordKey(w) on, until an empty
// slot. Most words of a line are in no list, and most of those meet an
// empty slot at once, having hashed three of their bytes.
type wordTable struct {
	slots [wordSlots]uint16 // 1 + an index into keys and vals; 0 is empty
	keys  []string
	vals  []lexWord
}

func newWordTable(words map[string]lexWord) (*wordTable, error) {
	if 2*len(words) > wordSlots {
		return nil, fmt.Errorf("%d words are too many for a table of %d slots", len(words), wordSlots)
	}
	t := &wordTable{}
	for _, w := range slices.Sorted(maps.Keys(words)) {
		t.keys, t.vals = append(t.keys, w), append(t.vals, words[w])
		k := wordKey([]byte(w))
		for t.slots[k] != 0 {
			k = (k + 1) % wordSlots
		}
		t.slots[k] = uint16(len(t.keys))
	}
	return t, nil
}

// wordKey hashes a word's length and first, middle and last bytes to a
// slot.
func wordKey(w []byte) uint32 {
	if len(w) == 0 {
		return 0
	}
	h := uint32(len(w))*0x9E3779B1 ^ uint32(w[0])<<8 ^ uint32(w[len(w)-1])<<16 ^ uint32(w[len(w)/2])*0x85EBCA77
	return (h ^ h>>16) % wordSlots
}

// word returns what the lexicon knows of the lower-case word w.
func (lx *textLexicon) word(w []byte) lexWord {
	t := lx.wordTab
	for k := wordKey(w); ; k = (k + 1) % wordSlots {
		e := t.slots[k]
		if e == 0 {
			return lexWord{}
		}
		if key := t.keys[e-1]; len(key) == len(w) && sameBytes(key, w) {
			return t.vals[e-1]
		}
	}
}

// sameBytes reports whether s and b, of one length, hold the same bytes:
// for words of a few letters, a loop the compiler inlines is faster than
// the call that == makes.
func sameBytes(s string, b []byte) bool {
	for i := range len(b) {
		if s[i] != b[i] {
			return false
		}
	}
	return true
}

// parseOffset reads "+03:00" or "-05:30" as seconds east of UTC.
func parseOffset(s string) (int, bool) {
	if len(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[1:3])
	m, err2 := strconv.Atoi(s[4:6])
	if err1 != nil || err2 != nil {
		return 0, false
	}
	sec := h*3600 + m*60
	if s[0] == '-' {
		sec = -sec
	}
	return sec, true
}

// eachPhraseWord calls f with each word of s, split and lower-cased as
// phraseWords does, as bytes of a scratch buffer that are valid only
// during the call; it returns the buffer for reuse and allocates nothing
// once the buffer has grown.
func eachPhraseWord(s string, buf []byte, f func(w []byte)) []byte {
	for w, i, ok := nextPhraseWord(s, 0, buf); ok; w, i, ok = nextPhraseWord(s, i, w) {
		f(w)
		buf = w
	}
	return buf[:0]
}

// nextPhraseWord returns the first word of s[i:], split and lower-cased
// as phraseWords does, written over buf, and the index to go on from; ok
// is false when no word is left. Unlike eachPhraseWord it takes no
// function, so that a buffer on the caller's stack stays there.
func nextPhraseWord(s string, i int, buf []byte) (w []byte, next int, ok bool) {
	buf = buf[:0]
	in := false
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '\'':
				buf, in = append(buf, c), true
			case 'A' <= c && c <= 'Z':
				buf, in = append(buf, c+'a'-'A'), true
			default:
				if in {
					return buf, i, true
				}
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’':
			buf, in = utf8.AppendRune(buf, unicode.ToLower(r)), true
		case unicode.Is(unicode.So, r):
			if in {
				return buf, i, true // the symbol is the next word
			}
			return append(buf, s[i:i+n]...), i + n, true
		case in:
			return buf, i + n, true
		}
		i += n
	}
	return buf, i, in
}

// phraseWords splits s into lower-case words: runs of letters, digits and
// apostrophes, with each other symbol ("©") a word of its own.
func phraseWords(s string) []string {
	var out []string
	start := -1
	flush := func(i int) {
		if start >= 0 {
			out = append(out, strings.ToLower(s[start:i]))
			start = -1
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’':
			if start < 0 {
				start = i
			}
		case unicode.Is(unicode.So, r):
			flush(i)
			out = append(out, s[i:i+n])
		default:
			flush(i)
		}
		i += n
	}
	flush(len(s))
	return out
}

// lowerWords is a line's words, lower-cased into one buffer with one
// space between words, so that a run of words is a slice of buf. It is
// reused from line to line: scanning allocates nothing once it has grown.
type lowerWords struct {
	buf    []byte
	starts []int // word i is buf[starts[i]:ends[i]]
	ends   []int
	runes  int     // runes of the line
	first  []uint8 // scratch for lineFeatures: lexWord.phrase of word i
}

// scan fills w with the words of s, as phraseWords splits them.
func (w *lowerWords) scan(s string) {
	w.buf, w.starts, w.ends, w.runes = w.buf[:0], w.starts[:0], w.ends[:0], 0
	if cap(w.buf) < len(s)+len(s)/2 {
		w.buf = make([]byte, 0, 2*len(s))
	}
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] == 0 {
				w.runes++
				i++
				if in {
					w.ends = append(w.ends, len(w.buf))
					in = false
				}
				continue
			}
			// A run of ASCII word characters, copied at once.
			j, class := i, uint8(0)
			for j < len(s) && asciiWord[s[j]] != 0 {
				class |= asciiWord[s[j]]
				j++
			}
			upper := class&2 != 0
			if !in {
				w.open()
				in = true
			}
			k := len(w.buf)
			w.buf = append(w.buf, s[i:j]...)
			if upper {
				for ; k < len(w.buf); k++ {
					if 'A' <= w.buf[k] && w.buf[k] <= 'Z' {
						w.buf[k] += 'a' - 'A'
					}
				}
			}
			w.runes += j - i
			i = j
			continue
		}
		w.runes++
		// Two-byte runes (Latin accents, Greek, Cyrillic, Hebrew, Arabic)
		// are classed and lower-cased through a table.
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			lo := twoByteLower[int(c&0x1F)<<6|int(s[i+1]&0x3F)]
			i += 2
			switch {
			case lo >= 0:
				if !in {
					w.open()
					in = true
				}
				w.buf = utf8.AppendRune(w.buf, lo)
			case lo == symbolRune: // a word of its own: "©"
				if in {
					w.ends = append(w.ends, len(w.buf))
				}
				w.open()
				w.buf = append(w.buf, s[i-2:i]...)
				w.ends = append(w.ends, len(w.buf))
				in = false
			case in:
				w.ends = append(w.ends, len(w.buf))
				in = false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '’':
			if !in {
				w.open()
				in = true
			}
			w.buf = append(w.buf, s[i-n:i]...)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !in {
				w.open()
				in = true
			}
			w.buf = utf8.AppendRune(w.buf, unicode.ToLower(r))
		case unicode.Is(unicode.So, r):
			if in {
				w.ends = append(w.ends, len(w.buf))
			}
			w.open()
			w.buf = utf8.AppendRune(w.buf, r)
			w.ends = append(w.ends, len(w.buf))
			in = false
		default:
			if in {
				w.ends = append(w.ends, len(w.buf))
				in = false
			}
		}
	}
	if in {
		w.ends = append(w.ends, len(w.buf))
	}
}

// twoByteLower maps each rune below U+0800 to unicode.ToLower of it when
// it is a letter or digit, to symbolRune when it is in unicode.So, else
// to -1.
var twoByteLower = func() (t [0x800]rune) {
	for r := range rune(0x800) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			t[r] = unicode.ToLower(r)
		case unicode.Is(unicode.So, r):
			t[r] = symbolRune
		default:
			t[r] = -1
		}
	}
	return t
}()

const symbolRune = -2

// asciiWord classes ASCII bytes: 0 outside words, 1 inside, 3 upper case
// (the bit of value 2 marks upper case); bytes of multi-byte runes are 0.
var asciiWord = func() (t [256]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '_', c == '\'':
			t[c] = 1
		case 'A' <= c && c <= 'Z':
			t[c] = 3
		}
	}
	return t
}()

func (w *lowerWords) open() {
	if len(w.buf) > 0 {
		w.buf = append(w.buf, ' ')
	}
	w.starts = append(w.starts, len(w.buf))
}

// phrases calls f with every run of 1..maxPhrase consecutive words,
// as a byte slice of w.buf (valid until the next scan).
func (w *lowerWords) phrases(maxPhrase int, f func([]byte)) {
	for i := range w.starts {
		for j := i; j < len(w.starts) && j-i < maxPhrase; j++ {
			f(w.buf[w.starts[i]:w.ends[j]])
		}
	}
}

// dateLabel returns the role named by the last date label in s.
func (lx *textLexicon) dateLabel(s string) dateRole {
	if s == "" {
		return roleNone
	}
	w := labelWords.Get().(*lowerWords)
	defer labelWords.Put(w)
	w.scan(s)
	role := roleNone
	w.phrases(lx.maxPhrase, func(p []byte) {
		if r, ok := lx.labels[string(p)]; ok {
			role = r
		}
	})
	return role
}

// labelWords holds the scratch space of dateLabel; findDates cuts lines
// at 400 bytes, so what a scratch keeps stays small.
var labelWords = sync.Pool{New: func() any { return new(lowerWords) }}

// boilerplateHit reports whether the scanned line holds a boilerplate
// phrase, and whether any phrase it holds is a strong one.
func (lx *textLexicon) boilerplateHit(w *lowerWords, first []uint8) (hit, strong bool) {
	for i := range w.starts {
		for j := i; j < len(w.starts) && j-i < int(first[i]); j++ {
			if st, ok := lx.boilerplate[string(w.buf[w.starts[i]:w.ends[j]])]; ok {
				hit = true
				strong = strong || st
			}
		}
	}
	return hit, strong
}

// outletNamed reports whether a name-like line reads as an outlet's name:
// it holds a word such as "News" or "Chronicle".
func (lx *textLexicon) outletNamed(name string) bool {
	var buf [64]byte
	found := false
	for w, i, ok := nextPhraseWord(name, 0, buf[:0]); ok; w, i, ok = nextPhraseWord(name, i, w) {
		found = found || lx.outletWords[string(w)]
	}
	return found
}

// outlet looks a name up in the outlet list.
func (lx *textLexicon) outlet(name string) (outletInfo, bool) {
	name = strings.TrimSpace(name)
	if len(name) > 120 {
		o, ok := lx.outlets[strings.ToLower(name)]
		return o, ok
	}
	var buf [4 * 128]byte
	o, ok := lx.outlets[string(appendLower(buf[:0], name))]
	return o, ok
}

// appendLower appends strings.ToLower(s) to dst: rune by rune with
// unicode.ToLower, each invalid byte written as U+FFFD, as it does.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			dst = append(dst, lowerASCII[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// lowerASCII lower-cases ASCII letters and keeps every other byte.
var lowerASCII = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()
