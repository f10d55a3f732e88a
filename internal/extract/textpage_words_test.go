package extract

import (
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
