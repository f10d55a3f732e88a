package entity

import (
	"strings"

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
	for ci := range d.cands {
		if c := &d.cands[ci]; c.form == "name" && c.typ == news.Person && c.res != "coref" {
			d.affiliate(ci)
		}
	}
	d.titled()
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
	for o := ci - 1; o >= 0 && o >= ci-lookBackMentions; o-- {
		oc := &d.cands[o]
		if sent-d.units[oc.start].sent > gap {
			break
		}
		if oc.form == "" || oc.actor.ID == "" {
			continue
		}
		if d.fits(c, oc) {
			c.actor, c.ante, c.res = oc.actor, o, "coref"
			c.typ = oc.typ
			if c.typ == "" {
				c.typ = news.Organization
			}
			return
		}
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
	case c.dmask.Has(w.descCountry) && o.actor.Kind == "state":
		return true
	}
	return false
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
