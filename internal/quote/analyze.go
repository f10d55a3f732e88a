package quote

import (
	"strings"

	"sitrep/news"
)

// ---- words ----

func (an *analyzer) word(i int) string { return an.text[an.toks[i].start:an.toks[i].end] }

func (an *analyzer) isWord(i int, w string) bool {
	return i >= 0 && i < len(an.toks) && an.toks[i].kind == tWord && strings.EqualFold(an.word(i), w)
}

func (an *analyzer) isPunct(i int, rs string) bool {
	return i >= 0 && i < len(an.toks) && an.toks[i].kind == tPunct && strings.ContainsRune(rs, an.toks[i].r)
}

// class returns the word classes of token i (0 for a mark).
func (an *analyzer) class(i int) class {
	if i < 0 || i >= len(an.toks) || an.toks[i].kind != tWord {
		return 0
	}
	return lookup(an.lx.words, an.word(i))
}

// lookup finds the lower-cased w in m without allocating for ASCII words.
func lookup[V any](m map[string]V, w string) V {
	var zero V
	lowerASCII := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return m[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			lowerASCII = false
		}
	}
	if lowerASCII {
		return m[w]
	}
	var buf [48]byte
	if len(w) > len(buf) {
		return zero
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return m[string(b)]
}

// cueAt returns the longest cue starting at token i and the token after it,
// or nil. A cue's words lie in one paragraph; a verb cue is lower case.
func (an *analyzer) cueAt(i int) (*cue, int) {
	t := an.toks[i]
	if t.kind != tWord {
		return nil, i
	}
	cands := lookup(an.lx.cues, an.word(i))
	var best *cue
	bestEnd := i
	for ci := range cands {
		c := &cands[ci]
		if t.upper && c.frame != framePrep {
			continue
		}
		j := i + 1
		ok := true
		for _, w := range c.rest {
			if j >= len(an.toks) || an.toks[j].para != t.para || !an.isWord(j, w) {
				ok = false
				break
			}
			j++
		}
		if ok && (best == nil || j > bestEnd) {
			best, bestEnd = c, j
		}
	}
	return best, bestEnd
}

// ---- sentences ----

// splitSentences splits each paragraph's tokens into sentences: after . ! ?
// or … (and the closing marks that follow with no space) when a capital, a
// digit or an opening mark comes next and the dot does not end an
// abbreviation.
func (an *analyzer) splitSentences() {
	toks := an.toks
	an.sent = make([]int32, len(toks))
	start := 0
	cut := func(end int) {
		if end > start {
			for k := start; k < end; k++ {
				an.sent[k] = int32(len(an.sents))
			}
			an.sents = append(an.sents, sentRange{start, end})
		}
		start = end
	}
	for i := 0; i < len(toks); i++ {
		if i+1 < len(toks) && toks[i+1].para != toks[i].para {
			cut(i + 1)
			continue
		}
		t := toks[i]
		if t.kind != tPunct || !strings.ContainsRune(".!?…", t.r) {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].kind == tMark && toks[j].para == t.para && toks[j].start == toks[j-1].end {
			j++
		}
		if j >= len(toks) || toks[j].para != t.para {
			continue // the paragraph break cuts
		}
		n := toks[j]
		if !(n.kind == tMark || n.kind == tWord && (n.upper || isNumber(an.word(j)))) {
			continue
		}
		if t.r == '.' && j == i+1 && an.abbrevBefore(i) {
			continue
		}
		cut(j)
	}
	cut(len(toks))
}

// abbrevBefore reports whether the dot at i ends an abbreviation or an
// initial.
func (an *analyzer) abbrevBefore(i int) bool {
	p := i - 1
	if p < 0 || an.toks[p].kind != tWord || an.toks[p].end != an.toks[i].start {
		return false
	}
	w := an.word(p)
	if len(w) == 1 && an.toks[p].upper {
		return true // an initial: "George W. Bush"
	}
	c := an.class(p)
	return c&cAbbrev != 0 || c&cTitle != 0 && an.toks[p].upper && len(w) <= 4
}

// ---- direct quotes ----

