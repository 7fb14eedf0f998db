package message

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf16"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

var (
	_ action.ActionWithConfigure      = (*sendAction)(nil)
	_ action.ActionWithValidateConfig = (*sendAction)(nil)
	_ action.ActionWithModifyPlan     = (*sendAction)(nil)
)

// referencePattern is a reference_id as the API takes it.
var referencePattern = regexp.MustCompile(`^[a-zA-Z0-9]{1,32}$`)

// NewSendAction returns the oneapi_message_send action.
func NewSendAction() action.Action { return &sendAction{} }

type sendAction struct {
	framework.ActionBase
}

type sendModel struct {
	Channel     types.String `tfsdk:"channel"`
	Phone       types.String `tfsdk:"phone"`
	Sender      types.String `tfsdk:"sender"`
	Text        types.String `tfsdk:"text"`
	Template    types.Object `tfsdk:"template"`
	ReferenceID types.String `tfsdk:"reference_id"`
}

func (a *sendAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_message_send"
}

func (a *sendAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Sends one proof message to one phone on a channel (`POST /api/messages/send`), for example to " +
			"check a text on a test phone before a campaign goes out: `terraform apply -invoke=action.oneapi_message_send.NAME` " +
			"(Terraform 1.14 or later). **It sends a real message and costs money.** The message is never sent twice: " +
			"its `reference_id` guards it, since One-API refuses a `reference_id` it has taken. When the answer is lost, " +
			"the message is looked for by its `reference_id`; not listed, the request is sent once more with the same " +
			"`reference_id`, which sends it only if the first did not. A refusal of the `reference_id` as already used " +
			"means that a message with it went out: it is looked for (waiting for a list that shows it late) and " +
			"reported, and nothing is sent. With a fixed `reference_id`, invoking the action again sends nothing: the " +
			"message already sent with it is reported instead (one sent to another phone is an error). Every setting is " +
			"checked as soon as it is known, with the same error: at plan when it is written there or comes from a " +
			"variable, and otherwise (from another resource's attribute, known once that is applied) before any request.",
		Attributes: map[string]schema.Attribute{
			"channel": schema.StringAttribute{
				MarkdownDescription: channelsDescription(),
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(channelNames()...)},
			},
			"phone": schema.StringAttribute{
				MarkdownDescription: "The phone, 9 to 15 digits without a plus.",
				Required:            true,
				Validators:          []validator.String{framework.PhoneValidator()},
			},
			"sender": schema.StringAttribute{
				MarkdownDescription: senderDescription(),
				Required:            true,
			},
			"text": schema.StringAttribute{
				MarkdownDescription: textDescription(),
				Optional:            true,
			},
			"template": templateAttribute(),
			"reference_id": schema.StringAttribute{
				MarkdownDescription: "Up to 32 letters and digits that name this message. Set it to make the action send " +
					"once however often it is invoked (`\"proof${var.release}\"`); omitted, each invoke sends a new message.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.RegexMatches(referencePattern, "must be 1 to 32 letters and digits")},
			},
		},
	}
}

// ValidateConfig checks the sender and text by the channel's limits, and
// that a channel of templates has a template and no text, the others a
// text and no template.
func (a *sendAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	var m sendModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !framework.Known(m.Channel) {
		return
	}
	channel := m.Channel.ValueString()
	limit, ok := framework.ChannelOf(channel)
	if !ok || !limit.Message { // not a channel: the channel's validator says so
		return
	}
	if !checkContentKind(&resp.Diagnostics, m, limit) {
		return
	}
	if limit.Templated() {
		checkLength(&resp.Diagnostics, path.Root("sender"), m.Sender, limit.Sender, channel)
		framework.CheckTemplateParameters(&resp.Diagnostics, path.Root("template"), framework.ObjectAttrs(m.Template))
		return
	}
	if limit.Sender == 0 { // the SMS rules
		if framework.Known(m.Sender) {
			framework.CheckSMSSender(path.Root("sender"), m.Sender.ValueString(), &resp.Diagnostics)
		}
		if framework.Known(m.Text) {
			framework.CheckSMSText(path.Root("text"), m.Text.ValueString(), &resp.Diagnostics)
		}
		return
	}
	checkLength(&resp.Diagnostics, path.Root("sender"), m.Sender, limit.Sender, channel)
	checkLength(&resp.Diagnostics, path.Root("text"), m.Text, limit.Text, channel)
}

func checkLength(d *diag.Diagnostics, p path.Path, v types.String, most int, channel string) {
	if !framework.Known(v) {
		return
	}
	if n := len(utf16.Encode([]rune(v.ValueString()))); n == 0 || n > most {
		d.AddAttributeError(p, "Invalid Attribute Value Length",
			fmt.Sprintf("Attribute %s must be 1 to %d characters for %s, got %d.", p, most, channel, n))
	}
}

