package entity

import (
	"strings"
	"unicode/utf8"

	"sitrep/internal/kb/actors"
	"sitrep/news"
)

// A unit is a word, a part of a hyphenated word, or a punctuation mark.
type unit struct {
	span    news.Span          // the unit's bytes
	nameEnd int                // span.End less a final possessive
	key     string             // folded: actors.Fold
	cls     actors.WordClasses // the word classes of key (words.tsv, first names)
	shape   actors.Shape
	poss    bool // ends in a possessive
	punct   bool // punctuation or symbol
	joined  bool // joined to the next unit by a hyphen inside one token
	sent    int
}

// A cand is a mention being built.
type cand struct {
	start, end int // units
	typ        news.EntityType
	actor      news.Actor
	res        string
	ante       int // index into doc.cands; -1 when none
	roles      []news.Role
	aff        news.Actor
	affSpan    news.Span
	aligned    news.Actor
	parent     news.Actor
	inst       int                // index into KB.Insts for a composed institution; -1
	form       string             // "name", "pronoun", "description"; "" once dropped
	desc       string             // "person", "plural", "thing" for a pronoun; "description"
	dmask      actors.WordClasses // the description-* classes of a description
	plural     bool
	before     int  // first unit of the titles written before a person's name
	weak       bool // typed a place only because a preposition precedes it
	// ethnic is 1 + the index into KB.Ethnic of an ethnic or religious
	// group the mention names ("Tamil refugees", "Kurds"); 0 when none.
	// placed says the text gives the group's country ("Albanians of
	// southern Serbia"): link does not choose it from the article.
	ethnic int
	placed bool
	// minority says the mention names "ethnic" people of a country
	// ("ethnic Albanians"), who live as a minority in another: link
	// gives them the other country the article names.
	minority bool
	// bare says the mention is a word for people or a force with no
	// country word ("Police fired", "students marched"): link gives it
	// the one country its sentence (else its article) names, or drops it.
	bare bool
	// gender is 'm' or 'f' for a person pronoun ("he", "she"), else 0.
	gender byte
}

type doc struct {
	s      *Stage
	kb     *actors.KB
	w      *wordBits
	a      *news.Article
	units  []unit
	ku     []actors.Unit
	memo   []memo // longest's answers, by unit
	idx    []int  // emit's mention index of each cand
	sents  [][2]int
	caps   []bool // sentence written in capitals or in title case
	upper  []bool // sentence written in capitals
	lower  map[string]bool
	capsIn map[string]bool // capitalised inside a sentence of running text
	cands  []cand
	person map[string]int // folded surname or full name → cand of a person
	orgs   map[string]int // folded name, short form or acronym → cand
	places map[string]int // folded name or last word of a place → cand
	unres  map[string]bool
	named  []string // the countries the article's names name (link)
	// gender is the grammatical gender ('m', 'f') that the person pronouns
	// linked so far, or gendered titles, give an actor id; resolve links
	// no "she" to a "he".
	gender map[string]byte
	// nameGender is the gender an actor id's first name suggests (the
	// Moby lists): resolve prefers a person of the pronoun's gender.
	nameGender map[string]byte
	// foreign says the article's language is known and not English:
	// capitalisation says nothing of names there (German nouns), so only
	// knowledge-base names are mentions.
	foreign bool
}

// newDoc reads the article's tokens into units. The doc's buffers come
// from the stage's pool (see free): a doc serves one article at a time.
func newDoc(s *Stage, a *news.Article, toks []news.Token, sents []news.Sentence) *doc {
	d, _ := s.docs.Get().(*doc)
	if d == nil {
		d = &doc{lower: map[string]bool{}, capsIn: map[string]bool{},
			person: map[string]int{}, orgs: map[string]int{}, places: map[string]int{}, unres: map[string]bool{},
			gender: map[string]byte{}, nameGender: map[string]byte{}}
	}
	d.s, d.kb, d.w, d.a = s, s.kb, &s.w, a
	d.foreign = a.Meta.Language != "" && a.Meta.Language != "en"
	if n := len(toks) + len(toks)/8; cap(d.units) < n {
		d.units = make([]unit, 0, n)
		d.ku = make([]actors.Unit, 0, n)
	}
	for si, se := range sents {
		first := len(d.units)
		for ti := se.First; ti < se.End && ti < len(toks); ti++ {
			t := toks[ti]
			if !t.Span.Within(len(a.Text)) || t.Span.IsZero() {
				continue
			}
			d.addToken(t, si)
		}
		d.sents = append(d.sents, [2]int{first, len(d.units)})
	}
	d.memo = resize(d.memo, len(d.units))
	d.caps = resize(d.caps, len(d.sents))
	d.upper = resize(d.upper, len(d.sents))
	for si, r := range d.sents {
		d.caps[si], d.upper[si] = d.headline(r[0], r[1])
	}
	for si, r := range d.sents {
		for i := r[0]; i < r[1]; i++ {
			u := d.units[i]
			switch {
			case u.punct:
			case u.shape == actors.ShapeLower:
				d.lower[u.key] = true
			case !d.caps[si] && i > d.wordStart(r[0], r[1]) && (u.shape == actors.ShapeTitle || u.shape == actors.ShapeUpper):
				d.capsIn[u.key] = true
			}
		}
	}
	return d
}

// maxPooled bounds the units of a doc that goes back to the pool: the
// buffers of a huge article are left to the garbage collector.
const maxPooled = 1 << 16

// free empties the doc and puts it back in the stage's pool. The mentions
// written to the article share nothing with the doc's buffers but the
// roles slices, which a reused doc never writes into.
func (d *doc) free() {
	s := d.s
	if s == nil || cap(d.units) > maxPooled {
		return
	}
	d.a, d.s, d.kb, d.w, d.named = nil, nil, nil, nil, nil
	d.units, d.ku, d.sents, d.cands, d.idx = d.units[:0], d.ku[:0], d.sents[:0], d.cands[:0], d.idx[:0]
	for _, m := range []map[string]bool{d.lower, d.capsIn, d.unres} {
		clear(m)
	}
	for _, m := range []map[string]int{d.person, d.orgs, d.places} {
		clear(m)
	}
	clear(d.gender)
	clear(d.nameGender)
	d.foreign = false
	s.docs.Put(d)
}

