package read

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

// ToUTF8 returns data as UTF-8. Valid UTF-8 (a BOM dropped) comes back as it
// is with enc "". Otherwise it guesses the encoding (a statistical detector
// for multi-byte encodings such as GB2312, Big5, Shift_JIS, EUC-KR; between
// Windows-1251 and Windows-1252 for single-byte text) and names the
// encoding it used.
func ToUTF8(data []byte) (text []byte, enc string) {
	if len(data) >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf {
		data = data[3:]
	}
	if utf8.Valid(data) {
		return data, ""
	}
	if e, name := detect(data); e != nil {
		if out, err := e.NewDecoder().Bytes(data); err == nil {
			return out, name
		}
	}
	cm, name := guessSingleByte(data)
	out, err := cm.NewDecoder().Bytes(data)
	if err != nil {
		// Single-byte decoders map every byte; keep the input safe anyway.
		return []byte(strings.ToValidUTF8(string(data), "\uFFFD")), "utf-8 with invalid bytes replaced"
	}
	return out, name
}

// HTMLToUTF8 returns an HTML page as UTF-8, honouring the encoding it
// declares: a byte-order mark, then contentType (an HTTP Content-Type
// header, "" when none), then a <meta charset> or <meta http-equiv> in the
// page. A page that declares nothing, or declares UTF-8 but is not, is
// sniffed as ToUTF8 does. enc names the encoding used when it was not
// UTF-8, and why.
func HTMLToUTF8(data []byte, contentType string) (text []byte, enc string) {
	if e, name, certain := charset.DetermineEncoding(data, contentType); certain {
		return decodeDeclared(data, e, name)
	}
	if e, name := metaCharset(data); e != nil {
		return decodeDeclared(data, e, name)
	}
	return ToUTF8(data)
}

func decodeDeclared(data []byte, e encoding.Encoding, name string) ([]byte, string) {
	if name == "utf-8" || e == encoding.Nop || validMultiByteUTF8(data) {
		// Text with multi-byte sequences that is valid UTF-8 is UTF-8,
		// whatever it declares: mislabelled pages are common in crawls,
		// and other encodings almost never form valid UTF-8 by chance.
		t, enc := ToUTF8(data)
		if enc != "" {
			enc += " (page declares utf-8 but is not)"
		}
		return t, enc
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		t, enc := ToUTF8(data)
		return t, enc + " (declared " + name + " does not decode)"
	}
	return out, name + " (declared)"
}

// validMultiByteUTF8 reports whether data is valid UTF-8 holding at least
// one multi-byte sequence.
func validMultiByteUTF8(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 {
			return utf8.Valid(data)
		}
	}
	return false
}

// metaScan is how far into a page metaCharset looks: further than the
// 1024 bytes of the HTML standard's prescan, since real pages put long
// scripts before their <meta>.
const metaScan = 32 << 10

// metaCharset finds charset=NAME in a <meta> tag of the page's head.
func metaCharset(data []byte) (encoding.Encoding, string) {
	head := data[:min(len(data), metaScan)]
	for off := 0; off < len(head); {
		i := indexFold(head[off:], "<meta")
		if i < 0 {
			return nil, ""
		}
		start := off + i
		end := bytes.IndexByte(head[start:], '>')
		if end < 0 {
			return nil, ""
		}
		tag := head[start : start+end]
		off = start + end
		j := indexFold(tag, "charset=")
		if j < 0 {
			continue
		}
		v := tag[j+len("charset="):]
		v = bytes.TrimLeft(v, `"' `)
		k := bytes.IndexAny(v, `"'; />`)
		if k >= 0 {
			v = v[:k]
		}
		if e, err := htmlindex.Get(string(v)); err == nil {
			name, _ := htmlindex.Name(e)
			return e, name
		}
	}
	return nil, ""
}

// indexFold is bytes.Index of an ASCII lower-case needle, ignoring case.
func indexFold(s []byte, needle string) int {
	n := len(needle)
	for i := 0; i+n <= len(s); i++ {
		if s[i]|0x20 != needle[0] {
			continue
		}
		ok := true
		for k := 1; k < n; k++ {
			c := s[i+k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != needle[k] {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// detectScan is how much of an input the statistical detector reads.
const detectScan = 64 << 10

// detect asks a statistical detector for a multi-byte or Cyrillic
// encoding; it returns nil unless the detector is confident.
func detect(data []byte) (encoding.Encoding, string) {
	r, err := chardet.NewTextDetector().DetectBest(data[:min(len(data), detectScan)])
	if err != nil || r.Confidence < 50 {
		return nil, ""
	}
	switch strings.ToLower(r.Charset) {
	case "gb-18030", "gb18030", "gb2312", "gbk", "big5", "shift_jis", "euc-jp", "euc-kr", "iso-2022-jp", "koi8-r", "windows-1251", "iso-8859-5":
	default:
		return nil, "" // single-byte Latin encodings are told apart below
	}
	name := r.Charset
	if strings.EqualFold(name, "GB-18030") {
		name = "gb18030"
	}
	e, err := htmlindex.Get(name)
	if err != nil {
		return nil, ""
	}
	canon, _ := htmlindex.Name(e)
	return e, canon
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
