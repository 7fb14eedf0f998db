package contactbook

import (
	"context"

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

// NewContactListsDataSource returns the oneapi_contact_lists data source.
func NewContactListsDataSource() datasource.DataSource {
	return framework.NewDataSource("_contact_lists", contactListsSchema, readContactLists)
}

type contactListsModel struct {
	Name  types.String `tfsdk:"name"`
	Lists types.List   `tfsdk:"lists"`
	IDs   types.List   `tfsdk:"ids"`
	framework.DataSourceTimeouts
}

var contactListAttrTypes = map[string]attr.Type{
	"id": types.StringType, "name": types.StringType, "description": types.StringType, "default": types.BoolType,
	"created_at": types.StringType, "contacts_count": types.Int64Type, "stop_list_count": types.Int64Type,
}

func contactListsSchema(ctx context.Context, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The account's contact lists (`GET /api/groups`, every page, 500 at a time), or the one of a name.",
		Attributes: map[string]schema.Attribute{
			"timeouts": dstimeouts.Attributes(ctx),
			"name": schema.StringAttribute{
				MarkdownDescription: "Only the list of exactly this name (names are unique in an account).",
				Optional:            true,
				Validators:          []validator.String{framework.UTF16LengthBetween(3, 50)},
			},
			"ids": schema.ListAttribute{
				MarkdownDescription: "Ids of the lists found, in the API's order.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"lists": schema.ListNestedAttribute{
				MarkdownDescription: "The lists found, in the API's order.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":              computed("Contact list id."),
					"name":            computed("Name."),
					"description":     computed("Description; null without one."),
					"default":         schema.BoolAttribute{MarkdownDescription: "Whether it is the default list.", Computed: true},
					"created_at":      computed("When the list was created."),
					"contacts_count":  schema.Int64Attribute{MarkdownDescription: "Contacts in the list.", Computed: true},
					"stop_list_count": schema.Int64Attribute{MarkdownDescription: "Contacts of the list on the stop list.", Computed: true},
				}},
			},
		},
	}
}

func readContactLists(ctx context.Context, c *client.Client, data *contactListsModel, diags *diag.Diagnostics) {
	all, err := c.ListContactLists(ctx)
	if err != nil {
		diags.Append(framework.ObjectErrorDiagnostic("Unable to List Contact Lists", c, contactListObject(""), err))
		return
	}
	ids := []attr.Value{}
	lists := []attr.Value{}
	for i := range all {
		if name := data.Name.ValueString(); name != "" && all[i].Name != name {
			continue
		}
		var m contactListModel
		m.fromAPI(&all[i])
		ids = append(ids, m.ID)
		lists = append(lists, types.ObjectValueMust(contactListAttrTypes, map[string]attr.Value{
			"id": m.ID, "name": m.Name, "description": m.Description, "default": m.Default,
			"created_at": m.CreatedAt, "contacts_count": m.ContactsCount, "stop_list_count": m.StopListCount,
		}))
	}
	data.IDs = types.ListValueMust(types.StringType, ids)
	data.Lists = types.ListValueMust(types.ObjectType{AttrTypes: contactListAttrTypes}, lists)
}
