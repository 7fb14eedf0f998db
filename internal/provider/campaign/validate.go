package campaign

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// ValidateConfig checks the rules between attributes: which of them go
// together (exactly one of phones or groups, of rcs text or cards; rcs or
// sms; one validity), that a fallback needs RCS content, and that each
// button has its target. They are checked here, on the configuration's
// values, rather than with the framework-validators path expressions
// (ExactlyOneOf, ConflictsWith, resourcevalidator.Conflicting): those walk
// the schema for every path they match, and were most of what validating a
// campaign allocated (BenchmarkRPC/ValidateResourceConfig measures it).
// Unknown values are left alone: they are checked again once known.
func (r *campaignResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config types.Object
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	top := framework.ObjectAttrs(config)
	d := &resp.Diagnostics

	if recipients := framework.ObjectAttrs(top["recipients"]); recipients != nil {
		exactlyOne(d, path.Root("recipients").AtName("phones"), recipients["phones"], path.Root("recipients").AtName("groups"), recipients["groups"],
			"a campaign goes either to phone numbers or to contact lists")
	}
	conflicting(d, path.Root("rcs"), top["rcs"], path.Root("sms"), top["sms"],
		"a campaign is either RCS or SMS. For an SMS sent only where RCS cannot be delivered, use sms_fallback with rcs")
	conflicting(d, path.Root("validity_hours"), top["validity_hours"], path.Root("validity_seconds"), top["validity_seconds"],
		"set the validity in hours or in seconds")

	if framework.Known(top["sms"]) {
		validateSMSOnly(d, top)
	}
	validatePhoneCount(d, top)
	validateChannels(d, top)

	validateFallback(d, top)
	if rcs := framework.ObjectAttrs(top["rcs"]); rcs != nil {
		validateRCS(d, rcs)
	}
}

// validatePhoneCount checks the number of phones against the channel's
// limit: RCS and WhatsApp 5,000; SMS 10,000 (the set's validator); Viber
// 10,000 through the cascade call (its recipients' schema), where the Viber
// call's 5,000 makes 5,001 to 10,000 a disputed band that plans with a
// warning.
func validatePhoneCount(d *diag.Diagnostics, top map[string]attr.Value) {
	recipients := framework.ObjectAttrs(top["recipients"])
	phones, ok := recipients["phones"].(types.Set)
	if !ok || !framework.Known(phones) {
		return
	}
	n, p := len(phones.Elements()), path.Root("recipients").AtName("phones")
	for _, block := range []string{"rcs", "whatsapp"} {
		if framework.Known(top[block]) && n > maxRCSPhones {
			d.AddAttributeError(p, "Too Many Phones",
				fmt.Sprintf("Attribute recipients.phones has %d numbers; an %s campaign takes at most %d (an SMS campaign %d). "+
					"Split the numbers over several campaigns.", n, map[string]string{"rcs": "RCS", "whatsapp": "WhatsApp"}[block],
					maxRCSPhones, maxSMSPhones))
		}
	}
	if framework.Known(top["viber"]) && n > maxRCSPhones {
		d.AddAttributeWarning(p, "Disputed Limit",
			fmt.Sprintf("Attribute recipients.phones has %d numbers. The sources disagree: the cascade call the provider "+
				"sends Viber through takes 10,000 recipients, the Viber campaign call 5,000. One-API may refuse the campaign "+
				"when it is created (nothing is sent then); at most 5,000 is safe under both readings.", n))
	}
}

// validateFallback checks that an SMS fallback goes with RCS, Viber or
// WhatsApp content and has one validity.
func validateFallback(d *diag.Diagnostics, top map[string]attr.Value) {
	switch fallback := top["sms_fallback"]; {
	case framework.Known(fallback) && (framework.Known(top["sms"]) || framework.Known(top["personal_sms"])):
		d.AddAttributeError(path.Root("sms_fallback"), "Invalid Attribute Combination",
			"Attribute sms_fallback cannot be set together with an SMS campaign (sms or personal_sms): the fallback is the "+
				"SMS sent when an RCS, Viber or WhatsApp message cannot be delivered. For an SMS campaign use the SMS block alone.")
	case framework.Known(fallback) && framework.IsNull(top["rcs"]) && framework.IsNull(top["viber"]) && framework.IsNull(top["whatsapp"]):
		d.AddAttributeError(path.Root("sms_fallback"), "SMS Fallback Needs RCS, Viber or WhatsApp Content",
			"Attribute sms_fallback is the SMS sent when an RCS, Viber or WhatsApp message cannot be delivered; it needs an "+
				"rcs, viber or whatsapp block. For an SMS campaign use the sms block alone.")
	}
	if fallback := framework.ObjectAttrs(top["sms_fallback"]); fallback != nil {
		p := path.Root("sms_fallback")
		conflicting(d, p.AtName("validity_hours"), fallback["validity_hours"], p.AtName("validity_seconds"), fallback["validity_seconds"],
			"set the validity in hours or in seconds")
	}

}

