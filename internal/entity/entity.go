// Package entity is the entity stage: it finds the people, organisations,
// states, places and armed groups an article names, resolves each to an
// actor of the knowledge base (package actors) or to an actor built from
// the article's own words, and links short forms, pronouns and definite
// descriptions to the actor they stand for.
//
// Invariants of the layer it writes (Article.Mentions):
//
//   - Mentions are in text order, do not overlap, and every Span lies
//     inside Article.Text on UTF-8 boundaries.
//   - Antecedent is -1 or the index of an earlier mention of the same
//     actor; Resolution says how the actor was found: "kb" (a knowledge
//     base name, possibly misspelt: see the diagnostic), "context" (built
//     from the words around it: a title, a head word, "in X"), "coref" (a
//     short form, pronoun or description of an earlier mention),
//     "unresolved" (a name whose kind is a guess).
//   - A country or capital named as a place ("in Syria", "near Damascus")
//     is a mention of Type news.Location; named as an actor ("Russia
//     slammed", "Damascus said", "Moscow's decision") it is Type
//     news.State. The place stage resolves Location mentions and skips
//     spans of any other mention.
//
// The work is linear in the length of the text: names are found by a trie
// walk bounded by the longest alias, and links look back over a bounded
// window.
package entity

import (
	"sync"

	"sitrep/internal/kb/actors"
	"sitrep/internal/kb/gazetteer"
	"sitrep/news"
)

// Config configures the entity stage.
type Config struct {
	// KB is the actor knowledge base; nil loads the embedded one.
	KB *actors.KB
	// MaxNameUnits bounds an unknown name built from capitalised words;
	// longer runs (a page of capitals) are not names. 0 means 8.
	MaxNameUnits int
	// Gazetteer gives the country of a town the knowledge base does not
	// know ("the town of Cizre"); nil loads the embedded one (shared
	// with the place stage: it loads once per process).
	Gazetteer *gazetteer.Gazetteer
}

// Stage is the entity stage. It is safe for concurrent use.
type Stage struct {
	kb       *actors.KB
	maxUnits int
	w        wordBits
	docs     sync.Pool // *doc: scratch buffers reused across articles
	// titleSector is the sector of each canonical title ("President" →
	// government).
	titleSector map[string]string
	gaz         *gazetteer.Gazetteer
	iso3        map[string]string // ISO alpha-2 → alpha-3
}

// wordBits are the knowledge base's bits of the word classes the stage
// reads (actors.KB.ClassBit), resolved once.
type wordBits struct {
	function, calendar, notname, legal, org, place, placeprep, speech      actors.WordClasses
	pronounPerson, pronounPlural, connector, led, backed, alignhead        actors.WordClasses
	coalitionhead, grouphead, first, titlemod                              actors.WordClasses
	desc, descCoalition, descGroup, descMinistry, descCompany, descCountry actors.WordClasses
	bodyGov, bodyLeg, bodyJud, bodyParty                                   actors.WordClasses
}

func newWordBits(kb *actors.KB) wordBits {
	b := kb.ClassBit
	return wordBits{function: b("function"), calendar: b("calendar"), notname: b("notname"), legal: b("legal"),
		org: b("org"), place: b("place"), placeprep: b("placeprep"), speech: b("speech"),
		pronounPerson: b("pronoun-person"), pronounPlural: b("pronoun-plural"), connector: b("connector"),
		led: b("led"), backed: b("backed"), alignhead: b("alignhead"), coalitionhead: b("coalitionhead"),
		grouphead: b("grouphead"), titlemod: b("titlemod"), first: b(actors.FirstNameClass), desc: b("description-*"),
		descCoalition: b("description-coalition"), descGroup: b("description-group"), descMinistry: b("description-ministry"),
		descCompany: b("description-company"), descCountry: b("description-country"),
		bodyGov: b("body-government"), bodyLeg: b("body-legislature"), bodyJud: b("body-judiciary"), bodyParty: b("body-party")}
}

// New returns the entity stage. It fails only when the embedded knowledge
// base or gazetteer does not load.
func New(cfg Config) (*Stage, error) {
	kb := cfg.KB
	if kb == nil {
		var err error
		if kb, err = actors.Load(); err != nil {
			return nil, err
		}
	}
	n := cfg.MaxNameUnits
	if n <= 0 {
		n = 8
	}
	ts := make(map[string]string, len(kb.Titles))
	for _, t := range kb.Titles {
		if t.Sector != "" {
			ts[t.Canonical] = t.Sector
		}
	}
	gz := cfg.Gazetteer
	if gz == nil {
		var err error
		if gz, err = gazetteer.Load(); err != nil {
			return nil, err
		}
	}
	iso3 := make(map[string]string, len(kb.Countries))
	for _, c := range kb.Countries {
		if c.ISO2 != "" {
			iso3[c.ISO2] = c.ISO3
		}
	}
	return &Stage{kb: kb, maxUnits: n, w: newWordBits(kb), titleSector: ts, gaz: gz, iso3: iso3}, nil
}

// Name is "entity".
func (*Stage) Name() string { return "entity" }

// Requires the segment stage's sentences and tokens.
func (*Stage) Requires() []string { return []string{"segment"} }

// Apply writes a.Mentions. When the article has no tokens it splits the
// text itself.
func (s *Stage) Apply(a *news.Article) error {
	a.Mentions = a.Mentions[:0]
	if a.Text == "" {
		return nil
	}
	toks, sents := a.Tokens, a.Sentences
	if len(toks) == 0 {
		toks, sents = tokenize(a.Text, s.kb)
	} else if !sentencesIndexTokens(sents, len(toks)) {
		sents = []news.Sentence{{Span: news.Span{Start: 0, End: len(a.Text)}, First: 0, End: len(toks)}}
	}
	d := newDoc(s, a, toks, sents)
	d.detect()
	d.link()
	d.emit()
	d.free()
	return nil
}

// sentencesIndexTokens reports whether the sentences cover the tokens by
// valid, ordered index ranges.
func sentencesIndexTokens(ss []news.Sentence, n int) bool {
	if len(ss) == 0 {
		return false
	}
	prev := 0
	for _, s := range ss {
		if s.First < prev || s.End < s.First || s.End > n {
			return false
		}
		prev = s.End
	}
	return ss[len(ss)-1].End > 0
}
