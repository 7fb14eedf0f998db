package campaign

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestPlanCreateRefusesASkippedStartTime: a start_at the time zone skips
// (the hour its clocks jump forward) is refused at plan, naming the
// attribute, as provider::oneapi::start_at refuses it; the hours around
// it plan.
func TestPlanCreateRefusesASkippedStartTime(t *testing.T) {
	t.Parallel()
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 20, 12, 0, 0, 0, kyiv)
	for at, refused := range map[string]bool{"2026-03-29 03:30:00": true, "2026-03-29 02:30:00": false, "2026-03-29 04:30:00": false} {
		resp := &resource.ModifyPlanResponse{}
		planCreate(campaignResourceModel{StartAt: types.StringValue(at)}, kyiv, now, resp)
		var got []string
		for _, d := range resp.Diagnostics.Errors() {
			got = append(got, d.Summary()+": "+d.Detail())
		}
		skipped := strings.Contains(strings.Join(got, "\n"), "Invalid Start Time: Attribute start_at: "+at+" does not exist in time zone Europe/Kyiv")
		if skipped != refused {
			t.Errorf("start_at %s: errors %q, want refused as skipped: %v", at, got, refused)
		}
	}
}
