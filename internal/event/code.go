package event

import (
	"strings"
	"unicode"

	"sitrep/news"
)

// code finds and writes the events of the current sentence.
func (r *reader) code(sp news.Span) {
	ws := r.ws
	if strings.IndexByte(r.a.Text[sp.Start:sp.End], '|') >= 0 {
		// A vertical bar separates the items of a list of links or
		// headlines ("Senators call for … | Progressives oppose …"),
		// or a title from a site name: no sentence a report states.
		return
	}
	cands := r.match()
	if len(cands) == 0 {
		return
	}
	r.verbAt = r.verbAt[:0]
	for range ws {
		r.verbAt = append(r.verbAt, false)
	}
	for k := range cands {
		if k > 0 {
			pc := &cands[k-1]
			cands[k].afterVerb = pc.i+pc.n == cands[k].i && pc.chosen != nil && pc.chosen.verb && pc.chosen.kind != kindCasualty
			// "reduced food supplies": one plain noun between a verb
			// and the word makes it the head of the verb's object.
			cands[k].afterVerbNoun = pc.i+pc.n == cands[k].i-1 && pc.chosen != nil && pc.chosen.verb && pc.chosen.kind != kindCasualty && r.plainWord(cands[k].i-1)
		}
		r.choose(&cands[k])
	}
	// Light verbs take the event noun after them: "carried out a strike".
	lightOf := map[int]int{} // cand index of noun → cand index of light verb
	for k := range cands {
		c := &cands[k]
		if !isLight(c) {
			continue
		}
		for m := k + 1; m < len(cands) && cands[m].i-(c.i+c.n) <= 6; m++ {
			gap := r.nounGap(c.i+c.n, cands[m].i) && cands[m].i-(c.i+c.n) <= 4 || r.listGap(c.i+c.n, cands[m].i)
			if !gap {
				break
			}
			if e := nounReading(&cands[m]); e != nil && isPlover(e.kind) && !e.speaker {
				cands[m].chosen = e
				lightOf[m] = k
				break
			}
		}
	}
	for k := range cands {
		if c := &cands[k]; c.chosen != nil && c.chosen.verb {
			r.verbAt[c.i] = true
		}
	}
	var ps []pending
	var prevVerbal = -1
	for k := range cands {
		c := &cands[k]
		e := c.chosen
		if e == nil || !isPlover(e.kind) {
			continue
		}
		p := pending{c: c, e: e, trig: c.i, head: c.i, trigEnd: c.i + c.n, src: -1, tgt: -1, srcAt: -1, parent: -1, content: -1, objOf: -1}
		if lk, ok := lightOf[k]; ok {
			lv := &cands[lk]
			p.voice = "light"
			p.head = lv.i
			p.src, p.srcAt, p.passive = r.verbSubject(lv.i, lv.n, lightEntry(lv).form, ps, prevVerbal)
			tgt, by := r.nounArgs(c.i + c.n)
			if tgt < 0 {
				tgt = r.gerundObject(c)
			}
			p.tgt = tgt
			if p.passive {
				if _, b := r.object(lv.i+lv.n, 12); b >= 0 {
					p.src = b
				}
			}
			if by >= 0 && p.src < 0 {
				p.src = by
			}
			// "X and Y reached a deal": a reciprocal pair.
			if first := r.coordinatedWith(p.srcAt); first >= 0 && first != p.src {
				if p.tgt < 0 || r.pronoun(p.tgt) {
					p.tgt = p.src
				}
				p.src = first
				if e.kind == "MOBILIZE" && e.mode == "" {
					// "X and Y held war games": a joint exercise (CAMEO 062).
					p.recode, p.recodeMode = "COOPERATE", "military"
				}
			}
			prevVerbal = len(ps)
		} else if e.verb && !(c.i == 0 && (e.form == formS || e.form == formIng)) {
			p.voice, p.verbal = "active", true
			p.src, p.srcAt, p.passive = r.verbSubject(c.i, c.n, e.form, ps, prevVerbal)
			tgt, by := r.object(c.i+c.n, 12)
			if p.passive {
				p.voice = "passive"
				if by < 0 {
					by = r.lateAgent(c.i + c.n)
				}
				p.tgt, p.src = p.src, by
			} else {
				if p.src < 0 && !otherDirected[e.kind] {
					p.src = r.ownerInObject(c.i + c.n)
				}
				p.tgt = tgt
				// "demanded an admission by X", "welcomed the decision
				// by X": the doer of what the verb acts on is its target.
				if p.tgt < 0 && by >= 0 && ws[c.i+c.n].low != "by" && (p.src < 0 || !r.sameActor(by, p.src)) {
					p.tgt = by
				}
			}
			// "X and Y met": a reciprocal pair as source and target. "X
			// and Y were accused": both undergo it; the first is the target.
			if first := r.coordinatedWith(p.srcAt); first >= 0 && p.passive {
				p.tgt = first
			} else if first >= 0 && first != p.src {
				if p.tgt < 0 || r.pronoun(p.tgt) {
					p.tgt = p.src
				}
				p.src = first
			}
			r.forcedFlight(&p, ps)
			prevVerbal = len(ps)
		} else {
			p.voice = "nominal"
			// "cancelled a planned visit": the noun is what the verb acts on.
			if prevVerbal >= 0 && ps[prevVerbal].parent < 0 && r.nounGap(ps[prevVerbal].trigEnd, c.i) && ps[prevVerbal].content < 0 {
				p.objOf = prevVerbal
			}
			p.src, p.tgt = r.nounPossessor(c.i), -1
			tgt, by := r.nounArgs(c.i + c.n)
			if tgt < 0 {
				tgt = r.gerundObject(c)
			}
			p.tgt = tgt
			if by >= 0 {
				p.src = by
			}
			// "the deployment of NATO troops", "the withdrawal of the
			// army": the forces that move are the source.
			if p.src < 0 && p.tgt >= 0 && moverNoun(e) && r.armed(p.tgt) && r.prepBefore(r.mentionStartOf(p.tgt, c.i+c.n), c.i+c.n) == "of" {
				p.src, p.tgt = p.tgt, -1
			}
			// "X speeded up the withdrawal", "X ordered the deployment":
			// the subject of an aspectual or causative verb does the act
			// its object names.
			if p.src < 0 {
				p.src = r.aspectualSubject(c.i, p.tgt)
			}
			// "clashes between X and Y", "talks between X and Y": the
			// pair is source and target.
			if p.src < 0 && p.tgt >= 0 {
				if at := r.mentionStartOf(p.tgt, c.i+c.n); at < len(ws) && r.prepBefore(at, c.i+c.n) == "between" {
					if e := r.mentionEnd(at); e+2 < len(ws) && ws[e+1].low == "and" {
						if second := r.nextMention(e+2, 3); second >= 0 {
							p.src, p.tgt = p.tgt, second
						}
					}
				}
			}
			// "X with support from Y": X is the target.
			if p.tgt < 0 && c.i > 1 && ws[c.i-1].low == "with" && ws[c.i-2].mention >= 0 {
				p.tgt = ws[c.i-2].mention
			}
			// "X came under fire from Y", "X faces sanctions", "X was
			// subjected to torture": the subject undergoes the act.
			if v := r.undergoerVerb(c.i); v >= 0 && p.tgt < 0 {
				if m, _ := r.subject(v); m >= 0 && (p.src < 0 || !r.sameActor(m, p.src)) {
					p.tgt = m
				}
			}
		}
		if c.objAt >= 0 && p.tgt >= 0 && ws[c.objAt].mention == p.tgt && (e.kind == "MOBILIZE" || e.kind == "AID") {
			p.tgt = -1 // "sent Russian troops": what is sent is no target
		}
		if p.src >= 0 && p.tgt >= 0 && r.sameActor(p.src, p.tgt) {
			// "Russia closed its borders": no target; "closed its borders
			// to X": the next one.
			p.tgt = r.nextTarget(&p, p.tgt)
		}
		ps = append(ps, p)
		if p.objOf >= 0 {
			ps[p.objOf].content = len(ps) - 1
		}
	}
	// "Russia slammed the move": the target of an event noun that refers
	// back is the source of the event it refers to.
	for k := range ps {
		p := &ps[k]
		if p.tgt >= 0 || !p.verbal || p.trigEnd+1 >= len(ws) {
			continue
		}
		if d := ws[p.trigEnd].low; (d == "the" || d == "this" || d == "that" || d == "these") && anaphors[ws[p.trigEnd+1].low] {
			if prev := r.lastEvent(k, ps); prev >= 0 && prev != p.src {
				p.tgt = prev
			}
		}
	}
	// A dismissal's target: the first actor the dismissed claim names.
	for k := range ps {
		p := &ps[k]
		if !p.e.speaker || p.tgt >= 0 {
			continue
		}
		for j := p.trig - 1; j >= 0 && r.reportAt(j) == nil; j-- {
			if m := ws[j].mention; m >= 0 {
				p.tgt = m
			}
		}
	}
	// Content: "accused X of bombing Y", "urged X to stop Y".
	for k := range ps {
		p := &ps[k]
		if !p.e.of && !p.e.to && !p.e.sto && p.e.kind != "REQUEST" || !p.verbal && !r.demandThat(p) {
			continue
		}
		link := "of"
		if p.e.to || p.e.sto || p.e.kind == "REQUEST" {
			link = "to"
		}
		end := r.clauseEnd(p.trigEnd)
		at := -1
		for j := p.trigEnd; j < end; j++ {
			if ws[j].low == link && ws[j].mention < 0 {
				at = j
				break
			}
		}
		// "demanded that X withdraw": the content is the that-clause.
		if t := r.thatAt(p); at < 0 && p.e.kind == "REQUEST" && t >= 0 {
			at = t
			end = r.clauseEnd(at + 1)
		}
		if at < 0 {
			continue
		}
		for m := k + 1; m < len(ps) && ps[m].trig < end; m++ {
			q := &ps[m]
			if q.trig <= at || q.parent >= 0 {
				continue
			}
			q.parent = k
			if p.content < 0 {
				p.content = m
			}
			doer := p.tgt
			if p.e.sto {
				doer = p.src
			}
			if !q.passive && doer >= 0 {
				// A noun's own source ("an appeal from X") stays.
				if q.src < 0 || q.verbal && q.srcAt < at {
					q.src = doer
				}
				if q.tgt == q.src {
					q.tgt = -1
				}
			}
		}
	}
	// A speech act with no target of its own takes its content's: the
	// target of what is threatened, refused or promised ("threatened to
	// cut ties with X"), the doer of what is demanded ("demanded that X
	// withdraw").
	for k := range ps {
		p := &ps[k]
		if p.tgt >= 0 || !p.verbal && !r.demandThat(p) || !(p.e.to || p.e.sto || p.e.kind == "REQUEST") {
			continue
		}
		if t := r.thatAt(p); p.e.kind == "REQUEST" && t >= 0 {
			// "demanded that X match Y's offer": the subject of the
			// that-clause, not a possessor inside it.
			if m := r.clauseSubject(t + 1); m >= 0 && (p.src < 0 || !r.sameActor(m, p.src)) {
				p.tgt = m
				continue
			}
		}
		if c := p.content; c >= 0 {
			if p.e.kind == "REQUEST" && ps[c].src >= 0 && ps[c].src != p.src {
				p.tgt = ps[c].src
			} else if ps[c].tgt >= 0 && ps[c].tgt != p.src {
				p.tgt = ps[c].tgt
			}
			continue
		}
		// "threatened to deliver blows to X": the target of the
		// infinitive the speaker will carry out, when it is no event.
		if p.e.sto {
			if m := r.infinitiveObject(p.trigEnd); m >= 0 && (p.src < 0 || !r.sameActor(m, p.src)) {
				p.tgt = m
				continue
			}
		}
		if t := r.thatAt(p); p.e.kind == "REQUEST" && t >= 0 {
			for j := t + 1; j < r.clauseEnd(t+1); j++ {
				if ws[j].mention >= 0 {
					p.tgt = ws[j].mention
					break
				}
			}
		}
	}
	// A rejection or acceptance of a request, offer or proposal targets
	// whoever made it: "dismissed an appeal from X", "rejected calls by X".
	for k := range ps {
		p := &ps[k]
		if p.tgt >= 0 || !p.verbal || p.content < 0 {
			continue
		}
		if c := &ps[p.content]; c.voice == "nominal" && c.src >= 0 && c.src != p.src {
			p.tgt = c.src
		}
	}
	// A refusal targets whoever pressed for what is refused: "declined to
	// resign despite pressure by X", "rejected a plan from X".
	for k := range ps {
		p := &ps[k]
		if p.tgt >= 0 || !p.verbal || p.e.kind != "REJECT" {
			continue
		}
		for _, prep := range [...]string{"by", "from"} {
			if m := r.after(p.trigEnd, prep); m >= 0 && (p.src < 0 || !r.sameActor(m, p.src)) {
				p.tgt = m
				break
			}
		}
	}
	// A threat is made to whoever the condition names: "threatened to
	// stop talks if X goes ahead", "will withdraw unless X agrees".
	for k := range ps {
		p := &ps[k]
		if p.tgt >= 0 || !p.verbal || p.e.kind != "THREATEN" && !r.conditionalAfter(p.trigEnd) {
			continue
		}
		// "threatened to ban voting in X if Y runs": the place the
		// threatened act falls on comes before the condition's subject.
		if c := p.content; c >= 0 && ps[c].tgt < 0 {
			if m := r.stateIn(ps[c].trigEnd); m >= 0 && (p.src < 0 || !r.sameActor(m, p.src)) {
				ps[c].tgt, p.tgt = m, m
				continue
			}
		}
		if m := r.conditionSubject(p.trigEnd); m >= 0 && (p.src < 0 || !r.sameActor(m, p.src)) {
			p.tgt = m
		}
	}
	// A complaint targets the doer of what it is about: "complained to
	// the UN over Israeli air raids" targets Israel, not the UN.
	for k := range ps {
		p := &ps[k]
		if !p.verbal || p.e.kind != "ACCUSE" {
			continue
		}
		for m := k + 1; m < len(ps) && ps[m].trig-p.trigEnd <= 10; m++ {
			q := &ps[m]
			if q.voice != "nominal" || q.src < 0 || p.src >= 0 && r.sameActor(q.src, p.src) {
				continue
			}
			if r.aboutBetween(p.trigEnd, q.trig) {
				p.tgt = q.src
			}
			break
		}
	}
	// A retreat is from its target: "withdrew its troops from X"; so is a
	// recall or expulsion: "recalled its ambassador from X".
	for k := range ps {
		p := &ps[k]
		from := p.e.kind == "RETREAT" || p.e.kind == "SANCTION" && (p.e.mode == "break-relations" || p.e.mode == "expel") && p.tgt < 0
		if from && (p.verbal || p.voice == "nominal" || p.voice == "light") {
			if m := r.retreatFrom(p.trigEnd); m >= 0 && (m != p.src || p.voice == "nominal") {
				p.tgt = m
				if p.src == m {
					p.src = -1 // "the withdrawal from X": X is left, not leaving
					if p.voice == "nominal" {
						p.src = r.aspectualSubject(p.trig, m)
					}
				}
			}
		}
	}
	// An act takes the target of the act it is done for: "sent arms to
	// help defend X", "blocked a road to show their anger at X's policy".
	for k := range ps {
		p := &ps[k]
		if p.tgt >= 0 || p.e.speaker || p.parent >= 0 {
			continue
		}
		end := r.clauseEnd(p.trigEnd)
		for m := k + 1; m < len(ps) && ps[m].trig < end && ps[m].trig-p.trigEnd <= 8; m++ {
			q := &ps[m]
			if q.trig == 0 || r.ws[q.trig-1].low != "to" || q.src >= 0 && p.src >= 0 && !r.sameActor(q.src, p.src) {
				continue
			}
			if q.tgt >= 0 && (p.src < 0 || !r.sameActor(q.tgt, p.src)) {
				p.tgt = q.tgt
			}
			break
		}
		if p.tgt < 0 && blockade(p.e) {
			p.tgt = r.purposeObject(p)
		}
	}
	// A demand made of someone: "demanded autonomy from X"; what is
	// given back goes to whom it was taken from: "will return weapons
	// seized from X".
	for k := range ps {
		p := &ps[k]
		// (an object comes first: "returned from Geneva" is a journey)
		giveBack := p.e.kind == "CONCEDE" && p.e.mode == "return" && p.trigEnd < len(ws) && ws[p.trigEnd].low != "from"
		if p.tgt < 0 && p.verbal && (p.e.kind == "REQUEST" || giveBack) && !p.passive {
			if m := r.after(p.trigEnd, "from"); m >= 0 && (p.src < 0 || !r.sameActor(m, p.src)) {
				p.tgt = m
			}
		}
	}
	// A protest takes the target of its purpose: "staged a hunger strike to
	// demand the resignation of X", "demonstrated, calling for X to go".
	for k := range ps {
		p := &ps[k]
		if p.tgt >= 0 || p.e.kind != "PROTEST" {
			continue
		}
		for m := k + 1; m < len(ps) && ps[m].trig-p.trigEnd <= 16; m++ {
			q := &ps[m]
			purpose := q.trig > 0 && r.ws[q.trig-1].low == "to" || q.e.form == formIng
			if !purpose || !(q.e.kind == "REQUEST" || q.e.kind == "PROTEST" || q.e.kind == "ACCUSE") {
				continue
			}
			if q.tgt >= 0 && (p.src < 0 || !r.sameActor(q.tgt, p.src)) {
				p.tgt = q.tgt
			}
			break
		}
	}
	// Protesters with no name of their own are the people of the place
	// they protest in: "thousands of people marched in X" (PLOVER codes
	// a city's crowd as its civilians).
	srcPlace := make([]bool, len(ps))
	for k := range ps {
		p := &ps[k]
		if p.src < 0 && blockade(p.e) && p.parent < 0 {
			if m := r.placeIn(p.trigEnd, r.clauseEnd(p.trigEnd)); m >= 0 && (p.tgt < 0 || !r.sameActor(m, p.tgt)) {
				p.src, srcPlace[k] = m, true
			}
		}
	}
	// With no target named, the state where the act happens is its
	// target: "lifted the curfew in X", "to resume attacks in X". An
	// attack on people it does not name targets the place it strikes
	// ("killed 12 people when a bomb went off in X"), over a subordinate
	// clause.
	for k := range ps {
		p := &ps[k]
		if p.tgt < 0 && p.parent < 0 && p.e.kind == "ASSAULT" && p.verbal && !p.passive && !srcPlace[k] {
			if m := r.placeIn(p.trigEnd, min(len(ws), p.trigEnd+window)); m >= 0 && (p.src < 0 || !r.sameActor(m, p.src)) && r.a.Mentions[m].Actor.Country != "" {
				p.tgt = m
			}
		}
		if p.tgt < 0 && p.parent < 0 && !p.e.speaker && !srcPlace[k] {
			if m := r.stateIn(p.trigEnd); m >= 0 && (p.src < 0 || !r.sameActor(m, p.src)) {
				p.tgt = m
			}
		}
	}
	// An attack someone claims responsibility for is theirs: "X claimed
	// responsibility for the bombing". A place taken from someone is
	// taken from them: "recaptured the town from the rebels".
	for k := range ps {
		p := &ps[k]
		if p.e.kind != "ASSAULT" {
			continue
		}
		if p.src < 0 && p.voice == "nominal" {
			if m := r.claimant(p.trig); m >= 0 && (p.tgt < 0 || !r.sameActor(m, p.tgt)) {
				p.src = m
			}
		}
		if p.e.mode == "occupy" && p.verbal && !p.passive && (p.tgt < 0 || r.isPlace(p.tgt)) {
			if m := r.after(p.trigEnd, "from"); m >= 0 && !r.isPlace(m) && (p.src < 0 || !r.sameActor(m, p.src)) {
				p.tgt = m
			}
		}
	}
	// An abuse in someone's custody is the custodian's: "died of torture
	// in police custody", "was beaten in the custody of the army".
	for k := range ps {
		p := &ps[k]
		if p.src < 0 && (p.e.kind == "ASSAULT" || p.e.kind == "COERCE") {
			if m := r.custodian(p.trigEnd); m >= 0 && (p.tgt < 0 || !r.sameActor(m, p.tgt)) {
				p.src = m
			}
		}
	}
	// The named cause of a toll takes the toll's victim: "was killed in a
	// car bomb explosion", "a prisoner died as a result of torture".
	cause := make([]bool, len(ps))
	for k := range ps {
		p := &ps[k]
		if p.tgt >= 0 || p.content >= 0 || p.e.speaker {
			continue
		}
		if v, at := r.tollCause(k, ps); v >= 0 {
			cause[k] = true
			if v < len(ps) {
				p.tgt = ps[v].tgt
			} else if m, _ := r.subject(at); m >= 0 && (p.src < 0 || !r.sameActor(m, p.src)) {
				p.tgt = m
			}
		}
	}
	// Drop what has no actor to stand on, unless it is the named cause of
	// a toll: "was killed in a car bomb explosion" is an attack.
	for k := range ps {
		p := &ps[k]
		if p.src >= 0 || p.tgt >= 0 || p.content >= 0 || p.e.speaker || cause[k] {
			continue
		}
		if p.e.weak || p.voice == "nominal" || (len(r.a.Mentions) > 0 && p.e.kind == "ASSAULT" && p.c.entries != nil && hasCasualty(p.c)) {
			p.drop = true
		}
	}
	// A verb that is also a toll word ("were killed", ", killing 12") with
	// no source of its own is a toll, not an event, when another event of
	// the sentence can take it.
	for k := range ps {
		p := &ps[k]
		participle := p.e.form == formIng && p.trig > 0 && ws[p.trig-1].low == ","
		if p.drop || p.src >= 0 && !participle || !hasCasualty(p.c) {
			continue
		}
		for m := max(0, k-window); m < min(len(ps), k+window); m++ {
			if m != k && !ps[m].drop && ps[m].e.kind == p.e.kind {
				p.drop = true
				break
			}
		}
	}
	// A name the knowledge base does not know stands for the actor that
	// qualifies it: "US Predator strikes", "Kofi Annan, UN
	// secretary-general", "Assembly president Laurent Fabius".
	for k := range ps {
		p := &ps[k]
		p.src, p.tgt = r.qualified(p.src), r.qualified(p.tgt)
	}
	// A place inside a locative phrase is where the act happens, not who
	// does it ("has accused X of encroaching in the South China Sea",
	// "rallies in Monroe"), and the place of a meeting is its venue, not
	// the other party ("a meeting at the White House"). Unnamed
	// protesters stay the people of the place they protest in.
	for k := range ps {
		p := &ps[k]
		if p.src >= 0 && !srcPlace[k] && r.locativePlace(p.src, false) {
			p.src = -1
		}
		if p.tgt >= 0 && p.e.kind == "CONSULT" && p.e.mode != "visit" && r.locativePlace(p.tgt, true) {
			p.tgt = -1
		}
	}
	// A weak word ("offer", "provide", "help", "allow", "support")
	// between organisations of no known country or sector is commerce:
	// "Apple offers free repairs", "the app helps you budget". It counts
	// only with an actor an event can be coded for.
	for k := range ps {
		p := &ps[k]
		if p.drop || !p.e.weak || p.e.speaker || p.content >= 0 || cause[k] {
			continue
		}
		if (p.src < 0 || r.uncodedOrg(p.src)) && (p.tgt < 0 || r.uncodedOrg(p.tgt)) {
			p.drop = true
		}
	}
	// Word senses that the words around the trigger rule out: "helped
	// (them) build", "will be back", a product released to no one.
	for k := range ps {
		p := &ps[k]
		if p.drop || p.content >= 0 || p.e.speaker || k < len(cause) && cause[k] {
			continue
		}
		switch {
		case p.e.kind == "AID" && helpForms[ws[p.trig].low] && p.trigEnd == p.trig+1 && r.helpVerb(p.trigEnd):
			p.drop = true // "helped deliver", "helped to show", "help people build": contributed to
		case p.e.kind == "SUPPORT" && ws[p.trig].low == "back" && p.trigEnd == p.trig+1 && r.adverbBack(p.trig):
			p.drop = true // "will be back", "makes it back", "to Mars and back"
		case p.e.kind == "CONCEDE" && p.e.mode == "release" && p.voice == "active" && p.tgt < 0 && len(p.toll) == 0 && !r.captiveObject(p.trigEnd):
			p.drop = true // "Apple released a new phone": nobody freed
		case p.e.kind == "AGREE" && p.verbal && strings.HasPrefix(ws[p.trig].low, "conclu") && !r.pactObject(p.trigEnd, p.passive):
			p.drop = true // "he concluded that …", "“…,” she concluded": decided or said
		}
	}
	// Assertion.
	for k := range ps {
		r.assert(&ps[k], ps)
	}
	for k := range ps {
		r.intent(&ps[k])
		r.crowd(&ps[k])
		r.expelAgency(&ps[k])
	}
	// Tolls.
	ps = r.tolls(cands, ps)
	// An act needs someone to do it or undergo it: with no actor, no
	// content, and no toll, and no noun for a political or public actor
	// before it in its clause ("the researchers called for"), what is
	// left is a word sense ("burn crop stubble", "deploying cleaner
	// technology", "offered no evidence") or talk with no one named ("I
	// thank my family", "enemy attacks").
	for k := range ps {
		p := &ps[k]
		if p.drop || p.src >= 0 || p.tgt >= 0 || p.content >= 0 || p.parent >= 0 || p.e.speaker || k < len(cause) && cause[k] || len(p.toll) > 0 {
			continue
		}
		if r.agentNounBefore(p.trig) {
			continue // "relief agencies working in the region called for …": an unnamed actor
		}
		p.drop = true
	}
	// Write.
	base := len(r.events)
	idx := make([]int, len(ps))
	for k := range ps {
		idx[k] = -1
		if !ps[k].drop {
			idx[k] = base
			base++
		}
	}
	for k := range ps {
		p := &ps[k]
		if p.drop {
			continue
		}
		ev := r.write(sp, p)
		if p.content >= 0 {
			ev.Content = idx[p.content]
		}
		r.events = append(r.events, ev)
		r.info = append(r.info, evInfo{paragraph: r.paragraphOf(sp.Start), sent: r.sent, weak: p.e.weak, child: p.parent >= 0, noTarget: p.tgt < 0})
	}
}

