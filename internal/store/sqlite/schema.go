package sqlite

// applicationID marks a SQLite file as a sitrep database ("SITR").
const applicationID = 0x53495452

// migrations[i] brings a database from schema version i to i+1. A
// migration is only ever appended, never edited: databases in the field
// have run the old ones.
var migrations = []string{
	// 0 → 1: articles, events, quotes, actors, places, history.
	`
CREATE TABLE articles (
	id        TEXT PRIMARY KEY,  -- content ID
	source    TEXT NOT NULL,
	format    TEXT NOT NULL,
	original  BLOB,              -- the input as read, zstd, for reprocessing
	url       TEXT NOT NULL,
	outlet    TEXT NOT NULL,
	title     TEXT NOT NULL,
	published TEXT NOT NULL,
	story     TEXT NOT NULL,
	events    INTEGER NOT NULL,
	quotes    INTEGER NOT NULL,
	engine    TEXT NOT NULL,
	ingested  TEXT NOT NULL,
	json      BLOB NOT NULL      -- the full article, report.MarshalArticle, zstd
);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', contentless_delete=1);

CREATE TABLE events (
	id          INTEGER PRIMARY KEY,
	article_id  TEXT NOT NULL REFERENCES articles(id),
	idx         INTEGER NOT NULL,
	type        TEXT NOT NULL,
	mode        TEXT NOT NULL,
	actor1      TEXT NOT NULL,   -- actor key
	actor2      TEXT NOT NULL,
	country     TEXT NOT NULL,   -- ISO 3166-1 alpha-2 of the place
	date_lo     TEXT NOT NULL,   -- YYYY-MM-DD, '' when undated
	date_hi     TEXT NOT NULL,
	span        INTEGER NOT NULL, -- how long the date is: 0 a day, 1 up to 7 days, 2 up to 62, 3 longer
	asserted_by TEXT NOT NULL,   -- store.Key of the asserting source's name
	asserted_id TEXT NOT NULL,   -- its actor id
	fact        INTEGER NOT NULL,
	engine      TEXT NOT NULL,
	UNIQUE (article_id, idx)
);
-- The rows as JSON, apart, so that filtering reads small rows only.
CREATE TABLE event_rows (
	id  INTEGER PRIMARY KEY,     -- events.id
	row BLOB NOT NULL            -- store.EventRow as JSON
);
CREATE INDEX events_type ON events(type, date_lo);
CREATE INDEX events_actor1 ON events(actor1);
CREATE INDEX events_actor2 ON events(actor2);
CREATE INDEX events_date ON events(span, date_lo);
CREATE INDEX events_order ON events(date_lo);
CREATE INDEX events_country ON events(country);
CREATE INDEX events_asserted ON events(asserted_by);
CREATE INDEX events_asserted_id ON events(asserted_id);
CREATE VIRTUAL TABLE events_fts USING fts5(evidence, content='', contentless_delete=1);
CREATE VIRTUAL TABLE events_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);

CREATE TABLE quotes (
	id         INTEGER PRIMARY KEY,
	article_id TEXT NOT NULL REFERENCES articles(id),
	idx        INTEGER NOT NULL,
	speaker    TEXT NOT NULL,    -- actor key
	engine     TEXT NOT NULL,
	row        BLOB NOT NULL,    -- store.QuoteRow as JSON
	UNIQUE (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE VIRTUAL TABLE quotes_fts USING fts5(content, content='', contentless_delete=1);

CREATE TABLE actors (
	key     TEXT PRIMARY KEY,
	name    TEXT NOT NULL,
	code    TEXT NOT NULL,
	country TEXT NOT NULL,
	sector  TEXT NOT NULL,
	kind    TEXT NOT NULL
);
CREATE TABLE aliases (
	alias TEXT NOT NULL,         -- store.Key of a name or the words of a mention
	key   TEXT NOT NULL,
	text  TEXT NOT NULL,         -- the alias as written, first seen
	PRIMARY KEY (alias, key)
) WITHOUT ROWID;
CREATE INDEX aliases_key ON aliases(key);
CREATE TABLE mentions (
	article_id TEXT NOT NULL REFERENCES articles(id),
	key        TEXT NOT NULL,
	n          INTEGER NOT NULL,
	PRIMARY KEY (article_id, key)
) WITHOUT ROWID;
CREATE INDEX mentions_key ON mentions(key);

CREATE TABLE places (
	name TEXT NOT NULL,          -- store.Key of the entry name or the words naming it
	lat  REAL NOT NULL,
	lon  REAL NOT NULL,
	n    INTEGER NOT NULL,
	PRIMARY KEY (name, lat, lon)
) WITHOUT ROWID;

CREATE TABLE history (
	id         INTEGER PRIMARY KEY,
	article_id TEXT NOT NULL,
	idx        INTEGER NOT NULL,
	kind       TEXT NOT NULL,    -- removed, changed, added
	old_engine TEXT NOT NULL,
	new_engine TEXT NOT NULL,
	old        BLOB,
	new        BLOB,
	at         TEXT NOT NULL
);
CREATE INDEX history_article ON history(article_id);
`,
	// 1 → 2: the syndication sketch of each article, to link copies of a
	// story across Puts without reading stored texts. Articles stored
	// before are listed in unsketched; LinkStored sketches and links them,
	// oldest first, and ingest and reprocess run it.
	`
CREATE TABLE sketches (
	n       INTEGER PRIMARY KEY,
	article TEXT NOT NULL UNIQUE, -- articles.id
	sketch  BLOB NOT NULL         -- syndicate.Sketch of the body
);
CREATE TABLE sketch_keys (
	key INTEGER NOT NULL,         -- one of syndicate.Sketch.Keys, 32 bits
	n   INTEGER NOT NULL,         -- sketches.n
	PRIMARY KEY (key, n)
) WITHOUT ROWID;
-- The story and date of an article without reading its row, whose
-- story column lies past the original and spills to overflow pages: the
-- look-ups of linking and the story of each event row read this index.
CREATE INDEX articles_story_of ON articles(id, story, published);
CREATE TABLE unsketched (
	id TEXT PRIMARY KEY           -- articles.id, in the order they were stored
);
INSERT INTO unsketched (id) SELECT id FROM articles ORDER BY rowid;
`,
	// 2 → 3: the order of storing, apart from the implicit rowid of
	// articles, which Replace changed (a re-analysed article moved to the
	// end of IDs and lost its ties) and which VACUUM may renumber (SQLite
	// does so today only in tables without an index, but promises nothing
	// for a table without an INTEGER PRIMARY KEY). article_seq.n is the
	// rowid of articles_fts, the order of IDs and the tie-break of stories;
	// an article keeps it when re-analysed. Each stored article keeps the
	// rowid articles_fts indexed it under, so the search index stays right
	// without a rebuild. The queue unsketched gets an INTEGER PRIMARY KEY
	// for the same reason.
	`
CREATE TABLE article_seq (
	n  INTEGER PRIMARY KEY,       -- order of storing; the rowid of articles_fts
	id TEXT NOT NULL UNIQUE       -- articles.id
);
INSERT INTO article_seq (n, id) SELECT rowid, id FROM articles;
CREATE TABLE unsketched_3 (
	n  INTEGER PRIMARY KEY,       -- the order they were stored in
	id TEXT NOT NULL UNIQUE       -- articles.id
);
INSERT INTO unsketched_3 (n, id) SELECT rowid, id FROM unsketched;
DROP TABLE unsketched;
ALTER TABLE unsketched_3 RENAME TO unsketched;
`,
}

// Version is the schema version this build writes.
var Version = len(migrations)
