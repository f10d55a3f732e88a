package extract

import (
	"context"
	"testing"
)

// TestTextScorer runs the extract-text scorer on the benchmark and holds
// it to the bar: F1 ≥ 0.88 on all pages.
func TestTextScorer(t *testing.T) {
	loadBenchmarkOrSkip(t)
	r, err := TextScorer().Run(context.Background(), benchDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("all P %.3f R %.3f F1 %.3f; dev F1 %.3f; held_out F1 %.3f (n=%d); keep-everything F1 %.3f; accuracy %.3f",
		r.Precision, r.Recall, r.F1, r.Subsets["dev"].F1, r.Subsets["held_out"].F1, r.Subsets["held_out"].N,
		r.Baselines["keep-everything"].F1, r.Metrics["accuracy"])
	if r.F1 < 0.88 {
		t.Errorf("F1 = %.3f, want ≥ 0.88", r.F1)
	}
}
