package contactbook

import (
	"context"
	"errors"
	"fmt"
	"strconv"

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

// The oneapi_contact_list resource: a contact list of the account's
// contact book (POST, GET, PUT and DELETE /api/groups). Unlike a campaign,
// a list sends nothing: one deleted in the web interface is dropped from
// the state on refresh, and creating it again is harmless.

var (
	_ resource.Resource                = (*contactListResource)(nil)
	_ resource.ResourceWithConfigure   = (*contactListResource)(nil)
	_ resource.ResourceWithImportState = (*contactListResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*contactListResource)(nil)
)

func NewContactListResource() resource.Resource {
	return &contactListResource{framework.Resource[contactListModel, client.ContactList]{Object: framework.Object[contactListModel, client.ContactList]{
		Suffix: "_contact_list", Kind: "contact list", Name: contactListObject,
		Get: (*client.Client).GetContactList, Delete: (*client.Client).DeleteContactList, FromAPI: (*contactListModel).fromAPI,
		ImportExample: "oneapi_contact_list.vip 1864620",
	}}}
}

// contactListResource is the skeleton's Read, Delete and import, with the
// list's schema, Create, Update and destroy-plan warning.
type contactListResource struct {
	framework.Resource[contactListModel, client.ContactList]
}

type contactListModel struct {
	ID            types.String `tfsdk:"id"`
	Name          types.String `tfsdk:"name"`
	Description   types.String `tfsdk:"description"`
	Default       types.Bool   `tfsdk:"default"`
	CreatedAt     types.String `tfsdk:"created_at"`
	ContactsCount types.Int64  `tfsdk:"contacts_count"`
	StopListCount types.Int64  `tfsdk:"stop_list_count"`
}

func (m contactListModel) ObjectID() types.String { return m.ID }

// contactListObject names a contact list in diagnostics.
func contactListObject(id string) framework.APIObject {
	return framework.APIObject{Kind: "contact list", ID: id, List: "the oneapi_contact_lists data source"}
}

func (r *contactListResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A contact list of the account's contact book, to send campaigns to " +
			"(`recipients.groups` of `oneapi_campaign`). Deleting the list keeps its contacts in the contact book.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Contact list id (the API's integer id, as a string).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name, 3 to 50 characters, unique in the account: One-API refuses a name another list has.",
				Required:            true,
				Validators:          []validator.String{framework.UTF16LengthBetween(3, 50)},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description, 1 to 255 characters.",
				Optional:            true,
				Validators:          []validator.String{framework.UTF16LengthUpTo(255)},
			},
			"default": schema.BoolAttribute{
				MarkdownDescription: "Whether this is the account's default list (default `false`).",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(false),
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: "When the list was created, as the platform writes it (`yyyy-mm-dd hh:mm:ss` in the account's time zone).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"contacts_count": schema.Int64Attribute{
				MarkdownDescription: "Contacts in the list (the API's `items`), as of the last refresh.",
				Computed:            true,
			},
			"stop_list_count": schema.Int64Attribute{
				MarkdownDescription: "Contacts of the list that are on the SMS and Viber stop list, as of the last refresh.",
				Computed:            true,
			},
		},
	}
}

func (m contactListModel) request() client.ContactListRequest {
	return client.ContactListRequest{
		Name: m.Name.ValueString(), Description: m.Description.ValueStringPointer(), Default: m.Default.ValueBoolPointer(),
	}
}

// fromAPI writes what the API says about a list into the model; a
// description the API writes as null stays as configured when that is
// null too.
func (m *contactListModel) fromAPI(l *client.ContactList) {
	m.ID = types.StringValue(strconv.FormatInt(l.ID, 10))
	m.Name = types.StringValue(l.Name)
	m.Description = types.StringPointerValue(l.Description)
	m.Default = types.BoolValue(l.Default != nil && *l.Default)
	m.CreatedAt = types.StringPointerValue(l.CreatedAt)
	m.ContactsCount = types.Int64Value(l.Items)
	m.StopListCount = types.Int64Value(l.StopListCount)
}

func (r *contactListResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan contactListModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	l, err := r.Client.CreateContactList(ctx, plan.request())
	if err != nil {
		resp.Diagnostics.Append(contactListWriteError("Unable to Create Contact List", r.Client, "", err)...)
		return
	}
	if l.Recovered != "" {
		resp.Diagnostics.AddWarning("Contact List Recovered After a Lost Answer",
			fmt.Sprintf("The answer to the create request was lost; contact list %d was %s, and is now in the state.", l.ID, l.Recovered))
	}
	plan.fromAPI(l)
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// contactListWriteError says what to do about a refused create or update:
// a taken name names the list that has it, and how to import it.
func contactListWriteError(summary string, c *client.Client, id string, err error) diag.Diagnostics {
	var dup *client.DuplicateNameError
	if !errors.As(err, &dup) {
		if apiErr := framework.FieldErrorsOf(err); apiErr != nil {
			return framework.AttributeErrors(summary, "Nothing was changed. Correct the value and apply again.", apiErr, func(field string) (path.Path, bool) {
				if field == "name" || field == "description" || field == "default" {
					return path.Root(field), true
				}
				return path.Empty(), false
			}, nil)
		}
		return diag.Diagnostics{framework.ObjectErrorDiagnostic(summary, c, contactListObject(id), err)}
	}
	detail := fmt.Sprintf("Attribute name: One-API refused %q: another contact list of the account has this name, "+
		"and names are unique. Choose another name", dup.Name)
	if dup.ExistingID != 0 {
		detail += fmt.Sprintf(", or bring the existing list (id %d) under Terraform: terraform import <address> %d, "+
			"or an import block with id = \"%d\"", dup.ExistingID, dup.ExistingID, dup.ExistingID)
	}
	return diag.Diagnostics{diag.NewAttributeErrorDiagnostic(path.Root("name"), summary, detail+".")}
}

func (r *contactListResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, id, ok := framework.ModelAndID[contactListModel](ctx, req.Plan.Get, "contact list", &resp.Diagnostics)
	if !ok {
		return
	}
	l, err := r.Client.UpdateContactList(ctx, id, plan.request())
	if err != nil {
		resp.Diagnostics.Append(contactListWriteError("Unable to Update Contact List", r.Client, plan.ID.ValueString(), err)...)
		return
	}
	plan.fromAPI(l)
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// ModifyPlan says, before a destroy, what becomes of the list's contacts:
// the API's delete keeps them, but a destroy of the whole configuration
// also destroys the oneapi_contact resources among them, which this plan
// cannot see.
func (r *contactListResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if !req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var state contactListModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.AddWarning("Only the Contact List Is Deleted",
		fmt.Sprintf("Destroying deletes contact list %s (%q), not its %d contact(s): One-API keeps the contacts of a deleted "+
			"list. A contact that an oneapi_contact resource manages is deleted only when that resource is destroyed too "+
			"(terraform destroy of the whole configuration destroys it); every other contact stays in the account's contact "+
			"book. Remove those with oneapi_contact resources or in the web interface if they should go too.",
			state.ID.ValueString(), state.Name.ValueString(), state.ContactsCount.ValueInt64()))
}
