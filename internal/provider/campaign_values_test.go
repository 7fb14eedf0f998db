package provider

import (
	"testing"
	"time"
)

// TestNormalizeStartAt: a start time is sent as yyyy-mm-dd hh:mm:ss in the
// account's zone; one written that way is sent as written, an RFC 3339 one
// converted into the zone.
func TestNormalizeStartAt(t *testing.T) {
	t.Parallel()
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		zone    *time.Location
		in, out string
	}{
		{time.UTC, "2026-12-01 09:00:00", "2026-12-01 09:00:00"},
		{time.UTC, "2026-12-01T11:00:00+02:00", "2026-12-01 09:00:00"},
		{time.UTC, "2026-12-01T09:00:00Z", "2026-12-01 09:00:00"},
		{kyiv, "2026-12-01 09:00:00", "2026-12-01 09:00:00"},
		{kyiv, "2026-12-01T09:00:00Z", "2026-12-01 11:00:00"},
		{kyiv, "2026-07-01T09:00:00Z", "2026-07-01 12:00:00"},
		{kyiv, "2026-12-01T11:00:00+02:00", "2026-12-01 11:00:00"},
	} {
		if got, err := normalizeStartAt(tt.in, tt.zone); err != nil || got != tt.out {
			t.Errorf("%s in %s -> %s %v, want %s", tt.in, tt.zone, got, err, tt.out)
		}
	}
	for _, bad := range []string{"tomorrow", "2026-12-01 09:00", "01.12.2026 09:00:00"} {
		if _, err := normalizeStartAt(bad, time.UTC); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
