package quote

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"sitrep/news"
)

// A GoldDoc is one annotated article of the quote gold set.
type GoldDoc struct {
	ID     string
	Source string
	Text   string
	Quotes []GoldQuote
}

// A GoldQuote is one statement a careful reader finds in a GoldDoc.
type GoldQuote struct {
	Direct  bool
	Content news.Span
	Cue     news.Span // zero when the statement has no cue
	Speaker string    // as written in the text; "?" when a reader cannot tell
	Line    string    // file:line of the annotation, for messages
}

// LoadGold reads a gold folder: article texts from *.jsonl ({"doc",
// "source","text"} a line) and *.txt ("=== doc ID" sections), and
// annotations from *.gold (format in gold/README.md). Every annotation must
// resolve to spans of its text; an error names the line that does not.
func LoadGold(fsys fs.FS) ([]GoldDoc, error) {
	docs := map[string]*GoldDoc{}
	var order []string
	add := func(id, src, text string) error {
		if _, dup := docs[id]; dup {
			return fmt.Errorf("quote gold: document %s defined twice", id)
		}
		docs[id] = &GoldDoc{ID: id, Source: src, Text: text}
		order = append(order, id)
		return nil
	}
	names, err := fs.Glob(fsys, "*")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		switch {
		case err != nil && strings.Contains(name, "."):
			return nil, err
		case strings.HasSuffix(name, ".jsonl"):
			for i, line := range strings.Split(string(b), "\n") {
				if strings.TrimSpace(line) == "" {
					continue
				}
				var r struct{ Doc, Source, Text string }
				if err := json.Unmarshal([]byte(line), &r); err != nil {
					return nil, fmt.Errorf("quote gold: %s:%d: %w", name, i+1, err)
				}
				if err := add(r.Doc, r.Source, r.Text); err != nil {
					return nil, err
				}
			}
		case strings.HasSuffix(name, ".txt"):
			if err := readSections(string(b), add); err != nil {
				return nil, fmt.Errorf("quote gold: %s: %w", name, err)
			}
		}
	}
	for _, name := range names {
		if !strings.HasSuffix(name, ".gold") {
			continue
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		if err := readAnnotations(path.Base(name), string(b), docs); err != nil {
			return nil, err
		}
	}
	out := make([]GoldDoc, 0, len(order))
	for _, id := range order {
		if d := docs[id]; len(d.Quotes) > 0 {
			out = append(out, *d)
		}
	}
	return out, nil
}

func readSections(s string, add func(id, src, text string) error) error {
	var id string
	var body []string
	flush := func() error {
		if id == "" {
			return nil
		}
		return add(id, "", strings.TrimSpace(strings.Join(body, "\n")))
	}
	for _, line := range strings.Split(s, "\n") {
		if rest, ok := strings.CutPrefix(line, "=== doc "); ok {
			if err := flush(); err != nil {
				return err
			}
			id, body = strings.TrimSpace(rest), nil
			continue
		}
		if id == "" { // the header before the first article
			continue
		}
		body = append(body, line)
	}
	return flush()
}

func readAnnotations(name, s string, docs map[string]*GoldDoc) error {
	var doc *GoldDoc
	sc := bufio.NewScanner(strings.NewReader(s))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		where := name + ":" + strconv.Itoa(n)
		if line == "" || line[0] == '#' {
			continue
		}
		if id, ok := strings.CutPrefix(line, "doc "); ok {
			if doc = docs[strings.TrimSpace(id)]; doc == nil {
				return fmt.Errorf("quote gold: %s: unknown document %q", where, id)
			}
			continue
		}
		if doc == nil {
			return fmt.Errorf("quote gold: %s: annotation before any \"doc\" line", where)
		}
		f := strings.Split(line, " | ")
		if len(f) != 4 || (f[0] != "D" && f[0] != "R") {
			return fmt.Errorf("quote gold: %s: want \"D|R | content | cue | speaker\"", where)
		}
		content, err := findContent(doc.Text, strings.TrimSpace(f[1]))
		if err != nil {
			return fmt.Errorf("quote gold: %s: %w", where, err)
		}
		q := GoldQuote{Direct: f[0] == "D", Content: content, Speaker: strings.TrimSpace(f[3]), Line: where}
		if c := strings.TrimSpace(f[2]); c != "-" {
			if q.Cue, err = findCue(doc.Text, c, content); err != nil {
				return fmt.Errorf("quote gold: %s: %w", where, err)
			}
		}
		doc.Quotes = append(doc.Quotes, q)
	}
	return sc.Err()
}

