// Package gazetteer is sitrep's embedded place-name knowledge base: the
// populated places of GeoNames' cities1000 (with their alternate names),
// first-level administrative regions, the countries of the world, and a
// curated list of places news mentions that a city list lacks (border
// crossings, bases, airports, dams, bodies of water, disputed regions…).
//
// Names are looked up by key (see AppendKey): spellings that differ only by
// transliteration share a key, so "Dayr az Zawr" finds Deir ez-Zor.
//
// Invariants: an Entry index returned by a lookup is valid for Entry; a
// Gazetteer is read-only after Load and safe for concurrent use.
package gazetteer

import (
	"bufio"
	"bytes"
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/klauspost/compress/zstd"
)

// Class is the kind of a gazetteer entry.
type Class uint8

// Entry classes.
const (
	City    Class = 'P' // a populated place (GeoNames feature class P)
	Admin1  Class = 'A' // a first-level administrative region
	Admin2  Class = 'D' // a second-level administrative region (county, district)
	Country Class = 'C' // a country or dependent territory
	Region  Class = 'R' // a large area: continent, sea, desert, disputed region
	Site    Class = 'S' // a point feature: crossing, base, airport, dam
)

func (c Class) String() string {
	switch c {
	case City:
		return "city"
	case Admin1:
		return "admin1"
	case Admin2:
		return "admin2"
	case Country:
		return "country"
	case Region:
		return "region"
	case Site:
		return "site"
	}
	return "unknown"
}

// An Entry is one place of the gazetteer.
type Entry struct {
	ID         int     // GeoNames id; 0 for entries from other sources
	Name       string  // preferred name
	Lat, Lon   float64 // WGS84 degrees
	Class      Class
	Code       string // GeoNames feature code (PPLC, PPLA, ADM1, PCLI) or curated kind (BRDCRS, MILB, SEA…)
	Country    string // ISO 3166-1 alpha-2; "" for a place in no one country
	Admin1     string // admin1 code within Country, "" when none
	Admin2     string // admin2 code within Admin1, for Admin2 entries only
	Population int64
	Source     string // "geonames", "world-countries", "curated"
}

// A Candidate is an entry a key matched, and whether the key is the entry's
// preferred name or only one of its alternate names.
type Candidate struct {
	Index     int32
	Alternate bool
}

// A Gazetteer holds the entries and their keys.
type Gazetteer struct {
	entries []Entry
	keys    []string             // sorted
	offs    []int32              // the postings of keys[i] are posts[offs[i]:offs[i+1]]
	posts   []int32              // index<<1 | alternate
	extra   map[string][]int32   // keys of the curated and alias files
	admin1  map[[2]string]string // {"SY", "07"} → "Deir ez-Zor"
	country map[string]int32     // "SY" → entry index
	tld     map[string]string    // ".sy" → "SY"
	demonym map[string]string    // "Syrian" → "SY"; "" when several countries share it

	largestOnce sync.Once
	largest     map[[2]string]int32 // {"US", "NY"} → New York City
}

// LargestCity returns the index of the most populous place of a first-level
// region, computed on the first call.
func (g *Gazetteer) LargestCity(country, admin1 string) (int32, bool) {
	g.largestOnce.Do(func() {
		g.largest = make(map[[2]string]int32)
		for i := range g.entries {
			e := &g.entries[i]
			if e.Class != City || e.Admin1 == "" {
				continue
			}
			k := [2]string{e.Country, e.Admin1}
			if j, ok := g.largest[k]; !ok || g.entries[j].Population < e.Population {
				g.largest[k] = int32(i)
			}
		}
	})
	i, ok := g.largest[[2]string{country, admin1}]
	return i, ok
}

// IsDemonym reports whether word is the English demonym of a country
// ("Syrian", "Canadian"), which names people, not a place.
func (g *Gazetteer) IsDemonym(word string) bool {
	_, ok := g.demonym[word]
	return ok
}

// DemonymCountry returns the ISO alpha-2 code of the country a demonym
// names ("French" → "FR"), "" when none or several.
func (g *Gazetteer) DemonymCountry(word string) string { return g.demonym[word] }

// Len is the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entry returns the entry at index i.
func (g *Gazetteer) Entry(i int32) *Entry { return &g.entries[i] }

// Admin1Name returns the name of a first-level region, "" when unknown.
func (g *Gazetteer) Admin1Name(country, code string) string {
	if code == "" {
		return ""
	}
	return g.admin1[[2]string{country, code}]
}

// Country returns the index of a country's entry by ISO alpha-2 code.
func (g *Gazetteer) Country(cc string) (int32, bool) {
	i, ok := g.country[cc]
	return i, ok
}