// resize returns s with length n and every element zero, reusing its
// array when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (d *doc) addToken(t news.Token, si int) {
	text := d.a.Text[t.Span.Start:t.Span.End]
	// A possessive a tokenizer split off ("Staff" "'s", "Damascus" "'")
	// marks the word before it.
	if n := len(d.units); n > 0 && d.units[n-1].sent == si && !d.units[n-1].punct {
		switch text {
		case "'s", "’s", "'S":
			d.units[n-1].poss = true
			return
		case "'", "’":
			if prev := &d.units[n-1]; prev.span.End == t.Span.Start && (strings.HasSuffix(prev.key, "s")) &&
				(t.Span.End == len(d.a.Text) || d.a.Text[t.Span.End] == ' ' || d.a.Text[t.Span.End] == '\n') {
				prev.poss = true
				return
			}
		}
	}
	if t.Kind == news.Punct || t.Kind == news.Symbol {
		ku, cls := d.kb.NewUnit(text, actors.ShapeOther)
		d.units = append(d.units, unit{span: t.Span, nameEnd: t.Span.End, key: text, cls: cls, shape: actors.ShapeOther, punct: true, sent: si})
		d.ku = append(d.ku, ku)
		return
	}
	start := 0
	for start < len(text) {
		end := start
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if r == '-' || r == '‐' || r == '‑' || r == '–' {
				break
			}
			end += n
		}
		if end > start {
			part := text[start:end]
			key, poss := actors.Fold(part)
			sp := news.Span{Start: t.Span.Start + start, End: t.Span.Start + end}
			ne := sp.End
			if poss {
				trimmed := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(part, "'s"), "’s"), "'S"), "'’")
				ne = sp.Start + len(trimmed)
			}
			shape := actors.ShapeOf(part)
			ku, cls := d.kb.NewUnit(key, shape)
			d.units = append(d.units, unit{span: sp, nameEnd: ne, key: key, cls: cls, shape: shape, poss: poss, sent: si, joined: end < len(text)})
			d.ku = append(d.ku, ku)
		}
		if end < len(text) {
			_, n := utf8.DecodeRuneInString(text[end:])
			end += n
		}
		start = end
	}
}

// headline reports whether the units [i, j) read as a headline: written in
// capitals, or in title case, where capitals say nothing about names.
func (d *doc) headline(i, j int) (caps, upperOnly bool) {
	words, capsW, upper := 0, 0, 0
	for k := i; k < j; k++ {
		u := d.units[k]
		if u.punct || u.shape == actors.ShapeOther {
			continue
		}
		if u.is(d.w.function) && u.shape == actors.ShapeLower {
			continue
		}
		words++
		if u.shape == actors.ShapeTitle || u.shape == actors.ShapeUpper {
			capsW++
		}
		if u.shape == actors.ShapeUpper {
			upper++
		}
	}
	if words >= 3 && upper == words {
		return true, true
	}
	// Title case: a headline has no closing full stop.
	last := j - 1
	for last >= i && d.units[last].punct && strings.ContainsAny(d.units[last].key, "\"'”’)]") {
		last--
	}
	if last >= i && d.units[last].punct && strings.ContainsAny(d.units[last].key, ".!?…") {
		return false, false
	}
	return words >= 4 && capsW*10 >= words*8, false
}

// wordStart is the first unit of a sentence that is not punctuation
// (opening quotes, brackets, dashes).
func (d *doc) wordStart(i, j int) int {
	for i < j && d.units[i].punct {
		i++
	}
	return i
}

// longest is KB.Longest over the article's units, remembered per unit for
// the letter case of the unit's sentence: the readers ask it again and
// again at the same unit (a name, a title, a known start).
func (d *doc) longest(i int, caps bool) (actors.Match, bool) {
	if caps != d.caps[d.units[i].sent] {
		return d.kb.Longest(d.ku, i, caps)
	}
	e := &d.memo[i]
	if !e.done {
		e.m, e.ok = d.kb.Longest(d.ku, i, caps)
		e.done = true
	}
	return e.m, e.ok
}

type memo struct {
	m        actors.Match
	ok, done bool
}

func (u *unit) is(c actors.WordClasses) bool { return u.cls&c != 0 }

func (d *doc) capital(i int) bool {
	s := d.units[i].shape
	return !d.units[i].punct && (s == actors.ShapeTitle || s == actors.ShapeUpper)
}

// particle reports whether unit k is a short lower-case particle joined by
// a hyphen to a capitalised word: "al-Tanf", "ez-Zor", "bin-Laden".
func (d *doc) particle(k, end int) bool {
	u := d.units[k]
	return u.shape == actors.ShapeLower && u.joined && len(u.key) <= 3 && k+1 < end && d.capital(k+1)
}

func (d *doc) span(i, j int) news.Span {
	return news.Span{Start: d.units[i].span.Start, End: d.units[j-1].nameEnd}
}

func (d *doc) text(i, j int) string {
	sp := d.span(i, j)
	return d.a.Text[sp.Start:sp.End]
}

func (d *doc) add(c cand) int {
	if c.ante == 0 && c.res != "coref" {
		c.ante = -1
	}
	d.cands = append(d.cands, c)
	return len(d.cands) - 1
}

// detect finds the names, pronouns and descriptions of every sentence.
func (d *doc) detect() {
	for si, r := range d.sents {
		i := r[0]
		for i < r[1] {
			i = d.at(si, i, r[1])
		}
	}
}

// at reads what starts at unit i of sentence si (which ends at unit end)
// and returns the unit to go on from; it always advances.
func (d *doc) at(si, i, end int) int {
	u := d.units[i]
	if u.punct {
		return i + 1
	}
	caps := d.caps[si]
	// pro-X forces: a group aligned with X.
	if u.key == "pro" && u.joined && i+1 < end {
		if j, ok := d.aligned(i, i+1, end); ok {
			return j
		}
	}
	if m, ok := d.longest(i, caps); ok && !(d.upper[si] && m.End-i == 1 && u.key != "us" && u.is(d.w.function)) {
		// (In a headline in capitals "IS" and "WHO" are words, not names.)
		if j, ok := d.surnamePlace(i, m); ok {
			return j
		}
		if j, ok := d.known(si, i, end, m); ok {
			return j
		}
	}
	if j, ok := d.misspeltAt(si, i, end); ok {
		return j
	}
	if u.shape == actors.ShapeLower || i == d.wordStart(d.sents[si][0], end) {
		if d.pronounOrDescription(si, i) {
			return i + 1
		}
	}
	if d.capital(i) || d.particle(i, end) {
		return d.name(si, i, end)
	}
	return i + 1
}

// misspeltAt reads a capitalised word of six letters or more at unit i
// that the knowledge base does not know and that stands alone (not part of
// a longer name) as the country, capital, demonym or ethnic group within
// one edit of it ("Quatar's emir", "Ethopian troops", "Chenchen
// refugees"), with an entity-misspelt diagnostic. A first name, a word the
// article writes in lower case, or a person's name the article gives is no
// misspelling.
func (d *doc) misspeltAt(si, i, end int) (int, bool) {
	u := d.units[i]
	if u.shape != actors.ShapeTitle || len(u.key) < 6 || d.caps[si] || u.is(d.w.first|d.w.function|d.w.calendar|d.w.notname) || d.lower[u.key] {
		return 0, false
	}
	if u.joined || (!u.poss && i+1 < end && d.nameUnit(si, i+1)) || (i > d.sents[si][0] && d.nameUnit(si, i-1) && !d.units[i-1].poss) {
		return 0, false
	}
	if _, ok := d.person[u.key]; ok {
		return 0, false
	}
	if _, ok := d.longest(i, false); ok {
		return 0, false
	}
	e, near, ok := d.kb.Near(u.key)
	if !ok || e.Kind == actors.Named {
		return 0, false // organisations: see typeName
	}
	j, ok := d.known(si, i, end, actors.Match{Start: i, End: i + 1, Entries: []actors.Entry{e}})
	if !ok {
		return 0, false
	}
	d.a.AddDiagnostic("entity", news.Info, d.span(i, i+1), "entity-misspelt",
		"read "+d.text(i, i+1)+" as the knowledge-base name "+near)
	return j, true
}

