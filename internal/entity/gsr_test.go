package entity

import (
	"encoding/json"
	"flag"
	"hash/fnv"
	"os"
	"strings"
	"testing"

	"sitrep/internal/segment"
	"sitrep/news"
)

// gsrDev prints the development part's misses of TestGSRActors.
var gsrDev = flag.Bool("gsr-dev", false, "print the PLOVER-GSR development sentences whose gold actors no mention codes")

const gsrFile = "../../../shared/eval/plover-gsr-cameo/PLOVER_GSR_CAMEO.json"

type gsrActor struct {
	Text   string `json:"actorText"`
	Code   string `json:"code"`
	Sector string `json:"sector"`
}

type gsrActors []gsrActor

func (g *gsrActors) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '[' {
		return json.Unmarshal(b, (*[]gsrActor)(g))
	}
	*g = nil
	return nil
}

// gsrHeldOut is the event scorer's split: FNV-1a 32 of the id mod 3 == 0
// is held out.
func gsrHeldOut(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%3 == 0
}

// TestGSRActors measures how many gold source and target actors of
// PLOVER-GSR some mention of the sentence codes with the gold country and
// sector: an upper bound for the event scorer's actor match, which also
// needs the event stage to pick that mention. Held-out sentences are
// scored but never printed.
func TestGSRActors(t *testing.T) {
	b, err := os.ReadFile(gsrFile)
	if err != nil {
		t.Skip("plover-gsr-cameo not present:", err)
	}
	var recs []struct {
		ID     string    `json:"id"`
		Event  string    `json:"event"`
		Text   string    `json:"text"`
		Source gsrActors `json:"source"`
		Target gsrActors `json:"target"`
	}
	if err := json.Unmarshal(b, &recs); err != nil {
		t.Fatal(err)
	}
	st := testStage(t)
	seg := segment.New(segment.Config{})
	var n, ok [2]int // dev, held out
	for _, r := range recs {
		if r.Event == "DOCUMENT" || r.Text == "" {
			continue
		}
		a := &news.Article{ID: r.ID, Text: r.Text, Paragraphs: []news.Span{{Start: 0, End: len(r.Text)}}}
		if err := seg.Apply(a); err != nil {
			t.Fatal(err)
		}
		if err := st.Apply(a); err != nil {
			t.Fatal(err)
		}
		part := 0
		if gsrHeldOut(r.ID) {
			part = 1
		}
		for _, gold := range []gsrActors{r.Source, r.Target} {
			for _, g := range gold {
				n[part]++
				hit := false
				for _, m := range a.Mentions {
					if gsrCountry(m.Actor, g.Code) && (gsrSector(g.Sector) == "" || gsrSector(g.Sector) == gsrSector(m.Actor.Sector)) {
						hit = true
						break
					}
				}
				if hit {
					ok[part]++
				} else if *gsrDev && part == 0 {
					t.Logf("%s: %q %s/%s in %q\n\t%s", r.ID, g.Text, g.Code, g.Sector, r.Text, describe(a))
				}
			}
		}
	}
	t.Logf("gold actors coded by some mention: dev %d/%d = %.3f, held out %d/%d = %.3f",
		ok[0], n[0], float64(ok[0])/float64(max(n[0], 1)), ok[1], n[1], float64(ok[1])/float64(max(n[1], 1)))
}

func gsrCountry(act news.Actor, code string) bool {
	code = strings.ToUpper(code)
	if code == "JAP" {
		code = "JPN"
	}
	switch code {
	case "":
		return false
	case "IGO", "NGO", "MNC":
		return strings.HasPrefix(strings.ToUpper(act.Code), code) || gsrSector(act.Sector) == code || strings.EqualFold(act.Kind, code)
	}
	return strings.EqualFold(act.Country, code) || strings.HasPrefix(strings.ToUpper(act.Code), code)
}

// gsrSector is the event scorer's sector mapping.
func gsrSector(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || strings.HasPrefix(s, "*") {
		return ""
	}
	for _, p := range [][2]string{
		{"gov", "GOV"}, {"state", "GOV"}, {"mil", "MIL"}, {"reb", "REB"}, {"insurg", "REB"},
		{"cvl", "CVL"}, {"civ", "CVL"}, {"opp", "OPP"}, {"cop", "COP"}, {"police", "COP"},
		{"ref", "REF"}, {"leg", "LEG"}, {"eli", "ELI"}, {"jud", "JUD"}, {"uaf", "UAF"}, {"armed", "UAF"},
		{"med", "MED"}, {"jrn", "MED"}, {"journal", "MED"}, {"edu", "EDU"}, {"lab", "LAB"},
		{"bus", "BUS"}, {"crm", "CRM"}, {"crim", "CRM"}, {"pty", "PTY"}, {"part", "PTY"},
		{"spy", "SPY"}, {"intel", "SPY"}, {"rel", "REL"}, {"agr", "AGR"}, {"soc", "SOC"},
		{"igo", "IGO"}, {"ngo", "NGO"},
	} {
		if strings.HasPrefix(s, p[0]) {
			return p[1]
		}
	}
	if len(s) > 3 {
		s = s[:3]
	}
	return strings.ToUpper(s)
}
