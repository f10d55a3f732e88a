package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/internal/cluster"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func events(t testing.TB) []cluster.Event {
	t.Helper()
	page, ok := storetest.ExamplePage()
	if !ok {
		t.Skip("example page not found")
	}
	arts, err := storetest.Corpus(page)
	if err != nil {
		t.Fatal(err)
	}
	var rows []store.EventRow
	for _, a := range arts {
		rows = append(rows, store.RowsOf(a, "test").Events...)
	}
	return cluster.Group(rows, cluster.Config{})
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff", name)
	}
}

// TestACLED reads the CSV back with ACLED's columns and types.
func TestACLED(t *testing.T) {
	evs := events(t)
	var buf bytes.Buffer
	if err := WriteACLED(&buf, evs); err != nil {
		t.Fatal(err)
	}
	golden(t, "corpus.acled.csv", buf.Bytes())
	recs, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(ACLEDColumns, ",") {
		t.Fatalf("header = %v", recs[0])
	}
	if len(recs)-1 != len(evs) {
		t.Fatalf("%d rows, want %d", len(recs)-1, len(evs))
	}
	col := map[string]int{}
	for i, c := range recs[0] {
		col[c] = i
	}
	ints := []string{"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities", "timestamp", "reports"}
	floats := []string{"latitude", "longitude"}
	sawTanf := false
	for _, r := range recs[1:] {
		for _, c := range ints {
			if v := r[col[c]]; v != "" {
				if _, err := strconv.Atoi(v); err != nil {
					t.Errorf("%s = %q, not an integer", c, v)
				}
			}
		}
		for _, c := range floats {
			if v := r[col[c]]; v != "" {
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					t.Errorf("%s = %q, not a number", c, v)
				}
			}
		}
		if _, err := time.Parse("2006-01-02", r[col["event_date"]]); err != nil {
			t.Errorf("event_date %q: %v", r[col["event_date"]], err)
		}
		if r[col["event_date"]] == "2017-06-06" && r[col["sitrep_type"]] == "ASSAULT" {
			sawTanf = true
			if r[col["fatalities"]] != "2" || r[col["country"]] != "Syria" || r[col["iso"]] != "760" || r[col["source_url"]] == "" ||
				!strings.Contains(r[col["casualty_reports"]], "killed 2-4") {
				t.Errorf("June 6 row = %v", r)
			}
		}
	}
	if !sawTanf {
		t.Error("no row for the June 6 strike")
	}
}

func TestGDELT(t *testing.T) {
	evs := events(t)
	var buf bytes.Buffer
	if err := WriteGDELT(&buf, evs); err != nil {
		t.Fatal(err)
	}
	golden(t, "corpus.gdelt.tsv", buf.Bytes())
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(evs) {
		t.Fatalf("%d lines, want %d", len(lines), len(evs))
	}
	if len(GDELTColumns) != 61 {
		t.Fatalf("%d column names, want 61", len(GDELTColumns))
	}
	for i, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 61 {
			t.Errorf("line %d: %d columns, want 61", i+1, len(f))
			continue
		}
		if _, err := strconv.ParseUint(f[0], 10, 64); err != nil {
			t.Errorf("line %d: GlobalEventID %q", i+1, f[0])
		}
		if f[1] != "" && len(f[1]) != 8 {
			t.Errorf("line %d: Day %q", i+1, f[1])
		}
	}
}

// TestGeoJSON validates the structure RFC 7946 requires.
func TestGeoJSON(t *testing.T) {
	evs := events(t)
	var buf bytes.Buffer
	if err := WriteGeoJSON(&buf, evs); err != nil {
		t.Fatal(err)
	}
	if err := ValidateGeoJSON(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Geometry *struct{ Coordinates []float64 } `json:"geometry"`
		} `json:"features"`
	}
	json.Unmarshal(buf.Bytes(), &fc)
	points := 0
	for _, f := range fc.Features {
		if f.Geometry != nil {
			points++
		}
	}
	if len(fc.Features) != len(evs) || points == 0 {
		t.Errorf("%d features (%d points), want %d", len(fc.Features), points, len(evs))
	}
	for _, bad := range []string{`{}`, `{"type":"FeatureCollection"}`, `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[200,10]},"properties":{}}]}`} {
		if ValidateGeoJSON([]byte(bad)) == nil {
			t.Errorf("ValidateGeoJSON(%s) = nil", bad)
		}
	}
}

