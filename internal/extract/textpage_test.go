package extract

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"sitrep/news"
)

// The golden files are rewritten with `go test ./internal/extract -update`.
// The flag is defined only if no other test file of the package defined it.
var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/")
	}
	return true
}()

func textUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// examplePage is the reference page of the shared examples folder.
var examplePage = filepath.Join("..", "..", "..", "shared", "examples", "sputnik-2017-06-09-coalition-al-tanf.txt")

func readTextPage(t testing.TB, path string) *news.Article {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{Original: raw, Format: news.FormatText, Source: path}
	TextPage(a)
	return a
}

// TestExamplePage holds the reference page to what its .expected.md says
// an analyst reads from it.
func TestExamplePage(t *testing.T) {
	if _, err := os.Stat(examplePage); err != nil {
		t.Skipf("example page not found: %v", err)
	}
	a := readTextPage(t, examplePage)
	got := map[string]string{
		"title":     a.Meta.Title,
		"outlet":    a.Meta.Outlet,
		"section":   a.Meta.Section,
		"published": a.Meta.Published.Value(),
		"updated":   a.Meta.Updated.Value(),
		"zoned":     fmt.Sprint(a.Meta.Published.Zoned || a.Meta.Updated.Zoned),
	}
	want := map[string]string{
		"title":     "US Coalition Bombs Syrian Army, Enhances Terrorists in Palmyra - Russian MoD",
		"outlet":    "Sputnik News",
		"section":   "Weapons of Mass Destruction (WMD)",
		"published": "2017-06-09T16:48",
		"updated":   "2017-06-09T21:50",
		"zoned":     "false",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("metadata (-want +got):\n%s", d)
	}
	if !strings.HasPrefix(a.Text, "The Russian Defense Ministry accused") {
		t.Errorf("body starts %q", a.Text[:min(60, len(a.Text))])
	}
	if !strings.HasSuffix(a.Text, "during combat missions over Syria.") {
		t.Errorf("body ends %q", a.Text[max(0, len(a.Text)-60):])
	}
	for _, line := range []string{"JOIN NOW", "Weapons of Mass Destruction (WMD)", "Join the mailing list", "Sputnik News", "16:48 09.06.2017"} {
		if strings.Contains(a.Text, line) {
			t.Errorf("body holds page furniture %q", line)
		}
	}
	if a.Meta.Published.Precision != news.PrecisionMinute {
		t.Errorf("published precision %q, want minute", a.Meta.Published.Precision)
	}
	checkTextArticle(t, a)
}

