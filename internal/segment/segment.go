// Package segment splits Article.Text into paragraphs, sentences and tokens.
package segment

import "sitrep/news"

// Config configures the segment stage.
type Config struct{}

// Stage is the segment stage.
type Stage struct{ cfg Config }

// New returns the segment stage.
func New(cfg Config) *Stage { return &Stage{cfg: cfg} }

// Name is "segment".
func (*Stage) Name() string { return "segment" }

// Requires extract.
func (*Stage) Requires() []string { return []string{"extract"} }

// Apply writes a.Paragraphs, a.Sentences and a.Tokens. Placeholder: one
// paragraph, one sentence, no tokens.
func (s *Stage) Apply(a *news.Article) error {
	if a.Text == "" {
		return nil
	}
	sp := news.Span{Start: 0, End: len(a.Text)}
	a.Paragraphs = []news.Span{sp}
	a.Sentences = []news.Sentence{{Span: sp}}
	return nil
}
