package event

import (
	"testing"

	"sitrep/news"
)

// TestTypesAndRoles codes one sentence each and checks the main event's
// type, mode, source and target: object frames, intentions, and role
// rules. Sentences are written for the test, not taken from any data set.
func TestTypesAndRoles(t *testing.T) {
	checkMain(t, []mainCase{
		// Object frames: the object's head noun decides the type.
		{"⟦The government|A:XXA/government⟧ lifted all remaining restrictions on travel.", "CONCEDE/ease XXA/government→-"},
		{"⟦The government|A:XXA/government⟧ imposed new restrictions on travel.", "SANCTION XXA/government→-"},
		{"⟦The army|A:XXA/military⟧ sent troops to ⟦the border|A:XXB/place⟧.", "MOBILIZE/troops XXA/military→XXB/place"},
		{"⟦The ministry|A:XXA/government⟧ sent food and medicine to ⟦Ruritania|A:XXB/state⟧.", "AID XXA/government→XXB/state"},
		{"⟦The agency|A:IGO/igo⟧ delivered humanitarian aid to ⟦the villagers|A:XXB/civilians⟧.", "AID/humanitarian IGO/igo→XXB/civilians"},
		{"The sanctions on ⟦Ruritania|A:XXB/state⟧ were lifted.", "CONCEDE/ease -→XXB/state"},
		{"⟦Ruritania|A:XXB/state⟧ restored diplomatic ties with ⟦Freedonia|A:XXC/state⟧.", "SUPPORT/recognize XXB/state→XXC/state"},
		{"⟦Ruritania|A:XXB/state⟧ denied entry to ⟦the inspectors|A:IGO/igo⟧.", "REJECT/refuse XXB/state→IGO/igo"},
		{"⟦The rebels|A:XXB/rebel⟧ burned houses in the village.", "COERCE/seize XXB/rebel→-"},
		{"⟦Freedonia|A:XXC/state⟧ recalled its ambassador from ⟦Ruritania|A:XXB/state⟧.", "SANCTION/break-relations XXC/state→XXB/state"},
		// A warning or an appeal sent is a threat or a request, not aid.
		{"⟦Ruritania|A:XXB/state⟧ sent a warning to ⟦Freedonia|A:XXC/state⟧.", "THREATEN XXB/state→XXC/state"},
		{"⟦Ruritania|A:XXB/state⟧ sent an urgent appeal to ⟦the League|A:IGO/igo⟧.", "REQUEST/appeal XXB/state→IGO/igo"},
		// Participles before a noun are no events.
		{"⟦Settlers|A:XXA/civilians⟧ marched in the occupied territories.", "PROTEST/demonstrate XXA/civilians→-"},
		// Roles.
		{"⟦The rebels|A:XXB/rebel⟧ dismissed an appeal from ⟦the president|A:XXB/government⟧.", "REJECT XXB/rebel→XXB/government"},
		{"⟦Ruritania|A:XXB/state⟧ says it will withdraw its troops from ⟦Freedonia|A:XXC/place⟧.", "AGREE(intends RETREAT) XXB/state→XXC/place"},
		{"⟦Ruritania|A:XXB/state⟧ closed its borders.", "SANCTION XXB/state→-"},
		{"⟦Ruritania|A:XXB/state⟧ lifted the curfew in ⟦Freedonia|A:XXC/place⟧.", "CONCEDE/ease XXB/state→XXC/place"},
		{"⟦Students|A:XXB/civilians⟧ staged a hunger strike to demand the release of ⟦the opposition leader|A:XXB/opposition⟧.", "PROTEST/hunger-strike XXB/civilians→XXB/opposition"},
		{"⟦Ruritania|A:XXB/state⟧ and ⟦Freedonia|A:XXC/state⟧ reached a consensus on water.", "AGREE XXB/state→XXC/state"},
		{"⟦The army|A:XXB/military⟧ prepared to resume shelling the town.", "MOBILIZE/troops XXB/military→-"},
		{"⟦A journalist|A:XXB/media⟧ was killed in a car bomb explosion.", "ASSAULT/bombing -→XXB/media"},
		{"⟦Ruritanian|A:XXB/military⟧ and ⟦Freedonian|A:XXC/military⟧ warships began war games.", "COOPERATE/military XXB/military→XXC/military"},
		{"⟦The council|A:XXB/government⟧ concluded ⟦on Monday|T:2024-05-06⟧ that ⟦the army|A:XXB/military⟧ must withdraw.", "REQUEST(intends RETREAT) -→XXB/military"},
		{"⟦Ruritania|A:XXB/state⟧ threatened to halt the talks if ⟦Freedonia|A:XXC/state⟧ moves troops.", "THREATEN XXB/state→XXC/state"},
		{"⟦Ruritania|A:XXB/state⟧ complained to ⟦the UN|A:IGO/igo⟧ over ⟦Freedonian|A:XXC/military⟧ air raids.", "ACCUSE/criticize XXB/state→XXC/military"},
	})
}

// short writes event i as "TYPE/mode(intends T) source→target".
func short(a *news.Article, i int) string {
	e := a.Events[i]
	s := e.Type
	if e.Mode != "" {
		s += "/" + e.Mode
	}
	if e.Intended != "" {
		s += "(intends " + e.Intended + ")"
	}
	name := func(m int) string {
		if m < 0 {
			return "-"
		}
		return a.Mentions[m].Actor.ID
	}
	return s + " " + name(e.Source) + "→" + name(e.Target)
}
