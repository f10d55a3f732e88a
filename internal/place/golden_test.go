package place

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"sitrep/news"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestGolden runs the stage on testdata/article.txt and compares a
// readable stand-off listing of its places with testdata/article.golden.
// Run `go test ./internal/place -run Golden -update` to rewrite it, and
// review the diff.
func TestGolden(t *testing.T) {
	text, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := stage(t)
	a := &news.Article{Text: string(text)}
	if err := s.Apply(a); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintln(&b, "# span\ttext\tname\tcountry\tadmin1\tprecision\tfeature\tlat,lon\tgeonameid")
	for _, p := range a.Places {
		fmt.Fprintf(&b, "%v\t%s\t%s\t%s\t%s\t%s\t%s\t%.3f,%.3f\t%d\n", p.Span, a.Covered(p.Span), p.Name, p.Country, p.Admin1, p.Precision, p.Feature, p.Lat, p.Lon, p.GeonameID)
	}
	const path = "testdata/article.golden"
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("places differ from %s (rerun with -update and review the diff):\n%s", path, got)
	}
}
