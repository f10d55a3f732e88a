package pipeline_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"sitrep/internal/pipeline"
	"sitrep/internal/read"
	"sitrep/internal/report"
	"sitrep/news"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenInputs are the pages of the end-to-end golden test: the bundled
// example, the saved plain-text and HTML pages of the extract stage's tests
// (a wire story with a dateline, a blog post, a cookie banner with related
// links, Russian pages, a page with no date, a home page, malformed HTML),
// and any page under testdata/pages.
func goldenInputs(t *testing.T) []string {
	t.Helper()
	inputs := []string{"../../testdata/examples/sputnik-2017-06-09-coalition-al-tanf.txt"}
	for _, pattern := range []string{"../extract/testdata/text/*.txt", "../extract/testdata/html/*.html", "testdata/pages/*"} {
		more, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, more...)
	}
	return inputs
}

// TestGolden runs the default pipeline over every golden input and compares
// the stand-off text with testdata/golden/NAME.standoff. Run
// `go test ./internal/pipeline -update` to rewrite them, then review the diff.
func TestGolden(t *testing.T) {
	p, err := pipeline.Default(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range goldenInputs(t) {
		name := filepath.Base(in)
		t.Run(name, func(t *testing.T) {
			a := readOne(t, in)
			if err := p.Apply(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			checkSpans(t, a)
			a.Source = name // golden files do not depend on where the test runs
			var buf bytes.Buffer
			if err := report.WriteStandoff(&buf, a); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(name, filepath.Ext(name))+".standoff")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), buf.String()); diff != "" {
				t.Errorf("stand-off of %s differs from %s (-want +got):\n%s", name, golden, diff)
			}
		})
	}
}

func readOne(t *testing.T, path string) *news.Article {
	t.Helper()
	var got []*news.Article
	for a, err := range read.Articles(context.Background(), []string{path}, nil, read.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, a)
	}
	if len(got) != 1 {
		t.Fatalf("%s: %d articles, want 1", path, len(got))
	}
	return got[0]
}

// checkSpans checks the invariants of every layer.
func checkSpans(t *testing.T, a *news.Article) {
	t.Helper()
	if err := news.Validate(a); err != nil {
		t.Error(err)
	}
}

// TestRealPages runs the default pipeline over the 181 real pages of the
// article-extraction benchmark: no stage may fail or break an invariant.
func TestRealPages(t *testing.T) {
	dir := "../../../shared/eval/article-extraction-benchmark/html"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("benchmark pages not found (%v): they live in ../shared/eval", err)
	}
	if testing.Short() {
		t.Skip("181 pages: skipped in -short mode")
	}
	p, err := pipeline.Default(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	p.Parallel(context.Background(), read.Articles(context.Background(), []string{dir}, nil, read.Options{}), 0, func(r pipeline.Result) bool {
		if r.Err != nil {
			t.Error(r.Err)
			return true
		}
		n++
		if err := news.Validate(r.Article); err != nil {
			t.Errorf("%s: %v", r.Article.Source, err)
		}
		return true
	})
	if n != 181 {
		t.Errorf("analysed %d pages, want 181", n)
	}
}
