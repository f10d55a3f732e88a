// Package actors loads sitrep's actor knowledge base: countries and
// territories, their capitals and seats of power, state institutions built
// from a country and an institution, international organisations, non-state
// armed groups, and the ranks, titles and roles that stand around a
// person's name. The data are tab-separated files under data/, embedded in
// the binary; data/README.md states the source and licence of each.
//
// A loaded KB is immutable and safe for concurrent use. Names are matched by
// a trie over folded units (see Fold and Units), so finding every name in a
// sentence costs time linear in its length whatever the size of the KB.
package actors

import (
	"bufio"
	"embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"sitrep/news"
)

//go:embed data/*.tsv data/*.txt
var files embed.FS

// Kind says what a name in the knowledge base stands for.
type Kind uint8

// Kinds of names.
const (
	CountryName  Kind = iota + 1 // "Syria", "Syrian Arab Republic", "US"
	Demonym                      // "Syrian", "American": a country as a modifier
	Capital                      // "Damascus": a place, or a government by metonymy
	Institution                  // "army", "Defence Ministry": needs a country
	Named                        // an organisation, group or seat of power with its own actor
	TitleWord                    // "Col. Gen.", "Foreign Minister", "spokesman"
	PlaceName                    // "Sydney", "California", "the Middle East": a place that is not a country
	Nationals                    // "Palestinians", "Iraqis": a demonym's plural, the people of a country
	EthnicName                   // "Kurdish", "Tamil", "Shiite": an ethnic or religious group as a modifier
	EthnicPeople                 // "Kurds", "Tamils", "Shiites": the people of an ethnic or religious group
)

// An Ethnic is an ethnic, national-minority or religious group
// (data/ethnic.tsv).
type Ethnic struct {
	Name string // first form: "Kurdish"
	// Countries are the ISO alpha-3 codes of the countries the group
	// mostly lives in, most populous first; none for a religion spread
	// over many.
	Countries []string
	Kind      string // ethnic, religious or political
	// People is the key of the institution the plural names ("Maoists":
	// rebels, "Islamists": radicals); "" for the group's civilians.
	People string
}

// A Country is one country or territory.
type Country struct {
	ISO3, ISO2 string
	Name       string // common English name: "Syria"
	Official   string // "Syrian Arab Republic"
	Demonym    string // first English demonym: "Syrian"; "" when none
	Capital    string // first capital: "Damascus"
}

// A Place is a city, province or region that is not a country.
type Place struct {
	Name string
	ISO3 string // "" for a region across countries
	Kind string // city, province, continent, region, sea, river, planet
}

// An Inst is a kind of state institution ("army", "foreign ministry").
type Inst struct {
	Key    string // "defence-ministry"
	Name   string // "Defence Ministry"
	Sector string // "military"
	Code   string // CAMEO sector code: "MIL"
	// Same is the key of the institution this one names with other words
	// ("government forces" are the country's military); "" when none.
	Same string
	// People says the phrases name people of a country by what they do
	// ("officials", "students", "workers"): they make an actor after a
	// demonym or a possessive, not after a bare country name.
	People bool
}

// A Title is a rank, title, honorific or role.
type Title struct {
	Kind      string // rank, title, honorific, role
	Canonical string // "Colonel General"
	Sector    string
}

// An Entry is what one alias means: its Kind and an index into the table of
// that kind (Countries, Insts, Actors, Titles).
type Entry struct {
	Kind   Kind
	Ref    int
	shapes []Shape
}

// KB is the loaded knowledge base.
type KB struct {
	Countries []Country
	Insts     []Inst
	Actors    []news.Actor // named organisations, groups and seats of power
	Titles    []Title
	Places    []Place
	Ethnic    []Ethnic

	root        *node
	iso3        map[string]int
	words       map[string]map[string]bool
	classes     map[string][]string // word → its classes, sorted
	first       map[string]bool
	firstGender map[string]string // folded first name → "m", "f" or ""
	// masks holds, for each word of words.tsv and each first name, the
	// set of its classes as bits (see Mask and ClassBit); classBit gives
	// each class name its bit.
	masks    map[string]WordClasses
	lex      map[string]lexEntry // masks and the trie's first level in one map (NewUnit)
	classBit map[string]WordClasses
	// preferred holds the demonyms country_extra.tsv has put first.
	preferred map[string]bool
	nearby    map[string][]int // one-deletion neighbourhood → single-unit entries
	abbrev    map[string]bool  // aliases and words that end in an abbreviation dot
	single    []singleName
	maxUnit   int
	// surnames maps the folded last word of a person's name in the KB (a
	// head of state or government) to that person's country; "" when
	// people of different countries share it.
	surnames map[string]string
	// personNear maps the folded last name of each person of the
	// knowledge base, and its one-deletion neighbourhood, to the person's
	// index in Actors (see NearPerson).
	personNear map[string][]int
}

