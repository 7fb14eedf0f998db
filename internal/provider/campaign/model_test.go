package campaign_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/campaign"
)

func ptr[T any](v T) *T { return &v }

func TestCampaignFromAPI(t *testing.T) {
	t.Parallel()
	created := client.Campaign{
		ID: 3000000001, Name: "RCS api campaign / 2025-04-14 13:43:13", Status: "creation", MessageType: "rcs",
		StartAt: ptr("2025-04-14 10:43:13"), CreatedAt: ptr("2025-04-14 13:43:13"),
		CalculatedPrice: ptr(json.Number("0.0175696")), Currency: ptr("USD"),
		AlternativeChannels: &client.AlternativeChannels{SMS: &client.ChannelStatistics{Statistics: client.Statistics{Sent: 2, Delivered: 1}}},
	}
	m := campaign.CampaignResourceModel{StartAt: types.StringValue("2025-04-14T12:43:13+02:00"), CalculatedPrice: types.StringUnknown(), Currency: types.StringUnknown()}
	campaign.CampaignFromAPI(&created, &m, time.UTC)
	if m.ID.ValueString() != "3000000001" || m.CalculatedPrice.ValueString() != "0.0175696" || m.Currency.ValueString() != "USD" {
		t.Fatalf("create answer mapped wrong: %+v", m)
	}
	if m.StartAt.ValueString() != "2025-04-14T12:43:13+02:00" {
		t.Errorf("start_at = %q: the configured spelling of the same instant must be kept", m.StartAt.ValueString())
	}
	if m.RealStartAt.IsUnknown() || !m.RealStartAt.IsNull() || !m.FinishedAt.IsNull() {
		t.Errorf("null times must map to null: %v %v", m.RealStartAt, m.FinishedAt)
	}
	if got := m.SMSFallbackStatistics.Attributes()["sent"]; !got.Equal(types.Int64Value(2)) {
		t.Errorf("fallback sent = %v", got)
	}

	// A later read carries price 0 and currency null: the estimate stays.
	read := created
	read.CalculatedPrice, read.Currency, read.AlternativeChannels = ptr(json.Number("0.0")), nil, nil
	read.StartAt = ptr("2025-04-14 10:50:00")
	campaign.CampaignFromAPI(&read, &m, time.UTC)
	if m.CalculatedPrice.ValueString() != "0.0175696" || m.Currency.ValueString() != "USD" {
		t.Errorf("the create-time estimate was lost: %v %v", m.CalculatedPrice, m.Currency)
	}
	if m.StartAt.ValueString() != "2025-04-14 10:50:00" {
		t.Errorf("a different instant from the server must win: %q", m.StartAt.ValueString())
	}
	if !m.SMSFallbackStatistics.IsNull() {
		t.Errorf("no alternative channel must map to null statistics")
	}
}

func TestCampaignToCreateRequest(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	recipients := types.ObjectValueMust(campaign.RecipientsAttrTypes, map[string]attr.Value{
		"phones": types.SetValueMust(types.StringType, []attr.Value{types.StringValue("380661231232"), types.StringValue("380661231231")}),
		"groups": types.SetNull(types.Int64Type),
	})
	schemaResp := campaignSchemaForTest(t)
	rcsType := schemaResp.Attributes["rcs"].GetType().(types.ObjectType)
	fallbackType := schemaResp.Attributes["sms_fallback"].GetType().(types.ObjectType)
	smsType := schemaResp.Attributes["sms"].GetType().(types.ObjectType)
	m := campaign.CampaignResourceModel{
		Recipients: recipients,
		SMSFallback: types.ObjectValueMust(fallbackType.AttrTypes, map[string]attr.Value{
			"sender": types.StringValue("testsms"), "text": types.StringValue("Hi by SMS"),
			"validity_hours": types.Int64Value(24), "validity_seconds": types.Int64Null(), "check_stop_list": types.BoolNull(),
			"unsubscribe_caption": types.StringNull(), "short_links": types.ListNull(fallbackType.AttrTypes["short_links"].(types.ListType).ElemType),
		}),
		StartAt:    types.StringValue("2026-12-01T11:00:00+02:00"),
		TariffCode: types.Int64Value(9), ValidityHours: types.Int64Null(), ValiditySeconds: types.Int64Null(),
		CheckStopList: types.BoolValue(false), AddToContactBook: types.BoolNull(),
	}.WithBlock("rcs", types.ObjectValueMust(rcsType.AttrTypes, map[string]attr.Value{
		"sender": types.StringValue("agent"), "text": types.StringValue("Hi"),
		"cards": types.ListNull(rcsType.AttrTypes["cards"].(types.ListType).ElemType),
	})).WithBlock("sms", types.ObjectNull(smsType.AttrTypes))
	req, diags := campaign.CampaignToCreateRequest(ctx, m, time.UTC)
	if diags.HasError() || req.RCS() == nil || req.SMS() != nil {
		t.Fatalf("%v %+v", diags, req)
	}
	r := req.RCS()
	if r.Phones[0].Number != "380661231231" || r.Phones[1].Number != "380661231232" {
		t.Errorf("phones not sorted: %+v", r.Phones)
	}
	if r.StartAt != "2026-12-01 09:00:00" {
		t.Errorf("start_at = %q, want it in UTC in the API's layout", r.StartAt)
	}
	if *r.TariffCode != 9 || *r.CheckStopList || r.AddToContactBook != nil || r.Validity != nil {
		t.Errorf("options mapped wrong: %+v", r)
	}
	if r.SMSFallback == nil || *r.SMSFallback.Validity != 24 || r.SMSFallback.Sender != "testsms" {
		t.Errorf("fallback mapped wrong: %+v", r.SMSFallback)
	}

	m.Recipients = types.ObjectNull(campaign.RecipientsAttrTypes)
	if _, diags := campaign.CampaignToCreateRequest(ctx, m, time.UTC); !diags.HasError() {
		t.Error("a create without recipients must fail")
	}
}

func campaignSchemaForTest(t *testing.T) schema.Schema {
	t.Helper()
	var resp resource.SchemaResponse
	(&campaign.CampaignResource{}).Schema(context.Background(), resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if diags := resp.Schema.ValidateImplementation(context.Background()); diags.HasError() {
		t.Fatal(diags)
	}
	return resp.Schema
}

// TestStateWithANumericPriceStillReads: earlier builds of the provider stored
// calculated_price as a number; such a state is read as the decimal text,
// with no upgrade step and no diagnostic.
func TestStateWithANumericPriceStillReads(t *testing.T) {
	r := acctest.NewRPCHarness(t)
	ctx := context.Background()
	for raw, want := range map[string]string{`0.0175696`: "0.0175696", `0`: "0", `"0.02"`: "0.02"} {
		state := bytes.Replace(r.RawState, []byte(`"calculated_price": "0.02"`), []byte(`"calculated_price": `+raw), 1)
		resp, err := r.Srv.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: "oneapi_campaign",
			RawState: &tfprotov6.RawState{JSON: state}})
		acctest.RequireNoDiagnostics(t, "upgrade", err, resp.Diagnostics)
		v, err := resp.UpgradedState.Unmarshal(r.Typ)
		if err != nil {
			t.Fatal(err)
		}
		var attrs map[string]tftypes.Value
		if err := v.As(&attrs); err != nil {
			t.Fatal(err)
		}
		var got string
		if err := attrs["calculated_price"].As(&got); err != nil || got != want {
			t.Errorf("calculated_price %s in the stored state read as %q (%v), want %q", raw, got, err, want)
		}
	}
}
