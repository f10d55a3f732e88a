// Package syndicate recognises the same article reposted by several sites
// as one story: exact copies by a content hash of the normalised body, and
// near copies (other boilerplate around it, a changed headline, a trailing
// paragraph dropped or added) by MinHash similarity of word shingles.
//
// The body is normalised to its words: lower-cased runs of letters and
// digits, everything else (punctuation, white space, markup left overs)
// dropped. Two bodies are near copies when the Jaccard similarity of their
// sets of 5-word shingles, estimated from 126 MinHash values, is at least
// Config.Threshold (default 0.5). Candidates are found by locality-
// sensitive hashing: 42 bands of 3 values; a pair at similarity 0.5 shares
// a band with probability 0.996, a pair at 0.05 with probability 0.005.
// Texts of fewer than MinWords words match exact copies only; a text of
// no words matches nothing.
//
// A Sketch is the same rule in a form a database can keep: 16 bits of each
// MinHash value (b-bit minwise hashing: two different values agree by
// chance once in 65,536, which moves an estimate by less than 0.001) and
// one 32-bit key per band, so that a store finds the candidates of a new
// article by an index look-up, without reading old texts. The Index uses
// the same sketches, so grouping in memory and in a database agree.
//
// Each article belongs to one story, whose ID is the ID of its earliest
// copy: the one published first, articles with no date counting as later
// than any dated one, ties going to the one added first. When a new article
// joins two stories (it is a near copy of both), they merge.
package syndicate

import (
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"sync"
	"time"
	"unicode"

	"sitrep/news"
)

// Parameters of the MinHash signature and the bands that find candidates.
const (
	shingleWords = 5
	bands        = 42
	rows         = 3
	sigLen       = bands * rows
)

// Config tunes the grouping.
type Config struct {
	// Threshold is the estimated Jaccard similarity of shingle sets from
	// which two bodies are one story; 0 means 0.5.
	Threshold float64
	// MinWords is the number of words below which a body matches exact
	// copies only; 0 means 30.
	MinWords int
}

// An Index groups articles into stories as they are added. It is safe for
// concurrent use.
type Index struct {
	threshold float64
	minWords  int

	mu      sync.Mutex
	members []member          // by member number
	byID    map[string]int    // article ID → member number
	exact   map[[32]byte]int  // normalised-body hash → member number
	buckets map[int64][]int32 // band key (Sketch.Keys) → member numbers
}

type member struct {
	id        string
	published time.Time // zero when unknown
	parent    int       // union-find parent (itself for a root)
	sk        Sketch    // nil for exact-only members
	earliest  int       // for a root: the story's earliest member
}

// New returns an empty index.
func New(cfg Config) *Index {
	cfg = cfg.withDefaults()
	return &Index{
		threshold: cfg.Threshold,
		minWords:  cfg.MinWords,
		byID:      map[string]int{},
		exact:     map[[32]byte]int{},
		buckets:   map[int64][]int32{},
	}
}

func (c Config) withDefaults() Config {
	if c.Threshold <= 0 {
		c.Threshold = 0.5
	}
	if c.MinWords <= 0 {
		c.MinWords = 30
	}
	return c
}

// Add adds one article (its ID, body text and publication time, zero when
// unknown) and returns its story ID as known now: a later Add may merge
// stories or bring an earlier copy, so Story gives the final answer once
// every article is in. Adding an ID twice returns its story again.
func (x *Index) Add(id, body string, published time.Time) string {
	words := Words(body)
	key := sha256.Sum256([]byte(strings.Join(words, " ")))
	var sk Sketch
	if len(words) >= x.minWords {
		sk = compact(Signature(words))
	}

	x.mu.Lock()
	defer x.mu.Unlock()
	if m, ok := x.byID[id]; ok {
		return x.members[x.earliestOf(m)].id
	}
	n := len(x.members)
	x.members = append(x.members, member{id: id, published: published, parent: n, earliest: n})
	x.byID[id] = n
	if len(words) == 0 {
		return id
	}
	if m, ok := x.exact[key]; ok {
		x.union(n, m)
		return x.members[x.earliestOf(n)].id
	}
	x.exact[key] = n
	if sk == nil {
		return id
	}
	x.members[n].sk = sk
	seen := map[int32]bool{}
	for _, k := range sk.Keys() {
		for _, c := range x.buckets[k] {
			if seen[c] {
				continue
			}
			seen[c] = true
			if x.find(int(c)) != x.find(n) && sk.Similarity(x.members[c].sk) >= x.threshold {
				x.union(n, int(c))
			}
		}
		x.buckets[k] = append(x.buckets[k], int32(n))
	}
	return x.members[x.earliestOf(n)].id
}

