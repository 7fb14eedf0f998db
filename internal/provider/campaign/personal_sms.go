package campaign

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The personal_sms content block: a text of its own to each phone, one
// campaign (POST /api/campaigns/sms/send-individual).

func init() {
	register(content{Channel: framework.Channel{Block: "personal_sms"}, what: "sender and messages", ownRecipients: true, also: "personal SMS (a text per phone)",
		attribute: personalSMSAttribute, validate: validatePersonalSMS, request: personalSMSRequest, fieldPath: personalFieldPath})
}

func personalSMSAttribute(ch framework.Channel) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "Personal SMS, instead of `sms` and `recipients`: a text of its own to each phone, one campaign " +
			"(`" + ch.Call + "`). At most " + thousands(ch.Phones) + " messages; a phone at most once. `start_at` " +
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
				MarkdownDescription: "The messages: `{ phone = \"380661231231\", text = \"Hello Jack\" }`, 1 to " + thousands(ch.Phones) + ".",
				Required:            true,
				Validators:          []validator.List{listvalidator.SizeBetween(1, ch.Phones)},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"phone": schema.StringAttribute{
						MarkdownDescription: "Phone number, 9 to 15 digits without a plus.",
						Required:            true,
						Validators:          []validator.String{framework.PhoneValidator()},
					},
					"text": smsTextAttribute(),
				}},
			},
		},
	}
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

func personalSMSRequest(ctx context.Context, m campaignResourceModel, _ audience) (createRequest, diag.Diagnostics) {
	var p personalSMSModel
	diags := m.block("personal_sms").As(ctx, &p, asOpts)
	req := &client.PersonalSMSRequest{Sender: p.Sender.ValueString(), Transliterate: p.Transliterate.ValueBoolPointer(),
		TariffCode: m.TariffCode.ValueInt64Pointer(), Validity: m.ValidityHours.ValueInt64Pointer(), CallbackURL: m.CallbackURL.ValueString()}
	for _, msg := range p.Messages {
		req.Messages = append(req.Messages, client.PersonalSMS{Phone: msg.Phone.ValueString(), Text: msg.Text.ValueString()})
	}
	r := newCreateRequest("personal_sms", req, nil, (*client.Client).CreatePersonalSMSCampaign)
	for _, msg := range req.Messages {
		r.numbers = append(r.numbers, msg.Phone)
	}
	return r, diags
}

// validatePersonalSMS: no recipients (each message names its phone), a
// phone at most once, and what the personal SMS call does not take.
func validatePersonalSMS(d *diag.Diagnostics, top map[string]attr.Value) {
	if framework.Known(top["recipients"]) {
		d.AddAttributeError(path.Root("recipients"), "Invalid Attribute Combination",
			"Attribute recipients cannot be set with personal_sms: each of personal_sms.messages names its phone. Remove recipients.")
	}
	if framework.Known(top["start_at"]) {
		d.AddAttributeError(path.Root("start_at"), "Start Time Not Supported for Personal SMS",
			"Attribute start_at cannot be set with personal_sms: the personal SMS call's schema types start_at as a number of "+
				"hours and its example as a time, so the platform may not read a schedule, and the messages would go out at once. "+
				"Remove start_at, and apply when the messages should go out.")
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

// personalFieldPath maps messages.<index>.<name>, and the call's sender.
func personalFieldPath(parts []string) (path.Path, bool) {
	if parts[0] != "messages" {
		return path.Empty(), false
	}
	p := path.Root("personal_sms")
	if len(parts) < 2 {
		return p.AtName("messages"), true
	}
	i, err := strconv.Atoi(parts[1])
	name := ""
	if len(parts) > 2 {
		name = parts[2]
	}
	switch {
	case err != nil:
		return p.AtName("messages"), true
	case name == "sender" || name == "transliterate":
		return p.AtName(name), true
	case name == "phone" || name == "text":
		return p.AtName("messages").AtListIndex(i).AtName(name), true
	}
	return p.AtName("messages").AtListIndex(i), true
}
