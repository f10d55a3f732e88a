// Package event codes the events an article reports: who did what to whom,
// where, when, with what toll, and who asserts it.
//
// The stage reads each sentence, finds event words with a pattern lexicon
// (data/patterns.tsv: verbs and nouns mapped to PLOVER types and modes),
// works out the roles from the sentence's structure (active, passive,
// nominal, light-verb, coordinated and relative clauses, "X accused Y of
// Z"), binds the place and date, reads tolls as ranges, and decides who
// asserts each event from the quote layer and the reporting verbs around
// it. Codes come from data/ontology.tsv (PLOVER → CAMEO, QuadClass,
// Goldstein, ACLED).
//
// Invariants: every event's Trigger lies inside its Evidence sentence;
// indexes into other layers are -1 or valid; an event inside a statement
// the article attributes to a source is asserted by that source, never by
// the outlet. The stage works on whatever layers are present: without
// mentions, events have no actors; without sentences it splits the text
// itself. Time is linear in the length of the text.
package event

import (
	"sort"

	"sitrep/news"
)

// Config configures the event stage. The zero value is the default.
type Config struct{}

// Stage is the event stage. It is safe for concurrent use.
type Stage struct {
	cfg   Config
	ont   *Ontology
	lex   *Lexicon
	modal map[string][]modal
	err   error
}

// New returns the event stage with the embedded ontology and lexicon.
func New(cfg Config) *Stage {
	s := &Stage{cfg: cfg}
	s.ont, s.err = LoadOntology()
	if s.err == nil {
		s.lex, s.err = LoadLexicon()
	}
	if s.err == nil {
		s.modal, s.err = parseModality(modalityTSV)
	}
	return s
}

// Name is "event".
func (*Stage) Name() string { return "event" }

// Requires the layers it reads.
func (*Stage) Requires() []string { return []string{"segment", "entity", "place", "timex", "quote"} }

// maxSentenceWords bounds the words of one sentence the stage codes; the
// rest of a longer sentence gets a diagnostic. Role search is windowed, so
// the bound only caps memory, not time.
const maxSentenceWords = 4000

// Apply writes a.Events. It returns an error only when the embedded data
// failed to load.
func (s *Stage) Apply(a *news.Article) error {
	if s.err != nil {
		return s.err
	}
	a.Events = a.Events[:0]
	if a.Text == "" {
		return nil
	}
	ix := newIndex(a)
	r := &reader{s: s, a: a, ix: ix}
	var spans []news.Span
	for _, sp := range sentences(a) {
		spans = tokenize(spans[:0], a.Text, sp)
		if len(spans) > maxSentenceWords {
			a.AddDiagnostic("event", news.Info, sp, "sentence-too-long",
				"sentence of more than 4000 words: events coded in its first 4000 words only")
			spans = spans[:maxSentenceWords]
		}
		r.sentence(sp, spans)
	}
	r.finish()
	a.Events = r.events
	return nil
}

// index finds, for a byte span, the annotations of other layers that cover
// it. Each layer is sorted by start once per article.
type index struct {
	mentions, places, times, quotes []int
	a                               *news.Article
}

func newIndex(a *news.Article) *index {
	ix := &index{a: a}
	ix.mentions = sortedBy(len(a.Mentions), func(i int) news.Span { return a.Mentions[i].Span }, len(a.Text))
	ix.places = sortedBy(len(a.Places), func(i int) news.Span { return a.Places[i].Span }, len(a.Text))
	ix.times = sortedBy(len(a.Times), func(i int) news.Span { return a.Times[i].Span }, len(a.Text))
	ix.quotes = sortedBy(len(a.Quotes), func(i int) news.Span { return a.Quotes[i].Content }, len(a.Text))
	return ix
}

func sortedBy(n int, span func(int) news.Span, textLen int) []int {
	out := make([]int, 0, n)
	for i := 0; i < n; i++ {
		if sp := span(i); sp.Within(textLen) && !sp.IsZero() {
			out = append(out, i)
		}
	}
	sort.SliceStable(out, func(x, y int) bool { return span(out[x]).Start < span(out[y]).Start })
	return out
}

// cover returns the index (into the layer) of the annotation that covers
// sp, searching from *pos forward; -1 when none. Words are visited in
// order, so the total work per sentence is linear.
func cover(order []int, span func(int) news.Span, pos *int, sp news.Span) int {
	for *pos < len(order) && span(order[*pos]).End <= sp.Start {
		*pos++
	}
	// A covering annotation may start before earlier, shorter ones end:
	// look a few back for nested layers (quotes within quotes).
	for k := *pos; k < len(order) && k < *pos+4; k++ {
		o := span(order[k])
		if o.Start > sp.Start {
			break
		}
		if o.Contains(sp) {
			return order[k]
		}
	}
	return -1
}

// seek returns a position in order from which cover can scan the
// sentence starting at off: the first annotation starting at or after off,
// moved back over the few earlier ones that still reach past off.
func seek(order []int, span func(int) news.Span, off int) int {
	k := sort.Search(len(order), func(k int) bool { return span(order[k]).Start >= off })
	for n := 0; k > 0 && n < 8 && span(order[k-1]).End > off; n++ {
		k--
	}
	return k
}
