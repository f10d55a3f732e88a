package extract

import (
	"strings"
	"testing"
	"time"

	"sitrep/news"
)

// markDate turns "Posted [16:48 09.06.2017] by" into the line without
// brackets and the byte span the brackets enclose.
func markDate(t *testing.T, s string) (string, int, int) {
	t.Helper()
	i := strings.IndexByte(s, '[')
	j := strings.IndexByte(s, ']')
	if i < 0 || j < i {
		t.Fatalf("no [date] marked in %q", s)
	}
	return s[:i] + s[i+1:j] + s[j+1:], i, j - 1
}

func TestFindDates(t *testing.T) {
	for _, tc := range []struct {
		line  string // the first date expression marked with [ ]
		value string // DateTime.Value of its reading
		open  bool   // day/month order left open
		role  dateRole
	}{
		{"[16:48 09.06.2017]", "2017-06-09T16:48", false, roleNone},
		{"[09.06.2017 16:48]", "2017-06-09T16:48", false, roleNone},
		{"[16:48 09.06.2017 MSK]", "2017-06-09T16:48:00+03:00", false, roleNone},
		{"[16:48 MSK 09.06.2017]", "2017-06-09T16:48:00+03:00", false, roleNone},
		{"(updated [21:50 09.06.2017])", "2017-06-09T21:50", false, roleUpdated},
		{"[June 9, 2017 4:48 PM EDT]", "2017-06-09T16:48:00-04:00", false, roleNone},
		{"[Jan. 9, 2017 4:48 p.m. ET]", "2017-01-09T16:48:00-05:00", false, roleNone},
		{"[June 9, 2017 4:48 p.m. ET]", "2017-06-09T16:48:00-04:00", false, roleNone},
		{"Published: [9 June 2017]", "2017-06-09", false, rolePublished},
		{"Updated [9 June 2017, 16:48 GMT]", "2017-06-09T16:48:00Z", false, roleUpdated},
		{"[2017-06-09T16:48:00+03:00]", "2017-06-09T16:48:00+03:00", false, roleNone},
		{"[2017-06-09T13:48:00Z]", "2017-06-09T13:48:00Z", false, roleNone},
		{"[2017-06-09 16:48]", "2017-06-09T16:48", false, roleNone},
		{"[2017/06/09]", "2017-06-09", false, roleNone},
		{"[09/06/2017]", "2017-06-09", true, roleNone},
		{"[25/06/2017]", "2017-06-25", false, roleNone},
		{"[06/25/2017]", "2017-06-25", false, roleNone},
		{"Posted on Friday, [June 9th, 2017] by admin", "2017-06-09", false, rolePublished},
		{"Опубликовано: [9 июня 2017 г., 16:48]", "2017-06-09T16:48", false, rolePublished},
		{"[9 июня 2017 г., 16:48 МСК]", "2017-06-09T16:48:00+03:00", false, roleNone},
		{"[9. Juni 2017]", "2017-06-09", false, roleNone},
		{"Reuters [November 18, 2019 11:03 PM]", "2019-11-18T23:03", false, roleNone},
		{"[June 2017]", "2017-06", false, roleNone},
		{"[12:00 AM, June 9, 2017]", "2017-06-09T00:00", false, roleNone},
		{"[9 June 2017 16:48:05 UTC+3]", "2017-06-09T16:48:05+03:00", false, roleNone},
	} {
		line, start, end := markDate(t, tc.line)
		ds := findDates(lexicon(), line)
		if len(ds) == 0 {
			t.Errorf("%q: no date found", tc.line)
			continue
		}
		d := ds[0]
		if d.start != start || d.end != end {
			t.Errorf("%q: span %q, want %q", tc.line, line[d.start:d.end], line[start:end])
		}
		if got := d.dt.Value(); got != tc.value {
			t.Errorf("%q: value %s, want %s", tc.line, got, tc.value)
		}
		if d.orderOpen != tc.open {
			t.Errorf("%q: order open %v, want %v", tc.line, d.orderOpen, tc.open)
		}
		if d.role != tc.role {
			t.Errorf("%q: role %v, want %v", tc.line, d.role, tc.role)
		}
	}
}

