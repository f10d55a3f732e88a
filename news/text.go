package news

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

// TokenKind classifies a token by its characters.
type TokenKind string

// Token kinds.
const (
	Word   TokenKind = "word"   // letters, with inner hyphens, apostrophes and abbreviation dots
	Number TokenKind = "number" // digits, with inner separators: 1,000 3.5 09.06.2017 16:48
	Punct  TokenKind = "punct"  // one punctuation mark, or an ellipsis
	Symbol TokenKind = "symbol" // anything else: currency, emoji, math
)

// A Token is one word, number or mark of Text. Tokens never overlap and are
// in text order; whitespace belongs to no token. English clitics are words
// of their own, as in the Penn Treebank: "coalition's" is "coalition" +
// "'s", "don't" is "do" + "n't".
type Token struct {
	Span Span      `json:"span"`
	Kind TokenKind `json:"kind"`
}
