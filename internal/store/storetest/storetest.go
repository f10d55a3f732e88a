// Package storetest is the one conformance suite that every store.Store
// implementation runs: `storetest.Run(t, open)` from the implementation's
// own tests. It also holds the test corpus (Corpus) that the cluster,
// export and cli tests share: the example page, near copies of it and a
// dozen written articles about the same strikes, with hand-set layers.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"sitrep/internal/store"
	"sitrep/news"
)

// Open returns a new, empty store for one test; the suite closes it.
type Open func(t *testing.T) store.Store

// Run runs the conformance suite against the stores open returns.
func Run(t *testing.T, open Open) {
	page, ok := ExamplePage()
	if !ok {
		t.Skip("example page not found under testdata/examples")
	}
	corpus, err := Corpus(page)
	if err != nil {
		t.Fatal(err)
	}
	fresh := func(t *testing.T) store.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() { s.Close() })
		return s
	}
	filled := func(t *testing.T) store.Store {
		t.Helper()
		s := fresh(t)
		n, err := s.Put(context.Background(), corpus, "test-1")
		if err != nil {
			t.Fatal(err)
		}
		if n != len(corpus) {
			t.Fatalf("Put stored %d articles, want %d", n, len(corpus))
		}
		return s
	}
	t.Run("PutIsIdempotent", func(t *testing.T) { testIdempotent(t, filled(t), corpus) })
	t.Run("ArticleRoundTrip", func(t *testing.T) { testRoundTrip(t, filled(t), corpus) })
	t.Run("EventFilters", func(t *testing.T) { testEventFilters(t, filled(t)) })
	t.Run("BadFilters", func(t *testing.T) { testBadFilters(t, filled(t)) })
	t.Run("SQLMetacharacters", func(t *testing.T) { testMetacharacters(t, filled(t)) })
	t.Run("QuotesActorsArticles", func(t *testing.T) { testOthers(t, filled(t)) })
	t.Run("ReplaceKeepsHistory", func(t *testing.T) { testReplace(t, filled(t), corpus) })
	t.Run("StoriesAcrossPuts", func(t *testing.T) { testStories(t, fresh) })
	t.Run("OrderAndSearchStable", func(t *testing.T) { testStable(t, fresh) })
	t.Run("EmptyStore", func(t *testing.T) {
		s := fresh(t)
		ev, err := s.Events(context.Background(), store.EventFilter{})
		if err != nil || len(ev) != 0 {
			t.Fatalf("Events on an empty store = %d, %v", len(ev), err)
		}
		if err := s.Check(context.Background()); err != nil {
			t.Fatal(err)
		}
	})
}

