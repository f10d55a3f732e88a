// Package eval is the frame every scorer of `sitrep eval` plugs into: a
// Scorer reads a gold data folder and returns a Report; the Report prints as
// a table for people or as one JSON object with stable lower-case keys for
// scripts.
package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// A Scorer scores one stage of the engine on one gold set.
type Scorer struct {
	// Name is the subcommand: "extract-text", "times", "places"…
	Name string
	// Data is the default gold folder, relative to the shared folder's
	// eval/ directory: "article-extraction-benchmark".
	Data string
	// Doc is one line for `sitrep eval -h`.
	Doc string
	// Run scores the engine on the gold data in dir.
	Run func(ctx context.Context, dir string) (*Report, error)
}

// Score is precision, recall and F1 over N gold items (documents, mentions…).
type Score struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	N         int     `json:"n"`
}

// PRF computes a Score from counts of true positives, false positives and
// false negatives; n is the number of gold items.
func PRF(tp, fp, fn, n int) Score {
	s := Score{N: n}
	if tp+fp > 0 {
		s.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		s.Recall = float64(tp) / float64(tp+fn)
	}
	s.F1 = F1(s.Precision, s.Recall)
	return s
}

// F1 is the harmonic mean of precision and recall (0 when both are 0).
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// A Report is the result of one scorer.
type Report struct {
	Task string `json:"task"`
	Data string `json:"data"`
	Score
	// Metrics are other figures of the whole set: "accuracy", "value_accuracy"…
	Metrics map[string]float64 `json:"metrics,omitempty"`
	// ByType breaks the score down by type (person, organization…).
	ByType map[string]Score `json:"by_type,omitempty"`
	// Subsets score parts of the set: "dev", "held_out"…
	Subsets map[string]Score `json:"subsets,omitempty"`
	// Baselines score simple reference systems on the same set.
	Baselines map[string]Score `json:"baselines,omitempty"`
	// Notes are lines for people; they are not part of the JSON contract's
	// figures.
	Notes []string `json:"notes,omitempty"`
}

// WriteJSON writes the report as one JSON object and a newline.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteTable writes the report as aligned tables for people.
func (r *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "%s on %s\n\n", r.Task, r.Data)
	fmt.Fprintln(tw, "\tprecision\trecall\tF1\tn")
	row := func(name string, s Score) {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\n", name, s.Precision, s.Recall, s.F1, s.N)
	}
	row("all", r.Score)
	for _, k := range sortedKeys(r.Subsets) {
		row(k, r.Subsets[k])
	}
	for _, k := range sortedKeys(r.ByType) {
		row(k, r.ByType[k])
	}
	if len(r.Baselines) > 0 {
		fmt.Fprintln(tw, "baselines:\t\t\t\t")
		for _, k := range sortedKeys(r.Baselines) {
			row(k, r.Baselines[k])
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Metrics) > 0 {
		fmt.Fprintln(w)
		for _, k := range sortedKeys(r.Metrics) {
			fmt.Fprintf(w, "%s: %.3f\n", k, r.Metrics[k])
		}
	}
	if len(r.Notes) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, strings.Join(r.Notes, "\n"))
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// HeldOut reports whether the gold item with key (a document or sentence
// id, a URL) falls in the held-out part of a set split one in every: the
// FNV-1a 32-bit hash of the key is 0 modulo every. The split is fixed, so a
// held-out item stays held out across runs and sessions.
func HeldOut(key string, every uint32) bool {
	h := fnv.New32a()
	h.Write([]byte(key))
	return h.Sum32()%every == 0
}
