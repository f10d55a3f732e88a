package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"sitrep/news"
)

// HTML extraction, in one pass over one parsed page:
//
//   - the body comes from go-trafilatura (with its readability and
//     DOM-distiller fallbacks) and is written as paragraphs joined by one
//     blank line ("\n\n"), each paragraph with its white space collapsed;
//   - title, outlet (site name), byline, language and canonical URL come
//     from trafilatura's metadata (meta tags, OpenGraph, JSON-LD);
//   - published and updated date-times come from go-htmldate, with time of
//     day and zone where the page states them;
//   - a page that does not look like an article (a home page, a listing, a
//     page whose OpenGraph type is not an article) gets a "not-article"
//     diagnostic; its text is still extracted.
//
// Raw spans of metadata point at the first place in Original where the
// value occurs verbatim; they are zero when it does not (entities, JSON-LD
// escapes).

// HTMLOptions tune HTML extraction.
type HTMLOptions struct {
	// Crawled is when the page was fetched (a WARC-Date). A page cannot be
	// published or updated after it was crawled: later dates are capped to
	// Crawled with a "date-after-crawl" diagnostic. Zero means unknown.
	Crawled time.Time
	// Now bounds dates when Crawled is zero; zero means time.Now().
	Now time.Time
}

// HTMLPage extracts the body and metadata of an HTML page in a.Original.
// When the reader recorded a crawl date (Meta.Crawled, as the WARC reader
// sets it) it caps the page's dates.
func HTMLPage(a *news.Article) {
	var opt HTMLOptions
	if !a.Meta.Crawled.IsZero() {
		opt.Crawled = a.Meta.Crawled.Time
	}
	ExtractHTML(a, opt)
}

// MaxHTMLBytes is the most of a page that is parsed: news pages are far
// smaller, and a parsed page takes several times its size in memory.
const MaxHTMLBytes = 8 << 20

// maxPageText and maxPageParagraphs bound the text and the <p> elements
// of a page that go to trafilatura, whose time grows with the square of
// the number of paragraphs; the longest article bodies are under a tenth
// of this.
const (
	maxPageText       = 512 << 10
	maxPageParagraphs = 2000
)

// trimDOM cuts the document after the node where it holds maxText bytes
// of text or maxP <p> elements, and reports whether it cut anything.
func trimDOM(doc *html.Node, maxText, maxP int) bool {
	text, ps := 0, 0
	var cut *html.Node
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				text += len(c.Data)
			case c.Type == html.ElementNode && c.Data == "p":
				ps++
			case c.Type == html.ElementNode && (c.Data == "script" || c.Data == "style"):
				continue
			}
			if text > maxText || ps > maxP {
				cut = c
				return true
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	if !walk(doc) {
		return false
	}
	// Remove everything after cut, at every level up to the root.
	for n := cut; n != nil; n = n.Parent {
		for s := n.NextSibling; s != nil; {
			next := s.NextSibling
			n.Parent.RemoveChild(s)
			s = next
		}
	}
	return true
}

// minBodyRunes is the body length below which a page is unlikely to be an
// article (trafilatura's own MinExtractedSize).
const minBodyRunes = 250

