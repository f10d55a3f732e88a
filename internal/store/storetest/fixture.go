package storetest

import (
	"fmt"
	"strings"
	"time"

	"sitrep/internal/extract"
	"sitrep/internal/read"
	"sitrep/internal/segment"
	"sitrep/internal/syndicate"
	"sitrep/news"
)

// A Doc is an article written for the tests, its layers set by hand from
// inline markup, so that the store, cluster and export code is tested
// apart from the analysis. Each paragraph is plain text with marks
// "[words|ROLE]":
//
//	S source actor   T target actor   V trigger   P place   D date
//	K killed count   I injured count  B who asserts the event
//	W quote speaker  C quote cue      Q quote content
type Doc struct {
	URL, Outlet, Title string
	Published          string // ISO 8601
	Paras              []Para
}

// A Para is one paragraph (of a Doc) or one sentence of a real page (of
// Page), with the event or quote it states.
type Para struct {
	Markup string
	Event  *Ev
	Quote  bool // the W, C and Q marks make a quote
}

// Ev is what the marks do not say about an event.
type Ev struct {
	Type, Mode, CAMEO string
	How               string // reported, announced, claimed, alleged…
	Date              string // TIMEX3 value of the D mark, or of the event when it has no D mark
	DateFrom          string // "published" for a date taken from the publication date
	Place             string // a place named earlier, when the sentence names none
	Killed, Injured   [2]int // low, high (-1 unbounded) of the K and I marks
	ACLED, ACLEDSub   string
}

// Actors is the tests' actor knowledge base: the key of a name → actor.
// Places is the tests' gazetteer: the key of a name → place. Both hold
// only what the test articles name.
var Actors, Places = testKB()

func keyOf(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimPrefix(s, "the ")
	return strings.Join(strings.Fields(strings.NewReplacer("-", " ", ".", "", "'", "").Replace(s)), " ")
}

func testKB() (map[string]news.Actor, map[string]news.Place) {
	actors, places := map[string]news.Actor{}, map[string]news.Place{}
	actor := func(a news.Actor, names ...string) {
		for _, n := range names {
			actors[keyOf(n)] = a
		}
	}
	place := func(p news.Place, names ...string) {
		for _, n := range names {
			places[keyOf(n)] = p
		}
	}
	coalition := news.Actor{ID: "us-led-coalition", Name: "US-led coalition", Kind: "coalition", Sector: "military", Code: "USAMIL"}
	actor(coalition, "US-led coalition", "U.S.-led coalition", "coalition", "coalition aircraft", "coalition warplanes",
		"US-led coalition warplanes", "coalition forces", "coalition's aviation", "coalition aviation", "US-led international coalition")
	syr := news.Actor{ID: "syrian-armed-forces", Name: "Syrian Armed Forces", Kind: "organization", Country: "SYR", Sector: "military", Code: "SYRMIL"}
	actor(syr, "Syrian army", "Syrian army's advance", "pro-Assad fighters", "pro-Damascus forces", "pro-Syrian government forces",
		"pro-government forces", "Syrian servicemen", "Syrian government forces", "Syrian troops", "Syrian army positions",
		"a convoy of pro-government forces", "pro-regime forces", "pro-regime drone", "Syrian soldiers")
	actor(news.Actor{ID: "russian-defense-ministry", Name: "Russian Defense Ministry", Kind: "organization", Country: "RUS", Sector: "military", Code: "RUSMIL"},
		"Russian Defense Ministry", "Russian MoD", "Russian military", "Russian General Staff", "Russian Defence Ministry")
	actor(news.Actor{ID: "sergei-rudskoy", Name: "Sergei Rudskoy", Kind: "person", Country: "RUS", Sector: "military", Code: "RUSMIL"},
		"Sergei Rudskoy", "Col. Gen. Sergei Rudskoy", "Rudskoy")
	actor(news.Actor{ID: "us-department-of-defense", Name: "US Department of Defense", Kind: "organization", Country: "USA", Sector: "military", Code: "USAMIL"},
		"Pentagon", "US Department of Defense")
	actor(news.Actor{ID: "islamic-state", Name: "Islamic State", Kind: "group", Sector: "rebel", Code: "IMGSUN"},
		"Islamic State", "Daesh", "Islamic State fighters")
	actor(news.Actor{ID: "sohr", Name: "Syrian Observatory for Human Rights", Kind: "organization", Country: "GBR", Sector: "ngo", Code: "NGO"},
		"Syrian Observatory for Human Rights", "the Observatory")
	tanf := news.Place{GeonameID: 170100, Name: "At Tanf", Lat: 33.5017, Lon: 38.6247, Country: "SY", Admin1: "Homs", Precision: news.GeoNear, Feature: "site"}
	place(tanf, "al-Tanf", "At Tanf", "Tanf", "al-Tanf base", "the town of al-Tanf", "the al-Tanf base")
	place(news.Place{GeonameID: 163915, Name: "Ar Raqqah", Lat: 35.9528, Lon: 39.0079, Country: "SY", Admin1: "Ar-Raqqah", Precision: news.GeoPoint, Feature: "city"},
		"Raqqa", "Ar Raqqah")
	place(news.Place{Name: "southern Syria", Lat: 32.9, Lon: 36.4, Country: "SY", Precision: news.GeoRegion, Feature: "region"},
		"southern Syria", "the south of the country")
	return actors, places
}

