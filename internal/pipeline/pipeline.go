// Package pipeline runs the stages of sitrep over articles, in order.
//
// A Stage adds one layer of annotation to one article and knows nothing of
// the stages after it. Its contract:
//
//   - Apply reads the layers of the stages it Requires and writes only its
//     own layer (and Diagnostics). It never changes Article.Text, except the
//     extract stage, which writes it once.
//   - A problem in the input becomes a Diagnostic and Apply returns nil.
//     A non-nil error means the engine failed on this article; the pipeline
//     reports it with the stage's name and goes on with the next article.
//   - Apply is safe to call from several goroutines on different articles:
//     a stage holds no per-article state between calls.
//
// Concurrency, ordering and retries live here and in the commands, never
// in a stage.
package pipeline

import (
	"context"
	"fmt"

	"sitrep/news"
)

// A Stage is one step of the analysis.
type Stage interface {
	// Name is the stage's short name: "extract", "segment", "entity"…
	Name() string
	// Requires lists the names of the stages whose layers Apply reads.
	Requires() []string
	// Apply adds the stage's layer to a.
	Apply(a *news.Article) error
}

// A Pipeline is an ordered list of stages.
type Pipeline struct {
	Stages []Stage
}

// New checks that every stage comes after the stages it requires and
// returns the pipeline.
func New(stages ...Stage) (*Pipeline, error) {
	seen := make(map[string]bool, len(stages))
	for _, s := range stages {
		for _, r := range s.Requires() {
			if !seen[r] {
				return nil, fmt.Errorf("pipeline: stage %q requires %q before it", s.Name(), r)
			}
		}
		seen[s.Name()] = true
	}
	return &Pipeline{Stages: stages}, nil
}

// Apply runs every stage on a, stopping at the first stage that fails.
func (p *Pipeline) Apply(ctx context.Context, a *news.Article) error {
	for _, s := range p.Stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := apply(s, a); err != nil {
			return fmt.Errorf("%s: stage %s: %w", a.Source, s.Name(), err)
		}
	}
	return nil
}

// apply runs one stage and turns a panic into an error, so that one bad
// article cannot bring down a batch.
func apply(s Stage, a *news.Article) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return s.Apply(a)
}
