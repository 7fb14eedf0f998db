package client_test

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// The client's tests run on a fake clock (newClient): a wait moves it at
// once. These helpers are for the few tests in which something must
// happen while the client waits.

// cancelOnceReceived calls cancel once the stand-in has received n
// creates: the last of them has reached it and is held there
// (Faults.CreateLatency), so the client gives up on a create that may
// have been taken. It polls: the stand-in has no hook for it.
func cancelOnceReceived(sb *sandbox.Sandbox, n int, cancel context.CancelFunc) {
	go func() {
		for sb.CountCreates() < n {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
}

// heldClock is a fake clock whose waits, once hold is called, last until
// their context ends: each is announced on held first, so that the test
// can end its context while the client waits.
type heldClock struct {
	*clock.Fake
	holding atomic.Bool
	held    chan time.Duration
}

func newHeldClock() *heldClock {
	return &heldClock{Fake: clock.NewFake(time.Now()), held: make(chan time.Duration, 16)}
}

// hold makes every later wait last until its context ends.
func (h *heldClock) hold() { h.holding.Store(true) }

func (h *heldClock) Sleep(ctx context.Context, d time.Duration) error {
	if !h.holding.Load() {
		return h.Fake.Sleep(ctx, d)
	}
	select {
	case h.held <- d:
	default:
	}
	<-ctx.Done()
	return ctx.Err()
}

// fastClock is the real clock run speed times faster: Now moves speed
// seconds for every real second, and a wait of d lasts d/speed. It is for
// a test whose server's timing is real (the 429s of a rate limit), where
// the time between two requests must really pass, only faster.
type fastClock struct {
	start time.Time
	speed int64
}

func newFastClock(speed int64) fastClock { return fastClock{start: time.Now(), speed: speed} }

func (f fastClock) Now() time.Time {
	return f.start.Add(time.Duration(int64(time.Since(f.start)) * f.speed))
}

func (f fastClock) Sleep(ctx context.Context, d time.Duration) error {
	return clock.Real().Sleep(ctx, time.Duration(int64(d)/f.speed))
}
