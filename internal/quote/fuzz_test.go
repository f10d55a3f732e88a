package quote

import (
	"testing"

	"sitrep/news"
)

// FuzzApply: no panic, and every span of every quote inside the text on
// UTF-8 boundaries, with a non-empty content; speakers index mentions or
// are -1.
func FuzzApply(f *testing.F) {
	for _, s := range []string{
		`"We see no results," Rudskoy said.`,
		"« Nous ne partirons pas », said Marchand.\n\n„Sie war es nicht.“",
		`He said "a 12" gun" was "found" "`,
		"\"one\n\n\"two\n\n\"three",
		`According to him, the talks failed, and he said that "the army" was "here.`,
		"“““nested „three « deep » “ ”",
		"said said said, according to according to,",
		"\xff\"\xfe said \"",
	} {
		f.Add(s)
	}
	st := New(Config{})
	f.Fuzz(func(t *testing.T, text string) {
		a := &news.Article{Text: text}
		if err := st.Apply(a); err != nil {
			t.Fatal(err)
		}
		if err := news.Validate(a); err != nil {
			t.Errorf("%q: %v", text, err)
		}
		for _, q := range a.Quotes {
			if q.Content.IsZero() {
				t.Errorf("empty content in %q", text)
			}
			for _, s := range []news.Span{q.Content, q.Cue, q.SpeakerSpan, q.Channel, q.Reference} {
				if err := news.CheckSpan(text, s); err != nil {
					t.Errorf("%q: %v", text, err)
				}
			}
			if q.Speaker != -1 {
				t.Errorf("speaker index %d with no mentions", q.Speaker)
			}
		}
		for _, d := range a.Diagnostics {
			if err := news.CheckSpan(text, d.Span); err != nil {
				t.Errorf("diagnostic %q: %v", d.Code, err)
			}
		}
	})
}