// ModifyPlan checks the settings known at plan that were not known when
// Terraform validated the config (from a variable): Invoke checks them
// again before any request, since a value from another resource's
// attribute is known only then (framework.CheckActionConfig).
func (a *sendAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	resp.Diagnostics.Append(framework.CheckActionConfig(ctx, a, req.Config)...)
}

func (a *sendAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m sendModel
	resp.Diagnostics.Append(framework.CheckActionConfig(ctx, a, req.Config).Errors()...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, framework.DefaultReadTimeout)
	defer cancel()
	phone, ref := m.Phone.ValueString(), m.ReferenceID.ValueString()
	if ref != "" {
		if done := a.alreadySent(ctx, ref, phone, resp); done {
			return
		}
	} else {
		ref = client.NewReferenceID() // known here, so that the advice of a lost answer can name it
	}
	framework.Progress(resp, "Sending one %s message to %s.", m.Channel.ValueString(), phone)
	msg := client.MessageRequest{Channel: m.Channel.ValueString(), Phone: phone, ReferenceID: ref, Sender: m.Sender.ValueString(),
		Text: m.Text.ValueString()}
	if !m.Template.IsNull() {
		var t framework.TemplateModel
		resp.Diagnostics.Append(m.Template.As(ctx, &t, basetypes.ObjectAsOptions{})...)
		if resp.Diagnostics.HasError() {
			return
		}
		tmpl := framework.TemplateToAPI(t)
		msg.Template = &tmpl
	}
	sent, err := a.Client.SendMessage(ctx, msg)
	var before *client.MessageSentBeforeError
	switch {
	case errors.As(err, &before):
		sentBeforeDiagnostic(before, resp)
	case client.IsAmbiguousCreate(err):
		resp.Diagnostics.AddError("Message May Have Been Sent", fmt.Sprintf("%s.\n\nIt is never sent under another reference_id, so that "+
			"the phone does not get it twice. Set reference_id = %q in the action's config and invoke it again: if the message "+
			"went out, it is reported and nothing is sent; if it did not, it is sent once.", err, ref))
	case framework.FieldErrorsOf(err) != nil:
		resp.Diagnostics.Append(framework.AttributeErrors("Unable to Send Message", "Nothing was sent. Correct the value and "+
			"invoke the action again.", framework.FieldErrorsOf(err), messageFieldPath, nil)...)
	case err != nil:
		resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Send Message", a.Client,
			framework.APIObject{Kind: "message", List: "GET /api/messages"}, err))
	case sent.SentBefore:
		framework.Progress(resp, "Message %d to %s with reference_id %s was sent before (status %s): One-API refused the "+
			"reference_id as already used, so nothing was sent now.", sent.ID, phone, ref, sent.Status)
	default:
		how := ""
		if sent.Recovered != "" {
			how = " Its answer was lost; it was " + sent.Recovered + ", and not sent twice."
		}
		framework.Progress(resp, "Message %d to %s is %s.%s", sent.ID, phone, sent.Status, how)
	}
}

// sentBeforeDiagnostic reports a reference_id used before: for another
// phone an error (this message was not sent); otherwise a warning, since
// a message with it went out and sending again would deliver it twice.
func sentBeforeDiagnostic(e *client.MessageSentBeforeError, resp *action.InvokeResponse) {
	if e.Other != nil {
		resp.Diagnostics.AddAttributeError(path.Root("reference_id"), "Reference Id Already Used", fmt.Sprintf("%s.\n\n"+
			"A reference_id names one message. To send this one, set another reference_id.", e))
		return
	}
	resp.Diagnostics.AddWarning("Message Sent Before", fmt.Sprintf("%s.\n\nDo not invoke the action with another "+
		"reference_id for this message: the phone would get it twice. Invoke it again with reference_id = %q later to see "+
		"the message and its status; nothing is sent then.", e, e.ReferenceID))
}

// alreadySent reports a message sent before with the configured
// reference_id: the invoke is then done, and sends nothing. A message of
// that reference_id to another phone is an error: nothing is sent.
func (a *sendAction) alreadySent(ctx context.Context, ref, phone string, resp *action.InvokeResponse) bool {
	msg, err := a.Client.MessageByReference(ctx, ref)
	switch {
	case err != nil:
		resp.Diagnostics.AddError("Unable to Send Message", fmt.Sprintf("Looking for a message sent before with reference_id "+
			"%s failed, so nothing was sent (a message may exist): %s. Invoke the action again.", ref, err))
		return true
	case msg == nil:
		return false
	case msg.PhoneNumber() != phone:
		sentBeforeDiagnostic(&client.MessageSentBeforeError{ReferenceID: ref, Phone: phone, Other: msg}, resp)
		return true
	}
	framework.Progress(resp, "Message %d with reference_id %s was sent before (status %s): nothing was sent.", msg.ID, ref, msg.Status)
	return true
}

