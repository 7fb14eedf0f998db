package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// The RPC benchmarks drive the provider server the way Terraform does for
// one campaign in a plan of an unchanged configuration (validate, upgrade
// state, read, plan), in process and without the CLI, so that changes to
// the provider's per-resource cost can be compared with
// `go test -bench RPC -benchmem` instead of the noisy wall time of a
// 1,000-campaign plan (make bench).

// benchState is one campaign's state as Terraform stores it after the
// benchmark configuration of bench/main.go was applied.
const benchState = `{
 "add_to_contact_book": null, "calculated_price": 0.02, "check_stop_list": null,
 "created_at": "2026-11-27 11:29:21", "currency": "USD", "desired_state": null, "finished_at": null,
 "id": "%d", "message_type": "rcs", "name": "RCS api campaign / 2026-11-27 11:29:21",
 "rcs": {"cards": null, "sender": "bench", "text": "Benchmark"}, "real_start_at": null,
 "recipients": {"groups": null, "phones": ["380600000000"]},
 "sms": null, "sms_fallback": null, "sms_fallback_statistics": null, "start_at": "%s",
 "statistics": {"delivered": 0, "sent": 0}, "status": "creation", "stop_on_destroy": false,
 "tariff_code": null, "timeouts": null, "validity_hours": null, "validity_seconds": null
}`

// computedOnly are the attributes a configuration cannot set.
var computedOnly = []string{"id", "name", "status", "message_type", "real_start_at", "finished_at", "created_at",
	"statistics", "sms_fallback_statistics", "calculated_price", "currency"}

type rpcHarness struct {
	srv           tfprotov6.ProviderServer
	state, config *tfprotov6.DynamicValue
	rawState      []byte
	typ           tftypes.Type
	sandbox       *sandbox.Sandbox
	id            int64
}

func newRPCHarness(b testing.TB) *rpcHarness {
	b.Helper()
	ctx := context.Background()
	// As the released binary runs when Terraform does not show provider
	// logs (main.go: quietUnreadLogs).
	for _, name := range LogLevelVariables {
		b.Setenv(name, "OFF")
	}
	sb := sandbox.New(sandbox.Config{APIKeys: []string{testAPIKey}})
	ts := httptest.NewServer(sb)
	b.Cleanup(ts.Close)
	c, err := client.New(client.WithEndpoint(ts.URL), client.WithAPIKey(testAPIKey))
	if err != nil {
		b.Fatal(err)
	}
	cp, err := c.CreateRCSCampaign(ctx, client.RCSCampaignRequest{Sender: "bench", Phones: []client.Phone{{Number: "380600000000"}},
		Options: client.RCSOptions{Text: "Benchmark"}})
	if err != nil {
		b.Fatal(err)
	}

	srv := NewProtocol6Server("bench")()
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	providerType := schemas.Provider.ValueType().(tftypes.Object)
	pcfg := map[string]tftypes.Value{}
	for name, t := range providerType.AttributeTypes {
		pcfg[name] = tftypes.NewValue(t, nil)
	}
	pcfg["endpoint"] = tftypes.NewValue(tftypes.String, ts.URL)
	pdv, err := tfprotov6.NewDynamicValue(providerType, tftypes.NewValue(providerType, pcfg))
	if err != nil {
		b.Fatal(err)
	}
	cresp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.8.5", Config: &pdv})
	requireNoDiagnostics(b, "configure", err, cresp.Diagnostics)

	r := &rpcHarness{srv: srv, sandbox: sb, typ: schemas.ResourceSchemas["oneapi_campaign"].ValueType(), id: cp.ID}
	r.rawState = []byte(fmt.Sprintf(benchState, cp.ID, time.Now().Add(48*time.Hour).UTC().Format(apiTimeLayout)))
	stateVal, err := tftypes.ValueFromJSONWithOpts(r.rawState, r.typ, tftypes.ValueFromJSONOpts{})
	if err != nil {
		b.Fatal(err)
	}
	r.state = dynamicValue(b, r.typ, stateVal)
	var attrs map[string]tftypes.Value // shares the state value's map: state is encoded above
	if err := stateVal.As(&attrs); err != nil {
		b.Fatal(err)
	}
	objType := r.typ.(tftypes.Object)
	for _, name := range computedOnly {
		attrs[name] = tftypes.NewValue(objType.AttributeTypes[name], nil)
	}
	r.config = dynamicValue(b, r.typ, tftypes.NewValue(r.typ, attrs))
	return r
}

func dynamicValue(b testing.TB, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	b.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		b.Fatal(err)
	}
	return &dv
}

func requireNoDiagnostics(b testing.TB, rpc string, err error, diags []*tfprotov6.Diagnostic) {
	if err != nil {
		b.Fatalf("%s: %v", rpc, err)
	}
	for _, d := range diags {
		b.Fatalf("%s: %s: %s", rpc, d.Summary, d.Detail)
	}
}

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
