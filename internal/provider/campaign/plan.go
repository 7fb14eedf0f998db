package campaign

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The campaign's plan rules: which changes replace it, what a stop, renew
// or destroy will do, and what cannot be created. They read only the
// configuration, the refreshed state and private state: no API call.

// contentAttributes describe the messages a campaign sends: the content
// blocks and these. The API takes them only when the campaign is created
// and returns none of them, so a change needs a new campaign
// (replacement), except as contentNeedsReplace and sendsNothingMore say.
// The schema's replacement modifiers (withContentReplacement) and the
// plan's warnings (contentChanges) both read this list. start_at is
// compared as an instant in ModifyPlan, which knows the provider's
// time_zone; a schema's modifier cannot.
var contentAttributes = sync.OnceValue(func() []string {
	names := []string{"recipients"}
	for _, c := range contentBlocks() {
		names = append(names, c.Block)
	}
	return append(names, "sms_fallback", "start_at", "validity_hours", "validity_seconds", "tariff_code", "check_stop_list",
		"add_to_contact_book", "callback_url")
})

// inPlaceAttributes are the configurable attributes that change without a
// new campaign.
var inPlaceAttributes = []string{"desired_state", "stop_on_destroy", "timeouts"}

// withContentReplacement gives every content attribute (but start_at) the
// replacement modifier.
func withContentReplacement(attrs map[string]schema.Attribute) map[string]schema.Attribute {
	for _, name := range contentAttributes() {
		switch a := attrs[name].(type) {
		case schema.SingleNestedAttribute:
			a.PlanModifiers = append(a.PlanModifiers, contentReplacement{})
			attrs[name] = a
		case schema.Int64Attribute:
			a.PlanModifiers = append(a.PlanModifiers, contentReplacement{})
			attrs[name] = a
		case schema.BoolAttribute:
			a.PlanModifiers = append(a.PlanModifiers, contentReplacement{})
			attrs[name] = a
		case schema.StringAttribute:
			if name == "start_at" { // compared as an instant in ModifyPlan
				continue
			}
			a.PlanModifiers = append(a.PlanModifiers, contentReplacement{})
			attrs[name] = a
		}
	}
	return attrs
}

// contentNeedsReplace is the replacement rule of a content attribute that
// changed: an imported campaign adopts the content its configuration gives
// (state null -> value) without replacement, and removing content from the
// configuration only forgets it, because the API does not return content.
func contentNeedsReplace(imported bool, stateNull, planNull bool) bool {
	if planNull {
		return false
	}
	return !stateNull || !imported
}

// sendsNothingMore reports a plan with desired_state = "stopped" ("this
// resource sends nothing more"): its content edits are recorded, not sent.
func sendsNothingMore(ctx context.Context, plan tfsdk.Plan) bool {
	var desired types.String
	if plan.GetAttribute(ctx, path.Root("desired_state"), &desired).HasError() {
		return false
	}
	return desired.ValueString() == desiredStopped
}

// contentReplacement is the plan modifier of the content attributes, one
// rule for objects, numbers and booleans. Like the framework's
// RequiresReplaceIf, it never replaces on create or destroy, nor without a
// change.
type contentReplacement struct{}

var (
	_ planmodifier.Object = contentReplacement{}
	_ planmodifier.Int64  = contentReplacement{}
	_ planmodifier.Bool   = contentReplacement{}
	_ planmodifier.String = contentReplacement{}
)

func (contentReplacement) Description(context.Context) string {
	return "Changing the content sends a new campaign: the old one is stopped (stop_on_destroy) and replaced."
}

func (contentReplacement) MarkdownDescription(context.Context) string {
	return "Changing the content sends a new campaign: the old one is stopped (`stop_on_destroy`) and replaced."
}

func (contentReplacement) replace(ctx context.Context, state tfsdk.State, plan tfsdk.Plan, private framework.PrivateGetter, stateValue, planValue attr.Value) bool {
	if state.Raw.IsNull() || plan.Raw.IsNull() || planValue.Equal(stateValue) {
		return false
	}
	imported, _ := private.GetKey(ctx, privateImported)
	return contentNeedsReplace(imported != nil, stateValue.IsNull(), planValue.IsNull()) && !sendsNothingMore(ctx, plan)
}

func (m contentReplacement) PlanModifyObject(ctx context.Context, req planmodifier.ObjectRequest, resp *planmodifier.ObjectResponse) {
	resp.RequiresReplace = m.replace(ctx, req.State, req.Plan, req.Private, req.StateValue, req.PlanValue)
}

