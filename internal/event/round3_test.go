package event

import (
	"strings"
	"testing"
)

// TestLocativePlace checks that a place after a locative preposition is
// where the act happens, not its doer, and that the place of a meeting is
// its venue, not the other party; a place named as the one visited, and
// the people of the place unnamed protesters march in, stay. Sentences
// are written for the test.
func TestLocativePlace(t *testing.T) {
	checkMain(t, []mainCase{
		{"⟦Ruritania|A:XXB/state⟧ is a critic of the claims in ⟦the Zenda Sea|A:XXC/place⟧ and has accused ⟦Freedonia|A:XXC/state⟧ of encroaching.", "ACCUSE XXB/state→XXC/state"},
		{"The talks at ⟦the palace|A:XXB/government⟧ lasted three hours.", "none"},
		{"The envoy described a meeting at ⟦the Blue House|A:XXB/government⟧ in May.", "none"},
		{"⟦The envoy|A:XXB/government⟧ held talks with ⟦the rebels|A:XXC/rebel⟧ at ⟦the palace|A:XXB/government⟧.", "CONSULT XXB/government→XXC/rebel"},
		{"⟦The envoy|A:XXB/government⟧ visited ⟦Zenda|A:XXC/place⟧ on Monday.", "CONSULT/visit XXB/government→XXC/place"},
		{"Thousands of people marched in ⟦Zenda|A:XXB/place⟧ on Sunday.", "PROTEST/demonstrate XXB/place→-"},
	})
}

// TestObjectOwner checks that a possessive or object pronoun right after
// an act done to another actor is what the act is done to, not its doer,
// while the owner of what an actor gives up or opens stays its doer.
// Sentences are written for the test.
func TestObjectOwner(t *testing.T) {
	checkMain(t, []mainCase{
		{"Officers arrested ⟦her|A:XXB/civilians⟧ on Monday.", "COERCE/arrest -→XXB/civilians"},
		{"Then the singer publicly scolded ⟦her|A:XXB/civilians⟧ former label.", "ACCUSE/criticize -→XXB/civilians"},
		{"Gunmen attacked ⟦their|A:XXB/military⟧ convoy near the border.", "ASSAULT -→XXB/military"},
		{"Yesterday the cabinet rejected ⟦their|A:XXC/rebel⟧ offer of a truce.", "REJECT -→XXC/rebel"},
		{"⟦Ruritanja|A:XXB/state⟧ said it would reopen ⟦its|A:XXB/state⟧ borders.", "AGREE(intends RETREAT) XXB/state→-"},
	})
}

// TestFirstPersonAndContests checks that a first person no one resolved is
// the subject of the verb it stands before, so that a mention earlier in
// the sentence is not taken as the doer, and that fighting or battling a
// court case, a charge or a disease is no assault. Sentences are written
// for the test.
func TestFirstPersonAndContests(t *testing.T) {
	checkMain(t, []mainCase{
		{"As one of the many owners of ⟦Acme|A:XXB/business⟧ laptops, I welcome the new design.", "none"},
		{"Like many residents of ⟦Zenda|A:XXB/place⟧, we oppose the new tax.", "none"},
		{"Like many residents of ⟦Zenda|A:XXB/place⟧, we condemn ⟦the rebels|A:XXC/rebel⟧.", "ACCUSE/criticize -→XXC/rebel"},
		{"⟦Ruritania|A:XXB/state⟧, we believe, will reject the offer.", "REJECT XXB/state→-"},
		{"⟦The activist|A:XXB/civilians⟧ is battling extradition to ⟦Freedonia|A:XXC/state⟧.", "none"},
		{"⟦The senator|A:XXB/legislature⟧ has battled cancer for years.", "none"},
		{"⟦The minister|A:XXB/government⟧ fought the charges in court.", "none"},
		{"⟦The army|A:XXB/military⟧ battled ⟦the rebels|A:XXC/rebel⟧ for the town.", "ASSAULT XXB/military→XXC/rebel"},
	})
}

