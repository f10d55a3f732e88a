package timex

import (
	"os"
	"strings"
	"testing"

	"sitrep/news"
)

// BenchmarkApply measures the time stage on the example page's body,
// repeated to about 40 kB, reporting MB/s and articles/s on one core.
func BenchmarkApply(b *testing.B) {
	page, err := os.ReadFile(examplesDir + "/sputnik-2017-06-09-coalition-al-tanf.txt")
	if err != nil {
		b.Skip(err)
	}
	var sb strings.Builder
	for _, tc := range ruleTests {
		text, _ := unmarkPlain(tc.in)
		sb.WriteString(text)
		sb.WriteString(" ")
	}
	text := string(page) + "\n" + sb.String()
	pub, _ := news.ParseISO("2017-06-09T16:48")
	st := New(Config{})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := &news.Article{Text: text}
		a.Meta.Published = pub
		if err := st.Apply(a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
