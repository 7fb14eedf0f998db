package campaign_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/campaign"
)

// TestEveryConfigurableAttributeHasOneHome fails when an attribute a user
// can set is neither content (its change replaces the campaign, or is
// recorded under desired_state = "stopped") nor one that changes in place:
// such an attribute would escape the final-campaign rules.
func TestEveryConfigurableAttributeHasOneHome(t *testing.T) {
	t.Parallel()
	s := campaignSchemaForTest(t)
	for name, a := range s.Attributes {
		content, inPlace := slices.Contains(campaign.ContentAttributes(), name), slices.Contains(campaign.InPlaceAttributes, name)
		configurable := a.IsOptional() || a.IsRequired()
		switch {
		case configurable && !content && !inPlace:
			t.Errorf("attribute %s can be configured but is in neither campaign.ContentAttributes() nor inPlaceAttributes", name)
		case content && inPlace:
			t.Errorf("attribute %s is in both campaign.ContentAttributes() and inPlaceAttributes", name)
		case !configurable && (content || inPlace):
			t.Errorf("attribute %s is computed only, yet listed as content or in place", name)
		}
	}
	for _, name := range append(slices.Clone(campaign.ContentAttributes()), campaign.InPlaceAttributes...) {
		if _, ok := s.Attributes[name]; !ok {
			t.Errorf("listed attribute %s is not in the schema", name)
		}
	}
}

// TestContentAttributesCarryTheReplacement checks that the schema gave
// every content attribute the replacement modifier (start_at's replacement
// is decided in ModifyPlan) and that no other attribute has it.
func TestContentAttributesCarryTheReplacement(t *testing.T) {
	t.Parallel()
	s := campaignSchemaForTest(t)
	for name, a := range s.Attributes {
		var has bool
		switch a := a.(type) {
		case schema.SingleNestedAttribute:
			has = hasReplacement(a.PlanModifiers)
		case schema.Int64Attribute:
			has = hasReplacement(a.PlanModifiers)
		case schema.BoolAttribute:
			has = hasReplacement(a.PlanModifiers)
		case schema.StringAttribute:
			has = hasReplacement(a.PlanModifiers)
		}
		want := slices.Contains(campaign.ContentAttributes(), name) && name != "start_at"
		if has != want {
			t.Errorf("attribute %s: replacement modifier %v, want %v", name, has, want)
		}
	}
}

// TestContentChangesReadsTheList changes one content attribute at a time
// and expects exactly it reported; an in-place attribute is never reported.
func TestContentChangesReadsTheList(t *testing.T) {
	t.Parallel()
	s := campaignSchemaForTest(t)
	typ := s.Type().TerraformType(context.Background()).(tftypes.Object)
	base := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		base[name] = tftypes.NewValue(at, nil)
	}
	someValue := func(at tftypes.Type) tftypes.Value {
		switch {
		case at.Is(tftypes.Number):
			return tftypes.NewValue(at, 5)
		case at.Is(tftypes.Bool):
			return tftypes.NewValue(at, true)
		case at.Is(tftypes.String):
			return tftypes.NewValue(at, "2026-12-01 09:00:00")
		}
		return tftypes.NewValue(at, tftypes.UnknownValue)
	}
	state := tftypes.NewValue(typ, base)
	for name := range typ.AttributeTypes {
		changed := make(map[string]tftypes.Value, len(base))
		for k, v := range base {
			changed[k] = v
		}
		changed[name] = someValue(typ.AttributeTypes[name])
		plan := tftypes.NewValue(typ, changed)
		got := campaign.ContentChanges(plan, state, false, name == "start_at")
		wantReported := slices.Contains(campaign.ContentAttributes(), name)
		if reported := len(got) == 1 && got[0].String() == name; reported != wantReported || len(got) > 1 {
			t.Errorf("changing only %s reported %v; content: %v", name, got, wantReported)
		}
		// An imported campaign adopts content its state lacks.
		if got := campaign.ContentChanges(plan, state, true, false); len(got) != 0 {
			t.Errorf("imported campaign adopting %s reported %v, want nothing", name, got)
		}
	}
}

func hasReplacement[M any](modifiers []M) bool {
	for _, m := range modifiers {
		if _, ok := any(m).(campaign.ContentReplacement); ok {
			return true
		}
	}
	return false
}

