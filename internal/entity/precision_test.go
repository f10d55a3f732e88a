package entity

import (
	"slices"
	"strings"
	"testing"

	"sitrep/news"
)

// TestPronounGender: a person pronoun links to no one whom the article
// calls by a pronoun, or a title, of the other gender.
func TestPronounGender(t *testing.T) {
	for _, tc := range []struct {
		in, pronoun, want string
	}{
		{"Mary Walsh met Tom Brady on Monday. He said the talks went well, and she agreed.", "she", "person/mary-walsh"},
		{"Mrs. Alma Reyes met Mr. Owen Park. Park said little; she said the deal was close.", "she", "person/alma-reyes"},
		{"Alma Reyes met Owen Price. \"She looked tired,\" he wrote.", "he", "person/owen-price"},
		{"Queen Ingrid spoke to King Harald. She thanked the people.", "She", "person/ingrid"},
		{"Owen Price met Alma Reyes. \"He looked tired,\" she wrote in an email.", "she", "person/alma-reyes"},
	} {
		a := apply(t, tc.in)
		var got news.Mention
		for _, m := range a.Mentions {
			if a.Covered(m.Span) == tc.pronoun {
				got = m
			}
		}
		if got.Actor.ID != tc.want {
			t.Errorf("%q: %q → %q, want %q\n%s", tc.in, tc.pronoun, got.Actor.ID, tc.want, describe(a))
		}
	}
}

// TestEnvoyTo: an envoy "to" a country is not of that country.
func TestEnvoyTo(t *testing.T) {
	for _, tc := range []struct {
		in, name, want string
	}{
		{"Former U.S. ambassador to Ukraine Marie Yovanovitch testified on Friday.", "Marie Yovanovitch", "USA"},
		{"British envoy to the European Union Tim Barrow left Brussels.", "Tim Barrow", "GBR"},
		{"The ambassador to Kenya Paul Otieno spoke.", "Paul Otieno", ""},
	} {
		a := apply(t, tc.in)
		m := mentionOf(t, a, tc.name)
		if m.Actor.Country != tc.want {
			t.Errorf("%q: %s country %q, want %q\n%s", tc.in, tc.name, m.Actor.Country, tc.want, describe(a))
		}
	}
}

// TestForeignLanguage: in an article in another language capitalised words
// are no names (German nouns); the knowledge base's names still are.
func TestForeignLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang, in string
		want     []string
	}{
		{"de", "Die Bundesregierung und Angela Merkel trafen Vertreter der Fachverbände in Berlin, sagte die NATO.", []string{"Angela Merkel", "NATO"}},
		{"pt", "Segundo a Prefeitura, o Conselho Municipal aprovou o Plano Diretor em Julho.", nil},
		{"en", "Segundo a Prefeitura, o Conselho Municipal aprovou.", []string{"Prefeitura"}},
	} {
		a := &news.Article{Text: tc.in, Meta: news.Meta{Language: tc.lang}}
		if err := testStage(t).Apply(a); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range a.Mentions {
			if m.Type != news.Location {
				got = append(got, a.Covered(m.Span))
			}
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s %q: no mention %q\n%s", tc.lang, tc.in, w, describe(a))
			}
		}
		if tc.lang != "en" && len(got) != len(tc.want) {
			t.Errorf("%s %q: mentions %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

// TestNameShapes: middle initials, a known person's surname after another
// first name, plural acronyms and sports broadcasters.
func TestNameShapes(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		absent   []string
	}{
		{"initial", "[Norma J. Whitcombe|PER], the plaintiff's lawyer, said the filing was late.", nil},
		{"initial after a title", "The court heard Judge [Carl B. Ostrander|PER] on Monday.", nil},
		{"relative of a leader", "The board on which [Hunter Biden|PER] sat denied any wrongdoing.", nil},
		{"plural acronym", "Shops sold more SUVs and TVs this year, and ATMs ran dry.", []string{"SUVs", "TVs", "ATMs"}},
		{"sports broadcaster", "She joined [Sky Sports|ORG] as a pundit after leaving [Fox Sports|ORG].", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, ws := parseMarkup(t, tc.in)
			a := apply(t, text)
			for _, w := range ws {
				m, ok := find(a, w.span)
				if !ok || m.Type != w.typ {
					t.Errorf("%q: want %q as %s\n%s", text, text[w.span.Start:w.span.End], w.typ, describe(a))
				}
			}
			for _, s := range tc.absent {
				for _, m := range a.Mentions {
					if a.Covered(m.Span) == s {
						t.Errorf("%q is a mention (%s)", s, m.Type)
					}
				}
			}
		})
	}
}