func (m contentReplacement) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	resp.RequiresReplace = m.replace(ctx, req.State, req.Plan, req.Private, req.StateValue, req.PlanValue)
}

func (m contentReplacement) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	resp.RequiresReplace = m.replace(ctx, req.State, req.Plan, req.Private, req.StateValue, req.PlanValue)
}

func (m contentReplacement) PlanModifyBool(ctx context.Context, req planmodifier.BoolRequest, resp *planmodifier.BoolResponse) {
	resp.RequiresReplace = m.replace(ctx, req.State, req.Plan, req.Private, req.StateValue, req.PlanValue)
}

// contentChanges lists the content attributes whose change needs a new
// campaign, by the rule of the replacement modifier (which the framework
// applies separately: a resource's ModifyPlan does not see its verdict).
// plan and state are whole resource values; startAtMoved is
// startAtChanged's verdict.
func contentChanges(plan, state tftypes.Value, imported, startAtMoved bool) path.Paths {
	var planAttrs, stateAttrs map[string]tftypes.Value
	if plan.As(&planAttrs) != nil || state.As(&stateAttrs) != nil {
		return nil
	}
	var changed path.Paths
	for _, name := range contentAttributes() {
		p, s := planAttrs[name], stateAttrs[name]
		if name == "start_at" {
			if startAtMoved {
				changed = append(changed, path.Root(name))
			}
			continue
		}
		if !p.Equal(s) && contentNeedsReplace(imported, s.IsNull(), p.IsNull()) {
			changed = append(changed, path.Root(name))
		}
	}
	return changed
}

// stateAction is an API call an update can make.
type stateAction int

const (
	actionNone stateAction = iota
	actionStop
	actionRenew
)

// runStateActionFor decides, from the refreshed status, the state's
// desired_state and the plan's, whether applying stops or renews the
// campaign. Content changes are replacements and never reach Update.
func runStateActionFor(status, from, to string) stateAction {
	switch {
	case to == desiredStopped && from != desiredStopped && !client.IsSettled(status):
		return actionStop
	case to == desiredActive && status == client.StatusPaused:
		return actionRenew
	}
	return actionNone
}

// runStateAction is runStateActionFor of a refreshed state and a plan.
func runStateAction(state, plan campaignResourceModel) stateAction {
	return runStateActionFor(state.Status.ValueString(), state.DesiredState.ValueString(), plan.DesiredState.ValueString())
}

func (r *campaignResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		r.planDestroy(ctx, req, resp)
		return
	}
	pending := pendingCreate(ctx, req.Private, &resp.Diagnostics)
	if pending == nil && unchangedPlan(ctx, req) {
		return
	}
	var plan campaignResourceModel
	resp.Diagnostics.Append(getCampaign(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if req.State.Raw.IsNull() {
		planCreate(plan, r.Zone(), r.clock.Now(), resp)
		if r.Client != nil && !resp.Diagnostics.HasError() {
			checkPlaceholders(ctx, r.Client, plan, &resp.Diagnostics)
			checkTariffCode(ctx, r.Client, plan, &resp.Diagnostics)
		}
		if t := contentType(plan); t != "" && plan.MessageType.IsUnknown() {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("message_type"), t)...)
		}
		return
	}
	var state campaignResourceModel
	resp.Diagnostics.Append(getCampaign(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	imported, diags := req.Private.GetKey(ctx, privateImported)
	resp.Diagnostics.Append(diags...)
	startAtMoved := startAtChanged(plan, state, r.Zone())
	changed := contentChanges(req.Plan.Raw, req.State.Raw, imported != nil, startAtMoved)
	if pending != nil {
		planPendingCreate(pending, &plan, len(changed) > 0 && !sendsNothingMore(ctx, req.Plan), resp)
		resp.Diagnostics.Append(setCampaign(ctx, &resp.Plan, plan)...)
		return
	}
	if !startAtMoved && framework.Known(plan.StartAt) && framework.Known(state.StartAt) && !plan.StartAt.Equal(state.StartAt) {
		resp.Diagnostics.Append(startAtRespelledWarning(plan, state, r.Zone()))
	}
	if startAtMoved && !plan.DesiredState.Equal(types.StringValue(desiredStopped)) {
		// Here rather than in a plan modifier: comparing the instants needs
		// the provider's time_zone, which a schema's modifiers cannot see.
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("start_at"))
	}
	planUpdate(&plan, state, changed, resp)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(setCampaign(ctx, &resp.Plan, plan)...)
	}
}

