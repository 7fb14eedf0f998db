package campaign

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
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

// The channels beyond RCS and SMS: Viber (alone or with the SMS fallback,
// a cascade), WhatsApp template messages and personal SMS (a text per
// phone). Each is one more content block beside rcs and sms, so that every
// existing configuration and state stays what it was. The OpenAPI file is
// the only source of these calls; the readings taken where it disagrees
// with itself are listed in the resource's documentation.

// contentBlocks are the content blocks of which a campaign has exactly one:
// it decides the channel, and the endpoint the campaign is sent to.
var contentBlocks = []string{"rcs", "sms", "viber", "whatsapp", "personal_sms"}

// blockMessageType is the message_type the platform reports for a content
// block.
var blockMessageType = map[string]string{"rcs": "rcs", "sms": "sms", "viber": "viber", "whatsapp": "whatsapp", "personal_sms": "sms"}

// maxPersonalMessages is the personal SMS call's limit: the SMS campaigns'
// 10,000 (the call's schema gives none).
const maxPersonalMessages = 10000

var (
	// viberImagePattern is the Viber schema's image_url pattern: an http(s)
	// URL of a picture.
	viberImagePattern = regexp.MustCompile(`(?i)^(http|https)://([A-Z0-9][A-Z0-9_-]*)(\.[A-Z0-9][A-Z0-9_-]*)+(:(\d+))?([-_/A-Z0-9?=&]*)?(\.jpg|\.png|\.tiff|\.jpeg|\.gif|\.bmp)$`)
	// whatsappLanguages are the Language schema's codes.
	whatsappLanguages = []string{"af", "sq", "ar", "az", "bn", "bg", "ca", "zh_CN", "zh_HK", "zh_TW", "hr", "cs", "da", "nl",
		"en", "en_GB", "en_US", "et", "fil", "fi", "fr", "ka", "de", "el", "gu", "ha", "he", "hi", "hu", "id", "ga", "it", "ja",
		"kn", "kk", "rw_RW", "ko", "ky_KG", "lo", "lv", "lt", "mk", "ms", "ml", "mr", "nb", "fa", "pl", "pt_BR", "pt_PT", "pa",
		"ro", "ru", "sr", "sk", "sl", "es", "es_AR", "es_ES", "es_MX", "sw", "sv", "ta", "te", "th", "tr", "uk", "ur", "uz", "vi", "zu"}
)

func viberAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "Viber content, instead of `rcs` or `sms`: sent through `POST /api/campaigns/send` with " +
			"`channels = [\"viber\"]`, or `[\"viber\", \"sms\"]` with `sms_fallback` (a cascade: recipients without Viber get the SMS). " +
			"To phones or contact lists.",
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"sender": schema.StringAttribute{
				MarkdownDescription: "Viber sender name, 1 to 40 characters (the cascade call's Viber schema).",
				Required:            true,
				Validators:          []validator.String{framework.UTF16LengthUpTo(40)},
			},
			"text": schema.StringAttribute{
				MarkdownDescription: "Message text, 1 to 1000 characters.",
				Required:            true,
				Validators:          []validator.String{framework.UTF16LengthUpTo(1000)},
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

func whatsappAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "WhatsApp content, instead of `rcs` or `sms`: a template message (`POST /api/campaigns/whatsapp/send`, " +
			"`type = \"template\"`, the only type the platform supports), to phones only. With `sms_fallback`, recipients " +
			"without WhatsApp get the SMS. The call takes no validity and no tariff.",
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"sender": schema.StringAttribute{
				MarkdownDescription: "WhatsApp sender (agent) name, 1 to 40 characters.",
				Required:            true,
				Validators:          []validator.String{framework.UTF16LengthUpTo(40)},
			},
			"template": schema.SingleNestedAttribute{
				MarkdownDescription: "The approved template and the values that fill it.",
				Required:            true,
				Attributes: map[string]schema.Attribute{
					"name": schema.StringAttribute{
						MarkdownDescription: "Template name, as approved.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"language": schema.StringAttribute{
						MarkdownDescription: "Template language code, one of the platform's (`en`, `en_US`, `uk`, `pt_BR`, ...).",
						Required:            true,
						Validators:          []validator.String{stringvalidator.OneOf(whatsappLanguages...)},
					},
					"components": schema.ListNestedAttribute{
						MarkdownDescription: "The template's components that take values: `header`, `body` or `button`, each " +
							"with its parameters. `[]` for a template without any.",
						Required:     true,
						NestedObject: whatsappComponentSchema(),
					},
				},
			},
		},
	}
}

