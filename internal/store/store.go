// Package store keeps analysed articles and the events, quotes and actors
// read from them, and answers the queries of `sitrep events`, `quotes`,
// `actors` and `articles`.
//
// A Store is the contract every database implements (SQLite in
// store/sqlite; PostgreSQL later); store/storetest is the one conformance
// suite they all pass. Its invariants:
//
//   - An article is keyed by its content ID (news.Article.ID). Putting an
//     article already stored changes nothing: ingest is idempotent.
//   - A Put is one transaction: after a crash either every article of the
//     batch is visible, with all its rows, or none is.
//   - Every event, quote and article row records the engine version that
//     produced it. Replace (reprocessing) keeps each event that disappears
//     or changes in the history, so a user can see what changed since the
//     data they cited.
//   - Every filter value reaches the database as a bound parameter, never
//     as SQL text.
//   - A filter that cannot match (an actor or place the database does not
//     know, a date range that ends before it starts) is a *FilterError
//     with a message for people, not an empty result.
//   - Copies of one story (internal/syndicate: exact and near copies) share
//     a story ID, the ID of the story's earliest stored copy, across every
//     Put, not only within one batch. Each article's story is kept once, so
//     an earlier copy that arrives later moves the story ID of every
//     stored copy; Article, Articles and Events give the story as it is now.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"sitrep/news"
)

// A Store keeps articles and answers queries. Implementations are safe for
// concurrent use.
type Store interface {
	// Has reports whether the article with this content ID is stored.
	Has(ctx context.Context, id string) (bool, error)
	// Put stores a batch of analysed articles in one transaction, each
	// with the engine version that analysed it, skipping those already
	// stored. It returns how many were new.
	//
	// Each new article joins the story of the stored articles it is a copy
	// of (syndicate.Sketch.Matches), and of the article its Meta.Story
	// names when that one is stored or in the batch; stories it joins
	// merge. The story ID is the ID of the earliest copy (syndicate.Earlier,
	// ties going to the one stored first): when the new article is earlier,
	// the story ID of every stored copy moves to it, in the same
	// transaction. Put does not change the articles of the batch.
	Put(ctx context.Context, batch []*news.Article, engine string) (int, error)
	// Replace stores a re-analysis of a stored article, recording in the
	// history every event that disappeared or changed. It returns those
	// changes. The article keeps its story (and joins those of copies its
	// new text matches) and its place in the order of storing.
	Replace(ctx context.Context, a *news.Article, engine string) ([]Change, error)
	// LinkStored links into stories, as Put links new articles, up to max
	// of the articles stored by a version of the store that did not keep
	// what linking needs (their text is read once), oldest first, in one
	// transaction. It returns how many it linked: 0 when none is left.
	// Ingest and reprocessing run it until it returns 0.
	LinkStored(ctx context.Context, max int) (int, error)
	// IDs lists the content IDs of every stored article, oldest first
	// (in the order they were first stored: Replace keeps an article's
	// place, and so does compacting the store).
	IDs(ctx context.Context) ([]string, error)
	// Page lists at most limit stored articles in the same order, those
	// after place `after` (0: from the first). Passing the last Seq of a
	// page gets the next, so a caller walks any number of articles in
	// bounded memory; Replace keeps places, so a walk that re-analyses as
	// it goes sees every article once.
	Page(ctx context.Context, after int64, limit int) ([]StoredRef, error)
	// Original returns a stored article as it was read, before analysis:
	// ID, Source, Format and Original set, no layers. It is what
	// reprocessing feeds to the pipeline.
	Original(ctx context.Context, id string) (*news.Article, error)
	// Article returns the full analysed article as stored.
	Article(ctx context.Context, id string) (*news.Article, error)

	// Events returns the event reports that match f, ordered by date then
	// article and event index.
	Events(ctx context.Context, f EventFilter) ([]EventRow, error)
	// Quotes returns the quotes that match f.
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRow, error)
	// Actors lists the actors that match f with how often they occur.
	Actors(ctx context.Context, f ActorFilter) ([]ActorRow, error)
	// Articles lists the articles that match f.
	Articles(ctx context.Context, f ArticleFilter) ([]ArticleRow, error)
	// History lists the changes recorded by reprocessing, for one article
	// or ("" ) for all.
	History(ctx context.Context, articleID string) ([]Change, error)

	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// Check runs the database's integrity check and the store's own
	// invariants; nil means the database is consistent.
	Check(ctx context.Context) error
	// Close releases the database.
	Close() error
}

