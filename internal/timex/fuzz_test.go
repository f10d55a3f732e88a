package timex

import (
	"os"
	"testing"
	"unicode/utf8"

	"sitrep/news"
)

// FuzzApply checks that no text panics the stage, that every span lies in
// the text on UTF-8 boundaries, in order and without overlap, and that a
// time has a value.
func FuzzApply(f *testing.F) {
	for _, tc := range ruleTests {
		text, _ := unmarkPlain(tc.in)
		f.Add(text, true)
	}
	for _, s := range []string{
		"", "February 30", "9/11", "3-1", "31.02.2017 25:61", "the '", "June", "mid-", "every", "12:",
		"Friday,", "the end of", "two and a half", "Q", "Q9 2009", "\xff\xfeJune 8", "June 8\u00a0,\u00a02017", "１２:００",
	} {
		f.Add(s, false)
	}
	if b, err := os.ReadFile(examplesDir + "/sputnik-2017-06-09-coalition-al-tanf.txt"); err == nil {
		f.Add(string(b), true)
	}
	st := New(Config{})
	f.Fuzz(func(t *testing.T, text string, anchored bool) {
		a := &news.Article{Text: text}
		if anchored {
			a.Meta.Published, _ = news.ParseISO("2017-06-09")
		}
		if err := st.Apply(a); err != nil {
			t.Fatal(err)
		}
		last := 0
		for _, tm := range a.Times {
			if err := news.CheckSpan(text, tm.Span); err != nil {
				t.Fatalf("%v in %q", err, text)
			}
			if tm.Span.IsZero() || tm.Span.Start < last {
				t.Fatalf("span %v empty, out of order or overlapping in %q", tm.Span, text)
			}
			last = tm.Span.End
			if tm.Value == "" || !utf8.ValidString(tm.Value) {
				t.Fatalf("time %v has value %q", tm.Span, tm.Value)
			}
		}
		for _, d := range a.Diagnostics {
			if err := news.CheckSpan(text, d.Span); err != nil {
				t.Fatalf("diagnostic %v", err)
			}
		}
	})
}

// unmarkPlain is unmark without a *testing.T, for seeding the fuzzer.
func unmarkPlain(src string) (string, bool) {
	var out []byte
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '[':
		case '|':
			for i < len(src) && src[i] != ']' {
				i++
			}
		default:
			out = append(out, c)
		}
	}
	return string(out), true
}
