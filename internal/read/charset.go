package read

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// ToUTF8 returns data as UTF-8. Valid UTF-8 (a BOM dropped) comes back as it
// is with enc "". Otherwise it guesses between Windows-1251 (Cyrillic) and
// Windows-1252 (Latin-1 and its superset) from the high bytes and names the
// encoding it used.
func ToUTF8(data []byte) (text []byte, enc string) {
	if len(data) >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf {
		data = data[3:]
	}
	if utf8.Valid(data) {
		return data, ""
	}
	cm, name := guessSingleByte(data)
	out, err := cm.NewDecoder().Bytes(data)
	if err != nil {
		// Single-byte decoders map every byte; keep the input safe anyway.
		return []byte(string([]rune(string(data)))), "utf-8 with invalid bytes replaced"
	}
	return out, name
}

// guessSingleByte scores the high bytes: Cyrillic text in Windows-1251 is
// mostly bytes 0xC0–0xFF in runs (whole words), while Latin-1 text has
// isolated accented letters among ASCII.
func guessSingleByte(data []byte) (*charmap.Charmap, string) {
	high, runs := 0, 0
	prevHigh := false
	for _, c := range data {
		h := c >= 0xC0
		if h {
			high++
			if prevHigh {
				runs++
			}
		}
		prevHigh = h
	}
	if high > 0 && runs*2 >= high {
		return charmap.Windows1251, "windows-1251"
	}
	return charmap.Windows1252, "windows-1252"
}