func isPlover(kind string) bool {
	return kind != kindLight && kind != kindReport && kind != kindCasualty && kind != kindNone && kind != kindCrowd && kind != ""
}

func hasCasualty(c *cand) bool {
	for _, e := range c.entries {
		if e.kind == kindCasualty {
			return true
		}
	}
	return false
}

func nounReading(c *cand) *entry {
	for _, e := range c.entries {
		if !e.verb && isPlover(e.kind) {
			return e
		}
	}
	return nil
}

// listGap reports whether words [i, j) are the first members of a
// coordinated list of modifiers: "launched artillery, mortar, and rocket
// fire".
func (r *reader) listGap(i, j int) bool {
	comma := false
	for k := i; k < j; k++ {
		w := &r.ws[k]
		switch {
		case w.low == ",":
			comma = true
		case w.low == "and" || w.low == "or":
		case w.punct || w.mention >= 0 || prepositions[w.low] || r.capitalised(k):
			return false
		}
	}
	return comma
}

// nounGap reports whether words [i, j) may sit between a light verb and
// its noun: determiners, numbers, adjectives, no punctuation or mention.
func (r *reader) nounGap(i, j int) bool {
	for k := i; k < j; k++ {
		w := &r.ws[k]
		if w.punct && w.low != "[" && w.low != "]" || w.mention >= 0 && !npFillers[w.low] {
			return false
		}
		if prepositions[w.low] && w.low != "of" {
			return false
		}
	}
	return true
}

