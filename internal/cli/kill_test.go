package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"sitrep/internal/pipeline"
	"sitrep/internal/store/sqlite"
	"sitrep/news"
)

// childEnv makes the test binary run one command instead of the tests:
// the kill test runs `sitrep ingest` in a process it can kill -9.
const childEnv = "SITREP_CLI_TEST_CHILD"

func TestMain(m *testing.M) {
	if args := os.Getenv(childEnv); args != "" {
		a := strings.Split(args, "\x1f")
		for _, c := range Commands("kill-test") {
			if c.Name == a[0] {
				os.Exit(c.Run(context.Background(), a[1:], os.Stdin, os.Stdout, os.Stderr))
			}
		}
		os.Exit(ExitUsage)
	}
	os.Exit(m.Run())
}

// TestKill9 kills an ingest of 10,000 articles with SIGKILL while it is
// writing, then ingests again: the database passes its integrity check and
// holds every article exactly once.
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test skipped in -short mode")
	}
	const n = 10000
	dir := t.TempDir()
	src := filepath.Join(dir, "in.jsonl")
	writeGenerated(t, src, n)
	db := filepath.Join(dir, "k.db")
	// Without analysis: the test is about the store's transactions, and
	// the analysis of 10,000 articles would not fit the time limit.
	args := []string{"ingest", "--db", db, "--analyze=false", "--batch", "100", src}

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join(args, "\x1f"))
	var errs strings.Builder
	cmd.Stderr = &errs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once some batches are committed and more are coming.
	ctx := context.Background()
	deadline := time.Now().Add(45 * time.Second)
	stored := 0
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		if s, err := sqlite.Open(ctx, db, sqlite.Options{NoCreate: true}); err == nil {
			st, err := s.Stats(ctx)
			s.Close()
			if err == nil && st.Articles >= 1000 {
				stored = st.Articles
				break
			}
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if stored == 0 || stored >= n {
		t.Fatalf("killed with %d articles stored; want some but not all\n%s", stored, errs.String())
	}
	t.Logf("killed after %d articles were committed", stored)

	st, err := Ingest(ctx, IngestOptions{DB: db, Paths: []string{src}, Engine: "kill-test", NoAnalysis: true}, nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if st.Stored+st.Skipped != n || st.Skipped < stored {
		t.Errorf("second ingest: %+v; want the %d stored before skipped and the rest stored", st, stored)
	}
	s, err := sqlite.Open(ctx, db, sqlite.Options{NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	ids, err := s.IDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("article %s stored twice", id)
		}
		seen[id] = true
	}
	if len(ids) != n {
		t.Errorf("%d articles stored, want %d", len(ids), n)
	}
}

// cancelStage cancels the ingest's context when it has seen n articles, as
// Ctrl-C would.
type cancelStage struct {
	n      int
	seen   *atomic.Int64
	cancel context.CancelFunc
}

func (cancelStage) Name() string       { return "cancel" }
func (cancelStage) Requires() []string { return nil }
func (s cancelStage) Apply(a *news.Article) error {
	if s.seen.Add(1) == int64(s.n) {
		s.cancel()
	}
	return nil
}

// TestInterrupt cancels an ingest half-way (Ctrl-C): what was analysed is
// stored, the database is consistent, and a second run stores the rest
// without redoing anything.
func TestInterrupt(t *testing.T) {
	const n = 1000
	dir := t.TempDir()
	src := filepath.Join(dir, "in.jsonl")
	writeGenerated(t, src, n)
	db := filepath.Join(dir, "i.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var seen atomic.Int64
	p, _ := pipeline.New(cancelStage{n: 300, seen: &seen, cancel: cancel})
	st, err := Ingest(ctx, IngestOptions{DB: db, Paths: []string{src}, Engine: "t", Pipeline: p, Batch: 64}, nil, io.Discard)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted ingest: %v, want context.Canceled", err)
	}
	if st.Stored == 0 || st.Stored >= n {
		t.Fatalf("interrupted ingest stored %d", st.Stored)
	}
	first := st.Stored
	seen.Store(0)
	p2, _ := pipeline.New(cancelStage{n: -1, seen: &seen, cancel: func() {}})
	st, err = Ingest(context.Background(), IngestOptions{DB: db, Paths: []string{src}, Engine: "t", Pipeline: p2}, nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if st.Skipped != first || st.Stored != n-first || seen.Load() != int64(n-first) {
		t.Errorf("second run: %+v, %d analysed; want %d skipped unanalysed and %d stored", st, seen.Load(), first, n-first)
	}
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	if stats, _ := s.Stats(context.Background()); stats.Articles != n {
		t.Errorf("%d articles stored, want %d", stats.Articles, n)
	}
}
