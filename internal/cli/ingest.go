package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"sync"
	"sync/atomic"

	"sitrep/internal/pipeline"
	"sitrep/internal/progress"
	"sitrep/internal/read"
	"sitrep/internal/store"
	"sitrep/news"
)

// IngestOptions configures Ingest.
type IngestOptions struct {
	DB      string   // database file; "" means DefaultDB
	Paths   []string // files, directories, "-" for standard input
	Engine  string   // engine version recorded on every row
	Workers int      // articles analysed at once; 0: one per core
	// Batch is the number of articles stored per transaction; 0 means 200.
	Batch    int
	MaxBytes int64 // largest input read; 0: read's default
	// NoAnalysis stores the extracted body only (no layers), to analyse
	// later with Reprocess.
	NoAnalysis bool
	// Pipeline analyses the articles; nil means pipeline.Default.
	Pipeline *pipeline.Pipeline
	// Progress draws a progress line on stderr (when it is a terminal).
	Progress bool
}

// IngestStats says what an ingest did.
type IngestStats struct {
	Stored  int // new articles stored
	Skipped int // already stored (or read twice in this run)
	Failed  int // could not be read or analysed
}

// Ingest reads, analyses and stores articles. It is idempotent: articles
// already stored are skipped before analysis, so a run cut short (Ctrl-C,
// kill -9, a full disk) is resumed by running it again. Each batch is one
// transaction: a batch cut short leaves nothing of itself in the
// database. On Ctrl-C the articles already analysed are stored before it
// returns. Copies of one story are linked across runs: the store gives
// each new article the story of the stored copies it matches (see
// store.Store.Put); a database of an earlier version is first linked
// once (store.Store.LinkStored).
func Ingest(ctx context.Context, opt IngestOptions, stdin io.Reader, stderr io.Writer) (IngestStats, error) {
	var st IngestStats
	db, err := open(ctx, opt.DB, true)
	if err != nil {
		return st, err
	}
	defer db.Close()
	p, err := ingestPipeline(opt)
	if err != nil {
		return st, err
	}
	var bar *progress.Bar
	if opt.Progress {
		bar = progress.New(stderr, isTerminal(stderr), 0)
		defer bar.Done()
	}
	in := read.Articles(ctx, opt.Paths, stdin, read.Options{MaxBytes: opt.MaxBytes})
	return st, ingest(ctx, db, p, in, opt, &st, bar, stderr)
}

func ingestPipeline(opt IngestOptions) (*pipeline.Pipeline, error) {
	switch {
	case opt.Pipeline != nil:
		return opt.Pipeline, nil
	case opt.NoAnalysis:
		full, err := pipeline.Default(pipeline.Config{})
		if err != nil {
			return nil, err
		}
		for _, s := range full.Stages {
			if s.Name() == "extract" {
				return pipeline.New(s) // the body, no layers
			}
		}
		return nil, errors.New("the default pipeline has no extract stage")
	}
	return pipeline.Default(pipeline.Config{})
}

// ingest runs the pipeline over the articles of in that s lacks and
// stores them in batches. The store links each batch into the stories of
// the articles stored before, in this run or an earlier one.
func ingest(ctx context.Context, s store.Store, p *pipeline.Pipeline, in iter.Seq2[*news.Article, error],
	opt IngestOptions, st *IngestStats, bar *progress.Bar, stderr io.Writer) error {
	if err := linkStored(ctx, s, stderr); err != nil {
		return err
	}
	batchSize := opt.Batch
	if batchSize <= 0 {
		batchSize = 200
	}
	// The feeder goroutine of Parallel runs todo: it alone touches skipped
	// and hasErr until Parallel returns. An article read twice in the run
	// is analysed and stored once, the second copy counted as skipped:
	// while the first is in flight (handed to the pipeline, not yet
	// stored) flight knows it; once its batch is committed, Has does.
	flight := newInFlight()
	skipped := 0
	var hasErr error
	todo := func(yield func(*news.Article, error) bool) {
		for a, err := range in {
			if err == nil && a != nil {
				if !flight.add(a.ID) {
					skipped++
					continue
				}
				ok, err := s.Has(ctx, a.ID)
				if err != nil {
					hasErr = err
					return
				}
				if ok {
					flight.remove(a.ID)
					skipped++
					continue
				}
			}
			if !yield(a, err) {
				return
			}
		}
	}
	// One goroutine stores the batches, in order, while the next one is
	// analysed: linking each article into its story (a look-up per band
	// of its sketch) then costs the pipeline no time.
	batches := make(chan []*news.Article, 1)
	var putErr error // set by the writer before failed
	var failed atomic.Bool
	written := make(chan struct{})
	go func() {
		defer close(written)
		for b := range batches {
			if failed.Load() {
				continue
			}
			// Store what is analysed even when ctx is cancelled (Ctrl-C).
			n, err := s.Put(context.WithoutCancel(ctx), b, opt.Engine)
			// Committed (or the run ends): Has answers for them now.
			for _, a := range b {
				flight.remove(a.ID)
			}
			if err != nil {
				putErr = fmt.Errorf("storing articles: %w", err)
				failed.Store(true)
				continue
			}
			st.Stored += n
			st.Skipped += len(b) - n
		}
	}()
	var batch []*news.Article
	flush := func() {
		if len(batch) > 0 && !failed.Load() {
			batches <- batch
		}
		batch = make([]*news.Article, 0, batchSize)
	}
	failures := 0
	p.Parallel(ctx, todo, opt.Workers, func(r pipeline.Result) bool {
		if r.Err != nil {
			if errors.Is(r.Err, context.Canceled) {
				return false
			}
			if r.Article != nil {
				flight.remove(r.Article.ID) // a later copy may try again
			}
			failures++
			fmt.Fprintf(stderr, "sitrep: %v\n", r.Err)
			return true
		}
		batch = append(batch, r.Article)
		bar.Add(1, int64(len(r.Article.Original)))
		if len(batch) >= batchSize {
			flush()
		}
		return !failed.Load()
	})
	flush()
	close(batches)
	<-written
	st.Failed += failures
	st.Skipped += skipped
	if inFlightPeak != nil {
		inFlightPeak(flight.peak)
	}
	if putErr != nil {
		return putErr
	}
	if hasErr != nil {
		return hasErr
	}
	return ctx.Err()
}

