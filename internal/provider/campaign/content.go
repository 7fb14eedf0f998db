package campaign

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// A campaign has exactly one content block, and the block decides its
// channel and the call it is sent with. Each block is one entry of the
// channel table (framework.Channels) and one file here named after it
// (rcs.go, sms.go, viber.go, whatsapp.go, personal_sms.go): its schema,
// its rules at plan, its create request and how the call's 422 fields map
// back to its attributes. Nothing outside those files names a block.

// content is one content block, registered from its file's init.
type content struct {
	framework.Channel
	// what says what the block needs, for the error of a campaign without
	// content: "sender and text".
	what string
	// ownRecipients: the block's messages name their phones, so the
	// campaign takes no recipients (personal SMS).
	ownRecipients bool
	// also is how the resource's description names what the block adds
	// beyond its channel ("personal SMS (a text per phone)"), if anything.
	also string
	// attribute is the block's schema.
	attribute func(ch framework.Channel) schema.SingleNestedAttribute
	// validate checks the block's rules between attributes, on the
	// configuration's values (unknown ones are left alone); top is the
	// campaign's. Nil: none beyond the table's (NotTaken, Phones).
	validate func(d *diag.Diagnostics, top map[string]attr.Value)
	// request builds the create call of a fully known plan.
	request func(ctx context.Context, m campaignResourceModel, to audience) (createRequest, diag.Diagnostics)
	// fieldPath maps a 422 field of the block's call (its path parts, as
	// client.FieldPath splits it) to the attribute it came from; ok false
	// for a field the campaign's common mapping (apiFieldPath) knows.
	fieldPath func(parts []string) (path.Path, bool)
	// texts are the block's attributes that may carry {field_id}
	// placeholders (checkPlaceholders), as paths below the block.
	texts func(block map[string]attr.Value) []textAt
}

// textAt is a text of a content block and where it is.
type textAt struct {
	at   path.Path
	text attr.Value
}

var (
	registered   = map[string]content{}
	registeredMu sync.Mutex
)

// register adds a content block; its name must be an entry of the channel
// table (TestEveryChannelHasItsFile checks the other way).
func register(c content) {
	ch, ok := framework.ChannelOf(c.Block)
	if !ok || ch.Block != c.Block {
		panic("campaign: content block " + c.Block + " has no entry in framework.Channels")
	}
	c.Channel = ch
	registeredMu.Lock()
	defer registeredMu.Unlock()
	registered[c.Block] = c
}

// contentBlocks are the registered blocks in the table's order. Every
// file's init has run before anything asks.
var contentBlocks = sync.OnceValue(func() []content {
	var out []content
	for _, ch := range framework.Channels {
		c, ok := registered[ch.Block]
		if !ok {
			panic("campaign: content block " + ch.Block + " read before its file registered it, or it has no file")
		}
		out = append(out, c)
	}
	return out
})

// contentNamed is the block of that name; ok is false for none.
func contentNamed(name string) (content, bool) {
	for _, c := range contentBlocks() {
		if c.Block == name {
			return c, true
		}
	}
	return content{}, false
}

// isContent reports whether a top-level attribute is a content block.
func isContent(name string) bool {
	_, ok := contentNamed(name)
	return ok
}

// contentAttributeSchemas are the blocks' schemas, by name, for the
// resource's schema.
func contentAttributeSchemas(attrs map[string]schema.Attribute) map[string]schema.Attribute {
	for _, c := range contentBlocks() {
		attrs[c.Block] = c.attribute(c.Channel)
	}
	return attrs
}

// blocksOf are the content blocks a configuration sets, in the table's
// order.
func blocksOf(top map[string]attr.Value) []content {
	var set []content
	for _, c := range contentBlocks() {
		if framework.Known(top[c.Block]) {
			set = append(set, c)
		}
	}
	return set
}

// contentOf is the block a model sets (the first, should a plan set
// several), and its value; ok is false when none is set.
func contentOf(m campaignResourceModel) (content, types.Object, bool) {
	for _, c := range contentBlocks() {
		if v := m.block(c.Block); !v.IsNull() {
			return c, v, true
		}
	}
	return content{}, types.Object{}, false
}

// blockList names the blocks for a sentence: "`rcs`, `sms` or `viber`"
// (quote "`"), or with what each needs (withWhat).
func blockList(quote string, withWhat bool) string {
	var names []string
	for _, c := range contentBlocks() {
		name := quote + c.Block + quote
		if withWhat {
			name += " (" + c.what + ")"
		}
		names = append(names, name)
	}
	return framework.Sentence(names, "or")
}

