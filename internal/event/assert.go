package event

import (
	"sitrep/news"
)

// outlet is the actor of an event the article reports as fact.
func (r *reader) outlet() news.Actor {
	return news.Actor{ID: "outlet", Name: r.a.Meta.Outlet, Kind: "media", Sector: "media"}
}

// meaningHow maps the quote stage's reporting-verb meaning to an
// assertion mode.
func meaningHow(m string) string {
	switch m {
	case "deny":
		return "denied"
	case "accuse":
		return "alleged"
	case "announce":
		return "announced"
	case "":
		return "claimed"
	}
	return "claimed"
}

// assertAt returns who asserts what is stated at word i: the speaker of
// the quote whose content covers it, else the subject of a reporting verb
// that governs it in the sentence, else the outlet.
func (r *reader) assertAt(i int) news.Assertion {
	ws := r.ws
	if q := ws[i].quote; q >= 0 {
		qt := r.a.Quotes[q]
		by := qt.Actor
		if by.ID == "" && by.Name == "" && qt.Speaker >= 0 && qt.Speaker < len(r.a.Mentions) {
			by = r.a.Mentions[qt.Speaker].Actor
		}
		if by.ID == "" && by.Name == "" {
			by.Name = "unnamed source"
			if s := r.a.Covered(qt.SpeakerSpan); s != "" {
				by.Name = s // "A Syrian source"
			}
		}
		return news.Assertion{By: by, How: meaningHow(qt.Meaning), Quote: q, Speaker: qt.Speaker, Cue: qt.Cue}
	}
	// A reporting verb before it: "X said (that) …", "according to X, …".
	for j := i - 1; j >= 0 && i-j <= window; j-- {
		w := &ws[j]
		if isQuoteMark(w.low) && !r.scareQuote(j) || w.low == ";" {
			break
		}
		if w.mention >= 0 || w.punct {
			continue
		}
		if w.low == "that" {
			if sp, cue, ok := r.messageThat(j); ok {
				// "sent a warning to X that it must …": the sender's.
				as := news.Assertion{How: "claimed", Quote: -1, Speaker: sp, Cue: cue, By: news.Actor{Name: "unnamed source"}}
				if sp >= 0 {
					as.By = r.a.Mentions[sp].Actor
				}
				return as
			}
		}
		e := r.reportAt(j)
		if e == nil {
			continue
		}
		if j > 0 && (determiners[ws[j-1].low] || ws[j-1].low == "'s") {
			continue // "an alleged attack", "the army's alleged threat"
		}
		var sp int
		if e.words[0] == "according" {
			sp, _ = r.object(j+len(e.words), 4)
		} else {
			sp, _ = r.subject(j)
		}
		return r.reported(sp, e, j)
	}
	// A reporting verb after it: "…, officials said." "…, said Rudskoy."
	for j := i + 1; j < len(ws) && j-i <= window; j++ {
		w := &ws[j]
		if w.low == "\"" || w.low == "“" || w.low == "”" || w.low == ";" {
			break
		}
		if w.mention >= 0 || w.punct {
			continue
		}
		e := r.reportAt(j)
		if e == nil || j < 2 {
			continue
		}
		// Only a trailing report: a comma before the speaker or the verb.
		k := j - 1
		for k >= 0 && ws[k].mention >= 0 && j-k <= window {
			k--
		}
		if k < 0 || ws[k].low != "," {
			continue
		}
		sp := ws[j-1].mention
		if sp < 0 && j+1 < len(ws) {
			sp = ws[j+1].mention
		}
		return r.reported(sp, e, j)
	}
	return news.Assertion{By: r.outlet(), How: "reported", Quote: -1, Speaker: -1}
}

// messageNouns name a message whose that-clause is its sender's word:
// "a warning that", "assurances that", "a letter to X that".
var messageNouns = set("warning", "warnings", "message", "messages", "statement", "statements", "letter", "letters",
	"note", "assurance", "assurances", "promise", "promises", "pledge", "pledges", "ultimatum", "threat", "threats",
	"signal", "signals", "reminder", "notice", "declaration", "announcement", "communique", "word", "vow", "guarantee",
	"guarantees", "undertaking", "notification", "memo", "cable", "telegram", "email", "e-mail")

// issuers are verbs of sending or issuing a message: their subject is its
// sender. Verbs that reject or report someone else's message ("denied the
// statement that", "received a letter that") are not among them.
var issuers = set("send", "sends", "sent", "sending", "issue", "issues", "issued", "issuing", "give", "gives", "gave",
	"given", "giving", "deliver", "delivers", "delivered", "delivering", "make", "makes", "made", "making", "convey",
	"conveyed", "relay", "relayed", "repeat", "repeated", "reiterate", "reiterated", "renew", "renewed", "publish",
	"published", "release", "released", "circulate", "circulated", "post", "posted", "offer", "offered", "extend",
	"extended", "write", "wrote", "written", "address", "addressed", "sound", "sounded", "broadcast", "air", "aired")

