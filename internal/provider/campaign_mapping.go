package provider

import (
	"context"
	"sort"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

type recipientsModel struct {
	Phones []string `tfsdk:"phones"`
	Groups []int64  `tfsdk:"groups"`
}

type rcsModel struct {
	Sender types.String `tfsdk:"sender"`
	Text   types.String `tfsdk:"text"`
	Cards  []cardModel  `tfsdk:"cards"`
}

type cardModel struct {
	Title       types.String      `tfsdk:"title"`
	Text        types.String      `tfsdk:"text"`
	MediaURL    types.String      `tfsdk:"media_url"`
	Suggestions []suggestionModel `tfsdk:"suggestions"`
}

type suggestionModel struct {
	Type         types.String `tfsdk:"type"`
	Text         types.String `tfsdk:"text"`
	URL          types.String `tfsdk:"url"`
	Phone        types.String `tfsdk:"phone"`
	PostbackData types.String `tfsdk:"postback_data"`
}

type smsModel struct {
	Sender        types.String `tfsdk:"sender"`
	Text          types.String `tfsdk:"text"`
	Transliterate types.Bool   `tfsdk:"transliterate"`
}

type smsFallbackModel struct {
	Sender          types.String `tfsdk:"sender"`
	Text            types.String `tfsdk:"text"`
	ValidityHours   types.Int64  `tfsdk:"validity_hours"`
	ValiditySeconds types.Int64  `tfsdk:"validity_seconds"`
	CheckStopList   types.Bool   `tfsdk:"check_stop_list"`
}

var asOpts = basetypes.ObjectAsOptions{}

// createRequest is what campaignToCreateRequest builds: exactly one of the
// two is set.
type createRequest struct {
	rcs *client.RCSCampaignRequest
	sms *client.SMSCampaignRequest
}

// campaignToCreateRequest maps a fully known plan to the create call; zone
// is the account's time zone, in which start_at is sent.
func campaignToCreateRequest(ctx context.Context, m campaignResourceModel, zone *time.Location) (createRequest, diag.Diagnostics) {
	var diags diag.Diagnostics
	var rcp recipientsModel
	if m.Recipients.IsNull() {
		diags.AddAttributeError(path.Root("recipients"), "Missing Recipients",
			"A new campaign needs recipients: set recipients.phones or recipients.groups.")
		return createRequest{}, diags
	}
	diags.Append(m.Recipients.As(ctx, &rcp, asOpts)...)
	sort.Strings(rcp.Phones)
	sort.Slice(rcp.Groups, func(i, j int) bool { return rcp.Groups[i] < rcp.Groups[j] })
	phones := make([]client.Phone, 0, len(rcp.Phones))
	for _, p := range rcp.Phones {
		phones = append(phones, client.Phone{Number: p})
	}
	startAt := ""
	if s := m.StartAt.ValueString(); s != "" {
		startAt, _ = normalizeStartAt(s, zone)
	}
	switch {
	case !m.RCS.IsNull():
		var rcs rcsModel
		diags.Append(m.RCS.As(ctx, &rcs, asOpts)...)
		req := &client.RCSCampaignRequest{
			Phones: phones, Groups: rcp.Groups, Sender: rcs.Sender.ValueString(),
			Options:          client.RCSOptions{Text: rcs.Text.ValueString(), Cards: cardsToAPI(rcs.Cards)},
			StartAt:          startAt,
			TariffCode:       m.TariffCode.ValueInt64Pointer(),
			Validity:         m.ValidityHours.ValueInt64Pointer(),
			ValiditySeconds:  m.ValiditySeconds.ValueInt64Pointer(),
			AddToContactBook: m.AddToContactBook.ValueBoolPointer(),
			CheckStopList:    m.CheckStopList.ValueBoolPointer(),
		}
		if !m.SMSFallback.IsNull() {
			var fb smsFallbackModel
			diags.Append(m.SMSFallback.As(ctx, &fb, asOpts)...)
			req.SMSFallback = &client.SMSFallback{
				Sender: fb.Sender.ValueString(), Text: fb.Text.ValueString(),
				Validity: fb.ValidityHours.ValueInt64Pointer(), ValiditySeconds: fb.ValiditySeconds.ValueInt64Pointer(),
				CheckStopList: fb.CheckStopList.ValueBoolPointer(),
			}
		}
		return createRequest{rcs: req}, diags
	case !m.SMS.IsNull():
		var sms smsModel
		diags.Append(m.SMS.As(ctx, &sms, asOpts)...)
		return createRequest{sms: &client.SMSCampaignRequest{
			Phones: phones, Groups: rcp.Groups, Sender: sms.Sender.ValueString(), Text: sms.Text.ValueString(),
			StartAt: startAt, TariffCode: m.TariffCode.ValueInt64Pointer(), Validity: m.ValidityHours.ValueInt64Pointer(),
			Transliterate: sms.Transliterate.ValueBoolPointer(),
		}}, diags
	}
	diags.AddAttributeError(path.Root("rcs"), "Missing Campaign Content",
		"A new campaign needs content: set an rcs block (sender and text or cards) or an sms block (sender and text).")
	return createRequest{}, diags
}

func cardsToAPI(cards []cardModel) []client.Card {
	var out []client.Card
	for _, c := range cards {
		card := client.Card{Title: c.Title.ValueString(), Text: c.Text.ValueString()}
		if u := c.MediaURL.ValueString(); u != "" {
			card.Media = &client.Media{URL: u}
		}
		for _, s := range c.Suggestions {
			card.Suggestions = append(card.Suggestions, client.Suggestion{
				Type: s.Type.ValueString(), Text: s.Text.ValueString(), URL: s.URL.ValueString(),
				Phone: s.Phone.ValueString(), PostbackData: s.PostbackData.ValueString(),
			})
		}
		out = append(out, card)
	}
	return out
}

// campaignFromAPI writes what the API says about a campaign into the
// model's computed attributes. It never touches desired_state or the
// content, which the API does not return. zone is the account's time zone,
// in which the API writes start_at.
func campaignFromAPI(c *client.Campaign, m *campaignResourceModel, zone *time.Location) {
	m.ID = types.StringValue(strconv.FormatInt(c.ID, 10))
	m.Name = types.StringValue(c.Name)
	m.Status = types.StringValue(c.Status)
	m.MessageType = types.StringValue(c.MessageType)
	m.RealStartAt = types.StringPointerValue(c.RealStartAt)
	m.FinishedAt = types.StringPointerValue(c.FinishedAt)
	m.CreatedAt = types.StringPointerValue(c.CreatedAt)
	m.Statistics = statisticsValue(c.Statistics)
	m.SMSFallbackStatistics = types.ObjectNull(statisticsAttrTypes)
	if c.AlternativeChannels != nil && c.AlternativeChannels.SMS != nil {
		m.SMSFallbackStatistics = statisticsValue(c.AlternativeChannels.SMS.Statistics)
	}
	// The price estimate is only given reliably when the campaign is
	// created; later answers carry 0 or null, which must not erase it.
	if c.CalculatedPrice != nil && (*c.CalculatedPrice != 0 || !known(m.CalculatedPrice)) {
		m.CalculatedPrice = types.Float64Value(*c.CalculatedPrice)
	} else if !known(m.CalculatedPrice) {
		m.CalculatedPrice = types.Float64Null()
	}
	if c.Currency != nil {
		m.Currency = types.StringValue(*c.Currency)
	} else if !known(m.Currency) {
		m.Currency = types.StringNull()
	}
	// start_at keeps the spelling the configuration used while it names the
	// instant the platform reports.
	if c.StartAt != nil {
		ours, err1 := normalizeStartAt(m.StartAt.ValueString(), zone)
		theirs, err2 := normalizeStartAt(*c.StartAt, zone)
		if !known(m.StartAt) || err1 != nil || err2 != nil || ours != theirs {
			m.StartAt = types.StringValue(*c.StartAt)
		}
	} else if !known(m.StartAt) {
		m.StartAt = types.StringNull()
	}
}

// known reports a value that is neither null nor unknown.
func known(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }
