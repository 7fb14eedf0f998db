package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

var (
	_ datasource.DataSource              = (*campaignDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*campaignDataSource)(nil)
)

// NewCampaignDataSource returns the oneapi_campaign data source.
func NewCampaignDataSource() datasource.DataSource { return &campaignDataSource{} }

type campaignDataSource struct {
	client *client.Client
}

type campaignDataSourceModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Sender      types.String `tfsdk:"sender"`
	Status      types.String `tfsdk:"status"`
	MessageType types.String `tfsdk:"message_type"`
	Statistics  types.Object `tfsdk:"statistics"`
}

var statisticsAttrTypes = map[string]attr.Type{"sent": types.Int64Type, "delivered": types.Int64Type}

func (d *campaignDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_campaign"
}

func (d *campaignDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one campaign (`GET /api/campaigns/{id}`): its status and delivery statistics.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Campaign id, as returned when the campaign was created.",
				Required:            true,
				Validators:          []validator.String{campaignIDValidator()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name the platform generated, e.g. `RCS api campaign / 2025-04-14 13:43:13`.",
				Computed:            true,
			},
			"sender":       schema.StringAttribute{MarkdownDescription: "RCS agent or SMS sender name.", Computed: true},
			"status":       schema.StringAttribute{MarkdownDescription: "Current status: " + statusList + ".", Computed: true},
			"message_type": schema.StringAttribute{MarkdownDescription: "`rcs` or `sms`.", Computed: true},
			"statistics": schema.SingleNestedAttribute{
				MarkdownDescription: "Delivery statistics.",
				Computed:            true,
				Attributes:          statisticsDataSourceAttributes(),
			},
		},
	}
}

const statusList = "`creation`, `moderation`, `spam` (failed moderation), `scheduled`, `sending`, " +
	"`paused` (for example out of funds), `stopped` (final) or `done` (final)"

func statisticsDataSourceAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"sent": schema.Int64Attribute{
			MarkdownDescription: "Messages in DELIVERED, SENT, ACCEPTED, SENDING, UNDELIVERED, FAILED, EXPIRED or UNKNOWN.",
			Computed:            true,
		},
		"delivered": schema.Int64Attribute{MarkdownDescription: "Messages in DELIVERED or READ.", Computed: true},
	}
}

func campaignIDValidator() validator.String {
	return stringvalidator.RegexMatches(campaignIDPattern, "must be a campaign id: digits only, such as 53708808")
}

func (d *campaignDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	c, ok := req.ProviderData.(*client.Client)
	if !ok {
		resp.Diagnostics.Append(unexpectedProviderData(req.ProviderData))
		return
	}
	d.client = c
}

func (d *campaignDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var data campaignDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := strconv.ParseInt(data.ID.ValueString(), 10, 64)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid Campaign Id", err.Error())
		return
	}
	c, err := d.client.GetCampaign(ctx, id)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic("Unable to Read Campaign", d.client, data.ID.ValueString(), err))
		return
	}
	data.Name = types.StringValue(c.Name)
	data.Sender = types.StringValue(c.Sender)
	data.Status = types.StringValue(c.Status)
	data.MessageType = types.StringValue(c.MessageType)
	data.Statistics = statisticsValue(c.Statistics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
}

func statisticsValue(s client.Statistics) types.Object {
	return types.ObjectValueMust(statisticsAttrTypes, map[string]attr.Value{
		"sent": types.Int64Value(s.Sent), "delivered": types.Int64Value(s.Delivered),
	})
}
