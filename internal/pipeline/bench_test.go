package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"sitrep/internal/extract"
	"sitrep/internal/pipeline"
	"sitrep/internal/read"
	"sitrep/internal/segment"
	"sitrep/news"
)

// benchPages are plain-text pages as crawlers save them: the bundled
// example and the saved pages of the extract tests.
func benchPages(b *testing.B) [][]byte {
	paths, _ := filepath.Glob("../extract/testdata/text/*.txt")
	paths = append(paths, "../../testdata/examples/sputnik-2017-06-09-coalition-al-tanf.txt")
	var pages [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
	}
	return pages
}

// benchStages runs p over the pages b.N times, reporting MB/s and
// articles/s (per core with -cpu 1).
func benchStages(b *testing.B, p *pipeline.Pipeline) {
	pages := benchPages(b)
	var size int64
	for _, pg := range pages {
		size += int64(len(pg))
	}
	ctx := context.Background()
	b.SetBytes(size / int64(len(pages)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		a, err := read.NewArticle("bench", pages[n%len(pages)], news.FormatText)
		if err != nil {
			b.Fatal(err)
		}
		if err := p.Apply(ctx, a); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkReadExtractSegment measures the first part of the pipeline:
// bytes to article, body and metadata, sentences and tokens.
func BenchmarkReadExtractSegment(b *testing.B) {
	p, err := pipeline.New(extract.New(extract.Config{}), segment.New(segment.Config{}))
	if err != nil {
		b.Fatal(err)
	}
	benchStages(b, p)
}

// BenchmarkDefault measures the whole default pipeline, read to events.
func BenchmarkDefault(b *testing.B) {
	p, err := pipeline.Default(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	benchStages(b, p)
}
