package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"sitrep/internal/store"
)

// query is a SELECT built from fixed SQL fragments and bound arguments:
// no value of a filter ever becomes SQL text.
type query struct {
	where []string
	args  []any
}

func (q *query) add(cond string, args ...any) {
	q.where = append(q.where, cond)
	q.args = append(q.args, args...)
}

// in returns "(?,?,…)" for n values.
func in(n int) string {
	return "(" + strings.TrimSuffix(strings.Repeat("?,", n), ",") + ")"
}

func (q *query) sql(head, tail string) string {
	s := head
	if len(q.where) > 0 {
		s += " WHERE " + strings.Join(q.where, " AND ")
	}
	return s + " " + tail
}

// actorKeys resolves a name to the keys of every actor it is an alias of,
// or, when none, of every actor with an alias that ends in its words (a
// surname: "Rudskoy" → "Col. Gen. Sergei Rudskoy").
func (s *DB) actorKeys(ctx context.Context, name string) ([]any, error) {
	k := store.Key(name)
	if k == "" {
		return nil, nil
	}
	keys, err := s.keys(ctx, `SELECT DISTINCT key FROM aliases WHERE alias = ? UNION SELECT key FROM actors WHERE key = ?`, k, name)
	if len(keys) > 0 || err != nil {
		return keys, err
	}
	return s.keys(ctx, `SELECT DISTINCT key FROM aliases WHERE alias LIKE ? ESCAPE '\'`, "% "+escapeLike(k))
}

func (s *DB) keys(ctx context.Context, q string, args ...any) ([]any, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []any
	for rows.Next() {
		var key string
		if err := rows.Scan(&key); err != nil {
			return nil, err
		}
		keys = append(keys, key)
	}
	return keys, rows.Err()
}

