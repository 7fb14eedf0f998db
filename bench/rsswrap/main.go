// Command rsswrap stands in for a provider binary during benchmarks: it
// runs the real provider of the same name from BENCH_REAL_DIR with the same
// arguments and standard streams, and appends a line to BENCH_RSS_FILE when
// it exits: the child's peak resident set size in KiB and its CPU time
// (user + system) in seconds.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

func main() {
	binary := filepath.Join(os.Getenv("BENCH_REAL_DIR"), filepath.Base(os.Args[0]))
	cmd := exec.Command(binary, os.Args[1:]...) //nolint:gosec,noctx // a benchmark harness runs the binary it built
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "rsswrap:", err)
		os.Exit(1)
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		for s := range sigs {
			_ = cmd.Process.Signal(s)
		}
	}()
	err := cmd.Wait()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		if f, ferr := os.OpenFile(os.Getenv("BENCH_RSS_FILE"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600); ferr == nil {
			cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
			_, _ = fmt.Fprintln(f, ru.Maxrss, cpu.Seconds())
			_ = f.Close()
		}
	}
	if err != nil {
		os.Exit(cmd.ProcessState.ExitCode())
	}
}