// findContent resolves "TEXT", "TEXT @N" or "PREFIX ... SUFFIX [@N]" to a
// span of text.
func findContent(text, c string) (news.Span, error) {
	occ := 0
	if i := strings.LastIndex(c, " @"); i >= 0 {
		if n, err := strconv.Atoi(c[i+2:]); err == nil && n > 0 {
			occ, c = n, c[:i]
		}
	}
	prefix, suffix, ranged := strings.Cut(c, " ... ")
	starts := occurrences(text, prefix)
	switch {
	case len(starts) == 0:
		return news.Span{}, fmt.Errorf("content %q not in the text", prefix)
	case occ > len(starts):
		return news.Span{}, fmt.Errorf("content %q occurs %d times, not %d", prefix, len(starts), occ)
	case occ == 0 && len(starts) > 1:
		return news.Span{}, fmt.Errorf("content %q occurs %d times: add @N", prefix, len(starts))
	}
	if occ == 0 {
		occ = 1
	}
	s := news.Span{Start: starts[occ-1], End: starts[occ-1] + len(prefix)}
	if ranged {
		j := strings.Index(text[s.End:], suffix)
		if j < 0 {
			return news.Span{}, fmt.Errorf("content end %q not after %q", suffix, prefix)
		}
		s.End += j + len(suffix)
	}
	return s, nil
}

func occurrences(text, sub string) []int {
	var out []int
	for i := 0; sub != "" && i <= len(text); {
		j := strings.Index(text[i:], sub)
		if j < 0 {
			break
		}
		out = append(out, i+j)
		i += j + 1
	}
	return out
}

// findCue returns the occurrence of the cue (whole words, any case) nearest
// the content, preferring one outside it.
func findCue(text, cue string, content news.Span) (news.Span, error) {
	lower, lc := strings.ToLower(text), strings.ToLower(cue)
	best, bestD := news.Span{}, -1
	for _, i := range occurrences(lower, lc) {
		s := news.Span{Start: i, End: i + len(lc)}
		if !wordEdge(text, s.Start) || !wordEdge(text, s.End) {
			continue
		}
		d := 0
		switch {
		case s.End <= content.Start:
			d = content.Start - s.End
		case s.Start >= content.End:
			d = s.Start - content.End
		default:
			d = len(text) // inside the content: a last resort
		}
		if bestD < 0 || d < bestD {
			best, bestD = s, d
		}
	}
	if bestD < 0 {
		return news.Span{}, fmt.Errorf("cue %q not in the text", cue)
	}
	return best, nil
}

func wordEdge(text string, i int) bool {
	if i == 0 || i == len(text) {
		return true
	}
	a, _ := utf8.DecodeLastRuneInString(text[:i])
	b, _ := utf8.DecodeRuneInString(text[i:])
	return !(isWordRune(a) && isWordRune(b))
}

// SpeakerMatch reports whether a predicted speaker text names the gold
// speaker: after lower-casing, dropping punctuation, articles and
// possessive 's, one is a run of words inside the other and both have the
// same head (the last word before "of", "at", "for", "from", "in", "with",
// "on", or the last word): "Col. Gen. Sergei Rudskoy" names "Sergei
// Rudskoy"; "a doctor at the main clinic" names "doctor"; "Fiat's
// announcement" does not name "Fiat".
func SpeakerMatch(gold, pred string) bool {
	g, p := speakerWords(gold), speakerWords(pred)
	if len(g) == 0 || len(p) == 0 || head(g) != head(p) {
		return false
	}
	return containsRun(g, p) || containsRun(p, g)
}

func speakerWords(s string) []string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("'s ", " ", "’s ", " ").Replace(s + " ")
	f := strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) && r != '-' })
	out := f[:0]
	for _, w := range f {
		if w != "the" && w != "a" && w != "an" {
			out = append(out, w)
		}
	}
	return out
}

func head(ws []string) string {
	for i, w := range ws {
		switch w {
		case "of", "at", "for", "from", "in", "with", "on":
			if i > 0 {
				return ws[i-1]
			}
		}
	}
	return ws[len(ws)-1]
}

func containsRun(long, short []string) bool {
	for i := 0; i+len(short) <= len(long); i++ {
		ok := true
		for j := range short {
			if long[i+j] != short[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
