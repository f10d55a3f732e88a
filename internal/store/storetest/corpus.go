package storetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"sitrep/internal/syndicate"
	"sitrep/news"
)

// The corpus: the example page (testdata/examples of the repository), two
// near copies of it as other sites republished it, and a dozen short
// articles written for these tests about the coalition strikes near
// al-Tanf on May 18, June 6 and June 8 2017, a strike that only the
// Russian military claims, and strikes elsewhere or another year.
//
// What a query must find in it (the tests' expectations):
//
//	near al-Tanf (50 km), 2017-05 to 2017-06, ASSAULT:
//	  2017-05-18  the coalition strike on pro-Assad fighters   (facts)
//	  2017-06-06  the coalition strike announced by the Pentagon (facts)
//	  2017-06-08  the coalition strike after the drone attack  (facts)
//	  2017-06-01  a strike only the Russian Defense Ministry claims
var (
	ev = func(typ, how, date string) *Ev {
		return &Ev{Type: typ, Mode: "aerial", CAMEO: "195", How: how, Date: date, ACLED: "Explosions/Remote violence", ACLEDSub: "Air/drone strike"}
	}
)

// examplePage is the repository path of the example page.
const examplePage = "testdata/examples/sputnik-2017-06-09-coalition-al-tanf.txt"

// ExamplePage reads the example page from a test's package directory
// (internal/x or internal/x/y). ok is false when it is not there: the test
// should skip.
func ExamplePage() (page []byte, ok bool) {
	for _, up := range []string{"../../", "../../../"} {
		if b, err := os.ReadFile(up + examplePage); err == nil {
			return b, true
		}
	}
	return nil, false
}

// exampleParas are the sentences of the example page that state the
// events and the quote the tests use, marked as an analyst reads them.
func exampleParas() []Para {
	june6 := ev("ASSAULT", "announced", "2017-06-06")
	june6.Place = "al-Tanf"
	casualties := ev("ASSAULT", "claimed", "2017-06-06")
	casualties.Place, casualties.Killed, casualties.Injured = "al-Tanf", [2]int{2, -1}, [2]int{16, -1}
	return []Para{
		{Markup: "The [Russian Defense Ministry|S] [accused|V] the [US-led coalition|T] of bombing the Syrian army, letting Daesh terrorists escape encirclement and enhancing terrorists in Palmyra and Deir ez-Zor.",
			Event: &Ev{Type: "ACCUSE", CAMEO: "112", How: "reported", Date: "2017-06-09"}},
		{Markup: "On [June 8|D], the [US-led coalition|S] [bombed|V] [pro-Damascus forces|T] near [al-Tanf|P] in the area of a deconfliction zone following an alleged attack by a combat drone resulting in no coalition forces' casualties.",
			Event: ev("ASSAULT", "reported", "2017-06-08")},
		{Markup: "\"[We see that coalition's actions only prevents the government forces from defeating Daesh terrorists,|Q]\" chief of the Russian General Staff's Main Operational Directorate Col. Gen. [Sergei Rudskoy|W] [said|C].", Quote: true},
		{Markup: "The Russian General Staff said that the Syrian army's advance in the [south of the country|P] was [countered|V] by the [coalition's aviation|S] which violates sovereign right of Syria to guard the country's borders.",
			Event: &Ev{Type: "COERCE", CAMEO: "190", How: "claimed", Date: "2017-06-09", DateFrom: "published"}},
		{Markup: "On [May 18|D], the [US-led coalition|S] [struck|V] [pro-Assad fighters|T] near [the town of al-Tanf|P] in the area of an established deconfliction zone with Russia.",
			Event: ev("ASSAULT", "reported", "2017-05-18")},
		{Markup: "On [June 6|D], the [Pentagon|B] announced the [coalition|S] conducted a new [strike|V] on [pro-Syrian government forces|T] as they entered the de-confliction zone with Russia and posed threat to its personnel.",
			Event: june6},
		{Markup: "A Syrian source told Sputnik on [Tuesday|D] that at least [two|K] [Syrian servicemen|T] were killed and more than [15|I] injured as a result of the [coalition|S] [attack|V].",
			Event: casualties},
	}
}

