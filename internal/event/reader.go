package event

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/news"
)

// reader codes the events of one article, sentence by sentence. It lives
// for one Apply call.
type reader struct {
	verbAt []bool // per word of the sentence: a verb reading starts here
	s      *Stage
	a      *news.Article
	ix     *index
	ws     []word
	events []news.Event
	info   []evInfo  // parallel to events
	sent   int       // sentence number
	sports [2]uint64 // the sports words the article used (sports.go)
}

// evInfo is what the reader keeps about an event beyond news.Event.
type evInfo struct {
	paragraph int
	sent      int
	weak      bool
	child     bool // content of an ACCUSE or REQUEST
	noTarget  bool
}

// cand is one lexicon match in a sentence: words [i, i+n) and every entry
// with those words.
type cand struct {
	i, n    int
	entries []*entry
	chosen  *entry // the reading chosen in context; nil when none
	// afterVerb: the word before is a verb reading of another candidate.
	afterVerb bool
	// afterVerbNoun: one plain noun sits between a verb reading and it.
	afterVerbNoun bool
	used          bool // taken by a light verb
	frame         bool // an object frame's verb or noun: its reading is fixed
	objAt         int  // word index of a frame's object head; -1
}

// pending is an event found in the current sentence before it is written.
type pending struct {
	c        *cand
	e        *entry
	voice    string
	trig     int // first word of the trigger
	trigEnd  int
	head     int // the verb whose modality counts: the light verb of a light event
	objOf    int // index in pendings of the verb this noun is the object of; -1
	src, tgt int // mention indexes; -1
	srcAt    int // word index of the source mention; -1
	passive  bool
	verbal   bool
	assert   news.Assertion
	modal    string // scope of the modality that set assert.How: aux, to, adj, ing, clause
	recode   string // the PLOVER type the event is coded as instead of its word's
	// recodeMode is the mode that goes with recode; intentions have none.
	recodeMode string
	parent     int // index in pendings of the ACCUSE/REQUEST it is the content of; -1
	content    int // index in pendings of its content; -1
	toll       []news.Casualty
	drop       bool
}

func (r *reader) sentence(sp news.Span, spans []news.Span) {
	a := r.a
	r.ws = r.ws[:0]
	mspan := func(i int) news.Span { return a.Mentions[i].Span }
	pspan := func(i int) news.Span { return a.Places[i].Span }
	tspan := func(i int) news.Span { return a.Times[i].Span }
	qspan := func(i int) news.Span { return a.Quotes[i].Content }
	mp := seek(r.ix.mentions, mspan, sp.Start)
	pp := seek(r.ix.places, pspan, sp.Start)
	tp := seek(r.ix.times, tspan, sp.Start)
	qp := seek(r.ix.quotes, qspan, sp.Start)
	for _, t := range spans {
		txt := a.Text[t.Start:t.End]
		rn, _ := utf8.DecodeRuneInString(txt)
		w := word{span: t, low: lower(txt)}
		r.noteSports(w.low)
		w.punct = !isWordRune(rn) && !(rn == '\'' || rn == '’') || (txt == "'" || txt == "’")
		w.number = unicode.IsDigit(rn)
		w.mention = cover(r.ix.mentions, mspan, &mp, t)
		w.place = cover(r.ix.places, pspan, &pp, t)
		w.time = cover(r.ix.times, tspan, &tp, t)
		w.quote = cover(r.ix.quotes, qspan, &qp, t)
		r.ws = append(r.ws, w)
	}
	r.code(sp)
	r.sent++
}

// paragraphOf returns the paragraph index of a byte offset: the segment
// layer's when present, else the count of blank lines before it.
func (r *reader) paragraphOf(off int) int {
	ps := r.a.Paragraphs
	i := sort.Search(len(ps), func(i int) bool { return ps[i].End > off })
	if i < len(ps) && ps[i].Start <= off {
		return i
	}
	return -1
}

