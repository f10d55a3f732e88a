package event

import (
	"os"
	"path/filepath"
	"testing"

	"sitrep/news"
)

// BenchmarkApply measures the event stage alone on the example page and
// the golden articles, their other layers set by hand: MB/s of text and
// articles/s, per core.
func BenchmarkApply(b *testing.B) {
	files, _ := filepath.Glob("testdata/articles/*.marked")
	files = append(files, "testdata/example.marked")
	var arts []*news.Article
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		a := marked(b, string(src))
		arts = append(arts, a)
		n += len(a.Text)
	}
	st := New(Config{})
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			if err := st.Apply(a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}
