package campaign

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// What the campaign resource and the campaign data sources share: the
// statuses, campaign ids, the API's time layout, the statistics objects,
// what every read reports, and the predicates on attribute values.

// campaignStatuses are the statuses a campaign can be in.
var campaignStatuses = []string{
	client.StatusCreation, client.StatusModeration, client.StatusSpam, client.StatusScheduled,
	client.StatusSending, client.StatusPaused, client.StatusStopped, client.StatusDone,
}

const statusList = "`creation`, `moderation`, `spam` (failed moderation), `scheduled`, `sending`, " +
	"`paused` (for example out of funds), `stopped` (final) or `done` (final)"

// unexpectedFigures warns, in one diagnostic, of what a campaign's answer
// reports that the documentation does not allow: a status not in
// campaignStatuses, a negative count. (Delivered above sent is no such
// figure: the platform counts read messages as delivered, not as sent;
// the short answer has no total to hold them to.) The values are
// kept as the platform wrote them: hiding them would hide the platform's
// word, and no rule of the provider acts on a status it does not know.
func unexpectedFigures(c *client.Campaign) diag.Diagnostics {
	var odd []string
	if !slices.Contains(campaignStatuses, c.Status) {
		odd = append(odd, fmt.Sprintf("status %q is not one the documentation names", c.Status))
	}
	check := func(name string, st client.Statistics) {
		if st.Sent < 0 || st.Delivered < 0 {
			odd = append(odd, fmt.Sprintf("%s has a negative count (sent %d, delivered %d)", name, st.Sent, st.Delivered))
		}
	}
	check("statistics", c.Statistics)
	if c.AlternativeChannels != nil && c.AlternativeChannels.SMS != nil {
		check("sms_fallback_statistics", c.AlternativeChannels.SMS.Statistics)
	}
	if len(odd) == 0 {
		return nil
	}
	return diag.Diagnostics{diag.NewWarningDiagnostic("Unexpected Campaign Figures", fmt.Sprintf("One-API reports for "+
		"campaign %d: %s. The values are kept in the state as reported; no stop or renew is decided on them. If they "+
		"persist, report them to the platform's support.", c.ID, strings.Join(odd, "; ")))}
}

func campaignIDValidator() validator.String {
	return stringvalidator.RegexMatches(framework.IDPattern, "must be a campaign id: digits only, such as 53708808")
}

// parseCampaignID reads a campaign id; p is the attribute a bad id is
// reported on.
func parseCampaignID(s string, p path.Path) (int64, diag.Diagnostics) {
	return framework.ParseID("campaign", s, p)
}

// apiTimeLayout is how One-API writes and reads times, in the account's
// time zone (the provider's time_zone).
const apiTimeLayout = client.TimeLayout

// statisticsFields are the short statistics of a campaign (and of its SMS
// fallback), as every read answers them.
var statisticsFields = []computedField{
	{"sent", "Messages in DELIVERED, SENT, ACCEPTED, SENDING, UNDELIVERED, FAILED, EXPIRED or UNKNOWN, as the " +
		"platform counts them. READ messages are not counted here but are in `delivered`, so `delivered` can exceed `sent`."},
	{"delivered", "Messages in DELIVERED or READ (see `sent`: it can be the larger number)."},
}

var statisticsAttrTypes = int64AttrTypes(statisticsFields)

func statisticsValue(s client.Statistics) types.Object {
	return types.ObjectValueMust(statisticsAttrTypes, map[string]attr.Value{
		"sent": types.Int64Value(s.Sent), "delivered": types.Int64Value(s.Delivered),
	})
}

// detailedStatisticsFields are the message statuses of the detail call, in
// the API's order.
var detailedStatisticsFields = func() []computedField {
	names := []string{"delivered", "sent", "scheduled", "moderation", "accepted", "sending",
		"expired", "failed", "undelivered", "unknown", "read", "not_viber_user", "not_rcs_user"}
	out := make([]computedField, 0, len(names))
	for _, n := range names {
		out = append(out, computedField{n, "Messages in status " + n + "."})
	}
	return out
}()

var detailedStatisticsAttrTypes = int64AttrTypes(detailedStatisticsFields)

func detailedStatisticsValue(s client.DetailStatistics) types.Object {
	values := map[string]int64{
		"delivered": s.Delivered, "sent": s.Sent, "scheduled": s.Scheduled, "moderation": s.Moderation,
		"accepted": s.Accepted, "sending": s.Sending, "expired": s.Expired, "failed": s.Failed,
		"undelivered": s.Undelivered, "unknown": s.Unknown, "read": s.Read,
		"not_viber_user": s.NotViberUser, "not_rcs_user": s.NotRCSUser,
	}
	attrs := make(map[string]attr.Value, len(values))
	for k, v := range values {
		attrs[k] = types.Int64Value(v)
	}
	return types.ObjectValueMust(detailedStatisticsAttrTypes, attrs)
}

