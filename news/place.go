package news

// GeoPrecision follows ACLED's geo_precision: how closely a place pins the
// location down.
type GeoPrecision string

// Geographic precisions.
const (
	GeoPoint   GeoPrecision = "point"   // the place itself (ACLED 1)
	GeoNear    GeoPrecision = "near"    // near a named point (ACLED 2)
	GeoRegion  GeoPrecision = "region"  // an admin region or area (ACLED 2–3)
	GeoCountry GeoPrecision = "country" // only the country is known (ACLED 3)
)

// A Place is a toponym of Text resolved to a gazetteer entry.
type Place struct {
	Span      Span         `json:"span"`
	GeonameID int          `json:"geonameid"`
	Name      string       `json:"name"`
	Lat       float64      `json:"lat"`
	Lon       float64      `json:"lon"`
	Country   string       `json:"country"` // ISO 3166-1 alpha-2
	Admin1    string       `json:"admin1"`
	Precision GeoPrecision `json:"precision"`
}
