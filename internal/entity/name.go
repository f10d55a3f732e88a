package entity

import (
	"strings"
	"unicode"

	"sitrep/internal/kb/actors"
	"sitrep/news"
)

// nameUnit reports whether unit k may be part of a name the knowledge base
// does not know.
func (d *doc) nameUnit(si, k int) bool {
	u := d.units[k]
	if !d.capital(k) || u.is(d.w.calendar) || u.is(d.w.notname) || d.pluralAcronym(k) {
		return false
	}
	for _, r := range d.a.Text[u.span.Start:u.span.End] {
		if unicode.IsSymbol(r) {
			return false // "US$", "€uro"
		}
	}
	if u.is(d.w.function) && u.shape != actors.ShapeUpper {
		return false
	}
	if d.caps[si] {
		// In a headline capitals say nothing: a word is a name only when
		// the body writes it capitalised too, or is an acronym in a
		// headline in title case.
		return d.capsIn[u.key] || (!d.upper[si] && u.shape == actors.ShapeUpper && !d.lower[u.key] && !u.is(d.w.function))
	}
	return true
}

// titleAt returns the title that starts at unit k, if any, and where it
// ends. strong says it marks a person's name on its own ("President",
// "Gen.", "Mr"); a weak one ("General", "Chief") needs a first name after it.
func (d *doc) titleAt(si, k int) (t actors.Title, end int, strong, ok bool) {
	m, ok := d.longest(k, d.caps[si])
	if !ok {
		return t, 0, false, false
	}
	if _, named := pick(m, actors.Named, actors.CountryName, actors.Capital); named {
		return t, 0, false, false
	}
	e, ok := pick(m, actors.TitleWord)
	if !ok {
		return t, 0, false, false
	}
	t = d.kb.Titles[e.Ref]
	raw := d.a.Text[d.units[k].span.Start:d.units[m.End-1].span.End]
	strong = t.Kind == "title" || t.Kind == "honorific" || strings.HasSuffix(raw, ".") || m.End-k > 1
	return t, m.End, strong, true
}

// name reads a name the knowledge base does not know, starting at the
// capitalised unit i, with the titles before it, and returns the unit to go
// on from.
// countryAt reports whether a country name or demonym starts at unit j.
func (d *doc) countryAt(si, j int) bool {
	m, ok := d.longest(j, d.caps[si])
	if !ok {
		return false
	}
	_, ok = pick(m, actors.CountryName, actors.Demonym)
	return ok
}