// CountryOfTLD returns the ISO alpha-2 code of a country's top-level domain
// (".uk" → "GB"), "" when none.
func (g *Gazetteer) CountryOfTLD(tld string) string { return g.tld[strings.ToLower(tld)] }

// LookupKey appends to dst the candidates of a key made by AppendKey.
func (g *Gazetteer) LookupKey(dst []Candidate, key []byte) []Candidate {
	if len(key) == 0 {
		return dst
	}
	k := string(key) // does not escape: compared only
	i := sort.SearchStrings(g.keys, k)
	if i < len(g.keys) && g.keys[i] == k {
		for _, p := range g.posts[g.offs[i]:g.offs[i+1]] {
			dst = append(dst, Candidate{Index: p >> 1, Alternate: p&1 == 1})
		}
	}
	for _, p := range g.extra[string(key)] {
		dst = append(dst, Candidate{Index: p >> 1, Alternate: p&1 == 1})
	}
	return dst
}

// Lookup returns the candidates of a name.
func (g *Gazetteer) Lookup(name string) []Candidate {
	return g.LookupKey(nil, AppendKey(nil, name))
}

// HasPrefix reports whether some key begins with prefix; the place stage
// uses it to stop extending a token sequence early.
func (g *Gazetteer) HasPrefix(prefix []byte) bool {
	p := string(prefix)
	i := sort.SearchStrings(g.keys, p)
	return i < len(g.keys) && strings.HasPrefix(g.keys[i], p)
}

//go:embed data/geonames.tsv.zst
var geonamesData []byte

//go:embed curated.tsv
var curatedData []byte

//go:embed aliases.tsv
var aliasData []byte

var (
	loadOnce sync.Once
	loaded   *Gazetteer
	loadErr  error
)

// Load returns the embedded gazetteer, reading it on the first call; later
// calls return the same value.
func Load() (*Gazetteer, error) {
	loadOnce.Do(func() {
		loaded, loadErr = Read(geonamesData, bytes.NewReader(curatedData), bytes.NewReader(aliasData))
	})
	return loaded, loadErr
}

// curatedRoom is the number of curated entries the entry slice is sized
// for beyond the generated ones, so that adding them does not copy it.
const curatedRoom = 1024

// maxGenerated bounds the uncompressed size of a generated data file.
const maxGenerated = 1 << 28

// Compress compresses the text of a generated data file as Read expects
// it: one zstd frame that records its uncompressed size. zstd decodes about
// twice as fast as gzip at the same size (4.9 MB).
func Compress(raw []byte) ([]byte, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return nil, err
	}
	defer enc.Close()
	return enc.EncodeAll(raw, nil), nil
}

// Read builds a gazetteer from the bytes of a generated data file
// (compressed by Compress, as the gen command writes it), a curated file
// and an alias file (both TSV, described in the README beside this file).
func Read(generated []byte, curated, aliases io.Reader) (*Gazetteer, error) {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxGenerated))
	if err != nil {
		return nil, fmt.Errorf("gazetteer: generated data: %w", err)
	}
	// The frame records the uncompressed size: DecodeAll sizes its output
	// once instead of growing it.
	raw, err := dec.DecodeAll(generated, nil)
	dec.Close()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: generated data: zstd: %w", err)
	}
	g := &Gazetteer{
		extra:   make(map[string][]int32),
		admin1:  make(map[[2]string]string),
		country: make(map[string]int32),
		tld:     make(map[string]string),
		demonym: make(map[string]string),
	}
	// raw is never written again: the keys and names of the entries are
	// substrings of it, with no copy.
	if err := g.parseGenerated(unsafe.String(unsafe.SliceData(raw), len(raw))); err != nil {
		return nil, fmt.Errorf("gazetteer: generated data: %w", err)
	}
	if err := g.parseCurated(curated); err != nil {
		return nil, fmt.Errorf("gazetteer: curated data: %w", err)
	}
	if err := g.parseAliases(aliases); err != nil {
		return nil, fmt.Errorf("gazetteer: aliases: %w", err)
	}
	return g, nil
}

// Header is the first line of a generated data file.
func Header() string {
	return fmt.Sprintf("#sitrep-gazetteer\tformat=1\tnorm=%d", NormVersion)
}

