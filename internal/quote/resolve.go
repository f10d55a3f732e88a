package quote

import (
	"strings"

	"sitrep/news"
)

// maxBack bounds how many statements resolution looks through, so that an
// article of thousands of quotes still takes linear time.
const maxBack = 64

// Kinds of speaker, the values of news.Quote.SourceKind.
const (
	KindPerson      = "person"
	KindInstitution = "institution"
	KindUnnamed     = "unnamed"
	KindNamed       = "named"
)

// resolve gives every statement, in text order, its speaker: the name
// beside the cue; for a pronoun (or a description such as "the bank
// chief"), the nearest earlier mention that fits it; for a quote with no
// cue, the speaker of the statement before it in its paragraph, else of the
// last statement of the previous paragraph.
func (an *analyzer) resolve() {
	for i := range an.stmts {
		st := &an.stmts[i]
		switch {
		case st.spkFrom >= 0 && st.spkTo == st.spkFrom+1 && an.class(st.spkFrom)&cPron != 0:
			st.ref = an.span(st.spkFrom, st.spkTo)
			c := an.class(st.spkFrom)
			if sp, kind, ok := an.antecedent(i, st.spkFrom, c); ok {
				st.speaker, st.kind, st.how = sp, kind, "pronoun"
			} else {
				st.speaker, st.kind, st.how = st.ref, pronounKind(c), "pronoun"
				st.ref = news.Span{}
			}
		case st.spkFrom >= 0:
			if an.class(st.spkTo-1)&cDocument != 0 && (an.isWord(st.spkTo, "from") || an.isWord(st.spkTo, "by") || an.isWord(st.spkTo, "of")) {
				// "a statement from the group": the issuer speaks.
				if f, to := an.npAfter(st.spkTo+1, min(len(an.toks), st.spkTo+16)); f >= 0 {
					st.spkFrom, st.spkTo = f, to
				}
			}
			f, to := an.trimDet(st.spkFrom, st.spkTo)
			st.speaker = an.nameSpan(f, to)
			if m := an.personIn(an.span(f, to)); m >= 0 {
				st.speaker = an.a.Mentions[m].Span // "chairman of Chrysler LLC Jim Press"
			}
			st.kind = an.kindOf(f, to)
			if m := an.mentionAt(st.speaker); m >= 0 && mentionKind(an.a.Mentions[m].Type) != "" && st.kind != KindUnnamed {
				st.kind = mentionKind(an.a.Mentions[m].Type)
			}
			st.how = "cue"
			if c := an.description(st.spkFrom, st.spkTo); c != 0 {
				if sp, kind, ok := an.antecedent(i, st.spkFrom, c|cGeneric); ok && (c == cPronThing || an.sameRole(sp, st.spkTo-1)) {
					st.ref = an.span(st.spkFrom, st.spkTo)
					st.speaker, st.kind, st.how = sp, kind, "pronoun"
				}
			}
		default:
			if prev := an.carried(i); prev >= 0 {
				p := &an.stmts[prev]
				st.speaker, st.kind, st.how = p.speaker, p.kind, "carried"
			} else {
				an.a.AddDiagnostic("quote", news.Info, st.content, "quote-no-speaker", "direct quote with no cue and no speaker to carry over")
			}
		}
	}
}

func pronounKind(c class) string {
	switch {
	case c&cPronPerson != 0:
		return KindPerson
	case c&cPronThing != 0:
		return KindInstitution
	}
	return ""
}

// carried returns the statement whose speaker carries over to statement i:
// the last earlier one with a speaker in the same paragraph, else the last
// one in the paragraph just before; -1 when none.
func (an *analyzer) carried(i int) int {
	para := an.stmts[i].para
	for j := i - 1; j >= 0 && j >= i-maxBack; j-- {
		p := &an.stmts[j]
		if p.para < para-1 {
			break
		}
		if !p.speaker.IsZero() {
			if p.para == para || p.para == para-1 && an.lastWithSpeaker(j) {
				return j
			}
		}
	}
	return -1
}

// lastWithSpeaker reports whether j is the last statement with a speaker in
// its paragraph (statements are in text order).
func (an *analyzer) lastWithSpeaker(j int) bool {
	for k := j + 1; k < len(an.stmts) && k <= j+maxBack && an.stmts[k].para == an.stmts[j].para; k++ {
		if !an.stmts[k].speaker.IsZero() {
			return false
		}
	}
	return true
}

// A candidate is a mention a pronoun may refer to.
type candidate struct {
	at      int // byte where it stands
	span    news.Span
	kind    string
	speaker bool // the speaker of an earlier statement
}