func whatsappComponentSchema() schema.NestedAttributeObject {
	return schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"type": schema.StringAttribute{
			MarkdownDescription: "`header`, `body` or `button`.",
			Required:            true,
			Validators:          []validator.String{stringvalidator.OneOf("header", "body", "button")},
		},
		"sub_type": schema.StringAttribute{
			MarkdownDescription: "A button's kind: `quick_reply`, `url` or `catalog`.",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.OneOf("quick_reply", "url", "catalog")},
		},
		"index": schema.StringAttribute{
			MarkdownDescription: "A button's position in the template, at most 9 characters (such as `0`).",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.LengthAtMost(9)},
		},
		"parameters": schema.ListNestedAttribute{
			MarkdownDescription: "The values, in order: `{ type = \"text\", text = \"...\" }` or `{ type = \"payload\", payload = \"...\" }`.",
			Optional:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"type": schema.StringAttribute{
					MarkdownDescription: "`text` or `payload`.",
					Required:            true,
					Validators:          []validator.String{stringvalidator.OneOf("text", "payload")},
				},
				"text":    schema.StringAttribute{MarkdownDescription: "The text of a `text` parameter.", Optional: true},
				"payload": schema.StringAttribute{MarkdownDescription: "The payload of a `payload` parameter (a quick-reply button's).", Optional: true},
			}},
		},
	}}
}

func personalSMSAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "Personal SMS, instead of `sms` and `recipients`: a text of its own to each phone, one campaign " +
			"(`POST /api/campaigns/sms/send-individual`). At most 10,000 messages; a phone at most once. `start_at` " +
			"cannot be set (the call's schema types it as hours, its example as a time: a schedule the platform may not read " +
			"would send at once).",
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"sender": smsSenderAttribute(),
			"transliterate": schema.BoolAttribute{
				MarkdownDescription: "Transliterate the texts to Latin characters.",
				Optional:            true,
			},
			"messages": schema.ListNestedAttribute{
				MarkdownDescription: "The messages: `{ phone = \"380661231231\", text = \"Hello Jack\" }`, 1 to 10,000.",
				Required:            true,
				Validators:          []validator.List{listvalidator.SizeBetween(1, maxPersonalMessages)},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"phone": schema.StringAttribute{
						MarkdownDescription: "Phone number, 9 to 15 digits without a plus.",
						Required:            true,
						Validators: []validator.String{stringvalidator.RegexMatches(framework.PhonePattern,
							"must be 9 to 15 digits with the country code, without a plus or spaces")},
					},
					"text": smsTextAttribute(),
				}},
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

type whatsappModel struct {
	Sender   types.String          `tfsdk:"sender"`
	Template whatsappTemplateModel `tfsdk:"template"`
}

type whatsappTemplateModel struct {
	Name       types.String             `tfsdk:"name"`
	Language   types.String             `tfsdk:"language"`
	Components []whatsappComponentModel `tfsdk:"components"`
}

type whatsappComponentModel struct {
	Type       types.String             `tfsdk:"type"`
	SubType    types.String             `tfsdk:"sub_type"`
	Index      types.String             `tfsdk:"index"`
	Parameters []whatsappParameterModel `tfsdk:"parameters"`
}

