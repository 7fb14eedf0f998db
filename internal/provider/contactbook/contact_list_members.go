package contactbook

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

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

// The oneapi_contact_list_members resource: contacts of a contact list,
// by id, through POST /api/groups/attach and /detach, for lists too large
// to write one oneapi_contact per phone (contacts imported from a CRM,
// say). It manages only the contacts it lists: others the list has (added
// in the web interface, or by oneapi_contact.contact_lists) are left alone
// and not shown as drift. Taking a contact out of the list keeps it in the
// contact book.

var (
	_ resource.Resource                = (*membersResource)(nil)
	_ resource.ResourceWithConfigure   = (*membersResource)(nil)
	_ resource.ResourceWithImportState = (*membersResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*membersResource)(nil)
	_ resource.ResourceWithIdentity    = (*membersResource)(nil)
)

func NewContactListMembersResource() resource.Resource { return &membersResource{} }

type membersResource struct {
	framework.ResourceBase
}

type membersModel struct {
	ID         types.String `tfsdk:"id"`
	ListID     types.String `tfsdk:"contact_list_id"`
	ContactIDs types.Set    `tfsdk:"contact_ids"`
}

func (m membersModel) ObjectID() types.String { return m.ID }

func (r *membersResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_contact_list_members"
}

func (r *membersResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.IdentitySchema("contact list")
}

func (r *membersResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Contacts of a contact list, by contact id, for lists too large to write one `oneapi_contact` per " +
			"phone. Only the contacts listed are managed: others the list has are left alone. Taking a contact out of " +
			"`contact_ids`, or destroying the resource, takes it out of the list (the plan names it); it stays in the contact book. " +
			"Manage a contact's lists either here or in its `oneapi_contact.contact_lists`, not both: `contact_lists` sets every " +
			"list of its contact.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The contact list's id, as `contact_list_id`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"contact_list_id": schema.StringAttribute{
				MarkdownDescription: "The contact list (`oneapi_contact_list.NAME.id`). Another list replaces the resource.",
				Required:            true,
				Validators:          []validator.String{framework.IDValidator("contact list")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"contact_ids": schema.SetAttribute{
				MarkdownDescription: "Contacts in the list (`oneapi_contact.NAME.id`, or ids from the contact book). Added and " +
					"removed in place, 200 a request.",
				ElementType: types.StringType,
				Required:    true,
				Validators:  []validator.Set{framework.StringIDsAre("contact")},
			},
		},
	}
}

func ids(values []string) []int64 {
	out := make([]int64, 0, len(values))
	for _, v := range values {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			out = append(out, n)
		}
	}
	return out
}

func membersObject(id string) framework.APIObject {
	return framework.APIObject{Kind: "contact list", ID: id, List: "the oneapi_contact_lists data source"}
}

// ModifyPlan names the contacts a plan takes out of the list.
func (r *membersResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() {
		return
	}
	var state membersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	removed, what := framework.SetStrings(state.ContactIDs), "Destroying"
	if !req.Plan.Raw.IsNull() {
		var plan membersModel
		resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
		if resp.Diagnostics.HasError() || !framework.Known(plan.ContactIDs) || !plan.ListID.Equal(state.ListID) {
			return
		}
		removed, what = framework.Without(removed, framework.SetStrings(plan.ContactIDs)), "Removing them from contact_ids"
	}
	if len(removed) == 0 {
		return
	}
	slices.Sort(removed)
	stay := "They stay in the contact book"
	if req.Plan.Raw.IsNull() {
		// A destroy of the whole configuration also destroys the
		// oneapi_contact resources among them, which this plan cannot see.
		stay = "They stay in the contact book unless their oneapi_contact resources are destroyed too"
	}
	resp.Diagnostics.AddWarning("Contacts Leave the List",
		fmt.Sprintf("%s takes %d contact(s) out of contact list %s: %s. %s; campaigns to the list no longer reach them.",
			what, len(removed), state.ListID.ValueString(), strings.Join(removed, ", "), stay))
}