func pick(m actors.Match, kinds ...actors.Kind) (actors.Entry, bool) {
	for _, k := range kinds {
		for _, e := range m.Entries {
			if e.Kind == k {
				return e, true
			}
		}
	}
	return actors.Entry{}, false
}

// known handles a knowledge-base name m at unit i. ok is false when the
// name is not read as one here (a title, a lone demonym).
func (d *doc) known(si, i, end int, m actors.Match) (int, bool) {
	if e, ok := pick(m, actors.Named); ok {
		a := d.kb.Actors[e.Ref]
		// A multi-word KB name followed by more capitalised words is part
		// of a longer unknown name only when it is a one-word alias.
		c := cand{start: i, end: m.End, typ: typeOfKind(a.Kind), actor: a, res: "kb", inst: -1, form: "name", before: i}
		// "UN peacekeepers", "NATO troops": the body's people of that kind.
		if a.Kind == "igo" && m.End < end {
			if m2, ok := d.longest(m.End, d.caps[si]); ok {
				if ie, ok := pick(m2, actors.Institution); ok {
					in := d.kb.Insts[ie.Ref]
					c.end, c.inst = m2.End, ie.Ref
					c.actor = news.Actor{ID: a.ID + "/" + in.Key, Name: a.Name + " " + in.Name, Kind: "igo",
						Sector: in.Sector, Code: a.Code + in.Code}
				}
			}
		}
		// "Iran-backed Houthi rebels": the group, backed by the state before it.
		if i >= 2 && d.units[i-1].is(d.w.backed) && d.units[i-2].joined {
			if n := len(d.cands); n > 0 && d.cands[n-1].end == i-1 {
				p := d.cands[n-1]
				c.aligned = p.actor
				if co, ok := d.kb.Country(p.actor.Country); ok && p.actor.Kind == "state" {
					c.aligned, _ = d.instActor(co, d.govInst())
				}
			}
		}
		if m.End-m.Start == 1 && d.caps[si] && !d.capsIn[d.units[i].key] && d.units[i].shape != actors.ShapeUpper {
			// In a headline, a one-word name that the body never writes
			// capitalised is a common word.
			if d.lower[d.units[i].key] {
				return 0, false
			}
		}
		d.add(c)
		return d.after(si, len(d.cands)-1, end), true
	}
	if e, ok := pick(m, actors.CountryName, actors.Capital, actors.Demonym, actors.Nationals); ok {
		return d.state(si, i, end, m, e)
	}
	if _, ok := pick(m, actors.EthnicName, actors.EthnicPeople); ok {
		if j, ok := d.ethnic(si, i, end, m); ok {
			return j, true
		}
	}
	if e, ok := pick(m, actors.PlaceName); ok {
		return d.place(si, i, end, m, e)
	}
	if e, ok := pick(m, actors.Institution); ok {
		// A bare institution is a description: "the ministry",
		// "government forces". Resolved by link.
		in := d.kb.Insts[e.Ref]
		if p := i - 1; in.People && p >= d.sents[si][0] && d.units[p].shape == actors.ShapeLower && d.units[p].is(d.w.org) {
			return 0, false // "a coalition spokesman in Iraq", "party officials": the body's people, not a country's
		}
		// "Rebels in the Ivory Coast", "Opposition groups in Zimbabwe",
		// "the government of Sudan": the institution of the country named
		// after it.
		if co, ok := d.instPlace(si, m.End, end, in); ok {
			a, ref := d.instActor(co, e.Ref)
			d.add(cand{start: i, end: m.End, typ: news.Organization, actor: a, res: "context", inst: ref, form: "name"})
			return m.End, true
		}
		if in.Key == "peacekeepers" {
			// Peacekeepers no country is named for serve a multinational
			// force: "a regional peacekeeping force", "peacekeepers".
			a := news.Actor{ID: "igo/peacekeepers", Name: "Peacekeepers", Kind: "igo", Sector: "military", Code: "IGOMIL"}
			d.add(cand{start: i, end: m.End, typ: news.Organization, actor: a, res: "context", inst: e.Ref, form: "name", plural: true})
			return m.End, true
		}
		if d.bareWord(si, i, m.End, in) {
			d.add(cand{start: i, end: m.End, typ: news.Organization, res: "context", inst: e.Ref, form: "name", plural: true, bare: true})
			return m.End, true
		}
		if in.People {
			return 0, false // "the students", "the High Court": no description to resolve
		}
		if d.capital(i) && m.End < end && d.capital(m.End) && !d.startsKnown(si, m.End) {
			return 0, false // "Government Accountability Office"
		}
		if (i > 0 && d.units[i-1].key == "the") || in.Same != "" {
			if _, title := pick(m, actors.TitleWord); title && d.capital(i) && m.End < end && d.capital(m.End) {
				return 0, false // "President Obama": a title
			}
			d.add(cand{start: i, end: m.End, typ: news.Organization, res: "coref", ante: -1, inst: e.Ref, form: "description"})
			return m.End, true
		}
	}
	return 0, false
}

// bareInsts are the institutions and people words that make a mention on
// their own, their country taken from the sentence: "Police fired tear
// gas", "students marched", "troops opened fire", "officials said".
// Diplomats, refugees, journalists and warships are as often foreign.
var bareInsts = map[string]bool{"military": true, "government-forces": true, "government": true,
	"security-forces": true, "police": true, "border-guards": true, "rebels": true, "insurgents": true,
	"militias": true, "opposition": true, "activists": true, "officials": true, "crowds": true,
	"education": true, "labour": true, "business": true, "medical": true, "elites": true,
	"agriculture": true, "religious": true, "criminals": true, "courts": true, "radicals": true,
	"parliament": true, "navy": true, "air-force": true, "judiciary": true, "security-services": true, "national-guard": true}

