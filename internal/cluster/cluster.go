// Package cluster finds the same real event in the reports of many
// articles: one event with every report, every source, and the range of
// casualty figures with who reported each.
//
// Two reports are of one event when they have the same PLOVER type,
// compatible actors (the same actor, the same actor code, the state forces
// of one country under two names, or one side not stated), places within a distance that depends on their precision (a
// point 25 km, near a point 50 km, a region 150 km; without coordinates,
// the same country or none stated), and dates within a window that depends
// on theirs (a day ±1 day; a month, year or a date taken from the
// publication date must fall in the event's range).
//
// Reports with a day-precise date are grouped first, in date order, each
// joining the closest compatible event of the days before it. A report
// with a vaguer date (or none) then joins a day-precise event only when
// exactly one is compatible, so that "a strike last month" cannot chain
// two strikes into one; otherwise it stays an event of its own. Syndicated copies (the same Meta.Story) are reports of one story:
// they count once among an event's stories.
//
// Group is a pure function; its cost is linear in the number of reports
// times the number of events open in the date window within a few hundred
// kilometres (events are indexed by a 2° grid).
package cluster

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"sort"
	"strconv"
	"time"

	"sitrep/internal/store"
)

// Config tunes the distances and the date window; zero values take the
// defaults in the package comment.
type Config struct {
	PointKm, NearKm, RegionKm float64
	DayWindow                 int // days either side of a day-precise date
}

func (c Config) withDefaults() Config {
	if c.PointKm <= 0 {
		c.PointKm = 25
	}
	if c.NearKm <= 0 {
		c.NearKm = 50
	}
	if c.RegionKm <= 0 {
		c.RegionKm = 150
	}
	if c.DayWindow <= 0 {
		c.DayWindow = 1
	}
	return c
}

// An Event is one real event and every report of it.
type Event struct {
	// ID is stable while the event's earliest-stored report stays: it is
	// derived from that report's article ID and event index.
	ID     string         `json:"id"`
	Type   string         `json:"type"`
	Mode   string         `json:"mode,omitempty"`
	Actor1 store.ActorRef `json:"actor1"`
	Actor2 store.ActorRef `json:"actor2"`
	// Place is the most precise place any report gives.
	Place store.PlaceRef `json:"place"`
	// Date is the date most reports give at the finest precision; DateLo
	// and DateHi bound the days every report allows.
	Date   string `json:"date,omitempty"`
	DateLo string `json:"date_lo,omitempty"`
	DateHi string `json:"date_hi,omitempty"`
	// Fact is true when at least one report states the event as a fact
	// (the outlet reports it, or its actor announces it).
	Fact bool `json:"fact"`
	// Reports lists every report, in date then article order.
	Reports []store.EventRow `json:"reports"`
	// Stories counts distinct stories (syndicated copies count once);
	// Outlets and AssertedBy list the distinct outlets and sources.
	Stories    int      `json:"stories"`
	Outlets    []string `json:"outlets"`
	AssertedBy []string `json:"asserted_by"`
	// Tolls are the casualty figures, one per kind, with their range over
	// the reports and who reported each.
	Tolls []Toll `json:"tolls,omitempty"`
}

// A Toll is the range of one kind of casualty figure over an event's
// reports.
type Toll struct {
	Kind string `json:"kind"`
	Low  int    `json:"low"`  // the smallest figure reported
	High int    `json:"high"` // the largest figure or upper bound reported
	// OpenEnded is true when a report gives a figure with no upper bound
	// ("at least 2") that is not below High.
	OpenEnded bool `json:"open_ended,omitempty"`
	// Reports lists each figure with who reported it and in which article.
	Reports []TollReport `json:"reports"`
}

// A TollReport is one report's figure.
type TollReport struct {
	store.Figure
	ArticleID string `json:"article_id"`
	Outlet    string `json:"outlet,omitempty"`
	URL       string `json:"url,omitempty"`
}

// Fatalities is the smallest number killed that the reports give (ACLED
// codes the most conservative figure), 0 when none.
func (e *Event) Fatalities() int {
	for _, t := range e.Tolls {
		if t.Kind == "killed" {
			return t.Low
		}
	}
	return 0
}