// classify decides whether a quotation is a direct quote: speech of at
// least MinWords words, or a shorter one that stands as a clause of its own
// (at the start of a sentence, or after a colon or a cue). Quoted names and
// titles (every word capitalised) are not speech.
func (an *analyzer) classify(q *qseg) {
	if q.words == 0 || q.titled && q.words <= 8 {
		return
	}
	if q.words >= an.cfg.MinWords {
		q.direct = true
		return
	}
	p := q.open - 1
	switch {
	case p < 0 || an.toks[p].para != an.toks[q.open].para || an.sent[p] != an.sent[q.open]:
		q.direct = true
	case an.isPunct(p, ":"):
		q.direct = true
	case an.isPunct(p, ",") && p > 0 && an.isCueWord(p-1):
		q.direct = true
	case an.isCueWord(p):
		q.direct = true
	}
}

func (an *analyzer) isCueWord(i int) bool {
	if i < 0 || an.toks[i].kind != tWord {
		return false
	}
	c, _ := an.cueAt(i)
	return c != nil
}

// attributeDirect finds the cue and speaker of a direct quote: after the
// closing mark (", Rudskoy said", ", said Rudskoy"), or before the opening
// mark in its sentence ("Rudskoy said:"). A quote with neither is kept with
// no speaker words; resolve carries a speaker over to it.
func (an *analyzer) attributeDirect(q *qseg) {
	st := stmt{content: q.content, direct: true, spkFrom: -1, para: int(an.toks[q.open].para), sentence: int(an.sent[q.open])}
	if !an.attrAfter(q, &st) {
		an.attrBefore(q, &st)
	}
	an.stmts = append(an.stmts, st)
}

func (an *analyzer) attrAfter(q *qseg, st *stmt) bool {
	if q.close < 0 {
		return false
	}
	toks := an.toks
	para := toks[q.close].para
	j := q.close + 1
	if j >= len(toks) || toks[j].para != para {
		return false
	}
	if an.isPunct(q.close-1, ".") && toks[j].kind == tWord && toks[j].upper {
		return false // the quote ended its sentence; a new one starts
	}
	if an.isPunct(j, ",—–-") {
		j++
	}
	lim := min(len(toks), j+30)
	for k := j; k < lim; k++ {
		t := toks[k]
		if t.para != para || t.kind == tMark || t.kind == tPunct && strings.ContainsRune(".!?;…", t.r) && !(t.r == '.' && an.abbrevBefore(k)) {
			return false
		}
		if t.kind != tWord || k-j > 20 {
			continue
		}
		c, e := an.cueAt(k)
		if c == nil || an.mask[k]&maskUsed != 0 {
			continue
		}
		if c.form == formIng && k != j {
			continue
		}
		var f, to int
		if k == j || c.frame == framePrep {
			f, to = an.npAfter(e, lim)
		} else {
			f, to = an.subjectBack(k, j)
			if f < 0 || f != j {
				return false // words before the cue that are not its subject
			}
		}
		if f < 0 {
			return false
		}
		an.take(st, k, e, c, f, to)
		return true
	}
	return false
}

func (an *analyzer) attrBefore(q *qseg, st *stmt) bool {
	s := an.sents[an.sent[q.open]]
	p := q.open - 1
	if p < s.first {
		return false
	}
	if an.isWord(p, "that") {
		p--
	}
	for p >= s.first && an.isPunct(p, ":,") {
		p--
	}
	// The cue is the last one before the quote, close to it.
	for k := p; k >= s.first && k >= p-12; k-- {
		if an.toks[k].kind != tWord || an.mask[k] != 0 {
			continue
		}
		c, e := an.cueAt(k)
		if c == nil || e > p+1 {
			continue
		}
		var f, to int
		if c.frame == framePrep {
			f, to = an.npAfter(e, q.open)
		} else if f, to = an.subjectBack(k, s.first); f < 0 {
			f, to = an.npAfter(e, q.open) // "said Rudskoy:"
		}
		if f < 0 {
			return false
		}
		an.take(st, k, e, c, f, to)
		return true
	}
	return false
}

// take records cue [k,e) and speaker words [f,to) on st.
func (an *analyzer) take(st *stmt, k, e int, c *cue, f, to int) {
	st.cue = news.Span{Start: int(an.toks[k].start), End: int(an.toks[e-1].end)}
	st.meaning = c.meaning
	st.spkFrom, st.spkTo = f, to
	for i := k; i < e; i++ {
		an.mask[i] |= maskUsed
	}
	st.channel = an.channelAfter(e, c)
}

