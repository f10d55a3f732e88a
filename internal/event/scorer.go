package event

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"sitrep/internal/eval"
	"sitrep/news"
)

// An Annotator is a stage that runs before the event stage in the scorer:
// segment, entity, place, timex, quote. Any pipeline stage is one.
type Annotator interface {
	Apply(a *news.Article) error
}

// Scorer scores the event stage on the PLOVER gold-standard records
// (../shared/eval/plover-gsr-cameo): the PLOVER type of the event each
// sentence codes, and whether its source and target actors have the
// gold country code and sector. before are the stages that give the event
// stage its layers; without an entity stage no actor can match.
//
// A fixed third of the sentences, those whose id hashes (FNV-1a 32) to 0
// modulo 3, is held out: it was never looked at while the lexicon was
// written, and is reported as the "held_out" subset next to "dev".
func Scorer(before ...Annotator) eval.Scorer {
	return eval.Scorer{
		Name: "events",
		Data: "plover-gsr-cameo",
		Doc:  "PLOVER event type and source/target actor (country, sector) on the PLOVER gold-standard records",
		Run: func(ctx context.Context, dir string) (*eval.Report, error) {
			recs, err := LoadGSR(dir)
			if err != nil {
				return nil, err
			}
			return scoreGSR(ctx, recs, before)
		},
	}
}

// A GSRRecord is one coded sentence of the PLOVER gold standard.
type GSRRecord struct {
	ID     string    `json:"id"`
	Event  string    `json:"event"`
	Text   string    `json:"text"`
	Source gsrActors `json:"source"`
	Target gsrActors `json:"target"`
	Mode   string    `json:"mode"`
}

// A GSRActor is a gold actor: its ISO 3166 alpha-3 code (or IGO, NGO…)
// and sector (GOV, MIL, REB, CVL…; "" when not coded).
type GSRActor struct {
	Text   string `json:"actorText"`
	Code   string `json:"code"`
	Sector string `json:"sector"`
}

// gsrActors reads a list of actors, or "" / null for none.
type gsrActors []GSRActor

func (g *gsrActors) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '[' {
		return json.Unmarshal(b, (*[]GSRActor)(g))
	}
	*g = nil
	return nil
}

// HeldOut reports whether a record belongs to the held-out third.
func HeldOut(id string) bool {
	return eval.HeldOut(id, 3)
}

// gsrTypes maps the 2016 draft names of the gold standard to the current
// PLOVER types (PROVENANCE.md of the data).
var gsrTypes = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

// PLOVERType returns the current PLOVER name of a gold-standard label.
func PLOVERType(label string) string {
	if t, ok := gsrTypes[label]; ok {
		return t
	}
	return label
}

// LoadGSR reads PLOVER_GSR_CAMEO.json from dir, without its DOCUMENT
// header.
func LoadGSR(dir string) ([]GSRRecord, error) {
	b, err := os.ReadFile(filepath.Join(dir, "PLOVER_GSR_CAMEO.json"))
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	var recs []GSRRecord
	if err := json.Unmarshal(b, &recs); err != nil {
		return nil, fmt.Errorf("events: %s: %w", dir, err)
	}
	out := recs[:0]
	for _, r := range recs {
		if r.Event != "DOCUMENT" && r.Text != "" {
			out = append(out, r)
		}
	}
	return out, nil
}

// GSRResult is the engine's coding of one gold sentence.
type GSRResult struct {
	Rec      GSRRecord
	Type     string // predicted PLOVER type; "" when none
	SourceOK bool
	TargetOK bool
	Article  *news.Article
	Event    int // index of the chosen event; -1
}

// CodeGSR runs the stages and the event stage over one gold sentence and
// picks the event the sentence codes: the most confident one the text
// states itself (not the content of another), the first on ties.
func CodeGSR(rec GSRRecord, before []Annotator, st *Stage) (GSRResult, error) {
	a := &news.Article{ID: rec.ID, Source: rec.ID, Format: news.FormatBody, Original: []byte(rec.Text), Text: rec.Text}
	a.Paragraphs = []news.Span{{Start: 0, End: len(a.Text)}}
	for _, s := range before {
		if err := s.Apply(a); err != nil {
			return GSRResult{}, fmt.Errorf("%s: %w", rec.ID, err)
		}
	}
	if err := st.Apply(a); err != nil {
		return GSRResult{}, err
	}
	res := GSRResult{Rec: rec, Article: a, Event: -1}
	res.Event = mainEvent(a)
	if res.Event >= 0 {
		e := a.Events[res.Event]
		res.Type = e.Type
		res.SourceOK = actorMatch(a, e.Source, rec.Source)
		res.TargetOK = actorMatch(a, e.Target, rec.Target)
	}
	return res, nil
}