// group is an event being built.
type group struct {
	ev      Event
	lo, hi  time.Time // days every report allows (intersection)
	lat     float64
	lon     float64
	hasGeo  bool
	radius  float64
	country string
	first   store.EventRow // the report the ID derives from
}

// Group clusters event reports into events, ordered by date.
func Group(rows []store.EventRow, cfg Config) []Event {
	cfg = cfg.withDefaults()
	span := make([][2]time.Time, len(rows))
	for i := range rows {
		span[i][0], span[i][1] = days(&rows[i])
	}
	var precise, vague []int
	for i := range rows {
		if isPrecise(&rows[i]) {
			precise = append(precise, i)
		} else {
			vague = append(vague, i)
		}
	}
	sort.SliceStable(precise, func(a, b int) bool {
		ra, rb := &rows[precise[a]], &rows[precise[b]]
		if ra.Type != rb.Type {
			return ra.Type < rb.Type
		}
		return ra.DateLo < rb.DateLo
	})
	var groups []*group
	open := newOpenSet(cfg)
	window := time.Duration(cfg.DayWindow) * 24 * time.Hour
	typ := ""
	for _, i := range precise {
		r := &rows[i]
		if r.Type != typ {
			typ = r.Type
			open = newOpenSet(cfg)
		}
		best, bestScore := (*group)(nil), math.Inf(1)
		open.scan(r, span[i][0].Add(-window), func(g *group) {
			if ok, score := compatible(g, r, span[i], cfg, window); ok && score < bestScore {
				best, bestScore = g, score
			}
		})
		if best == nil {
			best = newGroup(r, span[i], cfg)
			groups = append(groups, best)
			open.add(best)
		} else {
			best.add(r, span[i], cfg)
		}
	}
	// Vague reports join the one day-precise event they fit, if only one.
	byType := map[string][]*group{}
	for _, g := range groups {
		byType[g.ev.Type] = append(byType[g.ev.Type], g)
	}
	for _, list := range byType {
		sort.Slice(list, func(a, b int) bool { return list[a].lo.Before(list[b].lo) })
	}
	copies := map[string]*group{} // story, type and evidence of vague events
	for _, i := range vague {
		r := &rows[i]
		copyKey := r.Story + "\x00" + r.Type + "\x00" + r.Evidence
		if g := copies[copyKey]; g != nil && r.Story != "" {
			g.add(r, span[i], cfg) // the same sentence in a syndicated copy
			continue
		}
		list := byType[r.Type]
		// Day-precise events span at most 2·DayWindow+1 days.
		from := span[i][0].Add(-time.Duration(2*cfg.DayWindow+1) * 24 * time.Hour)
		j := sort.Search(len(list), func(k int) bool { return !list[k].lo.Before(from) })
		var match *group
		n := 0
		for ; j < len(list) && !list[j].lo.After(span[i][1]) && n < 2; j++ {
			if ok, _ := compatible(list[j], r, span[i], cfg, 0); ok {
				match = list[j]
				n++
			}
		}
		if n == 1 {
			match.add(r, span[i], cfg)
			continue
		}
		g := newGroup(r, span[i], cfg)
		groups = append(groups, g)
		copies[copyKey] = g
	}
	out := make([]Event, len(groups))
	for i, g := range groups {
		out[i] = g.finish()
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].DateLo != out[b].DateLo {
			return out[a].DateLo < out[b].DateLo
		}
		return out[a].ID < out[b].ID
	})
	return out
}

// cellDeg is the size in degrees of the grid cells that index the open
// events by place: larger than any finite radius (150 km ≈ 1.35°).
const cellDeg = 2.0

type cell struct{ x, y int }

// openSet holds the events of one type still inside the date window,
// indexed by grid cell so that a report is compared with the events near
// it only.
type openSet struct {
	cfg   Config
	cells map[cell][]*group
	loose []*group // no coordinates, or a country-wide place
}

func newOpenSet(cfg Config) *openSet { return &openSet{cfg: cfg, cells: map[cell][]*group{}} }

func cellOf(lat, lon float64) cell {
	return cell{int(math.Floor(lon / cellDeg)), int(math.Floor(lat / cellDeg))}
}

