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

	// Roles are the ranks, titles and roles written around a person's
	// name, in text order ("Col. Gen." → Colonel General).
	Roles []Role `json:"roles,omitempty"`
	// Affiliation is the actor a person belongs to as the article states it
	// ("chief of the Russian General Staff's Main Operational Directorate"
	// → the Russian military); AffiliationSpan is the mention it comes
	// from. Zero when the article states none.
	Affiliation     Actor `json:"affiliation,omitzero"`
	AffiliationSpan Span  `json:"affiliation_span,omitzero"`
	// AlignedWith is the actor a group is aligned with, backed by or led
	// by ("pro-Damascus forces" → the Syrian government, "US-led
	// coalition" → the United States). The group is not that actor. Zero
	// when none.
	AlignedWith Actor `json:"aligned_with,omitzero"`
	// Parent is the actor a nested name belongs to ("the Russian General
	// Staff's Main Operational Directorate" → Russian General Staff); zero
	// when none.
	Parent Actor `json:"parent,omitzero"`
}

// An Actor is an entry of the actor knowledge base, or one built from the
// article's own words when the knowledge base lacks it.
type Actor struct {
	ID      string `json:"id"`      // canonical id, stable across articles
	Name    string `json:"name"`    // canonical name
	Kind    string `json:"kind"`    // person, state, organization, group, coalition, …
	Country string `json:"country"` // ISO 3166-1 alpha-3, "" when none
	Sector  string `json:"sector"`  // government, military, rebel, militia, police, media, civilians, igo, education, labour, business, medical, refugees, elites, criminals, …
	Code    string `json:"code"`    // CAMEO-style actor code: RUSMIL, SYRGOV, IGO
}

// A Role is what the article says a person is: a rank, title or role
// ("Colonel General", "Foreign Minister", "spokesman") and where it says so.
type Role struct {
	Title string `json:"title"` // canonical: "Colonel General"
	Kind  string `json:"kind"`  // rank, title, honorific, role
	Span  Span   `json:"span"`
}
