package extract

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

// benchDir is the benchmark folder, relative to this package's directory.
var benchDir = filepath.Join("..", "..", "..", "shared", "eval", BenchmarkData)

func loadBenchmarkOrSkip(t testing.TB) *Benchmark {
	t.Helper()
	if _, err := os.Stat(filepath.Join(benchDir, "ground-truth.json")); err != nil {
		t.Skipf("article-extraction benchmark not found at %s: %v", benchDir, err)
	}
	b, err := LoadBenchmark(benchDir)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestScoreReferenceOutputs checks the metric against the benchmark's own
// leaderboard (PROVENANCE.md) on two reference outputs.
func TestScoreReferenceOutputs(t *testing.T) {
	b := loadBenchmarkOrSkip(t)
	if len(b.Gold) != 181 {
		t.Errorf("gold pages = %d, want 181", len(b.Gold))
	}
	for _, tc := range []struct {
		file     string
		p, r, f1 float64
		accuracy float64
		checkAcc bool
	}{
		{"go_trafilatura.json", 0.940, 0.980, 0.960, 0.287, true},
		{"html-text.json", 0.500, 0.994, 0.665, 0, false},
	} {
		pred, err := LoadOutput(filepath.Join(benchDir, "reference-outputs", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		r := b.Score(tc.file, pred)
		near := func(name string, got, want float64) {
			if math.Abs(got-want) > 0.0005 {
				t.Errorf("%s: %s = %.4f, want %.3f", tc.file, name, got, want)
			}
		}
		near("precision", r.Precision, tc.p)
		near("recall", r.Recall, tc.r)
		near("F1", r.F1, tc.f1)
		if tc.checkAcc {
			near("accuracy", r.Metrics["accuracy"], tc.accuracy)
		}
		if r.N != 181 || r.Subsets["dev"].N+r.Subsets["held_out"].N != 181 {
			t.Errorf("%s: n = %d, dev+held_out = %d", tc.file, r.N, r.Subsets["dev"].N+r.Subsets["held_out"].N)
		}
	}
}

func TestHeldOutIsAboutAQuarter(t *testing.T) {
	b := loadBenchmarkOrSkip(t)
	n := 0
	for id := range b.Gold {
		if HeldOut(id) {
			n++
		}
	}
	if n < len(b.Gold)/6 || n > len(b.Gold)/3 {
		t.Errorf("held out %d of %d pages, want about a quarter", n, len(b.Gold))
	}
	t.Logf("held out %d of %d pages", n, len(b.Gold))
}

func TestScorePage(t *testing.T) {
	for _, tc := range []struct {
		name       string
		gold, pred string
		p, r       float64
		pOK, rOK   bool // whether the page counts in the precision / recall mean
	}{
		{"exact", "a b c d e", "a b c d e", 1, 1, true, true},
		{"punctuation ignored", "a, b. c d!", "a b c d", 1, 1, true, true},
		{"empty prediction", "a b c d", "", 0, 0, false, true},
		{"extra text", "a b c d", "a b c d e", 0.5, 1, true, true},
		{"short texts", "a b", "a b", 1, 1, true, true},
		{"unicode words", "Москва, 9 июня", "Москва 9 июня", 1, 1, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a prAcc
			a.add(scorePage(tc.gold, tc.pred))
			if (a.pN == 1) != tc.pOK || (a.rN == 1) != tc.rOK {
				t.Fatalf("counted in precision %v recall %v, want %v %v", a.pN == 1, a.rN == 1, tc.pOK, tc.rOK)
			}
			s := a.score()
			if math.Abs(s.Precision-tc.p) > 1e-9 || math.Abs(s.Recall-tc.r) > 1e-9 {
				t.Errorf("P, R = %.3f, %.3f; want %.3f, %.3f", s.Precision, s.Recall, tc.p, tc.r)
			}
		})
	}
}