// unchangedPlan reports a plan that equals the refreshed state and needs
// none of the rules below: most resources of a large configuration, on
// every plan. It skips decoding plan and state into the model, a large
// part of the provider's CPU in a big plan (make bench). With plan equal to state, desired_state does not change, so only an
// "active" campaign found paused (renew) or stopped (warning) needs the
// full rules.
func unchangedPlan(ctx context.Context, req resource.ModifyPlanRequest) bool {
	if req.State.Raw.IsNull() || !req.Plan.Raw.Equal(req.State.Raw) {
		return false
	}
	var desired, status types.String
	if req.State.GetAttribute(ctx, path.Root("desired_state"), &desired).HasError() ||
		req.State.GetAttribute(ctx, path.Root("status"), &status).HasError() {
		return false
	}
	return !unchangedNeedsRules(desired.ValueString(), status.ValueString())
}

// unchangedNeedsRules reports an unchanged campaign that still needs the
// rules: desired_state "active" (null is "") on one found paused (renew)
// or stopped (warning). unchangedPlan and the fast path (plan_fast.go,
// rulesLeaveUnchanged) both ask it.
func unchangedNeedsRules(desired, status string) bool {
	return desired == desiredActive && (status == client.StatusPaused || status == client.StatusStopped)
}

// contentType is the message type the content decides (the endpoint it is
// sent to), or "" when none is known.
func contentType(plan campaignResourceModel) string {
	for _, c := range contentBlocks() {
		if framework.Known(plan.block(c.Block)) {
			return c.MessageType
		}
	}
	return ""
}

// planCreate refuses what cannot be created, before any call. It also
// plans each replacement's new campaign.
func planCreate(plan campaignResourceModel, zone *time.Location, now time.Time, resp *resource.ModifyPlanResponse) {
	if framework.Known(plan.StartAt) {
		if err := framework.CheckWallTime(plan.StartAt.ValueString(), zone); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("start_at"), "Invalid Start Time", fmt.Sprintf("Attribute start_at: %s.", err))
		} else if start, err := framework.ParseAccountTime(plan.StartAt.ValueString(), zone); err == nil {
			if err := startAtWindow(start, now, zone); err != nil {
				resp.Diagnostics.AddAttributeError(path.Root("start_at"), "Invalid Start Time",
					fmt.Sprintf("Attribute start_at: %s.", err))
			}
		}
	}
	if plan.DesiredState.ValueString() == desiredStopped {
		resp.Diagnostics.AddAttributeError(path.Root("desired_state"), "Cannot Create a Stopped Campaign",
			"desired_state = \"stopped\" on a campaign that does not exist yet would send it and cancel it at once. "+
				"A campaign is created to be sent: remove desired_state or set it to \"active\". To stop an existing "+
				"campaign, import it (terraform import ADDRESS ID, or an import block) and then set desired_state = \"stopped\".")
	}
	resp.Diagnostics.Append(missingContent(plan)...)
}

// startAtWindow checks a start time for a new campaign, as every send page
// documents it: at most 30 days ahead counting today, up to 23:59:59 of the
// 30th day in the account's zone. A time already past is refused too: the
// platform would send the campaign at once.
func startAtWindow(start, now time.Time, zone *time.Location) error {
	y, m, d := now.In(zone).Date()
	latest := time.Date(y, m, d+29, 23, 59, 59, 0, zone)
	switch {
	case start.Before(now):
		return fmt.Errorf("%s is in the past (it is now %s in time_zone %s), so the campaign would be sent at once. "+
			"Omit start_at to send now, or give a time in the next 30 days", start.In(zone).Format(apiTimeLayout), now.In(zone).Format(apiTimeLayout), zone)
	case start.After(latest):
		return fmt.Errorf("%s is more than 30 days ahead: One-API schedules at most 30 days ahead counting today, "+
			"until %s in time_zone %s", start.In(zone).Format(apiTimeLayout), latest.Format(apiTimeLayout), zone)
	}
	return nil
}

