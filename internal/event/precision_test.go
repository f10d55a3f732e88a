package event

import "testing"

// TestPrecision checks word senses and constructions of whole news
// articles that state no event: compounds whose trigger word only
// qualifies the head ("riot police", "charging case"), questions asked
// ("asked about", "asked whether"), pleas in court, subscriptions
// ("signed up"), sports results ("beat X 3-1", "beaten good teams"),
// commercial offers and credits ("offered discounts", "provided by"). A
// real event in the same frame still counts. Sentences are written for
// the test, not taken from any data set. "none": no event at all.
func TestPrecision(t *testing.T) {
	checkMain(t, []mainCase{
		// Compounds: the trigger word qualifies a noun that is no event.
		{"⟦Riot police|A:XXB/police⟧ guarded the square in ⟦Zenda|A:XXB/place⟧.", "none"},
		{"The marching band played outside ⟦the parliament|A:XXB/legislature⟧.", "none"},
		{"The phone comes with a wireless charging case and a fast charging cable.", "none"},
		{"⟦White House|A:USA/government⟧ Press Secretary ⟦Sean Spicer|A:USA/government⟧ spoke on Monday.", "none"},
		{"⟦The protesters|A:XXB/civilians⟧ rioted in ⟦Zenda|A:XXB/place⟧.", "PROTEST/riot XXB/civilians→XXB/place"},
		{"⟦Prosecutors|A:XXB/judiciary⟧ are charging ⟦the minister|A:XXB/government⟧ with fraud.", "ACCUSE XXB/judiciary→XXB/government"},
		// A question asked is no request; a request still is.
		{"⟦The senator|A:XXB/legislature⟧ asked ⟦the minister|A:XXB/government⟧ about the cost of the programme.", "none"},
		{"⟦Reporters|A:XXB/media⟧ asked whether ⟦the army|A:XXB/military⟧ would leave.", "none"},
		{"\"Will you resign?\" ⟦the reporter|A:XXB/media⟧ asked.", "none"},
		{"⟦Ruritania|A:XXB/state⟧ asked ⟦Freedonia|A:XXC/state⟧ to withdraw its troops.", "REQUEST/appeal XXB/state→XXC/state"},
		// A plea in court is no appeal.
		{"⟦The former mayor|A:XXB/government⟧ pleaded guilty to fraud on Tuesday.", "none"},
		{"⟦Two officers|A:XXB/police⟧ pleaded not guilty in a federal court.", "none"},
		{"⟦The family|A:XXB/civilians⟧ pleaded with ⟦the rebels|A:XXC/rebel⟧ to free the hostages.", "REQUEST/appeal XXB/civilians→XXC/rebel"},
		// Subscriptions.
		{"Thousands of customers signed up for the new service.", "none"},
		{"Thanks for signing up!", "none"},
		// Sports results.
		{"⟦Ruritania|A:XXB/state⟧ beat ⟦Freedonia|A:XXC/state⟧ 3-1 in the final on Sunday.", "none"},
		{"⟦The Chiefs|A:XXB/business⟧ have beaten some tough teams this season.", "none"},
		{"⟦Soldiers|A:XXB/military⟧ beat ⟦the protesters|A:XXB/civilians⟧ with batons.", "ASSAULT/beat XXB/military→XXB/civilians"},
		// Commercial offers and credits.
		{"⟦The airline|A:XXB/business⟧ is offering customers a free upgrade.", "none"},
		{"⟦The retailer|A:XXB/business⟧ offered deep discounts on televisions.", "none"},
		{"The chart, provided by ⟦the World Bank|A:IGO/igo⟧, shows growth in ⟦Freedonia|A:XXC/state⟧.", "none"},
		{"⟦Ruritania|A:XXB/state⟧ offered to mediate between ⟦the rebels|A:XXC/rebel⟧ and ⟦the army|A:XXC/military⟧.", "AGREE XXB/state→XXC/rebel"},
		// A weak word between companies is commerce; with a state, aid.
		{"⟦The app|A:/⟧ helps you plan your budget.", "none"},
		{"⟦Acme|A:/⟧ will provide ⟦Globex|A:/⟧ with new software.", "none"},
		{"⟦Ruritania|A:XXB/state⟧ will provide ⟦Freedonia|A:XXC/state⟧ with patrol boats.", "AGREE(intends AID) XXB/state→XXC/state"},
		// Declining to comment refuses nothing.
		{"⟦A spokesman|A:XXB/government⟧ declined to comment.", "none"},
		{"⟦The ministry|A:XXB/government⟧ refused to say how many were held.", "none"},
		{"⟦Ruritania|A:XXB/state⟧ declined to send troops to ⟦Freedonia|A:XXC/state⟧.", "REJECT/refuse XXB/state→XXC/state"},
		// Recalling as remembering.
		{"⟦The diplomat|A:XXB/government⟧ recalled the conversation vividly.", "none"},
		{"⟦Ruritania|A:XXB/state⟧ recalled its ambassador from ⟦Freedonia|A:XXC/state⟧.", "SANCTION/break-relations XXB/state→XXC/state"},
		// A bill named for an act is no act.
		{"The extradition bill was debated in ⟦the parliament|A:XXB/legislature⟧.", "none"},
		{"⟦The professor|A:XXB/education⟧ asked, \"Could life survive there?\"", "none"},
		{"⟦A resident|A:XXB/civilians⟧, who asked not to be identified, said the road was closed.", "none"},
		// Charging a battery; recognising a fact; signs of something.
		{"Five minutes of charging gives three hours of playback.", "none"},
		{"⟦Prosecutors|A:XXB/judiciary⟧ charged ⟦two officers|A:XXB/police⟧ with assault.", "ACCUSE XXB/judiciary→XXB/police"},
		{"⟦The minister|A:XXB/government⟧ recognized that the plan had failed.", "none"},
		{"Practice helps you recognize the symptoms early.", "none"},
		{"⟦Ruritania|A:XXB/state⟧ recognized ⟦Freedonia|A:XXC/state⟧ as a sovereign state.", "SUPPORT/recognize XXB/state→XXC/state"},
		{"Doctors searched the samples for signs of infection.", "none"},
		{"The band's hit single topped the charts.", "none"},
		// Bylines, deals struck, wills executed, staff fired, diseases
		// fought, adjectives in -ing.
		{"⟦Jane Roe|A:/⟧ and ⟦John Doe|A:/⟧ contributed to this report.", "none"},
		{"⟦Ruritania|A:XXB/state⟧ struck a deal with ⟦Freedonia|A:XXC/state⟧ on fishing rights.", "AGREE XXB/state→XXC/state"},
		{"A deal had finally been struck by ⟦the government|A:XXB/government⟧.", "AGREE XXB/government→-"},
		{"The will was never executed by ⟦the lawyer|A:XXB/legal⟧.", "none"},
		{"⟦The club|A:XXB/business⟧ fired its coach on Monday.", "none"},
		{"⟦The army|A:XXB/military⟧ fired rockets at ⟦the town|A:XXC/place⟧.", "ASSAULT XXB/military→XXC/place"},
		{"⟦The ministry|A:XXB/government⟧ is fighting pollution in ⟦Zenda|A:XXB/place⟧.", "none"},
		{"⟦The government|A:XXB/government⟧ funded new clinics to fight the disease.", "AID/economic XXB/government→-"},
		{"Its design is the most striking yet.", "none"},
		{"The coach is now free to join another club.", "none"},
		{"Photos which were released online show the new car.", "none"},
		{"Price and gas mileage were not announced.", "none"},
		// Nouns after "be", bond yields, "thanks to", remembering, and
		// attacks on a policy.
		{"Methane and ethane are gases on Earth.", "none"},
		{"Low bond yields supported the market.", "none"},
		{"The interview happened thanks to ⟦his publicist|A:/⟧.", "none"},
		{"\"Life was short,\" ⟦she|A:XXB/civilians⟧ recalled.", "none"},
		{"⟦The ambassador|A:XXB/government⟧ was recalled.", "SANCTION -→XXB/government"},
		{"⟦The opposition leader|A:XXB/opposition⟧ attacked ⟦the government|A:XXB/government⟧'s economic policy.", "ACCUSE/criticize XXB/opposition→XXB/government"},
	})
}

