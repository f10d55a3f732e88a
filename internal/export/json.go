package export

import (
	"bufio"
	"encoding/json"
	"io"

	"sitrep/internal/cluster"
)

// WriteJSONL writes one cluster.Event per line, every report included.
func WriteJSONL(w io.Writer, events []cluster.Event) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range events {
		if err := enc.Encode(&events[i]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

type featureCollection struct {
	Type     string    `json:"type"`
	Features []feature `json:"features"`
}

type feature struct {
	Type       string     `json:"type"`
	ID         string     `json:"id"`
	Geometry   *point     `json:"geometry"` // null when the event has no coordinates
	Properties properties `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // longitude, latitude (RFC 7946)
}

type properties struct {
	Type       string   `json:"type"`
	Mode       string   `json:"mode,omitempty"`
	Date       string   `json:"date,omitempty"`
	DateLo     string   `json:"date_lo,omitempty"`
	DateHi     string   `json:"date_hi,omitempty"`
	Actor1     string   `json:"actor1,omitempty"`
	Actor2     string   `json:"actor2,omitempty"`
	Place      string   `json:"place,omitempty"`
	Country    string   `json:"country,omitempty"`
	Precision  string   `json:"geo_precision,omitempty"`
	Fact       bool     `json:"fact"`
	Fatalities int      `json:"fatalities"`
	Casualties string   `json:"casualties,omitempty"`
	Reports    int      `json:"reports"`
	Stories    int      `json:"stories"`
	Outlets    []string `json:"outlets"`
	AssertedBy []string `json:"asserted_by"`
	Assertion  string   `json:"assertion,omitempty"`
	Evidence   string   `json:"evidence,omitempty"`
	URL        string   `json:"url,omitempty"`
}

// WriteGeoJSON writes events as one RFC 7946 FeatureCollection: a Point
// per event with coordinates, a null geometry for the others.
func WriteGeoJSON(w io.Writer, events []cluster.Event) error {
	fc := featureCollection{Type: "FeatureCollection", Features: make([]feature, 0, len(events))}
	for i := range events {
		e := &events[i]
		b := best(e)
		f := feature{Type: "Feature", ID: e.ID, Properties: properties{
			Type: e.Type, Mode: e.Mode, Date: e.Date, DateLo: e.DateLo, DateHi: e.DateHi,
			Actor1: e.Actor1.Label(), Actor2: e.Actor2.Label(), Place: e.Place.Name, Country: e.Place.Country,
			Precision: e.Place.Precision, Fact: e.Fact, Fatalities: e.Fatalities(), Casualties: tollText(e),
			Reports: len(e.Reports), Stories: e.Stories, Outlets: nonNil(e.Outlets), AssertedBy: nonNil(e.AssertedBy),
			Assertion: b.Assertion, Evidence: b.Evidence, URL: b.URL,
		}}
		if e.Place.HasCoord {
			f.Geometry = &point{Type: "Point", Coordinates: [2]float64{e.Place.Lon, e.Place.Lat}}
		}
		fc.Features = append(fc.Features, f)
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(fc); err != nil {
		return err
	}
	return bw.Flush()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