func testIdempotent(t *testing.T, s store.Store, corpus []*news.Article) {
	ctx := context.Background()
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.Put(ctx, corpus, "test-2")
	if err != nil || n != 0 {
		t.Fatalf("second Put = %d, %v; want 0, nil", n, err)
	}
	after, _ := s.Stats(ctx)
	if before != after {
		t.Errorf("second Put changed the counts: %+v → %+v", before, after)
	}
	for _, a := range corpus {
		if ok, err := s.Has(ctx, a.ID); !ok || err != nil {
			t.Errorf("Has(%s) = %v, %v", a.ID, ok, err)
		}
	}
	if ok, _ := s.Has(ctx, "0000"); ok {
		t.Error("Has of an unknown ID is true")
	}
	ids, err := s.IDs(ctx)
	if err != nil || len(ids) != len(corpus) {
		t.Errorf("IDs = %d, %v; want %d", len(ids), err, len(corpus))
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

func testRoundTrip(t *testing.T, s store.Store, corpus []*news.Article) {
	ctx := context.Background()
	for _, want := range corpus[:4] {
		got, err := s.Article(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != want.Text || len(got.Events) != len(want.Events) || len(got.Quotes) != len(want.Quotes) ||
			got.Meta.Published.Value() != want.Meta.Published.Value() || got.Meta.Story != want.Meta.Story {
			t.Errorf("article %s does not read back as stored", want.ID)
		}
		o, err := s.Original(ctx, want.ID)
		if err != nil || string(o.Original) != string(want.Original) || o.Format != want.Format {
			t.Errorf("Original(%s) does not read back: %v", want.ID, err)
		}
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article of an unknown ID: err = %v, want ErrNotFound", err)
	}
}

// dates returns the sorted distinct dates of rows.
func dates(rows []store.EventRow) []string {
	var d []string
	for _, r := range rows {
		if !slices.Contains(d, r.Date) {
			d = append(d, r.Date)
		}
	}
	sort.Strings(d)
	return d
}

func testEventFilters(t *testing.T, s store.Store) {
	ctx := context.Background()
	tanf := store.EventFilter{Place: "al-Tanf", RadiusKm: 50, From: "2017-05", To: "2017-06", Type: "assault"}
	tests := []struct {
		name  string
		f     store.EventFilter
		dates []string // distinct dates of the rows
		n     int      // rows, -1: any
	}{
		{"near al-Tanf in May-June 2017", tanf, []string{"2017-05-18", "2017-06-01", "2017-06-06", "2017-06-08"}, -1},
		{"facts only", with(tanf, func(f *store.EventFilter) { f.FactsOnly = true }), []string{"2017-05-18", "2017-06-06", "2017-06-08"}, -1},
		{"by another name of the place", with(tanf, func(f *store.EventFilter) { f.Place = "At Tanf" }), []string{"2017-05-18", "2017-06-01", "2017-06-06", "2017-06-08"}, -1},
		{"a point and radius", store.EventFilter{Lat: 35.95, Lon: 39.0, HasPoint: true, RadiusKm: 10}, []string{"2017-06-07"}, 1},
		{"actor by alias", store.EventFilter{Actor: "pro-Damascus forces", From: "2017-06-08", To: "2017-06-08"}, []string{"2017-06-08"}, 5},
		{"country", store.EventFilter{Country: "sy", From: "2018"}, []string{"2018-02-07"}, 1},
		{"asserted by", store.EventFilter{AssertedBy: "Pentagon"}, []string{"2017-06-06"}, 5}, // 3 copies of the page, 2 of one wire story
		{"asserted by, other alias", store.EventFilter{AssertedBy: "Russian military"}, []string{"2017-06-01"}, 2},
		{"full text", store.EventFilter{Text: "drone"}, []string{"2017-06-08"}, 4},
		{"type and limit", store.EventFilter{Type: "ACCUSE", Limit: 2}, []string{"2017-06-09"}, 2},
		{"mode", store.EventFilter{Mode: "aerial", From: "2017-05-18", To: "2017-05-18"}, []string{"2017-05-18"}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := s.Events(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := dates(rows); !slices.Equal(got, tt.dates) {
				t.Errorf("dates = %v, want %v", got, tt.dates)
			}
			if tt.n >= 0 && len(rows) != tt.n {
				t.Errorf("%d rows, want %d", len(rows), tt.n)
			}
			for _, r := range rows {
				if tt.f.FactsOnly && !r.Fact {
					t.Errorf("facts only returned a %s event", r.Assertion)
				}
				if r.Evidence == "" || r.Engine != "test-1" || r.ArticleID == "" {
					t.Errorf("row lacks provenance: %+v", r)
				}
			}
		})
	}
}

func with(f store.EventFilter, change func(*store.EventFilter)) store.EventFilter {
	change(&f)
	return f
}

func testBadFilters(t *testing.T, s store.Store) {
	ctx := context.Background()
	bad := []struct {
		name  string
		f     store.EventFilter
		field string
	}{
		{"unknown actor", store.EventFilter{Actor: "Ruritanian Navy"}, "--actor"},
		{"unknown place", store.EventFilter{Place: "Atlantis"}, "--place"},
		{"range ends before it starts", store.EventFilter{From: "2017-06-09", To: "2017-05"}, "date range"},
		{"not a date", store.EventFilter{From: "June 2017"}, "--from"},
		{"not a date (to)", store.EventFilter{To: "2017-13-45x"}, "--to"},
		{"not a country code", store.EventFilter{Country: "Syria"}, "--country"},
	}
	for _, tt := range bad {
		_, err := s.Events(ctx, tt.f)
		var fe *store.FilterError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%s: err = %v, want a FilterError on %s", tt.name, err, tt.field)
		}
	}
	if _, err := s.Quotes(ctx, store.QuoteFilter{Speaker: "Nobody Atall"}); err == nil {
		t.Error("unknown speaker: no error")
	}
}

// metachars are values that would change a query built by pasting text
// into SQL, LIKE patterns or full-text syntax.
var metachars = []string{
	`'`, `"`, `';DROP TABLE events;--`, `" OR 1=1 --`, `%`, `_`, `\`, `*`, `NEAR(a b)`, `title:x`, `a AND`, `(`, `)`,
	"\x00", `; PRAGMA writable_schema=1`, `?`, `?1`, `$x`, `:x`, `@x`, `-`, `^`,
}

func testMetacharacters(t *testing.T, s store.Store) {
	ctx := context.Background()
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := s.Events(ctx, store.EventFilter{})
	for _, m := range metachars {
		filters := []store.EventFilter{
			{Actor: m}, {Type: m}, {Mode: m}, {Country: m}, {Place: m}, {From: m}, {To: m}, {AssertedBy: m}, {Text: m},
			{Text: "coalition " + m},
		}
		for _, f := range filters {
			rows, err := s.Events(ctx, f)
			var fe *store.FilterError
			if err != nil && !errors.As(err, &fe) {
				t.Errorf("Events(%+v): %v", f, err)
			}
			if len(rows) > 0 && len(rows) == len(all) && f.Text == "" {
				t.Errorf("Events(%+v) matched everything", f)
			}
		}
		if _, err := s.Quotes(ctx, store.QuoteFilter{Text: m}); err != nil {
			t.Errorf("Quotes(text %q): %v", m, err)
		}
		if _, err := s.Actors(ctx, store.ActorFilter{Name: m}); err != nil {
			t.Errorf("Actors(%q): %v", m, err)
		}
		if rows, err := s.Articles(ctx, store.ArticleFilter{Search: m, Outlet: m}); err != nil || len(rows) > 0 {
			t.Errorf("Articles(%q) = %d rows, %v", m, len(rows), err)
		}
	}
	// LIKE wildcards match only themselves.
	if rows, _ := s.Actors(ctx, store.ActorFilter{Name: "%"}); len(rows) != 0 {
		t.Errorf("Actors(%%) = %d rows, want 0", len(rows))
	}
	after, _ := s.Stats(ctx)
	if before != after {
		t.Errorf("queries changed the store: %+v → %+v", before, after)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

func testOthers(t *testing.T, s store.Store) {
	ctx := context.Background()
	q, err := s.Quotes(ctx, store.QuoteFilter{Speaker: "Rudskoy"})
	if err != nil || len(q) != 3 {
		t.Fatalf("Quotes(Rudskoy) = %d, %v; want 3 (one per copy of the page)", len(q), err)
	}
	if !strings.HasPrefix(q[0].Content, "We see") || q[0].Speaker.Name != "Sergei Rudskoy" {
		t.Errorf("quote = %+v", q[0])
	}
	actors, err := s.Actors(ctx, store.ActorFilter{Name: "coalition"})
	if err != nil {
		t.Fatal(err)
	}
	if len(actors) == 0 || actors[0].Name != "US-led coalition" || len(actors[0].Aliases) < 3 || actors[0].Events == 0 {
		t.Errorf("Actors(coalition) = %+v", actors)
	}
	arts, err := s.Articles(ctx, store.ArticleFilter{Search: "drone"})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 4 { // the page, its two copies, the Levant Wire drone story
		t.Errorf("Articles(drone) = %d, want 4", len(arts))
	}
	arts, _ = s.Articles(ctx, store.ArticleFilter{Outlet: "gulf courier"})
	if len(arts) != 1 || arts[0].Story == arts[0].ID {
		t.Errorf("Articles(outlet Gulf Courier) = %+v, want one copy of another story", arts)
	}
}

func testReplace(t *testing.T, s store.Store, corpus []*news.Article) {
	ctx := context.Background()
	a := *corpus[0] // the example page
	a.Events = slices.Clone(a.Events)
	a.Events = a.Events[1:]            // the accusation disappears
	a.Events[0].Type = "COERCE"        // the June 8 strike changes type
	a.Events[0].Assert.How = "claimed" // and becomes a claim
	changes, err := s.Replace(ctx, &a, "test-2")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, c := range changes {
		kinds[c.Kind]++
	}
	if kinds["removed"] != 2 || kinds["added"] != 1 || kinds["changed"] != 0 {
		// Type is part of an event's identity: a new type is a removal and an addition.
		t.Errorf("changes = %v", kinds)
	}
	hist, err := s.History(ctx, a.ID)
	if err != nil || len(hist) != len(changes) {
		t.Fatalf("History = %d, %v; want %d", len(hist), err, len(changes))
	}
	for _, h := range hist {
		if h.OldEngine != "test-1" || h.NewEngine != "test-2" || h.At == "" {
			t.Errorf("history row %+v lacks engines or time", h)
		}
	}
	// A changed field under the same identity is "changed".
	b := a
	b.Events = slices.Clone(a.Events)
	b.Events[1].Confidence = 0.1
	changes, err = s.Replace(ctx, &b, "test-3")
	if err != nil || len(changes) != 1 || changes[0].Kind != "changed" {
		t.Errorf("second Replace = %+v, %v; want one change", changes, err)
	}
	rows, _ := s.Events(ctx, store.EventFilter{Type: "COERCE"})
	found := false
	for _, r := range rows {
		if r.ArticleID == a.ID && r.Date == "2017-06-08" && r.Engine == "test-3" {
			found = true
		}
	}
	if !found {
		t.Error("the re-analysed event is not queryable with its new engine version")
	}
	if got, _ := s.Article(ctx, a.ID); got == nil || len(got.Events) != len(b.Events) {
		t.Error("the stored article is not the re-analysis")
	}
	if _, err := s.Replace(ctx, &news.Article{ID: "nope"}, "x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Replace of an unknown article: %v", err)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

// words returns n distinct words of one family ("ux0 ux1 …"): texts
// made of such runs share shingles only where they share a run.
func words(family string, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("%s%d", family, i)
	}
	return strings.Join(w, " ")
}

// storyDoc is an article of the stories test: a text, a publication time
// ("" for none) and one event, so that event rows carry the story too.
func storyDoc(id, text, published string) *news.Article {
	a := &news.Article{ID: id, Source: id + ".txt", Format: news.FormatBody, Original: []byte(text), Text: text}
	a.Meta.Outlet = "Story Test Wire"
	if published != "" {
		d, err := news.ParseISO(published)
		if err != nil {
			panic(err)
		}
		a.Meta.Published = d
	}
	a.Events = []news.Event{{Type: "ASSAULT", Evidence: news.Span{Start: 0, End: min(len(text), 20)},
		Source: -1, Target: -1, Place: -1, Time: -1, Content: -1, Date: "2020-01-01", DatePrecision: news.PrecisionDay,
		Assert: news.Assertion{How: "reported", Quote: -1, Speaker: -1}}}
	return a
}

// reanalysedSource marks an article of the stories test that is not put
// but replaces the stored one of its ID (a re-analysis).
const reanalysedSource = "reanalysed"

// reanalysed is a re-analysis of a stored article of the stories test.
func reanalysed(id, text, published string) *news.Article {
	a := storyDoc(id, text, published)
	a.Source = reanalysedSource
	a.Events = append(a.Events, a.Events[0])
	return a
}

// testStories puts copies of stories in separate Puts, as separate ingest
// runs would: a copy joins the story stored before; an earlier copy moves
// the story ID of every stored copy to itself; an article that copies two
// stories merges them; unrelated texts stay apart.
func testStories(t *testing.T, fresh func(*testing.T) store.Store) {
	ctx := context.Background()
	x, y, z := words("ux", 40), words("vy", 40), words("wz", 40)
	other := words("qo", 80)
	type put []*news.Article
	tests := []struct {
		name string
		puts []put
		want map[string]string // article → story after the last Put
	}{
		{"a copy joins the story stored before",
			[]put{{storyDoc("a1", x+" "+y, "2020-01-02T10:00:00Z")}, {storyDoc("a2", "Other Site. "+x+" "+y+" Subscribe now.", "2020-01-02T12:00:00Z")}},
			map[string]string{"a1": "a1", "a2": "a1"}},
		{"an earlier copy moves the story",
			[]put{{storyDoc("b1", x+" "+y, "2020-01-02T10:00:00Z")}, {storyDoc("b2", x+" "+y+" More.", "2020-01-03")},
				{storyDoc("b0", "A changed title. "+x+" "+y, "2020-01-02T08:00:00Z")}},
			map[string]string{"b0": "b0", "b1": "b0", "b2": "b0"}},
		{"an undated copy is later than any dated one",
			[]put{{storyDoc("c1", x+" "+y, "")}, {storyDoc("c2", x+" "+y+" again", "2021-05-05")}},
			map[string]string{"c1": "c2", "c2": "c2"}},
		{"same date: the copy stored first",
			[]put{{storyDoc("d2", x+" "+y, "2020-01-02")}, {storyDoc("d1", x+" "+y+" again", "2020-01-02")}},
			map[string]string{"d1": "d2", "d2": "d2"}},
		{"an article copying two stories merges them",
			[]put{{storyDoc("e1", x+" "+y, "2020-01-03")}, {storyDoc("e2", y+" "+z, "2020-01-02")}, {storyDoc("e3", x+" "+y+" "+z, "2020-01-04")}},
			map[string]string{"e1": "e2", "e2": "e2", "e3": "e2"}},
		{"unrelated texts stay apart",
			[]put{{storyDoc("f1", x+" "+y, "2020-01-02")}, {storyDoc("f2", other, "2020-01-01")}, {storyDoc("f3", y+" "+z, "2020-01-01")}},
			map[string]string{"f1": "f1", "f2": "f2", "f3": "f3"}},
		{"short texts: exact copies only",
			[]put{{storyDoc("g1", "Strike near the border.", "2020-01-02")}, {storyDoc("g2", "STRIKE near the border!", "2020-01-01")},
				{storyDoc("g3", "Strikes near the border.", "2020-01-01")}},
			map[string]string{"g1": "g2", "g2": "g2", "g3": "g3"}},
		{"same date: the copy stored first, also after it is re-analysed",
			[]put{{storyDoc("k1", x+" "+y, "2020-01-02")}, {storyDoc("k2", y+" "+z, "2020-01-02")}, {reanalysed("k1", x+" "+y, "2020-01-02")},
				{storyDoc("k3", x+" "+y+" "+z, "2020-01-04")}},
			map[string]string{"k1": "k1", "k2": "k1", "k3": "k1"}},
		{"within one batch, as across batches",
			[]put{{storyDoc("h1", x+" "+y, "2020-01-03"), storyDoc("h2", other, "2020-01-01"), storyDoc("h3", x+" "+y+" copy", "2020-01-02")}},
			map[string]string{"h1": "h3", "h2": "h2", "h3": "h3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fresh(t)
			for _, p := range tt.puts {
				if len(p) == 1 && p[0].Source == reanalysedSource {
					if _, err := s.Replace(ctx, p[0], "test-2"); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if n, err := s.Put(ctx, p, "test-1"); err != nil || n != len(p) {
					t.Fatalf("Put = %d, %v", n, err)
				}
			}
			checkStories(t, s, tt.want)
		})
	}

	t.Run("Meta.Story links as a copy does, also forward in a batch", func(t *testing.T) {
		s := fresh(t)
		a, b := storyDoc("m1", other, "2020-01-02"), storyDoc("m2", x+" "+y, "2020-01-01")
		a.Meta.Story = "m2" // stored after it, in the same batch
		c := storyDoc("m3", z, "2020-01-03")
		c.Meta.Story = "m1"
		if _, err := s.Put(ctx, []*news.Article{a, b}, "test-1"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Put(ctx, []*news.Article{c}, "test-1"); err != nil {
			t.Fatal(err)
		}
		checkStories(t, s, map[string]string{"m1": "m2", "m2": "m2", "m3": "m2"})
		if a.Meta.Story != "m2" || c.Meta.Story != "m1" || b.Meta.Story != "" {
			t.Error("Put changed the articles of the batch")
		}
	})

	t.Run("idempotent, Replace keeps the story, nothing left to link", func(t *testing.T) {
		s := fresh(t)
		first, copy := storyDoc("r1", x+" "+y, "2020-01-02"), storyDoc("r2", x+" "+y+" copy", "2020-01-01")
		s.Put(ctx, []*news.Article{first}, "test-1")
		s.Put(ctx, []*news.Article{copy}, "test-1")
		if n, err := s.Put(ctx, []*news.Article{first, copy}, "test-2"); n != 0 || err != nil {
			t.Fatalf("second Put = %d, %v", n, err)
		}
		re := *first
		re.Meta.Story = ""
		re.Events = append(slices.Clone(first.Events), first.Events[0])
		if _, err := s.Replace(ctx, &re, "test-2"); err != nil {
			t.Fatal(err)
		}
		checkStories(t, s, map[string]string{"r1": "r2", "r2": "r2"})
		if n, err := s.LinkStored(ctx, 100); n != 0 || err != nil {
			t.Errorf("LinkStored = %d, %v; want nothing to link", n, err)
		}
		if err := s.Check(ctx); err != nil {
			t.Error(err)
		}
	})
}

// checkStories checks the story of each article as Articles, Article and
// the event rows give it.
func checkStories(t *testing.T, s store.Store, want map[string]string) {
	t.Helper()
	ctx := context.Background()
	rows, err := s.Articles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[r.ID] = r.Story
	}
	events, err := s.Events(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.Story != got[e.ArticleID] {
			t.Errorf("event of %s: story %q, the article's is %q", e.ArticleID, e.Story, got[e.ArticleID])
		}
	}
	for id, story := range want {
		if got[id] != story {
			t.Errorf("story of %s = %q, want %q (all: %v)", id, got[id], story, got)
		}
		if a, err := s.Article(ctx, id); err != nil || a.Meta.Story != story {
			t.Errorf("Article(%s).Meta.Story = %q, %v; want %q", id, a.Meta.Story, err, story)
		}
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

// A Compacter is a store that can rewrite its files compactly (SQLite:
// VACUUM). The suite compacts such a store where a rewrite could renumber
// what it keeps.
type Compacter interface {
	Compact(ctx context.Context) error
}

// testStable checks that what depends on the order of storing (IDs,
// the order of Articles among equal dates) and full-text search of
// articles stay right when articles are re-analysed (Replace) and the
// store is compacted.
func testStable(t *testing.T, fresh func(*testing.T) store.Store) {
	ctx := context.Background()
	s := fresh(t)
	var ids []string
	put := func(i int) {
		t.Helper()
		id := fmt.Sprintf("o%d", i)
		a := storyDoc(id, words(fmt.Sprintf("fam%dx", i), 40), "2020-02-02")
		if n, err := s.Put(ctx, []*news.Article{a}, "test-1"); n != 1 || err != nil {
			t.Fatalf("Put(%s) = %d, %v", id, n, err)
		}
		ids = append(ids, id)
	}
	check := func(when string) {
		t.Helper()
		got, err := s.IDs(ctx)
		if err != nil || !slices.Equal(got, ids) {
			t.Errorf("%s: IDs = %v, %v; want %v (oldest first)", when, got, err, ids)
		}
		// Page walks the same order, two at a time.
		var paged []string
		for after, n := int64(0), 0; n < len(ids)+2; n++ {
			page, err := s.Page(ctx, after, 2)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			for _, r := range page {
				if r.Seq <= after || r.Engine == "" {
					t.Errorf("%s: Page(%d) gave %+v: places must rise and carry the engine", when, after, r)
				}
				paged, after = append(paged, r.ID), r.Seq
			}
		}
		if !slices.Equal(paged, ids) {
			t.Errorf("%s: Page walk = %v; want %v", when, paged, ids)
		}
		rows, err := s.Articles(ctx, store.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		for _, r := range rows {
			order = append(order, r.ID)
		}
		if !slices.Equal(order, ids) {
			t.Errorf("%s: Articles (one date) = %v; want the order of storing %v", when, order, ids)
		}
		for i, id := range ids {
			word := fmt.Sprintf("fam%dx7", i)
			rows, err := s.Articles(ctx, store.ArticleFilter{Search: word})
			if err != nil || len(rows) != 1 || rows[0].ID != id {
				var found []string
				for _, r := range rows {
					found = append(found, r.ID)
				}
				t.Errorf("%s: search %q = %v, %v; want [%s]", when, word, found, err, id)
			}
		}
		if err := s.Check(ctx); err != nil {
			t.Errorf("%s: %v", when, err)
		}
	}
	for i := range 6 {
		put(i)
	}
	check("after Put")
	for _, i := range []int{1, 3} {
		a := reanalysed(ids[i], words(fmt.Sprintf("fam%dx", i), 40), "2020-02-02")
		if _, err := s.Replace(ctx, a, "test-2"); err != nil {
			t.Fatal(err)
		}
	}
	check("after Replace")
	c, ok := s.(Compacter)
	if !ok {
		return
	}
	if err := c.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	check("after Compact")
	put(6)
	a := reanalysed(ids[0], words("fam0x", 40), "2020-02-02")
	if _, err := s.Replace(ctx, a, "test-3"); err != nil {
		t.Fatal(err)
	}
	if err := c.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	check("after Put, Replace and Compact")
}
