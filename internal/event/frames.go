package event

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/frames.tsv
var framesTSV string

// A frame is one line of data/frames.tsv: verbs (or nouns) whose PLOVER
// type depends on the head noun of their object ("lift restrictions" →
// CONCEDE, "impose restrictions" → SANCTION).
type frame struct {
	objects map[string]bool // object head nouns, singular and plural
	prep    string          // a preposition that may stand before the object: "hit X with sanctions"
}

// A frameHead is one surface form of a frame's verb or noun, with the
// entry it codes when its object is found.
type frameHead struct {
	words []string
	e     *entry
	f     *frame
}

// maxFrameGap bounds the words between a frame's verb and its object head.
const maxFrameGap = 9

func parseFrames(src string, lx *Lexicon) error {
	lx.frames = map[string][]*frameHead{}
	for n, line := range strings.Split(src, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 && len(f) != 6 {
			return fmt.Errorf("frames.tsv:%d: %d fields, want 5 or 6", n+1, len(f))
		}
		verb := f[1] == "V"
		if !verb && f[1] != "N" {
			return fmt.Errorf("frames.tsv:%d: pos %q, want V or N", n+1, f[1])
		}
		if !isPlover(f[3]) && f[3] != kindNone {
			return fmt.Errorf("frames.tsv:%d: type %q is no PLOVER type or NONE", n+1, f[3])
		}
		fr := &frame{objects: map[string]bool{}}
		if len(f) == 6 {
			fr.prep = strings.TrimSpace(f[5])
		}
		for _, o := range strings.Split(f[2], ",") {
			if o = strings.TrimSpace(o); o != "" {
				fr.objects[o] = true
				fr.objects[plural(o)] = true
			}
		}
		for _, head := range strings.Split(f[0], ",") {
			for _, form := range inflect(strings.TrimSpace(head), verb) {
				e := &entry{words: strings.Fields(form.s), verb: verb, kind: f[3], mode: f[4], form: form.form}
				k := e.words[0]
				lx.frames[k] = append(lx.frames[k], &frameHead{words: e.words, e: e, f: fr})
			}
		}
	}
	return nil
}

// matchFrame reports whether one of heads (the frame words starting with
// word i) starts at word i with
// its object head after it (or, for a passive participle, just before it:
// "sanctions were lifted"). It returns the candidate for the verb, the
// index of the object head, and ok.
func (r *reader) matchFrame(i int, heads []*frameHead) (c cand, obj int, ok bool) {
	ws := r.ws
	for _, fh := range heads {
		if !matchWords(ws, i, fh.words) {
			continue
		}
		end := i + len(fh.words)
		if j := r.frameObject(fh, end); j >= 0 {
			if r.lightTakes(i, end, j, fh.e.kind) {
				return cand{}, -1, false // "delivered humanitarian aid": the noun's mode
			}
			return cand{i: i, n: len(fh.words), entries: []*entry{fh.e}, frame: true}, j, true
		}
		if fh.e.verb && (fh.e.form == formPart || fh.e.form == formPast) {
			if j := r.frameObjectBefore(fh, i); j >= 0 {
				return cand{i: i, n: len(fh.words), entries: []*entry{fh.e}, frame: true}, j, true
			}
		}
	}
	return cand{}, -1, false
}

// frameObject returns the word index of fh's object head after word i,
// or -1: the words between may be determiners, adjectives, numbers,
// mentions, "of", or a measure ("by one hour").
func (r *reader) frameObject(fh *frameHead, i int) int {
	ws := r.ws
	for j := i; j < len(ws) && j-i < maxFrameGap; j++ {
		w := &ws[j]
		if fh.f.objects[w.low] || fh.f.objects[scoreObject] && r.score(j) {
			return j // also inside a mention: "sent Russian troops"
		}
		if w.mention >= 0 {
			continue
		}
		switch {
		case (w.low == "'s" || w.low == "’s") && j > i:
			continue // "attacked the government's policy"
		case w.punct, subordinators[w.low], coordinators[w.low], beForms[w.low]:
			return -1
		case w.low == "by" && j+1 < len(ws) && (ws[j+1].number || isNumberWord(ws[j+1].low)):
			continue // "shortened by one hour the curfew"
		case prepositions[w.low] && w.low != "of" && w.low != fh.f.prep:
			return -1
		case r.verbWord(w.low) && !(j > i && determiners[ws[j-1].low]):
			return -1 // not after an article: "a free upgrade"
		}
	}
	return -1
}

