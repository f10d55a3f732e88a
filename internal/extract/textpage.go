package extract

import "sitrep/news"

// TextPage extracts the body and metadata of a page saved as plain text.
// Placeholder: keeps everything.
func TextPage(a *news.Article) {
	a.Text = string(a.Original)
}
