package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"

	"sitrep/internal/cli"
	"sitrep/internal/entity"
	"sitrep/internal/eval"
	"sitrep/internal/event"
	"sitrep/internal/extract"
	"sitrep/internal/pipeline"
	"sitrep/internal/place"
	"sitrep/internal/quote"
	"sitrep/internal/segment"
	"sitrep/internal/timex"
)

// scorers lists every `sitrep eval` task, in the order of the pipeline.
func scorers() []eval.Scorer {
	return []eval.Scorer{
		extract.TextScorer(),
		extract.HTMLScorer(),
		segment.Scorer(),
		entity.Scorer(),
		place.Scorer(),
		timex.Scorer(),
		quote.Scorer(),
		eventScorer(),
	}
}

// eventScorer scores the event stage behind the real stages before it,
// loading them only when the task runs.
func eventScorer() eval.Scorer {
	sc := event.Scorer()
	sc.Run = func(ctx context.Context, dir string) (*eval.Report, error) {
		p, err := pipeline.Default(pipeline.Config{})
		if err != nil {
			return nil, err
		}
		var before []event.Annotator
		for _, s := range p.Analysis() {
			if s.Name() != "event" {
				before = append(before, s)
			}
		}
		return event.Scorer(before...).Run(ctx, dir)
	}
	return sc
}

// defaultEvalRoot is where the shared gold sets live, relative to the
// repository root.
const defaultEvalRoot = "../shared/eval"

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("eval", "eval TASK [DATA_DIR] [--format table|json]", stderr)
	format := fs.String("format", "table", "output: table or json")
	root := fs.String("root", defaultEvalRoot, "folder holding the gold sets, used when DATA_DIR is not given")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: sitrep eval TASK [DATA_DIR] [--format table|json]\n\nTasks:\n")
		tw := tabwriter.NewWriter(stderr, 0, 0, 2, ' ', 0)
		for _, s := range scorers() {
			fmt.Fprintf(tw, "  %s\t%s (default data: %s)\n", s.Name, s.Doc, filepath.Join(*root, s.Data))
		}
		tw.Flush()
		fmt.Fprint(stderr, "\nFlags:\n")
		fs.PrintDefaults()
	}
	pos, err := cli.ParseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) == 0 || len(pos) > 2 {
		fs.Usage()
		return exitUsage
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintf(stderr, "sitrep eval: unknown format %q (want table or json)\n", *format)
		return exitUsage
	}
	var sc *eval.Scorer
	for _, s := range scorers() {
		if s.Name == pos[0] {
			sc = &s
			break
		}
	}
	if sc == nil {
		fmt.Fprintf(stderr, "sitrep eval: unknown task %q\n", pos[0])
		fs.Usage()
		return exitUsage
	}
	dir := filepath.Join(*root, sc.Data)
	if len(pos) == 2 {
		dir = pos[1]
	}
	rep, err := sc.Run(ctx, dir)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep eval %s: %v\n", sc.Name, err)
		return exitFailed
	}
	if *format == "json" {
		err = rep.WriteJSON(stdout)
	} else {
		err = rep.WriteTable(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sitrep eval: %v\n", err)
		return exitFailed
	}
	return exitOK
}
