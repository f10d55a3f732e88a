package gazetteer

import (
	"bytes"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func load(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestLoad(t *testing.T) {
	g := load(t)
	if g.Len() < 130000 {
		t.Errorf("Len = %d, want the 138k places of cities1000 and more", g.Len())
	}
	find := func(name, cc string, cls Class) *Entry {
		for _, c := range g.Lookup(name) {
			e := g.Entry(c.Index)
			if e.Country == cc && e.Class == cls {
				return e
			}
		}
		t.Errorf("Lookup(%q): no %v in %s", name, cls, cc)
		return nil
	}
	for _, n := range []string{"Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor", "Deir al-Zour"} {
		find(n, "SY", City)
	}
	for _, n := range []string{"Abu Kamal", "Al Bukamal", "Albu Kamal", "Palmyra", "Tadmur"} {
		find(n, "SY", City)
	}
	for _, n := range []string{"al-Tanf", "At Tanf"} {
		find(n, "SY", Site)
	}
	find("Syria", "SY", Country)
	find("U.S.", "US", Country)
	find("Texas", "US", Admin1)
	find("Deir ez-Zor", "SY", Admin1)
	if e := find("Damascus Governorate", "SY", Admin1); e != nil && g.Admin1Name("SY", e.Admin1) != "Damascus Governorate" {
		t.Errorf("Admin1Name = %q", g.Admin1Name("SY", e.Admin1))
	}
	if g.CountryOfTLD(".uk") != "GB" {
		t.Errorf("CountryOfTLD(.uk) = %q", g.CountryOfTLD(".uk"))
	}
	if len(g.Lookup("دير الزور")) != 0 {
		t.Error("Arabic-script name found an entry")
	}
}

func TestReadErrors(t *testing.T) {
	gz := func(s string) []byte {
		b, err := Compress([]byte(s))
		if err != nil {
			panic(err)
		}
		return b
	}
	h := Header() + "\n"
	entry := "E\t1\tX\t1\t2\tP\tPPL\tSY\t01\t5\tgeonames\n"
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"not zstd", []byte("this is not a zstd file at all"), "zstd"},
		{"truncated", gz(h + entry + "K\tx\t0\n")[:20], "generated data"},
		{"old norm", gz("#sitrep-gazetteer\tformat=1\tnorm=0\n"), "regenerate"},
		{"bad row", gz(h + "Z\t1\n"), "unknown row"},
		{"bad lat", gz(h + strings.Replace(entry, "\t1\t2\t", "\t91\t2\t", 1)), "coordinates"},
		{"bad posting", gz(h + entry + "K\tx\t8\n"), "posting"},
		{"unsorted", gz(h + entry + "K\ty\t0\nK\tx\t0\n"), "order"},
		{"empty", gz(h), "no entries"},
	} {
		_, err := Read(tc.data, strings.NewReader(""), strings.NewReader(""))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one containing %q", tc.name, err, tc.want)
		}
	}
	ok := gz(h + entry + "K\tx\t0\n")
	if _, err := Read(ok, strings.NewReader("bad\tline\n"), strings.NewReader("")); err == nil {
		t.Error("bad curated line: no error")
	}
	if _, err := Read(ok, strings.NewReader(""), strings.NewReader("Foo\tcountry:ZZ\n")); err == nil {
		t.Error("alias to unknown country: no error")
	}
}

func TestStripAdminTerms(t *testing.T) {
	for in, want := range map[string]string{
		"Damascus Governorate": "Damascus", "Province of Quebec": "Quebec",
		"Kaduna State": "Kaduna", "Texas": "Texas", "Region": "",
	} {
		if got := StripAdminTerms(in); got != want {
			t.Errorf("StripAdminTerms(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkLoad measures reading the embedded data; it reports the heap the
// gazetteer keeps as MB-heap.
func BenchmarkLoad(b *testing.B) {
	var ms0, ms1 runtime.MemStats
	for i := 0; i < b.N; i++ {
		runtime.GC()
		runtime.ReadMemStats(&ms0)
		g, err := Read(geonamesData, bytes.NewReader(curatedData), bytes.NewReader(aliasData))
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&ms1)
		b.ReportMetric(float64(ms1.HeapAlloc-ms0.HeapAlloc)/(1<<20), "MB-heap")
		runtime.KeepAlive(g)
	}
}

// BenchmarkLoadTime measures reading the embedded data. Besides wall time
// it reports cpu-ms (user and system time of the process, all threads, per
// load), which a busy shared machine does not inflate.
func BenchmarkLoadTime(b *testing.B) {
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := Read(geonamesData, bytes.NewReader(curatedData), bytes.NewReader(aliasData)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func FuzzRead(f *testing.F) {
	gz := func(s string) []byte {
		b, err := Compress([]byte(s))
		if err != nil {
			panic(err)
		}
		return b
	}
	h := Header() + "\n"
	f.Add(gz(h+"E\t1\tX\t1\t2\tP\tPPL\tSY\t01\t5\tgeonames\nK\tx\t0\n"), "X\t\tR\tSEA\t1\t2\t\tnote", "Y\tcountry:SY")
	f.Add([]byte("junk"), "", "")
	f.Fuzz(func(t *testing.T, data []byte, curated, aliases string) {
		g, err := Read(data, strings.NewReader(curated), strings.NewReader(aliases))
		if err != nil {
			return
		}
		for _, c := range g.Lookup("X") {
			_ = g.Entry(c.Index)
		}
	})
}
