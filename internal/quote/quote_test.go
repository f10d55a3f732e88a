package quote

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"sitrep/news"
)

// Inline markup for expected statements, numbered in text order:
//
//	⟦1:content⟧  the content of statement 1
//	⟨1:cue⟩      its cue (⟨1,2:said⟩ for a cue two statements share)
//	⟪1:speaker⟫  the words its SpeakerSpan must cover
//
// markup strips the marks and returns the text and the spans.
type marked struct {
	content, cue, speaker map[int]news.Span
}

func markup(t *testing.T, in string) (string, marked) {
	t.Helper()
	m := marked{map[int]news.Span{}, map[int]news.Span{}, map[int]news.Span{}}
	type open struct {
		kind rune
		ids  []int
		at   int
	}
	var stack []open
	var b strings.Builder
	closer := map[rune]rune{'⟧': '⟦', '⟩': '⟨', '⟫': '⟪'}
	for i := 0; i < len(in); {
		r, n := rune(in[i]), 1
		if r >= 0x80 {
			r = []rune(in[i:])[0]
			n = len(string(r))
		}
		switch r {
		case '⟦', '⟨', '⟪':
			c := strings.IndexByte(in[i+n:], ':')
			if c < 0 {
				t.Fatalf("markup: %q: no ':' after %c", in, r)
			}
			var ids []int
			for _, f := range strings.Split(in[i+n:i+n+c], ",") {
				id, err := strconv.Atoi(f)
				if err != nil {
					t.Fatalf("markup: %q: bad id %q", in, f)
				}
				ids = append(ids, id)
			}
			stack = append(stack, open{r, ids, b.Len()})
			i += n + c + 1
			continue
		case '⟧', '⟩', '⟫':
			if len(stack) == 0 || stack[len(stack)-1].kind != closer[r] {
				t.Fatalf("markup: %q: unbalanced %c", in, r)
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			sp := news.Span{Start: o.at, End: b.Len()}
			for _, id := range o.ids {
				switch o.kind {
				case '⟦':
					m.content[id] = sp
				case '⟨':
					m.cue[id] = sp
				case '⟪':
					m.speaker[id] = sp
				}
			}
			i += n
			continue
		}
		b.WriteString(in[i : i+n])
		i += n
	}
	if len(stack) > 0 {
		t.Fatalf("markup: %q: unclosed marks", in)
	}
	return b.String(), m
}

type got struct {
	Content, Cue, Speaker string
	Direct                bool
}

func TestConventions(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		direct []bool // per statement, in order
		diag   string // a diagnostic code that must be reported
	}{
		{"straight, inverted cue",
			`"⟦1:We will not leave the city⟧," ⟨1:said⟩ ⟪1:Ali Hassan⟫, a local commander.`,
			[]bool{true}, ""},
		{"curly, name then cue",
			`“⟦1:The strikes hit a hospital⟧,” ⟪1:Rudskoy⟫ ⟨1:said⟩.`,
			[]bool{true}, ""},
		{"guillemets",
			`« ⟦1:Nous ne partirons pas⟧ », ⟨1:said⟩ ⟪1:Lucie Marchand⟫.`,
			[]bool{true}, ""},
		{"German low-high marks",
			`„⟦1:Die Straße war nicht sicher⟧“, ⟨1:said⟩ ⟪1:Jonas Weber⟫.`,
			[]bool{true}, ""},
		{"single quotes inside double",
			`"⟦1:They told me: 'You will stay here until your government pays.'⟧" ⟪1:Kovač⟫ ⟨1:said⟩.`,
			[]bool{true}, ""},
		{"cue and colon before the quote",
			`The ⟪1:minister⟫ ⟨1:said⟩: "⟦1:We have no plans to withdraw.⟧"`,
			[]bool{true}, ""},
		{"editorial brackets",
			`"⟦1:[Syrian] government troops faced opposition from the [US-led] coalition⟧," ⟪1:Surovikin⟫ ⟨1:said⟩.`,
			[]bool{true}, ""},
		{"quote over several paragraphs",
			"Dr. ⟪1:Fatima Bello⟫ ⟨1:said⟩: \"⟦1:The camps have no clean water.\n\n\"People are drinking from the river.\n\n\"We need chlorine tablets this week.⟧\"",
			[]bool{true}, ""},
		{"partial quote inside reported speech",
			`⟪1:Rudskoy⟫ ⟨1:said⟩ that ⟦1:claims of a threat to US bases are "absurd"⟧.`,
			[]bool{false}, ""},
		{"long partial quote takes the sentence's cue",
			`⟪1,2:Ms Okafor⟫ ⟨1,2:said⟩ ⟦1:the army had "⟦2:walked away from the table⟧"⟧.`,
			[]bool{false, true}, ""},
		{"that-clause",
			`The ⟪1:Russian General Staff⟫ ⟨1:said⟩ that ⟦1:the coalition only hinders the Syrian army's advance⟧.`,
			[]bool{false}, ""},
		{"to-infinitive",
			`The ⟪1:Russian General Staff⟫ ⟨1:urged⟩ ⟦1:the coalition to avoid striking Syrian army positions⟧.`,
			[]bool{false}, ""},
		{"according to, first",
			`⟨1:According to⟩ the ⟪1:interior ministry⟫, ⟦1:the shells were fired from rebel positions⟧.`,
			[]bool{false}, ""},
		{"according to, last",
			`⟦1:Many parts makers have set up in the country⟧, ⟨1:according to⟩ the ⟪1:Washington Post⟫.`,
			[]bool{false}, ""},
		{"told a channel that",
			`A ⟪1:Syrian source⟫ ⟨1:told⟩ Sputnik on Tuesday that ⟦1:at least two Syrian servicemen were killed⟧.`,
			[]bool{false}, ""},
		{"post-posed cue",
			`⟦1:Two soldiers were killed near the border⟧, the ⟪1:army⟫ ⟨1:said⟩ on Wednesday.`,
			[]bool{false}, ""},
		{"pronoun speaker",
			`⟪1,2:Rudskoy⟫ ⟨1:said⟩ that ⟦1:the claims are false⟧. He ⟨2:said⟩ ⟦2:the coalition used terrorism as a pretext⟧.`,
			[]bool{false, false}, ""},
		{"speaker carried over to the next paragraph",
			"The ⟪1,2:Russian military⟫ ⟨1:added⟩ that ⟦1:the coalition reaches agreements with terrorists⟧.\n\n\"⟦2:Instead of destroying the terrorists, the coalition conspires with them.⟧\"",
			[]bool{false, true}, ""},
		{"second quote of a paragraph",
			`"⟦1:We are asking both sides to respect the truce⟧," ⟪1,2:Nasser⟫ ⟨1:said⟩. "⟦2:Every night without a ceasefire costs lives.⟧"`,
			[]bool{true, true}, ""},
		{"coordinated cues",
			`The ⟪1,2:mediators⟫ ⟨1:said⟩ ⟦1:they regretted the outcome⟧ and ⟨2:urged⟩ ⟦2:both parties to exercise restraint⟧.`,
			[]bool{false, false}, ""},
		{"cue coordinated with another verb",
			`The ⟪1:foreign ministry⟫ summoned the ambassador and ⟨1:urged⟩ ⟦1:the authorities to free the crew⟧.`,
			[]bool{false}, ""},
		{"weak cue before a speech noun",
			`The ⟪1:ministry⟫ ⟨1:dismissed⟩ ⟦1:the allegations as propaganda⟧. The army found the bodies.`,
			[]bool{false}, ""},
		{"name given in a relative clause",
			`A rebel commander, who gave his name as ⟪1:Abu Khaled⟫, ⟨1:told⟩ Reuters that ⟦1:his men held the runway⟧.`,
			[]bool{false}, ""},
		{"company name before a person's",
			`"⟦1:The market is starting to show signs of life⟧," ⟨1:said⟩ the chairman of Chrysler LLC ⟪1:Jim Press⟫.`,
			[]bool{true}, ""},
		{"institution",
			`On June 6, the ⟪1:Pentagon⟫ ⟨1:announced⟩ ⟦1:the coalition conducted a new strike⟧.`,
			[]bool{false}, ""},
		{"single marks, British style",
			`'⟦1:We are shocked⟧,' ⟨1:said⟩ a statement from the ⟪1:group⟫. Its convoy's drivers' trucks were hit.`,
			[]bool{true}, ""},
		{"quoted as saying",
			`⟦1:The tanker ignored orders to stop⟧, a ⟪1:navy commander⟫ was quoted as ⟨1:saying⟩ by the official news agency.`,
			[]bool{false}, ""},
		{"a name and no verb",
			`"⟦1:The typical incentive programs simply do not resonate⟧," ⟪1:Jesse Toprak⟫, an analyst.`,
			[]bool{true}, ""},
		{"inch mark is no quote",
			`Police found a 12" pipe bomb under the bridge.`,
			nil, ""},
		{"inch mark inside a quote",
			`"⟦1:They fired a 16" shell at the port, then another⟧," ⟪1:Ivanova⟫ ⟨1:said⟩.`,
			[]bool{true}, ""},
		{"negated cue",
			`He did not say where the cuts would fall.`,
			nil, ""},
		{"noun, not cue",
			`The claims were dismissed by the court.`,
			nil, ""},
		{"unclosed quote: diagnostic, next paragraph still read",
			"\"⟦1:We will fight on until the end of the war⟧\n\nThe ⟪2:ministry⟫ ⟨2:said⟩ ⟦2:the talks had failed⟧.",
			[]bool{true, false}, "quote-unclosed"},
	}
	st := New(Config{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, m := markup(t, tc.in)
			a := &news.Article{Text: text}
			if err := st.Apply(a); err != nil {
				t.Fatal(err)
			}
			var want, have []got
			for i := 1; i <= len(tc.direct); i++ {
				want = append(want, got{text[m.content[i].Start:m.content[i].End], cover(text, m.cue[i]), cover(text, m.speaker[i]), tc.direct[i-1]})
			}
			for _, q := range a.Quotes {
				for _, s := range []news.Span{q.Content, q.Cue, q.SpeakerSpan, q.Channel, q.Reference} {
					if err := news.CheckSpan(text, s); err != nil {
						t.Errorf("bad span: %v", err)
					}
				}
				have = append(have, got{a.Covered(q.Content), a.Covered(q.Cue), a.Covered(q.SpeakerSpan), q.Direct})
			}
			if d := cmp.Diff(want, have); d != "" {
				t.Errorf("quotes of %q (-want +got):\n%s", text, d)
			}
			if tc.diag != "" && !hasDiag(a, tc.diag) {
				t.Errorf("no %s diagnostic; have %v", tc.diag, a.Diagnostics)
			}
		})
	}
}

