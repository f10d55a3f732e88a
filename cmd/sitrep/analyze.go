package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"

	"sitrep/internal/pipeline"
	"sitrep/internal/read"
	"sitrep/internal/report"
)

func runAnalyze(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("analyze", "analyze [flags] PATH...  (PATH may be a file, a directory, or - for stdin)", stderr)
	format := fs.String("format", "text", "output format: text, json, jsonl or standoff")
	workers := fs.Int("workers", 0, "articles analysed at once (0: one per core)")
	maxBytes := fs.Int64("max-bytes", read.DefaultMaxBytes, "largest input read, in bytes after decompression")
	paths, err := parseInterspersed(fs, args)
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
	articles := read.Articles(ctx, paths, stdin, read.Options{MaxBytes: *maxBytes})
	failed := 0
	var writeErr error
	p.Parallel(ctx, articles, *workers, func(r pipeline.Result) bool {
		if r.Err != nil {
			failed++
			fmt.Fprintf(stderr, "sitrep: %v\n", r.Err)
			return !errors.Is(r.Err, context.Canceled)
		}
		if err := report.Write(out, f, r.Article); err != nil {
			writeErr = err
			return false
		}
		return true
	})
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
