package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"sitrep/internal/pipeline"
	"sitrep/internal/progress"
	"sitrep/news"
)

// ReprocessOptions configures Reprocess.
type ReprocessOptions struct {
	DB      string
	Engine  string // the engine version now; rows record it
	Workers int
	// All re-analyses every article; by default articles already
	// analysed by Engine are skipped, so an interrupted run resumes.
	All      bool
	Pipeline *pipeline.Pipeline // nil: pipeline.Default
	Progress bool
}

// ReprocessStats counts what reprocessing did.
type ReprocessStats struct {
	Articles, Skipped, Failed int
	Removed, Changed, Added   int // events, as recorded in the history
}

// reprocessPage is how many stored articles Reprocess lists at a time.
const reprocessPage = 256

// Reprocess re-analyses stored articles from their original bytes with
// the current engine and replaces their rows, one transaction per
// article; each event that disappears, changes or appears is kept in the
// history (see Changes). Like Ingest, it first links into stories the
// articles a database of an earlier version holds unlinked.
func Reprocess(ctx context.Context, opt ReprocessOptions, stderr io.Writer) (ReprocessStats, error) {
	var st ReprocessStats
	db, err := open(ctx, opt.DB, false)
	if err != nil {
		return st, err
	}
	defer db.Close()
	if err := linkStored(ctx, db, stderr); err != nil {
		return st, err
	}
	p := opt.Pipeline
	if p == nil {
		if p, err = pipeline.Default(pipeline.Config{}); err != nil {
			return st, err
		}
	}
	var bar *progress.Bar
	if opt.Progress {
		bar = progress.New(stderr, isTerminal(stderr), 0)
		defer bar.Done()
	}
	var loadErr error
	// The stored articles are walked a page at a time, in storing order
	// (which Replace keeps), so memory stays bounded however many there are.
	in := func(yield func(*news.Article, error) bool) {
		for after := int64(0); ; {
			page, err := db.Page(ctx, after, reprocessPage)
			if err != nil {
				loadErr = err
				return
			}
			if len(page) == 0 {
				return
			}
			for _, row := range page {
				after = row.Seq
				if !opt.All && row.Engine == opt.Engine {
					st.Skipped++
					continue
				}
				a, err := db.Original(ctx, row.ID)
				if err != nil {
					loadErr = err
					return
				}
				// What the reader knew beside the bytes (a JSON Lines record's
				// URL and date); extract may refine it from the page.
				if old, err := db.Article(ctx, row.ID); err == nil {
					a.Meta.URL, a.Meta.Published, a.Meta.Title = old.Meta.URL, old.Meta.Published, old.Meta.Title
					a.Meta.Story = old.Meta.Story
				}
				if !yield(a, nil) {
					return
				}
			}
		}
	}
	var putErr error
	p.Parallel(ctx, in, opt.Workers, func(r pipeline.Result) bool {
		if r.Err != nil {
			if errors.Is(r.Err, context.Canceled) {
				return false
			}
			st.Failed++
			fmt.Fprintf(stderr, "sitrep: %v\n", r.Err)
			return true
		}
		changes, err := db.Replace(context.WithoutCancel(ctx), r.Article, opt.Engine)
		if err != nil {
			putErr = err
			return false
		}
		st.Articles++
		for _, c := range changes {
			switch c.Kind {
			case "removed":
				st.Removed++
			case "changed":
				st.Changed++
			case "added":
				st.Added++
			}
		}
		bar.Add(1, int64(len(r.Article.Original)))
		return true
	})
	if putErr != nil {
		return st, putErr
	}
	if loadErr != nil {
		return st, loadErr
	}
	return st, ctx.Err()
}

func runReprocess(ctx context.Context, engine string, args []string, stdout, stderr io.Writer) int {
	fs := NewFlags("reprocess", "reprocess [flags]", stderr)
	opt := ReprocessOptions{Engine: engine, Progress: true}
	fs.StringVar(&opt.DB, "db", DefaultDB, "database file")
	fs.IntVar(&opt.Workers, "workers", 0, "articles analysed at once (0: one per core)")
	fs.BoolVar(&opt.All, "all", false, "re-analyse articles already analysed by this engine version too")
	if _, err := ParseFlags(fs, args); err != nil {
		return ExitUsage
	}
	st, err := Reprocess(ctx, opt, stderr)
	fmt.Fprintf(stderr, "sitrep reprocess: %d articles re-analysed (%d already current, %d failed); events: %d removed, %d changed, %d added (sitrep changes lists them)\n",
		st.Articles, st.Skipped, st.Failed, st.Removed, st.Changed, st.Added)
	if err != nil {
		return fail(stderr, "reprocess", err)
	}
	if st.Failed > 0 {
		return ExitFailed
	}
	return ExitOK
}
