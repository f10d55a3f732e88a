package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// eachPhraseWord is the allocation-free form of phraseWords: both split
// every string alike.
func TestEachPhraseWordMatchesPhraseWords(t *testing.T) {
	for _, s := range []string{
		"", "Hello, World!", "© 2017 Sputnik News", "don't Stop’s",
		"ÉCOLE Über straße 12:30", "snake_case x", "\xff\xfeABC", "ДМИТРИЙ Песков — ♥♥ ok",
		"  leading and trailing  ", "A—B", "İstanbul",
	} {
		if got, want := eachWords(s), phraseWords(s); !cmp.Equal(got, want) {
			t.Errorf("eachPhraseWord(%q) = %q, phraseWords = %q", s, got, want)
		}
	}
}

func FuzzEachPhraseWord(f *testing.F) {
	f.Add("© 2017 Sputnik News, don't")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := eachWords(s), phraseWords(s); !cmp.Equal(got, want) {
			t.Errorf("eachPhraseWord(%q) = %q, phraseWords = %q", s, got, want)
		}
	})
}

func eachWords(s string) []string {
	var out []string
	eachPhraseWord(s, nil, func(w []byte) { out = append(out, string(w)) })
	return out
}

// nextField and fieldCount split as strings.Fields does.
func TestNextFieldMatchesFields(t *testing.T) {
	for _, s := range fieldCases {
		checkFields(t, s)
	}
}

var fieldCases = []string{
	"", " ", "a", " a  b\tc\n", "Sputnik\u00a0News", "x\u0085y\u2003z", "\xff \xfe", "  trailing ",
}

func FuzzNextField(f *testing.F) {
	for _, s := range fieldCases {
		f.Add(s)
	}
	f.Fuzz(checkFields)
}

func checkFields(t *testing.T, s string) {
	var got []string
	for w, i := nextField(s, 0); w != ""; w, i = nextField(s, i) {
		got = append(got, w)
	}
	want := strings.Fields(s)
	if len(want) == 0 {
		want = nil
	}
	if !cmp.Equal(got, want) || fieldCount(s) != len(want) {
		t.Errorf("fields of %q: nextField %q (count %d), strings.Fields %q", s, got, fieldCount(s), want)
	}
}

func FuzzAppendLower(f *testing.F) {
	for _, s := range []string{"", "Sputnik News", "ÉCOLE İstanbul \xff", "ДМИТРИЙ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, strings.ToLower = %q", s, got, want)
		}
	})
}

// scanWords returns the words lowerWords.scan finds in s.
func scanWords(s string) []string {
	var w lowerWords
	w.scan(s)
	var out []string
	for i := range w.starts {
		out = append(out, string(w.buf[w.starts[i]:w.ends[i]]))
	}
	return out
}

// scanReference is lowerWords.scan written plainly, rune by rune: words
// are runs of letters, digits, '_', '\” and '’', lower-cased, and each
// rune of unicode.So is a word of its own.
func scanReference(s string) []string {
	var out []string
	var cur []byte
	in := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '\'' || r == '’':
			cur, in = utf8.AppendRune(cur, unicode.ToLower(r)), true
		default:
			if in {
				out, cur, in = append(out, string(cur)), cur[:0], false
			}
			if unicode.Is(unicode.So, r) {
				out = append(out, string(r))
			}
		}
	}
	if in {
		out = append(out, string(cur))
	}
	return out
}

var scanCases = []string{
	"", "Hello, World!", "© 2017 Sputnik News ®", "don't Stop’s snake_case",
	"ÉCOLE Über straße", "ДМИТРИЙ Песков заявил ҂ ok", "Ελλάδα עברית العربية", "\xd0 \xc3\xff",
}

func TestScanMatchesReference(t *testing.T) {
	for _, s := range scanCases {
		if got, want := scanWords(s), scanReference(s); !cmp.Equal(got, want) {
			t.Errorf("scan(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range scanCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := scanWords(s), scanReference(s); !cmp.Equal(got, want) {
			t.Errorf("scan(%q) = %q, want %q", s, got, want)
		}
	})
}

// The word table finds every word of the word map, and no other.
func TestWordTable(t *testing.T) {
	lx := lexicon()
	for k, v := range lx.words {
		if got := lx.word([]byte(k)); got != v {
			t.Errorf("word(%q) = %v, want %v", k, got, v)
		}
		for _, other := range []string{k + "s", "x" + k, k[:len(k)-1], strings.ToUpper(k)} {
			if got, want := lx.word([]byte(other)), lx.words[other]; got != want {
				t.Errorf("word(%q) = %v, want %v", other, got, want)
			}
		}
	}
}

// wordCount counts the words scan finds.
func FuzzWordCount(f *testing.F) {
	for _, s := range scanCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := wordCount(s), len(scanReference(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	})
}

// A wordSet holds what a map holds, on the stack and past it.
func TestWordSet(t *testing.T) {
	var set wordSet
	want := map[string]bool{}
	words := strings.Fields("the coalition struck a convoy near al-Tanf the convoy was Syrian")
	for i := range 200 {
		words = append(words, strings.Repeat("w", i%40+1)+string(rune('a'+i%26)))
	}
	words = append(words, strings.Repeat("x", 300), strings.Repeat("y", 255))
	for i, w := range words {
		set.add([]byte(w))
		want[w] = true
		for _, probe := range words[:min(len(words), i+5)] {
			if got := set.has([]byte(probe)); got != want[probe] {
				t.Fatalf("after %d words: has(%q) = %v, want %v", i+1, probe, got, want[probe])
			}
		}
	}
	if set.big == nil {
		t.Error("200 words stayed on the stack")
	}
}
