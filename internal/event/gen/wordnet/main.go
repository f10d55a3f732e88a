// Command wordnet proposes event words for the pattern lexicon from
// WordNet: for every PLOVER-typed verb or noun of the lexicon it looks up
// the word's first sense and prints, as lexicon lines, the words of that
// sense, its direct hyponyms (kinds of the act) and, for a verb, the nouns
// derived from it, each only when that sense is also the candidate's own
// first sense (its most frequent meaning). Words the lexicon already has
// are left out. The output is candidates for a person to review; what was
// kept is data/wordnet.tsv.
//
//	go run ./internal/event/gen/wordnet -dict /usr/share/wordnet \
//		internal/event/data/patterns.tsv internal/event/data/wordnet.tsv > /tmp/candidates.tsv
//
// It also warns, on standard error, about lexicon verbs written without
// lemma/past/participle whose past tense WordNet lists as irregular or
// doubled ("strike" → "struck", "shrug" → "shrugged"): the inflector
// would miss those forms.
//
// The dictionary is WordNet 3.0 (Princeton University, WordNet 3.0
// licence: use, copy, modify and distribute with its notice), as the
// Debian package wordnet-base installs it.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type synset struct {
	words []string
	ptrs  []ptr
	gloss string
}

type ptr struct {
	sym, pos, off string
}

type wordnet struct {
	index map[string][]string // "v:attack" → synset offsets in sense order
	data  map[string]*synset  // "v:01119187"
	exc   map[string][]string // "v:strike" → inflected forms
}

func load(dir string) (*wordnet, error) {
	wn := &wordnet{index: map[string][]string{}, data: map[string]*synset{}, exc: map[string][]string{}}
	for _, p := range []struct{ file, pos string }{{"verb", "v"}, {"noun", "n"}} {
		if err := lines(filepath.Join(dir, "index."+p.file), func(f []string) {
			if len(f) < 4 {
				return
			}
			n := atoi(f[3]) // pointer count
			senses := f[4+n+2:]
			wn.index[p.pos+":"+f[0]] = senses
		}); err != nil {
			return nil, err
		}
		if err := lines(filepath.Join(dir, "data."+p.file), func(f []string) {
			if len(f) < 4 {
				return
			}
			var s synset
			wc := hex(f[3])
			k := 4
			for range wc {
				s.words = append(s.words, strings.ToLower(f[k]))
				k += 2
			}
			pc := atoi(f[k])
			k++
			for range pc {
				s.ptrs = append(s.ptrs, ptr{sym: f[k], off: f[k+1], pos: f[k+2]})
				k += 4
			}
			for i, w := range f {
				if w == "|" {
					s.gloss = strings.Join(f[i+1:], " ")
				}
			}
			wn.data[p.pos+":"+f[0]] = &s
		}); err != nil {
			return nil, err
		}
		if err := lines(filepath.Join(dir, p.file+".exc"), func(f []string) {
			if len(f) == 2 {
				wn.exc[p.pos+":"+f[1]] = append(wn.exc[p.pos+":"+f[1]], f[0])
			}
		}); err != nil {
			return nil, err
		}
	}
	return wn, nil
}

func lines(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if l := sc.Text(); l != "" && l[0] != ' ' {
			fn(strings.Fields(l))
		}
	}
	return sc.Err()
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func hex(s string) int {
	n := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			n = n*16 + int(c-'0')
		case c >= 'a' && c <= 'f':
			n = n*16 + int(c-'a'+10)
		}
	}
	return n
}

