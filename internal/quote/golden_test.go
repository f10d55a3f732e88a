package quote

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"sitrep/news"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// standOff writes the quotes of a as readable stand-off lines: one block a
// statement, each span with its offsets and its text.
func standOff(a *news.Article) string {
	var b strings.Builder
	span := func(name string, s news.Span) {
		if !s.IsZero() {
			fmt.Fprintf(&b, "  %-8s %v %q\n", name, s, a.Covered(s))
		}
	}
	for i, q := range a.Quotes {
		kind := "reported"
		if q.Direct {
			kind = "direct"
		}
		fmt.Fprintf(&b, "quote %d: %s, %s, speaker %s (%s)\n", i, kind, q.Meaning, q.SourceKind, q.Attribution)
		span("content", q.Content)
		span("cue", q.Cue)
		span("speaker", q.SpeakerSpan)
		span("ref", q.Reference)
		span("channel", q.Channel)
	}
	for _, d := range a.Diagnostics {
		if d.Stage == "quote" {
			fmt.Fprintf(&b, "diagnostic %s %s %v\n", d.Severity, d.Code, d.Span)
		}
	}
	return b.String()
}

// TestGolden compares the quotes of the example page (after the real
// segment stage; without the entity stage's mentions, so that the file
// changes only with this stage and segment) with testdata/example.golden;
// -update rewrites it.
func TestGolden(t *testing.T) {
	a := exampleArticle(t)
	a.Mentions = nil
	if err := New(Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	got := standOff(a)
	path := filepath.Join("testdata", "example.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("%s differs (-want +got), rerun with -update if intended:\n%s", path, d)
	}
}