// match finds the lexicon entries of the sentence, longest first at each
// word, skipping words inside mentions.
func (r *reader) match() []cand {
	ws := r.ws
	var out []cand
	particle := -1 // the particle of a separable phrasal verb, taken already
	for i := 0; i < len(ws); i++ {
		if ws[i].punct || ws[i].mention >= 0 || i == particle {
			continue
		}
		fw := r.s.lex.first[ws[i].low]
		if fw == nil {
			continue
		}
		if c, obj, ok := r.matchFrame(i, fw.frames); ok {
			if obj < i {
				// A passive: the object was matched as a noun before.
				for len(out) > 0 && out[len(out)-1].i+out[len(out)-1].n > obj {
					out = out[:len(out)-1]
				}
				i += c.n - 1
			} else {
				i = obj
			}
			c.objAt = obj
			out = append(out, c)
			continue
		}
		es := fw.entries
		if len(es) == 0 {
			continue
		}
		best := 0
		var got []*entry
		adv := -1 // adverbs after word i, counted when a phrasal verb needs them
		for _, e := range es {
			n := len(e.words)
			if !matchWords(ws, i, e.words) {
				// "called again for", "pushing hard for", "called on
				// Monday for": adverbs or a time between a verb and its
				// particle or preposition.
				if !e.verb || n < 2 || ws[i].low != e.words[0] {
					continue
				}
				if adv < 0 {
					adv = r.adverbsAt(i + 1)
				}
				if adv == 0 || !matchWords(ws, i+1+adv, e.words[1:]) {
					continue
				}
				n += adv
			}
			if n < best {
				continue
			}
			if n > best {
				best, got = n, got[:0]
			}
			got = append(got, e)
		}
		if best < 2 {
			// "held the aid workers hostage": a separable phrasal verb
			// whose object stands before its particle. The trigger is
			// the verb alone, so that the object stays an argument.
			var sep []*entry
			for _, e := range es {
				if !e.sep || len(e.words) != 2 || e.words[0] != ws[i].low {
					continue
				}
				if k := r.particleAfterObject(i, e.words[1]); k >= 0 {
					sep, particle = append(sep, e), k
				}
			}
			if len(sep) > 0 {
				out = append(out, cand{i: i, n: 1, entries: sep, objAt: -1})
				continue
			}
		}
		if best == 0 {
			continue
		}
		out = append(out, cand{i: i, n: best, entries: got, objAt: -1})
		i += best - 1
	}
	return out
}

// adverbials may stand between a verb and its particle: "pushing hard
// for", "called again for", "called today for".
var adverbials = set("hard", "again", "also", "still", "once", "further", "anew", "today", "yesterday", "tonight",
	"now", "instead", "too", "even")

// adverbsAt returns how many words from word j are adverbs or a time
// expression ("on Monday"), at most three.
func (r *reader) adverbsAt(j int) int {
	ws := r.ws
	k := j
	for k < len(ws) && k-j < 3 {
		w := &ws[k]
		if w.mention >= 0 || w.punct {
			break
		}
		if w.time >= 0 || adverbials[w.low] || len(w.low) > 4 && strings.HasSuffix(w.low, "ly") && !r.capitalised(k) ||
			w.low == "on" && k+1 < len(ws) && ws[k+1].time >= 0 {
			k++
			continue
		}
		break
	}
	return k - j
}

// maxSplitObject bounds the object noun phrase between a separable
// phrasal verb and its particle.
const maxSplitObject = 5

// objectPronouns may be the object of a separable phrasal verb: "forced
// them out".
var objectPronouns = set("them", "him", "her", "it", "us", "me", "you")

// particleAfterObject returns the word index of particle when it follows
// the verb at word i after a short noun phrase, else -1: "drove [the last fighters] out", "set [them]
// free". The phrase holds mentions, determiners, numbers, pronouns and
// lower-case or capitalised words; punctuation, a preposition, a
// conjunction or an auxiliary ends the search.
func (r *reader) particleAfterObject(i int, particle string) int {
	ws := r.ws
	units := 0 // words outside mentions, and mentions, each one unit
	for j := i + 1; j < len(ws) && units <= maxSplitObject && j-i <= 3*maxSplitObject; j++ {
		w := &ws[j]
		if j > i+1 && w.mention < 0 && w.low == particle {
			return j
		}
		if w.mention < 0 || w.mention != ws[j-1].mention {
			units++
		}
		switch {
		case w.low == "," && ws[j-1].mention >= 0 && j+1 < len(ws) && (ws[j+1].mention >= 0 || ws[j+1].low == particle):
			// an appositive: "forced the UN refugee agency, UNHCR, out"
		case w.mention >= 0, w.number, determiners[w.low], objectPronouns[w.low], possessiveMark(w.low):
		case w.low == "of" && j > i+1 && r.partitive(j-1):
		case w.low == "than" && j > i+1 && (ws[j-1].low == "more" || ws[j-1].low == "fewer" || ws[j-1].low == "less"):
		case w.punct, prepositions[w.low], subordinators[w.low], coordinators[w.low], beForms[w.low], fillers[w.low]:
			return -1
		}
	}
	return -1
}

