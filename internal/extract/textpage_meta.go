package extract

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/news"
)

// headWindow is how many units above the body are read for metadata;
// footLines how many below it are read for labelled dates.
const (
	headWindow = 30
	footLines  = 10
)

// headLine is one unit above the body, as readHead sees it.
type headLine struct {
	text  string
	span  news.RawSpan
	dates []pageDate // offsets relative to text
	date  bool       // the line is a date line: dates and a few words
	rest  string     // a date line's words outside its dates
}

// readHead reads title, section, outlet, byline and dates from the units
// above the body (units[:headEnd]) into a.Meta; bodyLast is the body's
// last unit (-1 when there is no body).
func readHead(a *news.Article, lx *textLexicon, raw string, units []textUnit, headEnd, bodyLast int) {
	from := max(0, headEnd-headWindow)
	var linesBuf [headWindow]headLine
	lines := linesBuf[:0]
	for i := from; i < headEnd; i++ {
		u := &units[i]
		sp := news.RawSpan{Start: u.segs[0].Start, End: u.segs[len(u.segs)-1].End}
		h := headLine{text: raw[sp.Start:sp.End], span: sp}
		if (u.class != classFurniture || u.date) && u.runes <= 200 {
			if u.datesRead { // the unit's one line, read by classify
				h.dates = u.dates
			} else {
				h.dates = findDates(lx, h.text)
			}
			if len(h.dates) > 0 {
				h.rest = outsideDates(h.text, h.dates)
				h.date = wordCount(h.rest) <= 8
			}
		}
		if u.class == classFurniture && !u.date {
			h.text = "" // never metadata
		}
		lines = append(lines, h)
	}

	// The page's own title line ("Title | Site"), when the crawler kept it
	// first.
	var pageTitle, site string
	if from == 0 && len(lines) > 0 {
		pageTitle, site = splitSiteTitle(lines[0].text)
	}

	// Title: the line the first line repeats, else the line that shares
	// most of its words with the first line (a crawler keeps the page's
	// title first, and it holds the headline), else the nearest
	// title-like line above the body.
	ti := -1
	if pageTitle != "" {
		for i := len(lines) - 1; i >= 1; i-- {
			if lines[i].text == pageTitle {
				ti = i
				break
			}
		}
	}
	if ti < 0 && from == 0 && len(lines) > 1 {
		ti = echoOfFirst(lx, lines)
	}
	if ti < 0 {
		for i := len(lines) - 1; i >= 0; i-- {
			if titleLike(lines[i]) && !(i == 0 && site != "") {
				ti = i
				break
			}
		}
		// A name ("Global Affairs Review", "Jane Doe") under a longer
		// title-like line is the outlet or the author, not the title.
		if ti >= 0 && nameLike(lines[ti].text) {
			for i := ti - 1; i >= max(0, ti-3); i-- {
				if titleLike(lines[i]) && !nameLike(lines[i].text) && !(i == 0 && site != "") {
					ti = i
					break
				}
			}
		}
	}
	switch {
	case ti >= 0:
		a.Meta.Title, a.Meta.TitleSpan = lines[ti].text, lines[ti].span
	case pageTitle != "":
		a.Meta.Title = pageTitle
		off := strings.Index(lines[0].text, pageTitle)
		a.Meta.TitleSpan = news.RawSpan{Start: lines[0].span.Start + off, End: lines[0].span.Start + off + len(pageTitle)}
	}

	// Section: a short label right above the title.
	if ti > 0 {
		if s := lines[ti-1]; sectionLike(s) && !strings.EqualFold(s.text, site) {
			if _, isOutlet := lx.outlet(s.text); !isOutlet {
				a.Meta.Section, a.Meta.SectionSpan = s.text, s.span
			}
		}
	}

	// Outlet and byline: short lines near the title, and what date lines
	// carry besides their dates.
	near := func(i int) bool { return ti < 0 || (i >= ti-3 && i <= ti+4) }
	for i, h := range lines {
		if h.text == "" || i == ti {
			continue
		}
		if by, off, ok := lineByline(h, a.Meta.Byline == "" && near(i)); ok {
			a.Meta.Byline = by
			a.Meta.BylineSpan = news.RawSpan{Start: h.span.Start + off, End: h.span.Start + off + len(by)}
			continue
		}
		cand, span := h.text, h.span
		if h.date {
			cand = strings.Trim(h.rest, " ,|-–—•·/:()")
			if off := strings.Index(h.text, cand); off >= 0 && cand != "" {
				span = news.RawSpan{Start: h.span.Start + off, End: h.span.Start + off + len(cand)}
			} else {
				span = news.RawSpan{}
			}
		}
		if cand == "" || wordCount(cand) > 8 {
			continue
		}
		if a.Meta.Outlet == "" && near(i) {
			if o, ok := lx.outlet(cand); ok {
				a.Meta.Outlet, a.Meta.OutletSpan = o.Name, span
			} else if site != "" && strings.EqualFold(cand, site) && i > 0 {
				a.Meta.Outlet, a.Meta.OutletSpan = cand, span
			}
		}
	}
	// An outlet the list does not know, named like one ("… Chronicle").
	for i, h := range lines {
		if a.Meta.Outlet != "" {
			break
		}
		if i != ti && !(i == ti-1 && a.Meta.Section != "") && h.text != "" && !h.date &&
			fieldCount(h.text) >= 2 && nameLike(h.text) && lx.outletNamed(h.text) {
			a.Meta.Outlet, a.Meta.OutletSpan = h.text, h.span
		}
	}
	if a.Meta.Outlet == "" && site != "" {
		a.Meta.Outlet = site
		off := strings.LastIndex(lines[0].text, site)
		a.Meta.OutletSpan = news.RawSpan{Start: lines[0].span.Start + off, End: lines[0].span.Start + off + len(site)}
	}

	readDates(a, lx, raw, units, lines, headEnd, bodyLast)
}

