package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sitrep runs the command in-process and returns its exit status and output.
func sitrep(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

const example = "../../testdata/examples/sputnik-2017-06-09-coalition-al-tanf.txt"

func TestAnalyzeExampleJSON(t *testing.T) {
	code, out, errOut := sitrep(t, "", "analyze", "--format", "json", example)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	var a struct {
		ID        string `json:"id"`
		Text      string `json:"text"`
		Sentences []struct {
			Span struct {
				Start, End int
				Text       string
			} `json:"span"`
		} `json:"sentences"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	if len(a.ID) != 32 {
		t.Errorf("id = %q, want 32 hex digits", a.ID)
	}
	if len(a.Sentences) == 0 {
		t.Fatal("no sentences")
	}
	for _, s := range a.Sentences {
		if got := a.Text[s.Span.Start:s.Span.End]; got != s.Span.Text {
			t.Errorf("span [%d,%d) text %q, covers %q", s.Span.Start, s.Span.End, s.Span.Text, got)
		}
	}
}

func TestAnalyzeJSONLRoundTrip(t *testing.T) {
	in := `{"id":"a1","url":"https://example.org/a1","published":"2017-06-09T16:48","text":"Troops entered the town. Residents fled."}` + "\n" +
		`{"id":"a2","text":"A second article."}` + "\n"
	code, out, errOut := sitrep(t, in, "analyze", "--format", "jsonl", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2:\n%s", len(lines), out)
	}
	// Our own output reads back as input and analyses to the same text.
	code, again, errOut := sitrep(t, out, "analyze", "--format", "jsonl", "-")
	if code != exitOK {
		t.Fatalf("re-reading own output: exit %d: %s", code, errOut)
	}
	var first, second map[string]any
	json.Unmarshal([]byte(lines[0]), &first)
	json.Unmarshal([]byte(strings.Split(again, "\n")[0]), &second)
	if first["text"] != second["text"] {
		t.Errorf("text changed on round trip: %q → %q", first["text"], second["text"])
	}
	meta, _ := first["meta"].(map[string]any)
	pub, _ := meta["published"].(map[string]any)
	if pub["value"] != "2017-06-09T16:48" || meta["url"] != "https://example.org/a1" {
		t.Errorf("meta not carried from input: %v", meta)
	}
}

// TestBadInput: each bad input is named with its problem on stderr, the
// good input is still analysed, and the exit status says something failed.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(bytes.Repeat([]byte("Some article text that compresses. "), 2000))
	zw.Close()
	truncated := gz.Bytes()[:gz.Len()/2]

	good := write("good.txt", []byte("Troops entered the town on Monday. Residents fled.\n"))
	cases := []struct {
		name, path, want string
	}{
		{"empty", write("empty.txt", nil), "empty input"},
		{"binary", write("binary.bin", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00")), "binary"},
		{"truncated gzip", write("cut.txt.gz", truncated), "truncated"},
		{"missing", filepath.Join(dir, "no-such-file.txt"), "no such file"},
		{"too large", sparse(t, filepath.Join(dir, "huge.txt"), 2<<30), "too large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := sitrep(t, "", "analyze", "--format", "jsonl", c.path, good)
			if code != exitFailed {
				t.Errorf("exit %d, want %d", code, exitFailed)
			}
			if !strings.Contains(errOut, filepath.Base(c.path)) || !strings.Contains(errOut, c.want) {
				t.Errorf("stderr does not name %s and %q:\n%s", filepath.Base(c.path), c.want, errOut)
			}
			if !strings.Contains(out, "Residents fled.") {
				t.Errorf("the good input was not analysed; stdout:\n%s", out)
			}
		})
	}
}

func TestNonUTF8Input(t *testing.T) {
	dir := t.TempDir()
	// "Война и мир" in Windows-1251, and "café crème" in Latin-1.
	cyr := filepath.Join(dir, "cp1251.txt")
	os.WriteFile(cyr, bytes.Repeat([]byte("\xc2\xee\xe9\xed\xe0 \xe8 \xec\xe8\xf0 \x97 \xf0\xee\xec\xe0\xed \xcb\xfc\xe2\xe0 \xd2\xee\xeb\xf1\xf2\xee\xe3\xee, \xee\xef\xf3\xe1\xeb\xe8\xea\xee\xe2\xe0\xed\xed\xfb\xe9 \xe2 1869 \xe3\xee\xe4\xf3.\n\n"), 3), 0o644)
	lat := filepath.Join(dir, "latin1.txt")
	os.WriteFile(lat, bytes.Repeat([]byte("Le gar\xe7on apporta un caf\xe9 cr\xe8me et un croissant, puis il repartit vers la cuisine du restaurant.\n\n"), 3), 0o644)
	code, out, errOut := sitrep(t, "", "analyze", "--format", "jsonl", cyr, lat)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Война и мир", "café crème", "garçon", "windows-1251", "windows-1252"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"nope"}, {"analyze"}, {"analyze", "--format", "xml", example}, {"eval", "no-such-task"}} {
		if code, _, _ := sitrep(t, "", args...); code != exitUsage {
			t.Errorf("sitrep %v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// sparse makes a file of size bytes that takes no disk space.
func sparse(t *testing.T, path string, size int64) string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Skipf("cannot make a sparse file: %v", err)
	}
	return path
}
