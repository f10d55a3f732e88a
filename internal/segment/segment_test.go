package segment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"sitrep/news"
)

// spansOf turns expected pieces of text into spans: each piece is looked
// up in text after the end of the previous one, so tests never count
// offsets by hand.
func spansOf(t *testing.T, text string, pieces []string) []news.Span {
	t.Helper()
	var out []news.Span
	at := 0
	for _, p := range pieces {
		k := strings.Index(text[at:], p)
		if k < 0 {
			t.Fatalf("test expectation %q is not in the text after byte %d", p, at)
		}
		out = append(out, news.Span{Start: at + k, End: at + k + len(p)})
		at += k + len(p)
	}
	return out
}

func covered(text string, spans []news.Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = text[s.Start:s.End]
	}
	return out
}

func sentenceSpans(ss []news.Sentence) []news.Span {
	out := make([]news.Span, len(ss))
	for i, s := range ss {
		out[i] = s.Span
	}
	return out
}

// TestSentences: each case lists the sentences the text must be cut into,
// in order.
func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"ranks", "Col. Gen. Sergei Rudskoy said. Then he left.",
			[]string{"Col. Gen. Sergei Rudskoy said.", "Then he left."}},
		{"titles", "Lt. Smith met Dr. Jones and Gov. Brown at St. Mary's. They talked.",
			[]string{"Lt. Smith met Dr. Jones and Gov. Brown at St. Mary's.", "They talked."}},
		{"dotted abbreviation inside", "The U.S. Army and U.K. forces left at 9 a.m. on Monday.",
			[]string{"The U.S. Army and U.K. forces left at 9 a.m. on Monday."}},
		{"abbreviation ends sentence", "The troops returned to the U.S. The next day they rested.",
			[]string{"The troops returned to the U.S.", "The next day they rested."}},
		{"abbreviation then quote", `It opened at 8 a.m. "We are ready," he said.`,
			[]string{"It opened at 8 a.m.", `"We are ready," he said.`}},
		{"saint and street", "He flew to St. Petersburg. He lives on Main St. The shop is closed.",
			[]string{"He flew to St. Petersburg.", "He lives on Main St.", "The shop is closed."}},
		{"company", "Apple Inc. said profits rose. Shares of Boeing Co. fell.",
			[]string{"Apple Inc. said profits rose.", "Shares of Boeing Co. fell."}},
		{"months and numbers", "On Jan. 5 the No. 3 unit moved to Calif. and stayed.",
			[]string{"On Jan. 5 the No. 3 unit moved to Calif. and stayed."}},
		{"no is a word before a non-number", "He said no. Then he left.",
			[]string{"He said no.", "Then he left."}},
		{"initials", "J. R. R. Tolkien met George W. Bush. Nobody noticed.",
			[]string{"J. R. R. Tolkien met George W. Bush.", "Nobody noticed."}},
		{"decimals, dates, times", "Prices rose 3.5 percent on 09.06.2017 at 16:48 to $1.2bn. Analysts were surprised.",
			[]string{"Prices rose 3.5 percent on 09.06.2017 at 16:48 to $1.2bn.", "Analysts were surprised."}},
		{"ellipsis inside", "the Syrian Democratic Forces… conspire with Daesh. It ended.",
			[]string{"the Syrian Democratic Forces… conspire with Daesh.", "It ended."}},
		{"ellipsis ends", "He waited... Then the shelling began. Silence… Nothing moved.",
			[]string{"He waited...", "Then the shelling began.", "Silence…", "Nothing moved."}},
		{"quote spans sentences", `He said: "We will go. They will stay." Then he left.`,
			[]string{`He said: "We will go.`, `They will stay."`, "Then he left."}},
		{"curly quotes", "He said: “We will go. They will stay.” Then he left.",
			[]string{"He said: “We will go.", "They will stay.”", "Then he left."}},
		{"quote goes on in lower case", `"Is it over?" he asked. "Yes!" she said.`,
			[]string{`"Is it over?" he asked.`, `"Yes!" she said.`}},
		{"quote then speaker and verb", `"It is over!" Col. Smith said. Nobody answered.`,
			[]string{`"It is over!" Col. Smith said.`, "Nobody answered."}},
		{"quote then new sentence", `claims are "absurd." He said it seems so.`,
			[]string{`claims are "absurd."`, "He said it seems so."}},
		{"brackets inside quotes", `"During the offensive, [Syrian] government troops faced opposition. The US [forces] delivered an ultimatum," he said.`,
			[]string{`"During the offensive, [Syrian] government troops faced opposition.`, `The US [forces] delivered an ultimatum," he said.`}},
		{"parenthesis after period", "The strike was confirmed. (The ministry did not comment.) Later it did.",
			[]string{"The strike was confirmed.", "(The ministry did not comment.)", "Later it did."}},
		{"question and exclamation", "Why? Because! It worked?! Yes.",
			[]string{"Why?", "Because!", "It worked?!", "Yes."}},
		{"unknown abbreviation before lower case", "About 40 approx. units and Pty. ltd. firms.",
			[]string{"About 40 approx. units and Pty. ltd. firms."}},
		{"missing space", "It ended.Then it began.",
			[]string{"It ended.", "Then it began."}},
		{"url and email", "See https://example.com/a.html. Write to press@mod.gov.ru. Done.",
			[]string{"See https://example.com/a.html.", "Write to press@mod.gov.ru.", "Done."}},
		{"heading lines", "Breaking news\nTroops enter the city\nThe army said it took control.",
			[]string{"Breaking news", "Troops enter the city", "The army said it took control."}},
		{"wrapped line goes on", "The army said it took\ncontrol of the city,\nand the town was quiet.",
			[]string{"The army said it took\ncontrol of the city,\nand the town was quiet."}},
		// A line that ends in a word and a next line in capitals cannot be
		// told from a heading; the break wins.
		{"wrapped line before a name breaks", "He met the\nPresident.",
			[]string{"He met the", "President."}},
		{"paragraphs", "First paragraph without end\n\nSecond one. Two sentences.",
			[]string{"First paragraph without end", "Second one.", "Two sentences."}},
		{"bullets", "Key points:\n- Troops moved. They stopped\n• Another point\n1. First item\n2. Second item",
			[]string{"Key points:", "- Troops moved.", "They stopped", "• Another point", "1. First item", "2. Second item"}},
		{"dateline", "MOSCOW, June 9 (Reuters) - The ministry said. It denied it.",
			[]string{"MOSCOW, June 9 (Reuters) - The ministry said.", "It denied it."}},
		{"other scripts", "Россия заявила об ударе. Коалиция молчит. 联军发动了空袭。叙利亚军队撤退。",
			[]string{"Россия заявила об ударе.", "Коалиция молчит.", "联军发动了空袭。", "叙利亚军队撤退。"}},
		{"compound rank", "Maj.-Gen. Ivanov and Lt.-Col. Petrov came. They left.",
			[]string{"Maj.-Gen. Ivanov and Lt.-Col. Petrov came.", "They left."}},
		{"number list not sentence end", "It rose 5. 6 people died.",
			[]string{"It rose 5.", "6 people died."}},
		{"only spaces", "   \n\n  \t ", nil},
		{"empty", "", nil},
	}
	seg := New(Config{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras, sents, toks := seg.Segment(tt.text)
			got := covered(tt.text, sentenceSpans(sents))
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b []string) bool { return cmp.Equal(a, b) })); len(tt.want)+len(got) > 0 && diff != "" {
				t.Errorf("sentences (-want +got):\n%s", diff)
			}
			if len(tt.want) > 0 {
				if diff := cmp.Diff(spansOf(t, tt.text, tt.want), sentenceSpans(sents)); diff != "" {
					t.Errorf("sentence spans (-want +got):\n%s", diff)
				}
			}
			if err := checkLayers(tt.text, paras, sents, toks); err != "" {
				t.Error(err)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	text := "  Title line  \n\n\nFirst para line one\nline two.\n \t\nList:\n- a\n  goes on\n- b\nAfter list.\n\n"
	want := []string{"Title line", "First para line one\nline two.", "List:", "- a\n  goes on", "- b", "After list."}
	paras, _, _ := New(Config{}).Segment(text)
	if diff := cmp.Diff(want, covered(text, paras)); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(spansOf(t, text, want), paras); diff != "" {
		t.Errorf("paragraph spans (-want +got):\n%s", diff)
	}
}