// place resolves a place name to the coordinates it is most often given.
func (s *DB) place(ctx context.Context, name string) (lat, lon float64, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT lat, lon FROM places WHERE name = ? ORDER BY n DESC LIMIT 1`, store.Key(name)).Scan(&lat, &lon)
	if err == sql.ErrNoRows {
		return 0, 0, false, nil
	}
	return lat, lon, err == nil, err
}

// Events returns the event reports that match f.
func (s *DB) Events(ctx context.Context, f store.EventFilter) ([]store.EventRow, error) {
	var q query
	if f.Actor != "" {
		keys, err := s.actorKeys(ctx, f.Actor)
		if err != nil {
			return nil, err
		}
		if len(keys) == 0 {
			return nil, &store.FilterError{Field: "--actor", Value: f.Actor, Msg: "no actor of the database has this name or alias (sitrep actors lists them)"}
		}
		q.add("(actor1 IN "+in(len(keys))+" OR actor2 IN "+in(len(keys))+")", append(append([]any{}, keys...), keys...)...)
	}
	if f.Type != "" {
		q.add("type = ?", strings.ToUpper(f.Type))
	}
	if f.Mode != "" {
		q.add("mode = ?", f.Mode)
	}
	if f.Country != "" {
		c := strings.ToUpper(f.Country)
		if len(c) != 2 {
			return nil, &store.FilterError{Field: "--country", Value: f.Country, Msg: "want an ISO 3166-1 alpha-2 code such as SY"}
		}
		q.add("country = ?", c)
	}
	lo, hi, err := store.DateBounds(f.From, f.To)
	if err != nil {
		return nil, err
	}
	if lo != "" || hi != "" {
		// An event overlaps [lo, hi] when date_lo <= hi and date_hi >= lo.
		// Within a span class, date_lo >= lo - the class's longest span,
		// so each class is a range of the (span, date_lo) index.
		if hi == "" {
			hi = "9999-12-31"
		}
		var terms []string
		for c, days := range spanDays {
			from := "0000-00-00"
			if lo != "" {
				from = daysBefore(lo, days)
			}
			terms = append(terms, "(span = ? AND date_lo BETWEEN ? AND ?)")
			q.args = append(q.args, c, from, hi)
		}
		q.where = append(q.where, "("+strings.Join(terms, " OR ")+")")
		q.add("date_hi >= ? AND date_lo != ''", lo)
	}
	if f.FactsOnly {
		q.add("fact = 1")
	}
	if f.AssertedBy != "" {
		keys, err := s.actorKeys(ctx, f.AssertedBy)
		if err != nil {
			return nil, err
		}
		cond := "(asserted_by = ?"
		args := []any{store.Key(f.AssertedBy)}
		if len(keys) > 0 {
			cond += " OR asserted_id IN " + in(len(keys))
			args = append(args, keys...)
		}
		q.add(cond+")", args...)
	}
	if m := store.MatchQuery(f.Text); m != "" {
		q.add("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", m)
	}
	geo := f.Place != "" || f.HasPoint
	lat, lon := f.Lat, f.Lon
	radius := f.RadiusKm
	if radius <= 0 {
		radius = store.DefaultRadiusKm
	}
	if f.Place != "" {
		var ok bool
		lat, lon, ok, err = s.place(ctx, f.Place)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, &store.FilterError{Field: "--place", Value: f.Place, Msg: "no place of the database has this name (give --near LAT,LON instead)"}
		}
	}
	if geo {
		a, b, c, d := store.Box(lat, lon, radius)
		q.add("e.id IN (SELECT id FROM events_geo WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?)", a, b, c, d)
	}
	tail := "ORDER BY e.date_lo, e.id"
	if f.Limit > 0 && !geo {
		tail += " LIMIT ?"
		q.args = append(q.args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q.sql("SELECT r.row, (SELECT story FROM articles INDEXED BY articles_story_of WHERE id = e.article_id) FROM events e JOIN event_rows r ON r.id = e.id", tail), q.args...)
	if err != nil {
		return nil, err
	}
	out, err := scanEvents(rows)
	if err != nil || !geo {
		return out, err
	}
	kept := out[:0]
	for _, e := range out {
		if store.DistanceKm(lat, lon, e.Place.Lat, e.Place.Lon) <= radius {
			kept = append(kept, e)
			if f.Limit > 0 && len(kept) == f.Limit {
				break
			}
		}
	}
	return kept, nil
}

// daysBefore returns the day n days before day (YYYY-MM-DD).
func daysBefore(day string, n int) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return "0000-00-00"
	}
	return t.AddDate(0, 0, -n).Format("2006-01-02")
}

// scanEvents reads rows of (event row JSON, the article's story now).
func scanEvents(rows *sql.Rows) ([]store.EventRow, error) {
	defer rows.Close()
	var out []store.EventRow
	for rows.Next() {
		var js []byte
		var story sql.NullString
		if err := rows.Scan(&js, &story); err != nil {
			return nil, err
		}
		var e store.EventRow
		if err := json.Unmarshal(js, &e); err != nil {
			return nil, err
		}
		e.Story = story.String
		out = append(out, e)
	}
	return out, rows.Err()
}

// Quotes returns the quotes that match f.
func (s *DB) Quotes(ctx context.Context, f store.QuoteFilter) ([]store.QuoteRow, error) {
	var q query
	if f.Speaker != "" {
		keys, err := s.actorKeys(ctx, f.Speaker)
		if err != nil {
			return nil, err
		}
		if len(keys) == 0 {
			return nil, &store.FilterError{Field: "--speaker", Value: f.Speaker, Msg: "no actor of the database has this name or alias (sitrep actors lists them)"}
		}
		q.add("speaker IN "+in(len(keys)), keys...)
	}
	if m := store.MatchQuery(f.Text); m != "" {
		q.add("id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", m)
	}
	tail := "ORDER BY article_id, idx"
	if f.Limit > 0 {
		tail += " LIMIT ?"
		q.args = append(q.args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q.sql("SELECT row FROM quotes", tail), q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.QuoteRow
	for rows.Next() {
		var js []byte
		if err := rows.Scan(&js); err != nil {
			return nil, err
		}
		var r store.QuoteRow
		if err := json.Unmarshal(js, &r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Actors lists actors with their aliases and counts, most mentioned first.
func (s *DB) Actors(ctx context.Context, f store.ActorFilter) ([]store.ActorRow, error) {
	var q query
	if f.Name != "" {
		if store.Key(f.Name) == "" {
			return nil, nil // no letter or digit: nothing can match
		}
		pat := "%" + escapeLike(store.Key(f.Name)) + "%"
		q.add(`a.key IN (SELECT key FROM aliases WHERE alias LIKE ? ESCAPE '\')`, pat)
	}
	tail := `ORDER BY mentions DESC, a.name`
	if f.Limit > 0 {
		tail += " LIMIT ?"
		q.args = append(q.args, f.Limit)
	}
	head := `SELECT a.key, a.name, a.code, a.country, a.sector, a.kind,
		(SELECT coalesce(sum(n), 0) FROM mentions m WHERE m.key = a.key) AS mentions,
		(SELECT count(*) FROM mentions m WHERE m.key = a.key),
		(SELECT count(*) FROM events e WHERE e.actor1 = a.key) + (SELECT count(*) FROM events e WHERE e.actor2 = a.key),
		(SELECT group_concat(text, '|') FROM aliases al WHERE al.key = a.key)
		FROM actors a`
	rows, err := s.db.QueryContext(ctx, q.sql(head, tail), q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.ActorRow
	for rows.Next() {
		var r store.ActorRow
		var aliases sql.NullString
		if err := rows.Scan(&r.Key, &r.Name, &r.Code, &r.Country, &r.Sector, &r.Kind, &r.Mentions, &r.Articles, &r.Events, &aliases); err != nil {
			return nil, err
		}
		if aliases.String != "" {
			r.Aliases = strings.Split(aliases.String, "|")
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// Articles lists stored articles, newest first.
func (s *DB) Articles(ctx context.Context, f store.ArticleFilter) ([]store.ArticleRow, error) {
	var q query
	if m := store.MatchQuery(f.Search); m != "" {
		q.add("o.n IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", m)
	}
	if f.Outlet != "" {
		q.add("a.outlet = ? COLLATE NOCASE", f.Outlet)
	}
	tail := "ORDER BY a.published DESC, o.n"
	if f.Limit > 0 {
		tail += " LIMIT ?"
		q.args = append(q.args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q.sql(`SELECT a.id, a.source, a.url, a.outlet, a.title, a.published, a.story, a.events, a.quotes, a.engine, a.ingested
		FROM articles a JOIN article_seq o ON o.id = a.id`, tail), q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.ArticleRow
	for rows.Next() {
		var r store.ArticleRow
		if err := rows.Scan(&r.ID, &r.Source, &r.URL, &r.Outlet, &r.Title, &r.Published, &r.Story, &r.Events, &r.Quotes, &r.Engine, &r.Ingested); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// History lists reprocessing changes, oldest first.
func (s *DB) History(ctx context.Context, articleID string) ([]store.Change, error) {
	var q query
	if articleID != "" {
		q.add("article_id = ?", articleID)
	}
	rows, err := s.db.QueryContext(ctx, q.sql(`SELECT article_id, idx, kind, old_engine, new_engine, coalesce(old, ''), coalesce(new, ''), at FROM history`, "ORDER BY id"), q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Change
	for rows.Next() {
		var c store.Change
		if err := rows.Scan(&c.ArticleID, &c.Index, &c.Kind, &c.OldEngine, &c.NewEngine, &c.Old, &c.New, &c.At); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
