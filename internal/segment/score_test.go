package segment

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"sitrep/internal/eval/meantime"
)

const meantimeDir = "../../../shared/eval/meantime"

func TestRebuild(t *testing.T) {
	x := `<Document doc_id="7">
<token sentence="0" t_id="1">Title</token><token sentence="0" t_id="2">here</token>
<token sentence="1" t_id="3">March</token><token sentence="1" t_id="4">1</token>
<token sentence="2" t_id="5">He</token><token sentence="2" t_id="6">said</token><token sentence="2" t_id="7">&#96;&#96;</token><token sentence="2" t_id="8">no</token><token sentence="2" t_id="9">''</token><token sentence="2" t_id="10">.</token>
<token sentence="3" t_id="11">GM</token><token sentence="3" t_id="12">'s</token><token sentence="3" t_id="13">"</token><token sentence="3" t_id="14">cars</token><token sentence="3" t_id="15">"</token><token sentence="3" t_id="16">(</token><token sentence="3" t_id="17">$</token><token sentence="3" t_id="18">5</token><token sentence="3" t_id="19">)</token>
</Document>`
	m, err := meantime.Parse([]byte(x))
	if err != nil {
		t.Fatal(err)
	}
	d := rebuild(m)
	want := "Title here\n\nMarch 1\n\nHe said \"no\". GM's \"cars\" ($5)"
	if d.text != want {
		t.Errorf("text = %q, want %q", d.text, want)
	}
	if diff := cmp.Diff([]int{strings.Index(want, " GM")}, d.boundaries); diff != "" {
		t.Errorf("boundaries (-want +got):\n%s", diff)
	}
	if d.bodyStart != strings.Index(want, "He") || len(d.tokens) != 19 {
		t.Errorf("bodyStart %d, %d tokens", d.bodyStart, len(d.tokens))
	}
}

// TestScoreMeantime runs the scorer on the corpus and checks that it beats
// the baseline of splitting after every mark, on both subsets.
func TestScoreMeantime(t *testing.T) {
	if _, err := os.Stat(meantimeDir); err != nil {
		t.Skipf("MEANTIME not available: %v", err)
	}
	r, err := Scorer().Run(context.Background(), meantimeDir)
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		r.WriteTable(os.Stdout)
	}
	base := r.Baselines["split-every-mark"]
	if r.N < 1000 || r.F1 <= base.F1 || r.Subsets["held_out"].F1 < 0.9 {
		t.Errorf("F1 %.3f over %d boundaries (held out %.3f), baseline %.3f", r.F1, r.N, r.Subsets["held_out"].F1, base.F1)
	}
}