// TestTokens: the expected tokens are written separated by single spaces
// (a token never holds white space).
func TestTokens(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"Col. Gen. Sergei Rudskoy said.", "Col. Gen. Sergei Rudskoy said ."},
		{"the U.S. and the U.S.-led coalition", "the U.S. and the U.S.-led coalition"},
		{"in the U.S. The", "in the U.S. The"},
		{"at 4 p.m., e.g. now, i.e. then", "at 4 p.m. , e.g. now , i.e. then"},
		{"George W. Bush and J. R. R. Tolkien", "George W. Bush and J. R. R. Tolkien"},
		{"Ph.D. student at Amazon.com.", "Ph.D. student at Amazon.com ."},
		{"No. 5 and no. 6 but no.", "No. 5 and no. 6 but no ."},
		{"3.5 1,000 09.06.2017 16:48 2017-06-09 09/06/2017", "3.5 1,000 09.06.2017 16:48 2017-06-09 09/06/2017"},
		{"$1.2bn, 60km, 1990s, 2nd, 50%", "$ 1.2bn , 60km , 1990s , 2nd , 50 %"},
		{"a 60-year-old F-16 pilot", "a 60-year-old F-16 pilot"},
		{"pro-Damascus forces near al-Tanf", "pro-Damascus forces near al-Tanf"},
		{"coalition's actions, Damascus' allies, the forces’ casualties", "coalition 's actions , Damascus ' allies , the forces ’ casualties"},
		{"It’s O'Brien's view; don't go", "It ’s O'Brien 's view ; do n't go"},
		{"They're sure I'm right, we'll see, you'd know, I've said, can't won't", "They 're sure I 'm right , we 'll see , you 'd know , I 've said , ca n't wo n't"},
		{"AT&T, S&P 500 and R&D; A & B", "AT&T , S&P 500 and R&D ; A & B"},
		{"US$40 billion, HK$ 5 and CA$1", "US$ 40 billion , HK$ 5 and CA$ 1"},
		{"The Dow fell -366.94 (-2.6%), −82 or 1990-91 and 5-3", "The Dow fell -366.94 ( -2.6 % ) , −82 or 1990-91 and 5-3"},
		{"'New Syrian army'.", "' New Syrian army ' ."},
		{`"[US-led] coalition"`, `" [ US-led ] coalition "`},
		{"wait... now… -- yes—no", "wait ... now … -- yes — no"},
		{"See https://example.com/path?q=1&x=(2). Or www.mod.ru, or ask press@mod.gov.ru.", "See https://example.com/path?q=1&x=(2) . Or www.mod.ru , or ask press@mod.gov.ru ."},
		{"(see http://en.wikipedia.org/wiki/Foo_(bar))", "( see http://en.wikipedia.org/wiki/Foo_(bar) )"},
		{"user@ not an address, a@b neither", "user @ not an address , a @ b neither"},
		{"Maj.-Gen. Ivanov", "Maj.-Gen. Ivanov"},
		{"ended.Then St.Petersburg", "ended . Then St. Petersburg"},
		{"联军发动了空袭。", "联 军 发 动 了 空 袭 。"},
		{"Россия заявила.", "Россия заявила ."},
		{"👍🏽 ok 👨‍👩‍👧 ok", "👍🏽 ok 👨‍👩‍👧 ok"},
		{"a\u00a0b\u200bc\td", "a b c d"},
	}
	seg := New(Config{})
	for _, tt := range tests {
		_, _, toks := seg.Segment(tt.text)
		var got []string
		for _, tk := range toks {
			got = append(got, tt.text[tk.Span.Start:tk.Span.End])
		}
		if diff := cmp.Diff(strings.Split(tt.want, " "), got); diff != "" {
			t.Errorf("%q tokens (-want +got):\n%s", tt.text, diff)
		}
	}
}

