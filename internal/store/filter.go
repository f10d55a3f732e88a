package store

import (
	"math"
	"strings"
	"time"
)

// DefaultRadiusKm is the radius of a place filter that gives none.
const DefaultRadiusKm = 25

// DateBounds checks a filter's date range and returns its first and last
// day (YYYY-MM-DD; "" for an open end). From "2017-05" means from
// 2017-05-01, To "2017-06" up to 2017-06-30.
func DateBounds(from, to string) (lo, hi string, err error) {
	if from != "" {
		if lo, _ = DateRange(from, ""); lo == "" || !isDate(from) {
			return "", "", &FilterError{"--from", from, "not a date: want YYYY, YYYY-MM or YYYY-MM-DD"}
		}
	}
	if to != "" {
		if _, hi = DateRange(to, ""); hi == "" || !isDate(to) {
			return "", "", &FilterError{"--to", to, "not a date: want YYYY, YYYY-MM or YYYY-MM-DD"}
		}
	}
	if lo != "" && hi != "" && lo > hi {
		return "", "", &FilterError{"date range", from + " to " + to, "ends before it starts"}
	}
	return lo, hi, nil
}

// isDate reports whether s is a calendar date YYYY, YYYY-MM or YYYY-MM-DD.
func isDate(s string) bool {
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if layout == "" {
		return false
	}
	_, err := time.Parse(layout, s)
	return err == nil
}

// DistanceKm is the great-circle distance between two points in degrees.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// Box is the latitude/longitude box that holds every point within km of
// (lat, lon), for an index look-up before the exact distance.
func Box(lat, lon, km float64) (minLat, maxLat, minLon, maxLon float64) {
	km *= 1.01 // a great circle bulges beyond the parallel
	dLat := km / 111.0
	c := math.Cos(lat * math.Pi / 180)
	dLon := 180.0
	if c > 1e-6 {
		dLon = math.Min(180, km/(111.320*c))
	}
	return lat - dLat, lat + dLat, lon - dLon, lon + dLon
}

// MatchQuery turns free text into a full-text query that matches every
// word as written: each word becomes a quoted phrase, so the operators of
// the query language (AND, NEAR, *, ^, column filters) have no effect.
// It returns "" when the text has no word.
func MatchQuery(text string) string {
	var b strings.Builder
	text = strings.Map(func(r rune) rune {
		if r < ' ' {
			return ' '
		}
		return r
	}, text)
	for _, w := range strings.Fields(text) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(w, `"`, `""`))
		b.WriteByte('"')
	}
	return b.String()
}