// choose picks the reading of a candidate in context: a verb or a noun.
func (r *reader) choose(c *cand) {
	ws := r.ws
	var v, n *entry
	for _, e := range c.entries {
		if e.verb && (v == nil || v.kind == kindCasualty) {
			v = e
		}
		if !e.verb && (n == nil || n.kind == kindCasualty) {
			n = e
		}
	}
	// An adverb between a subject and its verb does not count: "soldiers
	// routinely beat detainees".
	pi := c.i - 1
	for pi > 0 && len(ws[pi].low) > 4 && strings.HasSuffix(ws[pi].low, "ly") && ws[pi].mention < 0 && !ws[pi].punct {
		pi--
	}
	prev := ""
	if pi >= 0 {
		prev = ws[pi].low
	}
	next := ""
	if c.i+c.n < len(ws) {
		next = ws[c.i+c.n].low
	}
	if c.frame {
		c.chosen = c.entries[0]
		return
	}
	if n != nil && n.speaker {
		// A dismissal counts only as a predicate: "are absurd", "dismissed
		// as baseless"; not "a groundless ultimatum".
		c.chosen = nil
		for j := c.i - 1; j >= 0 && c.i-j <= 3; j-- {
			w := ws[j].low
			if beForms[w] || w == "as" {
				c.chosen = n
				break
			}
			if !(ws[j].punct && w != "," || fillers[w] || strings.HasSuffix(w, "ly")) {
				break
			}
		}
		return
	}
	if v != nil && (v.form == formPart || v.form == formPast) && attributive(prev) && n == nil {
		c.chosen = nil // "the occupied territories", "the banned party"
		return
	}
	if v != nil && v.kind == "CONCEDE" && v.mode == "return" && (next == "to" || next == "from" || next == "home") {
		c.chosen = nil // "return to Geneva", "returned from Moscow": going back, not giving back
		return
	}
	if v != nil && v.kind == "AGREE" && v.weak && r.thatNext(c.i+c.n) && n == nil {
		c.chosen = nil // "concluded that": a finding, not a deal
		return
	}
	if v != nil && v.kind == "REQUEST" && askForms[ws[c.i].low] && c.n == 1 && r.question(c.i+1) {
		c.chosen = nil // "asked the minister about", "asked whether": a question
		return
	}
	if v != nil && n == nil && v.form == formIng && degreeWords[prev] {
		c.chosen = nil // "the most striking": an adjective
		return
	}
	if v != nil && ws[c.i].low == "free" && next == "to" {
		c.chosen = nil // "is free to sign": an adjective
		return
	}
	if v != nil && v.form == formS && beForms[prev] {
		c.chosen = n // "are gases", "were threats": a noun after a form of "be"
		return
	}
	if v != nil && recallForms[ws[c.i].low] && (c.i+c.n >= len(ws) || ws[c.i+c.n].punct) && !beForms[prev] {
		c.chosen = nil // "…," she recalled.": remembering
		return
	}
	switch {
	case n != nil && v != nil && v.form == formS && next == "of":
		c.chosen = n // "signs of", "attacks of": a noun, not a verb
	case c.i == 0 && n != nil && v != nil && (v.form == formS || v.form == formIng):
		c.chosen = n // "Clashes between X and Y …": no verb opens a sentence
	case c.afterVerb && n != nil:
		c.chosen = n // "lift ban": the object of a verb
	case c.afterVerb && v.form == formBase:
		c.chosen = nil
	case c.afterVerbNoun && n != nil && v != nil && (v.form == formS || v.form == formBase):
		c.chosen = n // "reduced food supplies"
	case v == nil:
		c.chosen = n
	case n == nil:
		c.chosen = v
		if c.afterVerbNoun && (v.form == formBase || v.form == formS) {
			c.chosen = nil // "reduced food supplies": a noun we do not have
			return
		}
		if (v.form == formBase || v.form == formS) && r.indefiniteNP(c.i) {
			c.chosen = nil // "a key U.S. ally": a noun we do not have
			return
		}
		if nounContext[prev] && !verbContext[prev] && (v.form == formBase || v.form == formS) {
			c.chosen = nil // "the attack" read as a noun we do not have
		}
		// A bare base form is a verb only after "to", a modal, a subject
		// or a coordinator: "counterterror fight" is a noun.
		if v.form == formBase && c.i > 0 && !verbContext[prev] && !coordinators[prev] && ws[pi].mention < 0 && !pronouns[prev] {
			c.chosen = nil
		}
	case prev == "to" && (v.form == formS || pi > 0 && toNoun[ws[pi-1].low]):
		// "in response to attacks", "subjected to torture": "to" is a
		// preposition here, and its object a noun.
		c.chosen = n
	case verbContext[prev]:
		c.chosen = v
	case v.form == formIng && (determiners[next] || c.i+c.n < len(ws) && ws[c.i+c.n].mention >= 0):
		c.chosen = v // "of bombing the army"
	case nounContext[prev] || (pi >= 0 && ws[pi].number):
		c.chosen = n
	case pi >= 0 && ws[pi].mention >= 0:
		// "the coalition strikes …": a verb when an object follows.
		if v.form == formPast || v.form == formPart {
			c.chosen = v
		} else if determiners[next] || (c.i+c.n < len(ws) && ws[c.i+c.n].mention >= 0) {
			c.chosen = v
		} else {
			c.chosen = n
		}
	default:
		c.chosen = v
		if v.form == formBase && !(prev == "" || coordinators[prev]) {
			c.chosen = n
		}
	}
	if c.chosen != nil && !c.chosen.verb && lawHeads[next] {
		c.chosen = nil // "the extradition bill": a bill, not an extradition
	}
}

