package sandbox

import (
	"sync"
	"time"
)

// clock is the stand-in's time: real time scaled by a speed (0 freezes it)
// plus whatever tests advance it by.
type clock struct {
	mu        sync.Mutex
	base      time.Time
	realStart time.Time
	speed     float64
	offset    time.Duration
}

func newClock(start time.Time, speed float64) *clock {
	return &clock{base: start, realStart: time.Now(), speed: speed}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	scaled := time.Duration(float64(time.Since(c.realStart)) * c.speed)
	return c.base.Add(scaled + c.offset).Truncate(time.Second)
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.offset += d
	c.mu.Unlock()
}

// Freeze stops the clock where it is; Advance still moves it.
func (c *clock) Freeze() {
	c.mu.Lock()
	defer c.mu.Unlock()
	scaled := time.Duration(float64(time.Since(c.realStart)) * c.speed)
	c.base, c.realStart, c.speed = c.base.Add(scaled), time.Now(), 0
}
