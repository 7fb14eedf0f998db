package framework

import (
	"strings"
	"testing"
	"time"
)

// TestNormalizeStartAt: an RFC 3339 time is written in the zone, daylight
// saving time included; yyyy-mm-dd hh:mm:ss is taken as written.
func TestNormalizeStartAt(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, zone, want string }{
		{"2026-03-29T09:00:00Z", "UTC", "2026-03-29 09:00:00"},
		{"2026-01-15T09:00:00Z", "Europe/Kyiv", "2026-01-15 11:00:00"}, // winter: UTC+2
		{"2026-07-15T09:00:00Z", "Europe/Kyiv", "2026-07-15 12:00:00"}, // summer: UTC+3
		{"2026-03-29T00:59:59Z", "Europe/Kyiv", "2026-03-29 02:59:59"}, // the last second before the switch
		{"2026-03-29T01:00:00Z", "Europe/Kyiv", "2026-03-29 04:00:00"}, // 03:00 local does not exist that day
		{"2026-10-25T00:30:00Z", "Europe/Kyiv", "2026-10-25 03:30:00"}, // 03:30 happens twice: the first
		{"2026-10-25T01:30:00Z", "Europe/Kyiv", "2026-10-25 03:30:00"}, // and the second
		{"2026-03-29T09:00:00+02:00", "America/New_York", "2026-03-29 03:00:00"},
		{"2026-03-29T23:30:00Z", "Asia/Kolkata", "2026-03-30 05:00:00"}, // the next day
		{"2026-03-29 09:00:00", "Europe/Kyiv", "2026-03-29 09:00:00"},   // the platform's form, as written
	} {
		zone, err := LoadTimeZone(tt.zone)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := NormalizeStartAt(tt.in, zone); err != nil || got != tt.want {
			t.Errorf("NormalizeStartAt(%q, %s) = %q, %v; want %q", tt.in, tt.zone, got, err, tt.want)
		}
	}
	for _, name := range []string{"", "Local", "Mars/Olympus", "UTC+2"} {
		if _, err := LoadTimeZone(name); err == nil || !strings.Contains(err.Error(), "is not an IANA time zone name") {
			t.Errorf("LoadTimeZone(%q) error = %v", name, err)
		}
	}
}

// TestCheckWallTime: a wall time the zone skips is refused (it would be
// read an hour later); the repeated hour of autumn, other days, RFC 3339
// times and UTC pass.
func TestCheckWallTime(t *testing.T) {
	t.Parallel()
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	for s, refused := range map[string]bool{
		"2026-03-29 03:30:00":       true, // 03:00 -> 04:00
		"2026-03-29 03:00:00":       true,
		"2026-03-29 02:59:59":       false,
		"2026-03-29 04:00:00":       false,
		"2026-10-25 03:30:00":       false, // repeated, not skipped
		"2026-03-29T03:30:00+02:00": false,
	} {
		if err := CheckWallTime(s, kyiv); (err != nil) != refused {
			t.Errorf("CheckWallTime(%q, Europe/Kyiv) = %v, want refused %v", s, err, refused)
		}
	}
	if err := CheckWallTime("2026-03-29 03:30:00", time.UTC); err != nil {
		t.Errorf("UTC skips no hour: %v", err)
	}
}