// frameObjectBefore returns the word index of fh's object head before the
// participle at word i, over forms of "be", adverbs and a prepositional
// phrase; -1.
func (r *reader) frameObjectBefore(fh *frameHead, i int) int {
	ws := r.ws
	for j := i - 1; j >= 0 && i-j <= 7; j-- {
		w := ws[j].low
		if ws[j].mention < 0 && fh.f.objects[w] {
			return j
		}
		// "sanctions on X were lifted": a prepositional phrase may follow
		// the object.
		if ws[j].mention >= 0 || w == "on" || w == "against" || w == "of" || w == "for" || (w == "which" || w == "that") && j+1 < i && beForms[ws[j+1].low] {
			continue
		}
		// "The chart, provided by X,": a reduced relative after a comma.
		if w == "," && j == i-1 && i+1 < len(ws) && ws[i+1].low == "by" {
			continue
		}
		if !(beForms[w] || w == "has" || w == "have" || w == "had" || fillers[w] || strings.HasSuffix(w, "ly")) {
			return -1
		}
	}
	return -1
}

// verbWord reports whether w is a one-word event or reporting verb of the
// lexicon: it ends a frame's object search.
func (r *reader) verbWord(w string) bool {
	for _, e := range r.s.lex.byFirst[w] {
		if e.verb && len(e.words) == 1 && (isPlover(e.kind) || e.kind == kindReport) && e.form != formPart {
			return true
		}
	}
	return false
}

// scoreObject is the frames.tsv object that stands for a match score.
const scoreObject = "#score"

// score reports whether word j is a match score: "3-1", "6–0", or the
// same split into number, dash, number.
func (r *reader) score(j int) bool {
	ws := r.ws
	w := ws[j].low
	if !ws[j].number {
		return false
	}
	k := 0
	for k < len(w) && w[k] >= '0' && w[k] <= '9' {
		k++
	}
	if k > 0 && k <= 3 {
		rest := w[k:]
		for _, dash := range []string{"-", "–"} {
			if t, ok := strings.CutPrefix(rest, dash); ok && len(t) > 0 && len(t) <= 3 && strings.Trim(t, "0123456789") == "" {
				return true
			}
		}
		if rest == "" && j+2 < len(ws) && (ws[j+1].low == "-" || ws[j+1].low == "–") && ws[j+2].number && len(ws[j+2].low) <= 3 {
			return true
		}
	}
	return false
}

func isNumberWord(w string) bool {
	_, ok := numberWords[w]
	return ok
}

// lightTakes reports whether a light verb at word i (ending at end) would
// take the object noun at word obj itself, with the same type: the noun
// then gives the mode ("delivered humanitarian aid").
func (r *reader) lightTakes(i, end, obj int, kind string) bool {
	light := false
	for _, e := range r.s.lex.byFirst[r.ws[i].low] {
		light = light || e.kind == kindLight
	}
	if !light {
		return false
	}
	for j := end; j < obj; j++ {
		if r.ws[j].mention >= 0 {
			return false
		}
	}
	for j := end; j <= obj; j++ {
		for _, e := range r.s.lex.byFirst[r.ws[j].low] {
			if !e.verb && e.kind == kind && matchWords(r.ws, j, e.words) && j+len(e.words)-1 == obj {
				return true
			}
		}
	}
	return false
}
