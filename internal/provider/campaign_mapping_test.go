package provider

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

func ptr[T any](v T) *T { return &v }

func TestCampaignFromAPI(t *testing.T) {
	created := client.Campaign{
		ID: 3000000001, Name: "RCS api campaign / 2025-04-14 13:43:13", Status: "creation", MessageType: "rcs",
		StartAt: ptr("2025-04-14 10:43:13"), CreatedAt: ptr("2025-04-14 13:43:13"),
		CalculatedPrice: ptr(0.0175696), Currency: ptr("USD"),
		AlternativeChannels: &client.AlternativeChannels{SMS: &client.ChannelStatistics{Statistics: client.Statistics{Sent: 2, Delivered: 1}}},
	}
	m := campaignResourceModel{StartAt: types.StringValue("2025-04-14T12:43:13+02:00"), CalculatedPrice: types.Float64Unknown(), Currency: types.StringUnknown()}
	campaignFromAPI(&created, &m, time.UTC)
	if m.ID.ValueString() != "3000000001" || m.CalculatedPrice.ValueFloat64() != 0.0175696 || m.Currency.ValueString() != "USD" {
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
	read.CalculatedPrice, read.Currency, read.AlternativeChannels = ptr(0.0), nil, nil
	read.StartAt = ptr("2025-04-14 10:50:00")
	campaignFromAPI(&read, &m, time.UTC)
	if m.CalculatedPrice.ValueFloat64() != 0.0175696 || m.Currency.ValueString() != "USD" {
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
	ctx := context.Background()
	recipients := types.ObjectValueMust(recipientsAttrTypes, map[string]attr.Value{
		"phones": types.SetValueMust(types.StringType, []attr.Value{types.StringValue("380661231232"), types.StringValue("380661231231")}),
		"groups": types.SetNull(types.Int64Type),
	})
	schemaResp := campaignSchemaForTest(t)
	rcsType := schemaResp.Attributes["rcs"].GetType().(types.ObjectType)
	fallbackType := schemaResp.Attributes["sms_fallback"].GetType().(types.ObjectType)
	smsType := schemaResp.Attributes["sms"].GetType().(types.ObjectType)
	m := campaignResourceModel{
		Recipients: recipients,
		RCS: types.ObjectValueMust(rcsType.AttrTypes, map[string]attr.Value{
			"sender": types.StringValue("agent"), "text": types.StringValue("Hi"),
			"cards": types.ListNull(rcsType.AttrTypes["cards"].(types.ListType).ElemType),
		}),
		SMS: types.ObjectNull(smsType.AttrTypes),
		SMSFallback: types.ObjectValueMust(fallbackType.AttrTypes, map[string]attr.Value{
			"sender": types.StringValue("testsms"), "text": types.StringValue("Hi by SMS"),
			"validity_hours": types.Int64Value(24), "validity_seconds": types.Int64Null(), "check_stop_list": types.BoolNull(),
		}),
		StartAt:    types.StringValue("2026-12-01T11:00:00+02:00"),
		TariffCode: types.Int64Value(9), ValidityHours: types.Int64Null(), ValiditySeconds: types.Int64Null(),
		CheckStopList: types.BoolValue(false), AddToContactBook: types.BoolNull(),
	}
	req, diags := campaignToCreateRequest(ctx, m, time.UTC)
	if diags.HasError() || req.rcs == nil || req.sms != nil {
		t.Fatalf("%v %+v", diags, req)
	}
	r := req.rcs
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

	m.Recipients = types.ObjectNull(recipientsAttrTypes)
	if _, diags := campaignToCreateRequest(ctx, m, time.UTC); !diags.HasError() {
		t.Error("a create without recipients must fail")
	}
}

func TestAPIFieldPath(t *testing.T) {
	tests := []struct {
		field string
		rcs   bool
		want  path.Path
	}{
		{"phones.3.number", true, path.Root("recipients").AtName("phones")},
		{"phones", false, path.Root("recipients").AtName("phones")},
		{"groups.0", true, path.Root("recipients").AtName("groups")},
		{"sender", true, path.Root("rcs").AtName("sender")},
		{"sender", false, path.Root("sms").AtName("sender")},
		{"text", false, path.Root("sms").AtName("text")},
		{"options.text", true, path.Root("rcs").AtName("text")},
		{"options.cards.0.title", true, path.Root("rcs").AtName("cards")},
		{"alternative_channel.sms.validity", true, path.Root("sms_fallback").AtName("validity_hours")},
		{"alternative_channel.sms.text", true, path.Root("sms_fallback").AtName("text")},
		{"validity", true, path.Root("validity_hours")},
		{"validity_seconds", true, path.Root("validity_seconds")},
		{"start_at", false, path.Root("start_at")},
	}
	for _, tt := range tests {
		got, ok := apiFieldPath(tt.field, tt.rcs)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("%s -> %s, want %s", tt.field, got, tt.want)
		}
	}
	if _, ok := apiFieldPath("something_new", true); ok {
		t.Error("an unknown field must not be attached to an attribute")
	}
}

func TestRunStateAction(t *testing.T) {
	tests := []struct {
		status, from, to string
		want             stateAction
	}{
		{"sending", "", "stopped", actionStop},
		{"creation", "active", "stopped", actionStop},
		{"scheduled", "", "stopped", actionStop},
		{"paused", "active", "stopped", actionStop},
		{"stopped", "active", "stopped", actionNone},
		{"done", "", "stopped", actionNone},
		{"spam", "", "stopped", actionNone},
		{"sending", "stopped", "stopped", actionNone},
		{"paused", "active", "active", actionRenew},
		{"paused", "", "", actionNone},
		{"sending", "", "active", actionNone},
	}
	for _, tt := range tests {
		if got := runStateActionFor(tt.status, tt.from, tt.to); got != tt.want {
			t.Errorf("status %s, %q -> %q: %v, want %v", tt.status, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestSMSLength(t *testing.T) {
	tests := []struct {
		text string
		n    int
		gsm  bool
	}{
		{"Hello", 5, true},
		{"Price: 5€ [promo]", 20, true},
		{"Привет", 6, false},
		{"Hi 😀", 5, false},
	}
	for _, tt := range tests {
		n, gsm := smsLength(tt.text)
		if n != tt.n || gsm != tt.gsm {
			t.Errorf("%q: %d gsm=%v, want %d gsm=%v", tt.text, n, gsm, tt.n, tt.gsm)
		}
	}
}

// TestNormalizeStartAt: a start time is sent as yyyy-mm-dd hh:mm:ss in the
// account's zone; one written that way is sent as written, an RFC 3339 one
// converted into the zone.
func TestNormalizeStartAt(t *testing.T) {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		zone    *time.Location
		in, out string
	}{
		{time.UTC, "2026-12-01 09:00:00", "2026-12-01 09:00:00"},
		{time.UTC, "2026-12-01T11:00:00+02:00", "2026-12-01 09:00:00"},
		{time.UTC, "2026-12-01T09:00:00Z", "2026-12-01 09:00:00"},
		{kyiv, "2026-12-01 09:00:00", "2026-12-01 09:00:00"},
		{kyiv, "2026-12-01T09:00:00Z", "2026-12-01 11:00:00"},
		{kyiv, "2026-07-01T09:00:00Z", "2026-07-01 12:00:00"},
		{kyiv, "2026-12-01T11:00:00+02:00", "2026-12-01 11:00:00"},
	} {
		if got, err := normalizeStartAt(tt.in, tt.zone); err != nil || got != tt.out {
			t.Errorf("%s in %s -> %s %v, want %s", tt.in, tt.zone, got, err, tt.out)
		}
	}
	for _, bad := range []string{"tomorrow", "2026-12-01 09:00", "01.12.2026 09:00:00"} {
		if _, err := normalizeStartAt(bad, time.UTC); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestStartAtWindow: a new campaign's start_at lies between now and
// 23:59:59 of the 30th day counting today, in the account's zone.
func TestStartAtWindow(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 16, 0, 0, 0, time.UTC) // 2026-11-28 01:00 in Tokyo
	for _, tt := range []struct {
		zone  *time.Location
		start string
		ok    bool
		want  string
	}{
		{time.UTC, "2026-12-26 23:59:59", true, ""},
		{time.UTC, "2026-12-27 00:00:00", false, "more than 30 days ahead"},
		{time.UTC, "2026-11-27 15:59:59", false, "omit start_at to send now"},
		{time.UTC, "2026-11-27 16:00:01", true, ""},
		// In Tokyo it is already the 28th: day 30 is 2026-12-27.
		{tokyo, "2026-12-27 23:59:59", true, ""},
		{tokyo, "2026-12-28 00:00:00", false, "until 2026-12-27 23:59:59 in time_zone Asia/Tokyo"},
		{tokyo, "2026-11-28 00:59:59", false, "in the past"},
	} {
		start, err := time.ParseInLocation(apiTimeLayout, tt.start, tt.zone)
		if err != nil {
			t.Fatal(err)
		}
		err = startAtWindow(start, now, tt.zone)
		if (err == nil) != tt.ok || (err != nil && !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(tt.want))) {
			t.Errorf("%s in %s: %v, want ok=%v containing %q", tt.start, tt.zone, err, tt.ok, tt.want)
		}
	}
}

func campaignSchemaForTest(t *testing.T) schema.Schema {
	t.Helper()
	var resp resource.SchemaResponse
	(&campaignResource{}).Schema(context.Background(), resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if diags := resp.Schema.ValidateImplementation(context.Background()); diags.HasError() {
		t.Fatal(diags)
	}
	return resp.Schema
}
