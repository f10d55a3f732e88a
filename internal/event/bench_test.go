package event

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

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
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			if err := st.Apply(a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
	reportCPU(b, cpu0, n*b.N, len(arts)*b.N)
}

// BenchmarkPipeline measures the whole pipeline from read bytes to events
// (extract → segment → entity → place → timex → quote → event) on plain
// text: the example page and the written articles. MB/s and articles/s
// are per core (run with -cpu 1).
func BenchmarkPipeline(b *testing.B) {
	type input struct {
		format news.Format
		src    []byte
	}
	var ins []input
	n := 0
	if src, err := os.ReadFile(examplePage); err == nil {
		ins = append(ins, input{news.FormatText, src})
		n += len(src)
	}
	files, _ := filepath.Glob("testdata/articles/*.marked")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := marked(b, string(src)).Text
		ins = append(ins, input{news.FormatBody, []byte(text)})
		n += len(text)
	}
	stages := append(realStages(b, true), New(Config{}))
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, in := range ins {
			a := &news.Article{Format: in.format, Original: in.src}
			for _, s := range stages {
				if err := s.Apply(a); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.ReportMetric(float64(b.N*len(ins))/b.Elapsed().Seconds(), "articles/s")
	reportCPU(b, cpu0, n*b.N, len(ins)*b.N)
}

// cpuTime is the CPU time the process has used, user and system. On a
// shared machine wall-clock MB/s understate the speed; CPU-time MB/s
// (reported as cpu-MB/s and cpu-articles/s) do not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration, bytes, articles int) {
	d := (cpuTime() - start).Seconds()
	if d <= 0 {
		return
	}
	b.ReportMetric(float64(bytes)/1e6/d, "cpu-MB/s")
	b.ReportMetric(float64(articles)/d, "cpu-articles/s")
}
