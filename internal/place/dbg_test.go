package place

import (
	"encoding/xml"
	"fmt"
	"os"
	"sort"
	"testing"

	"sitrep/news"
)

func TestDbgErrors(t *testing.T) {
	f, _ := os.Open(geovirusDir + "/GeoVirus.xml")
	var doc struct {
		Articles []gvArticle `xml:"article"`
	}
	xml.NewDecoder(f).Decode(&doc)
	s := stage(t)
	errs := map[string]int{}
	fps := map[string]int{}
	fns := map[string]int{}
	for _, ga := range doc.Articles {
		if HeldOut(ga.Source) {
			continue
		}
		golds, _ := goldSpans(ga)
		a := &news.Article{Text: ga.Text, Meta: news.Meta{URL: ga.Source}}
		s.Apply(a)
		used := make([]bool, len(golds))
		for _, p := range a.Places {
			hit := -1
			for j, g := range golds {
				if !used[j] && g.span.Overlaps(p.Span) {
					hit = j
					break
				}
			}
			if hit < 0 {
				fps[a.Covered(p.Span)+" → "+p.Name+"/"+p.Country]++
				continue
			}
			used[hit] = true
			g := golds[hit]
			if d := distanceKM(p.Lat, p.Lon, g.lat, g.lon); d > 161 {
				errs[fmt.Sprintf("%s → %s/%s/%s %s (gold %.1f,%.1f) %.0fkm", a.Covered(g.span), p.Name, p.Country, p.Feature, p.Admin1, g.lat, g.lon, d)]++
			}
		}
		for j, u := range used {
			if !u {
				fns[a.Covered(golds[j].span)]++
			}
		}
	}
	dump := func(title string, m map[string]int) {
		type kv struct {
			k string
			v int
		}
		var l []kv
		for k, v := range m {
			l = append(l, kv{k, v})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v || l[i].v == l[j].v && l[i].k < l[j].k })
		fmt.Println("==", title, len(l))
		for i, x := range l {
			if i > 70 {
				break
			}
			fmt.Println(x.v, x.k)
		}
	}
	dump("errors", errs)
	dump("fp", fps)
	dump("fn", fns)
}
