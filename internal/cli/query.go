package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"sitrep/internal/cluster"
	"sitrep/internal/export"
	"sitrep/internal/store"
)

// EventsOptions configures Events.
type EventsOptions struct {
	DB     string
	Filter store.EventFilter
	// Format is "table" (the default) or an export format: csv (ACLED
	// columns), tsv (GDELT 2.0), jsonl, geojson, parquet.
	Format string
	// Reports lists every report under each event in the table.
	Reports bool
	Cluster cluster.Config
}

// Events queries event reports, clusters them into real events and writes
// them. With Filter.FactsOnly an event is kept when at least one of its
// reports states it as fact, and then with all its reports (claims about
// its toll included); events only claimed are left out.
func Events(ctx context.Context, opt EventsOptions, stdout io.Writer) ([]cluster.Event, error) {
	db, err := open(ctx, opt.DB, false)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	f := opt.Filter
	facts := f.FactsOnly
	f.FactsOnly = false
	limit := f.Limit
	f.Limit = 0
	rows, err := db.Events(ctx, f)
	if err != nil {
		return nil, err
	}
	events := cluster.Group(rows, opt.Cluster)
	if facts {
		kept := events[:0]
		for _, e := range events {
			if e.Fact {
				kept = append(kept, e)
			}
		}
		events = kept
	}
	if limit > 0 && len(events) > limit {
		events = events[:limit]
	}
	if opt.Format == "" || opt.Format == "table" {
		return events, eventTable(stdout, events, opt.Reports)
	}
	return events, export.Write(stdout, export.Format(opt.Format), events)
}

func eventTable(w io.Writer, events []cluster.Event, reports bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tTYPE\tWHO → WHOM\tWHERE\tTOLL\tREPORTS\tSTATUS\tASSERTED BY")
	for _, e := range events {
		status := "fact"
		if !e.Fact {
			status = "claim"
		}
		toll := ""
		for _, t := range e.Tolls {
			r := strconv.Itoa(t.Low)
			if t.High > t.Low {
				r += "–" + strconv.Itoa(t.High)
			}
			if t.OpenEnded {
				r += "+"
			}
			toll += t.Kind + " " + r + " "
		}
		who := truncate(e.Actor1.Label(), 28) + " → " + truncate(e.Actor2.Label(), 28)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d (%d stories)\t%s\t%s\n", e.Date, e.Type, who, truncate(e.Place.Name, 24),
			strings.TrimSpace(toll), len(e.Reports), e.Stories, status, truncate(strings.Join(e.AssertedBy, "; "), 40))
		if reports {
			for _, r := range e.Reports {
				src := r.URL
				if src == "" {
					src = r.Source
				}
				fmt.Fprintf(tw, "\t  %s\t%s: %s\t\t\t\t%s\t%s\n", r.Published, r.Outlet, truncate(r.Evidence, 70), r.Assertion, truncate(src, 60))
			}
		}
	}
	if len(events) == 0 {
		fmt.Fprintln(tw, "(no events)")
	}
	return tw.Flush()
}

// eventFlags binds the event filter flags.
func eventFlags(fs *flag.FlagSet, f *store.EventFilter) (near *string) {
	fs.StringVar(&f.Actor, "actor", "", "source or target actor, by any name or alias")
	fs.StringVar(&f.Type, "type", "", "PLOVER event type (ASSAULT, ACCUSE, AGREE…)")
	fs.StringVar(&f.Mode, "mode", "", "PLOVER mode (aerial, …)")
	fs.StringVar(&f.Country, "country", "", "country of the place, ISO 3166-1 alpha-2 (SY)")
	fs.StringVar(&f.Place, "place", "", "a place by any of its names; with --radius")
	near = fs.String("near", "", "a point LAT,LON; with --radius")
	fs.Float64Var(&f.RadiusKm, "radius", store.DefaultRadiusKm, "radius around --place or --near, in km")
	fs.StringVar(&f.From, "from", "", "first date, YYYY[-MM[-DD]]")
	fs.StringVar(&f.To, "to", "", "last date, YYYY[-MM[-DD]]")
	fs.StringVar(&f.AssertedBy, "asserted-by", "", "who asserts the event (a source or an outlet)")
	fs.BoolVar(&f.FactsOnly, "facts-only", false, "leave out events that sources only claim")
	fs.StringVar(&f.Text, "search", "", "words of the evidence sentence (full text)")
	fs.IntVar(&f.Limit, "limit", 0, "at most this many events (0: all)")
	return near
}