func (d *doc) name(si, i, end int) int {
	if d.foreign {
		return i + 1 // capitals say nothing of names in German, Indonesian…: only the knowledge base's names count
	}
	ws := d.wordStart(d.sents[si][0], end)
	// Leading titles: "Col. Gen. Sergei Rudskoy", "President Obama".
	var roles []news.Role
	strongAll := false
	j := i
	for j < end {
		t, te, strong, ok := d.titleAt(si, j)
		if !ok {
			break
		}
		roles = append(roles, news.Role{Title: t.Canonical, Kind: t.Kind, Span: d.span(j, te)})
		strongAll = strongAll || strong
		j = te
	}
	k := d.run(si, j, end)
	if len(roles) > 0 {
		ok := k > j && !d.units[k-1].is(d.w.org) && !d.units[k-1].is(d.w.place) &&
			(strongAll || d.units[j].is(d.w.first) || k-j >= 2)
		if !ok && k > j {
			roles, j = nil, i
			k = d.run(si, i, end)
		}
	}
	if k == j {
		if len(roles) > 0 {
			return j
		}
		return i + 1
	}
	if _, te, _, ok := d.titleAt(si, j); ok && te >= k {
		return k // a title with no name after it: "Commander of the…"
	}
	// A capitalised word that opens a sentence is a name only when the
	// article does not write it in lower case elsewhere.
	if j == ws && len(roles) == 0 {
		u := d.units[j]
		headed := k-j >= 2 && (d.units[k-1].is(d.w.org) || d.units[k-1].is(d.w.place))
		common := u.is(d.w.function) || (d.lower[u.key] && !d.capsIn[u.key])
		switch {
		case k-j >= 2 && (openerMods[u.key] || numberWords[u.key]):
			return j + 1 // "Former Socialist prime minister …", "Ousted President …", "Eighty UN peacekeepers"
		case k-j >= 2 && !u.is(d.w.org|d.w.place) && d.countryAt(si, j+1):
			return j + 1 // "Recent US drone strikes", "Angry French farmers": an adjective before a country word
		case k-j >= 3 && d.units[j+1].key == "of" && !u.is(d.w.org) && !u.is(d.w.place):
			return j + 1 // "Shares of Northrop Grumman Corp."
		case common && !headed && (k-j == 1 || !u.is(d.w.first)):
			return j + 1
		case k-j == 1 && !d.capsIn[u.key] && u.shape != actors.ShapeUpper && !(d.speechAfter(k) && !d.units[k].is(d.w.function)):
			// A lone capitalised opener the article never capitalises
			// elsewhere: more likely a word than a name.
			return j + 1
		case k-j == 1 && d.lower[u.key] && u.shape != actors.ShapeUpper && !d.speechAfter(k):
			// A lone capitalised opener the article also writes in lower
			// case ("Hours before…", "Stay hydrated"): a word, though a
			// heading capitalises it elsewhere.
			return j + 1
		}
	}
	// A role in lower case just before: "spokeswoman Sandy Angers".
	before := i
	if len(roles) == 0 {
		floor := d.sents[si][0]
		office := -1 // the start of an office's mention that ends at i
		if n := len(d.cands); n > 0 && d.cands[n-1].end > floor {
			floor = d.cands[n-1].end // not a title inside an earlier mention
			if p := d.cands[n-1]; p.end == i && p.inst >= 0 {
				// …unless that mention is an office and the name follows
				// it: "Nigerian junior foreign minister Dubem Oniya"
				// (affiliate then ties the person to the office).
				office, floor = p.start, max(p.start, d.sents[si][0])
			}
		}
		for back := 1; back <= 3 && i-back >= floor; back++ {
			if t, te, _, ok := d.titleAt(si, i-back); ok && te == i && t.Kind != "honorific" {
				roles = append(roles, news.Role{Title: t.Canonical, Kind: t.Kind, Span: d.span(i-back, i)})
				before = i - back
				if office >= 0 && i-back >= office {
					before = i
				}
				break
			}
			// An office in lower case after a name of an organisation:
			// "French National Assembly president X", "Microsoft
			// president X".
			if x := i - back; office < 0 && d.units[x].shape == actors.ShapeLower {
				if m, ok := d.longest(x, d.caps[si]); ok && m.End == i {
					if ie, ok := pick(m, actors.Institution); ok && roleHolders[d.kb.Insts[ie.Ref].Key] {
						if n := len(d.cands); n > 0 && d.cands[n-1].end == x && d.cands[n-1].typ != news.Person && d.cands[n-1].typ != news.Location {
							roles = append(roles, news.Role{Title: d.kb.Insts[ie.Ref].Name, Kind: "title", Span: d.span(x, i)})
							before = x
							break
						}
					}
				}
			}
		}
	}
	// "King Hassan of Morocco": a titled person of a country; the country
	// is a mention of its own.
	of := -1
	if len(roles) > 0 {
		for x := j + 1; x+1 < k; x++ {
			if d.units[x].key != "of" {
				continue
			}
			if m, ok := d.longest(x+1, d.caps[si]); ok && m.End == k {
				if e, ok := pick(m, actors.CountryName); ok {
					of = e.Ref
					k = x
				}
			}
			break
		}
	}
	c := d.typeName(si, j, k, roles)
	if c.res == "" {
		return k // words, not a name
	}
	c.roles, c.before = roles, before
	if of >= 0 && c.typ == news.Person && c.actor.Country == "" {
		co := d.kb.Countries[of]
		sector := "government"
		for _, r := range roles {
			if sc := d.s.titleSector[r.Title]; sc != "" {
				sector = sc
				break
			}
		}
		code := sectorCodes[sector]
		if code == "" {
			sector, code = "government", "GOV"
		}
		c.actor.Country, c.actor.Sector, c.actor.Code = co.ISO3, sector, co.ISO3+code
	}
	d.add(c)
	d.remember(len(d.cands) - 1)
	return d.after(si, len(d.cands)-1, end)
}

