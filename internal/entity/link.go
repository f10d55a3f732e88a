package entity

import (
	"slices"
	"strings"

	"sitrep/internal/kb/actors"
	"sitrep/internal/kb/gazetteer"
	"sitrep/news"
)

// lookBack bounds how far links reach back: in mentions, and in sentences
// for pronouns.
const (
	lookBackMentions = 40
	personPronounGap = 3
	thingPronounGap  = 2
	pluralPronounGap = 1
)

// link gives each person the affiliation the article states, and resolves
// short forms, pronouns and descriptions to earlier mentions.
func (d *doc) link() {
	d.retype()
	d.firstNames()
	d.appositivePersons()
	for ci := range d.cands {
		if c := &d.cands[ci]; c.form == "name" && c.typ == news.Person && c.res != "coref" {
			d.affiliate(ci)
			d.formerHolder(ci)
		}
	}
	d.titled()
	d.personGenders()
	named := d.namedCountries()
	d.named = named
	d.ethnicCountries(named)
	d.placeCountries(named)
	d.bareCountries(named)
	for ci := range d.cands {
		c := &d.cands[ci]
		switch c.form {
		case "name":
			if c.res == "coref" && c.ante >= 0 {
				c.actor, c.typ = d.cands[c.ante].actor, d.cands[c.ante].typ
				if c.typ == news.Person {
					c.aff, c.affSpan = d.cands[c.ante].aff, d.cands[c.ante].affSpan
				}
			}
		case "pronoun", "description":
			d.resolve(ci)
		}
	}
	d.products()
}

// productNouns are the nouns of things a company makes or runs. An
// organisation's name written right before one, in lower case, modifies
// the thing and names no actor: "Apple devices", "a Stadia controller",
// "Arrowhead water", "her Netflix special", "its Twitter account".
// (Shares and stock are left out: "Apple shares fell" is read as the
// company in financial news; so are nouns that are also verbs of a
// headline, "GM posts first loss".)
var productNouns = map[string]bool{"app": true, "apps": true, "device": true, "devices": true, "phone": true, "phones": true,
	"smartphone": true, "smartphones": true, "controller": true, "controllers": true, "headphones": true, "earbuds": true,
	"laptop": true, "laptops": true, "tablet": true, "tablets": true, "console": true, "consoles": true, "chip": true, "chips": true,
	"processor": true, "processors": true, "model": true, "models": true, "car": true, "cars": true, "sedan": true, "sedans": true,
	"truck": true, "trucks": true, "vehicle": true, "vehicles": true, "rocket": true, "rockets": true, "engine": true, "engines": true,
	"software": true, "browser": true, "game": true, "games": true, "egg": true, "eggs": true, "water": true, "special": true,
	"product": true, "products": true, "page": true, "account": true, "accounts": true,
	"subscription": true, "subscriptions": true, "website": true, "camera": true, "cameras": true, "speaker": true, "speakers": true,
	"handbag": true, "handbags": true, "sneakers": true, "cereal": true, "beer": true, "coffee": true}

// products drops the organisation names that modify a product noun.
func (d *doc) products() {
	for ci := range d.cands {
		c := &d.cands[ci]
		if c.form != "name" || c.typ != news.Organization || c.end >= len(d.units) {
			continue
		}
		if u := d.units[c.end]; u.shape == actors.ShapeLower && u.sent == d.units[c.start].sent && productNouns[u.key] && !d.units[c.end-1].poss {
			c.form = ""
		}
	}
}

