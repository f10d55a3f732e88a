package sqlite

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"sitrep/internal/store"
	"sitrep/news"
)

var benchEvents = flag.Int("bench-events", 100_000, "events in the query benchmark's database (the README's figures use 1000000)")

// synthetic builds article i of a generated corpus: one sentence per
// event, each event with actors, a place, a date and an assertion drawn
// from small tables, spread over the world and three years.
func synthetic(i, events int) *news.Article {
	actors := []news.Actor{
		{ID: "us-led-coalition", Name: "US-led coalition", Code: "USAMIL", Sector: "military", Kind: "coalition"},
		{ID: "SYR/military", Name: "Syrian Armed Forces", Code: "SYRMIL", Country: "SYR", Sector: "military"},
		{ID: "islamic-state", Name: "Islamic State", Code: "IMGSUN", Sector: "rebel"},
		{ID: "RUS/military", Name: "Russian Armed Forces", Code: "RUSMIL", Country: "RUS", Sector: "military"},
		{ID: "houthis", Name: "Houthi movement", Code: "YEMREB", Country: "YEM", Sector: "rebel"},
		{ID: "YEM/civilians", Name: "Yemeni civilians", Code: "YEMCVL", Country: "YEM", Sector: "civilians"},
	}
	types := []string{"ASSAULT", "ACCUSE", "COERCE", "PROTEST", "AGREE"}
	hows := []string{"reported", "reported", "claimed", "announced", "alleged", "reported", "claimed"}
	a := &news.Article{ID: fmt.Sprintf("%032x", i), Source: "gen", Format: news.FormatBody}
	a.Meta.URL = fmt.Sprintf("https://gen.example/%d", i)
	a.Meta.Outlet = []string{"Levant Wire", "Desert Daily", "Northern Post", "Monitor Weekly"}[i%4]
	a.Meta.Published = news.DateTime{Time: time.Date(2016+i%3, time.Month(1+i%12), 1+i%28, 12, 0, 0, 0, time.UTC), Precision: news.PrecisionMinute}
	var text []byte
	for j := range events {
		k := i*events + j
		src, tgt := actors[k%len(actors)], actors[(k/7+1)%len(actors)]
		s := fmt.Sprintf("The %s struck the %s near town %d on day %d, report %d said. ", src.Name, tgt.Name, k%5000, k%1000, k)
		start := len(text)
		text = append(text, s...)
		ms := len(a.Mentions)
		a.Mentions = append(a.Mentions,
			news.Mention{Span: news.Span{Start: start + 4, End: start + 4 + len(src.Name)}, Actor: src, Antecedent: -1},
			news.Mention{Span: news.Span{Start: start + 4, End: start + 4 + len(src.Name)}, Actor: tgt, Antecedent: -1})
		lat, lon := -40+float64(k*37%8000)*0.01, -120+float64(k*53%24000)*0.01
		a.Places = append(a.Places, news.Place{Name: fmt.Sprintf("Town %d", k%5000), Lat: lat, Lon: lon,
			Country: []string{"SY", "IQ", "YE", "LY", "AF", "SO"}[(k/2)%6], Precision: news.GeoNear})
		day := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (k/3)%1096).Format("2006-01-02")
		ev := news.Event{Type: types[k%len(types)], Mode: "aerial", CAMEO: "195", Source: ms, Target: ms + 1,
			Place: len(a.Places) - 1, Time: -1, Content: -1, Date: day, DatePrecision: news.PrecisionDay, DateFrom: "sentence",
			Evidence: news.Span{Start: start, End: len(text) - 1}, Trigger: news.Span{Start: start + 5 + len(src.Name), End: start + 11 + len(src.Name)},
			Assert: news.Assertion{By: news.Actor{Name: a.Meta.Outlet}, How: hows[k%len(hows)], Quote: -1, Speaker: -1}}
		if k%3 == 0 {
			r := news.Range{Low: k % 20, High: k % 20}
			ev.Killed = &r
			ev.Casualties = []news.Casualty{{Kind: news.Killed, Count: r, Assert: ev.Assert}}
		}
		a.Events = append(a.Events, ev)
	}
	a.Text = string(text)
	a.Original = text
	return a
}

