package event

import "testing"

// TestConstructions checks the main event of general English
// constructions news uses everywhere: stative participles, separable
// phrasal verbs, objects that make a verb no event, and the lexicon's
// words for reminders, bans, sentences and supplies. Sentences are
// written for the test, not taken from any data set.
func TestConstructions(t *testing.T) {
	checkMain(t, []mainCase{
		// A stative participle before "to" states the subject's own
		// stance: no passive.
		{"⟦Ruritania|A:XXB/state⟧ is committed to the talks with ⟦Freedonia|A:XXC/state⟧.", "AGREE XXB/state→XXC/state"},
		{"⟦Ruritania|A:XXB/state⟧ remains firmly committed to the peace process with ⟦Freedonia|A:XXC/state⟧.", "AGREE XXB/state→XXC/state"},
		{"⟦Ruritania|A:XXB/state⟧ is opposed to sanctions against ⟦Freedonia|A:XXC/state⟧.", "REJECT XXB/state→XXC/state"},
		{"⟦The plan|A:XXB/state⟧ was opposed by ⟦Freedonia|A:XXC/state⟧.", "REJECT XXC/state→XXB/state"},
		// A separable phrasal verb: the object between verb and particle.
		{"⟦The rebels|A:XXB/rebel⟧ held ⟦three aid workers|A:IGO/igo⟧ hostage.", "ASSAULT/abduct XXB/rebel→IGO/igo"},
		{"⟦The army|A:XXB/military⟧ drove more than 500 ⟦rebel|A:XXB/rebel⟧ fighters out of ⟦Zenda|A:XXC/place⟧.", "COERCE/expel XXB/military→XXB/rebel"},
		{"⟦Ruritania|A:XXB/state⟧ sent ⟦the Freedonian migrants|A:XXC/civilians⟧ home.", "COERCE/expel XXB/state→XXC/civilians"},
		{"⟦The junta|A:XXB/military⟧ set ⟦the opposition leader|A:XXB/opposition⟧ free.", "CONCEDE/release XXB/military→XXB/opposition"},
		{"⟦The air force|A:XXB/military⟧ shot a ⟦Freedonian|A:XXC/military⟧ drone down.", "ASSAULT XXB/military→XXC/military"},
		{"⟦The army|A:XXB/military⟧ held the town for a week.", "none"},
		// Objects that make the verb no event.
		{"⟦The ministry|A:XXB/government⟧ released a statement on the floods.", "none"},
		{"⟦The army|A:XXB/military⟧ released a video of the drill.", "none"},
		{"⟦The rebels|A:XXB/rebel⟧ released ⟦two hostages|A:XXC/civilians⟧.", "CONCEDE/release XXB/rebel→XXC/civilians"},
		{"⟦The embassy|A:XXB/government⟧ charges a fee for visas.", "none"},
		{"⟦The clinic|A:XXB/business⟧ charged 50 dollars for a visit.", "none"},
		{"⟦Prosecutors|A:XXB/judiciary⟧ charged ⟦the minister|A:XXB/government⟧ with fraud.", "ACCUSE XXB/judiciary→XXB/government"},
		// Lexicon: a reminder is a request, a ban a sanction, a prison
		// sentence coercion, supplies aid.
		{"⟦The ministry|A:XXB/government⟧ issued a reminder to ⟦Freedonia|A:XXC/state⟧ about the deadline.", "REQUEST XXB/government→XXC/state"},
		{"⟦Ruritania|A:XXB/state⟧ announced a ban on ⟦Freedonian|A:XXC/state⟧ imports.", "SANCTION XXB/state→XXC/state"},
		{"⟦The junta|A:XXB/military⟧ banned ⟦the opposition party|A:XXB/opposition⟧.", "COERCE/censor XXB/military→XXB/opposition"},
		{"⟦The court|A:XXB/judiciary⟧ sentenced ⟦the activist|A:XXB/opposition⟧ to ten years in prison.", "COERCE/arrest XXB/judiciary→XXB/opposition"},
		{"⟦The air force|A:XXB/military⟧ airlifted medical supplies to ⟦Zenda|A:XXC/place⟧.", "AID XXB/military→XXC/place"},
		{"⟦Ruritania|A:XXB/state⟧ shipped rifles to ⟦the rebels|A:XXC/rebel⟧.", "AID/military XXB/state→XXC/rebel"},
		// A flight forced on people is the forcer's expulsion of them.
		{"⟦The army|A:XXB/military⟧ forced thousands of ⟦villagers|A:XXC/civilians⟧ to flee.", "COERCE/expel XXB/military→XXC/civilians"},
		{"⟦The militia|A:XXB/militia⟧ has forced more than 5,000 people to flee their homes in ⟦Zenda|A:XXC/place⟧.", "COERCE/expel XXB/militia→XXC/place"},
		// A coercion ordered on others is the orderer's.
		{"⟦The junta|A:XXB/military⟧ ordered ⟦the opposition newspaper|A:XXB/media⟧ to suspend publication.", "COERCE/censor XXB/military→XXB/media"},
		// A possessor qualifies a name the knowledge base does not know.
		{"⟦Ruritania|A:XXB/state⟧'s ⟦Azure|A:/⟧ government ordered ⟦the newspaper|A:XXB/media⟧ to suspend publication.", "COERCE/censor XXB/state→XXB/media"},
		{"⟦The regulator|A:XXB/government⟧ shut down ⟦the independent|A:XXB/media⟧ channel.", "COERCE/censor XXB/government→XXB/media"},
		// Expelling an international organisation or aid agency is a
		// sanction (CAMEO 166), people an expulsion (CAMEO 174); an
		// appositive may stand inside the object of a phrasal verb.
		{"⟦The junta|A:XXB/military⟧ forced ⟦the League refugee agency|A:IGO/igo⟧, ⟦LRA|A:IGO/igo⟧, out of the country.", "SANCTION/expel XXB/military→IGO/igo"},
		{"⟦The junta|A:XXB/military⟧ deported ⟦two foreign journalists|A:XXC/media⟧.", "COERCE/expel XXB/military→XXC/media"},
		// Refusing a permission an authority grants.
		{"⟦The governor|A:XXB/government⟧ denied a building permit to ⟦the church|A:XXB/religious⟧.", "REJECT/refuse XXB/government→XXB/religious"},
		// Resources given are aid.
		{"⟦The League|A:IGO/igo⟧ allocated more resources to ⟦Freedonia|A:XXC/state⟧.", "AID IGO/igo→XXC/state"},
		// Adverbs or a time between a verb and its preposition.
		{"⟦The president|A:XXB/government⟧ called again for the release of ⟦the journalists|A:XXC/media⟧.", "REQUEST XXB/government→XXC/media"},
		{"⟦Ruritania|A:XXB/state⟧ is pushing hard for ⟦Freedonia|A:XXC/state⟧ to support its plan.", "REQUEST XXB/state→XXC/state"},
		{"⟦The League|A:IGO/igo⟧ called on ⟦Monday|T:2020-01-06⟧ for an end to the fighting in ⟦Zenda|A:XXC/place⟧.", "REQUEST IGO/igo→XXC/place"},
		{"⟦The League|A:IGO/igo⟧ called on ⟦the rebels|A:XXC/rebel⟧ to stop the attacks.", "REQUEST IGO/igo→XXC/rebel"},
		// An abuse in someone's custody is the custodian's; a toll's
		// named cause takes the toll's victim.
		{"⟦A Freedonian prisoner|A:XXC/civilians⟧ died as a result of torture while in ⟦Ruritanian police|A:XXB/police⟧ custody.", "ASSAULT/beat XXB/police→XXC/civilians"},
		{"⟦The activist|A:XXC/opposition⟧ was beaten in the custody of ⟦the army|A:XXB/military⟧.", "ASSAULT/beat XXB/military→XXC/opposition"},
		// A pronoun coreference left unknown stands for the speaker of
		// the reporting verb before it.
		{"⟦The rebels|A:XXB/rebel⟧ said ⟦they|A:/⟧ would release ⟦the hostages|A:XXC/civilians⟧.", "AGREE(intends CONCEDE) XXB/rebel→XXC/civilians"},
		// What is given back goes to whom it was taken from.
		{"⟦The rebels|A:XXB/rebel⟧ announced ⟦it|A:/⟧ will return weapons seized last year from ⟦League peacekeepers|A:IGO/military⟧.", "AGREE(intends CONCEDE) XXB/rebel→IGO/military"},
		{"⟦The minister|A:XXB/government⟧ returned from ⟦Zenda|A:XXC/place⟧ on Monday.", "none"},
		// The subject undergoes the act its verb's object names.
		{"⟦The convoy|A:IGO/igo⟧ came under fire from ⟦militants|A:XXB/rebel⟧.", "ASSAULT/small-arms XXB/rebel→IGO/igo"},
		{"⟦The town|A:XXC/place⟧ came under heavy attack from ⟦rebel|A:XXB/rebel⟧ fighters.", "ASSAULT XXB/rebel→XXC/place"},
		{"⟦Freedonia|A:XXC/state⟧ faces new sanctions from ⟦the League|A:IGO/igo⟧.", "SANCTION IGO/igo→XXC/state"},
		{"⟦Detainees|A:XXC/civilians⟧ were subjected to torture by ⟦prison guards|A:XXB/police⟧.", "ASSAULT/beat XXB/police→XXC/civilians"},
		{"⟦Freedonia|A:XXC/state⟧ received aid from ⟦Ruritania|A:XXB/state⟧.", "AID XXB/state→XXC/state"},
		// "to" before a noun: a preposition, not an infinitive.
		{"⟦Ruritania|A:XXB/state⟧ struck ⟦Freedonia|A:XXC/state⟧ in response to attacks on ⟦its|A:XXB/state⟧ border posts.", "ASSAULT XXB/state→XXC/state"},
		// Idioms of general news: an exchange of fire, sanctions hit
		// with, tear gas fired.
		{"⟦Ruritanian|A:XXB/military⟧ and ⟦Freedonian|A:XXC/military⟧ troops exchanged fire across the border.", "ASSAULT/small-arms XXB/military→XXC/military"},
		{"⟦Ruritania|A:XXB/state⟧ was hit with sanctions by ⟦the League|A:IGO/igo⟧.", "SANCTION IGO/igo→XXB/state"},
		{"⟦The League|A:IGO/igo⟧ slapped new tariffs on ⟦Ruritania|A:XXB/state⟧.", "SANCTION IGO/igo→XXB/state"},
		{"⟦Police|A:XXB/police⟧ fired tear gas at ⟦protesters|A:XXC/civilians⟧.", "COERCE/repress XXB/police→XXC/civilians"},
		// Taking control of a place, laying down arms, an alert.
		{"⟦The rebels|A:XXB/rebel⟧ took full control of ⟦Zenda|A:XXC/place⟧ after heavy fighting.", "ASSAULT/occupy XXB/rebel→XXC/place"},
		{"⟦The rebels|A:XXB/rebel⟧ laid down their arms.", "RETREAT/demobilize XXB/rebel→-"},
		{"⟦Ruritania|A:XXB/state⟧ put ⟦its|A:XXB/state⟧ troops on high alert.", "MOBILIZE/alert XXB/state→-"},
		// A place taken from someone is taken from them; an attack
		// someone claims is theirs.
		{"⟦Ruritanian|A:XXB/military⟧ forces recaptured ⟦Zenda|A:XXC/place⟧ from ⟦the rebels|A:XXD/rebel⟧.", "ASSAULT/occupy XXB/military→XXD/rebel"},
		{"⟦The militants|A:XXB/rebel⟧ claimed responsibility for the bombing in ⟦Zenda|A:XXC/place⟧.", "ASSAULT/aerial XXB/rebel→XXC/place"},
		// A possessive pronoun before a qualified noun is no target.
		{"⟦Ruritania|A:XXB/state⟧'s foreign minister met ⟦his|A:XXB/government⟧ ⟦Freedonian|A:XXC/government⟧ counterpart in ⟦Zenda|A:XXD/place⟧.", "CONSULT XXB/state→XXC/government"},
		// "should" said of another side is a demand; of one's own, an
		// intention.
		{"⟦Ruritania|A:XXB/state⟧ should withdraw its troops from ⟦Freedonia|A:XXC/state⟧, ⟦the League|A:IGO/igo⟧ said.", "REQUEST(intends RETREAT) IGO/igo→XXB/state"},
		{"⟦The president|A:XXB/government⟧ said ⟦Ruritania|A:XXB/state⟧ should negotiate with ⟦the rebels|A:XXC/rebel⟧.", "AGREE(intends CONSULT) XXB/state→XXC/rebel"},
		// "no plans to", "not ready to": a refusal of what is cooperative,
		// no threat of what is not.
		{"⟦Ruritania|A:XXB/state⟧ is not ready to negotiate with ⟦Freedonia|A:XXC/state⟧.", "REJECT(intends CONSULT) XXB/state→XXC/state"},
		{"⟦Ruritania|A:XXB/state⟧ has no plans to attack ⟦Freedonia|A:XXC/state⟧.", "ASSAULT XXB/state→XXC/state"},
		// Concern voiced is disapproval; a sealed border a sanction; an
		// embassy opened recognition.
		{"⟦Ruritania|A:XXB/state⟧ expressed deep concern over ⟦Freedonia|A:XXC/state⟧'s nuclear programme.", "ACCUSE/criticize XXB/state→XXC/state"},
		{"⟦Ruritania|A:XXB/state⟧ sealed ⟦its|A:XXB/state⟧ border with ⟦Freedonia|A:XXC/state⟧.", "SANCTION XXB/state→XXC/state"},
		{"⟦Ruritania|A:XXB/state⟧ reopened ⟦its|A:XXB/state⟧ embassy in ⟦Freedonia|A:XXC/state⟧.", "SUPPORT/recognize XXB/state→XXC/state"},
		// A protest takes the target of its purpose past place and time.
		{"Inmates rioted at a jail in ⟦Zenda|A:XXB/place⟧ on Monday, joining thousands of demonstrators in demanding independence from ⟦Freedonian|A:XXC/state⟧ rule.", "PROTEST/riot XXB/place→XXC/state"},
	})
}

