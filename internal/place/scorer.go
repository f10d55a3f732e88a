package place

import (
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"sitrep/internal/eval"
	"sitrep/news"
)

// Scorer scores the place stage on GeoVirus (Gritta et al., ACL 2018): 229
// Wikinews articles with 2,170 gold toponyms and their coordinates.
//
// Toponym recognition: a predicted place matches a gold toponym when their
// spans overlap (each used once); precision, recall and F1 count matches.
// Metric "strict_f1" requires the same span. Resolution, over matched
// toponyms: "acc@161" is the share within 161 km (100 miles) of the gold
// coordinates, the measure of the geoparsing literature; "mean_error_km"
// and "median_error_km" are the distances; "acc@161_all" counts unmatched
// gold toponyms as errors.
//
// Split: an article is held out when the FNV-1a 32-bit hash of its source
// URL is divisible by 3 (about a third; articles cut from one Wikinews page
// share a URL and so a side). Subsets "dev" and "held_out" score each side;
// the metrics of each side carry its name as a prefix.
//
// Metrics "acc@161_<feature>" and "matched_<feature>" break resolution down
// by the class of the chosen entry (city, admin1, admin2, country, region,
// site): for areas the distance measures the choice of a representative
// point as much as the choice of the entry.
//
// Baseline "population": each matched toponym resolved to the candidate
// with the highest class-and-population prior, without context.
func Scorer() eval.Scorer {
	return eval.Scorer{
		Name: "places",
		Data: "geovirus",
		Doc:  "toponym P/R/F1 and accuracy within 161 km on GeoVirus",
		Run:  runGeoVirus,
	}
}

type gvArticle struct {
	Source    string `xml:"source"`
	Text      string `xml:"text"`
	Locations []struct {
		Name  string  `xml:"name"`
		Start int     `xml:"start"`
		End   int     `xml:"end"`
		Lat   float64 `xml:"lat"`
		Lon   float64 `xml:"lon"`
	} `xml:"locations>location"`
}

// HeldOut reports whether a GeoVirus article belongs to the held-out third.
func HeldOut(source string) bool {
	return eval.HeldOut(source, 3)
}

type gold struct {
	span     news.Span
	lat, lon float64
}

type tally struct {
	tp, fp, fn, n, strict int
	within                int
	errs                  []float64
	// by the predicted entry's feature class: matched and within 161 km
	byFeature, withinByFeature map[string]int
}

func (t *tally) score() eval.Score { return eval.PRF(t.tp, t.fp, t.fn, t.n) }

func (t *tally) metrics(m map[string]float64, prefix string) {
	if len(t.errs) > 0 {
		m[prefix+"acc@161"] = float64(t.within) / float64(len(t.errs))
		sum := 0.0
		for _, e := range t.errs {
			sum += e
		}
		m[prefix+"mean_error_km"] = sum / float64(len(t.errs))
		s := append([]float64(nil), t.errs...)
		sort.Float64s(s)
		m[prefix+"median_error_km"] = s[len(s)/2]
	}
	if t.n > 0 {
		m[prefix+"acc@161_all"] = float64(t.within) / float64(t.n)
	}
	if t.tp > 0 {
		sp := eval.PRF(t.strict, t.tp+t.fp-t.strict, t.n-t.strict, t.n)
		m[prefix+"strict_f1"] = sp.F1
	}
	for f, n := range t.byFeature {
		m[prefix+"acc@161_"+f] = float64(t.withinByFeature[f]) / float64(n)
		m[prefix+"matched_"+f] = float64(n)
	}
}

