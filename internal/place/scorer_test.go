package place

import (
	"context"
	"os"
	"testing"
)

const geovirusDir = "../../../shared/eval/geovirus"

func TestScorerGeoVirus(t *testing.T) {
	if _, err := os.Stat(geovirusDir + "/GeoVirus.xml"); err != nil {
		t.Skip("GeoVirus absent:", err)
	}
	r, err := Scorer().Run(context.Background(), geovirusDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("all %+v dev %+v held_out %+v baseline %+v", r.Score, r.Subsets["dev"], r.Subsets["held_out"], r.Baselines["population"])
	for _, k := range []string{"acc@161", "dev_acc@161", "held_out_acc@161", "mean_error_km", "strict_f1", "acc@161_all", "baseline_population_acc@161"} {
		t.Logf("%s = %.3f", k, r.Metrics[k])
	}
	for _, n := range r.Notes {
		t.Log(n)
	}
	if r.N < 2000 {
		t.Errorf("n = %d gold toponyms, want about 2,170", r.N)
	}
	// Floors well below the figures reported in the README, to catch a
	// regression rather than to restate them.
	if r.Metrics["acc@161"] < 0.7 || r.F1 < 0.6 {
		t.Errorf("acc@161 = %.3f, F1 = %.3f: below the floor", r.Metrics["acc@161"], r.F1)
	}
}
