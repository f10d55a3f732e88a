package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	msqlite "modernc.org/sqlite"

	"sitrep/internal/syndicate"
	"sitrep/news"
)

// Stories: each stored article keeps its syndicate.Sketch (table sketches)
// and one row per key of it (sketch_keys, indexed by key). A new article
// looks up the stored articles that share a key with it, keeps those its
// sketch matches, and joins their stories; the story ID is the ID of the
// earliest copy, so that when the new article is the earliest, one UPDATE
// moves the story of every stored copy to it. The story is kept in the
// articles table only; the JSON of the article and of its events is
// given the current story when read.
//
// The look-up of an article is bounded: each key brings at most perKey
// candidates, the most recently stored first. A key shared by more stored
// articles than that is one many copies of a story share (one of them
// suffices to join it) or a boilerplate band that many unrelated articles
// share (whose older members are not worth reading). Moving a story
// rewrites the story of each of its copies: linear in the copies moved,
// which happens when an earlier copy arrives or two stories merge.

// perKey is the most candidates one key of a sketch brings.
const perKey = 4

// storyConfig is the grouping rule of the store: syndicate's defaults.
var storyConfig = syndicate.Config{}

// sketchAll returns the sketches of the texts, computed on every core.
func sketchAll(n int, text func(i int) string) []syndicate.Sketch {
	out := make([]syndicate.Sketch, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for j := int(next.Add(1) - 1); j < n; j = int(next.Add(1) - 1) {
				out[j] = syndicate.NewSketch(text(j), storyConfig)
			}
		})
	}
	wg.Wait()
	return out
}

type sqlKey struct {
	kind string
	n    int
}

var (
	sqlMu     sync.Mutex
	sqlByKeys = map[sqlKey]string{}
)

// sqlFor builds (once) the statement of kind for n keys.
func sqlFor(kind string, n int) string {
	k := sqlKey{kind, n}
	sqlMu.Lock()
	defer sqlMu.Unlock()
	if q, ok := sqlByKeys[k]; ok {
		return q
	}
	var b strings.Builder
	switch kind {
	case "candidates":
		// The candidates: one branch per key, so that a crowded key cannot
		// crowd out the others. The sketches are compared in the query
		// (sketchMatches), which returns the stories of the matches only.
		b.WriteString(`SELECT DISTINCT a.story FROM sketches s JOIN articles a INDEXED BY articles_story_of ON a.id = s.article WHERE s.n IN (`)
		for i := range n {
			if i > 0 {
				b.WriteString(" UNION ALL ")
			}
			fmt.Fprintf(&b, "SELECT n FROM (SELECT n FROM sketch_keys WHERE key = ?%d ORDER BY n DESC LIMIT %d)", i+1, perKey)
		}
		fmt.Fprintf(&b, ") AND s.article != ?%d AND %s(s.sketch, ?%d)", n+1, sketchMatches, n+2)
	case "keys":
		// OR FAIL: no statement journal (a failure rolls the whole
		// transaction back).
		b.WriteString(`INSERT OR FAIL INTO sketch_keys (key, n) VALUES `)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "(?%d, ?1)", i+2)
		}
	case "delkeys":
		b.WriteString(`DELETE FROM sketch_keys WHERE n = ?1 AND key IN (`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "?%d", i+2)
		}
		b.WriteString(")")
	case "move":
		b.WriteString(`UPDATE articles SET story = ?1 WHERE story IN (`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "?%d", i+2)
		}
		b.WriteString(") AND story != ?1")
	}
	sqlByKeys[k] = b.String()
	return sqlByKeys[k]
}

// query runs a prepared statement of the transaction.
func (w *writer) query(q string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(w.ctx, args...)
}

// storyOf returns the story of a stored article.
func (w *writer) storyOf(id string) (string, bool, error) {
	st, err := w.stmt(`SELECT story FROM articles INDEXED BY articles_story_of WHERE id = ?`)
	if err != nil {
		return "", false, err
	}
	var story string
	err = st.QueryRowContext(w.ctx, id).Scan(&story)
	if err == sql.ErrNoRows {
		return "", false, nil
	}
	return story, err == nil, err
}

// A copyInfo is what decides which copy of a story is the earliest.
type copyInfo struct {
	id  string
	pub time.Time // zero when undated
	seq int64     // order of storing: article_seq.n
}

