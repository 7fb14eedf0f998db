package provider

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The RPC benchmarks drive the provider server the way Terraform does for
// one campaign in a plan of an unchanged configuration (validate, upgrade
// state, read, plan), in process and without the CLI, so that changes to
// the provider's per-resource cost can be compared with
// `go test -bench RPC -benchmem` instead of the noisy wall time of a
// 1,000-campaign plan (make bench).

func BenchmarkRPC(b *testing.B) {
	r := newRPCHarness(b)
	ctx := context.Background()
	b.Run("ValidateResourceConfig", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp, err := r.srv.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: "oneapi_campaign", Config: r.config})
			requireNoDiagnostics(b, "validate", err, resp.Diagnostics)
		}
	})
	b.Run("UpgradeResourceState", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp, err := r.srv.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: "oneapi_campaign",
				RawState: &tfprotov6.RawState{JSON: r.rawState}})
			requireNoDiagnostics(b, "upgrade", err, resp.Diagnostics)
		}
	})
	b.Run("ReadResource", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp, err := r.srv.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: "oneapi_campaign", CurrentState: r.state})
			requireNoDiagnostics(b, "read", err, resp.Diagnostics)
		}
	})
	b.Run("PlanResourceChange", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp, err := r.srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: "oneapi_campaign",
				PriorState: r.state, ProposedNewState: r.state, Config: r.config})
			requireNoDiagnostics(b, "plan", err, resp.Diagnostics)
			if len(resp.RequiresReplace) > 0 {
				b.Fatalf("plan requires replacement: %v", resp.RequiresReplace)
			}
		}
	})
	// A change: desired_state = "stopped" on the scheduled campaign plans a
	// stop (an update in place).
	changed := func(dv *tfprotov6.DynamicValue) *tfprotov6.DynamicValue {
		v, err := dv.Unmarshal(r.typ)
		if err != nil {
			b.Fatal(err)
		}
		var attrs map[string]tftypes.Value
		if err := v.As(&attrs); err != nil {
			b.Fatal(err)
		}
		attrs["desired_state"] = tftypes.NewValue(tftypes.String, "stopped")
		return dynamicValue(b, r.typ, tftypes.NewValue(r.typ, attrs))
	}
	proposedStop, configStop := changed(r.state), changed(r.config)
	b.Run("PlanResourceChange update", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp, err := r.srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: "oneapi_campaign",
				PriorState: r.state, ProposedNewState: proposedStop, Config: configStop})
			requireNoDiagnostics(b, "plan update", err, nil)
			if len(resp.RequiresReplace) > 0 {
				b.Fatalf("plan requires replacement: %v", resp.RequiresReplace)
			}
		}
	})
	nullState := dynamicValue(b, r.typ, tftypes.NewValue(r.typ, nil))
	planCreate := func(b *testing.B) *tfprotov6.PlanResourceChangeResponse {
		resp, err := r.srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: "oneapi_campaign",
			PriorState: nullState, ProposedNewState: r.config, Config: r.config})
		requireNoDiagnostics(b, "plan create", err, resp.Diagnostics)
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
			resp, err := r.srv.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: "oneapi_campaign",
				PriorState: nullState, PlannedState: planned.PlannedState, Config: r.config, PlannedPrivate: planned.PlannedPrivate})
			requireNoDiagnostics(b, "apply create", err, resp.Diagnostics)
		}
	})
	// The same campaign as JSON, for a sense of scale against the RPCs.
	b.Run("state JSON decode", func(b *testing.B) {
		for b.Loop() {
			var m map[string]any
			if err := json.Unmarshal(r.rawState, &m); err != nil {
				b.Fatal(err)
			}
		}
	})
}