// antecedent finds what the pronoun (or description) at token pos, of
// class c, refers to. A mention of the entity stage that covers the pronoun
// and names an antecedent wins. Otherwise the candidates that fit — the
// speakers of earlier statements, the entity stage's mentions, capitalised
// names written with a title (or after "the", for "it" and "they"), people
// named by role ("the ambassador") — are taken from the nearest sentence
// that has one, and in it the speaker, else the first (the subject, most
// often). A description of an organisation ("the company") refers only to
// an earlier speaker.
func (an *analyzer) antecedent(si, pos int, c class) (news.Span, string, bool) {
	at := int(an.toks[pos].start)
	fits := func(kind string) bool {
		switch {
		case c&cGeneric != 0 && c&cPronThing != 0:
			return kind != KindPerson
		case c&cPronPerson != 0:
			return kind == KindPerson || kind == KindNamed || kind == KindUnnamed
		case c&cPronThing != 0:
			return kind == KindInstitution || kind == KindNamed
		}
		return kind != ""
	}
	var cands []candidate
	var coref *candidate
	if m := an.mentionAt(an.span(pos, pos+1)); m >= 0 {
		seen := 0
		for a := an.a.Mentions[m].Antecedent; a >= 0 && a < len(an.a.Mentions) && seen < 16; seen++ {
			am := an.a.Mentions[a]
			if am.Span.End <= at && am.Span.Len() > 3 {
				coref = &candidate{am.Span.Start, am.Span, mentionKind(am.Type), false}
				break
			}
			a = am.Antecedent
		}
	}
	for j := si - 1; j >= 0 && j >= si-maxBack; j-- {
		p := &an.stmts[j]
		if p.speaker.IsZero() || !fits(p.kind) {
			continue
		}
		where := p.speaker.Start
		if !p.ref.IsZero() {
			where = p.ref.Start
		}
		if p.how == "carried" {
			where = p.content.Start
		}
		if where < at {
			cands = append(cands, candidate{where, p.speaker, p.kind, true})
		}
		if len(cands) >= 4 {
			break
		}
	}
	if c&cGeneric == 0 {
		lo := int(an.toks[max(0, pos-an.cfg.Lookback)].start)
		an.mentionsIn(lo, at, func(i int) {
			m := an.a.Mentions[i]
			if m.Span.Start >= lo && m.Span.End <= at && fits(mentionKind(m.Type)) && an.class(an.tokenAt(m.Span.Start))&cPron == 0 {
				cands = append(cands, candidate{m.Span.Start, m.Span, mentionKind(m.Type), false})
			}
		})
		cands = an.nameCandidates(pos, c, fits, cands)
	}
	// The nearest sentence with a candidate; in it the speaker, else the first.
	best, bestSent := -1, -1
	for i, cd := range cands {
		s := an.sentenceOf(cd.at)
		switch {
		case s > bestSent:
			best, bestSent = i, s
		case s == bestSent && (cd.speaker && !cands[best].speaker || cd.speaker == cands[best].speaker && cd.at < cands[best].at):
			best = i
		}
	}
	// The entity stage's coreference wins unless a candidate stands in a
	// later sentence.
	if coref != nil && (best < 0 || an.sentenceOf(coref.at) >= bestSent && !cands[best].speaker) {
		return coref.span, coref.kind, true
	}
	if best < 0 {
		return news.Span{}, "", false
	}
	return cands[best].span, cands[best].kind, true
}

// sentenceOf returns the sentence of the token at or before byte b.
func (an *analyzer) sentenceOf(b int) int {
	lo, hi := 0, len(an.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if int(an.toks[m].start) <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return -1
	}
	return int(an.sent[lo-1])
}

