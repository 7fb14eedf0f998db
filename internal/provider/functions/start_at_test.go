package functions_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
)

// TestAccFunction_startAt: an RFC 3339 time written as the platform reads
// start_at, in the zone given, daylight saving time included.
func TestAccFunction_startAt(t *testing.T) {
	t.Parallel()
	testCalls(t, map[string]call{
		"utc":        {`provider::oneapi::start_at("2026-03-29T09:00:00Z", "UTC")`, knownvalue.StringExact("2026-03-29 09:00:00")},
		"winter":     {`provider::oneapi::start_at("2026-01-15T09:00:00Z", "Europe/Kyiv")`, knownvalue.StringExact("2026-01-15 11:00:00")},
		"summer":     {`provider::oneapi::start_at("2026-07-15T09:00:00Z", "Europe/Kyiv")`, knownvalue.StringExact("2026-07-15 12:00:00")},
		"dst_gap":    {`provider::oneapi::start_at("2026-03-29T01:00:00Z", "Europe/Kyiv")`, knownvalue.StringExact("2026-03-29 04:00:00")},
		"offset":     {`provider::oneapi::start_at("2026-03-29T09:00:00+02:00", "America/New_York")`, knownvalue.StringExact("2026-03-29 03:00:00")},
		"next_day":   {`provider::oneapi::start_at("2026-03-29T23:30:00Z", "Asia/Kolkata")`, knownvalue.StringExact("2026-03-30 05:00:00")},
		"timeadd":    {`provider::oneapi::start_at(timeadd("2026-03-29T09:00:00Z", "36h"), "Europe/Kyiv")`, knownvalue.StringExact("2026-03-31 00:00:00")}, // 21:00 UTC, after the switch to summer time
		"as_written": {`provider::oneapi::start_at("2026-03-29 09:00:00", "Europe/Kyiv")`, knownvalue.StringExact("2026-03-29 09:00:00")},
	})
}

// TestAccFunction_startAtRefusals: a null zone is refused (a function
// cannot read the provider's time_zone), as are unknown zones, times
// that are no times, and a wall time the zone skips.
func TestAccFunction_startAtRefusals(t *testing.T) {
	t.Parallel()
	null := `time_zone is null: a function cannot read the provider's time_zone`
	if openTofu() {
		// OpenTofu (1.12.6) sends the null in a form the plugin framework
		// cannot convert: refused all the same, in the framework's words.
		null = `Invalid value for "time_zone" parameter: Unable to Convert Function Argument`
	}
	testRefusals(t, map[string]string{
		`provider::oneapi::start_at("2026-03-29T09:00:00Z", null)`:           null,
		`provider::oneapi::start_at("2026-03-29T09:00:00Z", "Mars/Olympus")`: `Invalid time zone: "Mars/Olympus" is not an IANA time zone name`,
		`provider::oneapi::start_at("2026-03-29T09:00:00Z", "Local")`:        `"Local" is not an IANA time zone name`,
		`provider::oneapi::start_at("tomorrow", "UTC")`:                      `Invalid timestamp: "tomorrow" is neither yyyy-mm-dd hh:mm:ss nor RFC 3339`,
		`provider::oneapi::start_at("", "UTC")`:                              `timestamp is empty`,
		`provider::oneapi::start_at("2026-03-29 03:30:00", "Europe/Kyiv")`:   `2026-03-29 03:30:00 does not exist in time zone Europe/Kyiv: its clocks skip that hour`,
	})
}
