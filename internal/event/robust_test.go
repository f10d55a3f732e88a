package event

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"

	"sitrep/news"
)

// capsMentions marks every capitalised word of a as a mention, so that
// fuzzed and generated text exercises the role finder.
func capsMentions(a *news.Article) {
	start := -1
	for i, r := range a.Text + " " {
		word := unicode.IsLetter(r) || r == '-'
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			if w := a.Text[start:i]; w != "" && unicode.IsUpper([]rune(w)[0]) && news.CheckSpan(a.Text, news.Span{Start: start, End: i}) == nil {
				a.Mentions = append(a.Mentions, news.Mention{Span: news.Span{Start: start, End: i}, Type: news.Organization,
					Antecedent: -1, Actor: news.Actor{ID: strings.ToLower(w), Country: "XXX", Sector: "military"}})
			}
			start = -1
		}
	}
}

func FuzzApply(f *testing.F) {
	for _, s := range []string{
		"The Russian Defense Ministry accused the US-led coalition of bombing the Syrian army.",
		"At least two Syrian servicemen were killed and more than 15 injured, a source told Sputnik.",
		"Iran denied attacking two tankers. \"We will strike,\" he said. Police arrested 45 people",
		"Tens of thousands of Students in Zenda, Ruritania and Freedonia blocked roads to show their anger at Xland's rules, much of it, by Officials",
		"Ruritania speeded up the withdrawal of Troops from Zenda and threatened to ban voting in Zenda if Rebels run, killing 9 people in Zenda",
		"", ".", "\"\"\"", "killed killed killed 1,000,000,000,000 dozens", "ÉTAT ISLAMIQUE a attaqué\xff\xfe",
	} {
		f.Add(s)
	}
	st := New(Config{})
	f.Fuzz(func(t *testing.T, text string) {
		a := &news.Article{Text: text}
		capsMentions(a)
		if err := st.Apply(a); err != nil {
			t.Fatal(err)
		}
		checkEvents(t, a)
	})
}

// badInputs are the inputs the issue names: a sentence of 2,000 words,
// a list of 500 names, a flattened table, all-caps text, text with no
// verbs. Each is built n times larger to check the time is linear.
var badInputs = map[string]func(n int) string{
	"long-sentence": func(n int) string {
		return strings.Repeat("the coalition bombed Syrian forces and killed at least two soldiers while Russia said that ", n*200) + "end."
	},
	"names": func(n int) string {
		var b strings.Builder
		for i := 0; i < 500*n; i++ {
			fmt.Fprintf(&b, "Name%d Surname, ", i)
		}
		return b.String()
	},
	"table": func(n int) string {
		return strings.Repeat("Killed 12 Injured 30 Arrested 5 Region Idlib Attacks 4 | ", 100*n)
	},
	"all-caps": func(n int) string {
		return strings.Repeat("REBELS ATTACKED THE ARMY AND KILLED 20 SOLDIERS, OFFICIALS SAID. ", 100*n)
	},
	"no-verbs": func(n int) string {
		return strings.Repeat("Blue sky, green grass, red roses; a quiet morning ", 100*n)
	},
}

// TestBadInput checks that hostile inputs cost time linear in their size
// (8 times the input within 32 times the time, with slack for a noisy
// machine) and break no invariant.
func TestBadInput(t *testing.T) {
	st := New(Config{})
	// run returns the best of three timings: the machine may be shared.
	run := func(text string) (time.Duration, *news.Article) {
		best := time.Duration(1 << 62)
		var a *news.Article
		for range 3 {
			a = &news.Article{Text: text}
			capsMentions(a)
			start := time.Now()
			if err := st.Apply(a); err != nil {
				t.Fatal(err)
			}
			best = min(best, time.Since(start))
		}
		return best, a
	}
	for name, gen := range badInputs {
		t.Run(name, func(t *testing.T) {
			run(gen(1)) // warm up
			small, a := run(gen(1))
			checkEvents(t, a)
			large, b := run(gen(8))
			checkEvents(t, b)
			if small < 2*time.Millisecond {
				small = 2 * time.Millisecond
			}
			if large > 32*small {
				t.Errorf("8× the input took %v against %v: not linear", large, small)
			}
			t.Logf("%d bytes: %v; %d bytes: %v; %d events", len(a.Text), small, len(b.Text), large, len(b.Events))
		})
	}
}