// openerMods are words that open a sentence before a name or title and
// are no part of it.
var openerMods = map[string]bool{"former": true, "ex": true, "ousted": true, "deposed": true, "exiled": true,
	"late": true, "ethnic": true, "acting": true, "interim": true, "outgoing": true, "jailed": true, "slain": true, "veteran": true}

// numberWords are numbers written in words: a sentence opener before a
// name ("Eighty UN peacekeepers", "Two Israeli soldiers") is no part of it.
var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "fifteen": true,
	"twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true, "seventy": true, "eighty": true,
	"ninety": true, "hundred": true, "hundreds": true, "thousand": true, "thousands": true, "dozen": true,
	"dozens": true, "several": true, "some": true, "many": true, "scores": true, "about": true, "nearly": true}

// run returns the end of the run of name units from j: capitalised words
// and the connectors between them, up to a possessive, a title inside the
// run ("Apple CEO Steve Jobs"), or MaxNameUnits.
func (d *doc) run(si, j, end int) int {
	k := j
	for k < end {
		if k-j >= d.s.maxUnits {
			// A run this long is a list or a page of capitals, not a name.
			d.a.AddDiagnostic("entity", news.Info, d.span(j, k), "entity-long-run",
				"a run of capitalised words too long to be a name")
			for k < end && d.nameUnit(si, k) {
				k++
			}
			return k
		}
		if d.particle(k, end) && !d.units[k].is(d.w.function) {
			k++
			continue
		}
		// A middle initial: "Sonya A. Zoghlin".
		if k > j && k+1 < end && d.units[j].is(d.w.first) && d.initial(k) && d.capital(k+1) && !d.units[k+1].is(d.w.function) {
			k++
			continue
		}
		if d.nameUnit(si, k) {
			if k > j && !d.units[k-1].is(d.w.connector) {
				// A one-word title after a lone first name is a surname:
				// "Tom King", "John Major".
				lone := k-j == 1 && d.units[j].is(d.w.first) && !d.units[j].is(d.w.function)
				if _, te, strong, ok := d.titleAt(si, k); ok && !(lone && te-k == 1) && (strong || te < end && d.capital(te) && d.units[te].is(d.w.first)) {
					return k // "Apple CEO Steve Jobs"
				}
				// "Senior Hungarian officials": a demonym before a common
				// noun ends a run that opens the sentence.
				if m, ok := d.longest(k, d.caps[si]); ok && j == d.wordStart(d.sents[si][0], end) && m.End < end && d.units[m.End].shape == actors.ShapeLower && !d.units[m.End].punct {
					if _, dem := pick(m, actors.Demonym); dem {
						return k
					}
				}
			}
			k++
			if d.units[k-1].poss || (d.units[k-1].joined && k < end && !d.capital(k)) {
				return k
			}
			// "Apple Inc. Steve Jobs", "Chrysler LLC Jim Press": a head word
			// ends an organisation's name before a person's.
			if k-j >= 2 && k < end && d.units[k-1].is(d.w.org) && d.capital(k) && d.units[k].is(d.w.first) {
				return k
			}
			continue
		}
		if k > j && d.units[k].is(d.w.connector) && k+1 < end && d.nameUnit(si, k+1) && !d.units[k-1].poss {
			k++
			continue
		}
		break
	}
	for k > j && d.units[k-1].is(d.w.connector) {
		k-- // a name never ends on "of"
	}
	return k
}