// bareWord reports whether the institution or people word in at units
// [i, j) stands alone as an actor: lower case (or opening the sentence),
// with no determiner, possessive or name around it.
func (d *doc) bareWord(si, i, j int, in actors.Inst) bool {
	if !bareInsts[in.Key] {
		return false
	}
	if d.units[i].shape != actors.ShapeLower && i != d.wordStart(d.sents[si][0], d.sents[si][1]) &&
		(j-i != 1 || d.caps[si] || in.People || (i > 0 && d.capital(i-1))) {
		return false // a capitalised word is part of a name, unless it is the body's name alone: "outside Parliament"
	}
	if j < d.sents[si][1] {
		// The word is the head of its phrase when a verb, a function word
		// or punctuation follows: "troops opened fire", "students who",
		// "police, who" — not "military equipment", "Police Department",
		// "the army of X".
		u := d.units[j]
		switch {
		case u.punct, u.key == "of":
			if u.key == "of" {
				return false
			}
		case u.shape != actors.ShapeLower:
			return false
		case u.is(d.w.function | d.w.speech):
		case strings.HasSuffix(u.key, "ed"):
		default:
			return false
		}
	}
	if p := i - 1; p >= d.sents[si][0] {
		if u := d.units[p]; u.key == "the" && !in.People || u.key == "its" || u.key == "their" || u.key == "his" || u.key == "her" || u.poss || !u.punct && u.shape != actors.ShapeLower {
			return false // "Red Cross officials", "Hamas militants": the organisation's
		}
		if u := d.units[p]; u.shape == actors.ShapeLower && u.is(d.w.org) {
			return false // "a coalition spokesman", "party officials": the body's people, not the country's
		}
	}
	return true
}

// localPeopleAt reads the people word at unit j right after the name of a
// city of the country co as people of that country: "Baghdad residents",
// "Gaza shopkeepers", "Nairobi students" (the people of a city are mostly
// its country's; its reporters, diplomats or troops often are not). The
// city stays a mention of its own.
func (d *doc) localPeopleAt(si, j, end int, co actors.Country) (int, bool) {
	m, ie, ok := d.localPeople(si, j, end)
	if !ok {
		return 0, false
	}
	a, ref := d.instActor(co, ie.Ref)
	d.add(cand{start: j, end: m.End, typ: news.Organization, actor: a, res: "context", inst: ref, form: "name", plural: true})
	return m.End, true
}

// localPeople finds at unit j a people word that a city's name before
// ties to the city's country.
func (d *doc) localPeople(si, j, end int) (actors.Match, actors.Entry, bool) {
	if j >= end || d.units[j].shape != actors.ShapeLower {
		return actors.Match{}, actors.Entry{}, false
	}
	m, ok := d.longest(j, d.caps[si])
	if !ok {
		return m, actors.Entry{}, false
	}
	ie, ok := pick(m, actors.Institution)
	if !ok {
		return m, ie, false
	}
	in := d.kb.Insts[ie.Ref]
	return m, ie, (in.People || in.Key == "civilians") && localPeople[in.Sector]
}

func (d *doc) localPeopleWord(si, j, end int) bool {
	_, _, ok := d.localPeople(si, j, end)
	return ok
}

// localPeople are the sectors of people words that a city's name after
// "in" ties to the city's country.
var localPeople = map[string]bool{"civilians": true, "education": true, "labour": true, "medical": true,
	"elites": true, "business": true, "agriculture": true, "religious": true, "judiciary": true, "radicals": true}

// originPeople are the sectors of people words that "from" a country or
// city ties to it ("refugees from Liberia", "students from Kenya"); troops,
// officials or civilians "from" a place are as often leaving it.
var originPeople = map[string]bool{"refugees": true, "education": true, "labour": true, "business": true,
	"elites": true, "religious": true, "agriculture": true, "radicals": true, "medical": true}

// instPlace reads the country of an institution or people word from what
// follows it at unit x: "Rebels in the Ivory Coast", "the government of
// Chad", "students throughout Indonesia", "rebels in northern Mali",
// "Demonstrators in Nairobi" (the crowd, students, workers or doctors in a
// city are people of its country; reporters, diplomats, refugees or troops
// there often are not), "the government of Sindh province" (a city's or
// province's government), "refugees from Liberia", "refugees fleeing the
// war in Liberia".
func (d *doc) instPlace(si, x, end int, in actors.Inst) (actors.Country, bool) {
	if x+1 >= end {
		return actors.Country{}, false
	}
	prep := d.units[x].key
	switch prep {
	case "in", "of", "throughout", "across":
		co, city, ok := d.countryAfter(si, x+1, end)
		if !ok {
			return co, false
		}
		if !city {
			return co, true
		}
		if prep == "of" {
			// "the government of Sindh province", "residents of Gaza".
			return co, in.Key == "government" || in.Key == "civilians" || in.Key == "crowds"
		}
		return co, localPeople[in.Sector]
	case "from":
		if !in.People || !originPeople[in.Sector] && in.Key != "peacekeepers" {
			return actors.Country{}, false
		}
		co, _, ok := d.countryAfter(si, x+1, end)
		return co, ok
	case "fleeing", "escaping":
		if in.Sector != "refugees" {
			return actors.Country{}, false
		}
		// The country of what they flee, within a short phrase.
		for y := x + 1; y < end && y <= x+7; y++ {
			if d.units[y].punct {
				break
			}
			if co, _, ok := d.countryAfter(si, y, end); ok {
				return co, true
			}
		}
	}
	return actors.Country{}, false
}

// directions are the adjectives of a part of a country: "in southern
// Serbia", "in north-eastern Syria".
var directions = map[string]bool{"northern": true, "southern": true, "eastern": true, "western": true,
	"central": true, "north": true, "south": true, "east": true, "west": true, "northeastern": true,
	"northwestern": true, "southeastern": true, "southwestern": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "rural": true, "neighbouring": true, "neighboring": true, "war-torn": true}

// countryAfter reads a country, or a city or province of one country, at
// unit y, after "the" and a direction ("the Ivory Coast", "southern
// Serbia", "northern Kenya's Turkana"). city says it is a city or
// province.
func (d *doc) countryAfter(si, y, end int) (co actors.Country, city, ok bool) {
	if y < end && d.units[y].key == "the" {
		y++
	}
	for n := 0; n < 2 && y < end && d.units[y].shape == actors.ShapeLower && directions[d.units[y].key]; n++ {
		y++ // "south-eastern": two units
	}
	if y >= end {
		return co, false, false
	}
	m, ok := d.longest(y, d.caps[si])
	if !ok {
		// A town or province the knowledge base does not know: "the
		// government of Sindh province", "students in Sivas".
		k := y
		for k < end && k-y < 4 && d.nameUnit(si, k) && !d.units[k].is(d.w.place|d.w.org) {
			k++
		}
		if k > y && k-y <= 3 && !d.caps[si] && !d.units[k-1].joined {
			if c, ok := d.kb.Country(d.gazCountry(d.text(y, k), nil)); ok {
				return c, true, true
			}
		}
		return co, false, false
	}
	if d.units[m.End-1].joined {
		return co, false, false
	}
	if ce, ok := pick(m, actors.CountryName); ok {
		return d.kb.Countries[ce.Ref], false, true
	}
	if _, ok := pick(m, actors.Named, actors.Demonym, actors.Nationals); ok {
		return co, false, false
	}
	if co, ok := d.placeCountry(m); ok {
		return co, true, true
	}
	return co, false, false
}