// TestGoldenPages extracts every page under testdata/text and compares
// the result with its .golden file (and the shared example's with
// testdata/text/example.golden).
func TestGoldenPages(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 5 {
		t.Fatalf("only %d pages under testdata/text", len(pages))
	}
	type page struct{ in, golden string }
	var all []page
	for _, p := range pages {
		all = append(all, page{p, strings.TrimSuffix(p, ".txt") + ".golden"})
	}
	if _, err := os.Stat(examplePage); err == nil {
		all = append(all, page{examplePage, filepath.Join("testdata", "text", "example.golden")})
	}
	for _, p := range all {
		t.Run(filepath.Base(p.in), func(t *testing.T) {
			a := readTextPage(t, p.in)
			checkTextArticle(t, a)
			got := renderTextPage(a)
			if textUpdate() {
				if err := os.WriteFile(p.golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(p.golden)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if d := cmp.Diff(string(want), string(got)); d != "" {
				t.Errorf("%s differs (-want +got); review, then rerun with -update:\n%s", p.golden, d)
			}
		})
	}
}

// renderTextPage writes what TextPage read, for people: metadata with the
// page text each field comes from, diagnostics, then the body one
// paragraph a line.
func renderTextPage(a *news.Article) []byte {
	var b bytes.Buffer
	raw := func(s news.RawSpan) string {
		if s.IsZero() || s.Start < 0 || s.End > len(a.Original) || s.Start > s.End {
			return ""
		}
		return fmt.Sprintf("  ⟨%s⟩", a.Original[s.Start:s.End])
	}
	field := func(name, v string, s news.RawSpan) {
		if v != "" {
			fmt.Fprintf(&b, "%-10s %s%s\n", name+":", v, raw(s))
		}
	}
	date := func(name string, d news.DateTime) {
		if !d.IsZero() {
			fmt.Fprintf(&b, "%-10s %s (%s, zoned %v)%s\n", name+":", d.Value(), d.Precision, d.Zoned, raw(d.Span))
		}
	}
	m := a.Meta
	field("title", m.Title, m.TitleSpan)
	field("section", m.Section, m.SectionSpan)
	field("outlet", m.Outlet, m.OutletSpan)
	field("byline", m.Byline, m.BylineSpan)
	field("language", m.Language, news.RawSpan{})
	date("published", m.Published)
	date("updated", m.Updated)
	if !m.Dateline.IsZero() {
		fmt.Fprintf(&b, "%-10s ⟨%s⟩\n", "dateline:", a.Covered(m.Dateline))
	}
	for _, d := range a.Diagnostics {
		fmt.Fprintf(&b, "diagnostic: %s %s: %s\n", d.Severity, d.Code, d.Message)
	}
	fmt.Fprintf(&b, "body: %d paragraphs\n", len(a.Paragraphs))
	for _, p := range a.Paragraphs {
		fmt.Fprintf(&b, "¶ %s\n", a.Covered(p))
	}
	return b.Bytes()
}

// checkTextArticle checks the invariants TextPage promises: spans in Text on
// rune boundaries, paragraphs joined by exactly "\n\n", raw spans inside
// Original covering the metadata they give.
func checkTextArticle(t testing.TB, a *news.Article) {
	t.Helper()
	if !utf8.ValidString(a.Text) && utf8.Valid(a.Original) {
		t.Errorf("Text is not valid UTF-8")
	}
	var parts []string
	for i, p := range a.Paragraphs {
		if err := news.CheckSpan(a.Text, p); err != nil {
			t.Fatalf("paragraph %d: %v", i, err)
		}
		parts = append(parts, a.Text[p.Start:p.End])
	}
	if strings.Join(parts, "\n\n") != a.Text {
		t.Errorf("Text is not its paragraphs joined by blank lines")
	}
	if err := news.CheckSpan(a.Text, a.Meta.Dateline); err != nil {
		t.Errorf("dateline: %v", err)
	}
	for _, d := range a.Diagnostics {
		if err := news.CheckSpan(a.Text, d.Span); err != nil {
			t.Errorf("diagnostic %s: %v", d.Code, err)
		}
	}
	orig := string(a.Original)
	for _, f := range []struct {
		name string
		v    string
		s    news.RawSpan
	}{
		{"title", a.Meta.Title, a.Meta.TitleSpan},
		{"section", a.Meta.Section, a.Meta.SectionSpan},
		{"outlet", "", a.Meta.OutletSpan}, // an outlet is named canonically
		{"byline", a.Meta.Byline, a.Meta.BylineSpan},
		{"published", "", a.Meta.Published.Span},
		{"updated", "", a.Meta.Updated.Span},
	} {
		if err := news.CheckSpan(orig, news.Span{Start: f.s.Start, End: f.s.End}); err != nil {
			t.Errorf("%s span: %v", f.name, err)
			continue
		}
		if f.v != "" && !f.s.IsZero() && orig[f.s.Start:f.s.End] != f.v {
			t.Errorf("%s %q but its span covers %q", f.name, f.v, orig[f.s.Start:f.s.End])
		}
	}
}

func TestLexiconLoads(t *testing.T) {
	lx, err := parseLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.langs) < 5 || len(lx.months) < 12*3 || len(lx.zones) < 10 || len(lx.boilerplate) < 50 || len(lx.outlets) < 50 {
		t.Errorf("lexicon too small: %d languages, %d month names, %d zones, %d phrases, %d outlets",
			len(lx.langs), len(lx.months), len(lx.zones), len(lx.boilerplate), len(lx.outlets))
	}
}

// TestTextPageLines covers line-level decisions with small pages.
func TestTextPageLines(t *testing.T) {
	for _, tc := range []struct {
		name string
		page string
		body string // paragraphs joined by "|"
	}{
		{"empty", "", ""},
		{"only navigation", "Home\nNews\nSport\nWeather\n", ""},
		{"furniture lines dropped inside the body",
			"Title of the story here\n\n" + textPara1 + "\n\nAdvertisement\n\n" + textPara2 + "\n\nShare this article\n",
			textPara1 + "|" + textPara2},
		{"heading inside the body kept",
			"Title of the story here\n\n" + textPara1 + "\n\nWhat comes next\n\n" + textPara2,
			textPara1 + "|What comes next|" + textPara2},
		{"CRLF line ends", "Title of the story here\r\n\r\n" + textPara1 + "\r\n\r\n" + textPara2 + "\r\n", textPara1 + "|" + textPara2},
		{"hard-wrapped lines joined", "Title here and more\n\n" + wrapText(textPara1) + "\n\n" + wrapText(textPara2), textPara1 + "|" + textPara2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &news.Article{Original: []byte(tc.page)}
			TextPage(a)
			checkTextArticle(t, a)
			if got := strings.ReplaceAll(a.Text, "\n\n", "|"); got != tc.body {
				t.Errorf("body:\n%s\nwant:\n%s", got, tc.body)
			}
		})
	}
}

