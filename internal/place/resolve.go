package place

import (
	"math"
	"slices"

	"sitrep/internal/kb/gazetteer"
	"sitrep/news"
)

// Weights of the disambiguation score, in units of log10(population).
const (
	countryPrior   = 8.5 // a country's name almost always means the country
	regionPrior    = 7.0 // continents, seas, disputed regions
	sitePrior      = 6.0 // curated border crossings, bases, dams
	capitalBonus   = 1.0 // a national capital (PPLC)
	adminSeatBonus = 0.5 // a first-level region's seat (PPLA)
	eponymMargin   = 0.5 // a region's largest city of the same name over the region
	altPenalty     = 1.0 // the name is only an alternate name of a populated place
	altPenaltyArea = 0.5 // …of a region, country or site
	admin2Penalty  = 0.5 // a county or district, against a town of its name
	spellingBonus  = 1.0 // the text spells the name as the entry does
	adminCue       = 3.0 // "X province" and an admin1 candidate
	townCue        = 2.0 // "the town of X" and a populated place
	demonymCue     = 3.0 // "the Syrian town of X" and a place in Syria
	qualifierBonus = 4.0 // "X, Y" and X lies in Y
	countryBonus   = 5.0 // times the share of the article's other places in the candidate's country
	admin1Bonus    = 1.5 // …in its first-level region
	nearbyBonus    = 1.0 // …within nearbyKM of it
	listBonus      = 2.0 // another name of its list is of the candidate's class
	listCountry    = 2.0 // …in the candidate's country
	outletBonus    = 0.5 // the outlet's domain is of the candidate's country
	nearbyKM       = 300
	// looseMaxPopulation: see uncorroborated.
	looseMaxPopulation = 100000
	// minPopulation stands for an unknown population (GeoNames writes 0):
	// cities1000 lists places of at least 1,000 people and the seats of
	// administrative divisions, so an unknown one is not an empty one.
	minPopulation = 1000
	rounds        = 2
	// maxPoints bounds the places the nearby test compares a candidate
	// with, so that resolution stays linear in the number of names.
	maxPoints = 256
)

// prior scores a candidate by itself and the words around its name.
func (s *Stage) prior(w *work, nm *name, c gazetteer.Candidate) float64 {
	e := s.g.Entry(c.Index)
	var sc float64
	switch e.Class {
	case gazetteer.Country:
		sc = countryPrior
	case gazetteer.Region:
		sc = regionPrior
	case gazetteer.Site:
		sc = sitePrior
	case gazetteer.Admin2:
		sc = logPopulation(e.Population) - admin2Penalty
	default:
		sc = logPopulation(e.Population)
	}
	if !c.Alternate && gazetteer.SameSpelling(e.Name, w.text[nm.span.Start:nm.span.End]) {
		sc += spellingBonus
	}
	switch e.Code {
	case "PPLC":
		sc += capitalBonus
	case "PPLA":
		sc += adminSeatBonus
	}
	if c.Alternate {
		if e.Class == gazetteer.City || e.Class == gazetteer.Admin2 {
			sc -= altPenalty
		} else {
			sc -= altPenaltyArea
		}
	}
	if nm.admin && (e.Class == gazetteer.Admin1 || e.Class == gazetteer.Admin2) {
		sc += adminCue
	}
	if nm.town && e.Class == gazetteer.City {
		sc += townCue
	}
	if nm.demonymCC != "" && e.Country == nm.demonymCC {
		sc += demonymCue
	}
	return sc
}

// logPopulation is log10 of a population, minPopulation when unknown or
// smaller.
func logPopulation(n int64) float64 {
	return math.Log10(float64(max(n, minPopulation)))
}

