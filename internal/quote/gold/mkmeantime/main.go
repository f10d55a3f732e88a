// mkmeantime rebuilds the plain texts of the MEANTIME (Wikinews) articles
// that the quote gold set annotates, from the corpus's token files.
//
//	go run ./internal/quote/gold/mkmeantime ../shared/eval/meantime DOCID... > internal/quote/gold/meantime.jsonl
//
// The corpus keeps tokens and sentences but no paragraphs and no original
// spacing, so the text is detokenised: the title, the date line and the body
// (one paragraph per blank-line-separated block: title, date, body), and
// the corpus's opening and closing quote tokens (two backquotes, two
// apostrophes) become curly quotation marks. Output: one JSON object a line,
// {"doc","source","text"}.
package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type token struct {
	Sentence int    `xml:"sentence,attr"`
	Text     string `xml:",chardata"`
}

type document struct {
	ID     string  `xml:"doc_id,attr"`
	URL    string  `xml:"url,attr"`
	Tokens []token `xml:"token"`
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: mkmeantime MEANTIME_DIR DOCID...")
		os.Exit(2)
	}
	dir := filepath.Join(os.Args[1], "intra_cross-doc_annotation")
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, id := range os.Args[2:] {
		files, _ := filepath.Glob(filepath.Join(dir, "*", id+"_*.xml"))
		if len(files) != 1 {
			fmt.Fprintf(os.Stderr, "mkmeantime: document %s: %d files\n", id, len(files))
			os.Exit(1)
		}
		b, err := os.ReadFile(files[0])
		if err != nil {
			fmt.Fprintln(os.Stderr, "mkmeantime:", err)
			os.Exit(1)
		}
		var d document
		if err := xml.Unmarshal(b, &d); err != nil {
			fmt.Fprintf(os.Stderr, "mkmeantime: %s: %v\n", files[0], err)
			os.Exit(1)
		}
		enc.Encode(map[string]string{"doc": "meantime-" + d.ID, "source": d.URL, "text": detok(d.Tokens)})
	}
}

func detok(toks []token) string {
	var b strings.Builder
	open := false // inside a straight double quote
	noSpace := true
	for i, t := range toks {
		w := t.Text
		if i > 0 && t.Sentence != toks[i-1].Sentence && t.Sentence <= 2 {
			b.WriteString("\n\n")
			noSpace = true
		}
		attach := false // no space before w
		switch w {
		case "``":
			w = "“"
		case "''":
			w, attach = "”", true
		case "\"":
			if open {
				w, attach = "”", true
			} else {
				w = "“"
			}
			open = !open
		case ",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "...":
			attach = true
		}
		if !noSpace && !attach {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		noSpace = w == "“" || w == "(" || w == "[" || w == "$" || w == "£" || w == "€"
	}
	return b.String()
}