var (
	benchOnce sync.Once
	benchDB   *DB
	benchDir  string
	benchErr  error
)

// TestMain removes the query benchmark's database after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchDB != nil {
		benchDB.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// openBench builds (once per run) a database of *benchEvents events.
func openBench(b *testing.B) *DB {
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "sitrep-bench")
		if err != nil {
			benchErr = err
			return
		}
		benchDir = dir
		ctx := context.Background()
		s, err := Open(ctx, filepath.Join(dir, "bench.db"), Options{})
		if err != nil {
			benchErr = err
			return
		}
		const perArticle, perBatch = 10, 200
		start := time.Now()
		var batch []*news.Article
		for i := 0; i*perArticle < *benchEvents; i++ {
			batch = append(batch, synthetic(i, perArticle))
			if len(batch) == perBatch {
				if _, benchErr = s.Put(ctx, batch, "bench"); benchErr != nil {
					return
				}
				batch = batch[:0]
			}
		}
		if _, benchErr = s.Put(ctx, batch, "bench"); benchErr != nil {
			return
		}
		if benchErr = s.Analyze(ctx); benchErr != nil {
			return
		}
		fi, _ := os.Stat(s.Path())
		fmt.Fprintf(os.Stderr, "bench database: %d events in %v, %.0f MB\n", *benchEvents, time.Since(start).Round(time.Second), float64(fi.Size())/1e6)
		benchDB = s
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDB
}

// BenchmarkQuery measures the latency of each filter of `sitrep events`
// (rows fetched, before clustering) on a generated database; -bench-events
// sets its size.
func BenchmarkQuery(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	queries := []struct {
		name string
		f    store.EventFilter
	}{
		{"actor", store.EventFilter{Actor: "Houthi movement", From: "2017-06", To: "2017-06"}},
		{"actor-all-limit100", store.EventFilter{Actor: "Houthi movement", Limit: 100}},
		{"type+date-month", store.EventFilter{Type: "ASSAULT", From: "2017-06", To: "2017-06"}},
		{"country+date-day", store.EventFilter{Country: "YE", From: "2017-06-08", To: "2017-06-08"}},
		{"place-50km", store.EventFilter{Lat: 10, Lon: 40, HasPoint: true, RadiusKm: 50}},
		{"place-50km+date-month", store.EventFilter{Lat: 10, Lon: 40, HasPoint: true, RadiusKm: 50, From: "2017-05", To: "2017-06"}},
		{"asserted-by+date-day", store.EventFilter{AssertedBy: "Levant Wire", From: "2017-06-08", To: "2017-06-08"}},
		{"facts-only+date-day", store.EventFilter{FactsOnly: true, From: "2017-06-08", To: "2017-06-08"}},
		{"full-text", store.EventFilter{Text: "report 123456"}},
		{"full-text+limit100", store.EventFilter{Text: "struck town", Limit: 100}},
		{"mode+limit100", store.EventFilter{Mode: "aerial", Limit: 100}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			rows := 0
			for range b.N {
				r, err := s.Events(ctx, q.f)
				if err != nil {
					b.Fatal(err)
				}
				rows = len(r)
			}
			b.ReportMetric(float64(rows), "rows")
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/query")
		})
	}
}

// BenchmarkPut measures storing analysed articles (10 events each).
func BenchmarkPut(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "p.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	arts := make([]*news.Article, b.N)
	size := 0
	for i := range arts {
		arts[i] = synthetic(i, 10)
		size += len(arts[i].Text)
	}
	b.ResetTimer()
	for i := 0; i < len(arts); i += 200 {
		if _, err := s.Put(context.Background(), arts[i:min(i+200, len(arts))], "bench"); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(size / b.N))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