func TestRunStateAction(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status, from, to string
		want             campaign.StateAction
	}{
		{"sending", "", "stopped", campaign.ActionStop},
		{"creation", "active", "stopped", campaign.ActionStop},
		{"scheduled", "", "stopped", campaign.ActionStop},
		{"paused", "active", "stopped", campaign.ActionStop},
		{"stopped", "active", "stopped", campaign.ActionNone},
		{"done", "", "stopped", campaign.ActionNone},
		{"spam", "", "stopped", campaign.ActionNone},
		{"sending", "stopped", "stopped", campaign.ActionNone},
		{"paused", "active", "active", campaign.ActionRenew},
		{"paused", "", "", campaign.ActionNone},
		{"sending", "", "active", campaign.ActionNone},
	}
	for _, tt := range tests {
		if got := campaign.RunStateActionFor(tt.status, tt.from, tt.to); got != tt.want {
			t.Errorf("status %s, %q -> %q: %v, want %v", tt.status, tt.from, tt.to, got, tt.want)
		}
	}
}

// TestStartAtWindow: a new campaign's start_at lies between now and
// 23:59:59 of the 30th day counting today, in the account's zone.
func TestStartAtWindow(t *testing.T) {
	t.Parallel()
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 16, 0, 0, 0, time.UTC) // 2026-11-28 01:00 in Tokyo
	for _, tt := range []struct {
		zone  *time.Location
		start string
		ok    bool
		want  string
	}{
		{time.UTC, "2026-12-26 23:59:59", true, ""},
		{time.UTC, "2026-12-27 00:00:00", false, "more than 30 days ahead"},
		{time.UTC, "2026-11-27 15:59:59", false, "omit start_at to send now"},
		{time.UTC, "2026-11-27 16:00:01", true, ""},
		// In Tokyo it is already the 28th: day 30 is 2026-12-27.
		{tokyo, "2026-12-27 23:59:59", true, ""},
		{tokyo, "2026-12-28 00:00:00", false, "until 2026-12-27 23:59:59 in time_zone Asia/Tokyo"},
		{tokyo, "2026-11-28 00:59:59", false, "in the past"},
	} {
		start, err := time.ParseInLocation(client.TimeLayout, tt.start, tt.zone)
		if err != nil {
			t.Fatal(err)
		}
		err = campaign.StartAtWindow(start, now, tt.zone)
		if (err == nil) != tt.ok || (err != nil && !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(tt.want))) {
			t.Errorf("%s in %s: %v, want ok=%v containing %q", tt.start, tt.zone, err, tt.ok, tt.want)
		}
	}
}

