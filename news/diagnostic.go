package news

// Severity grades a Diagnostic.
type Severity string

// Severities, from least to most serious.
const (
	Info    Severity = "info"    // worth knowing: an assumption the engine made
	Warning Severity = "warning" // part of the input could not be used as it stands
	Error   Severity = "error"   // the article could not be analysed in full
)

// A Diagnostic is a positioned problem in the input, recorded by the stage
// that met it. Span is zero when the problem has no place in Text.
type Diagnostic struct {
	Stage    string   `json:"stage"`
	Severity Severity `json:"severity"`
	Code     string   `json:"code"` // short stable identifier, e.g. "date-ambiguous"
	Message  string   `json:"message"`
	Span     Span     `json:"span"`
}
