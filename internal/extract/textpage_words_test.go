package extract

import (
	"strings"
	"testing"

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
