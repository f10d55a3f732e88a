package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"sitrep/internal/cli"
	"sitrep/internal/pipeline"
	"sitrep/internal/progress"
	"sitrep/internal/read"
	"sitrep/internal/report"
	"sitrep/internal/syndicate"
)

func runAnalyze(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("analyze", "analyze [flags] PATH...  (PATH may be a file, a directory, or - for stdin)", stderr)
	format := fs.String("format", "text", "output format: text, json, jsonl or standoff")
	workers := fs.Int("workers", 0, "articles analysed at once (0: one per core)")
	maxBytes := fs.Int64("max-bytes", read.DefaultMaxBytes, "largest input read, in bytes after decompression")
	paths, err := cli.ParseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	f := report.Format(*format)
	if !validFormat(f) {
		fmt.Fprintf(stderr, "sitrep analyze: unknown format %q (want text, json, jsonl or standoff)\n", *format)
		return exitUsage
	}
	if len(paths) == 0 {
		fs.Usage()
		return exitUsage
	}
	p, err := pipeline.Default(pipeline.Config{})
	if err != nil {
		fmt.Fprintf(stderr, "sitrep: %v\n", err)
		return exitFailed
	}

	out := bufio.NewWriterSize(stdout, 1<<16)
	defer out.Flush()
	tty := isTerminal(stderr)
	var total int64
	if tty {
		total = read.TotalSize(paths)
	}
	bar := progress.New(stderr, tty, total)
	defer bar.Done()
	opts := read.Options{
		MaxBytes: *maxBytes,
		Progress: func(n int64) { bar.Add(0, n) },
		Note:     func(msg string) { bar.Println(stderr, "sitrep: "+msg) },
	}
	articles := read.Articles(ctx, paths, stdin, opts)
	stories := syndicate.New(syndicate.Config{})
	failed := 0
	var writeErr error
	p.Parallel(ctx, articles, *workers, func(r pipeline.Result) bool {
		if r.Err != nil {
			failed++
			bar.Println(stderr, fmt.Sprintf("sitrep: %v", r.Err))
			return !errors.Is(r.Err, context.Canceled)
		}
		bar.Add(1, 0)
		stories.Apply(r.Article)
		if err := report.Write(out, f, r.Article); err != nil {
			writeErr = err
			return false
		}
		return true
	})
	bar.Done()
	if writeErr != nil {
		fmt.Fprintf(stderr, "sitrep: writing output: %v\n", writeErr)
		return exitFailed
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "sitrep: writing output: %v\n", err)
		return exitFailed
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "sitrep: interrupted")
		return exitFailed
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "sitrep: %d input(s) failed\n", failed)
		return exitFailed
	}
	return exitOK
}

func validFormat(f report.Format) bool {
	for _, g := range report.Formats {
		if f == g {
			return true
		}
	}
	return false
}

// isTerminal reports whether w is a terminal (for the progress line).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
