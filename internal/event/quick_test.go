package event

import "testing"

func TestQuick(t *testing.T) {
	a := marked(t, "published: 2017-06-09\noutlet: Test\n\n⟦The Russian Defense Ministry|A:RUS/military⟧ accused ⟦the US-led coalition|A:USA/military⟧ of bombing ⟦the Syrian army|A:SYR/military⟧ in ⟦Palmyra|P:SY:point⟧.\n\n⟦On June 8|T:2017-06-08⟧, ⟦the US-led coalition|A:USA/military⟧ bombed ⟦pro-Damascus forces|A:SYR/military⟧ near ⟦al-Tanf|P:SY:point⟧. ⟦A Syrian source|A:SYR/person⟧ told Sputnik that at least two ⟦Syrian servicemen|A:SYR/military⟧ were killed and more than 15 injured as a result of the ⟦coalition|A:USA/military⟧ attack.")
	if err := New(Config{}).Apply(a); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + render(a))
}