// docs are the written articles.
func docs() []Doc {
	june6 := Doc{URL: "https://desk.example/2017/06/06/pentagon-strike", Outlet: "Frontline Desk", Title: "Pentagon: coalition strikes pro-government forces in Syria", Published: "2017-06-06T18:30",
		Paras: []Para{
			{Markup: "WASHINGTON - The [Pentagon|B] announced on [Tuesday|D] that the [US-led coalition|S] had [struck|V] [pro-Syrian government forces|T] that entered a deconfliction zone near [al-Tanf|P].",
				Event: ev("ASSAULT", "announced", "2017-06-06")},
			{Markup: "A spokesman said the force, which included a tank and artillery, posed a threat to coalition personnel training local fighters at the base."},
			{Markup: "It was the second such incident in less than three weeks in the desert area where the borders of Syria, Iraq and Jordan meet."},
		}}
	copy6 := june6
	copy6.URL, copy6.Outlet, copy6.Title = "https://courier.example/world/coalition-strike-tanf", "Gulf Courier", "Coalition hits Syrian government forces near Tanf base"
	k7 := ev("ASSAULT", "claimed", "2017-06-06")
	k7.Killed, k7.Injured = [2]int{2, -1}, [2]int{16, -1}
	sohr := ev("ASSAULT", "claimed", "2017-06-06")
	sohr.Killed = [2]int{4, 4}
	june8 := ev("ASSAULT", "reported", "2017-06-08")
	tanf2018 := ev("ASSAULT", "reported", "2018-02-07")
	raqqa := ev("ASSAULT", "reported", "2017-06-07")
	claim := ev("ASSAULT", "claimed", "2017-06-01")
	claim2 := ev("ASSAULT", "alleged", "2017-06-01")
	return []Doc{
		{URL: "https://levantwire.example/2017/05/18/coalition-strike", Outlet: "Levant Wire", Title: "Coalition aircraft strike convoy in southern Syria", Published: "2017-05-18T21:05",
			Paras: []Para{
				{Markup: "BEIRUT - [Coalition aircraft|S] [struck|V] [a convoy of pro-government forces|T] near [al-Tanf|P] on [Thursday|D], the coalition said in a statement.",
					Event: ev("ASSAULT", "reported", "2017-05-18")},
				{Markup: "The convoy was advancing toward a garrison where US and British special forces train Syrian rebel fighters."},
			}},
		{URL: "https://desertdaily.example/news/2017-05-19-tanf", Outlet: "Desert Daily", Title: "US warplanes bomb pro-Assad fighters near Jordan border", Published: "2017-05-19T08:00",
			Paras: []Para{
				{Markup: "On [Thursday|D], [US-led coalition warplanes|S] [bombed|V] [pro-Assad fighters|T] advancing toward [the al-Tanf base|P], officials said.",
					Event: ev("ASSAULT", "reported", "2017-05-18")},
				{Markup: "Russia called the strike unacceptable and a violation of Syrian sovereignty."},
			}},
		{URL: "https://damascustimes.example/2017/05/20/army-statement", Outlet: "Damascus Times", Title: "Army says coalition strike killed soldiers", Published: "2017-05-20T10:00",
			Paras: []Para{
				{Markup: "The [Syrian army|B] said the [coalition|S] [strike|V] on [Syrian army positions|T] near [al-Tanf|P] on [May 18|D] was an act of aggression.",
					Event: ev("ASSAULT", "claimed", "2017-05-18")},
			}},
		june6,
		copy6,
		{URL: "https://northernpost.example/2017/06/07/casualties", Outlet: "Northern Post", Title: "Two Syrian soldiers killed in coalition strike, source says", Published: "2017-06-07T09:15",
			Paras: []Para{
				{Markup: "A Syrian military source said at least [two|K] [Syrian soldiers|T] were killed and more than [15|I] wounded in the [coalition|S] [strike|V] near [al-Tanf|P] on [June 6|D].",
					Event: k7},
			}},
		{URL: "https://monitor.example/2017/06/07/tanf", Outlet: "Monitor Weekly", Title: "Monitor: four fighters dead in Tanf strike", Published: "2017-06-07T14:00",
			Paras: []Para{
				{Markup: "The [Syrian Observatory for Human Rights|B] said the [coalition|S] [strike|V] on [pro-regime forces|T] near [Tanf|P] on [June 6|D] killed [four|K] fighters.",
					Event: sohr},
			}},
		{URL: "https://levantwire.example/2017/06/08/drone", Outlet: "Levant Wire", Title: "Coalition downs drone, strikes vehicles near al-Tanf", Published: "2017-06-08T22:40",
			Paras: []Para{
				{Markup: "BEIRUT - [Coalition aircraft|S] [struck|V] [pro-government forces|T] near [al-Tanf|P] on [Thursday|D] after a drone fired on coalition troops, the coalition said.",
					Event: june8},
				{Markup: "No coalition personnel were hurt, it said."},
			}},
		{URL: "https://desertdaily.example/news/2017-06-09-third-strike", Outlet: "Desert Daily", Title: "Third coalition strike on Damascus allies in a month", Published: "2017-06-09T07:30",
			Paras: []Para{
				{Markup: "On [June 8|D], the [US-led coalition|S] [bombed|V] [pro-Damascus forces|T] near [At Tanf|P] for the third time since May.",
					Event: ev("ASSAULT", "reported", "2017-06-08")},
			}},
		{URL: "https://eastbloc.example/2017/06/02/mod-claim", Outlet: "East Bloc Review", Title: "Moscow: coalition hit Syrian army near Tanf", Published: "2017-06-02T12:00",
			Paras: []Para{
				{Markup: "The [Russian Defense Ministry|B] claimed that the [coalition|S] [struck|V] [Syrian army positions|T] near [al-Tanf|P] on [June 1|D].",
					Event: claim},
				{Markup: "The coalition did not confirm any strike on that day."},
			}},
		{URL: "https://eastbloc.example/2017/06/03/mod-claim-2", Outlet: "East Bloc Review", Title: "General Staff repeats Tanf charge", Published: "2017-06-03T12:00",
			Paras: []Para{
				{Markup: "The [Russian military|B] said again that [coalition warplanes|S] had [bombed|V] [Syrian troops|T] near [al-Tanf|P] on [June 1|D].",
					Event: claim2},
			}},
		{URL: "https://desk.example/2017/06/07/raqqa", Outlet: "Frontline Desk", Title: "Coalition strikes Islamic State in Raqqa", Published: "2017-06-07T19:00",
			Paras: []Para{
				{Markup: "The [US-led coalition|S] [struck|V] [Islamic State fighters|T] in [Raqqa|P] on [Wednesday|D] as Kurdish-led forces entered the city.",
					Event: raqqa},
			}},
		{URL: "https://levantwire.example/2018/02/08/tanf", Outlet: "Levant Wire", Title: "Coalition strikes near al-Tanf again", Published: "2018-02-08T09:00",
			Paras: []Para{
				{Markup: "[Coalition aircraft|S] [struck|V] [pro-government forces|T] near [al-Tanf|P] on [Wednesday|D], months after the strikes of 2017.",
					Event: tanf2018},
			}},
	}
}

