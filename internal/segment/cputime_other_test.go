//go:build !unix

package segment

import "time"

// cpuTime is not measured on this system; the benchmark then leaves out
// its MB/cpu-s figure.
func cpuTime() time.Duration { return 0 }
