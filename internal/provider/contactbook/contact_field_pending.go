package contactbook

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// A contact field whose create may have taken effect without the provider
// learning its id (the answer was lost or described another field, and
// the list did not show one new field of its name and type in time). A
// second create would make a second field of the name, so it is never
// sent on its own, in this apply or a later one:
//
//   - Create writes the resource to the state without an id, with the
//     client.PendingField in private state, and warns (an error would
//     taint it, and a tainted resource is planned as a blind new create);
//   - every refresh looks for the field once; found, it is adopted;
//   - while it is not found, the plan is an update whose apply looks again
//     and creates nothing (it fails, the state kept);
//   - terraform apply -replace creates it anew: the destroy half looks
//     once more and deletes the field it finds, then the create is sent;
//   - a destroy deletes the field it finds, and otherwise only forgets it.

// privatePendingField holds the client.PendingField of an unresolved create.
const privatePendingField = "pending_field"

// laterTries is how often an apply or destroy looks for the field of an
// unresolved create.
const laterTries = 3

// pendingField reads the unresolved create of a resource, or nil.
func pendingField(ctx context.Context, private framework.PrivateGetter, diags *diag.Diagnostics) *client.PendingField {
	return framework.ReadPrivate[client.PendingField](ctx, private, privatePendingField, "an unresolved contact field create", diags)
}

// setPendingField keeps the unresolved create p in private state; nil
// removes it.
func setPendingField(ctx context.Context, private framework.PrivateSetter, p *client.PendingField, diags *diag.Diagnostics) {
	framework.WritePrivate(ctx, private, privatePendingField, p, diags)
}

// fieldWayOut is the way to create an unresolved field anew.
const fieldWayOut = "If the field was not created (the account's contact fields have no new one of that name), create " +
	"it anew: terraform apply -replace=ADDRESS (the destroy half looks once more and deletes the field it finds)."

func pendingFieldName(p *client.PendingField) string {
	return fmt.Sprintf("named %q, of type %s, sent at %s UTC", p.Name, p.Type, p.Started.UTC().Format("2006-01-02 15:04:05"))
}

// candidatesAdvice names the fields that may be the one created.
func candidatesAdvice(u *client.UnresolvedFieldError) string {
	if len(u.Candidates) == 0 {
		return ""
	}
	return fmt.Sprintf(" Fields %s may be the one created: to take one, terraform state rm ADDRESS, then terraform "+
		"import ADDRESS ID.", u.CandidateIDs())
}

// keepPendingField writes an unresolved create into the state: the plan
// without an id, and the pending create in private state.
func keepPendingField(ctx context.Context, plan contactFieldModel, u *client.UnresolvedFieldError, resp *resource.CreateResponse) {
	plan.ID = types.StringNull()
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
	setPendingField(ctx, resp.Private, &u.Pending, &resp.Diagnostics)
	resp.Diagnostics.AddWarning("Contact Field Create Unresolved", fmt.Sprintf("%s.\n\nThe field may exist, so the "+
		"create is not sent again, in this apply or any later one: that would make a second field of the name. The "+
		"resource is in the state without an id. Every refresh and apply looks for the field again (the one new field "+
		"%s) and adopts it when found, creating nothing.%s\n\n%s", u, pendingFieldName(&u.Pending), candidatesAdvice(u), fieldWayOut))
}

// readPendingField is the refresh of an unresolved create: one look; the
// field found is adopted, otherwise the state stays.
func (r *contactFieldResource) readPendingField(ctx context.Context, p *client.PendingField, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state contactFieldModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	framework.SetIdentity(ctx, resp.Identity, state.ID, &resp.Diagnostics)
	f, _, err := r.Client.FindPendingField(ctx, *p, 1)
	if err != nil {
		resp.Diagnostics.AddWarning("Unable to Look for the Contact Field", fmt.Sprintf("Looking for the field of an "+
			"unresolved create (%s) failed: %s. The state is kept; the next refresh looks again.", pendingFieldName(p), err))
	}
	if f == nil || resp.Diagnostics.HasError() {
		return
	}
	state.fromAPI(f)
	framework.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
	setPendingField(ctx, resp.Private, nil, &resp.Diagnostics)
	resp.Diagnostics.Append(recoveredFieldWarning(f))
}

func recoveredFieldWarning(f *client.CustomField) diag.Diagnostic {
	return diag.NewWarningDiagnostic("Contact Field Recovered After a Lost Answer", fmt.Sprintf("The answer to the create "+
		"request was lost or described another field; contact field %d was %s, and is now in the state.", f.ID, f.Recovered))
}

