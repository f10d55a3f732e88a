package event

import (
	"sort"

	"sitrep/news"
)

// write turns a pending event into a news.Event with codes, place, date,
// confidence.
func (r *reader) write(sp news.Span, p *pending) news.Event {
	ws := r.ws
	ev := news.Event{
		Type: p.e.kind, Mode: p.e.mode,
		Trigger:  news.Span{Start: ws[p.trig].span.Start, End: ws[p.trigEnd-1].span.End},
		Evidence: sp,
		Source:   p.src, Target: p.tgt, Place: -1, Time: -1,
		Assert: p.assert, Voice: p.voice, Content: -1,
		SourceArg: r.arg(p.src), TargetArg: r.arg(p.tgt),
	}
	if p.recode != "" && p.recodeMode != "" {
		ev.Type, ev.Mode = p.recode, p.recodeMode
	} else if p.recode != "" {
		ev.Intended, ev.Type, ev.Mode = ev.Type, p.recode, ""
		ev.Source, ev.Target = p.src, p.tgt
		ev.SourceArg, ev.TargetArg = r.arg(p.src), r.arg(p.tgt)
	}
	if code, ok := r.s.ont.Lookup(ev.Type, ev.Mode); ok {
		ev.CAMEO, ev.CAMEORoot, ev.CAMEOBase = code.CAMEO, code.Root(), code.Base()
		ev.QuadClass, ev.Goldstein = code.Quad, code.Goldstein
		ev.ACLEDEvent, ev.ACLEDSubEvent = code.ACLEDEvent, code.ACLEDSub
	}
	// ACLED codes an armed attack on civilians as violence against
	// civilians, not a battle.
	if ev.ACLEDEvent == "Battles" && ev.Target >= 0 && sectorCode(r.a.Mentions[ev.Target].Actor.Sector) == "CVL" {
		ev.ACLEDEvent, ev.ACLEDSubEvent = "Violence against civilians", "Attack"
	}
	r.bindPlace(&ev, p)
	r.bindTime(&ev, p)
	for _, c := range p.toll {
		r.addToll(&ev, c)
	}
	conf := 0.45
	if p.src >= 0 {
		conf += 0.2
	}
	if p.tgt >= 0 {
		conf += 0.2
	}
	if p.verbal || p.voice == "light" {
		conf += 0.1
	}
	if p.trig > 0 && ws[p.trig-1].low == "to" {
		conf -= 0.05 // a purpose clause: "staged protests to demand…"
	}
	if p.e.weak {
		conf -= 0.2
	}
	if conf > 0.95 {
		conf = 0.95
	}
	ev.Confidence = conf
	return ev
}

func (r *reader) arg(m int) news.Argument {
	if m < 0 {
		return news.Argument{Mention: -1}
	}
	return news.Argument{Span: r.a.Mentions[m].Span, Mention: m}
}

func (r *reader) addToll(ev *news.Event, c news.Casualty) {
	ev.Casualties = append(ev.Casualties, c)
	rg := c.Count
	switch c.Kind {
	case news.Killed:
		if ev.Killed == nil {
			ev.Killed = &rg
		}
	case news.Injured:
		if ev.Injured == nil {
			ev.Injured = &rg
		}
	}
}

