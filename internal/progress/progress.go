// Package progress draws one progress line on a terminal while articles
// are analysed: articles done, megabytes read, articles per second and,
// when the total size is known, a bar and the time left.
//
//	1,204 articles  38.2/120.0 MB  [=======>            ]  31.8%  412 art/s  ETA 0:03
//
// When the output is not a terminal, a Bar writes nothing at all, so logs
// and pipes stay clean. The line is redrawn in place (carriage return) at
// most every Interval; Done draws it a last time and ends it with a
// newline. A Bar is safe for concurrent use.
package progress

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Interval is the shortest time between two redraws.
const Interval = 200 * time.Millisecond

// barWidth is the width of the bar between its brackets.
const barWidth = 20

// A Bar counts articles and bytes and shows them on a terminal.
type Bar struct {
	w     io.Writer
	on    bool
	total int64
	now   func() time.Time

	mu       sync.Mutex
	start    time.Time
	last     time.Time
	articles int
	bytes    int64
	width    int // of the last line drawn, to blank it out
	done     bool
}

// New returns a Bar that writes to w when isTerminal is true and writes
// nothing otherwise. totalBytes is the size of all the input when known
// (for the bar and the time left), 0 or less when not.
func New(w io.Writer, isTerminal bool, totalBytes int64) *Bar {
	return newAt(w, isTerminal, totalBytes, time.Now)
}

func newAt(w io.Writer, on bool, total int64, now func() time.Time) *Bar {
	t := now()
	return &Bar{w: w, on: on && w != nil, total: total, now: now, start: t}
}

// Add counts articles done and bytes of input read, and redraws the line
// if Interval has passed since the last redraw.
func (b *Bar) Add(articles int, bytes int64) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.articles += articles
	b.bytes += bytes
	if !b.on || b.done {
		return
	}
	t := b.now()
	if t.Sub(b.last) < Interval {
		return
	}
	b.last = t
	b.draw(t)
}

// Done draws the final line and ends it. Later calls do nothing.
func (b *Bar) Done() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.on || b.done {
		return
	}
	b.done = true
	b.draw(b.now())
	fmt.Fprintln(b.w)
}

func (b *Bar) draw(t time.Time) {
	line := Line(b.articles, b.bytes, b.total, t.Sub(b.start))
	pad := ""
	if n := b.width - len(line); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	b.width = len(line)
	fmt.Fprintf(b.w, "\r%s%s", line, pad)
}

// Line formats one progress line: articles done, megabytes read (of the
// total when known), a bar and the share done, articles per second, and
// the time left estimated from the bytes read so far.
func Line(articles int, bytes, total int64, elapsed time.Duration) string {
	var s strings.Builder
	fmt.Fprintf(&s, "%s articles  ", thousands(articles))
	mb := float64(bytes) / 1e6
	if total > 0 {
		frac := min(float64(bytes)/float64(total), 1)
		fill := int(frac * barWidth)
		arrow := ""
		if fill < barWidth {
			arrow = ">"
		}
		fmt.Fprintf(&s, "%.1f/%.1f MB  [%s%s%s]  %5.1f%%", mb, float64(total)/1e6,
			strings.Repeat("=", fill), arrow, strings.Repeat(" ", max(barWidth-fill-len(arrow), 0)), 100*frac)
	} else {
		fmt.Fprintf(&s, "%.1f MB", mb)
	}
	secs := elapsed.Seconds()
	if secs > 0 {
		fmt.Fprintf(&s, "  %.0f art/s", float64(articles)/secs)
	}
	if total > 0 && bytes > 0 && bytes < total && secs > 0 {
		fmt.Fprintf(&s, "  ETA %s", clock(float64(total-bytes)/(float64(bytes)/secs)))
	}
	return s.String()
}

// clock formats seconds as h:mm:ss or m:ss; ">99h" past 99 hours.
func clock(secs float64) string {
	if secs >= 99*3600 || secs != secs {
		return ">99h"
	}
	sec := int(secs + 0.5)
	h, m, s := sec/3600, sec/60%60, sec%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", m, s)
}

// thousands formats n with commas between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// Println writes a line of text to the Bar's writer (w when the bar is off)
// so that it does not run into the progress line: the line is blanked
// first and drawn again after.
func (b *Bar) Println(w io.Writer, msg string) {
	if b == nil || !b.on || b.done {
		fmt.Fprintln(w, msg)
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	fmt.Fprintf(b.w, "\r%s\r%s\n", strings.Repeat(" ", b.width), msg)
	b.width = 0
	b.draw(b.now())
}