// verbSubject finds the source of a verb (or light verb) at word i: the
// subject of a coordinated or gerund-linked verb is the previous verb's.
func (r *reader) verbSubject(i, n, form int, ps []pending, prevVerbal int) (src, at int, passive bool) {
	passive = r.passive(i, n, form)
	src, at = r.subject(i)
	if prevVerbal >= 0 && prevVerbal < len(ps) {
		pv := &ps[prevVerbal]
		inherit := r.coordinated(i)
		if form == formIng && i > 0 && (gerundLinks[r.ws[i-1].low] || r.ws[i-1].low == ",") {
			inherit = true // "by conducting strikes", ", killing 12"
		}
		if inherit {
			if pv.passive {
				return pv.tgt, -1, passive
			}
			return pv.src, pv.srcAt, passive
		}
	}
	return src, at, passive
}

// pronoun reports whether mention m is a pronoun ("their", "it").
func (r *reader) pronoun(m int) bool {
	w := lower(r.a.Covered(r.a.Mentions[m].Span))
	return pronouns[w] || w == "their" || w == "its" || w == "them" || w == "his" || w == "her" || w == "him" || w == "us" && r.a.Covered(r.a.Mentions[m].Span) == "us"
}

// coordinatedWith returns the first mention of a coordinated subject
// whose last member starts at word at: "Gaddafi and Bulgarian President
// Zhivkov" → Gaddafi; -1 when the subject is not coordinated.
func (r *reader) coordinatedWith(at int) int {
	ws := r.ws
	for j := at - 1; j >= 1 && at-j <= 4; j-- {
		if ws[j].low == "and" {
			if ws[j-1].mention < 0 {
				return -1
			}
			// "A, B and C signed": the list's first member, unless a
			// preposition governs it ("In X, A and B met").
			first, s := ws[j-1].mention, r.mentionStart(j-1, 0)
			for s >= 2 && ws[s-1].low == "," && ws[s-2].mention >= 0 {
				k := r.mentionStart(s-2, 0)
				if r.prepBefore(k, 0) != "" || r.possessor(s-2) {
					break
				}
				first, s = ws[s-2].mention, k
			}
			return first
		}
		if ws[j].mention >= 0 && possessives[ws[j].low] {
			continue // "Kagame and his party"
		}
		if ws[j].punct || ws[j].mention >= 0 || !unicode.IsUpper(rune(r.a.Text[ws[j].span.Start])) && !determiners[ws[j].low] {
			return -1
		}
	}
	return -1
}

