package parentwatch

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

func TestWatchFiresWhenTheParentChanges(t *testing.T) {
	var ppid atomic.Int64
	ppid.Store(4242)
	fired := make(chan struct{})
	go Watch(context.Background(), time.Millisecond, func() int { return int(ppid.Load()) }, func() { close(fired) })
	select {
	case <-fired:
		t.Fatal("fired while the parent was alive")
	case <-time.After(50 * time.Millisecond):
	}
	ppid.Store(1) // re-parented to init
	select {
	case <-fired:
	case <-time.After(time.Minute):
		t.Fatal("did not fire within a minute of the parent's change")
	}
}

func TestWatchEndsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		Watch(ctx, time.Millisecond, func() int { return 7 }, func() { t.Error("fired without a change") })
		close(done)
	}()
	cancel()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("Watch did not return after its context ended")
	}
}
