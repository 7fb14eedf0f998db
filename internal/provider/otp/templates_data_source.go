package otp

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// NewTemplatesDataSource returns the oneapi_otp_templates data source.
func NewTemplatesDataSource() datasource.DataSource {
	return framework.NewDataSource("_otp_templates", templatesSchema, readTemplates)
}

type templatesModel struct {
	Name      types.String `tfsdk:"name"`
	Status    types.String `tfsdk:"status"`
	IDs       types.List   `tfsdk:"ids"`
	Templates types.List   `tfsdk:"templates"`
	framework.DataSourceTimeouts
}

var templateAttrTypes = map[string]attr.Type{
	"id": types.StringType, "name": types.StringType, "text": types.StringType,
	"countries": types.ListType{ElemType: types.StringType}, "status": types.StringType, "updated_at": types.StringType,
}

// statuses are the statuses a template can be looked up by.
var statuses = []string{client.OTPTemplateRequested, client.OTPTemplateApproved, client.OTPTemplateRejected}

func templatesSchema(ctx context.Context, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The account's 2FA message templates (`GET /api/2fa/authentications/templates`, every page, 500 " +
			"at a time), or the one of a name: its `id` is the `template_id` that sends a one-time password. Deleted templates " +
			"are left out.",
		Attributes: map[string]schema.Attribute{
			"timeouts": dstimeouts.Attributes(ctx),
			"name": schema.StringAttribute{
				MarkdownDescription: "Only the template of exactly this name (names are unique in an account).",
				Optional:            true,
				Validators:          []validator.String{framework.UTF16LengthBetween(3, 50)},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Only templates in this moderation status: `requested`, `approved` or `rejected`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(statuses...)},
			},
			"ids": schema.ListAttribute{
				MarkdownDescription: "Ids of the templates found, in the API's order.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"templates": schema.ListNestedAttribute{
				MarkdownDescription: "The templates found, in the API's order.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":   computed("Template id (`template_id`)."),
					"name": computed("Name."),
					"text": computed("Message text, with the code placeholder `{code2fa}`."),
					"countries": schema.ListAttribute{
						MarkdownDescription: "ISO 3166-1 alpha-2 codes of the countries the template serves.",
						ElementType:         types.StringType, Computed: true,
					},
					"status":     computed("Moderation status: `requested`, `approved` or `rejected`."),
					"updated_at": computed("When the template last changed, ISO 8601."),
				}},
			},
		},
	}
}

func readTemplates(ctx context.Context, c *client.Client, data *templatesModel, diags *diag.Diagnostics) {
	ids, templates := []attr.Value{}, []attr.Value{}
	name := data.Name.ValueString()
	err := c.EachOTPTemplate(ctx, data.Status.ValueString(), func(t *client.OTPTemplate) bool {
		if name != "" && t.Name != name {
			return true
		}
		countries := make([]attr.Value, 0, len(t.Countries))
		for _, code := range t.Countries {
			countries = append(countries, types.StringValue(code))
		}
		id := types.StringValue(strconv.FormatInt(t.TemplateID, 10))
		ids = append(ids, id)
		templates = append(templates, types.ObjectValueMust(templateAttrTypes, map[string]attr.Value{
			"id": id, "name": types.StringValue(t.Name), "text": types.StringValue(t.Text),
			"countries": types.ListValueMust(types.StringType, countries), "status": types.StringValue(t.Status),
			"updated_at": types.StringValue(t.UpdatedAt),
		}))
		return true
	})
	if err != nil {
		diags.Append(framework.ObjectErrorDiagnostic("Unable to List 2FA Templates", c, templateObject(""), err))
		return
	}
	data.IDs = types.ListValueMust(types.StringType, ids)
	data.Templates = types.ListValueMust(types.ObjectType{AttrTypes: templateAttrTypes}, templates)
}