// nounPossessor finds the source of an event noun at word i: "the
// coalition's strikes", "coalition strikes", "Israeli airstrikes".
func (r *reader) nounPossessor(i int) int {
	ws := r.ws
	for j := i - 1; j >= 0 && i-j <= 4; j-- {
		w := &ws[j]
		if w.mention >= 0 {
			return w.mention
		}
		if w.low == "'s" || w.low == "'" || w.low == "’s" || npFillers[w.low] && w.low != "of" || w.number {
			continue
		}
		return -1
	}
	return -1
}

// nounArgs finds the target ("on X", "against X", "of X") and the source
// ("by X", "from X") after an event noun ending before word i.
func (r *reader) nounArgs(i int) (tgt, src int) {
	ws := r.ws
	tgt, src = -1, -1
	for j := i; j < len(ws) && j-i <= 7; j++ {
		w := &ws[j]
		if w.punct || (w.mention < 0 && subordinators[w.low]) || r.isVerb(j) {
			break
		}
		if w.mention < 0 {
			if j > i && ws[j-1].mention >= 0 && !prepositions[w.low] {
				break // the noun phrase ended: "strikes on X drew…"
			}
			continue
		}
		p := r.prepBefore(j, i)
		switch {
		case p == "by" || p == "from":
			if src < 0 {
				src = w.mention
			}
		case targetPreps[p]:
			if tgt < 0 {
				tgt = w.mention
			}
		default:
			return tgt, src
		}
		j = r.mentionEnd(j)
	}
	return tgt, src
}

// clauseStart and clauseEnd bound the clause around word i.
func (r *reader) clauseStart(i int) int {
	for j := i - 1; j >= 0; j-- {
		if isStrongBoundary(&r.ws[j]) || r.ws[j].mention < 0 && subordinators[r.ws[j].low] {
			return j + 1
		}
		if i-j > 40 {
			return j
		}
	}
	return 0
}

func (r *reader) clauseEnd(i int) int {
	for j := i; j < len(r.ws); j++ {
		if isStrongBoundary(&r.ws[j]) || r.ws[j].mention < 0 && subordinators[r.ws[j].low] {
			return j
		}
		if j-i > 40 {
			return j
		}
	}
	return len(r.ws)
}

// intent codes an event the text states as an intention the way PLOVER
// (after CAMEO) codes it: a promised or offered cooperative act is an
// AGREE, an announced or conditional hostile one a THREATEN, a refused
// cooperative one a REJECT, one the subject "must" do a REQUEST by whoever
// says so. The content of an accusation or request keeps its type.
func (r *reader) intent(p *pending) {
	if p.parent >= 0 {
		return
	}
	orig := p.e.kind
	code, _ := r.s.ont.Lookup(orig, p.e.mode)
	coop := code.Quad == 1 || code.Quad == 2
	speech := orig == "REQUEST" || orig == "THREATEN" || orig == "ACCUSE" || orig == "REJECT"
	switch how := p.assert.How; {
	case how == "obliged":
		if speech {
			return
		}
		p.recode = "REQUEST"
		p.tgt = p.src
		p.src = p.assert.Speaker
		if p.src == p.tgt {
			p.src = -1
		}
	case how == "negated" && (p.modal == "to" || p.modal == "adj"):
		if coop && orig != "REJECT" {
			p.recode = "REJECT"
		}
	case (how == "future" || how == "hypothetical") && p.modal != "clause" && p.modal != "ing":
		if speech || orig == "AGREE" {
			return
		}
		if orig == "ASSAULT" && strings.HasPrefix(lower(r.a.Covered(p.assert.Cue)), "prepar") {
			// "prepared to resume shelling": a force posture (CAMEO 15).
			p.recode, p.recodeMode = "MOBILIZE", "troops"
			return
		}
		if !coop || r.conditionalAfter(p.trigEnd) {
			p.recode = "THREATEN"
		} else {
			p.recode = "AGREE"
		}
	}
}

