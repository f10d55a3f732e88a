package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/news"

	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "t.db"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func corpus(t *testing.T) []*news.Article {
	t.Helper()
	page, ok := storetest.ExamplePage()
	if !ok {
		t.Skip("example page not found")
	}
	c, err := storetest.Corpus(page)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRefuses checks that Open refuses files it must not touch and leaves
// them byte for byte as they were.
func TestRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("my notes, not a database\n"), 0o644)

	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	newer := filepath.Join(dir, "newer.db")
	s, err := Open(ctx, newer, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA user_version=%d", Version+1)); err != nil {
		t.Fatal(err)
	}
	s.Close()

	for _, c := range []struct {
		path string
		want error
	}{{text, ErrNotSitrep}, {other, ErrNotSitrep}, {newer, ErrNewer}} {
		before, _ := os.ReadFile(c.path)
		_, err := Open(ctx, c.path, Options{})
		if !errors.Is(err, c.want) {
			t.Errorf("Open(%s) = %v, want %v", filepath.Base(c.path), err, c.want)
		}
		if after, _ := os.ReadFile(c.path); !bytes.Equal(before, after) {
			t.Errorf("Open(%s) changed the file", filepath.Base(c.path))
		}
	}
	if _, err := Open(ctx, filepath.Join(dir, "missing.db"), Options{NoCreate: true}); err == nil {
		t.Error("Open with NoCreate of a missing file: no error")
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("Open with NoCreate created the file")
	}
}

