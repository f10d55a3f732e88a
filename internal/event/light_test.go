package event

import "testing"

// TestLightEntry: a light verb whose own reading was not chosen (its
// chosen entry is nil) still gives its light reading; the event stage once
// dereferenced the nil choice there and panicked on real pages.
func TestLightEntry(t *testing.T) {
	light := &entry{words: []string{"carried", "out"}, verb: true, kind: kindLight, form: 2}
	noun := &entry{words: []string{"strike"}, kind: "ASSAULT"}
	for _, c := range []struct {
		name string
		cand cand
		want *entry
	}{
		{"light, nothing chosen", cand{entries: []*entry{light}}, light},
		{"light, chosen as verb", cand{entries: []*entry{light}, chosen: light}, light},
		{"chosen as a noun", cand{entries: []*entry{light, noun}, chosen: noun}, nil},
		{"no light reading", cand{entries: []*entry{noun}}, nil},
	} {
		if got := lightEntry(&c.cand); got != c.want {
			t.Errorf("%s: lightEntry = %v, want %v", c.name, got, c.want)
		}
		if isLight(&c.cand) != (c.want != nil) {
			t.Errorf("%s: isLight disagrees with lightEntry", c.name)
		}
	}
}