type mark struct {
	role       byte
	start, end int // in the plain text of the markup
}

// parse strips "[words|R]" marks from s.
func parse(s string) (string, []mark, error) {
	var b strings.Builder
	var marks []mark
	for i := 0; i < len(s); {
		if s[i] != '[' {
			b.WriteByte(s[i])
			i++
			continue
		}
		bar := strings.IndexByte(s[i:], '|')
		end := strings.IndexByte(s[i:], ']')
		if bar < 0 || end < bar || end-bar != 2 {
			b.WriteByte(s[i]) // a bracket of the text itself: "[Syrian]"
			i++
			continue
		}
		start := b.Len()
		b.WriteString(s[i+1 : i+bar])
		marks = append(marks, mark{role: s[i+bar+1], start: start, end: b.Len()})
		i += end + 1
	}
	return b.String(), marks, nil
}

// Build turns written docs into analysed articles: Text and sentences by
// the real segment stage, every other layer from the marks. Copies of one
// story (same paragraphs) get Meta.Story from the syndicate index.
func Build(docs []Doc) ([]*news.Article, error) {
	var out []*news.Article
	for _, d := range docs {
		var plain []string
		for _, p := range d.Paras {
			s, _, err := parse(p.Markup)
			if err != nil {
				return nil, err
			}
			plain = append(plain, s)
		}
		text := strings.Join(plain, "\n\n")
		orig := fmt.Sprintf("%s\n\n%s\n\n%s\n\n%s\n", d.Title, d.Outlet, d.Published, text)
		a := &news.Article{ID: read.ContentID([]byte(orig)), Source: d.URL, Format: news.FormatBody, Original: []byte(orig), Text: text}
		a.Meta.URL, a.Meta.Outlet, a.Meta.Title = d.URL, d.Outlet, d.Title
		pub, err := news.ParseISO(d.Published)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.URL, err)
		}
		a.Meta.Published = pub
		if err := annotate(a, d.Paras); err != nil {
			return nil, fmt.Errorf("%s: %w", d.URL, err)
		}
		out = append(out, a)
	}
	syndicate.Group(out, syndicate.Config{})
	return out, nil
}

// Page analyses a real saved page with the extract and segment stages
// and sets its other layers from the marks of paras, each of which must
// occur in the extracted text.
func Page(source string, original []byte, paras []Para) (*news.Article, error) {
	a, err := read.NewArticle(source, original, news.FormatText)
	if err != nil {
		return nil, err
	}
	if err := extract.New(extract.Config{}).Apply(a); err != nil {
		return nil, err
	}
	if err := annotate(a, paras); err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	return a, nil
}

