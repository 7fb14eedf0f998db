package client

import (
	"context"
	mrand "math/rand/v2"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
)

// pacer is the client's rate limit: every request, retries and logins
// included, leaves only when it lets it (golang.org/x/time/rate, burst 1).
//
// With requests_per_second set, it never paces faster than 95% of it.
// Without, the account's limit is not known in advance, and the pacer
// learns it from the platform's 429 answers the way TCP shares a link
// (AIMD): no limit until the first 429; on a 429 the rate is cut to
// pacerCut of what was sent in the last second (at most once a second, so
// that the answers to requests already on their way do not cut it again);
// while no 429 comes and requests are queuing, it rises by pacerRaise
// requests per second every second. Several workspaces on one account
// converge on a fair share of its limit.
type pacer struct {
	lim *rate.Limiter
	// clock is the client's clock (WithClock): the limiter's time and
	// every wait in the pacer are its.
	clock clock.Clock
	// turn lets one request at a time reserve its moment: a request
	// reserves only when those before it have left, so a cut applies to
	// every request still waiting, not only to those that come later.
	turn chan struct{}
	// ceiling is the highest rate allowed (rate.Inf when learning).
	ceiling rate.Limit
	// record, when the client's clock implements PaceRecorder (tests),
	// is told when each request may leave.
	record func(time.Time)

	mu sync.Mutex
	// lastCut and lastRaise are when the rate last changed.
	lastCut, lastRaise time.Time
	// queued says a request had to wait since the last raise: the rate
	// is in use, and may rise.
	queued bool
	// sent counts requests let go in the current second (since window)
	// and in the one before (previous).
	window         time.Time
	sent, previous int
	// last429 is when the last 429 was answered, and departures when the
	// last clearBudget requests left (a ring; next is the oldest): when
	// the line is clear for a create nothing guards (waitClear).
	last429    time.Time
	departures [clearBudget]time.Time
	next       int

	// unguarded lets one create that nothing guards in at a time
	// (enterClear).
	unguarded chan struct{}
}

const (
	// pacerCut is the multiplicative decrease on a 429 (TCP Reno's half:
	// with two clients on one account, 0.7 drew 60% more 429s).
	pacerCut = 0.5
	// pacerRaise is the additive increase, requests per second each second.
	pacerRaise = 1
	// pacerFloor is the slowest the pacer ever goes, requests per second.
	pacerFloor = 0.5
	// pacerFixedShare is the share of requests_per_second paced at: 5%
	// under the budget.
	pacerFixedShare = 0.95
	// clearLine and clearBudget define a clear line (waitClear): no 429
	// and fewer than clearBudget requests of this client in clearLine.
	clearLine   = time.Second
	clearBudget = 3
)

// PaceRecorder is implemented by a clock (WithClock) that wants to know
// when each client's rate limit lets each request go: the moments the
// limiter's guarantee (at most burst + rate × window requests in any
// window) is about, whatever delays the network adds after them. Each
// client asks it once for the function that records its own requests.
type PaceRecorder interface {
	PaceRecord() func(at time.Time)
}

// newPacer paces at 95% of rps on clk, learning lower limits from 429s;
// with rps 0 it learns the account's limit from 429s alone.
func newPacer(rps float64, clk clock.Clock) *pacer {
	p := &pacer{clock: clk, ceiling: rate.Inf, turn: make(chan struct{}, 1), unguarded: make(chan struct{}, 1)}
	if rps > 0 {
		p.ceiling = rate.Limit(rps * pacerFixedShare)
	}
	p.lim = rate.NewLimiter(p.ceiling, 1)
	if rec, ok := clk.(PaceRecorder); ok {
		p.record = rec.PaceRecord()
	}
	return p
}

// wait holds a request until the rate lets it go. Its error, when ctx ends
// first, is a waitEndedError: the request never left the machine.
func (p *pacer) wait(ctx context.Context) error {
	release, err := take(ctx, p.turn)
	if err != nil {
		return err
	}
	defer release()
	return p.reserve(ctx)
}

// take waits for the place in one (a semaphore of one) until ctx ends;
// release gives it back.
func take(ctx context.Context, one chan struct{}) (release func(), err error) {
	select {
	case one <- struct{}{}:
		return func() { <-one }, nil
	case <-ctx.Done():
		return nil, &waitEndedError{ctx.Err()}
	}
}