// bindPlace takes the place nearest the trigger in its clause, else in
// its sentence, else in its paragraph, else the dateline's, lowering the
// precision as it goes further.
func (r *reader) bindPlace(ev *news.Event, p *pending) {
	ws := r.ws
	lo, hi := r.clauseStart(p.trig), r.clauseEnd(p.trigEnd)
	// "near al-Tanf, where forces have been training…": the clause's
	// place is the one "where" refers to.
	if lo >= 1 && ws[lo-1].low == "where" {
		k := lo - 2
		if k >= 0 && ws[k].low == "," {
			k--
		}
		if k >= 0 && ws[k].place >= 0 {
			ev.Place, ev.PlaceFrom = ws[k].place, "clause"
			ev.PlacePrecision = lowerGeo(r.a.Places[ws[k].place].Precision)
			return
		}
	}
	best, bestD, inClause := -1, 1<<30, false
	for j := max(0, p.trig-window); j < min(len(ws), p.trigEnd+window); j++ {
		w := &ws[j]
		if w.place < 0 {
			continue
		}
		d := p.trig - j
		if j >= p.trig {
			d = j - p.trigEnd
		}
		in := j >= lo && j < hi
		if (in && !inClause) || (in == inClause && d < bestD) {
			best, bestD, inClause = w.place, d, in
		}
	}
	if best >= 0 {
		ev.Place = best
		ev.PlacePrecision = r.a.Places[best].Precision
		ev.PlaceFrom = "clause"
		if !inClause {
			ev.PlaceFrom = "sentence"
			ev.PlacePrecision = lowerGeo(ev.PlacePrecision)
		}
		return
	}
	par := r.paragraphOf(ev.Trigger.Start)
	if par >= 0 {
		ps := r.a.Paragraphs[par]
		pspan := func(i int) news.Span { return r.a.Places[i].Span }
		order := r.ix.places
		k := sort.Search(len(order), func(k int) bool { return pspan(order[k]).Start >= ps.Start })
		for n := 0; k < len(order) && n < window; k, n = k+1, n+1 {
			pl := r.a.Places[order[k]]
			if pl.Span.Start >= ps.End {
				break
			}
			if ps.Contains(pl.Span) && (best < 0 || absInt(pl.Span.Start-ev.Trigger.Start) < absInt(r.a.Places[best].Span.Start-ev.Trigger.Start)) {
				best = order[k]
			}
		}
		if best >= 0 {
			ev.Place, ev.PlaceFrom = best, "paragraph"
			ev.PlacePrecision = lowerGeo(lowerGeo(r.a.Places[best].Precision))
			return
		}
	}
	dl := r.a.Meta.Dateline
	if !dl.IsZero() {
		for i, pl := range r.a.Places {
			if pl.Span.Start >= dl.End {
				break
			}
			if dl.Contains(pl.Span) {
				ev.Place, ev.PlaceFrom = i, "dateline"
				ev.PlacePrecision = news.GeoRegion
				if pl.Precision == news.GeoCountry {
					ev.PlacePrecision = news.GeoCountry
				}
				return
			}
		}
	}
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func lowerGeo(g news.GeoPrecision) news.GeoPrecision {
	switch g {
	case news.GeoPoint:
		return news.GeoNear
	case news.GeoNear:
		return news.GeoRegion
	}
	return g
}

// bindTime takes the date expression of the sentence nearest the trigger,
// else the publication date with a precision one step coarser.
func (r *reader) bindTime(ev *news.Event, p *pending) {
	best, bestD := -1, 1<<30
	for j := max(0, p.trig-window); j < min(len(r.ws), p.trigEnd+window); j++ {
		w := &r.ws[j]
		if w.time < 0 {
			continue
		}
		t := r.a.Times[w.time]
		if (t.Type != news.TimeDate && t.Type != news.TimeTime) || !isDateValue(t.Value) {
			continue
		}
		d := absInt(j - p.trig)
		if d < bestD {
			best, bestD = w.time, d
		}
	}
	if best >= 0 {
		t := r.a.Times[best]
		ev.Time, ev.Date, ev.DatePrecision, ev.DateFrom = best, t.Value, t.Precision, "sentence"
		return
	}
	pub := r.a.Meta.Published
	if pub.IsZero() {
		return
	}
	d := pub
	if d.Precision == news.PrecisionMinute || d.Precision == news.PrecisionSecond {
		d.Precision = news.PrecisionDay
	}
	ev.Date, ev.DateFrom = d.Value(), "published"
	switch d.Precision {
	case news.PrecisionDay:
		ev.DatePrecision = news.PrecisionMonth
	case news.PrecisionMonth:
		ev.DatePrecision = news.PrecisionYear
	default:
		ev.DatePrecision = news.PrecisionYear
	}
}

// isDateValue reports whether a TIMEX3 value names a calendar date or
// month or year ("2017-06-08", "2015-10", "2015"), not PRESENT_REF or a
// week.
func isDateValue(v string) bool {
	if len(v) < 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return len(v) == 4 || v[4] == '-' && len(v) >= 7 && v[5] != 'W'
}
