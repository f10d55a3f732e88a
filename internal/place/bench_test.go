package place

import (
	"os"
	"syscall"
	"testing"
	"time"

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
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		a := &news.Article{Text: string(text)}
		if err := s.Apply(a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	// Per CPU second, which a busy shared machine does not inflate.
	cpu := (cpuTime() - cpu0).Seconds()
	b.ReportMetric(float64(b.N)/cpu, "articles/cpu-s")
	b.ReportMetric(float64(b.N)*float64(len(text))/1e6/cpu, "MB/cpu-s")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
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
