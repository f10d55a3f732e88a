// Package quote finds who said what in an article: direct quotes in any
// quotation-mark convention, reported speech after a reporting cue, the
// speaker of each, and the chain of sources (speaker → channel → outlet).
//
// The stage writes Article.Quotes, one news.Quote per statement, in text
// order. Invariants:
//
//   - Every span of a Quote lies inside Article.Text, on UTF-8 boundaries;
//     Content is never empty.
//   - A direct quote's Content is the text between its quotation marks (for
//     a quote that runs over several paragraphs, from the first opening mark
//     to the last closing mark); a reported statement's Content is the
//     clause the cue introduces.
//   - A cue introduces at most one statement; a sentence holds at most one
//     reported statement.
//   - Speaker indexes Article.Mentions (the entity stage's layer) or is -1;
//     SpeakerSpan is set whenever a speaker was found, with or without a
//     mention.
//
// The stage runs in time linear in the text (each pronoun looks back a
// bounded number of tokens). Quotation marks that cannot be paired become
// diagnostics, and the rest of the article is still analysed.
//
// Knowledge is data: the reporting cues and their meanings are in
// data/cues.tsv, the word classes in data/words.tsv.
package quote

import (
	"fmt"
	"sort"

	"sitrep/news"
)

// Config configures the quote stage. The zero Config is the default.
type Config struct {
	// MinWords is the number of words from which a quoted fragment inside a
	// sentence counts as a direct quote; shorter fragments ("are
	// “absurd”") are scare quotes or partial quotes that belong to the
	// sentence around them. Default 4.
	MinWords int
	// Lookback bounds, in tokens, how far back a pronoun looks for the
	// mention it refers to. Default 400.
	Lookback int
}

// Stage is the quote stage. It is safe for concurrent use.
type Stage struct {
	cfg Config
	lx  *lexicon
	err error
}

// New returns the quote stage.
func New(cfg Config) *Stage {
	if cfg.MinWords <= 0 {
		cfg.MinWords = 4
	}
	if cfg.Lookback <= 0 {
		cfg.Lookback = 400
	}
	lx, err := loadLexicon()
	return &Stage{cfg: cfg, lx: lx, err: err}
}

// Name is "quote".
func (*Stage) Name() string { return "quote" }

// Requires segment (paragraphs) and entity (mentions, to link speakers).
func (*Stage) Requires() []string { return []string{"segment", "entity"} }

// Apply writes a.Quotes and diagnostics for quotation marks it could not
// pair. It returns an error only when the embedded lexicon is broken.
func (s *Stage) Apply(a *news.Article) error {
	if s.err != nil {
		return fmt.Errorf("quote: lexicon: %w", s.err)
	}
	a.Quotes = a.Quotes[:0]
	if a.Text == "" {
		return nil
	}
	an := analyzer{cfg: &s.cfg, lx: s.lx, a: a, text: a.Text}
	an.run()
	return nil
}

// A stmt is one statement found, before it becomes a news.Quote.
type stmt struct {
	content  news.Span
	cue      news.Span
	meaning  string
	direct   bool
	spkFrom  int // token range of the speaker words at the cue; spkFrom < 0: none
	spkTo    int
	channel  news.Span
	para     int
	speaker  news.Span // resolved speaker words
	ref      news.Span
	how      string
	kind     string
	sentence int
}

type analyzer struct {
	cfg   *Config
	lx    *lexicon
	a     *news.Article
	text  string
	paras []news.Span
	toks  []token
	sents []sentRange
	sent  []int32 // sentence of each token
	mask  []uint8 // per token: maskQuote inside a direct quote, maskUsed a cue taken
	cls   []class // per token: its word classes with classKnown once looked up
	quots []qseg
	stmts []stmt
	mord  []int32 // mentions in order of start (mentionIndex)
	// bySent lists the statements of each sentence (by the sentence of
	// their first token), before they are sorted.
	bySent map[int32][]int
	mmax   int // the longest mention, in bytes
}

const (
	maskQuote uint8 = 1 << iota
	maskUsed
	maskSkip // a continuation mark at the start of a paragraph
)

type sentRange struct{ first, end int }

