package timex

import (
	"context"
	"flag"
	"io"
	"os"
	"strings"
	"testing"
)

const meantimeDir = "../../../shared/eval/meantime"

var mismatches = flag.String("mismatches", "", "write every scoring error on MEANTIME to this file")

func TestMeantime(t *testing.T) {
	if _, err := os.Stat(meantimeDir); err != nil {
		t.Skipf("MEANTIME not found at %s: %v", meantimeDir, err)
	}
	var w io.Writer
	if *mismatches != "" {
		f, err := os.Create(*mismatches)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		w = f
	}
	r, err := scoreTo(context.Background(), meantimeDir, w)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	r.WriteTable(&b)
	t.Log("\n" + b.String())
	if r.N != 525-7 && r.N != 525 {
		t.Logf("gold count %d", r.N)
	}
}
