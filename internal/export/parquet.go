package export

import (
	"io"
	"strings"

	"github.com/parquet-go/parquet-go"

	"sitrep/internal/cluster"
)

// ParquetRow is one event in the Parquet export. Optional columns are nil
// when unknown.
type ParquetRow struct {
	ID         string   `parquet:"id"`
	Type       string   `parquet:"type"`
	Mode       string   `parquet:"mode"`
	Date       string   `parquet:"date"`
	DateLo     string   `parquet:"date_lo"`
	DateHi     string   `parquet:"date_hi"`
	Actor1     string   `parquet:"actor1"`
	Actor1Code string   `parquet:"actor1_code"`
	Actor2     string   `parquet:"actor2"`
	Actor2Code string   `parquet:"actor2_code"`
	Place      string   `parquet:"place"`
	Country    string   `parquet:"country"`
	Admin1     string   `parquet:"admin1"`
	Latitude   *float64 `parquet:"latitude,optional"`
	Longitude  *float64 `parquet:"longitude,optional"`
	GeoPrec    string   `parquet:"geo_precision"`
	Fact       bool     `parquet:"fact"`
	Fatalities int64    `parquet:"fatalities"`
	Casualties string   `parquet:"casualties"`
	Reports    int64    `parquet:"reports"`
	Stories    int64    `parquet:"stories"`
	Outlets    string   `parquet:"outlets"`
	AssertedBy string   `parquet:"asserted_by"`
	Assertion  string   `parquet:"assertion"`
	Evidence   string   `parquet:"evidence"`
	URL        string   `parquet:"source_url"`
	CAMEO      string   `parquet:"cameo"`
}

// WriteParquet writes events as one Parquet file (zstd-compressed).
func WriteParquet(w io.Writer, events []cluster.Event) error {
	pw := parquet.NewGenericWriter[ParquetRow](w, parquet.Compression(&parquet.Zstd))
	rows := make([]ParquetRow, 0, min(len(events), 4096))
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		_, err := pw.Write(rows)
		rows = rows[:0]
		return err
	}
	for i := range events {
		rows = append(rows, parquetRow(&events[i]))
		if len(rows) == cap(rows) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return pw.Close()
}

// ReadParquet reads back what WriteParquet writes.
func ReadParquet(r io.ReaderAt, size int64) ([]ParquetRow, error) {
	f, err := parquet.OpenFile(r, size)
	if err != nil {
		return nil, err
	}
	pr := parquet.NewGenericReader[ParquetRow](f)
	defer pr.Close()
	out := make([]ParquetRow, f.NumRows())
	n, err := pr.Read(out)
	if err != nil && err != io.EOF {
		return nil, err
	}
	return out[:n], nil
}

func parquetRow(e *cluster.Event) ParquetRow {
	b := best(e)
	r := ParquetRow{
		ID: e.ID, Type: e.Type, Mode: e.Mode, Date: e.Date, DateLo: e.DateLo, DateHi: e.DateHi,
		Actor1: e.Actor1.Label(), Actor1Code: e.Actor1.Code, Actor2: e.Actor2.Label(), Actor2Code: e.Actor2.Code,
		Place: e.Place.Name, Country: e.Place.Country, Admin1: e.Place.Admin1, GeoPrec: e.Place.Precision,
		Fact: e.Fact, Fatalities: int64(e.Fatalities()), Casualties: tollText(e),
		Reports: int64(len(e.Reports)), Stories: int64(e.Stories), Outlets: strings.Join(e.Outlets, "; "),
		AssertedBy: strings.Join(e.AssertedBy, "; "), Assertion: b.Assertion, Evidence: b.Evidence, URL: b.URL, CAMEO: b.CAMEO,
	}
	if e.Place.HasCoord {
		lat, lon := e.Place.Lat, e.Place.Lon
		r.Latitude, r.Longitude = &lat, &lon
	}
	return r
}
