package news

import (
	"encoding/json"
	"testing"
)

// TestTokenKindJSON checks that a token kind is its name in JSON, both
// ways, and that an unknown name is an error.
func TestTokenKindJSON(t *testing.T) {
	for _, k := range []TokenKind{0, Word, Number, Punct, Symbol} {
		b, err := json.Marshal(Token{Span: Span{Start: 1, End: 2}, Kind: k})
		if err != nil {
			t.Fatal(err)
		}
		want := `{"span":{"start":1,"end":2},"kind":"` + k.String() + `"}`
		if string(b) != want {
			t.Errorf("Marshal(%v) = %s, want %s", k, b, want)
		}
		var got Token
		if err := json.Unmarshal(b, &got); err != nil || got.Kind != k {
			t.Errorf("Unmarshal(%s) = %v, %v; want kind %v", b, got.Kind, err, k)
		}
	}
	if Word.String() != "word" || TokenKind(99).String() != "" {
		t.Errorf("String: %q %q", Word, TokenKind(99))
	}
	var tk Token
	if err := json.Unmarshal([]byte(`{"kind":"verb"}`), &tk); err == nil {
		t.Error("an unknown kind was read without error")
	}
}
