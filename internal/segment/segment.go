// Package segment splits Article.Text into paragraphs, sentences and
// tokens: the segment stage.
//
// Invariants of the layers it writes, which the tests check:
//
//   - Tokens are in text order, do not overlap, are not empty, and contain
//     no white space. Every span lies on UTF-8 boundaries.
//   - Every token belongs to exactly one sentence and every sentence to one
//     paragraph: Sentence.First..End index Article.Tokens, the sentences
//     of a paragraph cover its tokens in order, and a sentence's span runs
//     from its first token's start to its last token's end. A paragraph's
//     span runs likewise from its first token to its last; a paragraph
//     without tokens is left out.
//   - Paragraphs are separated by blank lines; a bulleted line ("- ", "• ",
//     "* ", "1. ", "a) ") is a paragraph of its own.
//   - Possessive 's and the other English clitics are tokens of their own,
//     as in the Penn Treebank: "coalition's" is "coalition" + "'s", "don't"
//     is "do" + "n't"; a final apostrophe ("Damascus'") is a punct token.
//
// Rules for tokens are in token.go, for sentences in sentence.go, for
// paragraphs in paragraph.go. Word lists (abbreviations, sentence openers,
// reporting verbs) are data in data/, embedded.
//
// Time is linear in the length of the text: each rule looks at most a
// bounded distance ahead.
package segment

import (
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"

	"sitrep/news"
)

// Config configures the segment stage. The zero value is the default.
type Config struct{}

// Stage is the segment stage. It is safe for concurrent use.
type Stage struct {
	cfg Config
	lx  *lexicon
	err error
}

// New returns the segment stage.
func New(cfg Config) *Stage {
	lx, err := defaultLexicon()
	return &Stage{cfg: cfg, lx: lx, err: err}
}

// Name is "segment".
func (*Stage) Name() string { return "segment" }

// Requires extract, which writes Text.
func (*Stage) Requires() []string { return []string{"extract"} }

// Apply replaces a.Paragraphs, a.Sentences and a.Tokens with those of
// a.Text. Text that is not valid UTF-8 gets an error diagnostic and no
// layers (extract guarantees valid UTF-8; this guards other callers).
func (s *Stage) Apply(a *news.Article) error {
	if s.err != nil {
		return fmt.Errorf("segment: word lists: %w", s.err)
	}
	a.Paragraphs, a.Sentences, a.Tokens = nil, nil, nil
	if !utf8.ValidString(a.Text) {
		a.AddDiagnostic("segment", news.Error, news.Span{}, "invalid-utf8", "body text is not valid UTF-8; not segmented")
		return nil
	}
	a.Paragraphs, a.Sentences, a.Tokens = s.Segment(a.Text)
	return nil
}

// Segment returns the paragraphs, sentences and tokens of text, which must
// be valid UTF-8 (invalid bytes become symbol tokens of their own). It is a
// pure function of text.
func (s *Stage) Segment(text string) ([]news.Span, []news.Sentence, []news.Token) {
	if text == "" || s.lx == nil {
		return nil, nil, nil
	}
	// The layers are built in pooled memory and copied out at their
	// length: an estimate made up front is too small for one page in five
	// (the slice then grows by copying) and too large for the rest.
	sc := scratchPool.Get().(*scratch)
	if n := len(text)/5 + 1; cap(sc.toks) < n {
		sc.toks = make([]news.Token, 0, n)
	}
	if n := len(text)/120 + 1; cap(sc.sents) < n {
		sc.sents = make([]news.Sentence, 0, n)
	}
	tk := tokenizer{lx: s.lx, text: text, toks: sc.toks[:0]}
	sp := sentencer{lx: s.lx, text: text, sents: sc.sents[:0]}
	var blockBuf [32]block
	bs := blocks(text, blockBuf[:0])
	paras := make([]news.Span, 0, len(bs)) // a block makes at most one
	for _, b := range bs {
		first := len(tk.toks)
		tk.tokenize(b.start, b.end)
		last := len(tk.toks)
		if first == last {
			continue
		}
		sp.toks = tk.toks
		sp.split(len(paras), first, last, b.markerAt+b.marker)
		paras = append(paras, news.Span{Start: tk.toks[first].Span.Start, End: tk.toks[last-1].Span.End})
	}
	if len(paras) == 0 {
		paras = nil // as when no paragraph was appended
	}
	sents, toks := slices.Clone(sp.sents), slices.Clone(tk.toks)
	if cap(tk.toks) <= maxPooledTokens {
		sc.toks, sc.sents = tk.toks[:0], sp.sents[:0]
		scratchPool.Put(sc)
	}
	return paras, sents, toks
}

// scratch is the memory one Segment call works in.
type scratch struct {
	toks  []news.Token
	sents []news.Sentence
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledTokens caps the tokens a scratch keeps when it goes back to
// the pool, so that one huge text does not pin its memory.
const maxPooledTokens = 1 << 16
