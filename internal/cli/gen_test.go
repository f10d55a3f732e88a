package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// places, actors and verbs of the generated articles.
var (
	genPlaces  = []string{"al-Tanf", "Raqqa", "Palmyra", "Deir ez-Zor", "Aleppo", "Idlib", "Mosul", "Kirkuk", "Sanaa", "Aden", "Tripoli", "Benghazi"}
	genActors  = []string{"The US-led coalition", "Syrian government forces", "Islamic State fighters", "Kurdish-led forces", "Turkish troops", "Houthi rebels", "Saudi-led coalition aircraft", "Libyan National Army forces"}
	genTargets = []string{"an army convoy", "rebel positions", "a checkpoint", "a fuel depot", "government troops", "militants"}
	genVerbs   = []string{"struck", "shelled", "attacked", "bombed", "ambushed"}
	genMonths  = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// genArticle writes the i-th generated article: a short wire story of a
// few sentences, distinct from every other.
func genArticle(i int) map[string]string {
	place := genPlaces[i%len(genPlaces)]
	actor := genActors[(i/3)%len(genActors)]
	target := genTargets[(i/7)%len(genTargets)]
	verb := genVerbs[(i/11)%len(genVerbs)]
	month := (i / 13) % 12
	day := 1 + i%28
	killed := i % 17
	text := fmt.Sprintf("%s %s %s near %s on %s %d, officials said. "+
		"At least %d people were killed and %d injured in the attack, a local monitor said in report number %d. "+
		"The %s government condemned the strike and called for an investigation.\n\n"+
		"Residents said the fighting had forced hundreds of families to leave their homes in recent weeks.",
		actor, verb, target, place, genMonths[month], day, killed, killed*2+1, i, []string{"Syrian", "Iraqi", "Yemeni", "Libyan"}[i%4])
	return map[string]string{
		"url":       fmt.Sprintf("https://wire.example/%d/story-%d", 2017+i%3, i),
		"published": fmt.Sprintf("%d-%02d-%02dT12:00", 2017+i%3, month+1, day),
		"title":     fmt.Sprintf("%s %s %s near %s", actor, verb, target, place),
		"text":      text,
	}
}

// writeGenerated writes n generated articles as JSON Lines to path and
// returns its size.
func writeGenerated(t testing.TB, path string, n int) int64 {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := range n {
		if err := enc.Encode(genArticle(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat(path)
	return st.Size()
}
