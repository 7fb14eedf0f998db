package campaign

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// A campaign whose create may have taken effect without the provider
// learning its id (the answer was lost, and the create's own search found
// nothing certain). Its messages may be going out, so the create is never
// sent again blindly, in this apply or any later one:
//
//   - Create writes the resource to the state without an id, and keeps in
//     private state what identifies the request (client.PendingCreate:
//     the reference_ids, the request's fingerprint). An error would taint
//     the resource, and Terraform plans a tainted resource as a new create
//     that knows nothing of the first: so it is a warning.
//   - every refresh looks for the campaign once more (Read); found, it is
//     adopted and the resource is an ordinary campaign again;
//   - while it is not found, the plan is an update that says so, and the
//     apply looks again; where the platform can tell (reference_ids on
//     every message, client.PendingCreate.CanResend) it then sends the
//     same request with the same reference_ids, which the platform
//     refuses if the first was taken (resendPendingCreate); otherwise it
//     sends nothing (Update fails, the state kept);
//   - only an explicit replacement (terraform apply -replace) sends anew,
//     and that plan shows the create;
//   - a destroy looks once more and stops the campaign if it finds it.

// privatePendingCreate holds, in private state, the client.PendingCreate
// of a campaign whose create could not be told to have taken effect.
const privatePendingCreate = "pending_create"

// pendingCreate reads the pending create of a resource, or nil.
func pendingCreate(ctx context.Context, private framework.PrivateGetter, diags *diag.Diagnostics) *client.PendingCreate {
	return framework.ReadPrivate[client.PendingCreate](ctx, private, privatePendingCreate, "an unresolved campaign create", diags)
}

// keepPendingCreate writes a create whose outcome is unknown into the state:
// the plan with every unknown value null (no id), and the pending create
// in private state.
func keepPendingCreate(ctx context.Context, plan tftypes.Value, amb *client.AmbiguousCreateError, resp *resource.CreateResponse) {
	state, err := tftypes.Transform(plan, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
	if err != nil {
		resp.Diagnostics.AddError("Unable to Create Campaign", fmt.Sprintf("%s\n\nRecording the unresolved create in the "+
			"state failed (%v). Please report this issue to the provider developers.", amb, err))
		return
	}
	resp.State.Raw = state
	framework.WritePrivate(ctx, resp.Private, privatePendingCreate, amb.Pending, &resp.Diagnostics)
	resp.Diagnostics.AddWarning("Campaign Create Unresolved", fmt.Sprintf("%s.\n\nThe campaign may exist and be sending, so "+
		"the request is not sent again blindly.%s The resource is in the state without an "+
		"id, with what identifies the request (%s). The next plan shows it as an update: %s\n\n%s", amb, candidates(amb),
		pendingName(amb.Pending), nextApply(amb.Pending), wayOut(amb.Pending)))
}

// nextApply says what the next apply of an unresolved create does.
func nextApply(p *client.PendingCreate) string {
	if p.CanResend() {
		return "every refresh looks for the campaign again and adopts it when found; an apply that still finds none " +
			"sends the same request again with the same reference_ids, which One-API refuses if the first request " +
			"was taken, so its messages go out once."
	}
	return "every refresh and apply looks for the campaign again and adopts it when found, sending nothing (the API " +
		"offers no guard that would make sending it again safe)."
}

// sendAnewAdvice is the one way to send an unresolved campaign again.
const sendAnewAdvice = "To give up on it and send the campaign anew (its messages may then go out twice): " +
	"terraform apply -replace=ADDRESS."

// adoptAdvice is the way out of an unresolved create to contact lists,
// which no search can resolve: the user names the campaign.
const adoptAdvice = "A campaign to contact lists carries no reference_id, so no search can prove which campaign is " +
	"this one, and the provider never adopts one by itself (it may be another workspace's, and a destroy would stop " +
	"it). If one of the candidates is this resource's campaign (compare its lists and creation time in the web UI): " +
	"terraform state rm ADDRESS, then terraform import ADDRESS ID, then terraform apply (which records the " +
	"configuration's content and sends nothing). If none is: terraform apply -replace=ADDRESS sends it anew."

// wayOut is the advice for a pending create: for contact lists, which no
// search resolves, adopting or replacing; otherwise replacing.
func wayOut(p *client.PendingCreate) string {
	if len(p.ReferenceIDs) == 0 {
		return adoptAdvice
	}
	return sendAnewAdvice
}

func candidates(amb *client.AmbiguousCreateError) string {
	if len(amb.Candidates) == 0 {
		return ""
	}
	ids := make([]string, 0, len(amb.Candidates))
	for _, c := range amb.Candidates {
		ids = append(ids, strconv.FormatInt(c.ID, 10))
	}
	return fmt.Sprintf(" Campaign(s) %s may be the one created.", strings.Join(ids, ", "))
}

// pendingName says which request a pending create is.
func pendingName(p *client.PendingCreate) string {
	s := fmt.Sprintf("%s of %s UTC, fingerprint %.12s", p.Path, p.Started.UTC().Format(apiTimeLayout), p.Fingerprint)
	if len(p.ReferenceIDs) > 0 {
		s += fmt.Sprintf(", %d reference_id(s) from %s", len(p.ReferenceIDs), p.ReferenceIDs[0])
	}
	return s
}

// readPendingCreate is the refresh of an unresolved create (ctx bounded by
// timeouts.read): one search;
// the campaign found is adopted, otherwise the state stays as it is.
func (r *campaignResource) readPendingCreate(ctx context.Context, p *client.PendingCreate, req resource.ReadRequest, resp *resource.ReadResponse) {
	r.Client.JournalSeenPending(ctx, *p) // the state holds the record: the journal need not
	cp, found, err := r.Client.FindPendingCreate(ctx, *p, 1)
	if cp == nil && err == nil && found != p.Found {
		// The plan names what this search found (the candidates of a
		// contact-list create).
		p.Found = found
		framework.WritePrivate(ctx, resp.Private, privatePendingCreate, p, &resp.Diagnostics)
	}
	if err != nil {
		resp.Diagnostics.AddWarning("Unable to Look for the Campaign", fmt.Sprintf("Looking for the campaign of the "+
			"unresolved create (%s) failed: %s. The state is kept; the next refresh looks again.", pendingName(p), err))
		return
	}
	if cp == nil {
		return // the plan says what is pending
	}
	refreshed, err := refreshedState(ctx, req.State.Raw, cp, r.Zone())
	if err != nil {
		resp.Diagnostics.AddError("Unable to Read Campaign", "Writing the campaign found into the state failed: "+err.Error()+
			". Please report this issue to the provider developers.")
		return
	}
	resp.State.Raw = refreshed
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privatePendingCreate, nil)...)
	resp.Diagnostics.Append(recoveredCreateWarning(cp))
}