// conditionalAfter reports whether an "unless" clause follows word i in
// the sentence: "will withdraw unless…" is a threat.
func (r *reader) conditionalAfter(i int) bool {
	for j := i; j < len(r.ws) && j-i <= window; j++ {
		if r.ws[j].low == "unless" {
			return true
		}
	}
	return false
}

// causatives are verbs whose object does what their "to" infinitive
// says because the subject makes it: "forced thousands to flee".
var causatives = set("force", "forces", "forced", "forcing", "compel", "compels", "compelled", "compelling",
	"drive", "drives", "drove", "driven", "driving", "push", "pushed", "pushing", "cause", "causes", "caused",
	"causing", "oblige", "obliged", "obliging")

// orders are verbs of ordering: "ordered the paper to suspend
// publication" makes the orderer the source of a coercion with no target
// of its own.
var orders = set("order", "orders", "ordered", "ordering", "force", "forces", "forced", "forcing", "compel", "compels",
	"compelled", "compelling")

// forcedFlight codes a flight the subject forces on others ("X forced
// thousands of villagers to flee", "attacks by X drove 2,000 people to
// flee Y") as the forcer's expulsion of them (CAMEO 174): the source is
// the forcer, the target the people forced out, else the place they
// flee. A coercion with no target of its own that someone orders or
// forces on others ("ordered the paper to suspend publication") is the
// orderer's, on them.
func (r *reader) forcedFlight(p *pending, ps []pending) {
	ws := r.ws
	if p.passive || p.trig < 3 || ws[p.trig-1].low != "to" {
		return
	}
	flight := hasCasualtyKind(p.c, "displaced")
	verbs := causatives
	if !flight {
		if p.e.kind != "COERCE" || p.tgt >= 0 {
			return
		}
		verbs = orders
	}
	k := p.trig - 2
	people := -1
	for ; k >= 0 && p.trig-k <= 10 && !verbs[ws[k].low]; k-- {
		w := &ws[k]
		if w.mention >= 0 {
			people = w.mention
			continue
		}
		if w.punct || !(w.number || determiners[w.low] || quantities[w.low] || w.low == "of" || w.low == "than" || r.plainWord(k)) {
			return
		}
	}
	if k < 0 || !verbs[ws[k].low] || ws[k].mention >= 0 || !flight && people < 0 {
		return
	}
	src, _ := r.subject(k)
	if src < 0 {
		// "the fighting between X and Y forced …": the cause's doer.
		for m := len(ps) - 1; m >= 0; m-- {
			if ps[m].trig < k && ps[m].src >= 0 && r.clauseStart(k) <= ps[m].trig {
				src = ps[m].src
				break
			}
		}
	}
	if src < 0 {
		return
	}
	p.src, p.srcAt = src, -1
	if people >= 0 && !r.sameActor(people, src) {
		p.tgt = people
	} else if p.tgt >= 0 && r.sameActor(p.tgt, src) {
		p.tgt = -1
	}
	if flight {
		p.recode, p.recodeMode = "COERCE", "expel"
	}
}

func hasCasualtyKind(c *cand, kind string) bool {
	for _, e := range c.entries {
		if e.kind == kindCasualty && e.mode == kind {
			return true
		}
	}
	return false
}

// undergoers are verbs whose subject undergoes the act their object
// names: "faces sanctions", "suffered an attack", "received aid".
var undergoers = set("face", "faces", "faced", "facing", "suffer", "suffers", "suffered", "suffering", "sustain",
	"sustains", "sustained", "sustaining", "receive", "receives", "received", "receiving", "undergo", "undergoes",
	"underwent", "undergone", "undergoing", "endure", "endures", "endured", "enduring")

// underVerbs come before "under" with the subject as the one acted on:
// "came under attack", "is under fire".
var underVerbs = set("come", "comes", "came", "coming", "fall", "falls", "fell", "fallen", "remain", "remains",
	"remained", "is", "was", "were", "are", "be", "been", "being")

// undergoerVerb returns the word index of the verb whose subject
// undergoes the event noun at word i ("came under [heavy] attack",
// "faces new sanctions", "were subjected to torture"), or -1.
func (r *reader) undergoerVerb(i int) int {
	ws := r.ws
	j := i - 1
	if ws[i].low != "under" {
		for j >= 0 && i-j <= 4 && ws[j].mention < 0 && (determiners[ws[j].low] || npFillers[ws[j].low] || nounContext[ws[j].low] && ws[j].low != "of") {
			j-- // "came under heavy attack", "faces new sanctions"
		}
		if j < 0 || ws[j].mention >= 0 {
			return -1
		}
		switch w := ws[j].low; {
		case undergoers[w]:
			return j
		case w == "to" && j > 0 && (ws[j-1].low == "subjected" || ws[j-1].low == "exposed"):
			return j - 1
		case w != "under":
			return -1
		}
		j--
	}
	if j >= 0 && underVerbs[ws[j].low] {
		return j
	}
	return -1
}

// isLight reports whether a candidate can be a light verb in its place.
func isLight(c *cand) bool { return lightEntry(c) != nil }

// lightEntry returns the light-verb reading of c: its chosen reading when
// that is a verb, else its first light-verb entry; nil when c is no light
// verb. A light verb need not have been chosen as an event word itself.
func lightEntry(c *cand) *entry {
	if c.chosen != nil && !c.chosen.verb {
		return nil
	}
	for _, e := range c.entries {
		if e.kind == kindLight {
			if c.chosen != nil {
				return c.chosen
			}
			return e
		}
	}
	return nil
}

// lastEvent returns the source mention of the event told last before the
// pending event k: earlier in the sentence, else earlier in the
// paragraph; -1 when none.
func (r *reader) lastEvent(k int, ps []pending) int {
	for m := k - 1; m >= 0 && k-m <= window; m-- {
		if !ps[m].drop && ps[m].src >= 0 {
			return ps[m].src
		}
	}
	par := r.paragraphOf(r.ws[ps[k].trig].span.Start)
	for m := len(r.events) - 1; m >= 0 && m >= len(r.events)-window && par >= 0 && r.info[m].paragraph == par; m-- {
		e := &r.events[m]
		if e.Source >= 0 && !r.info[m].child && !subordinate(r.a.Text, max(e.Evidence.Start, e.Trigger.Start-300), e.Trigger.Start) {
			return r.events[m].Source
		}
	}
	return -1
}

// crowd recodes a blockade by a crowd of civilians as a protest (CAMEO
// 144): "demonstrators blocked a road", "workers blocked the bridge".
func (r *reader) crowd(p *pending) {
	if p.e.kind != "COERCE" || p.e.mode != "block" || p.recode != "" {
		return
	}
	if p.src >= 0 && sectorCode(r.a.Mentions[p.src].Actor.Sector) == "CVL" {
		p.recode, p.recodeMode = "PROTEST", "obstruct"
		return
	}
	for j := p.trig - 1; j >= 0 && p.trig-j <= 6; j-- {
		if r.ws[j].punct && r.ws[j].low != "'" {
			return
		}
		for _, e := range r.s.lex.byFirst[r.ws[j].low] {
			if e.kind == kindCrowd && len(e.words) == 1 {
				p.recode, p.recodeMode = "PROTEST", "obstruct"
				return
			}
		}
	}
}

// expelAgency codes the expulsion of an international organisation, its
// peacekeepers or an aid agency as a sanction (CAMEO 166: "expel or
// withdraw peacekeepers, observers, inspectors or aid agencies"), not as
// the expulsion of people (CAMEO 174): "forced the UN refugee agency out".
func (r *reader) expelAgency(p *pending) {
	if p.e.kind != "COERCE" || p.e.mode != "expel" || p.recode != "" || p.tgt < 0 {
		return
	}
	act := &r.a.Mentions[p.tgt].Actor
	code := strings.ToUpper(act.Code)
	if strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.EqualFold(act.Sector, "igo") || strings.EqualFold(act.Sector, "ngo") {
		p.recode, p.recodeMode = "SANCTION", "expel"
	}
}

// tollCause returns the index of the toll verb whose cause the nominal
// ASSAULT ps[k] names ("killed in an explosion", "died as a result of
// torture", "wounded by gunfire"): the pending event of that verb, or
// len(ps) when the verb is a toll word only ("died"); -1 when none. at is
// the toll verb's word index.
func (r *reader) tollCause(k int, ps []pending) (v, at int) {
	p := &ps[k]
	if p.voice != "nominal" || p.e.kind != "ASSAULT" || p.e.weak {
		return -1, -1
	}
	linked := false
	for j := p.trig - 1; j >= 0 && p.trig-j <= 6; j-- {
		w := &r.ws[j]
		if w.punct || w.mention >= 0 {
			return -1, -1
		}
		switch w.low {
		case "in", "by", "from", "of", "during":
			linked = true
			continue
		}
		if !linked {
			continue
		}
		for _, e := range r.s.lex.byFirst[w.low] {
			if e.kind != kindCasualty || !e.verb || len(e.words) != 1 || e.form == formBase {
				continue
			}
			for m := k - 1; m >= 0; m-- {
				if ps[m].trig == j && ps[m].src < 0 {
					return m, j
				}
			}
			return len(ps), j
		}
	}
	return -1, -1
}

