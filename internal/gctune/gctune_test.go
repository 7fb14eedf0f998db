package gctune

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestTune: with neither GOGC nor GOMEMLIMIT set the provider raises the
// collector's target and sets a memory limit; either variable leaves the
// runtime's settings alone.
func TestTune(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	for _, c := range []struct {
		env            map[string]string
		percent, limit int64
	}{
		{map[string]string{}, Percent, MemoryLimit},
		{map[string]string{"GOGC": "50"}, 100, math.MaxInt64},
		{map[string]string{"GOMEMLIMIT": "1GiB"}, 100, math.MaxInt64},
	} {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		Tune(func(k string) string { return c.env[k] })
		if got := int64(debug.SetGCPercent(100)); got != c.percent {
			t.Errorf("%v: GC percent = %d, want %d", c.env, got, c.percent)
		}
		if got := debug.SetMemoryLimit(-1); got != c.limit {
			t.Errorf("%v: memory limit = %d, want %d", c.env, got, c.limit)
		}
	}
}