// The plan's warnings cannot be asserted through the CLI
// (terraform-plugin-testing has no check for warnings), so
// TestPlanSaysWhatApplyingWillDo sends PlanResourceChange as Terraform does,
// in process (acctest/rpc.go), and reads the diagnostics and the
// planned state. The stand-in must see no request: the plan decides from
// the refreshed state alone.
func TestPlanSaysWhatApplyingWillDo(t *testing.T) {
	r := acctest.NewRPCHarness(t)
	r.Sandbox.ResetCounters()
	stopped := map[string]any{"desired_state": "stopped"}
	active := map[string]any{"desired_state": "active"}
	cases := []struct {
		name            string
		state, config   map[string]any
		warnings        []string
		errors          []string
		statusUnknown   bool
		requiresReplace bool
	}{
		{name: "stop a sending campaign", state: map[string]any{"status": "sending"}, config: stopped,
			warnings: []string{"Stopping a Campaign Is Irreversible"}, statusUnknown: true},
		{name: "stop a done campaign", state: map[string]any{"status": "done"}, config: stopped,
			warnings: []string{"Campaign Already Done"}},
		{name: "stop a spam campaign", state: map[string]any{"status": "spam"}, config: stopped,
			warnings: []string{"Campaign Will Not Be Sent"}},
		{name: "active campaign found stopped (plan equals state)", state: map[string]any{"status": "stopped", "desired_state": "active"},
			config: active, warnings: []string{"Stopped Campaign Cannot Be Resumed"}},
		{name: "active campaign found paused (plan equals state)", state: map[string]any{"status": "paused", "desired_state": "active"},
			config: active, warnings: []string{"Paused Campaign Will Be Resumed"}, statusUnknown: true},
		{name: "unchanged", state: map[string]any{"status": "sending"}, config: map[string]any{}},
		{name: "unchanged, desired active", state: map[string]any{"status": "sending", "desired_state": "active"}, config: active},
		{name: "content change", state: map[string]any{"status": "sending"},
			config:   map[string]any{"rcs": map[string]any{"sender": "bench", "text": "Changed", "cards": nil}},
			warnings: []string{"Replacing Campaign Sends a New Campaign"}, requiresReplace: true, statusUnknown: true},
		{name: "content change of a done campaign: replaced like any other", state: map[string]any{"status": "done"},
			config:   map[string]any{"rcs": map[string]any{"sender": "bench", "text": "Changed", "cards": nil}},
			warnings: []string{"Replacing Campaign Sends a New Campaign"}, requiresReplace: true, statusUnknown: true},
		{name: "content change of a done campaign with desired_state stopped: recorded", state: map[string]any{"status": "done", "desired_state": "stopped"},
			config:   map[string]any{"desired_state": "stopped", "rcs": map[string]any{"sender": "bench", "text": "Changed", "cards": nil}},
			warnings: []string{"Content Change Recorded, Not Sent"}},
		{name: "content change and stop of a sending campaign: stop plus recorded edit", state: map[string]any{"status": "sending"},
			config:   map[string]any{"desired_state": "stopped", "rcs": map[string]any{"sender": "bench", "text": "Changed", "cards": nil}},
			warnings: []string{"Content Change Recorded, Not Sent", "Stopping a Campaign Is Irreversible"}, statusUnknown: true},
		{name: "start_at change with desired_state stopped: recorded", state: map[string]any{"status": "stopped", "desired_state": "stopped"},
			config:   map[string]any{"desired_state": "stopped", "start_at": "2030-01-01 09:00:00"},
			warnings: []string{"Content Change Recorded, Not Sent"}},
		{name: "start_at re-spelled as the same instant: said, not moved", state: map[string]any{"status": "scheduled", "start_at": "2030-01-01T09:00:00+00:00"},
			config: map[string]any{"start_at": "2030-01-01 09:00:00"}, warnings: []string{"Start Time Re-Spelled, Not Moved"}},
		{name: "start_at moved: replaced", state: map[string]any{"status": "scheduled", "start_at": "2030-01-01T09:00:00+00:00"},
			config: map[string]any{"start_at": "2030-01-01 10:00:00"}, warnings: []string{"Replacing Campaign Sends a New Campaign"},
			requiresReplace: true, statusUnknown: true},
		{name: "resume a stopped campaign: recorded, no call", state: map[string]any{"status": "stopped", "desired_state": "stopped"}, config: active,
			warnings: []string{"Stopped Campaign Cannot Be Resumed"}},
		{name: "resume a done campaign: recorded, no call", state: map[string]any{"status": "done"}, config: active,
			warnings: []string{"Campaign Already Done"}},
		{name: "destroy a sending campaign", state: map[string]any{"status": "sending", "stop_on_destroy": true},
			warnings: []string{"Destroying Stops the Campaign"}},
		{name: "destroy without stop_on_destroy", state: map[string]any{"status": "sending", "stop_on_destroy": false},
			warnings: []string{"Campaign Keeps Sending"}},
		{name: "destroy a done campaign", state: map[string]any{"status": "done", "stop_on_destroy": true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := r.Plan(t, c.state, c.config)
			if got := res.Diagnostics(tfprotov6.DiagnosticSeverityWarning); !slices.Equal(got, c.warnings) {
				t.Errorf("warnings = %q, want %q", got, c.warnings)
			}
			if got := res.Diagnostics(tfprotov6.DiagnosticSeverityError); !slices.Equal(got, c.errors) {
				t.Errorf("errors = %q, want %q", got, c.errors)
			}
			if c.config == nil || len(c.errors) > 0 {
				return
			}
			if status := res.Planned["status"]; status.IsKnown() == c.statusUnknown {
				t.Errorf("planned status %v, want unknown = %v", status, c.statusUnknown)
			}
			// A stop or renew keeps the create's price estimate and currency:
			// the plan shows them as they are, not "known after apply".
			if !c.requiresReplace {
				for _, name := range []string{"currency", "calculated_price"} {
					if v := res.Planned[name]; !v.IsKnown() {
						t.Errorf("planned %s is unknown, want the state's value", name)
					}
				}
			}
			var replace []string
			for _, p := range res.Resp.RequiresReplace {
				replace = append(replace, p.String())
			}
			if got := len(replace) > 0; got != c.requiresReplace {
				t.Errorf("requires replacement at %s, want replacement = %v", strings.Join(replace, ", "), c.requiresReplace)
			}
		})
	}
	if n := len(r.Sandbox.Counters()); n != 0 {
		t.Errorf("planning reached the API: %v", r.Sandbox.Counters())
	}
}
