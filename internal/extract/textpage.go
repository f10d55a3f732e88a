package extract

// Pages saved as plain text. A crawler that keeps a page's text keeps all
// of it: the banner, the navigation, the section, the title, the outlet and
// date lines, the body, the share and subscribe lines, cookie notices,
// related-article lists, comments, the copyright line and the footer.
// TextPage keeps the body and reads the metadata from the lines above it.
//
// How the body is found, in linear time over the lines:
//
//  1. The page is cut into units: one line each, except that lines a
//     writer hard-wrapped (a long line without closing punctuation followed
//     by one starting in lower case) join into one unit.
//  2. Each unit gets line-level features: length, words, share of function
//     words (data/stopwords.txt), closing punctuation, and whether it holds
//     a page-furniture phrase (data/boilerplate.txt).
//  3. Each unit is classed prose, neutral, short or furniture, and scored:
//     prose adds its length, the others cost a little or a lot.
//  4. The body is the run of units with the highest total score (the
//     densest block of prose); inside it, furniture lines and date lines are
//     dropped.
//
// The metadata is read from the units above the body: the title (the
// nearest title-like line, or the one the page's first line repeats), the
// section (a short line just above the title), the outlet and byline (short
// lines near the title, the outlet list in data/outlets.tsv, "By …"), and
// the published and updated dates (date.go).

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"sitrep/news"
)

// textUnit is one line of the page, or a few hard-wrapped lines joined.
type textUnit struct {
	segs       []news.RawSpan // trimmed lines of Original, in order
	runes      int
	words      int32
	stop       int32            // function words
	langs      [maxLangs]uint16 // function words by language (saturating)
	endsStop   bool             // ends with closing punctuation
	startLower bool
	furniture  bool // holds a boilerplate phrase and is short, or a strong one
	date       bool // a date line (furniture inside the body, metadata above it)
	// dates is findDates of the unit's one line, when datesRead (classify
	// reads the dates of short lines that hold four digits).
	dates     []pageDate
	datesRead bool
	// a boilerplate phrase in a line of at most 60 words; a strong one
	phraseHit, phraseStrong bool
	class                   unitClass
	block                   int32 // index of the blank-line-separated block
}

type unitClass int

const (
	classShort unitClass = iota
	classNeutral
	classProse
	classFurniture
)

// Tunable weights of the body search, in runes of prose.
const (
	shortCost     = 25  // a short line inside the body (heading, caption)
	furnitureCost = 120 // a line of page furniture
	neutralGain   = 0.3 // a neutral line counts this share of its length
	proseMinRunes = 80
	shortMaxRunes = 40
	wrapMinRunes  = 50  // a hard-wrapped line is at least this long
	sampleBytes   = 480 // a longer line's features are read from its first bytes
	firstRunShare = 0.5
	// maxUnitGain caps what one unit adds, so that one huge line (a
	// page's metadata block repeating the whole article on one line)
	// cannot pull a long stretch of furniture into the body.
	maxUnitGain = 1500
	// minAnchoredScore is what the text after the headline must score
	// (a paragraph or two) to be taken as the body.
	minAnchoredScore = 300
)

// TextPage extracts the body and metadata of a page saved as plain text
// (a.Original). It writes a.Text (paragraphs joined by "\n\n"),
// a.Paragraphs and a.Meta, and adds diagnostics for what it could not
// read. It never fails: a page with no prose gets an empty Text.
func TextPage(a *news.Article) {
	lx := lexicon()
	// raw reads a.Original in place, without a copy: nothing changes
	// a.Original while TextPage runs, and what TextPage keeps of raw (the
	// metadata strings) is copied out of it before it returns.
	raw := unsafe.String(unsafe.SliceData(a.Original), len(a.Original))
	defer detachMeta(&a.Meta, raw)
	valid := utf8.ValidString(raw)
	if !valid {
		// Readers decode to UTF-8; bytes that are still not UTF-8 are
		// replaced, and spans into Original are then left out, since
		// they could not point at the bytes they describe.
		raw = strings.ToValidUTF8(raw, "\uFFFD")
		a.AddDiagnostic("extract", news.Warning, news.Span{}, "invalid-utf8",
			"the page is not valid UTF-8: invalid bytes replaced by U+FFFD, page spans left out")
		defer clearRawSpans(&a.Meta)
	}
	sc := scratchPool.Get().(*textScratch)
	defer func() {
		if cap(sc.units) <= maxPooled {
			scratchPool.Put(sc)
		}
	}()
	units := textUnitsInto(raw, lx, sc)
	first, last := bodyRun(units, titleAnchor(raw, units))
	keep := sc.keep[:0]
	if first >= 0 {
		for i := first; i <= last; i++ {
			if units[i].class != classFurniture {
				keep = append(keep, i)
			}
		}
	}
	sc.keep = keep
	a.Text, a.Paragraphs = textJoin(raw, units, keep)
	a.Meta.Language = textLanguage(lx, units, keep)
	headEnd := first
	if first < 0 {
		headEnd = len(units)
	}
	readHead(a, lx, raw, units, headEnd, last)
	a.Meta.Dateline = findDateline(a.Text)
	if a.Meta.Outlet == "" && !a.Meta.Dateline.IsZero() {
		if name := datelineAgency(a.Text[a.Meta.Dateline.Start:a.Meta.Dateline.End]); name != "" {
			if o, ok := lx.outlet(name); ok {
				a.Meta.Outlet = o.Name
			}
		}
	}
}

