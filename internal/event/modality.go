package event

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/modality.tsv
var modalityTSV string

type modal struct {
	words []string
	how   string
	scope string
}

func parseModality(src string) (map[string][]modal, error) {
	m := map[string][]modal{}
	for n, line := range strings.Split(src, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("modality.tsv:%d: %d fields, want 3", n+1, len(f))
		}
		switch f[2] {
		case "aux", "to", "ing", "adj", "clause":
		default:
			return nil, fmt.Errorf("modality.tsv:%d: unknown scope %q", n+1, f[2])
		}
		words := strings.Fields(f[0])
		if len(words) == 0 {
			return nil, fmt.Errorf("modality.tsv:%d: no words", n+1)
		}
		md := modal{words: words, how: f[1], scope: f[2]}
		if md.scope == "to" || md.scope == "ing" {
			// Verbs inflect: "plans to", "planned to", "avoiding".
			for _, s := range inflect(f[0], true) {
				mm := md
				mm.words = strings.Fields(s.s)
				m[mm.words[0]] = append(m[mm.words[0]], mm)
			}
			continue
		}
		m[words[0]] = append(m[words[0]], md)
	}
	return m, nil
}