// planPendingCreate plans an unresolved create: an update whose apply
// looks for the campaign again (its id and status unknown until then), or
// the replacement the content's change asks for.
func planPendingCreate(p *client.PendingCreate, plan *campaignResourceModel, replaces bool, resp *resource.ModifyPlanResponse) {
	markObservedUnknown(plan)
	plan.ID, plan.Name, plan.MessageType, plan.CreatedAt = types.StringUnknown(), types.StringUnknown(), types.StringUnknown(), types.StringUnknown()
	plan.CalculatedPrice, plan.Currency = types.StringUnknown(), types.StringUnknown()
	if plan.StartAt.IsNull() {
		// Not configured: the campaign found or sent reports its own.
		plan.StartAt = types.StringUnknown()
	}
	then := "Applying looks for it again and sends nothing; if it is still not found, the apply fails and the state " +
		"stays as it is. Unless this plan replaces it (terraform apply -replace), nothing is sent."
	if p.CanResend() {
		then = "Applying looks for it again; if it is still not found, it sends the same request again with the same " +
			"reference_ids, which One-API refuses if the first request was taken: its messages go out once."
	}
	if replaces {
		then = "The content changed, so applying replaces it: it is looked for once more (and stopped, with " +
			"stop_on_destroy, if found), then a new campaign is sent."
	}
	found := "no campaign has been found for it yet"
	if p.Found != "" {
		found = "the last search found that " + p.Found
	}
	resp.Diagnostics.AddWarning("Campaign Create Unresolved", fmt.Sprintf("An earlier apply could not tell whether "+
		"this campaign was created (%s): %s. %s\n\n%s", pendingName(p), found, then, wayOut(p)))
}

