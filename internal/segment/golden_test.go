package segment

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"sitrep/news"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestGolden segments each testdata/*.txt (and the example page when
// ../shared is there) and compares the result, one sentence a line with
// its paragraph number and tokens, to the .golden file beside it. Run
// `go test ./internal/segment -run Golden -update` and review the diff
// after a deliberate change.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	golden := map[string]string{}
	for _, in := range inputs {
		golden[in] = strings.TrimSuffix(in, ".txt") + ".golden"
	}
	if _, err := os.Stat(examplePage); err == nil {
		golden[examplePage] = "testdata/example-page.golden"
	}
	seg := New(Config{})
	for in, out := range golden {
		t.Run(filepath.Base(in), func(t *testing.T) {
			b, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := standoff(seg, string(b))
			if *update {
				if err := os.WriteFile(out, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s differs from %s (-want +got):\n%s", in, out, diff)
			}
		})
	}
}

// standoff writes the layers readably: a line per sentence with its
// paragraph, byte span and text, then its tokens separated by " | " with
// the kinds other than word marked.
func standoff(seg *Stage, text string) string {
	paras, sents, toks := seg.Segment(text)
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d paragraphs, %d sentences, %d tokens\n", len(paras), len(sents), len(toks))
	for _, s := range sents {
		fmt.Fprintf(&sb, "\np%d %v %q\n ", s.Paragraph, s.Span, text[s.Span.Start:s.Span.End])
		for k := s.First; k < s.End; k++ {
			tk := toks[k]
			sb.WriteString(" ")
			sb.WriteString(text[tk.Span.Start:tk.Span.End])
			if tk.Kind != news.Word {
				sb.WriteString("/" + tk.Kind.String())
			}
			if k+1 < s.End {
				sb.WriteString(" |")
			}
		}
		sb.WriteString("\n")
	}
	return sb.String()
}