// nameCandidates adds the names in the text before the pronoun at pos,
// within the look-back, outside direct quotes.
func (an *analyzer) nameCandidates(pos int, c class, fits func(string) bool, cands []candidate) []candidate {
	for k := pos - 1; k >= 0 && k >= pos-an.cfg.Lookback; k-- {
		if an.mask[k]&maskQuote != 0 || an.toks[k].kind != tWord {
			continue
		}
		if !an.toks[k].upper {
			// "the government's ambassador": a person by role.
			if c&cPronPerson != 0 && an.class(k)&cTitle != 0 && !(k+1 < len(an.toks) && an.toks[k+1].upper) {
				if d := an.roleStart(k); d >= 0 {
					sp := an.span(d, k+1)
					// In apposition to a name, the name: "X, the company's
					// chief executive," / "the chief executive, X,".
					if an.isPunct(d-1, ",") && d-2 >= 0 && an.toks[d-2].upper {
						g := d - 2
						for g-1 >= 0 && an.toks[g-1].kind == tWord && an.toks[g-1].upper {
							g--
						}
						sp = an.nameSpan(g, d-1)
					} else if f, to := an.upperRun(k + 2); an.isPunct(k+1, ",") && f >= 0 && an.isName(f, to) {
						sp = an.span(f, to)
					}
					cands = append(cands, candidate{int(an.toks[d].start), sp, KindPerson, false})
				}
			}
			continue
		}
		if k+1 < len(an.toks) && an.toks[k+1].kind == tWord && an.toks[k+1].upper {
			continue // not the end of a run
		}
		f := k
		for f-1 >= 0 && (an.toks[f-1].kind == tWord && an.toks[f-1].upper || an.isPunct(f-1, ".") && an.abbrevBefore(f-1)) {
			f--
		}
		if !an.contentWord(f, k+1) {
			k = f
			continue
		}
		kind := an.kindOf(f, k+1)
		sp := an.nameSpan(f, k+1)
		if kind == KindPerson && an.isWord(f-1, "the") && an.isPunct(f-2, ",") && f-3 >= 0 && an.toks[f-3].upper {
			// "Henry Paulson, the US Treasury Secretary": the name before.
			g := f - 3
			for g-1 >= 0 && an.toks[g-1].kind == tWord && an.toks[g-1].upper {
				g--
			}
			sp = an.nameSpan(g, f-2)
		}
		if kind == KindNamed && (f > 0 && an.class(f-1)&cTitle != 0 || an.titleAppositive(k+1)) {
			kind = KindPerson
		}
		if kind == KindNamed && (an.isWord(f-1, "the") || an.isWord(f-2, "the")) {
			kind = KindInstitution
		}
		if kind == KindNamed && (c&cPronPerson != 0 || c&cPronThing != 0) {
			kind = "" // too weak a hint on its own
		}
		if kind != "" && fits(kind) {
			cands = append(cands, candidate{int(an.toks[f].start), sp, kind, false})
		}
		k = f
	}
	return cands
}

// titleAppositive reports whether the name ending before i is followed by
// an apposition with a title: "Peter Cardillo, chief market economist".
func (an *analyzer) titleAppositive(i int) bool {
	if !an.isPunct(i, ",") {
		return false
	}
	for j := i + 1; j < len(an.toks) && j < i+6 && an.toks[j].kind == tWord; j++ {
		if an.class(j)&cTitle != 0 && !an.toks[j].upper {
			return true
		}
	}
	return false
}

// roleStart returns where a definite description of a person by role that
// ends at the title word k starts ("the ambassador", "the government's
// ambassador"), or -1.
func (an *analyzer) roleStart(k int) int {
	for d := k - 1; d >= 0 && d >= k-4; d-- {
		if an.toks[d].kind != tWord {
			return -1
		}
		if an.class(d)&cDet != 0 && an.class(d)&cPrep == 0 {
			return d
		}
	}
	return -1
}