// retype gives a name read as a place only because a preposition came
// before it ("a stake in Chrysler") the type of another mention of the same
// name that is not so read ("Chrysler said").
func (d *doc) retype() {
	other := map[string]int{}
	for ci, c := range d.cands {
		if c.form == "name" && !c.weak && c.res != "kb" {
			k := foldAll(d.units[c.start:c.end])
			if _, seen := other[k]; !seen {
				other[k] = ci
			}
		}
	}
	// A name read as an organisation by default whose last word later
	// stands alone is a person's ("Barack Obama" … "Obama"); a company is
	// shortened to its first word ("Northrop Grumman" … "Northrop").
	lastWord := map[string]int{}
	for ci := range d.cands {
		c := &d.cands[ci]
		if c.form != "name" {
			continue
		}
		if c.res == "unresolved" && c.end-c.start >= 2 && c.end-c.start <= 3 && d.plausiblePerson(c.start, c.end) {
			lastWord[d.units[c.end-1].key] = ci
			continue
		}
		if c.end-c.start != 1 || (c.res != "unresolved" && c.res != "context") || c.typ != news.Organization {
			continue
		}
		if o, ok := lastWord[d.units[c.start].key]; ok && d.cands[o].res == "unresolved" {
			oc := &d.cands[o]
			name := d.text(oc.start, oc.end)
			oc.typ, oc.res = news.Person, "context"
			oc.actor = news.Actor{ID: "person/" + slug(name), Name: name, Kind: "person"}
			c.typ, c.actor, c.res, c.ante = news.Person, oc.actor, "coref", o
		}
	}
	for ci := range d.cands {
		c := &d.cands[ci]
		if !c.weak {
			continue
		}
		if o, ok := other[foldAll(d.units[c.start:c.end])]; ok && d.cands[o].typ != news.Location {
			c.typ, c.actor, c.res, c.ante, c.weak = d.cands[o].typ, d.cands[o].actor, "coref", -1, false
			if o < ci {
				c.ante = o
			}
		}
	}
}

// roleHolders are institutions that are one person: "Russian Foreign
// Minister Sergei Lavrov" is Lavrov, with the title Foreign Minister.
var roleHolders = map[string]bool{"president": true, "prime-minister": true, "foreign-minister": true,
	"defence-minister": true, "interior-minister": true}

func (d *doc) affiliate(ci int) {
	c := &d.cands[ci]
	b := c.before
	sent := d.units[c.start].sent
	set := func(o int) {
		oc := &d.cands[o]
		c.aff, c.affSpan = oc.actor, d.span(oc.start, oc.end)
		c.actor.Country, c.actor.Sector, c.actor.Code = oc.actor.Country, oc.actor.Sector, oc.actor.Code
	}
	// A mention just before the titles: "Russian Foreign Minister Sergei
	// Lavrov", "Uralsib analyst Chris Weafer", "U.S. President Barack Obama".
	for o := ci - 1; o >= 0 && o >= ci-2; o-- {
		oc := &d.cands[o]
		if oc.form != "name" || oc.end != b {
			continue
		}
		// "U.S. ambassador to Ukraine Marie Yovanovitch": the country an
		// envoy is sent to is not the envoy's; the envoy's own is the
		// mention before "ambassador", if any.
		if to := d.envoyTo(oc.start); to >= 0 {
			for o2 := o - 1; o2 >= 0 && o2 >= o-2; o2-- {
				if e := &d.cands[o2]; e.form == "name" && e.end == to && e.typ != news.Person && e.typ != news.Location && e.actor.Country != "" {
					set(o2)
					if co, ok := d.kb.Country(e.actor.Country); ok && e.inst >= 0 {
						c.aff, _ = d.instActor(co, e.inst)
					}
					break
				}
			}
			return
		}
		if oc.inst >= 0 && roleHolders[d.kb.Insts[oc.inst].Key] {
			c.roles = append([]news.Role{{Title: d.kb.Insts[oc.inst].Name, Kind: "title", Span: d.span(oc.start, oc.end)}}, c.roles...)
			set(o)
			c.affSpan = news.Span{}
			oc.form = "" // the title is part of the person's mention
			if co, ok := d.kb.Country(oc.actor.Country); ok {
				gov, _ := d.instActor(co, oc.inst)
				c.aff = gov
			}
			return
		}
		if oc.typ != news.Person && oc.typ != news.Location {
			set(o)
			return
		}
	}
	// An office before, closed by a comma: "Qatar's emir, Sheikh Hamad",
	// "Kenya's foreign minister, Amina Ali".
	if b-1 > d.sents[sent][0] && d.units[b-1].key == "," {
		for o := ci - 1; o >= 0 && o >= ci-2; o-- {
			if oc := &d.cands[o]; oc.form == "name" && oc.end == b-1 && d.personOffice(oc) {
				set(o)
				return
			}
		}
	}
	// An office after, as an appositive: "Salim Haddad, Algeria's leading
	// human rights activist,", "Amina Ali, a Kenyan lawyer,".
	if o := d.appositiveOffice(ci); o >= 0 {
		set(o)
		return
	}
	// A demonym right before the name (or its titles): "Egyptian Ahmed
	// Saleh", "British Defence Secretary X" when no office says more: a
	// person of that country, its civilian unless a title says otherwise.
	if c.actor.Country == "" {
		for x := b - 1; x >= b-3 && x >= d.sents[sent][0]; x-- {
			m, ok := d.longest(x, d.caps[sent])
			if !ok || m.End != b {
				continue
			}
			if e, ok := pick(m, actors.Demonym); ok {
				co := d.kb.Countries[e.Ref]
				sector := "civilians"
				for _, r := range c.roles {
					if sc := d.s.titleSector[r.Title]; sc != "" && sectorCodes[sc] != "" {
						sector = sc
						break
					}
				}
				code := sectorCodes[sector]
				if code == "" {
					code = "CVL"
				}
				c.actor.Country, c.actor.Sector, c.actor.Code = co.ISO3, sector, co.ISO3+code
			}
			break
		}
	}
	// A role with "of"/"for" before: "chief of the Russian General Staff's
	// Main Operational Directorate Col. Gen. Sergei Rudskoy".
	lo := b - 15
	if lo < d.sents[sent][0] {
		lo = d.sents[sent][0]
	}
	top := b - 1
	if top >= lo && d.units[top].key == "," {
		top-- // "A spokesman for the ministry, Andriy Yusov,"
	}
	for r := top; r >= lo; r-- {
		if d.units[r].punct && d.units[r].key != "'" {
			break
		}
		if _, te, _, ok := d.titleAt(sent, r); ok && te < b && te <= r+3 && isOf(d.units[te].key) {
			if o := d.lastActorIn(ci, te, top+1); o >= 0 {
				set(o)
				return
			}
		}
	}
	// An appositive after: "Sergei Rudskoy, chief of the General Staff,".
	k := c.end
	if k < len(d.units) && d.units[k].key == "," {
		hi := k + 14
		stop := k + 1
		for stop < len(d.units) && stop < hi && d.units[stop].sent == sent && !(d.units[stop].punct && d.units[stop].key != "'") {
			stop++
		}
		for r := k + 1; r < stop; r++ {
			if _, te, _, ok := d.titleAt(sent, r); ok && te < stop && isOf(d.units[te].key) {
				for o := ci + 1; o < len(d.cands) && d.cands[o].start < stop; o++ {
					oc := d.cands[o]
					if oc.start >= te && oc.form == "name" && oc.typ != news.Person && oc.typ != news.Location {
						set(o)
						return
					}
				}
			}
		}
	}
}

