package news

// A Quote is a statement the article attributes to someone: a direct quote
// or reported speech.
type Quote struct {
	Content Span   `json:"content"`
	Cue     Span   `json:"cue"`
	Direct  bool   `json:"direct"`
	Meaning string `json:"meaning"` // the reporting verb's meaning: say, assert, deny, accuse, announce, demand, warn, concede
	// Speaker indexes Article.Mentions; -1 when the speaker is unknown.
	Speaker int   `json:"speaker"`
	Actor   Actor `json:"actor"`
	// Channel is who relayed the statement ("told Sputnik"); zero when none.
	Channel Span `json:"channel"`

	// SpeakerSpan is the text that names the speaker: the name or
	// description beside the cue, or, for a pronoun or a carried-over
	// speaker, the earlier words it resolves to. It is kept whether or not
	// a mention of Article.Mentions covers it; zero when no speaker was found.
	SpeakerSpan Span `json:"speaker_span"`
	// Reference is the pronoun or description at the cue when the speaker
	// was resolved from it ("He said", "according to him"); zero otherwise.
	Reference Span `json:"reference"`
	// Attribution says how the speaker was found: "cue" (named beside the
	// cue), "pronoun" (resolved from Reference), "carried" (a quote with no
	// cue, whose speaker carries over from the quote before it in the
	// paragraph or from the previous paragraph), "" when not found.
	Attribution string `json:"attribution,omitempty"`
	// SourceKind classifies the speaker: "person", "institution" ("the
	// Pentagon announced"), "unnamed" ("a Syrian source"), "named" (a name of
	// unknown kind), "" when no speaker was found.
	SourceKind string `json:"source_kind,omitempty"`
	// Outlet is the outlet that publishes the article (Article.Meta.Outlet):
	// the last link of the chain speaker → Channel → Outlet.
	Outlet string `json:"outlet,omitempty"`
}