// eponym lifts a first-level region's largest city above the region when
// both are candidates of one name: "New York", "São Paulo", "Delhi" name
// the city unless a cue says region ("X province", "Buffalo, New York",
// "New York Governor"), and
// a region whose largest city has another name keeps its own ("Quebec").
func (s *Stage) eponym(w *work, nm *name) {
	cands := w.cands[nm.c0:nm.c1]
	for ai, a := range cands {
		r := s.g.Entry(a.Index)
		if r.Class != gazetteer.Admin1 {
			continue
		}
		city, ok := s.g.LargestCity(r.Country, r.Admin1)
		if !ok {
			continue
		}
		for ci, c := range cands {
			if c.Index == city {
				p := &w.priors[nm.c0+ci]
				*p = max(*p, w.priors[nm.c0+ai]+eponymMargin)
			}
		}
	}
}

// resolve chooses an entry for every name.
func (s *Stage) resolve(w *work, a *news.Article) {
	outlet := s.outletCountry(a)
	// Round 0: each name by itself.
	w.priors = append(w.priors[:0], make([]float64, len(w.cands))...)
	for k := range w.names {
		nm := &w.names[k]
		nm.best, nm.score = -1, math.Inf(-1)
		for ci, c := range w.cands[nm.c0:nm.c1] {
			sc := s.prior(w, nm, c)
			if outlet != "" && s.g.Entry(c.Index).Country == outlet {
				sc += outletBonus
			}
			w.priors[nm.c0+ci] = sc
		}
		// Not in "Buffalo, New York" (a qualifier is the region) nor
		// before a title ("New York Governor").
		qualifies := k > 0 && w.names[k-1].qualifier == k
		titled := nm.last+1 < len(w.tokens) && w.sep(nm.last) == " " && w.is(nm.last+1, s.lx.title)
		if !nm.admin && !qualifies && !titled {
			s.eponym(w, nm)
		}
		for ci, c := range w.cands[nm.c0:nm.c1] {
			if sc := w.priors[nm.c0+ci]; sc > nm.score {
				nm.best, nm.score = c.Index, sc
			}
		}
	}
	// Later rounds: each name in the light of the others' choices.
	support, adminSupport, seen := w.support, w.adminSupport, w.seen
	for r := 0; r < rounds; r++ {
		clear(support)
		clear(adminSupport)
		clear(seen)
		w.points = w.points[:0]
		for k := range w.names {
			// Each entry supports its country once, however often it is
			// named: repetition is not corroboration.
			if b := w.names[k].best; b >= 0 && !seen[b] {
				seen[b] = true
				e := s.g.Entry(b)
				support[e.Country]++
				if e.Class != gazetteer.Country && e.Admin1 != "" {
					adminSupport[[2]string{e.Country, e.Admin1}]++
				}
				if (e.Class == gazetteer.City || e.Class == gazetteer.Site) && len(w.points) < maxPoints {
					w.points = append(w.points, point{b, e.Lat, e.Lon})
				}
			}
		}
		total := float64(len(seen)) // distinct entries chosen
		next := append(w.next[:0], make([]int32, len(w.names))...)
		scores := append(w.scores[:0], make([]float64, len(w.names))...)
		w.next, w.scores = next, scores
		for k := range w.names {
			nm := &w.names[k]
			next[k], scores[k] = nm.best, nm.score
			if nm.c1-nm.c0 < 2 {
				continue
			}
			var own *gazetteer.Entry
			if nm.best >= 0 {
				own = s.g.Entry(nm.best)
			}
			bestSc := math.Inf(-1)
			for ci, c := range w.cands[nm.c0:nm.c1] {
				e := s.g.Entry(c.Index)
				sc := w.priors[nm.c0+ci]
				if e.Country != "" {
					n := support[e.Country]
					if own != nil && own.Country == e.Country {
						n-- // not its own support
					}
					if n > 0 {
						// The share, not the count: an article about
						// Syria that mentions Washington three times
						// still reads "Palmyra" as the Syrian one.
						sc += countryBonus * n / total
					}
					if e.Class != gazetteer.Country && e.Admin1 != "" {
						m := adminSupport[[2]string{e.Country, e.Admin1}]
						if own != nil && own.Class != gazetteer.Country && own.Country == e.Country && own.Admin1 == e.Admin1 {
							m--
						}
						if m > 0 {
							sc += admin1Bonus
						}
					}
				}
				if q := nm.qualifier; q >= 0 && w.names[q].best >= 0 && contains(s.g.Entry(w.names[q].best), e) {
					sc += qualifierBonus
				}
				if nm.list > 0 {
					class, country := sameInList(s, w, k, e)
					if class {
						sc += listBonus
					}
					if country {
						sc += listCountry
					}
				}
				if e.Class == gazetteer.City || e.Class == gazetteer.Site {
					if nearOther(w.points, nm.best, e) {
						sc += nearbyBonus
					}
				}
				if sc > bestSc {
					next[k], bestSc, scores[k] = c.Index, sc, sc
				}
			}
		}
		for k := range w.names {
			w.names[k].best, w.names[k].score = next[k], scores[k]
		}
	}
}

