package gazetteer

import (
	_ "embed"
	"strings"
)

//go:embed adminterms.txt
var adminTermsData string

var adminTerms = func() map[string]bool {
	m := make(map[string]bool)
	for line := range strings.SplitSeq(adminTermsData, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && line[0] != '#' {
			m[line] = true
		}
	}
	return m
}()

// IsAdminTerm reports whether a word (any case) names a kind of
// administrative region: province, governorate, oblast…
func IsAdminTerm(word string) bool {
	if len(word) > 20 {
		return false
	}
	return adminTerms[strings.ToLower(word)]
}

// StripAdminTerms removes leading and trailing administrative terms and
// connecting "of"/"de" from a region's name: "Damascus Governorate" →
// "Damascus", "Province of Quebec" → "Quebec". It returns "" when nothing
// else is left.
func StripAdminTerms(name string) string {
	words := strings.Fields(name)
	for len(words) > 0 && IsAdminTerm(words[0]) {
		words = words[1:]
		for len(words) > 0 && isLink(words[0]) {
			words = words[1:]
		}
	}
	for len(words) > 0 && IsAdminTerm(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

func isLink(w string) bool {
	switch strings.ToLower(w) {
	case "of", "de", "del", "di", "du", "des", "la":
		return true
	}
	return false
}