// TestSportsReport: in an article with several sports words, results and
// plays are no events; violence with a toll, and the same words in a
// news article with one or two sports words, still are.
func TestSportsReport(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"⟦The Chiefs|A:/⟧ beat ⟦the Raiders|A:/⟧ on Sunday. The rookie quarterback threw two touchdowns, and the defense blocked a late field goal to seal a playoff spot. ⟦Smith|A:/⟧ fired a shot past the goalie.", 0},
		{"⟦Rebels|A:XXB/rebel⟧ attacked ⟦the town|A:XXC/place⟧ during a football match on Sunday.", 1},
		{"⟦Rebels|A:XXB/rebel⟧ attacked ⟦the stadium|A:XXC/place⟧ before the playoff game, killing 12 fans. The rookie quarterback and his teammates were unhurt; the tournament was suspended.", 1},
	} {
		a := marked(t, tc.text)
		if err := New(Config{}).Apply(a); err != nil {
			t.Fatal(err)
		}
		checkEvents(t, a)
		n := 0
		for _, e := range a.Events {
			if e.Type == "ASSAULT" {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("%s\n got %d ASSAULT events, want %d\nevents:\n%s", a.Text, n, tc.want, render(a))
		}
	}
}

// TestNoActor: an act with no one who does or undergoes it, no content and
// no toll is a word sense or talk with no one named, not an event; an
// attack with a toll, an actor on either side, an unnamed public actor
// ("aid agencies", "the researchers"), or a reported speaker's own act
// still is. A list of links or headlines separated by vertical
// bars states nothing. Sentences are written for the test.
func TestNoActor(t *testing.T) {
	checkMain(t, []mainCase{
		{"Farmers burn the old straw to clear their fields.", "none"},
		{"Many cities are deploying cleaner buses this year.", "none"},
		{"The blog offered no evidence for its figures.", "none"},
		{"I thank my family for their support.", "none"},
		{"Enemy attacks come from every side in the last level.", "none"},
		{"We asked them for comment on this article.", "none"},
		{"A car bomb killed 12 people in the market.", "ASSAULT -→-"},
		{"Aid agencies working in the north called for safe passage for the convoys.", "REQUEST -→-"},
		{"The researchers called for more monitoring stations.", "REQUEST -→-"},
		{"⟦Ruritanian|A:XXB/state⟧ troops were deployed to the border.", "MOBILIZE/troops -→XXB/state"},
		{"⟦The army|A:XXB/military⟧ deployed tanks on Monday.", "MOBILIZE/troops XXB/military→-"},
		// Lists of links or headlines run together with vertical bars.
		{"⟦Ruritania|A:XXB/state⟧ attacks ⟦Freedonia|A:XXC/state⟧ | ⟦Senators|A:XXB/legislature⟧ call for new sanctions | Markets fall", "none"},
		{"⟦Police|A:XXB/police⟧ arrest ⟦protesters|A:XXB/civilians⟧ in ⟦Zenda|A:XXB/place⟧ | The Daily Herald", "none"},
	})
}

