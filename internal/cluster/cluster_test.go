package cluster

import (
	"slices"
	"strconv"
	"testing"

	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// corpusRows returns the event rows of the test corpus near al-Tanf in
// May and June 2017, as the store would return them.
func corpusRows(t *testing.T) []store.EventRow {
	t.Helper()
	page, ok := storetest.ExamplePage()
	if !ok {
		t.Skip("example page not found")
	}
	arts, err := storetest.Corpus(page)
	if err != nil {
		t.Fatal(err)
	}
	var rows []store.EventRow
	for _, a := range arts {
		rows = append(rows, store.RowsOf(a, "test").Events...)
	}
	return rows
}

func TestCorpus(t *testing.T) {
	rows := corpusRows(t)
	var near []store.EventRow
	for _, r := range rows {
		if r.Type == "ASSAULT" && r.Place.HasCoord && store.DistanceKm(33.5, 38.62, r.Place.Lat, r.Place.Lon) <= 50 &&
			r.DateLo >= "2017-05-01" && r.DateLo <= "2017-06-30" {
			near = append(near, r)
		}
	}
	events := Group(near, Config{})
	type want struct {
		date             string
		reports, stories int
		fact             bool
	}
	var got []want
	for _, e := range events {
		got = append(got, want{e.Date, len(e.Reports), e.Stories, e.Fact})
	}
	wants := []want{
		{"2017-05-18", 6, 4, true},  // 3 copies of the page (1 story), Levant Wire, Desert Daily, Damascus Times
		{"2017-06-01", 2, 2, false}, // only the Russian military claims it
		{"2017-06-06", 10, 4, true}, // page ×3 × 2 sentences, Pentagon story ×2 copies, Northern Post, Monitor
		{"2017-06-08", 5, 3, true},
	}
	if !slices.Equal(got, wants) {
		t.Errorf("events =\n%v\nwant\n%v", got, wants)
	}
	for _, e := range events {
		if e.Date != "2017-06-06" {
			continue
		}
		if len(e.Tolls) != 2 {
			t.Fatalf("tolls = %+v", e.Tolls)
		}
		k := e.Tolls[0]
		if k.Kind != "killed" || k.Low != 2 || k.High != 4 || len(k.Reports) != 5 {
			t.Errorf("killed = %d–%d from %d reports, want 2–4 from 5", k.Low, k.High, len(k.Reports))
		}
		if i := e.Tolls[1]; i.Kind != "injured" || i.Low != 16 || !i.OpenEnded {
			t.Errorf("injured = %+v, want at least 16, open-ended", i)
		}
		if e.Fatalities() != 2 {
			t.Errorf("fatalities = %d, want the conservative 2", e.Fatalities())
		}
		if !slices.Contains(e.AssertedBy, "US Department of Defense") {
			t.Errorf("asserted by %v, want the Pentagon among them", e.AssertedBy)
		}
	}
}

func row(typ, date, from string, lat, lon float64, prec, a1, a2 string) store.EventRow {
	lo, hi := store.DateRange(date, from)
	return store.EventRow{ArticleID: date + a1 + a2 + prec, Type: typ, Date: date, DateFrom: from, DateLo: lo, DateHi: hi,
		Place:  store.PlaceRef{Lat: lat, Lon: lon, HasCoord: lat != 0, Precision: prec, Country: "SY"},
		Actor1: store.ActorRef{Key: a1}, Actor2: store.ActorRef{Key: a2}}
}

func withActor2(r store.EventRow, country, sector string) store.EventRow {
	r.Actor2.Country, r.Actor2.Sector = country, sector
	return r
}

func TestRules(t *testing.T) {
	tests := []struct {
		name string
		rows []store.EventRow
		n    int // events
	}{
		{"same day, same place", []store.EventRow{row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "s"), row("ASSAULT", "2017-06-08", "", 33.6, 38.7, "point", "c", "s")}, 1},
		{"a day apart", []store.EventRow{row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "s"), row("ASSAULT", "2017-06-09", "", 33.5, 38.6, "near", "c", "s")}, 1},
		{"two days apart", []store.EventRow{row("ASSAULT", "2017-06-06", "", 33.5, 38.6, "near", "c", "s"), row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "s")}, 2},
		{"other type", []store.EventRow{row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "s"), row("COERCE", "2017-06-08", "", 33.5, 38.6, "near", "c", "s")}, 2},
		{"far apart", []store.EventRow{row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "point", "c", "s"), row("ASSAULT", "2017-06-08", "", 35.95, 39.0, "point", "c", "s")}, 2},
		{"a region reaches farther", []store.EventRow{row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "point", "c", "s"), row("ASSAULT", "2017-06-08", "", 32.9, 37.6, "region", "c", "s")}, 1},
		{"other actors", []store.EventRow{row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "s"), row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "r", "s")}, 2},
		{"unknown target is compatible", []store.EventRow{row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "s"), row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "")}, 1},
		{"a vague date joins the one event it fits", []store.EventRow{row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "s"), row("ASSAULT", "2017-06", "", 33.5, 38.6, "near", "c", "s")}, 1},
		{"a vague date fitting two events joins neither", []store.EventRow{
			row("ASSAULT", "2017-06-06", "", 33.5, 38.6, "near", "c", "s"), row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "s"),
			row("ASSAULT", "2017-06-09", "published", 33.5, 38.6, "near", "c", "s")}, 3},
		{"no chain across a week", []store.EventRow{
			row("ASSAULT", "2017-06-01", "", 33.5, 38.6, "near", "c", "s"), row("ASSAULT", "2017-06-02", "", 33.5, 38.6, "near", "c", "s"),
			row("ASSAULT", "2017-06-03", "", 33.5, 38.6, "near", "c", "s"), row("ASSAULT", "2017-06-04", "", 33.5, 38.6, "near", "c", "s")}, 2},
		{"no place, same country", []store.EventRow{row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "s"), row("ASSAULT", "2017-06-08", "", 0, 0, "", "c", "s")}, 1},
		{"one country's forces under two names", []store.EventRow{
			withActor2(row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "syr-army"), "SYR", "military"),
			withActor2(row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "pro-gov"), "SYR", "aligned")}, 1},
		{"two countries' forces", []store.EventRow{
			withActor2(row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "syr-army"), "SYR", "military"),
			withActor2(row("ASSAULT", "2017-06-08", "", 33.5, 38.6, "near", "c", "lbn-army"), "LBN", "military")}, 2},
		{"empty", nil, 0},
	}
	for _, tt := range tests {
		if got := Group(tt.rows, Config{}); len(got) != tt.n {
			t.Errorf("%s: %d events, want %d", tt.name, len(got), tt.n)
		}
	}
}