// planUpdate applies the desired_state rules to an update plan, using only
// the refreshed state: no API call. No rule here is an error: Terraform
// plans the configuration before every destroy, so a refusal that depends
// on the campaign's state would block the destroy (and every other
// resource); it is a warning and an untouched campaign instead.
//
// desired_state = "stopped" means "this resource sends nothing more": a
// content edit with it is recorded without a call (and with a stop, if the
// campaign can still be stopped), never a replacement. Without it, a
// content edit replaces the campaign, final or not: an immutable object is
// replaced, not modified.
func planUpdate(plan *campaignResourceModel, state campaignResourceModel, changed path.Paths, resp *resource.ModifyPlanResponse) {
	id, status := state.ID.ValueString(), state.Status.ValueString()
	from, to := state.DesiredState.ValueString(), plan.DesiredState.ValueString()
	// An unknown desired_state is not "stopped": the content modifiers plan
	// the replacement, and the warning says so.
	if len(changed) > 0 && to != desiredStopped {
		resp.Diagnostics.AddWarning("Replacing Campaign Sends a New Campaign",
			fmt.Sprintf("The content of campaign %s (in status %q) changed (%s). Applying creates a new campaign, which "+
				"sends its messages to %s%s. To keep the campaign and record the change without sending anything, "+
				"set desired_state = \"stopped\".", id, status, pathList(changed), recipientsPhrase(*plan), replacementStopNote(state)))
		return
	}
	action := runStateActionFor(status, from, to)
	if len(changed) > 0 {
		recordedEditWarning(resp, id, status, changed, action)
	}
	if plan.DesiredState.IsUnknown() {
		markObservedUnknown(plan)
		return
	}
	stateChangeWarning(resp, id, status, from, to, action)
	planObserved(plan, state, action)
}

// stateChangeWarning says what a change of desired_state does to a campaign
// in its status: nothing (and why), or the stop or renew it sends.
func stateChangeWarning(resp *resource.ModifyPlanResponse, id, status, from, to string, action stateAction) {
	switch {
	case to == desiredStopped && from != desiredStopped && status == client.StatusDone:
		resp.Diagnostics.AddWarning("Campaign Already Done",
			fmt.Sprintf("Campaign %s is done: every message was already sent, so there is nothing left to stop. "+
				"desired_state is recorded and no API call is made.", id))
	case to == desiredStopped && from != desiredStopped && status == client.StatusSpam:
		resp.Diagnostics.AddWarning("Campaign Will Not Be Sent",
			fmt.Sprintf("Campaign %s failed moderation (status spam): nothing will be sent, so there is nothing to stop. "+
				"desired_state is recorded and no API call is made.", id))
	case to == desiredActive && status == client.StatusStopped:
		resp.Diagnostics.AddWarning("Stopped Campaign Cannot Be Resumed",
			fmt.Sprintf("Campaign %s is stopped, and a stop is irreversible: Terraform cannot make it active again. "+
				"Unless this plan replaces it, desired_state = \"active\" is recorded and no API call is made. Set "+
				"desired_state = \"stopped\" to match, or send the campaign again as a new one: terraform apply "+
				"-replace=ADDRESS (whose plan shows this warning too: Terraform plans the campaign as it is before it "+
				"plans the replacement).", id))
	case to == desiredActive && from != desiredActive && status == client.StatusDone:
		resp.Diagnostics.AddWarning("Campaign Already Done",
			fmt.Sprintf("Campaign %s is done, a final status: there is nothing left to resume. desired_state is "+
				"recorded and no API call is made.", id))
	case action == actionStop:
		resp.Diagnostics.AddWarning("Stopping a Campaign Is Irreversible",
			fmt.Sprintf("desired_state = \"stopped\" stops campaign %s (in status %q) through PUT /api/campaigns/%s/stop: "+
				"messages not yet sent are never sent, and the campaign cannot be resumed.", id, status, id))
	case action == actionRenew:
		resp.Diagnostics.AddWarning("Paused Campaign Will Be Resumed",
			fmt.Sprintf("Campaign %s is paused (the platform pauses campaigns when the balance runs out). "+
				"desired_state = \"active\": applying resumes it through PUT /api/campaigns/%s/renew, "+
				"and sending continues at the account's cost.", id, id))
	}
}

// planObserved plans the observed attributes: as they are when nothing is
// sent, unknown after a stop or renew, except what a stop or renew cannot
// change.
func planObserved(plan *campaignResourceModel, state campaignResourceModel, action stateAction) {
	if action == actionNone {
		keepObserved(plan, state)
		return
	}
	markObservedUnknown(plan)
	// What a stop or renew cannot change stays as it is: the price estimate
	// and its currency (from the create answer), the time sending really
	// started once it has, and the fallback statistics of a campaign that
	// has no fallback. Update keeps these planned values.
	plan.CalculatedPrice, plan.Currency = state.CalculatedPrice, state.Currency
	if framework.Known(state.RealStartAt) {
		plan.RealStartAt = state.RealStartAt
	}
	if plan.SMSFallback.IsNull() && state.SMSFallbackStatistics.IsNull() {
		plan.SMSFallbackStatistics = state.SMSFallbackStatistics
	}
}