// validateContent checks the rules of the content blocks: one content
// block; what its call does not take; each block's own rules.
func validateContent(d *diag.Diagnostics, top map[string]attr.Value) {
	set := blocksOf(top)
	if len(set) > 1 {
		d.AddAttributeError(path.Root(set[1].Block), "Invalid Attribute Combination",
			fmt.Sprintf("Attributes %s and %s cannot both be set: a campaign has one channel. For an SMS sent only where "+
				"the first channel cannot deliver (a cascade), use sms_fallback.", set[0].Block, set[1].Block))
	}
	for _, c := range set {
		if c.validate != nil {
			c.validate(d, top)
		}
	}
}

// refuseCascadeExtras refuses the sms_fallback settings that the cascade
// call (POST /api/campaigns/send, channels [block, "sms"]) does not take:
// its SMS has a sender, a text, an unsubscribe caption and short links,
// and no validity or stop list flag of its own.
func refuseCascadeExtras(d *diag.Diagnostics, top map[string]attr.Value, block string) {
	c, _ := contentNamed(block)
	fb := framework.ObjectAttrs(top["sms_fallback"])
	for _, name := range []string{"validity_hours", "validity_seconds", "check_stop_list"} {
		if fb != nil && framework.Known(fb[name]) {
			d.AddAttributeError(path.Root("sms_fallback").AtName(name), "Attribute Not Supported for "+c.Title,
				fmt.Sprintf("Attribute sms_fallback.%s cannot be set with %s: the cascade call (%s) "+
					"takes no validity or stop list flag for its SMS, so it would not be sent. Remove it; the campaign's "+
					"validity_hours and check_stop_list apply to both channels.", name, block, c.Call))
		}
	}
}

// cascadeFieldPath maps the cascade call's sms.sender, sms.text,
// sms.unsubscribe_caption and sms.short_links to sms_fallback.
func cascadeFieldPath(parts []string) (path.Path, bool) {
	switch {
	case parts[0] != "sms" || len(parts) < 2:
	case parts[1] == "sender" || parts[1] == "text" || parts[1] == "unsubscribe_caption":
		return path.Root("sms_fallback").AtName(parts[1]), true
	case parts[1] == "short_links":
		return shortLinkPath(path.Root("sms_fallback"), parts[2:]), true
	}
	return path.Empty(), false
}

// refuseNotTaken refuses the top-level attributes the block's call does
// not take (framework.Channel.NotTaken): set, they would be stored in
// state and silently not sent.
func refuseNotTaken(d *diag.Diagnostics, top map[string]attr.Value, c content) {
	for _, name := range c.NotTaken {
		if framework.Known(top[name]) {
			d.AddAttributeError(path.Root(name), "Attribute Not Supported for "+c.Title, c.NotTakenError(name, apiName(name)))
		}
	}
}

// apiName is an attribute's name in the API's requests.
func apiName(name string) string {
	if name == "validity_hours" {
		return "validity"
	}
	return name
}

// audience is who a new campaign goes to, and when, as every create
// call takes them.
type audience struct {
	phones  []client.Phone
	groups  []int64
	startAt string
}

// createRequest is the one create call of a campaign: the block it was
// built from, the channel's request (body, for tests) and the call.
type createRequest struct {
	block string
	body  any
	// phones are the request's phones, shared with body, so that
	// setReferenceIDs writes into the request; nil for a request that
	// names its phones otherwise (numbers).
	phones []client.Phone
	// numbers are the phones in the request's order, for diagnostics.
	numbers []string
	call    func(ctx context.Context, c *client.Client) (*client.Campaign, error)
}

// newCreateRequest is a create request of a block's body, sent by call,
// to phones.
func newCreateRequest[T any](block string, body *T, phones []client.Phone,
	call func(*client.Client, context.Context, T) (*client.Campaign, error)) createRequest {
	numbers := make([]string, 0, len(phones))
	for _, p := range phones {
		numbers = append(numbers, p.Number)
	}
	return createRequest{block: block, body: body, phones: phones, numbers: numbers,
		call: func(ctx context.Context, c *client.Client) (*client.Campaign, error) { return call(c, ctx, *body) }}
}

