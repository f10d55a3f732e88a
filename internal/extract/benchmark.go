package extract

// The article-extraction benchmark (Zyte/ScrapingHub, MIT licence): 181 web
// pages with the gold article body of each, and the benchmark's own metric.
// The data lives outside the repository (../shared/eval/article-extraction-
// benchmark); its PROVENANCE.md restates the metric that Score implements.

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/eval"
)

// BenchmarkData is the benchmark's folder name under the shared eval folder.
const BenchmarkData = "article-extraction-benchmark"

// A Benchmark is the article-extraction benchmark's gold data.
type Benchmark struct {
	// Dir is the benchmark folder: ground-truth.json, html/, reference-outputs/.
	Dir string
	// Gold maps a page id to its gold article body.
	Gold map[string]string
	// URL maps a page id to the page's URL.
	URL map[string]string
}

// LoadBenchmark reads dir/ground-truth.json.
func LoadBenchmark(dir string) (*Benchmark, error) {
	path := filepath.Join(dir, "ground-truth.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("article-extraction benchmark: %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		return nil, fmt.Errorf("article-extraction benchmark: %s: %w", path, err)
	}
	if len(gt) == 0 {
		return nil, fmt.Errorf("article-extraction benchmark: %s: no pages", path)
	}
	b := &Benchmark{Dir: dir, Gold: make(map[string]string, len(gt)), URL: make(map[string]string, len(gt))}
	for id, e := range gt {
		b.Gold[id] = e.ArticleBody
		b.URL[id] = e.URL
	}
	return b, nil
}

// LoadOutput reads an extractor's output in either of the benchmark's forms,
// {"<id>": {"articleBody": …}} or {"version": …, "output": {"<id>": …}},
// and returns id → article body. It reads reference-outputs/*.json.
func LoadOutput(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	type entry struct {
		ArticleBody string `json:"articleBody"`
	}
	var wrapped struct {
		Output map[string]entry `json:"output"`
	}
	if err := json.Unmarshal(raw, &wrapped); err == nil && wrapped.Output != nil {
		return bodies(wrapped.Output, func(e entry) string { return e.ArticleBody }), nil
	}
	var plain map[string]json.RawMessage
	if err := json.Unmarshal(raw, &plain); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make(map[string]string, len(plain))
	for id, m := range plain {
		var e entry
		if json.Unmarshal(m, &e) == nil {
			out[id] = e.ArticleBody
		}
	}
	return out, nil
}

func bodies[E any](m map[string]E, f func(E) string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = f(v)
	}
	return out
}

// HeldOut reports whether page id belongs to the held-out part of the
// benchmark: the pages whose FNV-1a 32-bit hash of the id is 0 modulo 4
// (about a quarter). Tuning looks at the other pages ("dev") only; the
// held-out score is reported beside it.
func HeldOut(id string) bool {
	return eval.HeldOut(id, 4)
}

// Score scores predicted bodies (id → text) against the gold bodies with
// the benchmark's metric:
//
//   - texts are split into \w+ tokens (Unicode letters, digits, underscore)
//     and into the multiset of their 4-token shingles (a text of fewer than
//     4 tokens gives one shorter shingle);
//   - per page, TP = Σ min(gold, pred), FP = Σ max(0, pred−gold),
//     FN = Σ max(0, gold−pred) over shingle counts, each divided by
//     TP+FP+FN so that every page weighs the same;
//   - per page precision is TP/(TP+FP), 1 when FP = FN = 0, 0 when
//     TP = FP = 0; recall likewise with FN;
//   - precision is the mean over pages with TP+FP > 0, recall the mean
//     over pages with TP+FN > 0, and F1 is computed from the two means;
//   - accuracy (in Metrics) is the share of pages whose token sequence
//     equals the gold one.
//
// A page missing from pred counts as an empty prediction; ids not in the
// gold set are ignored. Subsets "dev" and "held_out" follow HeldOut.
func (b *Benchmark) Score(task string, pred map[string]string) *eval.Report {
	var all, dev, held prAcc
	// In the order of the ids, so that the sums come out the same to the
	// last digit from run to run.
	for _, id := range slices.Sorted(maps.Keys(b.Gold)) {
		d := scorePage(b.Gold[id], pred[id])
		all.add(d)
		if HeldOut(id) {
			held.add(d)
		} else {
			dev.add(d)
		}
	}
	return &eval.Report{
		Task:    task,
		Data:    BenchmarkData,
		Score:   all.score(),
		Metrics: map[string]float64{"accuracy": all.accuracy()},
		Subsets: map[string]eval.Score{"dev": dev.score(), "held_out": held.score()},
	}
}

