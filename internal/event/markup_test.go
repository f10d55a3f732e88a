package event

import (
	"fmt"
	"strings"
	"testing"

	"sitrep/news"
)

// marked turns inline markup into an article with hand-set layers:
//
//	⟦the coalition|A:USA/military⟧  a mention of actor USA/military
//	⟦Iraq|A:IRQ/state⟧              a state ("place": a country named as a place)
//	⟦al-Tanf|P:SY:point⟧            a place in Syria, point precision
//	⟦On June 8|T:2017-06-08⟧        a date
//	⟦…|Q:say:RUS/military⟧          quote content, speaker the nearest
//	                                mention of that actor before it
//
// Markup nests. Lines starting "published:" or "outlet:" before a blank
// line set the metadata. Paragraphs are separated by blank lines.
func marked(t testing.TB, src string) *news.Article {
	t.Helper()
	a := &news.Article{}
	if strings.HasPrefix(src, "published:") || strings.HasPrefix(src, "outlet:") {
		head, body, _ := strings.Cut(src, "\n\n")
		for _, line := range strings.Split(head, "\n") {
			k, v, _ := strings.Cut(line, ":")
			v = strings.TrimSpace(v)
			switch k {
			case "published":
				d, err := news.ParseISO(v)
				if err != nil {
					t.Fatal(err)
				}
				a.Meta.Published = d
			case "outlet":
				a.Meta.Outlet = v
			}
		}
		src = body
	}
	var b strings.Builder
	type open struct{ start int }
	var stack []open
	type quoteLabel struct {
		span    news.Span
		meaning string
		actor   string
	}
	var quotes []quoteLabel
	for i := 0; i < len(src); {
		switch {
		case strings.HasPrefix(src[i:], "⟦"):
			stack = append(stack, open{b.Len()})
			i += len("⟦")
		case strings.HasPrefix(src[i:], "|") && len(stack) > 0:
			j := strings.Index(src[i:], "⟧")
			if j < 0 {
				t.Fatalf("unclosed markup at %d", i)
			}
			label := src[i+1 : i+j]
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			sp := news.Span{Start: o.start, End: b.Len()}
			f := strings.Split(label, ":")
			switch f[0] {
			case "A":
				country, rest, _ := strings.Cut(f[1], "/")
				sector, _, _ := strings.Cut(rest, "/")
				typ := news.Organization
				switch sector {
				case "state":
					typ = news.State
				case "person":
					typ = news.Person
				case "rebel", "militia", "insurgent":
					typ = news.Group
				}
				a.Mentions = append(a.Mentions, news.Mention{Span: sp, Type: typ, Antecedent: -1, Resolution: "kb",
					Actor: news.Actor{ID: f[1], Name: f[1], Country: country, Sector: sector, Kind: kindOf(sector)}})
			case "P":
				a.Places = append(a.Places, news.Place{Span: sp, Name: b.String()[sp.Start:sp.End], Country: f[1], Precision: news.GeoPrecision(f[2])})
			case "T":
				v := strings.Join(f[1:], ":")
				p := news.PrecisionDay
				switch len(v) {
				case 4:
					p = news.PrecisionYear
				case 7:
					p = news.PrecisionMonth
				}
				a.Times = append(a.Times, news.Time{Span: sp, Type: news.TimeDate, Value: v, Precision: p})
			case "Q":
				quotes = append(quotes, quoteLabel{sp, f[1], f[2]})
			default:
				t.Fatalf("unknown label %q", label)
			}
			i += j + len("⟧")
		default:
			b.WriteByte(src[i])
			i++
		}
	}
	a.Text = b.String()
	for _, q := range quotes {
		sp := -1
		for m, mn := range a.Mentions {
			if mn.Actor.ID == q.actor && (sp < 0 || mn.Span.Start < q.span.Start) {
				sp = m
			}
		}
		qt := news.Quote{Content: q.span, Meaning: q.meaning, Speaker: sp, Direct: true}
		if sp >= 0 {
			qt.Actor = a.Mentions[sp].Actor
		}
		a.Quotes = append(a.Quotes, qt)
	}
	// Paragraphs at blank lines.
	start := 0
	for _, p := range strings.SplitAfter(a.Text, "\n\n") {
		end := start + len(strings.TrimRight(p, "\n"))
		if end > start {
			a.Paragraphs = append(a.Paragraphs, news.Span{Start: start, End: end})
		}
		start += len(p)
	}
	return a
}

// render writes the events of a one per line, for golden files and
// failure messages.
func render(a *news.Article) string {
	var b strings.Builder
	name := func(m int) string {
		if m < 0 {
			return "-"
		}
		return a.Mentions[m].Actor.ID
	}
	for i, e := range a.Events {
		fmt.Fprintf(&b, "%d %s", i, e.Type)
		if e.Mode != "" {
			fmt.Fprintf(&b, "/%s", e.Mode)
		}
		if e.Intended != "" {
			fmt.Fprintf(&b, "(intends %s)", e.Intended)
		}
		fmt.Fprintf(&b, " cameo=%s %q %s→%s voice=%s", e.CAMEO, a.Covered(e.Trigger), name(e.Source), name(e.Target), e.Voice)
		if e.Place >= 0 {
			fmt.Fprintf(&b, " place=%s(%s,%s)", a.Places[e.Place].Name, e.PlaceFrom, e.PlacePrecision)
		}
		if e.Date != "" {
			fmt.Fprintf(&b, " date=%s(%s)", e.Date, e.DateFrom)
		}
		for _, c := range e.Casualties {
			fmt.Fprintf(&b, " %s=[%d,%d]by:%s", c.Kind, c.Count.Low, c.Count.High, byName(c.Assert))
		}
		fmt.Fprintf(&b, " asserted=%s:%s", byName(e.Assert), e.Assert.How)
		if e.Content >= 0 {
			fmt.Fprintf(&b, " content=%d", e.Content)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func byName(as news.Assertion) string {
	if as.By.ID != "" {
		return as.By.ID
	}
	return as.By.Name
}

// kindOf gives the actor kind the entity stage gives a mention of a state
// ("state") or of a country named as a place ("place").
func kindOf(sector string) string {
	if sector == "state" || sector == "place" {
		return sector
	}
	return ""
}

// mainCase is a marked sentence and the event the stage should code as
// its main one, written by short ("none": no event at all).
type mainCase struct{ text, want string }

// checkMain runs the event stage alone on each marked text, checks the
// events' invariants, and compares the main event (mainEvent) with want.
func checkMain(t *testing.T, cases []mainCase) {
	t.Helper()
	for _, tc := range cases {
		a := marked(t, tc.text)
		if err := New(Config{}).Apply(a); err != nil {
			t.Fatal(err)
		}
		checkEvents(t, a)
		got := "none"
		if i := mainEvent(a); i >= 0 {
			got = short(a, i)
		}
		if got != tc.want {
			t.Errorf("%s\n got %s\nwant %s\nevents:\n%s", a.Text, got, tc.want, render(a))
		}
	}
}