// parsePoint reads "LAT,LON".
func parsePoint(s string) (lat, lon float64, err error) {
	a, b, ok := strings.Cut(s, ",")
	if ok {
		lat, err = strconv.ParseFloat(strings.TrimSpace(a), 64)
		if err == nil {
			lon, err = strconv.ParseFloat(strings.TrimSpace(b), 64)
		}
	}
	if !ok || err != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, &store.FilterError{Field: "--near", Value: s, Msg: "want LAT,LON in degrees, e.g. 33.5,38.6"}
	}
	return lat, lon, nil
}

func runEvents(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := NewFlags("events", "events [flags]", stderr)
	opt := EventsOptions{}
	fs.StringVar(&opt.DB, "db", DefaultDB, "database file")
	near := eventFlags(fs, &opt.Filter)
	fs.StringVar(&opt.Format, "format", "table", "table, csv (ACLED columns), tsv (GDELT 2.0), jsonl, geojson or parquet")
	fs.BoolVar(&opt.Reports, "reports", false, "list every report under each event (table)")
	if pos, err := ParseFlags(fs, args); err != nil || len(pos) > 0 {
		if err == nil {
			fmt.Fprintf(stderr, "sitrep events: unexpected argument %q\n", pos[0])
		}
		return ExitUsage
	}
	if !validFormat(opt.Format, append([]string{"table"}, formats()...)) {
		fmt.Fprintf(stderr, "sitrep events: unknown format %q (want table, csv, tsv, jsonl, geojson or parquet)\n", opt.Format)
		return ExitUsage
	}
	if *near != "" {
		lat, lon, err := parsePoint(*near)
		if err != nil {
			return fail(stderr, "events", err)
		}
		opt.Filter.Lat, opt.Filter.Lon, opt.Filter.HasPoint = lat, lon, true
	}
	out := bufio.NewWriterSize(stdout, 1<<16)
	if _, err := Events(ctx, opt, out); err != nil {
		out.Flush()
		return fail(stderr, "events", err)
	}
	if err := out.Flush(); err != nil {
		return fail(stderr, "events", err)
	}
	return ExitOK
}

func formats() []string {
	var s []string
	for _, f := range export.Formats {
		s = append(s, string(f))
	}
	return s
}

func validFormat(f string, allowed []string) bool {
	for _, a := range allowed {
		if f == a {
			return true
		}
	}
	return false
}

// writeRecords writes a table (header and rows) as a readable table, CSV,
// TSV, or (with objs) JSON Lines.
func writeRecords(w io.Writer, format string, header []string, rows [][]string, objs func(enc *json.Encoder) error) error {
	switch format {
	case "", "table":
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.ToUpper(strings.Join(header, "\t")))
		for _, r := range rows {
			fmt.Fprintln(tw, strings.Join(r, "\t"))
		}
		if len(rows) == 0 {
			fmt.Fprintln(tw, "(none)")
		}
		return tw.Flush()
	case "csv", "tsv":
		cw := csv.NewWriter(w)
		if format == "tsv" {
			cw.Comma = '\t'
		}
		cw.Write(header)
		cw.WriteAll(rows)
		return cw.Error()
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return objs(enc)
	}
	return fmt.Errorf("unknown format %q (want table, csv, tsv or jsonl)", format)
}

// QuotesOptions configures Quotes.
type QuotesOptions struct {
	DB     string
	Filter store.QuoteFilter
	Format string // table, csv, tsv, jsonl
}