// pageScore is one page's normalised counts and exact-match flag.
type pageScore struct {
	tp, fp, fn float64
	exact      bool
}

func scorePage(gold, pred string) pageScore {
	gt, pt := wordTokens(gold), wordTokens(pred)
	gs, ps := shingles(gt), shingles(pt)
	var tp, fp, fn int
	for k, g := range gs {
		p := ps[k]
		tp += min(g, p)
		fn += max(0, g-p)
	}
	for k, p := range ps {
		fp += max(0, p-gs[k])
	}
	d := pageScore{tp: float64(tp), fp: float64(fp), fn: float64(fn), exact: slices.Equal(gt, pt)}
	if s := d.tp + d.fp + d.fn; s > 0 {
		d.tp, d.fp, d.fn = d.tp/s, d.fp/s, d.fn/s
	}
	return d
}

// prAcc accumulates page scores into mean precision and recall.
type prAcc struct {
	pSum, rSum   float64
	pN, rN, n, x int
}

func (a *prAcc) add(d pageScore) {
	a.n++
	if d.exact {
		a.x++
	}
	if d.tp+d.fp > 0 {
		a.pN++
		a.pSum += ratio(d.tp, d.fp, d.fn)
	}
	if d.tp+d.fn > 0 {
		a.rN++
		a.rSum += ratio(d.tp, d.fn, d.fp)
	}
}

// ratio is tp/(tp+miss) with the metric's special cases: 1 when nothing
// is wrong, 0 when nothing is right or predicted.
func ratio(tp, miss, other float64) float64 {
	switch {
	case miss == 0 && other == 0:
		return 1
	case tp == 0 && miss == 0:
		return 0
	}
	return tp / (tp + miss)
}

func (a *prAcc) score() eval.Score {
	s := eval.Score{N: a.n}
	if a.pN > 0 {
		s.Precision = a.pSum / float64(a.pN)
	}
	if a.rN > 0 {
		s.Recall = a.rSum / float64(a.rN)
	}
	s.F1 = eval.F1(s.Precision, s.Recall)
	return s
}

func (a *prAcc) accuracy() float64 {
	if a.n == 0 {
		return 0
	}
	return float64(a.x) / float64(a.n)
}

// wordTokens splits s into maximal runs of word characters, as Python's
// Unicode \w matches them: letters, numbers and the underscore.
func wordTokens(s string) []string {
	var toks []string
	start := -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
		i += n
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

// shingles counts the 4-token shingles of toks, keyed by the tokens joined
// with NUL; fewer than 4 tokens give one shingle of them all, none none.
func shingles(toks []string) map[string]int {
	const n = 4
	m := make(map[string]int, len(toks))
	if len(toks) == 0 {
		return m
	}
	count := max(1, len(toks)-n+1)
	buf := make([]byte, 0, 64)
	for i := 0; i < count; i++ {
		buf = buf[:0]
		for j, t := range toks[i:min(i+n, len(toks))] {
			if j > 0 {
				buf = append(buf, 0)
			}
			buf = append(buf, t...)
		}
		m[string(buf)]++
	}
	return m
}
