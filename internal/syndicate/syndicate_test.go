package syndicate

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"sitrep/news"
)

// exampleGlob finds the example page, kept outside the repository.
const exampleGlob = "../../../shared/examples/*.txt"

func loadExample(t testing.TB) string {
	t.Helper()
	files, _ := filepath.Glob(exampleGlob)
	if len(files) == 0 {
		t.Skipf("example page not found at %s", exampleGlob)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// TestStories groups the example page with copies of it made here and
// keeps unrelated articles on the same topic apart.
func TestStories(t *testing.T) {
	orig := loadExample(t)
	paras := paragraphs(orig)
	if len(paras) < 8 {
		t.Fatalf("example has %d paragraphs", len(paras))
	}
	// The example opens with two lines of the hosting site (a banner, a
	// section) and the title, and ends with a footer line.
	body := paras[3 : len(paras)-1]
	join := func(ps ...[]string) string {
		var all []string
		for _, p := range ps {
			all = append(all, p...)
		}
		return strings.Join(all, "\n\n")
	}
	copies := map[string]string{
		"other-boilerplate": join([]string{"World News Daily - Subscribe for $1", "Middle East", paras[2]}, body, []string{"© World News Daily. Cookies help us deliver our services."}),
		"changed-title":     join(paras[:2], []string{"Russia Says US-Led Coalition Strikes Helped Daesh Near Palmyra"}, body, paras[len(paras)-1:]),
		"dropped-last":      join(paras[:3], body[:len(body)-1], paras[len(paras)-1:]),
		"reflowed":          strings.Join(strings.Fields(orig), " "),
	}
	type doc struct {
		id, text string
		pub      time.Time
	}
	day := time.Date(2017, 6, 9, 0, 0, 0, 0, time.UTC)
	docs := []doc{
		{"copy-other-boilerplate", copies["other-boilerplate"], day.Add(20 * time.Hour)},
		{"original", orig, day.Add(16*time.Hour + 48*time.Minute)},
		{"copy-changed-title", copies["changed-title"], day.Add(30 * time.Hour)},
		{"copy-dropped-last", copies["dropped-last"], time.Time{}},
		{"copy-reflowed", copies["reflowed"], day.Add(17 * time.Hour)},
	}
	for i := 1; i <= 3; i++ {
		b, err := os.ReadFile(fmt.Sprintf("testdata/unrelated-%d.txt", i))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc{fmt.Sprintf("unrelated-%d", i), string(b), day.Add(-time.Duration(i) * time.Hour)})
	}

	x := New(Config{})
	for _, d := range docs {
		x.Add(d.id, d.text, d.pub)
	}
	got := map[string]string{}
	for _, d := range docs {
		got[d.id] = x.Story(d.id)
	}
	want := map[string]string{
		"original":               "original",
		"copy-other-boilerplate": "original",
		"copy-changed-title":     "original",
		"copy-dropped-last":      "original",
		"copy-reflowed":          "original",
		"unrelated-1":            "unrelated-1",
		"unrelated-2":            "unrelated-2",
		"unrelated-3":            "unrelated-3",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}

	// The margins: copies well above the threshold, unrelated well below.
	sig := func(s string) []uint32 { return Signature(Words(s)) }
	so := sig(orig)
	for name, c := range copies {
		if s := Similarity(so, sig(c)); s < 0.7 {
			t.Errorf("similarity of %s = %.2f, want >= 0.7", name, s)
		}
	}
	for i := 6; i < len(docs); i++ {
		if s := Similarity(so, sig(docs[i].text)); s > 0.1 {
			t.Errorf("similarity of %s = %.2f, want <= 0.1", docs[i].id, s)
		}
	}
}

func TestEarliestAndMerge(t *testing.T) {
	text := func(n int) string {
		var b strings.Builder
		for i := range 60 {
			fmt.Fprintf(&b, "word%d-%d ", i, n%2) // two families of texts
		}
		return b.String()
	}
	base := strings.Repeat("alpha beta gamma delta epsilon zeta eta theta iota kappa ", 8)
	t0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		adds []struct {
			id, text string
			pub      time.Time
		}
		want map[string]string
	}{
		{
			name: "a later-added earlier copy becomes the story",
			adds: []struct {
				id, text string
				pub      time.Time
			}{{"b", base, t0.Add(time.Hour)}, {"c", base + " extra", time.Time{}}, {"a", base + " more", t0}},
			want: map[string]string{"a": "a", "b": "a", "c": "a"},
		},
		{
			name: "undated copies: the first added",
			adds: []struct {
				id, text string
				pub      time.Time
			}{{"x", base, time.Time{}}, {"y", base, time.Time{}}},
			want: map[string]string{"x": "x", "y": "x"},
		},
		{
			name: "different texts stay apart; short texts match exactly only",
			adds: []struct {
				id, text string
				pub      time.Time
			}{{"p", text(0), t0}, {"q", text(1), t0}, {"s1", "short text", t0}, {"s2", "short text!", t0}, {"s3", "short texts", t0}},
			want: map[string]string{"p": "p", "q": "q", "s1": "s1", "s2": "s1", "s3": "s3"},
		},
	}
	for _, tc := range tests {
		x := New(Config{})
		for _, a := range tc.adds {
			x.Add(a.id, a.text, a.pub)
		}
		got := map[string]string{}
		for id := range tc.want {
			got[id] = x.Story(id)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
	if New(Config{}).Story("nope") != "" {
		t.Error("Story of an unknown ID is not empty")
	}
}

func TestGroup(t *testing.T) {
	body := strings.Repeat("the quick brown fox jumps over the lazy dog again and again ", 10)
	arts := []*news.Article{
		{ID: "2", Text: body, Meta: news.Meta{Published: news.DateTime{Time: time.Date(2021, 1, 2, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}}},
		{ID: "1", Text: body + " Reposted.", Meta: news.Meta{Published: news.DateTime{Time: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}}},
		{ID: "3", Text: "Something else entirely, about another matter, with many other words in it to count."},
	}
	Group(arts, Config{})
	var got []string
	for _, a := range arts {
		got = append(got, a.ID+"→"+a.Meta.Story)
	}
	if want := []string{"2→1", "1→1", "3→3"}; !cmp.Equal(got, want) {
		t.Errorf("stories %v, want %v", got, want)
	}
}

func TestWords(t *testing.T) {
	got := Words("Don't  STOP—the «Café» 3.14, naïve\u0301!")
	want := []string{"don", "t", "stop", "the", "café", "3", "14", "naïve\u0301"}
	if !cmp.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func FuzzAdd(f *testing.F) {
	f.Add("a b c d e f g", "a b c d e f h")
	f.Add("", "\xff\xfe")
	f.Fuzz(func(t *testing.T, a, b string) {
		x := New(Config{MinWords: 3})
		x.Add("a", a, time.Time{})
		x.Add("b", b, time.Time{})
		if x.Story("a") != "a" {
			t.Errorf("story of the first article = %q", x.Story("a"))
		}
		if s := x.Story("b"); s != "a" && s != "b" {
			t.Errorf("story of b = %q", s)
		}
	})
}

// BenchmarkAdd measures adding distinct articles of about 5 KB (800
// words drawn from 5,000) to a growing index: MB/s and articles/s on one
// core. Past 1,024 additions the texts repeat and take the exact-copy path.
func BenchmarkAdd(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	var texts []string
	for range 1024 {
		var s strings.Builder
		for range 800 {
			fmt.Fprintf(&s, "w%d ", rng.IntN(5000))
		}
		texts = append(texts, s.String())
	}
	size := 0
	for _, s := range texts {
		size += len(s)
	}
	b.SetBytes(int64(size / len(texts)))
	x := New(Config{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Add(fmt.Sprint(i), texts[i%len(texts)], time.Time{})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// TestSketch checks the stored form against the in-memory rule: the
// 16-bit estimate is within 0.02 of the 32-bit one, near copies share a
// key and match, unrelated texts do not, short texts match exact copies
// only, and a text of no words has no sketch.
func TestSketch(t *testing.T) {
	orig := loadExample(t)
	paras := paragraphs(orig)
	copyText := strings.Join(append([]string{"Another Site - Subscribe", "A changed headline"}, paras[3:len(paras)-1]...), "\n\n")
	var unrelated []string
	for i := 1; i <= 3; i++ {
		b, err := os.ReadFile(fmt.Sprintf("testdata/unrelated-%d.txt", i))
		if err != nil {
			t.Fatal(err)
		}
		unrelated = append(unrelated, string(b))
	}
	cfg := Config{}
	so := NewSketch(orig, cfg)
	if len(so) != 2*sigLen || so.Exact() || len(so.Keys()) != bands {
		t.Fatalf("sketch of the example: %d bytes, %d keys", len(so), len(so.Keys()))
	}
	shares := func(a, b Sketch) bool {
		for _, k := range a.Keys() {
			for _, l := range b.Keys() {
				if k == l {
					return true
				}
			}
		}
		return false
	}
	for _, other := range append([]string{copyText}, unrelated...) {
		sk := NewSketch(other, cfg)
		full := Similarity(Signature(Words(orig)), Signature(Words(other)))
		if d := sk.Similarity(so) - full; d < -0.02 || d > 0.02 {
			t.Errorf("16-bit similarity %.3f, 32-bit %.3f", sk.Similarity(so), full)
		}
		isCopy := other == copyText
		if sk.Matches(so, cfg) != isCopy || (isCopy && !shares(sk, so)) {
			t.Errorf("copy %v: matches %v, shares a key %v", isCopy, sk.Matches(so, cfg), shares(sk, so))
		}
	}
	short := []struct {
		a, b  string
		match bool
	}{
		{"Strike near the border.", "STRIKE — near the border!", true},
		{"Strike near the border.", "Strikes near the border.", false},
		{"Strike near the border.", orig, false},
	}
	for _, s := range short {
		a, b := NewSketch(s.a, cfg), NewSketch(s.b, cfg)
		if !a.Exact() || a.Matches(b, cfg) != s.match || b.Matches(a, cfg) != s.match || (s.match && !shares(a, b)) {
			t.Errorf("%q ~ %q: exact %v, match %v, want %v", s.a, s.b, a.Exact(), a.Matches(b, cfg), s.match)
		}
	}
	if sk := NewSketch(" — … ", cfg); sk != nil || sk.Keys() != nil || sk.Matches(NewSketch("", cfg), cfg) {
		t.Errorf("sketch of no words = %v", sk)
	}
	x := New(cfg)
	x.Add("e1", "…", time.Time{})
	if x.Add("e2", "", time.Time{}) != "e2" {
		t.Error("two bodies of no words are one story")
	}
}
