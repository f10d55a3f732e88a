package timex

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"sitrep/internal/eval"
	"sitrep/internal/eval/meantime"
	"sitrep/news"
)

// Scorer scores the time stage on the TIMEX3 annotations of the MEANTIME
// corpus (English Wikinews, 120 articles): extent precision, recall and F1,
// strict (same span) and relaxed (overlapping spans), and value accuracy
// over the relaxed matches — the TempEval-3 measures. Each article is run
// with its document creation time as its publication date. The documents
// whose FNV-1a hash of the doc_id is 0 mod 3 are held out from tuning.
func Scorer() eval.Scorer {
	return eval.Scorer{
		Name: "times",
		Data: "meantime",
		Doc:  "time expressions and TIMEX3 values on MEANTIME (TempEval-3 measures)",
		Run:  score,
	}
}

// A goldDoc is one MEANTIME article: its text rebuilt from the tokens, the
// sentences, the creation time and the gold times.
type goldDoc struct {
	id    string
	text  string
	sents []news.Sentence
	dct   string
	times []goldTime
}

type goldTime struct {
	span  news.Span
	typ   string
	value string
}

// heldOut reports whether a document is in the held-out third.
func heldOut(docID string) bool {
	return eval.HeldOut(docID, 3)
}

// readGold reads every article of the MEANTIME folder dir.
func readGold(dir string) ([]goldDoc, error) {
	xs, err := meantime.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	docs := make([]goldDoc, len(xs))
	for i, x := range xs {
		if docs[i], err = goldFrom(x); err != nil {
			return nil, fmt.Errorf("document %s: %w", x.ID, err)
		}
	}
	return docs, nil
}

// noSpaceBefore and noSpaceAfter rebuild running text from the tokens.
var noSpaceBefore = map[string]bool{
	",": true, ".": true, ":": true, ";": true, "?": true, "!": true, ")": true, "]": true,
	"%": true, "'s": true, "n't": true, "'re": true, "'ve": true, "'ll": true, "'d": true, "'m": true, "'": true,
}
var noSpaceAfter = map[string]bool{"(": true, "[": true, "$": true}

// goldFrom rebuilds an article's text, one sentence a line, and places its
// gold times in it.
func goldFrom(x *meantime.Doc) (goldDoc, error) {
	doc := goldDoc{id: x.ID}
	var sb strings.Builder
	spans := make(map[string]news.Span, len(x.Tokens))
	prevSent := -1
	prev := ""
	sentStart := 0
	for _, t := range x.Tokens {
		switch {
		case prevSent < 0:
		case t.Sentence != prevSent:
			doc.sents = append(doc.sents, news.Sentence{Span: news.Span{Start: sentStart, End: sb.Len()}})
			sb.WriteByte('\n')
			sentStart = sb.Len()
		case !noSpaceBefore[t.Text] && !noSpaceAfter[prev]:
			sb.WriteByte(' ')
		}
		start := sb.Len()
		sb.WriteString(t.Text)
		spans[t.ID] = news.Span{Start: start, End: sb.Len()}
		prevSent, prev = t.Sentence, t.Text
	}
	doc.sents = append(doc.sents, news.Sentence{Span: news.Span{Start: sentStart, End: sb.Len()}})
	doc.text = sb.String()
	for _, tx := range x.Timex {
		if tx.Function == "CREATION_TIME" {
			doc.dct = tx.Value
		}
		if len(tx.Anchors) == 0 {
			continue // an empty TIMEX3 of no text
		}
		var sp news.Span
		for i, a := range tx.Anchors {
			s, ok := spans[a]
			if !ok {
				return goldDoc{}, fmt.Errorf("TIMEX3 %q anchors unknown token %q", tx.Value, a)
			}
			if i == 0 || s.Start < sp.Start {
				sp.Start = s.Start
			}
			if s.End > sp.End {
				sp.End = s.End
			}
		}
		doc.times = append(doc.times, goldTime{span: sp, typ: tx.Type, value: tx.Value})
	}
	sort.Slice(doc.times, func(i, j int) bool { return doc.times[i].span.Start < doc.times[j].span.Start })
	return doc, nil
}