// recallForms are the active forms of "recall"; with no object it is
// remembering.
var recallForms = set("recall", "recalls", "recalled", "recalling")

// degreeWords before an -ing form make it an adjective: "the most
// striking", "very promising".
var degreeWords = set("most", "more", "less", "least", "very", "so", "too", "quite", "rather", "extremely", "highly")

// lawHeads are nouns an event noun may qualify without being an event:
// "the extradition bill", "the protest law".
var lawHeads = set("bill", "bills", "law", "laws", "legislation")

// askForms are the forms of "ask": asking about something, or whether,
// is a question, not a request.
var askForms = set("ask", "asks", "asked", "asking")

// questionWords start what is asked about.
var questionWords = set("about", "whether", "if", "why", "how", "what", "when", "where", "who", "which")

// question reports whether the words from j, after a short object, are
// a question's: "about …", "whether …", a wh-clause; or nothing at all
// ("…?" the reporter asked.).
func (r *reader) question(j int) bool {
	ws := r.ws
	for k := j; k < len(ws) && k-j < 6; k++ {
		w := &ws[k]
		switch {
		case w.punct && w.low == ",":
			// "asked, "Could it …?"": a question follows.
			for q := k + 1; q < len(ws); q++ {
				if ws[q].low == "?" {
					return true
				}
			}
			return false
		case w.punct:
			return true // "… ?" the reporter asked.
		case w.mention < 0 && questionWords[w.low]:
			return true
		case w.mention >= 0, determiners[w.low], objectPronouns[w.low], possessiveMark(w.low):
		default:
			if prepositions[w.low] || w.low == "to" || w.low == "that" || r.isVerb(k) {
				return false
			}
		}
	}
	return j >= len(ws)
}

// toNoun are words after which "to" is a preposition: "subjected to
// torture", "resorted to violence", "in response to attacks".
var toNoun = set("subjected", "exposed", "resorted", "resort", "resorting", "response", "due", "owing", "prior",
	"addition", "opposition", "contrary", "thanks", "close", "subject", "vulnerable", "victim", "victims")