// tokenAt returns the token that starts at byte b, or -1.
func (an *analyzer) tokenAt(b int) int {
	lo, hi := 0, len(an.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if int(an.toks[m].start) < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(an.toks) && int(an.toks[lo].start) == b {
		return lo
	}
	return -1
}

func mentionKind(t news.EntityType) string {
	switch t {
	case news.Person:
		return KindPerson
	case news.Organization, news.State, news.Group:
		return KindInstitution
	}
	return ""
}

// trimDet drops a leading article (or a determiner before a name) from the
// words [f,to).
func (an *analyzer) trimDet(f, to int) (int, int) {
	if to-f > 1 && (an.isWord(f, "the") || an.isWord(f, "a") || an.isWord(f, "an") || an.class(f)&cDet != 0 && an.class(f)&cPron == 0 && an.toks[f+1].upper) {
		return f + 1, to
	}
	return f, to
}

// nameSpan cuts the name out of the speaker words [f,to): "chief of the
// Main Directorate Col. Gen. Sergei Rudskoy" → Sergei Rudskoy; "Finance
// Minister Alexei Kudrin" → Alexei Kudrin; a description with no name at its
// end ("a Syrian source") is kept whole.
func (an *analyzer) nameSpan(f, to int) news.Span {
	if to-f > 3 && an.isPunct(to-1, ")") {
		for o := to - 2; o > f && o >= to-6; o-- {
			if an.isPunct(o, "(") {
				to = o
				break
			}
		}
	}
	// The run of capitalised words (with the dots of abbreviations) at the end.
	r := to
	for r-1 >= f && (an.toks[r-1].kind == tWord && an.toks[r-1].upper || an.isPunct(r-1, ".") && an.abbrevBefore(r-1)) {
		r--
	}
	if r == to || an.toks[to-1].kind != tWord {
		return an.span(f, to)
	}
	// The name follows the last title that leaves two names, or one after
	// an abbreviated or lower-case title.
	start := r
	names := 0
	for i := to - 1; i >= r; i-- {
		if an.toks[i].kind != tWord {
			continue
		}
		if an.class(i)&(cTitle|cOrgEnd) != 0 && names > 0 && (names >= 2 || an.isPunct(i+1, ".")) {
			start = i + 1
			break
		}
		names++
	}
	for start < to && an.toks[start].kind != tWord {
		start++
	}
	if r > f && start == r && r-1 >= f && an.class(r-1)&cTitle != 0 && !an.toks[r-1].upper {
		return an.span(start, to) // "spokeswoman Sandy Angers"
	}
	if r > f && start == r && an.class(r-1)&cPrep != 0 {
		return an.span(f, to) // "the head of Unite": the head is not Unite
	}
	if start == r && r > f && an.class(r-1)&cDet == 0 {
		return an.span(start, to)
	}
	if start > r {
		return an.span(start, to)
	}
	return an.span(f, to)
}

// description reports whether the speaker words are a definite
// description that stands for an earlier name, and what it refers to like:
// a person by role alone ("the bank chief" → cPronPerson), an organisation
// by a generic noun ("the company", "the statement" → cPronThing); 0 when
// they are not.
func (an *analyzer) description(f, to int) class {
	if to-f < 2 || !(an.isWord(f, "the") || an.isWord(f, "its") || an.isWord(f, "their")) {
		return 0
	}
	for i := f + 1; i < to; i++ {
		if an.toks[i].upper || an.toks[i].kind != tWord || an.class(i)&cPrep != 0 {
			return 0
		}
	}
	switch c := an.class(to - 1); {
	case c&cTitle != 0:
		return cPronPerson
	case c&cGeneric != 0:
		return cPronThing
	}
	return 0
}

// kindOf classifies the speaker words [f,to).
func (an *analyzer) kindOf(f, to int) string {
	if m := an.mentionAt(an.span(f, to)); m >= 0 && an.span(f, to).Contains(an.a.Mentions[m].Span) && an.a.Mentions[m].Span.End == an.span(f, to).End {
		if k := mentionKind(an.a.Mentions[m].Type); k != "" {
			return k // the head of the words is a mention of known type
		}
	}
	lastWord := to - 1
	for lastWord > f && an.toks[lastWord].kind != tWord {
		lastWord--
	}
	lc := an.class(lastWord)
	if lc&cPron != 0 && to-f == 1 {
		return pronounKind(lc)
	}
	if lc&cUnnamed != 0 && !an.toks[lastWord].upper {
		return KindUnnamed
	}
	if w := an.word(f); an.isWord(f, "a") || an.isWord(f, "an") || an.isWord(f, "some") || an.isWord(f, "several") || w == "one" || w == "two" {
		return KindUnnamed
	}
	upper, title := 0, false
	for i := f; i < to; i++ {
		if an.toks[i].kind != tWord {
			continue
		}
		if an.class(i)&cTitle != 0 {
			title = true
		}
		if an.toks[i].upper {
			upper++
		}
	}
	switch {
	case lc&cInstitution != 0:
		return KindInstitution
	case title:
		return KindPerson
	case an.isWord(f, "the") && upper > 0 || f > 0 && an.isWord(f-1, "the") && upper > 0:
		return KindInstitution
	case upper > 0:
		return KindNamed
	}
	return ""
}

// sameRole reports whether the role word at k ("the bank chief") is said of
// the person named at sp: the word is in sp or in the few words before it
// ("US bank chief Ben Bernanke").
func (an *analyzer) sameRole(sp news.Span, k int) bool {
	f := an.tokenAt(sp.Start)
	if f < 0 {
		return false
	}
	w := an.word(k)
	for i := max(0, f-5); i < len(an.toks) && int(an.toks[i].start) < sp.End; i++ {
		if an.toks[i].kind == tWord && strings.EqualFold(an.word(i), w) {
			return true
		}
	}
	return false
}

// contentWord reports whether the words [f,to) hold a word of two letters
// or more that is not a function word ("The", "S").
func (an *analyzer) contentWord(f, to int) bool {
	for i := f; i < to; i++ {
		if an.toks[i].kind == tWord && an.toks[i].end-an.toks[i].start > 1 && an.class(i)&(cDet|cStop|cPrep|cAux|cPron) == 0 {
			return true
		}
	}
	return false
}

// personIn returns the mention of a person that ends s (its head), or -1.
func (an *analyzer) personIn(s news.Span) int {
	best := -1
	an.mentionsIn(s.Start, s.End, func(i int) {
		m := an.a.Mentions[i]
		if m.Type == news.Person && s.Contains(m.Span) && m.Span.End == s.End && an.class(an.tokenAt(m.Span.Start))&(cPron|cDet) == 0 {
			best = i
		}
	})
	return best
}
