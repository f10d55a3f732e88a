package place

import (
	"os"
	"testing"

	"sitrep/internal/kb/gazetteer"
	"sitrep/news"
)

// BenchmarkApply reports the place stage's throughput on one core: MB/s of
// article text and articles/s.
func BenchmarkApply(b *testing.B) {
	text, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := stage(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := &news.Article{Text: string(text)}
		if err := s.Apply(a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkGazetteerLoad measures loading the embedded gazetteer the way
// New does on first use.
func BenchmarkGazetteerLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := gazetteer.ReadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}
