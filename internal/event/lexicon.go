package event

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

//go:embed data/ontology.tsv
var ontologyTSV string

//go:embed data/patterns.tsv
var patternsTSV string

// wordnetTSV holds the event words WordNet proposed and a person kept
// (same format as patterns.tsv; gen/wordnet lists the candidates).
//
//go:embed data/wordnet.tsv
var wordnetTSV string

// A Code is one row of the ontology: a PLOVER type and mode with its CAMEO
// code, QuadClass, Goldstein score and ACLED types.
type Code struct {
	Type, Mode           string
	CAMEO                string
	Quad                 int
	Goldstein            float64
	ACLEDEvent, ACLEDSub string
}

// Root is the two-digit CAMEO root of the code; Base its three-digit base.
func (c Code) Root() string { return prefix(c.CAMEO, 2) }

// Base is the three-digit CAMEO base code.
func (c Code) Base() string { return prefix(c.CAMEO, 3) }

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

// Ontology maps PLOVER types and modes to their codes.
type Ontology struct {
	codes map[string]Code // "TYPE/mode"
}

// Types lists the PLOVER event types.
var Types = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// Lookup returns the code of a type and mode, falling back to the type's
// default row when the mode has none. ok is false for an unknown type.
func (o *Ontology) Lookup(typ, mode string) (Code, bool) {
	if c, ok := o.codes[typ+"/"+mode]; ok {
		return c, true
	}
	c, ok := o.codes[typ+"/"]
	return c, ok
}

// LoadOntology parses the embedded ontology table.
func LoadOntology() (*Ontology, error) { return parseOntology(ontologyTSV) }

func parseOntology(src string) (*Ontology, error) {
	o := &Ontology{codes: map[string]Code{}}
	for n, line := range strings.Split(src, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("ontology.tsv:%d: %d fields, want 7", n+1, len(f))
		}
		q, err := strconv.Atoi(f[3])
		if err != nil {
			return nil, fmt.Errorf("ontology.tsv:%d: quad class: %w", n+1, err)
		}
		g, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			return nil, fmt.Errorf("ontology.tsv:%d: goldstein: %w", n+1, err)
		}
		o.codes[f[0]+"/"+f[1]] = Code{Type: f[0], Mode: f[1], CAMEO: f[2], Quad: q, Goldstein: g, ACLEDEvent: f[5], ACLEDSub: f[6]}
	}
	for _, t := range Types {
		if _, ok := o.codes[t+"/"]; !ok {
			return nil, fmt.Errorf("ontology.tsv: no default row for %s", t)
		}
	}
	return o, nil
}

// Entry kinds besides the PLOVER types.
const (
	kindLight    = "LIGHT"
	kindReport   = "REPORT"
	kindCasualty = "CASUALTY"
	kindNone     = "NONE"
	kindCrowd    = "CROWD"
)

// Forms of a matched word, as the inflector made them.
const (
	formBase = iota
	formS    // 3rd person singular or noun plural
	formPast // simple past
	formPart // past participle
	formIng  // present participle / gerund
)

// An entry is one line of the pattern lexicon in one surface form.
type entry struct {
	words []string // lower-case surface words
	verb  bool
	kind  string // PLOVER type, LIGHT, REPORT or CASUALTY
	mode  string
	form  int
	of    bool // content follows "of"
	to    bool // content follows "to", done by the object: "urge X to Y"
	sto   bool // content follows "to", done by the subject: "threaten to Y"
	weak  bool
	recip bool
	// speaker: a dismissal adjective ("the claims are absurd"); its source
	// is the speaker who says so.
	speaker bool
	// sep: a phrasal verb whose particle may follow its object: "held
	// three aid workers hostage", "forced the rebels out".
	sep bool
}

// A Lexicon finds pattern entries by their first surface word.
type Lexicon struct {
	byFirst map[string][]*entry
	frames  map[string][]*frameHead // object frames by first surface word
	// first joins byFirst and frames, so that matching looks each word
	// up once.
	first map[string]*lexWord
}

// lexWord is what the lexicon holds for one first surface word.
type lexWord struct {
	entries []*entry
	frames  []*frameHead
}

// LoadLexicon parses the embedded pattern lexicon.
func LoadLexicon() (*Lexicon, error) {
	lx, err := parseLexicon(patternsTSV)
	if err != nil {
		return nil, err
	}
	if err := lx.parse("wordnet.tsv", wordnetTSV); err != nil {
		return nil, err
	}
	if err := parseFrames(framesTSV, lx); err != nil {
		return nil, err
	}
	lx.first = map[string]*lexWord{}
	for k, es := range lx.byFirst {
		lx.first[k] = &lexWord{entries: es}
	}
	for k, fs := range lx.frames {
		if lx.first[k] == nil {
			lx.first[k] = &lexWord{}
		}
		lx.first[k].frames = fs
	}
	return lx, nil
}

