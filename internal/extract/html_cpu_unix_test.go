//go:build unix

package extract

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, user and system: pages per
// CPU-second is pages per second per core, whatever else runs on the
// machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
