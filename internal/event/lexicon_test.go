package event

import (
	"strings"
	"testing"
)

// TestLexiconCoverage codes one sentence for words of each CAMEO category
// the lexicon was broadened with (data/patterns.tsv, data/wordnet.tsv) and
// checks the main event's type, mode, source and target. Sentences are
// written for the test, not taken from any data set.
func TestLexiconCoverage(t *testing.T) {
	checkMain(t, []mainCase{
		// 02, 10 appeal and demand
		{"⟦The opposition|A:XXA/opposition⟧ implored ⟦the president|A:XXA/government⟧ to step down.", "REQUEST/appeal XXA/opposition→XXA/government"},
		{"⟦Ruritania|A:XXB/state⟧ petitioned ⟦the court|A:XXC/judiciary⟧ for the return of the islands.", "REQUEST/appeal XXB/state→XXC/judiciary"},
		// 03 intent
		{"⟦Ruritania|A:XXB/state⟧ committed to the plan of ⟦the mediators|A:IGO/igo⟧.", "AGREE XXB/state→IGO/igo"},
		// 04 consult
		{"⟦The foreign minister|A:XXB/government⟧ paid a visit to ⟦Freedonia|A:XXC/state⟧.", "CONSULT/visit XXB/government→XXC/state"},
		{"⟦Norway|A:NOR/state⟧ arbitrated between ⟦the rebels|A:XXB/rebel⟧ and ⟦the government|A:XXB/government⟧.", "CONSULT/third-party NOR/state→XXB/rebel"},
		// 05 diplomatic cooperation
		{"⟦The president|A:XXB/government⟧ paid tribute to ⟦the peacekeepers|A:IGO/igo⟧.", "SUPPORT/praise XXB/government→IGO/igo"},
		// 06 material cooperation
		{"⟦Ruritanian|A:XXB/military⟧ and ⟦Freedonian|A:XXC/military⟧ troops began a joint patrol.", "COOPERATE/military XXB/military→XXC/military"},
		// 07 aid
		{"⟦The air force|A:XXB/military⟧ airlifted ⟦the villagers|A:XXC/civilians⟧ to safety.", "AID/humanitarian XXB/military→XXC/civilians"},
		// 08 yield
		{"⟦The junta|A:XXB/military⟧ set free ⟦the opposition leader|A:XXB/opposition⟧.", "CONCEDE/release XXB/military→XXB/opposition"},
		{"⟦The government|A:XXB/government⟧ relented.", "CONCEDE XXB/government→-"},
		{"⟦The rebels|A:XXB/rebel⟧ capitulated to ⟦the army|A:XXB/military⟧.", "RETREAT/surrender XXB/rebel→XXB/military"},
		{"⟦Ruritania|A:XXB/state⟧ ceded the province to ⟦Freedonia|A:XXC/state⟧.", "RETREAT/withdraw XXB/state→XXC/state"},
		// 09, 11 investigate, disapprove
		{"⟦The minister|A:XXB/government⟧ castigated ⟦the rebels|A:XXB/rebel⟧ for the attack.", "ACCUSE/criticize XXB/government→XXB/rebel"},
		{"⟦Ruritania|A:XXB/state⟧ lodged a formal protest with ⟦Freedonia|A:XXC/state⟧.", "ACCUSE/criticize XXB/state→XXC/state"},
		{"⟦Parliament|A:XXB/legislature⟧ impeached ⟦the president|A:XXB/government⟧.", "ACCUSE/sue XXB/legislature→XXB/government"},
		// 12 reject
		{"⟦Ruritania|A:XXB/state⟧ repudiated the treaty with ⟦Freedonia|A:XXC/state⟧.", "REJECT XXB/state→XXC/state"},
		// 14 protest
		{"⟦Workers|A:XXB/labor⟧ took to the streets against ⟦the government|A:XXB/government⟧.", "PROTEST/demonstrate XXB/labor→XXB/government"},
		// 15 force posture
		{"⟦The army|A:XXB/military⟧ redeployed its units to ⟦the border|A:XXC/place⟧.", "MOBILIZE/troops XXB/military→XXC/place"},
		// 16 sanction
		{"⟦Ruritania|A:XXB/state⟧ imposed a travel ban on ⟦Freedonian officials|A:XXC/government⟧.", "SANCTION XXB/state→XXC/government"},
		// 17 coerce
		{"⟦Police|A:XXB/police⟧ apprehended ⟦the opposition leader|A:XXB/opposition⟧.", "COERCE/arrest XXB/police→XXB/opposition"},
		{"⟦Soldiers|A:XXB/military⟧ looted shops in ⟦the town|A:XXB/place⟧.", "COERCE/seize XXB/military→XXB/place"},
		// 18-20 assault
		{"⟦Gunmen|A:XXB/rebel⟧ stabbed ⟦a journalist|A:XXB/media⟧.", "ASSAULT/beat XXB/rebel→XXB/media"},
		{"⟦Jets|A:XXB/military⟧ strafed ⟦the convoy|A:XXC/military⟧.", "ASSAULT/aerial XXB/military→XXC/military"},
		{"⟦Ruritania|A:XXB/state⟧ annexed ⟦the peninsula|A:XXC/place⟧.", "ASSAULT/occupy XXB/state→XXC/place"},
		{"⟦The aid workers|A:IGO/igo⟧ were held hostage by ⟦the militia|A:XXB/militia⟧.", "ASSAULT/abduct XXB/militia→IGO/igo"},
		// Words that are no event in their common sense.
		{"⟦She|A:XXB/person⟧ is a five-time Olympic champion.", "none"},
		{"⟦The firm|A:XXB/business⟧ took over the company in 2019.", "none"},
		{"⟦The laptop|A:XXB/business⟧ comes equipped with a touch screen.", "none"},
	})
}