// TestReopen checks that a database opens again at its version and keeps
// its rows.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := corpus(t)
	if _, err := s.Put(ctx, c, "v1"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path, Options{NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, _ := s.Stats(ctx)
	if st.Articles != len(c) {
		t.Errorf("%d articles after reopening, want %d", st.Articles, len(c))
	}
}

// TestFullDisk fills a database capped in size, as a full disk would: the
// Put that does not fit fails with a clear error and rolls back whole; the
// batches before it stay, and the database passes its integrity check.
func TestFullDisk(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"), Options{MaxPageCount: 120})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := corpus(t)
	stored := 0
	var putErr error
	for i := 0; i < 200 && putErr == nil; i++ {
		batch := make([]*news.Article, len(c))
		for j, a := range c {
			b := *a
			b.ID = fmt.Sprintf("%s-%d", a.ID, i)
			batch[j] = &b
		}
		var n int
		n, putErr = s.Put(ctx, batch, "v1")
		stored += n
	}
	if putErr == nil {
		t.Fatal("the capped database never filled up")
	}
	if !strings.Contains(putErr.Error(), "full") || !strings.Contains(putErr.Error(), "rolled back") {
		t.Errorf("error does not say what happened: %v", putErr)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	st, _ := s.Stats(ctx)
	if st.Articles != stored || stored%len(c) != 0 {
		t.Errorf("%d articles stored, %d reported: a batch was half written", st.Articles, stored)
	}
}

// FuzzEventFilter runs arbitrary filter values against the corpus: the
// only errors are FilterErrors, and no query changes the database.
func FuzzEventFilter(f *testing.F) {
	f.Add("al-Tanf", "2017-05", "2017-06", "'; DROP TABLE events; --", `" OR 1=1`)
	f.Add("%", "_", "\\", "NEAR(a b)", "*")
	page, ok := storetest.ExamplePage()
	if !ok {
		f.Skip("example page not found")
	}
	c, err := storetest.Corpus(page)
	if err != nil {
		f.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(f.TempDir(), "f.db"), Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Put(ctx, c, "fuzz"); err != nil {
		f.Fatal(err)
	}
	before, _ := s.Stats(ctx)
	f.Fuzz(func(t *testing.T, a, b, c, d, e string) {
		for _, flt := range []store.EventFilter{
			{Actor: a, Type: b, Mode: c, Country: d, Text: e},
			{Place: a, From: b, To: c, AssertedBy: d, FactsOnly: true},
			{Text: a + " " + e, Limit: 3},
		} {
			_, err := s.Events(ctx, flt)
			var fe *store.FilterError
			if err != nil && !errors.As(err, &fe) {
				t.Fatalf("Events(%+v): %v", flt, err)
			}
		}
		if _, err := s.Quotes(ctx, store.QuoteFilter{Text: e}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Articles(ctx, store.ArticleFilter{Search: a, Outlet: b}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Actors(ctx, store.ActorFilter{Name: c}); err != nil {
			t.Fatal(err)
		}
		if after, _ := s.Stats(ctx); after != before {
			t.Fatalf("a query changed the database: %+v → %+v", before, after)
		}
	})
}

// TestMigrateLinksStored upgrades a database of schema 1 in place, whose
// copies of one story were stored in separate runs and so were never
// linked: its articles still read back, a re-analysis of one of them
// works before they are linked, and LinkStored, a few articles at a time,
// gives every article the story of its copies; new copies then join them.
func TestMigrateLinksStored(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	c := corpus(t)
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, c, "v1"); err != nil {
		t.Fatal(err)
	}
	// Back to schema 1, every article in a story of its own.
	if _, err := s.db.Exec(`DROP TABLE sketches; DROP TABLE sketch_keys; DROP TABLE unsketched; DROP INDEX articles_story_of; DROP TABLE article_seq;
		UPDATE articles SET story = id; PRAGMA user_version = 1`); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(ctx, path, Options{NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ver int
	s.db.QueryRow("PRAGMA user_version").Scan(&ver)
	if ver != Version {
		t.Fatalf("schema %d after opening, want %d", ver, Version)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	if a, err := s.Article(ctx, c[0].ID); err != nil || a.Text != c[0].Text {
		t.Fatalf("an article of the old database does not read back: %v", err)
	}
	re := *c[1]
	if _, err := s.Replace(ctx, &re, "v2"); err != nil {
		t.Fatal(err)
	}
	linked := 0
	for {
		n, err := s.LinkStored(ctx, 4)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
		linked += n
	}
	if linked != len(c)-1 { // the re-analysed one is linked already
		t.Errorf("LinkStored linked %d articles, want %d", linked, len(c)-1)
	}
	stories := map[string]string{}
	rows, _ := s.Articles(ctx, store.ArticleFilter{})
	for _, r := range rows {
		stories[r.ID] = r.Story
	}
	for _, a := range c {
		if stories[a.ID] != a.Meta.Story {
			t.Errorf("%s (%s): story %s, want %s", a.ID, a.Source, stories[a.ID], a.Meta.Story)
		}
	}
	// A new copy of the example page, from an earlier hour, joins its copies
	// and becomes their story.
	early := *c[0]
	early.ID, early.Source = "early-copy", "early.txt"
	early.Text = "Republished by another site.\n\n" + c[0].Text
	early.Meta.Story = ""
	early.Meta.Published.Time = early.Meta.Published.Time.Add(-time.Hour)
	if _, err := s.Put(ctx, []*news.Article{&early}, "v2"); err != nil {
		t.Fatal(err)
	}
	n := 0
	rows, _ = s.Articles(ctx, store.ArticleFilter{})
	for _, r := range rows {
		if r.Story == "early-copy" {
			n++
		}
	}
	if n != 4 { // the page, its two copies and the new one
		t.Errorf("%d articles in the story of the earlier copy, want 4", n)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

// TestConcurrentOpen opens a new database from several connections at
// once, as an ingest creating it and a query polling it do: one migrates
// it, the others wait and find it migrated.
func TestConcurrentOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	const n = 6
	errs := make(chan error, n)
	for range n {
		go func() {
			s, err := Open(ctx, path, Options{})
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	s, err := Open(ctx, path, Options{NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ver int
	s.db.QueryRow("PRAGMA user_version").Scan(&ver)
	if ver != Version {
		t.Errorf("schema %d, want %d", ver, Version)
	}
}

// TestConcurrentWriters puts batches from two programs' connections to
// one database at once: each Put reads (the stories of copies) before it
// writes, and none fails because the other committed in between.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.db")
	c := corpus(t)
	errs := make(chan error, 2)
	for w := range 2 {
		s, err := Open(ctx, path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		go func() {
			for i := range 5 {
				batch := make([]*news.Article, len(c))
				for j, a := range c {
					b := *a
					b.ID = fmt.Sprintf("%s-%d-%d", a.ID, w, i)
					b.Meta.Story = ""
					batch[j] = &b
				}
				if _, err := s.Put(ctx, batch, "v1"); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

// TestMigrateKeepsSearch upgrades a schema-2 database in which an
// article was re-analysed (so it was stored again under a new rowid, as
// schema 2's Replace did) and which was then vacuumed: full-text search
// finds each article, IDs keeps the order schema 2 gave, and re-analysing
// or storing after the upgrade keeps both right.
func TestMigrateKeepsSearch(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v2.db")
	doc := func(i int) *news.Article {
		var w []string
		for j := range 30 {
			w = append(w, fmt.Sprintf("mig%dx%d", i, j))
		}
		text := strings.Join(w, " ")
		a := &news.Article{ID: fmt.Sprintf("m%d", i), Source: "m.txt", Format: news.FormatBody, Original: []byte(text), Text: text}
		a.Meta.Title = fmt.Sprintf("Title %d", i)
		return a
	}
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*news.Article
	for i := range 5 {
		docs = append(docs, doc(i))
		if _, err := s.Put(ctx, docs[i:], "v2"); err != nil {
			t.Fatal(err)
		}
	}
	// Back to schema 2: articles_fts by the rowid of articles (equal to
	// article_seq.n while nothing was replaced), unsketched as it was.
	if _, err := s.db.Exec(`DROP TABLE article_seq; DROP TABLE unsketched; CREATE TABLE unsketched (id TEXT PRIMARY KEY);
		PRAGMA user_version = 2`); err != nil {
		t.Fatal(err)
	}
	// Schema 2's Replace of m1: deleted, stored again at the end.
	for _, q := range []string{
		`DELETE FROM articles_fts WHERE rowid = (SELECT rowid FROM articles WHERE id = 'm1')`,
		`CREATE TEMP TABLE again AS SELECT * FROM articles WHERE id = 'm1'`,
		`DELETE FROM articles WHERE id = 'm1'`,
		`INSERT INTO articles SELECT * FROM again`,
		`DROP TABLE again`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	if _, err := s.db.Exec(`INSERT INTO articles_fts (rowid, title, text) VALUES ((SELECT rowid FROM articles WHERE id = 'm1'), ?, ?)`,
		docs[1].Meta.Title, docs[1].Text); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("VACUUM"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(ctx, path, Options{NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	order := []string{"m0", "m2", "m3", "m4", "m1"} // as schema 2 left it
	check := func(when string) {
		t.Helper()
		if ids, err := s.IDs(ctx); err != nil || !slices.Equal(ids, order) {
			t.Errorf("%s: IDs = %v, %v; want %v", when, ids, err, order)
		}
		for _, a := range docs {
			word := strings.Fields(a.Text)[7]
			rows, err := s.Articles(ctx, store.ArticleFilter{Search: word})
			if err != nil || len(rows) != 1 || rows[0].ID != a.ID {
				t.Errorf("%s: search %q = %v, %v; want %s", when, word, rows, err, a.ID)
			}
		}
		if err := s.Check(ctx); err != nil {
			t.Errorf("%s: %v", when, err)
		}
	}
	check("after the upgrade")
	if _, err := s.Replace(ctx, docs[2], "v3"); err != nil {
		t.Fatal(err)
	}
	docs = append(docs, doc(5))
	if _, err := s.Put(ctx, docs[5:], "v3"); err != nil {
		t.Fatal(err)
	}
	order = append(order, "m5")
	if err := s.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	check("after Replace, Put and Compact")
}
