package quote

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// The knowledge the stage uses is data: see data/cues.tsv and data/words.tsv.
var (
	//go:embed data/cues.tsv
	cuesTSV string
	//go:embed data/words.tsv
	wordsTSV string
)

// Meanings of reporting cues, the values of news.Quote.Meaning.
const (
	Say      = "say"
	Assert   = "assert"
	Deny     = "deny"
	Accuse   = "accuse"
	Announce = "announce"
	Demand   = "demand"
	Warn     = "warn"
	Concede  = "concede"
)

var meanings = map[string]bool{Say: true, Assert: true, Deny: true, Accuse: true, Announce: true, Demand: true, Warn: true, Concede: true}

// frame says where a cue's speaker and content stand.
type frame uint8

const (
	frameVerb frame = iota + 1 // subject says (that) …; inverted "said X"
	frameThat                  // as frameVerb, but only before a that-clause or beside a direct quote
	framePrep                  // "according to X"
)

// form is the inflection of a cue's first word.
type form uint8

const (
	formBase form = iota
	formS
	formPast
	formIng
)

// A cue is one entry of the cue lexicon, under one inflected first word.
type cue struct {
	rest    []string // lower-case words after the first
	lemma   string
	meaning string
	frame   frame
	form    form
}

// Word classes, a bit set.
type class uint32

const (
	cTitle class = 1 << iota
	cAbbrev
	cDet
	cAux
	cBe
	cStop
	cPrep
	cPronPerson
	cPronThing
	cPronPlural
	cInstitution
	cUnnamed
	cMedia
	cGeneric
	cDocument
	cSpeech
	cOrgEnd
)

const cPron = cPronPerson | cPronThing | cPronPlural

// classKnown marks a class the analyzer has cached for a token; no word
// class uses its bit.
const classKnown class = 1 << 31

var classNames = map[string]class{
	"title": cTitle, "abbrev": cAbbrev, "det": cDet, "aux": cAux, "be": cBe,
	"stop": cStop, "prep": cPrep, "pron-person": cPronPerson,
	"pron-thing": cPronThing, "pron-plural": cPronPlural,
	"institution": cInstitution, "unnamed": cUnnamed, "media": cMedia, "generic": cGeneric, "document": cDocument, "speech": cSpeech, "orgend": cOrgEnd,
}

// lexicon is the parsed data: cues by lower-case first word, classes by
// lower-case word. Read only after it is built.
type lexicon struct {
	cues  map[string][]cue
	words map[string]class
}

var loadLexicon = sync.OnceValues(func() (*lexicon, error) {
	return parseLexicon(cuesTSV, wordsTSV)
})

func parseLexicon(cuesData, wordsData string) (*lexicon, error) {
	lx := &lexicon{cues: make(map[string][]cue), words: make(map[string]class)}
	err := eachRow(cuesData, "cues.tsv", func(line int, f []string) error {
		if len(f) < 3 || len(f) > 4 {
			return fmt.Errorf("want 3 or 4 columns, have %d", len(f))
		}
		words := strings.Fields(strings.ToLower(f[0]))
		if len(words) == 0 {
			return fmt.Errorf("empty cue")
		}
		if !meanings[f[1]] {
			return fmt.Errorf("unknown meaning %q", f[1])
		}
		var fr frame
		switch f[2] {
		case "verb":
			fr = frameVerb
		case "that":
			fr = frameThat
		case "prep":
			fr = framePrep
		default:
			return fmt.Errorf("unknown frame %q", f[2])
		}
		var forms map[string]form
		if fr == framePrep {
			forms = map[string]form{words[0]: formBase}
		} else if len(f) == 4 && f[3] != "" {
			forms = explicitForms(words[0], strings.Split(f[3], ","))
		} else {
			forms = inflect(words[0])
		}
		for w, fm := range forms {
			lx.cues[w] = append(lx.cues[w], cue{rest: words[1:], lemma: f[0], meaning: f[1], frame: fr, form: fm})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(wordsData, "words.tsv", func(line int, f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want 2 columns, have %d", len(f))
		}
		c, ok := classNames[f[1]]
		if !ok {
			return fmt.Errorf("unknown class %q", f[1])
		}
		lx.words[f[0]] |= c
		return nil
	})
	if err != nil {
		return nil, err
	}
	return lx, nil
}

func eachRow(data, name string, fn func(line int, fields []string) error) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		t := strings.TrimRight(sc.Text(), " \r")
		if t == "" || t[0] == '#' {
			continue
		}
		if err := fn(n, strings.Split(t, "\t")); err != nil {
			return fmt.Errorf("quote: %s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// inflect gives the regular forms of an English verb.
func inflect(v string) map[string]form {
	m := map[string]form{v: formBase}
	last, _ := utf8.DecodeLastRuneInString(v)
	consY := strings.HasSuffix(v, "y") && len(v) > 1 && !strings.ContainsRune("aeiou", rune(v[len(v)-2]))
	switch {
	case consY:
		m[v[:len(v)-1]+"ies"] = formS
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") ||
		strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh"):
		m[v+"es"] = formS
	default:
		m[v+"s"] = formS
	}
	switch {
	case last == 'e':
		m[v+"d"] = formPast
	case consY:
		m[v[:len(v)-1]+"ied"] = formPast
	default:
		m[v+"ed"] = formPast
	}
	switch {
	case last == 'e' && !strings.HasSuffix(v, "ee") && !strings.HasSuffix(v, "ye"):
		m[v[:len(v)-1]+"ing"] = formIng
	default:
		m[v+"ing"] = formIng
	}
	return m
}

// explicitForms classifies forms listed in the data by their endings.
func explicitForms(base string, list []string) map[string]form {
	m := make(map[string]form, len(list))
	for _, w := range list {
		w = strings.TrimSpace(strings.ToLower(w))
		switch {
		case w == base:
			m[w] = formBase
		case strings.HasSuffix(w, "ing"):
			m[w] = formIng
		case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
			m[w] = formS
		default:
			m[w] = formPast
		}
	}
	return m
}
