package store

import (
	"encoding/json"
	"errors"
	"strings"
	"time"

	"sitrep/news"
)

// Rows is what one analysed article contributes to the queried tables.
// Every implementation stores these and the article's full JSON.
type Rows struct {
	Article ArticleRow
	Events  []EventRow
	Quotes  []QuoteRow
	// Mentions lists each actor mention: the actor and the words naming it.
	Mentions []ActorRef
	// Places lists each place with coordinates, by its name and by the
	// words naming it, for place look-ups.
	Places []PlaceRef
}

// RowsOf turns an analysed article into rows. It never panics on an
// article whose layer indexes are out of range: such a reference is
// treated as absent.
func RowsOf(a *news.Article, engine string) Rows {
	pub := a.Meta.Published.Value()
	r := Rows{Article: ArticleRow{
		ID: a.ID, Source: a.Source, URL: articleURL(a), Outlet: a.Meta.Outlet, Title: a.Meta.Title,
		Published: pub, Story: story(a), Events: len(a.Events), Quotes: len(a.Quotes), Engine: engine,
	}}
	for i := range a.Mentions {
		m := &a.Mentions[i]
		ref := actorRef(a, m.Actor, m.Span)
		if ref.Key != "" {
			r.Mentions = append(r.Mentions, ref)
		}
	}
	for i := range a.Places {
		if p := placeRef(a, &a.Places[i]); p.HasCoord {
			r.Places = append(r.Places, p)
		}
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		row := QuoteRow{ArticleID: a.ID, Index: i, URL: r.Article.URL, Outlet: a.Meta.Outlet, Published: pub,
			Cue: a.Covered(q.Cue), Direct: q.Direct, Meaning: q.Meaning, Content: a.Covered(q.Content), Engine: engine}
		span := q.SpeakerSpan
		if m := mention(a, q.Speaker); m != nil && span.IsZero() {
			span = m.Span
		}
		row.Speaker = actorRef(a, q.Actor, span)
		r.Quotes = append(r.Quotes, row)
	}
	for i := range a.Events {
		r.Events = append(r.Events, eventRow(a, i, r.Article, engine))
	}
	return r
}

func articleURL(a *news.Article) string {
	if a.Meta.CanonicalURL != "" {
		return a.Meta.CanonicalURL
	}
	return a.Meta.URL
}

func story(a *news.Article) string {
	if a.Meta.Story != "" {
		return a.Meta.Story
	}
	return a.ID
}

func mention(a *news.Article, i int) *news.Mention {
	if i < 0 || i >= len(a.Mentions) {
		return nil
	}
	return &a.Mentions[i]
}

func actorRef(a *news.Article, act news.Actor, span news.Span) ActorRef {
	ref := ActorRef{Name: act.Name, Text: a.Covered(span), Code: act.Code, Country: act.Country, Sector: act.Sector, Kind: act.Kind}
	switch {
	case act.ID != "":
		ref.Key = act.ID
	case act.Name != "":
		ref.Key = "name:" + Key(act.Name)
	case Key(ref.Text) != "":
		ref.Key = "name:" + Key(ref.Text)
	}
	return ref
}

func placeRef(a *news.Article, p *news.Place) PlaceRef {
	r := PlaceRef{Name: p.Name, Text: a.Covered(p.Span), Country: strings.ToUpper(p.Country), Admin1: p.Admin1,
		Lat: p.Lat, Lon: p.Lon, Precision: string(p.Precision), GeonameID: p.GeonameID}
	// 0,0 is how a place without coordinates looks; out-of-range or NaN
	// coordinates are dropped too (JSON cannot hold NaN).
	if r.Lat >= -90 && r.Lat <= 90 && r.Lon >= -180 && r.Lon <= 180 && !(r.Lat == 0 && r.Lon == 0) {
		r.HasCoord = true
	} else {
		r.Lat, r.Lon = 0, 0
	}
	return r
}

func eventRow(a *news.Article, i int, art ArticleRow, engine string) EventRow {
	e := &a.Events[i]
	row := EventRow{
		ArticleID: a.ID, Index: i, URL: art.URL, Source: a.Source, Outlet: a.Meta.Outlet, Story: art.Story, Published: art.Published,
		Type: e.Type, Mode: e.Mode, CAMEO: e.CAMEO, QuadClass: e.QuadClass, Goldstein: e.Goldstein,
		ACLEDEvent: e.ACLEDEvent, ACLEDSubEvent: e.ACLEDSubEvent,
		Date: e.Date, DatePrecision: string(e.DatePrecision), DateFrom: e.DateFrom,
		Assertion: e.Assert.How, Fact: IsFact(e.Assert.How),
		Evidence: a.Covered(e.Evidence), Trigger: a.Covered(e.Trigger), Confidence: e.Confidence, Engine: engine,
	}
	row.Actor1 = argRef(a, e.Source, e.SourceArg)
	row.Actor2 = argRef(a, e.Target, e.TargetArg)
	if e.Place >= 0 && e.Place < len(a.Places) {
		row.Place = placeRef(a, &a.Places[e.Place])
		if e.PlacePrecision != "" {
			row.Place.Precision = string(e.PlacePrecision)
		}
	}
	if row.Date == "" && e.Time >= 0 && e.Time < len(a.Times) {
		t := &a.Times[e.Time]
		row.Date, row.DatePrecision = t.Value, string(t.Precision)
	}
	row.DateLo, row.DateHi = DateRange(row.Date, row.DateFrom)
	by := e.Assert.By
	row.AssertedBy, row.AssertedByID = by.Name, by.ID
	if m := mention(a, e.Assert.Speaker); m != nil {
		if row.AssertedBy == "" {
			row.AssertedBy = a.Covered(m.Span)
		}
		if row.AssertedByID == "" {
			row.AssertedByID = m.Actor.ID
		}
	}
	if row.AssertedBy == "" && IsFact(e.Assert.How) {
		row.AssertedBy = a.Meta.Outlet
	}
	for _, c := range e.Casualties {
		f := Figure{Kind: c.Kind, Low: c.Count.Low, High: c.Count.High, By: c.Assert.By.Name, How: c.Assert.How}
		if f.By == "" {
			if m := mention(a, c.Assert.Speaker); m != nil {
				f.By = a.Covered(m.Span)
			} else if IsFact(c.Assert.How) {
				f.By = a.Meta.Outlet
			}
		}
		row.Figures = append(row.Figures, f)
	}
	if len(e.Casualties) == 0 {
		for _, k := range []struct {
			kind string
			r    *news.Range
		}{{news.Killed, e.Killed}, {news.Injured, e.Injured}} {
			if k.r != nil {
				row.Figures = append(row.Figures, Figure{Kind: k.kind, Low: k.r.Low, High: k.r.High, By: row.AssertedBy, How: row.Assertion})
			}
		}
	}
	return row
}

