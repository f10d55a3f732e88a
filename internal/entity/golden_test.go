package entity

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/news"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestGolden writes the mentions of the example page in a readable
// stand-off form and compares them with testdata/example.golden; run with
// -update to rewrite it, and review the diff.
func TestGolden(t *testing.T) {
	const path = "../../../shared/examples/sputnik-2017-06-09-coalition-al-tanf.txt"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skip("example page not found:", path)
	}
	a := apply(t, string(b))
	got := standOff(a)
	golden := filepath.Join("testdata", "example.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("golden differs at line %d:\n got: %s\nwant: %s\n(run go test -update and review the diff)", i+1, g, w)
			}
		}
	}
}

func standOff(a *news.Article) string {
	var b strings.Builder
	for i, m := range a.Mentions {
		fmt.Fprintf(&b, "%d\t%v\t%q\t%s\t%s\t%s\t%s", i, m.Span, a.Covered(m.Span), m.Type, m.Resolution, m.Actor.ID, m.Actor.Code)
		if m.Antecedent >= 0 {
			fmt.Fprintf(&b, "\tante=%d", m.Antecedent)
		}
		for _, r := range m.Roles {
			fmt.Fprintf(&b, "\trole=%s", r.Title)
		}
		if m.Affiliation.ID != "" {
			fmt.Fprintf(&b, "\taffiliation=%s", m.Affiliation.ID)
		}
		if m.AlignedWith.ID != "" {
			fmt.Fprintf(&b, "\taligned=%s", m.AlignedWith.ID)
		}
		if m.Parent.ID != "" {
			fmt.Fprintf(&b, "\tparent=%s", m.Parent.ID)
		}
		b.WriteByte('\n')
	}
	for _, d := range a.Diagnostics {
		fmt.Fprintf(&b, "diagnostic\t%s\t%v\t%q\n", d.Code, d.Span, a.Covered(d.Span))
	}
	return b.String()
}