// Story returns the story ID of an added article: the ID of the earliest
// copy among all articles added so far; "" for an ID never added.
func (x *Index) Story(id string) string {
	x.mu.Lock()
	defer x.mu.Unlock()
	m, ok := x.byID[id]
	if !ok {
		return ""
	}
	return x.members[x.earliestOf(m)].id
}

// Apply adds a (its Text and Meta.Published) and sets a.Meta.Story.
func (x *Index) Apply(a *news.Article) {
	var pub time.Time
	if !a.Meta.Published.IsZero() {
		pub = a.Meta.Published.Time
	}
	a.Meta.Story = x.Add(a.ID, a.Text, pub)
}

// Group sets Meta.Story on every article of a batch, with the final
// stories: each is the ID of the story's earliest copy in the batch.
func Group(articles []*news.Article, cfg Config) {
	x := New(cfg)
	for _, a := range articles {
		x.Apply(a)
	}
	for _, a := range articles {
		a.Meta.Story = x.Story(a.ID)
	}
}

func (x *Index) find(n int) int {
	for x.members[n].parent != n {
		p := x.members[n].parent
		x.members[n].parent = x.members[p].parent // path halving
		n = p
	}
	return n
}

func (x *Index) earliestOf(n int) int { return x.members[x.find(n)].earliest }

func (x *Index) union(a, b int) {
	ra, rb := x.find(a), x.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	x.members[rb].parent = ra
	ea, eb := x.members[ra].earliest, x.members[rb].earliest
	if x.before(eb, ea) {
		x.members[ra].earliest = eb
	}
}

// before reports whether member a is an earlier copy than member b.
func (x *Index) before(a, b int) bool {
	return Earlier(x.members[a].published, int64(a), x.members[b].published, int64(b))
}

// Earlier reports whether a copy published at ta and added as the na-th is
// earlier than one published at tb and added as the nb-th: a dated copy
// comes before an undated one, an earlier date first, and between equal
// dates (or two undated copies) the one added first.
func Earlier(ta time.Time, na int64, tb time.Time, nb int64) bool {
	switch {
	case ta.IsZero() && tb.IsZero():
		return na < nb
	case ta.IsZero():
		return false
	case tb.IsZero():
		return true
	case ta.Equal(tb):
		return na < nb
	}
	return ta.Before(tb)
}

// Words returns the normalised words of a text: lower-cased maximal runs
// of letters, marks and digits.
func Words(text string) []string {
	var words []string
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, strings.ToLower(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, strings.ToLower(text[start:]))
	}
	return words
}