const (
	textPara1 = "The ministry said on Friday that the strikes had hit a convoy near the border crossing, and that the convoy had been carrying fuel and food to a town that has been cut off for weeks."
	textPara2 = "Officials in the capital said they would raise the matter at talks next month, and that they expected an explanation from the commanders who had ordered the strikes on the convoy."
)

// wrap breaks s into lines of about 60 bytes at spaces, as a writer of
// plain text does.
func wrapText(s string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if n+len(w) > 60 {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

func FuzzTextPage(f *testing.F) {
	for _, p := range []string{"", "a\n\nb", textPara1, "16:48 09.06.2017(updated 21:50 09.06.2017)\n\n" + textPara1,
		"MOSCOW, June 9 (Reuters) - " + textPara1, "\xff\xfe\n\n\x00" + textPara2, "09/06/2017\n" + wrapText(textPara2)} {
		f.Add([]byte(p))
	}
	if raw, err := os.ReadFile(examplePage); err == nil {
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		a := &news.Article{Original: raw, Format: news.FormatText}
		TextPage(a)
		checkTextArticle(t, a)
	})
}

// BenchmarkTextPage measures TextPage on the saved pages of testdata/text
// and the shared example, in MB/s and articles/s on one core.
func BenchmarkTextPage(b *testing.B) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	var raws [][]byte
	total := 0
	for _, p := range append(pages, examplePage) {
		if raw, err := os.ReadFile(p); err == nil {
			raws = append(raws, raw)
			total += len(raw)
		}
	}
	if len(raws) == 0 {
		b.Skip("no pages")
	}
	benchTextPages(b, raws, total)
}