// TestQuestionCondition: an act in an "if", "unless" or "whether" clause,
// in a yes/no question, or feared or risked, is asked or supposed, not
// stated: hypothetical.
// A wh-question presupposes its act; a stated act stays reported.
// Sentences are written for the test.
func TestQuestionCondition(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"If ⟦Ruritania|A:XXB/state⟧ attacks ⟦Freedonia|A:XXC/state⟧, oil prices will rise.", "ASSAULT XXB/state→XXC/state hypothetical"},
		{"⟦The banker|A:XXB/business⟧ could lose his licence if ⟦the court|A:XXB/judiciary⟧ convicts ⟦him|A:XXB/business⟧.", "ACCUSE/sue XXB/judiciary→XXB/business hypothetical"},
		{"Nobody knows whether ⟦the army|A:XXB/military⟧ arrested ⟦the journalists|A:XXB/media⟧.", "COERCE/arrest XXB/military→XXB/media hypothetical"},
		{"Would ⟦Ruritania|A:XXB/state⟧ attack ⟦Freedonia|A:XXC/state⟧ again?", "ASSAULT XXB/state→XXC/state hypothetical"},
		{"Did ⟦the police|A:XXB/police⟧ arrest ⟦the editor|A:XXB/media⟧?", "COERCE/arrest XXB/police→XXB/media hypothetical"},
		{"Why did ⟦the police|A:XXB/police⟧ arrest ⟦the editor|A:XXB/media⟧?", "COERCE/arrest XXB/police→XXB/media reported"},
		{"⟦The police|A:XXB/police⟧ arrested ⟦the editor|A:XXB/media⟧ on Monday.", "COERCE/arrest XXB/police→XXB/media reported"},
		{"⟦The dissident|A:XXB/opposition⟧ fears being extradited to ⟦Freedonia|A:XXC/state⟧.", "COOPERATE/judicial -→XXB/opposition hypothetical"},
		{"⟦Reporters|A:XXB/media⟧ risk being arrested by ⟦the police|A:XXB/police⟧.", "COERCE/arrest XXB/police→XXB/media hypothetical"},
	} {
		a := marked(t, tc.text)
		if err := New(Config{}).Apply(a); err != nil {
			t.Fatal(err)
		}
		checkEvents(t, a)
		got := "none"
		if i := mainEvent(a); i >= 0 {
			got = short(a, i) + " " + a.Events[i].Assert.How
		}
		if got != tc.want {
			t.Errorf("%s\n got %s\nwant %s\nevents:\n%s", a.Text, got, tc.want, render(a))
		}
	}
}

