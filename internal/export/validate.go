package export

import (
	"encoding/json"
	"fmt"
	"math"
)

// ValidateGeoJSON checks what RFC 7946 requires of a FeatureCollection of
// Point features: the type members, a features array, each feature with a
// geometry (a Point of two finite numbers, longitude in [-180, 180] and
// latitude in [-90, 90], or null) and a properties object (or null).
func ValidateGeoJSON(b []byte) error {
	var fc struct {
		Type     string             `json:"type"`
		Features *[]json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		return err
	}
	if fc.Type != "FeatureCollection" {
		return fmt.Errorf("type %q, want FeatureCollection", fc.Type)
	}
	if fc.Features == nil {
		return fmt.Errorf("no features member")
	}
	for i, raw := range *fc.Features {
		var f struct {
			Type       string          `json:"type"`
			Geometry   json.RawMessage `json:"geometry"`
			Properties json.RawMessage `json:"properties"`
		}
		if err := json.Unmarshal(raw, &f); err != nil {
			return fmt.Errorf("feature %d: %w", i, err)
		}
		if f.Type != "Feature" {
			return fmt.Errorf("feature %d: type %q", i, f.Type)
		}
		if f.Geometry == nil {
			return fmt.Errorf("feature %d: no geometry member", i)
		}
		if string(f.Geometry) != "null" {
			var g struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			}
			if err := json.Unmarshal(f.Geometry, &g); err != nil {
				return fmt.Errorf("feature %d: geometry: %w", i, err)
			}
			if g.Type != "Point" || len(g.Coordinates) != 2 {
				return fmt.Errorf("feature %d: geometry is not a Point of two coordinates", i)
			}
			lon, lat := g.Coordinates[0], g.Coordinates[1]
			if math.IsNaN(lon) || math.IsNaN(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90 {
				return fmt.Errorf("feature %d: coordinates %v out of range", i, g.Coordinates)
			}
		}
		if f.Properties == nil {
			return fmt.Errorf("feature %d: no properties member", i)
		}
		if p := string(f.Properties); p != "null" && (len(p) == 0 || p[0] != '{') {
			return fmt.Errorf("feature %d: properties is not an object", i)
		}
	}
	return nil
}
