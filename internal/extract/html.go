package extract

import "sitrep/news"

// HTMLPage extracts the body and metadata of an HTML page.
// Placeholder until HTML extraction lands: keeps the raw page as text.
func HTMLPage(a *news.Article) {
	a.AddDiagnostic("extract", news.Warning, news.Span{}, "html-unsupported", "HTML extraction is not built yet; page kept as text")
	a.Text = string(a.Original)
}
