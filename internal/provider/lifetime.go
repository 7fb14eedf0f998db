package provider

import (
	"context"
	"sync"
	"time"
)

// The provider process's work in flight, so that it can be abandoned when
// Terraform is gone (main.go, internal/parentwatch). Every per-resource
// RPC runs under a context that Abandon cancels: once Terraform is gone
// nothing the provider still sends can reach a state, so nothing more is
// sent (a create waiting in the rate limiter stays unsent, one on the wire
// is hung up on), and each RPC gets a bounded grace to return, so that
// what it records about a request that may have reached One-API is
// written before the process exits.
var work = newInflight()

type inflight struct {
	ctx    context.Context
	cancel context.CancelFunc

	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n reaches 0 after abandon
}

func newInflight() *inflight {
	ctx, cancel := context.WithCancel(context.Background())
	return &inflight{ctx: ctx, cancel: cancel}
}

// begin returns ctx, also canceled when the work is abandoned, and the
// function that ends it.
func (w *inflight) begin(ctx context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancel(ctx)
	stop := context.AfterFunc(w.ctx, cancel)
	w.mu.Lock()
	w.n++
	w.mu.Unlock()
	return ctx, func() {
		stop()
		cancel()
		w.mu.Lock()
		defer w.mu.Unlock()
		w.n--
		if w.n == 0 && w.idle != nil {
			close(w.idle)
			w.idle = nil
		}
	}
}

// abandon cancels the work and waits up to grace for it to return; it
// reports whether it all did.
func (w *inflight) abandon(grace time.Duration) bool {
	w.cancel()
	w.mu.Lock()
	idle := make(chan struct{})
	if w.n == 0 {
		close(idle)
	} else {
		w.idle = idle
	}
	w.mu.Unlock()
	timer := time.NewTimer(grace)
	defer timer.Stop()
	select {
	case <-idle:
		return true
	case <-timer.C:
		return false
	}
}

// Abandon cancels every request the provider is serving and waits up to
// grace for them to return; it reports whether they all did. The process
// exits after it: it serves nothing more.
func Abandon(grace time.Duration) bool { return work.abandon(grace) }
