// Package clock is the time source the provider and its client share: the
// machine's clock in a release, a fake one in tests (the way
// terraform-provider-time injects its clock), so that waits can be tested
// without waiting.
package clock

import (
	"context"
	"time"
)

// Clock tells the time and waits.
type Clock interface {
	Now() time.Time
	// Sleep waits for d, or until ctx ends; then it returns ctx's error.
	Sleep(ctx context.Context, d time.Duration) error
}

// Real returns the machine's clock.
func Real() Clock { return realClock{} }

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