// personOffice reports whether the mention o names an office or a kind of
// person of a country ("Qatar's emir", "Algeria's leading human rights
// activist", "a Kenyan lawyer"), which a name next to it holds.
func (d *doc) personOffice(o *cand) bool {
	if o.inst < 0 || o.actor.Country == "" || o.form != "name" || o.ethnic != 0 {
		return false
	}
	in := d.kb.Insts[o.inst]
	return roleHolders[in.Key] || in.People && in.Key != "warships" && in.Key != "peacekeepers"
}

// appositiveOffice returns the mention of an office or kind of person
// that stands in apposition after the name ci ("X, Algeria's leading
// activist,", "X, a Kenyan lawyer,"); -1 when none.
func (d *doc) appositiveOffice(ci int) int {
	c := &d.cands[ci]
	k := c.end
	if k+1 >= len(d.units) || d.units[k].key != "," || d.units[k+1].sent != d.units[c.start].sent {
		return -1
	}
	at := k + 1
	if u := d.units[at]; u.key == "a" || u.key == "an" || u.key == "the" {
		at++
	}
	if ci+1 < len(d.cands) {
		if o := &d.cands[ci+1]; o.start == at && d.personOffice(o) {
			return ci + 1
		}
	}
	return -1
}

// appositivePersons types as a person an unknown name of two or three
// words followed by an office or kind of person in apposition ("Salim
// Haddad, Algeria's leading human rights activist,"), or by a title or
// role ("Kavi Raman, a senior research analyst at…"), or listed next to
// persons ("Pete Buttigieg, Kamala Harris and Bernie Sanders").
func (d *doc) appositivePersons() {
	for ci := range d.cands {
		c := &d.cands[ci]
		if c.form != "name" || c.res != "unresolved" || c.typ != news.Organization || c.end-c.start < 2 || c.end-c.start > 3 || !d.plausiblePerson(c.start, c.end) {
			continue
		}
		if d.appositiveOffice(ci) < 0 && !d.appositiveTitle(ci) && !d.listOfPersons(ci) {
			continue
		}
		name := d.text(c.start, c.end)
		c.typ, c.res = news.Person, "context"
		c.actor = news.Actor{ID: "person/" + slug(name), Name: name, Kind: "person"}
		d.person[foldAll(d.units[c.start:c.end])] = ci
	}
}