func argRef(a *news.Article, idx int, arg news.Argument) ActorRef {
	if m := mention(a, idx); m != nil {
		span := m.Span
		if !arg.Span.IsZero() {
			span = arg.Span
		}
		return actorRef(a, m.Actor, span)
	}
	if !arg.Span.IsZero() {
		return actorRef(a, news.Actor{}, arg.Span)
	}
	return ActorRef{}
}

// DateRange returns the first and last day (YYYY-MM-DD) that a TIMEX3 date
// value can mean: a day is itself, a month or year spans its days, an ISO
// week its seven days. A date taken from the publication date (from ==
// "published") means on or before it: its range starts 30 days earlier.
// Values with no calendar date (PRESENT_REF, durations) give "", "".
func DateRange(value, from string) (lo, hi string) {
	if len(value) >= 10 && value[4] == '-' && value[7] == '-' {
		if t, err := time.Parse("2006-01-02", value[:10]); err == nil {
			return widen(t, t, from)
		}
	}
	if len(value) >= 8 && value[4] == '-' && value[5] == 'W' {
		y, err1 := time.Parse("2006", value[:4])
		var w int
		_, err2 := fmtSscan(value[6:8], &w)
		if err1 == nil && err2 == nil && w >= 1 && w <= 53 {
			// ISO week 1 holds the year's first Thursday.
			jan4 := time.Date(y.Year(), 1, 4, 0, 0, 0, 0, time.UTC)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
			return widen(monday, monday.AddDate(0, 0, 6), from)
		}
	}
	if len(value) >= 7 && value[4] == '-' {
		if t, err := time.Parse("2006-01", value[:7]); err == nil {
			return widen(t, t.AddDate(0, 1, -1), from)
		}
	}
	if len(value) >= 4 {
		if t, err := time.Parse("2006", value[:4]); err == nil && (len(value) == 4 || value[4] < '0' || value[4] > '9') {
			return widen(t, t.AddDate(1, 0, -1), from)
		}
	}
	return "", ""
}

func widen(lo, hi time.Time, from string) (string, string) {
	if from == "published" {
		lo = lo.AddDate(0, 0, -30)
	}
	return lo.Format("2006-01-02"), hi.Format("2006-01-02")
}

func fmtSscan(s string, n *int) (int, error) {
	v := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, errNotNumber
		}
		v = v*10 + int(c-'0')
	}
	*n = v
	return 1, nil
}

var errNotNumber = errors.New("not a number")

// Diff compares the event rows of an article before and after
// reprocessing. Rows are matched by type, trigger and evidence; a matched
// row whose other fields differ is "changed", an unmatched old row
// "removed", an unmatched new row "added". Engine fields are ignored.
func Diff(old, fresh []EventRow, oldEngine, newEngine string) []Change {
	key := func(e *EventRow) string { return e.Type + "\x00" + e.Trigger + "\x00" + e.Evidence }
	canon := func(e EventRow) string {
		e.Engine, e.Index = "", 0
		b, _ := json.Marshal(e)
		return string(b)
	}
	byKey := make(map[string][]int, len(fresh))
	for i := range fresh {
		k := key(&fresh[i])
		byKey[k] = append(byKey[k], i)
	}
	used := make([]bool, len(fresh))
	var out []Change
	for i := range old {
		o := &old[i]
		ob, _ := json.Marshal(o)
		c := Change{ArticleID: o.ArticleID, Index: o.Index, OldEngine: oldEngine, NewEngine: newEngine, Old: string(ob)}
		cands := byKey[key(o)]
		if len(cands) == 0 {
			c.Kind = "removed"
			out = append(out, c)
			continue
		}
		j := cands[0]
		byKey[key(o)] = cands[1:]
		used[j] = true
		if canon(*o) != canon(fresh[j]) {
			nb, _ := json.Marshal(&fresh[j])
			c.Kind, c.New = "changed", string(nb)
			out = append(out, c)
		}
	}
	for j := range fresh {
		if !used[j] {
			nb, _ := json.Marshal(&fresh[j])
			out = append(out, Change{ArticleID: fresh[j].ArticleID, Index: fresh[j].Index, Kind: "added",
				OldEngine: oldEngine, NewEngine: newEngine, New: string(nb)})
		}
	}
	return out
}
