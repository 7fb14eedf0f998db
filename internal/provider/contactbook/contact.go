package contactbook

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The oneapi_contact resource: one contact of the account's contact book
// (POST /api/contacts, GET, PUT and DELETE /api/contacts/{id}), for small
// curated lists such as test phones and staff.

var (
	_ resource.Resource                = (*contactResource)(nil)
	_ resource.ResourceWithConfigure   = (*contactResource)(nil)
	_ resource.ResourceWithImportState = (*contactResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*contactResource)(nil)
)

func NewContactResource() resource.Resource {
	return &contactResource{framework.Resource[contactModel, client.Contact]{Object: framework.Object[contactModel, client.Contact]{
		Suffix: "_contact", Kind: "contact", Name: contactObject,
		Get: (*client.Client).GetContact, Delete: (*client.Client).DeleteContact, FromAPI: (*contactModel).fromAPI,
		ImportExample: "oneapi_contact.tester 248452739",
	}}}
}

// contactResource is the skeleton's Read, Delete and import, with the
// contact's schema, Create and Update.
type contactResource struct {
	framework.Resource[contactModel, client.Contact]
}

type contactModel struct {
	ID           types.String `tfsdk:"id"`
	Phone        types.String `tfsdk:"phone"`
	ContactLists types.Set    `tfsdk:"contact_lists"`
	Fields       types.Map    `tfsdk:"fields"`
	CreatedAt    types.String `tfsdk:"created_at"`
}

func (m contactModel) ObjectID() types.String { return m.ID }

func contactObject(id string) framework.APIObject {
	return framework.APIObject{Kind: "contact", ID: id, List: "the platform's contact book"}
}