// send makes the one create call of the request's channel.
func (r createRequest) send(ctx context.Context, c *client.Client) (*client.Campaign, error) {
	return r.call(ctx, c)
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

// cascadeSend is what a channel's request to the cascade call (POST
// /api/campaigns/send) shares with the others': the recipients, the
// settings and the SMS block.
func cascadeSend(ctx context.Context, m campaignResourceModel, to audience, diags *diag.Diagnostics) client.CampaignSend {
	return client.CampaignSend{Phones: to.phones, Groups: to.groups, StartAt: to.startAt, SMSFallback: cascadeSMSOf(ctx, m, diags),
		TariffCode: m.TariffCode.ValueInt64Pointer(), Validity: m.ValidityHours.ValueInt64Pointer(),
		AddToContactBook: m.AddToContactBook.ValueBoolPointer(), CheckStopList: m.CheckStopList.ValueBoolPointer()}
}

// cascadeSMSOf is the plan's sms_fallback as the cascade call's SMS
// block takes it (sender, text, unsubscribe_caption, short_links), or nil.
func cascadeSMSOf(ctx context.Context, m campaignResourceModel, diags *diag.Diagnostics) *client.CascadeSMS {
	if m.SMSFallback.IsNull() {
		return nil
	}
	var fb smsFallbackModel
	diags.Append(m.SMSFallback.As(ctx, &fb, asOpts)...)
	return &client.CascadeSMS{Sender: fb.Sender.ValueString(), Text: fb.Text.ValueString(),
		UnsubscribeCaption: fb.UnsubscribeCaption.ValueString(), ShortLinks: shortLinksToAPI(ctx, fb.ShortLinks, diags)}
}

// getCampaign decodes a plan, state or configuration into the model: the
// campaign's own attributes by reflection, the content blocks into
// m.content.
func getCampaign(ctx context.Context, from interface {
	Get(context.Context, any) diag.Diagnostics
}, m *campaignResourceModel) diag.Diagnostics {
	var obj types.Object
	diags := from.Get(ctx, &obj)
	if diags.HasError() {
		return diags
	}
	own := make(map[string]attr.Value, len(obj.Attributes()))
	content := make(map[string]types.Object, len(contentBlocks()))
	for name, v := range obj.Attributes() {
		if o, ok := v.(types.Object); ok && isContent(name) {
			content[name] = o
			continue
		}
		own[name] = v
	}
	ownObj, ds := types.ObjectValue(ownAttrTypes(), own)
	diags.Append(ds...)
	if diags.HasError() {
		return diags
	}
	diags.Append(ownObj.As(ctx, m, asOpts)...)
	m.content = content
	return diags
}

// setCampaign encodes the model into a plan or state.
func setCampaign(ctx context.Context, to interface {
	Set(context.Context, any) diag.Diagnostics
}, m campaignResourceModel) diag.Diagnostics {
	ownObj, diags := types.ObjectValueFrom(ctx, ownAttrTypes(), m)
	if diags.HasError() {
		return diags
	}
	all := make(map[string]attr.Value, len(ownObj.Attributes())+len(contentBlocks()))
	for name, v := range ownObj.Attributes() {
		all[name] = v
	}
	for _, c := range contentBlocks() {
		all[c.Block] = m.block(c.Block)
	}
	obj, ds := types.ObjectValue(campaignAttrTypes(), all)
	diags.Append(ds...)
	if !diags.HasError() {
		diags.Append(to.Set(ctx, obj)...)
	}
	return diags
}

// block is a content block's value in the model: null when unset.
func (m campaignResourceModel) block(name string) types.Object {
	if v, ok := m.content[name]; ok {
		return v
	}
	t, _ := campaignAttrTypes()[name].(types.ObjectType)
	return types.ObjectNull(t.AttrTypes)
}

// withBlock is the model with a content block set (tests, imports).
func (m campaignResourceModel) withBlock(name string, v types.Object) campaignResourceModel {
	content := make(map[string]types.Object, len(m.content)+1)
	for k, o := range m.content {
		content[k] = o
	}
	content[name] = v
	m.content = content
	return m
}

// campaignAttrTypes are the attribute types of the campaign's schema;
// ownAttrTypes those but the content blocks'.
var (
	campaignAttrTypes = sync.OnceValue(func() map[string]attr.Type {
		t, _ := campaignSchema().Type().(types.ObjectType)
		return t.AttrTypes
	})
	ownAttrTypes = sync.OnceValue(func() map[string]attr.Type {
		out := map[string]attr.Type{}
		for name, t := range campaignAttrTypes() {
			if !isContent(name) {
				out[name] = t
			}
		}
		return out
	})
)

// textOnly is the texts of a block whose one text is "text".
func textOnly(block string) func(map[string]attr.Value) []textAt {
	return func(attrs map[string]attr.Value) []textAt {
		return []textAt{{path.Root(block).AtName("text"), attrs["text"]}}
	}
}
