package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/cluster"
	"sitrep/internal/export"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
	"sitrep/internal/store/sqlite"
	"sitrep/internal/store/storetest"
	"sitrep/news"
)

// corpusDB ingests the test corpus (the example page, its near copies and
// the written articles about the same strikes, layers set by hand) into a
// new database, through the same ingest loop as `sitrep ingest`, and
// returns its path.
func corpusDB(t *testing.T) (string, []*news.Article) {
	t.Helper()
	page, ok := storetest.ExamplePage()
	if !ok {
		t.Skip("example page not found")
	}
	arts, err := storetest.Corpus(page)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sitrep.db")
	st := ingestAll(t, path, arts)
	if st.Stored != len(arts) || st.Failed != 0 {
		t.Fatalf("ingest: %+v, want %d stored", st, len(arts))
	}
	return path, arts
}

// ingestAll stores analysed articles with a pipeline of no stages.
func ingestAll(t *testing.T, path string, arts []*news.Article) IngestStats {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, _ := pipeline.New()
	var in iter.Seq2[*news.Article, error] = func(yield func(*news.Article, error) bool) {
		for _, a := range arts {
			c := *a // the pipeline and the syndicate index write to it
			if !yield(&c, nil) {
				return
			}
		}
	}
	var st IngestStats
	var log bytes.Buffer
	if err := ingest(ctx, db, p, in, IngestOptions{Engine: "test", Batch: 5}, &st, nil, &log); err != nil {
		t.Fatal(err, log.String())
	}
	if err := db.Check(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

type strike struct {
	date             string
	reports, stories int
}

func strikes(events []cluster.Event) []strike {
	var s []strike
	for _, e := range events {
		s = append(s, strike{e.Date, len(e.Reports), e.Stories})
	}
	return s
}

// TestAlTanf is the acceptance test: events near al-Tanf (50 km)
// in May–June 2017 are the May 18, June 6 and June 8 strikes once each,
// with all their reports; --facts-only leaves out the strike that only
// the Russian military claims.
func TestAlTanf(t *testing.T) {
	path, arts := corpusDB(t)
	ctx := context.Background()
	f := store.EventFilter{Place: "al-Tanf", RadiusKm: 50, From: "2017-05", To: "2017-06", Type: "ASSAULT"}
	var out bytes.Buffer
	all, err := Events(ctx, EventsOptions{DB: path, Filter: f, Reports: true}, &out)
	if err != nil {
		t.Fatal(err)
	}
	want := []strike{{"2017-05-18", 6, 4}, {"2017-06-01", 2, 2}, {"2017-06-06", 10, 4}, {"2017-06-08", 5, 3}}
	if got := strikes(all); !slices.Equal(got, want) {
		t.Errorf("events = %v\nwant %v\n%s", got, want, out.String())
	}
	f.FactsOnly = true
	facts, err := Events(ctx, EventsOptions{DB: path, Filter: f}, &out)
	if err != nil {
		t.Fatal(err)
	}
	want = []strike{{"2017-05-18", 6, 4}, {"2017-06-06", 10, 4}, {"2017-06-08", 5, 3}}
	if got := strikes(facts); !slices.Equal(got, want) {
		t.Errorf("facts only = %v\nwant %v", got, want)
	}
	// Every report of the corpus that states one of these strikes is in it.
	for _, e := range facts {
		n := 0
		for _, a := range arts {
			for _, ev := range a.Events {
				if ev.Type == "ASSAULT" && ev.Date == e.Date {
					n++
				}
			}
		}
		if n != len(e.Reports) {
			t.Errorf("%s: %d reports, the corpus has %d", e.Date, len(e.Reports), n)
		}
	}
	// Re-ingesting changes nothing.
	if st := ingestAll(t, path, arts); st.Stored != 0 || st.Skipped != len(arts) {
		t.Errorf("second ingest = %+v, want all skipped", st)
	}
	again, _ := Events(ctx, EventsOptions{DB: path, Filter: f}, &out)
	if !slices.Equal(strikes(again), strikes(facts)) {
		t.Error("second ingest changed the events")
	}
}

// TestExports writes the corpus database in every format and reads each back.
func TestExports(t *testing.T) {
	path, _ := corpusDB(t)
	ctx := context.Background()
	f := store.EventFilter{}
	for _, format := range export.Formats {
		var buf bytes.Buffer
		events, err := Events(ctx, EventsOptions{DB: path, Filter: f, Format: string(format)}, &buf)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		switch format {
		case export.ACLED:
			recs, err := csv.NewReader(&buf).ReadAll()
			if err != nil || len(recs) != len(events)+1 || recs[0][0] != "event_id_cnty" {
				t.Errorf("ACLED CSV: %d records, %v", len(recs), err)
			}
		case export.GDELT:
			for _, l := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
				if n := strings.Count(l, "\t") + 1; n != 61 {
					t.Errorf("GDELT line has %d columns", n)
				}
			}
		case export.GeoJSON:
			if err := export.ValidateGeoJSON(buf.Bytes()); err != nil {
				t.Error(err)
			}
		case export.Parquet:
			rows, err := export.ReadParquet(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
			if err != nil || len(rows) != len(events) {
				t.Errorf("Parquet: %d rows, %v", len(rows), err)
			}
		case export.JSONL:
			if n := strings.Count(buf.String(), "\n"); n != len(events) {
				t.Errorf("JSONL: %d lines, want %d", n, len(events))
			}
		}
	}
}

// run runs a command as cmd/sitrep would.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	for _, c := range Commands("test") {
		if c.Name == args[0] {
			var o, e bytes.Buffer
			code := c.Run(context.Background(), args[1:], strings.NewReader(""), &o, &e)
			return code, o.String(), e.String()
		}
	}
	t.Fatalf("no command %q", args[0])
	return
}

