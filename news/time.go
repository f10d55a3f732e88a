package news

// TimeType is the TIMEX3 type of a time expression.
type TimeType string

// TIMEX3 types.
const (
	TimeDate     TimeType = "DATE"
	TimeTime     TimeType = "TIME"
	TimeDuration TimeType = "DURATION"
	TimeSet      TimeType = "SET"
)

// A Time is a time expression of Text with its TIMEX3 value, normalised
// against Anchor (the article's dateline or publication date).
type Time struct {
	Span      Span      `json:"span"`
	Type      TimeType  `json:"type"`
	Value     string    `json:"value"` // TIMEX3 value: 2017-06-08, 2015-10, P3D, PRESENT_REF
	Precision Precision `json:"precision"`
	Anchor    string    `json:"anchor"` // the value it was resolved against, "" when unanchored
}
