package report

import (
	"fmt"
	"io"
	"strings"

	"sitrep/news"
)

// WriteText writes a readable report of a for a person: the page's
// metadata, the body, counts of each layer, and the diagnostics.
func WriteText(w io.Writer, a *news.Article) error {
	var b strings.Builder
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "%-10s %s\n", name+":", value)
		}
	}
	fmt.Fprintf(&b, "== %s\n", a.Source)
	field("title", a.Meta.Title)
	field("outlet", a.Meta.Outlet)
	field("section", a.Meta.Section)
	field("byline", a.Meta.Byline)
	field("published", dateText(a.Meta.Published))
	field("updated", dateText(a.Meta.Updated))
	field("url", a.Meta.URL)
	field("language", a.Meta.Language)
	if !a.Meta.Dateline.IsZero() {
		field("dateline", a.Covered(a.Meta.Dateline))
	}
	field("story", a.Meta.Story)
	field("id", a.ID)
	fmt.Fprintf(&b, "%-10s %d paragraphs, %d sentences, %d tokens", "counts:", len(a.Paragraphs), len(a.Sentences), len(a.Tokens))
	for _, l := range []struct {
		name string
		n    int
	}{{"mentions", len(a.Mentions)}, {"places", len(a.Places)}, {"times", len(a.Times)}, {"quotes", len(a.Quotes)}, {"events", len(a.Events)}} {
		if l.n > 0 {
			fmt.Fprintf(&b, ", %d %s", l.n, l.name)
		}
	}
	b.WriteString("\n\n")
	for _, line := range strings.Split(a.Text, "\n") {
		if line == "" {
			b.WriteString("\n")
			continue
		}
		b.WriteString("    ")
		b.WriteString(line)
		b.WriteString("\n")
	}
	writeLayers(&b, a)
	if len(a.Diagnostics) > 0 {
		b.WriteString("\ndiagnostics:\n")
		for _, d := range a.Diagnostics {
			fmt.Fprintf(&b, "  %s %s %s: %s", d.Severity, d.Stage, d.Code, d.Message)
			if !d.Span.IsZero() {
				fmt.Fprintf(&b, " at %v %q", d.Span, clip(a.Covered(d.Span), 60))
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func dateText(d news.DateTime) string {
	if d.IsZero() {
		return ""
	}
	s := d.Value() + " (" + string(d.Precision)
	if !d.Zoned && (d.Precision == news.PrecisionMinute || d.Precision == news.PrecisionSecond) {
		s += ", zone not stated"
	}
	return s + ")"
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && (s[i]&0xC0) == 0x80 {
		i--
	}
	return s[:i] + "…"
}