// ExtractHTML writes a.Text, a.Paragraphs and a.Meta from the HTML page in
// a.Original. Problems become diagnostics; it never panics on bad HTML.
func ExtractHTML(a *news.Article, opt HTMLOptions) {
	raw := a.Original
	if len(raw) > MaxHTMLBytes {
		cut := MaxHTMLBytes
		for cut > 0 && !utf8.RuneStart(raw[cut]) {
			cut--
		}
		a.AddDiagnostic("extract", news.Warning, news.Span{}, "page-too-large",
			fmt.Sprintf("page of %.1f MB; only its first %d MB are parsed", float64(len(raw))/(1<<20), MaxHTMLBytes>>20))
		raw = raw[:cut]
	}
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil { // html.Parse fails only on reader errors
		a.AddDiagnostic("extract", news.Error, news.Span{}, "html-parse", "cannot parse HTML: "+err.Error())
		return
	}
	if trimDOM(doc, maxPageText, maxPageParagraphs) {
		a.AddDiagnostic("extract", news.Warning, news.Span{}, "page-too-large",
			fmt.Sprintf("page holds more than %d KB of text or %d paragraphs; only the part before that is extracted", maxPageText>>10, maxPageParagraphs))
	}
	var pageURL *url.URL
	if a.Meta.URL != "" {
		pageURL, _ = url.Parse(a.Meta.URL)
	}

	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	// Dates after the crawl are not ruled out here but capped below, with
	// a diagnostic: the page's claim is worth telling.
	maxDate := now.AddDate(0, 0, 1)
	dateOpts := htmldate.Options{
		ExtractTime:     true,
		UseOriginalDate: true,
		URL:             a.Meta.URL,
		MaxDate:         maxDate,
	}
	published, perr := htmldate.FromDocument(doc, dateOpts)
	override := &published
	if perr != nil {
		override = &htmldate.Result{}
	}

	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:      pageURL,
		EnableFallback:   false,
		ExcludeComments:  true,
		HtmlDateOverride: override,
	})
	if err != nil {
		a.AddDiagnostic("extract", news.Warning, news.Span{}, "no-body", "no article body found: "+err.Error())
		if !opt.Crawled.IsZero() {
			capToCrawl(a, &a.Meta.Published, "published", opt.Crawled)
		}
		return
	}

	paras := paragraphs(res.ContentNode)
	// The headline is metadata, not body: drop it when it opens the body.
	if len(paras) > 1 && isHeadline(paras[0], res.Metadata.Title) {
		paras = paras[1:]
	}
	a.Text, a.Paragraphs = joinParagraphs(paras)

	m := res.Metadata
	setMeta(a, m)

	if !a.Meta.Published.IsZero() {
		// The reader's date (a feed's, a JSON Lines record's) stands.
	} else if perr == nil && !published.IsZero() {
		a.Meta.Published = dateTime(raw, published)
		upOpts := dateOpts
		upOpts.UseOriginalDate = false
		upOpts.SkipExtensiveSearch = true
		if updated, err := htmldate.FromDocument(doc, upOpts); err == nil && !updated.IsZero() && updated.DateTime.After(published.DateTime) {
			a.Meta.Updated = dateTime(raw, updated)
		}
	}
	if !opt.Crawled.IsZero() {
		capToCrawl(a, &a.Meta.Published, "published", opt.Crawled)
		capToCrawl(a, &a.Meta.Updated, "updated", opt.Crawled)
	}

	if why := notArticle(a, m, utf8.RuneCountInString(a.Text)); why != "" {
		a.AddDiagnostic("extract", news.Warning, news.Span{}, "not-article", "page does not look like an article: "+why)
	}
}

// setMeta copies trafilatura's metadata into a.Meta, keeping values a
// reader already set (a feed's title, a WARC's URL).
func setMeta(a *news.Article, m trafilatura.Metadata) {
	raw := a.Original
	if a.Meta.Title == "" && m.Title != "" {
		a.Meta.Title = m.Title
		a.Meta.TitleSpan = rawSpan(raw, m.Title)
	}
	if a.Meta.Outlet == "" && m.Sitename != "" {
		a.Meta.Outlet = m.Sitename
		a.Meta.OutletSpan = rawSpan(raw, m.Sitename)
	}
	if a.Meta.Byline == "" && m.Author != "" {
		a.Meta.Byline = m.Author
		a.Meta.BylineSpan = rawSpan(raw, m.Author)
	}
	if a.Meta.Section == "" && len(m.Categories) > 0 {
		a.Meta.Section = m.Categories[0]
		a.Meta.SectionSpan = rawSpan(raw, m.Categories[0])
	}
	if a.Meta.Language == "" && m.Language != "" {
		a.Meta.Language = normLang(m.Language)
	}
	if m.URL != "" {
		a.Meta.CanonicalURL = m.URL
		if a.Meta.URL == "" {
			a.Meta.URL = m.URL
		}
	}
}

// isHeadline reports whether a paragraph is the page's title: the same
// words, or the title with the site's name added or taken away ("Title |
// Site", "Site - Title").
func isHeadline(para, title string) bool {
	p, t := strings.ToLower(collapse(para)), strings.ToLower(collapse(title))
	if p == "" || t == "" || len(p) > 300 {
		return false
	}
	if p == t {
		return true
	}
	short, long := p, t
	if len(short) > len(long) {
		short, long = long, short
	}
	// The shorter must be most of the longer, at its start or its end.
	return 3*len(short) >= 2*len(long) && (strings.HasPrefix(long, short) || strings.HasSuffix(long, short))
}

// normLang reduces "en-US" or "en_GB" to ISO 639-1 "en"; anything else that
// is not two letters becomes "".
func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return ""
	}
	return s
}

// rawSpan is the first place where s occurs verbatim in raw, or zero.
func rawSpan(raw []byte, s string) news.RawSpan {
	if s == "" {
		return news.RawSpan{}
	}
	i := bytes.Index(raw, []byte(s))
	if i < 0 {
		return news.RawSpan{}
	}
	return news.RawSpan{Start: i, End: i + len(s)}
}