type whatsappParameterModel struct {
	Type    types.String `tfsdk:"type"`
	Text    types.String `tfsdk:"text"`
	Payload types.String `tfsdk:"payload"`
}

type personalSMSModel struct {
	Sender        types.String           `tfsdk:"sender"`
	Transliterate types.Bool             `tfsdk:"transliterate"`
	Messages      []personalMessageModel `tfsdk:"messages"`
}

type personalMessageModel struct {
	Phone types.String `tfsdk:"phone"`
	Text  types.String `tfsdk:"text"`
}

// channelRequest maps a plan with viber, whatsapp or personal_sms content
// to its create request; ok is false for rcs and sms content.
func channelRequest(ctx context.Context, m campaignResourceModel, phones []client.Phone, groups []int64, startAt string) (createRequest, bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	switch {
	case !m.Viber.IsNull():
		var v viberModel
		diags.Append(m.Viber.As(ctx, &v, asOpts)...)
		req := &client.ViberCampaignRequest{Phones: phones, Groups: groups, StartAt: startAt,
			Viber: client.ViberContent{Sender: v.Sender.ValueString(), Text: v.Text.ValueString(), ImageURL: v.ImageURL.ValueString(),
				ButtonCaption: v.ButtonCaption.ValueString(), LinkURL: v.LinkURL.ValueString()},
			TariffCode: m.TariffCode.ValueInt64Pointer(), Validity: m.ValidityHours.ValueInt64Pointer(),
			AddToContactBook: m.AddToContactBook.ValueBoolPointer(), CheckStopList: m.CheckStopList.ValueBoolPointer()}
		if fb := fallbackOf(ctx, m, &diags); fb != nil {
			req.SMSFallback = &client.CascadeSMS{Sender: fb.Sender, Text: fb.Text}
		}
		return createRequest{viber: req}, true, diags
	case !m.WhatsApp.IsNull():
		var w whatsappModel
		diags.Append(m.WhatsApp.As(ctx, &w, asOpts)...)
		return createRequest{whatsapp: &client.WhatsAppCampaignRequest{Phones: phones, Sender: w.Sender.ValueString(),
			Template: templateToAPI(w.Template), SMSFallback: fallbackOf(ctx, m, &diags), StartAt: startAt,
			AddToContactBook: m.AddToContactBook.ValueBoolPointer(), CheckStopList: m.CheckStopList.ValueBoolPointer()}}, true, diags
	case !m.PersonalSMS.IsNull():
		var p personalSMSModel
		diags.Append(m.PersonalSMS.As(ctx, &p, asOpts)...)
		req := &client.PersonalSMSRequest{Sender: p.Sender.ValueString(), Transliterate: p.Transliterate.ValueBoolPointer(),
			TariffCode: m.TariffCode.ValueInt64Pointer(), Validity: m.ValidityHours.ValueInt64Pointer()}
		for _, msg := range p.Messages {
			req.Messages = append(req.Messages, client.PersonalSMS{Phone: msg.Phone.ValueString(), Text: msg.Text.ValueString()})
		}
		return createRequest{personal: req}, true, diags
	}
	return createRequest{}, false, diags
}

// fallbackOf is the plan's sms_fallback as the API takes it, or nil.
func fallbackOf(ctx context.Context, m campaignResourceModel, diags *diag.Diagnostics) *client.SMSFallback {
	if m.SMSFallback.IsNull() {
		return nil
	}
	var fb smsFallbackModel
	diags.Append(m.SMSFallback.As(ctx, &fb, asOpts)...)
	return &client.SMSFallback{
		Sender: fb.Sender.ValueString(), Text: fb.Text.ValueString(),
		Validity: fb.ValidityHours.ValueInt64Pointer(), ValiditySeconds: fb.ValiditySeconds.ValueInt64Pointer(),
		CheckStopList: fb.CheckStopList.ValueBoolPointer(),
	}
}

