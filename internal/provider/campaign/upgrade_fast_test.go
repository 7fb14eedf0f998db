package campaign_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/campaign"
)

// fastUpgradeCorpus generates stored campaign states as Terraform sends
// them to UpgradeResourceState: every attribute set or null, numbers at
// the edges of precision, the price as a number (earlier builds) or text,
// attributes the schema no longer has, attributes missing, and JSON that
// is not a campaign.
func fastUpgradeCorpus(t *testing.T) map[string][]byte {
	t.Helper()
	var base map[string]any
	if err := json.Unmarshal([]byte(fmt.Sprintf(acctest.BenchState, int64(3000000001), "2026-12-01 09:00:00")), &base); err != nil {
		t.Fatal(err)
	}
	variants := map[string]map[string]any{
		"as applied":               {},
		"price as a number":        {"calculated_price": json.Number("0.0175696")},
		"price zero":               {"calculated_price": json.Number("0")},
		"price null":               {"calculated_price": nil},
		"statistics beyond 2^53":   {"statistics": map[string]any{"sent": json.Number("9007199254740993"), "delivered": json.Number("1e3")}},
		"fallback statistics":      {"sms_fallback_statistics": map[string]any{"sent": 2, "delivered": 1}},
		"stopped, stop_on_destroy": {"status": "stopped", "desired_state": "stopped", "stop_on_destroy": true},
		"stop_on_destroy null":     {"stop_on_destroy": nil},
		"timeouts":                 {"timeouts": map[string]any{"create": "5m", "read": nil, "update": nil, "delete": "1h"}},
		"groups":                   {"recipients": map[string]any{"groups": []any{json.Number("1864700"), json.Number("2")}, "phones": nil}},
		"sms":                      {"rcs": nil, "sms": map[string]any{"sender": "Shop", "text": "Sale", "tariff_code": nil}},
		"cards": {"rcs": map[string]any{"sender": "agent", "text": nil, "cards": []any{map[string]any{
			"title": "A", "description": "B", "image_url": "https://example.com/a.png", "buttons": nil}}}},
		"an attribute the schema no longer has": {"retired": "x"},
		"an attribute missing":                  {"tariff_code": "delete"},
		"every attribute null":                  {"*": nil},
	}
	out := map[string][]byte{}
	for name, changes := range variants {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range changes {
			switch {
			case k == "*":
				for key := range m {
					m[key] = nil
				}
			case v == "delete":
				delete(m, k)
			default:
				m[k] = v
			}
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = b
	}
	out["JSON null"], out["empty object"], out["not JSON"], out["a list"] = []byte(`null`), []byte(`{}`), []byte(`{"id":`), []byte(`[1]`)
	out["a string for a number"] = bytes.Replace(out["as applied"], []byte(`"delivered":0`), []byte(`"delivered":"zero"`), 1)
	return out
}

// TestFastUpgradeMatchesTheFramework sends every stored state of the
// corpus, at the schema's version and at others, to the framework and to
// the fast path: wherever the fast path answers, its answer is the
// framework's, byte for byte, and the framework has no diagnostics; a
// state of another version, a flatmap state, another resource type or JSON
// that does not decode is left to the framework.
func TestFastUpgradeMatchesTheFramework(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	framework := providerserver.NewProtocol6(provider.New("test")())()
	if _, err := framework.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		t.Fatal(err)
	}
	answered, requests := 0, 0
	for name, raw := range fastUpgradeCorpus(t) {
		for _, version := range []int64{campaign.CampaignSchema().Version, campaign.CampaignSchema().Version + 1} {
			for _, typeName := range []string{"oneapi_campaign", "oneapi_contact"} {
				requests++
				req := &tfprotov6.UpgradeResourceStateRequest{TypeName: typeName, Version: version, RawState: &tfprotov6.RawState{JSON: raw}}
				fast := campaign.FastUpgrade(req)
				if fast == nil {
					continue
				}
				answered++
				if version != campaign.CampaignSchema().Version || typeName != "oneapi_campaign" {
					t.Errorf("%s (%s, version %d): the fast path answered; only the framework may", name, typeName, version)
					continue
				}
				slow, err := framework.UpgradeResourceState(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				if len(slow.Diagnostics) > 0 {
					t.Errorf("%s: the fast path answered, the framework has diagnostics: %s: %s", name, slow.Diagnostics[0].Summary, slow.Diagnostics[0].Detail)
					continue
				}
				if !bytes.Equal(fast.UpgradedState.MsgPack, slow.UpgradedState.MsgPack) || len(fast.UpgradedState.JSON) > 0 {
					got, _ := fast.UpgradedState.Unmarshal(campaign.CampaignStateType())
					want, _ := slow.UpgradedState.Unmarshal(campaign.CampaignStateType())
					diffs, _ := got.Diff(want)
					t.Errorf("%s: upgraded state differs from the framework's: %v", name, diffs)
				}
			}
		}
	}
	flatmap := &tfprotov6.UpgradeResourceStateRequest{TypeName: "oneapi_campaign", RawState: &tfprotov6.RawState{Flatmap: map[string]string{"id": "1"}}}
	if campaign.FastUpgrade(flatmap) != nil {
		t.Error("a flatmap state must go to the framework")
	}
	t.Logf("%d requests, %d answered by the fast path, each as the framework answers", requests, answered)
	if answered < 10 {
		t.Errorf("the fast path answered only %d of %d requests: the corpus does not exercise it", answered, requests)
	}
}
