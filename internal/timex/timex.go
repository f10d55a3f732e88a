// Package timex finds the time expressions of an article and normalises
// them to TIMEX3 values against the article's anchor date: the date of its
// dateline when the text gives one, else its publication date.
//
// Recognition is a hand-written scanner over tokens with its vocabulary
// (month and weekday names, number words, units, modifiers, tense cues)
// in data/lexicon.tsv. Every rule looks at a bounded window of tokens, so
// the stage runs in time linear in the text.
//
// Invariants:
//   - Every Time's Span lies inside Article.Text on UTF-8 boundaries;
//     Times are in text order and do not overlap.
//   - A value that depends on the anchor records it in Time.Anchor. With
//     no anchor, such values stay unresolved in TimeML fashion
//     ("XXXX-06-08", "XXXX-WXX-2", "XXXX-XX-XX") with a diagnostic; the
//     stage never reads the clock.
//   - News rules: a bare weekday is the anchor day when it is that
//     weekday, else the latest such day before it, or the first after it
//     in the future tense; a date or month without a year takes the year
//     nearest the anchor that fits the tense of its sentence.
package timex

import (
	"fmt"
	"sync"
	"time"
	"unicode/utf8"

	"sitrep/news"
)

// Config configures the time stage. It has no options yet.
type Config struct{}

// Stage is the time stage. It is safe for concurrent use on different
// articles.
type Stage struct {
	cfg Config
}

// New returns the time stage.
func New(cfg Config) *Stage { return &Stage{cfg: cfg} }

// Name is "timex".
func (*Stage) Name() string { return "timex" }

// Requires segment: sentences bound the tense window. Without them the
// stage finds sentences itself.
func (*Stage) Requires() []string { return []string{"segment"} }

var loadLexicon = sync.OnceValues(defaultLexicon)

// Apply writes a.Times. It returns an error only when the embedded
// lexicon is broken.
func (s *Stage) Apply(a *news.Article) error {
	lx, err := loadLexicon()
	if err != nil {
		return fmt.Errorf("timex: %w", err)
	}
	a.Times = nil
	if a.Text == "" {
		return nil
	}
	if !utf8.ValidString(a.Text) {
		a.AddDiagnostic("timex", news.Warning, news.Span{}, "text-not-utf8",
			"text is not valid UTF-8: times at broken characters are dropped")
	}
	anchor, ok := anchorOf(a, lx)
	a.Times = annotate(a, lx, anchor, ok)
	return nil
}

// anchorOf finds the anchor day: the date of the dateline, else the
// publication date. It adds a diagnostic when there is none.
func anchorOf(a *news.Article, lx lexicon) (time.Time, bool) {
	pub := a.Meta.Published
	var pubDay time.Time
	hasPub := false
	switch pub.Precision {
	case news.PrecisionDay, news.PrecisionMinute, news.PrecisionSecond:
		t := pub.Time
		pubDay, hasPub = day(t.Year(), int(t.Month()), t.Day()), true
	case news.PrecisionNone:
	default:
		a.AddDiagnostic("timex", news.Info, news.Span{}, "anchor-imprecise",
			fmt.Sprintf("publication date %s has no day: times relative to it stay unresolved", pub.Value()))
	}
	if dl := a.Meta.Dateline; !dl.IsZero() && dl.Within(len(a.Text)) {
		if t, ok := datelineDay(a.Text[dl.Start:dl.End], lx, pubDay, hasPub); ok {
			return t, true
		}
	}
	if hasPub {
		return pubDay, true
	}
	a.AddDiagnostic("timex", news.Warning, news.Span{}, "no-anchor",
		"no publication date or dated dateline: relative times stay unresolved")
	return time.Time{}, false
}

// datelineDay reads the date of a dateline ("MOSCOW, June 9 (Reuters) -");
// a date without a year takes the year nearest the publication date.
func datelineDay(text string, lx lexicon, pub time.Time, hasPub bool) (time.Time, bool) {
	p := parser{text: text, t: scan(text, lx, nil)}
	for _, f := range p.find(nil) {
		s := f.s
		if s.m == 0 || s.d == 0 || s.rel || s.lit != "" {
			continue
		}
		if !validDay(s.y, s.m, s.d) {
			continue
		}
		if s.y == 0 {
			if !hasPub {
				continue
			}
			s.tense = 0
			s.y = pickYear(pub, s)
			if !validDay(s.y, s.m, s.d) {
				continue
			}
		}
		return day(s.y, s.m, s.d), true
	}
	return time.Time{}, false
}

