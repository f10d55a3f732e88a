package segment

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// An abbrevClass says how an abbreviation's period behaves.
type abbrevClass uint8

const (
	notAbbrev abbrevClass = iota
	// classGeneral: the period may also end the sentence (Inc., etc., Jan.).
	classGeneral
	// classNumber: an abbreviation only before a number (No. 5).
	classNumber
	// classTitle: stands before a name; the period never ends a sentence.
	classTitle
)

var (
	//go:embed data/abbreviations.txt
	abbreviationsData string
	//go:embed data/starters.txt
	startersData string
	//go:embed data/reporting.txt
	reportingData string
)

// A lexicon holds the word lists the segmenter consults. It is read-only
// after load and shared by every Stage.
type lexicon struct {
	abbrev    map[string]abbrevClass // entries without the final period
	starters  map[string]bool        // capitalised sentence openers
	reporting map[string]bool        // reporting verbs
}

// defaultLexicon parses the embedded lists once.
var defaultLexicon = sync.OnceValues(func() (*lexicon, error) {
	return parseLexicon(abbreviationsData, startersData, reportingData)
})

// parseLexicon parses the three lists (format in data/README.md).
func parseLexicon(abbrevs, starters, reporting string) (*lexicon, error) {
	lx := &lexicon{abbrev: map[string]abbrevClass{}}
	sections := map[string]abbrevClass{"title": classTitle, "number": classNumber, "general": classGeneral}
	class := notAbbrev
	err := eachLine(abbrevs, func(n int, line string) error {
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			c, ok := sections[line[1:len(line)-1]]
			if !ok {
				return fmt.Errorf("abbreviations.txt:%d: unknown section %s", n, line)
			}
			class = c
			return nil
		}
		if class == notAbbrev {
			return fmt.Errorf("abbreviations.txt:%d: entry %q before any section", n, line)
		}
		if strings.ContainsAny(line, " \t.") {
			return fmt.Errorf("abbreviations.txt:%d: entry %q holds a space or a period", n, line)
		}
		lx.addAbbrev(line, class)
		if r, _ := utf8.DecodeRuneInString(line); unicode.IsUpper(r) {
			lx.addAbbrev(strings.ToUpper(line), class)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if lx.starters, err = wordSet("starters.txt", starters); err != nil {
		return nil, err
	}
	if lx.reporting, err = wordSet("reporting.txt", reporting); err != nil {
		return nil, err
	}
	return lx, nil
}

// addAbbrev records w; a word listed in several sections keeps the
// strongest class (title over number over general).
func (lx *lexicon) addAbbrev(w string, c abbrevClass) {
	if lx.abbrev[w] < c {
		lx.abbrev[w] = c
	}
}

func wordSet(name, data string) (map[string]bool, error) {
	set := map[string]bool{}
	err := eachLine(data, func(n int, line string) error {
		if strings.ContainsAny(line, " \t") {
			return fmt.Errorf("%s:%d: entry %q holds a space", name, n, line)
		}
		set[line] = true
		return nil
	})
	return set, err
}

// eachLine calls f with every line of data that is not blank or a comment,
// trimmed, and its 1-based line number.
func eachLine(data string, f func(n int, line string) error) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if err := f(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}