// tally counts matches for one set of documents.
type tally struct {
	gold, pred, strict, relaxed, value, typ int
	byType                                  map[string]*[3]int // tp, fp, fn
}

func (t *tally) add(o tally) {
	t.gold += o.gold
	t.pred += o.pred
	t.strict += o.strict
	t.relaxed += o.relaxed
	t.value += o.value
	t.typ += o.typ
}

// match pairs predicted and gold times one to one, an exact span first,
// else the first overlapping one, and counts.
func match(gold []goldTime, pred []news.Time, w io.Writer, doc *goldDoc) tally {
	t := tally{gold: len(gold), pred: len(pred), byType: map[string]*[3]int{}}
	bt := func(k string) *[3]int {
		if t.byType[k] == nil {
			t.byType[k] = &[3]int{}
		}
		return t.byType[k]
	}
	used := make([]bool, len(gold))
	for _, p := range pred {
		best := -1
		for i, g := range gold {
			if used[i] || !g.span.Overlaps(p.Span) {
				continue
			}
			if g.span == p.Span {
				best = i
				break
			}
			if best < 0 {
				best = i
			}
		}
		if best < 0 {
			bt(string(p.Type))[1]++
			if w != nil {
				fmt.Fprintf(w, "%s\tFP\t%q\t%s\n", doc.id, doc.text[p.Span.Start:p.Span.End], p.Value)
			}
			continue
		}
		used[best] = true
		g := gold[best]
		t.relaxed++
		bt(g.typ)[0]++
		if g.span == p.Span {
			t.strict++
		}
		if g.value == p.Value {
			t.value++
		} else if w != nil {
			fmt.Fprintf(w, "%s\tVAL\t%q\t%s\tgold %q\t%s\n", doc.id, doc.text[p.Span.Start:p.Span.End], p.Value, doc.text[g.span.Start:g.span.End], g.value)
		}
		if g.typ == string(p.Type) {
			t.typ++
		}
	}
	for i, g := range gold {
		if !used[i] {
			bt(g.typ)[2]++
			if w != nil {
				fmt.Fprintf(w, "%s\tFN\t%q\t%s\t%s\n", doc.id, doc.text[g.span.Start:g.span.End], g.typ, g.value)
			}
		}
	}
	return t
}

// runDoc runs the time stage on one gold document.
func runDoc(st *Stage, doc *goldDoc) (*news.Article, error) {
	a := &news.Article{ID: doc.id, Text: doc.text, Sentences: doc.sents}
	if d, ok := parseDCT(doc.dct); ok {
		a.Meta.Published = d
	}
	// The second line of a MEANTIME article is its date line.
	if len(doc.sents) > 1 {
		a.Meta.Dateline = doc.sents[1].Span
	}
	if err := st.Apply(a); err != nil {
		return nil, err
	}
	return a, nil
}

// parseDCT reads a creation time: ISO 8601, or DD-MM-YYYY as a few
// MEANTIME files write it.
func parseDCT(v string) (news.DateTime, bool) {
	if d, err := news.ParseISO(v); err == nil {
		return d, true
	}
	if len(v) == 10 && v[2] == '-' && v[5] == '-' {
		if d, err := news.ParseISO(v[6:] + "-" + v[3:5] + "-" + v[:2]); err == nil {
			return d, true
		}
	}
	return news.DateTime{}, false
}

func score(ctx context.Context, dir string) (*eval.Report, error) {
	return scoreTo(ctx, dir, nil)
}