// formerWords mark a person who held the office before the name no longer
// holds it: a former holder is one of the country's elites (CAMEO ELI), an
// ousted or exiled one its opposition (OPP); a candidate is one of its
// elites.
var formerWords = map[string]string{"former": "elites", "ex": "elites", "onetime": "elites", "erstwhile": "elites",
	"retired": "elites", "candidate": "elites", "ousted": "opposition", "deposed": "opposition",
	"exiled": "opposition", "toppled": "opposition", "overthrown": "opposition", "dissident": "opposition"}

// formerHolder recodes the person ci when a word of formerWords stands
// among the five words before the name, with no function word between ("Former
// Socialist prime minister Andreas Papandreou", "ousted president X",
// "presidential candidate X").
func (d *doc) formerHolder(ci int) {
	c := &d.cands[ci]
	if c.actor.Country == "" {
		return
	}
	from := c.start
	if c.before > 0 && c.before < c.start {
		from = c.before
	}
	lo := max(from-5, d.sents[d.units[c.start].sent][0])
	for k := from - 1; k >= lo; k-- {
		u := d.units[k]
		if u.punct || u.is(d.w.function) {
			return
		}
		sector, ok := formerWords[u.key]
		if !ok {
			continue
		}
		code := "ELI"
		if sector == "opposition" {
			code = "OPP"
		}
		// The same person (the same id), out of office here.
		c.actor.Sector, c.actor.Code = sector, c.actor.Country+code
		return
	}
}

func isOf(k string) bool { return k == "of" || k == "for" || k == "at" || k == "with" }

// lastActorIn returns the last mention before ci that lies in units [lo,
// hi) and names an actor a person can belong to; -1 when none.
func (d *doc) lastActorIn(ci, lo, hi int) int {
	for o := ci - 1; o >= 0 && o >= ci-lookBackMentions; o-- {
		oc := d.cands[o]
		if oc.end <= lo {
			break
		}
		if oc.start >= lo && oc.end <= hi && oc.form == "name" && oc.typ != news.Person && oc.typ != news.Location {
			return o
		}
	}
	return -1
}

// resolve links the pronoun or description ci to the nearest earlier
// mention it fits, or drops it when none fits.
func (d *doc) resolve(ci int) {
	c := &d.cands[ci]
	sent := d.units[c.start].sent
	gap := 1 << 30
	switch c.desc {
	case "person":
		gap = personPronounGap
	case "thing":
		gap = thingPronounGap
	case "plural":
		gap = pluralPronounGap
	}
	take := func(o int, sure bool) {
		oc := &d.cands[o]
		if c.gender != 0 && sure {
			d.gender[oc.actor.ID] = c.gender
		}
		c.actor, c.ante, c.res = oc.actor, o, "coref"
		c.typ = oc.typ
		if countryPlace(oc) {
			// "the country" after "in southern Syria": the state.
			if co, ok := d.kb.Country(oc.actor.Country); ok {
				c.actor, c.typ = d.countryActor(co), news.State
			}
		}
		if c.typ == "" {
			c.typ = news.Organization
		}
	}
	// A person pronoun takes the nearest person of its gender: never one
	// whom a pronoun or a title gave the other gender ("she" after "he"),
	// and one whose first name is of the other gender only when no other
	// fits (first names' lists are no proof: "Taylor" is in the male one).
	weak := -1
	for o := ci - 1; o >= 0 && o >= ci-lookBackMentions; o-- {
		oc := &d.cands[o]
		if sent-d.units[oc.start].sent > gap {
			break
		}
		if oc.form == "" || oc.actor.ID == "" {
			continue
		}
		if d.fits(c, oc) {
			if c.gender != 0 {
				if g := d.gender[oc.actor.ID]; g != 0 && g != c.gender {
					continue
				}
				if g := d.nameGender[oc.actor.ID]; g != 0 && g != c.gender && d.gender[oc.actor.ID] == 0 {
					if weak < 0 {
						weak = o
					}
					continue
				}
			}
			take(o, true)
			return
		}
	}
	if weak >= 0 {
		take(weak, false) // a guess: it gives the person no gender
		return
	}
	// A bare institution with no earlier mention of it belongs to the
	// state named last: "government forces" after "in southern Syria".
	if c.inst >= 0 && (d.kb.Insts[c.inst].Same != "" || d.kb.Insts[c.inst].Key == "government") {
		for o := ci - 1; o >= 0 && o >= ci-lookBackMentions; o-- {
			oc := d.cands[o]
			if oc.form == "name" && (oc.actor.Kind == "state" || oc.typ == news.Location && oc.actor.ID == oc.actor.Country && oc.actor.Country != "") {
				if co, ok := d.kb.Country(oc.actor.Country); ok {
					c.actor, c.inst = d.instActor(co, c.inst)
					c.res, c.typ, c.ante = "context", news.Organization, -1
					return
				}
			}
		}
	}
	// "the police", "the protesters" with nothing before them: of the
	// one country the sentence, else the article, names.
	if c.inst >= 0 && bareInsts[d.kb.Insts[c.inst].Key] {
		if co, ok := d.contextCountry(ci, d.named); ok {
			c.actor, c.inst = d.instActor(co, c.inst)
			c.res, c.typ, c.ante = "context", news.Organization, -1
			return
		}
	}
	c.form = "" // nothing it fits: not a mention
}

