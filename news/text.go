package news

import "fmt"

// A Sentence is one sentence of Text. Tokens is the index range
// [First, End) of its tokens in Article.Tokens; Paragraph indexes
// Article.Paragraphs. A sentence never crosses a paragraph, its span runs
// from its first token's start to its last token's end, and the sentences
// of an article cover every token once, in order.
type Sentence struct {
	Span      Span `json:"span"`
	Paragraph int  `json:"paragraph"`
	First     int  `json:"first_token"`
	End       int  `json:"end_token"`
}

// TokenKind classifies a token by its characters. It is one byte, so a
// token slice holds no pointers; in JSON and text it is its name ("word"),
// and the zero value, a kind not set, is "".
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota + 1 // letters, with inner hyphens, apostrophes and abbreviation dots
	Number                      // digits, with inner separators: 1,000 3.5 09.06.2017 16:48
	Punct                       // one punctuation mark, or an ellipsis
	Symbol                      // anything else: currency, emoji, math
)

var tokenKindNames = [...]string{"", "word", "number", "punct", "symbol"}

// String gives the kind's name: "word", "number", "punct", "symbol", or ""
// for the zero value and any unknown kind.
func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) {
		return tokenKindNames[k]
	}
	return ""
}

// MarshalText writes the kind's name.
func (k TokenKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind's name; "" is the zero kind, and any other
// name is an error.
func (k *TokenKind) UnmarshalText(b []byte) error {
	for i, n := range tokenKindNames {
		if string(b) == n {
			*k = TokenKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown token kind %q", b)
}

// A Token is one word, number or mark of Text. Tokens never overlap and are
// in text order; whitespace belongs to no token. English clitics are words
// of their own, as in the Penn Treebank: "coalition's" is "coalition" +
// "'s", "don't" is "do" + "n't".
type Token struct {
	Span Span      `json:"span"`
	Kind TokenKind `json:"kind"`
}