// detachMeta copies the strings of m that point into raw (title,
// section, byline, outlet) out of it, into one new string.
func detachMeta(m *news.Meta, raw string) {
	fields := [...]*string{&m.Title, &m.Section, &m.Byline, &m.Outlet}
	n := 0
	for _, f := range fields {
		if within(*f, raw) {
			n += len(*f)
		}
	}
	if n == 0 {
		return
	}
	var b strings.Builder
	b.Grow(n)
	for _, f := range fields {
		if within(*f, raw) {
			b.WriteString(*f)
		}
	}
	all, off := b.String(), 0
	for _, f := range fields {
		if within(*f, raw) {
			*f = all[off : off+len(*f)]
			off += len(*f)
		}
	}
}

// within reports whether s is a non-empty string whose bytes lie in raw.
func within(s, raw string) bool {
	if s == "" || raw == "" {
		return false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	r := uintptr(unsafe.Pointer(unsafe.StringData(raw)))
	return p >= r && p < r+uintptr(len(raw))
}

// clearRawSpans zeroes every span of m into Article.Original.
func clearRawSpans(m *news.Meta) {
	m.TitleSpan, m.SectionSpan, m.OutletSpan, m.BylineSpan = news.RawSpan{}, news.RawSpan{}, news.RawSpan{}, news.RawSpan{}
	m.Published.Span, m.Updated.Span = news.RawSpan{}, news.RawSpan{}
}

// textUnits cuts raw into units with their features.
func textUnits(raw string, lx *textLexicon) []textUnit {
	return textUnitsInto(raw, lx, &textScratch{})
}

// textScratch is the memory one TextPage call works in; TextPage takes
// it from a pool, since nothing in it outlives the call.
type textScratch struct {
	units []textUnit
	segs  []news.RawSpan
	words lowerWords
	dates []pageDate // backing array of the units' dates
	keep  []int      // the units of the body
}

var scratchPool = sync.Pool{New: func() any { return new(textScratch) }}

// maxPooled caps the units a scratch keeps when it goes back to the
// pool, so that one huge page does not pin its memory.
const maxPooled = 1 << 14

// textUnitsInto is textUnits working in sc.
func textUnitsInto(raw string, lx *textLexicon, sc *textScratch) []textUnit {
	lines := strings.Count(raw, "\n") + 1
	if cap(sc.units) < lines {
		sc.units = make([]textUnit, 0, lines)
		sc.segs = make([]news.RawSpan, 0, lines)
	}
	units := sc.units[:0]
	segs := sc.segs[:0] // backing array of every unit's segs
	sc.dates = sc.dates[:0]
	words := &sc.words
	block := int32(0)
	blank := true
	for pos := 0; pos < len(raw); {
		end := strings.IndexByte(raw[pos:], '\n')
		next := len(raw)
		if end < 0 {
			end = len(raw)
		} else {
			end += pos
			next = end + 1
		}
		s, e := trimSpan(raw, pos, end)
		pos = next
		if s == e {
			if !blank {
				block++
			}
			blank = true
			continue
		}
		line := raw[s:e]
		if !blank && len(units) > 0 {
			// A hard-wrapped continuation joins the unit before it.
			u := &units[len(units)-1]
			if u.block == block && !u.endsStop && u.runes >= wrapMinRunes && startsLower(line) {
				segs = append(segs, news.RawSpan{Start: s, End: e})
				u.segs = segs[len(segs)-len(u.segs)-1:]
				lineFeatures(u, line, lx, words)
				continue
			}
		}
		blank = false
		segs = append(segs, news.RawSpan{Start: s, End: e})
		u := textUnit{segs: segs[len(segs)-1:], block: block}
		u.startLower = startsLower(line)
		lineFeatures(&u, line, lx, words)
		units = append(units, u)
	}
	for i := range units {
		classify(&units[i], raw, lx, sc)
	}
	return units
}

// trimSpan trims white space (including no-break and zero-width spaces)
// from raw[s:e] and returns the trimmed bounds.
func trimSpan(raw string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(raw[s:e])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(raw[s:e])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		e -= n
	}
	return s, e
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// lineFeatures adds the features of one line to u (a unit may hold
// several hard-wrapped lines); w is scratch space.
func lineFeatures(u *textUnit, line string, lx *textLexicon, w *lowerWords) {
	// A long line is read from a sample of its start: its share of
	// function words and its languages are those of the sample, its word
	// count is scaled from it, and its length is counted exactly. Long
	// lines are prose or data, and no furniture phrase decides them
	// (a line of more than 60 words is not judged by phrases).
	sample := line
	if len(line) > sampleBytes {
		cut := sampleBytes
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		sample = line[:cut]
	}
	w.scan(sample)
	stop, words := 0, len(w.starts)
	var langs [maxLangs]int
	first := w.first[:0] // stored back once, below
	anyFirst := false
	buf, starts, ends := w.buf, w.starts, w.ends[:len(w.starts)]
	for i := range starts {
		lw := lx.word(buf[starts[i]:ends[i]])
		first = append(first, lw.phrase)
		anyFirst = anyFirst || lw.phrase > 0
		if bits := lw.stop; bits != 0 {
			stop++
			for k := 0; bits != 0; k++ {
				if bits&1 != 0 {
					langs[k]++
				}
				bits >>= 1
			}
		}
	}
	w.first = first
	if anyFirst && len(w.starts) <= 60 && len(sample) == len(line) {
		h, st := lx.boilerplateHit(w, w.first)
		u.phraseHit, u.phraseStrong = u.phraseHit || h, u.phraseStrong || st
	}
	runes := w.runes
	if len(sample) < len(line) {
		runes = utf8.RuneCountInString(line)
		scale := float64(runes) / float64(max(1, w.runes))
		stop, words = int(float64(stop)*scale), int(float64(words)*scale)
		for k := range langs {
			langs[k] = int(float64(langs[k]) * scale)
		}
	}
	u.runes += runes
	u.words += int32(words)
	u.stop += int32(stop)
	for k, n := range langs {
		u.langs[k] = uint16(min(int(u.langs[k])+n, 1<<16-1))
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', '!', '?', '"', '”', '»', '…', ')', '։', '。', '؟', '।':
		u.endsStop = true
	default:
		u.endsStop = false
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// classify sets u.class from its features.
func classify(u *textUnit, raw string, lx *textLexicon, sc *textScratch) {
	density := 0.0
	if u.words > 0 {
		density = float64(u.stop) / float64(u.words)
	}
	if u.words <= 60 {
		hit, strong := u.phraseHit, u.phraseStrong
		if strong || (hit && u.words <= 8 && !(u.endsStop && u.words >= 6 && density >= 0.25)) {
			u.furniture = true
			u.class = classFurniture
			return
		}
	}
	if linkLike(raw[u.segs[0].Start:u.segs[len(u.segs)-1].End]) {
		u.class = classFurniture
		return
	}
	if u.words <= 24 && u.runes <= 120 && len(u.segs) == 1 && u.dateOnly(lx, raw[u.segs[0].Start:u.segs[0].End], sc) {
		// A timestamp line: a comment's, a feed item's, an update's.
		u.class = classFurniture
		u.date = true
		return
	}
	spaced := u.words >= 4 && u.runes/int(u.words) < 15 // a script that spaces words
	switch {
	case u.runes < shortMaxRunes || (spaced && u.words < 5):
		u.class = classShort
	case u.runes >= proseMinRunes && (density >= 0.2 || (u.endsStop && (density >= 0.1 || lexiconBlind(u)))):
		u.class = classProse
	default:
		u.class = classNeutral
	}
}

// lexiconBlind reports whether u's language is one the stop-word list
// does not cover (no function word in a line long enough to have some).
func lexiconBlind(u *textUnit) bool { return u.stop == 0 && u.words >= 8 }

// unitScore is what a unit adds to a run's score. gap counts the units
// since the last line of prose, this one included: a gap costs more the
// longer it grows, so that a heading or a caption between paragraphs costs
// little while the names, dates and ratings between comments, or a list
// of links, cut the run.
func unitScore(u *textUnit, gap int) float64 {
	switch u.class {
	case classProse:
		return float64(min(u.runes, maxUnitGain))
	case classNeutral:
		if u.endsStop {
			return neutralGain * float64(u.runes)
		}
	case classFurniture:
		return -furnitureCost - shortCost*float64(gap-1)
	}
	return -shortCost * float64(gap)
}

// bodyRun returns the first and last unit of the body, or -1, -1 when no
// unit scores above zero. When the page repeats its title line as a
// headline (anchor, -1 when it does not), the body is looked for after it
// first: what comes before a headline is navigation and teasers.
// Kadane's scan cuts the units into candidate runs (each the best-scoring
// stretch before the running score drops to zero); the body is the
// earliest candidate that scores at least firstRunShare of the best one,
// since comments, teasers and related stories come after the article
// they hang on.
func bodyRun(units []textUnit, anchor int) (int, int) {
	if anchor >= 0 {
		if f, l, best := bestRun(units[anchor+1:]); best >= minAnchoredScore {
			return anchor + 1 + f, anchor + 1 + l
		}
	}
	f, l, _ := bestRun(units)
	return f, l
}

// bestRun returns the earliest candidate run of units that scores at
// least firstRunShare of the best, and the best score.
func bestRun(units []textUnit) (int, int, float64) {
	type run struct {
		first, last int
		score       float64
	}
	var candsBuf [16]run
	cands := candsBuf[:0]
	best := 0.0
	cur, curFirst := 0.0, 0
	open := run{first: -1}
	gap := 0
	for i := range units {
		if cur <= 0 {
			if open.first >= 0 {
				cands = append(cands, open)
				open = run{first: -1}
			}
			cur, curFirst = 0, i
		}
		u := &units[i]
		if u.class == classProse {
			gap = 0
		} else {
			gap++
		}
		cur += unitScore(u, gap)
		if cur > 0 && cur > open.score {
			open = run{curFirst, i, cur}
		}
		best = max(best, cur)
	}
	if open.first >= 0 {
		cands = append(cands, open)
	}
	for _, c := range cands {
		if c.score >= firstRunShare*best {
			return c.first, c.last, best
		}
	}
	return -1, -1, 0
}

// titleAnchor returns the index of the unit that repeats the page's first
// line (a crawler keeps the page title first; the headline above the
// article repeats it, whole or without its " | Site" part), or -1. The
// article starts after its headline: runs before it are navigation and
// teasers.
func titleAnchor(raw string, units []textUnit) int {
	if len(units) < 2 || len(units[0].segs) != 1 {
		return -1
	}
	first := raw[units[0].segs[0].Start:units[0].segs[0].End]
	title, _ := splitSiteTitle(first)
	for i := 1; i < len(units); i++ {
		u := &units[i]
		if len(u.segs) != 1 || u.class == classProse {
			continue
		}
		line := raw[u.segs[0].Start:u.segs[0].End]
		if line == first || (title != "" && line == title) {
			return i
		}
	}
	return -1
}

// linkLike reports whether a line is a bare address: a URL or a path,
// with no space in it.
func linkLike(line string) bool {
	if strings.IndexByte(line, ' ') >= 0 {
		return false
	}
	return strings.Contains(line, "://") || strings.HasPrefix(line, "www.") || strings.Count(line, "/") >= 3
}

// dateOnly reports whether line, the unit's one line, holds a date and
// little else; the dates it reads are kept in u.dates.
func (u *textUnit) dateOnly(lx *textLexicon, line string, sc *textScratch) bool {
	digits := 0
	for i := 0; i < len(line) && digits < 4; i++ {
		if '0' <= line[i] && line[i] <= '9' {
			digits++
		}
	}
	if digits < 4 { // every date states a year
		return false
	}
	n := len(sc.dates)
	sc.dates = appendDates(sc.dates, lx, line)
	ds := sc.dates[n:len(sc.dates):len(sc.dates)]
	u.dates, u.datesRead = ds, true
	if len(ds) == 0 {
		return false
	}
	covered := 0
	for _, d := range ds {
		covered += d.end - d.start
	}
	return covered*2 >= len(line)
}

// textJoin writes the kept units as paragraphs joined by "\n\n"; the
// lines of a hard-wrapped unit are joined by one space.
func textJoin(raw string, units []textUnit, keep []int) (string, []news.Span) {
	n := 0
	for _, i := range keep {
		for _, s := range units[i].segs {
			n += s.End - s.Start + 1
		}
		n++
	}
	var b strings.Builder
	b.Grow(n)
	spans := make([]news.Span, 0, len(keep))
	for k, i := range keep {
		if k > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		for j, s := range units[i].segs {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(raw[s.Start:s.End])
		}
		spans = append(spans, news.Span{Start: start, End: b.Len()})
	}
	return b.String(), spans
}

// textLanguage guesses the body's language from its function words: the
// language with most hits, when it has at least 5 and clearly leads. Text
// in Hangul is Korean.
func textLanguage(lx *textLexicon, units []textUnit, keep []int) string {
	var hits [16]int
	for _, i := range keep {
		for k, n := range units[i].langs {
			hits[k] += int(n)
		}
	}
	best, second := -1, 0
	for k := range lx.langs {
		if best < 0 || hits[k] > hits[best] {
			if best >= 0 {
				second = hits[best]
			}
			best = k
		} else if hits[k] > second {
			second = hits[k]
		}
	}
	if best >= 0 && hits[best] >= 5 && hits[best]*2 > second*3 {
		return lx.langs[best]
	}
	return ""
}
