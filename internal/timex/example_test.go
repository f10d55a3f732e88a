package timex

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sitrep/news"
)

const examplesDir = "../../../shared/examples"

// TestExamplePages runs the stage on the body text of each example page
// and checks the times its .expected.md lists in its "## Times" table.
func TestExamplePages(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join(examplesDir, "*.expected.md"))
	if len(pages) == 0 {
		t.Skipf("no example pages under %s", examplesDir)
	}
	row := regexp.MustCompile(`^\| "([^"]+)" \| ([0-9A-Z-]+) `)
	for _, exp := range pages {
		txt := strings.TrimSuffix(exp, ".expected.md") + ".txt"
		t.Run(filepath.Base(txt), func(t *testing.T) {
			page, err := os.ReadFile(txt)
			if err != nil {
				t.Skip(err)
			}
			md, err := os.ReadFile(exp)
			if err != nil {
				t.Fatal(err)
			}
			body, published := bodyOf(t, string(page))
			a := &news.Article{Text: body}
			a.Meta.Published = published
			if err := New(Config{}).Apply(a); err != nil {
				t.Fatal(err)
			}
			inTimes := false
			n := 0
			for _, line := range strings.Split(string(md), "\n") {
				if strings.HasPrefix(line, "## ") {
					inTimes = strings.HasPrefix(line, "## Times")
				}
				m := row.FindStringSubmatch(line)
				if !inTimes || m == nil {
					continue
				}
				n++
				phrase, want := m[1], m[2]
				i := strings.Index(body, phrase)
				if i < 0 {
					t.Errorf("%q not in the body", phrase)
					continue
				}
				at := news.Span{Start: i, End: i + len(phrase)}
				found := false
				for _, tm := range a.Times {
					if tm.Span.Overlaps(at) {
						found = true
						if tm.Value != want {
							t.Errorf("%q: value %s, want %s", phrase, tm.Value, want)
						}
					}
				}
				if !found {
					t.Errorf("%q: no time found", phrase)
				}
			}
			if n == 0 {
				t.Fatalf("no expected times read from %s", exp)
			}
		})
	}
}

// bodyOf cuts the article body out of a saved page: the text after the
// line that dates the page ("16:48 09.06.2017(updated …)") up to the last
// line, a footer. The date on that line is the publication date.
func bodyOf(t *testing.T, page string) (string, news.DateTime) {
	t.Helper()
	lines := strings.Split(page, "\n")
	dateRE := regexp.MustCompile(`^(\d\d):(\d\d) (\d\d)\.(\d\d)\.(\d{4})`)
	for i, l := range lines {
		m := dateRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		pub, err := news.ParseISO(m[5] + "-" + m[4] + "-" + m[3] + "T" + m[1] + ":" + m[2])
		if err != nil {
			t.Fatal(err)
		}
		end := len(lines) - 1
		for end > i && strings.TrimSpace(lines[end]) == "" {
			end--
		}
		return strings.Join(lines[i+1:end], "\n"), pub
	}
	t.Fatal("no dated line in the page")
	return "", news.DateTime{}
}
