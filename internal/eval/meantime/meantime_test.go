package meantime

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const sample = `<Document doc_id="42" doc_name="x">
<token t_id="1" sentence="0" number="0">Airbus</token>
<token t_id="2" sentence="1" number="1">On</token>
<token t_id="3" sentence="1" number="2">Monday</token>
<Markables>
<ENTITY_MENTION m_id="10" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<TIMEX3 m_id="11" type="DATE" value="2007-03-05" functionInDocument="NONE"><token_anchor t_id="3"/></TIMEX3>
<TIMEX3 m_id="12" type="DATE" value="2007-03-06" functionInDocument="CREATION_TIME"/>
<ENTITY m_id="13" ent_type="ORG" instance_id="Airbus"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="10"/><target m_id="13"/></REFERS_TO>
</Relations>
</Document>`

func TestParse(t *testing.T) {
	d, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	want := &Doc{
		ID:       "42",
		Tokens:   []Token{{"1", 0, "Airbus"}, {"2", 1, "On"}, {"3", 1, "Monday"}},
		Timex:    []Timex{{Type: "DATE", Value: "2007-03-05", Function: "NONE", Anchors: []string{"3"}}, {Type: "DATE", Value: "2007-03-06", Function: "CREATION_TIME"}},
		Mentions: []Mention{{ID: "10", Syntax: "NAM", Anchors: []string{"1"}}},
		Entities: []Entity{{ID: "13", Type: "ORG", Instance: "Airbus"}},
		RefersTo: []Relation{{Sources: []string{"10"}, Target: "13"}},
	}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
}

func TestBadInput(t *testing.T) {
	for _, in := range []string{"", "<Document doc_id=\"1\"></Document>", "<Document><token"} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("Parse(%q): no error", in)
		}
	}
	dir := t.TempDir()
	if _, err := ReadDir(dir); err == nil {
		t.Error("ReadDir of an empty folder: no error")
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.xml"), []byte("<Document><token"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadDir(dir); err == nil || !strings.Contains(err.Error(), "bad.xml") {
		t.Fatalf("ReadDir with a malformed file: %v", err)
	}
}

func TestCorpus(t *testing.T) {
	docs, err := ReadDir("../../../../shared/eval/meantime")
	if err != nil {
		t.Skip("MEANTIME not present:", err)
	}
	if len(docs) != 120 {
		t.Errorf("%d documents, want 120", len(docs))
	}
	for i := 1; i < len(docs); i++ {
		if docs[i-1].ID >= docs[i].ID {
			t.Fatalf("not sorted by ID at %d", i)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = Parse(b)
	})
}