// messageThat reports whether "that" at word j opens the content of a
// message its sender issued: "sent a warning to X that", "gave assurances
// that", "X's message that". It returns the sender's mention (-1 when
// unnamed) and the message noun as the cue.
func (r *reader) messageThat(j int) (speaker int, cue news.Span, ok bool) {
	ws := r.ws
	// Back over "to X" (the addressee) to the message noun.
	k := j - 1
	for k >= 0 && j-k <= 6 && (ws[k].mention >= 0 || determiners[ws[k].low] || ws[k].low == "to" || ws[k].low == "'s") && !messageNouns[ws[k].low] {
		k--
	}
	if k < 0 || ws[k].mention >= 0 || !messageNouns[ws[k].low] {
		return -1, news.Span{}, false
	}
	cue = ws[k].span
	// Back over determiners and adjectives to the verb or a possessor.
	for v := k - 1; v >= 0 && k-v <= 4; v-- {
		w := &ws[v]
		if possessiveMark(w.low) && v > 0 && ws[v-1].mention >= 0 {
			return ws[v-1].mention, cue, true // "X's warning that"
		}
		if w.mention >= 0 && possessives[w.low] {
			return w.mention, cue, true // "its warning that"
		}
		if issuers[w.low] && w.mention < 0 {
			sp, _ := r.subject(v)
			return sp, cue, true
		}
		if w.punct || w.mention >= 0 || prepositions[w.low] && w.low != "of" || r.isVerb(v) {
			return -1, news.Span{}, false
		}
	}
	return -1, news.Span{}, false
}

func (r *reader) reported(speaker int, e *entry, j int) news.Assertion {
	as := news.Assertion{How: e.mode, Quote: -1, Speaker: speaker}
	if speaker >= 0 {
		as.By = r.a.Mentions[speaker].Actor
	} else {
		as.By = news.Actor{Name: "unnamed source"}
	}
	as.Cue = news.Span{Start: r.ws[j].span.Start, End: r.ws[j+len(e.words)-1].span.End}
	return as
}

// reportAt returns the reporting-verb entry that starts at word j, or nil.
func (r *reader) reportAt(j int) *entry {
	for _, e := range r.s.lex.byFirst[r.ws[j].low] {
		if e.kind == kindReport && matchWords(r.ws, j, e.words) {
			if e.words[0] == "report" && e.form == formBase {
				continue // "the report" is a noun
			}
			return e
		}
	}
	return nil
}

// assert sets the assertion of a pending event: its parent's claim for
// the content of an accusation, else who reports it, then the modality
// around its trigger.
func (r *reader) assert(p *pending, ps []pending) {
	if p.parent >= 0 {
		par := &ps[p.parent]
		by := news.Actor{Name: "unnamed source"}
		if par.src >= 0 {
			by = r.a.Mentions[par.src].Actor
		}
		how := "alleged"
		switch {
		case par.e.sto && par.e.kind == "REJECT":
			how = "negated" // "refused to meet"
		case par.e.sto:
			how = "future" // "agreed to cooperate", "threatened to cut ties"
		case par.e.to || par.e.kind == "REQUEST":
			how = "hypothetical"
		}
		p.assert = news.Assertion{By: by, How: how, Quote: -1, Speaker: par.src,
			Cue: news.Span{Start: r.ws[par.trig].span.Start, End: r.ws[par.trigEnd-1].span.End}}
		if q := r.assertAt(p.head); q.Quote >= 0 {
			p.assert.Quote = q.Quote
		}
	} else {
		p.assert = r.assertAt(p.head)
	}
	if p.e.speaker {
		// "X said the claims are absurd": X rejects them; the outlet
		// reports that X does.
		if p.src < 0 || p.src == p.tgt {
			p.src = p.assert.Speaker
		}
		p.assert = news.Assertion{By: r.outlet(), How: "reported", Quote: -1, Speaker: -1}
		return
	}
	how, scope, cue := r.modality(p.head)
	if how == "hypothetical" && p.assert.Speaker >= 0 && lower(r.a.Covered(cue)) == "should" && (p.src < 0 || !r.sameSide(p.src, p.assert.Speaker)) {
		// "X should withdraw, Y said": Y's demand, as with "must"; a
		// side's own "should" is its intention.
		how = "obliged"
	}
	if how != "" && !(how == "negated" && p.assert.How == "denied") {
		p.assert.How = how
		p.assert.Cue = cue
		p.modal = scope
	}
	if how == "" && (p.assert.How == "reported" || p.assert.How == "claimed") {
		if j := r.yesNoQuestion(p.head); j >= 0 {
			// "Would X attack Y?", "Are you planning to visit?": asked,
			// not stated.
			p.assert.How = "hypothetical"
			p.assert.Cue = r.ws[j].span
			p.modal = "clause"
		}
	}
}

// questionAux are the auxiliaries that open a yes/no question.
var questionAux = set("is", "are", "was", "were", "do", "does", "did", "will", "would", "could", "can", "should",
	"shall", "has", "have", "had", "may", "might", "must", "isn't", "aren't", "wasn't", "weren't", "don't",
	"doesn't", "didn't", "won't", "wouldn't", "couldn't", "can't", "shouldn't", "hasn't", "haven't")