// mainEvent picks the event a one-sentence article reports: the first
// event of its main clause whose confidence is within 0.25 of the most
// confident one's; events that are the content of another, or sit in a
// subordinate clause, a fronted adverbial phrase (frontedNoun) or a
// passive parenthetical (parenthetical), count
// 0.3 and 0.1 less, and are taken only when no event of the main clause
// comes within 0.25 ("The army, which has fought the rebels for years,
// agreed to a truce" reports the agreement). -1 when there is none.
func mainEvent(a *news.Article) int {
	score := make([]float64, len(a.Events))
	main := make([]bool, len(a.Events))
	best := -1.0
	for i, e := range a.Events {
		c := e.Confidence
		main[i] = true
		if isContent(a, i) {
			c -= 0.3
			main[i] = false
		}
		if subordinate(a.Text, e.Evidence.Start, e.Trigger.Start) || frontedNoun(a.Text, e) || parenthetical(a.Text, e) {
			c -= 0.1
			main[i] = false
		}
		score[i] = c
		if c > best {
			best = c
		}
	}
	for i := range a.Events {
		if main[i] && score[i] >= best-0.25 {
			return i
		}
	}
	for i := range a.Events {
		if score[i] >= best-0.25 {
			return i
		}
	}
	return -1
}

// subordinate reports whether a subordinating word comes between the
// start of the sentence and the trigger with no comma closing its clause
// before the trigger: the event is background ("one day after a jet shot
// down…"), not what the sentence reports. "The army, which fought the
// rebels, agreed …": the relative clause closes before "agreed".
func subordinate(text string, from, to int) bool {
	if from < 0 || to > len(text) || from > to {
		return false
	}
	open := false
	for _, w := range strings.Fields(strings.ToLower(text[from:to])) {
		switch strings.Trim(w, ",.;:\"'") {
		case "after", "before", "because", "since", "when", "while", "following", "although", "whereas", "where", "which", "who":
			open = true
		}
		if strings.HasSuffix(w, ",") {
			open = false
		}
	}
	return open
}

// frontedNoun reports whether event e is a noun inside a prepositional
// phrase (or a gerund after an article) that opens its sentence and ends
// at a comma: "With the signing of the accord, both sides agreed …" —
// background to the main clause.
func frontedNoun(text string, e news.Event) bool {
	from, to := e.Evidence.Start, e.Trigger.Start
	if from < 0 || to > len(text) || from > to || e.Evidence.End > len(text) || e.Trigger.End > e.Evidence.End {
		return false
	}
	head := text[from:to]
	ws := strings.Fields(head)
	if e.Voice != "nominal" && (len(ws) == 0 || !npOpeners[strings.ToLower(ws[len(ws)-1])]) {
		return false // "the signing of …" is a noun too
	}
	first, _, _ := strings.Cut(strings.TrimSpace(head), " ")
	switch strings.ToLower(first) {
	case "with", "in", "amid", "despite", "during", "under", "following", "upon", "on", "at", "through", "by", "for", "over":
	default:
		return false
	}
	return !strings.Contains(head, ",") && strings.Contains(text[e.Trigger.End:e.Evidence.End], ",")
}

// parenthetical reports whether event e is a passive participle right
// after a comma: "Rebels, backed by X, attacked the town" reports the
// attack.
func parenthetical(text string, e news.Event) bool {
	if e.Voice != "passive" || e.Trigger.Start > len(text) {
		return false
	}
	head := strings.TrimRight(text[:e.Trigger.Start], " ")
	return strings.HasSuffix(head, ",")
}

func isContent(a *news.Article, i int) bool {
	for _, e := range a.Events {
		if e.Content == i {
			return true
		}
	}
	return false
}

// actorMatch reports whether mention m's actor has the country code and
// sector of one of the gold actors. A gold sector of "" or "***" matches
// any sector; otherwise the actor must have a sector (actorSectors) that
// is the gold one or of its kind (sameSector).
func actorMatch(a *news.Article, m int, gold []GSRActor) bool {
	if m < 0 || len(gold) == 0 {
		return false
	}
	return MentionMatches(a.Mentions[m], gold)
}

