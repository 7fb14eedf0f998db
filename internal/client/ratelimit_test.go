package client

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
)

// TestPacerLearnsTheLimitFrom429s: no limit until a 429; then a cut to
// half of what went out in the last second, once a second however many
// 429s come together; then a rise of one request per second per second
// while requests queue and no 429 comes.
func TestPacerLearnsTheLimitFrom429s(t *testing.T) {
	p := newPacer(0, clock.Real())
	if p.lim.Limit() != rate.Inf {
		t.Fatalf("limit before any 429 = %v, want none", p.lim.Limit())
	}
	for range 40 {
		if err := p.wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	for range 25 { // 25 answers to requests sent together
		p.refused()
	}
	got := float64(p.lim.Limit())
	if got < 40*pacerCut*0.9 || got > 40*pacerCut {
		t.Fatalf("limit after a burst of 429s = %v, want one cut to about %v", got, 40*pacerCut)
	}
	// A second later, with requests queuing, it rises by pacerRaise.
	p.mu.Lock()
	p.lastRaise, p.queued = p.lastRaise.Add(-time.Second), true
	p.mu.Unlock()
	p.raise(time.Now())
	if rose := float64(p.lim.Limit()); rose != got+pacerRaise {
		t.Errorf("limit a second later = %v, want %v", rose, got+pacerRaise)
	}
	// With nothing queuing, it does not rise.
	p.mu.Lock()
	p.lastRaise = p.lastRaise.Add(-time.Second)
	p.mu.Unlock()
	p.raise(time.Now())
	if same := float64(p.lim.Limit()); same != got+pacerRaise {
		t.Errorf("limit after an idle second = %v, want %v", same, got+pacerRaise)
	}
	// The next 429, a second after the first cut, cuts again.
	p.mu.Lock()
	p.lastCut = p.lastCut.Add(-time.Second)
	p.mu.Unlock()
	p.refused()
	if cut := float64(p.lim.Limit()); math.Abs(cut-(got+pacerRaise)*pacerCut) > 1e-9 {
		t.Errorf("limit after a second cut = %v, want %v", cut, (got+pacerRaise)*pacerCut)
	}
}

// TestPacerNeverExceedsRequestsPerSecond: with requests_per_second set,
// it paces at 95% of it, and a 429 only slows it down.
func TestPacerNeverExceedsRequestsPerSecond(t *testing.T) {
	p := newPacer(20, clock.Real())
	if p.lim.Limit() != 19 {
		t.Fatalf("limit = %v, want 19", p.lim.Limit())
	}
	p.refused()
	if math.Abs(float64(p.lim.Limit())-19*pacerCut) > 1e-9 {
		t.Fatalf("limit after a 429 = %v, want %v", p.lim.Limit(), 19*pacerCut)
	}
	for range 3 {
		p.mu.Lock()
		p.lastRaise, p.queued = p.lastRaise.Add(-time.Hour), true
		p.mu.Unlock()
		p.raise(time.Now())
	}
	if p.lim.Limit() != 19 {
		t.Errorf("limit after a long rise = %v, want at most 19", p.lim.Limit())
	}
}

// TestPacerWaitEndedByContextIsNotSent: a request whose context ends
// while it waits for the rate is a waitEndedError.
func TestPacerWaitEndedByContextIsNotSent(t *testing.T) {
	p := newPacer(1, clock.Real())
	if err := p.wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	var ns *waitEndedError
	if err := p.wait(ctx); !errors.As(err, &ns) {
		t.Fatalf("wait = %v, want a waitEndedError", err)
	}
}

// TestPacerClearLine: the line is clear for a create nothing guards
// (waitClear) when fewer than clearBudget requests left in the last
// clearLine and no 429 came in it.
func TestPacerClearLine(t *testing.T) {
	p := newPacer(0, clock.Real())
	clearAt := func() time.Time {
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.clearAt()
	}
	for i := range clearBudget {
		if at := clearAt(); !at.IsZero() {
			t.Fatalf("after %d requests the line clears at %v, want clear now", i, at)
		}
		if err := p.wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	first := p.departures[p.next]
	if at := clearAt(); !at.Equal(first.Add(clearLine)) {
		t.Fatalf("after %d requests the line clears at %v, want a clearLine after the first (%v)", clearBudget, at, first.Add(clearLine))
	}
	p.refused()
	if at := clearAt(); !at.Equal(p.last429.Add(clearLine)) {
		t.Fatalf("after a 429 the line clears at %v, want a clearLine after it (%v)", at, p.last429.Add(clearLine))
	}
}

// TestPacerClearLineHoldsTheTurn: a create on the clear line keeps the
// pacer's turn until it is released (once written): no other request of
// the client leaves before; a clear-line wait ended by its context gives
// the turn back.
func TestPacerClearLineHoldsTheTurn(t *testing.T) {
	p := newPacer(0, clock.Real())
	release, err := p.waitClear(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	other := make(chan error, 1)
	go func() { other <- p.wait(context.Background()) }()
	select {
	case err := <-other:
		t.Fatalf("another request left while the create held the line (%v)", err)
	case <-time.After(50 * time.Millisecond):
	}
	release()
	if err := <-other; err != nil {
		t.Fatalf("the request after the create: %v", err)
	}

	p.refused() // a 429 now: the line is not clear for a second
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var ns *waitEndedError
	if _, err := p.waitClear(ctx); !errors.As(err, &ns) {
		t.Fatalf("a clear-line wait whose context ended = %v, want a waitEndedError", err)
	}
	bounded, stop := context.WithTimeout(context.Background(), 30*time.Second)
	defer stop()
	if err := p.wait(bounded); err != nil {
		t.Fatalf("the turn was not given back after the ended wait: %v", err)
	}
}
