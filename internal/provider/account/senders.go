package account

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
)

// NewSendersDataSource returns the oneapi_senders data source.
func NewSendersDataSource() datasource.DataSource {
	return framework.NewDataSource("_senders", sendersSchema, readSenders)
}

type sendersModel struct {
	Type    types.String `tfsdk:"type"`
	Names   types.List   `tfsdk:"names"`
	Senders types.List   `tfsdk:"senders"`
	framework.DataSourceTimeouts
}

var senderAttrTypes = map[string]attr.Type{
	"id": types.Int64Type, "sender": types.StringType, "status": types.StringType, "country": types.StringType,
	"created_at": types.StringType, "is_default": types.BoolType,
}

func sendersSchema(ctx context.Context, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The account's registered senders of a type (`GET /api/senders`), for example to check a " +
			"campaign's sender in a `precondition` before anything is sent. The API lists SMS and Viber senders; " +
			"it has no call that lists RCS agents.",
		Attributes: map[string]schema.Attribute{
			"timeouts": dstimeouts.Attributes(ctx),
			"type": schema.StringAttribute{
				MarkdownDescription: "`sms` or `viber`.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf("sms", "viber")},
			},
			"names": schema.ListAttribute{
				MarkdownDescription: "Names of the senders in status `active`: the ones a campaign can use.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"senders": schema.ListNestedAttribute{
				MarkdownDescription: "Every registered sender, in the API's order.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":         schema.Int64Attribute{MarkdownDescription: "Sender id; null when the API gives none.", Computed: true},
					"sender":     computed("Sender name."),
					"status":     computed("`active`, `blocked` or `registering`."),
					"country":    computed("Country code; null when the API gives none."),
					"created_at": computed("When the sender was registered."),
					"is_default": schema.BoolAttribute{MarkdownDescription: "Whether it is the account's default sender.", Computed: true},
				}},
			},
		},
	}
}

func readSenders(ctx context.Context, c *client.Client, data *sendersModel, diags *diag.Diagnostics) {
	senders, err := c.ListSenders(ctx, data.Type.ValueString())
	if err != nil {
		diags.Append(framework.ObjectErrorDiagnostic("Unable to List Senders", c, framework.APIObject{Kind: "sender"}, err))
		return
	}
	names := []attr.Value{}
	items := []attr.Value{}
	for _, s := range senders {
		if s.Status == "active" {
			names = append(names, types.StringValue(s.Sender))
		}
		items = append(items, types.ObjectValueMust(senderAttrTypes, map[string]attr.Value{
			"id": types.Int64PointerValue(s.ID), "sender": types.StringValue(s.Sender), "status": types.StringValue(s.Status),
			"country": types.StringPointerValue(s.Country), "created_at": types.StringPointerValue(s.CreatedAt),
			"is_default": types.BoolValue(s.IsDefault),
		}))
	}
	data.Names = types.ListValueMust(types.StringType, names)
	data.Senders = types.ListValueMust(types.ObjectType{AttrTypes: senderAttrTypes}, items)
}