// readDates sets Published and Updated from the date lines above the body,
// or, when there are none, from labelled dates on date lines inside the
// body or on the lines just below it.
func readDates(a *news.Article, lx *textLexicon, raw string, units []textUnit, lines []headLine, headEnd, bodyLast int) {
	type found struct {
		d    pageDate
		line news.RawSpan
	}
	var allBuf [8]found
	all := allBuf[:0]
	for _, h := range lines {
		if !h.date {
			continue
		}
		for _, d := range h.dates {
			all = append(all, found{d, h.span})
		}
	}
	if len(all) == 0 && headEnd >= 0 {
		// Labelled dates ("Published: …") on date lines inside the body
		// or on the few lines after it.
		for i := headEnd; i < len(units) && i <= bodyLast+footLines; i++ {
			u := &units[i]
			if len(u.segs) != 1 || u.runes > 120 || (i <= bodyLast && !u.date) {
				continue
			}
			ds := u.dates
			if !u.datesRead {
				ds = findDates(lx, raw[u.segs[0].Start:u.segs[0].End])
			}
			for _, d := range ds {
				if d.role != roleNone {
					all = append(all, found{d, u.segs[0]})
				}
			}
		}
	}
	var datesBuf [8]pageDate
	dates := datesBuf[:0]
	for _, f := range all {
		dates = append(dates, f.d)
	}
	country := ""
	if o, ok := lx.outlet(a.Meta.Outlet); ok {
		country = o.Country
	} else {
		country = urlCountry(a.Meta.URL)
	}
	order := resolveOrder(dates, country, a.Meta.Language)

	set := func(dst *news.DateTime, f found, what string) {
		d := f.d
		v := d.dt
		if d.orderOpen {
			switch order {
			case MonthFirst:
				v = d.alt
			case OrderUnknown:
				a.AddDiagnostic("extract", news.Warning, news.Span{}, "date-ambiguous",
					fmt.Sprintf("%s date %q could be %s (day first) or %s (month first); nothing on the page decides it, read day first",
						what, raw[f.line.Start+d.start:f.line.Start+d.end], d.dt.Time.Format("2 January 2006"), d.alt.Time.Format("2 January 2006")))
			}
		}
		v.Span = news.RawSpan{Start: f.line.Start + d.start, End: f.line.Start + d.end}
		*dst = v
	}
	for _, f := range all {
		switch {
		case f.d.role == roleUpdated:
			if a.Meta.Updated.IsZero() {
				set(&a.Meta.Updated, f, "updated")
			}
		case a.Meta.Published.IsZero():
			set(&a.Meta.Published, f, "published")
		}
	}
	if a.Meta.Published.IsZero() && a.Meta.Updated.IsZero() {
		a.AddDiagnostic("extract", news.Info, news.Span{}, "no-date", "the page states no publication date")
	}
}

