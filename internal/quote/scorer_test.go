package quote

import (
	"context"
	"os"
	"testing"
)

func TestScorerEmbedded(t *testing.T) {
	r, err := Scorer().Run(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		r.WriteTable(os.Stdout)
	}
	if r.N < 200 {
		t.Errorf("gold set has %d statements, want at least 200", r.N)
	}
}
