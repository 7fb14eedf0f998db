package campaign

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The sms content block: one text to every recipient (POST
// /api/campaigns/sms/send and send-groups).

func init() {
	register(content{Channel: framework.Channel{Block: "sms"}, what: "sender and text", attribute: smsAttribute,
		request: smsRequest, texts: textOnly("sms")})
}

func smsAttribute(ch framework.Channel) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "SMS content, instead of `rcs`.",
		Optional:            true,
		Attributes: map[string]schema.Attribute{
			"sender": smsSenderAttribute(),
			"text":   smsTextAttribute(),
			"transliterate": schema.BoolAttribute{
				MarkdownDescription: "Transliterate the text to Latin characters.",
				Optional:            true,
			},
		},
	}
}

type smsModel struct {
	Sender        types.String `tfsdk:"sender"`
	Text          types.String `tfsdk:"text"`
	Transliterate types.Bool   `tfsdk:"transliterate"`
}

func smsRequest(ctx context.Context, m campaignResourceModel, to audience) (createRequest, diag.Diagnostics) {
	var sms smsModel
	diags := m.block("sms").As(ctx, &sms, asOpts)
	req := &client.SMSCampaignRequest{
		Phones: to.phones, Groups: to.groups, Sender: sms.Sender.ValueString(), Text: sms.Text.ValueString(),
		StartAt: to.startAt, TariffCode: m.TariffCode.ValueInt64Pointer(), Validity: m.ValidityHours.ValueInt64Pointer(),
		Transliterate: sms.Transliterate.ValueBoolPointer(),
	}
	return newCreateRequest("sms", req, req.Phones, (*client.Client).CreateSMSCampaign), diags
}
