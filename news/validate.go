package news

import (
	"errors"
	"fmt"
)

// Validate checks the invariants of every layer of a: each span fits Text
// on UTF-8 boundaries, sentences and tokens are in order without overlap,
// and every index into another layer is in range (or -1 where absent is
// allowed). It returns all the problems found, joined.
func Validate(a *Article) error {
	var errs []error
	span := func(layer string, i int, s Span) {
		if err := CheckSpan(a.Text, s); err != nil {
			errs = append(errs, fmt.Errorf("%s %d: %w", layer, i, err))
		}
	}
	index := func(layer string, i int, field string, v, n int) {
		if v < -1 || v >= n {
			errs = append(errs, fmt.Errorf("%s %d: %s index %d out of range [-1,%d)", layer, i, field, v, n))
		}
	}
	for i, p := range a.Paragraphs {
		span("paragraph", i, p)
	}
	end := 0
	for i, t := range a.Tokens {
		span("token", i, t.Span)
		if t.Span.Start < end {
			errs = append(errs, fmt.Errorf("token %d %v overlaps the token before", i, t.Span))
		}
		end = t.Span.End
	}
	end = 0
	for i, s := range a.Sentences {
		span("sentence", i, s.Span)
		if s.Span.Start < end {
			errs = append(errs, fmt.Errorf("sentence %d %v overlaps the sentence before", i, s.Span))
		}
		end = s.Span.End
		if s.First < 0 || s.First > s.End || s.End > len(a.Tokens) {
			errs = append(errs, fmt.Errorf("sentence %d: token range [%d,%d) out of range", i, s.First, s.End))
		}
		if len(a.Paragraphs) > 0 {
			index("sentence", i, "paragraph", s.Paragraph, len(a.Paragraphs))
		}
	}
	for i, m := range a.Mentions {
		span("mention", i, m.Span)
		span("mention affiliation", i, m.AffiliationSpan)
		for _, r := range m.Roles {
			span("mention role", i, r.Span)
		}
		index("mention", i, "antecedent", m.Antecedent, len(a.Mentions))
	}
	for i, p := range a.Places {
		span("place", i, p.Span)
	}
	for i, t := range a.Times {
		span("time", i, t.Span)
	}
	for i, q := range a.Quotes {
		span("quote", i, q.Content)
		span("quote cue", i, q.Cue)
		span("quote channel", i, q.Channel)
		span("quote speaker", i, q.SpeakerSpan)
		span("quote reference", i, q.Reference)
		index("quote", i, "speaker", q.Speaker, len(a.Mentions))
	}
	for i, e := range a.Events {
		span("event trigger", i, e.Trigger)
		span("event evidence", i, e.Evidence)
		span("event source", i, e.SourceArg.Span)
		span("event target", i, e.TargetArg.Span)
		index("event", i, "source argument", e.SourceArg.Mention, len(a.Mentions))
		index("event", i, "target argument", e.TargetArg.Mention, len(a.Mentions))
		index("event", i, "assertion quote", e.Assert.Quote, len(a.Quotes))
		for _, c := range e.Casualties {
			span("event casualty", i, c.Count.Span)
		}
		index("event", i, "source", e.Source, len(a.Mentions))
		index("event", i, "target", e.Target, len(a.Mentions))
		index("event", i, "place", e.Place, len(a.Places))
		index("event", i, "time", e.Time, len(a.Times))
	}
	for i, d := range a.Diagnostics {
		span("diagnostic", i, d.Span)
	}
	return errors.Join(errs...)
}
