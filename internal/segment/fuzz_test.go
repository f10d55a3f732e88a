package segment

import (
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"sitrep/news"
)

const examplePage = "../../../shared/examples/sputnik-2017-06-09-coalition-al-tanf.txt"

// FuzzSegment checks that Apply never panics and that the layers keep the
// package's invariants on any input.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"Col. Gen. Sergei Rudskoy said. Then he left.",
		`He said: "We will go. They will stay." Then he left.`,
		"in the U.S. The next day\n\n- a bullet\n1. item\n",
		"3.5 09.06.2017 16:48 $1.2bn … ... U.S.-led coalition's Damascus'",
		"https://example.com/a_(b). press@mod.gov.ru.",
		"联军发动了空袭。Россия.\u200b\u00ad👨‍👩‍👧",
		"\xff\xfe invalid",
		"....... ------ @@@ a@b.c a.b.c.d.e. Lt.-Gen.-",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile(examplePage); err == nil {
		f.Add(string(b))
	}
	seg := New(Config{})
	f.Fuzz(func(t *testing.T, text string) {
		a := &news.Article{Text: text}
		if err := seg.Apply(a); err != nil {
			t.Fatalf("Apply: %v", err)
		}
		if !utf8.ValidString(text) {
			if len(a.Tokens)+len(a.Sentences)+len(a.Paragraphs) != 0 || len(a.Diagnostics) != 1 {
				t.Fatalf("invalid UTF-8: want no layers and one diagnostic, got %d tokens, %d diagnostics", len(a.Tokens), len(a.Diagnostics))
			}
			return
		}
		if msg := checkLayers(text, a.Paragraphs, a.Sentences, a.Tokens); msg != "" {
			t.Fatal(msg)
		}
		if strings.TrimFunc(text, func(r rune) bool { return isSpace(r) }) != "" && len(a.Tokens) == 0 {
			t.Fatalf("no tokens in %q", text)
		}
	})
}

// TestLinearTime runs inputs that would take quadratic time under a naive
// scan; each must finish well within the limit. The limit is generous for
// loaded test machines: a quadratic scan of 1 MB takes minutes.
func TestLinearTime(t *testing.T) {
	const n = 1 << 20
	inputs := map[string]string{
		"no punctuation":  strings.Repeat("word ", n/5),
		"periods":         strings.Repeat(".", 100000),
		"many periods":    strings.Repeat(".", n),
		"spaced periods":  strings.Repeat(". ", 100000),
		"one long word":   strings.Repeat("a", n),
		"dotted letters":  strings.Repeat("a.", n/2),
		"initials":        strings.Repeat("A. ", n/3),
		"hyphens":         strings.Repeat("a-", n/2),
		"at signs":        strings.Repeat("a@", n/2),
		"local parts":     strings.Repeat("a.b+", n/4) + "@",
		"url":             "http://" + strings.Repeat("a", n),
		"closers":         "a." + strings.Repeat(`")`, n/2),
		"newlines":        strings.Repeat("a\n", n/2),
		"blank lines":     strings.Repeat("\n \n", n/3),
		"bullets":         strings.Repeat("- a\n", n/4),
		"apostrophes":     strings.Repeat("a'", n/2),
		"numbers":         strings.Repeat("1.", n/2),
		"quotes and caps": strings.Repeat(`"A." B `, n/7),
	}
	seg := New(Config{})
	for name, text := range inputs {
		start := time.Now()
		paras, sents, toks := seg.Segment(text)
		d := time.Since(start)
		t.Logf("%s: %d bytes in %v", name, len(text), d)
		if d > 5*time.Second {
			t.Errorf("%s: %d bytes took %v", name, len(text), d)
		}
		if msg := checkLayers(text, paras, sents, toks); msg != "" {
			t.Errorf("%s: %s", name, msg)
		}
	}
}

// BenchmarkSegment segments the example page (a real news page of about
// 6 KB) and reports MB/s and articles/s per core.
func BenchmarkSegment(b *testing.B) {
	data, err := os.ReadFile(examplePage)
	if err != nil {
		b.Skipf("example page not available: %v", err)
	}
	text := string(data)
	seg := New(Config{})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := &news.Article{Text: text}
		if err := seg.Apply(a); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	// On a shared machine wall time counts the time other processes hold
	// the core; the process's CPU time gives the cost per core.
	if cpu := (cpuTime() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(len(text))*float64(b.N)/cpu/1e6, "MB/cpu-s")
	}
}