func (g *Gazetteer) parseGenerated(s string) error {
	line, s, _ := strings.Cut(s, "\n")
	if line != Header() {
		return fmt.Errorf("header %q, want %q (regenerate the data with the gen command)", trunc(line), Header())
	}
	// The key rows come last (the gen command writes them so): they are
	// parsed on a second goroutine while the entries are. The two write
	// disjoint fields of g.
	head, keys := s, ""
	if strings.HasPrefix(s, "K\t") {
		head, keys = "", s
	} else if i := strings.Index(s, "\nK\t"); i >= 0 {
		head, keys = s[:i+1], s[i+1:]
	}
	var kerr error
	var maxPost int32
	done := make(chan struct{})
	go func() {
		defer close(done)
		maxPost, kerr = g.parseKeys(keys, 2+strings.Count(head, "\n"))
	}()
	herr := g.parseHead(head)
	<-done
	if err := cmp.Or(herr, kerr); err != nil {
		return err
	}
	if len(g.entries) == 0 || len(g.keys) == 0 {
		return errors.New("no entries")
	}
	if int(maxPost>>1) >= len(g.entries) {
		return fmt.Errorf("posting %d names no entry (%d entries)", maxPost, len(g.entries))
	}
	return nil
}

// parseHead parses the rows before the keys: entries, admin1 names,
// top-level domains, demonyms. Line numbers start at 2.
func (g *Gazetteer) parseHead(s string) error {
	g.entries = make([]Entry, 0, strings.Count(s, "\nE\t")+1+curatedRoom)
	var f [14]string
	for n := 2; s != ""; n++ {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		fields := split(f[:0], line)
		switch fields[0] {
		case "E":
			e, err := parseEntry(fields)
			if err != nil {
				return fmt.Errorf("line %d: %w", n, err)
			}
			if e.Class == Country {
				g.country[e.Country] = int32(len(g.entries))
			}
			g.entries = append(g.entries, e)
		case "A":
			if len(fields) != 3 {
				return fmt.Errorf("line %d: admin1 row has %d fields, want 3", n, len(fields))
			}
			cc, code, ok := strings.Cut(fields[1], ".")
			if !ok {
				return fmt.Errorf("line %d: admin1 code %q has no country", n, trunc(fields[1]))
			}
			g.admin1[[2]string{cc, code}] = fields[2]
		case "T":
			if len(fields) != 3 {
				return fmt.Errorf("line %d: tld row has %d fields, want 3", n, len(fields))
			}
			g.tld[fields[1]] = fields[2]
		case "D":
			if len(fields) != 3 {
				return fmt.Errorf("line %d: demonym row has %d fields, want 3", n, len(fields))
			}
			g.demonym[fields[1]] = fields[2]
		case "":
		default:
			return fmt.Errorf("line %d: unknown row kind %q", n, trunc(fields[0]))
		}
	}
	return nil
}

// parseKeys parses the key rows, the last of the file, whose first line is
// line n. It returns the largest posting, for the caller to check against
// the entries.
func (g *Gazetteer) parseKeys(s string, n int) (maxPost int32, err error) {
	nK := strings.Count(s, "\n") + 1
	g.keys = make([]string, 0, nK)
	g.offs = make([]int32, 1, nK+1)
	g.posts = make([]int32, 0, nK+strings.Count(s, ","))
	var f [4]string
	for ; s != ""; n++ {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		fields := split(f[:0], line)
		switch fields[0] {
		case "K":
		case "":
			continue
		default:
			return 0, fmt.Errorf("line %d: row kind %q after the keys", n, trunc(fields[0]))
		}
		if len(fields) != 3 {
			return 0, fmt.Errorf("line %d: key row has %d fields, want 3", n, len(fields))
		}
		if k := len(g.keys); k > 0 && g.keys[k-1] >= fields[1] {
			return 0, fmt.Errorf("line %d: key %q out of order", n, trunc(fields[1]))
		}
		for p := range strings.SplitSeq(fields[2], ",") {
			v, err := strconv.ParseUint(p, 10, 31)
			if err != nil {
				return 0, fmt.Errorf("line %d: bad posting %q", n, trunc(p))
			}
			g.posts = append(g.posts, int32(v))
			maxPost = max(maxPost, int32(v))
		}
		g.keys = append(g.keys, fields[1])
		g.offs = append(g.offs, int32(len(g.posts)))
	}
	return maxPost, nil
}

