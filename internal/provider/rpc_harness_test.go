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

// benchState is one campaign's state as Terraform stores it after the
// benchmark configuration of bench/main.go was applied.
const benchState = `{
 "add_to_contact_book": null, "calculated_price": "0.02", "check_stop_list": null,
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