func TestFindDatesRejects(t *testing.T) {
	for _, line := range []string{
		"version 1.2.3 released",
		"31/31/2017",
		"30.02.2017",
		"Call 555-12-2017 now",
		"99:99 9 June 2017x", // the date alone is still read, the time is not
		"Score 3:2 at half time",
		"",
	} {
		for _, d := range findDates(lexicon(), line) {
			if d.dt.Precision != news.PrecisionDay || !strings.Contains(line, "June") {
				t.Errorf("%q: read a date %s from %q", line, d.dt.Value(), line[d.start:d.end])
			}
		}
	}
}

// TestAmbiguousDate checks that 09/06/2017 is decided from the page when
// the page can decide it, and flagged when it cannot.
func TestAmbiguousDate(t *testing.T) {
	for _, tc := range []struct {
		name string
		page string
		url  string
		want string
		diag bool
	}{
		{"outlet in a day-first country", "Russia bombs targets\n\nSputnik News\n\n09/06/2017\n\n" + textProse, "", "2017-06-09", false},
		{"outlet in a month-first country", "Russia bombs targets\n\nBy Jane Doe, CNN\n\nCNN\n\n09/06/2017\n\n" + textProse, "", "2017-09-06", false},
		{"another date on the page proves the order", "Russia bombs targets\n\n09/06/2017\n\nUpdated 09/25/2017\n\n" + textProse, "", "2017-09-06", false},
		{"the same date written out", "Russia bombs targets\n\n09/06/2017 | June 9, 2017\n\n" + textProse, "", "2017-06-09", false},
		{"country domain", "Russia bombs targets\n\n09/06/2017\n\n" + textProse, "https://www.example.co.uk/news/1", "2017-06-09", false},
		{"nothing decides", "Russia bombs targets\n\n09/06/2017\n\n" + textProse, "", "2017-06-09", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &news.Article{Original: []byte(tc.page), Format: news.FormatText}
			a.Meta.URL = tc.url
			TextPage(a)
			if got := a.Meta.Published.Value(); got != tc.want {
				t.Errorf("published %s, want %s", got, tc.want)
			}
			diag := false
			for _, d := range a.Diagnostics {
				diag = diag || d.Code == "date-ambiguous"
			}
			if diag != tc.diag {
				t.Errorf("date-ambiguous diagnostic %v, want %v (%v)", diag, tc.diag, a.Diagnostics)
			}
		})
	}
}

// textProse is a body long enough to be found as one.
const textProse = "The defence ministry said on Friday that its aircraft had struck a convoy near the border, and that the strike was in response to an attack on its positions earlier in the week.\n\n" +
	"Officials in the capital said they had not been told of the strike in advance, and that they would raise the matter with the envoy when he arrives for talks next month.\n"

func TestUSDaylight(t *testing.T) {
	for _, tc := range []struct {
		y, m, d int
		want    bool
	}{
		{2017, 3, 11, false}, {2017, 3, 12, true}, {2017, 11, 4, true}, {2017, 11, 5, false}, {2017, 6, 9, true}, {2017, 1, 9, false},
	} {
		if got := usDaylight(tc.y, timeMonth(tc.m), tc.d); got != tc.want {
			t.Errorf("%d-%02d-%02d: daylight %v, want %v", tc.y, tc.m, tc.d, got, tc.want)
		}
	}
}

func timeMonth(m int) time.Month { return time.Month(m) }

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{"16:48 09.06.2017(updated 21:50 09.06.2017)", "June 9, 2017 4:48 PM EDT", "2017-06-09T16:48:00+03:00",
		"09/06/2017", "9 июня 2017 г., 16:48 МСК", "12:00 a.m. GMT+14:00 1.1.00", "Jan. 31st, 2100 23:59:60 UTC-0530"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		prev := 0
		for _, d := range findDates(lexicon(), line) {
			if d.start < prev || d.end <= d.start || d.end > len(line) {
				t.Fatalf("date span [%d,%d) out of order or outside %d bytes (previous end %d)", d.start, d.end, len(line), prev)
			}
			if d.dt.IsZero() {
				t.Fatalf("date %q with no value", line[d.start:d.end])
			}
			prev = d.end
		}
	})
}
