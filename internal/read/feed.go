package read

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	xhtml "golang.org/x/net/html"

	"sitrep/news"
)

// readFeed yields one article per item of an RSS, RDF or Atom feed, with
// Source "path#itemN" (N from 1, in feed order):
//
//   - an item with full content (content:encoded, Atom content) becomes an
//     HTML article when the content is markup (a small page holding the
//     item's title and content, for the extract stage) and a body article
//     when it is plain text;
//   - an item with only a summary (RSS description, Atom summary) becomes a
//     body article of that summary, with a "summary-only" warning: the
//     feed does not hold the article, and nothing is invented for it;
//   - an item with neither is an *Error.
//
// Meta.URL, Title, Byline, Outlet (the feed's title), Language, Section
// (the first category) and Published/Updated come from the feed.
func readFeed(name string, data []byte, yield func(*news.Article, error) bool) bool {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return yield(nil, &Error{name, fmt.Errorf("feed: %w", err)})
	}
	if len(feed.Items) == 0 {
		return yield(nil, &Error{name, errors.New("feed: no items")})
	}
	for i, it := range feed.Items {
		src := fmt.Sprintf("%s#item%d", name, i+1)
		a, err := feedArticle(src, feed, it)
		if err != nil {
			if !yield(nil, &Error{src, err}) {
				return false
			}
			continue
		}
		if !yield(a, nil) {
			return false
		}
	}
	return true
}

func feedArticle(src string, feed *gofeed.Feed, it *gofeed.Item) (*news.Article, error) {
	content := strings.TrimSpace(it.Content)
	summary := strings.TrimSpace(it.Description)
	var (
		a   *news.Article
		err error
	)
	switch {
	case content != "" && isMarkup(content):
		a, err = NewArticle(src, []byte(itemPage(it.Title, content)), news.FormatHTML)
	case content != "":
		a, err = NewArticle(src, []byte(content), news.FormatBody)
	case summary != "":
		body := summary
		if isMarkup(summary) {
			body = markupText(summary)
		}
		a, err = NewArticle(src, []byte(body), news.FormatBody)
		if err == nil {
			a.AddDiagnostic("read", news.Warning, news.Span{}, "summary-only",
				"the feed item holds only a summary, not the article; the body is that summary")
		}
	default:
		return nil, errors.New("feed item has neither content nor summary")
	}
	if err != nil {
		return nil, err
	}
	m := &a.Meta
	m.URL = strings.TrimSpace(it.Link)
	m.Title = strings.TrimSpace(html.UnescapeString(it.Title))
	m.Outlet = strings.TrimSpace(feed.Title)
	if lang := feed.Language; lang != "" {
		m.Language = isoLang(lang)
	}
	if len(it.Authors) > 0 && it.Authors[0] != nil {
		m.Byline = it.Authors[0].Name
	}
	if len(it.Categories) > 0 {
		m.Section = it.Categories[0]
	}
	m.Published = feedTime(it.Published, it.PublishedParsed)
	m.Updated = feedTime(it.Updated, it.UpdatedParsed)
	if m.Published.IsZero() || m.Published.Time.Equal(m.Updated.Time) {
		m.Published, m.Updated = m.Updated, news.DateTime{}
	}
	return a, nil
}

// feedTimeLayouts read a feed's date as written, keeping its UTC offset
// (the parsed time gofeed gives is in UTC).
var feedTimeLayouts = []string{time.RFC3339, time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700"}

// feedTime is a feed's date: feeds state dates to the second, with a zone.
func feedTime(raw string, parsed *time.Time) news.DateTime {
	raw = strings.TrimSpace(raw)
	for _, l := range feedTimeLayouts {
		if t, err := time.Parse(l, raw); err == nil {
			return news.DateTime{Time: t, Precision: news.PrecisionSecond, Zoned: true}
		}
	}
	if parsed == nil || parsed.IsZero() {
		return news.DateTime{}
	}
	return news.DateTime{Time: *parsed, Precision: news.PrecisionSecond, Zoned: true}
}

// isoLang reduces "en-us" to "en"; "" when it is not a two-letter code.
func isoLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return ""
	}
	return s
}

// isMarkup reports whether s holds an HTML element.
func isMarkup(s string) bool {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return false
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			return true
		}
	}
}

// markupText is the text of an HTML fragment, block elements and <br>
// ending paragraphs (joined by blank lines).
func markupText(s string) string {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			flush()
			return strings.Join(paras, "\n\n")
		case xhtml.TextToken:
			cur.Write(z.Text())
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr":
				flush()
			}
		}
	}
}

// itemPage wraps an item's HTML content in a page for the extract stage.
func itemPage(title, content string) string {
	var b strings.Builder
	b.Grow(len(content) + len(title) + 128)
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
	b.WriteString(html.EscapeString(html.UnescapeString(title)))
	b.WriteString("</title></head><body><article>\n")
	b.WriteString(content)
	b.WriteString("\n</article></body></html>\n")
	return b.String()
}