func cover(text string, s news.Span) string { return text[s.Start:s.End] }

func hasDiag(a *news.Article, code string) bool {
	for _, d := range a.Diagnostics {
		if d.Code == code {
			return true
		}
	}
	return false
}

func TestChainAndKinds(t *testing.T) {
	a := &news.Article{
		Text: "A Syrian source told Sputnik on Tuesday that two soldiers were killed. On June 6, the Pentagon announced a new strike." +
			" A navy commander was quoted as saying by state television that the crew was arrested.",
		Meta: news.Meta{Outlet: "Sputnik News"},
	}
	if err := New(Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	type chain struct{ Speaker, Kind, Channel, Outlet, Meaning string }
	var have []chain
	for _, q := range a.Quotes {
		have = append(have, chain{a.Covered(q.SpeakerSpan), q.SourceKind, a.Covered(q.Channel), q.Outlet, q.Meaning})
	}
	want := []chain{
		{"Syrian source", KindUnnamed, "Sputnik", "Sputnik News", Say},
		{"Pentagon", KindInstitution, "", "Sputnik News", Announce},
		{"navy commander", KindPerson, "state television", "Sputnik News", Say},
	}
	if d := cmp.Diff(want, have); d != "" {
		t.Errorf("chains (-want +got):\n%s", d)
	}
}

func TestSpeakerLinksMention(t *testing.T) {
	text := `"We see no results," Col. Gen. Sergei Rudskoy said.`
	i := strings.Index(text, "Sergei Rudskoy")
	a := &news.Article{Text: text, Mentions: []news.Mention{{
		Span: news.Span{Start: i, End: i + len("Sergei Rudskoy")}, Type: news.Person,
		Actor: news.Actor{ID: "rudskoy", Name: "Sergei Rudskoy", Kind: "person"}, Antecedent: -1,
	}}}
	if err := New(Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	if len(a.Quotes) != 1 || a.Quotes[0].Speaker != 0 || a.Quotes[0].Actor.ID != "rudskoy" {
		t.Fatalf("quotes = %+v, want one linked to mention 0", a.Quotes)
	}
}

func TestLexiconParses(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(lx.cues); n < 600 {
		t.Errorf("%d cue forms, want hundreds", n)
	}
	for _, w := range []string{"said", "told", "denies", "accused", "according", "warning"} {
		if len(lx.cues[w]) == 0 {
			t.Errorf("no cue %q", w)
		}
	}
	if _, err := parseLexicon("say\tshout\tverb\n", ""); err == nil {
		t.Error("unknown meaning accepted")
	}
}

func TestGoldResolves(t *testing.T) {
	sub, err := goldFS()
	if err != nil {
		t.Fatal(err)
	}
	docs, err := LoadGold(sub)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 40 {
		t.Errorf("%d gold documents, want at least 40", len(docs))
	}
	for _, d := range docs {
		for _, q := range d.Quotes {
			if err := news.CheckSpan(d.Text, q.Content); err != nil || q.Content.IsZero() {
				t.Errorf("%s: content %v: %v", q.Line, q.Content, err)
			}
		}
	}
}

func TestSpeakerMatch(t *testing.T) {
	for _, tc := range []struct {
		gold, pred string
		want       bool
	}{
		{"Sergei Rudskoy", "Col. Gen. Sergei Rudskoy", true},
		{"Sergei Rudskoy", "Rudskoy", true},
		{"doctor", "A doctor at the main clinic", true},
		{"Fiat", "Fiat's announcement", false},
		{"General Motors", "General", false},
		{"Russian military", "Russian", false},
		{"a Syrian source", "A Syrian source", true},
	} {
		if got := SpeakerMatch(tc.gold, tc.pred); got != tc.want {
			t.Errorf("SpeakerMatch(%q, %q) = %v, want %v", tc.gold, tc.pred, got, tc.want)
		}
	}
}