func (d *doc) fits(c, o *cand) bool {
	if c.inst >= 0 {
		want := d.kb.Insts[c.inst]
		if want.Same != "" {
			if j, ok := d.kb.Inst(want.Same); ok {
				want = d.kb.Insts[j]
			}
		}
		return o.inst >= 0 && d.kb.Insts[o.inst].Key == want.Key
	}
	switch c.desc {
	case "person":
		return o.typ == news.Person
	case "plural":
		return o.plural || o.typ == news.Group || (o.inst >= 0 && o.actor.Sector != "government")
	case "thing":
		if o.typ == news.State && d.demonymWord(o) {
			return false // "a British thriller … its centre": an adjective, not the state
		}
		return o.typ == news.Organization || o.typ == news.State || o.typ == news.Group && !strings.HasPrefix(o.actor.ID, "aligned/")
	}
	w := d.w
	switch {
	case c.dmask.Has(w.descCoalition) && o.actor.Kind == "coalition":
		return true
	case c.dmask.Has(w.descGroup) && o.typ == news.Group && !strings.HasPrefix(o.actor.ID, "aligned/") && o.actor.Kind != "coalition":
		return true
	case c.dmask.Has(w.descMinistry) && o.inst >= 0 && strings.Contains(d.kb.Insts[o.inst].Key, "ministry"):
		return true
	case c.dmask.Has(w.descCompany) && o.typ == news.Organization && o.actor.Kind == "organization":
		return true
	case c.dmask.Has(w.descCountry) && (o.actor.Kind == "state" || countryPlace(o)):
		return true
	}
	return false
}

// ethnicCountries chooses the country of people called "ethnic" X (the
// first other country the article names), and of each ethnic or religious
// group whose country the text does not state: the first of the group's
// countries that the article names ("Shona rebels" in an article on
// Mozambique), else its first; for a religion of many countries, the
// country of the article when it names just one.
func (d *doc) ethnicCountries(named []string) {
	for ci := range d.cands {
		c := &d.cands[ci]
		if c.minority && c.form == "name" {
			// "ethnic Albanians": in the other country the article names.
			for _, iso := range named {
				if iso != c.actor.Country {
					if co, ok := d.kb.Country(iso); ok {
						name := c.actor.Name
						c.actor, _ = d.instActor(co, c.inst)
						c.actor.Name = name
					}
					break
				}
			}
			continue
		}
		if c.ethnic == 0 || c.placed || c.form != "name" {
			continue
		}
		g := d.kb.Ethnic[c.ethnic-1]
		iso := c.actor.Country
		switch {
		case len(g.Countries) > 0:
			for _, gc := range g.Countries {
				if slices.Contains(named, gc) {
					iso = gc
					break
				}
			}
		case len(named) == 1:
			iso = named[0]
		}
		if iso != c.actor.Country {
			c.actor = d.ethnicActor(iso, c.inst, c.actor.Name)
		}
	}
}