func published(v string) time.Time {
	d, err := news.ParseISO(v)
	if err != nil {
		return time.Time{}
	}
	return d.Time
}

// head returns the article that names a story, when it is stored.
func (w *writer) head(story string) (copyInfo, bool, error) {
	st, err := w.stmt(`SELECT a.published, o.n FROM articles a INDEXED BY articles_story_of JOIN article_seq o ON o.id = a.id WHERE a.id = ?`)
	if err != nil {
		return copyInfo{}, false, err
	}
	c := copyInfo{id: story}
	var pub string
	err = st.QueryRowContext(w.ctx, story).Scan(&pub, &c.seq)
	if err == sql.ErrNoRows {
		return c, false, nil
	}
	c.pub = published(pub)
	return c, err == nil, err
}

// sketchMatches is the SQL function (registerFunctions) that says
// whether two sketches match: syndicate.Sketch.Matches.
const sketchMatches = "sitrep_sketch_matches"

var registerOnce sync.Once

// registerFunctions registers sketchMatches with the driver, once, before
// the first connection is opened.
func registerFunctions() {
	registerOnce.Do(func() {
		msqlite.MustRegisterDeterministicScalarFunction(sketchMatches, 2, func(_ *msqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			a, _ := args[0].([]byte)
			b, _ := args[1].([]byte)
			if syndicate.Sketch(a).Matches(syndicate.Sketch(b), storyConfig) {
				return int64(1), nil
			}
			return int64(0), nil
		})
	})
}

// candidates returns the stories of the stored articles other than id
// that share a key with sk (at most perKey a key) and match it.
func (w *writer) candidates(id string, sk syndicate.Sketch, keys []int64) ([]string, error) {
	args := make([]any, 0, len(keys)+2)
	for _, k := range keys {
		args = append(args, k)
	}
	args = append(args, id, []byte(sk))
	rows, err := w.query(sqlFor("candidates", len(keys)), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var story string
		if err := rows.Scan(&story); err != nil {
			return nil, err
		}
		out = append(out, story)
	}
	return out, rows.Err()
}

// join finds the story of an article (a) that is in story own: the
// stories of the stored articles its sketch matches and of the articles
// named in with merge with own under their earliest copy. It returns that
// copy's ID, the stories to move to it (moveStories), and the IDs of with
// that are not stored.
func (w *writer) join(a copyInfo, sk syndicate.Sketch, own string, with []string) (story string, others, missing []string, err error) {
	stories := []string{own}
	add := func(s string) {
		if s != "" && !slices.Contains(stories, s) {
			stories = append(stories, s)
		}
	}
	for _, id := range with {
		s, ok, err := w.storyOf(id)
		if err != nil {
			return "", nil, nil, err
		}
		if !ok {
			missing = append(missing, id)
		}
		add(s)
	}
	if keys := sk.Keys(); len(keys) > 0 {
		matched, err := w.candidates(a.id, sk, keys)
		if err != nil {
			return "", nil, nil, err
		}
		for _, s := range matched {
			add(s)
		}
	}
	first := a
	for _, s := range stories {
		if s == a.id {
			continue
		}
		h, ok, err := w.head(s)
		if err != nil {
			return "", nil, nil, err
		}
		if ok && syndicate.Earlier(h.pub, h.seq, first.pub, first.seq) {
			first = h
		}
	}
	for _, s := range stories {
		if s != first.id {
			others = append(others, s)
		}
	}
	return first.id, others, missing, nil
}

// moveStories gives every stored article of the stories from the story
// to, in one UPDATE.
func (w *writer) moveStories(to string, from []string) error {
	if len(from) == 0 {
		return nil
	}
	args := []any{to}
	for _, s := range from {
		args = append(args, s)
	}
	_, err := w.exec(sqlFor("move", len(from)), args...)
	return err
}

// putSketch stores the sketch of an article and its keys.
func (w *writer) putSketch(id string, sk syndicate.Sketch) error {
	if sk == nil {
		return nil
	}
	res, err := w.exec(`INSERT INTO sketches (article, sketch) VALUES (?, ?)`, id, []byte(sk))
	if err != nil {
		return err
	}
	n, err := res.LastInsertId()
	if err != nil {
		return err
	}
	keys := sk.Keys()
	args := []any{n}
	for i, k := range keys {
		if !slices.Contains(keys[:i], k) { // two bands of one key: one row
			args = append(args, k)
		}
	}
	_, err = w.exec(sqlFor("keys", len(args)-1), args...)
	return err
}

