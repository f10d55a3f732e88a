package place

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/lexicon.tsv
var lexiconData string

// lexicon holds the context words of data/lexicon.tsv by kind.
type lexicon struct {
	stop, connector, article, direction, point, verb, prefix, suffix, title, eponym, speech map[string]bool
	// common holds the most frequent English words (data/common-english.txt).
	common map[string]bool
	// Multi-word cues are kept as word lists (hyphenated words split),
	// matched backwards from a name.
	near, town, locative [][]string
}

func parseLexicon(s string) (*lexicon, error) {
	lx := &lexicon{}
	sets := map[string]*map[string]bool{
		"stop": &lx.stop, "connector": &lx.connector, "article": &lx.article,
		"direction": &lx.direction, "point": &lx.point, "verb": &lx.verb,
		"prefix": &lx.prefix, "suffix": &lx.suffix, "title": &lx.title, "eponym": &lx.eponym, "speech": &lx.speech,
	}
	phrases := map[string]*[][]string{"near": &lx.near, "town": &lx.town, "locative": &lx.locative}
	for _, m := range sets {
		*m = make(map[string]bool)
	}
	for n, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		kind, phrase, ok := strings.Cut(line, "\t")
		if !ok || phrase == "" {
			return nil, fmt.Errorf("place lexicon line %d: want kind<TAB>phrase", n+1)
		}
		if m, ok := sets[kind]; ok {
			(*m)[phrase] = true
		} else if p, ok := phrases[kind]; ok {
			// Hyphenated words are compared part by part, as tokenize
			// splits them: "north-east of" → north, east, of.
			*p = append(*p, strings.FieldsFunc(phrase, func(r rune) bool { return r == ' ' || r == '-' }))
		} else {
			return nil, fmt.Errorf("place lexicon line %d: unknown kind %q", n+1, kind)
		}
	}
	lx.common = make(map[string]bool)
	for _, w := range strings.Fields(commonData) {
		lx.common[w] = true
	}
	return lx, nil
}

//go:embed data/common-english.txt
var commonData string
