// Package gctune holds the garbage collector settings of the provider
// process, in a package of its own so that the benchmark (bench) reports
// the settings the provider uses.
package gctune

import "runtime/debug"

// Percent and MemoryLimit are the garbage collector's settings when the
// user has set neither GOGC nor GOMEMLIMIT.
const (
	Percent     = 400
	MemoryLimit = 48 << 20
)

// Tune sets a garbage collection target suited to a plugin process, which
// lives for one Terraform command with a small live heap that the default
// target (100) collects again and again, and a soft memory limit that
// keeps the process small all the same. GOGC or GOMEMLIMIT set by the user
// win. What the setting saves is measured by make bench
// (bench/RESULTS.md, the row "oneapi_campaign, GOGC=100").
func Tune(getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(Percent)
	debug.SetMemoryLimit(MemoryLimit)
}
