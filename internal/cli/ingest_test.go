package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"sitrep/internal/pipeline"
	"sitrep/internal/store"
	"sitrep/internal/store/sqlite"
	"sitrep/internal/store/storetest"
)

// TestStoriesAcrossRuns ingests the example page in one run and a near
// copy of it (another site's banner, a changed title) in a second: both
// are one story, the page's. A third run brings a copy published earlier
// the same day: the story ID of all three moves to it. An unrelated
// article stays a story of its own.
func TestStoriesAcrossRuns(t *testing.T) {
	page, ok := storetest.ExamplePage()
	if !ok {
		t.Skip("example page not found")
	}
	const (
		banner = "The Largest Security-Cleared Career Network for Defense and Intelligence Jobs - JOIN NOW"
		title  = "US Coalition Bombs Syrian Army, Enhances Terrorists in Palmyra - Russian MoD"
		date   = "16:48 09.06.2017(updated 21:50 09.06.2017)"
	)
	for _, s := range []string{banner, title, date} {
		if !bytes.Contains(page, []byte(s)) {
			t.Fatalf("the example page has changed: no %q", s)
		}
	}
	replace := func(pairs ...string) []byte {
		return []byte(strings.NewReplacer(pairs...).Replace(string(page)))
	}
	dir := filepath.Join(t.TempDir(), "in")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"page.txt":      page,
		"copy.txt":      replace(banner, "World News Mirror - Subscribe for $1", title, "Russia Says US-Led Coalition Strikes Syrian Army Near Al-Tanf"),
		"earlier.txt":   replace(banner, "Morning Wire", date, "09:05 09.06.2017"),
		"unrelated.txt": []byte("Local news\n\nCity Council Approves New Budget\n\nThe Town Herald\n\n10:00 08.06.2017\n\n" + strings.Repeat("The city council approved a budget for parks, schools and roads after a long debate on Thursday evening. ", 4)),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	db := filepath.Join(filepath.Dir(dir), "s.db")
	run := func(names ...string) {
		t.Helper()
		var paths []string
		for _, n := range names {
			paths = append(paths, filepath.Join(dir, n))
		}
		var log bytes.Buffer
		st, err := Ingest(ctx, IngestOptions{DB: db, Paths: paths, Engine: "t", NoAnalysis: true}, nil, &log)
		if err != nil || st.Stored != len(names) {
			t.Fatalf("ingest %v = %+v, %v\n%s", names, st, err, log.String())
		}
	}
	stories := func() map[string]string {
		t.Helper()
		s, err := sqlite.Open(ctx, db, sqlite.Options{NoCreate: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.Check(ctx); err != nil {
			t.Fatal(err)
		}
		rows, err := s.Articles(ctx, store.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]string{}
		for _, r := range rows {
			byID[r.ID] = filepath.Base(r.Source)
		}
		out := map[string]string{}
		for _, r := range rows {
			out[filepath.Base(r.Source)] = byID[r.Story]
		}
		return out
	}
	check := func(want map[string]string) {
		t.Helper()
		got := stories()
		for name, story := range want {
			if got[name] != story {
				t.Errorf("story of %s = %s, want %s (all: %v)", name, got[name], story, got)
			}
		}
	}
	run("page.txt", "unrelated.txt")
	run("copy.txt")
	check(map[string]string{"page.txt": "page.txt", "copy.txt": "page.txt", "unrelated.txt": "unrelated.txt"})
	run("earlier.txt")
	check(map[string]string{"page.txt": "earlier.txt", "copy.txt": "earlier.txt", "earlier.txt": "earlier.txt", "unrelated.txt": "unrelated.txt"})
	// Ingesting the same files again changes nothing.
	st, err := Ingest(ctx, IngestOptions{DB: db, Paths: []string{dir}, Engine: "t", NoAnalysis: true}, nil, io.Discard)
	if err != nil || st.Stored != 0 || st.Skipped != len(files) {
		t.Fatalf("third ingest: %+v, %v", st, err)
	}
	check(map[string]string{"page.txt": "earlier.txt", "copy.txt": "earlier.txt"})
}

// TestIngestLinksOldDatabase opens a database of schema 1 whose copies of
// one story were stored by separate runs, each its own story: the next
// ingest (here of nothing new) links them first and says so once; a
// reprocess after it has nothing left to link.
func TestIngestLinksOldDatabase(t *testing.T) {
	path, arts := corpusDB(t)
	ctx := context.Background()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`DROP TABLE sketches; DROP TABLE sketch_keys; DROP TABLE unsketched; DROP INDEX articles_story_of; DROP TABLE article_seq;
		UPDATE articles SET story = id; PRAGMA user_version = 1`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	var log bytes.Buffer
	st, err := Ingest(ctx, IngestOptions{DB: path, Paths: []string{filepath.Join(t.TempDir(), "none")}, Engine: "test"}, nil, &log)
	if err != nil && st.Failed != 1 {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "linking the articles stored by an earlier version") ||
		!strings.Contains(log.String(), fmt.Sprintf("%d stored articles linked", len(arts))) {
		t.Errorf("ingest did not say it linked the old articles:\n%s", log.String())
	}
	s, err := sqlite.Open(ctx, path, sqlite.Options{NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := s.Articles(ctx, store.ArticleFilter{})
	s.Close()
	story := map[string]string{}
	for _, r := range rows {
		story[r.ID] = r.Story
	}
	for _, a := range arts {
		if story[a.ID] != a.Meta.Story {
			t.Errorf("%s: story %s, want %s", a.Source, story[a.ID], a.Meta.Story)
		}
	}
	log.Reset()
	if _, err := Reprocess(ctx, ReprocessOptions{DB: path, Engine: "test"}, &log); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(log.String(), "linking") {
		t.Errorf("reprocess linked again:\n%s", log.String())
	}
}

// TestIngestReadTwice ingests a run in which every article is read three
// times: right after itself (while the first copy is in the pipeline) and
// again after every other (when its batch is stored). Each is analysed
// and stored once, the copies counted as skipped, and the run holds no
// more article IDs at once than the batches and the pipeline hold.
func TestIngestReadTwice(t *testing.T) {
	const n, batch, workers = 400, 16, 2
	dir := t.TempDir()
	src := filepath.Join(dir, "in.jsonl")
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for pass := range 2 {
		for i := range n {
			enc.Encode(genArticle(i))
			if pass == 0 {
				enc.Encode(genArticle(i))
			}
		}
	}
	f.Close()
	var analysed atomic.Int64
	p, _ := pipeline.New(cancelStage{n: -1, seen: &analysed, cancel: func() {}})
	peak := 0
	inFlightPeak = func(p int) { peak = p }
	defer func() { inFlightPeak = nil }()
	st, err := Ingest(context.Background(), IngestOptions{DB: filepath.Join(dir, "t.db"), Paths: []string{src}, Engine: "t",
		Pipeline: p, Batch: batch, Workers: workers}, nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if st.Stored != n || st.Skipped != 2*n || st.Failed != 0 || analysed.Load() != n {
		t.Errorf("ingest: %+v, %d analysed; want %d stored, %d skipped, each analysed once", st, analysed.Load(), n, 2*n)
	}
	// The pipeline holds at most 4 per worker and one on each side; the
	// ingest the batch being filled, the one queued and the one stored.
	if bound := 4*workers + 2 + 3*batch; peak == 0 || peak > bound {
		t.Errorf("at most %d article IDs held at once, want 1 to %d", peak, bound)
	}
	t.Logf("at most %d article IDs held at once", peak)
}