// namedCountries returns the countries of the article's names (not of its
// ethnic groups), each once, in text order.
func (d *doc) namedCountries() []string {
	var named []string
	for _, c := range d.cands {
		if c.form != "name" || c.ethnic != 0 || c.minority || c.actor.Country == "" || slices.Contains(named, c.actor.Country) {
			continue
		}
		named = append(named, c.actor.Country)
	}
	return named
}

// placeCountries gives a place the knowledge base does not tie to one
// country ("the town of Cizre", "in Jericho") the country of the
// gazetteer's place of that name: the most populous one in a country the
// article names, else one that dwarfs (ten times the people) every
// namesake in other countries.
func (d *doc) placeCountries(named []string) {
	g := d.s.gaz
	if g == nil {
		return
	}
	for ci := range d.cands {
		c := &d.cands[ci]
		if c.form != "name" || c.typ != news.Location || c.actor.Country != "" || c.res == "coref" {
			continue
		}
		iso := d.gazCountry(d.text(c.start, c.end), named)
		if iso == "" {
			continue
		}
		c.actor.Country = iso
		c.actor.ID = "place/" + iso + "/" + slug(c.actor.Name)
	}
}

// gazCountry gives the country (ISO alpha-3) of the gazetteer's town or
// region called name: the most populous one in a country of named, else
// one ten times larger than every namesake in another country; "" when
// none.
func (d *doc) gazCountry(name string, named []string) string {
	g := d.s.gaz
	if g == nil {
		return ""
	}
	var best, other, inNamed int64 = -1, -1, -1
	bestCC, namedCC := "", ""
	for _, cd := range g.Lookup(name) {
		e := g.Entry(cd.Index)
		if e.Class != gazetteer.City && e.Class != gazetteer.Admin1 && e.Class != gazetteer.Admin2 || e.Country == "" {
			continue
		}
		iso := d.s.iso3[e.Country]
		if iso == "" {
			continue
		}
		if e.Population > inNamed && slices.Contains(named, iso) {
			inNamed, namedCC = e.Population, iso
		}
		switch {
		case e.Population > best:
			if bestCC != iso {
				other = max(other, best)
			}
			best, bestCC = e.Population, iso
		case iso != bestCC && e.Population > other:
			other = e.Population
		}
	}
	if namedCC != "" {
		return namedCC
	}
	if best >= 1000 && best >= 10*max(other, 0) {
		return bestCC
	}
	return ""
}

// bareCountries gives each bare word for people or a force ("Police
// fired", "students marched") the one country its sentence names, else
// the one its article names; with none or several, it is no mention.
func (d *doc) bareCountries(named []string) {
	for ci := range d.cands {
		c := &d.cands[ci]
		if !c.bare || c.form != "name" {
			continue
		}
		co, ok := d.contextCountry(ci, named)
		if !ok {
			c.form = ""
			continue
		}
		c.actor, c.inst = d.instActor(co, c.inst)
	}
}

// contextCountry gives the one country the names of the sentence of the
// mention ci name, else, when they name none, the one its article names
// (named); ok is false when there are none or several.
func (d *doc) contextCountry(ci int, named []string) (actors.Country, bool) {
	sent := d.units[d.cands[ci].start].sent
	iso, several := "", false
	look := func(o *cand) {
		if o.form != "name" || o.bare || o.minority || o.actor.Country == "" {
			return
		}
		if iso != "" && iso != o.actor.Country {
			several = true
		}
		iso = o.actor.Country
	}
	for o := ci - 1; o >= 0 && d.units[d.cands[o].start].sent == sent; o-- {
		look(&d.cands[o])
	}
	for o := ci + 1; o < len(d.cands) && d.units[d.cands[o].start].sent == sent; o++ {
		look(&d.cands[o])
	}
	switch {
	case several:
		return actors.Country{}, false
	case iso == "" && len(named) == 1:
		iso = named[0]
	}
	return d.kb.Country(iso)
}

// countryPlace reports whether o is a country named as a place ("in
// Syria").
func countryPlace(o *cand) bool {
	return o.typ == news.Location && o.actor.Country != "" && o.actor.ID == o.actor.Country
}

