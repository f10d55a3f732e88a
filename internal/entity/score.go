package entity

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"sitrep/internal/eval"
	"sitrep/internal/eval/meantime"
	"sitrep/internal/kb/actors"
	"sitrep/news"
)

// Scorer scores the entity stage on the names of the MEANTIME corpus
// (NewsReader, CC BY 4.0): `sitrep eval entities`.
//
// Gold: the ENTITY_MENTION elements of syntactic type NAM whose entity is a
// person, organisation or location (PER, ORG, LOC), in the six sentences of
// each document that are annotated (title, date line, first four
// sentences). A gold mention is a whole noun phrase ("Uralsib analyst Chris
// Weafer"); the name is cut out of it by one fixed rule (goldName): the
// first run of capitalised tokens when a comma, bracket or preposition
// follows it ("Washington, in the United States"), otherwise the last run,
// without a leading "The" and, for a person, without the titles before the
// name.
//
// Predictions: the stage's mentions that are names (a capitalised word, not
// a pronoun), typed person → PER, organization and group → ORG, place and
// state → LOC (MEANTIME has no GPE type: countries are locations). A
// prediction that overlaps no gold name but overlaps another gold mention
// (a product, a financial index, a premodifier such as "German") is left
// out of the count: the corpus does not say whether it is wrong.
//
// The headline figure is exact match of span and type; "untyped" and
// "overlap" (one-to-one, same type, any shared byte) figures are in
// Metrics. Documents are split by FNV-32a hash of their id: one in five is
// held out ("held_out"), never looked at while writing the stage.
func Scorer() eval.Scorer {
	return eval.Scorer{
		Name: "entities",
		Data: "meantime",
		Doc:  "names of people, organisations and places (MEANTIME, 120 Wikinews articles)",
		Run:  runScore,
	}
}

// annotated is the number of leading sentences MEANTIME annotates.
const annotated = 6

// HeldOut reports whether a MEANTIME document is in the held-out part.
func HeldOut(docID string) bool {
	return eval.HeldOut(docID, 5)
}

type named struct {
	span news.Span
	typ  string
	// id is the gold cross-document instance, or the predicted actor id.
	id string
}

type tally struct{ tp, fp, fn, n int }

func (t *tally) add(o tally) { t.tp += o.tp; t.fp += o.fp; t.fn += o.fn; t.n += o.n }
func (t tally) score() eval.Score {
	return eval.PRF(t.tp, t.fp, t.fn, t.n)
}

func runScore(ctx context.Context, dir string) (*eval.Report, error) {
	docs, err := meantime.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	kb, err := actors.Load()
	if err != nil {
		return nil, err
	}
	st, err := New(Config{KB: kb})
	if err != nil {
		return nil, err
	}
	var all, untyped, overlap tally
	var pairs [][2]string // (gold instance, predicted actor) of each name found exactly
	sub := map[string]*tally{"dev": {}, "held_out": {}}
	subOverlap := map[string]*tally{"dev": {}, "held_out": {}}
	byType := map[string]*tally{"PER": {}, "ORG": {}, "LOC": {}}
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a, gold, ignore := meantimeArticle(d, kb)
		if err := st.Apply(a); err != nil {
			return nil, fmt.Errorf("entities: document %s: %w", d.ID, err)
		}
		limit := len(a.Text)
		if len(a.Sentences) > annotated {
			limit = a.Sentences[annotated].Span.Start
		}
		pred := predictions(a, kb, limit, gold, ignore)
		part := "dev"
		if HeldOut(d.ID) {
			part = "held_out"
		}
		pairs = append(pairs, aligned(d.ID, gold, pred)...)
		ex, bt := match(gold, pred, true, false)
		all.add(ex)
		sub[part].add(ex)
		for k, v := range bt {
			byType[k].add(v)
		}
		ut, _ := match(gold, pred, false, false)
		untyped.add(ut)
		ov, _ := match(gold, pred, true, true)
		overlap.add(ov)
		subOverlap[part].add(ov)
	}
	r := &eval.Report{Task: "entities", Data: dir, Score: all.score(),
		ByType: map[string]eval.Score{}, Subsets: map[string]eval.Score{}, Metrics: map[string]float64{}}
	for k, v := range byType {
		r.ByType[k] = v.score()
	}
	for k, v := range sub {
		r.Subsets[k] = v.score()
	}
	r.Metrics["untyped_f1"] = untyped.score().F1
	r.Metrics["overlap_f1"] = overlap.score().F1
	r.Metrics["overlap_f1_dev"] = subOverlap["dev"].score().F1
	r.Metrics["overlap_f1_held_out"] = subOverlap["held_out"].score().F1
	p, rc := bcubed(pairs)
	r.Metrics["alias_b3_precision"] = p
	r.Metrics["alias_b3_recall"] = rc
	r.Metrics["alias_b3_f1"] = eval.F1(p, rc)
	r.Notes = []string{
		"alias_b3: B-cubed clustering of the names found exactly, across all documents: gold clusters are MEANTIME's cross-document instances, predicted clusters the stage's actor ids",
		"gold: NAM mentions of PER/ORG/LOC in the 6 annotated sentences, name cut out of the noun phrase (see entity.Scorer)",
		"headline score: exact span and type; held_out = FNV-32a(doc id) % 5 == 0",
	}
	return r, nil
}

