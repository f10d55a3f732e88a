package eval

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestPRF(t *testing.T) {
	s := PRF(8, 2, 8, 16)
	if s.Precision != 0.8 || s.Recall != 0.5 || s.N != 16 {
		t.Errorf("PRF(8,2,8) = %+v", s)
	}
	if want := 2 * 0.8 * 0.5 / 1.3; s.F1 != want {
		t.Errorf("F1 = %v, want %v", s.F1, want)
	}
	if z := PRF(0, 0, 0, 0); z.F1 != 0 || z.Precision != 0 {
		t.Errorf("PRF of nothing = %+v", z)
	}
}

func TestReportOutputs(t *testing.T) {
	r := &Report{Task: "times", Data: "meantime", Score: PRF(9, 1, 1, 10),
		Subsets:   map[string]Score{"held_out": PRF(3, 1, 0, 3)},
		Baselines: map[string]Score{"keep-everything": PRF(1, 1, 1, 2)},
		Metrics:   map[string]float64{"value_accuracy": 0.9}}
	var js bytes.Buffer
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(js.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"task", "precision", "recall", "f1", "n", "subsets", "baselines", "metrics"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks key %q: %s", k, js.String())
		}
	}
	var tb bytes.Buffer
	if err := r.WriteTable(&tb); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"held_out", "keep-everything", "value_accuracy: 0.900", "0.900"} {
		if !strings.Contains(tb.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, tb.String())
		}
	}
}
