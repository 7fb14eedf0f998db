package campaign

import (
	"context"
	"fmt"

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

// The voice content block: a text read out to each recipient by a call,
// alone or followed by an SMS for who the call does not reach (a
// cascade), through POST /api/campaigns/send (channels ["voice"] or
// ["voice", "sms"]). The OpenAPI file is its only source (schema Voice);
// its stop statuses are documented nowhere, so a stop is sent in every
// status some reading allows and a refusal waited out, as for Viber
// (client.MayStop).

func init() {
	register(content{Channel: framework.Channel{Block: "voice"}, what: "sender, text and category",
		also: "a voice-then-SMS cascade", attribute: voiceAttribute, validate: validateVoice, request: voiceRequest,
		fieldPath: voiceFieldPath, texts: textOnly("voice")})
}

// The Voice schema's enums.
var (
	voiceCategories = []string{"otp", "transactional", "marketing"}
	voiceVoices     = []string{"ostap", "dariya", "sonya", "amala"}
)

func voiceAttribute(ch framework.Channel) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "Voice content: a text read out to each recipient by a call, sent through `" + ch.Call + "` with " +
			"`channels = [\"voice\"]`, or `[\"voice\", \"sms\"]` with `sms_fallback` (a cascade: recipients the call does not " +
			"reach get the SMS). To phones or contact lists.",
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"sender": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Caller name, 1 to %d characters. The Voice schema makes it optional; the "+
					"provider requires it, because the campaign the call answers must name it to be told apart from another "+
					"(a lost answer is recovered only by what proves it ours).", ch.Sender),
				Required:   true,
				Validators: []validator.String{ch.SenderValidator()},
			},
			"text": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The text read out, 1 to %d characters.", ch.Text),
				Required:            true,
				Validators:          []validator.String{ch.TextValidator()},
			},
			"category": schema.StringAttribute{
				MarkdownDescription: "What the call is: `otp`, `transactional` or `marketing`.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(voiceCategories...)},
			},
			"voice": schema.StringAttribute{
				MarkdownDescription: "The voice that reads the text: `ostap`, `dariya`, `sonya` or `amala`; omitted, the platform's.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(voiceVoices...)},
			},
			"language": schema.StringAttribute{
				MarkdownDescription: "Language or locale of the text, such as `en` or `en_GB` (sent as the Voice schema's `lang`); " +
					"omitted, the platform's.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		},
	}
}

type voiceModel struct {
	Sender   types.String `tfsdk:"sender"`
	Text     types.String `tfsdk:"text"`
	Category types.String `tfsdk:"category"`
	Voice    types.String `tfsdk:"voice"`
	Language types.String `tfsdk:"language"`
}

func voiceRequest(ctx context.Context, m campaignResourceModel, to audience) (createRequest, diag.Diagnostics) {
	var v voiceModel
	diags := m.block("voice").As(ctx, &v, asOpts)
	req := &client.VoiceCampaignRequest{CampaignSend: cascadeSend(ctx, m, to, &diags),
		Voice: client.VoiceContent{Sender: v.Sender.ValueString(), Text: v.Text.ValueString(), Category: v.Category.ValueString(),
			Voice: v.Voice.ValueString(), Lang: v.Language.ValueString()}}
	return newCreateRequest("voice", req, req.Phones, (*client.Client).CreateVoiceCampaign), diags
}

// validateVoice: the cascade's SMS takes only a sender and a text.
func validateVoice(d *diag.Diagnostics, top map[string]attr.Value) {
	refuseCascadeExtras(d, top, "voice")
}

// voiceFieldPath maps the cascade call's voice fields (lang is the
// language attribute), and its SMS's.
func voiceFieldPath(parts []string) (path.Path, bool) {
	switch {
	case parts[0] != "voice":
		return cascadeFieldPath(parts)
	case len(parts) < 2:
		return path.Root("voice"), true
	case parts[1] == "lang":
		return path.Root("voice").AtName("language"), true
	}
	return path.Root("voice").AtName(parts[1]), true
}
