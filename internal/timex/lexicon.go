package timex

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

//go:embed data/lexicon.tsv
var lexiconTSV string

// An entry is everything the lexicon says about one lower-case word. A
// zero field means the word is not of that class.
type entry struct {
	month    int    // 1..12
	weekday  int    // 1..7, Monday = 1
	weekdays int    // plural weekday ("Fridays"): a set
	num      int    // cardinal value
	vague    bool   // an unspecified count: several, few
	ord      int    // ordinal value; -1 for "last"/"final"
	unit     string // TS TM TH D N W F E M Q Y DE CE
	season   string // SP SU FA WI
	pod      string // MO AF EV NI MI DT
	rel      int    // -1, +1; relSet says whether rel is set (this = 0)
	relSet   bool
	deixis   string // D0 D-1 D+1 TNI ON PRESENT_REF PAST_REF FUTURE_REF
	mod      string // START END MID APPROX MORE_THAN LESS_THAN EQUAL_OR_MORE
	set      string // P1D P1W …
	every    bool
	tz       string   // Z or ±hh:mm
	tense    byte     // 'F' future, 'P' past, 'N' not a cue
	unitAdj  bool     // may stand between a count and its unit
	phrases  []phrase // fixed expressions that start with this word, longest first
}

// A phrase is a fixed multi-word expression and its value.
type phrase struct {
	text  string // lower case, words separated by one space
	value string // PRESENT_REF…, or MD:mm-dd
}

// lexicon maps lower-case words to entries. It is built once from the
// embedded data and only read afterwards, so it is safe for concurrent use.
type lexicon map[string]*entry

// parseLexicon reads the TSV format described in data/README.md.
func parseLexicon(src string) (lexicon, error) {
	lx := make(lexicon, 512)
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("lexicon line %d: want 3 tab-separated fields, have %d", n+1, len(f))
		}
		word, class, val := f[0], f[1], f[2]
		if class == "phrase" {
			key := word
			if i := strings.IndexAny(key, " '"); i >= 0 {
				key = key[:i]
			}
			if key == "" {
				return nil, fmt.Errorf("lexicon line %d: empty phrase", n+1)
			}
			e := lx[key]
			if e == nil {
				e = &entry{}
				lx[key] = e
			}
			e.phrases = append(e.phrases, phrase{text: word, value: val})
			sort.SliceStable(e.phrases, func(i, j int) bool { return len(e.phrases[i].text) > len(e.phrases[j].text) })
			continue
		}
		e := lx[word]
		if e == nil {
			e = &entry{}
			lx[word] = e
		}
		atoi := func() (int, error) {
			v, err := strconv.Atoi(val)
			if err != nil {
				return 0, fmt.Errorf("lexicon line %d: %s %q: %v", n+1, class, val, err)
			}
			return v, nil
		}
		var err error
		switch class {
		case "month":
			e.month, err = atoi()
		case "weekday":
			e.weekday, err = atoi()
		case "weekdays":
			e.weekdays, err = atoi()
		case "num":
			e.num, err = atoi()
		case "vague":
			e.vague = true
		case "ord":
			e.ord, err = atoi()
		case "unit":
			e.unit = val
		case "season":
			e.season = val
		case "pod":
			e.pod = val
		case "rel":
			e.rel, err = atoi()
			e.relSet = true
		case "deixis":
			e.deixis = val
		case "mod":
			e.mod = val
		case "set":
			e.set = val
		case "every":
			e.every = true
		case "word":
			// known to the grammar; nothing more to record
		case "unitadj":
			e.unitAdj = true
		case "tz":
			e.tz = val
		case "tense":
			if val != "F" && val != "P" && val != "N" {
				return nil, fmt.Errorf("lexicon line %d: tense %q: want F, P or N", n+1, val)
			}
			e.tense = val[0]
		default:
			return nil, fmt.Errorf("lexicon line %d: unknown class %q", n+1, class)
		}
		if err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// defaultLexicon is the embedded lexicon, parsed on first use by New.
func defaultLexicon() (lexicon, error) { return parseLexicon(lexiconTSV) }
