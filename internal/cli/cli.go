// Package cli implements the database commands of sitrep — ingest,
// reprocess, events, quotes, actors, articles and changes — as functions
// with typed options (Ingest, Reprocess, Events, …) and as Commands that
// parse their own flags, for cmd/sitrep to wire in one place.
//
// Every command takes --db PATH (default sitrep.db). A problem with what
// the user asked (an unknown actor, an impossible date range, a file that
// is not a sitrep database) is a clear one-line message and exit status 1;
// a wrong command line is exit status 2.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"sitrep/internal/store"
	"sitrep/internal/store/sqlite"
)

// DefaultDB is the database file of every command when --db is not given.
const DefaultDB = "sitrep.db"

// Exit statuses, as cmd/sitrep uses them.
const (
	ExitOK     = 0
	ExitFailed = 1
	ExitUsage  = 2
)

// A Command is one subcommand: its name, one line of help, and Run, which
// parses args (the arguments after the name) with the flag package and
// returns the exit status.
type Command struct {
	Name     string
	Synopsis string
	Run      func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// Commands returns the database commands. engine is the engine version
// recorded with every row that ingest and reprocess write.
func Commands(engine string) []Command {
	return []Command{
		{"ingest", "ingest [flags] PATH...   analyse articles and store them in the database", func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			return runIngest(ctx, engine, args, stdin, stdout, stderr)
		}},
		{"reprocess", "reprocess [flags]        re-analyse stored articles with this engine, keeping what changed", func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			return runReprocess(ctx, engine, args, stdout, stderr)
		}},
		{"events", "events [flags]           query events (one row per real event, with every report)", runEvents},
		{"quotes", "quotes [flags]           query quotes by speaker or words", runQuotes},
		{"actors", "actors [flags]           list actors with their aliases and counts", runActors},
		{"articles", "articles [flags]         list stored articles, full-text search", runArticles},
		{"changes", "changes [flags]          what reprocessing removed, changed or added", runChanges},
	}
}

// NewFlags returns a flag set that writes its errors and help to stderr.
func NewFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		io.WriteString(stderr, "Usage: sitrep "+synopsis+"\n\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

// ParseFlags parses flags that may come before or after the positional
// arguments ("sitrep analyze a.txt --format json") and returns the
// positional arguments.
func ParseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// open opens the database of a command; query commands do not create one.
func open(ctx context.Context, path string, create bool) (*sqlite.DB, error) {
	if path == "" {
		path = DefaultDB
	}
	return sqlite.Open(ctx, path, sqlite.Options{NoCreate: !create})
}

// fail prints err for the user and returns the exit status.
func fail(stderr io.Writer, cmd string, err error) int {
	var fe *store.FilterError
	switch {
	case errors.As(err, &fe):
		fmt.Fprintf(stderr, "sitrep %s: %v\n", cmd, fe)
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "sitrep %s: interrupted\n", cmd)
	default:
		fmt.Fprintf(stderr, "sitrep %s: %v\n", cmd, err)
	}
	return ExitFailed
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// truncate shortens s to n runes with an ellipsis, on one line.
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
