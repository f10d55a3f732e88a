package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	if i < len(an.cls) {
		if c := an.cls[i]; c&classKnown != 0 {
			return c &^ classKnown
		}
		c := lookup(an.lx.words, an.word(i))
		an.cls[i] = c | classKnown
		return c
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
	// "“…,” Jesse Toprak, an analyst." or "“…” — Jesse Toprak": a name and
	// no verb.
	if f, to := an.nameRunAt(j); f == j && an.isName(f, to) && an.cueAfterName(to) < 0 &&
		(to >= len(toks) || toks[to].para != para || an.isPunct(to, ".") || an.isPunct(to, ",") && to+1 < len(toks) && !toks[to+1].upper) {
		st.spkFrom, st.spkTo = f, to
		return true
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

// nameRunAt returns the capitalised words at i, with the dots of
// abbreviations ("Col. Gen. Sergei Rudskoy"); -1 when there are none.
func (an *analyzer) nameRunAt(i int) (int, int) {
	j := i
	for j < len(an.toks) && an.toks[j].para == an.toks[i].para &&
		(an.toks[j].kind == tWord && an.toks[j].upper || j > i && an.isPunct(j, ".") && an.abbrevBefore(j)) {
		j++
	}
	if j == i {
		return -1, -1
	}
	return i, j
}

// cueAfterName returns the cue that follows a name at i (after an
// apposition in commas, if any), or -1.
func (an *analyzer) cueAfterName(i int) int {
	if an.isPunct(i, ",") {
		for j := i + 1; j < len(an.toks) && j < i+16; j++ {
			if an.isPunct(j, ".;!?") || an.toks[j].kind == tMark {
				return -1
			}
			if an.isPunct(j, ",") {
				i = j + 1
				break
			}
		}
	}
	for j := i; j < len(an.toks) && j < i+3; j++ {
		if an.isCueWord(j) {
			return j
		}
	}
	return -1
}

func (an *analyzer) attrBefore(q *qseg, st *stmt) bool {
	s := an.sents[an.sent[q.open]]
	p := q.open - 1
	if an.isWord(p, "that") {
		p--
	}
	for p >= s.first && an.isPunct(p, ":,") {
		p--
	}
	if p < s.first {
		return false
	}
	// A fragment that goes on the sentence ("said the army had demanded
	// “a surrender”") takes the cue of the sentence, found later.
	if r, _ := utf8.DecodeRuneInString(an.text[q.content.Start:]); unicode.IsLower(r) && !an.isPunct(q.open-1, ":,") {
		return false
	}
	// "Rudskoy said: “…”", "he said that “…”": the cue ends right before.
	for k := max(s.first, p-3); k <= p; k++ {
		if an.toks[k].kind != tWord || an.mask[k]&maskQuote != 0 {
			continue
		}
		c, e := an.cueAt(k)
		if c == nil || e != p+1 || c.form == formIng && !an.isPunct(k-1, ",") {
			continue
		}
		f, to := an.subjectBack(k, s.first)
		if c.frame == framePrep || f < 0 {
			f, to = an.npAfter(e, q.open)
		}
		if f < 0 {
			return false
		}
		an.take(st, k, e, c, f, to)
		return true
	}
	// "said Rudskoy: “…”": a cue, then the speaker up to the mark.
	if !an.isPunct(q.open-1, ":,") {
		return false
	}
	for k := p; k >= s.first && k >= p-12; k-- {
		if an.toks[k].kind != tWord || an.mask[k] != 0 {
			continue
		}
		c, e := an.cueAt(k)
		if c == nil || c.form == formIng {
			continue
		}
		if f, to := an.npAfter(e, q.open); f >= 0 && to == p+1 {
			an.take(st, k, e, c, f, to)
			return true
		}
	}
	return false
}

// shareCue gives a direct quote with no cue of its own the cue and speaker
// of the reported statement whose content holds it.
func (an *analyzer) shareCue(i int) {
	st := &an.stmts[i]
	if st.spkFrom >= 0 || !st.cue.IsZero() {
		return
	}
	for _, j := range an.bySent[int32(st.sentence)] {
		r := &an.stmts[j]
		if r.direct || r.sentence != st.sentence || !r.content.Contains(st.content) {
			continue
		}
		st.cue, st.meaning, st.spkFrom, st.spkTo, st.channel = r.cue, r.meaning, r.spkFrom, r.spkTo, r.channel
		return
	}
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
		// "told state television": a medium named by its kind.
		for h := e; h < len(an.toks) && h < e+3 && an.toks[h].kind == tWord && !an.toks[h].upper; h++ {
			if w := strings.ToLower(an.word(h)); an.class(h)&cMedia != 0 && w != "reporters" && w != "journalists" && w != "press" {
				return an.span(e, h+1)
			}
		}
	}
	if an.isWord(e, "by") { // "quoted as saying by the official news agency"
		if f, to := an.upperRun(e + 1); f >= 0 {
			return an.span(f, to)
		}
		for h := e + 1; h < len(an.toks) && h < e+6 && an.toks[h].kind == tWord; h++ {
			if an.class(h)&cMedia != 0 {
				return an.span(e+1, h+1)
			}
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
// name, whichever side of the apposition it stands; a pronoun next to the
// cue is the subject alone. It returns -1 when there is no subject, and
// -2 when the cue is negated ("did not say").
func (an *analyzer) subjectBack(k, floor int) (int, int) {
	e := k
	for e-1 >= floor && (an.class(e-1)&(cAux|cBe) != 0 && an.class(e-1)&cPron == 0 || negation(an.word(e-1))) {
		if w := strings.ToLower(an.word(e - 1)); w == "not" || w == "never" || negation(w) {
			return -2, -2
		}
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
			if an.toks[c].kind == tMark || an.isPunct(c, ";:") || an.isPunct(c, ".") && !an.abbrevBefore(c) {
				break
			}
			if an.isPunct(c, ",") {
				f := an.collectBack(c, floor)
				if f == c {
					break
				}
				if !an.isName(f, c) && an.isName(c+1, e-1) {
					return c + 1, e - 1
				}
				// "A commander, who gave his name as Abu Khaled, told":
				// the name the apposition gives.
				if an.isWord(c+1, "who") && an.isWord(e-4, "as") || an.isWord(e-3, "as") || an.isWord(e-2, "as") {
					for g := e - 2; g > c+1; g-- {
						if an.isWord(g, "as") && an.isName(g+1, e-1) {
							return g + 1, e - 1
						}
					}
				}
				return f, c
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

// negation reports whether w is a negated auxiliary: "didn't", "won’t".
func negation(w string) bool {
	return strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")
}

// isName reports whether the words [f,to) are a proper name: capitalised
// words (an acronym in brackets allowed), at most six.
func (an *analyzer) isName(f, to int) bool {
	words := 0
	for i := f; i < to; i++ {
		t := an.toks[i]
		switch {
		case t.kind == tWord && t.upper:
			words++
		case t.kind == tPunct && strings.ContainsRune("()-&.’'", t.r):
		case an.isWord(i, "of") || an.isWord(i, "al") || an.isWord(i, "de"):
		default:
			return false
		}
	}
	return words > 0 && words <= 6 && an.class(f)&cDet == 0
}

// collectBack walks back from end over the words of a noun phrase and
// returns where it starts (end when there is none). It stops at a clause
// boundary, a subordinating word, or a reporting verb in the past.
func (an *analyzer) collectBack(end, floor int) int {
	b, words := end, 0
	for b-1 >= floor && words < 16 {
		t := an.toks[b-1]
		if t.kind == tWord {
			if an.class(b-1)&cStop != 0 {
				break
			}
			if c, _ := an.cueAt(b - 1); c != nil && c.form == formPast {
				break
			}
			words++
		} else if t.kind == tPunct && t.r == ')' {
			// "General Motors (GM)"
			o := b - 2
			for o >= floor && o >= b-8 && !an.isPunct(o, "(") {
				o--
			}
			if o < floor || o < b-8 {
				break
			}
			b = o + 1
		} else if !(t.kind == tPunct && (t.r == '.' && an.abbrevBefore(b-1) || t.r == '-' || t.r == '&' || t.r == '\'' || t.r == '’')) {
			break
		}
		b--
	}
	for b < end && an.toks[b].kind == tPunct {
		b++ // no speaker starts with a mark
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
			and := an.isWord(j, "and") && j > i && (an.class(j+1)&cTitle != 0 || j+1 < len(an.toks) && an.toks[j+1].upper)
			if c&cStop != 0 && !and || c&cPrep != 0 && !an.isWord(j, "of") && !an.isWord(j, "for") {
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

// reported finds the reported statements of sentence si: the first cue,
// outside direct quotes, with a subject (or "according to X") and a
// content, and the cues coordinated with it ("… and urged …", ", adding
// that …").
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
		if st, from, upto, ok := an.reportedAt(s, si, k, e, c); ok {
			if from > k { // coordinated cues share a subject only after it
				an.coordinated(st, from, upto)
			}
			return
		}
	}
}

// contentEnd is the token after the last one of a sentence's content: the
// final stop and quotation marks are not part of it.
func (an *analyzer) contentEnd(s sentRange) int {
	end := s.end
	for end > s.first && (an.toks[end-1].kind == tMark && an.mask[end-1]&maskQuote == 0 || an.isPunct(end-1, ".!?…:")) {
		end--
	}
	return end
}

func (an *analyzer) reportedAt(s sentRange, si, k, e int, c *cue) (st stmt, from, upto int, ok bool) {
	st = stmt{para: int(an.toks[k].para), sentence: si, spkFrom: -1}
	endTok := an.contentEnd(s)
	var f, to int
	if c.frame == framePrep {
		f, to = an.npAfter(e, endTok)
		if f < 0 {
			return st, 0, 0, false
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
				return st, 0, 0, false // a noun: "the claims"
			case c.form == formPast && pc&cBe != 0:
				return st, 0, 0, false // passive: "was accused"
			case an.isWord(p, "to"):
				return st, 0, 0, false // "refused to say"
			}
		}
		quotedAs := c.form == formIng && an.isWord(p, "as") && an.isWord(p-1, "quoted")
		if c.form == formIng && !quotedAs && (p < s.first || !(an.toks[p].upper || an.class(p)&cPron != 0)) {
			return st, 0, 0, false
		}
		if c.form == formBase && (p < s.first || !an.baseSubject(p)) {
			return st, 0, 0, false // "the flag state", "to report"
		}
		from = an.thatAfter(e, endTok, c)
		if c.frame == frameThat && from == e && !an.speechObject(e, endTok) {
			return st, 0, 0, false
		}
		if c.lemma == "tell" && from == e && !an.toInfinitive(e, endTok) {
			return st, 0, 0, false // "told a different story"
		}
		if quotedAs {
			// "X was quoted as saying (by Y)".
			f, to = an.subjectBack(p-1, s.first)
		} else if c.form == formIng {
			f, to = p, p+1
			for f-1 >= s.first && an.toks[f-1].kind == tWord && an.toks[f-1].upper {
				f--
			}
		} else {
			f, to = an.subjectBack(k, s.first)
		}
		if f == -1 && !quotedAs && c.form != formIng {
			// "The ministry summoned the envoy and urged …": the subject of
			// the sentence.
			q := k - 1
			for q > s.first && an.class(q)&cAux != 0 {
				q--
			}
			if an.isWord(q, "and") {
				f, to = an.sentenceSubject(s, q)
			}
		}
		upto = endTok
		switch {
		case f == -2:
			return st, 0, 0, false // negated: "did not say"
		case f < 0 && an.isPunct(k-1, ","):
			// "Content, said X."
			f, to = an.npAfter(e, endTok)
			if f < 0 {
				return st, 0, 0, false
			}
			from, upto = s.first, k-1
		case f < 0:
			return st, 0, 0, false
		case from == e && f > s.first && an.isPunct(f-1, ",") && an.shortTail(e, endTok):
			// "Content, X said (on Friday)(, adjunct)."
			from, upto = s.first, f-1
		case from == e:
			from = an.skipAdjunct(from, upto)
			if w := strings.ToLower(an.word(from)); from < upto && (w == "on" || w == "about" || w == "upon") {
				return st, 0, 0, false // a topic, not a statement: "commented on the situation"
			}
		}
	}
	if from >= upto {
		return st, 0, 0, false
	}
	if an.onlyQuote(from, upto) {
		// "said that “…”": the cue is the direct quote's.
		for _, i := range an.bySent[int32(si)] {
			d := &an.stmts[i]
			if d.direct && d.cue.IsZero() && d.spkFrom < 0 && d.content.Start >= int(an.toks[from].start) && d.content.End <= int(an.toks[upto-1].end) {
				an.take(d, k, e, c, f, to)
			}
		}
		return st, 0, 0, false
	}
	if !an.setContent(&st, from, upto) {
		return st, 0, 0, false
	}
	an.take(&st, k, e, c, f, to)
	an.stmts = append(an.stmts, st)
	return st, from, upto, true
}

// onlyQuote reports whether the tokens [from,upto) are all inside direct
// quotes.
func (an *analyzer) onlyQuote(from, upto int) bool {
	for h := from; h < upto; h++ {
		if an.mask[h]&maskQuote == 0 {
			return false
		}
	}
	return true
}

// sentenceSubject returns the noun phrase that opens sentence s, before
// limit: the words up to the first verb in the past ("The navy seized"),
// after an opening phrase set off by a comma ("On Monday, the army …");
// -1 when there is none that short.
func (an *analyzer) sentenceSubject(s sentRange, limit int) (int, int) {
	f := s.first
	for h := f; h < limit && h < f+8; h++ {
		if an.isPunct(h, ",") && an.class(f)&cPrep != 0 {
			f = h + 1
			break
		}
	}
	for h := f + 1; h < limit && h < f+12; h++ {
		t := an.toks[h]
		if t.kind != tWord {
			if an.isPunct(h, ".") && an.abbrevBefore(h) || an.isPunct(h, "-'’") {
				continue
			}
			return -1, -1
		}
		if t.upper || an.class(h)&(cStop|cPron) != 0 {
			if an.class(h)&cStop != 0 {
				return -1, -1
			}
			continue
		}
		w := an.word(h)
		if c, _ := an.cueAt(h); strings.HasSuffix(w, "ed") || c != nil && c.form == formPast {
			return f, h
		}
	}
	return -1, -1
}

// speechObject reports whether the object after a cue is something said:
// "rejected the report", "dismissed the allegations as …".
func (an *analyzer) speechObject(e, end int) bool {
	for h := e; h < end && h < e+4; h++ {
		if an.toks[h].kind != tWord {
			return false
		}
		if c := an.class(h); c&cSpeech != 0 {
			return true
		} else if c&cDet == 0 && !strings.HasSuffix(an.word(h), "'s") && !strings.HasSuffix(an.word(h), "’s") && h > e {
			return false
		}
	}
	return false
}

// baseSubject reports whether the word at p can be the subject of a verb in
// its base form: a pronoun, an auxiliary ("will say"), a plural or a name
// ("analysts say", "Boeing say").
func (an *analyzer) baseSubject(p int) bool {
	if an.toks[p].kind != tWord {
		return false
	}
	c := an.class(p)
	w := an.word(p)
	return c&(cPronPerson|cPronPlural) != 0 || c&cAux != 0 || negation(w) || an.toks[p].upper ||
		strings.HasSuffix(w, "s") && c&cDet == 0
}

// toInfinitive reports whether a to-infinitive follows the addressee of
// "told": "told the army to withdraw".
func (an *analyzer) toInfinitive(e, end int) bool {
	for h := e; h < end && h < e+6; h++ {
		if an.isWord(h, "to") {
			return h+1 < end && an.toks[h+1].kind == tWord && !an.toks[h+1].upper
		}
		if an.toks[h].kind != tWord {
			return false
		}
	}
	return false
}

// thatAfter returns the token after a "that" that opens the cue's clause
// (right after a verb of the "that" frame, within a few words — the
// addressee, a date — after the others), or e when there is none.
func (an *analyzer) thatAfter(e, endTok int, c *cue) int {
	reach := 8
	if c.frame == frameThat {
		reach = 2
	}
	for h := e; h < endTok && h < e+reach; h++ {
		if an.isPunct(h, ".;") || an.toks[h].kind == tMark {
			break
		}
		if an.isWord(h, "that") {
			return h + 1
		}
	}
	return e
}

// shortTail reports whether what follows the cue is an adjunct, not a
// content: at most four words before a comma or the end, or a phrase that
// opens with a preposition ("…, the group said in a report published on
// Thursday.").
func (an *analyzer) shortTail(e, end int) bool {
	if e >= end || an.class(e)&cPrep != 0 && !an.isWord(e, "to") && !an.isWord(e, "of") {
		return true
	}
	words := 0
	for h := e; h < end; h++ {
		if an.isPunct(h, ",") {
			break
		}
		if an.toks[h].kind == tWord {
			words++
			if an.isWord(h, "that") || words > 4 {
				return false
			}
		}
	}
	return true
}

// skipAdjunct steps over a time or place adjunct that opens a content:
// "said on Tuesday they had…", "said Friday the talks…".
func (an *analyzer) skipAdjunct(from, upto int) int {
	if from+1 < upto && (an.isWord(from, "on") || an.isWord(from, "in") || an.isWord(from, "at")) && an.toks[from+1].upper {
		from += 2
		for from < upto && an.toks[from].kind == tWord && (an.toks[from].upper || isNumber(an.word(from))) {
			from++
		}
		if an.isPunct(from, ",") {
			from++
		}
	}
	return from
}

// setContent sets st.content to the text of tokens [from,upto), trimmed of
// spaces and of a final comma or colon; false when that leaves nothing.
func (an *analyzer) setContent(st *stmt, from, upto int) bool {
	if from >= upto {
		return false
	}
	// A quotation that opens in the content closes in it: `are "absurd".`
	marks := 0
	for h := from; h < upto; h++ {
		if an.toks[h].kind == tMark {
			marks++
		}
	}
	if marks%2 == 1 && upto < len(an.toks) && an.toks[upto].kind == tMark {
		upto++
	}
	st.content = trimSpan(an.text, news.Span{Start: int(an.toks[from].start), End: int(an.toks[upto-1].end)})
	for st.content.End > st.content.Start && strings.ContainsRune(",;:", rune(an.text[st.content.End-1])) {
		st.content = trimSpan(an.text, news.Span{Start: st.content.Start, End: st.content.End - 1})
	}
	return !st.content.IsZero()
}

// coordinated finds further statements inside the content [from,upto) of
// st, by the same speaker: "… and urged X to …", "…, but denied …",
// "…, adding that …"; or by a speaker of their own: "…, Boeing saying
// that …". Each one ends the content before it.
func (an *analyzer) coordinated(st stmt, from, upto int) {
	cur := len(an.stmts) - 1
	for h := from + 1; h < upto; h++ {
		if an.mask[h] != 0 {
			continue
		}
		var k int
		spkFrom, spkTo := st.spkFrom, st.spkTo
		switch {
		case an.isWord(h, "and") || an.isWord(h, "but"):
			k = h + 1
			for k < upto && an.class(k)&cAux != 0 && !an.isWord(k, "not") {
				k++
			}
		case an.isPunct(h, ",") && h+1 < upto:
			k = h + 1
			if an.toks[k].kind == tWord && (an.toks[k].upper || an.class(k)&cPron != 0) && k+1 < upto {
				spkFrom, spkTo = k, k+1
				k++
			}
		default:
			continue
		}
		if k >= upto || an.mask[k] != 0 {
			continue
		}
		c, e := an.cueAt(k)
		if c == nil || c.frame == framePrep || c.form == formBase {
			continue
		}
		isComma := an.isPunct(h, ",")
		if isComma && c.form != formIng || !isComma && c.form == formIng {
			continue
		}
		next := stmt{para: st.para, sentence: st.sentence, spkFrom: spkFrom, spkTo: spkTo}
		cf := an.thatAfter(e, upto, c)
		if (c.frame == frameThat || c.form == formIng) && cf == e {
			continue
		}
		if !an.setContent(&next, cf, upto) {
			continue
		}
		// The statement before ends here.
		prev := &an.stmts[cur]
		end := h
		for end > from && an.isPunct(end-1, ",") {
			end--
		}
		if !an.setContent(prev, max(from, an.tokenAt(prev.content.Start)), end) {
			continue
		}
		an.take(&next, k, e, c, next.spkFrom, next.spkTo)
		an.stmts = append(an.stmts, next)
		cur = len(an.stmts) - 1
		from = cf
		h = e
	}
}