func (o *openSet) add(g *group) {
	if g.hasGeo && !math.IsInf(g.radius, 1) {
		c := cellOf(g.lat, g.lon)
		o.cells[c] = append(o.cells[c], g)
		return
	}
	o.loose = append(o.loose, g)
}

// scan calls f for each open event that may be compatible with r, and
// drops the events whose dates end before since.
func (o *openSet) scan(r *store.EventRow, since time.Time, f func(*group)) {
	visit := func(list []*group) []*group {
		kept := list[:0]
		for _, g := range list {
			if g.hi.Before(since) {
				continue
			}
			kept = append(kept, g)
			f(g)
		}
		return kept
	}
	o.loose = visit(o.loose)
	rad := o.cfg.radius(r.Place.Precision)
	if !r.Place.HasCoord || math.IsInf(rad, 1) {
		for c, list := range o.cells {
			o.cells[c] = visit(list)
		}
		return
	}
	c := cellOf(r.Place.Lat, r.Place.Lon)
	dx := 1
	if cos := math.Cos(r.Place.Lat * math.Pi / 180); cos > 0.01 {
		dx = min(int(180/cellDeg), 1+int(o.cfg.RegionKm/(111*cellDeg*cos)))
	}
	for x := c.x - dx; x <= c.x+dx; x++ {
		for y := c.y - 1; y <= c.y+1; y++ {
			k := cell{x, y}
			if list, ok := o.cells[k]; ok {
				o.cells[k] = visit(list)
			}
		}
	}
}

func isPrecise(r *store.EventRow) bool {
	return r.DateLo != "" && r.DateLo == r.DateHi && r.DateFrom != "published"
}

