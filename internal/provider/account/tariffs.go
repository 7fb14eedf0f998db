package account

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
)

// NewTariffsDataSource returns the oneapi_tariffs data source.
func NewTariffsDataSource() datasource.DataSource {
	return framework.NewDataSource("_tariffs", tariffsSchema, readTariffs)
}

type tariffsModel struct {
	ActiveCodes types.List `tfsdk:"active_codes"`
	Tariffs     types.List `tfsdk:"tariffs"`
	framework.DataSourceTimeouts
}

var tariffAttrTypes = map[string]attr.Type{
	"id": types.Int64Type, "name": types.StringType, "code": types.Int64Type, "is_active": types.BoolType, "is_default": types.BoolType,
}

func tariffsSchema(ctx context.Context, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The account's tariffs (`GET /api/accounts/tariff`): the `tariff_code` values a campaign may " +
			"name. A campaign's `tariff_code` is checked against the active ones when it is planned.",
		Attributes: map[string]schema.Attribute{
			"timeouts": dstimeouts.Attributes(ctx),
			"active_codes": schema.ListAttribute{
				MarkdownDescription: "The codes of the active tariffs, in the API's order: the ones a campaign can use.",
				ElementType:         types.Int64Type,
				Computed:            true,
			},
			"tariffs": schema.ListNestedAttribute{
				MarkdownDescription: "Every tariff of the account, in the API's order.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":   schema.Int64Attribute{MarkdownDescription: "Tariff id.", Computed: true},
					"name": schema.StringAttribute{MarkdownDescription: "Tariff name.", Computed: true},
					"code": schema.Int64Attribute{
						MarkdownDescription: "The tariff's code, as a campaign's `tariff_code` names it; null when the API gives none.",
						Computed:            true,
					},
					"is_active":  schema.BoolAttribute{MarkdownDescription: "Whether the tariff is active.", Computed: true},
					"is_default": schema.BoolAttribute{MarkdownDescription: "Whether it is the account's default tariff.", Computed: true},
				}},
			},
		},
	}
}

func readTariffs(ctx context.Context, c *client.Client, data *tariffsModel, diags *diag.Diagnostics) {
	tariffs, err := c.ListTariffs(ctx)
	if err != nil {
		diags.Append(framework.ObjectErrorDiagnostic("Unable to List Tariffs", c, framework.APIObject{Kind: "tariff"}, err))
		return
	}
	codes := []attr.Value{}
	items := []attr.Value{}
	for _, t := range tariffs {
		if t.IsActive && t.Code != nil {
			codes = append(codes, types.Int64Value(*t.Code))
		}
		items = append(items, types.ObjectValueMust(tariffAttrTypes, map[string]attr.Value{
			"id": types.Int64Value(t.IDValue()), "name": types.StringValue(t.Name), "code": types.Int64PointerValue(t.Code),
			"is_active": types.BoolValue(t.IsActive), "is_default": types.BoolValue(t.IsDefault),
		}))
	}
	data.ActiveCodes = types.ListValueMust(types.Int64Type, codes)
	data.Tariffs = types.ListValueMust(types.ObjectType{AttrTypes: tariffAttrTypes}, items)
}
