package quote

import (
	"os"
	"strings"
	"testing"

	"sitrep/internal/segment"
	"sitrep/news"
)

const examplePath = "../../../shared/examples/sputnik-2017-06-09-coalition-al-tanf.txt"

// exampleArticle builds the article of the example page from its body text:
// everything after the date line, before "Join the mailing list".
func exampleArticle(t testing.TB) *news.Article {
	t.Helper()
	b, err := os.ReadFile(examplePath)
	if err != nil {
		t.Skipf("example page not available: %v", err)
	}
	s := string(b)
	i := strings.Index(s, "(updated 21:50 09.06.2017)")
	j := strings.Index(s, "Join the mailing list")
	if i < 0 || j < i {
		t.Fatalf("example page: date line or footer not found")
	}
	s = s[i:j]
	s = strings.TrimSpace(s[strings.IndexByte(s, '\n'):])
	a := &news.Article{Text: s, Meta: news.Meta{Outlet: "Sputnik News"}}
	if err := segment.New(segment.Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestExampleDump(t *testing.T) {
	a := exampleArticle(t)
	if err := New(Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	for _, q := range a.Quotes {
		c := a.Covered(q.Content)
		if len(c) > 60 {
			c = c[:60]
		}
		t.Logf("direct=%v cue=%q spk=%q ref=%q how=%s kind=%s chan=%q meaning=%s | %s", q.Direct, a.Covered(q.Cue), a.Covered(q.SpeakerSpan), a.Covered(q.Reference), q.Attribution, q.SourceKind, a.Covered(q.Channel), q.Meaning, c)
	}
	for _, d := range a.Diagnostics {
		t.Log(d)
	}
}