// TestMessageThat: the that-clause of a message is asserted by its
// sender, not by the outlet: "sent a warning to X that it must …" is the
// sender's demand.
func TestMessageThat(t *testing.T) {
	for _, tc := range []struct{ text, want, by string }{
		{"⟦Ruritania|A:XXB/state⟧ sent a warning to ⟦Freedonia|A:XXC/state⟧ that it must withdraw its troops.", "REQUEST(intends RETREAT) XXB/state→XXC/state", "XXB/state:obliged"},
		{"⟦The minister|A:XXB/government⟧ gave assurances that ⟦the army|A:XXB/military⟧ would withdraw from ⟦Zenda|A:XXC/place⟧.", "AGREE(intends RETREAT) XXB/military→XXC/place", "XXB/government:hypothetical"},
		// Denying a statement is no issuing of it: the denial's.
		{"⟦Ruritania|A:XXB/state⟧ denied the statement that ⟦its|A:XXB/state⟧ troops attacked ⟦Zenda|A:XXC/place⟧.", "ASSAULT XXB/state→XXC/place", "XXB/state:denied"},
	} {
		a := marked(t, tc.text)
		if err := New(Config{}).Apply(a); err != nil {
			t.Fatal(err)
		}
		checkEvents(t, a)
		found := false
		for i := range a.Events {
			if short(a, i) == tc.want {
				found = true
				if got := byName(a.Events[i].Assert) + ":" + a.Events[i].Assert.How; got != tc.by {
					t.Errorf("%s\n %s asserted by %s, want %s", a.Text, tc.want, got, tc.by)
				}
			}
		}
		if !found {
			t.Errorf("%s\n no event %s\nevents:\n%s", a.Text, tc.want, render(a))
		}
	}
}
