package campaign

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The sms content block: one text to every recipient (POST
// /api/campaigns/sms/send and send-groups), with its short links (both
// calls take short_links).

func init() {
	register(content{Channel: framework.Channel{Block: "sms"}, what: "sender and text", attribute: smsAttribute,
		validate: validateSMS, request: smsRequest, fieldPath: smsFieldPath, texts: textOnly("sms")})
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
			"short_links": shortLinksAttribute("`text`"),
		},
	}
}

type smsModel struct {
	Sender        types.String     `tfsdk:"sender"`
	Text          types.String     `tfsdk:"text"`
	Transliterate types.Bool       `tfsdk:"transliterate"`
	ShortLinks    []shortLinkModel `tfsdk:"short_links"`
}

func smsRequest(ctx context.Context, m campaignResourceModel, to audience) (createRequest, diag.Diagnostics) {
	var sms smsModel
	diags := m.block("sms").As(ctx, &sms, asOpts)
	req := &client.SMSCampaignRequest{
		Phones: to.phones, Groups: to.groups, Sender: sms.Sender.ValueString(), Text: sms.Text.ValueString(),
		StartAt: to.startAt, TariffCode: m.TariffCode.ValueInt64Pointer(), Validity: m.ValidityHours.ValueInt64Pointer(),
		Transliterate: sms.Transliterate.ValueBoolPointer(), CallbackURL: m.CallbackURL.ValueString(),
		ShortLinks: shortLinksToAPI(ctx, sms.ShortLinks, &diags),
	}
	return newCreateRequest("sms", req, req.Phones, (*client.Client).CreateSMSCampaign), diags
}

// validateSMS: each short link's placeholder is a word of the text.
func validateSMS(d *diag.Diagnostics, top map[string]attr.Value) {
	checkShortLinkPlaceholders(d, path.Root("sms"), framework.ObjectAttrs(top["sms"]))
}

// smsFieldPath maps the SMS calls' short_links.<index>.<name>, which the
// calls take beside the text.
func smsFieldPath(parts []string) (path.Path, bool) {
	if parts[0] != "short_links" {
		return path.Empty(), false
	}
	return shortLinkPath(path.Root("sms"), parts[1:]), true
}
