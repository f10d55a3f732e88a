package place

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"sitrep/internal/extract"
	"sitrep/internal/markup"
	"sitrep/news"
)

func stage(t testing.TB) *Stage {
	t.Helper()
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// want is an expected place: the country, and the precision when the
// markup names one.
type want struct {
	span      news.Span
	country   string
	precision news.GeoPrecision
}

// parse turns inline markup into text and expected places:
// "[Paris|FR] and [southern Syria|SY region]" marks "Paris" as a place in
// France and "southern Syria" as a region of Syria.
func parse(t *testing.T, marked string) (string, []want) {
	t.Helper()
	text, marks, err := markup.Parse(marked)
	if err != nil {
		t.Fatal(err)
	}
	var ws []want
	for _, m := range marks {
		fields := strings.Fields(m.Label)
		w := want{span: m.Span, country: fields[0]}
		if len(fields) > 1 {
			w.precision = news.GeoPrecision(fields[1])
		}
		ws = append(ws, w)
	}
	return text, ws
}

// check compares the places of a with the expected ones.
func check(t *testing.T, a *news.Article, ws []want) {
	t.Helper()
	got := make(map[news.Span]news.Place)
	for _, p := range a.Places {
		if err := news.CheckSpan(a.Text, p.Span); err != nil {
			t.Errorf("place %v: %v", p.Span, err)
		}
		got[p.Span] = p
	}
	for _, w := range ws {
		p, ok := got[w.span]
		if !ok {
			t.Errorf("%q: no place, want one in %s (places: %s)", a.Covered(w.span), w.country, describe(a))
			continue
		}
		delete(got, w.span)
		if p.Country != w.country {
			t.Errorf("%q: %s in %s, want %s", a.Covered(w.span), p.Name, p.Country, w.country)
		}
		if w.precision != "" && p.Precision != w.precision {
			t.Errorf("%q: precision %s, want %s", a.Covered(w.span), p.Precision, w.precision)
		}
	}
	for _, p := range got {
		t.Errorf("%q: unexpected place %s in %s", a.Covered(p.Span), p.Name, p.Country)
	}
}

func describe(a *news.Article) string {
	var parts []string
	for _, p := range a.Places {
		parts = append(parts, fmt.Sprintf("%q=%s/%s", a.Covered(p.Span), p.Name, p.Country))
	}
	return strings.Join(parts, ", ")
}

func TestPlaces(t *testing.T) {
	s := stage(t)
	for _, tc := range []struct{ name, marked string }{
		// Transliteration variants of one place.
		{"deir variants", "Shelling hit [Dayr az Zawr|SY] and [Deir Ezzor|SY]; [Deir al-Zour|SY] is on the river."},
		{"abu kamal variants", "Convoys left [Al Bukamal|SY] for [Albu Kamal|SY], also written [Abu Kamal|SY], in [Syria|SY]."},
		{"tanf variants", "Strikes near [al-Tanf|SY near] and north-east of [At Tanf|SY near] in [Syria|SY]."},
		// Ambiguous names decided by context.
		{"paris france", "Thousands marched in [Paris|FR] on Saturday."},
		{"paris texas qualifier", "A tornado damaged homes in [Paris|US], [Texas|US], overnight."},
		{"tripoli libya", "Militias clashed in [Tripoli|LY], the capital of [Libya|LY], near [Misrata|LY]."},
		{"tripoli lebanon", "Gunmen opened fire in [Tripoli|LB], north of [Beirut|LB], in [Lebanon|LB]."},
		{"georgia country", "Protesters in [Tbilisi|GE] said [Georgia|GE] must resist pressure from [Russia|RU]."},
		{"georgia state", "Storms hit [Atlanta|US] and [Savannah|US] as [Georgia|US] declared an emergency."},
		// Regions, provinces, precision.
		{"southern", "Fighting continued in [southern Syria|SY region]."},
		{"the south of the country", "Troops advanced in [Syria|SY]. The army said [the south of the country|SY region] was calm."},
		{"province", "Airstrikes hit [Raqqa|SY region] province and [Deir ez-Zor|SY region] province on Monday."},
		{"list of states", "Cases were reported in [Michigan|US], [Ohio|US], [Oregon|US] and [Utah|US]."},
		{"list in one country", "Cases rose in [California|US], [Texas|US] and [Ohio|US], and in [Canada|CA] in [British Columbia|CA], [Alberta|CA], [Ontario|CA] and [New Brunswick|CA]."},
		{"region's largest city", "Schools closed in [New York|US point] and [São Paulo|BR point]."},
		{"region as qualifier", "A school in [Buffalo|US point], [New York|US region], closed."},
		{"region before a title", "[New York|US region] Governor Andrew Cuomo declared an emergency."},
		{"unknown population", "Protesters gathered in [London|GB], [England|GB], outside parliament in [Westminster|GB]."},
		{"loose match uncorroborated", "Rockets fell on Aazaz overnight."},
		{"loose match corroborated", "Shelling hit [Aazaz|SY] and [Aleppo|SY]."},
		{"name not split", "This afternoon, the New York City Ballet performed."},
		{"demonym", "Officials in the French capital [Paris|FR] met envoys from [Paris|US], [Texas|US]."},
		{"town of", "Clashes erupted near the town of [Manbij|SY near] in [Syria|SY]."},
		// Names that are not places.
		{"capital as actor", "Damascus said the strike was illegal, and pro-Damascus forces agreed."},
		{"possessive capital", "Damascus' allies and Washington's envoy met in [Geneva|CH]."},
		{"person", "Carl Marshall spoke, then Dr. Hartl answered; Marshall left."},
		{"modifier", "The US-led coalition and Iran-backed militias."},
		{"disease", "The Marburg virus and Lassa fever spread."},
		{"other scripts", "الهجوم على دير الزور и Дейр-эз-Зор 代尔祖尔"},
		{"sentence-initial common word", "Over the weekend, nothing happened."},
		{"contraction", "I've seen it and we're sure."},
		{"speaker", "\"It is safe,\" Marshall said, and said Marshall again; a nurse in [Austin|US] told reporters."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, ws := parse(t, tc.marked)
			a := &news.Article{Text: text}
			if err := s.Apply(a); err != nil {
				t.Fatal(err)
			}
			check(t, a, ws)
		})
	}
}