// TestWordSenseContext: senses the words around a trigger rule out.
// "share" is intelligence sharing only with an object of information;
// "help" followed by a verb is a contribution, not aid; "back" as an
// adverb is no support; a release that frees no one is a product's. The
// same words in their event sense still count. Sentences are written for
// the test.
func TestWordSenseContext(t *testing.T) {
	checkMain(t, []mainCase{
		{"⟦Ruritania|A:XXB/state⟧ shared detailed information with ⟦Freedonia|A:XXC/state⟧.", "COOPERATE/intelligence XXB/state→XXC/state"},
		{"⟦The minister|A:XXB/government⟧ shared the video with ⟦Freedonia|A:XXC/state⟧.", "none"},
		{"⟦The singer|A:XXB/business⟧ shared a photo of her new house.", "none"},
		{"⟦Ruritania|A:XXB/state⟧ helped ⟦Freedonia|A:XXC/state⟧ with food and medicine.", "AID XXB/state→XXC/state"},
		{"⟦Ruritania|A:XXB/state⟧ helped ⟦Freedonia|A:XXC/state⟧ build a new port.", "none"},
		{"Tariffs help ⟦American companies|A:USA/business⟧ compete abroad.", "none"},
		{"Better farming helped to raise ⟦the region|A:XXB/place⟧'s output.", "none"},
		{"⟦The governor|A:XXB/government⟧ will be back next week.", "none"},
		{"⟦The team|A:XXB/business⟧ made it back to the final.", "none"},
		{"⟦The opposition|A:XXB/opposition⟧ backed ⟦the president|A:XXB/government⟧.", "SUPPORT XXB/opposition→XXB/government"},
		{"⟦The rebels|A:XXB/rebel⟧ released 20 prisoners on Monday.", "CONCEDE/release XXB/rebel→-"},
		{"⟦The company|A:XXB/business⟧ released a new phone in 2015.", "none"},
	})
}