// TestTokenKinds: expectations are written token/kind.
func TestTokenKinds(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"On June 8, 3.5 $ 1990s 60-year-old 👍 …", "On/word June/word 8/number ,/punct 3.5/number $/symbol 1990s/number 60-year-old/word 👍/symbol …/punct"},
		{"coalition's 16:48 U.S. http://x.org", "coalition/word 's/word 16:48/number U.S./word http://x.org/word"},
		{"US$5 -3.16 AT&T don't", "US$/symbol 5/number -3.16/number AT&T/word do/word n't/word"},
	}
	seg := New(Config{})
	for _, tt := range tests {
		_, _, toks := seg.Segment(tt.text)
		var got []string
		for _, tk := range toks {
			got = append(got, tt.text[tk.Span.Start:tk.Span.End]+"/"+tk.Kind.String())
		}
		if diff := cmp.Diff(strings.Split(tt.want, " "), got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestApply(t *testing.T) {
	s := New(Config{})
	if s.Name() != "segment" || !cmp.Equal(s.Requires(), []string{"extract"}) {
		t.Fatalf("Name/Requires = %q %q", s.Name(), s.Requires())
	}
	a := &news.Article{Text: "One. Two."}
	a.Tokens = []news.Token{{Kind: news.Word}} // stale layer, replaced
	if err := s.Apply(a); err != nil {
		t.Fatal(err)
	}
	if len(a.Paragraphs) != 1 || len(a.Sentences) != 2 || len(a.Tokens) != 4 {
		t.Errorf("got %d paragraphs, %d sentences, %d tokens; want 1, 2, 4", len(a.Paragraphs), len(a.Sentences), len(a.Tokens))
	}
	bad := &news.Article{Text: "ok \xff\xfe bytes"}
	if err := s.Apply(bad); err != nil {
		t.Fatal(err)
	}
	if len(bad.Tokens) != 0 || len(bad.Diagnostics) != 1 || bad.Diagnostics[0].Code != "invalid-utf8" {
		t.Errorf("invalid UTF-8: tokens %v, diagnostics %v; want none and one invalid-utf8", bad.Tokens, bad.Diagnostics)
	}
}

func TestParseLexiconErrors(t *testing.T) {
	for _, data := range []string{
		"Mr\n",             // entry before a section
		"[titles]\nMr\n",   // unknown section
		"[title]\nMr.\n",   // entry with its period
		"[general]\na b\n", // space
	} {
		if _, err := parseLexicon(data, "", ""); err == nil {
			t.Errorf("parseLexicon(%q) = nil error", data)
		}
	}
	if _, err := parseLexicon("[title]\nMr\n", "The", "said says"); err == nil {
		t.Error("reporting entry with a space: nil error")
	}
	lx, err := defaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]abbrevClass{"Col": classTitle, "COL": classTitle, "Inc": classGeneral, "No": classNumber, "col": notAbbrev} {
		if got := lx.abbrev[w]; got != want {
			t.Errorf("class of %q = %d, want %d", w, got, want)
		}
	}
}