// MentionMatches reports whether a mention's actor has the country code
// and sector of one of the gold actors, by the rules of actorMatch.
func MentionMatches(ment news.Mention, gold []GSRActor) bool {
	act := ment.Actor
	sectors := actorSectors(ment)
	for _, g := range gold {
		if !countryMatch(act, g.Code) {
			continue
		}
		gs := sectorCode(g.Sector)
		if gs == "" {
			return true
		}
		for _, s := range sectors {
			if sameSector(gs, s) {
				return true
			}
		}
	}
	return false
}

// actorSectors gives the CAMEO sector codes of a mention's actor: the
// sector of its CAMEO-style code (the last three letters, when they are a
// sector: LBNUAF, IGOUNOMIL) and the code of its sector word. A place
// named as an actor is coded as the PLOVER-GSR readme codes cities: its
// civilians (CVL), and, for a place the entity stage reads as a state
// (a capital as subject), its government. An intergovernmental
// organisation with no role of its own counts as its governing organs
// (GOV).
func actorSectors(m news.Mention) []string {
	var out []string
	act := m.Actor
	if c := strings.ToUpper(act.Code); len(c) >= 6 {
		if s := c[len(c)-3:]; cameoSectors[s] {
			out = append(out, s)
		}
	}
	if s := sectorWord(act.Sector); s != "" {
		out = append(out, s)
	}
	if m.Type == news.Location && act.Sector == "" {
		out = append(out, "CVL")
	}
	if len(out) == 0 && strings.EqualFold(act.Sector, "igo") {
		out = append(out, "GOV") // an IGO as a whole acts through its governing organs (UN Security Council: IGO GOV)
	}
	return out
}

// cameoSectors are the CAMEO 1.1b3 actor role codes that the gold
// standard uses as sectors.
var cameoSectors = map[string]bool{
	"GOV": true, "MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true,
	"JUD": true, "SPY": true, "INS": true, "SEP": true, "UAF": true, "MED": true,
	"EDU": true, "BUS": true, "CRM": true, "CVL": true, "LEG": true, "ELI": true,
	"REF": true, "AGR": true, "LAB": true, "HLH": true, "HRI": true, "REL": true,
	"DEV": true, "ENV": true, "SOC": true, "MOD": true, "RAD": true,
}

// sectorWord maps the knowledge base's sector words to CAMEO codes; ""
// for words that name no sector ("igo", "ngo", "aligned": kinds of
// actor, not roles).
func sectorWord(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "government", "state":
		return "GOV"
	case "military":
		return "MIL"
	case "rebel", "rebels":
		return "REB"
	case "militia", "pmc":
		return "UAF" // CAMEO's armed groups outside the state's forces
	case "separatist":
		return "SEP"
	case "opposition":
		return "OPP"
	case "party":
		return "PTY"
	case "police":
		return "COP"
	case "judiciary":
		return "JUD"
	case "intelligence":
		return "SPY"
	case "media":
		return "MED"
	case "education":
		return "EDU"
	case "business":
		return "BUS"
	case "criminal", "criminals":
		return "CRM"
	case "civilians", "civilian":
		return "CVL"
	case "legislature":
		return "LEG"
	case "elites":
		return "ELI"
	case "refugees":
		return "REF"
	case "labour", "labor":
		return "LAB"
	case "medical":
		return "HLH"
	case "religious":
		return "REL"
	}
	return ""
}

// sameSector reports whether an actor's sector s counts as the gold
// sector g. Besides equality: CAMEO's non-state armed roles (rebels,
// insurgents, separatists, unaffiliated armed forces) are one kind, since
// the gold codes militias by side (Hezbollah REB, a government's
// militiamen MIL) and a knowledge base cannot; a militia (UAF) also
// counts as MIL. Journalists (JRN in the gold) are media.
func sameSector(g, s string) bool {
	if g == s {
		return true
	}
	armed := func(x string) bool { return x == "REB" || x == "INS" || x == "SEP" || x == "UAF" }
	switch {
	case armed(g) && armed(s):
		return true
	case g == "MIL" && s == "UAF":
		return true
	}
	return false
}