// TestItsNotAdjective: "its" does not stand for a demonym used as an
// adjective.
func TestItsNotAdjective(t *testing.T) {
	a := apply(t, "He wrote a riff on British spy thrillers with a lost play at its centre.")
	for _, m := range a.Mentions {
		if a.Covered(m.Span) == "its" && m.Actor.Country == "GBR" {
			t.Errorf("its → %s\n%s", m.Actor.ID, describe(a))
		}
	}
	a = apply(t, "Britain said its troops would stay.")
	if m := mentionOf(t, a, "its"); m.Actor.Country != "GBR" {
		t.Errorf("Britain … its → %q\n%s", m.Actor.ID, describe(a))
	}
}

// TestOpenerWord: a lone capitalised sentence opener that the article also
// writes in lower case is a word, even when a heading capitalises it.
func TestOpenerWord(t *testing.T) {
	a := apply(t, "He watched the film Happy Hours twice and read Stay Gold.\n\nHours before the game, the coach spoke. He had slept for hours.\n\nStay calm. Doctors say you should stay calm.")
	for _, m := range a.Mentions {
		if s := a.Covered(m.Span); s == "Hours" || s == "Stay" {
			t.Errorf("%q is a mention (%s)\n%s", s, m.Type, describe(a))
		}
	}
}

// TestLoneFirstName: a first name alone is the person named in full with
// it, when the article also calls that person by the surname; not when
// the word opens a company's name too.
func TestLoneFirstName(t *testing.T) {
	a := apply(t, "Greta Lindqvist wrote to the court. Lindqvist was angry. Later Greta listed her address.")
	if g := mentionOf(t, a, "Greta"); g.Type != news.Person || g.Actor.ID != "person/greta-lindqvist" {
		t.Errorf("Greta: %s %s\n%s", g.Type, g.Actor.ID, describe(a))
	}
	a = apply(t, "Dexter Mallory met the board. Mallory left. Dexter Holdings said profits fell, and Dexter shares dropped.")
	for _, m := range a.Mentions {
		if a.Covered(m.Span) == "Dexter" && m.Type == news.Person {
			t.Errorf("Dexter read as a person\n%s", describe(a))
		}
	}
}

// TestLowerCaseWord: one capitalised word that nothing types and that the
// article also writes in lower case is no name.
func TestLowerCaseWord(t *testing.T) {
	a := apply(t, "Tips for saving.\n\n3. Establish your budget and stick to it. If you establish a budget early, you save.\n\nContainers: 1 Green, 1 Red. Eat green vegetables and red fruit.\n\nKestrel Analytics said sales rose.")
	for _, m := range a.Mentions {
		if s := a.Covered(m.Span); s == "Establish" || s == "Green" || s == "Red" {
			t.Errorf("%q is a mention (%s)\n%s", s, m.Type, describe(a))
		}
	}
	mentionOf(t, a, "Kestrel Analytics")
}

// TestLowerCaseWords: a name of several words, all of which the article
// also writes in lower case, is no name.
func TestLowerCaseWords(t *testing.T) {
	a := apply(t, "Post-Workout Meal\n\nEat a meal after your workout.\n\nThe Wireless Charging Case holds a charge; a wireless case needs charging.")
	for _, m := range a.Mentions {
		if s := a.Covered(m.Span); s == "Workout Meal" || s == "Wireless Charging Case" {
			t.Errorf("%q is a mention (%s)\n%s", s, m.Type, describe(a))
		}
	}
}

// TestAppositiveTitle: an unknown name followed by ", a … analyst" is a
// person's.
func TestAppositiveTitle(t *testing.T) {
	a := apply(t, "The report by Kavi Raman, a senior research analyst at a think tank, was cited.")
	if m := mentionOf(t, a, "Kavi Raman"); m.Type != news.Person {
		t.Errorf("Kavi Raman: %s\n%s", m.Type, describe(a))
	}
}

// TestSurnamePlace: a city's name that is the surname of a person named
// before is that person.
func TestSurnamePlace(t *testing.T) {
	a := apply(t, "Ian Hamilton, an expert at the university, spoke. Hamilton said the results were clear.")
	var got []news.Mention
	for _, m := range a.Mentions {
		if a.Covered(m.Span) == "Hamilton" {
			got = append(got, m)
		}
	}
	if len(got) != 1 || got[0].Type != news.Person || got[0].Actor.ID != "person/ian-hamilton" {
		t.Errorf("Hamilton: %+v\n%s", got, describe(a))
	}
}

// TestListOfPersons: an unknown name listed next to a person's is a
// person's.
func TestListOfPersons(t *testing.T) {
	a := apply(t, "The rivals include Pete Buttigieg, Tamsin Okonkwo and Bernie Sanders.")
	if m := mentionOf(t, a, "Tamsin Okonkwo"); m.Type != news.Person {
		t.Errorf("Tamsin Okonkwo: %s\n%s", m.Type, describe(a))
	}
}

// TestNameGenderSoft: a first name's gender is a preference, not a bar: a
// "her" with no other person near takes the one there is.
func TestNameGenderSoft(t *testing.T) {
	a := apply(t, "According to Taylor Brennan, her former label blocked the release.")
	if m := mentionOf(t, a, "her"); m.Actor.ID != "person/taylor-brennan" {
		t.Errorf("her → %q\n%s", m.Actor.ID, describe(a))
	}
}

