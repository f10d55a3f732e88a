package pipeline

import (
	"context"
	"iter"
	"runtime"
	"sync"

	"sitrep/news"
)

// A Result is one article after the pipeline, or the error that stopped it.
// Article is nil only when the input itself could not be read.
type Result struct {
	Article *news.Article
	Err     error
}

// Parallel runs p over the articles of in on workers goroutines (all cores
// when workers <= 0) and calls emit with the results in input order. Input
// errors pass through in their place. It returns when in is exhausted,
// emit returns false, or ctx is done. Memory stays bounded: at most a few
// articles per worker are in flight.
func (p *Pipeline) Parallel(ctx context.Context, in iter.Seq2[*news.Article, error], workers int, emit func(Result) bool) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		res  Result
		done chan struct{}
	}
	jobs := make(chan *job, workers)
	order := make(chan *job, 4*workers)

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.res.Err == nil {
					j.res.Err = p.Apply(ctx, j.res.Article)
				}
				close(j.done)
			}
		}()
	}

	go func() {
		defer close(order)
		defer close(jobs)
		for a, err := range in {
			j := &job{res: Result{Article: a, Err: err}, done: make(chan struct{})}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()

	stopped := false
	for j := range order {
		if stopped {
			continue
		}
		select {
		case <-j.done:
		case <-ctx.Done():
			stopped = true
			cancel()
			continue
		}
		if !emit(j.res) {
			stopped = true
			cancel()
		}
	}
	wg.Wait()
}
