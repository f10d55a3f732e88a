package event

import "sitrep/news"

// finish merges repeated mentions of one event within a paragraph into
// the first ("bombed X … The coalition targeted a drone … This was the
// third attack by the coalition on X"): a later event of the same type,
// the same source, the same or no target and no other date is the same
// event when it is a noun, a weak verb, or lacks an actor. Its tolls move
// to the first. Content links are renumbered.
func (r *reader) finish() {
	n := len(r.events)
	into := make([]int, n)
	for i := range into {
		into[i] = -1
	}
	// In a sports report, plays and results are no events (sports.go).
	if r.sportsReport() {
		for i := 0; i < n; i++ {
			if r.sportsPlay(i) {
				into[i] = dropped
			}
		}
	}
	for i := 0; i < n; i++ {
		e := &r.events[i]
		if into[i] == dropped || r.info[i].child || r.info[i].paragraph < 0 {
			continue
		}
		repeat := e.Voice == "nominal" || e.Voice == "light" || r.info[i].weak || e.Source < 0 || e.Target < 0
		if !repeat {
			continue
		}
		for j := i - 1; j >= 0 && i-j <= window; j-- {
			if r.info[j].paragraph != r.info[i].paragraph {
				break
			}
			p := &r.events[j]
			if into[j] != -1 || r.info[j].child || p.Type != e.Type || r.info[j].sent == r.info[i].sent {
				continue
			}
			if !sameActor(r.a, p.Source, e.Source, true) || !sameActor(r.a, p.Target, e.Target, true) {
				continue
			}
			if e.Date != "" && p.Date != "" && e.DateFrom == "sentence" && p.DateFrom == "sentence" && e.Date != p.Date {
				continue
			}
			// A claim does not merge into a fact unless it only adds a toll.
			if p.Assert.By != e.Assert.By && !(e.Target < 0 && e.Voice == "nominal") {
				continue
			}
			into[i] = j
			for _, c := range e.Casualties {
				r.addToll(p, c)
			}
			break
		}
	}
	remap := make([]int, n)
	out := r.events[:0]
	k := 0
	for i := 0; i < n; i++ {
		if into[i] == dropped {
			remap[i] = -1
			continue
		}
		if into[i] >= 0 {
			remap[i] = remap[into[i]]
			continue
		}
		remap[i] = k
		out = append(out, r.events[i])
		k++
	}
	for i := range out {
		if c := out[i].Content; c >= 0 && c < n {
			out[i].Content = remap[c]
		}
	}
	r.events = out
}

// dropped marks, in finish, an event that is left out.
const dropped = -2

// sameActor reports whether mentions x (the earlier event's) and y name
// the same actor; y absent matches anything when loose.
func sameActor(a *news.Article, x, y int, loose bool) bool {
	if y < 0 {
		return loose
	}
	if x < 0 {
		return false
	}
	ax, ay := a.Mentions[x].Actor, a.Mentions[y].Actor
	if ax.ID != "" || ay.ID != "" {
		return ax.ID == ay.ID
	}
	return a.Covered(a.Mentions[x].Span) == a.Covered(a.Mentions[y].Span)
}
