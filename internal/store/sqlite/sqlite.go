// Package sqlite is the Store of one SQLite file (modernc.org/sqlite: no
// cgo; FTS5 for full text, R*Tree for places, JSON built in).
//
// The file is marked as a sitrep database by its application_id and carries
// its schema version in user_version. Open refuses, before writing
// anything, a file that is not SQLite, a SQLite database of another
// program, and a sitrep database of a newer schema than this build knows;
// it migrates an older one in one transaction (see migrate).
//
// The database runs in WAL mode with synchronous=NORMAL: a Put that
// returned is durable across a crash of the program (kill -9); a Put cut
// short leaves nothing of itself visible.
package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"time"

	msqlite "modernc.org/sqlite" // the "sqlite" database/sql driver
	sqlite3 "modernc.org/sqlite/lib"

	"sitrep/internal/store"
)

// Options tunes a database.
type Options struct {
	// NoCreate refuses to create a missing file (the query commands use
	// it: a misspelt --db path should not leave an empty database).
	NoCreate bool
	// MaxPageCount caps the database size in pages (4 KiB each); 0 for no
	// cap. Beyond it writes fail as on a full disk.
	MaxPageCount int
}

// DB is a Store in one SQLite file.
type DB struct {
	db   *sql.DB
	path string
}

var _ store.Store = (*DB)(nil)

// ErrNotSitrep is returned by Open for a file that is not a sitrep database.
var ErrNotSitrep = errors.New("not a sitrep database")

// ErrNewer is returned by Open for a database of a newer schema version.
var ErrNewer = errors.New("database written by a newer sitrep")

// Open opens or creates the database at path.
func Open(ctx context.Context, path string, opt Options) (*DB, error) {
	if err := sniff(path, opt.NoCreate); err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	// Every transaction of the store writes, most after reading (a Put
	// looks up the stories of copies first): taking the write lock at
	// BEGIN makes another program's commit in between a wait (busy_timeout),
	// not a failure to upgrade a stale read (SQLITE_BUSY_SNAPSHOT).
	q.Add("_txlock", "immediate")
	if opt.MaxPageCount > 0 {
		q.Add("_pragma", fmt.Sprintf("max_page_count(%d)", opt.MaxPageCount))
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	registerFunctions()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	s := &DB{db: db, path: path}
	// Opening races other programs opening the same file (creating it,
	// switching it to WAL, migrating it), and some of those steps fail
	// with SQLITE_BUSY at once instead of waiting: try again, for up to
	// about ten seconds in all.
	for attempt := 1; ; attempt++ {
		err = s.init(ctx)
		if err == nil || !busy(err) || attempt == 40 {
			break
		}
		select {
		case <-ctx.Done():
			err = ctx.Err()
		case <-time.After(time.Duration(attempt) * 12 * time.Millisecond):
			continue
		}
		break
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// busy reports whether err is SQLite's SQLITE_BUSY (the database is
// locked by another connection), with any extended code.
func busy(err error) bool {
	var e *msqlite.Error
	return errors.As(err, &e) && e.Code()&0xff == sqlite3.SQLITE_BUSY
}

var sqliteMagic = []byte("SQLite format 3\x00")

// sniff refuses a file that exists and is not SQLite, before the driver
// touches it.
func sniff(path string, noCreate bool) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		if noCreate {
			return fmt.Errorf("%s: no database (run sitrep ingest first)", path)
		}
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == io.ErrUnexpectedEOF) {
		return nil // an empty file: a new database
	}
	if err != nil && err != io.ErrUnexpectedEOF {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !bytes.Equal(head[:n], sqliteMagic) {
		return fmt.Errorf("%s: %w: not a SQLite file; nothing was changed", path, ErrNotSitrep)
	}
	return nil
}

// init checks that the file is ours and of a version we know, then
// migrates it.
func (s *DB) init(ctx context.Context) error {
	// One statement, one snapshot: read apart, another program's
	// migration committing in between showed tables without their
	// application_id (TestConcurrentCreate).
	var app, ver, tables int
	if err := s.db.QueryRowContext(ctx, `SELECT a.application_id, v.user_version, (SELECT count(*) FROM sqlite_master)
		FROM pragma_application_id a, pragma_user_version v`).Scan(&app, &ver, &tables); err != nil {
		if busy(err) {
			return err
		}
		return fmt.Errorf("%w: %v; nothing was changed", ErrNotSitrep, err)
	}
	switch {
	case app != applicationID && (app != 0 || tables > 0):
		return fmt.Errorf("%w: a SQLite database of another program (application_id %#x); nothing was changed", ErrNotSitrep, app)
	case ver > Version:
		return fmt.Errorf("%w: schema version %d, this build knows up to %d; nothing was changed (upgrade sitrep)", ErrNewer, ver, Version)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
		return err
	}
	if ver < Version {
		return s.migrate(ctx)
	}
	return nil
}

// migrate brings the database to Version in one transaction that holds
// the write lock from its start, so that two programs opening a database
// at once (an ingest creating it, a query reading it) do not both
// migrate it: the second waits, then finds it migrated.
func (s *DB) migrate(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		}
	}()
	var ver int
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&ver); err != nil {
		return err
	}
	if ver > Version {
		return fmt.Errorf("%w: schema version %d, this build knows up to %d; nothing was changed (upgrade sitrep)", ErrNewer, ver, Version)
	}
	for v := ver; v < Version; v++ {
		if _, err := conn.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migrating schema %d → %d: %w", v, v+1, err)
		}
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id=%d; PRAGMA user_version=%d", applicationID, Version)); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return err
	}
	done = true
	return nil
}

