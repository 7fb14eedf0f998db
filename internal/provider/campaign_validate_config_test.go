package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestValidateConfig_unknownValuesWait checks that the rules between
// attributes leave unknown values (from variables or other resources) for
// the plan, and apply once the values are known.
func TestValidateConfig_unknownValuesWait(t *testing.T) {
	ctx := context.Background()
	r := &campaignResource{}
	var sresp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sresp)
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
			var resp resource.ValidateConfigResponse
			r.ValidateConfig(ctx, resource.ValidateConfigRequest{Config: c.config}, &resp)
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
