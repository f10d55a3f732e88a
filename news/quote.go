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
}