// placeCountry gives the country of the capital, city or province named
// by m, when every place of that name lies in one country.
func (d *doc) placeCountry(m actors.Match) (actors.Country, bool) {
	if ce, ok := pick(m, actors.Capital); ok {
		return d.kb.Countries[ce.Ref], true
	}
	iso := ""
	for _, e := range m.Entries {
		if e.Kind != actors.PlaceName {
			continue
		}
		p := d.kb.Places[e.Ref]
		if (p.Kind != "city" && p.Kind != "province") || p.ISO3 == "" || (iso != "" && p.ISO3 != iso) {
			return actors.Country{}, false
		}
		iso = p.ISO3
	}
	if iso == "" {
		return actors.Country{}, false
	}
	return d.kb.Country(iso)
}

// headedRun reports whether the run of name units from j ends in an
// organisation or place head word: "(Singapore) Airlines", "(Washington) Post".
func (d *doc) headedRun(si, j, end int) bool {
	k := d.run(si, j, end)
	return k > j && d.headed(j, k) != ""
}

// place reads a city, province or region at unit i.
func (d *doc) place(si, i, end int, m actors.Match, e actors.Entry) (int, bool) {
	p := d.kb.Places[e.Ref]
	j := m.End
	last := d.units[j-1]
	single := m.End-i == 1
	if single && (d.caps[si] || i == d.wordStart(d.sents[si][0], end)) && !d.capsIn[d.units[i].key] {
		return 0, false // a headline word or a sentence opener the body never capitalises
	}
	if !last.poss && !last.joined && j < end && d.capital(j) && !d.startsKnown(si, j) && d.headedRun(si, j, end) {
		return d.name(si, i, end), true // "Seattle Times", "Sydney Airport"
	}
	if _, ok := d.person[d.units[i].key]; ok && single {
		return 0, false // "Angers" after "Sandy Angers"
	}
	if single && j < end && d.units[j].is(d.w.speech) && p.Kind == "city" {
		return 0, false // "Jackson said": a person more likely than a city
	}
	country := p.ISO3
	for _, e2 := range m.Entries {
		if e2.Kind == actors.PlaceName && d.kb.Places[e2.Ref].ISO3 != country {
			country = "" // a name several countries have
		}
	}
	a := news.Actor{ID: "place/" + slug(p.Name), Name: p.Name, Kind: "place", Country: country}
	if country != "" {
		a.ID = "place/" + country + "/" + slug(p.Name)
	}
	d.add(cand{start: i, end: j, typ: news.Location, actor: a, res: "kb", inst: -1, form: "name"})
	d.remember(len(d.cands) - 1)
	if co, ok := d.kb.Country(country); ok && !last.poss {
		if k, ok := d.localPeopleAt(si, j, end, co); ok {
			return k, true
		}
	}
	return j, true
}

func typeOfKind(kind string) news.EntityType {
	switch kind {
	case "group":
		return news.Group
	case "person":
		return news.Person
	case "state":
		return news.State
	case "place":
		return news.Location
	}
	return news.Organization
}

func (d *doc) countryActor(c actors.Country) news.Actor {
	return news.Actor{ID: c.ISO3, Name: c.Name, Kind: "state", Country: c.ISO3, Sector: "government", Code: c.ISO3}
}

func (d *doc) instActor(c actors.Country, inRef int) (news.Actor, int) {
	in := d.kb.Insts[inRef]
	if in.Same != "" {
		if j, ok := d.kb.Inst(in.Same); ok {
			inRef, in = j, d.kb.Insts[j]
		}
	}
	adj := c.Demonym
	if adj == "" {
		adj = c.Name
	}
	return news.Actor{ID: c.ISO3 + "/" + in.Key, Name: adj + " " + in.Name, Kind: "institution",
		Country: c.ISO3, Sector: in.Sector, Code: c.ISO3 + in.Code}, inRef
}