// Corpus returns the example page, two near copies of it and the written
// articles, analysed (layers from the marks), with stories set by the
// syndicate index. page is the example page's bytes.
func Corpus(page []byte) ([]*news.Article, error) {
	var out []*news.Article
	variants := pageVariants(page)
	for _, v := range variants {
		a, err := Page(v.source, v.page, exampleParas())
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	written, err := Build(docs())
	if err != nil {
		return nil, err
	}
	out = append(out, written...)
	seen := map[string]bool{}
	for _, a := range out {
		if seen[a.ID] {
			return nil, fmt.Errorf("corpus: two articles with ID %s", a.ID)
		}
		seen[a.ID] = true
		a.Meta.Story = ""
	}
	syndicate.Group(out, syndicate.Config{})
	return out, nil
}

type variant struct {
	source string
	page   []byte
}

// pageVariants are the example page and two near copies of it.
func pageVariants(page []byte) []variant {
	return []variant{
		{"sputnik-2017-06-09-coalition-al-tanf.txt", page},
		// A republication: another site banner, no footer, a changed headline.
		{"mirror-1.txt", bytes.Replace(bytes.Replace(page,
			[]byte("The Largest Security-Cleared Career Network for Defense and Intelligence Jobs - JOIN NOW"), []byte("World News Mirror - Subscribe"), 1),
			[]byte("Join the mailing list"), nil, 1)},
		// A copy that drops the closing paragraph.
		{"mirror-2.txt", bytes.Replace(page,
			[]byte("The United States and Russia signed the bilateral memorandum of understanding in October 2015 to ensure their flight safety during combat missions over Syria."), nil, 1)},
	}
}

// Inputs writes the corpus as sitrep reads it from disk, without layers:
// the example page and its copies as saved pages (name → bytes), and the
// written articles as one JSON Lines file ("written.jsonl") whose records
// carry their metadata. The real pipeline analyses these in the end-to-end
// tests.
func Inputs(page []byte) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, v := range pageVariants(page) {
		out[v.source] = v.page
	}
	var jl bytes.Buffer
	for _, d := range docs() {
		var paras []string
		for _, p := range d.Paras {
			s, _, err := parse(p.Markup)
			if err != nil {
				return nil, err
			}
			paras = append(paras, s)
		}
		pub, err := news.ParseISO(d.Published)
		if err != nil {
			return nil, err
		}
		rec := struct {
			Meta news.Meta `json:"meta"`
			Text string    `json:"text"`
		}{news.Meta{URL: d.URL, Outlet: d.Outlet, Title: d.Title, Published: pub}, strings.Join(paras, "\n\n")}
		b, err := json.Marshal(rec)
		if err != nil {
			return nil, err
		}
		jl.Write(b)
		jl.WriteByte('\n')
	}
	out["written.jsonl"] = jl.Bytes()
	return out, nil
}