// headed reports whether the name [j, k) has an organisation or place head
// word: last ("Singapore Airlines") or before "of" ("Bank of America").
// It returns the word class, "org" or "place", or "".
func (d *doc) headed(j, k int) string {
	for _, cls := range [2]struct {
		name string
		bit  actors.WordClasses
	}{{"org", d.w.org}, {"place", d.w.place}} {
		if d.units[k-1].is(cls.bit) {
			return cls.name
		}
		for x := j; x+1 < k; x++ {
			if d.units[x+1].key == "of" && d.units[x].is(cls.bit) {
				return cls.name
			}
		}
	}
	return ""
}

// speechAfter reports whether a speech verb follows at unit k, directly or
// after the comma that closes an appositive ("Andriy Yusov, said").
func (d *doc) speechAfter(k int) bool {
	if k < len(d.units) && d.units[k].key == "," {
		k++
	}
	return k < len(d.units) && d.units[k].is(d.w.speech) && d.units[k].shape == actors.ShapeLower
}

func (d *doc) speechBefore(j int) bool {
	p := d.prevWord(j)
	return p >= 0 && d.units[p].is(d.w.speech) && d.units[p].shape == actors.ShapeLower
}

// startsNamed reports whether a knowledge-base organisation, group or
// country name (not a title, not an institution word) starts at unit k.
func (d *doc) startsNamed(si, k int) bool {
	m, ok := d.longest(k, d.caps[si])
	if !ok {
		return false
	}
	_, named := pick(m, actors.Named, actors.CountryName)
	return named && m.End-k >= 1 && d.units[k].shape != actors.ShapeLower
}

// eventHeads are the last words of the names of events, tournaments,
// awards and shows: "Davis Cup", "ATP Finals", "World Fantasy Awards",
// "Climate Action Summit", "Geneva Motor Show". Such a name is no actor.
// ("Games" and "League" also end names of companies and leagues.)
var eventHeads = map[string]bool{"cup": true, "final": true, "finals": true, "championship": true, "championships": true,
	"tournament": true, "olympics": true, "paralympics": true, "olympiad": true, "festival": true, "award": true, "awards": true,
	"prize": true, "prix": true, "marathon": true, "bowl": true, "playoffs": true, "summit": true, "expo": true, "show": true,
	"gala": true, "regatta": true, "derby": true, "grammys": true, "oscars": true, "emmys": true}

