package store

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"sitrep/news"
)

func TestKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"The US-led coalition", "us led coalition"},
		{"us  led Coalition", "us led coalition"},
		{"Damascus' allies", "damascus allies"},
		{"  ", ""},
		{"%_'\"", ""},
		{"Théâtre", "théâtre"},
	} {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDateRange(t *testing.T) {
	for _, tt := range []struct{ value, from, lo, hi string }{
		{"2017-06-08", "", "2017-06-08", "2017-06-08"},
		{"2017-06-08T14:00", "", "2017-06-08", "2017-06-08"},
		{"2017-06", "", "2017-06-01", "2017-06-30"},
		{"2016-02", "", "2016-02-01", "2016-02-29"},
		{"2017", "", "2017-01-01", "2017-12-31"},
		{"2017-W23", "", "2017-06-05", "2017-06-11"},
		{"2017-06-09", "published", "2017-05-10", "2017-06-09"},
		{"PRESENT_REF", "", "", ""},
		{"P3D", "", "", ""},
		{"2017-SP", "", "2017-01-01", "2017-12-31"},
		{"", "", "", ""},
		{"20170", "", "", ""},
	} {
		lo, hi := DateRange(tt.value, tt.from)
		if lo != tt.lo || hi != tt.hi {
			t.Errorf("DateRange(%q, %q) = %s, %s; want %s, %s", tt.value, tt.from, lo, hi, tt.lo, tt.hi)
		}
	}
}

func TestDateBounds(t *testing.T) {
	for _, tt := range []struct {
		from, to, lo, hi string
		ok               bool
	}{
		{"2017-05", "2017-06", "2017-05-01", "2017-06-30", true},
		{"2017", "", "2017-01-01", "", true},
		{"", "2017-06-08", "", "2017-06-08", true},
		{"2017-06-09", "2017-06-08", "", "", false},
		{"June", "", "", "", false},
		{"2017-13", "", "", "", false},
		{"2017-1-1", "", "", "", false},
	} {
		lo, hi, err := DateBounds(tt.from, tt.to)
		if (err == nil) != tt.ok || lo != tt.lo || hi != tt.hi {
			t.Errorf("DateBounds(%q, %q) = %q, %q, %v", tt.from, tt.to, lo, hi, err)
		}
	}
}

func TestMatchQuery(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"drone strike", `"drone" "strike"`},
		{`a"b`, `"a""b"`},
		{"NEAR(x y) *", `"NEAR(x" "y)" "*"`},
		{"\x00 ", ""},
	} {
		if got := MatchQuery(tt.in); got != tt.want {
			t.Errorf("MatchQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	// al-Tanf to Palmyra is about 125 km.
	if d := DistanceKm(33.50, 38.62, 34.56, 38.28); d < 115 || d > 135 {
		t.Errorf("al-Tanf–Palmyra = %.0f km", d)
	}
	// Every point 50 km away lies in the box, at any latitude.
	for _, lat := range []float64{0, 33.5, 60, -75} {
		minLat, maxLat, minLon, maxLon := Box(lat, 38.6, 50)
		for brg := 0.0; brg < 360; brg += 5 {
			p, l := destination(lat, 38.6, brg, 50)
			if p < minLat || p > maxLat || l < minLon || l > maxLon {
				t.Errorf("Box(%v, 38.6, 50) = %v %v %v %v misses %v,%v (bearing %v)", lat, minLat, maxLat, minLon, maxLon, p, l, brg)
			}
		}
	}
}

// destination is the point km away from lat, lon on bearing brg degrees.
func destination(lat, lon, brg, km float64) (float64, float64) {
	const r = 6371.0088
	rad := math.Pi / 180
	d := km / r
	φ1, λ1, θ := lat*rad, lon*rad, brg*rad
	φ2 := math.Asin(math.Sin(φ1)*math.Cos(d) + math.Cos(φ1)*math.Sin(d)*math.Cos(θ))
	λ2 := λ1 + math.Atan2(math.Sin(θ)*math.Sin(d)*math.Cos(φ1), math.Cos(d)-math.Sin(φ1)*math.Sin(φ2))
	return φ2 / rad, λ2 / rad
}

// FuzzRowsOf builds articles with arbitrary text and layer indexes and
// checks that RowsOf never panics and every text it copies is valid UTF-8
// taken from the article.
func FuzzRowsOf(f *testing.F) {
	f.Add("The coalition struck forces near al-Tanf.", 0, 3, 14, -1, 7, 2)
	f.Add("é\xff\xfe", 1, 0, 9, 5, -3, 100)
	f.Fuzz(func(t *testing.T, text string, src, a, b, place, tm, quote int) {
		art := &news.Article{ID: "x", Text: text}
		sp := news.Span{Start: a, End: b}
		art.Mentions = []news.Mention{{Span: sp, Actor: news.Actor{ID: "k"}}, {Span: news.Span{Start: b, End: a}}}
		art.Places = []news.Place{{Span: sp, Lat: 1, Lon: 2}}
		art.Times = []news.Time{{Span: sp, Value: text}}
		art.Quotes = []news.Quote{{Content: sp, Speaker: src, Cue: news.Span{Start: -a, End: b}}}
		art.Events = []news.Event{{Type: "ASSAULT", Trigger: sp, Evidence: sp, Source: src, Target: quote, Place: place, Time: tm,
			Assert: news.Assertion{Speaker: src, Quote: quote}, Killed: &news.Range{Low: a, High: b},
			Casualties: []news.Casualty{{Kind: "killed", Assert: news.Assertion{Speaker: place}}}, Date: text}}
		r := RowsOf(art, "fuzz")
		for _, e := range r.Events {
			for _, s := range []string{e.Evidence, e.Trigger, e.Actor1.Text, e.Actor2.Text, e.Place.Text} {
				if s != "" && !strings.Contains(text, s) {
					t.Errorf("copied text %q is not from the article", s)
				}
			}
			if e.DateLo != "" && (!utf8.ValidString(e.DateLo) || len(e.DateLo) != 10) {
				t.Errorf("DateLo %q", e.DateLo)
			}
		}
		if len(r.Quotes) != 1 || len(r.Events) != 1 {
			t.Errorf("rows lost: %d quotes, %d events", len(r.Quotes), len(r.Events))
		}
	})
}

func FuzzDateBounds(f *testing.F) {
	f.Add("2017-05", "2017-06")
	f.Add("2017-W23", "x")
	f.Fuzz(func(t *testing.T, from, to string) {
		lo, hi, err := DateBounds(from, to)
		if err == nil && lo != "" && hi != "" && lo > hi {
			t.Errorf("DateBounds(%q, %q) = %s > %s", from, to, lo, hi)
		}
		DateRange(from, to)
		MatchQuery(from)
		Key(to)
	})
}