func countryMatch(act news.Actor, code string) bool {
	code = strings.ToUpper(code)
	switch code {
	case "JAP":
		code = "JPN" // the gold standard's code for Japan
	case "ITL":
		code = "ITA" // and for Italy (not ISO 3166)
	}
	switch code {
	case "":
		return false
	case "IGO", "NGO", "MNC":
		return strings.HasPrefix(strings.ToUpper(act.Code), code) || strings.EqualFold(act.Sector, code) || strings.EqualFold(act.Kind, code)
	}
	return strings.EqualFold(act.Country, code) || strings.HasPrefix(strings.ToUpper(act.Code), code)
}

// sectorCode maps a sector of the gold standard (GOV, REB, CVLalb: a
// CAMEO role code, with an ethnic or religious code after it) or a
// knowledge-base sector word to one three-letter code; "" when none.
func sectorCode(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "*") {
		return ""
	}
	if w := sectorWord(s); w != "" {
		return w
	}
	c := strings.ToUpper(prefix(s, 3))
	switch c {
	case "CIV":
		return "CVL"
	case "JRN":
		return "MED" // the gold's journalists are CAMEO's media
	case "MED":
		return "HLH" // and its MED is medical (doctors, the Red Cross), CAMEO's HLH
	}
	return c
}

func scoreGSR(ctx context.Context, recs []GSRRecord, before []Annotator) (*eval.Report, error) {
	st := New(Config{})
	type tally struct{ n, typeOK, predicted, srcN, srcOK, tgtN, tgtOK int }
	var all, dev, held tally
	byType := map[string]*[3]int{} // tp, fp, fn
	get := func(t string) *[3]int {
		if byType[t] == nil {
			byType[t] = &[3]int{}
		}
		return byType[t]
	}
	hasEntity := false
	for _, rec := range recs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		res, err := CodeGSR(rec, before, st)
		if err != nil {
			return nil, err
		}
		if len(res.Article.Mentions) > 0 {
			hasEntity = true
		}
		gold := PLOVERType(rec.Event)
		for _, t := range []*tally{&all, pick(HeldOut(rec.ID), &held, &dev)} {
			t.n++
			if res.Type != "" {
				t.predicted++
			}
			if res.Type == gold {
				t.typeOK++
			}
			if len(rec.Source) > 0 {
				t.srcN++
				if res.SourceOK {
					t.srcOK++
				}
			}
			if len(rec.Target) > 0 {
				t.tgtN++
				if res.TargetOK {
					t.tgtOK++
				}
			}
		}
		if res.Type == gold {
			get(gold)[0]++
		} else {
			get(gold)[2]++
			if res.Type != "" {
				get(res.Type)[1]++
			}
		}
	}
	score := func(t tally) eval.Score { return eval.PRF(t.typeOK, t.predicted-t.typeOK, t.n-t.typeOK, t.n) }
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	rep := &eval.Report{Task: "events", Data: "plover-gsr-cameo", Score: score(all),
		Subsets: map[string]eval.Score{"dev": score(dev), "held_out": score(held)},
		ByType:  map[string]eval.Score{}, Metrics: map[string]float64{}}
	for t, c := range byType {
		rep.ByType[t] = eval.PRF(c[0], c[1], c[2], c[0]+c[2])
	}
	for name, t := range map[string]tally{"": all, "_dev": dev, "_held_out": held} {
		rep.Metrics["type_accuracy"+name] = ratio(t.typeOK, t.n)
		rep.Metrics["source_match"+name] = ratio(t.srcOK, t.srcN)
		rep.Metrics["target_match"+name] = ratio(t.tgtOK, t.tgtN)
		rep.Metrics["actor_match"+name] = ratio(t.srcOK+t.tgtOK, t.srcN+t.tgtN)
	}
	rep.Notes = append(rep.Notes,
		"precision/recall/F1 are of the event type of each sentence's most confident event; type_accuracy = right type / sentences",
		"actor_match: the chosen event's source/target actor has a gold country code and sector (gold sector absent or *** matches any; CAMEO's non-state armed roles REB/INS/SEP/UAF count as one, a militia also as MIL; a place named as an actor is its civilians, as the gold's readme codes cities; an IGO with no role code is GOV; the gold's own codes ITL and JAP are Italy and Japan, its JRN is media and its MED medical, as its sentences use them)",
		"held_out: sentences whose id hashes (FNV-1a 32) to 0 mod 3, never looked at while writing the lexicon")
	if !hasEntity {
		rep.Notes = append(rep.Notes, "no mentions: the scorer ran without an entity stage, so no actor can match")
	}
	return rep, nil
}

func pick[T any](c bool, a, b T) T {
	if c {
		return a
	}
	return b
}