func parseLexicon(src string) (*Lexicon, error) {
	lx := &Lexicon{byFirst: map[string][]*entry{}}
	if err := lx.parse("patterns.tsv", src); err != nil {
		return nil, err
	}
	return lx, nil
}

// parse adds the lines of one pattern file; name is for errors. A word
// already read keeps its earlier readings first.
func (lx *Lexicon) parse(name, src string) error {
	for n, line := range strings.Split(src, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			return fmt.Errorf("%s:%d: %d fields, want at least 4", name, n+1, len(f))
		}
		var e entry
		switch f[1] {
		case "V":
			e.verb = true
		case "N":
		default:
			return fmt.Errorf("%s:%d: pos %q, want V or N", name, n+1, f[1])
		}
		e.kind, e.mode = f[2], f[3]
		if len(f) > 4 {
			for _, fl := range strings.Split(f[4], ",") {
				switch strings.TrimSpace(fl) {
				case "of":
					e.of = true
				case "to":
					e.to = true
				case "sto":
					e.sto = true
				case "weak":
					e.weak = true
				case "recip":
					e.recip = true
				case "speaker":
					e.speaker = true
				case "sep":
					e.sep = true
				case "":
				default:
					return fmt.Errorf("%s:%d: unknown flag %q", name, n+1, fl)
				}
			}
		}
		for _, form := range inflect(f[0], e.verb) {
			ee := e
			ee.words = strings.Fields(form.s)
			ee.form = form.form
			lx.add(&ee)
		}
	}
	return nil
}

func (lx *Lexicon) add(e *entry) {
	k := e.words[0]
	for _, o := range lx.byFirst[k] {
		if o.kind == e.kind && o.mode == e.mode && o.verb == e.verb && slices.Equal(o.words, e.words) {
			return
		}
	}
	lx.byFirst[k] = append(lx.byFirst[k], e)
}

type surface struct {
	s    string
	form int
}

// inflect returns the surface forms of a lexicon head: a verb inflects on
// its first word ("carry out" → "carried out"), a noun on its last.
// "strike/struck/struck" gives the irregular past and participle.
func inflect(head string, verb bool) []surface {
	parts := strings.Split(head, "/")
	words := strings.Fields(parts[0])
	if len(words) == 0 {
		return nil
	}
	if !verb && len(parts) > 1 {
		return []surface{{parts[0], formBase}}
	}
	if !verb {
		last := words[len(words)-1]
		rest := strings.Join(words[:len(words)-1], " ")
		join := func(w string) string {
			if rest == "" {
				return w
			}
			return rest + " " + w
		}
		return []surface{{join(last), formBase}, {join(plural(last)), formS}}
	}
	lemma := words[0]
	rest := ""
	if len(words) > 1 {
		rest = " " + strings.Join(words[1:], " ")
	}
	past, part := regularPast(lemma), ""
	if len(parts) >= 3 {
		past, part = firstWord(parts[1]), firstWord(parts[2])
	} else {
		part = past
	}
	return []surface{
		{lemma + rest, formBase},
		{plural(lemma) + rest, formS},
		{past + rest, formPast},
		{part + rest, formPart},
		{ing(lemma, past, len(parts) < 3) + rest, formIng},
	}
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return s
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	case len(w) > 1 && w[len(w)-1] == 'y' && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

func regularPast(w string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case len(w) > 1 && w[len(w)-1] == 'y' && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ied"
	}
	return w + "ed"
}

func ing(lemma, past string, regular bool) string {
	switch {
	case strings.HasSuffix(lemma, "ie"):
		return lemma[:len(lemma)-2] + "ying"
	case strings.HasSuffix(lemma, "ee"), strings.HasSuffix(lemma, "ye"):
		return lemma + "ing"
	case strings.HasSuffix(lemma, "e") && len(lemma) > 2:
		return lemma[:len(lemma)-1] + "ing"
	}
	// A doubled final consonant in the past ("banned", "kidnapped") doubles
	// in the gerund too.
	if strings.HasSuffix(past, "ed") && len(past) == len(lemma)+3 && past[:len(lemma)] == lemma {
		return past[:len(past)-2] + "ing"
	}
	if !regular && len(lemma) >= 3 {
		// Irregular verbs: double a final consonant after one short vowel
		// (hit → hitting, shoot → shooting stays).
		c, v, b := lemma[len(lemma)-1], lemma[len(lemma)-2], lemma[len(lemma)-3]
		if !isVowel(c) && isVowel(v) && !isVowel(b) && c != 'w' && c != 'y' && c != 'x' {
			return lemma + string(c) + "ing"
		}
	}
	return lemma + "ing"
}
