package news

import (
	"encoding/json"
	"time"
)

// Precision is how much of a DateTime the source stated.
type Precision string

// Precisions, coarsest first. The zero Precision means no value.
const (
	PrecisionNone   Precision = ""
	PrecisionYear   Precision = "year"
	PrecisionMonth  Precision = "month"
	PrecisionDay    Precision = "day"
	PrecisionMinute Precision = "minute"
	PrecisionSecond Precision = "second"
)

// A DateTime is a point in time known to a precision. When Zoned is false
// the page stated no zone: Time holds the wall-clock reading in UTC and
// must not be compared with zoned times as an instant.
type DateTime struct {
	Time      time.Time
	Precision Precision
	Zoned     bool
	Span      RawSpan // where the page states it, in Article.Original
}

// IsZero reports whether no date is known.
func (d DateTime) IsZero() bool { return d.Precision == PrecisionNone }

// Value formats the date as ISO 8601 truncated to its precision, with the
// UTC offset only when the zone is known: "2017-06-09T16:48",
// "2017-06-09T16:48:00+03:00", "2017-06", "".
func (d DateTime) Value() string {
	var layout string
	switch d.Precision {
	case PrecisionYear:
		layout = "2006"
	case PrecisionMonth:
		layout = "2006-01"
	case PrecisionDay:
		layout = "2006-01-02"
	case PrecisionMinute:
		layout = "2006-01-02T15:04"
		if d.Zoned {
			layout = "2006-01-02T15:04:05Z07:00"
		}
	case PrecisionSecond:
		layout = "2006-01-02T15:04:05"
		if d.Zoned {
			layout = "2006-01-02T15:04:05Z07:00"
		}
	default:
		return ""
	}
	return d.Time.Format(layout)
}

type dateTimeJSON struct {
	Value     string    `json:"value"`
	Precision Precision `json:"precision"`
	Zoned     bool      `json:"zoned"`
	Span      RawSpan   `json:"span"`
}

// MarshalJSON writes {"value","precision","zoned","span"}; null when absent.
func (d DateTime) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(dateTimeJSON{d.Value(), d.Precision, d.Zoned, d.Span})
}

// UnmarshalJSON reads what MarshalJSON writes, and also a bare ISO 8601
// string (as JSON Lines input gives "published").
func (d *DateTime) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = DateTime{}
		return nil
	}
	var s string
	if json.Unmarshal(b, &s) == nil {
		v, err := ParseISO(s)
		if err != nil {
			return err
		}
		*d = v
		return nil
	}
	var j dateTimeJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	v, err := ParseISO(j.Value)
	if err != nil {
		return err
	}
	v.Span = j.Span
	*d = v
	return nil
}

// ParseISO reads an ISO 8601 date or date-time at any precision that
// DateTime.Value writes, with or without a zone.
func ParseISO(s string) (DateTime, error) {
	layouts := []struct {
		layout string
		p      Precision
		zoned  bool
	}{
		{time.RFC3339Nano, PrecisionSecond, true},
		{"2006-01-02T15:04Z07:00", PrecisionMinute, true},
		{"2006-01-02T15:04:05", PrecisionSecond, false},
		{"2006-01-02T15:04", PrecisionMinute, false},
		{"2006-01-02 15:04:05", PrecisionSecond, false},
		{"2006-01-02 15:04", PrecisionMinute, false},
		{"2006-01-02", PrecisionDay, false},
		{"2006-01", PrecisionMonth, false},
		{"2006", PrecisionYear, false},
	}
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return DateTime{Time: t, Precision: l.p, Zoned: l.zoned}, nil
		}
	}
	return DateTime{}, &time.ParseError{Layout: "ISO 8601", Value: s, Message: ": not an ISO 8601 date"}
}