// claimant returns the subject of "claimed (or admitted) responsibility
// for" before the event noun at word i, over an article and adjectives;
// -1 when none.
func (r *reader) claimant(i int) int {
	ws := r.ws
	j := i - 1
	for j >= 0 && i-j <= 4 && ws[j].mention < 0 && (determiners[ws[j].low] || npFillers[ws[j].low] || nounContext[ws[j].low]) && ws[j].low != "of" {
		j--
	}
	if j < 2 || ws[j].low != "for" || ws[j-1].low != "responsibility" {
		return -1
	}
	switch ws[j-2].low {
	case "claim", "claims", "claimed", "claiming", "admit", "admits", "admitted", "admitting", "accept", "accepts",
		"accepted", "accepting", "take", "takes", "took", "taken", "taking", "assume", "assumes", "assumed":
		m, _ := r.subject(j - 2)
		return m
	}
	return -1
}

// custodian returns the holder of the custody or detention named within
// a few words after word i ("in Israeli police custody", "in the custody
// of the army"), or -1.
func (r *reader) custodian(i int) int {
	ws := r.ws
	for k := i; k < len(ws) && k-i <= 12; k++ {
		if isStrongBoundary(&ws[k]) {
			return -1
		}
		if ws[k].mention >= 0 || ws[k].low != "custody" && ws[k].low != "detention" {
			continue
		}
		if k > 0 && ws[k-1].mention >= 0 {
			return ws[k-1].mention
		}
		if k+1 < len(ws) && ws[k+1].low == "of" {
			return r.nextMention(k+2, 3)
		}
		return -1
	}
	return -1
}

// retreatFrom returns the mention after "from" or "out of" in the clause
// after word i (a retreat's target), or -1.
func (r *reader) retreatFrom(i int) int {
	ws := r.ws
	end := r.clauseEnd(i)
	for j := i; j < end && j-i <= 10; j++ {
		if ws[j].mention >= 0 {
			continue
		}
		if ws[j].low == "from" || ws[j].low == "of" && j > 0 && ws[j-1].low == "out" {
			for k := j + 1; k < end && k-j <= 4; k++ {
				if ws[k].mention >= 0 {
					return ws[k].mention
				}
				if ws[k].punct || prepositions[ws[k].low] {
					break
				}
			}
		}
	}
	return -1
}

// stateIn returns a mention of a state or of a place in a country after
// "in" in the clause after word i, or -1.
func (r *reader) stateIn(i int) int {
	ws := r.ws
	end := r.clauseEnd(i)
	for j := i; j+1 < end && j-i <= 12; j++ {
		if ws[j].low != "in" || ws[j].mention >= 0 {
			continue
		}
		for k := j + 1; k < end && k-j <= 3; k++ {
			if m := ws[k].mention; m >= 0 {
				if act := r.a.Mentions[m].Actor; act.Kind == "state" || act.Kind == "place" && act.Country != "" {
					return m
				}
				break
			}
			if ws[k].punct || prepositions[ws[k].low] {
				break
			}
		}
	}
	return -1
}

// sameActor reports whether mentions m and n are the same actor: the same
// mention, or two mentions resolved to one actor id.
func (r *reader) sameActor(m, n int) bool {
	if m == n {
		return true
	}
	a, b := r.a.Mentions[m].Actor.ID, r.a.Mentions[n].Actor.ID
	return a != "" && a == b
}

// demandThat reports whether p is a request noun with a that-clause:
// "its demand that X withdraw".
func (r *reader) demandThat(p *pending) bool {
	return p.voice == "nominal" && p.e.kind == "REQUEST" && r.thatAt(p) >= 0
}

// thatAt returns the word index of a "that" right after p's trigger (over
// a time expression: "demanded on Monday that"), or -1.
func (r *reader) thatAt(p *pending) int {
	j := p.trigEnd
	for j < len(r.ws) && j-p.trigEnd < 4 && (r.ws[j].time >= 0 || r.ws[j].low == "today" || r.ws[j].low == "yesterday") {
		j++
	}
	if j < len(r.ws) && r.ws[j].low == "that" && r.ws[j].mention < 0 {
		return j
	}
	return -1
}

// after returns the mention governed by preposition prep in the clause
// after word i, within a few words, or -1.
func (r *reader) after(i int, prep string) int {
	ws := r.ws
	end := r.clauseEnd(i)
	for j := i; j < end && j-i <= 8; j++ {
		if ws[j].low != prep || ws[j].mention >= 0 {
			continue
		}
		for k := j + 1; k < end && k-j <= 4; k++ {
			if ws[k].mention >= 0 {
				return ws[k].mention
			}
			if ws[k].punct || prepositions[ws[k].low] {
				break
			}
		}
		return -1
	}
	return -1
}

// conditionSubject returns the first mention after "if" or "unless" in
// the sentence after word i (within the search window), or -1.
func (r *reader) conditionSubject(i int) int {
	ws := r.ws
	for j := i; j < len(ws) && j-i <= window; j++ {
		if isStrongBoundary(&ws[j]) {
			return -1
		}
		if ws[j].mention < 0 && (ws[j].low == "if" || ws[j].low == "unless") {
			for k := j + 1; k < len(ws) && k-j <= 4; k++ {
				if ws[k].mention >= 0 {
					return ws[k].mention
				}
				if ws[k].punct {
					break
				}
			}
			return -1
		}
	}
	return -1
}

// aboutBetween reports whether "over", "about" or "against" governs a
// noun phrase between words i and j, with no clause boundary between.
func (r *reader) aboutBetween(i, j int) bool {
	about := false
	for k := i; k < j; k++ {
		w := &r.ws[k]
		if isStrongBoundary(w) || w.mention < 0 && subordinators[w.low] {
			return false
		}
		if w.mention < 0 && (w.low == "over" || w.low == "about" || w.low == "against") {
			about = true
		}
	}
	return about
}

// clauseSubject returns the subject of the clause that starts at word i:
// its first mention that no preposition governs and that is no
// possessor ("that the United States match the EU's offer" → the United
// States), or -1.
func (r *reader) clauseSubject(i int) int {
	ws := r.ws
	end := r.clauseEnd(i)
	for j := i; j < end && j-i <= 8; j++ {
		if r.isVerb(j) {
			return -1
		}
		if ws[j].mention < 0 {
			continue
		}
		k, e := j, r.mentionEnd(j)
		if r.prepBefore(k, i) == "" && !r.possessor(e) {
			return ws[j].mention
		}
		j = e
	}
	return -1
}

// infinitiveObject returns the target of the infinitive right after a
// verb ending before word i ("threatened to deliver blows to X"), or -1.
func (r *reader) infinitiveObject(i int) int {
	ws := r.ws
	if i+1 >= len(ws) || ws[i].low != "to" || !r.infinitive(i+1) || ws[i+1].mention >= 0 {
		return -1
	}
	tgt, _ := r.object(i+2, 12)
	if tgt >= 0 && r.pronoun(tgt) {
		return -1
	}
	return tgt
}

// gerundObject returns the direct object of an event noun that is a
// gerund ("resumed shelling rebel positions", "stopped bombing the
// town"): the mention right after it, over an article; -1 when none.
func (r *reader) gerundObject(c *cand) int {
	ws := r.ws
	end := c.i + c.n
	if !strings.HasSuffix(ws[end-1].low, "ing") {
		return -1
	}
	for j := end; j < len(ws) && j-end <= 2; j++ {
		if m := ws[j].mention; m >= 0 {
			return m
		}
		if !npOpeners[ws[j].low] {
			return -1
		}
	}
	return -1
}

// moverNoun reports whether an event noun names forces moving: a
// deployment, a withdrawal, a mobilisation; "of X" is then who moves.
func moverNoun(e *entry) bool {
	return e.kind == "RETREAT" || e.kind == "MOBILIZE" || e.kind == "AID" && e.mode == "protection"
}

// armed reports whether mention m's actor is an armed force: military,
// police, rebels, militias.
func (r *reader) armed(m int) bool {
	for _, s := range actorSectors(r.a.Mentions[m]) {
		switch s {
		case "MIL", "COP", "REB", "UAF", "INS", "SEP":
			return true
		}
	}
	return false
}

