package main

import (
	"context"
	"encoding/json"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// noopConfig is the benchmark campaign's configuration (bench/main.go).
const noopConfig = `{
 "add_to_contact_book": null, "calculated_price": null, "check_stop_list": null,
 "created_at": null, "currency": null, "desired_state": null, "finished_at": null,
 "id": null, "message_type": null, "name": null,
 "rcs": {"cards": null, "sender": "bench", "text": "Benchmark"}, "real_start_at": null,
 "recipients": {"groups": null, "phones": ["380600000000"]},
 "sms": null, "sms_fallback": null, "sms_fallback_statistics": null, "start_at": "2026-12-01 09:00:00",
 "statistics": null, "status": null, "stop_on_destroy": false,
 "tariff_code": null, "timeouts": null, "validity_hours": null, "validity_seconds": null
}`

// plain is a value as encoding/json writes it in Terraform's state.
func plain(v tftypes.Value) any {
	if v.IsNull() {
		return nil
	}
	switch {
	case v.Type().Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	case v.Type().Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return b
	case v.Type().Is(tftypes.Number):
		var f big.Float
		_ = v.As(&f)
		x, _ := f.Float64()
		return x
	case v.Type().Is(tftypes.Object{}), v.Type().Is(tftypes.Map{}):
		var m map[string]tftypes.Value
		_ = v.As(&m)
		out := map[string]any{}
		for k, e := range m {
			out[k] = plain(e)
		}
		return out
	}
	var l []tftypes.Value
	_ = v.As(&l)
	out := []any{}
	for _, e := range l {
		out = append(out, plain(e))
	}
	return out
}

func fail(b *testing.B, rpc string, err error, diags []*tfprotov6.Diagnostic) {
	if err != nil {
		b.Fatalf("%s: %v", rpc, err)
	}
	for _, d := range diags {
		b.Fatalf("%s: %s: %s", rpc, d.Summary, d.Detail)
	}
}

// BenchmarkRPC sends noop_campaign the RPCs that internal/provider/campaign's
// BenchmarkRPC sends oneapi_campaign, with the same names, so that their
// costs compare call for call (make bench counts their instructions).
func BenchmarkRPC(b *testing.B) {
	ctx := context.Background()
	srv := providerserver.NewProtocol6(&noopProvider{})()
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	typ := schemas.ResourceSchemas["noop_campaign"].ValueType()
	cfgVal, err := tftypes.ValueFromJSONWithOpts([]byte(noopConfig), typ, tftypes.ValueFromJSONOpts{})
	if err != nil {
		b.Fatal(err)
	}
	config, _ := tfprotov6.NewDynamicValue(typ, cfgVal)
	nullState, _ := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, nil))
	pcfg, _ := tfprotov6.NewDynamicValue(schemas.Provider.ValueType(), tftypes.NewValue(schemas.Provider.ValueType(), map[string]tftypes.Value{}))
	cresp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.8.5", Config: &pcfg})
	fail(b, "configure", err, cresp.Diagnostics)
	planCreate := func(b *testing.B) *tfprotov6.PlanResourceChangeResponse {
		resp, err := srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: "noop_campaign",
			PriorState: &nullState, ProposedNewState: &config, Config: &config})
		fail(b, "plan create", err, resp.Diagnostics)
		return resp
	}
	planned := planCreate(b)
	created, err := srv.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: "noop_campaign",
		PriorState: &nullState, PlannedState: planned.PlannedState, Config: &config})
	fail(b, "create", err, created.Diagnostics)
	state := created.NewState
	if created.NewIdentity == nil {
		b.Fatal("create: no identity")
	}
	identity := created.NewIdentity
	stateVal, _ := state.Unmarshal(typ)
	jsonState, err := json.Marshal(plain(stateVal))
	if err != nil {
		b.Fatal(err)
	}

	b.Run("ValidateResourceConfig", func(b *testing.B) {
		for b.Loop() {
			resp, err := srv.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: "noop_campaign", Config: &config})
			fail(b, "validate", err, resp.Diagnostics)
		}
	})
	b.Run("UpgradeResourceState", func(b *testing.B) {
		for b.Loop() {
			resp, err := srv.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: "noop_campaign",
				RawState: &tfprotov6.RawState{JSON: jsonState}})
			fail(b, "upgrade", err, resp.Diagnostics)
		}
	})
	b.Run("ReadResource", func(b *testing.B) {
		for b.Loop() {
			resp, err := srv.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: "noop_campaign", CurrentState: state})
			fail(b, "read", err, resp.Diagnostics)
		}
	})
	// An unchanged campaign's plan, with its prior identity as Terraform
	// 1.12 and later send it, and without, as Terraform 1.11 and older do.
	b.Run("PlanResourceChange", func(b *testing.B) {
		for b.Loop() {
			resp, err := srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: "noop_campaign",
				PriorState: state, PriorIdentity: identity, ProposedNewState: state, Config: &config})
			fail(b, "plan", err, resp.Diagnostics)
		}
	})
	b.Run("PlanResourceChange no identity", func(b *testing.B) {
		for b.Loop() {
			resp, err := srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: "noop_campaign",
				PriorState: state, ProposedNewState: state, Config: &config})
			fail(b, "plan without identity", err, resp.Diagnostics)
		}
	})
	changed := func(dv *tfprotov6.DynamicValue) *tfprotov6.DynamicValue {
		v, err := dv.Unmarshal(typ)
		if err != nil {
			b.Fatal(err)
		}
		var attrs map[string]tftypes.Value
		if err := v.As(&attrs); err != nil {
			b.Fatal(err)
		}
		attrs["desired_state"] = tftypes.NewValue(tftypes.String, "stopped")
		out, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
		if err != nil {
			b.Fatal(err)
		}
		return &out
	}
	proposedStop, configStop := changed(state), changed(&config)
	b.Run("PlanResourceChange update", func(b *testing.B) {
		for b.Loop() {
			resp, err := srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: "noop_campaign",
				PriorState: state, ProposedNewState: proposedStop, Config: configStop})
			fail(b, "plan update", err, resp.Diagnostics)
		}
	})
	b.Run("PlanResourceChange create", func(b *testing.B) {
		for b.Loop() {
			planCreate(b)
		}
	})
	b.Run("ApplyResourceChange create", func(b *testing.B) {
		for b.Loop() {
			resp, err := srv.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: "noop_campaign",
				PriorState: &nullState, PlannedState: planned.PlannedState, Config: &config})
			fail(b, "apply create", err, resp.Diagnostics)
		}
	})
	b.Run("state JSON decode", func(b *testing.B) {
		for b.Loop() {
			var m map[string]any
			if err := json.Unmarshal(jsonState, &m); err != nil {
				b.Fatal(err)
			}
		}
	})
}
