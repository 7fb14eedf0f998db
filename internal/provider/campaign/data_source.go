package campaign

import (
	"context"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// NewDataSource returns the oneapi_campaign data source.
func NewDataSource() datasource.DataSource {
	return framework.NewDataSource("_campaign", campaignDataSourceSchema, readCampaign)
}

// campaignDataSourceModel is what every read of a campaign reports, and
// the detail call's figures.
type campaignDataSourceModel struct {
	observedCampaign
	DetailedStatistics            types.Object  `tfsdk:"detailed_statistics"`
	SMSFallbackDetailedStatistics types.Object  `tfsdk:"sms_fallback_detailed_statistics"`
	TotalMessages                 types.Int64   `tfsdk:"total_messages"`
	TotalPhones                   types.Int64   `tfsdk:"total_phones"`
	TotalPrice                    types.Float64 `tfsdk:"total_price"`
	framework.DataSourceTimeouts
}

func campaignDataSourceSchema(ctx context.Context, resp *datasource.SchemaResponse) {
	computedString := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one campaign: its status and times (`GET /api/campaigns/{id}`) and its full " +
			"delivery statistics and cost (`GET /api/campaigns/{id}/detail`).",
		Attributes: map[string]schema.Attribute{
			"timeouts": dstimeouts.Attributes(ctx),
			"id": schema.StringAttribute{
				MarkdownDescription: "Campaign id, as returned when the campaign was created.",
				Required:            true,
				Validators:          []validator.String{campaignIDValidator()},
			},
			"name":          computedString("Name the platform generated, e.g. `RCS api campaign / 2025-04-14 13:43:13`."),
			"sender":        computedString("RCS agent or SMS sender name."),
			"status":        computedString("Current status: " + statusList + "."),
			"message_type":  computedString(typesOr + "."),
			"start_at":      computedString("When sending starts, as the platform writes it (`yyyy-mm-dd hh:mm:ss` in the account's time zone, the provider's `time_zone`)."),
			"real_start_at": computedString("When sending really started; null before."),
			"finished_at":   computedString("When the campaign finished or was stopped; null before."),
			"created_at":    computedString("When the campaign was created, in the account's time zone."),
			"statistics": schema.SingleNestedAttribute{
				MarkdownDescription: "Short delivery statistics.",
				Computed:            true,
				Attributes:          dataStatisticsAttributes(statisticsFields),
			},
			"sms_fallback_statistics": schema.SingleNestedAttribute{
				MarkdownDescription: "Short statistics of the SMS fallback; null without one.",
				Computed:            true,
				Attributes:          dataStatisticsAttributes(statisticsFields),
			},
			"calculated_price": schema.StringAttribute{
				MarkdownDescription: "The platform's price estimate; reads usually carry 0 or null (it is given reliably only at creation)." +
					priceDescription,
				Computed: true,
			},
			"currency": computedString("ISO 4217 currency of the prices."),
			"detailed_statistics": schema.SingleNestedAttribute{
				MarkdownDescription: "Messages per message status, from the detail call.",
				Computed:            true,
				Attributes:          dataStatisticsAttributes(detailedStatisticsFields),
			},
			"sms_fallback_detailed_statistics": schema.SingleNestedAttribute{
				MarkdownDescription: "Messages of the SMS fallback per message status; null without one.",
				Computed:            true,
				Attributes:          dataStatisticsAttributes(detailedStatisticsFields),
			},
			"total_messages": schema.Int64Attribute{MarkdownDescription: "Messages in the campaign.", Computed: true},
			"total_phones":   schema.Int64Attribute{MarkdownDescription: "Phone numbers in the campaign.", Computed: true},
			"total_price": schema.Float64Attribute{
				MarkdownDescription: "Cost of the messages sent so far, in `currency` (the API writes it as a string).",
				Computed:            true,
			},
		},
	}
}

func readCampaign(ctx context.Context, api *client.Client, data *campaignDataSourceModel, diags *diag.Diagnostics) {
	id, ds := parseCampaignID(data.ID.ValueString(), path.Root("id"))
	diags.Append(ds...)
	if diags.HasError() {
		return
	}
	c, err := api.GetCampaign(ctx, id)
	if err != nil {
		diags.Append(apiErrorDiagnostic("Unable to Read Campaign", api, data.ID.ValueString(), err))
		return
	}
	detail, err := api.GetCampaignDetail(ctx, id)
	if err != nil {
		diags.Append(apiErrorDiagnostic("Unable to Read Campaign Statistics", api, data.ID.ValueString(), err))
		return
	}
	diags.Append(unexpectedFigures(c)...)
	campaignDataFromAPI(c, detail, data)
}

// campaignDataFromAPI maps both reads into the data source's model.
func campaignDataFromAPI(c *client.Campaign, detail *client.CampaignDetail, m *campaignDataSourceModel) {
	id := m.ID // as configured
	m.observedCampaign = observe(c)
	m.ID = id
	if detail.Currency != nil {
		m.Currency = types.StringValue(*detail.Currency)
	}
	m.DetailedStatistics = detailedStatisticsValue(detail.Statistics)
	m.SMSFallbackDetailedStatistics = types.ObjectNull(detailedStatisticsAttrTypes)
	if detail.AlternativeChannels != nil && detail.AlternativeChannels.SMS != nil {
		m.SMSFallbackDetailedStatistics = detailedStatisticsValue(*detail.AlternativeChannels.SMS)
	}
	m.TotalMessages = types.Int64Value(detail.TotalMessages)
	m.TotalPhones = types.Int64Value(detail.TotalPhones)
	m.TotalPrice = types.Float64Null()
	if detail.TotalPrice != nil {
		m.TotalPrice = types.Float64Value(detail.TotalPrice.Value)
	}
}

// dataStatisticsAttributes are statistics as the data sources' schema
// writes them.
func dataStatisticsAttributes(fields []computedField) map[string]schema.Attribute {
	return computedInt64Attributes(fields, func(description string) schema.Attribute {
		return schema.Int64Attribute{MarkdownDescription: description, Computed: true}
	})
}
