package account

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
)

var _ datasource.DataSourceWithConfigure = (*balanceDataSource)(nil)

// NewBalanceDataSource returns the oneapi_balance data source.
func NewBalanceDataSource() datasource.DataSource { return &balanceDataSource{} }

type balanceDataSource struct {
	framework.DataSourceBase
}

type balanceModel struct {
	Balance  types.Float64    `tfsdk:"balance"`
	Currency types.String     `tfsdk:"currency"`
	Credit   types.Float64    `tfsdk:"credit"`
	Timeouts dstimeouts.Value `tfsdk:"timeouts"`
}

func (d *balanceDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_balance"
}

func (d *balanceDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The account's balance (`GET /api/accounts/balance`), for example to refuse a plan whose " +
			"campaign would cost more than the account has.",
		Attributes: map[string]schema.Attribute{
			"timeouts": dstimeouts.Attributes(ctx),
			"balance": schema.Float64Attribute{
				MarkdownDescription: "Funds on the account, in `currency`; may be negative.",
				Computed:            true,
			},
			"currency": schema.StringAttribute{MarkdownDescription: "ISO 4217 currency of the account.", Computed: true},
			"credit": schema.Float64Attribute{
				MarkdownDescription: "Credit limit of a postpaid account, in `currency`.",
				Computed:            true,
			},
		},
	}
}

func (d *balanceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var data balanceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := framework.ReadContext(ctx, data.Timeouts, &resp.Diagnostics)
	defer cancel()
	b, err := d.Client.GetBalance(ctx)
	if err != nil {
		resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Read Balance", d.Client, framework.APIObject{Kind: "balance"}, err))
		return
	}
	data.Balance, data.Currency, data.Credit = types.Float64Value(b.Balance), types.StringValue(b.Currency), types.Float64Value(b.Credit)
	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
}