// meantimeArticle builds an article from a MEANTIME document: the tokens
// joined by spaces, one sentence a line, with the corpus's own tokens and
// sentences as the segment layer. It returns the gold names and the spans
// of the other gold mentions.
func meantimeArticle(d *meantime.Doc, kb *actors.KB) (*news.Article, []named, []news.Span) {
	var b strings.Builder
	a := &news.Article{ID: d.ID}
	pos := map[string]int{}
	sent := -1
	for i, t := range d.Tokens {
		if t.Sentence != sent {
			if sent >= 0 {
				b.WriteByte('\n')
				last := &a.Sentences[len(a.Sentences)-1]
				last.End = i
				last.Span.End = a.Tokens[i-1].Span.End
			}
			sent = t.Sentence
			a.Sentences = append(a.Sentences, news.Sentence{Span: news.Span{Start: b.Len()}, First: i})
		} else {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(t.Text)
		kind := news.Punct
		for _, r := range t.Text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				kind = news.Word
				break
			}
		}
		a.Tokens = append(a.Tokens, news.Token{Span: news.Span{Start: start, End: b.Len()}, Kind: kind})
		pos[t.ID] = i
	}
	if n := len(a.Sentences); n > 0 {
		a.Sentences[n-1].End = len(a.Tokens)
		a.Sentences[n-1].Span.End = b.Len()
	}
	a.Text = b.String()

	etype := map[string]string{}
	einst := map[string]string{}
	for _, e := range d.Entities {
		etype[e.ID] = e.Type
		einst[e.ID] = e.Instance
	}
	mtype := map[string]string{}
	minst := map[string]string{}
	for _, r := range d.RefersTo {
		for _, s := range r.Sources {
			mtype[s] = etype[r.Target]
			minst[s] = einst[r.Target]
		}
	}
	var gold []named
	var ignore []news.Span
	type spanType struct {
		span news.Span
		typ  string
	}
	seen := map[spanType]bool{}
	for _, m := range d.Mentions {
		if len(m.Anchors) == 0 {
			continue
		}
		var idx []int
		for _, an := range m.Anchors {
			if i, ok := pos[an]; ok {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 || d.Tokens[idx[0]].Sentence >= annotated {
			continue
		}
		sort.Ints(idx)
		full := news.Span{Start: a.Tokens[idx[0]].Span.Start, End: a.Tokens[idx[len(idx)-1]].Span.End}
		typ := mtype[m.ID]
		if m.Syntax != "NAM" || (typ != "PER" && typ != "ORG" && typ != "LOC") {
			ignore = append(ignore, full)
			continue
		}
		lo, hi, ok := goldName(d, idx, typ == "PER", kb)
		if !ok {
			ignore = append(ignore, full)
			continue
		}
		g := named{span: news.Span{Start: a.Tokens[lo].Span.Start, End: a.Tokens[hi-1].Span.End}, typ: typ, id: minst[m.ID]}
		key := spanType{g.span, typ}
		if !seen[key] {
			seen[key] = true
			gold = append(gold, g)
		}
	}
	return a, gold, ignore
}

// goldName cuts the name out of a gold mention's tokens idx (sorted): see
// Scorer. It returns a token range [lo, hi).
func goldName(d *meantime.Doc, idx []int, person bool, kb *actors.KB) (lo, hi int, ok bool) {
	text := func(i int) string { return d.Tokens[i].Text }
	capital := func(i int) bool {
		for _, r := range text(i) {
			return unicode.IsUpper(r) || unicode.IsDigit(r)
		}
		return false
	}
	connector := func(i int) bool {
		switch text(i) {
		case "of", "&", "and", "de", "-":
			return true
		}
		return false
	}
	type run struct{ lo, hi int }
	var runs []run
	var after []string // the token after each run
	for k := 0; k < len(idx); {
		if !capital(idx[k]) {
			k++
			continue
		}
		s := k
		for k < len(idx) && (capital(idx[k]) || (k > s && k+1 < len(idx) && connector(idx[k]) && capital(idx[k+1]))) {
			k++
		}
		runs = append(runs, run{idx[s], idx[k-1] + 1})
		nx := ""
		if k < len(idx) {
			nx = text(idx[k])
		}
		after = append(after, nx)
	}
	if len(runs) == 0 {
		return 0, 0, false
	}
	r := runs[len(runs)-1]
	switch after[0] {
	case ",", "(", "in", "of", "at", "for", "from", "on", "with", "by", "-":
		r = runs[0]
	}
	if strings.EqualFold(text(r.lo), "the") {
		r.lo++
	}
	// Titles before a person's name: "U.S. President Barack Obama",
	// "Spokeswoman Sandy Angers"; a title at the end: "Apple Computer CEO".
	// Names of organisations and places keep theirs ("General Motors").
	for i := r.hi - 1; person && i >= r.lo; i-- {
		k, _ := actors.Fold(text(i))
		us := []actors.Unit{{Key: k, Shape: actors.ShapeOf(text(i))}}
		m, found := kb.Longest(us, 0, false)
		if !found {
			continue
		}
		if _, title := pick(m, actors.TitleWord); !title {
			continue
		}
		if _, other := pick(m, actors.Named, actors.CountryName, actors.Capital); other {
			continue
		}
		if i == r.hi-1 {
			r.hi = i
		} else if i > r.lo || r.hi-i > 1 {
			r.lo = i + 1
		}
		break
	}
	return r.lo, r.hi, r.hi > r.lo
}

// predictions returns the stage's name mentions before limit, leaving out
// those that overlap no gold name but some other gold mention.
func predictions(a *news.Article, kb *actors.KB, limit int, gold []named, ignore []news.Span) []named {
	var out []named
	for _, m := range a.Mentions {
		if m.Span.End > limit || !isName(a.Covered(m.Span), kb) {
			continue
		}
		typ := "ORG"
		switch m.Type {
		case news.Person:
			typ = "PER"
		case news.Location, news.State:
			typ = "LOC"
		}
		p := named{span: m.Span, typ: typ, id: m.Actor.ID}
		hitsGold := false
		for _, g := range gold {
			if g.span.Overlaps(p.span) {
				hitsGold = true
				break
			}
		}
		if !hitsGold {
			skip := false
			for _, s := range ignore {
				if s.Overlaps(p.span) {
					skip = true
					break
				}
			}
			if skip {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// isName reports whether mention text is a name: it has a capital letter
// and is not a pronoun.
func isName(s string, kb *actors.KB) bool {
	if kb.Classes("pronoun", strings.ToLower(s)) != nil {
		return false
	}
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// match counts true and false positives of pred against gold: exact span
// (or, with overlap, any shared byte, one to one), with or without type.
func match(gold, pred []named, typed, overlap bool) (tally, map[string]tally) {
	by := map[string]tally{}
	used := make([]bool, len(pred))
	var t tally
	t.n = len(gold)
	for _, g := range gold {
		bt := by[g.typ]
		bt.n++
		hit := -1
		for i, p := range pred {
			if used[i] || (typed && p.typ != g.typ) {
				continue
			}
			if p.span == g.span || (overlap && p.span.Overlaps(g.span)) {
				hit = i
				break
			}
		}
		if hit >= 0 {
			used[hit] = true
			t.tp++
			bt.tp++
		} else {
			t.fn++
			bt.fn++
		}
		by[g.typ] = bt
	}
	for i, p := range pred {
		if !used[i] {
			t.fp++
			bt := by[p.typ]
			bt.fp++
			by[p.typ] = bt
		}
	}
	return t, by
}

// aligned pairs the gold instance and the predicted actor of every gold
// name the stage found with the exact span. Mentions of no instance are
// given one of their own.
func aligned(doc string, gold, pred []named) [][2]string {
	var out [][2]string
	for gi, g := range gold {
		for _, p := range pred {
			if p.span == g.span {
				id := g.id
				if id == "" {
					id = fmt.Sprintf("%s#%d", doc, gi)
				}
				out = append(out, [2]string{id, p.id})
				break
			}
		}
	}
	return out
}

// bcubed returns B-cubed precision and recall of the predicted clustering
// (second of each pair) against the gold one (first).
func bcubed(pairs [][2]string) (p, r float64) {
	if len(pairs) == 0 {
		return 0, 0
	}
	gold := map[string]int{}
	pred := map[string]int{}
	both := map[[2]string]int{}
	for _, x := range pairs {
		gold[x[0]]++
		pred[x[1]]++
		both[x]++
	}
	for _, x := range pairs {
		n := float64(both[x])
		p += n / float64(pred[x[1]])
		r += n / float64(gold[x[0]])
	}
	return p / float64(len(pairs)), r / float64(len(pairs))
}