// ActorRef is an actor as an event or quote refers to it.
type ActorRef struct {
	Key     string `json:"key,omitempty"` // Actor.ID, or "name:"+Key(text) for an actor the KB lacks
	Name    string `json:"name,omitempty"`
	Text    string `json:"text,omitempty"` // the words of the article that name it
	Code    string `json:"code,omitempty"`
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-3
	Sector  string `json:"sector,omitempty"`
	Kind    string `json:"kind,omitempty"`
}

// Label is the actor's name, or the words that name it when it has none.
func (a ActorRef) Label() string {
	if a.Name != "" {
		return a.Name
	}
	return a.Text
}

// PlaceRef is where an event happened.
type PlaceRef struct {
	Name      string  `json:"name,omitempty"`
	Text      string  `json:"text,omitempty"`
	Country   string  `json:"country,omitempty"` // ISO 3166-1 alpha-2
	Admin1    string  `json:"admin1,omitempty"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	HasCoord  bool    `json:"has_coord"`
	Precision string  `json:"precision,omitempty"` // point, near, region, country
	GeonameID int     `json:"geonameid,omitempty"`
}

// A Figure is one toll as one report states it.
type Figure struct {
	Kind string `json:"kind"` // killed, injured, …
	Low  int    `json:"low"`
	High int    `json:"high"` // -1 when unbounded above
	By   string `json:"by,omitempty"`
	How  string `json:"how,omitempty"`
}

// An EventRow is one event as one article reports it.
type EventRow struct {
	ArticleID string `json:"article_id"`
	Index     int    `json:"index"` // into the article's Events
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"` // where the article was read from
	Outlet    string `json:"outlet,omitempty"`
	Story     string `json:"story,omitempty"`
	Published string `json:"published,omitempty"`

	Type          string  `json:"type"`
	Mode          string  `json:"mode,omitempty"`
	CAMEO         string  `json:"cameo,omitempty"`
	QuadClass     int     `json:"quad_class,omitempty"`
	Goldstein     float64 `json:"goldstein"`
	ACLEDEvent    string  `json:"acled_event,omitempty"`
	ACLEDSubEvent string  `json:"acled_sub_event,omitempty"`

	Actor1 ActorRef `json:"actor1"`
	Actor2 ActorRef `json:"actor2"`
	Place  PlaceRef `json:"place"`

	Date          string `json:"date,omitempty"` // TIMEX3 value
	DatePrecision string `json:"date_precision,omitempty"`
	DateFrom      string `json:"date_from,omitempty"`
	// DateLo and DateHi are the first and last day (YYYY-MM-DD) the date
	// can mean; empty when the event has no date.
	DateLo string `json:"date_lo,omitempty"`
	DateHi string `json:"date_hi,omitempty"`

	Figures []Figure `json:"figures,omitempty"`

	AssertedBy   string `json:"asserted_by,omitempty"`
	AssertedByID string `json:"asserted_by_id,omitempty"`
	Assertion    string `json:"assertion,omitempty"` // reported, claimed, alleged, denied, announced…
	// Fact is true when the outlet reports the event plainly or the actor
	// announces it; false for what a source only claims, alleges, denies,
	// threatens or hypothesises.
	Fact bool `json:"fact"`

	Evidence   string  `json:"evidence"`
	Trigger    string  `json:"trigger,omitempty"`
	Confidence float64 `json:"confidence"`
	Engine     string  `json:"engine,omitempty"`
}

// Killed returns the killed figure of the report, if any.
func (e *EventRow) Killed() (Figure, bool) { return e.figure(news.Killed) }

// Injured returns the injured figure of the report, if any.
func (e *EventRow) Injured() (Figure, bool) { return e.figure(news.Injured) }

func (e *EventRow) figure(kind string) (Figure, bool) {
	for _, f := range e.Figures {
		if f.Kind == kind {
			return f, true
		}
	}
	return Figure{}, false
}

// IsFact says whether an assertion's How makes the event a fact in the
// sense of EventRow.Fact.
func IsFact(how string) bool {
	switch how {
	case "", "reported", "announced":
		return true
	}
	return false
}