// mentionStart returns the first word of the mention covering word j.
func (r *reader) mentionStart(j, floor int) int {
	m := r.ws[j].mention
	for j > floor && r.ws[j-1].mention == m {
		j--
	}
	return j
}

func (r *reader) mentionEnd(j int) int {
	m := r.ws[j].mention
	for j+1 < len(r.ws) && r.ws[j+1].mention == m {
		j++
	}
	return j
}

// prepBefore returns the preposition that governs the noun phrase starting
// at word k, looking back over determiners; "" when none. It looks no
// further back than floor.
//
// A partitive "of" after a quantity is no preposition: in "tens of
// thousands of students" the students head the phrase, and the scan goes
// on before the quantity ("on hundreds of civilians" → "on"). A
// lower-case adjective counts as part of the noun phrase when a
// determiner opens it: "of the divided Mediterranean island" → "of".
func (r *reader) prepBefore(k, floor int) string {
	for j := k - 1; j >= floor && k-j <= 8; j-- {
		w := r.ws[j].low
		if determiners[w] || r.ws[j].number || npFillers[w] && !prepositions[w] || r.capitalised(j) && j > 0 || hyphenated(w) {
			continue // "from Russian Aerospace Forces"
		}
		if w == "'s" || w == "’s" || w == "'" || j > floor && possessiveMark(r.ws[j-1].low) && !r.ws[j].punct && r.ws[j].mention < 0 && !prepositions[w] {
			continue // "in Ruritania's capital Zenda"
		}
		if w == "of" && j > floor && r.partitive(j-1) {
			j-- // "thousands of": the quantity is a determiner
			continue
		}
		if prepositions[w] {
			return w
		}
		if d := r.adjectivesFrom(j, floor); d >= 0 {
			j = d // "the divided …": go on before the determiner
			continue
		}
		return ""
	}
	return ""
}

// partitive reports whether word j is a quantity that takes "of": "tens",
// "hundreds", "dozens", "some", "one", a number.
func (r *reader) partitive(j int) bool {
	w := &r.ws[j]
	return w.mention < 0 && (quantities[w.low] || w.number || isNumberWord(w.low))
}

// adjectivesFrom reports whether word j is one lower-case adjective that
// an article or possessive opens ("the divided", "its biggest"): it
// returns that opener's word index, or -1.
func (r *reader) adjectivesFrom(j, floor int) int {
	w := &r.ws[j]
	if j-1 < floor || !npOpeners[r.ws[j-1].low] || r.ws[j-1].mention >= 0 {
		return -1
	}
	if w.punct || w.mention >= 0 || w.number || r.isVerb(j) || r.capitalised(j) || prepositions[w.low] ||
		subordinators[w.low] || coordinators[w.low] || fillers[w.low] || beForms[w.low] || determiners[w.low] ||
		pronouns[w.low] || r.reportAt(j) != nil {
		return -1
	}
	return j - 1
}

// capitalised reports whether word j starts with an upper-case letter.
func (r *reader) capitalised(j int) bool {
	w := r.a.Text[r.ws[j].span.Start:r.ws[j].span.End]
	rn, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(rn)
}

// possessor reports whether the mention ending at word j is followed by
// "'s" or "'": "the Syrian army's advance".
func (r *reader) possessor(j int) bool {
	if j+1 >= len(r.ws) {
		return false
	}
	w := r.ws[j+1].low
	return w == "'s" || w == "'" || w == "’s"
}

// subject finds the subject mention of the verb at word i: the nearest
// mention to the left in the same clause that no preposition governs; a
// governed or possessive one when there is no other. It returns the
// mention and its word index, or -1, -1.
//
// A subject pronoun whose actor coreference left unknown ("X announced
// it will…") stands for the subject of the reporting verb before it.
func (r *reader) subject(i int) (int, int) {
	m, at, pm, pmAt := r.subjectOf(i)
	if m < 0 && pm >= 0 {
		return pm, pmAt
	}
	return m, at
}

