package extract

import (
	"context"
	"fmt"
	"path/filepath"

	"sitrep/internal/eval"
	"sitrep/news"
)

// TextScorer scores TextPage on the article-extraction benchmark: each
// page's whole text as a crawler keeps it (the html-text reference output)
// goes through TextPage, and the body it keeps is scored against the gold
// body with the benchmark's metric. The baseline keeps every line.
func TextScorer() eval.Scorer {
	return eval.Scorer{
		Name: "extract-text",
		Data: BenchmarkData,
		Doc:  "body extraction from whole-page text (article-extraction benchmark, html-text input)",
		Run: func(ctx context.Context, dir string) (*eval.Report, error) {
			b, err := LoadBenchmark(dir)
			if err != nil {
				return nil, err
			}
			input, err := LoadOutput(filepath.Join(dir, "reference-outputs", "html-text.json"))
			if err != nil {
				return nil, fmt.Errorf("extract-text: page texts: %w", err)
			}
			pred, err := ExtractTexts(ctx, b, input)
			if err != nil {
				return nil, err
			}
			r := b.Score("extract-text", pred)
			keep := b.Score("keep-everything", input)
			r.Baselines = map[string]eval.Score{"keep-everything": keep.Score}
			r.Notes = []string{
				"input: reference-outputs/html-text.json (whole-page text); gold: ground-truth.json",
				"held_out: pages whose FNV-1a hash of the id is 0 mod 4 (extract.HeldOut); their pages were never inspected and parameters were chosen on dev",
			}
			return r, nil
		},
	}
}

// ExtractTexts runs TextPage on every page text of input (id → text) and
// returns id → extracted body.
func ExtractTexts(ctx context.Context, b *Benchmark, input map[string]string) (map[string]string, error) {
	pred := make(map[string]string, len(input))
	for id, text := range input {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a := &news.Article{Original: []byte(text), Format: news.FormatText}
		a.Meta.URL = b.URL[id]
		TextPage(a)
		pred[id] = a.Text
	}
	return pred, nil
}
