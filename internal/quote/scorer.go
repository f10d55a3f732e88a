package quote

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"

	"sitrep/internal/entity"
	"sitrep/internal/eval"
	"sitrep/internal/segment"
	"sitrep/news"
)

// The gold set lives in the repository and is embedded, so that `sitrep
// eval quotes` runs with no data folder.
//
//go:embed gold/*.gold gold/*.jsonl gold/*.txt
var goldFiles embed.FS

// goldFS is the embedded gold folder.
func goldFS() (fs.FS, error) { return fs.Sub(goldFiles, "gold") }

// Scorer scores the quote stage on a quote gold set (format in
// gold/README.md): detection of direct quotes and of reported statements
// (content overlap and exact), cue accuracy, speaker accuracy, and direct vs
// reported. A data folder with no *.gold file falls back to the embedded
// gold set. Documents whose ID hashes (FNV-1a 32) to 0 mod 3 are held out
// from tuning; the report scores them apart.
func Scorer() eval.Scorer {
	return eval.Scorer{
		Name: "quotes",
		Data: "quotes",
		Doc:  "quotes and speakers: direct and reported detection, cue and speaker accuracy (embedded gold set when the folder has none)",
		Run:  runScorer,
	}
}

// HeldOut reports whether a gold document is in the held-out third.
func HeldOut(id string) bool {
	return eval.HeldOut(id, 3)
}

type counts struct{ tp, fp, fn, n int }

func (c *counts) add(o counts)     { c.tp += o.tp; c.fp += o.fp; c.fn += o.fn; c.n += o.n }
func (c counts) score() eval.Score { return eval.PRF(c.tp, c.fp, c.fn, c.n) }

type ratio struct{ ok, n int }

func (r ratio) value() float64 {
	if r.n == 0 {
		return 0
	}
	return float64(r.ok) / float64(r.n)
}

// tally is the scoring of a set of documents.
type tally struct {
	all, direct, directExact, reported, reportedExact counts
	cueDirect, cueReported, spkDirect, spkReported    ratio
	spkDirectAll, spkReportedAll, kind                ratio
}

func (t *tally) add(o tally) {
	t.all.add(o.all)
	t.direct.add(o.direct)
	t.directExact.add(o.directExact)
	t.reported.add(o.reported)
	t.reportedExact.add(o.reportedExact)
	for _, p := range [][2]*ratio{{&t.cueDirect, &o.cueDirect}, {&t.cueReported, &o.cueReported}, {&t.spkDirect, &o.spkDirect},
		{&t.spkReported, &o.spkReported}, {&t.spkDirectAll, &o.spkDirectAll}, {&t.spkReportedAll, &o.spkReportedAll}, {&t.kind, &o.kind}} {
		p[0].ok += p[1].ok
		p[0].n += p[1].n
	}
}

func runScorer(ctx context.Context, dir string) (*eval.Report, error) {
	var fsys fs.FS
	data := dir
	if m, _ := fs.Glob(os.DirFS(dir), "*.gold"); dir != "" && len(m) > 0 {
		fsys = os.DirFS(dir)
	} else {
		sub, err := goldFS()
		if err != nil {
			return nil, err
		}
		fsys, data = sub, "embedded internal/quote/gold"
	}
	docs, err := LoadGold(fsys)
	if err != nil {
		return nil, err
	}
	seg, st := segment.New(segment.Config{}), New(Config{})
	ent, err := entity.New(entity.Config{})
	if err != nil {
		return nil, fmt.Errorf("quotes: entity: %w", err)
	}
	var all, dev, held tally
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a := &news.Article{ID: d.ID, Text: d.Text}
		if err := seg.Apply(a); err != nil {
			return nil, fmt.Errorf("quotes: %s: segment: %w", d.ID, err)
		}
		if err := ent.Apply(a); err != nil {
			return nil, fmt.Errorf("quotes: %s: entity: %w", d.ID, err)
		}
		if err := st.Apply(a); err != nil {
			return nil, fmt.Errorf("quotes: %s: %w", d.ID, err)
		}
		t := scoreDoc(a, d)
		all.add(t)
		if HeldOut(d.ID) {
			held.add(t)
		} else {
			dev.add(t)
		}
	}
	r := &eval.Report{
		Task:  "quotes",
		Data:  data,
		Score: all.all.score(),
		ByType: map[string]eval.Score{
			"direct":         all.direct.score(),
			"direct_exact":   all.directExact.score(),
			"reported":       all.reported.score(),
			"reported_exact": all.reportedExact.score(),
		},
		Subsets: map[string]eval.Score{
			"dev":               dev.all.score(),
			"held_out":          held.all.score(),
			"dev/direct":        dev.direct.score(),
			"held_out/direct":   held.direct.score(),
			"dev/reported":      dev.reported.score(),
			"held_out/reported": held.reported.score(),
		},
		Metrics: map[string]float64{},
		Notes: []string{
			fmt.Sprintf("%d documents, %d held out (FNV-1a of the id mod 3 == 0); scores count content overlap unless marked exact", len(docs), countHeld(docs)),
			"speaker_acc_*: share of detected gold statements whose speaker matches (quote.SpeakerMatch); *_e2e: share of all gold statements",
		},
	}
	for name, t := range map[string]tally{"": all, "dev/": dev, "held_out/": held} {
		r.Metrics[name+"speaker_acc_direct"] = t.spkDirect.value()
		r.Metrics[name+"speaker_acc_reported"] = t.spkReported.value()
		r.Metrics[name+"speaker_e2e_direct"] = t.spkDirectAll.value()
		r.Metrics[name+"speaker_e2e_reported"] = t.spkReportedAll.value()
		r.Metrics[name+"cue_acc_direct"] = t.cueDirect.value()
		r.Metrics[name+"cue_acc_reported"] = t.cueReported.value()
		r.Metrics[name+"direct_vs_reported_acc"] = t.kind.value()
	}
	return r, nil
}

