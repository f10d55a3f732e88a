package quote

import (
	"syscall"
	"testing"
	"time"
)

// BenchmarkApply runs the stage on the example page (segmented, with the
// entity stage's mentions): MB/s and articles/s on one core. It also
// reports the same per second of CPU time the process used
// (cpu-MB/s, cpu-articles/s), which a machine shared with other jobs
// distorts less than wall time.
func BenchmarkApply(b *testing.B) {
	a := exampleArticle(b)
	st := New(Config{})
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	start, cpu0 := time.Now(), cpuTime()
	for i := 0; i < b.N; i++ {
		a.Quotes = a.Quotes[:0]
		a.Diagnostics = a.Diagnostics[:0]
		if err := st.Apply(a); err != nil {
			b.Fatal(err)
		}
	}
	wall, cpu := time.Since(start).Seconds(), (cpuTime() - cpu0).Seconds()
	b.ReportMetric(float64(b.N)/wall, "articles/s")
	if cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu, "cpu-articles/s")
		b.ReportMetric(float64(b.N)*float64(len(a.Text))/cpu/1e6, "cpu-MB/s")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