// typeName decides what the unknown name [j, k) is; a res of "" says it
// is no name.
func (d *doc) typeName(si, j, k int, roles []news.Role) cand {
	name := d.text(j, k)
	key := foldAll(d.units[j:k])
	c := cand{start: j, end: k, res: "context", inst: -1, form: "name"}
	person := func() cand {
		c.typ = news.Person
		c.actor = news.Actor{ID: "person/" + slug(name), Name: name, Kind: "person"}
		// A misspelt name of a person the knowledge base knows:
		// "Francois Mitterand".
		if last := d.units[k-1]; last.shape == actors.ShapeTitle && k-j <= 3 {
			first := ""
			if k-j >= 2 {
				first = d.units[j].key
			}
			if ai, ok := d.kb.NearPerson(first, last.key); ok {
				c.actor, c.res = d.kb.Actors[ai], "kb"
				d.a.AddDiagnostic("entity", news.Info, d.span(j, k), "entity-misspelt",
					"read "+name+" as the knowledge-base name "+c.actor.Name)
			}
		}
		return c
	}
	org := func(res string) cand {
		c.typ, c.res = news.Organization, res
		// The id leaves out a legal form: "Apple Inc." and "Apple" are one
		// company.
		kk := k
		for kk-1 > j && d.units[kk-1].is(d.w.legal) {
			kk--
		}
		c.actor = news.Actor{ID: "org/" + slug(d.text(j, kk)), Name: name, Kind: "organization"}
		return c
	}
	place := func() cand {
		c.typ = news.Location
		c.actor = news.Actor{ID: "place/" + slug(name), Name: name, Kind: "place"}
		return c
	}
	// An earlier mention of the same actor: a surname, a short form, an
	// acronym in brackets after the full name.
	if p, ok := d.person[key]; ok {
		c.typ, c.actor, c.res, c.ante = news.Person, d.cands[p].actor, "coref", p
		return c
	}
	if o, ok := d.places[key]; ok {
		c.typ, c.actor, c.res, c.ante = news.Location, d.cands[o].actor, "coref", o
		return c
	}
	if o, ok := d.orgs[key]; ok {
		c.typ, c.actor, c.res, c.ante = d.cands[o].typ, d.cands[o].actor, "coref", o
		return c
	}
	if j >= 2 && d.units[j-1].key == "(" && k < len(d.units) && d.units[k].key == ")" {
		for o := len(d.cands) - 1; o >= 0 && o >= len(d.cands)-2; o-- {
			if d.cands[o].end == j-1 && d.cands[o].typ != news.Person && d.cands[o].form == "name" {
				c.typ, c.actor, c.res, c.ante = d.cands[o].typ, d.cands[o].actor, "coref", o
				return c
			}
		}
	}
	// A person the knowledge base knows, written after a title
	// ("President Abdelaziz Bouteflika").
	if m, ok := d.longest(j, d.caps[si]); ok && m.End == k {
		if e, ok := pick(m, actors.Named); ok && d.kb.Actors[e.Ref].Kind == "person" {
			c.typ, c.actor, c.res = news.Person, d.kb.Actors[e.Ref], "kb"
			return c
		}
	}
	if len(roles) == 0 && eventHeads[d.units[k-1].key] && d.units[k-1].shape != actors.ShapeLower {
		// An event, award or show named like an organisation: "the Davis
		// Cup Finals", "the Grammy Awards", "the Detroit Auto Show".
		c.res = ""
		return c
	}
	switch {
	case len(roles) > 0:
		return person()
	case d.headed(j, k) == "org" || strings.Contains(name, "&"):
		return org("context")
	case d.headed(j, k) == "place" && k-j >= 2:
		return place()
	}
	if p := d.prevWord(j); p >= 0 && d.units[p].shape == actors.ShapeLower {
		pk := d.units[p].key
		if d.units[p].is(d.w.placeprep) {
			c = place()
			c.weak = true
			return c
		}
		// "the town of al-Tanf"
		if pk == "of" && p > 0 && d.units[p-1].is(d.w.place) {
			return place()
		}
		// "Palmyra and Deir ez-Zor": a name joined to a place is a place.
		if (pk == "and" || pk == "or") && len(d.cands) > 0 {
			if last := d.cands[len(d.cands)-1]; last.end == p && last.typ == news.Location {
				return place()
			}
		}
	}
	if d.looksPerson(j, k) {
		return person()
	}
	// "said Barack Obama", "Barack Obama said": a two- or three-word name
	// with no head word next to a speech verb.
	if k-j >= 2 && k-j <= 3 && d.plausiblePerson(j, k) && (d.speechAfter(k) || d.speechBefore(j)) {
		return person()
	}
	// A misspelt knowledge-base name: "Washinghton".
	if k-j == 1 && d.units[j].shape == actors.ShapeTitle {
		if e, near, ok := d.kb.Near(d.units[j].key); ok {
			if cd, ok := d.misspelt(si, j, e); ok {
				d.a.AddDiagnostic("entity", news.Info, d.span(j, k), "entity-misspelt",
					"read "+name+" as the knowledge-base name "+near)
				return cd
			}
		}
	}
	if d.units[j].shape == actors.ShapeUpper && k-j == 1 {
		return org("context")
	}
	if d.allLower(j, k) {
		// A name that nothing types, all of whose words the article also
		// writes in lower case: words in a heading, a list or a title
		// ("3. Establish your target", "1 Green, 1 Red", "Post-Workout
		// Meal"), not a name.
		c.res = ""
		return c
	}
	d.unresolved(j, k, name)
	return org("unresolved")
}