// annotate segments a and adds the layers the marks of paras state.
func annotate(a *news.Article, paras []Para) error {
	if err := segment.New(segment.Config{}).Apply(a); err != nil {
		return err
	}
	outlet := news.Actor{ID: "outlet:" + keyOf(a.Meta.Outlet), Name: a.Meta.Outlet, Kind: "organization", Sector: "media"}
	from := 0
	for _, p := range paras {
		plain, marks, err := parse(p.Markup)
		if err != nil {
			return err
		}
		at := strings.Index(a.Text[from:], plain)
		if at < 0 {
			if at = strings.Index(a.Text, plain); at < 0 {
				return fmt.Errorf("paragraph not in text: %.60q", plain)
			}
		} else {
			at += from
		}
		from = at + len(plain)
		sentence := news.Span{Start: at, End: at + len(plain)}
		idx := map[byte]int{}
		spans := map[byte]news.Span{}
		for _, m := range marks {
			sp := news.Span{Start: at + m.start, End: at + m.end}
			spans[m.role] = sp
			words := plain[m.start:m.end]
			switch m.role {
			case 'S', 'T', 'B', 'W':
				act, ok := Actors[keyOf(words)]
				res := "kb"
				if !ok {
					res = "unresolved"
				}
				idx[m.role] = len(a.Mentions)
				a.Mentions = append(a.Mentions, news.Mention{Span: sp, Type: news.Organization, Actor: act, Resolution: res, Antecedent: -1})
			case 'P':
				pl, ok := Places[keyOf(words)]
				if !ok {
					return fmt.Errorf("place %q not in the test gazetteer", words)
				}
				pl.Span = sp
				idx['P'] = len(a.Places)
				a.Places = append(a.Places, pl)
			}
		}
		if p.Quote {
			q := news.Quote{Content: spans['Q'], Cue: spans['C'], Direct: true, Meaning: "say", Speaker: -1, SpeakerSpan: spans['W'], Outlet: a.Meta.Outlet}
			if i, ok := idx['W']; ok {
				q.Speaker, q.Actor = i, a.Mentions[i].Actor
			}
			a.Quotes = append(a.Quotes, q)
		}
		if p.Event == nil {
			continue
		}
		e := p.Event
		ev := news.Event{Type: e.Type, Mode: e.Mode, CAMEO: e.CAMEO, Trigger: spans['V'], Evidence: sentence,
			Source: -1, Target: -1, Place: -1, Time: -1, Content: -1, Confidence: 0.9,
			Date: e.Date, DatePrecision: precisionOf(e.Date), DateFrom: "sentence",
			ACLEDEvent: e.ACLED, ACLEDSubEvent: e.ACLEDSub}
		if ev.CAMEO != "" {
			ev.CAMEORoot = ev.CAMEO[:min(2, len(ev.CAMEO))]
		}
		if i, ok := idx['S']; ok {
			ev.Source = i
			ev.SourceArg = news.Argument{Span: spans['S'], Mention: i}
		}
		if i, ok := idx['T']; ok {
			ev.Target = i
			ev.TargetArg = news.Argument{Span: spans['T'], Mention: i}
		}
		if i, ok := idx['P']; ok {
			ev.Place, ev.PlaceFrom = i, "clause"
		} else if e.Place != "" {
			for j := range a.Places {
				if keyOf(a.Places[j].Name) == keyOf(Places[keyOf(e.Place)].Name) {
					ev.Place, ev.PlaceFrom = j, "article"
					break
				}
			}
		}
		if sp, ok := spans['D']; ok {
			ev.Time = len(a.Times)
			a.Times = append(a.Times, news.Time{Span: sp, Type: news.TimeDate, Value: e.Date, Precision: precisionOf(e.Date)})
		}
		if e.DateFrom != "" {
			ev.DateFrom = e.DateFrom
		}
		ev.Assert = news.Assertion{By: outlet, How: e.How, Quote: -1, Speaker: -1}
		if i, ok := idx['B']; ok {
			ev.Assert.By, ev.Assert.Speaker = a.Mentions[i].Actor, i
		}
		for _, t := range []struct {
			role byte
			kind string
			r    [2]int
			ptr  **news.Range
		}{{'K', news.Killed, e.Killed, &ev.Killed}, {'I', news.Injured, e.Injured, &ev.Injured}} {
			sp, ok := spans[t.role]
			if !ok {
				continue
			}
			r := news.Range{Low: t.r[0], High: t.r[1], Span: sp}
			*t.ptr = &r
			ev.Casualties = append(ev.Casualties, news.Casualty{Kind: t.kind, Count: r, Assert: ev.Assert})
		}
		a.Events = append(a.Events, ev)
	}
	return nil
}

func precisionOf(v string) news.Precision {
	switch len(v) {
	case 4:
		return news.PrecisionYear
	case 7:
		return news.PrecisionMonth
	case 10:
		return news.PrecisionDay
	}
	return news.PrecisionNone
}

// Day parses YYYY-MM-DD for tests.
func Day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}
