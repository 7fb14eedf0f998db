package acctest

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
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// BenchState is one campaign's state as Terraform stores it after the
// benchmark configuration of bench/main.go was applied.
const BenchState = `{
 "add_to_contact_book": null, "calculated_price": "0.02", "check_stop_list": null,
 "created_at": "2026-11-27 11:29:21", "currency": "USD", "desired_state": null, "finished_at": null,
 "id": "%d", "message_type": "rcs", "name": "RCS api campaign / 2026-11-27 11:29:21",
 "rcs": {"cards": null, "sender": "bench", "text": "Benchmark"}, "real_start_at": null,
 "recipients": {"groups": null, "phones": ["380600000000"]},
 "sms": null, "sms_fallback": null, "sms_fallback_statistics": null, "start_at": "%s",
 "statistics": {"delivered": 0, "sent": 0}, "status": "creation", "stop_on_destroy": false,
 "tariff_code": null, "timeouts": null, "validity_hours": null, "validity_seconds": null
}`

// ComputedOnly are the attributes a configuration cannot set.
var ComputedOnly = []string{"id", "name", "status", "message_type", "real_start_at", "finished_at", "created_at",
	"statistics", "sms_fallback_statistics", "calculated_price", "currency"}

type RPCHarness struct {
	Srv           tfprotov6.ProviderServer
	State, Config *tfprotov6.DynamicValue
	RawState      []byte
	Typ           tftypes.Type
	Sandbox       *sandbox.Sandbox
	ID            int64
}

func NewRPCHarness(b testing.TB) *RPCHarness {
	b.Helper()
	ctx := context.Background()
	// As the released binary runs when Terraform does not show provider
	// logs (main.go: quietUnreadLogs).
	for _, name := range provider.LogLevelVariables {
		b.Setenv(name, "OFF")
	}
	sb := sandbox.New(sandbox.Config{APIKeys: []string{APIKey}})
	ts := httptest.NewServer(sb)
	b.Cleanup(ts.Close)
	c, err := client.New(client.WithEndpoint(ts.URL), client.WithAPIKey(APIKey))
	if err != nil {
		b.Fatal(err)
	}
	cp, err := c.CreateRCSCampaign(ctx, client.RCSCampaignRequest{Sender: "bench", Phones: []client.Phone{{Number: "380600000000"}},
		Options: client.RCSOptions{Text: "Benchmark"}})
	if err != nil {
		b.Fatal(err)
	}

	srv := provider.NewProtocol6Server("bench")()
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
	RequireNoDiagnostics(b, "configure", err, cresp.Diagnostics)

	r := &RPCHarness{Srv: srv, Sandbox: sb, Typ: schemas.ResourceSchemas["oneapi_campaign"].ValueType(), ID: cp.ID}
	r.RawState = []byte(fmt.Sprintf(BenchState, cp.ID, time.Now().Add(48*time.Hour).UTC().Format(client.TimeLayout)))
	stateVal, err := tftypes.ValueFromJSONWithOpts(r.RawState, r.Typ, tftypes.ValueFromJSONOpts{})
	if err != nil {
		b.Fatal(err)
	}
	r.State = DynamicValue(b, r.Typ, stateVal)
	var attrs map[string]tftypes.Value // shares the state value's map: state is encoded above
	if err := stateVal.As(&attrs); err != nil {
		b.Fatal(err)
	}
	objType := r.Typ.(tftypes.Object)
	for _, name := range ComputedOnly {
		attrs[name] = tftypes.NewValue(objType.AttributeTypes[name], nil)
	}
	r.Config = DynamicValue(b, r.Typ, tftypes.NewValue(r.Typ, attrs))
	return r
}

func DynamicValue(b testing.TB, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	b.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		b.Fatal(err)
	}
	return &dv
}

func RequireNoDiagnostics(b testing.TB, rpc string, err error, diags []*tfprotov6.Diagnostic) {
	if err != nil {
		b.Fatalf("%s: %v", rpc, err)
	}
	for _, d := range diags {
		b.Fatalf("%s: %s: %s", rpc, d.Summary, d.Detail)
	}
}

// CampaignValue is the benchmark campaign's state with some attributes
// replaced (JSON values), as a Terraform value of the resource's type.
func (r *RPCHarness) CampaignValue(t *testing.T, overrides map[string]any, configOnly bool) tftypes.Value {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.RawState, &m); err != nil {
		t.Fatal(err)
	}
	for k, v := range overrides {
		m[k] = v
	}
	if configOnly {
		for _, k := range ComputedOnly {
			m[k] = nil
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	v, err := tftypes.ValueFromJSONWithOpts(b, r.Typ, tftypes.ValueFromJSONOpts{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

type PlanResult struct {
	Resp    *tfprotov6.PlanResourceChangeResponse
	Planned map[string]tftypes.Value
}

func (p PlanResult) Diagnostics(severity tfprotov6.DiagnosticSeverity) []string {
	var out []string
	for _, d := range p.Resp.Diagnostics {
		if d.Severity == severity {
			out = append(out, d.Summary)
		}
	}
	return out
}

// Plan sends the plan Terraform would send for a campaign in state `state`
// whose configuration sets `config` (nil config: the resource is removed).
func (r *RPCHarness) Plan(t *testing.T, state, config map[string]any) PlanResult {
	t.Helper()
	prior := r.CampaignValue(t, state, false)
	proposed, cfg := tftypes.NewValue(r.Typ, nil), tftypes.NewValue(r.Typ, nil)
	if config != nil {
		both := map[string]any{}
		for k, v := range state {
			both[k] = v
		}
		for k, v := range config {
			both[k] = v
		}
		proposed = r.CampaignValue(t, both, false) // computed attributes come from the prior state
		cfg = r.CampaignValue(t, both, true)
	}
	resp, err := r.Srv.PlanResourceChange(context.Background(), &tfprotov6.PlanResourceChangeRequest{TypeName: "oneapi_campaign",
		PriorState: DynamicValue(t, r.Typ, prior), ProposedNewState: DynamicValue(t, r.Typ, proposed), Config: DynamicValue(t, r.Typ, cfg)})
	if err != nil {
		t.Fatal(err)
	}
	res := PlanResult{Resp: resp}
	if resp.PlannedState != nil {
		v, err := resp.PlannedState.Unmarshal(r.Typ)
		if err != nil {
			t.Fatal(err)
		}
		if !v.IsNull() {
			if err := v.As(&res.Planned); err != nil {
				t.Fatal(err)
			}
		}
	}
	return res
}
