package event

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"sitrep/news"
)

const gsrDir = "../../../shared/eval/plover-gsr-cameo"

// TestGSRDev runs the dev sentences (never the held-out ones) through the
// real stages. With -v and GSR_ERRORS=1 it prints the type errors and the
// role errors (a mention with the gold actor was in the sentence, but
// another was picked); it checks only that scoring runs.
func TestGSRDev(t *testing.T) {
	if _, err := os.Stat(gsrDir); err != nil {
		t.Skip("plover-gsr-cameo not present:", err)
	}
	recs, err := LoadGSR(gsrDir)
	if err != nil {
		t.Fatal(err)
	}
	stages := realStages(t, false)
	st := New(Config{})
	show := testing.Verbose() && os.Getenv("GSR_ERRORS") != ""
	showActors := testing.Verbose() && os.Getenv("GSR_ACTORS") != ""
	for _, rec := range recs {
		if HeldOut(rec.ID) {
			continue
		}
		res, err := CodeGSR(rec, stages, st)
		if err != nil {
			t.Fatal(err)
		}
		a := res.Article
		if showActors && res.Type == PLOVERType(rec.Event) {
			for _, r := range []struct {
				name string
				ok   bool
				gold []GSRActor
				m    int
			}{{"SRC", res.SourceOK, rec.Source, a.Events[res.Event].Source}, {"TGT", res.TargetOK, rec.Target, a.Events[res.Event].Target}} {
				if r.ok || len(r.gold) == 0 {
					continue
				}
				got := "none"
				if r.m >= 0 {
					m := a.Mentions[r.m]
					got = fmt.Sprintf("%q %s/%s/%s/%s", a.Text[m.Span.Start:m.Span.End], m.Type, m.Actor.Country, m.Actor.Sector, m.Actor.Code)
				}
				role := ""
				for m := range a.Mentions {
					if actorMatch(a, m, r.gold) {
						role = " ROLE"
					}
				}
				t.Logf("%s%s %s gold=%v got=%s\n  %s", r.name, role, rec.ID, r.gold, got, rec.Text)
			}
		}
		if !show {
			continue
		}
		if gold := PLOVERType(rec.Event); res.Type != gold {
			t.Logf("TYPE %s gold=%s got=%s: %s\n%s", rec.ID, gold, res.Type, rec.Text, render(a))
			continue
		}
		for _, r := range []struct {
			name string
			ok   bool
			gold []GSRActor
		}{{"SRC", res.SourceOK, rec.Source}, {"TGT", res.TargetOK, rec.Target}} {
			if r.ok || len(r.gold) == 0 {
				continue
			}
			for m := range a.Mentions {
				if actorMatch(a, m, r.gold) {
					t.Logf("ROLE-%s %s gold=%v: %s\n%s%s", r.name, rec.ID, r.gold, rec.Text, render(a), renderMentions(a))
					break
				}
			}
		}
	}
	rep, err := Scorer().Run(context.Background(), gsrDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("type accuracy (no stages before) %.3f dev %.3f", rep.Metrics["type_accuracy"], rep.Metrics["type_accuracy_dev"])
}

// renderMentions lists the mentions of a with their actors, for the role
// errors: which mention had the gold actor.
func renderMentions(a *news.Article) string {
	var b strings.Builder
	for _, m := range a.Mentions {
		fmt.Fprintf(&b, "  [%s|%s %s/%s/%s]", a.Covered(m.Span), m.Type, m.Actor.Country, m.Actor.Sector, m.Actor.Code)
	}
	return b.String()
}
