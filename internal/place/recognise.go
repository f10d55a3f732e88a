package place

import (
	"sort"
	"strings"

	"sitrep/internal/kb/gazetteer"
	"sitrep/news"
)

// work is the per-call scratch of Apply, pooled to spare allocation.
type work struct {
	text   string
	tokens []token
	actors []actorSpan
	names  []name
	cands  []gazetteer.Candidate
	key    []byte
	low    []byte
	// scratch of resolve
	next         []int32
	scores       []float64
	priors       []float64 // prior of w.cands[i]
	support      map[string]float64
	adminSupport map[[2]string]float64
	seen         map[int32]bool
	points       []point
	// persons holds lower-cased words seen as part of a person's or an
	// organisation's name; alone later they still name it ("Ivins said").
	persons map[string]bool
}

func (w *work) reset(text string) {
	w.text = text
	w.tokens = w.tokens[:0]
	w.actors = w.actors[:0]
	w.names = w.names[:0]
	w.cands = w.cands[:0]
	if w.persons == nil {
		w.persons = make(map[string]bool)
		w.support = make(map[string]float64)
		w.adminSupport = make(map[[2]string]float64)
		w.seen = make(map[int32]bool)
	}
	clear(w.persons)
}

// A name is a recognised toponym and its context.
type name struct {
	span      news.Span // the name
	outer     news.Span // the name with a direction adjective before it
	first     int       // token index of the first word
	last      int       // token index of the last word
	c0, c1    int       // candidates: work.cands[c0:c1]
	near      bool      // "near X", "north of X"
	region    bool      // "southern X"
	admin     bool      // "X province", "the province of X"
	town      bool      // "the town of X"
	qualifier int       // index in work.names of Y in "X, Y"; -1 when none
	ofCountry bool      // "the south of the country": resolved to the article's country
	locative  bool      // after a locative preposition ("in X", "border with X")
	demonymCC string    // country of a demonym before the name ("the French capital Paris")
	list      int       // 1 + index of the first name of a list this name is in ("Ohio, Oregon and Utah"); 0 when none
	best      int32     // chosen entry; -1 when none
	score     float64
}

