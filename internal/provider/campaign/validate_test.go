package campaign_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/campaign"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// invalidCampaigns are configurations the API would refuse (the limits the
// resource page lists) or that make no sense; each must fail at plan time, naming the
// attribute, before any request reaches One-API.
var invalidCampaigns = []struct {
	name, body, want string
}{
	{"phone too short", `recipients = { phones = ["12345678"] }
rcs = { sender = "s", text = "x" }`, `recipients.phones.*9 to 15 digits`},
	{"phone too long", `recipients = { phones = ["1234567890123456"] }
rcs = { sender = "s", text = "x" }`, `recipients.phones.*9 to 15 digits`},
	{"phone with plus", `recipients = { phones = ["+380661231231"] }
rcs = { sender = "s", text = "x" }`, `Attribute recipients.phones has "\+380661231231", which is not a phone number.*without a plus`},
	{"phone with letters", `recipients = { phones = ["380661231231", "38066123abc1"] }
rcs = { sender = "s", text = "x" }`, `Attribute recipients.phones has "38066123abc1", which is not a phone number`},
	{"phones and groups", `recipients = { phones = ["380661231231"], groups = [101] }
rcs = { sender = "s", text = "x" }`, `recipients.phones`},
	{"no phones and no groups", `recipients = {}
rcs = { sender = "s", text = "x" }`, `recipients.phones`},
	{"5001 phones", `recipients = { phones = slice([for p in setproduct(range(51), range(100)) : format("3806%02d%06d", p[0], p[1])], 0, 5001) }
rcs = { sender = "s", text = "x" }`, `recipients.phones.*RCS\s+campaign\s+takes\s+at\s+most\s+5000`},
	{"10001 SMS phones", `recipients = { phones = slice([for p in setproduct(range(101), range(100)) : format("3806%02d%06d", p[0], p[1])], 0, 10001) }
sms = { sender = "Shop", text = "x" }`, `recipients.phones.*10000`},
	{"group id 0", `recipients = { groups = [0] }
rcs = { sender = "s", text = "x" }`, `Attribute recipients.groups has 0, which is not a contact list id`},
	{"empty rcs sender", `recipients = { phones = ["380661231231"] }
rcs = { sender = "", text = "x" }`, `rcs.sender`},
	{"rcs sender 41", `recipients = { phones = ["380661231231"] }
rcs = { sender = "` + strings.Repeat("a", 41) + `", text = "x" }`, `rcs.sender`},
	{"text and cards", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x", cards = [{ text = "y" }] }`, `rcs.text|rcs.cards`},
	{"neither text nor cards", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s" }`, `rcs.text|rcs.cards`},
	{"rcs text 161", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "` + strings.Repeat("a", 161) + `" }`, `rcs.text.*160`},
	{"rcs text of 81 emoji", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "` + strings.Repeat("😀", 81) + `" }`, `rcs.text.*160`},
	{"rcs sender of 41 Cyrillic letters", `recipients = { phones = ["380661231231"] }
rcs = { sender = "` + strings.Repeat("я", 41) + `", text = "x" }`, `rcs.sender.*it\s+has\s+41`},
	{"11 cards", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [` + strings.Repeat(`{ text = "y" }, `, 11) + `] }`, `rcs.cards`},
	{"5 buttons", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", suggestions = [` + strings.Repeat(`{ type = "link", text = "Go", url = "https://x" }, `, 5) + `] }] }`, `suggestions.*at\s+most\s+4`},
	{"sms sender 12", `recipients = { phones = ["380661231231"] }
sms = { sender = "abcdefghijkl", text = "x" }`, `sms.sender`},
	{"sms sender Cyrillic", `recipients = { phones = ["380661231231"] }
sms = { sender = "Клиника", text = "x" }`, `sms.sender`},
	{"sms sender 16 digits", `recipients = { phones = ["380661231231"] }
sms = { sender = "1234567890123456", text = "x" }`, `sms.sender`},
	{"sms UCS-2 356", `recipients = { phones = ["380661231231"] }
sms = { sender = "Shop", text = "` + strings.Repeat("я", 356) + `" }`, `sms.text.*355`},
	{"sms tariff 10", `recipients = { phones = ["380661231231"] }
sms = { sender = "Shop", text = "x" }
tariff_code = 10`, `tariff_code.*0\s+to\s+9`},
	{"sms with validity_seconds", `recipients = { phones = ["380661231231"] }
sms = { sender = "Shop", text = "x" }
validity_seconds = 60`, `validity_seconds.*SMS\s+endpoints`},
	{"sms with check_stop_list", `recipients = { phones = ["380661231231"] }
sms = { sender = "Shop", text = "x" }
check_stop_list = false`, `check_stop_list.*SMS\s+endpoints`},
	{"sms with add_to_contact_book", `recipients = { phones = ["380661231231"] }
sms = { sender = "Shop", text = "x" }
add_to_contact_book = false`, `add_to_contact_book.*SMS\s+endpoints`},
	{"start_at empty", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
start_at = ""`, `start_at.*Omit\s+the\s+attribute`},
	{"start_at past", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
start_at = "2020-01-01 09:00:00"`, `start_at.*Omit\s+start_at\s+to\s+send\s+now`},
	{"start_at 31 days ahead", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
start_at = "` + time.Now().UTC().AddDate(0, 0, 31).Format("2006-01-02") + ` 00:00:00"`, `start_at.*more\s+than\s+30\s+days\s+ahead`},
	{"card title 201", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ title = "` + strings.Repeat("t", 201) + `", text = "y" }] }`, `rcs.cards\[0\].title`},
	{"card without text or media", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ title = "t" }] }`, `media_url|rcs.cards\[0\].text`},
	{"media url not http", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", media_url = "ftp://x/y.png" }] }`, `media_url`},
	{"button type", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", suggestions = [{ type = "email", text = "Go" }] }] }`, `suggestions\[0\].type`},
	{"button text 26", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", suggestions = [{ type = "link", text = "` + strings.Repeat("b", 26) + `", url = "https://x" }] }] }`, `suggestions\[0\].text`},
	{"link without url", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", suggestions = [{ type = "link", text = "Go" }] }] }`, `suggestions\[0\].url`},
	{"button with link and phone", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", suggestions = [{ type = "link", text = "Go", url = "https://x", phone = "380991112233" }] }] }`, `suggestions\[0\].url.*suggestions\[0\].phone`},
	{"postback 26", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", cards = [{ text = "y", suggestions = [{ type = "call", text = "Call", phone = "380991112233", postback_data = "` + strings.Repeat("p", 26) + `" }] }] }`, `postback_data`},
	{"rcs and sms", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
sms = { sender = "s", text = "x" }`, `rcs|sms`},
	{"sms sender 12 letters", `recipients = { phones = ["380661231231"] }
sms = { sender = "abcdefghijkl", text = "x" }`, `sms.sender`},
	{"sms sender 16 digits", `recipients = { phones = ["380661231231"] }
sms = { sender = "1234567890123456", text = "x" }`, `sms.sender`},
	{"sms text 766 GSM", `recipients = { phones = ["380661231231"] }
sms = { sender = "s", text = "` + strings.Repeat("a", 766) + `" }`, `sms.text.*765`},
	{"sms text 383 GSM extension characters", `recipients = { phones = ["380661231231"] }
sms = { sender = "s", text = "` + strings.Repeat("€", 383) + `" }`, `sms.text.*766 GSM`},
	{"sms text 356 UCS-2", `recipients = { phones = ["380661231231"] }
sms = { sender = "s", text = "` + strings.Repeat("я", 356) + `" }`, `sms.text.*355`},
	{"fallback with sms", `recipients = { phones = ["380661231231"] }
sms = { sender = "s", text = "x" }
sms_fallback = { sender = "s", text = "x" }`, `sms_fallback`},
	{"fallback validity 73", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
sms_fallback = { sender = "s", text = "x", validity_hours = 73 }`, `sms_fallback.validity_hours`},
	{"fallback both validities", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
sms_fallback = { sender = "s", text = "x", validity_hours = 2, validity_seconds = 60 }`, `validity_seconds|validity_hours`},
	{"fallback text UCS-2 356", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
sms_fallback = { sender = "s", text = "` + strings.Repeat("ж", 356) + `" }`, `sms_fallback.text`},
	{"validity_hours 0", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
validity_hours = 0`, `validity_hours`},
	{"validity_seconds 29", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
validity_seconds = 29`, `validity_seconds`},
	{"validity_seconds 86401", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
validity_seconds = 86401`, `validity_seconds`},
	{"both validities", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
validity_hours = 2
validity_seconds = 60`, `validity_seconds|validity_hours`},
	{"start_at words", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
start_at = "tomorrow"`, `start_at`},
	{"start_at without seconds", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
start_at = "2030-01-01 10:00"`, `start_at`},
	{"desired_state paused", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
desired_state = "paused"`, `desired_state`},
	{"stopped at creation", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
desired_state = "stopped"`, `Cannot Create a Stopped Campaign.*desired_state`},
	{"missing recipients", `rcs = { sender = "s", text = "x" }`, `Missing Recipients.*recipients`},
	{"missing content", `recipients = { phones = ["380661231231"] }`, `Missing Campaign Content`},
	{"negative tariff", `recipients = { phones = ["380661231231"] }
rcs = { sender = "s", text = "x" }
tariff_code = -1`, `tariff_code`},
}

func TestAccCampaign_invalidConfigurationsFailAtPlan(t *testing.T) {
	if len(invalidCampaigns) < 30 {
		t.Fatalf("only %d invalid configurations", len(invalidCampaigns))
	}
	for _, tc := range invalidCampaigns {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			target := acctest.NewTarget(t) // no request is ever sent: safe against a real account
			acctest.ExpectError(t, target.Provider+"resource \"oneapi_campaign\" \"test\" {\n"+tc.body+"\n}\n", regexp.MustCompile("(?s)"+tc.want))
			if target.SB == nil {
				return
			}
			if c := target.SB.Counters(); len(c) != 0 {
				t.Errorf("requests reached the API: %v", c)
			}
		})
	}
}

// TestValidateConfig_unknownValuesWait checks that the rules between
// attributes leave unknown values (from variables or other resources) for
// the plan, and apply once the values are known.
func TestValidateConfig_unknownValuesWait(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	r := &campaign.CampaignResource{}
	var sresp fwresource.SchemaResponse
	r.Schema(ctx, fwresource.SchemaRequest{}, &sresp)
	typ := sresp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	rcsType := typ.AttributeTypes["rcs"].(tftypes.Object)
	recipientsType := typ.AttributeTypes["recipients"].(tftypes.Object)

	config := func(text, cards, phones, groups, sms tftypes.Value) tfsdk.Config {
		attrs := map[string]tftypes.Value{}
		for name, t := range typ.AttributeTypes {
			attrs[name] = tftypes.NewValue(t, nil)
		}
		attrs["rcs"] = tftypes.NewValue(rcsType, map[string]tftypes.Value{
			"sender": tftypes.NewValue(tftypes.String, "s"), "text": text, "cards": cards,
		})
		attrs["recipients"] = tftypes.NewValue(recipientsType, map[string]tftypes.Value{"phones": phones, "groups": groups})
		attrs["sms"] = sms
		return tfsdk.Config{Schema: sresp.Schema, Raw: tftypes.NewValue(typ, attrs)}
	}
	cardsType := rcsType.AttributeTypes["cards"]
	phonesType := recipientsType.AttributeTypes["phones"]
	groupsType := recipientsType.AttributeTypes["groups"]
	smsType := typ.AttributeTypes["sms"]
	unknownText := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	nullText := tftypes.NewValue(tftypes.String, nil)
	nullCards := tftypes.NewValue(cardsType, nil)
	phones := tftypes.NewValue(phonesType, []tftypes.Value{tftypes.NewValue(tftypes.String, "380661231231")})
	unknownPhones := tftypes.NewValue(phonesType, tftypes.UnknownValue)
	nullGroups := tftypes.NewValue(groupsType, nil)
	nullSMS := tftypes.NewValue(smsType, nil)
	unknownSMS := tftypes.NewValue(smsType, tftypes.UnknownValue)

	cases := []struct {
		name   string
		config tfsdk.Config
		errors []string // attribute paths with an error
	}{
		{"unknown text, no cards", config(unknownText, nullCards, phones, nullGroups, nullSMS), nil},
		{"unknown phones, no groups", config(tftypes.NewValue(tftypes.String, "x"), nullCards, unknownPhones, nullGroups, nullSMS), nil},
		{"rcs and unknown sms", config(tftypes.NewValue(tftypes.String, "x"), nullCards, phones, nullGroups, unknownSMS), nil},
		{"no text, no cards", config(nullText, nullCards, phones, nullGroups, nullSMS), []string{"rcs.text"}},
		{"no phones, no groups", config(tftypes.NewValue(tftypes.String, "x"), nullCards, tftypes.NewValue(phonesType, nil), nullGroups, nullSMS),
			[]string{"recipients.phones"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var resp fwresource.ValidateConfigResponse
			r.ValidateConfig(ctx, fwresource.ValidateConfigRequest{Config: c.config}, &resp)
			var got []string
			for _, d := range resp.Diagnostics.Errors() {
				if p, ok := d.(diag.DiagnosticWithPath); ok {
					got = append(got, p.Path().String())
				} else {
					got = append(got, d.Summary())
				}
			}
			if len(got) != len(c.errors) {
				t.Fatalf("errors at %v, want %v (%v)", got, c.errors, resp.Diagnostics)
			}
			for i := range got {
				if got[i] != c.errors[i] {
					t.Errorf("error %d at %s, want %s", i, got[i], c.errors[i])
				}
			}
		})
	}
}

// TestLimitsWhereTheSourcesDisagree validates configurations in process, as
// Terraform does at plan (terraform-plugin-testing cannot check warnings):
// inside the disputed band of a limit the plan goes on with a warning that
// names both readings; within the narrowest reading there is none; lengths
// are counted in characters, not bytes.
func TestLimitsWhereTheSourcesDisagree(t *testing.T) {
	r := acctest.NewRPCHarness(t)
	card := func(buttons int) map[string]any {
		suggestions := []any{}
		for range buttons {
			suggestions = append(suggestions, map[string]any{"type": "link", "text": "Go", "url": "https://x", "phone": nil, "postback_data": nil})
		}
		return map[string]any{"title": nil, "text": "y", "media_url": nil, "suggestions": suggestions}
	}
	cards := func(n, buttons int) map[string]any {
		list := []any{}
		for range n {
			list = append(list, card(buttons))
		}
		return map[string]any{"rcs": map[string]any{"sender": "bench", "text": nil, "cards": list}}
	}
	sms := func(sender, text string) map[string]any {
		return map[string]any{"rcs": nil, "sms": map[string]any{"sender": sender, "text": text, "transliterate": nil}}
	}
	cases := []struct {
		name     string
		config   map[string]any
		warnings []string // attribute paths with a warning
	}{
		{"5 cards", cards(5, 0), nil},
		{"6 cards", cards(6, 0), []string{"rcs.cards"}},
		{"10 cards", cards(10, 0), []string{"rcs.cards"}},
		{"2 buttons", cards(1, 2), nil},
		{"3 buttons", cards(1, 3), []string{"rcs.cards[0].suggestions"}},
		{"4 buttons", cards(1, 4), []string{"rcs.cards[0].suggestions"}},
		{"no buttons: suggestions = []", cards(1, 0), nil},
		{"SMS sender of 3", sms("Abc", "x"), nil},
		{"SMS sender of 2", sms("Ab", "x"), []string{"sms.sender"}},
		{"SMS sender with symbols", sms("A-B.C!", "x"), nil},
		{"UCS-2 text of 335", sms("Shop", strings.Repeat("я", 335)), nil},
		{"UCS-2 text of 336", sms("Shop", strings.Repeat("я", 336)), []string{"sms.text"}},
		{"UCS-2 text of 355", sms("Shop", strings.Repeat("я", 355)), []string{"sms.text"}},
		{"GSM text of 765", sms("Shop", strings.Repeat("a", 765)), nil},
		{"RCS sender of 21 Cyrillic letters", map[string]any{"rcs": map[string]any{"sender": strings.Repeat("я", 21), "text": "x", "cards": nil}}, nil},
		{"RCS text of 160", map[string]any{"rcs": map[string]any{"sender": "bench", "text": strings.Repeat("a", 160), "cards": nil}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := r.CampaignValue(t, c.config, true)
			resp, err := r.Srv.ValidateResourceConfig(context.Background(), &tfprotov6.ValidateResourceConfigRequest{
				TypeName: "oneapi_campaign", Config: acctest.DynamicValue(t, r.Typ, cfg)})
			if err != nil {
				t.Fatal(err)
			}
			var warnings []string
			for _, d := range resp.Diagnostics {
				switch {
				case d.Severity == tfprotov6.DiagnosticSeverityError:
					t.Errorf("error: %s: %s", d.Summary, d.Detail)
				case d.Summary != "Disputed Limit":
					t.Errorf("warning %q, want only Disputed Limit", d.Summary)
				default:
					warnings = append(warnings, attributePathString(d.Attribute))
					if !strings.Contains(d.Detail, "OpenAPI file") {
						t.Errorf("the warning does not name both readings: %s", d.Detail)
					}
				}
			}
			if !slices.Equal(warnings, c.warnings) {
				t.Errorf("warnings at %q, want %q", warnings, c.warnings)
			}
		})
	}
}

// attributePathString writes a protocol attribute path as the framework
// does (rcs.cards[0].suggestions).
func attributePathString(p *tftypes.AttributePath) string {
	var b strings.Builder
	for _, step := range p.Steps() {
		switch s := step.(type) {
		case tftypes.AttributeName:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(string(s))
		case tftypes.ElementKeyInt:
			fmt.Fprintf(&b, "[%d]", int64(s))
		default:
			fmt.Fprintf(&b, "[%v]", s)
		}
	}
	return b.String()
}
