package campaign_test

import (
	"context"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// The RPC benchmarks drive the provider server the way Terraform does for
// one campaign in a plan of an unchanged configuration (validate, upgrade
// state, read, plan), in process and without the CLI, so that changes to
// the provider's per-resource cost can be compared with
// `go test -bench RPC -benchmem` instead of the noisy wall time of a
// 1,000-campaign plan (make bench).

func BenchmarkRPC(b *testing.B) {
	r := acctest.NewRPCHarness(b)
	ctx := context.Background()
	b.Run("ValidateResourceConfig", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp, err := r.Srv.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: "oneapi_campaign", Config: r.Config})
			acctest.RequireNoDiagnostics(b, "validate", err, resp.Diagnostics)
		}
	})
	b.Run("UpgradeResourceState", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp, err := r.Srv.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: "oneapi_campaign",
				RawState: &tfprotov6.RawState{JSON: r.RawState}})
			acctest.RequireNoDiagnostics(b, "upgrade", err, resp.Diagnostics)
		}
	})
	b.Run("ReadResource", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp, err := r.Srv.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: "oneapi_campaign", CurrentState: r.State})
			acctest.RequireNoDiagnostics(b, "read", err, resp.Diagnostics)
		}
	})
	// An unchanged campaign's plan, with the prior identity Terraform 1.12
	// and later send, and without one, as Terraform 1.11 and older send it.
	idType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}}
	identity := &tfprotov6.ResourceIdentityData{IdentityData: acctest.DynamicValue(b, idType,
		tftypes.NewValue(idType, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, strconv.FormatInt(r.ID, 10))}))}
	for _, plan := range []struct {
		name  string
		prior *tfprotov6.ResourceIdentityData
	}{{"PlanResourceChange", identity}, {"PlanResourceChange no identity", nil}} {
		b.Run(plan.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				resp, err := r.Srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: "oneapi_campaign",
					PriorState: r.State, ProposedNewState: r.State, Config: r.Config, PriorIdentity: plan.prior})
				acctest.RequireNoDiagnostics(b, "plan", err, resp.Diagnostics)
				if len(resp.RequiresReplace) > 0 {
					b.Fatalf("plan requires replacement: %v", resp.RequiresReplace)
				}
			}
		})
	}
	// A change: desired_state = "stopped" on the scheduled campaign plans a
	// stop (an update in place).
	changed := func(dv *tfprotov6.DynamicValue) *tfprotov6.DynamicValue {
		v, err := dv.Unmarshal(r.Typ)
		if err != nil {
			b.Fatal(err)
		}
		var attrs map[string]tftypes.Value
		if err := v.As(&attrs); err != nil {
			b.Fatal(err)
		}
		attrs["desired_state"] = tftypes.NewValue(tftypes.String, "stopped")
		return acctest.DynamicValue(b, r.Typ, tftypes.NewValue(r.Typ, attrs))
	}
	proposedStop, configStop := changed(r.State), changed(r.Config)
	b.Run("PlanResourceChange update", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp, err := r.Srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: "oneapi_campaign",
				PriorState: r.State, ProposedNewState: proposedStop, Config: configStop})
			acctest.RequireNoDiagnostics(b, "plan update", err, nil)
			if len(resp.RequiresReplace) > 0 {
				b.Fatalf("plan requires replacement: %v", resp.RequiresReplace)
			}
		}
	})
	nullState := acctest.DynamicValue(b, r.Typ, tftypes.NewValue(r.Typ, nil))
	planCreate := func(b *testing.B) *tfprotov6.PlanResourceChangeResponse {
		resp, err := r.Srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: "oneapi_campaign",
			PriorState: nullState, ProposedNewState: r.Config, Config: r.Config})
		acctest.RequireNoDiagnostics(b, "plan create", err, resp.Diagnostics)
		return resp
	}
	b.Run("PlanResourceChange create", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			planCreate(b)
		}
	})
	b.Run("ApplyResourceChange create", func(b *testing.B) {
		planned := planCreate(b)
		b.ReportAllocs()
		for b.Loop() {
			resp, err := r.Srv.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: "oneapi_campaign",
				PriorState: nullState, PlannedState: planned.PlannedState, Config: r.Config, PlannedPrivate: planned.PlannedPrivate})
			acctest.RequireNoDiagnostics(b, "apply create", err, resp.Diagnostics)
		}
	})
	// The same campaign as JSON, for a sense of scale against the RPCs.
	b.Run("state JSON decode", func(b *testing.B) {
		for b.Loop() {
			var m map[string]any
			if err := json.Unmarshal(r.RawState, &m); err != nil {
				b.Fatal(err)
			}
		}
	})
}