// recordedEditWarning says that a content edit under desired_state =
// "stopped" is kept in the state only.
func recordedEditWarning(resp *resource.ModifyPlanResponse, id, status string, changed path.Paths, action stateAction) {
	then := "no API call is made"
	if action == actionStop {
		then = "the only API call is the stop"
	}
	resp.Diagnostics.AddWarning("Content Change Recorded, Not Sent",
		fmt.Sprintf("Campaign %s (in status %q) has desired_state = \"stopped\": the change to %s is recorded in the state "+
			"and nothing is sent; %s. To send the new content as a new campaign, set desired_state = \"active\" "+
			"(or remove it), which replaces the campaign.", id, status, pathList(changed), then))
}

// pathList writes attribute paths for a sentence.
func pathList(paths path.Paths) string {
	names := make([]string, 0, len(paths))
	for _, p := range paths {
		names = append(names, p.String())
	}
	return strings.Join(names, ", ")
}

// recipientsPhrase says who a new campaign goes to, for the replacement
// warning.
func recipientsPhrase(plan campaignResourceModel) string {
	if c, v, ok := contentOf(plan); ok && c.ownRecipients {
		if messages := framework.ListElems(framework.ObjectAttrs(v)["messages"]); len(messages) > 0 {
			return fmt.Sprintf("the %d phone number(s) of %s.messages", len(messages), c.Block)
		}
	}
	attrs := framework.ObjectAttrs(plan.Recipients)
	if phones, ok := attrs["phones"].(types.Set); ok && framework.Known(phones) {
		return fmt.Sprintf("%d phone number(s)", len(phones.Elements()))
	}
	if groups, ok := attrs["groups"].(types.Set); ok && framework.Known(groups) {
		return fmt.Sprintf("every member of %d contact list(s)", len(groups.Elements()))
	}
	return "its recipients"
}

// startAtChanged reports a start_at that names another instant than the
// state's; another spelling of the same instant is no change.
func startAtChanged(plan, state campaignResourceModel, zone *time.Location) bool {
	if !framework.Known(plan.StartAt) || !framework.Known(state.StartAt) {
		return false
	}
	a, errA := framework.NormalizeStartAt(plan.StartAt.ValueString(), zone)
	b, errB := framework.NormalizeStartAt(state.StartAt.ValueString(), zone)
	return errA == nil && errB == nil && a != b
}

// startAtRespelledWarning explains the one plan line a re-spelled start_at
// makes: Terraform shows every change of a configured value, and this one
// changes nothing on the platform.
func startAtRespelledWarning(plan, state campaignResourceModel, zone *time.Location) diag.Diagnostic {
	at, _ := framework.NormalizeStartAt(plan.StartAt.ValueString(), zone)
	return diag.NewAttributeWarningDiagnostic(path.Root("start_at"), "Start Time Re-Spelled, Not Moved",
		fmt.Sprintf("start_at changes from %q to %q, which name the same instant (%s in time_zone %s): the campaign is "+
			"not rescheduled. Terraform shows every change of a configured value as an update; applying it only records "+
			"the new spelling in the state and makes no API call.", state.StartAt.ValueString(), plan.StartAt.ValueString(), at, zone))
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

func (r *campaignResource) planDestroy(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var state campaignResourceModel
	resp.Diagnostics.Append(getCampaign(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, status := state.ID.ValueString(), state.Status.ValueString()
	if p := pendingCreate(ctx, req.Private, &resp.Diagnostics); p != nil {
		resp.Diagnostics.AddWarning("Destroying an Unresolved Campaign", fmt.Sprintf("An earlier apply could not tell "+
			"whether this campaign was created (%s). Destroying looks for it once more: found, it is stopped "+
			"(stop_on_destroy = %t); not found, it is only removed from the state.", pendingName(p), state.StopOnDestroy.ValueBool()))
		return
	}
	switch {
	case client.IsSettled(status):
		return
	case state.StopOnDestroy.ValueBool():
		resp.Diagnostics.AddWarning("Destroying Stops the Campaign",
			fmt.Sprintf("Campaign %s is in status %q. With stop_on_destroy = true, destroying stops it (irreversible): messages not "+
				"yet sent will never be sent. Set stop_on_destroy = false first to only remove it from Terraform.", id, status))
	default:
		resp.Diagnostics.AddWarning("Campaign Keeps Sending",
			fmt.Sprintf("Campaign %s is in status %q and stop_on_destroy = false: destroying only removes it from Terraform, "+
				"and the platform goes on sending.", id, status))
	}
}