// Quotes writes the quotes that match.
func Quotes(ctx context.Context, opt QuotesOptions, stdout io.Writer) error {
	db, err := open(ctx, opt.DB, false)
	if err != nil {
		return err
	}
	defer db.Close()
	qs, err := db.Quotes(ctx, opt.Filter)
	if err != nil {
		return err
	}
	table := opt.Format == "" || opt.Format == "table"
	var rows [][]string
	for _, q := range qs {
		content := q.Content
		if table {
			content = truncate(content, 80)
		}
		rows = append(rows, []string{q.Published, q.Speaker.Label(), q.Cue, content, q.Outlet, q.URL, q.ArticleID})
	}
	return writeRecords(stdout, opt.Format, []string{"published", "speaker", "cue", "quote", "outlet", "url", "article"}, rows,
		func(enc *json.Encoder) error {
			for i := range qs {
				if err := enc.Encode(&qs[i]); err != nil {
					return err
				}
			}
			return nil
		})
}

// ActorsOptions configures Actors.
type ActorsOptions struct {
	DB     string
	Filter store.ActorFilter
	Format string
}

// Actors writes the actors that match with their aliases and counts.
func Actors(ctx context.Context, opt ActorsOptions, stdout io.Writer) error {
	db, err := open(ctx, opt.DB, false)
	if err != nil {
		return err
	}
	defer db.Close()
	as, err := db.Actors(ctx, opt.Filter)
	if err != nil {
		return err
	}
	table := opt.Format == "" || opt.Format == "table"
	var rows [][]string
	for _, a := range as {
		aliases := strings.Join(a.Aliases, "; ")
		if table {
			aliases = truncate(aliases, 60)
		}
		rows = append(rows, []string{a.Label(), a.Code, a.Country, a.Sector, strconv.Itoa(a.Mentions), strconv.Itoa(a.Articles), strconv.Itoa(a.Events), aliases})
	}
	return writeRecords(stdout, opt.Format, []string{"name", "code", "country", "sector", "mentions", "articles", "events", "aliases"}, rows,
		func(enc *json.Encoder) error {
			for i := range as {
				if err := enc.Encode(&as[i]); err != nil {
					return err
				}
			}
			return nil
		})
}

// ArticlesOptions configures Articles.
type ArticlesOptions struct {
	DB     string
	Filter store.ArticleFilter
	Format string
}

// Articles writes the stored articles that match.
func Articles(ctx context.Context, opt ArticlesOptions, stdout io.Writer) error {
	db, err := open(ctx, opt.DB, false)
	if err != nil {
		return err
	}
	defer db.Close()
	as, err := db.Articles(ctx, opt.Filter)
	if err != nil {
		return err
	}
	table := opt.Format == "" || opt.Format == "table"
	var rows [][]string
	for _, a := range as {
		title, id := a.Title, a.ID
		if table {
			title, id = truncate(title, 60), id[:min(12, len(id))]
		}
		rows = append(rows, []string{a.Published, a.Outlet, title, strconv.Itoa(a.Events), strconv.Itoa(a.Quotes), a.Engine, id, a.URL})
	}
	return writeRecords(stdout, opt.Format, []string{"published", "outlet", "title", "events", "quotes", "engine", "id", "url"}, rows,
		func(enc *json.Encoder) error {
			for i := range as {
				if err := enc.Encode(&as[i]); err != nil {
					return err
				}
			}
			return nil
		})
}

// ChangesOptions configures Changes.
type ChangesOptions struct {
	DB      string
	Article string // "" for all
	Format  string
}

// Changes writes what reprocessing removed, changed or added.
func Changes(ctx context.Context, opt ChangesOptions, stdout io.Writer) error {
	db, err := open(ctx, opt.DB, false)
	if err != nil {
		return err
	}
	defer db.Close()
	cs, err := db.History(ctx, opt.Article)
	if err != nil {
		return err
	}
	var rows [][]string
	for _, c := range cs {
		var e store.EventRow
		js := c.Old
		if js == "" {
			js = c.New
		}
		json.Unmarshal([]byte(js), &e)
		rows = append(rows, []string{c.At, c.Kind, c.OldEngine + " → " + c.NewEngine, e.Type, e.Date, truncate(e.Evidence, 70), c.ArticleID[:min(12, len(c.ArticleID))]})
	}
	return writeRecords(stdout, opt.Format, []string{"at", "change", "engine", "type", "date", "evidence", "article"}, rows,
		func(enc *json.Encoder) error {
			for i := range cs {
				if err := enc.Encode(&cs[i]); err != nil {
					return err
				}
			}
			return nil
		})
}

