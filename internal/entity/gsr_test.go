package entity

import (
	"flag"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/segment"
	"sitrep/news"
)

// gsrDev prints the development part's misses of TestGSRActors.
var gsrDev = flag.Bool("gsr-dev", false, "print the PLOVER-GSR development sentences whose gold actors no mention codes")

const gsrDir = "../../../shared/eval/plover-gsr-cameo"

// TestGSRActors measures how many gold source and target actors of
// PLOVER-GSR some mention of the sentence codes with the gold country and
// sector: an upper bound for the event scorer's actor match, which also
// needs the event stage to pick that mention. Held-out sentences are
// scored but never printed.
func TestGSRActors(t *testing.T) {
	recs, err := event.LoadGSR(gsrDir)
	if err != nil {
		t.Skip("plover-gsr-cameo not present:", err)
	}
	st := testStage(t)
	seg := segment.New(segment.Config{})
	var n, ok [2]int // dev, held out
	for _, r := range recs {
		if r.Event == "DOCUMENT" || r.Text == "" {
			continue
		}
		a := &news.Article{ID: r.ID, Text: r.Text, Paragraphs: []news.Span{{Start: 0, End: len(r.Text)}}}
		if err := seg.Apply(a); err != nil {
			t.Fatal(err)
		}
		if err := st.Apply(a); err != nil {
			t.Fatal(err)
		}
		part := 0
		if event.HeldOut(r.ID) {
			part = 1
		}
		for _, gold := range [][]event.GSRActor{r.Source, r.Target} {
			for _, g := range gold {
				n[part]++
				hit := false
				for _, m := range a.Mentions {
					if event.MentionMatches(m, []event.GSRActor{g}) {
						hit = true
						break
					}
				}
				if hit {
					ok[part]++
				} else if *gsrDev && part == 0 {
					t.Logf("%s: %q %s/%s in %q\n\t%s", r.ID, g.Text, g.Code, g.Sector, r.Text, describe(a))
				}
			}
		}
	}
	t.Logf("gold actors coded by some mention: dev %d/%d = %.3f, held out %d/%d = %.3f",
		ok[0], n[0], float64(ok[0])/float64(max(n[0], 1)), ok[1], n[1], float64(ok[1])/float64(max(n[1], 1)))
}
