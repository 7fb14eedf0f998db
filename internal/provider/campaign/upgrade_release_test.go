package campaign_test

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestReleaseStatesPlanNoChange: states written by the provider before the
// Viber, WhatsApp and personal SMS channels (testdata: `terraform apply`
// of release-config-before-channels.tf with the build of commit 09b3446 and
// Terraform 1.11.4, against oneapi-sandbox) are upgraded by today's
// provider and, with the configuration that wrote them, plan no change:
// no diff, no replacement, no error. The new content blocks are null in
// those states and in those configurations.
func TestReleaseStatesPlanNoChange(t *testing.T) {
	raw, err := os.ReadFile("testdata/release-state-before-channels.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Resources []struct {
			Type, Name string
			Instances  []struct {
				SchemaVersion int64           `json:"schema_version"`
				Attributes    json.RawMessage `json:"attributes"`
			}
		}
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}
	// What each resource's configuration sets besides content, so that the
	// configuration value is the one Terraform would send.
	configured := map[string][]string{"rcs_fallback": {"start_at"}, "sms_groups": {"desired_state"}}
	r := acctest.NewRPCHarness(t)
	ctx := context.Background()
	if len(file.Resources) != 3 {
		t.Fatalf("want the 3 campaigns of the fixture, found %d", len(file.Resources))
	}
	for _, res := range file.Resources {
		t.Run(res.Name, func(t *testing.T) {
			inst := res.Instances[0]
			up, err := r.Srv.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: "oneapi_campaign",
				Version: inst.SchemaVersion, RawState: &tfprotov6.RawState{JSON: inst.Attributes}})
			acctest.RequireNoDiagnostics(t, "upgrade", err, up.Diagnostics)
			prior, err := up.UpgradedState.Unmarshal(r.Typ)
			if err != nil {
				t.Fatal(err)
			}
			var attrs map[string]tftypes.Value
			if err := prior.As(&attrs); err != nil {
				t.Fatal(err)
			}
			for _, block := range []string{"viber", "whatsapp", "personal_sms"} {
				if !attrs[block].IsNull() {
					t.Errorf("%s of an upgraded state is %v, want null", block, attrs[block])
				}
			}
			config := map[string]tftypes.Value{}
			for k, v := range attrs {
				config[k] = v
			}
			objType := r.Typ.(tftypes.Object)
			for _, k := range slices.Concat(acctest.ComputedOnly, []string{"start_at", "desired_state", "stop_on_destroy"}) {
				config[k] = tftypes.NewValue(objType.AttributeTypes[k], nil)
			}
			for _, k := range configured[res.Name] {
				config[k] = attrs[k]
			}
			plan, err := r.Srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: "oneapi_campaign",
				PriorState: up.UpgradedState, ProposedNewState: up.UpgradedState,
				Config: acctest.DynamicValue(t, r.Typ, tftypes.NewValue(r.Typ, config))})
			acctest.RequireNoDiagnostics(t, "plan", err, nil)
			for _, d := range plan.Diagnostics {
				if d.Severity == tfprotov6.DiagnosticSeverityError {
					t.Errorf("plan error: %s: %s", d.Summary, d.Detail)
				}
			}
			if len(plan.RequiresReplace) > 0 {
				t.Errorf("plan replaces: %v", plan.RequiresReplace)
			}
			planned, err := plan.PlannedState.Unmarshal(r.Typ)
			if err != nil {
				t.Fatal(err)
			}
			if diffs, _ := prior.Diff(planned); len(diffs) > 0 {
				t.Errorf("the plan changes the state: %v", diffs)
			}
		})
	}
}