// word returns the lower-cased text of token t.
func (w *work) word(t int) string {
	tk := w.tokens[t]
	w.low = w.low[:0]
	for i := tk.start; i < tk.end; i++ {
		c := w.text[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		w.low = append(w.low, c)
	}
	return string(w.low)
}

// is reports whether token t, lower-cased, is in set, without allocating.
func (w *work) is(t int, set map[string]bool) bool {
	if t < 0 || t >= len(w.tokens) {
		return false
	}
	tk := w.tokens[t]
	if tk.end-tk.start > 24 {
		return false
	}
	w.low = w.low[:0]
	for i := tk.start; i < tk.end; i++ {
		c := w.text[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		w.low = append(w.low, c)
	}
	return set[string(w.low)]
}

// sep returns the text between tokens t and t+1.
func (w *work) sep(t int) string {
	if t < 0 || t+1 >= len(w.tokens) {
		return ""
	}
	return w.text[w.tokens[t].end:w.tokens[t+1].start]
}

// lowerEq reports whether token t equals the lower-case word s, any case.
func (w *work) lowerEq(t int, s string) bool {
	if t < 0 || t >= len(w.tokens) {
		return false
	}
	tk := w.tokens[t]
	return strings.EqualFold(w.text[tk.start:tk.end], s)
}

// before reports whether the words of one of phrases end just before token
// t, returning the index of the phrase's first token.
func (w *work) before(t int, phrases [][]string) (int, bool) {
	for _, p := range phrases {
		k := t
		ok := true
		for i := len(p) - 1; i >= 0; i-- {
			k--
			if !w.lowerEq(k, p[i]) {
				ok = false
				break
			}
		}
		if ok {
			return k, true
		}
	}
	return t, false
}

// recognise finds the names of w.text.
func (s *Stage) recognise(w *work, a *news.Article) {
	toks := w.tokens
	n := len(toks)
	for i := 0; i < n; {
		startOK := toks[i].cap || (i+1 < n && toks[i+1].cap && w.sep(i) == "-" && w.is(i, s.lx.article))
		if !startOK {
			i++
			continue
		}
		j := i
		for k := i + 1; k < n && k-i < s.maxTok; k++ {
			sp := w.sep(k - 1)
			possessive := w.lowerEq(k, "s") && (sp == "'" || sp == "\u2019")
			if sp != " " && sp != "-" && !possessive {
				break
			}
			if !toks[k].cap && !w.is(k, s.lx.connector) && !possessive {
				break
			}
			j = k
		}
		matched := false
		for e := j; e >= i; e-- {
			if !toks[e].cap {
				continue
			}
			sp := news.Span{Start: toks[i].start, End: toks[e].end}
			w.key = gazetteer.AppendKey(w.key[:0], w.text[sp.Start:sp.End])
			c0 := len(w.cands)
			w.cands = s.g.LookupKey(w.cands, w.key)
			if len(w.cands) == c0 {
				continue
			}
			if !s.acceptable(w, i, e, c0, sp) {
				// The name is not a place here, and no part of it is
				// ("New York City Council" is not York).
				w.cands = w.cands[:c0]
				i = e
				break
			}
			w.names = append(w.names, s.context(w, name{span: sp, outer: sp, first: i, last: e, c0: c0, c1: len(w.cands), qualifier: -1, best: -1}))
			i = e + 1
			matched = true
			break
		}
		if !matched {
			i++
		}
	}
	// A capital that stands for its government is an actor, not a place.
	kept := w.names[:0]
	for k := range w.names {
		if !s.metonym(w, &w.names[k]) {
			kept = append(kept, w.names[k])
		}
	}
	w.names = kept
	s.countryPhrases(w)
	// "X, Y": Y qualifies X when it follows it after a comma.
	for k := 0; k+1 < len(w.names); k++ {
		x, y := &w.names[k], &w.names[k+1]
		if !x.ofCountry && !y.ofCountry && y.first == x.last+1 && strings.TrimSpace(w.sep(x.last)) == "," {
			x.qualifier = k + 1
		}
	}
	s.lists(w)
}

// lists marks names coordinated in a list: names joined by commas and a
// final "and"/"or" ("Ohio, Oregon and Utah", "Iraq and Jordan"), or four or
// more joined by commas. A list names things of one kind. Two or three
// names joined by commas alone are "X, Y(, Z)", a place and its regions
// ("Paris, Texas, USA"), not a list.
func (s *Stage) lists(w *work) {
	ns := w.names
	for k := 0; k < len(ns); {
		end, conj := k, false
		for end+1 < len(ns) && !ns[end].ofCountry && !ns[end+1].ofCountry {
			a, b := ns[end].last, ns[end+1].first
			sep := strings.TrimSpace(w.sep(a))
			switch {
			case b == a+1 && sep == ",":
			case b == a+2 && (w.lowerEq(a+1, "and") || w.lowerEq(a+1, "or")) && (sep == "" || sep == ","):
				conj = true
			default:
				goto done
			}
			end++
			if conj {
				break
			}
		}
	done:
		if n := end - k + 1; n >= 2 && conj || n >= 4 {
			for j := k; j <= end; j++ {
				ns[j].list = k + 1
				ns[j].qualifier = -1 // a list, not "X, Y"
			}
		}
		k = end + 1
	}
}

// acceptable applies the rules that make a looked-up name not a place. It
// may narrow the candidates w.cands[c0:] and returns false when none is
// left or the name is not a place.
func (s *Stage) acceptable(w *work, i, e, c0 int, sp news.Span) bool {
	text := w.text[sp.Start:sp.End]
	if i == e {
		if isContraction(text) {
			return false // "I've", "We're"
		}
		if w.is(i, s.lx.stop) || w.is(i, s.lx.direction) || w.is(i, s.lx.point) || isMixedAcronym(text) ||
			s.g.IsDemonym(text) || w.persons[w.word(i)] {
			return false
		}
		if isAcronym(text) {
			// An initialism names a country or region ("US", "UK",
			// "DRC"), not a town that shares its letters ("HIV", "UN").
			w.cands = keep(w.cands, c0, func(c gazetteer.Candidate) bool {
				return s.g.Entry(c.Index).Class != gazetteer.City && s.g.Entry(c.Index).Class != gazetteer.Site
			})
			if len(w.cands) == c0 {
				return false
			}
		}
	}
	area := false    // a country, region or administrative region by its own name
	country := false // a country
	maxPop := int64(0)
	allAlt := true
	for _, c := range w.cands[c0:] {
		en := s.g.Entry(c.Index)
		if en.Class != gazetteer.City && en.Class != gazetteer.Site && (!c.Alternate || en.Class == gazetteer.Country) {
			area = true
		}
		if en.Class == gazetteer.Country {
			country = true
		}
		maxPop = max(maxPop, en.Population)
		allAlt = allAlt && c.Alternate
	}
	if i > 0 && w.sep(i-1) == "-" && w.is(i-1, s.lx.prefix) {
		return false // "pro-Damascus"
	}
	if e+1 < len(w.tokens) && w.sep(e) == "-" && w.is(e+1, s.lx.suffix) {
		return false // "US-led"
	}
	if e+1 < len(w.tokens) && w.sep(e) == " " && w.is(e+1, s.lx.eponym) {
		return false // "Marburg virus": the name names a disease
	}
	if i > 0 && (w.sep(i-1) == " " || w.sep(i-1) == ". ") && w.is(i-1, s.lx.title) {
		w.persons[w.word(i)] = true
		return false // "Dr. Hartl", "President Obama"
	}
	if !country {
		// A name inside a longer capitalised name is part of that name:
		// "al-Nusra Front", "Washington Post". A country's is still a place
		// ("U.S. Army", "SOS Villages Sudan").
		if i > 0 && (w.sep(i-1) == " " || w.sep(i-1) == "-") && w.tokens[i-1].cap && !w.tokens[i].initial &&
			!w.is(i-1, s.lx.stop) && !w.is(i-1, s.lx.direction) && !w.is(i-1, s.lx.point) {
			w.persons[w.word(e)] = true
			return false
		}
		if e+1 < len(w.tokens) && w.sep(e) == " " && w.tokens[e+1].cap && !w.is(e+1, s.lx.stop) && !w.is(e+1, s.lx.title) && !gazetteer.IsAdminTerm(w.word(e+1)) {
			if i == e {
				w.persons[w.word(i)] = true
			}
			return false
		}
	}
	if !area {
		// A common English word that names only small towns is the word:
		// "Over the weekend", "Congress".
		if i == e && w.is(i, s.lx.common) && (allAlt || maxPop < 20000 || maxPop < 100000 && w.tokens[i].initial) {
			return false
		}
		// A one-word town next to a verb of saying is a person: "Hartl
		// said", "said Clifford".
		_, loc := w.before(i, s.lx.locative)
		if i == e && !loc && !w.lowerEq(i-1, "of") && (e+1 < len(w.tokens) && w.sep(e) == " " && w.is(e+1, s.lx.speech) ||
			i > 0 && w.sep(i-1) == " " && w.is(i-1, s.lx.speech)) {
			w.persons[w.word(i)] = true
			return false
		}
	}
	for _, m := range w.actors {
		if m.Start >= sp.End {
			break
		}
		if m.Overlaps(sp) {
			if m.guess || m.state && s.locative(w, i) {
				continue
			}
			return false
		}
	}
	return true
}

// locative reports whether the name at token i follows a locative
// preposition, perhaps through a direction adjective ("in southern Syria")
// or a coordination with a name that does ("border with Iraq and Jordan").
func (s *Stage) locative(w *work, i int) bool {
	if i > 0 && w.is(i-1, s.lx.direction) {
		i--
	}
	if _, ok := w.before(i, s.lx.locative); ok {
		return true
	}
	if i < 2 || len(w.names) == 0 {
		return false
	}
	prev := &w.names[len(w.names)-1]
	switch {
	case w.lowerEq(i-1, "and") || w.lowerEq(i-1, "or"):
		return prev.last == i-2 && prev.locative
	case strings.TrimSpace(w.sep(i-1)) == ",":
		return prev.last == i-1 && prev.locative
	}
	return false
}

// keep keeps the candidates of cs[c0:] that pass f.
func keep(cs []gazetteer.Candidate, c0 int, f func(gazetteer.Candidate) bool) []gazetteer.Candidate {
	out := cs[:c0]
	for _, c := range cs[c0:] {
		if f(c) {
			out = append(out, c)
		}
	}
	return out
}

// isContraction reports a word with an apostrophe before a clitic: "I've",
// "we're", "she'll", "I'd", "I'm", "don't".
func isContraction(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '\'' && !strings.HasPrefix(s[i:], "\u2019") {
			continue
		}
		rest := s[i+1:]
		if s[i] != '\'' {
			rest = s[i+len("\u2019"):]
		}
		switch strings.ToLower(rest) {
		case "ve", "re", "ll", "d", "m", "t", "s":
			return true
		}
		return false
	}
	return false
}

// isAcronym reports an upper-case word of two to four letters, or of
// letters with full stops: "US", "U.S.", "HIV" (but not "BEIRUT", a
// dateline's capitals).
func isAcronym(s string) bool {
	letters, dots := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == '.':
			dots++
		default:
			return false
		}
	}
	return letters >= 2 && (letters <= 4 || dots > 0)
}

