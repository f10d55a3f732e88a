// Package place is the place stage: it finds the toponyms of an article's
// Text and resolves each to an entry of the gazetteer, with coordinates, a
// country, a first-level region and a precision following ACLED's
// geo_precision.
//
// Recognition looks up capitalised word sequences (and lower-case Arabic
// articles before a capitalised word: al-Tanf) in the gazetteer by their
// transliteration key, longest first. Context words (data/lexicon.tsv) mark
// a name as near a point ("near al-Tanf", "north-east of At Tanf"), a region
// ("southern Syria", "Deir ez-Zor province", "the south of the country") or
// an actor rather than a place ("Damascus said", "pro-Damascus").
//
// Disambiguation scores every candidate entry by its class, population and
// spelling, by cue words ("X province", "the town of X", "the Syrian town
// of X"), then by the article's other places: the share of them in the
// candidate's country, its first-level region, places within 300 km, a
// following "X, Y" qualifier, the class and country of the other names of
// a list, and the country of the outlet's domain. A first-level region's
// largest city of the same name is preferred to the region ("New York")
// unless a cue says region. A small town or region matched only loosely
// (spelt unlike its entry) that no other name of its country corroborates
// is dropped. Weights are constants in resolve.go.
//
// Invariants: Places are in text order, do not overlap, and their spans lie
// inside Text on UTF-8 boundaries. A span that overlaps an entity mention of
// a type other than news.Location is not a place, except a state mention
// after a locative preposition ("in Syria", "in southern Syria", "the
// border with Iraq and Jordan") and a mention whose kind the entity stage
// only guessed (Resolution "unresolved") when the gazetteer knows the
// name. Apply takes time linear in the length of Text (each name tries a
// bounded number of lengths and is compared with a bounded number of
// places) and is safe for concurrent use.
package place

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"sitrep/internal/kb/gazetteer"
	"sitrep/news"
)

// Config configures the place stage.
type Config struct {
	// Gazetteer resolves names; nil loads the embedded one.
	Gazetteer *gazetteer.Gazetteer
	// MaxNameTokens bounds the words of one name; 0 means 7.
	MaxNameTokens int
}

// Stage is the place stage. It is safe for concurrent use.
type Stage struct {
	g      *gazetteer.Gazetteer
	lx     *lexicon
	maxTok int
	pool   sync.Pool // *work
}

// New returns the place stage.
func New(cfg Config) (*Stage, error) {
	g := cfg.Gazetteer
	if g == nil {
		var err error
		if g, err = gazetteer.Load(); err != nil {
			return nil, fmt.Errorf("place: %w", err)
		}
	}
	lx, err := parseLexicon(lexiconData)
	if err != nil {
		return nil, err
	}
	s := &Stage{g: g, lx: lx, maxTok: cfg.MaxNameTokens}
	if s.maxTok <= 0 {
		s.maxTok = 7
	}
	s.pool.New = func() any { return new(work) }
	return s, nil
}

// Name is "place".
func (*Stage) Name() string { return "place" }

// Requires entity, whose mentions say which names are actors.
func (*Stage) Requires() []string { return []string{"entity"} }

// Apply replaces a.Places with the places of a.Text. Text that is not
// valid UTF-8 gets an error diagnostic and no places (extract guarantees
// valid UTF-8; this guards other callers).
func (s *Stage) Apply(a *news.Article) error {
	a.Places = a.Places[:0]
	if !utf8.ValidString(a.Text) {
		a.AddDiagnostic("place", news.Error, news.Span{}, "place-invalid-utf8", "text is not valid UTF-8; no places were searched")
		return nil
	}
	w := s.pool.Get().(*work)
	defer s.pool.Put(w)
	w.reset(a.Text)
	w.tokens = tokenize(a.Text, w.tokens)
	if len(w.tokens) == maxTokens {
		a.AddDiagnostic("place", news.Warning, news.Span{}, "place-text-too-long",
			fmt.Sprintf("only the first %d words were searched for places", maxTokens))
	}
	w.actors = actorSpans(a.Mentions, w.actors)
	s.recognise(w, a)
	s.resolve(w, a)
	a.Places = s.emit(w, a.Places[:0])
	return nil
}

// actorSpans returns the spans of mentions that are not places, sorted.
func actorSpans(ms []news.Mention, dst []actorSpan) []actorSpan {
	for _, m := range ms {
		if m.Type != news.Location {
			dst = append(dst, actorSpan{m.Span, m.Type == news.State, m.Resolution == "unresolved"})
		}
	}
	sort.Slice(dst, func(i, j int) bool { return dst[i].Start < dst[j].Start })
	return dst
}

type actorSpan struct {
	news.Span
	state bool // a state actor: still a place after a locative ("in Syria")
	guess bool // the entity stage guessed its kind: the gazetteer may know better
}

// outletCountry guesses the outlet's country from its URL's top-level
// domain: "www.bbc.co.uk" → GB.
func (s *Stage) outletCountry(a *news.Article) string {
	raw := a.Meta.URL
	if raw == "" {
		raw = a.Meta.CanonicalURL
	}
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	host := u.Hostname()
	if i := strings.LastIndexByte(host, '.'); i >= 0 {
		return s.g.CountryOfTLD(host[i:])
	}
	return ""
}