// yesNoQuestion returns the word index of the auxiliary that opens the
// yes/no question word i is in ("Would X attack Y?"), or the modal of a
// wh-question that asks about a possible act ("Why would X attack Y?"),
// else -1. A wh-question with no modal ("Why did X attack Y?")
// presupposes its act and is no such question.
func (r *reader) yesNoQuestion(i int) int {
	ws := r.ws
	end := i
	for end < len(ws) && !(ws[end].punct && (ws[end].low == "?" || ws[end].low == "." || ws[end].low == "!" || ws[end].low == ";" || isQuoteMark(ws[end].low))) {
		end++
	}
	if end >= len(ws) || ws[end].low != "?" {
		return -1
	}
	j := i
	for j > 0 && !isStrongBoundary(&ws[j-1]) {
		j--
	}
	if i-j > 40 || ws[j].mention >= 0 {
		return -1
	}
	if whWords[ws[j].low] && j+1 < i && questionModals[ws[j+1].low] {
		return j + 1 // "Why would X attack Y?": a modal asks about an act, it does not presuppose it
	}
	if !questionAux[ws[j].low] {
		return -1
	}
	return j
}

// whWords open a wh-question; questionModals after one make it ask about
// an act that may not have happened.
var (
	whWords        = set("why", "how", "what", "when", "where", "who", "which")
	questionModals = set("would", "could", "should", "might", "will", "can", "may", "shall", "wouldn't",
		"couldn't", "shouldn't", "won't", "can't")
)

// sameSide reports whether mentions m and n are one actor or of one
// country.
func (r *reader) sameSide(m, n int) bool {
	if r.sameActor(m, n) {
		return true
	}
	a, b := r.a.Mentions[m].Actor.Country, r.a.Mentions[n].Actor.Country
	return a != "" && a == b
}

// modality looks back from the trigger at word i for words that say the
// event did not, will, or may happen.
func (r *reader) modality(i int) (how, scope string, cue news.Span) {
	how, scope, cue = r.modalityAt(i)
	if how == "future" || how == "hypothetical" {
		// "must be ready to mediate": a duty outranks the intention.
		for j := i - 1; j >= r.clauseStart(i) && i-j <= 6; j-- {
			if ws := r.ws; ws[j].low == "must" || ws[j].low == "has" && j+1 < i && ws[j+1].low == "to" {
				return "obliged", "aux", news.Span{Start: ws[j].span.Start, End: ws[j].span.End}
			}
		}
	}
	return how, scope, cue
}

func (r *reader) modalityAt(i int) (how, scope string, cue news.Span) {
	ws := r.ws
	start := r.clauseStart(i)
	if start > 0 && ws[start-1].mention < 0 && subordinators[ws[start-1].low] {
		// The subordinator that opens the clause is in it: "if they
		// strike", "whether it will strike".
		start--
	}
	for j := i - 1; j >= start; j-- {
		for _, m := range r.s.modal[ws[j].low] {
			if !matchWords(ws, j, m.words) {
				continue
			}
			end := j + len(m.words)
			cue = news.Span{Start: ws[j].span.Start, End: ws[end-1].span.End}
			switch m.scope {
			case "aux":
				if r.onlyFillers(end, i) {
					if m.how == "negated" && end-len(m.words) > 0 && intentAux[ws[j-1].low] {
						return m.how, "to", cue // "will not", "would not": a refusal
					}
					return m.how, m.scope, cue
				}
			case "to", "adj":
				how := m.how
				if j > 0 && (ws[j-1].low == "no" || ws[j-1].low == "not") && how == "future" {
					how = "negated" // "has no plans to attack", "is not ready to"
				}
				if end < i && ws[end].low == "to" && r.within(end+1, i, 3) {
					return how, m.scope, cue
				}
				if end < i && r.within(end, i, 4) && ws[i-1].low == "to" {
					return how, m.scope, cue
				}
			case "ing":
				if r.within(end, i, 4) {
					return m.how, m.scope, cue
				}
			case "clause":
				return m.how, m.scope, cue
			}
		}
	}
	return "", "", news.Span{}
}

var intentAux = set("will", "would", "shall", "'ll")

func (r *reader) onlyFillers(from, to int) bool {
	if to-from > 3 {
		return false
	}
	for k := from; k < to; k++ {
		if !fillers[r.ws[k].low] {
			return false
		}
	}
	return true
}

func (r *reader) within(from, to, n int) bool { return to-from <= n && to >= from }

func isQuoteMark(s string) bool { return s == "\"" || s == "“" || s == "”" }

// scareQuote reports whether the quote mark at word j opens or closes a
// quoted fragment of at most three words ("are “absurd”"), which belongs
// to the sentence around it.
func (r *reader) scareQuote(j int) bool {
	for k := j + 1; k < len(r.ws) && k <= j+4; k++ {
		if isQuoteMark(r.ws[k].low) {
			return true
		}
	}
	for k := j - 1; k >= 0 && k >= j-4; k-- {
		if isQuoteMark(r.ws[k].low) {
			return true
		}
	}
	return false
}
