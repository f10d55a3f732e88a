package place

import (
	"os"
	"testing"

	"sitrep/news"
)

const examplePath = "../../../shared/examples/sputnik-2017-06-09-coalition-al-tanf.txt"

func TestExampleDump(t *testing.T) {
	b, err := os.ReadFile(examplePath)
	if err != nil {
		t.Skip("example page absent:", err)
	}
	s := stage(t)
	a := &news.Article{Text: string(b)}
	if err := s.Apply(a); err != nil {
		t.Fatal(err)
	}
	for _, p := range a.Places {
		t.Logf("%-30q %-22s %s %-8s %-7s %.3f,%.3f %s n=%d", a.Covered(p.Span), p.Name, p.Country, p.Precision, p.Feature, p.Lat, p.Lon, p.Admin1, p.Candidates)
	}
}

func stage(t testing.TB) *Stage {
	t.Helper()
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