// misspelt builds the mention of a misspelt knowledge-base name at unit j.
func (d *doc) misspelt(si, j int, e actors.Entry) (cand, bool) {
	c := cand{start: j, end: j + 1, res: "kb", inst: -1, form: "name"}
	switch e.Kind {
	case actors.Named:
		a := d.kb.Actors[e.Ref]
		c.typ, c.actor = typeOfKind(a.Kind), a
	case actors.CountryName, actors.Capital:
		cn := d.kb.Countries[e.Ref]
		var prev, next actors.WordClasses
		if j+1 < len(d.units) && d.units[j+1].sent == si {
			next = d.units[j+1].cls
		}
		if p := d.prevWord(j); p >= 0 {
			prev = d.units[p].cls
		}
		if prev.Has(d.w.placeprep) && !d.units[j].poss {
			c.typ = news.Location
			c.actor = news.Actor{ID: cn.ISO3, Name: cn.Name, Kind: "place", Country: cn.ISO3}
			if e.Kind == actors.Capital {
				c.actor.Name = cn.Capital
			}
		} else if e.Kind == actors.Capital && (d.units[j].poss || next.Has(d.w.speech)) {
			c.typ = news.State
			c.actor, c.inst = d.instActor(cn, d.govInst())
		} else if e.Kind == actors.CountryName {
			c.typ, c.actor = news.State, d.countryActor(cn)
		} else {
			c.typ = news.Location
			c.actor = news.Actor{ID: cn.ISO3, Name: cn.Capital, Kind: "place", Country: cn.ISO3}
		}
	default:
		return c, false
	}
	return c, true
}

func (d *doc) unresolved(j, k int, name string) {
	if d.unres[name] {
		return
	}
	d.unres[name] = true
	d.a.AddDiagnostic("entity", news.Info, d.span(j, k), "entity-unresolved",
		"a name the knowledge base does not know and the text does not type: read as an organisation")
}

// remember indexes a new name mention for the short forms that later refer
// to it.
func (d *doc) remember(ci int) {
	c := d.cands[ci]
	if c.res == "coref" {
		return
	}
	us := d.units[c.start:c.end]
	key := foldAll(us)
	switch c.typ {
	case news.Person:
		d.person[key] = ci
		// The surname alone stands for this person, unless it is a known
		// person's and this is someone else: "Biden" after "Hunter Biden"
		// is still Joe Biden.
		if !(c.res != "kb" && d.knownSurname(c.end-1)) {
			d.person[us[len(us)-1].key] = ci
		}
	case news.Location:
		if c.weak {
			return // "in Chrysler": a place only if no other mention says otherwise
		}
		d.places[key] = ci
		if len(us) >= 2 {
			if l := us[len(us)-1].key; !d.lower[l] {
				d.places[l] = ci
			}
		}
	case news.Organization, news.Group:
		d.orgs[key] = ci
		if len(us) >= 2 {
			var acr strings.Builder
			for _, u := range us {
				if u.shape != actors.ShapeLower && u.key != "" {
					acr.WriteString(u.key[:1])
				}
			}
			if acr.Len() >= 2 {
				if _, taken := d.orgs[acr.String()]; !taken {
					d.orgs[acr.String()] = ci
				}
			}
			if f := us[0].key; !d.lower[f] && !us[0].is(d.w.function|d.w.first) {
				if _, taken := d.orgs[f]; !taken {
					d.orgs[f] = ci
				}
			}
		}
	}
}