// inFlight is the set of the IDs of the articles of an ingest that are
// handed to the pipeline and not yet stored. It holds at most the
// articles in the pipeline (a few per worker), the batch being filled,
// the one queued and the one being stored, however long the run: the
// articles stored before are the store's to know (Has).
type inFlight struct {
	mu   sync.Mutex
	ids  map[string]struct{}
	peak int // the most IDs held at once
}

func newInFlight() *inFlight { return &inFlight{ids: map[string]struct{}{}} }

// add adds id; false when it is in flight already.
func (f *inFlight) add(id string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.ids[id]; ok {
		return false
	}
	f.ids[id] = struct{}{}
	f.peak = max(f.peak, len(f.ids))
	return true
}

func (f *inFlight) remove(id string) {
	f.mu.Lock()
	delete(f.ids, id)
	f.mu.Unlock()
}

// inFlightPeak, when set (tests), is given the most articles an ingest
// held in flight at once.
var inFlightPeak func(int)

func runIngest(ctx context.Context, engine string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := NewFlags("ingest", "ingest [flags] PATH...  (files, directories, - for stdin)", stderr)
	opt := IngestOptions{Engine: engine, Progress: true}
	fs.StringVar(&opt.DB, "db", DefaultDB, "database file")
	fs.IntVar(&opt.Workers, "workers", 0, "articles analysed at once (0: one per core)")
	fs.IntVar(&opt.Batch, "batch", 200, "articles stored per transaction")
	fs.Int64Var(&opt.MaxBytes, "max-bytes", read.DefaultMaxBytes, "largest input read, in bytes after decompression")
	analyse := fs.Bool("analyze", true, "analyse the articles (false: store the extracted body only; run sitrep reprocess later)")
	paths, err := ParseFlags(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(paths) == 0 {
		fs.Usage()
		return ExitUsage
	}
	opt.Paths, opt.NoAnalysis = paths, !*analyse
	st, err := Ingest(ctx, opt, stdin, stderr)
	fmt.Fprintf(stderr, "sitrep ingest: %d stored, %d already stored, %d failed\n", st.Stored, st.Skipped, st.Failed)
	if err != nil {
		return fail(stderr, "ingest", err)
	}
	if st.Failed > 0 {
		return ExitFailed
	}
	return ExitOK
}

// linkStored links into stories the articles that a database of an
// earlier version holds without what linking needs (Store.LinkStored), a
// transaction of linkBatch at a time, so that an interrupted run resumes;
// it is done once per database.
func linkStored(ctx context.Context, s store.Store, stderr io.Writer) error {
	total := 0
	for {
		n, err := s.LinkStored(ctx, linkBatch)
		if err != nil {
			return fmt.Errorf("linking stored articles into stories: %w", err)
		}
		if n == 0 {
			break
		}
		if total == 0 {
			fmt.Fprintln(stderr, "sitrep: linking the articles stored by an earlier version into stories (once)")
		}
		total += n
	}
	if total > 0 {
		fmt.Fprintf(stderr, "sitrep: %d stored articles linked into stories\n", total)
	}
	return nil
}

// linkBatch is the number of stored articles LinkStored links per
// transaction.
const linkBatch = 500