// planPendingField plans an unresolved create: an update whose apply
// looks for the field (its id unknown until then), or its destroy.
func planPendingField(ctx context.Context, p *client.PendingField, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		resp.Diagnostics.AddWarning("Contact Field Create Unresolved", fmt.Sprintf("An earlier apply could not tell "+
			"whether this field was created (%s). Destroying looks for it once more and deletes the one new field of "+
			"that name and type, with every contact's value of it; if none is found, the resource is only removed "+
			"from the state.", pendingFieldName(p)))
		return
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), types.StringUnknown())...)
	resp.Diagnostics.AddWarning("Contact Field Create Unresolved", fmt.Sprintf("An earlier apply could not tell whether "+
		"this field was created (%s): it has not been found yet. Applying looks for it again and creates nothing; if "+
		"it is still not found, the apply fails and the state stays as it is.\n\n%s", pendingFieldName(p), fieldWayOut))
}

// updatePendingField is the apply of an unresolved create: it adopts the
// field it finds (and writes the plan's name, description and visibility
// to it), or fails with the state unchanged. It never creates.
func (r *contactFieldResource) updatePendingField(ctx context.Context, p *client.PendingField, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan contactFieldModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	f, candidates, err := r.Client.FindPendingField(ctx, *p, laterTries)
	if f == nil {
		detail := "no new field of that name and type is listed"
		switch {
		case err != nil:
			detail = "the search failed: " + err.Error()
		case len(candidates) > 0:
			detail = candidatesAdvice(&client.UnresolvedFieldError{Candidates: candidates})
		}
		resp.State.Raw = req.State.Raw
		framework.SetIdentity(ctx, resp.Identity, types.StringValue(""), &resp.Diagnostics)
		setPendingField(ctx, resp.Private, p, &resp.Diagnostics)
		resp.Diagnostics.AddError("Contact Field Create Still Unresolved", fmt.Sprintf("The field of an earlier create "+
			"(%s) was looked for again at %s: %s. Nothing was created, and the state is as it was.\n\nApply again "+
			"later: the platform may list a new field a while after making it. %s", pendingFieldName(p),
			r.Client.Endpoint(), detail, fieldWayOut))
		return
	}
	resp.Diagnostics.Append(recoveredFieldWarning(f))
	want := plan.request()
	if f.Name != want.Name || (f.Visible != nil && *f.Visible != want.Visible) || !plan.Description.Equal(types.StringPointerValue(f.Description)) {
		if f, err = r.Client.UpdateCustomField(ctx, f.ID, want); err != nil {
			resp.Diagnostics.Append(contactFieldWriteError("Unable to Update Contact Field", r.Client, "", err)...)
			return
		}
	}
	plan.fromAPI(f)
	setPendingField(ctx, resp.Private, nil, &resp.Diagnostics)
	framework.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// deletePendingField is the destroy of an unresolved create: it deletes
// nothing (a field found only by its name and type is not proven this
// create's), and names what it found.
func (r *contactFieldResource) deletePendingField(ctx context.Context, p *client.PendingField, resp *resource.DeleteResponse) {
	if p == nil {
		resp.Diagnostics.AddWarning("Unresolved Contact Field Forgotten", "This field's create was never resolved, and "+
			"Terraform passed no record of it to the destroy (a tainted resource), so it was not looked for: it is removed "+
			"from the state without a call. If a field of its name appeared in the account, delete it there.")
		return
	}
	f, candidates, err := r.Client.FindPendingField(ctx, *p, laterTries)
	switch {
	case err != nil:
		resp.Diagnostics.AddError("Unable to Delete Contact Field", fmt.Sprintf("Destroying an unresolved create (%s) "+
			"looks for its field first; the search failed: %s. Nothing was changed; destroy again when One-API answers.",
			pendingFieldName(p), err))
	case f != nil:
		// Found only by its name and type: nothing proves it is this
		// create's, and deleting it would take every contact's value of
		// it. It is named, never deleted.
		resp.Diagnostics.AddWarning("Unresolved Contact Field Forgotten", fmt.Sprintf("The unresolved create (%s) was "+
			"looked for once more: field %d has its name and type and is new, but nothing proves it is this create's "+
			"(another workspace or a person may have made it), so it was not deleted, and the resource is removed from "+
			"the state. If field %d is this one, delete it in the account.", pendingFieldName(p), f.ID, f.ID))
	default:
		also := ""
		if len(candidates) > 0 {
			also = fmt.Sprintf(" Fields %s of its name and type are new: one of them may be the one created; delete "+
				"it in the account if it is.", (&client.UnresolvedFieldError{Candidates: candidates}).CandidateIDs())
		}
		resp.Diagnostics.AddWarning("Unresolved Contact Field Forgotten", fmt.Sprintf("No single field was found for the "+
			"unresolved create (%s), so nothing was deleted, and the resource is removed from the state.%s", pendingFieldName(p), also))
	}
}
