package timex

import (
	"context"
	"flag"
	"io"
	"os"
	"strings"
	"testing"
)

const meantimeDir = "../../../shared/eval/meantime"

var mismatches = flag.String("mismatches", "", "write every scoring error on MEANTIME to this file")

func TestMeantime(t *testing.T) {
	if _, err := os.Stat(meantimeDir); err != nil {
		t.Skipf("MEANTIME not found at %s: %v", meantimeDir, err)
	}
	var w io.Writer
	if *mismatches != "" {
		f, err := os.Create(*mismatches)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		w = f
	}
	r, err := scoreTo(context.Background(), meantimeDir, w)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	r.WriteTable(&b)
	t.Log("\n" + b.String())
	// The targets of issue 6, on the whole set and on the held-out third.
	if r.N != 488 {
		t.Errorf("read %d gold times with text, want 488", r.N)
	}
	for name, f1 := range map[string]float64{"all": r.F1, "held_out": r.Subsets["held_out"].F1} {
		if f1 < 0.90 {
			t.Errorf("%s: relaxed extent F1 %.3f < 0.90", name, f1)
		}
	}
	for _, k := range []string{"value_accuracy", "held_out_value_accuracy"} {
		if r.Metrics[k] < 0.85 {
			t.Errorf("%s %.3f < 0.85", k, r.Metrics[k])
		}
	}
}