// link links an article stored in story own (LinkStored, Replace).
func (w *writer) link(a copyInfo, sk syndicate.Sketch, own string) error {
	story, others, _, err := w.join(a, sk, own, nil)
	if err != nil {
		return err
	}
	if story != own {
		others = append(others, own)
	}
	if err := w.moveStories(story, others); err != nil {
		return err
	}
	return w.putSketch(a.id, sk)
}

// unsketch removes the sketch of a stored article, or its place in the
// list of those still to sketch.
func (w *writer) unsketch(id string) error {
	if _, err := w.exec(`DELETE FROM unsketched WHERE id = ?`, id); err != nil {
		return err
	}
	st, err := w.stmt(`SELECT n, sketch FROM sketches WHERE article = ?`)
	if err != nil {
		return err
	}
	var n int64
	var sk []byte
	err = st.QueryRowContext(w.ctx, id).Scan(&n, &sk)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	keys := syndicate.Sketch(sk).Keys()
	args := []any{n}
	for _, k := range keys {
		args = append(args, k)
	}
	if len(keys) > 0 {
		if _, err := w.exec(sqlFor("delkeys", len(keys)), args...); err != nil {
			return err
		}
	}
	_, err = w.exec(`DELETE FROM sketches WHERE n = ?`, n)
	return err
}

// LinkStored sketches and links up to max of the articles stored before
// schema version 2, oldest first, in one transaction.
func (s *DB) LinkStored(ctx context.Context, max int) (int, error) {
	if max <= 0 {
		max = 500
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, wrapFull(err)
	}
	defer tx.Rollback()
	type todo struct {
		queue int64
		id    string
		found bool
		info  copyInfo
		story string
		js    []byte
		text  string
	}
	rows, err := tx.QueryContext(ctx, `SELECT u.n, u.id, a.id IS NOT NULL, coalesce(o.n, 0), coalesce(a.published, ''),
		coalesce(a.story, ''), a.json FROM unsketched u LEFT JOIN articles a ON a.id = u.id LEFT JOIN article_seq o ON o.id = a.id
		ORDER BY u.n LIMIT ?`, max)
	if err != nil {
		return 0, err
	}
	var list []todo
	for rows.Next() {
		var t todo
		var pub string
		if err := rows.Scan(&t.queue, &t.id, &t.found, &t.info.seq, &pub, &t.story, &t.js); err != nil {
			rows.Close()
			return 0, err
		}
		t.info.id, t.info.pub = t.id, published(pub)
		list = append(list, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if len(list) == 0 {
		return 0, nil
	}
	var errs []error
	var errMu sync.Mutex
	sketches := sketchAll(len(list), func(i int) string {
		t := &list[i]
		if !t.found {
			return ""
		}
		js, err := decompress(t.js, "JSON of "+t.id)
		var body struct {
			Text string `json:"text"`
		}
		if err == nil {
			err = json.Unmarshal(js, &body)
		}
		if err != nil {
			errMu.Lock()
			errs = append(errs, fmt.Errorf("article %s: %w", t.id, err))
			errMu.Unlock()
		}
		return body.Text
	})
	if len(errs) > 0 {
		return 0, errs[0]
	}
	w := newWriter(ctx, tx)
	defer w.close()
	for i, t := range list {
		if t.found {
			var one int
			err := tx.QueryRowContext(ctx, `SELECT 1 FROM sketches WHERE article = ?`, t.id).Scan(&one)
			switch {
			case err == sql.ErrNoRows:
				if err := w.link(t.info, sketches[i], t.story); err != nil {
					return 0, wrapFull(fmt.Errorf("article %s: %w", t.id, err))
				}
			case err != nil:
				return 0, err
			}
		}
		if _, err := w.exec(`DELETE FROM unsketched WHERE n = ?`, t.queue); err != nil {
			return 0, wrapFull(err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, wrapFull(err)
	}
	return len(list), nil
}