// days parses a report's date range; an undated report allows any day.
func days(r *store.EventRow) (lo, hi time.Time) {
	lo, err1 := time.Parse("2006-01-02", r.DateLo)
	hi, err2 := time.Parse("2006-01-02", r.DateHi)
	if err1 != nil || err2 != nil {
		return time.Time{}, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return lo, hi
}

func (c Config) radius(precision string) float64 {
	switch precision {
	case "point":
		return c.PointKm
	case "near", "":
		return c.NearKm
	case "region":
		return c.RegionKm
	}
	return math.Inf(1) // country: only the country is compared
}

// compatible reports whether r can be a report of g, and how far it is
// from g (days apart plus km/100) to choose among several.
func compatible(g *group, r *store.EventRow, d [2]time.Time, cfg Config, window time.Duration) (bool, float64) {
	if g.ev.Type != r.Type {
		return false, 0
	}
	lo, hi := d[0], d[1]
	if lo.Add(-window).After(g.hi) || hi.Add(window).Before(g.lo) {
		return false, 0
	}
	if !sameActor(g.ev.Actor1, r.Actor1) || !sameActor(g.ev.Actor2, r.Actor2) {
		return false, 0
	}
	score := math.Abs(lo.Sub(g.lo).Hours()) / 24
	if g.hasGeo && r.Place.HasCoord {
		d := store.DistanceKm(g.lat, g.lon, r.Place.Lat, r.Place.Lon)
		limit := math.Max(g.radius, cfg.radius(r.Place.Precision))
		if math.IsInf(limit, 1) {
			if g.country != "" && r.Place.Country != "" && g.country != r.Place.Country {
				return false, 0
			}
		} else if d > limit {
			return false, 0
		}
		score += d / 100
	} else if g.country != "" && r.Place.Country != "" && g.country != r.Place.Country {
		return false, 0
	}
	return true, score
}

// sameActor reports whether two reports may name the same side: the same
// actor, the same actor code, one side unknown (a place the entity stage
// took for an actor counts as unknown), or the state forces of one
// country under two names ("the Syrian army", "pro-government forces").
func sameActor(a, b store.ActorRef) bool {
	if a.Key == "" || b.Key == "" || a.Key == b.Key || a.Kind == "place" || b.Kind == "place" {
		return true
	}
	if a.Code != "" && a.Code == b.Code {
		return true
	}
	return a.Country != "" && a.Country == b.Country && stateSide(a.Sector) && stateSide(b.Sector)
}

// stateSide is true for the sectors of a state's forces and those aligned
// with them.
func stateSide(sector string) bool {
	switch sector {
	case "military", "government", "police", "aligned":
		return true
	}
	return false
}

func newGroup(r *store.EventRow, d [2]time.Time, cfg Config) *group {
	g := &group{ev: Event{Type: r.Type}, first: *r}
	g.lo, g.hi = d[0], d[1]
	g.radius = math.Inf(-1)
	g.add(r, d, cfg)
	return g
}

func (g *group) add(r *store.EventRow, d [2]time.Time, cfg Config) {
	g.ev.Reports = append(g.ev.Reports, *r)
	if lo, hi := d[0], d[1]; r.DateLo != "" {
		// Narrow to the days every dated report allows, but never to nothing.
		if lo.After(g.lo) && !lo.After(g.hi) {
			g.lo = lo
		}
		if hi.Before(g.hi) && !hi.Before(g.lo) {
			g.hi = hi
		}
	}
	if g.ev.Actor1.Key == "" {
		g.ev.Actor1 = r.Actor1
	}
	if g.ev.Actor2.Key == "" {
		g.ev.Actor2 = r.Actor2
	}
	if g.ev.Mode == "" {
		g.ev.Mode = r.Mode
	}
	if r.Place.HasCoord {
		rad := cfg.radius(r.Place.Precision)
		if !g.hasGeo || rad < g.radius {
			g.lat, g.lon, g.radius, g.hasGeo = r.Place.Lat, r.Place.Lon, rad, true
			g.ev.Place = r.Place
		}
	} else if !g.hasGeo && g.ev.Place.Name == "" {
		g.ev.Place = r.Place
	}
	if g.country == "" {
		g.country = r.Place.Country
	}
	if r.ArticleID < g.first.ArticleID || (r.ArticleID == g.first.ArticleID && r.Index < g.first.Index) {
		g.first = *r
	}
}

func (g *group) finish() Event {
	e := g.ev
	sum := sha256.Sum256([]byte(g.first.ArticleID + "/" + strconv.Itoa(g.first.Index)))
	e.ID = "ev-" + hex.EncodeToString(sum[:6])
	if !g.lo.IsZero() && g.hi.Year() < 9999 {
		e.DateLo, e.DateHi = g.lo.Format("2006-01-02"), g.hi.Format("2006-01-02")
	}
	sort.SliceStable(e.Reports, func(a, b int) bool {
		ra, rb := &e.Reports[a], &e.Reports[b]
		if ra.Published != rb.Published {
			return ra.Published < rb.Published
		}
		if ra.ArticleID != rb.ArticleID {
			return ra.ArticleID < rb.ArticleID
		}
		return ra.Index < rb.Index
	})
	stories := map[string]bool{}
	dates := map[string]int{}
	tolls := map[string]*Toll{}
	var kinds []string
	for _, r := range e.Reports {
		stories[r.Story] = true
		e.Fact = e.Fact || r.Fact
		e.Outlets = appendNew(e.Outlets, r.Outlet)
		e.AssertedBy = appendNew(e.AssertedBy, r.AssertedBy)
		if isPrecise(&r) {
			dates[r.Date[:10]]++
		}
		for _, f := range r.Figures {
			t := tolls[f.Kind]
			if t == nil {
				t = &Toll{Kind: f.Kind, Low: f.Low}
				tolls[f.Kind] = t
				kinds = append(kinds, f.Kind)
			}
			t.Low = min(t.Low, f.Low)
			top := max(f.Low, f.High)
			if top > t.High {
				t.High, t.OpenEnded = top, f.High < 0
			} else if top == t.High && f.High < 0 {
				t.OpenEnded = true
			}
			t.Reports = append(t.Reports, TollReport{Figure: f, ArticleID: r.ArticleID, Outlet: r.Outlet, URL: r.URL})
		}
	}
	e.Stories = len(stories)
	for d, n := range dates {
		if n > dates[e.Date] || (n == dates[e.Date] && d < e.Date) {
			e.Date = d
		}
	}
	if e.Date == "" && len(e.Reports) > 0 {
		e.Date = e.Reports[0].Date
	}
	for _, k := range kinds {
		e.Tolls = append(e.Tolls, *tolls[k])
	}
	return e
}

func appendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