func (r *contactResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A contact of the account's contact book, with the contact lists it belongs to. Meant for " +
			"small, curated lists (test phones, staff): dozens of contacts, not a CRM sync, since every contact is " +
			"a resource in the state. An account in test mode sends only to numbers in its contact book.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Contact id (the API's integer id, as a string).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"phone": schema.StringAttribute{
				MarkdownDescription: "Phone number, 9 to 15 digits without a plus; unique in the contact book.",
				Required:            true,
				Validators:          []validator.String{framework.PhoneValidator()},
			},
			"contact_lists": schema.SetAttribute{
				MarkdownDescription: "Ids of the contact lists the contact belongs to, at most 100 (for example " +
					"`[oneapi_contact_list.staff.id]`); every other list loses it, and `[]` takes it out of every list. " +
					"Omitted: Terraform leaves its lists as they are (the state shows them), so that " +
					"`oneapi_contact_list_members` or the web interface can manage them; use one or the other for a contact.",
				ElementType:   types.Int64Type,
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Set{listsLeftAloneWhenOmitted{}},
				Validators:    []validator.Set{setvalidator.SizeAtMost(100), framework.IDsAre("contact list")},
			},
			"fields": schema.MapAttribute{
				MarkdownDescription: "Custom fields: the field's numeric id (from the platform's contact book settings) to its value. Omitted or empty: none.",
				ElementType:         types.StringType,
				Optional:            true,
				Validators: []validator.Map{mapvalidator.KeysAre(stringvalidator.RegexMatches(framework.IDPattern,
					"must be a custom field's numeric id, such as 387714"))},
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: "When the contact was created, as the platform writes it.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

// listsLeftAloneWhenOmitted plans an omitted contact_lists as the state
// has it (none for a new contact): the lists are someone else's to manage.
type listsLeftAloneWhenOmitted struct{}

func (listsLeftAloneWhenOmitted) Description(context.Context) string {
	return "omitted: the contact's lists stay as they are"
}

func (m listsLeftAloneWhenOmitted) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (listsLeftAloneWhenOmitted) PlanModifySet(_ context.Context, req planmodifier.SetRequest, resp *planmodifier.SetResponse) {
	if !req.ConfigValue.IsNull() {
		return
	}
	if req.StateValue.IsNull() || req.State.Raw.IsNull() {
		resp.PlanValue = types.SetNull(types.Int64Type)
		return
	}
	resp.PlanValue = req.StateValue
}

// request is the contact's create or update body. Lists that the
// configuration omits (null) are sent as current (the lists of the
// contact as last read, none for a new one).
func (m contactModel) request(ctx context.Context) (client.ContactRequest, diag.Diagnostics) {
	req := client.ContactRequest{Phone: json.Number(m.Phone.ValueString()), Groups: []int64{}, Fields: []client.ContactField{}}
	var diags diag.Diagnostics
	if framework.Known(m.ContactLists) {
		diags.Append(m.ContactLists.ElementsAs(ctx, &req.Groups, false)...)
		sort.Slice(req.Groups, func(i, j int) bool { return req.Groups[i] < req.Groups[j] })
	}
	fields := map[string]string{}
	if !m.Fields.IsNull() {
		diags.Append(m.Fields.ElementsAs(ctx, &fields, false)...)
	}
	for k, v := range fields {
		id, _ := strconv.ParseInt(k, 10, 64)
		req.Fields = append(req.Fields, client.ContactField{ID: id, Value: v})
	}
	sort.Slice(req.Fields, func(i, j int) bool { return req.Fields[i].ID < req.Fields[j].ID })
	return req, diags
}

// fromAPI writes what the API says about a contact into the model. Lists
// and fields the configuration leaves out (null) stay null when the
// contact has none.
func (m *contactModel) fromAPI(ct *client.Contact) {
	m.ID = types.StringValue(strconv.FormatInt(ct.ID, 10))
	m.Phone = types.StringValue(ct.Phone.String())
	m.CreatedAt = types.StringPointerValue(ct.CreatedAt)
	ids := make([]attr.Value, 0, len(ct.Groups))
	for _, g := range ct.Groups {
		ids = append(ids, types.Int64Value(g.ID))
	}
	switch {
	case len(ids) > 0 || !m.ContactLists.IsNull():
		m.ContactLists = types.SetValueMust(types.Int64Type, ids)
	default: // null, typed (a model the list resource starts from nothing)
		m.ContactLists = types.SetNull(types.Int64Type)
	}
	fields := make(map[string]attr.Value, len(ct.Fields))
	for k, v := range ct.Fields {
		fields[k] = types.StringValue(v)
	}
	switch {
	case len(fields) > 0 || !m.Fields.IsNull():
		m.Fields = types.MapValueMust(types.StringType, fields)
	default:
		m.Fields = types.MapNull(types.StringType)
	}
}

func (r *contactResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan contactModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	body, diags := plan.request(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ct, err := r.Client.CreateContact(ctx, body)
	if client.IsDuplicatePhone(err) {
		detail := fmt.Sprintf("Attribute phone: the contact book already has %s, and phone numbers are unique in it.", plan.Phone.ValueString())
		if existing, ferr := r.Client.FindContact(ctx, plan.Phone.ValueString()); ferr == nil && existing != nil {
			detail += fmt.Sprintf(" Bring the existing contact (id %d) under Terraform: terraform import <address> %d, "+
				"or an import block with id = \"%d\".", existing.ID, existing.ID, existing.ID)
		}
		resp.Diagnostics.AddAttributeError(path.Root("phone"), "Unable to Create Contact", detail)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(contactWriteError("Unable to Create Contact", r.Client, "", err)...)
		return
	}
	if ct.Recovered != "" {
		resp.Diagnostics.AddWarning("Contact Recovered After a Lost Answer",
			fmt.Sprintf("The answer to the create request was lost; contact %d was %s, and is now in the state.", ct.ID, ct.Recovered))
	}
	plan.fromAPI(ct)
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

func (r *contactResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, id, ok := framework.ModelAndID[contactModel](ctx, req.Plan.Get, "contact", &resp.Diagnostics)
	if !ok {
		return
	}
	body, diags := plan.request(ctx)
	resp.Diagnostics.Append(diags...)
	var lists types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("contact_lists"), &lists)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if lists.IsNull() {
		// Lists left alone: send them as they are now, not as last read, so
		// that a change made meanwhile (oneapi_contact_list_members) stays.
		current, err := r.Client.GetContact(ctx, id)
		if err != nil {
			resp.Diagnostics.Append(contactWriteError("Unable to Update Contact", r.Client, plan.ID.ValueString(), err)...)
			return
		}
		body.Groups = body.Groups[:0]
		for _, g := range current.Groups {
			body.Groups = append(body.Groups, g.ID)
		}
	}
	ct, err := r.Client.UpdateContact(ctx, id, body)
	if err != nil {
		resp.Diagnostics.Append(contactWriteError("Unable to Update Contact", r.Client, plan.ID.ValueString(), err)...)
		return
	}
	plan.fromAPI(ct)
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// contactWriteError attaches the field errors of a refused create or
// update to the attributes they concern (groups0 is contact_lists).
func contactWriteError(summary string, c *client.Client, id string, err error) diag.Diagnostics {
	apiErr := framework.FieldErrorsOf(err)
	if apiErr == nil {
		return diag.Diagnostics{framework.ObjectErrorDiagnostic(summary, c, contactObject(id), err)}
	}
	return framework.AttributeErrors(summary, "Nothing was changed. Correct the value and apply again.", apiErr, func(field string) (path.Path, bool) {
		for prefix, attr := range map[string]string{"groups": "contact_lists", "phone": "phone", "fields": "fields"} {
			if strings.HasPrefix(field, prefix) {
				return path.Root(attr), true
			}
		}
		return path.Empty(), false
	}, nil)
}

// ModifyPlan warns when contact_lists takes the contact out of lists that
// something else put it in (oneapi_contact_list_members, the web
// interface): the one place the provider can tell that two configurations
// manage the same membership. Omitting contact_lists leaves them alone.
func (r *contactResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var plan, state contactModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !framework.Known(plan.ContactLists) || !framework.Known(state.ContactLists) {
		return
	}
	var want, had []int64
	resp.Diagnostics.Append(plan.ContactLists.ElementsAs(ctx, &want, false)...)
	resp.Diagnostics.Append(state.ContactLists.ElementsAs(ctx, &had, false)...)
	var leaving []string
	for _, id := range had {
		if !slices.Contains(want, id) {
			leaving = append(leaving, strconv.FormatInt(id, 10))
		}
	}
	if len(leaving) == 0 {
		return
	}
	slices.Sort(leaving)
	resp.Diagnostics.AddAttributeWarning(path.Root("contact_lists"), "Contact Leaves Lists",
		fmt.Sprintf("contact_lists takes contact %s out of contact list(s) %s, which its state has. If an "+
			"oneapi_contact_list_members resource or the web interface put it there, the two will undo each other on every "+
			"apply: manage this contact's lists in one place, and omit contact_lists to leave them to the other.",
			state.ID.ValueString(), strings.Join(leaving, ", ")))
}