// isMixedAcronym reports a short word with a capital after a small letter:
// "MoD", "DoD".
func isMixedAcronym(s string) bool {
	if len(s) > 4 {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' && s[i-1] >= 'a' && s[i-1] <= 'z' {
			return true
		}
	}
	return false
}

// context reads the words around a name.
func (s *Stage) context(w *work, nm name) name {
	nm.locative = s.locative(w, nm.first)
	i := nm.first
	if t, ok := w.before(i, s.lx.town); ok {
		nm.town = true
		i = t
		if w.lowerEq(i-1, "the") {
			i--
		}
	}
	if _, ok := w.before(i, s.lx.near); ok {
		nm.near = true
	}
	// "the Syrian town of X", "the French capital Paris": a demonym up to
	// three words before the name.
	for k := nm.first - 1; k >= 0 && k >= nm.first-3; k-- {
		if tk := w.tokens[k]; tk.cap {
			if cc := s.g.DemonymCountry(w.text[tk.start:tk.end]); cc != "" {
				nm.demonymCC = cc
			}
			break
		}
	}
	if nm.first > 0 && w.sep(nm.first-1) == " " && w.is(nm.first-1, s.lx.direction) {
		nm.region = true
		nm.outer.Start = w.tokens[nm.first-1].start
	}
	if nm.last+1 < len(w.tokens) && w.sep(nm.last) == " " && gazetteer.IsAdminTerm(w.text[w.tokens[nm.last+1].start:w.tokens[nm.last+1].end]) {
		nm.admin = true
	}
	if nm.first >= 2 && w.lowerEq(nm.first-1, "of") && gazetteer.IsAdminTerm(w.text[w.tokens[nm.first-2].start:w.tokens[nm.first-2].end]) {
		nm.admin = true
	}
	return nm
}

// countryPhrases adds "the south of the country" and the like as names to
// be resolved to the article's main country.
func (s *Stage) countryPhrases(w *work) {
	toks := w.tokens
	var extra []name
	for t := 4; t < len(toks); t++ {
		if !w.lowerEq(t, "country") || !w.lowerEq(t-1, "the") || !w.lowerEq(t-2, "of") {
			continue
		}
		p := t - 3
		if !w.is(p, s.lx.point) {
			continue
		}
		if p > 0 && w.sep(p-1) == "-" && w.is(p-1, s.lx.point) {
			p--
		}
		if !w.lowerEq(p-1, "the") {
			continue
		}
		sp := news.Span{Start: toks[p-1].start, End: toks[t].end}
		extra = append(extra, name{span: sp, outer: sp, first: p - 1, last: t, qualifier: -1, best: -1, ofCountry: true, region: true})
	}
	if len(extra) == 0 {
		return
	}
	// Keep text order; the phrases never overlap a name (they have no
	// capitalised word, or one that the phrase pattern does not allow).
	w.names = append(w.names, extra...)
	sort.SliceStable(w.names, func(i, j int) bool { return w.names[i].span.Start < w.names[j].span.Start })
}
