package campaign_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/campaign"
)

// planCase is one PlanResourceChange request of the corpus.
type planCase struct {
	name                   string
	prior, config, planned tftypes.Value
	private                []byte
}

// fastPlanCorpus generates requests as Terraform sends them: every status,
// every prior and configured desired_state, imported or not, found or not,
// with and without content, stop_on_destroy default or set, start_at and
// timeouts given or left out, unknown values, and changes.
func fastPlanCorpus(t *testing.T) []planCase {
	t.Helper()
	typ := campaign.CampaignStateType().(tftypes.Object)
	null := func(name string) tftypes.Value { return tftypes.NewValue(typ.AttributeTypes[name], nil) }
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	rcs := tftypes.NewValue(typ.AttributeTypes["rcs"], map[string]tftypes.Value{
		"sender": str("agent"), "text": str("Hello"), "cards": tftypes.NewValue(typ.AttributeTypes["rcs"].(tftypes.Object).AttributeTypes["cards"], nil),
	})
	phones := tftypes.NewValue(typ.AttributeTypes["recipients"], map[string]tftypes.Value{
		"phones": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{str("380661231231")}),
		"groups": tftypes.NewValue(tftypes.Set{ElementType: tftypes.Number}, nil),
	})
	stats := tftypes.NewValue(typ.AttributeTypes["statistics"], map[string]tftypes.Value{
		"sent": tftypes.NewValue(tftypes.Number, 3), "delivered": tftypes.NewValue(tftypes.Number, 2),
	})
	timeouts := tftypes.NewValue(typ.AttributeTypes["timeouts"], map[string]tftypes.Value{
		"create": str("5m"), "read": tftypes.NewValue(tftypes.String, nil), "update": tftypes.NewValue(tftypes.String, nil), "delete": str("1h"),
	})
	privates := map[string][]byte{
		"none": nil, "imported": []byte(`{"imported":"dHJ1ZQ=="}`), "not found": []byte(`{"not_found":"dHJ1ZQ=="}`),
		"imported, not found": []byte(`{"imported":"dHJ1ZQ==","not_found":"dHJ1ZQ=="}`), "empty": {},
		// An unresolved create (pending.go) always plans an update.
		"pending create": []byte(`{"pending_create":"` + base64.StdEncoding.EncodeToString([]byte(
			`{"path":"/api/campaigns/rcs/send","reference_ids":["a1"],"sender":"rcs_sender","message_type":"rcs","started":"2026-11-27T10:00:00Z","fingerprint":"00"}`)) + `"}`),
	}
	var out []planCase
	for _, status := range campaign.CampaignStatuses {
		for _, priorDesired := range []string{"", campaign.DesiredActive, campaign.DesiredStopped} {
			for _, configDesired := range []string{"same", "", campaign.DesiredActive, campaign.DesiredStopped, "unknown"} {
				for privName, private := range privates {
					for _, content := range []bool{true, false} {
						for _, stop := range []string{"default", "true", "false", "false by default"} {
							for _, extras := range []bool{false, true} {
								prior := map[string]tftypes.Value{}
								for name := range typ.AttributeTypes {
									prior[name] = null(name)
								}
								prior["id"], prior["name"], prior["status"], prior["message_type"] = str("3000000001"), str("RCS api campaign"), str(status), str("rcs")
								prior["created_at"], prior["start_at"], prior["statistics"] = str("2026-11-27 10:00:00"), str("2026-12-01 09:00:00"), stats
								prior["calculated_price"], prior["currency"] = str("0.02"), str("USD")
								prior["stop_on_destroy"] = tftypes.NewValue(tftypes.Bool, stop != "false" && stop != "false by default")
								if priorDesired != "" {
									prior["desired_state"] = str(priorDesired)
								}
								if content {
									prior["recipients"], prior["rcs"] = phones, rcs
								}
								if extras {
									prior["timeouts"] = timeouts
								}
								config := map[string]tftypes.Value{}
								for name, v := range prior {
									config[name] = v
								}
								for _, name := range acctest.ComputedOnly {
									config[name] = null(name)
								}
								if !extras {
									config["start_at"] = null("start_at")
								}
								switch stop {
								case "default", "false by default":
									config["stop_on_destroy"] = null("stop_on_destroy")
								}
								switch configDesired {
								case "same":
								case "":
									config["desired_state"] = null("desired_state")
								case "unknown":
									config["desired_state"] = tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
								default:
									config["desired_state"] = str(configDesired)
								}
								// Terraform's proposed new state: the configuration,
								// with the prior values of computed attributes it
								// leaves null.
								planned := map[string]tftypes.Value{}
								for name, v := range config {
									planned[name] = v
								}
								for _, name := range append([]string{"start_at", "stop_on_destroy"}, acctest.ComputedOnly...) {
									if config[name].IsNull() {
										planned[name] = prior[name]
									}
								}
								out = append(out, planCase{
									name:  fmt.Sprintf("%s/%s->%s/%s/content=%v/stop=%s/extras=%v", status, priorDesired, configDesired, privName, content, stop, extras),
									prior: tftypes.NewValue(typ, prior), config: tftypes.NewValue(typ, config), planned: tftypes.NewValue(typ, planned),
									private: private,
								})
							}
						}
					}
				}
			}
		}
	}
	return out
}