// TestInflectDoubled: verbs that double their last consonant are written
// lemma/past/participle and get the doubled gerund too.
func TestInflectDoubled(t *testing.T) {
	var got []string
	for _, s := range inflect("stab/stabbed/stabbed", true) {
		got = append(got, s.s)
	}
	if want := "stab stabs stabbed stabbed stabbing"; strings.Join(got, " ") != want {
		t.Errorf("inflect(stab) = %q, want %q", got, want)
	}
}

// TestWordnetAddsOnly: data/wordnet.tsv parses, and none of its lines
// gives a word of patterns.tsv another event type, so the hand-written
// reading of a word is never shadowed by a generated one.
func TestWordnetAddsOnly(t *testing.T) {
	base, err := parseLexicon(patternsTSV)
	if err != nil {
		t.Fatal(err)
	}
	wn, err := parseLexicon("")
	if err != nil {
		t.Fatal(err)
	}
	if err := wn.parse("wordnet.tsv", wordnetTSV); err != nil {
		t.Fatal(err)
	}
	n := 0
	for k, es := range wn.byFirst {
		for _, e := range es {
			n++
			for _, o := range base.byFirst[k] {
				if o.verb == e.verb && isPlover(o.kind) && o.kind != e.kind && strings.Join(o.words, " ") == strings.Join(e.words, " ") {
					t.Errorf("wordnet.tsv %q (%s) shadows patterns.tsv %s", strings.Join(e.words, " "), e.kind, o.kind)
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("wordnet.tsv gave %d surface forms, want more than 100", n)
	}
}

// stressedFinal are verbs of more than one syllable stressed on their last
// one, which double a final consonant ("permitted", "controlled"): English
// spelling, not a list of the lexicon's words.
var stressedFinal = set("permit", "admit", "commit", "submit", "omit", "transmit", "emit", "remit",
	"control", "patrol", "compel", "expel", "propel", "repel", "rebel", "occur", "refer", "confer",
	"defer", "deter", "prefer", "transfer", "infer", "regret", "abet", "acquit", "equip", "embed",
	"allot", "forbid", "begin", "upset", "outwit", "incur", "recur", "kidnap", "handicap")

// TestInflectDoubledLexicon: every verb of the data files that doubles its
// final consonant (one-syllable "ship", "cut", "plan"; stress-final
// "permit") is written lemma/past/participle, so that "shipped" and
// "permitted" match and "shiped" is never made.
func TestInflectDoubledLexicon(t *testing.T) {
	oneVowelGroup := func(w string) bool {
		groups, in := 0, false
		for i := 0; i < len(w); i++ {
			v := isVowel(w[i])
			if v && !in {
				groups++
			}
			in = v
		}
		return groups == 1
	}
	doubles := func(lemma string) bool {
		if i := strings.LastIndexByte(lemma, '-'); i >= 0 {
			lemma = lemma[i+1:]
		}
		n := len(lemma)
		if n < 3 {
			return false
		}
		c, v, b := lemma[n-1], lemma[n-2], lemma[n-3]
		if isVowel(c) || strings.IndexByte("wxyh", c) >= 0 || !isVowel(v) || isVowel(b) {
			return false
		}
		return oneVowelGroup(lemma) || stressedFinal[lemma]
	}
	check := func(file, head string) {
		if strings.Contains(head, "/") {
			return
		}
		if w := strings.Fields(head); len(w) > 0 && doubles(w[0]) {
			t.Errorf("%s: verb %q doubles its final consonant: write it lemma/past/participle", file, head)
		}
	}
	for _, f := range []struct{ name, src string }{{"patterns.tsv", patternsTSV}, {"wordnet.tsv", wordnetTSV}} {
		for _, line := range strings.Split(f.src, "\n") {
			if c := strings.Split(line, "\t"); len(c) > 1 && line[0] != '#' && c[1] == "V" {
				check(f.name, c[0])
			}
		}
	}
	for _, line := range strings.Split(framesTSV, "\n") {
		if c := strings.Split(line, "\t"); len(c) > 1 && line[0] != '#' && c[1] == "V" {
			for _, h := range strings.Split(c[0], ",") {
				check("frames.tsv", strings.TrimSpace(h))
			}
		}
	}
	for _, line := range strings.Split(modalityTSV, "\n") {
		if c := strings.Split(line, "\t"); len(c) > 2 && line[0] != '#' && (c[2] == "to" || c[2] == "ing") {
			check("modality.tsv", c[0])
		}
	}
}