func (r *membersResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan membersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = plan.ListID
	if r.change(ctx, plan.ListID.ValueString(), framework.SetStrings(plan.ContactIDs), nil, &resp.Diagnostics) {
		framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
	}
}

func (r *membersResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state membersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	want, had := framework.SetStrings(plan.ContactIDs), framework.SetStrings(state.ContactIDs)
	if r.change(ctx, plan.ListID.ValueString(), framework.Without(want, had), framework.Without(had, want), &resp.Diagnostics) {
		framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
	}
}

func (r *membersResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state membersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if !resp.Diagnostics.HasError() {
		r.change(ctx, state.ListID.ValueString(), nil, framework.SetStrings(state.ContactIDs), &resp.Diagnostics)
	}
}

// change attaches add to the list and detaches remove
// (framework.MembershipChange: a write that may have taken effect without
// an answer is checked by reading the list's contacts).
func (r *membersResource) change(ctx context.Context, listID string, add, remove []string, diags *diag.Diagnostics) bool {
	list, _ := strconv.ParseInt(listID, 10, 64)
	summary := "Unable to Change Contact List Members"
	return framework.MembershipChange{
		Summary: summary, Set: "contact list " + listID, Add: add, Remove: remove,
		Write: func() error {
			if len(add) > 0 {
				if err := r.Client.AttachContacts(ctx, ids(add), []int64{list}); err != nil {
					return err
				}
			}
			if len(remove) > 0 {
				return r.Client.DetachContacts(ctx, ids(remove), []int64{list})
			}
			return nil
		},
		Members: func() (map[string]bool, error) { return r.members(ctx, list) },
		Refused: func(err error) diag.Diagnostics { return contactListWriteError(summary, r.Client, listID, err) },
	}.Apply(diags)
}

// members are the ids of the list's contacts.
func (r *membersResource) members(ctx context.Context, list int64) (map[string]bool, error) {
	out := map[string]bool{}
	err := r.Client.EachContact(ctx, list, func(ct *client.Contact) bool {
		out[strconv.FormatInt(ct.ID, 10)] = true
		return true
	})
	return out, err
}

// Read keeps the contacts of the state that the list still has: one taken
// out outside Terraform is planned back in. An import (no contacts yet)
// takes every contact of the list. A list that is gone takes the resource
// with it.
func (r *membersResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state membersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	list, diags := framework.ParseID("contact list", state.ID.ValueString(), path.Root("id"))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if _, err := r.Client.GetContactList(ctx, list); client.IsNotFound(err) {
		framework.SetIdentity(ctx, resp.Identity, state.ID, &resp.Diagnostics)
		resp.State.RemoveResource(ctx)
		return
	}
	members, err := r.members(ctx, list)
	if err != nil {
		resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Read Contact List Members", r.Client, membersObject(state.ID.ValueString()), err))
		return
	}
	var kept []string
	if state.ContactIDs.IsNull() {
		for id := range members {
			kept = append(kept, id)
		}
	} else {
		for _, id := range framework.SetStrings(state.ContactIDs) {
			if members[id] {
				kept = append(kept, id)
			}
		}
	}
	slices.Sort(kept)
	state.ListID = state.ID
	state.ContactIDs = framework.StringSet(kept)
	framework.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
}

// ImportState takes the contact list's id: every contact it has comes
// under the resource.
func (r *membersResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := framework.ImportID(ctx, req, &resp.Diagnostics)
	if _, diags := framework.ParseID("contact list", id, path.Empty()); diags.HasError() {
		resp.Diagnostics.AddError("Invalid Import Id",
			diags.Errors()[0].Detail()+" Import with the numeric id of the contact list, for example: "+
				"terraform import oneapi_contact_list_members.vip 1864620")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	framework.SetIdentity(ctx, resp.Identity, types.StringValue(id), &resp.Diagnostics)
}