// emit writes the mentions that were kept to the article.
func (d *doc) emit() {
	d.idx = resize(d.idx, len(d.cands))
	idx := d.idx
	if cap(d.a.Mentions) < len(d.cands) {
		d.a.Mentions = make([]news.Mention, 0, len(d.cands))
	}
	for ci, c := range d.cands {
		idx[ci] = -1
		if c.form == "" {
			continue
		}
		ante := -1
		if c.ante >= 0 && c.ante < ci && idx[c.ante] >= 0 {
			ante = idx[c.ante]
		}
		res := c.res
		if res == "coref" && ante < 0 {
			res = "context"
		}
		idx[ci] = len(d.a.Mentions)
		d.a.Mentions = append(d.a.Mentions, news.Mention{
			Span: d.span(c.start, c.end), Type: c.typ, Actor: c.actor, Resolution: res, Antecedent: ante,
			Roles: c.roles, Affiliation: c.aff, AffiliationSpan: c.affSpan, AlignedWith: c.aligned, Parent: c.parent,
		})
	}
}

// sectorCodes are the CAMEO sector codes of the sectors a title gives.
var sectorCodes = map[string]string{"government": "GOV", "legislature": "LEG", "judiciary": "JUD", "military": "MIL"}

// titled gives a person whose title names a state office ("President
// Omar al-Bashir", "Judge Alejandro Rivera") and whom neither the
// knowledge base nor the article ties to a country the country of the
// article, when the article names exactly one: the sector comes from the
// title, the country from the article's own words.
func (d *doc) titled() {
	country := ""
	for _, c := range d.cands {
		if c.form != "name" || c.actor.Country == "" || c.typ == news.Person {
			continue
		}
		if country != "" && c.actor.Country != country {
			return // several countries: the title says not which
		}
		country = c.actor.Country
	}
	if country == "" {
		return
	}
	for ci := range d.cands {
		c := &d.cands[ci]
		if c.form != "name" || c.typ != news.Person || c.res == "coref" || c.actor.Country != "" {
			continue
		}
		for _, r := range c.roles {
			if r.Kind != "title" && r.Kind != "rank" {
				continue
			}
			sector := d.s.titleSector[r.Title]
			if code, ok := sectorCodes[sector]; ok {
				c.actor.Country, c.actor.Sector, c.actor.Code = country, sector, country+code
				break
			}
		}
	}
}

// titleGenders are the titles that say a person's gender.
var titleGenders = map[string]byte{"Mr": 'm', "Sir": 'm', "Lord": 'm', "King": 'm', "Prince": 'm', "Sheikh": 'm',
	"Mrs": 'f', "Ms": 'f', "Miss": 'f', "Dame": 'f', "Lady": 'f', "Queen": 'f', "Princess": 'f'}

// personGenders records the gender that a person's titles give ("Mrs.
// Clinton", "King Abdullah"), so that no pronoun of the other gender links
// to that person, or else the first name ("Mary Walsh"), which resolve
// only prefers.
func (d *doc) personGenders() {
	for _, c := range d.cands {
		if c.form != "name" || c.typ != news.Person || c.res == "coref" {
			continue
		}
		g := byte(0)
		for _, r := range c.roles {
			if g = titleGenders[r.Title]; g != 0 {
				break
			}
		}
		if g != 0 {
			d.gender[c.actor.ID] = g
		} else if d.units[c.start].is(d.w.first) {
			if g := d.kb.FirstNameGender(d.units[c.start].key); g != 0 {
				d.nameGender[c.actor.ID] = g
			}
		}
	}
}

// envoyWords are the words for a diplomat sent to a country or body.
var envoyWords = map[string]bool{"ambassador": true, "ambassadors": true, "envoy": true, "envoys": true, "emissary": true}

// envoyTo reports whether "ambassador to" or "envoy to the" ends right
// before unit i; it returns the end of the envoy word, else -1.
func (d *doc) envoyTo(i int) int {
	x := i - 1
	if x >= 0 && d.units[x].key == "the" {
		x--
	}
	if x < 1 || d.units[x].key != "to" || !envoyWords[d.units[x-1].key] || d.units[x-1].sent != d.units[i].sent {
		return -1
	}
	return x
}