// TestConclude checks that "conclude" is an agreement only when a pact is
// what is concluded; concluding that something is so, or ending a quote
// with "she concluded", is deciding or saying. Sentences are written for
// the test.
func TestConclude(t *testing.T) {
	checkMain(t, []mainCase{
		{"⟦Ruritania|A:XXB/state⟧ concluded a trade agreement with ⟦Freedonia|A:XXC/state⟧.", "AGREE/sign XXB/state→XXC/state"},
		{"The treaty between ⟦Ruritania|A:XXB/state⟧ and ⟦Freedonia|A:XXC/state⟧ was concluded in May.", "AGREE/sign XXB/state→XXC/state"},
		{"⟦The panel|A:XXB/government⟧ concluded that ⟦the army|A:XXB/military⟧ had acted lawfully.", "none"},
		{"\"The plan will fail,\" ⟦the minister|A:XXB/government⟧ concluded.", "none"},
	})
}

// TestCoordinatedPassive checks that the coordinated subject of a passive
// undergoes the act: its first member is the target and the agent after
// "by", if any, the source; an active coordinated subject stays a
// reciprocal pair. Sentences are written for the test.
func TestCoordinatedPassive(t *testing.T) {
	checkMain(t, []mainCase{
		{"⟦Ruritania|A:XXB/state⟧ and ⟦the rebels|A:XXC/rebel⟧ have been accused of blocking aid.", "ACCUSE -→XXB/state"},
		{"⟦Ruritania|A:XXB/state⟧ and ⟦the rebels|A:XXC/rebel⟧ were accused by ⟦the UN|A:IGO/igo⟧ of blocking aid.", "ACCUSE IGO/igo→XXB/state"},
		{"⟦Two soldiers|A:XXB/military⟧ and ⟦a policeman|A:XXB/police⟧ were killed by ⟦the rebels|A:XXC/rebel⟧.", "ASSAULT XXC/rebel→XXB/military"},
		{"⟦Ruritania|A:XXB/state⟧ and ⟦Freedonia|A:XXC/state⟧ met in May.", "CONSULT XXB/state→XXC/state"},
	})
}

// TestRefusalAndWhModal checks the assertion of an act refused, ruled out
// or opposed in a gerund ("balking at sending troops": not done), and of
// an act a wh-question with a modal asks about ("Why would X attack Y?":
// hypothetical), while a wh-question with no modal presupposes its act.
// Sentences are written for the test; want is a line of the rendered
// events.
func TestRefusalAndWhModal(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"⟦The minister|A:XXB/government⟧ is balking at sending troops to ⟦Freedonia|A:XXC/state⟧.", `"sending" XXB/government→XXC/state voice=active asserted=outlet:negated`},
		{"⟦The minister|A:XXB/government⟧ ruled out sending troops to ⟦Freedonia|A:XXC/state⟧.", `"sending" XXB/government→XXC/state voice=active asserted=outlet:negated`},
		{"⟦The party|A:XXB/party⟧ opposes sending troops to ⟦Freedonia|A:XXC/state⟧.", `"sending" XXB/party→XXC/state voice=active asserted=outlet:hypothetical`},
		{"⟦The army|A:XXB/military⟧ resisted attacking ⟦the town|A:XXC/place⟧.", `"attacking" XXB/military→XXC/place voice=active asserted=outlet:negated`},
		{"Why would ⟦Ruritania|A:XXB/state⟧ attack ⟦Freedonia|A:XXC/state⟧ now?", `"attack" XXB/state→XXC/state voice=active asserted=outlet:hypothetical`},
		{"How could ⟦the army|A:XXB/military⟧ shell ⟦the town|A:XXC/place⟧?", `asserted=outlet:hypothetical`},
		{"Why did ⟦Ruritania|A:XXB/state⟧ attack ⟦Freedonia|A:XXC/state⟧?", `"attack" XXB/state→XXC/state voice=active asserted=outlet:reported`},
	} {
		a := marked(t, tc.text)
		if err := New(Config{}).Apply(a); err != nil {
			t.Fatal(err)
		}
		if got := render(a); !strings.Contains(got, tc.want) {
			t.Errorf("%s\nwant a line with %s\nevents:\n%s", a.Text, tc.want, got)
		}
	}
}
