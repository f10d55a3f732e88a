package quote

import (
	"strings"
	"testing"
	"time"

	"sitrep/news"
)

func TestBadInput(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		quotes int    // top-level statements expected
		diag   string // diagnostic code expected, "" for none
	}{
		{"whole article in quotes, never closed",
			"\"The army entered the town at dawn and the fighting lasted all day.\n\nThe ministry said the town had been taken.\n\nResidents said they had fled.",
			3, "quote-unclosed"},
		{"nested three deep",
			"«He told us „they said “leave now” and we left“ that night», said Ahmed Saleh.",
			1, ""},
		{"inch marks",
			"Police found a 12\" pipe bomb and a 6\" shell under the bridge.",
			0, ""},
		{"stray closing mark",
			"The convoy” reached the city on Monday.",
			0, "quote-unmatched-close"},
		{"unbalanced straight marks",
			"\"We will stay,\" said Ana Costa. \"The army must go.\n\nThe ministry said the talks had failed.",
			3, "quote-unclosed"},
	}
	st := New(Config{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &news.Article{Text: tc.text}
			if err := st.Apply(a); err != nil {
				t.Fatal(err)
			}
			if len(a.Quotes) != tc.quotes {
				for _, q := range a.Quotes {
					t.Logf("%v %q", q.Direct, a.Covered(q.Content))
				}
				t.Errorf("%d statements, want %d", len(a.Quotes), tc.quotes)
			}
			if tc.diag != "" && !hasDiag(a, tc.diag) {
				t.Errorf("no %s diagnostic; have %v", tc.diag, a.Diagnostics)
			}
			for _, d := range a.Diagnostics {
				if err := news.CheckSpan(a.Text, d.Span); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// TestLinearTime runs the stage on a megabyte of adversarial text: marks,
// cues and pronouns everywhere, one paragraph. It must finish in time that
// grows with the text, not its square; the limit is loose for loaded
// machines.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	unit := `"He said, according to him, that "it" was "a 12" gun," he told them. He said he said. `
	for _, n := range []int{1 << 10, 1 << 13} {
		a := &news.Article{Text: strings.Repeat(unit, n)}
		start := time.Now()
		if err := New(Config{}).Apply(a); err != nil {
			t.Fatal(err)
		}
		d := time.Since(start)
		t.Logf("%d bytes: %v, %d statements", len(a.Text), d, len(a.Quotes))
		if d > 20*time.Second {
			t.Fatalf("%d bytes took %v", len(a.Text), d)
		}
	}
}
