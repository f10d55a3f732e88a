package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// benchIngest ingests generated articles into a new database, b.N
// articles per run, with or without analysis.
func benchIngest(b *testing.B, analyse bool) {
	dir := b.TempDir()
	src := filepath.Join(dir, "in.jsonl")
	size := writeGenerated(b, src, b.N)
	db := filepath.Join(dir, "b.db")
	b.ResetTimer()
	st, err := Ingest(context.Background(), IngestOptions{DB: db, Paths: []string{src}, Engine: "bench", NoAnalysis: !analyse}, nil, io.Discard)
	if err != nil || st.Stored != b.N {
		b.Fatalf("%+v %v", st, err)
	}
	b.StopTimer()
	b.SetBytes(size / int64(b.N))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if fi, err := os.Stat(db); err == nil && b.N >= 1000 {
		wal, _ := os.Stat(db + "-wal")
		total := fi.Size()
		if wal != nil {
			total += wal.Size()
		}
		b.ReportMetric(float64(total)/float64(b.N)*1000/1e6, "MB/1000articles")
	}
}

func BenchmarkIngestStoreOnly(b *testing.B) { benchIngest(b, false) }
func BenchmarkIngestAnalysed(b *testing.B)  { benchIngest(b, true) }