// demonymWord reports whether the mention o is a demonym alone ("British",
// "Chinese"), an adjective before a noun, which "its" does not stand for.
func (d *doc) demonymWord(o *cand) bool {
	if o.form != "name" || d.units[o.end-1].poss {
		return false
	}
	m, ok := d.longest(o.start, false)
	if !ok || m.End != o.end {
		return false
	}
	_, dem := pick(m, actors.Demonym)
	_, country := pick(m, actors.CountryName)
	return dem && !country
}

// firstNames reads a lone first name that nothing typed ("Elise" read as
// an organisation) as the person the article named before in full with
// it, when that is one person and the article also calls that person by
// the surname alone ("Elise Matthesen" … "Matthesen" … "Elise"): a
// person so named is surely one, not a product or a company misread
// ("Ford Taurus" … "Ford"), unless the word opens an organisation's name
// too ("Ford Motor").
func (d *doc) firstNames() {
	full := map[string]int{}       // folded first name → cand of the person named in full with it; -1 when two
	bySurname := map[string]bool{} // actor ids of persons the article calls by the surname alone
	orgWord := map[string]bool{}   // first words of organisations' names of two words or more ("Ford Motor")
	for ci, c := range d.cands {
		if c.form == "name" && c.end-c.start >= 2 && (c.typ == news.Organization || c.typ == news.Group) {
			orgWord[d.units[c.start].key] = true
		}
		if c.form != "name" || c.typ != news.Person {
			continue
		}
		if c.res == "coref" && c.end-c.start == 1 && c.ante >= 0 && d.cands[c.ante].end-d.cands[c.ante].start >= 2 {
			if a := d.cands[c.ante]; d.units[c.start].key == d.units[a.end-1].key {
				bySurname[c.actor.ID] = true
			}
			continue
		}
		if c.res == "coref" || c.end-c.start < 2 || !d.units[c.start].is(d.w.first) {
			continue
		}
		key := d.units[c.start].key
		if p, ok := full[key]; ok && (p < 0 || d.cands[p].actor.ID != c.actor.ID) {
			full[key] = -1
		} else if !ok {
			full[key] = ci
		}
	}
	if len(full) == 0 || len(bySurname) == 0 {
		return
	}
	for ci := range d.cands {
		c := &d.cands[ci]
		if c.form != "name" || c.typ != news.Organization || c.res != "unresolved" || c.end-c.start != 1 || !d.units[c.start].is(d.w.first) {
			continue
		}
		if p, ok := full[d.units[c.start].key]; ok && p >= 0 && p < ci && bySurname[d.cands[p].actor.ID] && !orgWord[d.units[c.start].key] {
			c.typ, c.actor, c.res, c.ante = news.Person, d.cands[p].actor, "coref", p
		}
	}
}

// appositiveTitle reports whether the name ci is followed by a comma, an
// article and, within four lower-case words, a title or role that is no
// honorific: "Kavi Raman, a senior research analyst", "X, the chief
// executive".
func (d *doc) appositiveTitle(ci int) bool {
	c := &d.cands[ci]
	k := c.end
	if k+2 >= len(d.units) || d.units[k].key != "," {
		return false
	}
	sent := d.units[c.start].sent
	at := k + 1
	if u := d.units[at]; u.key != "a" && u.key != "an" && u.key != "the" {
		return false
	}
	for x := at + 1; x < len(d.units) && x <= at+4 && d.units[x].sent == sent && !d.units[x].punct; x++ {
		if t, _, _, ok := d.titleAt(sent, x); ok && t.Kind != "honorific" {
			return true
		}
		if d.units[x].shape != actors.ShapeLower {
			return false
		}
	}
	return false
}

// listOfPersons reports whether the name ci stands in a list next to a
// person's name, joined by a comma or "and"/"or": "candidates including
// Kamala Harris, Klobuchar and Steyer".
func (d *doc) listOfPersons(ci int) bool {
	c := &d.cands[ci]
	joins := func(x int) bool {
		k := d.units[x].key
		return k == "," || k == "and" || k == "or"
	}
	if ci > 0 {
		if o := &d.cands[ci-1]; o.form == "name" && o.typ == news.Person && o.end == c.start-1 && joins(o.end) {
			return true
		}
	}
	if ci+1 < len(d.cands) {
		if o := &d.cands[ci+1]; o.form == "name" && o.typ == news.Person && c.end+1 == o.start && joins(c.end) && !d.units[c.start].poss {
			return true
		}
	}
	return false
}
