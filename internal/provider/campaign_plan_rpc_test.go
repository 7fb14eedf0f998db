package provider

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The plan's warnings cannot be asserted through the CLI
// (terraform-plugin-testing has no check for warnings), so these tests send
// PlanResourceChange as Terraform does, in process, and read the
// diagnostics and the planned state. The stand-in must see no request: the
// plan decides from the refreshed state alone.

// campaignValue is the benchmark campaign's state with some attributes
// replaced (JSON values), as a Terraform value of the resource's type.
func (r *rpcHarness) campaignValue(t *testing.T, overrides map[string]any, configOnly bool) tftypes.Value {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.rawState, &m); err != nil {
		t.Fatal(err)
	}
	for k, v := range overrides {
		m[k] = v
	}
	if configOnly {
		for _, k := range computedOnly {
			m[k] = nil
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	v, err := tftypes.ValueFromJSONWithOpts(b, r.typ, tftypes.ValueFromJSONOpts{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

type planResult struct {
	resp    *tfprotov6.PlanResourceChangeResponse
	planned map[string]tftypes.Value
}

func (p planResult) diagnostics(severity tfprotov6.DiagnosticSeverity) []string {
	var out []string
	for _, d := range p.resp.Diagnostics {
		if d.Severity == severity {
			out = append(out, d.Summary)
		}
	}
	return out
}

// plan sends the plan Terraform would send for a campaign in state `state`
// whose configuration sets `config` (nil config: the resource is removed).
func (r *rpcHarness) plan(t *testing.T, state, config map[string]any) planResult {
	t.Helper()
	prior := r.campaignValue(t, state, false)
	proposed, cfg := tftypes.NewValue(r.typ, nil), tftypes.NewValue(r.typ, nil)
	if config != nil {
		both := map[string]any{}
		for k, v := range state {
			both[k] = v
		}
		for k, v := range config {
			both[k] = v
		}
		proposed = r.campaignValue(t, both, false) // computed attributes come from the prior state
		cfg = r.campaignValue(t, both, true)
	}
	resp, err := r.srv.PlanResourceChange(context.Background(), &tfprotov6.PlanResourceChangeRequest{TypeName: "oneapi_campaign",
		PriorState: dynamicValue(t, r.typ, prior), ProposedNewState: dynamicValue(t, r.typ, proposed), Config: dynamicValue(t, r.typ, cfg)})
	if err != nil {
		t.Fatal(err)
	}
	res := planResult{resp: resp}
	if resp.PlannedState != nil {
		v, err := resp.PlannedState.Unmarshal(r.typ)
		if err != nil {
			t.Fatal(err)
		}
		if !v.IsNull() {
			if err := v.As(&res.planned); err != nil {
				t.Fatal(err)
			}
		}
	}
	return res
}

func TestPlanSaysWhatApplyingWillDo(t *testing.T) {
	r := newRPCHarness(t)
	r.sandbox.ResetCounters()
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
			res := r.plan(t, c.state, c.config)
			if got := res.diagnostics(tfprotov6.DiagnosticSeverityWarning); !slices.Equal(got, c.warnings) {
				t.Errorf("warnings = %q, want %q", got, c.warnings)
			}
			if got := res.diagnostics(tfprotov6.DiagnosticSeverityError); !slices.Equal(got, c.errors) {
				t.Errorf("errors = %q, want %q", got, c.errors)
			}
			if c.config == nil || len(c.errors) > 0 {
				return
			}
			if status := res.planned["status"]; status.IsKnown() == c.statusUnknown {
				t.Errorf("planned status %v, want unknown = %v", status, c.statusUnknown)
			}
			// A stop or renew keeps the create's price estimate and currency:
			// the plan shows them as they are, not "known after apply".
			if !c.requiresReplace {
				for _, name := range []string{"currency", "calculated_price"} {
					if v := res.planned[name]; !v.IsKnown() {
						t.Errorf("planned %s is unknown, want the state's value", name)
					}
				}
			}
			var replace []string
			for _, p := range res.resp.RequiresReplace {
				replace = append(replace, p.String())
			}
			if got := len(replace) > 0; got != c.requiresReplace {
				t.Errorf("requires replacement at %s, want replacement = %v", strings.Join(replace, ", "), c.requiresReplace)
			}
		})
	}
	if n := len(r.sandbox.Counters()); n != 0 {
		t.Errorf("planning reached the API: %v", r.sandbox.Counters())
	}
}
