package event

import (
	"context"
	"os"
	"testing"
)

const gsrDir = "../../../shared/eval/plover-gsr-cameo"

// TestGSRDev prints the dev-set errors (never the held-out ones) with -v
// and -run GSRDev; it checks only that scoring runs.
func TestGSRDev(t *testing.T) {
	if _, err := os.Stat(gsrDir); err != nil {
		t.Skip("plover-gsr-cameo not present:", err)
	}
	recs, err := LoadGSR(gsrDir)
	if err != nil {
		t.Fatal(err)
	}
	st := New(Config{})
	for _, rec := range recs {
		if HeldOut(rec.ID) {
			continue
		}
		res, err := CodeGSR(rec, nil, st)
		if err != nil {
			t.Fatal(err)
		}
		if testing.Verbose() && os.Getenv("GSR_ERRORS") != "" && res.Type != PLOVERType(rec.Event) {
			t.Logf("%s gold=%s got=%s: %s", rec.ID, PLOVERType(rec.Event), res.Type, rec.Text)
		}
	}
	rep, err := Scorer().Run(context.Background(), gsrDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("type accuracy %.3f dev %.3f held-out %.3f", rep.Metrics["type_accuracy"], rep.Metrics["type_accuracy_dev"], rep.Metrics["type_accuracy_held_out"])
}
