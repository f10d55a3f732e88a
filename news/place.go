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
	// Span is the toponym; for a region it includes the words that make it
	// one ("southern Syria", "the south of the country").
	Span      Span         `json:"span"`
	GeonameID int          `json:"geonameid"` // 0 for entries not from GeoNames
	Name      string       `json:"name"`      // the entry's preferred name
	Lat       float64      `json:"lat"`
	Lon       float64      `json:"lon"`
	Country   string       `json:"country"` // ISO 3166-1 alpha-2, "" when none
	Admin1    string       `json:"admin1"`  // name of the first-level region, "" when none
	Precision GeoPrecision `json:"precision"`

	// Admin1Code is the GeoNames admin1 code within Country ("07").
	Admin1Code string `json:"admin1_code,omitempty"`
	// Feature is the entry's class: city, admin1, country, region (a
	// continent, sea, disputed region…) or site (a crossing, base, dam…).
	Feature string `json:"feature,omitempty"`
	// Code is the GeoNames feature code (PPLC, PPLA, ADM1, PCLI) or the
	// curated kind (BRDCRS, MILB, SEA…).
	Code       string `json:"code,omitempty"`
	Population int64  `json:"population,omitempty"`
	// Source names where the entry comes from: "geonames",
	// "world-countries", "curated: …".
	Source string `json:"source,omitempty"`
	// Candidates is the number of gazetteer entries the name matched; more
	// than one means the place was chosen by disambiguation.
	Candidates int `json:"candidates,omitempty"`
}
