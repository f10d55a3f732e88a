package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"sitrep/internal/read"
	"sitrep/news"
)

var updateHTML = flag.Bool("update-html", false, "rewrite testdata/html/*.golden.json")

// htmlGolden is what the golden files record of one extracted page.
type htmlGolden struct {
	Title, Outlet, Byline, Language, URL, CanonicalURL string
	Published, Updated                                 string
	Paragraphs                                         []string
	Diagnostics                                        []string
}

func goldenOf(a *news.Article) htmlGolden {
	g := htmlGolden{
		Title: a.Meta.Title, Outlet: a.Meta.Outlet, Byline: a.Meta.Byline, Language: a.Meta.Language,
		URL: a.Meta.URL, CanonicalURL: a.Meta.CanonicalURL,
		Published: a.Meta.Published.Value(), Updated: a.Meta.Updated.Value(),
	}
	for _, p := range a.Paragraphs {
		g.Paragraphs = append(g.Paragraphs, a.Covered(p))
	}
	for _, d := range a.Diagnostics {
		g.Diagnostics = append(g.Diagnostics, d.Stage+"/"+d.Code)
	}
	return g
}

// extractFile reads a page as the reader does and extracts it.
func extractFile(t testing.TB, path string) *news.Article {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := read.NewArticle(path, raw, news.FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	if err := New(Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	return a
}

// checkArticle checks the invariants of an extracted article: spans in
// Text on UTF-8 boundaries, paragraphs joined by one blank line, raw spans
// in Original.
func checkArticle(t testing.TB, a *news.Article) {
	t.Helper()
	for i, p := range a.Paragraphs {
		if err := news.CheckSpan(a.Text, p); err != nil {
			t.Fatalf("paragraph %d: %v", i, err)
		}
		if i > 0 && a.Text[a.Paragraphs[i-1].End:p.Start] != "\n\n" {
			t.Fatalf("paragraphs %d and %d not separated by a blank line", i-1, i)
		}
	}
	for _, r := range []news.RawSpan{a.Meta.TitleSpan, a.Meta.OutletSpan, a.Meta.BylineSpan, a.Meta.SectionSpan, a.Meta.Published.Span, a.Meta.Updated.Span} {
		if r.Start < 0 || r.Start > r.End || r.End > len(a.Original) {
			t.Fatalf("raw span %v outside Original of %d bytes", r, len(a.Original))
		}
	}
	for _, d := range a.Diagnostics {
		if err := news.CheckSpan(a.Text, d.Span); err != nil {
			t.Fatalf("diagnostic %s: %v", d.Code, err)
		}
	}
}

// TestHTMLGolden extracts each page of testdata/html and compares with its
// golden file (go test -run TestHTMLGolden -update-html rewrites them).
func TestHTMLGolden(t *testing.T) {
	pages, _ := filepath.Glob("testdata/html/*.html")
	if len(pages) == 0 {
		t.Fatal("no test pages")
	}
	for _, p := range pages {
		t.Run(filepath.Base(p), func(t *testing.T) {
			got := goldenOf(extractFile(t, p))
			gpath := strings.TrimSuffix(p, ".html") + ".golden.json"
			if *updateHTML {
				b, _ := json.MarshalIndent(got, "", "  ")
				if err := os.WriteFile(gpath, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(gpath)
			if err != nil {
				t.Fatalf("%v (run with -update-html to write it)", err)
			}
			var want htmlGolden
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-golden +got):\n%s", diff)
			}
		})
	}
}

// TestHTMLDates checks published and updated date-times: time of day and
// zone where the page states them, and the cap at the crawl date.
func TestHTMLDates(t *testing.T) {
	page := func(meta string) string {
		return `<html><head><title>T</title>` + meta + `</head><body><article><p>` +
			strings.Repeat("A sentence of the article body that goes on for a while. ", 10) + `</p></article></body></html>`
	}
	crawl := time.Date(2024, 3, 14, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name           string
		html           string
		crawled        time.Time
		pub, upd, diag string
	}{
		{"zoned", page(`<meta property="article:published_time" content="2024-03-13T06:20:00+02:00"><meta property="article:modified_time" content="2024-03-13T11:05:00+02:00">`), time.Time{}, "2024-03-13T06:20:00+02:00", "2024-03-13T11:05:00+02:00", ""},
		{"day only", page(`<meta name="date" content="2024-03-13">`), time.Time{}, "2024-03-13", "", ""},
		{"after the crawl", page(`<meta property="article:published_time" content="2024-03-20T06:20:00+00:00">`), crawl, "2024-03-14T12:00:00Z", "", "date-after-crawl"},
		{"before the crawl", page(`<meta property="article:published_time" content="2024-03-10T06:20:00+00:00">`), crawl, "2024-03-10T06:20:00Z", "", ""},
	}
	for _, tc := range tests {
		a := &news.Article{Format: news.FormatHTML, Original: []byte(tc.html)}
		ExtractHTML(a, HTMLOptions{Crawled: tc.crawled})
		checkArticle(t, a)
		if got := a.Meta.Published.Value(); got != tc.pub {
			t.Errorf("%s: published %q, want %q", tc.name, got, tc.pub)
		}
		if got := a.Meta.Updated.Value(); got != tc.upd {
			t.Errorf("%s: updated %q, want %q", tc.name, got, tc.upd)
		}
		var codes []string
		for _, d := range a.Diagnostics {
			codes = append(codes, d.Code)
		}
		if got := strings.Join(codes, ","); !strings.Contains(got, tc.diag) || (tc.diag == "" && strings.Contains(got, "date-after-crawl")) {
			t.Errorf("%s: diagnostics %q, want %q", tc.name, got, tc.diag)
		}
	}
}

// TestHTMLCrawledFromReader checks that the crawl date a WARC reader
// records reaches the extractor.
func TestHTMLCrawledFromReader(t *testing.T) {
	a := &news.Article{Format: news.FormatHTML, Original: []byte(`<html><head><meta property="article:published_time" content="2024-06-01T00:00:00Z"></head><body><p>` + strings.Repeat("Body text goes here. ", 30) + `</p></body></html>`)}
	a.Meta.Crawled = news.DateTime{Time: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionSecond, Zoned: true}
	if err := New(Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	if got := a.Meta.Published.Value(); got != "2024-01-01T00:00:00Z" {
		t.Errorf("published %q, want the crawl date", got)
	}
}

// TestHTMLLargePage extracts a page over the size that is parsed.
func TestHTMLLargePage(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB page")
	}
	var b bytes.Buffer
	b.WriteString("<html><head><title>Big</title></head><body><article>")
	for b.Len() < 50<<20 {
		b.WriteString("<p>The council met again on Tuesday to discuss the budget for the coming year, and the debate went on late into the night.</p>\n")
	}
	a := &news.Article{Format: news.FormatHTML, Original: b.Bytes()}
	start := time.Now()
	ExtractHTML(a, HTMLOptions{})
	if d := time.Since(start); d > 60*time.Second {
		t.Errorf("took %v", d)
	}
	found := false
	for _, d := range a.Diagnostics {
		if d.Code == "page-too-large" {
			found = true
		}
	}
	if !found || a.Text == "" {
		t.Errorf("diagnostics %v, text %d bytes; want page-too-large and a body", a.Diagnostics, len(a.Text))
	}
}

func FuzzHTMLPage(f *testing.F) {
	pages, _ := filepath.Glob("testdata/html/*.html")
	for _, p := range pages {
		b, _ := os.ReadFile(p)
		f.Add(b)
	}
	f.Add([]byte("<p>"))
	f.Add([]byte("<html><body><table><tr><td>x<td><br><p>\xff\xfe</table>"))
	st := New(Config{})
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := read.NewArticle("fuzz", raw, news.FormatHTML)
		if err != nil {
			return
		}
		if err := st.Apply(a); err != nil {
			t.Fatal(err)
		}
		checkArticle(t, a)
	})
}