// echoOfFirst returns the head line (after the first) that repeats most
// of the first line's content words (function words do not count), at
// least three and at least 60% of its own, or -1.
func echoOfFirst(lx *textLexicon, lines []headLine) int {
	var (
		first   wordSet
		scratch [128]byte
	)
	buf := scratch[:0]
	for w, i, ok := nextPhraseWord(lines[0].text, 0, buf); ok; w, i, ok = nextPhraseWord(lines[0].text, i, w) {
		if lx.word(w).stop == 0 {
			first.add(w)
		}
		buf = w
	}
	best, bestShared := -1, 0
	for i := len(lines) - 1; i >= 1; i-- {
		h := lines[i]
		if h.text == "" || h.date || len(h.text) > 300 {
			continue
		}
		content, shared := 0, 0
		for w, k, ok := nextPhraseWord(h.text, 0, buf); ok; w, k, ok = nextPhraseWord(h.text, k, w) {
			buf = w
			if lx.word(w).stop != 0 {
				continue
			}
			content++
			if first.has(w) {
				shared++
			}
		}
		if shared >= 3 && shared*5 >= content*3 && shared > bestShared {
			best, bestShared = i, shared
		}
	}
	return best
}

// A wordSet is a set of words that lives on its caller's stack while the
// words are few and short (a title's), and moves to a map beyond.
type wordSet struct {
	slots [wordSetSlots]uint32 // 1 + offset<<8 | length of a word in buf; 0 is empty
	buf   [1024]byte
	used  int // bytes of buf in use
	n     int // words in slots
	big   map[string]bool
}

const wordSetSlots = 64 // a power of two, twice the words kept in slots

func (s *wordSet) add(w []byte) {
	if s.big == nil && (s.n >= wordSetSlots/2 || len(w) > 255 || s.used+len(w) > len(s.buf)) && !s.has(w) {
		s.big = make(map[string]bool, 2*s.n)
		for _, e := range s.slots {
			if e != 0 {
				s.big[string(s.word(e))] = true
			}
		}
	}
	if s.big != nil {
		s.big[string(w)] = true
		return
	}
	k := wordSetHash(w)
	for ; s.slots[k] != 0; k = (k + 1) % wordSetSlots {
		if string(s.word(s.slots[k])) == string(w) {
			return
		}
	}
	s.slots[k] = (uint32(s.used)<<8 | uint32(len(w))) + 1
	s.used += copy(s.buf[s.used:], w)
	s.n++
}

func (s *wordSet) has(w []byte) bool {
	if s.big != nil {
		return s.big[string(w)]
	}
	for k := wordSetHash(w); s.slots[k] != 0; k = (k + 1) % wordSetSlots {
		if string(s.word(s.slots[k])) == string(w) {
			return true
		}
	}
	return false
}

// word is the word of slot value e.
func (s *wordSet) word(e uint32) []byte {
	e--
	off := int(e >> 8)
	return s.buf[off : off+int(e&0xff)]
}

// wordSetHash is FNV-1a of w, folded to a slot.
func wordSetHash(w []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range w {
		h = (h ^ uint32(c)) * 16777619
	}
	return (h ^ h>>16) % wordSetSlots
}