func TestCommandMessages(t *testing.T) {
	path, _ := corpusDB(t)
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	os.WriteFile(notDB, []byte("not a database"), 0o644)
	tests := []struct {
		args []string
		code int
		out  string // in stdout
		err  string // in stderr
	}{
		{[]string{"events", "--db", path, "--place", "al-Tanf", "--radius", "50", "--from", "2017-05", "--to", "2017-06", "--type", "assault", "--facts-only"}, 0, "2017-06-08", ""},
		{[]string{"events", "--db", path, "--actor", "Ruritanian Navy"}, 1, "", `--actor "Ruritanian Navy": no actor`},
		{[]string{"events", "--db", path, "--from", "2017-06", "--to", "2017-05"}, 1, "", "ends before it starts"},
		{[]string{"events", "--db", path, "--near", "north"}, 1, "", "want LAT,LON"},
		{[]string{"events", "--db", path, "--format", "xml"}, 2, "", "unknown format"},
		{[]string{"events", "--db", notDB}, 1, "", "not a sitrep database"},
		{[]string{"events", "--db", filepath.Join(dir, "missing.db")}, 1, "", "no database"},
		{[]string{"events", "--db", path, "--near", "35.95,39.0", "--radius", "20", "--format", "jsonl"}, 0, "Raqqa", ""},
		{[]string{"quotes", "--db", path, "--speaker", "Rudskoy"}, 0, "We see that", ""},
		{[]string{"quotes", "--db", path, "--speaker", "Nobody Atall"}, 1, "", "no actor"},
		{[]string{"actors", "--db", path, "--name", "coalition", "--format", "csv"}, 0, "US-led coalition", ""},
		{[]string{"articles", "--db", path, "--search", "drone"}, 0, "Levant Wire", ""},
		{[]string{"articles", "--db", path, "--search", `'); DROP TABLE articles; --`}, 0, "(none)", ""},
		{[]string{"changes", "--db", path}, 0, "(none)", ""},
	}
	for _, tt := range tests {
		code, out, errs := run(t, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errs, tt.err) {
			t.Errorf("sitrep %s\n= %d\n%s\n%s\nwant %d, %q in stdout, %q in stderr", strings.Join(tt.args, " "), code, out, errs, tt.code, tt.out, tt.err)
		}
	}
	if b, _ := os.ReadFile(notDB); string(b) != "not a database" {
		t.Error("a file that is not a database was changed")
	}
}

// tagStage is a stage for the reprocessing test: it codes one event of the
// given type on the first sentence.
type tagStage struct{ typ string }

func (tagStage) Name() string       { return "event" }
func (tagStage) Requires() []string { return nil }
func (s tagStage) Apply(a *news.Article) error {
	if len(a.Sentences) == 0 {
		return nil
	}
	sp := a.Sentences[0].Span
	a.Events = append(a.Events, news.Event{Type: s.typ, Evidence: sp, Trigger: sp, Source: -1, Target: -1, Place: -1, Time: -1, Content: -1,
		Assert: news.Assertion{How: "reported", Quote: -1, Speaker: -1}})
	return nil
}

// TestReprocess ingests the example page without analysis, then
// re-analyses it twice with engines that code it differently: the rows
// record each engine version and the history keeps what changed.
func TestReprocess(t *testing.T) {
	if _, ok := storetest.ExamplePage(); !ok {
		t.Skip("example page not found")
	}
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "r.db")
	var log bytes.Buffer
	st, err := Ingest(ctx, IngestOptions{DB: db, Paths: []string{"../../testdata/examples"}, Engine: "v1", NoAnalysis: true}, nil, &log)
	if err != nil || st.Stored != 2 { // the page and its .expected.md
		t.Fatalf("ingest = %+v, %v\n%s", st, err, log.String())
	}
	full, err := pipeline.Default(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var base []pipeline.Stage // extract and segment: the tag stage codes the rest
	for _, s := range full.Stages {
		if s.Name() == "extract" || s.Name() == "segment" {
			base = append(base, s)
		}
	}
	for _, v := range []struct{ engine, typ string }{{"v2", "ASSAULT"}, {"v3", "COERCE"}} {
		p, _ := pipeline.New(append(slices.Clone(base), tagStage{v.typ})...)
		rs, err := Reprocess(ctx, ReprocessOptions{DB: db, Engine: v.engine, Pipeline: p}, &log)
		if err != nil || rs.Articles != 2 {
			t.Fatalf("reprocess %s = %+v, %v\n%s", v.engine, rs, err, log.String())
		}
	}
	// Nothing to do at the same version.
	if rs, err := Reprocess(ctx, ReprocessOptions{DB: db, Engine: "v3", Pipeline: full}, &log); err != nil || rs.Articles != 0 || rs.Skipped != 2 {
		t.Errorf("reprocess at the current version = %+v, %v", rs, err)
	}
	var out bytes.Buffer
	if err := Changes(ctx, ChangesOptions{DB: db, Format: "jsonl"}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"kind":"added","old_engine":"v1","new_engine":"v2"`, `"kind":"removed","old_engine":"v2","new_engine":"v3"`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("history lacks %s:\n%s", want, out.String())
		}
	}
	evs, err := Events(ctx, EventsOptions{DB: db, Format: "jsonl"}, &out)
	if err != nil || len(evs) != 2 || evs[0].Type != "COERCE" || evs[0].Reports[0].Engine != "v3" {
		t.Errorf("events after reprocessing = %d, %v; want the two COERCE events of engine v3", len(evs), err)
	}
}
