package event

import (
	_ "embed"
	"math/bits"
	"strings"
)

//go:embed data/sports.tsv
var sportsTSV string

// sportsMinWords is how many different sports words make an article a
// sports report.
const sportsMinWords = 4

// sportsContext maps a sports word to its bit; sportsSense holds the
// trigger forms read as plays in a sports report.
var sportsContext, sportsSense = parseSports(sportsTSV)

func parseSports(src string) (map[string]int, map[string]bool) {
	ctx, sense := map[string]int{}, map[string]bool{}
	for _, line := range strings.Split(src, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		w, kind, _ := strings.Cut(line, "\t")
		switch kind {
		case "context":
			if len(ctx) < 128 {
				ctx[w] = len(ctx)
			}
		case "sense":
			sense[w] = true
		}
	}
	return ctx, sense
}

// noteSports records a sports word of the article.
func (r *reader) noteSports(low string) {
	if k, ok := sportsContext[low]; ok {
		r.sports[k/64] |= 1 << (k % 64)
	}
}

// sportsReport reports whether the article used enough different sports
// words to be a sports report.
func (r *reader) sportsReport() bool {
	return bits.OnesCount64(r.sports[0])+bits.OnesCount64(r.sports[1]) >= sportsMinWords
}

// sportsPlay reports whether event i of a sports report is a play or a
// result ("beat the Raiders", "two assists", "fired a shot") rather than
// violence: its trigger has a sports sense and it carries no toll.
func (r *reader) sportsPlay(i int) bool {
	e := &r.events[i]
	return len(e.Casualties) == 0 && sportsSense[lower(r.a.Text[e.Trigger.Start:e.Trigger.End])]
}