// urlCountry is the country of a URL's country-code top-level domain, ""
// for generic domains.
func urlCountry(u string) string {
	if u == "" {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil || p.Hostname() == "" {
		return ""
	}
	host := p.Hostname()
	tld := host[strings.LastIndexByte(host, '.')+1:]
	if len(tld) != 2 {
		return ""
	}
	if tld == "uk" {
		return "GB"
	}
	return strings.ToUpper(tld)
}

// outsideDates returns text with the date expressions cut out.
func outsideDates(text string, ds []pageDate) string {
	// The words of the pieces between the dates, one space apart: the
	// pieces are cut apart, so no word spans two of them.
	var b strings.Builder
	b.Grow(len(text))
	add := func(piece string) {
		for w, i := nextField(piece, 0); w != ""; w, i = nextField(piece, i) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	prev := 0
	for _, d := range ds {
		add(text[prev:d.start])
		prev = d.end
	}
	add(text[prev:])
	return b.String()
}

// splitSiteTitle splits a page title line "Title | Site" (or " - ", " – ",
// " — ", " :: ") at its last separator, when the site part is short.
func splitSiteTitle(s string) (title, site string) {
	best, sepLen := lastSiteSep(s)
	if best <= 0 {
		return "", ""
	}
	title, site = strings.TrimSpace(s[:best]), strings.TrimSpace(s[best+sepLen:])
	if n := fieldCount(site); n == 0 || n > 5 || fieldCount(title) < 2 {
		return "", ""
	}
	return title, site
}

// siteSeps are the separators of a page title's site part, in the order
// they are preferred at one place.
var siteSeps = [...]string{" | ", " - ", " – ", " — ", " :: ", " · "}

// lastSiteSep returns the index and length of the last separator of
// siteSeps in s (the first of the list where several start at one
// index), or -1: what LastIndex of each would find, in one pass from the
// end over the spaces that open them all.
func lastSiteSep(s string) (int, int) {
	for j := len(s); ; {
		i := strings.LastIndexByte(s[:j], ' ')
		if i < 0 {
			return -1, 0
		}
		for _, sep := range siteSeps {
			if strings.HasPrefix(s[i:], sep) {
				return i, len(sep)
			}
		}
		j = i
	}
}

// titleLike reports whether a head line could be the headline: a few
// words, not a date line, not ending as a sentence with a full stop.
func titleLike(h headLine) bool {
	if h.text == "" || h.date || len(h.text) > 300 {
		return false
	}
	n := wordCount(h.text)
	if n < 3 || n > 30 {
		return false
	}
	if _, _, ok := bylineName(h.text); ok {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(h.text)
	return last != '.' && last != ':' && last != ','
}

// sectionLike reports whether a head line could be a section label.
func sectionLike(h headLine) bool {
	if h.text == "" || h.date || len(h.text) > 80 {
		return false
	}
	n := wordCount(h.text)
	if n < 1 || n > 6 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(h.text)
	return last != '.' && last != '!' && last != '?' && last != ','
}

// bylinePrefixes open a byline, in the languages of stopwords.txt; each
// also found after a space inside a line ("Posted by …").
var bylinePrefixes = func() (ps [][2]string) {
	for _, p := range []string{"By ", "BY ", "by ", "Written by ", "Автор: ", "Von ", "Par ", "Por ", "Di ", "Oleh "} {
		ps = append(ps, [2]string{p, " " + p})
	}
	return ps
}()

// bylineHeads are the first two bytes of each byline prefix.
var bylineHeads = func() (hs []uint16) {
	for _, pp := range bylinePrefixes {
		hs = append(hs, uint16(pp[0][0])<<8|uint16(pp[0][1]))
	}
	return hs
}()

// mayOpenByline reports whether a word of s (at its start or after a
// space, where bylineName looks) opens with the first two bytes of a
// byline prefix: a quick test that passes most lines over.
func mayOpenByline(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if i > 0 && s[i-1] != ' ' {
			continue
		}
		h := uint16(s[i])<<8 | uint16(s[i+1])
		for _, b := range bylineHeads {
			if h == b {
				return true
			}
		}
	}
	return false
}

// lineByline returns the byline a head line holds and its offset in the
// line, cut short of a date that follows the name; wanted false skips the
// search.
func lineByline(h headLine, wanted bool) (string, int, bool) {
	if !wanted || wordCount(h.text) > 14 {
		return "", 0, false
	}
	by, off, ok := bylineName(h.text)
	if !ok {
		return "", 0, false
	}
	for _, d := range h.dates {
		if d.start >= off && d.start < off+len(by) {
			by = strings.TrimRight(h.text[off:d.start], " ,;|-–—•·")
		}
	}
	return by, off, by != ""
}

// nameLike reports whether s looks like a name: one to five words, each
// capitalised (or a short link word such as "of", "the"), no digits, no
// closing punctuation.
func nameLike(s string) bool {
	if n := fieldCount(s); n == 0 || n > 5 {
		return false
	}
	i := 0
	for w, next := nextField(s, 0); w != ""; w, next = nextField(s, next) {
		i++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			continue
		}
		if i > 1 && len(w) <= 3 && unicode.IsLower(r) {
			continue
		}
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(last)
}

// bylineName returns the name in a byline ("By Jane Doe, Reuters",
// "Posted by Jane Doe") and its offset in s.
func bylineName(s string) (string, int, bool) {
	if len(s) > 300 || !mayOpenByline(s) {
		return "", 0, false
	}
	for _, pp := range bylinePrefixes {
		p, at := pp[0], -1
		if strings.HasPrefix(s, p) {
			at = 0
		} else if i := strings.Index(s, pp[1]); i >= 0 {
			at = i + 1
		}
		if at < 0 {
			continue
		}
		rest := s[at+len(p):]
		name := rest
		if i := strings.IndexAny(name, "|•·\t"); i >= 0 {
			name = name[:i]
		}
		name = strings.TrimRight(name, " ,;-–—")
		if name == "" || fieldCount(name) > 8 {
			return "", 0, false
		}
		r, _ := utf8.DecodeRuneInString(name)
		if !unicode.IsUpper(r) {
			return "", 0, false
		}
		return name, at + len(p), true
	}
	return "", 0, false
}

// findDateline returns the span of a wire dateline at the start of text:
// "MOSCOW, June 9 (Reuters) -", "KYIV, Ukraine (AP) —", "(Reuters) —".
// The words before the dash must be capitalised (a place in capitals
// first) or be an agency credit in parentheses.
func findDateline(text string) news.Span {
	head := text
	if i := strings.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	if len(head) > 160 {
		head = head[:160]
	}
	dash, dashEnd := -1, -1
	for _, sep := range []string{" - ", " — ", " – ", " -- ", "—", "–"} {
		if i := strings.Index(head, sep); i > 0 && (dash < 0 || i < dash) {
			dash = i
			dashEnd = i + len(strings.TrimRight(sep, " "))
		}
	}
	if dash < 0 || dash > 100 {
		return news.Span{}
	}
	prefix := strings.TrimSpace(head[:dash])
	if prefix == "" || strings.ContainsAny(prefix, "!?\"“”") {
		return news.Span{}
	}
	if credit := datelineAgency(prefix); credit != "" && strings.HasPrefix(prefix, "(") && strings.HasSuffix(prefix, ")") {
		return news.Span{Start: 0, End: dashEnd}
	}
	first := true
	for _, w := range strings.Fields(prefix) {
		w = strings.Trim(w, ",()/")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if first {
			if strings.ToUpper(w) != w || utf8.RuneCountInString(w) < 2 || !unicode.IsLetter(r) {
				return news.Span{}
			}
			first = false
			continue
		}
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return news.Span{}
		}
	}
	if first {
		return news.Span{}
	}
	return news.Span{Start: 0, End: dashEnd}
}

// datelineAgency returns the credit in parentheses in a dateline
// ("Reuters" in "MOSCOW, June 9 (Reuters) -"), or "".
func datelineAgency(s string) string {
	i := strings.IndexByte(s, '(')
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], ')')
	if j < 0 {
		return ""
	}
	return strings.TrimSpace(s[i+1 : i+j])
}

// wordCount counts the words of s as phraseWords splits them, without
// allocating.
func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // no ASCII byte is in unicode.So
			i++
			if asciiWord[c] == 0 {
				in = false
			} else if !in {
				n++
				in = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '_':
			if !in {
				n++
				in = true
			}
		case unicode.Is(unicode.So, r):
			n++
			in = false
		default:
			in = false
		}
	}
	return n
}

// fieldCount is len(strings.Fields(s)), without allocating.
func fieldCount(s string) int {
	n := 0
	for w, i := nextField(s, 0); w != ""; w, i = nextField(s, i) {
		n++
	}
	return n
}

// nextField returns the first field of s[i:] as strings.Fields splits s
// (runs of runes that are not unicode.IsSpace), and the index after it;
// "" when none is left.
func nextField(s string, i int) (string, int) {
	for i < len(s) {
		sp, n := spaceAt(s, i)
		if !sp {
			break
		}
		i += n
	}
	start := i
	for i < len(s) {
		sp, n := spaceAt(s, i)
		if sp {
			break
		}
		i += n
	}
	return s[start:i], i
}

// spaceAt reports whether the rune at s[i] is unicode.IsSpace, and its size.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return c == ' ' || '\t' <= c && c <= '\r', 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), n
}
