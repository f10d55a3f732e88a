package entity

import (
	"fmt"
	"os"
	"testing"

	"sitrep/news"
)

func TestDumpExample(t *testing.T) {
	if os.Getenv("ENTITY_DUMP") == "" {
		t.Skip("set ENTITY_DUMP=file to print its mentions")
	}
	b, err := os.ReadFile(os.Getenv("ENTITY_DUMP"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{Text: string(b)}
	if err := s.Apply(a); err != nil {
		t.Fatal(err)
	}
	for i, m := range a.Mentions {
		fmt.Printf("%3d %-40q %-12s %-10s ante=%-3d %s|%s|%s|%s", i, a.Covered(m.Span), m.Type, m.Resolution, m.Antecedent, m.Actor.ID, m.Actor.Name, m.Actor.Sector, m.Actor.Code)
		if m.Affiliation.ID != "" {
			fmt.Printf(" aff=%s(%s)", m.Affiliation.ID, m.Affiliation.Code)
		}
		for _, r := range m.Roles {
			fmt.Printf(" role=%s", r.Title)
		}
		if m.AlignedWith.ID != "" {
			fmt.Printf(" aligned=%s", m.AlignedWith.ID)
		}
		if m.Parent.ID != "" {
			fmt.Printf(" parent=%s", m.Parent.ID)
		}
		fmt.Println()
	}
	for _, dg := range a.Diagnostics {
		fmt.Println(dg.Code, a.Covered(dg.Span), dg.Message)
	}
}