// A QuoteRow is one quote of one article.
type QuoteRow struct {
	ArticleID string   `json:"article_id"`
	Index     int      `json:"index"`
	URL       string   `json:"url,omitempty"`
	Outlet    string   `json:"outlet,omitempty"`
	Published string   `json:"published,omitempty"`
	Speaker   ActorRef `json:"speaker"`
	Cue       string   `json:"cue,omitempty"`
	Direct    bool     `json:"direct"`
	Meaning   string   `json:"meaning,omitempty"`
	Content   string   `json:"content"`
	Engine    string   `json:"engine,omitempty"`
}

// An ActorRow is one actor with its aliases and counts.
type ActorRow struct {
	ActorRef
	Aliases  []string `json:"aliases,omitempty"`
	Mentions int      `json:"mentions"`
	Events   int      `json:"events"`
	Articles int      `json:"articles"`
}

// StoredRef is an article's place in the storing order (Seq, from 1 up,
// with gaps), its content ID and the engine version of its rows.
type StoredRef struct {
	Seq    int64
	ID     string
	Engine string
}

// An ArticleRow is one stored article.
type ArticleRow struct {
	ID        string `json:"id"`
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Story     string `json:"story,omitempty"`
	Events    int    `json:"events"`
	Quotes    int    `json:"quotes"`
	Engine    string `json:"engine,omitempty"`
	Ingested  string `json:"ingested,omitempty"`
}

// A Change is an event that reprocessing removed or changed.
type Change struct {
	ArticleID string `json:"article_id"`
	Index     int    `json:"index"`
	Kind      string `json:"kind"` // "removed", "changed", "added"
	OldEngine string `json:"old_engine,omitempty"`
	NewEngine string `json:"new_engine,omitempty"`
	Old       string `json:"old,omitempty"` // the event row as JSON
	New       string `json:"new,omitempty"`
	At        string `json:"at,omitempty"` // RFC 3339, UTC
}

// Stats counts what a store holds.
type Stats struct {
	Articles int `json:"articles"`
	Events   int `json:"events"`
	Quotes   int `json:"quotes"`
	Actors   int `json:"actors"`
	History  int `json:"history"`
}

// EventFilter selects event reports. The zero filter selects every event.
type EventFilter struct {
	Actor      string  // an actor, by any alias, as source or target
	Type       string  // PLOVER type, case-insensitive
	Mode       string  // PLOVER mode
	Country    string  // ISO 3166-1 alpha-2 of the event's place
	Place      string  // a place by any name the database holds; with RadiusKm
	Lat, Lon   float64 // a point; used when HasPoint
	HasPoint   bool
	RadiusKm   float64 // around Place or the point; 0 means 25 km
	From, To   string  // date range YYYY[-MM[-DD]], inclusive; either may be empty
	AssertedBy string  // who asserts the event, by any alias or outlet name
	FactsOnly  bool    // leave out what a source only claims
	Text       string  // full-text search over the evidence sentence
	Limit      int     // 0: no limit
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	Speaker string // by any alias; unknown speakers are a FilterError
	Text    string // full-text over the quote
	Limit   int
}

// ActorFilter selects actors.
type ActorFilter struct {
	Name  string // substring of the name or any alias; "" for all
	Limit int
}

// ArticleFilter selects articles.
type ArticleFilter struct {
	Search string // full-text over title and body
	Outlet string
	Limit  int
}

// A FilterError is a query that cannot match as stated: an unknown actor or
// place, an impossible date range, a malformed value.
type FilterError struct {
	Field string
	Value string
	Msg   string
}

func (e *FilterError) Error() string {
	return fmt.Sprintf("%s %q: %s", e.Field, e.Value, e.Msg)
}

// ErrNotFound is returned for an article that is not stored.
var ErrNotFound = errors.New("not stored")

// Key normalises a name for alias look-ups: lower case, letters and digits
// only, runs of anything else one space, a leading "the " dropped.
// "The US-led coalition" and "us led Coalition" have the same key.
func Key(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if r == '\'' || r == '’' {
			continue // Damascus' → damascus
		}
		space = true
	}
	return strings.TrimPrefix(b.String(), "the ")
}