// state reads a country, capital or demonym at unit i: an institution
// of that country ("Syrian army", "Syria's army"), a coalition it leads
// ("US-led coalition"), a group it backs ("Iran-backed militias"), the
// state as an actor ("Russia slammed"), or a place ("in Syria").
func (d *doc) state(si, i, end int, m actors.Match, e actors.Entry) (int, bool) {
	c := d.kb.Countries[e.Ref]
	last := d.units[m.End-1]
	j := m.End
	// X-led coalition, X-backed militias.
	if last.joined && j < end {
		if d.units[j].is(d.w.led) || d.units[j].is(d.w.backed) {
			if k, ok := d.aligned(i, i, end); ok {
				return k, true
			}
		}
	}
	// An institution of the state: "Syrian army", "Syria's army",
	// "[Syrian] government troops", "Russian Russian Aerospace Forces".
	k := j
	for k < end && (d.units[k].key == "]" || d.units[k].key == ")") {
		k++
	}
	_, adj := pick(m, actors.Demonym)
	people := adj || last.poss
	if k < end && (adj || last.poss || k == j) {
		if ref, hend, ok := d.headInst(si, k, end, people, people && k == j); ok {
			a, ref := d.instActor(c, ref)
			start := i
			if k > j {
				start = k // "[Syrian] government troops": the words outside the brackets
			}
			d.add(cand{start: start, end: hend, typ: news.Organization, actor: a, res: "kb", inst: ref, form: "name"})
			return d.after(si, len(d.cands)-1, end), true
		}
	}
	// "Bosnian Serbs", "Iraqi Kurds": the people of a group in the
	// country of the demonym before.
	if adj && j < end && d.capital(j) {
		if m2, ok := d.longest(j, d.caps[si]); ok {
			if e2, ok := pick(m2, actors.EthnicPeople); ok {
				return d.addEthnic(si, i, m2.End, end, e2.Ref, d.civInst(), c.ISO3), true
			}
			if _, ok := pick(m2, actors.Nationals); ok && !d.units[m2.End-1].joined {
				a, ref := d.instActor(c, d.civInst())
				a.Name = d.text(i, m2.End)
				d.add(cand{start: i, end: m2.End, typ: news.Group, actor: a, res: "kb", inst: ref, form: "name", plural: true})
				return m2.End, true
			}
		}
	}
	// "Hungarian and Romanian officials": a demonym coordinated with
	// another that has the head noun shares it; before another common
	// noun each is its state ("the Turkish and Greek sides").
	if adj && j+1 < end && (d.units[j].key == "and" || d.units[j].key == "or" || d.units[j].key == ",") {
		if m2, ok := d.longest(j+1, d.caps[si]); ok {
			if _, adj2 := pick(m2, actors.Demonym); adj2 && m2.End < end {
				if ref, _, ok := d.headInst(si, m2.End, end, true, true); ok {
					a, ref := d.instActor(c, ref)
					d.add(cand{start: i, end: j, typ: news.Organization, actor: a, res: "kb", inst: ref, form: "name"})
					return j, true
				}
				if n := d.units[m2.End]; n.shape == actors.ShapeLower && !n.punct && !n.is(d.w.function|d.w.connector) {
					d.add(cand{start: i, end: j, typ: news.State, actor: d.countryActor(c), res: "kb", inst: -1, form: "name"})
					return j, true
				}
			}
		}
	}
	// "Kenya Revenue Authority", "Iraqi Communist Party": a state body or
	// party of the country under its own name.
	if !last.poss && !last.joined && j < end && d.capital(j) && !d.startsKnown(si, j) {
		if k := d.run(si, j, end); k > j && !d.units[k-1].poss {
			if a, ok := d.bodyActor(c, d.units[k-1], d.text(i, k)); ok {
				for x := j; x < k; x++ {
					if m2, ok := d.longest(x, d.caps[si]); ok && m2.End == k {
						if _, ok := pick(m2, actors.Institution); ok {
							a.ID = "" // a KB institution: read below
						}
					}
				}
				if a.ID != "" {
					d.add(cand{start: i, end: k, typ: news.Organization, actor: a, res: "context", inst: -1, form: "name"})
					d.remember(len(d.cands) - 1)
					return d.after(si, len(d.cands)-1, end), true
				}
			}
		}
	}
	// A capitalised name after a country word is one longer name:
	// "Singapore Airlines", "Washington Post", "American Airlines".
	if !last.poss && !last.joined && j < end && d.capital(j) && !d.startsKnown(si, j) && d.headedRun(si, j, end) {
		// "Somali National Army", "Nigerian Air Force": an institution of
		// the state under its own name.
		k := d.run(si, j, end)
		for x := j; x < k; x++ {
			if m2, ok := d.longest(x, d.caps[si]); ok && m2.End == k {
				if ie, ok := pick(m2, actors.Institution); ok {
					a, ref := d.instActor(c, ie.Ref)
					d.add(cand{start: i, end: k, typ: news.Organization, actor: a, res: "kb", inst: ref, form: "name"})
					return d.after(si, len(d.cands)-1, end), true
				}
			}
		}
		return d.name(si, i, end), true
	}
	// The state's allies: "Damascus' allies".
	if last.poss && j < end && d.units[j].is(d.w.alignhead) {
		gov, _ := d.instActor(c, d.govInst())
		d.add(cand{start: i, end: j + 1, typ: news.Group, actor: alignedActor(gov, "allies"), aligned: gov, res: "context", inst: -1, form: "name", plural: true})
		return j + 1, true
	}
	if e.Kind == actors.Nationals {
		// "Palestinians", "Iraqis": the people of a country; "the
		// Albanians of southern Serbia": a people where they live.
		if j+1 < end && d.units[j].key == "of" {
			if co, _, ok := d.countryAfter(si, j+1, end); ok {
				c = co
			}
		}
		placed := c.ISO3 != d.kb.Countries[e.Ref].ISO3
		a, ref := d.instActor(c, d.civInst())
		a.Name = d.text(i, m.End)
		minority := !placed && i > 0 && d.units[i-1].key == "ethnic" && d.units[i-1].sent == si
		d.add(cand{start: i, end: m.End, typ: news.Group, actor: a, res: "kb", inst: ref, form: "name", plural: true, minority: minority})
		return m.End, true
	}
	if e.Kind == actors.Demonym {
		// A demonym before a common noun that names no institution is
		// the state as the one who acts or owns: "an Indian proposal",
		// "Israeli air raids". Before anything else it names no actor.
		if j < end && d.units[j].shape == actors.ShapeLower && !d.units[j].punct && !d.units[j].is(d.w.function|d.w.connector) {
			d.add(cand{start: i, end: j, typ: news.State, actor: d.countryActor(c), res: "kb", inst: -1, form: "name"})
		}
		return m.End, true
	}
	var prev, next actors.WordClasses
	if p := d.prevWord(i); p >= 0 {
		prev = d.units[p].cls
	}
	if j < end {
		next = d.units[j].cls
	}
	// A capital that opens a sentence before a verb ("Beirut rejected",
	// "Jakarta forced") or is the agent of a passive ("by Moscow") is
	// its government.
	subject := i == d.wordStart(d.sents[si][0], end) && j < end && !d.units[j].punct && d.units[j].shape == actors.ShapeLower &&
		!d.units[j].is(d.w.connector) && d.units[j].key != "and" && d.units[j].key != "or" || (i > 0 && d.units[i-1].key == "by")
	asActor := last.poss || next.Has(d.w.speech) || subject
	asPlace := prev.Has(d.w.placeprep) && !last.poss
	// "Baghdad residents", "Kabul shopkeepers": a capital before its
	// people is a place.
	cityPeople := e.Kind == actors.Capital && !last.poss && d.localPeopleWord(si, j, end)
	if cityPeople {
		asActor = false
	}
	cd := cand{start: i, end: m.End, res: "kb", inst: -1, form: "name"}
	switch {
	case e.Kind == actors.CountryName && !asPlace:
		cd.typ, cd.actor = news.State, d.countryActor(c)
	case e.Kind == actors.Capital && asActor:
		cd.typ = news.State
		cd.actor, cd.inst = d.instActor(c, d.govInst())
	default:
		cd.typ = news.Location
		cd.actor = news.Actor{ID: c.ISO3, Name: d.text(i, m.End), Kind: "place", Country: c.ISO3}
		if e.Kind == actors.CountryName {
			cd.actor.Name = c.Name
		}
	}
	d.add(cd)
	if cityPeople {
		if k, ok := d.localPeopleAt(si, j, end, c); ok {
			return k, true
		}
	}
	return d.after(si, len(d.cands)-1, end), true
}

// ethnic reads an ethnic or religious group at unit i: its people ("the
// Kurds", "Shiites"), or a group of them by what they do ("Tamil
// refugees", "Kurdish rebels", "Yoruba traditional leaders", "Shiite
// militias"). Their country is the one the text places them in ("Albanians
// of southern Serbia", "Kurds in Iraq"); else link chooses it from the
// countries the group lives in and those the article names. ok is false
// when the words name no actor ("a Karen", "Shia Islam").
func (d *doc) ethnic(si, i, end int, m actors.Match) (int, bool) {
	ref, hend := -1, m.End
	g := -1
	if e, ok := pick(m, actors.EthnicName); ok {
		if r, he, ok := d.headInst(si, m.End, end, true, true); ok {
			ref, hend, g = r, he, e.Ref
		}
	}
	if ref < 0 {
		e, ok := pick(m, actors.EthnicPeople)
		if !ok || (m.End-i == 1 && d.caps[d.units[i].sent] && !d.capsIn[d.units[i].key]) {
			return 0, false
		}
		ref, g = d.civInst(), e.Ref
		if k := d.kb.Ethnic[g].People; k != "" {
			ref, _ = d.kb.Inst(k) // "Islamists": radicals
		}
	}
	return d.addEthnic(si, i, hend, end, g, ref, ""), true
}