func parseEntry(f []string) (Entry, error) {
	var e Entry
	// E id name lat lon class code cc admin1 pop source [admin2]
	if len(f) != 11 && len(f) != 12 {
		return Entry{}, fmt.Errorf("entry row has %d fields, want 11 or 12", len(f))
	}
	if len(f) == 12 {
		e.Admin2 = f[11]
	}
	var err error
	if e.ID, err = strconv.Atoi(f[1]); err != nil {
		return e, fmt.Errorf("id: %w", err)
	}
	e.Name = f[2]
	if e.Lat, e.Lon, err = parseLatLon(f[3], f[4]); err != nil {
		return e, err
	}
	if len(f[5]) != 1 {
		return e, fmt.Errorf("class %q", f[5])
	}
	e.Class = Class(f[5][0])
	e.Code, e.Country, e.Admin1 = f[6], f[7], f[8]
	if e.Population, err = strconv.ParseInt(f[9], 10, 64); err != nil {
		return e, fmt.Errorf("population: %w", err)
	}
	e.Source = f[10]
	return e, nil
}

func parseLatLon(la, lo string) (float64, float64, error) {
	lat, err1 := strconv.ParseFloat(la, 64)
	lon, err2 := strconv.ParseFloat(lo, 64)
	if err1 != nil || err2 != nil || math.Abs(lat) > 90 || math.Abs(lon) > 180 || math.IsNaN(lat) || math.IsNaN(lon) {
		return 0, 0, fmt.Errorf("bad coordinates %q, %q", trunc(la), trunc(lo))
	}
	return lat, lon, nil
}

// parseCurated reads the curated file: name, alternate names (|-separated),
// class letter, code, lat, lon, country, source; # starts a comment.
func (g *Gazetteer) parseCurated(r io.Reader) error {
	sc := bufio.NewScanner(r)
	var f [12]string
	var key []byte
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fields := split(f[:0], line)
		if len(fields) != 8 {
			return fmt.Errorf("line %d: %d fields, want 8", n, len(fields))
		}
		lat, lon, err := parseLatLon(fields[4], fields[5])
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if len(fields[2]) != 1 {
			return fmt.Errorf("line %d: class %q, want R, S, P or A", n, fields[2])
		}
		cls := Class(fields[2][0])
		if cls != Region && cls != Site && cls != City && cls != Admin1 {
			return fmt.Errorf("line %d: class %q, want R, S, P or A", n, fields[2])
		}
		idx := int32(len(g.entries))
		g.entries = append(g.entries, Entry{Name: fields[0], Lat: lat, Lon: lon, Class: cls, Code: fields[3], Country: fields[6], Source: "curated: " + fields[7]})
		g.addExtra(&key, fields[0], idx<<1)
		if fields[1] != "" {
			for alt := range strings.SplitSeq(fields[1], "|") {
				g.addExtra(&key, alt, idx<<1)
			}
		}
	}
	return sc.Err()
}

// parseAliases reads the alias file: alias, then the target as
// "country:CC", "admin1:CC.CODE" or "region:NAME" (a continent or
// subregion of the generated data); # starts a comment.
func (g *Gazetteer) parseAliases(r io.Reader) error {
	admin := make(map[string]int32)
	region := make(map[string]int32)
	for i := range g.entries {
		e := &g.entries[i]
		if e.Class == Admin1 {
			admin[e.Country+"."+e.Admin1] = int32(i)
		}
		if e.Class == Region && e.Source == "world-countries" {
			region[e.Name] = int32(i)
		}
	}
	sc := bufio.NewScanner(r)
	var f [12]string
	var key []byte
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fields := split(f[:0], line)
		if len(fields) != 2 {
			return fmt.Errorf("line %d: %d fields, want 2", n, len(fields))
		}
		kind, code, _ := strings.Cut(fields[1], ":")
		var idx int32
		var ok bool
		switch kind {
		case "country":
			idx, ok = g.country[code]
		case "admin1":
			idx, ok = admin[code]
		case "region":
			idx, ok = region[code]
		}
		if !ok {
			return fmt.Errorf("line %d: unknown target %q", n, fields[1])
		}
		g.addExtra(&key, fields[0], idx<<1)
	}
	return sc.Err()
}

func (g *Gazetteer) addExtra(buf *[]byte, name string, post int32) {
	*buf = AppendKey((*buf)[:0], name)
	if len(*buf) == 0 {
		return
	}
	k := string(*buf)
	for _, p := range g.extra[k] {
		if p>>1 == post>>1 {
			return
		}
	}
	g.extra[k] = append(g.extra[k], post)
}

func split(dst []string, line string) []string {
	for {
		i := strings.IndexByte(line, '\t')
		if i < 0 || len(dst) == cap(dst)-1 {
			return append(dst, line)
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
}

func trunc(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// ReadEmbedded reads the embedded data afresh, without the cache of Load;
// benchmarks use it.
func ReadEmbedded() (*Gazetteer, error) {
	return Read(geonamesData, bytes.NewReader(curatedData), bytes.NewReader(aliasData))
}
