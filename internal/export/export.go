// Package export writes clustered events in the formats existing tools
// read: CSV with ACLED's columns, GDELT 2.0 event TSV (61 columns), JSON
// Lines, GeoJSON and Parquet. One row is one real event (cluster.Event),
// not one report; every row carries its provenance — the URL and
// evidence sentence of its best report, who asserts it and how, and how
// many reports and sources stand behind it.
//
// The mapping to ACLED and GDELT follows their codebooks where sitrep
// knows the value and leaves the column empty where it does not; the
// differences are documented on each writer.
package export

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/cluster"
	"sitrep/internal/store"
)

// Format names an output format of the event commands.
type Format string

// Formats.
const (
	ACLED   Format = "csv"
	GDELT   Format = "tsv"
	JSONL   Format = "jsonl"
	GeoJSON Format = "geojson"
	Parquet Format = "parquet"
)

// Formats lists every export format.
var Formats = []Format{ACLED, GDELT, JSONL, GeoJSON, Parquet}

//go:embed data/countries.tsv
var countriesTSV string

// Country is one row of data/countries.tsv.
type Country struct {
	ISO2, ISO3 string
	Numeric    int
	Name       string
	Region     string
}

var countries = parseCountries(countriesTSV)

func parseCountries(s string) map[string]Country {
	m := map[string]Country{}
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			continue
		}
		n, _ := strconv.Atoi(f[2])
		c := Country{ISO2: f[0], ISO3: f[1], Numeric: n, Name: f[3], Region: f[4]}
		m[c.ISO2], m[c.ISO3] = c, c
	}
	return m
}

// CountryOf looks a country up by ISO 3166-1 alpha-2 or alpha-3 code.
func CountryOf(code string) (Country, bool) {
	c, ok := countries[strings.ToUpper(code)]
	return c, ok
}

// best is the report a row's provenance comes from: the first report the
// outlet states as fact, else the first report.
func best(e *cluster.Event) *store.EventRow {
	for i := range e.Reports {
		if e.Reports[i].Fact {
			return &e.Reports[i]
		}
	}
	if len(e.Reports) > 0 {
		return &e.Reports[0]
	}
	return &store.EventRow{}
}

// country is the event's country: its place's, else its first actor's.
func country(e *cluster.Event) Country {
	if c, ok := CountryOf(e.Place.Country); ok {
		return c
	}
	c, _ := CountryOf(e.Actor1.Country)
	return c
}

// timestamp is the latest publication time among the reports, in Unix
// seconds; 0 when none is dated.
func timestamp(e *cluster.Event) int64 {
	var t int64
	for _, r := range e.Reports {
		if len(r.Published) < 10 {
			continue
		}
		if d, err := time.Parse("2006-01-02", r.Published[:10]); err == nil && d.Unix() > t {
			t = d.Unix()
		}
	}
	return t
}

// tollText writes the casualty ranges with who reported each:
// "killed 2–4 (Syrian source: 2+; Syrian Observatory…: 4)".
func tollText(e *cluster.Event) string {
	var parts []string
	for _, t := range e.Tolls {
		rng := strconv.Itoa(t.Low)
		if t.High > t.Low {
			rng += "-" + strconv.Itoa(t.High)
		}
		if t.OpenEnded {
			rng += "+"
		}
		var who []string
		for _, r := range t.Reports {
			fig := strconv.Itoa(r.Low)
			if r.High < 0 {
				fig += "+"
			} else if r.High > r.Low {
				fig += "-" + strconv.Itoa(r.High)
			}
			by := r.By
			if by == "" {
				by = r.Outlet
			}
			who = append(who, fmt.Sprintf("%s: %s", by, fig))
		}
		parts = append(parts, fmt.Sprintf("%s %s (%s)", t.Kind, rng, strings.Join(dedupe(who), "; ")))
	}
	return strings.Join(parts, "; ")
}

func dedupe(s []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func articles(e *cluster.Event) int {
	seen := map[string]bool{}
	for _, r := range e.Reports {
		seen[r.ArticleID] = true
	}
	return len(seen)
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Write writes events in format f.
func Write(w io.Writer, f Format, events []cluster.Event) error {
	switch f {
	case ACLED:
		return WriteACLED(w, events)
	case GDELT:
		return WriteGDELT(w, events)
	case JSONL:
		return WriteJSONL(w, events)
	case GeoJSON:
		return WriteGeoJSON(w, events)
	case Parquet:
		return WriteParquet(w, events)
	}
	return fmt.Errorf("unknown export format %q (want csv, tsv, jsonl, geojson or parquet)", f)
}
