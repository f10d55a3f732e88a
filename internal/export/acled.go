package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"sitrep/internal/cluster"
)

// ACLEDColumns are the columns of the ACLED CSV export: ACLED's own, in
// ACLED's order, then sitrep's provenance columns.
var ACLEDColumns = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
	"iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
	"source", "source_scale", "notes", "fatalities", "tags", "timestamp",
	// provenance
	"source_url", "evidence", "asserted_by", "assertion", "reports", "stories", "sitrep_event_id", "sitrep_type", "casualty_reports",
}

// WriteACLED writes events as CSV with ACLED's column names and types:
// event_date YYYY-MM-DD; year, time_precision, inter1, inter2,
// interaction, iso, geo_precision, fatalities and timestamp integers
// (empty when unknown); latitude and longitude decimal degrees.
//
// Where sitrep differs from ACLED's coding: event_id_cnty is the ISO
// alpha-3 code followed by sitrep's event ID; fatalities is the smallest
// figure any report gives (ACLED's conservative rule) and casualty_reports
// lists every figure with who reported it; source lists the outlets;
// timestamp is the latest publication day of a report, not an upload time.
func WriteACLED(w io.Writer, events []cluster.Event) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ACLEDColumns); err != nil {
		return err
	}
	for i := range events {
		if err := cw.Write(acledRow(&events[i])); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func acledRow(e *cluster.Event) []string {
	c := country(e)
	b := best(e)
	date := e.Date
	if len(date) > 10 {
		date = date[:10]
	}
	year := ""
	if len(date) >= 4 {
		year = date[:4]
	}
	inter1, inter2 := inter(e.Actor1.Sector, e.Actor1.Country, c.ISO3), inter(e.Actor2.Sector, e.Actor2.Country, c.ISO3)
	interaction := ""
	if inter1 > 0 {
		a, b := inter1, inter2
		if b > 0 && b < a {
			a, b = b, a
		}
		interaction = strconv.Itoa(a*10 + b)
		if inter2 == 0 {
			interaction = strconv.Itoa(inter1 * 10)
		}
	}
	civ := ""
	if e.Actor2.Sector == "civilians" {
		civ = "Civilian targeting"
	}
	lat, lon := "", ""
	if e.Place.HasCoord {
		lat, lon = ftoa(e.Place.Lat), ftoa(e.Place.Lon)
	}
	iso := ""
	if c.Numeric > 0 {
		iso = strconv.Itoa(c.Numeric)
	}
	location := e.Place.Name
	if location == "" {
		location = e.Place.Text
	}
	return []string{
		c.ISO3 + strings.TrimPrefix(e.ID, "ev-"), date, year, timePrecision(e), disorder(b.ACLEDEvent), b.ACLEDEvent, b.ACLEDSubEvent,
		e.Actor1.Label(), "", itoaOrEmpty(inter1), e.Actor2.Label(), "", itoaOrEmpty(inter2), interaction, civ,
		iso, c.Region, c.Name, e.Place.Admin1, "", "", location, lat, lon, geoPrecision(e.Place.Precision, e.Place.HasCoord),
		strings.Join(e.Outlets, "; "), "", b.Evidence, strconv.Itoa(e.Fatalities()), "", strconv.FormatInt(timestamp(e), 10),
		b.URL, b.Evidence, strings.Join(e.AssertedBy, "; "), b.Assertion, strconv.Itoa(len(e.Reports)), strconv.Itoa(e.Stories),
		e.ID, e.Type, tollText(e),
	}
}

func itoaOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// timePrecision is ACLED's: 1 the day is known, 2 the week, 3 the month
// or coarser.
func timePrecision(e *cluster.Event) string {
	switch {
	case e.DateLo == "":
		return ""
	case e.DateLo == e.DateHi:
		return "1"
	case len(e.DateLo) == 10 && len(e.DateHi) == 10 && e.DateHi[:8] == e.DateLo[:8] && e.DateHi[8:] < "32":
		if d1, d2 := atoi(e.DateLo[8:]), atoi(e.DateHi[8:]); d2-d1 <= 6 {
			return "2"
		}
	}
	return "3"
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// geoPrecision is ACLED's: 1 the place itself, 2 near it or a part of a
// region, 3 a larger region or only the country.
func geoPrecision(p string, has bool) string {
	switch {
	case !has:
		return ""
	case p == "point":
		return "1"
	case p == "near" || p == "" || p == "region":
		return "2"
	}
	return "3"
}

// disorder maps an ACLED event type to its disorder type.
func disorder(eventType string) string {
	switch eventType {
	case "Battles", "Explosions/Remote violence", "Violence against civilians":
		return "Political violence"
	case "Protests":
		return "Demonstrations"
	case "Riots":
		return "Political violence; Demonstrations"
	case "Strategic developments":
		return "Strategic developments"
	}
	return ""
}

// inter is ACLED's actor type: 1 state forces, 2 rebel groups, 3 political
// militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians,
// 8 external/other forces (a state's forces outside it, coalitions,
// international organisations); 0 when unknown.
func inter(sector, actorCountry, eventCountry string) int {
	switch sector {
	case "military", "government", "police":
		if actorCountry != "" && eventCountry != "" && actorCountry != eventCountry {
			return 8
		}
		if actorCountry == "" {
			return 8
		}
		return 1
	case "rebel":
		return 2
	case "militia":
		return 3
	case "ethnic militia", "identity militia":
		return 4
	case "rioters":
		return 5
	case "protesters":
		return 6
	case "civilians":
		return 7
	case "igo":
		return 8
	}
	return 0
}
