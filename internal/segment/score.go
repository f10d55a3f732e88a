package segment

import (
	"context"
	"strings"

	"sitrep/internal/eval"
	"sitrep/internal/eval/meantime"
	"sitrep/news"
)

// Scorer scores sentence splitting and tokenisation on the MEANTIME corpus
// (120 English Wikinews articles whose gold tokens carry sentence numbers).
// The corpus has tokens but no running text, so each article's text is
// rebuilt from its tokens: the title, a blank line, the date line, a blank
// line, then the body sentences joined by single spaces in one paragraph
// (the corpus keeps no paragraph breaks), with the usual spacing rules for
// punctuation and quotes.
//
// The headline figure scores sentence boundaries inside the body: a
// boundary is the byte offset where a sentence ends and another begins;
// precision, recall and F1 count predicted against gold boundaries (the
// title and date line are separated by blank lines and not counted). The
// metrics add token precision, recall and F1 (exact spans) over whole
// articles. The baseline "split-every-mark" ends a sentence after every
// . ? ! that a space follows.
//
// Documents whose FNV-1a hash of the doc_id is 0 mod 3 form the "held_out"
// subset, the rest "dev"; rules and word lists are tuned on dev only.
func Scorer() eval.Scorer {
	return eval.Scorer{
		Name: "sentences",
		Data: "meantime",
		Doc:  "sentence boundaries and tokens on MEANTIME (English Wikinews)",
		Run:  score,
	}
}

// heldOut reports whether a document is in the held-out third.
func heldOut(docID string) bool {
	return eval.HeldOut(docID, 3)
}

// A goldDoc is one MEANTIME article rebuilt as text.
type goldDoc struct {
	id         string
	text       string
	bodyStart  int         // where the body's paragraph starts
	boundaries []int       // gold sentence boundaries inside the body
	tokens     []news.Span // gold tokens
}

// Spacing of rebuilt text: no space before these tokens, none after those.
var (
	glueLeft  = map[string]bool{",": true, ".": true, ":": true, ";": true, "?": true, "!": true, ")": true, "]": true, "%": true, "'s": true, "'": true, "n't": true, "'re": true, "'ve": true, "'ll": true, "'d": true, "'m": true, "''": true, "”": true, "...": true}
	glueRight = map[string]bool{"(": true, "[": true, "$": true, "US$": true, "``": true, "“": true, "#": true}
)

// rebuild lays out one MEANTIME article as text: headline, a blank line,
// the first sentence, a blank line, then the body with its sentences
// joined by spaces.
func rebuild(x *meantime.Doc) goldDoc {
	doc := goldDoc{id: x.ID}
	var sb strings.Builder
	prevSent, prev := x.Tokens[0].Sentence, ""
	quoteOpen := false // inside a straight double quote
	for i, t := range x.Tokens {
		w := t.Text
		switch w {
		case "``", "''":
			w = `"`
		}
		switch {
		case i == 0:
		case t.Sentence != prevSent && sb.Len() > 0 && t.Sentence <= 2:
			sb.WriteString("\n\n")
			if t.Sentence == 2 {
				doc.bodyStart = sb.Len()
			}
		case t.Sentence != prevSent:
			doc.boundaries = append(doc.boundaries, sb.Len())
			sb.WriteByte(' ')
		case glueLeft[t.Text], t.Text == `"` && quoteOpen, glueRight[prev], prev == `"` && quoteOpen:
		default:
			sb.WriteByte(' ')
		}
		if t.Text == `"` {
			quoteOpen = !quoteOpen
		}
		start := sb.Len()
		sb.WriteString(w)
		doc.tokens = append(doc.tokens, news.Span{Start: start, End: sb.Len()})
		prevSent, prev = t.Sentence, t.Text
	}
	doc.text = sb.String()
	return doc
}

// readMeantime reads and lays out every article under dir.
func readMeantime(dir string) ([]goldDoc, error) {
	xs, err := meantime.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	docs := make([]goldDoc, len(xs))
	for i, x := range xs {
		docs[i] = rebuild(x)
	}
	return docs, nil
}

// counts are true positives, false positives and false negatives.
type counts struct{ tp, fp, fn, n int }

func (c *counts) add(o counts) { c.tp += o.tp; c.fp += o.fp; c.fn += o.fn; c.n += o.n }

func (c counts) score() eval.Score { return eval.PRF(c.tp, c.fp, c.fn, c.n) }

// compare counts predicted against gold items, both sorted.
func compare[T comparable](gold, pred []T, less func(a, b T) bool) counts {
	c := counts{n: len(gold)}
	i, j := 0, 0
	for i < len(gold) && j < len(pred) {
		switch {
		case gold[i] == pred[j]:
			c.tp++
			i++
			j++
		case less(gold[i], pred[j]):
			c.fn++
			i++
		default:
			c.fp++
			j++
		}
	}
	c.fn += len(gold) - i
	c.fp += len(pred) - j
	return c
}

// bodyBoundaries returns the boundaries between consecutive sentences
// that both lie in the body.
func bodyBoundaries(sents []news.Sentence, bodyStart int) []int {
	var out []int
	for i := 1; i < len(sents); i++ {
		if sents[i-1].Span.Start >= bodyStart {
			out = append(out, sents[i-1].Span.End)
		}
	}
	return out
}

// markBoundaries is the baseline: a boundary after every . ? ! followed by
// a space.
func markBoundaries(text string, bodyStart int) []int {
	var out []int
	for i := bodyStart; i+1 < len(text); i++ {
		if strings.IndexByte(".?!", text[i]) >= 0 && text[i+1] == ' ' {
			out = append(out, i+1)
		}
	}
	return out
}

func score(ctx context.Context, dir string) (*eval.Report, error) {
	docs, err := readMeantime(dir)
	if err != nil {
		return nil, err
	}
	seg := New(Config{})
	if seg.err != nil {
		return nil, seg.err
	}
	var all, dev, held, base, toks, toksHeld counts
	lessInt := func(a, b int) bool { return a < b }
	lessSpan := func(a, b news.Span) bool { return a.Start < b.Start || a.Start == b.Start && a.End < b.End }
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		_, sents, tk := seg.Segment(d.text)
		c := compare(d.boundaries, bodyBoundaries(sents, d.bodyStart), lessInt)
		all.add(c)
		if heldOut(d.id) {
			held.add(c)
		} else {
			dev.add(c)
		}
		base.add(compare(d.boundaries, markBoundaries(d.text, d.bodyStart), lessInt))
		spans := make([]news.Span, len(tk))
		for i, t := range tk {
			spans[i] = t.Span
		}
		tc := compare(d.tokens, spans, lessSpan)
		toks.add(tc)
		if heldOut(d.id) {
			toksHeld.add(tc)
		}
	}
	ts, th := toks.score(), toksHeld.score()
	return &eval.Report{
		Task:      "sentences",
		Data:      dir,
		Score:     all.score(),
		Subsets:   map[string]eval.Score{"dev": dev.score(), "held_out": held.score()},
		Baselines: map[string]eval.Score{"split-every-mark": base.score()},
		Metrics:   map[string]float64{"token_precision": ts.Precision, "token_recall": ts.Recall, "token_f1": ts.F1, "token_f1_held_out": th.F1, "documents": float64(len(docs))},
		Notes: []string{
			"n counts gold sentence boundaries inside article bodies rebuilt from the corpus tokens (one paragraph a body).",
			"held_out: documents whose FNV-1a hash of doc_id is 0 mod 3; tokens are scored by exact span over whole articles.",
		},
	}, nil
}