func TestParquet(t *testing.T) {
	evs := events(t)
	var buf bytes.Buffer
	if err := WriteParquet(&buf, evs); err != nil {
		t.Fatal(err)
	}
	rows, err := ReadParquet(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(evs) {
		t.Fatalf("%d rows read back, want %d", len(rows), len(evs))
	}
	for i, r := range rows {
		want := parquetRow(&evs[i])
		if r.ID != want.ID || r.Evidence != want.Evidence || r.Fatalities != want.Fatalities ||
			(r.Latitude == nil) != (want.Latitude == nil) || (r.Latitude != nil && *r.Latitude != *want.Latitude) {
			t.Errorf("row %d reads back as %+v, want %+v", i, r, want)
		}
	}
}

func TestJSONL(t *testing.T) {
	evs := events(t)
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, evs); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&buf)
	n := 0
	for dec.More() {
		var e cluster.Event
		if err := dec.Decode(&e); err != nil {
			t.Fatal(err)
		}
		if e.ID != evs[n].ID || len(e.Reports) != len(evs[n].Reports) {
			t.Errorf("line %d does not read back", n+1)
		}
		n++
	}
	if n != len(evs) {
		t.Errorf("%d lines, want %d", n, len(evs))
	}
}

func TestEmpty(t *testing.T) {
	for _, f := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, f, nil); err != nil {
			t.Errorf("%s of no events: %v", f, err)
		}
	}
	var buf bytes.Buffer
	WriteGeoJSON(&buf, nil)
	if err := ValidateGeoJSON(buf.Bytes()); err != nil {
		t.Error(err)
	}
	if Write(&buf, "xml", nil) == nil {
		t.Error("unknown format: no error")
	}
}

func BenchmarkExport(b *testing.B) {
	evs := events(b)
	for len(evs) < 10000 {
		evs = append(evs, evs...)
	}
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			var n int64
			for range b.N {
				var buf bytes.Buffer
				if err := Write(&buf, f, evs); err != nil {
					b.Fatal(err)
				}
				n = int64(buf.Len())
			}
			b.SetBytes(n)
			b.ReportMetric(float64(len(evs)*b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// FuzzExport writes events with arbitrary field values in every format and
// checks that each reads back with the right shape.
func FuzzExport(f *testing.F) {
	f.Add("ASSAULT", "2017-06-08", "US-led coalition", "al-Tanf\t\"x\"\n", "SY", 33.5, 38.6, 2, -1)
	f.Add("", "", "", "", "", 91.0, -200.0, -5, 3)
	f.Fuzz(func(t *testing.T, typ, date, actor, place, country string, lat, lon float64, low, high int) {
		r := store.EventRow{ArticleID: "a", Type: typ, Date: date, Evidence: place, Outlet: actor,
			Actor1: store.ActorRef{Key: actor, Name: actor}, Figures: []store.Figure{{Kind: "killed", Low: low, High: high, By: actor}},
			Place: store.PlaceRef{Name: place, Country: country, Lat: lat, Lon: lon, HasCoord: lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180}}
		r.DateLo, r.DateHi = store.DateRange(date, "")
		evs := cluster.Group([]store.EventRow{r, r}, cluster.Config{})
		for _, format := range Formats {
			var buf bytes.Buffer
			if err := Write(&buf, format, evs); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			switch format {
			case ACLED:
				recs, err := csv.NewReader(&buf).ReadAll()
				if err != nil || len(recs) != len(evs)+1 {
					t.Fatalf("ACLED: %d records, %v", len(recs), err)
				}
			case GDELT:
				for _, l := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
					if n := strings.Count(l, "\t") + 1; n != 61 {
						t.Fatalf("GDELT: %d columns in %q", n, l)
					}
				}
			case GeoJSON:
				if err := ValidateGeoJSON(buf.Bytes()); err != nil {
					t.Fatal(err)
				}
			case Parquet:
				if rows, err := ReadParquet(bytes.NewReader(buf.Bytes()), int64(buf.Len())); err != nil || len(rows) != len(evs) {
					t.Fatalf("Parquet: %d rows, %v", len(rows), err)
				}
			}
		}
	})
}

// TestTypeCodes checks the GDELT actor types read from a CAMEO code of
// one, two or three roles, and from a sector word when the code has none.
func TestTypeCodes(t *testing.T) {
	for _, tc := range []struct {
		a    store.ActorRef
		want []string
	}{
		{store.ActorRef{Code: "SYRMIL", Country: "SYR"}, []string{"MIL"}},
		{store.ActorRef{Code: "GBRGOVMIL", Country: "GBR"}, []string{"GOV", "MIL"}},
		{store.ActorRef{Code: "USAGOVMILSPY", Country: "USA"}, []string{"GOV", "MIL", "SPY"}},
		{store.ActorRef{Code: "SYR", Country: "SYR", Sector: "government"}, []string{"GOV"}},
		{store.ActorRef{Code: "IGOUNO", Sector: "igo"}, []string{"IGO"}},
		{store.ActorRef{}, nil},
	} {
		if got := typeCodes(tc.a); !slices.Equal(got, tc.want) {
			t.Errorf("typeCodes(%+v) = %v, want %v", tc.a, got, tc.want)
		}
	}
}
