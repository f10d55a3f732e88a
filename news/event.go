package news

// A Range is a count known within bounds. High is -1 when unbounded above.
type Range struct {
	Low  int  `json:"low"`
	High int  `json:"high"`
	Span Span `json:"span"`
}

// An Assertion says who stands behind an event and how.
type Assertion struct {
	By    Actor  `json:"by"`    // the outlet itself, or a quoted or cited source
	How   string `json:"how"`   // reported, claimed, alleged, denied, announced, hypothetical, negated, future
	Quote int    `json:"quote"` // index into Article.Quotes; -1 when the outlet asserts it
}

// An Event is one coded event of Text.
type Event struct {
	Type       string    `json:"type"` // PLOVER type: ASSAULT, ACCUSE, AGREE…
	Mode       string    `json:"mode"`
	CAMEO      string    `json:"cameo"`
	Trigger    Span      `json:"trigger"`
	Evidence   Span      `json:"evidence"`
	Source     int       `json:"source"` // index into Article.Mentions; -1 when none
	Target     int       `json:"target"`
	Place      int       `json:"place"` // index into Article.Places; -1 when none
	Time       int       `json:"time"`  // index into Article.Times; -1 when none
	Killed     *Range    `json:"killed,omitempty"`
	Injured    *Range    `json:"injured,omitempty"`
	Assert     Assertion `json:"assertion"`
	Confidence float64   `json:"confidence"`
}
