package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// stateAction is an API call an update can make.
type stateAction int

const (
	actionNone stateAction = iota
	actionStop
	actionRenew
)

// runStateAction decides, from the refreshed state and the plan, whether
// applying stops or renews the campaign. Content changes are replacements
// and never reach Update.
func runStateActionFor(status, from, to string) stateAction {
	switch {
	case to == desiredStopped && from != desiredStopped && !client.IsSettled(status):
		return actionStop
	case to == desiredActive && status == client.StatusPaused:
		return actionRenew
	}
	return actionNone
}

func runStateAction(state, plan campaignResourceModel) stateAction {
	return runStateActionFor(state.Status.ValueString(), state.DesiredState.ValueString(), plan.DesiredState.ValueString())
}

func (r *campaignResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.Conflicting(path.MatchRoot("rcs"), path.MatchRoot("sms")),
		resourcevalidator.Conflicting(path.MatchRoot("validity_hours"), path.MatchRoot("validity_seconds")),
	}
}

// ValidateConfig checks what the schema validators cannot express: a
// fallback needs RCS content, and each button type needs its target.
func (r *campaignResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m campaignResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if known(m.SMSFallback) && m.RCS.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("sms_fallback"), "SMS Fallback Needs RCS Content",
			"Attribute sms_fallback is the SMS sent when an RCS message cannot be delivered; it needs an rcs block. "+
				"For an SMS campaign use the sms block alone.")
	}
	if !known(m.RCS) {
		return
	}
	var rcs rcsModel
	if m.RCS.As(ctx, &rcs, basetypesObjectAsUnknownTolerant) != nil {
		return
	}
	for i, card := range rcs.Cards {
		for j, s := range card.Suggestions {
			p := path.Root("rcs").AtName("cards").AtListIndex(i).AtName("suggestions").AtListIndex(j)
			switch {
			case s.Type.ValueString() == "link" && s.URL.IsNull():
				resp.Diagnostics.AddAttributeError(p.AtName("url"), "Missing Button Link",
					fmt.Sprintf("Attribute %s is required: a button of type \"link\" needs an http or https link.", p.AtName("url")))
			case s.Type.ValueString() == "call" && s.Phone.IsNull():
				resp.Diagnostics.AddAttributeError(p.AtName("phone"), "Missing Button Phone",
					fmt.Sprintf("Attribute %s is required: a button of type \"call\" needs a number of 9 to 15 digits.", p.AtName("phone")))
			}
		}
	}
}

func (r *campaignResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		r.planDestroy(ctx, req, resp)
		return
	}
	var plan campaignResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if req.State.Raw.IsNull() {
		planCreate(plan, resp)
		return
	}
	var state campaignResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	imported, diags := req.Private.GetKey(ctx, privateImported)
	resp.Diagnostics.Append(diags...)
	planUpdate(&plan, state, contentChanges(plan, state, imported != nil), resp)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
	}
}

// planCreate refuses what cannot be created, before any call.
func planCreate(plan campaignResourceModel, resp *resource.ModifyPlanResponse) {
	if plan.DesiredState.ValueString() == desiredStopped {
		resp.Diagnostics.AddAttributeError(path.Root("desired_state"), "Cannot Create a Stopped Campaign",
			"desired_state = \"stopped\" on a campaign that does not exist yet would send it and cancel it at once. "+
				"A campaign is created to be sent: remove desired_state or set it to \"active\". To stop an existing "+
				"campaign, import it (terraform import ADDRESS ID, or an import block) and then set desired_state = \"stopped\".")
	}
	if plan.Recipients.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("recipients"), "Missing Recipients",
			"Attribute recipients is required to create a campaign: set recipients.phones or recipients.groups. "+
				"(Only an imported campaign may omit them.)")
	}
	if plan.RCS.IsNull() && plan.SMS.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("rcs"), "Missing Campaign Content",
			"Attribute rcs or sms is required to create a campaign: an rcs block (sender and text or cards) or an sms block (sender and text). "+
				"(Only an imported campaign may omit it.)")
	}
}