// first is the offset of a word's first sense, "" when WordNet lacks it.
func (wn *wordnet) first(pos, word string) string {
	s := wn.index[pos+":"+strings.ReplaceAll(word, " ", "_")]
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

type seed struct {
	word, pos, typ, mode, flags string
}

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "folder of the WordNet 3.0 database files")
	flag.Parse()
	wn, err := load(*dict)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	known := map[string]bool{}
	var seeds []seed
	for _, path := range flag.Args() {
		b, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for _, l := range strings.Split(string(b), "\n") {
			f := strings.Split(l, "\t")
			if l == "" || l[0] == '#' || len(f) < 4 {
				continue
			}
			w := strings.Split(f[0], "/")[0]
			known[f[1]+":"+w] = true
			if f[1] == "V" && !strings.Contains(f[0], "/") {
				lemma := strings.Fields(w)[0]
				for _, x := range wn.exc["v:"+lemma] {
					if strings.HasSuffix(x, "ed") && x != regularPast(lemma) || !strings.HasSuffix(x, "ed") && !strings.HasSuffix(x, "ing") && !strings.HasSuffix(x, "s") {
						fmt.Fprintf(os.Stderr, "%s: %q has the past or participle %q: write it as lemma/past/participle\n", path, w, x)
					}
				}
			}
			if f[2] == strings.ToUpper(f[2]) && len(f[2]) > 4 && !strings.Contains("LIGHT REPORT CASUALTY NONE CROWD MODAL", f[2]) {
				fl := ""
				if len(f) > 4 {
					fl = f[4]
				}
				seeds = append(seeds, seed{w, f[1], f[2], f[3], fl})
			}
		}
	}
	type cand struct{ line, why string }
	var out []cand
	seen := map[string]bool{}
	emit := func(s seed, pos, off, word, rel string) {
		wpos := "V"
		if pos == "n" {
			wpos = "N"
		}
		if known[wpos+":"+word] || seen[wpos+":"+word] || wn.first(pos, word) != off {
			return
		}
		seen[wpos+":"+word] = true
		forms := ""
		if pos == "v" {
			// Irregular and doubled forms, to write as lemma/past/participle.
			if ex := wn.exc["v:"+strings.Fields(word)[0]]; len(ex) > 0 {
				forms = " (forms " + strings.Join(ex, ",") + ")"
			}
		}
		flags := s.flags
		if pos == "n" {
			flags = strings.ReplaceAll(strings.ReplaceAll(flags, "sto", ""), "to", "")
		}
		out = append(out, cand{fmt.Sprintf("%s\t%s\t%s\t%s\t%s", word, wpos, s.typ, s.mode, strings.Trim(flags, ",")),
			fmt.Sprintf("%s of %s %s%s: %s", rel, s.word, s.pos, forms, wn.data[pos+":"+off].gloss)})
	}
	for _, s := range seeds {
		pos := "v"
		if s.pos == "N" {
			pos = "n"
		}
		off := wn.first(pos, s.word)
		ss := wn.data[pos+":"+off]
		if ss == nil {
			continue
		}
		for _, w := range ss.words {
			emit(s, pos, off, clean(w), "synonym")
		}
		for _, p := range ss.ptrs {
			t := wn.data[p.pos+":"+p.off]
			if t == nil {
				continue
			}
			switch {
			case p.sym == "~" && p.pos == pos:
				for _, w := range t.words {
					emit(s, pos, p.off, clean(w), "hyponym")
				}
			case p.sym == "+" && pos == "v" && p.pos == "n":
				for _, w := range t.words {
					emit(s, "n", p.off, clean(w), "noun")
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].line < out[j].line })
	for _, c := range out {
		fmt.Printf("%s\t# %s\n", c.line, c.why)
	}
}

// regularPast is the past tense the lexicon's inflector makes.
func regularPast(w string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case len(w) > 1 && w[len(w)-1] == 'y' && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ied"
	}
	return w + "ed"
}

// clean turns a WordNet lemma into lexicon words: "take_hostage" → "take
// hostage", "shell(a)" → "shell".
func clean(w string) string {
	if i := strings.IndexByte(w, '('); i >= 0 {
		w = w[:i]
	}
	return strings.ReplaceAll(w, "_", " ")
}