func (an *analyzer) run() {
	an.paras = paragraphs(an.a)
	an.toks = tokenize(an.text, an.paras, make([]token, 0, len(an.text)/5+8))
	if len(an.toks) == 0 {
		return
	}
	an.mask = make([]uint8, len(an.toks))
	an.cls = make([]class, len(an.toks))
	an.pairMarks()
	an.pairSingles()
	an.splitSentences()
	for qi := range an.quots {
		an.classify(&an.quots[qi])
	}
	for qi := range an.quots {
		if q := &an.quots[qi]; q.direct {
			for i := q.open; i <= q.last; i++ {
				an.mask[i] |= maskQuote
			}
		}
	}
	// Cues next to a quote first, then reported speech, then the quotes
	// left take the cue of the reported statement around them ("said the
	// claims were “absurd and groundless”").
	di := make([]int, 0, len(an.quots))
	for qi := range an.quots {
		if an.quots[qi].direct {
			di = append(di, len(an.stmts))
			an.attributeDirect(&an.quots[qi])
		}
	}
	an.bySent = make(map[int32][]int, len(di))
	for _, i := range di {
		an.bySent[int32(an.stmts[i].sentence)] = append(an.bySent[int32(an.stmts[i].sentence)], i)
	}
	for si := range an.sents {
		n := len(an.stmts)
		an.reported(si)
		for i := n; i < len(an.stmts); i++ {
			an.bySent[int32(si)] = append(an.bySent[int32(si)], i)
		}
	}
	for _, i := range di {
		an.shareCue(i)
	}
	sort.SliceStable(an.stmts, func(i, j int) bool { return an.stmts[i].content.Start < an.stmts[j].content.Start })
	an.resolve()
	an.emit()
}

// emit turns the statements into news.Quotes, linked to mentions.
func (an *analyzer) emit() {
	for _, st := range an.stmts {
		q := news.Quote{
			Content:     st.content,
			Cue:         st.cue,
			Direct:      st.direct,
			Meaning:     st.meaning,
			Speaker:     -1,
			Channel:     st.channel,
			SpeakerSpan: st.speaker,
			Reference:   st.ref,
			Attribution: st.how,
			SourceKind:  st.kind,
			Outlet:      an.a.Meta.Outlet,
		}
		if q.Meaning == "" {
			q.Meaning = Say
		}
		if !st.speaker.IsZero() {
			if mi := an.mentionAt(st.speaker); mi >= 0 {
				q.Speaker = mi
				q.Actor = an.a.Mentions[mi].Actor
			}
		}
		an.a.Quotes = append(an.a.Quotes, q)
	}
}

// mentionIndex orders the mentions by start, once per article, so that
// looking mentions up near a span costs a search, not a scan.
func (an *analyzer) mentionIndex() {
	if an.mord != nil || len(an.a.Mentions) == 0 {
		return
	}
	an.mord = make([]int32, 0, len(an.a.Mentions))
	for i, m := range an.a.Mentions {
		if m.Span.Within(len(an.text)) {
			an.mord = append(an.mord, int32(i))
			an.mmax = max(an.mmax, m.Span.Len())
		}
	}
	sort.Slice(an.mord, func(i, j int) bool {
		return an.a.Mentions[an.mord[i]].Span.Start < an.a.Mentions[an.mord[j]].Span.Start
	})
}

// mentionsIn calls fn, in text order, with every mention that overlaps
// [lo, hi) or, when lo == hi, starts at lo.
func (an *analyzer) mentionsIn(lo, hi int, fn func(i int)) {
	an.mentionIndex()
	ms := an.a.Mentions
	j := sort.Search(len(an.mord), func(k int) bool { return ms[an.mord[k]].Span.Start >= lo-an.mmax })
	for ; j < len(an.mord); j++ {
		m := ms[an.mord[j]].Span
		if m.Start >= hi && !(lo == hi && m.Start == lo) {
			break
		}
		if m.End > lo || lo == hi && m.Start == lo {
			fn(int(an.mord[j]))
		}
	}
}

// mentionAt returns the mention that best covers s: the largest overlap,
// or -1.
func (an *analyzer) mentionAt(s news.Span) int {
	best, bestN := -1, 0
	an.mentionsIn(s.Start, s.End, func(i int) {
		m := an.a.Mentions[i]
		if n := min(m.Span.End, s.End) - max(m.Span.Start, s.Start); n > bestN {
			best, bestN = i, n
		}
	})
	return best
}