// seeds are the multipliers and increments of the sigLen hash functions
// h_i(x) = a_i·x + b_i (mod 2^64), a_i odd, drawn from splitmix64 with a
// fixed seed so that signatures are the same in every run.
var seeds = func() (s [sigLen][2]uint64) {
	state := uint64(0x5eed5eed5eed5eed)
	next := func() uint64 {
		state += 0x9e3779b97f4a7c15
		z := state
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range s {
		s[i] = [2]uint64{next() | 1, next()}
	}
	return s
}()

// Signature is the MinHash signature of the set of shingleWords-word
// shingles of words (one shingle of all words when there are fewer).
func Signature(words []string) []uint32 {
	sig := make([]uint32, sigLen)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	wh := make([]uint64, len(words))
	for i, w := range words {
		wh[i] = fnv64(w)
	}
	n := max(len(words)-shingleWords+1, 1)
	for i := range n {
		// A shingle's hash mixes its words' hashes in order.
		var x uint64 = 0xcbf29ce484222325
		for _, v := range wh[i:min(i+shingleWords, len(wh))] {
			x = mix(x ^ v)
		}
		for j := range sig {
			v := uint32((seeds[j][0]*x + seeds[j][1]) >> 32)
			if v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard similarity of the shingle sets behind
// two signatures: the share of positions where they agree.
func Similarity(a, b []uint32) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// fnv64 is the 64-bit FNV-1a hash of s.
func fnv64(s string) uint64 {
	h := uint64(0xcbf29ce484222325)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 0x100000001b3
	}
	return h
}

// mix is splitmix64's finaliser.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// A Sketch is what a store keeps of an article's body to find its copies
// among stored articles: for a body of at least Config.MinWords words, 16
// bits of each of its 126 MinHash values (252 bytes); for a shorter one,
// the first 8 bytes of the SHA-256 of its normalised words, which matches
// exact copies only. A body of no words has no sketch (nil).
type Sketch []byte

// exactLen is the length of the sketch of a short body.
const exactLen = 8

// NewSketch returns the sketch of a body.
func NewSketch(body string, cfg Config) Sketch {
	cfg = cfg.withDefaults()
	words := Words(body)
	switch {
	case len(words) == 0:
		return nil
	case len(words) < cfg.MinWords:
		h := sha256.Sum256([]byte(strings.Join(words, " ")))
		return Sketch(h[:exactLen])
	}
	return compact(Signature(words))
}

// compact keeps the low 16 bits of each MinHash value.
func compact(sig []uint32) Sketch {
	sk := make(Sketch, 2*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint16(sk[2*i:], uint16(v))
	}
	return sk
}

// Exact reports whether the sketch matches exact copies only (a short body).
func (s Sketch) Exact() bool { return len(s) == exactLen }

// Keys returns the look-up keys of the sketch, each a signed 32-bit value:
// one per band of a full sketch (two near copies share at least one with
// the probabilities of the package comment), one for a short body's exact
// hash, none for nil. A store indexes every stored article by its keys;
// the articles that share a key with a new one are its candidates.
func (s Sketch) Keys() []int64 {
	switch {
	case s.Exact():
		return []int64{key(bands, s)}
	case len(s) != 2*sigLen:
		return nil
	}
	keys := make([]int64, bands)
	for b := range keys {
		keys[b] = key(b, s[2*rows*b:2*rows*(b+1)])
	}
	return keys
}

// key hashes a band's number and bytes to a signed 32-bit value (which
// SQLite stores in 4 bytes).
func key(band int, b []byte) int64 {
	h := uint64(0xcbf29ce484222325)
	h = (h ^ uint64(band)) * 0x100000001b3
	for _, c := range b {
		h = (h ^ uint64(c)) * 0x100000001b3
	}
	return int64(int32(uint32(h) ^ uint32(h>>32)))
}

// Similarity estimates the Jaccard similarity of the shingle sets of two
// full sketches: the share of their values that agree. It is 1 for equal
// exact sketches and 0 for any other pair.
func (s Sketch) Similarity(t Sketch) float64 {
	if s.Exact() || t.Exact() {
		if s.Exact() && string(s) == string(t) {
			return 1
		}
		return 0
	}
	if len(s) != 2*sigLen || len(t) != len(s) {
		return 0
	}
	same := 0
	for i := 0; i < len(s); i += 2 {
		if s[i] == t[i] && s[i+1] == t[i+1] {
			same++
		}
	}
	return float64(same) / sigLen
}

// Matches reports whether two sketches are of copies of one story: equal
// exact sketches, or full sketches of estimated similarity at least
// cfg.Threshold.
func (s Sketch) Matches(t Sketch, cfg Config) bool {
	return s.Similarity(t) >= cfg.withDefaults().Threshold
}
