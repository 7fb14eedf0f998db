// Command rsswrap stands in for the provider binary during benchmarks: it
// runs the real provider (BENCH_REAL_PROVIDER) with the same arguments and
// standard streams, and appends the child's peak resident set size in KiB
// to BENCH_RSS_FILE when it exits.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
)

func main() {
	cmd := exec.Command(os.Getenv("BENCH_REAL_PROVIDER"), os.Args[1:]...) //nolint:gosec,noctx // a benchmark harness runs the binary it built
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
			_, _ = fmt.Fprintln(f, ru.Maxrss)
			_ = f.Close()
		}
	}
	if err != nil {
		os.Exit(cmd.ProcessState.ExitCode())
	}
}