// updatePendingCreate is the apply of an unresolved create: it looks for
// the campaign and adopts it (then stops it, if the plan says so); where
// the reference_ids guard it (CanResend), it sends the very same request
// once more; otherwise it fails with the state unchanged. It never sends a
// request the platform could take twice.
func (r *campaignResource) updatePendingCreate(ctx context.Context, p *client.PendingCreate, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan campaignResourceModel
	resp.Diagnostics.Append(getCampaign(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := bounded(ctx, plan.Timeouts.Update, defaultUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	cp, detail, err := r.Client.FindPendingCreate(ctx, *p, 5)
	sent := "Nothing was sent"
	if cp == nil && err == nil && p.CanResend() {
		var resent bool
		if cp, detail, resent = r.resendPendingCreate(ctx, p, plan); resent {
			sent = "The same request was sent again with the same reference_ids (One-API refuses reference_ids it has " +
				"seen, so no message went out twice)"
		}
		framework.WritePrivate(ctx, resp.Private, privatePendingCreate, p, &resp.Diagnostics)
	}
	if cp == nil {
		if err != nil {
			detail = "the search failed: " + err.Error()
		}
		resp.State.Raw = req.State.Raw
		again := "Apply again later: the platform may list messages a while after sending them. "
		if len(p.ReferenceIDs) == 0 {
			again = "Applying again will not resolve it. "
		}
		resp.Diagnostics.AddError("Campaign Create Still Unresolved", fmt.Sprintf("The campaign of an earlier create "+
			"(%s) was looked for again at %s, and %s. %s, and the state is as it was.\n\n%s%s",
			pendingName(p), r.Client.Endpoint(), detail, sent, again, wayOut(p)))
		return
	}
	campaignFromAPI(cp, &plan, r.Zone())
	resp.Diagnostics.Append(recoveredCreateWarning(cp))
	id := strconv.FormatInt(cp.ID, 10)
	if runStateActionFor(cp.Status, desiredActive, plan.DesiredState.ValueString()) == actionStop {
		stopped, diags := r.ops().stop(ctx, cp.ID, id)
		resp.Diagnostics.Append(diags...)
		if stopped != nil {
			campaignFromAPI(stopped, &plan, r.Zone())
		}
	}
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privatePendingCreate, nil)...)
	resp.Diagnostics.Append(setCampaign(ctx, &resp.State, plan)...)
}

// unresolvedWithoutRecordWarning is the destroy of an unresolved create
// that was tainted: Terraform passes no private state to it, so it cannot
// look for the campaign again (this run's refresh did, with the record).
func unresolvedWithoutRecordWarning() diag.Diagnostic {
	return diag.NewWarningDiagnostic("Unresolved Campaign Forgotten", "This campaign's create was never resolved, and "+
		"Terraform does not pass a tainted resource's private state (the record of the create) to its destroy, so it "+
		"was not looked for again here (the refresh before this plan, unless skipped, looked for it and found nothing). It is removed "+
		"from the state without a call. If it exists after all, it is not stopped: look for it in the platform's web UI.")
}

// deletePendingCreate is the destroy of an unresolved create (ctx bounded
// by timeouts.delete): one more
// search, and a stop of the campaign found (stop_on_destroy).
func (r *campaignResource) deletePendingCreate(ctx context.Context, p *client.PendingCreate, state campaignResourceModel, resp *resource.DeleteResponse) {
	cp, detail, err := r.Client.FindPendingCreate(ctx, *p, 3)
	if err != nil {
		resp.Diagnostics.AddError("Unable to Destroy Campaign", fmt.Sprintf("Destroying an unresolved create (%s) looks "+
			"for its campaign first, to stop it; the search failed: %s. Nothing was changed; destroy again when One-API "+
			"answers.", pendingName(p), err))
		return
	}
	if cp == nil {
		resp.Diagnostics.AddWarning("Unresolved Campaign Forgotten", fmt.Sprintf("The campaign of an earlier create (%s) "+
			"was looked for once more, and %s: it is removed from the state without a call. If it exists after all, "+
			"it is not stopped: look for it in the platform's web UI.", pendingName(p), detail))
		return
	}
	id := strconv.FormatInt(cp.ID, 10)
	if !state.StopOnDestroy.ValueBool() || client.IsSettled(cp.Status) {
		return
	}
	_, diags := r.ops().stop(ctx, cp.ID, id)
	resp.Diagnostics.Append(diags...)
}
