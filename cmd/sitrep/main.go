// Command sitrep turns news articles into sourced event data.
//
// Usage:
//
//	sitrep analyze [--format text|json|jsonl|standoff] [--workers N] PATH...
//	sitrep eval TASK [DATA_DIR] [--format table|json]
//	sitrep version
//
// All wiring of stages, scorers and outputs happens in run, here.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"sitrep/internal/cli"
)

// version is the engine version, recorded with everything it produces.
var version = "0.1.0-dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit statuses.
const (
	exitOK     = 0 // everything was processed
	exitFailed = 1 // some input or article failed; the rest was processed
	exitUsage  = 2 // the command line was wrong
)

// usageText lists every command, the database commands included.
func usageText() string {
	var b strings.Builder
	b.WriteString(`sitrep turns news into sourced event data.

Usage:
  sitrep analyze [flags] PATH...  analyse articles (files, directories, WARC, feeds, "-" for stdin)
  sitrep eval TASK [DATA_DIR]     score the engine on a gold set (sitrep eval -h lists them)
`)
	for _, c := range cli.Commands(version) {
		b.WriteString("  sitrep " + c.Synopsis + "\n")
	}
	b.WriteString(`  sitrep version                  print the engine version

Run "sitrep COMMAND -h" for a command's flags. Database commands take
--db PATH (default sitrep.db).
`)
	return b.String()
}

// run is the whole program: it parses args, wires the engine and returns
// the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText())
		return exitUsage
	}
	for _, c := range cli.Commands(version) {
		if c.Name == args[0] {
			return c.Run(ctx, args[1:], stdin, stdout, stderr)
		}
	}
	switch args[0] {
	case "analyze", "analyse":
		return runAnalyze(ctx, args[1:], stdin, stdout, stderr)
	case "eval":
		return runEval(ctx, args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "sitrep", version)
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usageText())
		return exitOK
	}
	fmt.Fprintf(stderr, "sitrep: unknown command %q\n\n%s", args[0], usageText())
	return exitUsage
}