// validateRCS checks RCS content: a text or cards, and each card's content
// and buttons.
func validateRCS(d *diag.Diagnostics, rcs map[string]attr.Value) {
	exactlyOne(d, path.Root("rcs").AtName("text"), rcs["text"], path.Root("rcs").AtName("cards"), rcs["cards"],
		"a message is either a text or rich cards")
	for i, card := range framework.ListElems(rcs["cards"]) {
		c := framework.ObjectAttrs(card)
		if c == nil {
			continue
		}
		cp := path.Root("rcs").AtName("cards").AtListIndex(i)
		if framework.IsNull(c["text"]) && framework.IsNull(c["media_url"]) {
			d.AddAttributeError(cp.AtName("text"), "Missing Attribute Configuration",
				fmt.Sprintf("Attribute %s or %s is required: a card needs a text or a picture or video.", cp.AtName("text"), cp.AtName("media_url")))
		}
		for j, suggestion := range framework.ListElems(c["suggestions"]) {
			validateButton(d, cp.AtName("suggestions").AtListIndex(j), framework.ObjectAttrs(suggestion))
		}
	}
}

// validateSMSOnly refuses what the SMS create endpoints do not take (they
// have no validity_seconds, check_stop_list or add_to_contact_book, so such
// a setting would be stored in state and silently not sent) and checks the
// SMS pages' tariff range.
func validateSMSOnly(d *diag.Diagnostics, top map[string]attr.Value) {
	for _, name := range []string{"validity_seconds", "check_stop_list", "add_to_contact_book"} {
		if framework.Known(top[name]) {
			d.AddAttributeError(path.Root(name), "Attribute Not Supported for SMS",
				fmt.Sprintf("Attribute %s cannot be set with sms: the SMS endpoints (POST /api/campaigns/sms/send and "+
					"send-groups) take no %s, so it would not be sent. Remove it%s.", name, name, smsAlternative(name)))
		}
	}
	if code, ok := top["tariff_code"].(types.Int64); ok && framework.Known(code) && code.ValueInt64() > 9 {
		d.AddAttributeError(path.Root("tariff_code"), "Invalid SMS Tariff Code",
			fmt.Sprintf("Attribute tariff_code is %d; the SMS pages allow 0 to 9.", code.ValueInt64()))
	}
}

func smsAlternative(name string) string {
	if name == "validity_seconds" {
		return " (validity_hours, 1 to 72, is the SMS validity)"
	}
	return ""
}

// validateButton checks that a button has the target its type needs, and
// only one target.
func validateButton(d *diag.Diagnostics, p path.Path, s map[string]attr.Value) {
	if s == nil {
		return
	}
	conflicting(d, p.AtName("url"), s["url"], p.AtName("phone"), s["phone"], "a button opens a link or dials a number")
	typ, _ := s["type"].(types.String)
	switch {
	case typ.ValueString() == "link" && framework.IsNull(s["url"]):
		d.AddAttributeError(p.AtName("url"), "Missing Button Link",
			fmt.Sprintf("Attribute %s is required: a button of type \"link\" needs an http or https link.", p.AtName("url")))
	case typ.ValueString() == "call" && framework.IsNull(s["phone"]):
		d.AddAttributeError(p.AtName("phone"), "Missing Button Phone",
			fmt.Sprintf("Attribute %s is required: a button of type \"call\" needs a number of 9 to 15 digits.", p.AtName("phone")))
	}
}

// exactlyOne requires exactly one of two attributes, once both are known.
func exactlyOne(d *diag.Diagnostics, a path.Path, av attr.Value, b path.Path, bv attr.Value, why string) {
	switch {
	case framework.Known(av) && framework.Known(bv):
		d.AddAttributeError(a, "Invalid Attribute Combination",
			fmt.Sprintf("Attributes %s and %s cannot both be set: %s. Remove one.", a, b, why))
	case framework.IsNull(av) && framework.IsNull(bv):
		d.AddAttributeError(a, "Missing Attribute Configuration",
			fmt.Sprintf("Exactly one of attributes %s or %s is required: %s.", a, b, why))
	}
}

// conflicting refuses two attributes set together.
func conflicting(d *diag.Diagnostics, a path.Path, av attr.Value, b path.Path, bv attr.Value, why string) {
	if framework.Known(av) && framework.Known(bv) {
		d.AddAttributeError(a, "Invalid Attribute Combination",
			fmt.Sprintf("Attributes %s and %s cannot both be set: %s.", a, b, why))
	}
}
