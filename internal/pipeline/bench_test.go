package pipeline_test

import (
	"context"
	"os"
	"testing"

	"sitrep/internal/pipeline"
	"sitrep/internal/read"
)

// BenchmarkDefault measures the default pipeline from bytes to the last
// layer on the example page, per core (run with -cpu 1).
func BenchmarkDefault(b *testing.B) {
	data, err := os.ReadFile("../../testdata/examples/sputnik-2017-06-09-coalition-al-tanf.txt")
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.Default(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a, err := read.NewArticle("example", data, "text")
		if err != nil {
			b.Fatal(err)
		}
		if err := p.Apply(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