// sameInList reports whether a neighbour of name k in its list was
// resolved to an entry of e's class, and whether one was resolved to an
// entry in e's country: the names of a list are alike ("Alberta, Manitoba,
// Ontario and New Brunswick"). Lists are contiguous in w.names.
func sameInList(s *Stage, w *work, k int, e *gazetteer.Entry) (class, country bool) {
	for _, j := range [2]int{k - 1, k + 1} {
		if j >= 0 && j < len(w.names) && w.names[j].list == w.names[k].list {
			if b := w.names[j].best; b >= 0 {
				o := s.g.Entry(b)
				class = class || o.Class == e.Class
				country = country || (o.Country != "" && o.Country == e.Country)
			}
		}
	}
	return class, country
}

// contains reports whether region q contains entry e: q is e's country, or
// e's first-level region.
func contains(q, e *gazetteer.Entry) bool {
	switch q.Class {
	case gazetteer.Country:
		return e.Country == q.Country && e.Class != gazetteer.Country
	case gazetteer.Admin1:
		return e.Country == q.Country && e.Admin1 == q.Admin1 && e.Class != gazetteer.Admin1
	}
	return false
}

// A point is a resolved place with a position, for nearOther.
type point struct {
	entry    int32
	lat, lon float64
}

// nearOther reports whether a resolved point other than own lies within
// nearbyKM of e.
func nearOther(points []point, own int32, e *gazetteer.Entry) bool {
	const degLat = nearbyKM / 111.0
	// Degrees of longitude that nearbyKM spans at e's latitude, bounded so
	// that near the poles every longitude passes the cheap test.
	degLon := 360.0
	if c := math.Cos(e.Lat * math.Pi / 180); c > 0.05 {
		degLon = degLat / c
	}
	for _, p := range points {
		if p.entry == own || math.Abs(p.lat-e.Lat) > degLat {
			continue
		}
		if dl := math.Abs(p.lon - e.Lon); dl > degLon && 360-dl > degLon {
			continue
		}
		if distanceKM(p.lat, p.lon, e.Lat, e.Lon) < nearbyKM {
			return true
		}
	}
	return false
}

