package event

import (
	"sort"

	"sitrep/news"
)

// tollEntry is the event a toll stands for when its sentence and
// paragraph have no event to take it: "Five people were killed."
var tollEntry = &entry{kind: "ASSAULT", verb: true, form: formPart}

// tolls reads the casualty counts of the sentence ("at least two soldiers
// were killed", "killing 12", "15 injured") and gives each to the nearest
// event of the sentence that can have a toll, else to the last such event
// of the paragraph, else to a new ASSAULT event with no source. A count
// with no toll word ("more than 60 soldiers") is a force size and is left
// alone.
func (r *reader) tolls(cands []cand, ps []pending) []pending {
	ws := r.ws
	var counts []count
	for j := 0; j < len(ws); j++ {
		if ws[j].punct || ws[j].mention >= 0 && !ws[j].number && numberWords[ws[j].low] == 0 {
			continue
		}
		if c, ok := parseCount(ws, j); ok {
			counts = append(counts, c)
			j = c.end - 1
		}
	}
	if len(counts) == 0 {
		return ps
	}
	for k := range cands {
		c := &cands[k]
		kind := ""
		for _, e := range c.entries {
			if e.kind == kindCasualty {
				kind = e.mode
				break
			}
		}
		if kind == "" {
			continue
		}
		n, ok := r.countFor(counts, c.i, c.i+c.n)
		if !ok {
			continue
		}
		cas := news.Casualty{Kind: kind, Count: news.Range{Low: n.low, High: n.high,
			Span: news.Span{Start: ws[n.first].span.Start, End: ws[n.end-1].span.End}}}
		if c.i+c.n-1 > n.end-1 {
			cas.Count.Span.End = ws[c.i+c.n-1].span.End
		}
		if c.i < n.first {
			cas.Count.Span.Start = ws[c.i].span.Start
		}
		cas.Assert = r.assertAt(c.i)
		best, bestD := -1, 1<<30
		at := sort.Search(len(ps), func(m int) bool { return ps[m].trig >= c.i })
		for m := max(0, at-window); m < min(len(ps), at+window); m++ {
			if ps[m].drop || !takesToll(ps[m].e.kind, kind) {
				continue
			}
			if d := absInt(ps[m].trig - c.i); d < bestD {
				best, bestD = m, d
			}
		}
		if best >= 0 {
			ps[best].toll = append(ps[best].toll, cas)
			continue
		}
		par := r.paragraphOf(ws[c.i].span.Start)
		done := false
		for m := len(r.events) - 1; m >= 0 && m >= len(r.events)-window && par >= 0; m-- {
			if r.info[m].paragraph != par {
				break
			}
			if takesToll(r.events[m].Type, kind) {
				r.addToll(&r.events[m], cas)
				done = true
				break
			}
		}
		if done || kind == news.Displaced || kind == news.Arrested {
			continue
		}
		e := tollEntry
		for _, x := range c.entries {
			if x.kind == "ASSAULT" {
				e = x
			}
		}
		p := pending{c: c, e: e, trig: c.i, head: c.i, objOf: -1, trigEnd: c.i + c.n, src: -1, tgt: -1, srcAt: -1, parent: -1, content: -1, voice: "passive", verbal: true}
		p.assert = cas.Assert
		p.toll = append(p.toll, cas)
		ps = append(ps, p)
	}
	return ps
}

func takesToll(typ, kind string) bool {
	switch kind {
	case news.Arrested:
		return typ == "COERCE" || typ == "ASSAULT"
	case news.Displaced:
		return typ == "ASSAULT" || typ == "COERCE" || typ == "RETREAT"
	}
	return typ == "ASSAULT"
}

// countFor finds the count of a toll word at words [i, end): a count
// shortly before it with only a noun phrase and auxiliaries between ("at
// least two Syrian servicemen were killed", "15 injured"), unless one
// follows it directly ("killing 12 people", "killed at least five").
func (r *reader) countFor(counts []count, i, end int) (count, bool) {
	ws := r.ws
	k := sort.Search(len(counts), func(k int) bool { return counts[k].first >= end })
	if k < len(counts) && counts[k].first == end {
		return counts[k], true // "killing 12", "killed at least five"
	}
	for k = k - 1; k >= 0; k-- {
		c := counts[k]
		if c.end > i {
			continue
		}
		if i-c.end > 6 {
			break
		}
		ok := true
		for j := c.end; j < i; j++ {
			if ws[j].punct && ws[j].low != "'" && ws[j].low != "-" || subordinators[ws[j].low] {
				ok = false
				break
			}
		}
		if ok {
			return c, true
		}
		break
	}
	return count{}, false
}
