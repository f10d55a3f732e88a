package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"

	"sitrep/news"
)

// WriteStandoff writes the stand-off text of a, the format of the golden
// tests: the metadata, the body, then every layer one annotation per line
// as `layer [start,end) "covered text" {other fields}`. Sentences list
// their tokens separated by "|". It is meant to be read as a diff.
func WriteStandoff(w io.Writer, a *news.Article) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", a.Source)
	meta, err := json.Marshal(a.Meta)
	if err != nil {
		return err
	}
	var m map[string]any
	if err := json.Unmarshal(meta, &m); err != nil {
		return err
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if isEmpty(m[k]) {
			continue
		}
		v, _ := json.Marshal(m[k])
		fmt.Fprintf(&b, "meta.%s: %s\n", k, v)
	}
	b.WriteString("text:\n")
	for _, line := range strings.Split(a.Text, "\n") {
		b.WriteString("| ")
		b.WriteString(line)
		b.WriteString("\n")
	}
	for i, p := range a.Paragraphs {
		fmt.Fprintf(&b, "paragraph %d %v\n", i, p)
	}
	for i, s := range a.Sentences {
		fmt.Fprintf(&b, "sentence %d %v p%d:", i, s.Span, s.Paragraph)
		if s.First <= s.End && s.End <= len(a.Tokens) {
			for j, t := range a.Tokens[s.First:s.End] {
				if j > 0 {
					b.WriteString(" |")
				}
				b.WriteString(" ")
				b.WriteString(a.Covered(t.Span))
			}
		}
		b.WriteString("\n")
	}
	layer(&b, a, "mention", a.Mentions)
	layer(&b, a, "place", a.Places)
	layer(&b, a, "time", a.Times)
	layer(&b, a, "quote", a.Quotes)
	layer(&b, a, "event", a.Events)
	layer(&b, a, "diagnostic", a.Diagnostics)
	_, err = io.WriteString(w, b.String())
	return err
}

// layer writes one line per element: the element's first Span field as
// its position, then its other fields as compact JSON with span texts.
func layer[T any](b *strings.Builder, a *news.Article, name string, items []T) {
	for i, it := range items {
		fmt.Fprintf(b, "%s %d", name, i)
		if sp, ok := firstSpan(reflect.ValueOf(it)); ok {
			fmt.Fprintf(b, " %v %q", sp, a.Covered(sp))
		}
		raw, err := json.Marshal(it)
		if err != nil {
			fmt.Fprintf(b, " !%v\n", err)
			continue
		}
		raw = withSpanText(raw, a.Text)
		b.WriteString(" ")
		b.Write(bytes.TrimSpace(raw))
		b.WriteString("\n")
	}
}

func firstSpan(v reflect.Value) (news.Span, bool) {
	if v.Kind() != reflect.Struct {
		return news.Span{}, false
	}
	spanType := reflect.TypeOf(news.Span{})
	for i := 0; i < v.NumField(); i++ {
		if v.Field(i).Type() == spanType {
			return v.Field(i).Interface().(news.Span), true
		}
	}
	return news.Span{}, false
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case map[string]any:
		for _, e := range x {
			if f, ok := e.(float64); !ok || f != 0 {
				return false
			}
		}
		return true
	}
	return false
}
