package quote

import (
	"os"
	"strings"
	"testing"

	"sitrep/internal/entity"
	"sitrep/internal/segment"
	"sitrep/news"
)

const examplePath = "../../../shared/examples/sputnik-2017-06-09-coalition-al-tanf.txt"

// exampleArticle builds the article of the example page from its body text
// (everything after the date line, before "Join the mailing list") and runs
// the real segment and entity stages on it.
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
	ent, err := entity.New(entity.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ent.Apply(a); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestExamplePage checks the quotes of the example page against what its
// .expected.md lists: the seven direct quotes and the reported statements,
// each with its speaker.
func TestExamplePage(t *testing.T) {
	a := exampleArticle(t)
	if err := New(Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	type want struct{ content, speaker, channel string }
	direct := []want{
		{"We see that coalition's actions", "Sergei Rudskoy", ""},
		{"While declaring its aim", "Russian General Staff", ""},
		{"During the offensive, [Syrian] government troops", "Sergey Surovikin", ""},
		{"At the moment, we are seeing", "Sergei Rudskoy", ""},
		{"The government forces with support", "Sergei Rudskoy", ""},
		{"Instead of destroying the terrorists", "Russian military", ""},
		{"[US-led] coalition aircraft", "Russian military", ""},
	}
	reported := []want{
		{"the US-led coalition only hinders", "Russian General Staff", ""},
		{"the coalition to avoid striking", "Russian General Staff", ""},
		{"the Syrian army's advance in the south", "Russian General Staff", ""},
		{"Russian military sees no significant results", "Sergei Rudskoy", ""},
		{"claims of the Syrian army's alleged threat", "Sergei Rudskoy", ""},
		{"Washinghton used the fight against terrorism", "Sergei Rudskoy", ""},
		{"instead of fighting terrorists", "Russian military", ""},
		{"the move as a violation of international law", "Russia", ""},
		{"the coalition conducted a new strike", "Pentagon", ""},
		{"at least two Syrian servicemen were killed", "Syrian source", "Sputnik"},
	}
	var d []news.Quote
	for _, q := range a.Quotes {
		if err := news.CheckSpan(a.Text, q.Content); err != nil {
			t.Error(err)
		}
		if q.Direct {
			d = append(d, q)
		}
	}
	if len(d) != len(direct) {
		t.Errorf("%d direct quotes, want %d", len(d), len(direct))
	}
	for i, w := range direct {
		if i >= len(d) {
			break
		}
		if c := a.Covered(d[i].Content); !strings.HasPrefix(c, w.content) {
			t.Errorf("direct quote %d = %.40q…, want %q…", i+1, c, w.content)
		}
		if s := a.Covered(d[i].SpeakerSpan); !SpeakerMatch(w.speaker, s) {
			t.Errorf("direct quote %d (%s): speaker %q, want %q", i+1, w.content, s, w.speaker)
		}
	}
	for _, w := range reported {
		found := false
		for _, q := range a.Quotes {
			if q.Direct || !strings.Contains(a.Covered(q.Content), w.content) {
				continue
			}
			found = true
			if s := a.Covered(q.SpeakerSpan); !SpeakerMatch(w.speaker, s) {
				t.Errorf("reported %q: speaker %q, want %q", w.content, s, w.speaker)
			}
			if c := a.Covered(q.Channel); c != w.channel {
				t.Errorf("reported %q: channel %q, want %q", w.content, c, w.channel)
			}
			if q.Outlet != "Sputnik News" {
				t.Errorf("reported %q: outlet %q", w.content, q.Outlet)
			}
		}
		if !found {
			t.Errorf("reported statement %q not found", w.content)
		}
	}
	if t.Failed() || testing.Verbose() {
		for _, q := range a.Quotes {
			t.Logf("direct=%v cue=%q speaker=%q (%s, %s) channel=%q | %.60s", q.Direct, a.Covered(q.Cue), a.Covered(q.SpeakerSpan), q.Attribution, q.SourceKind, a.Covered(q.Channel), a.Covered(q.Content))
		}
	}
}