// channelAfter finds who relayed a statement: the named object of "told"
// ("told Sputnik"), or "cited by"/"quoted by" a name after the speaker.
func (an *analyzer) channelAfter(e int, c *cue) news.Span {
	if c.lemma == "tell" || c.lemma == "inform" || c.lemma == "brief" {
		if f, to := an.upperRun(e); f >= 0 {
			return an.span(f, to)
		}
	}
	para := -1
	if e < len(an.toks) {
		para = int(an.toks[e].para)
	}
	for i := e; i < len(an.toks) && i < e+16 && int(an.toks[i].para) == para; i++ {
		if an.isPunct(i, ".;!?") || an.toks[i].kind == tMark {
			break
		}
		if (an.isWord(i, "cited") || an.isWord(i, "quoted")) && an.isWord(i+1, "by") {
			if f, to := an.upperRun(i + 2); f >= 0 {
				return an.span(f, to)
			}
		}
	}
	return news.Span{}
}

// upperRun returns the run of capitalised words at i, after an optional
// "the": "the BBC" → BBC. It returns -1 when there is none.
func (an *analyzer) upperRun(i int) (int, int) {
	if an.isWord(i, "the") {
		i++
	}
	j := i
	for j < len(an.toks) && an.toks[j].kind == tWord && an.toks[j].upper && an.toks[j].para == an.toks[i].para {
		j++
	}
	if j == i {
		return -1, -1
	}
	return i, j
}

func (an *analyzer) span(f, to int) news.Span {
	return news.Span{Start: int(an.toks[f].start), End: int(an.toks[to-1].end)}
}

// subjectBack returns the subject of the cue at k: the words before it, back
// to floor, a clause boundary or a subordinating word, skipping auxiliaries
// next to the cue ("has also said"). "Name, apposition, said" gives the
// name; a pronoun next to the cue is the subject alone. It returns -1 when
// there is no subject.
func (an *analyzer) subjectBack(k, floor int) (int, int) {
	e := k
	for e-1 >= floor && an.class(e-1)&(cAux|cBe) != 0 && an.class(e-1)&cPron == 0 {
		e--
	}
	if e <= floor {
		return -1, -1
	}
	if an.class(e-1)&cPron != 0 && an.class(e-1)&cDet == 0 || an.isWord(e-1, "her") && !an.isWord(e-2, "of") {
		return e - 1, e
	}
	if an.isPunct(e-1, ",") {
		// Name, apposition, cue.
		for c := e - 2; c > floor && c >= e-24; c-- {
			if an.toks[c].kind == tMark || an.isPunct(c, ".;:") {
				break
			}
			if an.isPunct(c, ",") {
				if f := an.collectBack(c, floor); f < c {
					return f, c
				}
				break
			}
		}
		return -1, -1
	}
	f := an.collectBack(e, floor)
	if f == e {
		// "analysts, who had forecast that": the noun before ", who".
		if f-1 >= floor && (an.isWord(f-1, "who") || an.isWord(f-1, "which")) && an.isPunct(f-2, ",") {
			if g := an.collectBack(f-2, floor); g < f-2 {
				return g, f - 2
			}
		}
		return -1, -1
	}
	if c := an.class(e - 1); c&(cDet|cPrep|cStop) != 0 {
		return -1, -1
	}
	return f, e
}

// collectBack walks back from end over the words of a noun phrase and
// returns where it starts (end when there is none).
func (an *analyzer) collectBack(end, floor int) int {
	b, words := end, 0
	for b-1 >= floor && words < 16 {
		t := an.toks[b-1]
		if t.kind == tWord {
			if an.class(b-1)&cStop != 0 {
				break
			}
			words++
		} else if !(t.kind == tPunct && (t.r == '.' && an.abbrevBefore(b-1) || t.r == '-' || t.r == '&' || t.r == '\'' || t.r == '’')) {
			break
		}
		b--
	}
	return b
}

// npAfter returns the noun phrase that starts at i and ends before a clause
// boundary, a subordinating word or an adjunct preposition, within lim.
// "said the secretary of the union, Tony Woodley." prefers the name in
// apposition to a description.
func (an *analyzer) npAfter(i, lim int) (int, int) {
	j, words := i, 0
	for j < lim && j < len(an.toks) && words < 14 {
		t := an.toks[j]
		if t.kind == tWord {
			c := an.class(j)
			if c&cStop != 0 || c&cPrep != 0 && !an.isWord(j, "of") && !an.isWord(j, "for") {
				break
			}
			if j > i && (an.isWord(j, "on") || strings.HasSuffix(an.word(j), "ing") && !t.upper) {
				break
			}
			words++
		} else if !(t.kind == tPunct && (t.r == '.' && an.abbrevBefore(j) || t.r == '-' || t.r == '&' || t.r == '\'' || t.r == '’')) {
			break
		}
		j++
	}
	if j == i || an.toks[i].para != an.toks[j-1].para {
		return -1, -1
	}
	if an.isPunct(j, ",") && !an.toks[i].upper {
		if f, to := an.upperRun(j + 1); f >= 0 && (to >= len(an.toks) || an.isPunct(to, ".,;!?")) {
			return f, to
		}
	}
	return i, j
}