func foldAll(us []unit) string {
	if len(us) == 1 {
		return us[0].key
	}
	var b strings.Builder
	for i, u := range us {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(u.key)
	}
	return b.String()
}

// pronounOrDescription records a pronoun or a definite description at unit
// i, to be resolved by link; it reports whether it recorded one.
func (d *doc) pronounOrDescription(si, i int) bool {
	u := d.units[i]
	next := -1
	if i+1 < len(d.units) && d.units[i+1].sent == si {
		next = i + 1
	}
	switch {
	case u.is(d.w.pronounPerson):
		d.add(cand{start: i, end: i + 1, typ: news.Person, res: "coref", ante: -1, inst: -1, form: "pronoun", desc: "person", gender: pronounGender(u.key)})
		return true
	case u.is(d.w.pronounPlural):
		d.add(cand{start: i, end: i + 1, res: "coref", ante: -1, inst: -1, form: "pronoun", desc: "plural"})
		return true
	case u.key == "its" || (u.key == "it" && next >= 0 && d.units[next].is(d.w.speech) && d.units[next].key != "is" && d.units[next].key != "was" && d.units[next].key != "has"):
		d.add(cand{start: i, end: i + 1, res: "coref", ante: -1, inst: -1, form: "pronoun", desc: "thing"})
		return true
	}
	if u.shape != actors.ShapeLower {
		return false
	}
	cls := u.cls & d.w.desc
	if cls == 0 {
		return false
	}
	the := i > 0 && d.units[i-1].key == "the" && d.units[i-1].sent == si
	if !the && u.key != "coalition" {
		return false
	}
	d.add(cand{start: i, end: i + 1, res: "coref", ante: -1, inst: -1, form: "description", desc: "description", dmask: cls})
	return true
}

// pronounGender is the gender of a person pronoun: 'm' for he, him, his,
// himself; 'f' for she, her, hers, herself.
func pronounGender(key string) byte {
	switch key {
	case "he", "him", "his", "himself":
		return 'm'
	case "she", "her", "hers", "herself":
		return 'f'
	}
	return 0
}

// initial reports whether unit k is an initial with its full stop: one
// capital letter, "A." (or "A" then a "." unit).
func (d *doc) initial(k int) bool {
	u := d.units[k]
	t := d.a.Text[u.span.Start:u.span.End]
	if len(t) == 2 && t[1] == '.' || len(t) == 1 && k+1 < len(d.units) && d.units[k+1].key == "." && d.units[k+1].span.Start == u.span.End {
		return t[0] >= 'A' && t[0] <= 'Z'
	}
	return false
}

// pluralAcronym reports whether unit k is an acronym in the plural, a
// common noun: "TVs", "CPMs", "SUVs".
func (d *doc) pluralAcronym(k int) bool {
	u := d.units[k]
	t := d.a.Text[u.span.Start:u.nameEnd]
	if len(t) < 3 || t[len(t)-1] != 's' {
		return false
	}
	for i := 0; i < len(t)-1; i++ {
		if t[i] < 'A' || t[i] > 'Z' {
			return false
		}
	}
	return true
}

// allLower reports whether every word of [j, k) but connectors is in title
// case and written in lower case elsewhere in the article.
func (d *doc) allLower(j, k int) bool {
	for x := j; x < k; x++ {
		u := d.units[x]
		if u.is(d.w.connector) || u.is(d.w.function) {
			continue
		}
		if u.shape != actors.ShapeTitle || !d.lower[u.key] {
			return false
		}
	}
	return true
}

// knownSurname reports whether unit x alone is a name of a person the
// knowledge base knows.
func (d *doc) knownSurname(x int) bool {
	m, ok := d.longest(x, false)
	if !ok || m.End != x+1 {
		return false
	}
	e, ok := pick(m, actors.Named)
	return ok && d.kb.Actors[e.Ref].Kind == "person"
}
