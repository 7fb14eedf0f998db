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
// together (exactly one of phones or groups; one content block; one
// validity), what the content block's call takes, that a fallback follows
// a channel that cascades, and each block's own rules (its file). They are
// checked here, on the configuration's values, rather than with the
// framework-validators path expressions (ExactlyOneOf, ConflictsWith,
// resourcevalidator.Conflicting): those walk the schema for every path
// they match, and were most of what validating a campaign allocated
// (BenchmarkRPC/ValidateResourceConfig measures it). Unknown values are
// left alone: they are checked again once known.
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
	conflicting(d, path.Root("validity_hours"), top["validity_hours"], path.Root("validity_seconds"), top["validity_seconds"],
		"set the validity in hours or in seconds")
	for _, c := range blocksOf(top) {
		refuseNotTaken(d, top, c)
		validateTariff(d, top, c)
		validatePhoneCount(d, top, c)
	}
	validateFallback(d, top)
	validateFallbackOptions(d, top)
	validateContent(d, top)
}

// validateTariff checks tariff_code against the channel's pages' range.
func validateTariff(d *diag.Diagnostics, top map[string]attr.Value, c content) {
	if code, ok := top["tariff_code"].(types.Int64); ok && framework.Known(code) && c.TariffMax > 0 && code.ValueInt64() > int64(c.TariffMax) {
		title := framework.TitleOf(c.API)
		d.AddAttributeError(path.Root("tariff_code"), "Invalid "+title+" Tariff Code",
			fmt.Sprintf("Attribute tariff_code is %d; the %s pages allow 0 to %d.", code.ValueInt64(), title, c.TariffMax))
	}
}

// validatePhoneCount checks the number of phones against the channel's
// limit (framework.Channel.Phones; the set's validator has the widest),
// and warns above another source's lower one (Disputed: Viber's 5,000 of
// its campaign call, where the cascade call the provider sends takes
// 10,000).
func validatePhoneCount(d *diag.Diagnostics, top map[string]attr.Value, c content) {
	recipients := framework.ObjectAttrs(top["recipients"])
	phones, ok := recipients["phones"].(types.Set)
	if !ok || !framework.Known(phones) {
		return
	}
	n, p := len(phones.Elements()), path.Root("recipients").AtName("phones")
	switch {
	case n > framework.MaxPhones(): // the set's validator says so
	case n > c.Phones:
		d.AddAttributeError(p, "Too Many Phones",
			fmt.Sprintf("Attribute recipients.phones has %d numbers; an %s campaign takes at most %d (the most any channel "+
				"takes is %d). Split the numbers over several campaigns.", n, c.Title, c.Phones, framework.MaxPhones()))
	case c.Disputed > 0 && n > c.Disputed:
		d.AddAttributeWarning(p, "Disputed Limit",
			fmt.Sprintf("Attribute recipients.phones has %d numbers. The sources disagree: the call the provider sends %s "+
				"through (%s) takes %d recipients, another of the platform's calls %d. One-API may refuse the campaign "+
				"when it is created (nothing is sent then); at most %d is safe under both readings.",
				n, c.Title, c.Call, c.Phones, c.Disputed, c.Disputed))
	}
}

// validateFallback checks that an SMS fallback follows a channel that
// cascades (framework.Channel.Cascade) and has one validity.
func validateFallback(d *diag.Diagnostics, top map[string]attr.Value) {
	var cascading, blocks []string
	for _, c := range contentBlocks() {
		if c.Cascade {
			cascading, blocks = append(cascading, c.Title), append(blocks, c.Block)
		}
	}
	titles, names := framework.Sentence(cascading, "or"), framework.Sentence(blocks, "or")
	if fallback := top["sms_fallback"]; framework.Known(fallback) {
		anyCascading, refused := false, false
		for _, c := range contentBlocks() {
			switch {
			case framework.Known(top[c.Block]) && !c.Cascade && !refused:
				d.AddAttributeError(path.Root("sms_fallback"), "Invalid Attribute Combination",
					fmt.Sprintf("Attribute sms_fallback cannot be set together with %s: the fallback is the SMS sent when an %s "+
						"message cannot be delivered. For an SMS campaign use the SMS block alone.", c.Block, titles))
				refused = true
			case c.Cascade && !framework.IsNull(top[c.Block]):
				anyCascading = true
			}
		}
		if !anyCascading && !refused {
			d.AddAttributeError(path.Root("sms_fallback"), "SMS Fallback Needs "+titles+" Content",
				fmt.Sprintf("Attribute sms_fallback is the SMS sent when an %s message cannot be delivered; it needs an "+
					"%s block. For an SMS campaign use the sms block alone.", titles, names))
		}
	}
	if fallback := framework.ObjectAttrs(top["sms_fallback"]); fallback != nil {
		p := path.Root("sms_fallback")
		conflicting(d, p.AtName("validity_hours"), fallback["validity_hours"], p.AtName("validity_seconds"), fallback["validity_seconds"],
			"set the validity in hours or in seconds")
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