func (r *reader) subjectOf(i int) (m, at, pm, pmAt int) {
	ws := r.ws
	fb, fbAt, fbPoss := -1, -1, false
	pm, pmAt = -1, -1
	pron := false // an unresolved subject pronoun: "X says it will…"
	for j := i - 1; j >= 0 && i-j <= 30; j-- {
		w := &ws[j]
		if isStrongBoundary(w) {
			break
		}
		if w.mention < 0 && subordinators[w.low] {
			k := j - 1
			if k > 0 && ws[k].low == "," {
				k-- // "Soldiers, who were attacked…"
			}
			if relativizers[w.low] && k >= 0 && ws[k].mention >= 0 && fb < 0 {
				return ws[k].mention, r.mentionStart(k, 0), pm, pmAt
			}
			// "X announced that it would…": the pronoun is the speaker.
			if w.low == "that" && pron && fb < 0 && k >= 0 && k == j-1 {
				for k > 0 && ws[k].mention < 0 && (ws[k].time >= 0 || ws[k].low == "today" || ws[k].low == "yesterday") {
					k-- // "announced Thursday that it…"
				}
				if rs := r.reportStart(k); rs >= 0 {
					m, at := r.subject(rs)
					return m, at, pm, pmAt
				}
			}
			break
		}
		if w.mention < 0 && !w.punct && (j == 0 || !determiners[ws[j-1].low]) {
			if e := r.reportAt(j); e != nil {
				if j+len(e.words) == i && fb < 0 {
					m, at := r.subject(j) // "Iran denied attacking…"
					return m, at, pm, pmAt
				}
				if pron && fb < 0 {
					m, at := r.subject(j) // "Syria says it is willing to…"
					return m, at, pm, pmAt
				}
				break // the subject of "said" is not the subject of what was said
			}
		}
		if w.mention < 0 && (w.low == "i" || w.low == "we") && fb < 0 && pm < 0 && r.unbroken(j+1, i) {
			// "As one of many X users, I welcome …": a first person no
			// one resolved is the subject; a mention before it is not.
			return -1, -1, pm, pmAt
		}
		if w.mention < 0 && subjectPronouns[w.low] {
			pron = true
		}
		if w.mention >= 0 {
			k := r.mentionStart(j, 0)
			if fb < 0 && pm < 0 && k == j && subjectPronouns[w.low] && !r.known(w.mention) {
				// "announced it will": look on for the speaker.
				pron, pm, pmAt = true, w.mention, j
				continue
			}
			if r.prepBefore(k, 0) == "" && !r.possessor(j) {
				if m, at := r.appositiveHead(k); m >= 0 {
					return m, at, pm, pmAt
				}
				if pm >= 0 {
					// a subject before the pronoun: "X said … it": the
					// pronoun is the subject.
					return pm, pmAt, pm, pmAt
				}
				return w.mention, k, pm, pmAt
			}
			if fb < 0 || r.possessor(j) && !fbPoss {
				fb, fbAt, fbPoss = w.mention, k, r.possessor(j)
			}
			j = k
		}
	}
	if pm >= 0 && fb < 0 {
		return -1, -1, pm, pmAt
	}
	return fb, fbAt, pm, pmAt
}

// unbroken reports whether words j to i-1 hold no punctuation and no
// mention: a subject pronoun at j-1 is the subject of the verb at i
// ("we can now oppose"), not a parenthetical ("X, we believe, will").
func (r *reader) unbroken(j, i int) bool {
	for ; j < i; j++ {
		if r.ws[j].punct || r.ws[j].mention >= 0 {
			return false
		}
	}
	return true
}

// appositiveHead returns the mention an appositive starting near word k
// describes: "Pakistan, a key U.S. ally in the war, has refused" → the
// subject is Pakistan, not the U.S.; -1 when there is none.
func (r *reader) appositiveHead(k int) (int, int) {
	ws := r.ws
	for j := k - 1; j >= 1 && k-j <= 4; j-- {
		w := ws[j].low
		if w == "," {
			if ws[j-1].mention >= 0 {
				return ws[j-1].mention, r.mentionStart(j-1, 0)
			}
			return -1, -1
		}
		if ws[j].mention >= 0 || coordinators[w] {
			return -1, -1 // "X, Y and Z agreed": a list, no appositive
		}
		if !determiners[w] && !npFillers[w] && !(len(w) > 0 && w[0] >= 'a' && w[0] <= 'z' && !prepositions[w] && !r.isVerb(j)) {
			return -1, -1
		}
	}
	return -1, -1
}

