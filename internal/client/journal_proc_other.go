//go:build !linux

package client

import (
	"errors"
	"os"
	"syscall"
)

// processStart is unknown outside Linux: a reused pid then counts as the
// writer, which keeps an entry rather than taking it.
func processStart(int) string { return "" }

// processAlive reports a process with that pid (signal 0 where there are
// signals); unsure means alive, so that an entry is never taken from a
// writer that may still finish it.
func processAlive(pid int, _ string) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || !errors.Is(err, os.ErrProcessDone) && !errors.Is(err, syscall.ESRCH)
}
