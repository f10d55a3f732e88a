package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"sitrep/news"
)

func TestWithSpanText(t *testing.T) {
	text := `Rudskoy said "no". Déjà`
	a := &news.Article{ID: "x", Text: text}
	a.Sentences = []news.Sentence{{Span: news.Span{Start: 0, End: 18}}, {Span: news.Span{Start: 19, End: len(text)}}}
	// A string that looks like a span must stay untouched.
	a.Meta.Title = `{"start":0,"end":7}`
	a.AddDiagnostic("test", news.Info, news.Span{Start: 1, End: 21}, "bad", "span cuts a rune")
	b, err := MarshalArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Meta      struct{ Title string }
		Sentences []struct {
			Span struct {
				Start, End int
				Text       *string
			}
		}
		Diagnostics []struct {
			Span struct{ Text *string }
		}
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, b)
	}
	if got.Meta.Title != a.Meta.Title {
		t.Errorf("title changed to %q", got.Meta.Title)
	}
	for i, s := range got.Sentences {
		if s.Span.Text == nil || *s.Span.Text != text[s.Span.Start:s.Span.End] {
			t.Errorf("sentence %d: text %v, want %q", i, s.Span.Text, text[s.Span.Start:s.Span.End])
		}
	}
	if got.Diagnostics[0].Span.Text != nil {
		t.Errorf("a span off UTF-8 boundaries got text %q", *got.Diagnostics[0].Span.Text)
	}
}

func TestWriteFormats(t *testing.T) {
	a := &news.Article{ID: "x", Source: "s.txt", Text: "One.\n\nTwo."}
	a.Paragraphs = []news.Span{{Start: 0, End: 4}, {Start: 6, End: 10}}
	a.Meta.Title = "A title"
	for _, f := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, f, a); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !strings.Contains(buf.String(), "A title") {
			t.Errorf("%s output lacks the title:\n%s", f, buf.String())
		}
	}
	var line bytes.Buffer
	WriteJSON(&line, a, false)
	if strings.Count(line.String(), "\n") != 1 {
		t.Errorf("jsonl is not one line: %q", line.String())
	}
	if err := Write(&line, "xml", a); err == nil {
		t.Error("unknown format accepted")
	}
}
