package account

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
)

// NewBalanceDataSource returns the oneapi_balance data source.
func NewBalanceDataSource() datasource.DataSource {
	return framework.NewDataSource("_balance", balanceSchema, readBalance)
}

type balanceModel struct {
	Balance  types.Float64 `tfsdk:"balance"`
	Currency types.String  `tfsdk:"currency"`
	Credit   types.Float64 `tfsdk:"credit"`
	framework.DataSourceTimeouts
}

func balanceSchema(ctx context.Context, resp *datasource.SchemaResponse) {
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

func readBalance(ctx context.Context, c *client.Client, data *balanceModel, diags *diag.Diagnostics) {
	b, err := c.GetBalance(ctx)
	if err != nil {
		diags.Append(framework.ObjectErrorDiagnostic("Unable to Read Balance", c, framework.APIObject{Kind: "balance"}, err))
		return
	}
	data.Balance, data.Currency, data.Credit = types.Float64Value(b.Balance), types.StringValue(b.Currency), types.Float64Value(b.Credit)
}
