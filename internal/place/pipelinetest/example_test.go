// Package pipelinetest checks the place stage after the stages before it
// (extract, segment, entity) on the reference example page: the entity
// stage's mentions must not hide the places an analyst reads there. It is a
// package of its own so that the place package's tests do not depend on the
// entity stage building.
package pipelinetest

import (
	"math"
	"os"
	"testing"

	"sitrep/internal/entity"
	"sitrep/internal/extract"
	"sitrep/internal/place"
	"sitrep/internal/segment"
	"sitrep/news"
)

func TestExampleAfterEntities(t *testing.T) {
	b, err := os.ReadFile("../../../../shared/examples/sputnik-2017-06-09-coalition-al-tanf.txt")
	if err != nil {
		t.Skip("example page absent:", err)
	}
	a := &news.Article{Original: b, Format: news.FormatText}
	if err := extract.New(extract.Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	if err := segment.New(segment.Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	es, err := entity.New(entity.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := es.Apply(a); err != nil {
		t.Fatal(err)
	}
	ps, err := place.New(place.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ps.Apply(a); err != nil {
		t.Fatal(err)
	}
	truth := map[string][2]float64{ // approximate true positions
		"Palmyra": {34.55, 38.27}, "Deir ez-Zor": {35.33, 40.14},
		"al-Tanf": {33.5, 38.65}, "At Tanf": {33.5, 38.65}, "Abu Kamal": {34.45, 40.92},
	}
	found := make(map[string]news.Place)
	for _, p := range a.Places {
		name := a.Covered(p.Span)
		found[name] = p
		if pos, ok := truth[name]; ok && (p.Country != "SY" || km(p.Lat, p.Lon, pos[0], pos[1]) > 25) {
			t.Errorf("%q: %s in %s at %.3f,%.3f, want in SY within 25 km of %v", name, p.Name, p.Country, p.Lat, p.Lon, pos)
		}
		if name == "Damascus" || name == "Washinghton" {
			t.Errorf("%q is an actor here, not a place", name)
		}
	}
	for name, prec := range map[string]news.GeoPrecision{
		"Palmyra": "", "Deir ez-Zor": "", "al-Tanf": "", "At Tanf": "", "Abu Kamal": "",
		"Syria": news.GeoCountry, "Iraq": news.GeoCountry, "Jordan": news.GeoCountry,
		"southern Syria": news.GeoRegion, "the south of the country": news.GeoRegion,
	} {
		p, ok := found[name]
		if !ok {
			t.Errorf("%q not found", name)
		} else if prec != "" && p.Precision != prec {
			t.Errorf("%q: precision %s, want %s", name, p.Precision, prec)
		}
	}
}

func km(lat1, lon1, lat2, lon2 float64) float64 {
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * 6371 * math.Asin(math.Sqrt(h))
}
