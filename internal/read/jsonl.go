package read

import (
	"encoding/json"
	"errors"
	"fmt"

	"sitrep/news"
)

// jsonlRecord is one line of JSON Lines input: either sitrep's own output
// (with "meta") or a minimal {"id","url","published","text"} or
// {"id","url","html"}.
type jsonlRecord struct {
	ID        string        `json:"id"`
	URL       string        `json:"url"`
	Published news.DateTime `json:"published"`
	Title     string        `json:"title"`
	Text      *string       `json:"text"`
	HTML      *string       `json:"html"`
	Meta      *news.Meta    `json:"meta"`
}

func jsonlArticle(src string, line []byte) (*news.Article, error) {
	var r jsonlRecord
	if err := json.Unmarshal(line, &r); err != nil {
		return nil, fmt.Errorf("JSON Lines: %w", err)
	}
	var (
		body   string
		format news.Format
	)
	switch {
	case r.HTML != nil:
		body, format = *r.HTML, news.FormatHTML
	case r.Text != nil:
		body, format = *r.Text, news.FormatBody
	default:
		return nil, errors.New(`JSON Lines: record has neither "text" nor "html"`)
	}
	if r.ID != "" {
		src = src + "#" + r.ID
	}
	a, err := NewArticle(src, []byte(body), format)
	if err != nil {
		return nil, err
	}
	if r.Meta != nil {
		a.Meta = *r.Meta
	}
	if r.URL != "" {
		a.Meta.URL = r.URL
	}
	if !r.Published.IsZero() {
		a.Meta.Published = r.Published
	}
	if r.Title != "" {
		a.Meta.Title = r.Title
	}
	return a, nil
}
