package campaign

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The whatsapp content block: a template message (POST
// /api/campaigns/whatsapp/send, to phones only), with an SMS fallback.

func init() {
	register(content{Channel: framework.Channel{Block: "whatsapp"}, what: "sender and template", attribute: whatsappAttribute,
		validate: validateWhatsApp, request: whatsappRequest, fieldPath: whatsappFieldPath})
}

func whatsappAttribute(ch framework.Channel) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "WhatsApp content, instead of `rcs` or `sms`: a template message (`POST /api/campaigns/whatsapp/send`, " +
			"`type = \"template\"`, the only type the platform supports), to phones only. With `sms_fallback`, recipients " +
			"without WhatsApp get the SMS. The call takes no validity and no tariff.",
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"sender": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("WhatsApp sender (agent) name, 1 to %d characters.", ch.Sender),
				Required:            true,
				Validators:          []validator.String{ch.SenderValidator()},
			},
			"template": schema.SingleNestedAttribute{
				MarkdownDescription: "The approved template and the values that fill it.",
				Required:            true,
				Attributes:          framework.TemplateResourceAttributes(),
			},
		},
	}
}

type whatsappModel struct {
	Sender   types.String            `tfsdk:"sender"`
	Template framework.TemplateModel `tfsdk:"template"`
}

func whatsappRequest(ctx context.Context, m campaignResourceModel, to audience) (createRequest, diag.Diagnostics) {
	var w whatsappModel
	diags := m.block("whatsapp").As(ctx, &w, asOpts)
	req := &client.WhatsAppCampaignRequest{Phones: to.phones, Sender: w.Sender.ValueString(),
		Template: framework.TemplateToAPI(w.Template), SMSFallback: fallbackOf(ctx, m, &diags), StartAt: to.startAt,
		AddToContactBook: m.AddToContactBook.ValueBoolPointer(), CheckStopList: m.CheckStopList.ValueBoolPointer()}
	return newCreateRequest("whatsapp", req, req.Phones, (*client.Client).CreateWhatsAppCampaign), diags
}

// validateWhatsApp: phones only, and each template parameter's value.
func validateWhatsApp(d *diag.Diagnostics, top map[string]attr.Value) {
	if r := framework.ObjectAttrs(top["recipients"]); r != nil && framework.Known(r["groups"]) {
		d.AddAttributeError(path.Root("recipients").AtName("groups"), "Contact Lists Not Supported for WhatsApp",
			"Attribute recipients.groups cannot be set with whatsapp: the WhatsApp campaign call takes phones only. "+
				"Use recipients.phones (for example from a data source of the list's contacts).")
	}
	framework.CheckTemplateParameters(d, path.Root("whatsapp").AtName("template"), framework.ObjectAttrs(framework.ObjectAttrs(top["whatsapp"])["template"]))
}

// whatsappFieldPath maps the WhatsApp call's template fields.
func whatsappFieldPath(parts []string) (path.Path, bool) {
	switch parts[0] {
	case "template", "type":
		return path.Root("whatsapp").AtName("template"), true
	}
	return path.Empty(), false
}
