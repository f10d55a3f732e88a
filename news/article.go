// Package news is sitrep's vocabulary: one Article and the stand-off layers
// that the stages of the pipeline add to it.
//
// Invariants, which every stage keeps and the tests check:
//
//   - Article.Text is written once, by the extract stage, and never changed
//     afterwards. Every annotation refers to it by a half-open byte span
//     [Start, End) with 0 <= Start <= End <= len(Text), and both ends fall on
//     UTF-8 boundaries.
//   - Layers refer to each other by span or by index into another layer,
//     never by copying text.
//   - The zero value of a field means "absent": a zero Span, a zero
//     DateTime, an empty string.
//   - A problem in the input is a Diagnostic on the article, not an error.
//     A stage returns an error only when the engine itself failed.
//
// The package depends on the standard library only.
package news

// Format says what kind of bytes Article.Original holds.
type Format string

// Formats of original input. Readers set one; the extract stage reads it.
const (
	FormatText Format = "text" // a page saved as plain text, boilerplate included
	FormatBody Format = "body" // article body text with no page around it (JSON Lines "text")
	FormatHTML Format = "html" // an HTML page
)

// An Article is one news article and every layer of annotation on it.
type Article struct {
	// ID identifies the article by its content: the hex SHA-256 of its
	// original bytes, truncated to 128 bits. Set by the reader.
	ID string `json:"id"`

	// Source names where the article was read from: a file path, "-" for
	// standard input, "path#record" for an article inside a container
	// (JSON Lines line, WARC record, feed item).
	Source string `json:"source,omitempty"`

	// Format of Original; Original is the input as read (decompressed).
	Format   Format `json:"format,omitempty"`
	Original []byte `json:"-"`

	// Text is the extracted body. Written once, by extract.
	Text string `json:"text"`

	Meta Meta `json:"meta"`

	// Layers, each owned by one stage.
	Paragraphs  []Span       `json:"paragraphs"`
	Sentences   []Sentence   `json:"sentences"`
	Tokens      []Token      `json:"tokens"`
	Mentions    []Mention    `json:"mentions,omitempty"`
	Places      []Place      `json:"places,omitempty"`
	Times       []Time       `json:"times,omitempty"`
	Quotes      []Quote      `json:"quotes,omitempty"`
	Events      []Event      `json:"events,omitempty"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// Meta is what the page says about the article, as opposed to what the
// article says. Raw spans point into Article.Original.
type Meta struct {
	URL          string   `json:"url,omitempty"`
	CanonicalURL string   `json:"canonical_url,omitempty"`
	Outlet       string   `json:"outlet,omitempty"`
	OutletSpan   RawSpan  `json:"outlet_span,omitzero"`
	Section      string   `json:"section,omitempty"`
	SectionSpan  RawSpan  `json:"section_span,omitzero"`
	Title        string   `json:"title,omitempty"`
	TitleSpan    RawSpan  `json:"title_span,omitzero"`
	Byline       string   `json:"byline,omitempty"`
	BylineSpan   RawSpan  `json:"byline_span,omitzero"`
	Language     string   `json:"language,omitempty"` // ISO 639-1, "" when unknown
	Published    DateTime `json:"published"`
	Updated      DateTime `json:"updated"`
	// Crawled is when the page was fetched (a WARC record's WARC-Date);
	// no date of the page may be later.
	Crawled DateTime `json:"crawled"`
	// Dateline is the place and date that open a wire story
	// ("MOSCOW, June 9 (Reuters) -"), as a span of Text.
	Dateline Span `json:"dateline,omitzero"`
	// Story groups syndicated copies of one article: the ID of the earliest
	// copy known. Empty until a syndication pass has run.
	Story string `json:"story,omitempty"`
}

// AddDiagnostic appends a diagnostic to the article.
func (a *Article) AddDiagnostic(stage string, sev Severity, span Span, code, msg string) {
	a.Diagnostics = append(a.Diagnostics, Diagnostic{Stage: stage, Severity: sev, Span: span, Code: code, Message: msg})
}

// Covered returns the text a span of Text covers. It returns "" for a span
// that does not fit the text instead of panicking.
func (a *Article) Covered(s Span) string {
	if !s.Within(len(a.Text)) {
		return ""
	}
	return a.Text[s.Start:s.End]
}