// scoreTo scores and, when w is not nil, writes every error to w.
func scoreTo(ctx context.Context, dir string, w io.Writer) (*eval.Report, error) {
	docs, err := readGold(dir)
	if err != nil {
		return nil, err
	}
	st := New(Config{})
	var all, dev, held, body tally
	byType := map[string]*[3]int{}
	for i := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a, err := runDoc(st, &docs[i])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", docs[i].id, err)
		}
		pred := annotated(&docs[i], a.Times)
		t := match(docs[i].times, pred, w, &docs[i])
		bg, bp := outsideDateLine(&docs[i], docs[i].times, pred)
		body.add(match(bg, bp, nil, &docs[i]))
		all.add(t)
		if heldOut(docs[i].id) {
			held.add(t)
		} else {
			dev.add(t)
		}
		for k, v := range t.byType {
			if byType[k] == nil {
				byType[k] = &[3]int{}
			}
			for j := range v {
				byType[k][j] += v[j]
			}
		}
	}
	relaxed := func(t tally) eval.Score { return eval.PRF(t.relaxed, t.pred-t.relaxed, t.gold-t.relaxed, t.gold) }
	strict := func(t tally) eval.Score { return eval.PRF(t.strict, t.pred-t.strict, t.gold-t.strict, t.gold) }
	valueF := func(t tally) eval.Score { return eval.PRF(t.value, t.pred-t.value, t.gold-t.value, t.gold) }
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	r := &eval.Report{
		Task:    "times",
		Data:    "meantime",
		Score:   relaxed(all),
		Subsets: map[string]eval.Score{"dev": relaxed(dev), "held_out": relaxed(held)},
		ByType:  map[string]eval.Score{},
		Metrics: map[string]float64{},
	}
	for k, v := range byType {
		r.ByType[k] = eval.PRF(v[0], v[1], v[2], v[0]+v[2])
	}
	r.Metrics["body_relaxed_f1"] = relaxed(body).F1
	r.Metrics["body_value_accuracy"] = ratio(body.value, body.relaxed)
	for name, t := range map[string]tally{"": all, "dev_": dev, "held_out_": held} {
		s := strict(t)
		r.Metrics[name+"strict_precision"] = s.Precision
		r.Metrics[name+"strict_recall"] = s.Recall
		r.Metrics[name+"strict_f1"] = s.F1
		r.Metrics[name+"value_accuracy"] = ratio(t.value, t.relaxed)
		r.Metrics[name+"value_f1"] = valueF(t).F1
		r.Metrics[name+"type_accuracy"] = ratio(t.typ, t.relaxed)
	}
	r.Notes = []string{
		fmt.Sprintf("%d documents (%d dev, %d held out: FNV-1a(doc_id) mod 3 == 0); %d gold TIMEX3 with text, %d predicted",
			len(docs), countDocs(docs, false), countDocs(docs, true), all.gold, all.pred),
		"the scores above are relaxed extent (overlapping spans); value accuracy is over relaxed matches (TempEval-3)",
		"text rebuilt from the corpus tokens, one sentence a line; each article's creation time is its publication date",
		fmt.Sprintf("body_*: without the date line under each title (%d gold times left), the easy dates", body.gold),
		"MEANTIME annotates only the first six sentences of an article (title, date line, four body sentences): predictions after them are not scored",
	}
	return r, nil
}

// annotatedSentences is how many sentences of each MEANTIME article carry
// annotations: the title, the date line and the first four body sentences.
const annotatedSentences = 6

// annotated keeps the predicted times inside the annotated sentences.
func annotated(doc *goldDoc, times []news.Time) []news.Time {
	limit := len(doc.text)
	if len(doc.sents) > annotatedSentences {
		limit = doc.sents[annotatedSentences-1].Span.End
	}
	n := 0
	for n < len(times) && times[n].Span.Start < limit {
		n++
	}
	return times[:n]
}

// outsideDateLine drops the gold and predicted times on the article's
// date line (its second line).
func outsideDateLine(doc *goldDoc, gold []goldTime, pred []news.Time) ([]goldTime, []news.Time) {
	if len(doc.sents) < 2 {
		return gold, pred
	}
	dl := doc.sents[1].Span
	var g []goldTime
	for _, x := range gold {
		if !x.span.Overlaps(dl) {
			g = append(g, x)
		}
	}
	var p []news.Time
	for _, x := range pred {
		if !x.Span.Overlaps(dl) {
			p = append(p, x)
		}
	}
	return g, p
}

func countDocs(docs []goldDoc, held bool) int {
	n := 0
	for _, d := range docs {
		if heldOut(d.id) == held {
			n++
		}
	}
	return n
}
