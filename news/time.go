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
	// Mod is the TIMEX3 mod: START, MID, END, APPROX, MORE_THAN,
	// LESS_THAN, EQUAL_OR_MORE; "" when none.
	Mod string `json:"mod,omitempty"`
}

// Precisions of time expressions that a DateTime never has: the TIMEX3
// granularities between the calendar's.
const (
	PrecisionCentury   Precision = "century"
	PrecisionDecade    Precision = "decade"
	PrecisionHalf      Precision = "half"    // 2009-H1
	PrecisionSeason    Precision = "season"  // 2009-SP
	PrecisionQuarter   Precision = "quarter" // 2009-Q3
	PrecisionWeek      Precision = "week"    // 2017-W23, 2017-W23-WE
	PrecisionPartOfDay Precision = "part-of-day"
)
