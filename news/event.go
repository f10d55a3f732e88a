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
	Quote int    `json:"quote"` // index into Article.Quotes; -1 when none
	// Speaker indexes Article.Mentions for the source who asserts the event
	// when the text names one; -1 when the outlet asserts it or the source
	// is unnamed.
	Speaker int `json:"speaker"`
	// Cue is the words that mark the assertion ("accused … of", "said",
	// "denied", "will"); zero when the outlet reports the event plainly.
	Cue Span `json:"cue"`
}

// Casualty kinds.
const (
	Killed     = "killed"
	Injured    = "injured"
	Kidnapped  = "kidnapped"
	Arrested   = "arrested"
	Displaced  = "displaced"
	Casualties = "casualties" // killed or injured, the text does not say which
)

// A Casualty is a toll of an event: how many people were killed, injured,
// kidnapped, arrested or displaced, as a range, with its own assertion (a
// toll is often reported by a different source than the event itself).
type Casualty struct {
	Kind   string    `json:"kind"`
	Count  Range     `json:"count"`
	Assert Assertion `json:"assertion"`
}

// An Argument is an actor of an event as the text states it: the span of
// the words that name it, and the mention it resolves to.
type Argument struct {
	Span    Span `json:"span"`
	Mention int  `json:"mention"` // index into Article.Mentions; -1 when the words match no mention
}

// An Event is one coded event of Text.
//
// Invariants: Trigger lies inside Evidence, and Evidence is one sentence
// of Text; every index is -1 or valid for its layer; Killed and Injured,
// when set, repeat the Casualties of those kinds.
type Event struct {
	Type     string    `json:"type"` // PLOVER type: ASSAULT, ACCUSE, AGREE…
	Mode     string    `json:"mode"`
	CAMEO    string    `json:"cameo"`
	Trigger  Span      `json:"trigger"`
	Evidence Span      `json:"evidence"`
	Source   int       `json:"source"` // index into Article.Mentions; -1 when none
	Target   int       `json:"target"`
	Place    int       `json:"place"` // index into Article.Places; -1 when none
	Time     int       `json:"time"`  // index into Article.Times; -1 when none
	Killed   *Range    `json:"killed,omitempty"`
	Injured  *Range    `json:"injured,omitempty"`
	Assert   Assertion `json:"assertion"`
	// Confidence is the engine's belief, in [0,1], that the event is coded
	// right (type and roles).
	Confidence float64 `json:"confidence"`

	// SourceArg and TargetArg are the words that name the source and the
	// target; zero when none.
	SourceArg Argument `json:"source_arg"`
	TargetArg Argument `json:"target_arg"`
	// Voice is how the text states the event: "active", "passive",
	// "nominal" (a noun: "the coalition's strikes on…"), "light" (a noun
	// after a light verb: "conducted a strike").
	Voice string `json:"voice"`
	// CAMEO coding at each level (root "19", base "195", full "1951" where
	// the text allows), with the QuadClass (1 verbal cooperation, 2 material
	// cooperation, 3 verbal conflict, 4 material conflict) and Goldstein
	// score of the code, for GDELT users.
	CAMEORoot string  `json:"cameo_root"`
	CAMEOBase string  `json:"cameo_base"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
	// ACLED's event and sub-event type; empty for events ACLED does not code.
	ACLEDEvent    string `json:"acled_event,omitempty"`
	ACLEDSubEvent string `json:"acled_sub_event,omitempty"`
	// PlaceFrom says where the place was found: "clause", "sentence",
	// "dateline"; PlacePrecision is the place's precision lowered by
	// how far from the trigger it was found.
	PlaceFrom      string       `json:"place_from,omitempty"`
	PlacePrecision GeoPrecision `json:"place_precision,omitempty"`
	// Date is the event's date as a TIMEX3 value ("2017-06-08", "2015-10"),
	// DateFrom where it came from: "sentence" (a time expression of the
	// evidence sentence, Time indexes it) or "published" (the publication
	// date, with DatePrecision lowered to say so: the event happened on or
	// before it).
	Date          string    `json:"date,omitempty"`
	DatePrecision Precision `json:"date_precision,omitempty"`
	DateFrom      string    `json:"date_from,omitempty"`
	// Casualties lists every toll of the event, Killed and Injured included.
	Casualties []Casualty `json:"casualties,omitempty"`
	// Intended is, for a promise, threat, refusal or demand that the text
	// states as an intention ("will withdraw", "must return", "refused to
	// meet"), the type of the event intended; the event itself is coded
	// as PLOVER codes intentions: AGREE, THREATEN, REJECT or REQUEST.
	Intended string `json:"intended,omitempty"`
	// Content indexes Article.Events for the event an ACCUSE, DENY or
	// REQUEST is about ("accused the coalition of bombing…"); -1 when none.
	Content int `json:"content"`
}
