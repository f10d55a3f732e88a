package entity

import (
	"context"
	"os"
	"testing"
)

const meantimeDir = "../../../shared/eval/meantime"

func TestScorerMeantime(t *testing.T) {
	if _, err := os.Stat(meantimeDir); err != nil {
		t.Skip("MEANTIME not found at", meantimeDir)
	}
	r, err := Scorer().Run(context.Background(), meantimeDir)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.WriteTable(os.Stdout); err != nil {
		t.Fatal(err)
	}
	if r.N < 700 {
		t.Errorf("%d gold names, want the ~750 of the corpus", r.N)
	}
	if r.F1 < 0.5 {
		t.Errorf("F1 %.3f below the floor of 0.5", r.F1)
	}
}