// TestStableID checks that an event keeps its ID when reports arrive in
// another order.
func TestStableID(t *testing.T) {
	rows := corpusRows(t)
	a := Group(rows, Config{})
	rev := slices.Clone(rows)
	slices.Reverse(rev)
	b := Group(rev, Config{})
	ids := func(es []Event) []string {
		var s []string
		for _, e := range es {
			s = append(s, e.ID)
		}
		slices.Sort(s)
		return s
	}
	if !slices.Equal(ids(a), ids(b)) {
		t.Errorf("IDs depend on input order")
	}
}

func BenchmarkGroup(b *testing.B) {
	var rows []store.EventRow
	for i := range 20000 {
		day := 1 + (i*3/4)%28
		d := "2017-06-" + string(rune('0'+day/10)) + string(rune('0'+day%10))
		// Events spread over the world, about 700 a day, 1 in 4 reported twice.
		k := i * 3 / 4
		lat, lon := -50+float64(k*37%1000)*0.1, -170+float64(k*53%3400)*0.1
		r := row("ASSAULT", d, "", lat, lon, "near", "c"+strconv.Itoa(k%13), "s"+strconv.Itoa(k%5))
		r.ArticleID = strconv.Itoa(i)
		rows = append(rows, r)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		Group(rows, Config{})
	}
	b.ReportMetric(float64(len(rows)*b.N)/b.Elapsed().Seconds(), "reports/s")
}

func TestVagueCopies(t *testing.T) {
	a := row("COERCE", "2017-06-09", "published", 32.9, 36.4, "region", "c", "s")
	a.Story, a.Evidence = "story1", "The coalition countered the advance."
	b := a
	b.ArticleID = "copy"
	c := a
	c.ArticleID, c.Story = "other", "story2"
	if got := Group([]store.EventRow{a, b, c}, Config{}); len(got) != 2 || len(got[0].Reports)+len(got[1].Reports) != 3 {
		t.Errorf("vague copies: %d events, want 2 (copies of one story together)", len(got))
	}
}
