package campaign

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The campaign resource's model, and how it maps to the API: the create
// request built from a plan, and the state written from an answer.

type campaignResourceModel struct {
	ID                    types.String   `tfsdk:"id"`
	Recipients            types.Object   `tfsdk:"recipients"`
	SMSFallback           types.Object   `tfsdk:"sms_fallback"`
	StartAt               types.String   `tfsdk:"start_at"`
	ValidityHours         types.Int64    `tfsdk:"validity_hours"`
	ValiditySeconds       types.Int64    `tfsdk:"validity_seconds"`
	TariffCode            types.Int64    `tfsdk:"tariff_code"`
	CallbackURL           types.String   `tfsdk:"callback_url"`
	CheckStopList         types.Bool     `tfsdk:"check_stop_list"`
	AddToContactBook      types.Bool     `tfsdk:"add_to_contact_book"`
	DesiredState          types.String   `tfsdk:"desired_state"`
	StopOnDestroy         types.Bool     `tfsdk:"stop_on_destroy"`
	Name                  types.String   `tfsdk:"name"`
	Status                types.String   `tfsdk:"status"`
	MessageType           types.String   `tfsdk:"message_type"`
	RealStartAt           types.String   `tfsdk:"real_start_at"`
	FinishedAt            types.String   `tfsdk:"finished_at"`
	CreatedAt             types.String   `tfsdk:"created_at"`
	Statistics            types.Object   `tfsdk:"statistics"`
	SMSFallbackStatistics types.Object   `tfsdk:"sms_fallback_statistics"`
	CalculatedPrice       types.String   `tfsdk:"calculated_price"`
	Currency              types.String   `tfsdk:"currency"`
	Timeouts              timeouts.Value `tfsdk:"timeouts"`
	// content are the content blocks (content.go), by name: decoded and
	// encoded by getCampaign and setCampaign, since the blocks are the
	// channel files' and not this struct's. A missing one is null.
	content map[string]types.Object
}

type recipientsModel struct {
	Phones []string `tfsdk:"phones"`
	Groups []int64  `tfsdk:"groups"`
}

type smsFallbackModel struct {
	Sender          types.String `tfsdk:"sender"`
	Text            types.String `tfsdk:"text"`
	ValidityHours   types.Int64  `tfsdk:"validity_hours"`
	ValiditySeconds types.Int64  `tfsdk:"validity_seconds"`
	CheckStopList   types.Bool   `tfsdk:"check_stop_list"`
	// UnsubscribeCaption and ShortLinks: the cascade call's SMS only.
	UnsubscribeCaption types.String     `tfsdk:"unsubscribe_caption"`
	ShortLinks         []shortLinkModel `tfsdk:"short_links"`
}

// recipientsAttrTypes are the attribute types of recipients, for building
// values.
var recipientsAttrTypes = map[string]attr.Type{
	"phones": types.SetType{ElemType: types.StringType},
	"groups": types.SetType{ElemType: types.Int64Type},
}

var asOpts = basetypes.ObjectAsOptions{}

// missingContent refuses a new campaign without recipients or content
// (only an imported campaign may omit them), at plan and, should a plan
// ever let one through, before the create.
func missingContent(m campaignResourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	c, _, hasContent := contentOf(m)
	if m.Recipients.IsNull() && !c.ownRecipients {
		diags.AddAttributeError(path.Root("recipients"), "Missing Recipients",
			"Attribute recipients is required to create a campaign: set recipients.phones or recipients.groups. "+
				"(Only an imported campaign"+ownRecipientsList()+" may omit them.)")
	}
	if !hasContent {
		diags.AddAttributeError(path.Root(contentBlocks()[0].Block), "Missing Campaign Content",
			"A content block is required to create a campaign: "+blockList("", true)+". "+
				"(Only an imported campaign may omit it.)")
	}
	return diags
}

// ownRecipientsList names the blocks whose messages name their phones:
// ", or a personal_sms one".
func ownRecipientsList() string {
	out := ""
	for _, c := range contentBlocks() {
		if c.ownRecipients {
			out += ", or a " + c.Block + " one,"
		}
	}
	return strings.TrimSuffix(out, ",")
}

