package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"sitrep/internal/report"
	"sitrep/internal/store"
	"sitrep/internal/syndicate"
	"sitrep/news"
)

// Has reports whether an article is stored.
func (s *DB) Has(ctx context.Context, id string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, "SELECT 1 FROM articles WHERE id = ?", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// Put stores a batch in one transaction, skipping stored articles, and
// links each new article into the stories of its stored copies.
func (s *DB) Put(ctx context.Context, batch []*news.Article, engine string) (int, error) {
	// The sketches are computed before the transaction, on every core.
	sketches := sketchAll(len(batch), func(i int) string {
		if batch[i] == nil {
			return ""
		}
		return batch[i].Text
	})
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, wrapFull(err)
	}
	defer tx.Rollback()
	w := newWriter(ctx, tx)
	defer w.close()
	// pending: article ID → the new articles whose Meta.Story names it
	// before it is stored (later in the batch).
	pending := map[string][]string{}
	n := 0
	for i, a := range batch {
		if a == nil || a.ID == "" {
			continue
		}
		ok, err := w.put(a, engine, sketches[i], pending)
		if err != nil {
			return 0, wrapFull(fmt.Errorf("article %s: %w", a.ID, err))
		}
		if ok {
			n++
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, wrapFull(err)
	}
	return n, nil
}

// put stores one article of a Put unless it is stored: it joins the
// stories of its copies and stores its sketch.
func (w *writer) put(a *news.Article, engine string, sk syndicate.Sketch, pending map[string][]string) (bool, error) {
	st, err := w.stmt(`SELECT 1 FROM articles WHERE id = ?`)
	if err != nil {
		return false, err
	}
	var one int
	switch err := st.QueryRowContext(w.ctx, a.ID).Scan(&one); {
	case err == nil:
		return false, nil
	case err != sql.ErrNoRows:
		return false, err
	}
	with := pending[a.ID]
	delete(pending, a.ID)
	if h := a.Meta.Story; h != "" && h != a.ID {
		with = append(with, h)
	}
	// Stored last, it loses every tie.
	self := copyInfo{id: a.ID, pub: published(a.Meta.Published.Value()), seq: math.MaxInt64}
	story, others, missing, err := w.join(self, sk, a.ID, with)
	if err != nil {
		return false, err
	}
	for _, m := range missing {
		pending[m] = append(pending[m], a.ID)
	}
	if _, err := w.putArticle(a, engine, nil, story, 0); err != nil {
		return false, err
	}
	// No stored article is of story a.ID, the article's own (a story ID
	// names a stored article): only the others move.
	others = slices.DeleteFunc(others, func(s string) bool { return s == a.ID })
	if err := w.moveStories(story, others); err != nil {
		return false, err
	}
	return true, w.putSketch(a.ID, sk)
}

// wrapFull gives SQLite's "database or disk is full" a message that says
// what happened to the data.
func wrapFull(err error) error {
	if err == nil {
		return nil
	}
	if isFull(err) {
		return fmt.Errorf("%w (the batch was rolled back; the database holds every batch stored before it)", err)
	}
	return err
}

func isFull(err error) bool {
	type coder interface{ Code() int }
	var c coder
	if errors.As(err, &c) {
		return c.Code()&0xff == 13 // SQLITE_FULL
	}
	return false
}

// A writer writes within one transaction, preparing each statement once
// and writing each actor and alias once.
type writer struct {
	tx    *sql.Tx
	ctx   context.Context
	stmts map[string]*sql.Stmt
	seen  map[string]bool // actor keys and aliases written in this transaction
}

func newWriter(ctx context.Context, tx *sql.Tx) *writer {
	return &writer{tx: tx, ctx: ctx, stmts: map[string]*sql.Stmt{}, seen: map[string]bool{}}
}

func (w *writer) exec(q string, args ...any) (sql.Result, error) {
	st, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

// stmt prepares q once per transaction.
func (w *writer) stmt(q string) (*sql.Stmt, error) {
	st, ok := w.stmts[q]
	if !ok {
		var err error
		if st, err = w.tx.PrepareContext(w.ctx, q); err != nil {
			return nil, err
		}
		w.stmts[q] = st
	}
	return st, nil
}

// close closes the prepared statements.
func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// putArticle inserts a, with story, and its rows unless it is stored, and
// returns its place in the order of storing (article_seq.n; 0 when it was
// stored already). When orig is not nil it is the stored original to keep
// and seq the article's place (reprocessing); seq 0 gives a new article
// the next place.
func (w *writer) putArticle(a *news.Article, engine string, orig []byte, story string, seq int64) (int64, error) {
	if a.Meta.Story != story {
		c := *a
		c.Meta.Story = story
		a = &c
	}
	js, err := report.MarshalArticle(a)
	if err != nil {
		return 0, err
	}
	if orig == nil {
		orig = compress(a.Original)
	}
	r := store.RowsOf(a, engine)
	res, err := w.exec(`INSERT INTO articles (id, source, format, original, url, outlet, title, published, story,
		events, quotes, engine, ingested, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING`,
		a.ID, a.Source, string(a.Format), orig, r.Article.URL, r.Article.Outlet, r.Article.Title, r.Article.Published,
		r.Article.Story, len(r.Events), len(r.Quotes), engine, now(), compress(js))
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, nil
	}
	if seq == 0 {
		res, err := w.exec(`INSERT INTO article_seq (id) VALUES (?)`, a.ID)
		if err != nil {
			return 0, err
		}
		if seq, err = res.LastInsertId(); err != nil {
			return 0, err
		}
	}
	if _, err := w.exec(`INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`, seq, a.Meta.Title, a.Text); err != nil {
		return 0, err
	}
	return seq, w.putRows(r)
}

// putRows inserts the events, quotes, actors and places of one article.
func (w *writer) putRows(r store.Rows) error {
	for i := range r.Events {
		e := &r.Events[i]
		js, err := json.Marshal(e)
		if err != nil {
			return err
		}
		res, err := w.exec(`INSERT INTO events (article_id, idx, type, mode, actor1, actor2, country, date_lo, date_hi, span,
			asserted_by, asserted_id, fact, engine) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			e.ArticleID, e.Index, e.Type, e.Mode, e.Actor1.Key, e.Actor2.Key, e.Place.Country, e.DateLo, e.DateHi, spanClass(e.DateLo, e.DateHi),
			store.Key(e.AssertedBy), e.AssertedByID, e.Fact, e.Engine)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := w.exec(`INSERT INTO event_rows (id, row) VALUES (?, ?)`, id, js); err != nil {
			return err
		}
		if _, err := w.exec(`INSERT INTO events_fts (rowid, evidence) VALUES (?, ?)`, id, e.Evidence); err != nil {
			return err
		}
		if e.Place.HasCoord {
			if _, err := w.exec(`INSERT INTO events_geo VALUES (?,?,?,?,?)`, id, e.Place.Lat, e.Place.Lat, e.Place.Lon, e.Place.Lon); err != nil {
				return err
			}
		}
		for _, a := range []store.ActorRef{e.Actor1, e.Actor2} {
			if err := w.actor(a); err != nil {
				return err
			}
		}
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		js, err := json.Marshal(q)
		if err != nil {
			return err
		}
		res, err := w.exec(`INSERT INTO quotes (article_id, idx, speaker, engine, row) VALUES (?,?,?,?,?)`,
			q.ArticleID, q.Index, q.Speaker.Key, q.Engine, js)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := w.exec(`INSERT INTO quotes_fts (rowid, content) VALUES (?, ?)`, id, q.Content); err != nil {
			return err
		}
		if err := w.actor(q.Speaker); err != nil {
			return err
		}
	}
	counts := map[string]int{}
	for _, m := range r.Mentions {
		if err := w.actor(m); err != nil {
			return err
		}
		counts[m.Key]++
	}
	for k, n := range counts {
		if _, err := w.exec(`INSERT INTO mentions (article_id, key, n) VALUES (?,?,?)
			ON CONFLICT (article_id, key) DO UPDATE SET n = excluded.n`, r.Article.ID, k, n); err != nil {
			return err
		}
	}
	for _, p := range r.Places {
		for _, name := range []string{p.Name, p.Text} {
			k := store.Key(name)
			if k == "" {
				continue
			}
			if _, err := w.exec(`INSERT INTO places (name, lat, lon, n) VALUES (?,?,?,1)
				ON CONFLICT (name, lat, lon) DO UPDATE SET n = n + 1`, k, p.Lat, p.Lon); err != nil {
				return err
			}
		}
	}
	return nil
}

// spanDays are the longest date ranges, in days from first to last day,
// of span classes 0, 1 and 2 (a day; a week; a month, or a month taken
// from the publication date: 30 + 31 days); class 3 holds longer ones
// (up to a year and 30 days).
var spanDays = [4]int{0, 7, 62, 400}

// spanClass is the class of a date range; undated events are class 0.
func spanClass(lo, hi string) int {
	a, err1 := time.Parse("2006-01-02", lo)
	b, err2 := time.Parse("2006-01-02", hi)
	if err1 != nil || err2 != nil {
		return 0
	}
	days := int(b.Sub(a).Hours() / 24)
	for c, max := range spanDays {
		if days <= max {
			return c
		}
	}
	return 3
}

// actor records an actor and the aliases it is known by.
func (w *writer) actor(a store.ActorRef) error {
	if a.Key == "" || w.seen[a.Key+"\x00"+a.Name+"\x00"+a.Text] {
		return nil
	}
	w.seen[a.Key+"\x00"+a.Name+"\x00"+a.Text] = true
	if _, err := w.exec(`INSERT INTO actors (key, name, code, country, sector, kind) VALUES (?,?,?,?,?,?)
		ON CONFLICT (key) DO NOTHING`, a.Key, a.Label(), a.Code, a.Country, a.Sector, a.Kind); err != nil {
		return err
	}
	for _, name := range []string{a.Name, a.Text} {
		k := store.Key(name)
		if k == "" {
			continue
		}
		if _, err := w.exec(`INSERT INTO aliases (alias, key, text) VALUES (?,?,?) ON CONFLICT DO NOTHING`, k, a.Key, name); err != nil {
			return err
		}
	}
	return nil
}

// Replace stores a re-analysis of a stored article and records in the
// history each event that disappeared, changed or appeared. Events are
// matched by type, trigger and evidence sentence.
func (s *DB) Replace(ctx context.Context, a *news.Article, engine string) ([]store.Change, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrapFull(err)
	}
	defer tx.Rollback()
	var orig []byte
	var oldEngine, story string
	var seq int64
	err = tx.QueryRowContext(ctx, "SELECT a.original, a.engine, a.story, o.n FROM articles a JOIN article_seq o ON o.id = a.id WHERE a.id = ?", a.ID).
		Scan(&orig, &oldEngine, &story, &seq)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", a.ID, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	old, err := eventsOf(ctx, tx, a.ID)
	if err != nil {
		return nil, err
	}
	if a.Meta.Story != story {
		c := *a
		c.Meta.Story = story
		a = &c
	}
	fresh := store.RowsOf(a, engine).Events
	changes := store.Diff(old, fresh, oldEngine, engine)
	at := now()
	for i := range changes {
		c := &changes[i]
		c.At = at
		if _, err := tx.ExecContext(ctx, `INSERT INTO history (article_id, idx, kind, old_engine, new_engine, old, new, at)
			VALUES (?,?,?,?,?,?,?,?)`, a.ID, c.Index, c.Kind, c.OldEngine, c.NewEngine, nullable(c.Old), nullable(c.New), c.At); err != nil {
			return nil, wrapFull(err)
		}
	}
	w := newWriter(ctx, tx)
	defer w.close()
	if err := w.deleteArticle(a.ID); err != nil {
		return nil, err
	}
	// The article keeps its place in the order of storing, and so its
	// ties and its rowid in articles_fts.
	if _, err := w.putArticle(a, engine, orig, story, seq); err != nil {
		return nil, wrapFull(err)
	}
	sk := syndicate.NewSketch(a.Text, storyConfig)
	if err := w.link(copyInfo{id: a.ID, pub: published(a.Meta.Published.Value()), seq: seq}, sk, story); err != nil {
		return nil, wrapFull(err)
	}
	if err := tx.Commit(); err != nil {
		return nil, wrapFull(err)
	}
	return changes, nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// deleteArticle deletes a stored article and its rows but keeps its place
// in the order of storing (article_seq), for the re-analysis that
// replaces it.
func (w *writer) deleteArticle(id string) error {
	stmts := []string{
		`DELETE FROM events_fts WHERE rowid IN (SELECT id FROM events WHERE article_id = ?1)`,
		`DELETE FROM events_geo WHERE id IN (SELECT id FROM events WHERE article_id = ?1)`,
		`DELETE FROM event_rows WHERE id IN (SELECT id FROM events WHERE article_id = ?1)`,
		`DELETE FROM events WHERE article_id = ?1`,
		`DELETE FROM quotes_fts WHERE rowid IN (SELECT id FROM quotes WHERE article_id = ?1)`,
		`DELETE FROM quotes WHERE article_id = ?1`,
		`DELETE FROM mentions WHERE article_id = ?1`,
		`DELETE FROM articles_fts WHERE rowid = (SELECT n FROM article_seq WHERE id = ?1)`,
		`DELETE FROM articles WHERE id = ?1`,
	}
	for _, q := range stmts {
		if _, err := w.exec(q, id); err != nil {
			return err
		}
	}
	return w.unsketch(id)
}

func eventsOf(ctx context.Context, tx *sql.Tx, id string) ([]store.EventRow, error) {
	rows, err := tx.QueryContext(ctx, "SELECT r.row, (SELECT story FROM articles INDEXED BY articles_story_of WHERE id = e.article_id) FROM events e JOIN event_rows r ON r.id = e.id WHERE e.article_id = ? ORDER BY e.idx", id)
	if err != nil {
		return nil, err
	}
	return scanEvents(rows)
}

// IDs lists stored article IDs in the order they were stored (a
// re-analysed article keeps its place).
func (s *DB) IDs(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id FROM article_seq ORDER BY n")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Page lists up to limit articles after place after, in storing order.
func (s *DB) Page(ctx context.Context, after int64, limit int) ([]store.StoredRef, error) {
	if limit <= 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT o.n, o.id, a.engine FROM article_seq o JOIN articles a ON a.id = o.id
		WHERE o.n > ? ORDER BY o.n LIMIT ?`, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]store.StoredRef, 0, limit)
	for rows.Next() {
		var r store.StoredRef
		if err := rows.Scan(&r.Seq, &r.ID, &r.Engine); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Original returns the article as read, for reprocessing.
func (s *DB) Original(ctx context.Context, id string) (*news.Article, error) {
	a := &news.Article{ID: id}
	var format string
	err := s.db.QueryRowContext(ctx, "SELECT source, format, original FROM articles WHERE id = ?", id).Scan(&a.Source, &format, &a.Original)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	a.Format = news.Format(format)
	a.Original, err = decompress(a.Original, "original of "+id)
	return a, err
}

// Article returns the stored analysed article.
func (s *DB) Article(ctx context.Context, id string) (*news.Article, error) {
	var js, orig []byte
	var story string
	err := s.db.QueryRowContext(ctx, "SELECT json, original, story FROM articles WHERE id = ?", id).Scan(&js, &orig, &story)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	if js, err = decompress(js, "JSON of "+id); err != nil {
		return nil, err
	}
	a := new(news.Article)
	if err := json.Unmarshal(js, a); err != nil {
		return nil, fmt.Errorf("article %s: stored JSON: %w", id, err)
	}
	a.Meta.Story = story // the story as it is now: a later copy may have moved it
	a.Original, err = decompress(orig, "original of "+id)
	return a, err
}
