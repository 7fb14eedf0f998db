package contactbook

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The oneapi_contact_field resource: a custom field of the account's
// contacts (GET, POST /api/contacts/fields, PATCH /api/contacts/fields/{id},
// POST /api/contacts/fields/delete). Its id is what oneapi_contact.fields
// is keyed by and what a campaign text's {field_id} placeholder names.
// Deleting a field deletes every contact's value of it, so every plan that
// does (a destroy, or a replacement for a new type) says so.

var (
	_ resource.Resource                = (*contactFieldResource)(nil)
	_ resource.ResourceWithConfigure   = (*contactFieldResource)(nil)
	_ resource.ResourceWithImportState = (*contactFieldResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*contactFieldResource)(nil)
)

func NewContactFieldResource() resource.Resource {
	return &contactFieldResource{framework.Resource[contactFieldModel, client.CustomField]{Object: framework.Object[contactFieldModel, client.CustomField]{
		Suffix: "_contact_field", Kind: "contact field", Name: contactFieldObject,
		Get: (*client.Client).GetCustomField, Delete: (*client.Client).DeleteCustomField, FromAPI: (*contactFieldModel).fromAPI,
		ImportExample: "oneapi_contact_field.city 387714",
	}}}
}

// contactFieldResource is the skeleton's Read, Delete and import, with the
// field's schema, Create, Update and the plan's warnings.
type contactFieldResource struct {
	framework.Resource[contactFieldModel, client.CustomField]
}

type contactFieldModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	Type        types.String `tfsdk:"type"`
	Visible     types.Bool   `tfsdk:"visible"`
}

func (m contactFieldModel) ObjectID() types.String { return m.ID }

func contactFieldObject(id string) framework.APIObject {
	return framework.APIObject{Kind: "contact field", ID: id, List: "GET /api/contacts/fields"}
}

// Metadata is the skeleton's; the identity of an unresolved create is ""
// until its field is found.
func (r *contactFieldResource) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	r.Resource.Metadata(ctx, req, resp)
	resp.ResourceBehavior.MutableIdentity = true
}

func (r *contactFieldResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A custom field of the account's contacts: `oneapi_contact.fields` is keyed by its `id` " +
			"(`fields = { (oneapi_contact_field.city.id) = \"Kyiv\" }`), and a campaign text to contact lists names it as " +
			"`{id}`. Destroying the field deletes every contact's value of it, and the plan says so.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Field id (the API's integer id, as a string).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name, 1 to 30 characters. Changed in place.",
				Required:            true,
				Validators:          []validator.String{framework.UTF16LengthBetween(1, 30)},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description, 1 to 255 characters. Changed in place.",
				Optional:            true,
				Validators:          []validator.String{framework.UTF16LengthUpTo(255)},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "What the field holds: `text`, `date` or `number` (the API's enum). The API cannot change a " +
					"field's type: another type replaces the field, which deletes every contact's value of it.",
				Required:      true,
				Validators:    []validator.String{stringvalidator.OneOf(client.CustomFieldTypes...)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"visible": schema.BoolAttribute{
				MarkdownDescription: "Whether the field is shown in the web interface (the API's `is_visible`; default `true`).",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
			},
		},
	}
}

func (m contactFieldModel) request() client.CustomFieldRequest {
	return client.CustomFieldRequest{
		Name: m.Name.ValueString(), Description: m.Description.ValueStringPointer(),
		Type: m.Type.ValueString(), Visible: m.Visible.ValueBool(),
	}
}

func (m *contactFieldModel) fromAPI(f *client.CustomField) {
	m.ID = types.StringValue(strconv.FormatInt(f.ID, 10))
	m.Name = types.StringValue(f.Name)
	m.Description = types.StringPointerValue(f.Description)
	m.Type = types.StringValue(f.Type)
	m.Visible = types.BoolValue(f.Visible == nil || *f.Visible)
}

func (r *contactFieldResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan contactFieldModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	f, err := r.Client.CreateCustomField(ctx, plan.request())
	var unresolved *client.UnresolvedFieldError
	if errors.As(err, &unresolved) {
		keepPendingField(ctx, plan, unresolved, resp)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(contactFieldWriteError("Unable to Create Contact Field", r.Client, "", err)...)
		return
	}
	if f.Recovered != "" {
		resp.Diagnostics.Append(recoveredFieldWarning(f))
	}
	plan.fromAPI(f)
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// Read is the skeleton's, or the search of an unresolved create.
func (r *contactFieldResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if p := pendingField(ctx, req.Private, &resp.Diagnostics); p != nil {
		r.readPendingField(ctx, p, req, resp)
		return
	}
	r.Resource.Read(ctx, req, resp)
}

func (r *contactFieldResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if p := pendingField(ctx, req.Private, &resp.Diagnostics); p != nil {
		r.updatePendingField(ctx, p, req, resp)
		return
	}
	plan, id, ok := framework.ModelAndID[contactFieldModel](ctx, req.Plan.Get, "contact field", &resp.Diagnostics)
	if !ok {
		return
	}
	f, err := r.Client.UpdateCustomField(ctx, id, plan.request())
	if err != nil {
		resp.Diagnostics.Append(contactFieldWriteError("Unable to Update Contact Field", r.Client, plan.ID.ValueString(), err)...)
		return
	}
	plan.fromAPI(f)
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// Delete is the skeleton's for a field with an id; an unresolved create
// deletes only the field found as its own.
func (r *contactFieldResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state contactFieldModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !state.ID.IsNull() {
		r.Resource.Delete(ctx, req, resp)
		return
	}
	r.deletePendingField(ctx, pendingField(ctx, req.Private, &resp.Diagnostics), resp)
}

// contactFieldWriteError attaches a refusal to its attribute.
func contactFieldWriteError(summary string, c *client.Client, id string, err error) diag.Diagnostics {
	if apiErr := framework.FieldErrorsOf(err); apiErr != nil {
		return framework.AttributeErrors(summary, "Nothing was changed. Correct the value and apply again.", apiErr, func(field string) (path.Path, bool) {
			switch field {
			case "name", "description", "type":
				return path.Root(field), true
			case "is_visible":
				return path.Root("visible"), true
			}
			return path.Empty(), false
		}, nil)
	}
	return diag.Diagnostics{framework.ObjectErrorDiagnostic(summary, c, contactFieldObject(id), err)}
}

// ModifyPlan says, before a destroy or a replacement, that every contact
// loses its values of the field.
func (r *contactFieldResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() {
		return
	}
	var state contactFieldModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if state.ID.IsNull() {
		if p := pendingField(ctx, req.Private, &resp.Diagnostics); p != nil {
			planPendingField(ctx, p, req, resp)
		}
		return
	}
	what := "Destroying"
	if !req.Plan.Raw.IsNull() {
		var plan contactFieldModel
		resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
		if resp.Diagnostics.HasError() || plan.Type.IsUnknown() || plan.Type.Equal(state.Type) {
			return
		}
		what = fmt.Sprintf("Changing type from %q to %q replaces the field (the API cannot change a type), which", state.Type.ValueString(), plan.Type.ValueString())
	}
	resp.Diagnostics.AddWarning("Contacts Lose the Field's Values",
		fmt.Sprintf("%s deletes contact field %s (%q): every contact of the account loses its value of it, and campaign texts "+
			"that name {%s} no longer fill it in. The values cannot be restored.", what, state.ID.ValueString(), state.Name.ValueString(), state.ID.ValueString()))
}
