package event

import "testing"

// TestRoles checks the source and target of the main event for the
// argument-role constructions, one sentence each. Sentences are written
// for the test, not taken from any data set.
func TestRoles(t *testing.T) {
	checkMain(t, []mainCase{
		// A partitive "of" after a quantity heads no phrase: the students
		// are the subject, not the country they are in.
		{"Tens of thousands of ⟦students|A:XXB/education⟧ throughout ⟦Ruritania|A:XXB/state⟧ demonstrated on Sunday.", "PROTEST/demonstrate XXB/education→-"},
		{"Dozens of ⟦farmers|A:XXB/civilians⟧ from ⟦Freedonia|A:XXC/state⟧ marched on Sunday.", "PROTEST/demonstrate XXB/civilians→-"},
		// A mention after "of the <adjective>" is governed, not the subject.
		{"⟦The northern|A:XXB/state⟧ and ⟦southern|A:XXC/state⟧ parts of the divided ⟦Atlantic|A:XXD/place⟧ island have agreed to share water.", "AGREE XXB/state→XXC/state"},
		// The doer of what an active verb acts on: "an admission by X".
		{"⟦The senate|A:XXB/legislature⟧ demanded a full accounting by ⟦Freedonia|A:XXC/state⟧ of the raid.", "REQUEST XXB/legislature→XXC/state"},
		// "demanded that X …": the subject of the that-clause, not a
		// possessor inside it.
		{"⟦Ruritanian officials|A:XXB/government⟧ demanded that ⟦Freedonia|A:XXC/state⟧ match ⟦the League|A:IGO/igo⟧'s offer of loans.", "REQUEST XXB/government→XXC/state"},
		// A refusal targets whoever pressed for it.
		{"⟦The minister|A:XXB/government⟧ refused to step down despite mounting pressure from ⟦the audit office|A:XXB/judiciary⟧.", "REJECT/refuse XXB/government→XXB/judiciary"},
		// A threat's target inside its infinitive when that is no event.
		{"⟦The militia|A:XXB/militia⟧ threatened to mount a fierce campaign against ⟦Freedonia|A:XXC/state⟧.", "THREATEN XXB/militia→XXC/state"},
		// A gerund event noun takes its direct object as target.
		{"⟦The army|A:XXB/military⟧ resumed shelling ⟦rebel|A:XXB/rebel⟧ positions near the river.", "ASSAULT/shelling XXB/military→XXB/rebel"},
		// "of X" names the forces that move: the source.
		{"The deployment of ⟦League troops|A:IGO/military⟧ in the north began on Monday.", "MOBILIZE/troops IGO/military→-"},
		// The subject of an aspectual verb does the act its object names.
		{"⟦Ruritania|A:XXB/state⟧ speeded up the withdrawal of its forces from ⟦Freedonia|A:XXC/state⟧.", "RETREAT/withdraw XXB/state→XXC/state"},
		{"⟦Ruritania|A:XXB/state⟧ completed the pullout of its forces from ⟦Freedonia|A:XXC/state⟧.", "RETREAT/withdraw XXB/state→XXC/state"},
		// A verb form after "verb + plain noun" heads the object: "suspended
		// fuel supplies to X" is a suspension, its target X.
		{"⟦The League|A:IGO/igo⟧ suspended fuel supplies to ⟦the camp|A:XXB/refugees⟧.", "SANCTION IGO/igo→XXB/refugees"},
		// A reduced relative passive names the doer of what is demanded.
		{"⟦Farmers|A:XXB/civilians⟧ demanded the release of activists detained by ⟦the army|A:XXB/military⟧.", "REQUEST XXB/civilians→XXB/military"},
		// "among X's Y": the possessor of the object.
		{"⟦The League|A:IGO/igo⟧ may halt mediation among ⟦Ruritania|A:XXB/state⟧'s warring provinces.", "THREATEN(intends SANCTION) IGO/igo→XXB/state"},
		// "X and his party": a coordinated subject behind a possessive.
		{"⟦The rebels|A:XXB/rebel⟧ said that ⟦the president|A:XXB/government⟧ and ⟦his|A:XXB/government⟧ ⟦ruling party|A:XXB/party⟧ must accept talks.", "REQUEST(intends AGREE) XXB/rebel→XXB/government"},
		// The next target when the first is the source itself.
		{"⟦Ruritania|A:XXB/state⟧ closed ⟦its|A:XXB/state⟧ airspace to ⟦Freedonian|A:XXC/state⟧ airlines.", "SANCTION XXB/state→XXC/state"},
		// An act takes the target of the act it is done for.
		{"⟦Ruritania|A:XXB/state⟧ will send arms to help defend ⟦Freedonia|A:XXC/state⟧.", "AGREE(intends AID) XXB/state→XXC/state"},
		// A protest's purpose names its target past the protesters.
		{"⟦Demonstrators|A:XXB/civilians⟧ blocked a highway to voice ⟦their|A:XXB/civilians⟧ anger at ⟦the League|A:IGO/igo⟧'s rules.", "PROTEST/obstruct XXB/civilians→IGO/igo"},
		// Unnamed protesters are the people of the place they protest in.
		{"Thousands of people marched through the streets in ⟦Zenda|A:XXB/place⟧ on Sunday.", "PROTEST/demonstrate XXB/place→-"},
		{"Inmates rioted at a prison in ⟦Ruritania|A:XXB/state⟧'s capital ⟦Zenda|A:XXB/place⟧ on Monday.", "PROTEST/riot XXB/place→-"},
		// An attack on people it does not name targets the place it hits.
		{"⟦The gunmen|A:XXB/rebel⟧ killed nine people when they opened fire in ⟦Zenda|A:XXB/place⟧.", "ASSAULT XXB/rebel→XXB/place"},
		// A passive agent after a parenthetical.
		{"⟦The premier|A:XXB/government⟧ has been accused of taking bribes, much of it in cash, by ⟦opposition deputies|A:XXB/opposition⟧.", "ACCUSE XXB/opposition→XXB/government"},
		// A possessive pronoun in the object stands for an unnamed subject.
		{"Ruritanja has agreed to re-open ⟦its|A:XXB/state⟧ borders to ⟦League monitors|A:IGO/military⟧.", "AGREE XXB/state→IGO/military"},
		// A name the knowledge base does not know takes the actor that
		// qualifies it: a name before it, an appositive title after it.
		{"⟦Ruritanian|A:XXB/military⟧ ⟦Falcon|A:/⟧ drones struck ⟦rebel|A:XXC/rebel⟧ camps.", "ASSAULT XXB/military→XXC/rebel"},
		{"⟦The council|A:XXB/government⟧ rejected calls by ⟦Jan Novak|A:/person⟧, ⟦League|A:IGO/igo⟧ envoy, to resign.", "REJECT XXB/government→IGO/igo"},
		// A noun in a fronted adverbial phrase is background: the main
		// clause's event is the sentence's.
		{"With the signing of a pact with ⟦the League|A:IGO/igo⟧, ⟦Ruritania|A:XXB/state⟧ and ⟦Freedonia|A:XXC/state⟧ agreed to reopen the border.", "AGREE XXB/state→XXC/state"},
		// The main clause's event, not the relative clause's, is the
		// sentence's.
		{"⟦The army|A:XXB/military⟧, which has fought ⟦the rebels|A:XXB/rebel⟧ for years, agreed to a truce.", "AGREE XXB/military→-"},
		{"⟦The minister|A:XXB/government⟧, who met ⟦Freedonian|A:XXC/state⟧ envoys, criticised ⟦the League|A:IGO/igo⟧.", "ACCUSE/criticize XXB/government→IGO/igo"},
		// A threat falls on the place of the threatened act before the
		// subject of its condition.
		{"⟦Ruritania|A:XXB/state⟧ threatened to ban voting in ⟦Zenda|A:XXC/place⟧ if ⟦the rebels|A:XXC/rebel⟧ run.", "THREATEN XXB/state→XXC/place"},
		{"⟦Ruritania|A:XXB/state⟧ threatened to halt the talks if ⟦the rebels|A:XXC/rebel⟧ attack.", "THREATEN XXB/state→XXC/rebel"},
		// A coordinated list of subjects: its first member is the source.
		{"⟦Ruritania|A:XXB/state⟧, ⟦Freedonia|A:XXC/state⟧ and ⟦Zenda|A:XXD/state⟧ signed a pact.", "AGREE/sign XXB/state→XXD/state"},
		{"In ⟦Zenda|A:XXD/place⟧, ⟦Ruritania|A:XXB/state⟧ and ⟦Freedonia|A:XXC/state⟧ signed a pact.", "AGREE/sign XXB/state→XXC/state"},
		// "increased its aid": the subject of the verb gives the aid.
		{"⟦The League|A:IGO/igo⟧ increased its aid to ⟦Freedonia|A:XXC/state⟧.", "AID IGO/igo→XXC/state"},
		// A passive parenthetical: "X, backed by Y, attacked Z" reports
		// the attack; the backing runs from Y to X.
		{"⟦Rebels|A:XXB/rebel⟧, backed by ⟦Freedonia|A:XXC/state⟧, attacked ⟦the town|A:XXB/place⟧.", "ASSAULT XXB/rebel→XXB/place"},
		// A base form that is its own participle is passive after "be".
		{"⟦The convoy|A:IGO/igo⟧ was hit by a ⟦Ruritanian|A:XXB/military⟧ missile.", "ASSAULT XXB/military→IGO/igo"},
		// "between X and Y": the pair; no verb opens a sentence.
		{"Clashes between ⟦the army|A:XXB/military⟧ and ⟦rebels|A:XXB/rebel⟧ left five dead.", "ASSAULT XXB/military→XXB/rebel"},
		{"Talks between ⟦Ruritania|A:XXB/state⟧ and ⟦Freedonia|A:XXC/state⟧ resumed on Monday.", "CONSULT XXB/state→XXC/state"},
	})
}