// TestFeedItemHTML extracts a feed item whose content is HTML: the body is
// the item's paragraphs, and the feed's title and date stand.
func TestFeedItemHTML(t *testing.T) {
	var arts []*news.Article
	for a, err := range read.Articles(context.Background(), []string{"../read/testdata/feed.rss"}, nil, read.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		t.Fatal("no items")
	}
	a := arts[0]
	if err := New(Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	if n := len(a.Paragraphs); n != 4 {
		t.Errorf("%d paragraphs, want 4:\n%s", n, a.Text)
	}
	if !strings.HasPrefix(a.Text, "The island ferry service was suspended") {
		t.Errorf("body starts %.60q", a.Text)
	}
	if a.Meta.Title != "Ferry service suspended after storm damages pier" || a.Meta.Published.Value() != "2024-03-12T08:15:00Z" {
		t.Errorf("title %q, published %q", a.Meta.Title, a.Meta.Published.Value())
	}
}

func TestIsHeadline(t *testing.T) {
	tests := []struct {
		para, title string
		want        bool
	}{
		{"Storm closes coastal road", "Storm closes coastal road", true},
		{"Storm  closes coastal road", "storm closes COASTAL road", true},
		{"Storm closes coastal road for second day", "Storm closes coastal road for second day | Harbour Gazette", true},
		{"Storm closes coastal road for second day", "Gazette - Storm closes coastal road for second day", true},
		{"Storm", "Storm closes coastal road for second day", false},
		{"The coastal road between Port Ellis and Carrow stayed closed.", "Storm closes coastal road", false},
		{"", "Title", false},
	}
	for _, tc := range tests {
		if got := isHeadline(tc.para, tc.title); got != tc.want {
			t.Errorf("isHeadline(%q, %q) = %v, want %v", tc.para, tc.title, got, tc.want)
		}
	}
}