// dateTime turns an htmldate result into a DateTime at the precision the
// page stated.
func dateTime(raw []byte, r htmldate.Result) news.DateTime {
	d := news.DateTime{Time: r.DateTime, Precision: news.PrecisionDay}
	if r.HasTime {
		d.Precision = news.PrecisionMinute
		if r.DateTime.Second() != 0 {
			d.Precision = news.PrecisionSecond
		}
		d.Zoned = r.HasTimezone
	}
	if !d.Zoned {
		t := r.DateTime
		d.Time = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	}
	if !r.HasTime {
		t := d.Time
		d.Time = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	d.Span = rawSpan(raw, strings.TrimSpace(r.SrcString))
	return d
}

// capToCrawl caps *d to the crawl instant when the page states a later one.
// A date without a zone or time is compared at the end of its day in the
// earliest zone (UTC+14), so that only dates certainly after the crawl are
// capped.
func capToCrawl(a *news.Article, d *news.DateTime, what string, crawled time.Time) {
	if d.IsZero() {
		return
	}
	latest := d.Time
	if !d.Zoned {
		if d.Precision == news.PrecisionDay {
			latest = latest.Add(24*time.Hour - time.Nanosecond)
		}
		latest = latest.Add(-14 * time.Hour)
	}
	if !latest.After(crawled) {
		return
	}
	a.AddDiagnostic("extract", news.Warning, news.Span{}, "date-after-crawl",
		"page says "+what+" "+d.Value()+", after it was crawled at "+crawled.UTC().Format(time.RFC3339)+"; capped to the crawl date")
	*d = news.DateTime{Time: crawled.UTC(), Precision: news.PrecisionSecond, Zoned: true}
}

// notArticle says why a page looks like something other than an article,
// or "" when it looks like one.
func notArticle(a *news.Article, m trafilatura.Metadata, bodyRunes int) string {
	switch t := strings.ToLower(m.PageType); {
	case t == "" || strings.Contains(t, "article") || strings.Contains(t, "news") || strings.Contains(t, "blog") || strings.Contains(t, "posting") || strings.Contains(t, "report"):
	case t == "website" || t == "webpage" || t == "collectionpage" || t == "itemlist" || t == "searchresultspage":
		if isRootURL(a.Meta.URL) || isRootURL(a.Meta.CanonicalURL) {
			return "a home page (page type " + t + ")"
		}
		if bodyRunes < 4*minBodyRunes {
			return "page type is " + t + " and the body is short"
		}
	}
	if isRootURL(a.Meta.URL) && bodyRunes < 4*minBodyRunes {
		return "a home page"
	}
	if bodyRunes < minBodyRunes {
		return "the body is shorter than a paragraph"
	}
	if len(a.Paragraphs) >= 10 {
		short := 0
		for _, p := range a.Paragraphs {
			if utf8.RuneCountInString(a.Text[p.Start:p.End]) < 80 {
				short++
			}
		}
		if short*10 >= len(a.Paragraphs)*8 {
			return "most paragraphs are short lines, as in a listing"
		}
	}
	return ""
}

func isRootURL(s string) bool {
	if s == "" {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return false
	}
	return (u.Path == "" || u.Path == "/") && u.RawQuery == ""
}

// blockTags are the elements of trafilatura's output that hold paragraphs.
var blockTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "dd": true, "dt": true, "blockquote": true, "pre": true, "q": true,
	"tr": true, "div": true, "section": true, "article": true, "summary": true,
	"figcaption": true, "ul": true, "ol": true, "dl": true, "table": true, "caption": true,
}

// paragraphs walks trafilatura's content tree and returns its paragraphs:
// the text of each block element that holds text directly, white space
// collapsed. A <br> inside a block ends a paragraph too.
func paragraphs(root *html.Node) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if s := collapse(cur.String()); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				cur.WriteString(c.Data)
			case html.ElementNode:
				switch {
				case c.Data == "br" || c.Data == "hr" || c.Data == "lb":
					flush()
				case c.Data == "td" || c.Data == "th":
					cur.WriteByte(' ')
					walk(c)
					cur.WriteByte(' ')
				case blockTags[c.Data]:
					flush()
					walk(c)
					flush()
				default:
					walk(c)
				}
			}
		}
	}
	if root != nil {
		walk(root)
	}
	flush()
	return out
}

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// joinParagraphs joins paragraphs with "\n\n" and returns their spans.
func joinParagraphs(paras []string) (string, []news.Span) {
	var b strings.Builder
	spans := make([]news.Span, 0, len(paras))
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		spans = append(spans, news.Span{Start: start, End: b.Len()})
	}
	return b.String(), spans
}
