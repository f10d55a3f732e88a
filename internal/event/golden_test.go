package event

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"sitrep/news"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/articles")

// TestGolden codes the short articles of testdata/articles (written for
// these tests; layers hand-set with inline markup) and compares the events
// with NAME.golden. Run `go test ./internal/event -update` to rewrite
// them, then review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/articles/*.marked")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Fatalf("%d golden articles, want at least 10", len(files))
	}
	st := New(Config{})
	seen := map[string]bool{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".marked")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a := marked(t, string(b))
			if err := st.Apply(a); err != nil {
				t.Fatal(err)
			}
			checkEvents(t, a)
			for _, e := range a.Events {
				seen[e.Type] = true
				if e.Intended != "" {
					seen[e.Intended] = true
				}
			}
			got := render(a)
			golden := strings.TrimSuffix(f, ".marked") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("events of %s differ from %s (-want +got):\n%s", name, golden, diff)
			}
		})
	}
	for _, typ := range Types {
		if !seen[typ] {
			t.Errorf("no golden article codes a %s event", typ)
		}
	}
}

// checkEvents checks the invariants of the event layer: spans inside the
// text on UTF-8 boundaries, the trigger inside its evidence, indexes in
// range, and a known type with its codes.
func checkEvents(t testing.TB, a *news.Article) {
	t.Helper()
	if err := news.Validate(a); err != nil {
		t.Error(err)
	}
	for i, e := range a.Events {
		for _, sp := range []news.Span{e.Trigger, e.Evidence, e.SourceArg.Span, e.TargetArg.Span, e.Assert.Cue} {
			if err := news.CheckSpan(a.Text, sp); err != nil {
				t.Errorf("event %d: %v", i, err)
			}
		}
		for _, c := range e.Casualties {
			if err := news.CheckSpan(a.Text, c.Count.Span); err != nil {
				t.Errorf("event %d toll: %v", i, err)
			}
		}
		if !e.Evidence.Contains(e.Trigger) {
			t.Errorf("event %d: trigger %v outside evidence %v", i, e.Trigger, e.Evidence)
		}
		if e.Content < -1 || e.Content >= len(a.Events) {
			t.Errorf("event %d: content %d out of range", i, e.Content)
		}
		if e.CAMEO == "" || e.QuadClass == 0 {
			t.Errorf("event %d: %s has no CAMEO code", i, e.Type)
		}
		if e.Confidence <= 0 || e.Confidence > 1 {
			t.Errorf("event %d: confidence %v", i, e.Confidence)
		}
	}
}