func templateToAPI(t whatsappTemplateModel) client.WhatsAppTemplate {
	out := client.WhatsAppTemplate{Name: t.Name.ValueString(), Language: client.WhatsAppLanguage{Code: t.Language.ValueString()},
		Components: []client.WhatsAppComponent{}}
	for _, c := range t.Components {
		comp := client.WhatsAppComponent{Type: c.Type.ValueString(), SubType: c.SubType.ValueString(), Index: c.Index.ValueString()}
		for _, p := range c.Parameters {
			comp.Parameters = append(comp.Parameters, client.WhatsAppParameter{Type: p.Type.ValueString(), Text: p.Text.ValueString(),
				Payload: p.Payload.ValueString()})
		}
		out.Components = append(out.Components, comp)
	}
	return out
}

// blocksOf are the content blocks a configuration sets, in contentBlocks'
// order.
func blocksOf(top map[string]attr.Value) []string {
	var set []string
	for _, name := range contentBlocks {
		if framework.Known(top[name]) {
			set = append(set, name)
		}
	}
	return set
}

// validateChannels checks the rules of the new content blocks between
// attributes: one content block; what each channel's call takes; the
// recipients each takes.
func validateChannels(d *diag.Diagnostics, top map[string]attr.Value) {
	set := blocksOf(top)
	rcsWithSMS := len(set) == 2 && set[0] == "rcs" && set[1] == "sms" // has its own error
	if len(set) > 1 && !rcsWithSMS {
		d.AddAttributeError(path.Root(set[1]), "Invalid Attribute Combination",
			fmt.Sprintf("Attributes %s and %s cannot both be set: a campaign has one channel. For an SMS sent only where "+
				"the first channel cannot deliver (a cascade), use sms_fallback.", set[0], set[1]))
	}
	switch {
	case framework.Known(top["viber"]):
		refuseFor(d, top, "viber", "POST /api/campaigns/send", "validity_seconds")
		if fb := framework.ObjectAttrs(top["sms_fallback"]); fb != nil {
			for _, name := range []string{"validity_hours", "validity_seconds", "check_stop_list"} {
				if framework.Known(fb[name]) {
					d.AddAttributeError(path.Root("sms_fallback").AtName(name), "Attribute Not Supported for Viber",
						fmt.Sprintf("Attribute sms_fallback.%s cannot be set with viber: the cascade call (POST /api/campaigns/send) "+
							"takes only the SMS sender and text, so it would not be sent. Remove it; the campaign's "+
							"validity_hours and check_stop_list apply to both channels.", name))
				}
			}
		}
		v := framework.ObjectAttrs(top["viber"])
		if v != nil && framework.Known(v["button_caption"]) && framework.IsNull(v["link_url"]) {
			d.AddAttributeError(path.Root("viber").AtName("link_url"), "Missing Button Link",
				"Attribute viber.link_url is required when viber.button_caption is set: the button needs a link.")
		}
	case framework.Known(top["whatsapp"]):
		refuseFor(d, top, "whatsapp", "POST /api/campaigns/whatsapp/send", "validity_hours", "validity_seconds", "tariff_code")
		if r := framework.ObjectAttrs(top["recipients"]); r != nil && framework.Known(r["groups"]) {
			d.AddAttributeError(path.Root("recipients").AtName("groups"), "Contact Lists Not Supported for WhatsApp",
				"Attribute recipients.groups cannot be set with whatsapp: the WhatsApp campaign call takes phones only. "+
					"Use recipients.phones (for example from a data source of the list's contacts).")
		}
		validateTemplate(d, framework.ObjectAttrs(framework.ObjectAttrs(top["whatsapp"])["template"]))
	case framework.Known(top["personal_sms"]):
		validatePersonalSMS(d, top)
	}
}