func runGeoVirus(ctx context.Context, dir string) (*eval.Report, error) {
	path := filepath.Join(dir, "GeoVirus.xml")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	defer f.Close()
	var doc struct {
		Articles []gvArticle `xml:"article"`
	}
	if err := xml.NewDecoder(f).Decode(&doc); err != nil {
		return nil, fmt.Errorf("places: %s: %w", path, err)
	}
	s, err := New(Config{})
	if err != nil {
		return nil, err
	}
	var all, dev, held, base tally
	badOffsets := 0
	for _, ga := range doc.Articles {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		golds, bad := goldSpans(ga)
		badOffsets += bad
		a := &news.Article{Text: ga.Text, Meta: news.Meta{URL: ga.Source}}
		if err := s.Apply(a); err != nil {
			return nil, fmt.Errorf("places: %s: %w", ga.Source, err)
		}
		side := &dev
		if HeldOut(ga.Source) {
			side = &held
		}
		for _, t := range []*tally{&all, side} {
			score(t, a.Places, golds)
		}
		score(&base, s.baseline(a.Text), golds)
	}
	r := &eval.Report{
		Task:      "places",
		Data:      "geovirus",
		Score:     all.score(),
		Subsets:   map[string]eval.Score{"dev": dev.score(), "held_out": held.score()},
		Baselines: map[string]eval.Score{"population": base.score()},
		Metrics:   map[string]float64{},
	}
	all.metrics(r.Metrics, "")
	dev.metrics(r.Metrics, "dev_")
	held.metrics(r.Metrics, "held_out_")
	base.metrics(r.Metrics, "baseline_population_")
	for k := range r.Metrics { // per-feature figures of the whole set only
		if strings.HasPrefix(k, "baseline_population_acc@161_") || strings.HasPrefix(k, "baseline_population_matched_") ||
			strings.HasPrefix(k, "dev_matched_") || strings.HasPrefix(k, "held_out_matched_") {
			delete(r.Metrics, k)
		}
	}
	r.Notes = append(r.Notes,
		fmt.Sprintf("%d articles, %d gold toponyms; held out: FNV-1a(source URL) %% 3 == 0", len(doc.Articles), all.n),
		"match: overlapping spans; acc@161 over matched toponyms (acc@161_all over all gold)")
	if badOffsets > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("%d gold toponyms whose offsets did not match their name were skipped", badOffsets))
	}
	return r, nil
}

// goldSpans turns GeoVirus's character offsets into byte spans, checking
// each against the toponym's name.
func goldSpans(ga gvArticle) ([]gold, int) {
	// rune index → byte offset
	offs := make([]int, 0, len(ga.Text)+1)
	for i := range ga.Text {
		offs = append(offs, i)
	}
	offs = append(offs, len(ga.Text))
	var out []gold
	bad := 0
	for _, l := range ga.Locations {
		// GeoVirus's offsets count characters from one before the text as
		// the XML holds it (a leading character was stripped): try that
		// shift first, then the offsets as they are.
		found := false
		for _, shift := range []int{-1, 0, 1} {
			st, en := l.Start+shift, l.End+shift
			if st < 0 || en < st || en >= len(offs) {
				continue
			}
			sp := news.Span{Start: offs[st], End: offs[en]}
			if ga.Text[sp.Start:sp.End] == l.Name {
				out = append(out, gold{sp, l.Lat, l.Lon})
				found = true
				break
			}
		}
		if !found {
			bad++
		}
	}
	return out, bad
}

// score matches predictions to gold toponyms by overlap, one to one, in
// text order.
func score(t *tally, pred []news.Place, golds []gold) {
	t.n += len(golds)
	used := make([]bool, len(golds))
	for _, p := range pred {
		hit := -1
		for j, g := range golds {
			if !used[j] && g.span.Overlaps(p.Span) {
				hit = j
				break
			}
		}
		if hit < 0 {
			t.fp++
			continue
		}
		used[hit] = true
		t.tp++
		g := golds[hit]
		if g.span == p.Span {
			t.strict++
		}
		d := distanceKM(p.Lat, p.Lon, g.lat, g.lon)
		t.errs = append(t.errs, d)
		if t.byFeature == nil {
			t.byFeature, t.withinByFeature = make(map[string]int), make(map[string]int)
		}
		t.byFeature[p.Feature]++
		if d <= 161 {
			t.within++
			t.withinByFeature[p.Feature]++
		}
	}
	for _, u := range used {
		if !u {
			t.fn++
		}
	}
}
