package extract

import (
	"context"
	"os"
	"sort"
	"testing"

	"sitrep/internal/read"
	"sitrep/news"
)

// TestHTMLScorer runs the extract-html scorer on the benchmark and checks
// the score stays at the level the README states.
func TestHTMLScorer(t *testing.T) {
	if testing.Short() {
		t.Skip("scores 181 pages")
	}
	loadBenchmarkOrSkip(t)
	rep, err := HTMLScorer().Run(context.Background(), benchDir)
	if err != nil {
		t.Fatal(err)
	}
	rep.WriteTable(os.Stdout)
	if rep.N != 181 {
		t.Errorf("n = %d, want 181", rep.N)
	}
	if rep.F1 < 0.95 {
		t.Errorf("F1 = %.3f, want >= 0.95", rep.F1)
	}
}

// BenchmarkHTMLPage measures HTML extraction (parse, body, metadata and
// dates) on the benchmark's pages: MB/s of HTML and pages/s of wall-clock
// time, and pages per CPU-second of the process (pages/s per core, which
// other load on the machine does not change). Run it with -cpu 1.
func BenchmarkHTMLPage(b *testing.B) {
	bm := loadBenchmarkOrSkip(b)
	ids := make([]string, 0, len(bm.Gold))
	for id := range bm.Gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := make([][]byte, len(ids))
	var total int64
	for i, id := range ids {
		raw, err := ReadBenchmarkHTML(bm.Dir, id)
		if err != nil {
			b.Fatal(err)
		}
		pages[i] = raw
		total += int64(len(raw))
	}
	st := New(Config{})
	b.SetBytes(total / int64(len(pages)))
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		j := i % len(pages)
		a, err := read.NewArticle(ids[j], pages[j], news.FormatHTML)
		if err != nil {
			b.Fatal(err)
		}
		a.Meta.URL = bm.URL[ids[j]]
		if err := st.Apply(a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "pages/cpu-s")
	}
}