// annotate finds and resolves the times of a.Text.
func annotate(a *news.Article, lx lexicon, anchor time.Time, hasAnchor bool) []news.Time {
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	if want := len(a.Text)/4 + 8; cap(sc.toks) < want {
		sc.toks = make([]tok, 0, want)
	}
	toks := scan(a.Text, lx, sc.toks[:0])
	sc.toks = toks
	if len(a.Sentences) > 1 {
		ss := sc.sents[:0]
		for _, s := range a.Sentences {
			ss = append(ss, sentSpan{s.Span.Start, s.Span.End})
		}
		sc.sents = ss
		useSentences(toks, ss)
	}
	p := parser{text: a.Text, t: toks}
	fs := p.find(sc.found[:0])
	sc.found = fs
	if len(fs) == 0 {
		return nil
	}
	out := make([]news.Time, 0, len(fs))
	f := frame{anchor: anchor, hasAnchor: hasAnchor, ref: anchor, hasRef: hasAnchor}
	unresolved := false
	for _, m := range fs {
		s := m.s
		s.tense = p.tense(m.start, m.end)
		if s.overnight && s.tense == 'F' {
			s.off = 0
		}
		if s.weekendTense && s.tense != 'F' && f.hasAnchor && f.anchor.Weekday() >= time.Monday && f.anchor.Weekday() <= time.Friday {
			s.off = -1
		}
		if s.clock && s.y == 0 && s.m == 0 && s.wd == 0 && !s.rel {
			s.fromRef = true // "at 18:00": on the day last mentioned
		}
		span := news.Span{Start: toks[m.start].start, End: toks[m.end-1].end}
		if news.CheckSpan(a.Text, span) != nil {
			continue // only in text that is not UTF-8
		}
		base := f.anchor
		if s.fromRef && f.hasRef {
			base = f.ref
		}
		value, prec, anchored, at, err := resolve(s, f)
		if err != nil {
			a.AddDiagnostic("timex", news.Warning, span, "date-impossible", err.Error())
			continue
		}
		if !hasAnchor && needsAnchor(s) {
			unresolved = true
		}
		t := news.Time{Span: span, Type: s.typ, Value: value, Precision: prec, Mod: s.mod}
		if s.clock || s.pod != "" {
			t.Type = news.TimeTime
		}
		if anchored {
			t.Anchor = fmtDay(base)
		}
		if !at.IsZero() {
			f.ref, f.hasRef = at, true
		}
		out = append(out, t)
	}
	if unresolved {
		a.AddDiagnostic("timex", news.Info, news.Span{}, "times-unanchored",
			"relative times left unresolved for want of an anchor date")
	}
	return out
}

// needsAnchor reports whether s can only be resolved against an anchor.
func needsAnchor(s spec) bool {
	if s.lit != "" || s.decade != 0 || s.century != 0 {
		return false
	}
	return s.y == 0
}

// tense returns the tense cue nearest the tokens [i, j) in their
// sentence: 'F' future, 'P' past, 0 none. It looks at most 15 tokens
// back and 10 ahead.
func (p *parser) tense(i, j int) byte {
	t := p.t
	sent := t[i].sent
	for d := 1; d <= 15; d++ {
		if l := i - d; l >= 0 && t[l].sent == sent {
			if c := p.cue(l); c != 0 {
				return c
			}
		}
		if r := j - 1 + d; d <= 10 && r < len(t) && t[r].sent == sent {
			if c := p.cue(r); c != 0 {
				return c
			}
		}
	}
	return 0
}

// cue returns the tense that token k marks, if any.
func (p *parser) cue(k int) byte {
	t := &p.t[k]
	if t.kind != kWord {
		return 0
	}
	if p.is(k, "won") && (p.punct(k+1, '\'') || p.text[p.t[min(k+1, len(p.t)-1)].start:p.t[min(k+1, len(p.t)-1)].end] == "’") && p.is(k+2, "t") {
		return 'F'
	}
	if t.e != nil && t.e.tense != 0 && !(t.upper && t.e.month != 0) {
		if t.e.tense == 'P' && p.isAny(k-1, "be", "being") {
			return 0
		}
		if t.e.tense == 'N' {
			return 0
		}
		if t.e.tense == 'F' && p.is(k, "ll") && !(k > 0 && p.adj(k)) {
			return 0
		}
		return t.e.tense
	}
	// A participle after "be" tells nothing: "will be held"; "to be" is
	// of the future.
	if p.isAny(k-1, "be", "being") {
		return 0
	}
	if p.is(k, "be") && p.is(k-1, "to") {
		return 'F'
	}
	w := p.text[t.start:t.end]
	if len(w) >= 5 && !t.upper && w[len(w)-2] == 'e' && w[len(w)-1] == 'd' {
		return 'P'
	}
	return 0
}

// scratch is the working space of one annotate call: tokens, sentence
// spans and matches. It is reused through scratchPool, so that a stage
// run allocates little beyond its output; the stage stays safe for
// concurrent use, each call holding its own scratch.
type scratch struct {
	toks  []tok
	sents []sentSpan
	found []found
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxKeptToks bounds the token buffer kept for reuse, so that one huge
// article does not pin its buffer for the life of the process.
const maxKeptToks = 1 << 16

// release clears what could pin an article and returns sc to the pool.
func (sc *scratch) release() {
	clear(sc.found)
	if cap(sc.toks) > maxKeptToks {
		sc.toks = nil
	}
	if cap(sc.sents) > maxKeptToks || cap(sc.found) > maxKeptToks {
		sc.sents, sc.found = nil, nil
	}
	scratchPool.Put(sc)
}
