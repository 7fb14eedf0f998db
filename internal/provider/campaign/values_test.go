package campaign

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
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
		if got, err := framework.NormalizeStartAt(tt.in, tt.zone); err != nil || got != tt.out {
			t.Errorf("%s in %s -> %s %v, want %s", tt.in, tt.zone, got, err, tt.out)
		}
	}
	for _, bad := range []string{"tomorrow", "2026-12-01 09:00", "01.12.2026 09:00:00"} {
		if _, err := framework.NormalizeStartAt(bad, time.UTC); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestUnexpectedFigures: an undocumented status and negative counts are
// warned of once, naming each value; documented figures are not.
func TestUnexpectedFigures(t *testing.T) {
	t.Parallel()
	for _, status := range campaignStatuses {
		if d := unexpectedFigures(&client.Campaign{ID: 1, Status: status, Statistics: client.Statistics{Sent: 3, Delivered: 5}}); d != nil {
			t.Errorf("status %q warned: %v", status, d)
		}
	}
	c := &client.Campaign{ID: 9, Status: "archived", Statistics: client.Statistics{Sent: -5, Delivered: 2},
		AlternativeChannels: &client.AlternativeChannels{SMS: &client.ChannelStatistics{Statistics: client.Statistics{Delivered: -1}}}}
	d := unexpectedFigures(c)
	if len(d) != 1 || d[0].Severity() != diag.SeverityWarning {
		t.Fatalf("want one warning, got %v", d)
	}
	for _, want := range []string{`campaign 9`, `status "archived"`, `statistics has a negative count (sent -5, delivered 2)`,
		`sms_fallback_statistics has a negative count (sent 0, delivered -1)`, "kept in the state as reported"} {
		if !strings.Contains(d[0].Detail(), want) {
			t.Errorf("the warning does not say %q: %s", want, d[0].Detail())
		}
	}
}
