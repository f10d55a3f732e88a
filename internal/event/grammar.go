package event

// Closed classes of English function words the role finder relies on.
// They are grammar, not knowledge: no list here names an event or actor.

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

var (
	determiners = set("the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that",
		"these", "those", "some", "several", "all", "both", "each", "every", "any", "no", "another",
		"other", "such", "many", "few", "more", "most", "so-called", "two", "three", "four", "five")
	prepositions = set("of", "in", "on", "at", "by", "with", "from", "to", "for", "near", "into", "against",
		"over", "under", "across", "along", "around", "during", "after", "before", "since", "toward",
		"towards", "upon", "inside", "outside", "between", "among", "through", "throughout", "within",
		"without", "via", "behind", "beyond", "off", "like", "about", "amid", "despite", "including")
	// targetPreps introduce the target of an event verb or noun.
	targetPreps = set("on", "against", "at", "upon", "with", "to", "toward", "towards", "into", "over", "of", "for", "targeting", "between", "among")
	// subordinators open a new clause.
	subordinators = set("that", "which", "who", "whom", "whose", "while", "because", "although", "though",
		"if", "when", "whereas", "unless", "where", "whether", "but")
	relativizers = set("that", "which", "who")
	beForms      = set("was", "were", "is", "are", "been", "being", "be", "get", "got", "gets", "getting", "'s")
	// adverbs and auxiliaries that may sit between a subject or auxiliary
	// and its verb.
	fillers = set("also", "not", "n't", "never", "reportedly", "allegedly", "then", "later", "only", "just",
		"already", "still", "again", "repeatedly", "subsequently", "apparently", "had", "has", "have",
		"will", "would", "could", "may", "might", "should", "must", "can", "did", "does", "do", "being",
		"been", "be", "was", "were", "is", "are", "to", "once", "first", "recently", "jointly")
	pronouns = set("they", "we", "i", "you", "he", "she", "it", "who", "which", "that")
	// quantities take a partitive "of" whose noun heads the phrase:
	// "hundreds of students", "some of the rebels".
	quantities = set("tens", "hundreds", "thousands", "millions", "dozens", "scores", "some", "many", "most",
		"all", "none", "one", "several", "few", "both", "each", "handful", "number", "group", "groups",
		"majority", "minority", "couple", "lot", "lots", "part", "members", "rest")
	// aspectuals are verbs of beginning, continuing, ending, speeding
	// and ordering: their subject does the act their object names ("began
	// the withdrawal", "speeded up the deployment", "ordered the raid").
	aspectuals = set("began", "begin", "begins", "begun", "started", "start", "starts", "continued", "continue",
		"continues", "resumed", "resume", "resumes", "completed", "complete", "completes", "finished", "finish",
		"ordered", "order", "orders", "authorized", "authorised", "authorize", "authorise", "approved", "approve",
		"intensified", "intensify", "intensifies", "escalated", "escalate", "accelerated", "accelerate",
		"expanded", "expand", "speeded", "sped", "stepped", "step", "speed", "ramped", "pressed", "pursued", "pursue",
		"increased", "increase", "increases", "boosted", "boost", "boosts", "doubled", "extended", "extend", "extends",
		"renewed", "renew", "renews")
	// possessives are the possessive pronouns.
	possessives = set("its", "their", "his", "her", "our")
	// npOpeners open a noun phrase and nothing else: articles and
	// possessives.
	npOpeners = set("the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those")
	// anaphors are nouns that refer back to an event already told: "Russia
	// slammed the move".
	anaphors     = set("move", "action", "actions", "decision", "step", "attack", "strike", "strikes", "incident", "operation", "raid", "bombing")
	coordinators = set("and", "or", "but", "then", ",")
	// gerundLinks mark a gerund whose subject is the main clause's: "by
	// conducting strikes", "while bombing".
	gerundLinks = set("by", "while", "after", "before", "without", "through", "when", "in")
	// verbContext words come right before a verb, not a noun.
	verbContext = set("to", "will", "would", "could", "may", "might", "should", "must", "can", "did", "does",
		"do", "not", "n't", "never", "also", "reportedly", "allegedly", "then", "had", "has", "have", "was",
		"were", "is", "are", "be", "been", "being", "who", "which", "they", "he", "she", "it", "we", "i",
		"you", "jointly", "repeatedly", "later", "subsequently", "once", "again", "allegedly", "only")
	// nounContext words come right before a noun.
	nounContext = set("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
		"our", "new", "further", "fresh", "more", "several", "first", "second", "third", "last", "latest",
		"recent", "deadly", "any", "no", "every", "each", "another", "of", "joint", "military", "renewed",
		"major", "massive", "heavy", "alleged", "failed", "possible", "air", "'s", "'", "such", "similar",
		"repeated", "daily", "weekly", "large", "small", "mass", "peaceful", "violent")
	// adverbs of degree that may sit inside a noun phrase or before a verb.
	npFillers = set("new", "further", "fresh", "large", "small", "major", "massive", "heavy", "deadly",
		"alleged", "absolutely", "groundless", "joint", "military", "bilateral", "several", "renewed",
		"air", "series", "of", "wave", "round", "formal", "official", "first", "second", "third", "latest")
)

// window bounds, in words, every search around a trigger (arguments,
// places, dates, reporting verbs), so that the stage's time stays linear
// in the length of a sentence.
const window = 50

func isStrongBoundary(w *word) bool {
	if !w.punct {
		return false
	}
	switch w.low {
	case ";", ":", "\"", "“", "”", "—", "–", "?", "!":
		return true
	}
	return false
}
