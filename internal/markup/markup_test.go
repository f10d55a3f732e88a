package markup

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"sitrep/news"
)

func TestParse(t *testing.T) {
	text, marks, err := Parse("[Col. Gen. Sergei Rudskoy|PER] said [Déjà|X Y] vu.")
	if err != nil {
		t.Fatal(err)
	}
	if text != "Col. Gen. Sergei Rudskoy said Déjà vu." {
		t.Errorf("text = %q", text)
	}
	want := []Mark{
		{Span: news.Span{Start: 0, End: 24}, Text: "Col. Gen. Sergei Rudskoy", Label: "PER"},
		{Span: news.Span{Start: 30, End: 36}, Text: "Déjà", Label: "X Y"},
	}
	if diff := cmp.Diff(want, marks); diff != "" {
		t.Errorf("marks (-want +got):\n%s", diff)
	}
	for _, m := range marks {
		if got := text[m.Span.Start:m.Span.End]; got != m.Text {
			t.Errorf("span %v covers %q, want %q", m.Span, got, m.Text)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, s := range []string{"an [unclosed mark", "a [mark without label] here"} {
		if _, _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) gave no error", s)
		}
	}
}
