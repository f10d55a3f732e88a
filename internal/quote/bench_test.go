package quote

import (
	"testing"
	"time"
)

// BenchmarkApply runs the stage on the example page: MB/s and articles/s
// on one core.
func BenchmarkApply(b *testing.B) {
	a := exampleArticle(b)
	st := New(Config{})
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		a.Quotes = a.Quotes[:0]
		a.Diagnostics = a.Diagnostics[:0]
		if err := st.Apply(a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}