// benchTextPages runs TextPage over raws (total bytes in all) b.N times,
// reporting MB/s and articles/s.
func benchTextPages(b *testing.B, raws [][]byte, total int) {
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, raw := range raws {
			a := &news.Article{Original: raw, Format: news.FormatText}
			TextPage(a)
		}
	}
	b.ReportMetric(float64(b.N*len(raws))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkTextPageBenchmarkPages measures TextPage on the 181 whole-page
// texts of the article-extraction benchmark (html-text), real pages of
// 1–60 KB with all their navigation.
func BenchmarkTextPageBenchmarkPages(b *testing.B) {
	input, err := LoadOutput(filepath.Join(benchDir, "reference-outputs", "html-text.json"))
	if err != nil {
		b.Skipf("benchmark pages not found: %v", err)
	}
	var raws [][]byte
	total := 0
	for _, text := range input {
		raws = append(raws, []byte(text))
		total += len(text)
	}
	benchTextPages(b, raws, total)
}

// TestTextPageHead covers how the lines above the body are read.
func TestTextPageHead(t *testing.T) {
	body := "\n\n" + textPara1 + "\n\n" + textPara2 + "\n"
	for _, tc := range []struct {
		name                             string
		page                             string
		title, outlet, byline, published string
	}{
		{"title line repeated, site after a bar",
			"Flood cuts off villages | Valley Herald\n\nHome\nNews\n\nFlood cuts off villages\n\nBy Jane Doe\n\n9 June 2017" + body,
			"Flood cuts off villages", "Valley Herald", "Jane Doe", "2017-06-09"},
		{"title line echoed in other words",
			"Live: flood cuts off three mountain villages\n\nMenu\n\nFlood cuts off three mountain villages after storm\n\nSome caption of a photo here." + body,
			"Flood cuts off three mountain villages after storm", "", "", ""},
		{"byline inside a date line",
			"Flood cuts off villages\n\nPosted on 9 June 2017 by Jane Doe" + body,
			"Flood cuts off villages", "", "Jane Doe", "2017-06-09"},
		{"outlet from the list, wire credit",
			"Flood cuts off villages\n\nJune 9, 2017 4:48 PM\n\nKYIV (AP) — " + textPara1 + "\n\n" + textPara2,
			"Flood cuts off villages", "Associated Press", "", "2017-06-09T16:48"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &news.Article{Original: []byte(tc.page), Format: news.FormatText}
			TextPage(a)
			checkTextArticle(t, a)
			got := []string{a.Meta.Title, a.Meta.Outlet, a.Meta.Byline, a.Meta.Published.Value()}
			want := []string{tc.title, tc.outlet, tc.byline, tc.published}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("title, outlet, byline, published (-want +got):\n%s", d)
			}
		})
	}
}

// TextPage reads Original in place; the metadata it keeps is its own, and
// a caller that reuses Original's bytes afterwards does not change it.
func TestTextPageMetaOwnsItsStrings(t *testing.T) {
	for _, name := range []string{"blog-post", "wire-dateline", "russian", "cookie-related"} {
		data, err := os.ReadFile(filepath.Join("testdata", "text", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		a := &news.Article{Original: data, Format: news.FormatText}
		TextPage(a)
		before := []string{a.Meta.Title, a.Meta.Section, a.Meta.Byline, a.Meta.Outlet}
		if before[0] == "" {
			t.Errorf("%s: no title read", name)
		}
		want := strings.Join(before, "|")
		for i := range data {
			data[i] = 'x'
		}
		if got := strings.Join([]string{a.Meta.Title, a.Meta.Section, a.Meta.Byline, a.Meta.Outlet}, "|"); got != want {
			t.Errorf("%s: metadata changed with Original: %q, was %q", name, got, want)
		}
	}
}

// mayOpenByline passes every line in which bylineName finds a prefix.
func TestMayOpenByline(t *testing.T) {
	lines := []string{"By Jane Doe", "Posted by Jane Doe", "Автор: Иван Петров", "x BY y", "Di Mario", "Oleh Budi",
		"Written by A", "Par Jean", "Por Ana", "Von Max", "by", "B", "", "Abby Road", "Byzantium", "A story by the sea"}
	paths, _ := filepath.Glob("testdata/text/*.txt")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	for _, s := range lines {
		found := false
		for _, pp := range bylinePrefixes {
			found = found || strings.HasPrefix(s, pp[0]) || strings.Contains(s, pp[1])
		}
		if found && !mayOpenByline(s) {
			t.Errorf("mayOpenByline(%q) = false, but a byline prefix is there", s)
		}
	}
}

// lastSiteSep finds what the last index of each separator finds.
func TestLastSiteSep(t *testing.T) {
	lines := []string{"", " ", "a | b", "Title - Site | Other", "A – B — C", "x :: y · z", "a |  | b", " | ", "a - b - ",
		"Coalition strike near al-Tanf — Sputnik International", "no separator here", "ends with a space "}
	paths, _ := filepath.Glob("testdata/text/*.txt")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	for _, s := range lines {
		best, sepLen := -1, 0
		for _, sep := range siteSeps {
			if i := strings.LastIndex(s, sep); i > best {
				best, sepLen = i, len(sep)
			}
		}
		if i, n := lastSiteSep(s); i != best || n != sepLen {
			t.Errorf("lastSiteSep(%q) = %d, %d, want %d, %d", s, i, n, best, sepLen)
		}
	}
}