// distanceKM is the great-circle distance by the haversine formula.
func distanceKM(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// mainCountry is the country most names of the article lie in; ties go to
// the country named first.
func (s *Stage) mainCountry(w *work) (int32, bool) {
	count := w.support
	clear(count)
	bestCC, bestN := "", 0.0
	for k := range w.names {
		if b := w.names[k].best; b >= 0 {
			cc := s.g.Entry(b).Country
			if cc == "" {
				continue
			}
			count[cc]++
			if count[cc] > bestN {
				bestCC, bestN = cc, count[cc]
			}
		}
	}
	if bestCC == "" {
		return 0, false
	}
	return s.g.Country(bestCC)
}

// uncorroborated reports whether a town or administrative region of fewer
// than looseMaxPopulation people was matched only loosely (the text spells
// it unlike the entry's name: "Oppland" for Upland, "Mbomo" for Mbomou)
// and no other name of the article lies in its country. Such a match is
// more often a word or a foreign place that shares a key than the place
// meant, and is not emitted. A larger place is often known by an exonym
// the gazetteer holds only as an alternate name (Geneva for Genève), and
// countries, regions and curated sites have their own aliases: they are
// kept.
// mainCountry must have filled w.support with the names per country.
func (s *Stage) uncorroborated(w *work, nm *name, e *gazetteer.Entry) bool {
	switch e.Class {
	case gazetteer.City, gazetteer.Admin1, gazetteer.Admin2:
	default:
		return false
	}
	return e.Population < looseMaxPopulation && w.support[e.Country] < 2 &&
		!gazetteer.SameSpelling(e.Name, w.text[nm.span.Start:nm.span.End])
}

// emit writes the places of the resolved names.
func (s *Stage) emit(w *work, dst []news.Place) []news.Place {
	main, haveMain := s.mainCountry(w)
	dst = slices.Grow(dst, len(w.names))
	for k := range w.names {
		nm := &w.names[k]
		b := nm.best
		if nm.ofCountry {
			if !haveMain {
				continue
			}
			b = main
		}
		if b < 0 {
			continue
		}
		e := s.g.Entry(b)
		if !nm.ofCountry && s.uncorroborated(w, nm, e) {
			continue
		}
		p := news.Place{
			Span:       nm.span,
			GeonameID:  e.ID,
			Name:       e.Name,
			Lat:        e.Lat,
			Lon:        e.Lon,
			Country:    e.Country,
			Admin1:     s.g.Admin1Name(e.Country, e.Admin1),
			Admin1Code: e.Admin1,
			Feature:    e.Class.String(),
			Code:       e.Code,
			Population: e.Population,
			Source:     e.Source,
			Candidates: nm.c1 - nm.c0,
		}
		switch {
		case nm.region || nm.ofCountry:
			p.Precision = news.GeoRegion
			p.Span = nm.outer
		case e.Class == gazetteer.Country:
			p.Precision = news.GeoCountry
		case e.Class == gazetteer.Admin1 || e.Class == gazetteer.Admin2 || e.Class == gazetteer.Region:
			p.Precision = news.GeoRegion
		case nm.near:
			p.Precision = news.GeoNear
		default:
			p.Precision = news.GeoPoint
		}
		if e.Class == gazetteer.Admin1 {
			p.Admin1 = e.Name
		}
		dst = append(dst, p)
	}
	return dst
}

// metonym reports whether a name that can be a capital city's stands for
// its government:
// followed by a verb of saying or acting ("Damascus said"), possessive
// ("Damascus' allies", "Washington's policy"), or the agent of a passive
// ("controlled by Damascus").
func (s *Stage) metonym(w *work, nm *name) bool {
	if nm.ofCountry {
		return false
	}
	capital := false
	for _, c := range w.cands[nm.c0:nm.c1] {
		if e := s.g.Entry(c.Index); e.Code == "PPLC" {
			capital = true
			break
		}
	}
	if !capital {
		return false
	}
	if nm.first > 0 && w.sep(nm.first-1) == " " && w.lowerEq(nm.first-1, "by") {
		return true // "controlled by Damascus"
	}
	next := nm.last + 1
	if next >= len(w.tokens) {
		return false
	}
	gap := w.sep(nm.last)
	if gap == " " {
		// "Damascus said", but not "protesters in Tbilisi said"
		_, loc := w.before(nm.first, s.lx.locative)
		return !loc && w.is(next, s.lx.verb)
	}
	return gap != "" && isApostrophe(runeAt(gap, 0))
}

// baseline resolves the names of text by the prior alone, for the
// scorer's population baseline.
func (s *Stage) baseline(text string) []news.Place {
	w := s.pool.Get().(*work)
	defer s.pool.Put(w)
	w.reset(text)
	w.tokens = tokenize(text, w.tokens)
	a := &news.Article{Text: text}
	s.recognise(w, a)
	var out []news.Place
	for k := range w.names {
		nm := &w.names[k]
		best, bestSc := int32(-1), math.Inf(-1)
		for _, c := range w.cands[nm.c0:nm.c1] {
			if sc := s.prior(w, nm, c); sc > bestSc {
				best, bestSc = c.Index, sc
			}
		}
		if best < 0 {
			continue
		}
		e := s.g.Entry(best)
		out = append(out, news.Place{Span: nm.span, Lat: e.Lat, Lon: e.Lon, Country: e.Country, Feature: e.Class.String()})
	}
	return out
}
