// Package parentwatch notices that the process which started this one is
// gone.
//
// Terraform starts the provider as its child and, when it ends normally,
// tells it to stop over go-plugin. When Terraform is killed (kill -9, an
// OOM kill, a CI job's time limit, a closed laptop) nothing tells it: the
// provider is re-parented (to PID 1 or a subreaper) and its gRPC server
// waits for a client that will never come back, for as long as the
// machine runs. The kernel gives no portable signal for a parent's death,
// but it does change the parent's pid, so Watch polls os.Getppid. On
// Windows, where a process is not re-parented, the pid never changes and
// Watch never fires.
package parentwatch

import (
	"context"
	"time"
)

// Watch calls gone once, and returns, when getppid answers another pid
// than it did at the start; it polls every interval. It returns without
// calling gone when ctx ends first.
func Watch(ctx context.Context, interval time.Duration, getppid func() int, gone func()) {
	parent := getppid()
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if getppid() != parent {
				gone()
				return
			}
		}
	}
}
