package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// TestAlTanfRealEngine ingests the same corpus as TestAlTanf from disk,
// analysed by the real default pipeline instead of hand-set layers, and
// reports what the whole engine finds near al-Tanf.
func TestAlTanfRealEngine(t *testing.T) {
	page, ok := storetest.ExamplePage()
	if !ok {
		t.Skip("example page not found")
	}
	inputs, err := storetest.Inputs(page)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	for name, b := range inputs {
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	db := filepath.Join(dir, "real.db")
	var log bytes.Buffer
	st, err := Ingest(ctx, IngestOptions{DB: db, Paths: []string{in}, Engine: "real"}, nil, &log)
	if err != nil || st.Stored != 15 { // 16 inputs; the Gulf Courier copy has the same body as the Pentagon story, so the same content ID
		t.Fatalf("ingest = %+v, %v\n%s", st, err, log.String())
	}
	f := store.EventFilter{Place: "al-Tanf", RadiusKm: 50, From: "2017-05", To: "2017-06", Type: "ASSAULT"}
	var out bytes.Buffer
	all, err := Events(ctx, EventsOptions{DB: db, Filter: f, Reports: true}, &out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("all:\n%s", out.String())
	out.Reset()
	f.FactsOnly = true
	facts, err := Events(ctx, EventsOptions{DB: db, Filter: f, Reports: true}, &out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("facts only:\n%s", out.String())
	// The three strikes once each, as facts; the strike only the Russian
	// military claims among all events but not among the facts.
	var factDates []string
	for _, e := range facts {
		factDates = append(factDates, e.Date)
	}
	if want := []string{"2017-05-18", "2017-06-06", "2017-06-08"}; !slices.Equal(factDates, want) {
		t.Errorf("facts only: %v, want %v", factDates, want)
	}
	claimed := false
	for _, e := range all {
		if e.Date == "2017-06-01" && !e.Fact {
			claimed = true
		}
	}
	if !claimed {
		t.Error("the strike only the Russian military claims (2017-06-01) is not among all events")
	}
}
