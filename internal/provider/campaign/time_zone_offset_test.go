package campaign

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// TestZoneOffset: a created_at outside the request's time by less than
// the tolerance is clock skew; beyond it, the offset is named in quarter
// hours, ahead or behind.
func TestZoneOffset(t *testing.T) {
	t.Parallel()
	sent := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	answered := sent.Add(2 * time.Second)
	for _, tt := range []struct {
		createdAt string
		want      time.Duration
		ok        bool
	}{
		{"2026-12-06 10:00:01", 0, false}, // within the request
		{"2026-12-06 10:20:00", 0, false}, // skew
		{"2026-12-06 09:40:00", 0, false}, // skew
		{"2026-12-06 12:00:01", 2 * time.Hour, true},
		{"2026-12-06 11:59:58", 2 * time.Hour, true},
		{"2026-12-06 15:45:01", 5*time.Hour + 45*time.Minute, true},
		{"2026-12-06 05:00:00", -5 * time.Hour, true},
		{"2026-12-06 10:30:02", 30 * time.Minute, true},
		{"not a time", 0, false},
	} {
		got, ok := zoneOffset(tt.createdAt, time.UTC, sent, answered)
		if got != tt.want || ok != tt.ok {
			t.Errorf("zoneOffset(%q) = %v, %v; want %v, %v", tt.createdAt, got, ok, tt.want, tt.ok)
		}
	}
}

// TestZoneOffsetInTheRepeatedHour: in the hour the end of summer time
// repeats (Europe/Kyiv, 2025-10-26 03:00-04:00 twice), a created_at names
// two instants; Go reads the later one. A create answered in the first
// of the two hours, with the platform and the provider in the same zone,
// is no mismatch; nor is a refresh then.
func TestZoneOffsetInTheRepeatedHour(t *testing.T) {
	t.Parallel()
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	sent := time.Date(2025, 10, 26, 0, 30, 0, 0, time.UTC) // 03:30 at UTC+03:00, the first 03:30
	if got, ok := zoneOffset("2025-10-26 03:30:01", kyiv, sent, sent.Add(2*time.Second)); ok {
		t.Errorf("the first 03:30 of the repeated hour: an offset of %v", got)
	}
	if got, ok := zoneOffset("2025-10-26 03:30:01", kyiv, sent.Add(time.Hour), sent.Add(time.Hour+2*time.Second)); ok {
		t.Errorf("the second 03:30 of the repeated hour: an offset of %v", got)
	}
	created := "2025-10-26 03:30:01"
	c, err := client.New(client.WithEndpoint("http://127.0.0.1:1"), client.WithToken("zone-test-token"), client.WithTimeZone(kyiv))
	if err != nil {
		t.Fatal(err)
	}
	if diags := readZoneMismatch(&ZoneWatch{}, c, &client.Campaign{ID: 1, CreatedAt: &created}, sent.Add(time.Second)); len(diags) != 0 {
		t.Errorf("a refresh in the first of the repeated hours warned: %v", diags)
	}
}