type singleName struct {
	key   string
	entry Entry
}

type node struct {
	next    map[string]*node
	entries []Entry
}

// A Match is a knowledge-base name found in a sequence of units: units
// [Start, End) and every entry whose alias they spell.
type Match struct {
	Start, End int
	Entries    []Entry
}

// Load reads the embedded knowledge base.
func Load() (*KB, error) {
	kb := &KB{root: &node{}, iso3: map[string]int{}, preferred: map[string]bool{}, words: map[string]map[string]bool{}, first: map[string]bool{}, firstGender: map[string]string{}, abbrev: map[string]bool{}, nearby: map[string][]int{}}
	steps := []struct {
		file string
		cols int
		fn   func([]string) error
	}{
		{"countries.tsv", 7, kb.addCountry},
		{"country_extra.tsv", 4, kb.addCountryExtra},
		{"institutions.tsv", 5, kb.addInst},
		{"seats.tsv", 5, kb.addSeat},
		{"orgs.tsv", 7, kb.addNamed},
		{"groups.tsv", 7, kb.addNamed},
		{"parties.tsv", 7, kb.addNamed},
		{"figures.tsv", 7, kb.addNamed},
		{"leaders.tsv", 7, kb.addNamed},
		{"ethnic.tsv", 4, kb.addEthnic},
		{"titles.tsv", 4, kb.addTitle},
		{"words.tsv", 2, kb.addWords},
		{"places.tsv", 3, kb.addPlace},
		{"regions.tsv", 2, kb.addRegion},
	}
	for _, s := range steps {
		if err := readTSV(s.file, s.cols, s.fn); err != nil {
			return nil, err
		}
	}
	b, err := files.ReadFile("data/firstnames.txt")
	if err != nil {
		return nil, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && l[0] != '#' {
			n, g, _ := strings.Cut(l, "\t")
			k, _ := Fold(n)
			if kb.first[k] && kb.firstGender[k] != g {
				kb.firstGender[k] = "" // two names of one folded form and two genders
			} else {
				kb.firstGender[k] = g
			}
			kb.first[k] = true
		}
	}
	kb.indexSingles()
	kb.classes = map[string][]string{}
	for c, set := range kb.words {
		for w := range set {
			kb.classes[w] = append(kb.classes[w], c)
		}
	}
	for _, cs := range kb.classes {
		sort.Strings(cs)
	}
	if err := kb.indexMasks(); err != nil {
		return nil, err
	}
	return kb, nil
}

// WordClasses is a set of word classes of data/words.tsv, one bit each,
// plus the class "firstname" of the first-name list. A stage resolves the
// bits of the classes it reads once (ClassBit) and then tests a word's set
// (Mask) with one map lookup per word instead of one per class.
type WordClasses uint64

// Has reports whether the set holds any class of c.
func (w WordClasses) Has(c WordClasses) bool { return w&c != 0 }

// FirstNameClass is the class name under which Mask reports first names.
const FirstNameClass = "firstname"

func (kb *KB) indexMasks() error {
	names := make([]string, 0, len(kb.words)+1)
	for c := range kb.words {
		names = append(names, c)
	}
	sort.Strings(names)
	names = append(names, FirstNameClass)
	if len(names) > 64 {
		return fmt.Errorf("actors: words.tsv: %d word classes, at most 63", len(names)-1)
	}
	kb.classBit = make(map[string]WordClasses, len(names))
	for i, c := range names {
		kb.classBit[c] = 1 << i
	}
	kb.masks = make(map[string]WordClasses, len(kb.classes)+len(kb.first))
	for c, set := range kb.words {
		for w := range set {
			kb.masks[w] |= kb.classBit[c]
		}
	}
	for w := range kb.first {
		kb.masks[w] |= kb.classBit[FirstNameClass]
	}
	kb.lex = make(map[string]lexEntry, len(kb.masks)+len(kb.root.next))
	for w, m := range kb.masks {
		kb.lex[w] = lexEntry{classes: m, start: kb.root.next[w]}
	}
	for w, n := range kb.root.next {
		e := kb.lex[w]
		e.start = n
		kb.lex[w] = e
	}
	return nil
}