// TestMentions checks the coordination with the entity stage: a span that
// the entity stage marked as an actor is not a place, unless a state is
// named after a locative preposition or the entity stage only guessed.
func TestMentions(t *testing.T) {
	s := stage(t)
	text, ws := parse(t, "Russia slammed the strikes in [southern Syria|SY region] near the border with [Iraq|IQ] and [Jordan|JO], and Jordan Smith agreed. Jordan said no. Posts run to [Abu Kamal|SY].")
	mention := func(sub string, typ news.EntityType, res string) news.Mention {
		i := strings.Index(text, sub)
		return news.Mention{Span: news.Span{Start: i, End: i + len(sub)}, Type: typ, Resolution: res}
	}
	a := &news.Article{Text: text, Mentions: []news.Mention{
		mention("Russia", news.State, "kb"), mention("Syria", news.State, "kb"), mention("Iraq", news.State, "kb"),
		mention("Jordan,", news.State, "kb"), mention("Jordan Smith", news.Person, "context"),
		mention("Jordan said", news.State, "kb"), mention("Abu Kamal", news.Organization, "unresolved"),
	}}
	if err := s.Apply(a); err != nil {
		t.Fatal(err)
	}
	check(t, a, ws)
}

// TestExample checks the places of the reference example page (issue 5's
// "Done when") on the extracted text alone; pipelinetest checks it again
// after the entity stage.
func TestExample(t *testing.T) {
	b, err := os.ReadFile("../../../shared/examples/sputnik-2017-06-09-coalition-al-tanf.txt")
	if err != nil {
		t.Skip("example page absent:", err)
	}
	a := &news.Article{Original: b, Format: news.FormatText}
	if err := extract.New(extract.Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	if err := stage(t).Apply(a); err != nil {
		t.Fatal(err)
	}
	checkExample(t, a)
}

// checkExample checks the places of the example page against what an
// analyst reads from it.
func checkExample(t *testing.T, a *news.Article) {
	t.Helper()
	truth := map[string][2]float64{ // approximate true positions
		"Palmyra": {34.55, 38.27}, "Deir ez-Zor": {35.33, 40.14},
		"al-Tanf": {33.5, 38.65}, "At Tanf": {33.5, 38.65}, "Abu Kamal": {34.45, 40.92},
	}
	found := make(map[string]bool)
	for _, p := range a.Places {
		name := a.Covered(p.Span)
		found[name] = true
		if pos, ok := truth[name]; ok {
			if p.Country != "SY" {
				t.Errorf("%q in %s, want SY", name, p.Country)
			}
			if d := distanceKM(p.Lat, p.Lon, pos[0], pos[1]); d > 25 {
				t.Errorf("%q at %.3f,%.3f: %.0f km from its true position", name, p.Lat, p.Lon, d)
			}
		}
		switch name {
		case "Syria", "Iraq", "Jordan":
			if p.Precision != news.GeoCountry {
				t.Errorf("%q: precision %s, want country", name, p.Precision)
			}
		case "southern Syria", "the south of the country":
			if p.Precision != news.GeoRegion || p.Country != "SY" {
				t.Errorf("%q: %s in %s, want a region of SY", name, p.Precision, p.Country)
			}
		case "Damascus", "Washinghton", "Washington":
			t.Errorf("%q is an actor here, not a place", name)
		}
	}
	for _, n := range []string{"Palmyra", "Deir ez-Zor", "al-Tanf", "At Tanf", "Abu Kamal", "Syria", "Iraq", "Jordan", "southern Syria", "the south of the country"} {
		if !found[n] {
			t.Errorf("%q not found; places: %s", n, describe(a))
		}
	}
}

// TestBadInput: a long run of capitalised words, invalid UTF-8, and
// scripts the gazetteer lacks take bounded time and give valid spans.
func TestBadInput(t *testing.T) {
	s := stage(t)
	words := []string{"Paris", "London", "Alpha", "Zulu", "Syria", "Abu", "Al", "New", "York", "Deir"}
	var b strings.Builder
	for i := 0; i < 10000; i++ {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
	}
	for _, text := range []string{b.String(), "Paris \xff\xfe Syria \xc3", strings.Repeat("دير الزور ", 2000), strings.Repeat("al-", 5000) + "Tanf", ""} {
		a := &news.Article{Text: text}
		start := time.Now()
		if err := s.Apply(a); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%d bytes took %v", len(text), d)
		}
		for _, p := range a.Places {
			if err := news.CheckSpan(text, p.Span); err != nil {
				t.Error(err)
			}
			if math.IsNaN(p.Lat) || math.Abs(p.Lat) > 90 || math.Abs(p.Lon) > 180 {
				t.Errorf("bad coordinates %v,%v", p.Lat, p.Lon)
			}
		}
	}
}

func FuzzApply(f *testing.F) {
	s := stage(f)
	for _, seed := range []string{"near al-Tanf in southern Syria", "Paris, Texas", "Damascus' allies", "the south of the country", "U.S.", "d'Ivoire", "People's Republic of China", "\xff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := &news.Article{Text: text}
		if err := s.Apply(a); err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(text) && (len(a.Places) > 0 || len(a.Diagnostics) == 0) {
			t.Fatal("invalid UTF-8: want a diagnostic and no places")
		}
		last := -1
		for _, p := range a.Places {
			if err := news.CheckSpan(text, p.Span); err != nil {
				t.Fatal(err)
			}
			if p.Span.Start < last {
				t.Fatalf("places out of order or overlapping at %v", p.Span)
			}
			last = p.Span.End
		}
	})
}
