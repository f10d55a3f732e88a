package timex

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"sitrep/news"
)

// article builds an article published on the given day (YYYY-MM-DD; ""
// for none).
func article(t *testing.T, text, published string) *news.Article {
	t.Helper()
	a := &news.Article{Text: text}
	if published != "" {
		d, err := news.ParseISO(published)
		if err != nil {
			t.Fatal(err)
		}
		a.Meta.Published = d
	}
	return a
}

// got formats the times of a as the markup the tests are written in.
func got(a *news.Article) string {
	var b strings.Builder
	last := 0
	for _, tm := range a.Times {
		b.WriteString(a.Text[last:tm.Span.Start])
		fmt.Fprintf(&b, "[%s|%s]", a.Text[tm.Span.Start:tm.Span.End], tm.Value)
		last = tm.Span.End
	}
	b.WriteString(a.Text[last:])
	return b.String()
}

func run(t *testing.T, text, published string) *news.Article {
	t.Helper()
	a := article(t, text, published)
	if err := New(Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	for _, tm := range a.Times {
		if err := news.CheckSpan(a.Text, tm.Span); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
	}
	return a
}

// The rules, each with a fixed anchor. Friday 2017-06-09 unless stated.
var ruleTests = []struct {
	name, published, in string
}{
	{"month day", "2017-06-09", "On [June 8|2017-06-08], the coalition struck."},
	{"month day year", "2017-06-09", "It was signed on [June 8, 2015|2015-06-08]."},
	{"day month year", "2017-06-09", "Talks opened on [8 June 2015|2015-06-08]."},
	{"ordinal day", "2017-06-09", "It ended on [June 1st|2017-06-01]."},
	{"month year", "2017-06-09", "They signed it in [October 2015|2015-10]."},
	{"abbreviated month", "2017-06-09", "It happened on [Sept. 3, 2016|2016-09-03]."},
	{"iso date", "2017-06-09", "Report dated [2017-06-02|2017-06-02]."},
	{"european numeric date", "2017-06-09", "Posted [09.06.2017|2017-06-09] by the ministry."},
	{"us numeric date", "2017-06-09", "Filed [6/8/2017|2017-06-08] in court."},
	{"year", "2017-06-09", "Since [2011|2011], the war has killed thousands."},
	{"decade", "2017-06-09", "The policy dates from [the 1990s|199]."},
	{"bare weekday past", "2017-06-09", "A source told Sputnik on [Tuesday|2017-06-06] that two died."},
	{"weekday equals anchor", "2017-06-09", "The ministry said on [Friday|2017-06-09] that it would respond."},
	{"weekday future", "2017-06-09", "The ministers will meet on [Tuesday|2017-06-13] in Geneva."},
	{"weekday future equals anchor", "2017-06-09", "They will meet on [Friday evening|2017-06-09TEV]."},
	{"last weekday", "2017-06-09", "He arrived [last Friday|2017-06-02]."},
	{"next weekday", "2017-06-09", "The vote is set for [next Monday|2017-06-12]."},
	{"weekday part of day", "2017-06-09", "The blast came [Thursday night|2017-06-08TNI]."},
	{"year boundary past", "2018-01-05", "The town fell in [December|2017-12]."},
	{"year boundary day", "2018-01-05", "The town fell on [December 28|2017-12-28]."},
	{"year boundary future", "2017-12-20", "Elections will be held in [January|2018-01]."},
	{"month future same year", "2017-06-09", "The summit will take place in [September|2017-09]."},
	{"month past", "2017-06-09", "Fighting resumed in [March|2017-03]."},
	{"today yesterday tomorrow", "2017-06-09", "[Today|2017-06-09] the army said it had retaken the town [yesterday|2017-06-08] and would hold a parade [tomorrow|2017-06-10]."},
	{"tonight", "2017-06-09", "Talks resume [tonight|2017-06-09TNI]."},
	{"this morning", "2017-06-09", "Shelling began [this morning|2017-06-09TMO]."},
	{"last night", "2017-06-09", "Rockets fell [last night|2017-06-08TNI]."},
	{"overnight", "2017-06-09", "Rockets struck the city [overnight|2017-06-08TNI]."},
	{"early hours", "2017-06-09", "It was hit in [the early hours of Sunday|2017-06-04TMO]."},
	{"early hours alone", "2017-06-09", "On [June 6|2017-06-06] it was hit in [the early hours|2017-06-06TMO]."},
	{"last week", "2017-06-09", "The convoy was attacked [last week|2017-W22]."},
	{"this week", "2017-06-09", "Talks collapsed [earlier this week|2017-W23]."},
	{"next month", "2017-06-09", "Troops leave [next month|2017-07]."},
	{"earlier this month", "2017-06-09", "Troops left [earlier this month|2017-06]."},
	{"last year", "2017-06-09", "Exports fell [last year|2016]."},
	{"this year", "2017-06-09", "Growth slowed [this year|2017]."},
	{"ago years", "2017-06-09", "The group was founded [two years ago|2015]."},
	{"ago days", "2017-06-09", "He was freed [three days ago|2017-06-06]."},
	{"ago weeks", "2017-06-09", "He was freed [a week ago|2017-06-02]."},
	{"later days", "2017-06-09", "Talks began on [June 1|2017-06-01] and collapsed [three days later|2017-06-04]."},
	{"following day", "2017-06-09", "Talks began on [June 1|2017-06-01]. [The following day|2017-06-02] they collapsed."},
	{"the same day", "2017-06-09", "On [May 18|2017-05-18] a strike hit the town; [the same day|2017-05-18] troops withdrew."},
	{"duration days", "2017-06-09", "The siege lasted for [three days|P3D]."},
	{"duration digits", "2017-06-09", "He was held for [90 days|P90D]."},
	{"duration hyphen", "2017-06-09", "It signed a [five-year|P5Y] deal."},
	{"duration half", "2017-06-09", "The war has lasted [two and a half years|P2.5Y]."},
	{"duration approx", "2017-06-09", "The talks lasted [nearly five months|P5M]."},
	{"duration hours", "2017-06-09", "A [12-hour|PT12H] curfew was imposed."},
	{"duration past", "2017-06-09", "Prices rose over [the past five years|P5Y]."},
	{"duration vague", "2017-06-09", "The dispute has lasted for [years|PXY]."},
	{"duration several", "2017-06-09", "It took [several months|PXM]."},
	{"set every weekday", "2017-06-09", "Protesters gather [every Friday|XXXX-WXX-5]."},
	{"set every unit", "2017-06-09", "Convoys run [every two weeks|P2W]."},
	{"set season", "2017-06-09", "Fighting flares [every summer|XXXX-SU]."},
	{"year before a noun", "2017-06-09", "The [2008|2008] Olympics and the [2010|2010] elections."},
	{"set adjective", "2017-06-09", "The [annual|P1Y] parade was cancelled."},
	{"set per", "2017-06-09", "It costs $5 million [a year|P1Y]."},
	{"present ref", "2017-06-09", "The army [now|PRESENT_REF] holds the town and is [currently|PRESENT_REF] advancing."},
	{"present phrase", "2017-06-09", "At [the moment|PRESENT_REF], we see no results."},
	{"future ref", "2017-06-09", "Avoid strikes in [the future|FUTURE_REF]."},
	{"past ref", "2017-06-09", "Such attacks have [recently|PAST_REF] grown."},
	{"range same month", "2017-06-09", "Fighting raged between [June 6|2017-06-06] and [8|2017-06-08]."},
	{"range dash", "2017-06-09", "Talks ran [June 6|2017-06-06]-[8|2017-06-08]."},
	{"range years", "2017-06-09", "From [2009|2009] to [2011|2011] it grew."},
	{"season", "2017-06-09", "An offensive is planned for [next spring|2018-SP]."},
	{"season year", "2017-06-09", "It began in [summer 2014|2014-SU]."},
	{"quarter", "2017-06-09", "Profits fell in [the first quarter of 2017|2017-Q1]."},
	{"quarter adjective", "2017-10-20", "It reported [third-quarter|2017-Q3] losses."},
	{"century", "2017-06-09", "A relic of [the 20th century|19]."},
	{"mid year", "2017-06-09", "Work resumes in [mid-2018|2018]."},
	{"early month", "2017-06-09", "Fighting escalated in [early May|2017-05]."},
	{"end of year", "2017-06-09", "They leave by [the end of this year|2017]."},
	{"clock", "2017-06-09", "The strike came at [16:48|2017-06-09T16:48]."},
	{"clock pm", "2017-06-09", "The strike came at [6:40 p.m.|2017-06-09T18:40]."},
	{"clock utc date", "2017-06-09", "The deadline is [12:00 UTC Monday|2017-06-12T12:00Z] for all sides, who will comply."},
	{"clock hhmm", "2017-06-09", "The ceasefire began at [0800 GMT|2017-06-09T08:00Z]."},
	{"date and clock", "2017-06-09", "Posted [09.06.2017 16:48|2017-06-09T16:48]."},
	{"christmas", "2017-06-09", "They hope to be home by [Christmas|2017-12-25]."},
	{"twenty five", "2017-06-09", "He served [twenty-five years|P25Y] in jail."},
	{"weekend", "2017-06-09", "Clashes erupted [last weekend|2017-W22-WE]."},
	{"the weekend past", "2017-06-09", "Clashes erupted over [the weekend|2017-W22-WE]."},
	{"the weekend future", "2017-06-09", "Talks will resume at [the weekend|2017-W23-WE]."},
	{"the day", "2017-06-09", "On [June 6|2017-06-06] shares fell 3% on [the day|2017-06-06]."},
	{"the day before", "2017-06-09", "It happened on [May 18|2017-05-18]; [the day before|2017-05-17] was calm."},
	{"clock on the day mentioned", "2017-06-09", "The jet flew on [Tuesday|2017-06-06] and landed at [18:00 UTC|2017-06-06T18:00Z]."},
	{"decade two digits", "2017-06-09", "Popular in [the 70s|197]."},
	{"later this month", "2017-06-09", "A vote is due [later this month|2017-06]."},
	{"more than", "2017-06-09", "The war has lasted [more than six years|P6Y]."},
	{"up to", "2017-06-09", "Sentences of [up to ten years|P10Y] were handed down."},
	{"ordinal not a unit", "2017-06-09", "Shares fell for a second straight session."},
	{"modal future", "2017-06-09", "The deal may be signed on [June 12|2017-06-12]."},
	{"to be future", "2017-06-09", "A new event is to be held on [June 12|2017-06-12]."},
	{"past tense later date", "2017-06-09", "The deal was signed on [June 12|2016-06-12]."},
	{"dateline line break", "2017-06-09", "Markets fell on [Friday|2017-06-09]\n[June 9, 2017|2017-06-09]\nStocks slid."},
	{"recent", "2017-06-09", "Despite [recent|PAST_REF] gains, the index fell."},
	{"for minutes", "2017-06-09", "Trading halted for [minutes|PTXM]."},
}

func TestRules(t *testing.T) {
	for _, tc := range ruleTests {
		t.Run(tc.name, func(t *testing.T) {
			text, want := unmark(t, tc.in)
			a := run(t, text, tc.published)
			if g := got(a); g != tc.in {
				t.Errorf("\n got %s\nwant %s", g, tc.in)
			}
			for i, w := range want {
				if i < len(a.Times) && (a.Times[i].Span != news.Span{Start: w.start, End: w.end}) {
					t.Errorf("time %d: span %v, want [%d,%d)", i, a.Times[i].Span, w.start, w.end)
				}
			}
		})
	}
}

// Negative cases: numbers that look like dates, words that look like
// months, impossible dates. None of these yields a time.
func TestNotTimes(t *testing.T) {
	for _, in := range []string{
		"Real Madrid won 3-1 at home.",
		"The 9/11 attacks changed everything.",
		"The Boeing 737-800 and the Airbus A320 were grounded.",
		"The score was 2-0 after 45 minutes of play.",
		"Turnout may fall below 40 percent.",
		"Protesters march on the capital.",
		"He paid $2000 for it.",
		"It holds 1,2008 ballots.",
		"Version 1.2.3.4 was released.",
		"He scored 2008 points and sold 2010 jets.",
		"He was born on February 30.",
		"Call 555-2017-1234 for help.",
	} {
		a := run(t, in, "2017-06-09")
		for _, tm := range a.Times {
			if tm.Type != news.TimeDuration || !strings.Contains(in, "45 minutes") {
				t.Errorf("%q: unexpected time %q = %s", in, a.Text[tm.Span.Start:tm.Span.End], tm.Value)
			}
		}
	}
}

func TestTypesAndPrecisions(t *testing.T) {
	for _, tc := range []struct {
		in   string
		typ  news.TimeType
		prec news.Precision
	}{
		{"It fell on June 8.", news.TimeDate, news.PrecisionDay},
		{"It fell in October 2015.", news.TimeDate, news.PrecisionMonth},
		{"It fell in 2015.", news.TimeDate, news.PrecisionYear},
		{"It fell last week.", news.TimeDate, news.PrecisionWeek},
		{"It fell in the 1990s.", news.TimeDate, news.PrecisionDecade},
		{"It fell in the first quarter of 2017.", news.TimeDate, news.PrecisionQuarter},
		{"It fell in summer 2014.", news.TimeDate, news.PrecisionSeason},
		{"It fell at 16:48.", news.TimeTime, news.PrecisionMinute},
		{"It fell this morning.", news.TimeTime, news.PrecisionPartOfDay},
		{"It lasted for three days.", news.TimeDuration, news.PrecisionNone},
		{"They meet every Friday.", news.TimeSet, news.PrecisionNone},
		{"It is now over.", news.TimeDate, news.PrecisionNone},
	} {
		a := run(t, tc.in, "2017-06-09")
		if len(a.Times) != 1 || a.Times[0].Type != tc.typ || a.Times[0].Precision != tc.prec {
			t.Errorf("%q: times %+v, want one %s of precision %q", tc.in, a.Times, tc.typ, tc.prec)
		}
	}
}

func TestMods(t *testing.T) {
	for _, tc := range []struct{ in, mod string }{
		{"It fell in early May.", "START"},
		{"It ends in mid-2018.", "MID"},
		{"They leave by the end of this year.", "END"},
		{"It lasted nearly five months.", "APPROX"},
		{"It lasted more than six years.", "MORE_THAN"},
		{"It lasted at least six years.", "EQUAL_OR_MORE"},
		{"It fell in May.", ""},
	} {
		a := run(t, tc.in, "2017-06-09")
		if len(a.Times) != 1 || a.Times[0].Mod != tc.mod {
			t.Errorf("%q: times %+v, want one with mod %q", tc.in, a.Times, tc.mod)
		}
	}
}

func TestImpossibleDate(t *testing.T) {
	a := run(t, "The decree is dated February 30, 2017.", "2017-06-09")
	if len(a.Times) != 0 {
		t.Errorf("times %v, want none", a.Times)
	}
	if !hasDiag(a, "date-impossible") {
		t.Errorf("no date-impossible diagnostic: %v", a.Diagnostics)
	}
}

func hasDiag(a *news.Article, code string) bool {
	for _, d := range a.Diagnostics {
		if d.Code == code {
			return true
		}
	}
	return false
}

func TestTwoDigitYears(t *testing.T) {
	// A two-digit year is never guessed into a century; "the '90s" is a decade.
	a := run(t, "Filed 6/8/17. Popular in [the '90s|199].", "2017-06-09")
	text, _ := unmark(t, "Filed 6/8/17. Popular in [the '90s|199].")
	if a.Text != text {
		a = run(t, text, "2017-06-09")
	}
	if g := got(a); g != "Filed 6/8/17. Popular in [the '90s|199]." {
		t.Errorf("got %s", g)
	}
}

func TestNoAnchor(t *testing.T) {
	in := "On [June 8|XXXX-06-08] it struck, and on [Tuesday|XXXX-WXX-2] again; [yesterday|XXXX-XX-XX] too, and in [October 2015|2015-10] before."
	text, _ := unmark(t, in)
	a := run(t, text, "")
	if g := got(a); g != in {
		t.Errorf("\n got %s\nwant %s", g, in)
	}
	if !hasDiag(a, "no-anchor") {
		t.Errorf("no no-anchor diagnostic: %v", a.Diagnostics)
	}
	for _, tm := range a.Times {
		if tm.Anchor != "" {
			t.Errorf("%s: anchor %q without an anchor date", tm.Value, tm.Anchor)
		}
	}
}

func TestDatelineAnchor(t *testing.T) {
	// The dateline says June 8; the crawler saw the page on June 9.
	text := "MOSCOW, June 8 (Reuters) - The ministry said on Thursday that talks would resume tomorrow."
	a := article(t, text, "2017-06-09")
	a.Meta.Dateline = news.Span{Start: 0, End: strings.Index(text, " -")}
	if err := New(Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	want := "[June 8|2017-06-08] (Reuters) - The ministry said on [Thursday|2017-06-08] that talks would resume [tomorrow|2017-06-09]."
	if g := got(a); g != "MOSCOW, "+want {
		t.Errorf("\n got %s\nwant MOSCOW, %s", g, want)
	}
	for _, tm := range a.Times[1:] {
		if tm.Anchor != "2017-06-08" {
			t.Errorf("%s: anchor %q, want the dateline's 2017-06-08", tm.Value, tm.Anchor)
		}
	}
}

func TestAnchorRecorded(t *testing.T) {
	a := run(t, "It fell on Tuesday and in October 2015.", "2017-06-09T16:48")
	if len(a.Times) != 2 {
		t.Fatalf("times %v", a.Times)
	}
	if a.Times[0].Anchor != "2017-06-09" || a.Times[0].Precision != news.PrecisionDay {
		t.Errorf("Tuesday: %+v", a.Times[0])
	}
	if a.Times[1].Anchor != "" || a.Times[1].Precision != news.PrecisionMonth {
		t.Errorf("October 2015: %+v", a.Times[1])
	}
}

func TestNoClock(t *testing.T) {
	// Two runs at different wall-clock moments give the same values: the
	// stage reads no clock. (A weak check; the code review is the strong one.)
	a := run(t, "It happened yesterday.", "")
	time.Sleep(time.Millisecond)
	b := run(t, "It happened yesterday.", "")
	if got(a) != got(b) || a.Times[0].Value != "XXXX-XX-XX" {
		t.Errorf("%s / %s", got(a), got(b))
	}
}
