// Package meantime reads the MEANTIME corpus (NewsReader's annotated
// Wikinews articles, CAT XML) for the scorers of sitrep eval: the tokens
// with their sentence numbers, the time expressions, the entity mentions
// and the entities they refer to. It parses; each scorer rebuilds the text
// from the tokens in the layout its task needs.
//
// Invariants: ReadDir returns at least one document, sorted by ID; every
// anchor is a token ID as the file gives it (a scorer checks it exists).
package meantime

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Doc is one annotated article.
type Doc struct {
	ID       string
	Tokens   []Token
	Timex    []Timex
	Mentions []Mention
	Entities []Entity
	RefersTo []Relation // mentions → the entity they refer to
}

// Token is one token of the corpus's own tokenisation.
type Token struct {
	ID       string
	Sentence int // 0-based sentence number; sentence 0 is the headline
	Text     string
}

// Timex is a TIMEX3 markable. Anchors is empty for a time of no text (the
// creation time).
type Timex struct {
	Type, Value string
	Function    string // functionInDocument: CREATION_TIME or NONE
	Anchors     []string
}

// Mention is an ENTITY_MENTION markable.
type Mention struct {
	ID      string
	Syntax  string // syntactic_type: NAM, NOM, PRO…
	Anchors []string
}

// Entity is an ENTITY markable: the thing mentions refer to.
type Entity struct {
	ID, Type, Instance string
}

// Relation is a REFERS_TO relation from mentions to one entity.
type Relation struct {
	Sources []string
	Target  string
}

type xmlDoc struct {
	ID     string `xml:"doc_id,attr"`
	Tokens []struct {
		ID   string `xml:"t_id,attr"`
		Sent int    `xml:"sentence,attr"`
		Text string `xml:",chardata"`
	} `xml:"token"`
	Marks struct {
		Timex []struct {
			Type    string   `xml:"type,attr"`
			Value   string   `xml:"value,attr"`
			Func    string   `xml:"functionInDocument,attr"`
			Anchors []anchor `xml:"token_anchor"`
		} `xml:"TIMEX3"`
		Mentions []struct {
			ID      string   `xml:"m_id,attr"`
			Syntax  string   `xml:"syntactic_type,attr"`
			Anchors []anchor `xml:"token_anchor"`
		} `xml:"ENTITY_MENTION"`
		Entities []struct {
			ID       string `xml:"m_id,attr"`
			Type     string `xml:"ent_type,attr"`
			Instance string `xml:"instance_id,attr"`
		} `xml:"ENTITY"`
	} `xml:"Markables"`
	Rels struct {
		RefersTo []struct {
			Sources []struct {
				M string `xml:"m_id,attr"`
			} `xml:"source"`
			Target struct {
				M string `xml:"m_id,attr"`
			} `xml:"target"`
		} `xml:"REFERS_TO"`
	} `xml:"Relations"`
}

type anchor struct {
	T string `xml:"t_id,attr"`
}

func ids(as []anchor) []string {
	if len(as) == 0 {
		return nil
	}
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.T
	}
	return out
}

// Parse reads one CAT XML document. A document with no tokens is an error.
func Parse(b []byte) (*Doc, error) {
	var x xmlDoc
	if err := xml.Unmarshal(b, &x); err != nil {
		return nil, err
	}
	if len(x.Tokens) == 0 {
		return nil, fmt.Errorf("document %q has no tokens", x.ID)
	}
	d := &Doc{ID: x.ID, Tokens: make([]Token, len(x.Tokens))}
	for i, t := range x.Tokens {
		d.Tokens[i] = Token{ID: t.ID, Sentence: t.Sent, Text: t.Text}
	}
	for _, t := range x.Marks.Timex {
		d.Timex = append(d.Timex, Timex{Type: t.Type, Value: t.Value, Function: t.Func, Anchors: ids(t.Anchors)})
	}
	for _, m := range x.Marks.Mentions {
		d.Mentions = append(d.Mentions, Mention{ID: m.ID, Syntax: m.Syntax, Anchors: ids(m.Anchors)})
	}
	for _, e := range x.Marks.Entities {
		d.Entities = append(d.Entities, Entity{ID: e.ID, Type: e.Type, Instance: e.Instance})
	}
	for _, r := range x.Rels.RefersTo {
		rel := Relation{Target: r.Target.M}
		for _, s := range r.Sources {
			rel.Sources = append(rel.Sources, s.M)
		}
		d.RefersTo = append(d.RefersTo, rel)
	}
	return d, nil
}

// ReadDir reads every .xml document under dir/intra_cross-doc_annotation
// (or under dir itself when that folder is absent), sorted by ID. An
// unreadable or malformed file is an error naming the file.
func ReadDir(dir string) ([]*Doc, error) {
	root := filepath.Join(dir, "intra_cross-doc_annotation")
	if _, err := os.Stat(root); err != nil {
		root = dir
	}
	var docs []*Doc
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() || !strings.HasSuffix(path, ".xml") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		d, err := Parse(b)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no MEANTIME documents under %s", root)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	return docs, nil
}