// ClassBit returns the bit of a word class (0 for a class words.tsv does
// not have). Classes whose name starts with a prefix followed by "*"
// ("description-*") give the union of their bits.
func (kb *KB) ClassBit(class string) WordClasses {
	if p, ok := strings.CutSuffix(class, "*"); ok {
		var m WordClasses
		for c, b := range kb.classBit {
			if strings.HasPrefix(c, p) {
				m |= b
			}
		}
		return m
	}
	return kb.classBit[class]
}

// ClassNames returns the names of the classes in m, sorted.
func (kb *KB) ClassNames(m WordClasses) []string {
	var out []string
	for c, b := range kb.classBit {
		if m.Has(b) {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// Mask returns the classes of the lower-case word w (folded like a unit
// key), first names included; 0 when none.
func (kb *KB) Mask(w string) WordClasses { return kb.masks[w] }

func readTSV(name string, cols int, fn func([]string) error) error {
	b, err := files.ReadFile("data/" + name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) < cols {
			return fmt.Errorf("actors: %s:%d: %d columns, want %d", name, line, len(f), cols)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("actors: %s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func (kb *KB) addCountry(f []string) error {
	c := Country{ISO3: f[0], ISO2: f[1], Name: f[2], Official: f[3]}
	dem := split(f[5])
	if len(dem) > 0 {
		c.Demonym = dem[0]
	}
	caps := split(f[6])
	if len(caps) > 0 {
		c.Capital = caps[0]
	}
	i := len(kb.Countries)
	kb.Countries = append(kb.Countries, c)
	kb.iso3[c.ISO3] = i
	for _, n := range append([]string{c.Name, c.Official}, split(f[4])...) {
		kb.add(n, Entry{Kind: CountryName, Ref: i})
	}
	for _, d := range dem {
		kb.addDemonym(d, i)
	}
	for _, n := range caps {
		kb.add(n, Entry{Kind: Capital, Ref: i})
	}
	return nil
}

func (kb *KB) addCountryExtra(f []string) error {
	i, ok := kb.iso3[f[0]]
	if !ok {
		return fmt.Errorf("unknown country %q", f[0])
	}
	for _, n := range split(f[1]) {
		kb.add(n, Entry{Kind: CountryName, Ref: i})
	}
	for _, d := range split(f[2]) {
		if kb.Countries[i].Demonym == "" {
			kb.Countries[i].Demonym = d
		}
		// A demonym news writes for this country comes before the
		// same word of another ("American": the United States, not
		// American Samoa).
		kb.addDemonym(d, i)
		if !kb.preferred[d] { // the first row that gives a demonym wins ("Congolese": DR Congo)
			kb.preferred[d] = true
			kb.prefer(d, Demonym, i)
			kb.prefer(d+"s", Nationals, i)
		}
	}
	for _, n := range split(f[3]) {
		kb.add(n, Entry{Kind: Capital, Ref: i})
	}
	if len(f) > 4 {
		for _, n := range split(f[4]) { // "Britons", "Poles", "Frenchmen"
			kb.add(n, Entry{Kind: Nationals, Ref: i})
			kb.prefer(n, Nationals, i)
		}
	}
	return nil
}

// addDemonym adds a demonym and, for one that takes a plural in -s
// ("Palestinian" → "Palestinians", "Iraqi" → "Iraqis", "Filipino" →
// "Filipinos"), its plural as the people of the country.
func (kb *KB) addDemonym(d string, country int) {
	kb.add(d, Entry{Kind: Demonym, Ref: country})
	if strings.Contains(d, ".") || strings.ToUpper(d) == d {
		return
	}
	// "Serbs", "Croats", "Turks", "Czechs", "Kazakhs", "Sri Lankans",
	// "New Zealanders" too, but not "Frenchs" or "Burmeses".
	switch d[len(d)-1] {
	case 'n', 'i', 'o', 'b', 't', 'k', 'r':
		kb.add(d+"s", Entry{Kind: Nationals, Ref: country})
	case 'h':
		if strings.HasSuffix(d, "kh") || strings.HasSuffix(d, "ech") {
			kb.add(d+"s", Entry{Kind: Nationals, Ref: country})
		}
	}
}

// prefer moves the entry of kind and ref of the alias before the other
// entries of that kind, so that readers that take the first entry of a
// kind take it.
func (kb *KB) prefer(alias string, kind Kind, ref int) {
	n := kb.root
	for _, u := range Units(alias) {
		k, _ := Fold(u)
		if n = n.next[k]; n == nil {
			return
		}
	}
	first := -1
	for x, e := range n.entries {
		if e.Kind != kind {
			continue
		}
		if first < 0 {
			first = x
		}
		if e.Ref == ref {
			copy(n.entries[first+1:x+1], n.entries[first:x])
			n.entries[first] = e
			return
		}
	}
}

func (kb *KB) addInst(f []string) error {
	i := len(kb.Insts)
	in := Inst{Key: f[0], Name: f[1], Sector: f[3], Code: f[4]}
	if len(f) > 5 {
		in.Same = f[5]
	}
	if len(f) > 6 {
		switch f[6] {
		case "people":
			in.People = true
		case "":
		default:
			return fmt.Errorf("institution %q: unknown flag %q", in.Key, f[6])
		}
	}
	kb.Insts = append(kb.Insts, in)
	for _, p := range split(f[2]) {
		kb.add(p, Entry{Kind: Institution, Ref: i})
	}
	return nil
}

func (kb *KB) addSeat(f []string) error {
	c, ok := kb.iso3[f[1]]
	if !ok {
		return fmt.Errorf("unknown country %q", f[1])
	}
	names := split(f[0])
	a := news.Actor{ID: "seat/" + strings.ToLower(strings.ReplaceAll(f[4], " ", "-")), Name: f[4], Kind: "institution",
		Country: kb.Countries[c].ISO3, Sector: f[2], Code: kb.Countries[c].ISO3 + f[3]}
	i := len(kb.Actors)
	kb.Actors = append(kb.Actors, a)
	for _, n := range names {
		kb.add(n, Entry{Kind: Named, Ref: i})
	}
	return nil
}

func (kb *KB) addNamed(f []string) error {
	a := news.Actor{ID: f[0], Name: f[1], Kind: f[3], Country: f[4], Sector: f[5], Code: f[6]}
	if a.Country != "" {
		if _, ok := kb.iso3[a.Country]; !ok {
			return fmt.Errorf("unknown country %q", a.Country)
		}
	}
	i := len(kb.Actors)
	kb.Actors = append(kb.Actors, a)
	if a.Kind == "person" && a.Country != "" {
		kb.addSurname(a.Name, a.Country)
	}
	if a.Kind == "person" {
		kb.addPersonNear(a.Name, i)
	}
	kb.add(a.Name, Entry{Kind: Named, Ref: i})
	for _, n := range split(f[2]) {
		kb.add(n, Entry{Kind: Named, Ref: i})
	}
	return nil
}

// addSurname records the last word of a person's name ("Bashar al-Assad"
// → "assad", the Arabic article dropped) with the person's country.
func (kb *KB) addSurname(name, country string) {
	fields := strings.Fields(name)
	if len(fields) < 2 {
		return
	}
	last := fields[len(fields)-1]
	if i := strings.LastIndexByte(last, '-'); i >= 0 && i+1 < len(last) {
		last = last[i+1:]
	}
	key, _ := Fold(last)
	if kb.surnames == nil {
		kb.surnames = map[string]string{}
	}
	if c, ok := kb.surnames[key]; ok && c != country {
		country = "" // shared by people of two countries: no country
	}
	kb.surnames[key] = country
}

func (kb *KB) addPersonNear(name string, i int) {
	fields := strings.Fields(name)
	if len(fields) < 2 {
		return
	}
	last, _ := Fold(fields[len(fields)-1])
	if len(last) < 6 {
		return
	}
	if kb.personNear == nil {
		kb.personNear = map[string][]int{}
	}
	add := func(k string) {
		if !slices.Contains(kb.personNear[k], i) {
			kb.personNear[k] = append(kb.personNear[k], i)
		}
	}
	add(last)
	forDeletions(last, func(d []byte) { add(string(d)) })
}

// NearPerson returns the knowledge-base person whose last name is within
// one edit of the folded last name last (six letters or more) and, when
// first is not "", whose first name is first: a misspelt name a reader
// still knows ("Francois Mitterand" → François Mitterrand). ok is false
// when no person, or more than one, is that close. A last name alone must
// differ from the person's: one spelt right belongs to anyone of that name.
func (kb *KB) NearPerson(first, last string) (int, bool) {
	if len(last) < 6 || len(last) > 40 {
		return 0, false
	}
	found := -1
	clash := false
	try := func(k []byte) {
		for _, i := range kb.personNear[string(k)] {
			if clash || i == found {
				continue
			}
			fields := strings.Fields(kb.Actors[i].Name)
			l, _ := Fold(fields[len(fields)-1])
			if !withinOne(last, l) {
				continue
			}
			if first != "" {
				if f, _ := Fold(fields[0]); f != first {
					continue
				}
			} else if l == last {
				continue // a surname alone is a misspelling or no one
			}
			if found >= 0 {
				clash = true
				continue
			}
			found = i
		}
	}
	try([]byte(last))
	forDeletions(last, try)
	if found < 0 || clash {
		return 0, false
	}
	return found, true
}

// SurnameCountry gives the country (ISO alpha-3) of the heads of state or
// government whose last name is key (folded: Fold), when they are all of
// one country: "assad" → SYR, "putin" → RUS. It serves "pro-Assad
// fighters", a group aligned with that country's government.
func (kb *KB) SurnameCountry(key string) (string, bool) {
	c := kb.surnames[key]
	return c, c != ""
}

func (kb *KB) addPlace(f []string) error {
	i := len(kb.Places)
	kb.Places = append(kb.Places, Place{Name: f[0], ISO3: f[1], Kind: f[2]})
	kb.add(f[0], Entry{Kind: PlaceName, Ref: i})
	return nil
}

func (kb *KB) addRegion(f []string) error {
	names := split(f[0])
	i := len(kb.Places)
	kb.Places = append(kb.Places, Place{Name: strings.TrimPrefix(names[0], "the "), Kind: f[1]})
	for _, n := range names {
		kb.add(n, Entry{Kind: PlaceName, Ref: i})
	}
	return nil
}

func (kb *KB) addEthnic(f []string) error {
	forms := split(f[0])
	if len(forms) == 0 {
		return fmt.Errorf("ethnic group with no name")
	}
	g := Ethnic{Name: forms[0], Countries: split(f[2])}
	for _, c := range g.Countries {
		if _, ok := kb.iso3[c]; !ok {
			return fmt.Errorf("ethnic group %q: unknown country %q", g.Name, c)
		}
	}
	switch g.Kind = f[3]; g.Kind {
	case "ethnic", "religious", "political":
	default:
		return fmt.Errorf("ethnic group %q: unknown kind %q", g.Name, f[3])
	}
	if len(f) > 4 && f[4] != "" {
		g.People = f[4]
		if _, ok := kb.Inst(g.People); !ok {
			return fmt.Errorf("ethnic group %q: unknown institution %q", g.Name, g.People)
		}
	}
	i := len(kb.Ethnic)
	kb.Ethnic = append(kb.Ethnic, g)
	for _, n := range forms {
		kb.add(n, Entry{Kind: EthnicName, Ref: i})
	}
	for _, n := range split(f[1]) {
		kb.add(n, Entry{Kind: EthnicPeople, Ref: i})
	}
	return nil
}

func (kb *KB) addTitle(f []string) error {
	i := len(kb.Titles)
	kb.Titles = append(kb.Titles, Title{Kind: f[1], Canonical: f[2], Sector: f[3]})
	for _, p := range split(f[0]) {
		kb.add(p, Entry{Kind: TitleWord, Ref: i})
	}
	return nil
}

func (kb *KB) addWords(f []string) error {
	set := kb.words[f[0]]
	if set == nil {
		set = map[string]bool{}
		kb.words[f[0]] = set
	}
	for _, w := range split(f[1]) {
		if strings.HasSuffix(w, ".") {
			kb.abbrev[strings.ToLower(w)] = true
		}
		set[strings.ToLower(w)] = true
	}
	return nil
}

// add puts one alias in the trie. A leading "the" is dropped: the entity
// stage reads determiners itself.
func (kb *KB) add(alias string, e Entry) {
	us := Units(alias)
	for _, u := range us {
		if strings.HasSuffix(u, ".") {
			kb.abbrev[strings.ToLower(u)] = true
		}
	}
	if len(us) > 1 && strings.EqualFold(us[0], "the") {
		us = us[1:]
	}
	if len(us) == 0 {
		return
	}
	n := kb.root
	e.shapes = make([]Shape, len(us))
	for i, u := range us {
		k, _ := Fold(u)
		e.shapes[i] = ShapeOf(u)
		if e.shapes[i] == ShapeTitle && utf8.RuneCountInString(u) >= 4 {
			e.shapes[i] = shapeLongTitle
		}
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c := n.next[k]
		if c == nil {
			c = &node{}
			n.next[k] = c
		}
		n = c
	}
	for _, old := range n.entries {
		if old.Kind == e.Kind && old.Ref == e.Ref && slices.Equal(old.shapes, e.shapes) {
			return
		}
	}
	n.entries = append(n.entries, e)
	if len(us) > kb.maxUnit {
		kb.maxUnit = len(us)
	}
	if len(us) == 1 && e.Kind != Institution && e.Kind != TitleWord && e.Kind != PlaceName && (e.shapes[0] == ShapeTitle || e.shapes[0] == shapeLongTitle) {
		k, _ := Fold(us[0])
		kb.single = append(kb.single, singleName{key: k, entry: e})
	}
}

// A Unit is one unit of text to match: its folded key and its shape.
type Unit struct {
	Key   string
	Shape Shape
	// start is the trie node Key leads to from the root, when looked up
	// (by NewUnit); known says it was.
	start *node
	known bool
}

// A lexEntry is what the knowledge base knows of one folded key: its word
// classes and where it leads in the name trie.
type lexEntry struct {
	classes WordClasses
	start   *node
}

// NewUnit returns the unit of a folded key and its shape, and the word
// classes of the key (Mask), with one map lookup: Longest then starts
// from the unit without looking its key up again.
func (kb *KB) NewUnit(key string, shape Shape) (Unit, WordClasses) {
	e := kb.lex[key]
	return Unit{Key: key, Shape: shape, start: e.start, known: true}, e.classes
}

// Longest returns the longest knowledge-base name that starts at units[i]
// and fits the units' shapes, with every entry it may mean; ok is false when
// none starts there. It reads at most the length of the longest alias.
func (kb *KB) Longest(units []Unit, i int, caps bool) (m Match, ok bool) {
	n := kb.root
	for j := i; j < len(units) && j-i < kb.maxUnit; j++ {
		var c *node
		if j == i && units[j].known {
			c = units[j].start
		} else {
			c = n.next[units[j].Key]
		}
		if c == nil {
			break
		}
		n = c
		// Most often every entry fits: share the node's slice (callers
		// only read Entries); copy only when some do not.
		nfit := 0
		for _, e := range n.entries {
			if fitsAll(e.shapes, units[i:j+1], caps) {
				nfit++
			}
		}
		switch {
		case nfit == 0:
		case nfit == len(n.entries):
			m, ok = Match{Start: i, End: j + 1, Entries: n.entries[:nfit:nfit]}, true
		default:
			fit := make([]Entry, 0, nfit)
			for _, e := range n.entries {
				if fitsAll(e.shapes, units[i:j+1], caps) {
					fit = append(fit, e)
				}
			}
			m, ok = Match{Start: i, End: j + 1, Entries: fit}, true
		}
	}
	return m, ok
}

func fitsAll(shapes []Shape, us []Unit, caps bool) bool {
	for k, s := range shapes {
		if !Fits(s, us[k].Shape, caps) {
			return false
		}
	}
	return true
}

// Is reports whether the lower-case word w belongs to a word class of
// data/words.tsv ("function", "org", "place", "placeprep", "speech",
// "pronoun-person", "description-company"…).
func (kb *KB) Is(class, w string) bool { return kb.words[class][w] }

// Classes returns the word classes whose name starts with prefix and that
// hold w, sorted; nil when none.
func (kb *KB) Classes(prefix, w string) []string {
	var out []string
	for _, c := range kb.classes[w] {
		if strings.HasPrefix(c, prefix) {
			out = append(out, c)
		}
	}
	return out
}

// Abbrev reports whether w (with its final dot, any case) is an
// abbreviation the knowledge base knows: "Gen.", "Inc.", "Mr.".
func (kb *KB) Abbrev(w string) bool { return kb.abbrev[strings.ToLower(w)] }

// Inst returns the institution with the key, if any.
func (kb *KB) Inst(key string) (int, bool) {
	for i, in := range kb.Insts {
		if in.Key == key {
			return i, true
		}
	}
	return 0, false
}

// FirstName reports whether the folded key is a common English first name.
func (kb *KB) FirstName(key string) bool { return kb.first[key] }

// FirstNameGender is 'm' or 'f' for a first name (folded: Fold) that only
// the male or only the female list of firstnames.txt holds, else 0.
func (kb *KB) FirstNameGender(key string) byte {
	if g := kb.firstGender[key]; g != "" {
		return g[0]
	}
	return 0
}

// Country returns the country with the ISO alpha-3 code, if any.
func (kb *KB) Country(iso3 string) (Country, bool) {
	i, ok := kb.iso3[iso3]
	if !ok {
		return Country{}, false
	}
	return kb.Countries[i], true
}

// indexSingles builds the one-deletion neighbourhood of every single-unit
// proper name (a country, capital, demonym, ethnic group or organisation)
// of at least six letters, for Near. A country's name of five letters
// ("Qatar") is indexed for one inserted letter only ("Quatar").
func (kb *KB) indexSingles() {
	for i, s := range kb.single {
		switch {
		case len(s.key) >= 6:
			forDeletions(s.key, func(d []byte) { kb.nearby[string(d)] = append(kb.nearby[string(d)], i) })
		case len(s.key) == 5 && s.entry.Kind == CountryName:
		default:
			continue
		}
		kb.nearby[s.key] = append(kb.nearby[s.key], i)
	}
}

// forDeletions calls fn with each string that deletes one ASCII letter of
// s, in a buffer fn must not keep.
func forDeletions(s string, fn func([]byte)) {
	var arr [64]byte
	if len(s) > len(arr)+1 {
		return
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			continue
		}
		b := append(append(arr[:0], s[:i]...), s[i+1:]...)
		fn(b)
	}
}

// countryKinds are the kinds whose Ref is a country.
func countryKind(k Kind) bool {
	return k == CountryName || k == Capital || k == Demonym || k == Nationals
}

// Near returns the single-unit proper name within one edit (insertion,
// deletion, substitution or transposition of adjacent letters) of the
// folded key of a capitalised word that is not itself a name: a
// misspelling a reader still resolves ("washinghton" → Washington,
// "quatar" → Qatar, "chenchen" → Chechen). Words shorter than six letters
// are never guessed. ok is false when no name, or names of more than one
// actor, country or group, are that close; names of one country (its name
// and its demonym) count as one, the one nearest in length.
func (kb *KB) Near(key string) (e Entry, name string, ok bool) {
	if len(key) < 6 || len(key) > 40 {
		return Entry{}, "", false
	}
	found := -1
	clash := false
	try := func(k []byte) {
		for _, i := range kb.nearby[string(k)] {
			if clash || kb.single[i].key == key || i == found {
				continue
			}
			if !withinOne(key, kb.single[i].key) {
				continue
			}
			if found < 0 {
				found = i
				continue
			}
			f, g := kb.single[found].entry, kb.single[i].entry
			switch {
			case f.Kind == g.Kind && f.Ref == g.Ref:
			case countryKind(f.Kind) && countryKind(g.Kind) && f.Ref == g.Ref:
				if absDiff(len(kb.single[i].key), len(key)) < absDiff(len(kb.single[found].key), len(key)) {
					found = i
				}
			default:
				clash = true
			}
		}
	}
	try([]byte(key))
	forDeletions(key, try)
	if found < 0 || clash {
		return Entry{}, "", false
	}
	return kb.single[found].entry, kb.single[found].key, true
}

func absDiff(a, b int) int {
	if a > b {
		return a - b
	}
	return b - a
}

// withinOne reports whether a and b are within one edit (Damerau).
func withinOne(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}