// messageFieldPath maps a 422 field of the send call to the attribute it
// came from: phone.number, phone.reference_id, <channel>.sender and
// <channel>.text (undotted as the API writes them, or dotted).
func messageFieldPath(field string) (path.Path, bool) {
	parts := client.FieldPath(field)
	last := parts[len(parts)-1]
	switch {
	case parts[0] == "phone" && last == "reference_id":
		return path.Root("reference_id"), true
	case parts[0] == "phone":
		return path.Root("phone"), true
	case last == "sender" || last == "text":
		return path.Root(last), true
	case parts[0] == "template":
		return path.Root("template"), true
	case strings.HasPrefix(field, "channel"):
		return path.Root("channel"), true
	}
	return path.Empty(), false
}

// The channels the single-message call sends are the channel table's
// marked Message; their order in sentences is SMS first, as the call's
// documentation lists them.

func messageChannels() []framework.Channel {
	out := framework.ChannelsWhere(func(c framework.Channel) bool { return c.Message && c.Sender == 0 })
	return append(out, framework.ChannelsWhere(func(c framework.Channel) bool { return c.Message && c.Sender != 0 })...)
}

func channelNames() []string {
	var out []string
	for _, c := range messageChannels() {
		out = append(out, c.API)
	}
	return out
}

// channelsDescription is "`sms`, `rcs` or `viber`.".
func channelsDescription() string {
	return framework.Sentence(framework.Quoted(channelNames()), "or") + "."
}

// textDescription is each channel's text limit: "for SMS at most 765 GSM
// 7-bit characters (355 in UCS-2), for RCS 160, for Viber 1000".
func textDescription() string {
	var parts []string
	var templated []string
	for _, c := range messageChannels() {
		switch {
		case c.Templated():
			templated = append(templated, c.Title)
			continue
		case c.Text == 0:
			parts = append(parts, fmt.Sprintf("for %s at most %d GSM 7-bit characters (%d in UCS-2)", c.Title, framework.SMSMaxGSM, framework.SMSMaxUCS2))
			continue
		}
		parts = append(parts, fmt.Sprintf("for %s %d", c.Title, c.Text))
	}
	return "The text, required on every channel but " + framework.Sentence(templated, "and") + " (which sends a `template`): " +
		strings.Join(parts, ", ") + "."
}

// senderDescription is "The sender: an SMS sender (...), or the RCS
// agent's or Viber sender's name (1 to 40 characters).", from the table.
func senderDescription() string {
	var names []string
	most := 0
	for _, c := range messageChannels() {
		if c.Sender == 0 {
			continue
		}
		names, most = append(names, c.Title+" "+c.SenderNoun()+"'s"), max(most, c.Sender)
	}
	return "The sender: an SMS sender (1 to 11 Latin letters, digits, spaces and symbols, or 1 to 15 digits), or the " +
		framework.Sentence(names, "or") + fmt.Sprintf(" name (1 to %d characters).", most)
}

// checkContentKind requires a template, and no text, on a channel of
// templates, and a text, and no template, on the others; false when
// either is wrong.
func checkContentKind(d *diag.Diagnostics, m sendModel, c framework.Channel) bool {
	want, not := path.Root("text"), path.Root("template")
	wantV, notV := attr.Value(m.Text), attr.Value(m.Template)
	what := "a text"
	if c.Templated() {
		want, not, wantV, notV, what = not, want, notV, wantV, "an approved template, not a text"
	}
	ok := true
	if framework.IsNull(wantV) {
		d.AddAttributeError(want, "Missing Attribute Configuration",
			fmt.Sprintf("Attribute %s is required with channel %q: its messages are %s.", want, c.API, what))
		ok = false
	}
	if framework.Known(notV) {
		d.AddAttributeError(not, "Invalid Attribute Combination",
			fmt.Sprintf("Attribute %s cannot be set with channel %q: its messages are %s, so it would not be sent. Remove it.",
				not, c.API, what))
		ok = false
	}
	return ok
}

// templateAttribute is the template of a channel whose messages are
// approved templates (the Template schema of the call's example).
func templateAttribute() schema.SingleNestedAttribute {
	var titles []string
	for _, c := range messageChannels() {
		if c.Templated() {
			titles = append(titles, c.Title)
		}
	}
	return schema.SingleNestedAttribute{
		MarkdownDescription: "The approved template and the values that fill it, required for " + framework.Sentence(titles, "and") +
			" (instead of `text`), as the call's example sends it.",
		Optional:   true,
		Attributes: framework.TemplateActionAttributes(),
	}
}