func countHeld(docs []GoldDoc) int {
	n := 0
	for _, d := range docs {
		if HeldOut(d.ID) {
			n++
		}
	}
	return n
}

// scoreDoc compares the quotes found in a with the gold of one document.
func scoreDoc(a *news.Article, d GoldDoc) tally {
	var t tally
	var gd, gr []GoldQuote
	var pd, pr []news.Quote
	for _, g := range d.Quotes {
		if g.Direct {
			gd = append(gd, g)
		} else {
			gr = append(gr, g)
		}
	}
	for _, q := range a.Quotes {
		if q.Direct {
			pd = append(pd, q)
		} else {
			pr = append(pr, q)
		}
	}
	// Type-agnostic detection, and direct vs reported on what matched.
	m := match(d.Quotes, a.Quotes, false)
	t.all = prf(m, len(d.Quotes), len(a.Quotes))
	for gi, pi := range m {
		if pi >= 0 {
			t.kind.n++
			if d.Quotes[gi].Direct == a.Quotes[pi].Direct {
				t.kind.ok++
			}
		}
	}
	typed := func(g []GoldQuote, p []news.Quote, c, ce *counts, cue, spk, spkAll *ratio) {
		m := match(g, p, false)
		*c = prf(m, len(g), len(p))
		*ce = prf(match(g, p, true), len(g), len(p))
		for gi, pi := range m {
			known := g[gi].Speaker != "?"
			if known {
				spkAll.n++
			}
			if pi < 0 {
				continue
			}
			cue.n++
			if g[gi].Cue == p[pi].Cue || g[gi].Cue.IsZero() && p[pi].Cue.IsZero() {
				cue.ok++
			}
			if known {
				spk.n++
				if SpeakerMatch(g[gi].Speaker, a.Covered(p[pi].SpeakerSpan)) {
					spk.ok++
					spkAll.ok++
				}
			}
		}
	}
	typed(gd, pd, &t.direct, &t.directExact, &t.cueDirect, &t.spkDirect, &t.spkDirectAll)
	typed(gr, pr, &t.reported, &t.reportedExact, &t.cueReported, &t.spkReported, &t.spkReportedAll)
	return t
}

// match pairs each gold statement, in order, with the unpaired prediction
// whose content overlaps it most (exact: has the same content span). It
// returns, for each gold statement, the index of its prediction or -1.
func match(g []GoldQuote, p []news.Quote, exact bool) []int {
	used := make([]bool, len(p))
	out := make([]int, len(g))
	for gi, gq := range g {
		out[gi] = -1
		best := 0
		for pi, pq := range p {
			if used[pi] {
				continue
			}
			if exact {
				if pq.Content == gq.Content {
					out[gi] = pi
					break
				}
				continue
			}
			if n := min(pq.Content.End, gq.Content.End) - max(pq.Content.Start, gq.Content.Start); n > best {
				best, out[gi] = n, pi
			}
		}
		if out[gi] >= 0 {
			used[out[gi]] = true
		}
	}
	return out
}

func prf(m []int, ngold, npred int) counts {
	tp := 0
	for _, pi := range m {
		if pi >= 0 {
			tp++
		}
	}
	return counts{tp: tp, fp: npred - tp, fn: ngold - tp, n: ngold}
}