// object finds, right of word i (up to end), the first target mention and
// the first mention after "by". It stops at clause boundaries.
func (r *reader) object(i, limit int) (tgt, by int) {
	ws := r.ws
	tgt, by = -1, -1
	plain := false // a noun phrase that is no mention filled the object slot
	for j := i; j < len(ws) && j-i <= limit; j++ {
		w := &ws[j]
		if r.isVerb(j) && j > i && r.reducedRelative(j, 1) {
			continue // "the return of property seized by X": X is the doer
		}
		if isStrongBoundary(w) || (w.mention < 0 && subordinators[w.low]) || r.isVerb(j) {
			break
		}
		if plain && (w.low == "and" || w.low == "but") && r.newClause(j+1) {
			break
		}
		if w.low == "to" && (plain || tgt >= 0) && j+1 < len(ws) && r.infinitive(j+1) {
			break // "signed a memorandum to ensure their safety"
		}
		if w.mention < 0 && !w.punct && !prepositions[w.low] && !determiners[w.low] && !fillers[w.low] && !w.number {
			plain = true
		}
		if w.mention >= 0 {
			if e := r.mentionEnd(j); possessives[w.low] && e == j && e+1 < len(ws) && ws[e+1].mention >= 0 {
				continue // "met his Freedonian counterpart": the noun's qualifier, not "his"
			}
			p := r.prepBefore(j, i)
			switch {
			case p == "by":
				if by < 0 {
					by = w.mention
				}
			case p == "" || targetPreps[p]:
				if tgt < 0 {
					tgt = w.mention
				}
			}
			j = r.mentionEnd(j)
			if tgt >= 0 && by >= 0 {
				break
			}
			continue
		}
		if w.punct && w.low == "," {
			break
		}
	}
	return tgt, by
}

// newClause reports whether a clause starts at word j: a verb, or a
// subject (a mention) followed by a verb.
func (r *reader) newClause(j int) bool {
	for j < len(r.ws) && determiners[r.ws[j].low] {
		j++
	}
	if j >= len(r.ws) {
		return true
	}
	if r.isVerb(j) {
		return true
	}
	if r.ws[j].mention < 0 {
		return false
	}
	e := r.mentionEnd(j) + 1
	for e < len(r.ws) && fillers[r.ws[e].low] {
		e++
	}
	return e < len(r.ws) && r.isVerb(e)
}

// infinitive reports whether word j, after "to", reads as a verb: a
// lower-case word that is no determiner, number or mention.
func (r *reader) infinitive(j int) bool {
	w := &r.ws[j]
	return r.isVerb(j) || !w.punct && !w.number && w.mention < 0 && !determiners[w.low] && !r.capitalised(j) && !npFillers[w.low]
}

// isVerb reports whether word j is the first word of a candidate read
// as a verb in this sentence.
func (r *reader) isVerb(j int) bool {
	return j < len(r.verbAt) && r.verbAt[j]
}

// passive reports whether the verb at word i, in a participle form, is
// passive: a form of "be" just before it, or "by" just after it.
//
// A base form that is also the participle ("was hit", "were cut") is
// passive right after a form of "be"; a participle right after a comma
// with "by" and a mention after it is a passive parenthetical: "X,
// backed by Y, attacked".
func (r *reader) passive(i, n int, form int) bool {
	ws := r.ws
	if form == formBase {
		for j := i - 1; j >= 0 && i-j <= 3; j-- {
			w := ws[j].low
			if beForms[w] && w != "'s" && w != "be" {
				return true
			}
			if w == "to" || !(fillers[w] || len(w) > 2 && w[len(w)-2:] == "ly") {
				return false
			}
		}
		return false
	}
	if form != formPast && form != formPart {
		return false
	}
	if r.stative(i, n) {
		return false
	}
	if i > 0 && ws[i-1].low == "," && r.byMention(i+n) {
		return true
	}
	for j := i - 1; j >= 0 && i-j <= 4; j-- {
		w := ws[j].low
		if beForms[w] {
			return true
		}
		if !(fillers[w] || len(w) > 2 && w[len(w)-2:] == "ly") {
			break
		}
	}
	if i+n < len(ws) && ws[i+n].low == "by" && i > 0 && ws[i-1].mention >= 0 {
		return true
	}
	return r.reducedRelative(i, n)
}