// addEthnic adds the mention [i, hend) of people of the ethnic group g
// with the institution or people word ref, of the country iso when the
// text gives it before ("Turkish Kurd refugees"), else of the one it gives
// after ("of southern Serbia"), else of the group's first country (link
// may choose another). It returns the unit to go on from.
func (d *doc) addEthnic(si, i, hend, end, g, ref int, iso string) int {
	grp := d.kb.Ethnic[g]
	placed := iso != ""
	in := d.kb.Insts[ref]
	if !placed && hend < end {
		switch d.units[hend].key {
		case "of", "in", "from", "throughout", "across":
			if co, _, ok := d.countryAfter(si, hend+1, end); ok {
				iso, placed = co.ISO3, true
			}
		}
	}
	if !placed && len(grp.Countries) > 0 {
		iso = grp.Countries[0]
	}
	c := cand{start: i, end: hend, typ: news.Group, res: "kb", inst: ref, form: "name", plural: true, ethnic: g + 1, placed: placed}
	c.actor = d.ethnicActor(iso, ref, d.text(i, hend))
	if in.Key != "civilians" {
		c.typ = news.Organization
	}
	d.add(c)
	return hend
}

// ethnicActor is the actor of people of an ethnic or religious group in
// the country iso ("" when unknown) with the institution or people word
// ref: "LKA/refugees/tamil-refugees", sector refugees, code LKAREF.
func (d *doc) ethnicActor(iso string, ref int, name string) news.Actor {
	in := d.kb.Insts[ref]
	if in.Same != "" {
		if j, ok := d.kb.Inst(in.Same); ok {
			in = d.kb.Insts[j]
		}
	}
	if in.Key == "leader" {
		// The leaders of a people are its elites, not a government
		// ("Yoruba leaders", "Shiite leaders").
		if j, ok := d.kb.Inst("elites"); ok {
			in = d.kb.Insts[j]
		}
	}
	a := news.Actor{ID: "ethnic/" + slug(name), Name: name, Kind: "group", Sector: in.Sector}
	if co, ok := d.kb.Country(iso); ok {
		a.ID = co.ISO3 + "/" + in.Key + "/" + slug(name)
		a.Country, a.Code = co.ISO3, co.ISO3+in.Code
	}
	return a
}

// bodyActor is the state body or party of the country c whose name ends
// in the head word u (words.tsv, body-*); ok is false for another word.
func (d *doc) bodyActor(c actors.Country, u unit, name string) (news.Actor, bool) {
	var sector, code string
	switch {
	case u.is(d.w.bodyGov):
		sector, code = "government", "GOV"
	case u.is(d.w.bodyLeg):
		sector, code = "legislature", "LEG"
	case u.is(d.w.bodyJud):
		sector, code = "judiciary", "JUD"
	case u.is(d.w.bodyParty):
		sector, code = "party", "PTY"
	default:
		return news.Actor{}, false
	}
	return news.Actor{ID: c.ISO3 + "/" + slug(name), Name: name, Kind: "institution", Country: c.ISO3, Sector: sector, Code: c.ISO3 + code}, true
}

