package progress

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestLine(t *testing.T) {
	tests := []struct {
		articles     int
		bytes, total int64
		elapsed      time.Duration
		want         string
	}{
		{0, 0, 0, 0, "0 articles  0.0 MB"},
		{1204, 38_200_000, 120_000_000, 3 * time.Second, "1,204 articles  38.2/120.0 MB  [======>             ]   31.8%  401 art/s  ETA 0:06"},
		{10, 5_000_000, 0, 2 * time.Second, "10 articles  5.0 MB  5 art/s"},
		{2_000_000, 120_000_000, 120_000_000, time.Hour, "2,000,000 articles  120.0/120.0 MB  [====================]  100.0%  556 art/s"},
		{5, 1, 100_000_000, 2 * time.Hour, "5 articles  0.0/100.0 MB  [>                   ]    0.0%  0 art/s  ETA >99h"},
	}
	for _, tc := range tests {
		if got := Line(tc.articles, tc.bytes, tc.total, tc.elapsed); got != tc.want {
			t.Errorf("Line(%d, %d, %d, %v) =\n%q, want\n%q", tc.articles, tc.bytes, tc.total, tc.elapsed, got, tc.want)
		}
	}
}

// fakeClock advances by step at every reading.
type fakeClock struct {
	t    time.Time
	step time.Duration
}

func (c *fakeClock) now() time.Time { c.t = c.t.Add(c.step); return c.t }

func TestBar(t *testing.T) {
	var out bytes.Buffer
	c := &fakeClock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), step: Interval}
	b := newAt(&out, true, 1000, c.now)
	b.Add(1, 500)
	b.Add(1, 500)
	b.Done()
	b.Done()
	got := out.String()
	if n := strings.Count(got, "\r"); n != 3 {
		t.Errorf("%d redraws in %q, want 3", n, got)
	}
	if !strings.HasSuffix(got, "\n") || strings.Count(got, "\n") != 1 {
		t.Errorf("output %q does not end with one newline", got)
	}
	if !strings.Contains(got, "2 articles  0.0/0.0 MB") {
		t.Errorf("final line missing in %q", got)
	}
}

func TestNotTerminal(t *testing.T) {
	var out bytes.Buffer
	b := New(&out, false, 100)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				b.Add(1, 10)
			}
		}()
	}
	wg.Wait()
	b.Done()
	if out.Len() != 0 {
		t.Errorf("wrote %q to a non-terminal", out.String())
	}
	var nilBar *Bar
	nilBar.Add(1, 1)
	nilBar.Done()
}

func TestThrottle(t *testing.T) {
	var out bytes.Buffer
	c := &fakeClock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), step: time.Millisecond}
	b := newAt(&out, true, 0, c.now)
	for range 1000 {
		b.Add(1, 1)
	}
	if n := strings.Count(out.String(), "\r"); n > 6 {
		t.Errorf("%d redraws in one simulated second, want at most 6", n)
	}
}

func TestPrintlnKeepsLinesApart(t *testing.T) {
	var buf bytes.Buffer
	at := time.Unix(0, 0)
	b := newAt(&buf, true, 100, func() time.Time { at = at.Add(time.Second); return at })
	b.Add(1, 10)
	b.Println(&buf, "sitrep: x.txt: empty input")
	b.Done()
	lines := strings.Split(buf.String(), "\n")
	if len(lines) < 2 || !strings.HasSuffix(lines[0], "sitrep: x.txt: empty input") {
		t.Errorf("the message does not stand on a line of its own:\n%q", buf.String())
	}
	var off bytes.Buffer
	New(&off, false, 0).Println(&off, "plain")
	if off.String() != "plain\n" {
		t.Errorf("bar off: wrote %q", off.String())
	}
}
