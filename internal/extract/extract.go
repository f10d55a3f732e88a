// Package extract writes Article.Text, the article body, and Article.Meta
// from the original input: saved plain-text pages (boilerplate dropped,
// metadata read from the page head), HTML pages, and bodies given as they
// are. It is the only stage that writes Text, and it writes it once.
package extract

import (
	"fmt"

	"sitrep/news"
)

// Config configures the extract stage.
type Config struct{}

// Stage is the extract stage.
type Stage struct{ cfg Config }

// New returns the extract stage.
func New(cfg Config) *Stage { return &Stage{cfg: cfg} }

// Name is "extract".
func (*Stage) Name() string { return "extract" }

// Requires nothing: extract comes first.
func (*Stage) Requires() []string { return nil }

// Apply writes a.Text, a.Paragraphs and a.Meta from a.Original. An article
// whose Text is already set is left alone.
func (s *Stage) Apply(a *news.Article) error {
	if a.Text != "" {
		return nil
	}
	switch a.Format {
	case news.FormatBody:
		a.Text = string(a.Original)
	case news.FormatText, "":
		TextPage(a)
	case news.FormatHTML:
		HTMLPage(a)
	default:
		return fmt.Errorf("unknown input format %q", a.Format)
	}
	if a.Text == "" {
		a.AddDiagnostic("extract", news.Warning, news.Span{}, "no-body", "no article body found")
	}
	return nil
}