// headInst finds the institution that a country word before unit k
// modifies: at k ("Syrian army"), or, when mods, after at most two
// lower-case modifiers ("French paper workers", "Nigerian junior foreign
// minister", "Brazil's Deputy Trade Minister": title modifiers count in
// capitals too). People words ("officials", "students") count only when
// people (after a demonym or a possessive). A capitalised phrase followed
// by "of" and a name is a longer title, not the institution ("Canada's
// Minister of Industry"). It returns the institution and the unit after it.
func (d *doc) headInst(si, k, end int, people, mods bool) (ref, hend int, ok bool) {
	for x := k; x < end && x <= k+2; x++ {
		if m2, ok := d.longest(x, d.caps[si]); ok {
			if ie, ok := pick(m2, actors.Institution); ok {
				in := d.kb.Insts[ie.Ref]
				if in.People && !people {
					return 0, 0, false
				}
				if d.capital(x) && m2.End+1 < end && d.units[m2.End].key == "of" && d.capital(m2.End+1) {
					return 0, 0, false
				}
				// A people word right after is the head: "fundamentalist
				// demonstrators", "peasant farmers" (but "student leaders"
				// and "militia officials" keep the group that leads).
				if m2.End < end && d.units[m2.End].shape == actors.ShapeLower {
					if m3, ok := d.longest(m2.End, d.caps[si]); ok {
						if ie3, ok := pick(m3, actors.Institution); ok {
							if in3 := d.kb.Insts[ie3.Ref]; in3.People && in3.Key != "leader" && in3.Key != "officials" && in3.Key != "elites" {
								return ie3.Ref, m3.End, true
							}
						}
					}
				}
				return ie.Ref, m2.End, true
			}
		}
		u := d.units[x]
		if mods && !u.punct && u.is(d.w.titlemod) {
			continue // "Taiwan's Vice Foreign Minister", "junior trade minister"
		}
		if mods && x > k-1 && d.capital(x) {
			// "Turkish Kurd refugees", "Iraqi Shiite clerics": an ethnic or
			// religious name between the country word and the head.
			if m2, ok := d.longest(x, d.caps[si]); ok && m2.End < end {
				if _, eth := pick(m2, actors.EthnicName); eth {
					x = m2.End - 1
					continue
				}
			}
		}
		if !mods || u.punct || u.shape != actors.ShapeLower || u.is(d.w.function|d.w.connector) {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

func (d *doc) civInst() int {
	i, _ := d.kb.Inst("civilians")
	return i
}

func (d *doc) govInst() int {
	i, _ := d.kb.Inst("government")
	return i
}

// startsKnown reports whether a knowledge-base name or title starts at unit j.
func (d *doc) startsKnown(si, j int) bool {
	m, ok := d.longest(j, d.caps[si])
	if !ok {
		return false
	}
	_, named := pick(m, actors.Named, actors.CountryName, actors.Capital, actors.Demonym, actors.TitleWord)
	return named
}

func (d *doc) prevWord(i int) int {
	for k := i - 1; k >= 0 && d.units[k].sent == d.units[i].sent; k-- {
		if d.units[k].key == "the" || directions[d.units[k].key] && d.units[k].shape == actors.ShapeLower {
			continue // "in the north", "in southern Lebanon"
		}
		return k
	}
	return -1
}

func alignedActor(with news.Actor, what string) news.Actor {
	name := "forces aligned with the " + with.Name
	if with.Kind == "person" {
		name = "forces aligned with " + with.Name
	}
	return news.Actor{ID: "aligned/" + with.ID, Name: name, Kind: "group",
		Country: with.Country, Sector: "aligned", Code: with.Code}
}

// aligned reads a group aligned with, led or backed by the actor named
// at unit at: "pro-Damascus forces", "pro-Syrian government forces",
// "US-led coalition", "Iran-backed militias". i is where the mention
// starts ("pro" or the leader's name).
func (d *doc) aligned(i, at, end int) (int, bool) {
	m, ok := d.longest(at, d.caps[d.units[at].sent])
	var with news.Actor
	j := at
	if ok {
		e, okE := pick(m, actors.Named, actors.CountryName, actors.Capital, actors.Demonym)
		if !okE {
			return 0, false
		}
		j = m.End
		if e.Kind == actors.Named {
			with = d.kb.Actors[e.Ref]
		} else {
			c := d.kb.Countries[e.Ref]
			with, _ = d.instActor(c, d.govInst())
			// pro-Syrian government forces: the institution named after
			// the demonym is what the group is aligned with.
			if j < end && at > i {
				if m2, ok := d.longest(j, false); ok {
					if ie, ok := pick(m2, actors.Institution); ok {
						in := d.kb.Insts[ie.Ref]
						if in.Key == "government" {
							j = m2.End
						} else if in.Sector != "government" && in.Sector != "civilians" {
							// pro-Syrian government forces
							d.add(cand{start: i, end: m2.End, typ: news.Group, actor: alignedActor(with, ""), aligned: with, res: "context", inst: -1, form: "name", plural: true})
							return m2.End, true
						}
					}
				}
			}
		}
	} else if d.capital(at) && d.units[at].joined == false {
		// pro-Assad: a person the article names, a head of state or
		// government known by surname (aligned with that government), or a
		// person or party the KB does not know.
		name := d.text(at, at+1)
		with = news.Actor{ID: "person/" + slug(name), Name: name, Kind: "person"}
		if c, ok := d.personNamed(d.units[at].key); ok {
			with = d.cands[c].actor
		} else if iso, ok := d.kb.SurnameCountry(d.units[at].key); ok {
			if c, ok := d.kb.Country(iso); ok {
				with, _ = d.instActor(c, d.govInst())
			}
		}
		j = at + 1
	} else {
		return 0, false
	}
	led := false
	if at == i { // X-led / X-backed
		if j >= end || !d.units[j-1].joined {
			return 0, false
		}
		led = d.units[j].is(d.w.led)
		j++
	}
	// The head noun, after at most two modifiers: "US-led international coalition".
	for k := j; k < end && k < j+3; k++ {
		u := d.units[k]
		if u.punct {
			break
		}
		if led && u.is(d.w.coalitionhead) {
			a := news.Actor{ID: "coalition/" + with.Country, Name: with.Name + "-led coalition", Kind: "coalition",
				Country: with.Country, Sector: "military", Code: "IGOMIL"}
			if c, ok := d.kb.Country(with.Country); ok {
				a.Name = c.Name + "-led coalition"
			}
			d.add(cand{start: i, end: k + 1, typ: news.Group, actor: a, aligned: with, res: "context", inst: -1, form: "name", plural: true})
			return k + 1, true
		}
		if !led && u.is(d.w.grouphead) {
			d.add(cand{start: i, end: k + 1, typ: news.Group, actor: alignedActor(with, u.key), aligned: with, res: "context", inst: -1, form: "name", plural: true})
			return k + 1, true
		}
		if u.shape != actors.ShapeLower {
			break
		}
	}
	return 0, false
}

// after looks past the mention c for a nested name it possesses: "the
// Russian General Staff's Main Operational Directorate".
func (d *doc) after(si, c, end int) int {
	cd := d.cands[c]
	j := cd.end
	if !d.units[j-1].poss || j >= end || !d.capital(j) || d.startsKnown(si, j) || cd.typ == news.Location || cd.typ == news.Person {
		return j
	}
	k := d.run(si, j, end)
	if k == j {
		return j
	}
	if k-j < 2 && !d.units[k-1].is(d.w.org) {
		return j
	}
	if d.looksPerson(j, k) {
		return j
	}
	p := cd.actor
	a := news.Actor{ID: p.ID + "/" + slug(d.text(j, k)), Name: p.Name + " " + d.text(j, k), Kind: "organization",
		Country: p.Country, Sector: p.Sector, Code: p.Code}
	d.add(cand{start: j, end: k, typ: news.Organization, actor: a, parent: p, res: "context", inst: -1, form: "name"})
	return k
}

func (d *doc) looksPerson(j, k int) bool {
	return k-j >= 2 && d.units[j].is(d.w.first) && d.plausiblePerson(j, k)
}

// plausiblePerson reports whether the name [j, k) could be a person's: it
// starts with a title-case word, and no word of it is a head word of
// organisations or places, a connector, a word the article writes in lower
// case, or a country, city or organisation name ("Air Canada", "Bank of
// America", "Washington Mutual").
func (d *doc) plausiblePerson(j, k int) bool {
	if d.units[j].shape != actors.ShapeTitle || d.headed(j, k) != "" {
		return false
	}
	for x := j; x < k; x++ {
		if d.units[x].is(d.w.connector|d.w.org|d.w.place) || d.lower[d.units[x].key] {
			return false
		}
		if m, ok := d.longest(x, false); ok {
			if _, place := pick(m, actors.CountryName, actors.Capital, actors.PlaceName, actors.Named, actors.Demonym); place && !d.townWord(j, k, x, m) {
				return false
			}
		}
	}
	return true && !d.units[k-1].is(d.w.org) && !d.units[k-1].is(d.w.place)
}

// townWord reports whether the match m at unit x of the name [j, k) is a
// single word that names only a town (or a known person, as the surname),
// and the name is two or three words that start with a first name: then
// the word is the first name or the surname ("Mary Walsh", "Ian
// Hamilton", "Hunter Biden"), not the town. A province, a
// country or an organisation still makes the run no person's ("Austin
// Texas").
func (d *doc) townWord(j, k, x int, m actors.Match) bool {
	if k-j < 2 || k-j > 3 || m.End != x+1 || !d.units[j].is(d.w.first) {
		return false
	}
	for _, e := range m.Entries {
		switch {
		case e.Kind == actors.Named && x == k-1 && x > j && d.kb.Actors[e.Ref].Kind == "person":
			// a known person's surname after another first name: a
			// relative ("Hunter Biden")
		case e.Kind == actors.Capital:
		case e.Kind == actors.PlaceName && d.kb.Places[e.Ref].Kind == "city":
		case e.Kind == actors.PlaceName && x == j && d.kb.Places[e.Ref].Kind == "province":
		default:
			return false
		}
	}
	return true
}

func (d *doc) personNamed(key string) (int, bool) {
	c, ok := d.person[key]
	return c, ok
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r == ' ' || r == '-' || r == '.' || r == '\'' || r == '’' || r == ',' {
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
			continue
		}
		b.WriteRune(r)
		dash = false
	}
	return strings.TrimSuffix(b.String(), "-")
}

// surnamePlace reads a one-word city or capital name at unit i that is the
// surname of a person the article named before ("Ian Hamilton" …
// "Hamilton said") as that person, not the place or its government.
func (d *doc) surnamePlace(i int, m actors.Match) (int, bool) {
	u := d.units[i]
	if m.End != i+1 || u.shape != actors.ShapeTitle {
		return 0, false
	}
	p, ok := d.person[u.key]
	if !ok {
		return 0, false
	}
	if _, place := pick(m, actors.Capital, actors.PlaceName); !place {
		return 0, false
	}
	if _, other := pick(m, actors.CountryName, actors.Named, actors.Demonym); other {
		return 0, false
	}
	d.add(cand{start: i, end: i + 1, typ: news.Person, actor: d.cands[p].actor, res: "coref", ante: p, inst: -1, form: "name", before: i})
	return i + 1, true
}