// mentionStartOf returns the first word (at or after floor) of mention m.
func (r *reader) mentionStartOf(m, floor int) int {
	for j := floor; j < len(r.ws); j++ {
		if r.ws[j].mention == m {
			return j
		}
	}
	return floor
}

// aspectualSubject returns the subject of the aspectual verb whose object
// is the event noun at word i, unless it is mention not; -1 when none.
func (r *reader) aspectualSubject(i, not int) int {
	if v := r.aspectualBefore(i); v >= 0 {
		if m, _ := r.subject(v); m >= 0 && m != not {
			return m
		}
	}
	return -1
}

// aspectualBefore returns the word index of an aspectual or causative
// verb ("began", "speeded up", "ordered") whose object is the event noun
// at word i, over an article and adjectives; -1 when none.
func (r *reader) aspectualBefore(i int) int {
	ws := r.ws
	for j := i - 1; j >= 0 && i-j <= 4; j-- {
		w := &ws[j]
		if w.mention >= 0 || w.punct {
			return -1
		}
		if w.low == "up" && j > 0 && aspectuals[ws[j-1].low] {
			return j - 1
		}
		if aspectuals[w.low] {
			return j
		}
		if !(determiners[w.low] || nounContext[w.low] || npFillers[w.low] || r.plainWord(j)) {
			return -1
		}
	}
	return -1
}

// plainWord reports whether word j is a lower-case content word: no
// mention, number, punctuation, function word, verb or time.
func (r *reader) plainWord(j int) bool {
	w := &r.ws[j]
	return w.mention < 0 && !w.punct && !w.number && w.time < 0 && !r.capitalised(j) && !determiners[w.low] &&
		!prepositions[w.low] && !fillers[w.low] && !pronouns[w.low] && !subordinators[w.low] && !coordinators[w.low] &&
		!beForms[w.low] && !verbContext[w.low] && r.reportAt(j) == nil && !(j < len(r.verbAt) && r.verbAt[j])
}

// nextTarget returns the target after mention not, which was the source
// itself: "closed its borders to X" → X; -1 when none.
func (r *reader) nextTarget(p *pending, not int) int {
	at := r.mentionStartOf(not, p.trigEnd)
	if at >= len(r.ws) || r.ws[at].mention != not {
		return -1
	}
	from := r.mentionEnd(at) + 1
	if from >= len(r.ws) {
		return -1
	}
	var m int
	if p.verbal {
		m, _ = r.object(from, 8)
	} else {
		m, _ = r.nounArgs(from)
	}
	if m >= 0 && p.src >= 0 && r.sameActor(m, p.src) {
		return -1
	}
	return m
}

// lateAgent returns the agent of a passive verb ending before word i when
// a parenthetical stands between them: "was accused of fraud, much of
// it in cash, by officials" → officials; -1 when none. The agent follows
// a comma and "by" and ends its clause.
func (r *reader) lateAgent(i int) int {
	ws := r.ws
	for j := i; j+1 < len(ws) && j-i <= 30; j++ {
		if isStrongBoundary(&ws[j]) {
			return -1
		}
		if ws[j].low != "by" || ws[j-1].low != "," {
			continue
		}
		for k := j + 1; k < len(ws) && k-j <= 3; k++ {
			if ws[k].mention >= 0 {
				e := r.mentionEnd(k) + 1
				if e == len(ws) || ws[e].punct {
					return ws[k].mention
				}
				return -1
			}
			if ws[k].punct || r.isVerb(k) || prepositions[ws[k].low] {
				return -1
			}
		}
		return -1
	}
	return -1
}

// otherDirected holds the types of acts done to another actor, whose
// object's owner undergoes the act rather than doing it: "arrested her",
// "scolded her label", "rejected their offer".
var otherDirected = set("ASSAULT", "COERCE", "ACCUSE", "THREATEN", "REQUEST", "REJECT", "PROTEST")

// ownerInObject returns the possessive pronoun that opens the object of
// a verb with no subject mention: "has agreed to re-open its borders" →
// its (whoever coreference resolved it to); -1 when none.
func (r *reader) ownerInObject(i int) int {
	ws := r.ws
	for j := i; j < len(ws) && j-i <= 4; j++ {
		w := &ws[j]
		if w.mention >= 0 {
			if possessives[w.low] && r.a.Mentions[w.mention].Actor.Country != "" {
				return w.mention
			}
			return -1
		}
		if j == i && w.low != "to" || w.punct && w.low != "-" || r.capitalised(j) {
			return -1 // "to re-open its borders"
		}
	}
	return -1
}

// purposeObject returns the target of the infinitive of purpose after a
// protest ("blocked a road to show their anger at X's policies"), over
// mentions of the protesters themselves; -1 when none.
func (r *reader) purposeObject(p *pending) int {
	ws := r.ws
	end := r.clauseEnd(p.trigEnd)
	for j := p.trigEnd; j+1 < end && j-p.trigEnd <= 8; j++ {
		if ws[j].low != "to" || ws[j].mention >= 0 || !r.infinitive(j+1) || ws[j+1].mention >= 0 {
			continue
		}
		from := j + 2
		for n := 0; n < 3 && from < len(ws); n++ {
			m, _ := r.object(from, 10)
			if m < 0 {
				return -1
			}
			if p.src < 0 || !r.sameActor(m, p.src) {
				return m
			}
			from = r.mentionEnd(r.mentionStartOf(m, from)) + 1
		}
		return -1
	}
	return -1
}

// placeIn returns the head mention of a place or state after "in", "at"
// or "throughout" in words [i, end) ("in East Timor's capital Dili" →
// Dili), or -1.
func (r *reader) placeIn(i, end int) int {
	ws := r.ws
	for j := i; j+1 < end && j-i <= 20; j++ {
		if isStrongBoundary(&ws[j]) || r.reportAt(j) != nil {
			return -1
		}
		if ws[j].mention >= 0 || ws[j].low != "in" && ws[j].low != "at" && ws[j].low != "throughout" {
			continue
		}
		found := -1
		for k := j + 1; k < end && k-j <= 6; k++ {
			if m := ws[k].mention; m >= 0 {
				if !r.isPlace(m) {
					break
				}
				found = m
				k = r.mentionEnd(k)
				if !r.possessor(k) {
					break
				}
				continue
			}
			if ws[k].punct && ws[k].low != "'s" || prepositions[ws[k].low] {
				break
			}
		}
		if found >= 0 {
			return found
		}
	}
	return -1
}

// isPlace reports whether mention m names a state or a place.
func (r *reader) isPlace(m int) bool {
	mn := &r.a.Mentions[m]
	return mn.Type == news.Location || mn.Type == news.State || mn.Actor.Kind == "state" || mn.Actor.Kind == "place"
}

// blockade reports whether entry e is a protest or a blockade, which a
// crowd's blockade is (crowd).
func blockade(e *entry) bool {
	return e.kind == "PROTEST" || e.kind == "COERCE" && e.mode == "block"
}

// known reports whether mention m's actor has a country or a code.
func (r *reader) known(m int) bool {
	act := &r.a.Mentions[m].Actor
	return act.Country != "" || act.Code != ""
}

// uncodedOrg reports whether mention m is an organisation with no
// country, sector or code: a company, a product or an unknown name.
func (r *reader) uncodedOrg(m int) bool {
	act := &r.a.Mentions[m].Actor
	return act.Country == "" && act.Code == "" && act.Sector == "" && (act.Kind == "org" || act.Kind == "organization" || act.Kind == "")
}

// qualified returns, for a mention whose actor is unknown, the known
// actor that qualifies it in the sentence: a name right before it ("US
// Predator"), an organisation before a title ("UN envoy X"), a possessor
// ("Nicaragua's Sandinista government"), or an appositive after a comma
// ("X, UN secretary-general"); else m itself.
func (r *reader) qualified(m int) int {
	if m < 0 || r.known(m) {
		return m
	}
	ws := r.ws
	s := -1
	for j := range ws {
		if ws[j].mention == m {
			s = j
			break
		}
	}
	if s < 0 {
		return m
	}
	e := r.mentionEnd(s)
	if s > 0 {
		if q := ws[s-1].mention; q >= 0 && r.known(q) && !r.pronoun(q) {
			return q // "US Predator"
		}
		if s > 1 && (r.plainWord(s-1) || possessiveMark(ws[s-1].low)) {
			if q := ws[s-2].mention; q >= 0 && r.known(q) && !r.pronoun(q) {
				return q // "UN envoy X", "Ruritania's X government"
			}
		}
	}
	if e+3 < len(ws) && ws[e+1].low == "," {
		for j := e + 2; j < len(ws) && j-e <= 3; j++ {
			if q := ws[j].mention; q >= 0 {
				qe := r.mentionEnd(j)
				if r.known(q) && !r.pronoun(q) && qe+1 < len(ws) && r.plainWord(qe+1) {
					return q // "X, UN secretary-general"
				}
				break
			}
			if !npOpeners[ws[j].low] {
				break
			}
		}
	}
	return m
}