// simple runs a query command whose options are bound by bind.
func simple(name, synopsis string, bind func(fs *flag.FlagSet, db, format *string), run func(ctx context.Context, db, format string, w io.Writer) error) func(context.Context, []string, io.Reader, io.Writer, io.Writer) int {
	return func(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
		fs := NewFlags(name, synopsis, stderr)
		var db, format string
		fs.StringVar(&db, "db", DefaultDB, "database file")
		fs.StringVar(&format, "format", "table", "table, csv, tsv or jsonl")
		bind(fs, &db, &format)
		if pos, err := ParseFlags(fs, args); err != nil || len(pos) > 0 {
			if err == nil {
				fmt.Fprintf(stderr, "sitrep %s: unexpected argument %q\n", name, pos[0])
			}
			return ExitUsage
		}
		if !validFormat(format, []string{"table", "csv", "tsv", "jsonl"}) {
			fmt.Fprintf(stderr, "sitrep %s: unknown format %q (want table, csv, tsv or jsonl)\n", name, format)
			return ExitUsage
		}
		out := bufio.NewWriterSize(stdout, 1<<16)
		if err := run(ctx, db, format, out); err != nil {
			out.Flush()
			return fail(stderr, name, err)
		}
		if err := out.Flush(); err != nil {
			return fail(stderr, name, err)
		}
		return ExitOK
	}
}

func runQuotes(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var f store.QuoteFilter
	return simple("quotes", "quotes [--speaker NAME] [--search WORDS] [flags]", func(fs *flag.FlagSet, _, _ *string) {
		fs.StringVar(&f.Speaker, "speaker", "", "the speaker, by any name or alias")
		fs.StringVar(&f.Text, "search", "", "words of the quote (full text)")
		fs.IntVar(&f.Limit, "limit", 0, "at most this many (0: all)")
	}, func(ctx context.Context, db, format string, w io.Writer) error {
		return Quotes(ctx, QuotesOptions{DB: db, Filter: f, Format: format}, w)
	})(ctx, args, stdin, stdout, stderr)
}

func runActors(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var f store.ActorFilter
	return simple("actors", "actors [--name WORDS] [flags]", func(fs *flag.FlagSet, _, _ *string) {
		fs.StringVar(&f.Name, "name", "", "words of the name or of any alias")
		fs.IntVar(&f.Limit, "limit", 0, "at most this many (0: all)")
	}, func(ctx context.Context, db, format string, w io.Writer) error {
		return Actors(ctx, ActorsOptions{DB: db, Filter: f, Format: format}, w)
	})(ctx, args, stdin, stdout, stderr)
}

func runArticles(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var f store.ArticleFilter
	return simple("articles", "articles [--search WORDS] [--outlet NAME] [flags]", func(fs *flag.FlagSet, _, _ *string) {
		fs.StringVar(&f.Search, "search", "", "words of the title or body (full text)")
		fs.StringVar(&f.Outlet, "outlet", "", "the outlet")
		fs.IntVar(&f.Limit, "limit", 0, "at most this many (0: all)")
	}, func(ctx context.Context, db, format string, w io.Writer) error {
		return Articles(ctx, ArticlesOptions{DB: db, Filter: f, Format: format}, w)
	})(ctx, args, stdin, stdout, stderr)
}

func runChanges(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var article string
	return simple("changes", "changes [--article ID] [flags]", func(fs *flag.FlagSet, _, _ *string) {
		fs.StringVar(&article, "article", "", "one article's content ID")
	}, func(ctx context.Context, db, format string, w io.Writer) error {
		return Changes(ctx, ChangesOptions{DB: db, Article: article, Format: format}, w)
	})(ctx, args, stdin, stdout, stderr)
}
