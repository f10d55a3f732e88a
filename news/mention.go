package news

// EntityType is the kind of thing a mention names.
type EntityType string

// Entity types.
const (
	Person       EntityType = "person"
	Organization EntityType = "organization"
	State        EntityType = "state"
	Location     EntityType = "place"
	Group        EntityType = "group" // armed group, militia, movement
)

// A Mention is a span of Text that names or refers to an actor.
type Mention struct {
	Span  Span       `json:"span"`
	Type  EntityType `json:"type"`
	Actor Actor      `json:"actor"`
	// Resolution says how Actor was found: "kb", "context", "coref",
	// "unresolved".
	Resolution string `json:"resolution"`
	// Antecedent indexes Article.Mentions for a coreferent mention; -1 when none.
	Antecedent int `json:"antecedent"`
}

// An Actor is an entry of the actor knowledge base, or one built from the
// article's own words when the knowledge base lacks it.
type Actor struct {
	ID      string `json:"id"`      // canonical id, stable across articles
	Name    string `json:"name"`    // canonical name
	Kind    string `json:"kind"`    // person, state, organization, group, coalition, …
	Country string `json:"country"` // ISO 3166-1 alpha-3, "" when none
	Sector  string `json:"sector"`  // government, military, rebel, militia, police, media, civilians, igo, …
	Code    string `json:"code"`    // CAMEO-style actor code: RUSMIL, SYRGOV, IGO
}
