package main

import (
	"flag"
	"io"
)

// newFlags returns a flag set that writes its errors and help to stderr.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		io.WriteString(stderr, "Usage: sitrep "+synopsis+"\n\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

// parseInterspersed parses flags that may come before or after the
// positional arguments ("sitrep analyze a.txt --format json") and returns
// the positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
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