// statives are participles that, after "be" and before "to", state the
// subject's own stance or readiness, not something done to it: "X is
// committed to the talks", "is opposed to the plan", "is determined to
// fight".
var statives = set("committed", "determined", "prepared", "resolved", "dedicated", "devoted", "opposed",
	"poised", "inclined", "disposed", "pledged", "sworn", "bound", "geared", "set")

// stative reports whether the participle at word i (n words) is a stative
// adjective with its "to" complement and no agent: "is committed to".
func (r *reader) stative(i, n int) bool {
	ws := r.ws
	if !statives[ws[i].low] {
		return false
	}
	j := i + 1
	if n > 1 {
		j = i + n - 1 // the entry ends in "to": "committed to"
	}
	for j < len(ws) && j-i <= 3 && ws[j].mention < 0 && strings.HasSuffix(ws[j].low, "ly") && len(ws[j].low) > 4 {
		j++ // "is firmly committed to"
	}
	return j < len(ws) && ws[j].low == "to" && !r.byMention(i+n)
}

// reducedRelative reports whether the participle at word i (n words) is
// a passive that modifies the plain noun before it and names its agent
// after "by": "property seized by X", "villages shelled by the army".
func (r *reader) reducedRelative(i, n int) bool {
	return i > 0 && r.plainWord(i-1) && r.byMention(i+n)
}

// byMention reports whether "by" at word i governs a mention within a
// few words: "by the army".
func (r *reader) byMention(i int) bool {
	ws := r.ws
	if i+1 >= len(ws) || ws[i].low != "by" {
		return false
	}
	for j := i + 1; j < len(ws) && j-i <= 3; j++ {
		if ws[j].mention >= 0 {
			return true
		}
		if !npOpeners[ws[j].low] && !npFillers[ws[j].low] {
			return false
		}
	}
	return false
}

// coordinated reports whether the verb at word i follows a coordinator
// with no subject of its own: "bombed X and killed Y".
func (r *reader) coordinated(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 3; j-- {
		w := r.ws[j].low
		if coordinators[w] {
			return true
		}
		if !fillers[w] {
			return false
		}
	}
	return false
}

// hyphenated reports whether w is a compound adjective such as
// "war-torn": letters on both sides of an inner hyphen.
func hyphenated(w string) bool {
	i := strings.IndexByte(w, '-')
	return i > 0 && i < len(w)-1
}

// subjectPronouns may stand for the subject of a reporting verb in the
// clause it reports: "Syria says it will withdraw".
var subjectPronouns = set("it", "they", "he", "she", "we")

// reportStart returns the first word of the reporting verb that ends at
// word k, or -1.
func (r *reader) reportStart(k int) int {
	for j := k; j >= 0 && k-j <= 2; j-- {
		if e := r.reportAt(j); e != nil && j+len(e.words)-1 == k {
			return j
		}
	}
	return -1
}

// attributive reports whether a participle after word w modifies a noun:
// "the occupied territories", "its banned party".
func attributive(w string) bool {
	return determiners[w] && w != "that" || w == "'s"
}

// indefiniteNP reports whether word i ends a noun phrase opened by "a" or
// "an" a few words before it, over mentions and modifiers only: "a key
// U.S. ally".
func (r *reader) indefiniteNP(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 8; j-- {
		w := &r.ws[j]
		if w.mention >= 0 || w.low == "." && j > 0 && r.ws[j-1].mention >= 0 {
			continue // "U.S."
		}
		if w.low == "a" || w.low == "an" {
			return true
		}
		if w.punct || prepositions[w.low] || verbContext[w.low] || determiners[w.low] {
			return false
		}
	}
	return false
}

// thatNext reports whether "that" comes at word j, after a time
// expression if any ("concluded on Saturday that").
func (r *reader) thatNext(j int) bool {
	for k := j; k < len(r.ws) && k-j < 4; k++ {
		w := &r.ws[k]
		if w.low == "that" && w.mention < 0 {
			return true
		}
		if w.time < 0 && w.low != "on" && w.low != "today" && w.low != "yesterday" {
			return false
		}
	}
	return false
}

func possessiveMark(w string) bool { return w == "'s" || w == "’s" || w == "'" }