// refuseFor refuses top-level attributes the channel's create call does not
// take: set, they would be stored in state and silently not sent.
func refuseFor(d *diag.Diagnostics, top map[string]attr.Value, block, call string, names ...string) {
	for _, name := range names {
		if framework.Known(top[name]) {
			d.AddAttributeError(path.Root(name), "Attribute Not Supported for "+channelTitle[block],
				fmt.Sprintf("Attribute %s cannot be set with %s: %s takes no %s, so it would not be sent. Remove it.",
					name, block, call, apiName(name)))
		}
	}
}

var channelTitle = map[string]string{"viber": "Viber", "whatsapp": "WhatsApp", "personal_sms": "Personal SMS"}

// apiName is an attribute's name in the API's requests.
func apiName(name string) string {
	if name == "validity_hours" {
		return "validity"
	}
	return name
}

// validateTemplate checks that each parameter has the value its type names.
func validateTemplate(d *diag.Diagnostics, t map[string]attr.Value) {
	for i, comp := range framework.ListElems(t["components"]) {
		c := framework.ObjectAttrs(comp)
		for j, param := range framework.ListElems(c["parameters"]) {
			p := framework.ObjectAttrs(param)
			typ, _ := p["type"].(types.String)
			if !framework.Known(typ) {
				continue
			}
			value := typ.ValueString() // "text" or "payload": the attribute that holds the value
			if framework.IsNull(p[value]) {
				at := path.Root("whatsapp").AtName("template").AtName("components").AtListIndex(i).AtName("parameters").AtListIndex(j)
				d.AddAttributeError(at.AtName(value), "Missing Template Parameter Value",
					fmt.Sprintf("Attribute %s is required: a parameter of type %q carries its %s.", at.AtName(value), value, value))
			}
		}
	}
}

// validatePersonalSMS: no recipients (each message names its phone), a
// phone at most once, and what the personal SMS call does not take.
func validatePersonalSMS(d *diag.Diagnostics, top map[string]attr.Value) {
	if framework.Known(top["recipients"]) {
		d.AddAttributeError(path.Root("recipients"), "Invalid Attribute Combination",
			"Attribute recipients cannot be set with personal_sms: each of personal_sms.messages names its phone. Remove recipients.")
	}
	refuseFor(d, top, "personal_sms", "POST /api/campaigns/sms/send-individual", "validity_seconds", "check_stop_list",
		"add_to_contact_book")
	if framework.Known(top["start_at"]) {
		d.AddAttributeError(path.Root("start_at"), "Start Time Not Supported for Personal SMS",
			"Attribute start_at cannot be set with personal_sms: the personal SMS call's schema types start_at as a number of "+
				"hours and its example as a time, so the platform may not read a schedule, and the messages would go out at once. "+
				"Remove start_at, and apply when the messages should go out.")
	}
	if code, ok := top["tariff_code"].(types.Int64); ok && framework.Known(code) && code.ValueInt64() > 9 {
		d.AddAttributeError(path.Root("tariff_code"), "Invalid SMS Tariff Code",
			fmt.Sprintf("Attribute tariff_code is %d; the SMS pages allow 0 to 9.", code.ValueInt64()))
	}
	seen := map[string]int{}
	msgs := framework.ListElems(framework.ObjectAttrs(top["personal_sms"])["messages"])
	for i, m := range msgs {
		phone, _ := framework.ObjectAttrs(m)["phone"].(types.String)
		if !framework.Known(phone) {
			continue
		}
		if first, dup := seen[phone.ValueString()]; dup {
			d.AddAttributeError(path.Root("personal_sms").AtName("messages").AtListIndex(i).AtName("phone"), "Duplicate Phone",
				fmt.Sprintf("Phone %s is in personal_sms.messages[%d] and [%d]: a personal SMS campaign sends one text to each "+
					"phone. Join the texts, or send the second in another campaign.", phone.ValueString(), first, i))
			continue
		}
		seen[phone.ValueString()] = i
	}
}