// reserve holds a request whose turn has come until the rate lets it go.
func (p *pacer) reserve(ctx context.Context) error {
	now := p.clock.Now()
	p.raise(now)
	r := p.lim.ReserveN(now, 1)
	delay := r.DelayFrom(now)
	if delay > 0 {
		p.mu.Lock()
		p.queued = true
		p.mu.Unlock()
		if err := p.clock.Sleep(ctx, delay); err != nil {
			r.CancelAt(p.clock.Now())
			return &waitEndedError{err}
		}
	}
	if p.record != nil {
		p.record(now.Add(delay))
	}
	p.count(p.clock.Now())
	return nil
}

// enterClear lets one create that nothing guards (waitClear) in at a time;
// leave lets the next one in.
func (p *pacer) enterClear(ctx context.Context) (leave func(), err error) {
	return take(ctx, p.unguarded)
}

// waitClear holds a create that nothing can resolve once it is refused
// (no reference_id guards it: a campaign to contact lists, a personal SMS)
// until the line is clear: a second in which no 429 came and this client
// let fewer than clearBudget requests go. It keeps the turn, so no other
// request of this client leaves until release: the create goes alone.
// A learnt limit is found by crossing it (the 429s that halve the rate);
// these creates are kept out of the crossings, as far as this client can
// see them.
func (p *pacer) waitClear(ctx context.Context) (release func(), err error) {
	if release, err = take(ctx, p.turn); err != nil {
		return nil, err
	}
	for {
		now := p.clock.Now()
		p.mu.Lock()
		at := p.clearAt()
		p.mu.Unlock()
		if !now.Before(at) {
			break
		}
		if err := p.clock.Sleep(ctx, at.Sub(now)); err != nil {
			release()
			return nil, &waitEndedError{err}
		}
	}
	if err := p.reserve(ctx); err != nil {
		release()
		return nil, err
	}
	return release, nil
}

// clearAt is when the line is clear (waitClear): clearLine after the last
// 429 and after the clearBudget-th most recent request. The caller holds
// p.mu.
func (p *pacer) clearAt() time.Time {
	at := p.departures[p.next] // the clearBudget-th most recent (zero: fewer left)
	if p.last429.After(at) {
		at = p.last429
	}
	if at.IsZero() {
		return at
	}
	return at.Add(clearLine)
}

func (p *pacer) count(now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case now.Sub(p.window) >= 2*time.Second:
		p.window, p.sent, p.previous = now, 0, 0
	case now.Sub(p.window) >= time.Second:
		p.window, p.previous, p.sent = p.window.Add(time.Second), p.sent, 0
	}
	p.sent++
	p.departures[p.next] = now
	p.next = (p.next + 1) % clearBudget
}

// recentRate is about how many requests went out in the last second.
func (p *pacer) recentRate(now time.Time) float64 {
	into := now.Sub(p.window).Seconds()
	switch {
	case into >= 2:
		return 0
	case into >= 1:
		return float64(p.sent) * (2 - into)
	}
	return float64(p.sent) + float64(p.previous)*(1-into)
}

// refused is told of a 429: the rate is cut, once a second at most.
func (p *pacer) refused() {
	now := p.clock.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last429 = now
	if now.Sub(p.lastCut) < time.Second {
		return
	}
	current := p.lim.Limit()
	if current == rate.Inf {
		current = rate.Limit(p.recentRate(now))
	}
	p.lim.SetLimitAt(now, max(rate.Limit(pacerFloor), min(p.ceiling, current*pacerCut)))
	p.lastCut, p.lastRaise, p.queued = now, now, false
}

// raise adds pacerRaise for every whole second since the last change in
// which requests were queuing and no 429 came.
func (p *pacer) raise(now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	current := p.lim.Limit()
	since := now.Sub(p.lastRaise)
	if current == rate.Inf || current >= p.ceiling || since < time.Second {
		return
	}
	if p.queued {
		seconds := min(float64(since/time.Second), 5)
		p.lim.SetLimitAt(now, min(p.ceiling, current+rate.Limit(pacerRaise*seconds)))
	}
	p.lastRaise, p.queued = now, false
}

// waitEndedError is a request that never left the machine: its context
// ended while it waited for the rate limit.
type waitEndedError struct{ err error }

func (e *waitEndedError) Error() string {
	return "not sent: it was still waiting for the client's rate limit when " + e.err.Error()
}
func (e *waitEndedError) Unwrap() error { return e.err }

// jittered adds to a wait the server asked for (Retry-After) up to half of
// it again, at least up to 250 ms: requests refused together do not all
// come back together.
func jittered(d time.Duration) time.Duration {
	spread := max(d/2, 250*time.Millisecond)
	return d + time.Duration(mrand.Int64N(int64(spread)+1)) //nolint:gosec // jitter, not a secret
}
