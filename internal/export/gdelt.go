package export

import (
	"bufio"
	"encoding/hex"
	"io"
	"strconv"
	"strings"

	"sitrep/internal/cluster"
	"sitrep/internal/store"
)

// GDELTColumns are the 61 columns of a GDELT 2.0 event record, in order.
var GDELTColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// WriteGDELT writes events as GDELT 2.0 event records: tab-separated, 61
// columns, no header (as GDELT's files), one line per event. Tabs and
// newlines inside values become spaces.
//
// Where sitrep differs from GDELT: GlobalEventID is a 48-bit number
// derived from sitrep's event ID; the geographic country codes are ISO
// 3166-1 alpha-2 rather than FIPS 10-4; the actors' geography is left
// empty (sitrep places the action, not each actor); AvgTone is empty;
// NumMentions counts reports, NumSources outlets and NumArticles articles;
// DATEADDED is the first report's publication time.
func WriteGDELT(w io.Writer, events []cluster.Event) error {
	bw := bufio.NewWriter(w)
	cols := make([]string, len(GDELTColumns))
	for i := range events {
		gdeltRow(&events[i], cols)
		for j, c := range cols {
			if j > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(clean(c))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

var cleaner = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

func clean(s string) string {
	if strings.ContainsAny(s, "\t\n\r") {
		return cleaner.Replace(s)
	}
	return s
}

func gdeltRow(e *cluster.Event, c []string) {
	for i := range c {
		c[i] = ""
	}
	b := best(e)
	c[0] = globalID(e.ID)
	if d := e.Date; len(d) >= 10 {
		c[1], c[2], c[3] = d[0:4]+d[5:7]+d[8:10], d[0:4]+d[5:7], d[0:4]
		y, m, day := atoi(d[0:4]), atoi(d[5:7]), atoi(d[8:10])
		c[4] = strconv.FormatFloat(float64(y)+(float64((m-1)*30+day))/365, 'f', 4, 64)
	} else if len(d) >= 4 {
		c[3] = d[:4]
	}
	actor(e.Actor1, c[5:15])
	actor(e.Actor2, c[15:25])
	c[25] = "1"
	cameo := b.CAMEO
	c[26] = cameo
	if len(cameo) >= 3 {
		c[27] = cameo[:3]
	}
	if len(cameo) >= 2 {
		c[28] = cameo[:2]
	}
	if b.QuadClass > 0 {
		c[29] = strconv.Itoa(b.QuadClass)
	}
	if cameo != "" {
		c[30] = strconv.FormatFloat(b.Goldstein, 'f', 1, 64)
	}
	c[31], c[32], c[33] = strconv.Itoa(len(e.Reports)), strconv.Itoa(len(e.Outlets)), strconv.Itoa(articles(e))
	geo(e.Place, c[51:59])
	if len(b.Published) >= 10 {
		p := strings.NewReplacer("-", "", "T", "", ":", "").Replace(b.Published)
		c[59] = (p + "000000")[:14]
	}
	c[60] = b.URL
}

// globalID turns "ev-1a2b3c4d5e6f" into its 48-bit number.
func globalID(id string) string {
	b, err := hex.DecodeString(strings.TrimPrefix(id, "ev-"))
	if err != nil || len(b) > 7 {
		return ""
	}
	var n uint64
	for _, x := range b {
		n = n<<8 | uint64(x)
	}
	return strconv.FormatUint(n, 10)
}

// actor fills Code, Name, CountryCode, KnownGroupCode, EthnicCode,
// Religion1, Religion2, Type1, Type2, Type3.
func actor(a store.ActorRef, c []string) {
	c[0], c[1], c[2] = a.Code, strings.ToUpper(a.Label()), a.Country
	copy(c[7:10], typeCodes(a))
}

// typeCodes are the CAMEO actor types of an actor, at most three: the
// three-letter role codes after its country in its CAMEO code ("GBRGOVMIL"
// → GOV, MIL), else the code of its sector.
func typeCodes(a store.ActorRef) []string {
	if a.Country != "" && len(a.Code) > 3 && len(a.Code)%3 == 0 && strings.HasPrefix(a.Code, a.Country) {
		var out []string
		for i := 3; i+3 <= len(a.Code) && len(out) < 3; i += 3 {
			out = append(out, a.Code[i:i+3])
		}
		return out
	}
	if t := sectorType(a.Sector); t != "" {
		return []string{t}
	}
	return nil
}

// sectorType is the CAMEO actor type of a knowledge-base sector word.
func sectorType(sector string) string {
	switch sector {
	case "military":
		return "MIL"
	case "government":
		return "GOV"
	case "rebel":
		return "REB"
	case "police":
		return "COP"
	case "media":
		return "MED"
	case "civilians":
		return "CVL"
	case "igo":
		return "IGO"
	case "ngo":
		return "NGO"
	case "militia":
		return "UAF"
	}
	return ""
}

// geo fills Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long,
// FeatureID. Type: 1 country, 4 world city, 5 world state (region).
func geo(p store.PlaceRef, c []string) {
	if p.Name == "" && !p.HasCoord {
		return
	}
	switch p.Precision {
	case "country":
		c[0] = "1"
	case "region":
		c[0] = "5"
	default:
		c[0] = "4"
	}
	name := p.Name
	if p.Admin1 != "" && p.Admin1 != p.Name {
		name += ", " + p.Admin1
	}
	if cc, ok := CountryOf(p.Country); ok && cc.Name != p.Name {
		name += ", " + cc.Name
	}
	c[1], c[2] = name, p.Country
	if p.HasCoord {
		c[5], c[6] = strconv.FormatFloat(p.Lat, 'f', 4, 64), strconv.FormatFloat(p.Lon, 'f', 4, 64)
	}
	if p.GeonameID > 0 {
		c[7] = strconv.Itoa(p.GeonameID)
	}
}