// nextMention returns the mention that starts within n words from word
// i over articles, or -1.
func (r *reader) nextMention(i, n int) int {
	for j := i; j < len(r.ws) && j-i < n; j++ {
		if m := r.ws[j].mention; m >= 0 {
			return m
		}
		if !npOpeners[r.ws[j].low] && !npFillers[r.ws[j].low] {
			return -1
		}
	}
	return -1
}

var helpForms = set("help", "helps", "helped", "helping")

// bareVerbsAfterHelp are verbs common as the bare infinitive after
// "help" ("helped build", "help keep him solvent"): general English.
var bareVerbsAfterHelp = set("make", "keep", "build", "create", "deliver", "push", "cover", "pay", "reduce", "improve",
	"protect", "prevent", "ensure", "bring", "get", "find", "develop", "boost", "drive", "shape", "explain",
	"understand", "lower", "raise", "increase", "restore", "manage", "maintain", "minimize", "minimise", "solve",
	"propel", "lead", "set", "turn", "move", "grow", "save", "cut", "ease", "offset", "fuel", "spur", "lift",
	"determine", "identify", "show", "prove", "establish", "launch", "run", "win", "pass", "secure", "plan",
	"design", "stabilize", "stabilise", "clear", "fill", "cope", "deal", "tackle", "address", "overcome",
	"compete", "become", "stay", "remain", "feel", "see", "learn", "avoid", "stop", "end", "fix", "fight")

// helpVerb reports whether a verb follows "help" at word j, directly, after
// "to", or after a pronoun or a name as its object: "helped (to) show",
// "help people build", "helped Ruritania rebuild". The help is then a
// contribution, not aid: aid is given as goods or money, "helped X with".
func (r *reader) helpVerb(j int) bool {
	ws := r.ws
	if j < len(ws) && ws[j].low == "to" && j+1 < len(ws) && ws[j+1].mention < 0 && !determiners[ws[j+1].low] && !ws[j+1].punct && !ws[j+1].number {
		return true // "helped to show"; not "help to the refugees"
	}
	if j < len(ws) && (objectPronouns[ws[j].low] || ws[j].low == "people") {
		j++
	} else if j < len(ws) && ws[j].mention >= 0 {
		for m := ws[j].mention; j < len(ws) && ws[j].mention == m; {
			j++
		}
	}
	return j < len(ws) && ws[j].mention < 0 && bareVerbsAfterHelp[ws[j].low]
}

// adverbBack reports whether "back" at word j is the adverb: after a form
// of "be", a verb of motion or return, "it" or "and", or before a
// preposition, a punctuation mark or the end ("will be back", "came
// back", "makes it back", "to X and back", "back in office").
func (r *reader) adverbBack(j int) bool {
	ws := r.ws
	if j == 0 || j+1 >= len(ws) || ws[j+1].punct || prepositions[ws[j+1].low] || backAfter[ws[j+1].low] {
		return true
	}
	p := ws[j-1].low
	return beForms[p] || p == "be" || backBefore[p]
}

var (
	backBefore = set("it", "and", "way", "come", "comes", "came", "coming", "go", "goes", "went", "going", "get",
		"gets", "got", "bring", "brings", "brought", "take", "takes", "took", "make", "makes", "made", "fight",
		"fights", "fought", "hold", "holds", "held", "pull", "pulled", "step", "stepped", "look", "looked", "call",
		"called", "write", "wrote", "pay", "paid", "bounce", "bounced", "send", "sent", "sit", "sat", "stand",
		"stood", "turn", "turned", "head", "headed", "move", "moved", "fall", "fell", "roll", "rolled", "scale",
		"scaled", "cut", "set", "push", "pushed", "hit", "flash", "flashed", "welcome")
	backAfter = set("home", "up", "down", "then", "later", "again", "now", "soon", "here", "there", "and", "or",
		"when", "after", "before")
)

// captiveObject reports whether the object after word j, up to the next
// punctuation or preposition within six words, counts people or names a kind of people
// that can be held and freed: "released 20 prisoners", "freed the
// hostages".
func (r *reader) captiveObject(j int) bool {
	ws := r.ws
	for k := j; k < len(ws) && k-j < 6 && !ws[k].punct && !(k > j && prepositions[ws[k].low]); k++ {
		if ws[k].number || numberWords[ws[k].low] > 0 || captives[ws[k].low] || captives[strings.TrimSuffix(ws[k].low, "s")] {
			return true
		}
	}
	return false
}

// pactObject reports whether a pact is what the verb at j-1 concludes:
// its object within six words ("concluded a two-year trade agreement"),
// or, passive, its subject before it ("the treaty was concluded").
func (r *reader) pactObject(j int, passive bool) bool {
	ws := r.ws
	if passive {
		for k := j - 2; k >= 0 && j-k < 8 && !ws[k].punct; k-- {
			if pacts[strings.TrimSuffix(ws[k].low, "s")] {
				return true
			}
		}
		return false
	}
	for k := j; k < len(ws) && k-j < 6 && !ws[k].punct && !(k > j && prepositions[ws[k].low]); k++ {
		if pacts[ws[k].low] || pacts[strings.TrimSuffix(ws[k].low, "s")] {
			return true
		}
	}
	return false
}

// pacts are what one concludes as an agreement: general English.
var pacts = set("agreement", "deal", "treaty", "accord", "pact", "contract", "truce", "ceasefire", "cease-fire",
	"armistice", "alliance", "memorandum", "protocol", "convention", "settlement", "talk", "negotiation",
	"visit", "arrangement", "partnership", "compact", "charter", "understanding")

var captives = set("prisoner", "hostage", "detainee", "captive", "soldier", "civilian", "people", "person", "men",
	"women", "children", "journalist", "activist", "worker", "fishermen", "fisherman", "sailor", "crew", "national",
	"citizen", "tourist", "student", "protester", "protestor", "inmate", "suspect", "member", "officer", "pilot",
	"abductee", "refugee", "migrant", "dissident", "opponent", "leader", "politician", "demonstrator", "captain",
	"him", "her", "them", "us", "me")

// agentNouns are common nouns for the public and political actors an
// event may have when no name is given: general English.
var agentNouns = set("agency", "agencies", "researchers", "scientists", "official", "officials", "authorities",
	"activists", "campaigners", "lawmakers", "legislators", "leaders", "ministers", "minister", "diplomats",
	"negotiators", "rebels", "militants", "insurgents", "fighters", "gunmen", "protesters", "protestors",
	"demonstrators", "troops", "soldiers", "forces", "police", "officers", "prosecutors", "judges", "court",
	"investigators", "group", "groups", "organisations", "organizations", "charities", "union", "unions",
	"workers", "residents", "villagers", "doctors", "experts", "critics", "opponents", "supporters", "students",
	"delegates", "envoys", "observers", "monitors", "inspectors", "mediators", "government", "governments",
	"countries", "nations", "parties", "donors", "allies", "army", "military", "ministry", "committee", "council",
	"coalition", "alliance", "administration", "regime", "parliament", "senate", "congress", "junta", "cabinet")

// agentNounBefore reports whether one of agentNouns stands within eight
// words before word i in its clause, with no punctuation between: the
// unnamed subject of the act at i.
func (r *reader) agentNounBefore(i int) bool {
	ws := r.ws
	for j := i - 1; j >= 0 && i-j <= 8; j-- {
		if ws[j].punct || subordinators[ws[j].low] && ws[j].low != "that" {
			return false
		}
		if agentNouns[ws[j].low] {
			return true
		}
	}
	return false
}

// locativePlace reports whether mention m is a place (any mention, with
// venue) after a locative preposition: "in X", "at X", "near X". States
// are left alone: "officials in Ruritania said" speaks for the state.
func (r *reader) locativePlace(m int, venue bool) bool {
	if !venue {
		act := r.a.Mentions[m].Actor
		if act.Kind != "place" && !(act.Kind == "" && r.a.Mentions[m].Type == news.Location) {
			return false
		}
	}
	for j := range r.ws {
		if r.ws[j].mention != m {
			continue
		}
		switch r.prepBefore(j, max(0, j-8)) {
		case "in", "at", "near", "inside", "outside", "throughout", "across", "around", "within":
			return true
		}
		return false
	}
	return false
}
