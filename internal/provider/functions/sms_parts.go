package functions

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

var _ function.Function = (*smsPartsFunction)(nil)

// smsPartsAttrTypes is the object sms_parts returns.
var smsPartsAttrTypes = map[string]attr.Type{
	"encoding":       types.StringType,
	"characters":     types.Int64Type,
	"parts":          types.Int64Type,
	"max_characters": types.Int64Type,
	"disputed":       types.BoolType,
}

// NewSMSPartsFunction returns provider::oneapi::sms_parts, framework.CountSMS
// for a configuration: the count CheckSMSText judges every SMS text by.
func NewSMSPartsFunction() function.Function { return &smsPartsFunction{} }

type smsPartsFunction struct{}

func (f *smsPartsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "sms_parts"
}

func (f *smsPartsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Count an SMS text as One-API does: encoding, characters, parts",
		MarkdownDescription: fmt.Sprintf("Counts an SMS text the way the provider's own plan checks it (the same code): "+
			"`encoding` is `%s` when every character is in the GSM 7-bit alphabet and `%s` otherwise; `characters` is the "+
			"length in that encoding's units (in GSM 7-bit an extension character `{ } [ ] ~ ^ | \\ €` counts two; in UCS-2 a "+
			"character outside the Basic Multilingual Plane, such as most emoji, counts two); `parts` is how many messages "+
			"the text is sent as (one up to %d GSM 7-bit or %d UCS-2 characters, otherwise parts of at most %d or %d, "+
			"filled in order without splitting a two-unit character, so a part of them may carry one less); "+
			"`max_characters` is the most characters an `sms`, `personal_sms` or `sms_fallback` text may have in that "+
			"encoding (%d, or %d in UCS-2). An empty text is 0 characters in 0 parts (and a campaign refuses it).\n\n"+
			"The UCS-2 limit is disputed: the OpenAPI file says %d, the SMS pages %d. `max_characters` is %d, the limit "+
			"above which a plan is refused; a UCS-2 text of %d to %d characters plans with a *Disputed Limit* warning "+
			"and may be refused by One-API when the campaign is created (nothing is sent then): `disputed` is true for "+
			"exactly those texts.\n\nOne-API does not document how it splits a text into parts: the part sizes are the "+
			"GSM 03.38 concatenation's, which its limits are multiples of (765 = 5 x 153, 335 = 5 x 67); a network may "+
			"still split differently.",
			framework.SMSEncodingGSM, framework.SMSEncodingUCS2, framework.SMSSingleGSM, framework.SMSSingleUCS2,
			framework.SMSConcatenatedGSM, framework.SMSConcatenatedUCS2, framework.SMSMaxGSM, framework.SMSMaxUCS2,
			framework.SMSMaxUCS2, framework.SMSPagesMaxUCS2, framework.SMSMaxUCS2, framework.SMSPagesMaxUCS2+1, framework.SMSMaxUCS2),
		Parameters: []function.Parameter{
			function.StringParameter{Name: "text", MarkdownDescription: "The SMS text, as written in the campaign."},
		},
		Return: function.ObjectReturn{AttributeTypes: smsPartsAttrTypes},
	}
}

func (f *smsPartsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var text string
	resp.Error = req.Arguments.Get(ctx, &text)
	if resp.Error != nil {
		return
	}
	resp.Error = resp.Result.Set(ctx, smsPartsValue(framework.CountSMS(text)))
}

// smsPartsValue is the object sms_parts returns for a count.
func smsPartsValue(c framework.SMSCount) types.Object {
	return types.ObjectValueMust(smsPartsAttrTypes, map[string]attr.Value{
		"encoding":       types.StringValue(c.Encoding),
		"characters":     types.Int64Value(int64(c.Characters)),
		"parts":          types.Int64Value(int64(c.Parts)),
		"max_characters": types.Int64Value(int64(c.MaxCharacters)),
		"disputed":       types.BoolValue(c.Disputed()),
	})
}