// TestFastPlanMatchesTheFramework sends every request of the corpus to the
// framework and to the fast path; wherever the fast path answers, its
// answer must be the framework's: the same planned state, private data,
// replacements and diagnostics (none).
func TestFastPlanMatchesTheFramework(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	framework := providerserver.NewProtocol6(provider.New("test")())()
	if _, err := framework.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		t.Fatal(err)
	}
	typ := campaign.CampaignStateType()
	dv := func(v tftypes.Value) *tfprotov6.DynamicValue {
		d, err := tfprotov6.NewDynamicValue(typ, v)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	idType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}}
	identity := func(v tftypes.Value) *tfprotov6.ResourceIdentityData {
		var attrs map[string]tftypes.Value
		if v.As(&attrs) != nil || attrs["id"].IsNull() {
			return nil // a state written before identities
		}
		d, err := tfprotov6.NewDynamicValue(idType, tftypes.NewValue(idType, map[string]tftypes.Value{"id": attrs["id"]}))
		if err != nil {
			t.Fatal(err)
		}
		return &tfprotov6.ResourceIdentityData{IdentityData: &d}
	}
	corpus := fastPlanCorpus(t)
	answered := 0
	for i, c := range corpus {
		req := &tfprotov6.PlanResourceChangeRequest{
			TypeName: "oneapi_campaign", PriorState: dv(c.prior), ProposedNewState: dv(c.planned), Config: dv(c.config), PriorPrivate: c.private,
		}
		if i%5 != 0 { // every fifth state has no identity yet
			req.PriorIdentity = identity(c.prior)
		}
		fast := campaign.FastPlan(req)
		if fast == nil {
			continue
		}
		answered++
		slow, err := framework.PlanResourceChange(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if len(slow.Diagnostics) > 0 {
			t.Errorf("%s: the fast path answered, the framework has diagnostics: %s: %s", c.name, slow.Diagnostics[0].Summary, slow.Diagnostics[0].Detail)
			continue
		}
		got, _ := fast.PlannedState.Unmarshal(typ)
		want, err := slow.PlannedState.Unmarshal(typ)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Equal(want) {
			diffs, _ := got.Diff(want)
			t.Errorf("%s: planned state differs from the framework's: %v", c.name, diffs)
		}
		if slow.PlannedIdentity == nil || !bytes.Equal(fast.PlannedIdentity.IdentityData.MsgPack, slow.PlannedIdentity.IdentityData.MsgPack) {
			t.Errorf("%s: planned identity %v differs from the framework's %v", c.name, fast.PlannedIdentity, slow.PlannedIdentity)
		}
		if !bytes.Equal(fast.PlannedPrivate, slow.PlannedPrivate) || len(slow.RequiresReplace) > 0 {
			t.Errorf("%s: private %q / %q, replace %v", c.name, fast.PlannedPrivate, slow.PlannedPrivate, slow.RequiresReplace)
		}
	}
	t.Logf("%d requests, %d answered by the fast path, each as the framework answers", len(corpus), answered)
	if answered < len(corpus)/20 {
		t.Errorf("the fast path answered only %d of %d requests: the corpus does not exercise it", answered, len(corpus))
	}
}