// TestCreateZoneMismatch: the warning names time_zone, both offsets, the
// setting, and what became of start_at; a second answer of the same run
// does not warn again, another run's does.
func TestCreateZoneMismatch(t *testing.T) {
	t.Parallel()
	newClient := func(zone *time.Location) *client.Client {
		c, err := client.New(client.WithEndpoint("http://127.0.0.1:1"), client.WithToken("zone-test-token"), client.WithTimeZone(zone))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	sent := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	created := "2026-12-06 12:00:01"
	kyivAnswer := &client.Campaign{ID: 7, CreatedAt: &created}
	w := &ZoneWatch{}
	cl := newClient(time.UTC)
	for _, tt := range []struct {
		startAt string
		want    []string
	}{
		{"2026-12-06T10:30:00Z", []string{`time_zone = "UTC" (UTC+00:00 now)`, "2h ahead of", "one at UTC+02:00 now",
			`start_at, sent as "2026-12-06 10:30:00", was already past`, "sent it at once", "to the account's zone, one at UTC+02:00"}},
		{"2026-12-06 13:00:00", []string{"starts 2h earlier than meant", "less than 2h ahead at once"}},
		{"", []string{"starts a scheduled campaign 2h earlier than meant"}},
	} {
		diags := createZoneMismatch(&ZoneWatch{}, cl, kyivAnswer, types.StringValue(tt.startAt), sendWindow{sent, sent.Add(time.Second)})
		if len(diags) != 1 || diags[0].Summary() != "Time Zone Mismatch" {
			t.Fatalf("start_at %q: %v, want one Time Zone Mismatch", tt.startAt, diags)
		}
		for _, s := range tt.want {
			if !strings.Contains(diags[0].Detail(), s) {
				t.Errorf("start_at %q: the warning does not say %q:\n%s", tt.startAt, s, diags[0].Detail())
			}
		}
	}

	// Behind: the account at UTC, the provider at Kyiv.
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	utcCreated := "2026-12-06 10:00:01"
	diags := createZoneMismatch(w, newClient(kyiv), &client.Campaign{ID: 8, CreatedAt: &utcCreated},
		types.StringValue("2026-12-06 13:00:00"), sendWindow{sent, sent.Add(time.Second)})
	if len(diags) != 1 || !strings.Contains(diags[0].Detail(), "2h behind") ||
		!strings.Contains(diags[0].Detail(), "starts 2h later than meant") || !strings.Contains(diags[0].Detail(), "one at UTC+00:00") {
		t.Fatalf("behind: %v", diags)
	}

	// Once per run (client); another run warns again.
	if diags := createZoneMismatch(w, cl, kyivAnswer, types.StringNull(), sendWindow{sent, sent}); len(diags) != 1 {
		t.Fatalf("first answer of a run: %v", diags)
	}
	if diags := createZoneMismatch(w, cl, kyivAnswer, types.StringNull(), sendWindow{sent, sent}); len(diags) != 0 {
		t.Fatalf("second answer of the same run warned again: %v", diags)
	}
	if diags := readZoneMismatch(w, cl, kyivAnswer, sent); len(diags) != 0 {
		t.Fatalf("a refresh of the same run warned again: %v", diags)
	}
	if diags := readZoneMismatch(w, newClient(time.UTC), kyivAnswer, sent); len(diags) != 1 ||
		!strings.Contains(diags[0].Detail(), "lies about 2h in the future") {
		t.Fatalf("a refresh of another run: %v", diags)
	}
	// A campaign found rather than answered may be older than the request:
	// no evidence.
	found := &client.Campaign{ID: 9, CreatedAt: &utcCreated, Recovered: "found by the reference_id of its first message"}
	if diags := createZoneMismatch(&ZoneWatch{}, newClient(time.UTC), found, types.StringNull(), sendWindow{sent.Add(3 * time.Hour), sent.Add(3 * time.Hour)}); len(diags) != 0 {
		t.Fatalf("a campaign found by its reference_id, created hours before, warned: %v", diags)
	}
	// A refresh of a campaign created long ago, in the past: no evidence.
	if diags := readZoneMismatch(&ZoneWatch{}, cl, kyivAnswer, sent.Add(24*time.Hour)); len(diags) != 0 {
		t.Fatalf("a campaign created in the past warned: %v", diags)
	}
}

func TestSpanAndUTCOffset(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{2 * time.Hour: "2h", 30 * time.Minute: "30m", 5*time.Hour + 45*time.Minute: "5h45m"} {
		if got := span(d); got != want {
			t.Errorf("span(%v) = %q, want %q", d, got, want)
		}
	}
	for d, want := range map[time.Duration]string{2 * time.Hour: "UTC+02:00", -(3*time.Hour + 30*time.Minute): "UTC-03:30", 0: "UTC+00:00"} {
		if got := utcOffset(d); got != want {
			t.Errorf("utcOffset(%v) = %q, want %q", d, got, want)
		}
	}
}