// computedField is a computed number attribute of a statistics object.
type computedField struct{ name, description string }

func int64AttrTypes(fields []computedField) map[string]attr.Type {
	out := make(map[string]attr.Type, len(fields))
	for _, f := range fields {
		out[f.name] = types.Int64Type
	}
	return out
}

// computedInt64Attributes builds the schema attributes of a statistics
// object, for the resource's schema package or the data sources' (their
// attribute types differ, so the caller says how to build one).
func computedInt64Attributes[A any](fields []computedField, build func(description string) A) map[string]A {
	out := make(map[string]A, len(fields))
	for _, f := range fields {
		out[f.name] = build(f.description)
	}
	return out
}

// decimalValue is a decimal the API wrote, as the text it wrote (null when
// it wrote none). A price is kept as text, not as a number: Terraform
// compares and stores a non-integer number as a 512-bit decimal, which
// made such a number a tenth of the time of a 1,000-campaign plan
// (bench/RESULTS.md); the text is exact, and Terraform converts it where a
// number is needed (priceDescription).
func decimalValue(d *json.Number) types.String {
	if d == nil {
		return types.StringNull()
	}
	return types.StringValue(d.String())
}

// priceValue is the answer's price estimate: null where the API gives
// none, and where it writes 0 without a currency, as campaign reads do
// (API-NOTES: the estimate is only reliably present on create): that 0 is
// not a price, and must not read as "free".
func priceValue(c *client.Campaign) types.String {
	if c.Currency == nil && c.CalculatedPrice != nil {
		if f, err := c.CalculatedPrice.Float64(); err == nil && f == 0 {
			return types.StringNull()
		}
	}
	return decimalValue(c.CalculatedPrice)
}

// priceDescription is what the docs of calculated_price say about its type.
const priceDescription = " A decimal string exactly as the platform wrote it, such as `\"0.0175696\"`: Terraform converts it " +
	"to a number wherever one is needed, so `oneapi_campaign.promo.calculated_price <= data.oneapi_balance.current.balance` " +
	"and `format(\"%.2f\", oneapi_campaign.promo.calculated_price)` work as written; `tonumber(oneapi_campaign.promo.calculated_price)` " +
	"makes the conversion explicit, for an output that should be a number."

// observedCampaign is what every read of a campaign reports (GET
// /api/campaigns/{id} and the list), as attribute values; the campaign
// data source's model embeds it, so its attribute names are written once.
type observedCampaign struct {
	ID                    types.String `tfsdk:"id"`
	Name                  types.String `tfsdk:"name"`
	Sender                types.String `tfsdk:"sender"`
	Status                types.String `tfsdk:"status"`
	MessageType           types.String `tfsdk:"message_type"`
	StartAt               types.String `tfsdk:"start_at"`
	RealStartAt           types.String `tfsdk:"real_start_at"`
	FinishedAt            types.String `tfsdk:"finished_at"`
	CreatedAt             types.String `tfsdk:"created_at"`
	Statistics            types.Object `tfsdk:"statistics"`
	SMSFallbackStatistics types.Object `tfsdk:"sms_fallback_statistics"`
	CalculatedPrice       types.String `tfsdk:"calculated_price"`
	Currency              types.String `tfsdk:"currency"`
}

// observe maps a campaign as the API answers it. Times are kept as the
// platform writes them.
func observe(c *client.Campaign) observedCampaign {
	o := observedCampaign{
		ID: types.StringValue(strconv.FormatInt(c.ID, 10)), Name: types.StringValue(c.Name),
		Sender: types.StringValue(c.Sender), Status: types.StringValue(c.Status),
		MessageType: types.StringValue(c.MessageType), StartAt: types.StringPointerValue(c.StartAt),
		RealStartAt: types.StringPointerValue(c.RealStartAt), FinishedAt: types.StringPointerValue(c.FinishedAt),
		CreatedAt: types.StringPointerValue(c.CreatedAt), Statistics: statisticsValue(c.Statistics),
		SMSFallbackStatistics: types.ObjectNull(statisticsAttrTypes),
		CalculatedPrice:       priceValue(c),
		Currency:              types.StringPointerValue(c.Currency),
	}
	if c.AlternativeChannels != nil && c.AlternativeChannels.SMS != nil {
		o.SMSFallbackStatistics = statisticsValue(c.AlternativeChannels.SMS.Statistics)
	}
	return o
}

// apiErrorDiagnostic describes a failed API call about one campaign (id may
// be empty when there is none yet).
func apiErrorDiagnostic(summary string, c *client.Client, id string, err error) diag.Diagnostic {
	return framework.ObjectErrorDiagnostic(summary, c, framework.APIObject{Kind: "campaign", ID: id, List: "the oneapi_campaigns data source"}, err)
}
