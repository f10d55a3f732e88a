package news

import (
	"encoding/json"
	"testing"
	"time"
)

func TestCheckSpan(t *testing.T) {
	text := "Déjà vu"
	for _, c := range []struct {
		s  Span
		ok bool
	}{
		{Span{0, 0}, true},
		{Span{0, len(text)}, true},
		{Span{0, 2}, false}, // inside "é"
		{Span{3, 1}, false},
		{Span{-1, 2}, false},
		{Span{0, len(text) + 1}, false},
	} {
		if err := CheckSpan(text, c.s); (err == nil) != c.ok {
			t.Errorf("CheckSpan(%v) = %v, want ok=%v", c.s, err, c.ok)
		}
	}
}

func TestDateTimeValue(t *testing.T) {
	msk := time.FixedZone("", 3*3600)
	for _, c := range []struct {
		d    DateTime
		want string
	}{
		{DateTime{}, ""},
		{DateTime{Time: time.Date(2017, 6, 9, 16, 48, 0, 0, time.UTC), Precision: PrecisionMinute}, "2017-06-09T16:48"},
		{DateTime{Time: time.Date(2017, 6, 9, 16, 48, 0, 0, msk), Precision: PrecisionMinute, Zoned: true}, "2017-06-09T16:48:00+03:00"},
		{DateTime{Time: time.Date(2015, 10, 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionMonth}, "2015-10"},
		{DateTime{Time: time.Date(2017, 6, 9, 0, 0, 0, 0, time.UTC), Precision: PrecisionDay}, "2017-06-09"},
	} {
		if got := c.d.Value(); got != c.want {
			t.Errorf("Value() = %q, want %q", got, c.want)
		}
	}
}

func TestDateTimeJSONRoundTrip(t *testing.T) {
	for _, v := range []string{"2017-06-09T16:48", "2017-06-09T16:48:00+03:00", "2017-06-09", "2015-10", "2017", "2017-06-09T16:48:05"} {
		d, err := ParseISO(v)
		if err != nil {
			t.Fatalf("ParseISO(%q): %v", v, err)
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back DateTime
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if back.Value() != v {
			t.Errorf("%q → %s → %q", v, b, back.Value())
		}
	}
	if _, err := ParseISO("09.06.2017"); err == nil {
		t.Error("ParseISO accepted a non-ISO date")
	}
}