// TestRelativeSurname: a known person's surname alone stays that person
// after a relative is named.
func TestRelativeSurname(t *testing.T) {
	a := apply(t, "The board on which Hunter Biden sat denied wrongdoing. Vice President Biden said nothing.")
	var got []string
	for _, m := range a.Mentions {
		if a.Covered(m.Span) == "Biden" {
			got = append(got, m.Actor.ID)
		}
	}
	if len(got) != 1 || got[0] == "person/hunter-biden" {
		t.Errorf("Biden → %q\n%s", got, describe(a))
	}
}

// noMention fails when one of the strings is covered by a mention of a, and
// requires each of keep to be one.
func noMention(t *testing.T, a *news.Article, drop, keep []string) {
	t.Helper()
	for _, m := range a.Mentions {
		if s := a.Covered(m.Span); slices.Contains(drop, s) {
			t.Errorf("%q is a mention (%s)\n%s", s, m.Type, describe(a))
		}
	}
	for _, s := range keep {
		mentionOf(t, a, s)
	}
}

// TestEventNames: tournaments, awards, summits and shows named like
// organisations or persons are no actors.
func TestEventNames(t *testing.T) {
	for _, tc := range []struct {
		in         string
		drop, keep []string
	}{
		{"Spain beat Canada in the Davis Cup Finals on Sunday, and Rafael Nadal thanked the crowd.", []string{"Davis Cup Finals", "Davis Cup"}, []string{"Rafael Nadal"}},
		{"The singer will perform at the Harmony Music Awards, Selena Ortiz told Vantage Records.", []string{"Harmony Music Awards"}, []string{"Selena Ortiz", "Vantage Records"}},
		{"Carmakers unveiled new models at the Lisbon Motor Show, said Rui Matos, an analyst at Solano Motors.", []string{"Lisbon Motor Show"}, []string{"Rui Matos", "Solano Motors"}},
		{"Delegates left the Ocean Action Summit early after Grenfield Energy walked out.", []string{"Ocean Action Summit"}, []string{"Grenfield Energy"}},
	} {
		noMention(t, apply(t, tc.in), tc.drop, tc.keep)
	}
}

// TestProductModifier: an organisation's name right before the noun of a
// thing it makes or runs names the thing, no actor; the company itself
// stays a mention where it acts.
func TestProductModifier(t *testing.T) {
	for _, tc := range []struct {
		in, name, next string
		want           bool
	}{
		{"Shoppers found deals on Korvex devices. Korvex said prices would rise.", "Korvex", " devices", false},
		{"Shoppers found deals on Korvex devices. Korvex said prices would rise.", "Korvex", " said", true},
		{"Each bundle comes with a Lumora controller and three games.", "Lumora", " controller", false},
		{"She posted the photos to her Instagram page on Friday.", "Instagram", " page", false},
		{"The party changed the name of its Twitter account, and Twitter said it would act.", "Twitter", " account", false},
		{"The party changed the name of its Twitter account, and Twitter said it would act.", "Twitter", " said", true},
		{"Brinell Corp.'s new vehicles will ship in May.", "Brinell Corp.", "'s", true},
		{"Norvale posts record loss as Norvale cars fail to sell", "Norvale", " posts", true},
		{"Norvale posts record loss as Norvale cars fail to sell", "Norvale", " cars", false},
	} {
		a := apply(t, tc.in)
		got := false
		for _, m := range a.Mentions {
			if a.Covered(m.Span) == tc.name && strings.HasPrefix(a.Text[m.Span.End:], tc.next) {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%q: %q before %q a mention: %v, want %v\n%s", tc.in, tc.name, tc.next, got, tc.want, describe(a))
		}
	}
}

// TestTitlesBeforeNames: a school superintendent's, a coach's, a
// sheriff's title or a player's position code is no part of the name.
func TestTitlesBeforeNames(t *testing.T) {
	for _, tc := range []struct {
		in, name, id string
	}{
		{"State Superintendent Jennifer Alvarado said schools would reopen.", "Jennifer Alvarado", "person/jennifer-alvarado"},
		{"Head Coach Dan Keller praised the defence.", "Dan Keller", "person/dan-keller"},
		{"The Falcons signed LB Marcus Hale and CB Tyrell Owens on Monday.", "Marcus Hale", "person/marcus-hale"},
		{"Sheriff Tom Bradley said deputies arrested two men.", "Tom Bradley", "person/tom-bradley"},
	} {
		a := apply(t, tc.in)
		if m := mentionOf(t, a, tc.name); m.Actor.ID != tc.id || m.Type != news.Person {
			t.Errorf("%q: %s %s, want %s\n%s", tc.in, m.Actor.ID, m.Type, tc.id, describe(a))
		}
	}
}