// campaignToCreateRequest maps a fully known plan to the create call; zone
// is the account's time zone, in which start_at is sent.
func campaignToCreateRequest(ctx context.Context, m campaignResourceModel, zone *time.Location) (createRequest, diag.Diagnostics) {
	diags := missingContent(m)
	if diags.HasError() {
		return createRequest{}, diags
	}
	var rcp recipientsModel
	if !m.Recipients.IsNull() {
		diags.Append(m.Recipients.As(ctx, &rcp, asOpts)...)
	}
	sort.Slice(rcp.Groups, func(i, j int) bool { return rcp.Groups[i] < rcp.Groups[j] })
	to := audience{phones: sortedPhones(rcp.Phones), groups: rcp.Groups}
	if s := m.StartAt.ValueString(); s != "" {
		to.startAt, _ = framework.NormalizeStartAt(s, zone)
	}
	c, _, _ := contentOf(m)
	req, ds := c.request(ctx, m, to)
	diags.Append(ds...)
	return req, diags
}

// sortedPhones is the recipients' phones in a stable order.
func sortedPhones(phones []string) []client.Phone {
	sort.Strings(phones)
	out := make([]client.Phone, 0, len(phones))
	for _, p := range phones {
		out = append(out, client.Phone{Number: p})
	}
	return out
}

// campaignFromAPI writes what the API says about a campaign into the
// model's computed attributes. It never touches desired_state or the
// content, which the API does not return. zone is the account's time zone,
// in which the API writes start_at.
func campaignFromAPI(c *client.Campaign, m *campaignResourceModel, zone *time.Location) {
	refreshModel(c, m, zone) // read.go: the attributes and rules a refresh follows, shared with Read's
}

// The rules of a refresh for the values the API answers unreliably or in
// another spelling; campaignFromAPI (on the model) and refreshedState (on
// the state's value) both follow them.

// takesPrice: the price estimate is only given reliably when the campaign
// is created; later answers carry 0 or null, which must not erase it.
func takesPrice(c *client.Campaign, haveOne bool) bool {
	if !haveOne {
		return true
	}
	if c.CalculatedPrice == nil {
		return false
	}
	f, err := c.CalculatedPrice.Float64()
	return err == nil && f != 0
}

// takesCurrency: a currency the answer leaves out keeps the one known.
func takesCurrency(c *client.Campaign, haveOne bool) bool { return c.Currency != nil || !haveOne }

// takesStartAt: start_at keeps the spelling the configuration used
// (current, when haveOne) while it names the instant the platform reports.
func takesStartAt(c *client.Campaign, current string, haveOne bool, zone *time.Location) bool {
	if c.StartAt == nil || !haveOne {
		return !haveOne
	}
	ours, err1 := framework.NormalizeStartAt(current, zone)
	theirs, err2 := framework.NormalizeStartAt(*c.StartAt, zone)
	return err1 != nil || err2 != nil || ours != theirs
}

// keepObserved copies what the platform last reported into a plan or a
// result, for changes that make no API call.
func keepObserved(dst *campaignResourceModel, src campaignResourceModel) {
	dst.ID, dst.Name, dst.Status, dst.MessageType = src.ID, src.Name, src.Status, src.MessageType
	dst.RealStartAt, dst.FinishedAt, dst.CreatedAt = src.RealStartAt, src.FinishedAt, src.CreatedAt
	dst.Statistics, dst.SMSFallbackStatistics = src.Statistics, src.SMSFallbackStatistics
	dst.CalculatedPrice, dst.Currency = src.CalculatedPrice, src.Currency
	if dst.StartAt.IsUnknown() {
		dst.StartAt = src.StartAt
	}
}

// markObservedUnknown shows, honestly, that an API call will change what
// the platform reports.
func markObservedUnknown(plan *campaignResourceModel) {
	plan.Status = types.StringUnknown()
	plan.Statistics = types.ObjectUnknown(statisticsAttrTypes)
	plan.SMSFallbackStatistics = types.ObjectUnknown(statisticsAttrTypes)
	plan.RealStartAt = types.StringUnknown()
	plan.FinishedAt = types.StringUnknown()
}