// planUpdate applies the desired_state rules and the immutability of final
// campaigns to an update plan, using only the refreshed state: no API call.
func planUpdate(plan *campaignResourceModel, state campaignResourceModel, changed path.Paths, resp *resource.ModifyPlanResponse) {
	id, status := state.ID.ValueString(), state.Status.ValueString()
	from, to := state.DesiredState.ValueString(), plan.DesiredState.ValueString()
	replacing := len(changed) > 0

	if to == desiredActive && (from == desiredStopped || (status == client.StatusStopped && from != desiredActive)) {
		resp.Diagnostics.AddAttributeError(path.Root("desired_state"), "Stopped Campaign Cannot Be Resumed",
			fmt.Sprintf("Campaign %s is stopped, and a stop is irreversible: it cannot become active again. "+
				"To send these messages again, create a new campaign: terraform apply -replace=ADDRESS.", id))
		return
	}
	if client.IsFinal(status) {
		if replacing {
			resp.Diagnostics.AddAttributeError(changed[0], "Campaign Is Final",
				finalCampaignDetail(id, status))
			return
		}
		if to == desiredActive && from != desiredActive && status == client.StatusDone {
			resp.Diagnostics.AddAttributeError(path.Root("desired_state"), "Campaign Is Final", finalCampaignDetail(id, status))
			return
		}
	}
	if replacing {
		resp.Diagnostics.AddWarning("Replacing Campaign Sends a New Campaign",
			fmt.Sprintf("The content of campaign %s (status %s) changed. Applying creates a new campaign, which sends "+
				"its messages again%s.", id, status, replacementStopNote(state)))
		return
	}
	action := runStateActionFor(status, from, to)
	switch {
	case plan.DesiredState.IsUnknown():
		markObservedUnknown(plan)
		return
	case to == desiredStopped && from != desiredStopped && status == client.StatusDone:
		resp.Diagnostics.AddWarning("Campaign Already Done",
			fmt.Sprintf("Campaign %s is done: every message was already sent, so there is nothing left to stop. "+
				"desired_state is recorded and no API call is made.", id))
	case to == desiredStopped && from != desiredStopped && status == client.StatusSpam:
		resp.Diagnostics.AddWarning("Campaign Will Not Be Sent",
			fmt.Sprintf("Campaign %s failed moderation (status spam): nothing will be sent, so there is nothing to stop. "+
				"desired_state is recorded and no API call is made.", id))
	case to == desiredActive && status == client.StatusStopped:
		resp.Diagnostics.AddWarning("Campaign Was Stopped Outside Terraform",
			fmt.Sprintf("Campaign %s is stopped although the configuration says desired_state = \"active\". A stop is "+
				"irreversible, so Terraform cannot make it active again. Set desired_state = \"stopped\" to match, or "+
				"create a new campaign with terraform apply -replace=ADDRESS.", id))
	case action == actionStop:
		resp.Diagnostics.AddWarning("Stopping a Campaign Is Irreversible",
			fmt.Sprintf("Applying stops campaign %s (status %s) through PUT /api/campaigns/%s/stop: messages not yet sent "+
				"will never be sent, and the campaign cannot be resumed.", id, status, id))
	case action == actionRenew:
		resp.Diagnostics.AddWarning("Paused Campaign Will Be Resumed",
			fmt.Sprintf("Campaign %s is paused (the platform pauses campaigns when the balance runs out). "+
				"desired_state = \"active\": applying resumes it through PUT /api/campaigns/%s/renew, "+
				"and sending continues at the account's cost.", id, id))
	}
	if action == actionNone {
		keepObserved(plan, state)
		return
	}
	markObservedUnknown(plan)
}

// contentChanges lists the content attributes whose change needs a new
// campaign, by the same rule as their plan modifiers (which the framework
// applies separately: a resource's ModifyPlan does not see their verdict).
func contentChanges(plan, state campaignResourceModel, imported bool) path.Paths {
	var changed path.Paths
	pairs := []struct {
		name        string
		plan, state attr.Value
	}{
		{"recipients", plan.Recipients, state.Recipients}, {"rcs", plan.RCS, state.RCS}, {"sms", plan.SMS, state.SMS},
		{"sms_fallback", plan.SMSFallback, state.SMSFallback}, {"validity_hours", plan.ValidityHours, state.ValidityHours},
		{"validity_seconds", plan.ValiditySeconds, state.ValiditySeconds}, {"tariff_code", plan.TariffCode, state.TariffCode},
		{"check_stop_list", plan.CheckStopList, state.CheckStopList}, {"add_to_contact_book", plan.AddToContactBook, state.AddToContactBook},
	}
	for _, p := range pairs {
		if !p.plan.Equal(p.state) && contentNeedsReplace(imported, p.state.IsNull(), p.plan.IsNull()) {
			changed = append(changed, path.Root(p.name))
		}
	}
	if known(plan.StartAt) && known(state.StartAt) {
		a, errA := normalizeStartAt(plan.StartAt.ValueString())
		b, errB := normalizeStartAt(state.StartAt.ValueString())
		if errA == nil && errB == nil && a != b {
			changed = append(changed, path.Root("start_at"))
		}
	}
	return changed
}

func finalCampaignDetail(id, status string) string {
	return fmt.Sprintf("Campaign %s is %s, a final status: it can no longer be changed, and this plan would change it. "+
		"Either send a new campaign with this configuration (terraform apply -replace=ADDRESS), or remove the "+
		"resource block (with stop_on_destroy, a final campaign leaves the state without any API call), or "+
		"revert the change.", id, status)
}

func replacementStopNote(state campaignResourceModel) string {
	switch {
	case client.IsSettled(state.Status.ValueString()):
		return "; the old campaign has nothing left to send and leaves the state without a call"
	case state.StopOnDestroy.ValueBool():
		return "; the old campaign is stopped first (stop_on_destroy), which is irreversible"
	}
	return "; the old campaign is left running (stop_on_destroy = false)"
}

// markObservedUnknown shows, honestly, that an API call will change what
// the platform reports.
func markObservedUnknown(plan *campaignResourceModel) {
	plan.Status = types.StringUnknown()
	plan.Statistics = types.ObjectUnknown(statisticsAttrTypes)
	plan.SMSFallbackStatistics = types.ObjectUnknown(statisticsAttrTypes)
	plan.RealStartAt = types.StringUnknown()
	plan.FinishedAt = types.StringUnknown()
}

func (r *campaignResource) planDestroy(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var state campaignResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, status := state.ID.ValueString(), state.Status.ValueString()
	switch {
	case client.IsSettled(status):
		return
	case state.StopOnDestroy.ValueBool():
		resp.Diagnostics.AddWarning("Destroying Stops the Campaign",
			fmt.Sprintf("Campaign %s is %s. With stop_on_destroy = true, destroying stops it (irreversible): messages not "+
				"yet sent will never be sent. Set stop_on_destroy = false first to only remove it from Terraform.", id, status))
	default:
		resp.Diagnostics.AddWarning("Campaign Keeps Sending",
			fmt.Sprintf("Campaign %s is %s and stop_on_destroy = false: destroying only removes it from Terraform, "+
				"and the platform goes on sending.", id, status))
	}
}
