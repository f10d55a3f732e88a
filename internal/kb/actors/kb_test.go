package actors

import (
	"strings"
	"testing"
)

func units(s string) []Unit {
	var us []Unit
	for _, u := range Units(s) {
		k, _ := Fold(u)
		us = append(us, Unit{Key: k, Shape: ShapeOf(u)})
	}
	return us
}

func TestLoad(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(kb.Countries) < 240 {
		t.Errorf("%d countries, want every country and territory", len(kb.Countries))
	}
	groups := 0
	for _, a := range kb.Actors {
		if a.Kind == "group" {
			groups++
		}
	}
	if groups < 200 {
		t.Errorf("%d armed groups, want hundreds", groups)
	}
	if _, ok := kb.Country("SYR"); !ok {
		t.Error("no Syria")
	}
}

func TestLongest(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want string // the units matched, "" for none
		kind Kind
	}{
		{"US forces", "US", CountryName},
		{"us forces", "", 0},
		{"U.S. troops", "U.S.", CountryName},
		{"Damascus said", "Damascus", Capital},
		{"damascus said", "", 0},
		{"Jabhat al-Nusra fighters", "Jabhat al-Nusra", Named},
		{"Jabhat al Nusra fighters", "Jabhat al Nusra", Named},
		{"Islamic State of Iraq and the Levant", "Islamic State of Iraq and the Levant", Named},
		{"Col. Gen. Sergei", "Col. Gen.", TitleWord},
		{"Syrian army", "Syrian", Demonym},
		{"defence ministry", "defence ministry", Institution},
		{"Élysée Palace said", "Élysée Palace", Named},
		{"Elysee Palace said", "Elysee Palace", Named},
		{"HEZBOLLAH FIGHTERS", "HEZBOLLAH", Named}, // four letters or more match in capitals
		{"KHARTOUM said", "KHARTOUM", Capital},
		{"UFA said", "", 0}, // a short title-case name does not match in capitals
	} {
		us := units(tc.text)
		m, ok := kb.Longest(us, 0, false)
		got := ""
		if ok {
			got = strings.Join(Units(tc.text)[m.Start:m.End], " ")
		}
		if got != strings.Join(Units(tc.want), " ") {
			t.Errorf("%q: matched %q, want %q", tc.text, got, tc.want)
			continue
		}
		if ok && m.Entries[0].Kind != tc.kind {
			t.Errorf("%q: kind %d, want %d", tc.text, m.Entries[0].Kind, tc.kind)
		}
	}
	// In a headline in capitals, short title-case names match too.
	if _, ok := kb.Longest(units("UFA SAYS"), 0, true); !ok {
		t.Error("UFA in a headline not matched")
	}
}

func TestNear(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"washinghton", "washington"},
		{"damasucs", "damascus"},
		{"moscw", ""}, // too short to guess
		{"washington", ""},
		{"wshngtn", ""},
	} {
		_, got, _ := kb.Near(tc.in)
		if got != tc.want {
			t.Errorf("Near(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		poss     bool
	}{
		{"U.S.", "us", false}, {"Syria's", "syria", true}, {"Damascus'", "damascus", true},
		{"Élysée", "elysee", false}, {"Hay’at", "hay'at", false}, {"People's", "people", true},
	} {
		got, poss := Fold(tc.in)
		if got != tc.want || poss != tc.poss {
			t.Errorf("Fold(%q) = %q %v, want %q %v", tc.in, got, poss, tc.want, tc.poss)
		}
	}
}

// BenchmarkLoad measures loading the embedded knowledge base (target:
// under 100 ms).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTrimPossessive(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		poss     bool
	}{
		{"Syria's", "Syria", true}, {"Russia’s", "Russia", true}, {"US'S", "US", true}, {"UK’S", "UK", true},
		{"Damascus'", "Damascus", true}, {"Damascus’", "Damascus", true},
		{"'s", "'s", false}, {"’s", "’s", false}, {"'", "'", false}, {"’", "’", false}, {"s", "s", false},
		{"Paris", "Paris", false}, {"was", "was", false}, {"", "", false}, {"é’", "é", true},
	} {
		got, poss := trimPossessive(tc.in)
		if got != tc.want || poss != tc.poss {
			t.Errorf("trimPossessive(%q) = %q, %v; want %q, %v", tc.in, got, poss, tc.want, tc.poss)
		}
	}
}

// TestEthnicNotCountry checks that no ethnic or religious group is spelt
// like a country's name or demonym, which would always be read first.
func TestEthnicNotCountry(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *node, path string)
	walk = func(n *node, path string) {
		eth, country := false, false
		for _, e := range n.entries {
			switch e.Kind {
			case EthnicName, EthnicPeople:
				eth = true
			case CountryName, Demonym, Nationals, Named, Capital: // a province may share the name: "Kachin"
				country = true
			}
		}
		if eth && country {
			t.Errorf("%q is both an ethnic group and a country or named actor", path)
		}
		for k, c := range n.next {
			walk(c, strings.TrimSpace(path+" "+k))
		}
	}
	walk(kb.root, "")
}