// ---- reported speech ----

// reported finds one reported statement in sentence si: the first cue,
// outside direct quotes, with a subject (or "according to X") and a
// content.
func (an *analyzer) reported(si int) {
	s := an.sents[si]
	// Headlines and captions, with no final mark, report nothing.
	last := s.end - 1
	for last > s.first && an.toks[last].kind == tMark {
		last--
	}
	if !an.isPunct(last, ".!?…:") {
		return
	}
	for k := s.first; k < s.end; k++ {
		if an.mask[k] != 0 || an.toks[k].kind != tWord {
			continue
		}
		c, e := an.cueAt(k)
		if c == nil {
			continue
		}
		if st, ok := an.reportedAt(s, si, k, e, c); ok {
			an.stmts = append(an.stmts, st)
			return
		}
	}
}

func (an *analyzer) reportedAt(s sentRange, si, k, e int, c *cue) (stmt, bool) {
	st := stmt{para: int(an.toks[k].para), sentence: si, spkFrom: -1}
	endTok := s.end // content ends before the final marks
	for endTok > s.first && (an.toks[endTok-1].kind == tMark && an.mask[endTok-1]&maskQuote == 0 || an.isPunct(endTok-1, ".!?…:")) {
		endTok--
	}
	var f, to, from, upto int
	if c.frame == framePrep {
		f, to = an.npAfter(e, endTok)
		if f < 0 {
			return st, false
		}
		if k == s.first || an.isPunct(k-1, ",") && k-1 == s.first {
			// "According to X, content."
			from = to
			if an.isPunct(from, ",") {
				from++
			}
			upto = endTok
		} else {
			from, upto = s.first, k
			if an.isPunct(k-1, ",—–") {
				upto = k - 1
			}
		}
	} else {
		p := k - 1
		if p >= s.first {
			pc := an.class(p)
			switch {
			case pc&cDet != 0 && pc&cPron == 0:
				return st, false // a noun: "the claims"
			case c.form == formPast && pc&cBe != 0:
				return st, false // passive: "was accused"
			case an.isWord(p, "to"):
				return st, false // "refused to say"
			}
		}
		if c.form == formIng {
			if p < s.first || !(an.toks[p].upper || an.class(p)&cPron != 0) {
				return st, false
			}
		}
		// The content: after "that" when one follows the cue closely.
		from = e
		for h := e; h < endTok && h < e+8; h++ {
			if an.isPunct(h, ".;") || an.toks[h].kind == tMark {
				break
			}
			if an.isWord(h, "that") {
				from = h + 1
				break
			}
		}
		if c.frame == frameThat && from == e {
			return st, false
		}
		if c.form == formIng {
			f, to = p, p+1
			for f-1 >= s.first && an.toks[f-1].kind == tWord && an.toks[f-1].upper {
				f--
			}
		} else {
			f, to = an.subjectBack(k, s.first)
		}
		upto = endTok
		switch {
		case f < 0 && an.isPunct(k-1, ","):
			// "Content, said X."
			f, to = an.npAfter(e, endTok)
			if f < 0 {
				return st, false
			}
			from, upto = s.first, k-1
		case f < 0:
			return st, false
		case from == e && f > s.first && an.isPunct(f-1, ",") && endTok-e <= 6:
			// "Content, X said (on Friday)."
			from, upto = s.first, f-1
		}
	}
	if from >= upto {
		return st, false
	}
	if w := strings.ToLower(an.word(from)); from == e && (w == "on" || w == "about" || w == "upon") {
		return st, false // a topic, not a statement: "commented on the situation"
	}
	st.content = trimSpan(an.text, news.Span{Start: int(an.toks[from].start), End: int(an.toks[upto-1].end)})
	for st.content.End > st.content.Start && strings.ContainsRune(",;:—–", rune(an.text[st.content.End-1])) {
		st.content.End--
	}
	if st.content.IsZero() {
		return st, false
	}
	an.take(&st, k, e, c, f, to)
	return st, true
}
