package report

import (
	"fmt"
	"strings"

	"sitrep/news"
)

// writeLayers writes the annotation layers of a for a person: actors with
// their mentions, places, times, quotes and events with who asserts them.
func writeLayers(b *strings.Builder, a *news.Article) {
	writeActors(b, a)
	if len(a.Places) > 0 {
		b.WriteString("\nplaces:\n")
		for _, p := range a.Places {
			fmt.Fprintf(b, "  %-28q %s, %s (%s) %.4f,%.4f\n", a.Covered(p.Span), p.Name, p.Country, p.Precision, p.Lat, p.Lon)
		}
	}
	if len(a.Times) > 0 {
		b.WriteString("\ntimes:\n")
		for _, t := range a.Times {
			fmt.Fprintf(b, "  %-28q %s %s\n", a.Covered(t.Span), t.Type, t.Value)
		}
	}
	if len(a.Quotes) > 0 {
		b.WriteString("\nquotes:\n")
		for _, q := range a.Quotes {
			kind := "reported"
			if q.Direct {
				kind = "direct"
			}
			fmt.Fprintf(b, "  %s %s (%q, %s): %q\n", kind, speakerName(a, q), a.Covered(q.Cue), q.Meaning, clip(a.Covered(q.Content), 90))
		}
	}
	if len(a.Events) > 0 {
		b.WriteString("\nevents:\n")
		for _, e := range a.Events {
			typ := e.Type
			if e.Mode != "" {
				typ += "/" + e.Mode
			}
			fmt.Fprintf(b, "  %-22s %s → %s", typ+" ("+e.CAMEO+")", argName(a, e.Source, e.SourceArg), argName(a, e.Target, e.TargetArg))
			if e.Place >= 0 && e.Place < len(a.Places) {
				fmt.Fprintf(b, " @ %s (%s)", a.Places[e.Place].Name, e.PlacePrecision)
			}
			if e.Date != "" {
				fmt.Fprintf(b, " on %s", e.Date)
			}
			fmt.Fprintf(b, "\n      asserted: %s by %s", e.Assert.How, orOutlet(e.Assert.By.Name, a))
			for _, c := range e.Casualties {
				fmt.Fprintf(b, "; %s %s", c.Kind, rangeText(c.Count))
			}
			fmt.Fprintf(b, "\n      %q\n", clip(a.Covered(e.Evidence), 110))
		}
	}
}

func writeActors(b *strings.Builder, a *news.Article) {
	type actor struct {
		name, code string
		texts      []string
	}
	var order []string
	byID := map[string]*actor{}
	for _, m := range a.Mentions {
		if m.Actor.ID == "" || m.Type == news.Location {
			continue
		}
		ac := byID[m.Actor.ID]
		if ac == nil {
			ac = &actor{name: m.Actor.Name, code: m.Actor.Code}
			byID[m.Actor.ID] = ac
			order = append(order, m.Actor.ID)
		}
		t := a.Covered(m.Span)
		if !contains(ac.texts, t) {
			ac.texts = append(ac.texts, t)
		}
	}
	if len(order) == 0 {
		return
	}
	b.WriteString("\nactors:\n")
	for _, id := range order {
		ac := byID[id]
		fmt.Fprintf(b, "  %s [%s]: %s\n", ac.name, ac.code, strings.Join(quoteAll(ac.texts), ", "))
	}
}

func speakerName(a *news.Article, q news.Quote) string {
	if q.Actor.Name != "" {
		return q.Actor.Name
	}
	if !q.SpeakerSpan.IsZero() {
		return a.Covered(q.SpeakerSpan)
	}
	return "(unknown speaker)"
}

func argName(a *news.Article, mention int, arg news.Argument) string {
	if mention >= 0 && mention < len(a.Mentions) && a.Mentions[mention].Actor.Name != "" {
		return a.Mentions[mention].Actor.Name
	}
	if !arg.Span.IsZero() {
		return a.Covered(arg.Span)
	}
	return "?"
}

func orOutlet(name string, a *news.Article) string {
	if name != "" {
		return name
	}
	if a.Meta.Outlet != "" {
		return a.Meta.Outlet + " (the outlet)"
	}
	return "the outlet"
}

func rangeText(r news.Range) string {
	switch {
	case r.High < 0:
		return fmt.Sprintf("≥ %d", r.Low)
	case r.Low == r.High:
		return fmt.Sprint(r.Low)
	default:
		return fmt.Sprintf("%d–%d", r.Low, r.High)
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}
