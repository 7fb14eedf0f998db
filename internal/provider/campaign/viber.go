package campaign

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The viber content block: a Viber message, alone or followed by an SMS
// for recipients without Viber (a cascade), through POST
// /api/campaigns/send: the one call that takes both phones and contact
// lists for Viber (/api/campaigns/viber/send takes phones only). The
// OpenAPI file is its only source.

func init() {
	register(content{Channel: framework.Channel{Block: "viber"}, what: "sender and text", also: "a Viber-then-SMS cascade", attribute: viberAttribute,
		validate: validateViber, request: viberRequest, fieldPath: viberFieldPath, texts: textOnly("viber")})
}

// viberImagePattern is the Viber schema's image_url pattern: an http(s)
// URL of a picture.
var viberImagePattern = regexp.MustCompile(`(?i)^(http|https)://([A-Z0-9][A-Z0-9_-]*)(\.[A-Z0-9][A-Z0-9_-]*)+(:(\d+))?([-_/A-Z0-9?=&]*)?(\.jpg|\.png|\.tiff|\.jpeg|\.gif|\.bmp)$`)

func viberAttribute(ch framework.Channel) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "Viber content, instead of `rcs` or `sms`: sent through `POST /api/campaigns/send` with " +
			"`channels = [\"viber\"]`, or `[\"viber\", \"sms\"]` with `sms_fallback` (a cascade: recipients without Viber get the SMS). " +
			"To phones or contact lists.",
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"sender": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Viber sender name, 1 to %d characters (the cascade call's Viber schema).", ch.Sender),
				Required:            true,
				Validators:          []validator.String{ch.SenderValidator()},
			},
			"text": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Message text, 1 to %d characters.", ch.Text),
				Required:            true,
				Validators:          []validator.String{ch.TextValidator()},
			},
			"image_url": schema.StringAttribute{
				MarkdownDescription: "Picture shown with the text: an http or https URL of at most 255 characters ending in " +
					"`.jpg`, `.jpeg`, `.png`, `.gif`, `.bmp` or `.tiff`.",
				Optional: true,
				Validators: []validator.String{stringvalidator.LengthAtMost(255),
					stringvalidator.RegexMatches(viberImagePattern, "must be an http or https URL of a .jpg, .jpeg, .png, .gif, .bmp or .tiff picture")},
			},
			"button_caption": schema.StringAttribute{
				MarkdownDescription: "Button text, at most 20 characters; needs `link_url`.",
				Optional:            true,
				Validators:          []validator.String{framework.UTF16LengthUpTo(20)},
			},
			"link_url": schema.StringAttribute{
				MarkdownDescription: "Where the button leads: an http or https URL of at most 255 characters.",
				Optional:            true,
				Validators: []validator.String{stringvalidator.LengthAtMost(255),
					stringvalidator.RegexMatches(httpURLPattern, "must be an http or https URL")},
			},
		},
	}
}

type viberModel struct {
	Sender        types.String `tfsdk:"sender"`
	Text          types.String `tfsdk:"text"`
	ImageURL      types.String `tfsdk:"image_url"`
	ButtonCaption types.String `tfsdk:"button_caption"`
	LinkURL       types.String `tfsdk:"link_url"`
}

func viberRequest(ctx context.Context, m campaignResourceModel, to audience) (createRequest, diag.Diagnostics) {
	var v viberModel
	diags := m.block("viber").As(ctx, &v, asOpts)
	req := &client.ViberCampaignRequest{CampaignSend: cascadeSend(ctx, m, to, &diags),
		Viber: client.ViberContent{Sender: v.Sender.ValueString(), Text: v.Text.ValueString(), ImageURL: v.ImageURL.ValueString(),
			ButtonCaption: v.ButtonCaption.ValueString(), LinkURL: v.LinkURL.ValueString()}}
	return newCreateRequest("viber", req, req.Phones, (*client.Client).CreateViberCampaign), diags
}

// validateViber: the cascade's SMS takes only a sender and a text, and a
// button needs its link.
func validateViber(d *diag.Diagnostics, top map[string]attr.Value) {
	refuseCascadeExtras(d, top, "viber")
	v := framework.ObjectAttrs(top["viber"])
	if v != nil && framework.Known(v["button_caption"]) && framework.IsNull(v["link_url"]) {
		d.AddAttributeError(path.Root("viber").AtName("link_url"), "Missing Button Link",
			"Attribute viber.link_url is required when viber.button_caption is set: the button needs a link.")
	}
}

// viberFieldPath maps the cascade call's Viber fields, and its SMS's.
func viberFieldPath(parts []string) (path.Path, bool) {
	switch parts[0] {
	case "image_url", "button_caption", "link_url":
		return path.Root("viber").AtName(parts[0]), true
	case "viber":
		if len(parts) < 2 {
			return path.Root("viber"), true
		}
		return path.Root("viber").AtName(parts[1]), true
	}
	return cascadeFieldPath(parts)
}