// Path is the file the database lives in.
func (s *DB) Path() string { return s.path }

// Close updates the query planner's statistics where they are stale
// (PRAGMA optimize) and closes the database, checkpointing the WAL into
// the file.
func (s *DB) Close() error {
	s.db.Exec("PRAGMA optimize")
	return s.db.Close()
}

// Analyze gathers the query planner's statistics; run it after a large
// ingest.
func (s *DB) Analyze(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "ANALYZE")
	return err
}

// Check runs SQLite's integrity check and the store's invariants: every
// event and quote belongs to a stored article, and no article is stored
// twice.
func (s *DB) Check(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return err
	}
	var problems []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return err
		}
		if msg != "ok" {
			problems = append(problems, msg)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	checks := []struct{ what, q string }{
		{"events of no article", "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)"},
		{"quotes of no article", "SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)"},
		{"events without their row", "SELECT count(*) FROM events WHERE id NOT IN (SELECT id FROM event_rows)"},
		{"articles whose event count disagrees", "SELECT count(*) FROM articles a WHERE events != (SELECT count(*) FROM events e WHERE e.article_id = a.id)"},
		{"articles whose story is no stored article", "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.story)"},
		{"sketches of no article", "SELECT count(*) FROM sketches WHERE article NOT IN (SELECT id FROM articles)"},
		{"articles without their place in the order of storing", "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_seq o WHERE o.id = a.id)"},
		{"places in the order of storing of no article", "SELECT count(*) FROM article_seq WHERE id NOT IN (SELECT id FROM articles)"},
		{"search index entries of no article", "SELECT count(*) FROM articles_fts WHERE rowid NOT IN (SELECT n FROM article_seq)"},
		{"articles the search index lacks", "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM articles_fts)"},
	}
	for _, c := range checks {
		var n int
		if err := s.db.QueryRowContext(ctx, c.q).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			problems = append(problems, fmt.Sprintf("%d %s", n, c.what))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: integrity check failed: %v", s.path, problems)
	}
	return nil
}

// Stats counts rows.
func (s *DB) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM quotes),
		(SELECT count(*) FROM actors), (SELECT count(*) FROM history)`).
		Scan(&st.Articles, &st.Events, &st.Quotes, &st.Actors, &st.History)
	return st, err
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// Compact rewrites the database file without its free pages (VACUUM);
// it needs as much free disk as the file takes.
func (s *DB) Compact(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "VACUUM")
	return err
}
