package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"

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

// ValidateConfig checks the rules between attributes: which of them go
// together (exactly one of phones or groups, of rcs text or cards; rcs or
// sms; one validity), that a fallback needs RCS content, and that each
// button has its target. They are checked here, on the configuration's
// values, rather than with the framework-validators path expressions
// (ExactlyOneOf, ConflictsWith, resourcevalidator.Conflicting): those walk
// the schema for every path they match, and were more than half of what
// validating a campaign allocated (BenchmarkRPC/ValidateResourceConfig).
// Unknown values are left alone: they are checked again once known.
func (r *campaignResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config types.Object
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	top := objectAttrs(config)
	d := &resp.Diagnostics

	if recipients := objectAttrs(top["recipients"]); recipients != nil {
		exactlyOne(d, path.Root("recipients").AtName("phones"), recipients["phones"], path.Root("recipients").AtName("groups"), recipients["groups"],
			"a campaign goes either to phone numbers or to contact lists")
	}
	conflicting(d, path.Root("rcs"), top["rcs"], path.Root("sms"), top["sms"],
		"a campaign is either RCS or SMS. For an SMS sent only where RCS cannot be delivered, use sms_fallback with rcs")
	conflicting(d, path.Root("validity_hours"), top["validity_hours"], path.Root("validity_seconds"), top["validity_seconds"],
		"set the validity in hours or in seconds")

	if set(top["sms"]) {
		validateSMSOnly(d, top)
	}
	if recipients := objectAttrs(top["recipients"]); recipients != nil && set(top["rcs"]) {
		if phones, ok := recipients["phones"].(types.Set); ok && set(phones) && len(phones.Elements()) > maxRCSPhones {
			d.AddAttributeError(path.Root("recipients").AtName("phones"), "Too Many Phones",
				fmt.Sprintf("Attribute recipients.phones has %d numbers; an RCS campaign takes at most %d (an SMS campaign %d). "+
					"Split the numbers over several campaigns.", len(phones.Elements()), maxRCSPhones, maxSMSPhones))
		}
	}

	switch fallback := top["sms_fallback"]; {
	case set(fallback) && set(top["sms"]):
		d.AddAttributeError(path.Root("sms_fallback"), "Invalid Attribute Combination",
			"Attribute sms_fallback cannot be set together with sms: the fallback is the SMS sent when an RCS message cannot "+
				"be delivered. For an SMS campaign use the sms block alone.")
	case set(fallback) && isNull(top["rcs"]):
		d.AddAttributeError(path.Root("sms_fallback"), "SMS Fallback Needs RCS Content",
			"Attribute sms_fallback is the SMS sent when an RCS message cannot be delivered; it needs an rcs block. "+
				"For an SMS campaign use the sms block alone.")
	}
	if fallback := objectAttrs(top["sms_fallback"]); fallback != nil {
		p := path.Root("sms_fallback")
		conflicting(d, p.AtName("validity_hours"), fallback["validity_hours"], p.AtName("validity_seconds"), fallback["validity_seconds"],
			"set the validity in hours or in seconds")
	}

	rcs := objectAttrs(top["rcs"])
	if rcs == nil {
		return
	}
	exactlyOne(d, path.Root("rcs").AtName("text"), rcs["text"], path.Root("rcs").AtName("cards"), rcs["cards"],
		"a message is either a text or rich cards")
	for i, card := range listElems(rcs["cards"]) {
		c := objectAttrs(card)
		if c == nil {
			continue
		}
		cp := path.Root("rcs").AtName("cards").AtListIndex(i)
		if isNull(c["text"]) && isNull(c["media_url"]) {
			d.AddAttributeError(cp.AtName("text"), "Missing Attribute Configuration",
				fmt.Sprintf("Attribute %s or %s is required: a card needs a text or a picture or video.", cp.AtName("text"), cp.AtName("media_url")))
		}
		for j, suggestion := range listElems(c["suggestions"]) {
			validateButton(d, cp.AtName("suggestions").AtListIndex(j), objectAttrs(suggestion))
		}
	}
}

// validateSMSOnly refuses what the SMS create endpoints do not take (they
// have no validity_seconds, check_stop_list or add_to_contact_book, so such
// a setting would be stored in state and silently not sent) and checks the
// SMS pages' tariff range.
func validateSMSOnly(d *diag.Diagnostics, top map[string]attr.Value) {
	for _, name := range []string{"validity_seconds", "check_stop_list", "add_to_contact_book"} {
		if set(top[name]) {
			d.AddAttributeError(path.Root(name), "Attribute Not Supported for SMS",
				fmt.Sprintf("Attribute %s cannot be set with sms: the SMS endpoints (POST /api/campaigns/sms/send and "+
					"send-groups) take no %s, so it would not be sent. Remove it%s.", name, name, smsAlternative(name)))
		}
	}
	if code, ok := top["tariff_code"].(types.Int64); ok && set(code) && code.ValueInt64() > 9 {
		d.AddAttributeError(path.Root("tariff_code"), "Invalid SMS Tariff Code",
			fmt.Sprintf("Attribute tariff_code is %d; the SMS pages allow 0 to 9.", code.ValueInt64()))
	}
}

func smsAlternative(name string) string {
	if name == "validity_seconds" {
		return " (validity_hours, 1 to 72, is the SMS validity)"
	}
	return ""
}

// validateButton checks that a button has the target its type needs, and
// only one target.
func validateButton(d *diag.Diagnostics, p path.Path, s map[string]attr.Value) {
	if s == nil {
		return
	}
	conflicting(d, p.AtName("url"), s["url"], p.AtName("phone"), s["phone"], "a button opens a link or dials a number")
	typ, _ := s["type"].(types.String)
	switch {
	case typ.ValueString() == "link" && isNull(s["url"]):
		d.AddAttributeError(p.AtName("url"), "Missing Button Link",
			fmt.Sprintf("Attribute %s is required: a button of type \"link\" needs an http or https link.", p.AtName("url")))
	case typ.ValueString() == "call" && isNull(s["phone"]):
		d.AddAttributeError(p.AtName("phone"), "Missing Button Phone",
			fmt.Sprintf("Attribute %s is required: a button of type \"call\" needs a number of 9 to 15 digits.", p.AtName("phone")))
	}
}

// exactlyOne requires exactly one of two attributes, once both are known.
func exactlyOne(d *diag.Diagnostics, a path.Path, av attr.Value, b path.Path, bv attr.Value, why string) {
	switch {
	case set(av) && set(bv):
		d.AddAttributeError(a, "Invalid Attribute Combination",
			fmt.Sprintf("Attributes %s and %s cannot both be set: %s. Remove one.", a, b, why))
	case isNull(av) && isNull(bv):
		d.AddAttributeError(a, "Missing Attribute Configuration",
			fmt.Sprintf("Exactly one of attributes %s or %s is required: %s.", a, b, why))
	}
}

// conflicting refuses two attributes set together.
func conflicting(d *diag.Diagnostics, a path.Path, av attr.Value, b path.Path, bv attr.Value, why string) {
	if set(av) && set(bv) {
		d.AddAttributeError(a, "Invalid Attribute Combination",
			fmt.Sprintf("Attributes %s and %s cannot both be set: %s.", a, b, why))
	}
}

// set reports a configured value (known, not null); isNull a value known
// to be absent. An unknown value is neither.
func set(v attr.Value) bool    { return v != nil && !v.IsNull() && !v.IsUnknown() }
func isNull(v attr.Value) bool { return v == nil || v.IsNull() }

// objectAttrs returns the attributes of a known, non-null object, or nil.
func objectAttrs(v attr.Value) map[string]attr.Value {
	if o, ok := v.(types.Object); ok && set(o) {
		return o.Attributes()
	}
	return nil
}

// listElems returns the elements of a known, non-null list, or nil.
func listElems(v attr.Value) []attr.Value {
	if l, ok := v.(types.List); ok && set(l) {
		return l.Elements()
	}
	return nil
}

func (r *campaignResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		r.planDestroy(ctx, req, resp)
		return
	}
	if unchangedPlan(ctx, req) {
		return
	}
	var plan campaignResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if req.State.Raw.IsNull() {
		planCreate(plan, r.zone(), time.Now(), resp)
		return
	}
	var state campaignResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	imported, diags := req.Private.GetKey(ctx, privateImported)
	resp.Diagnostics.Append(diags...)
	changed := contentChanges(plan, state, imported != nil, r.zone())
	if startAtChanged(plan, state, r.zone()) && !plan.DesiredState.Equal(types.StringValue(desiredStopped)) {
		// Here rather than in a plan modifier: comparing the instants needs
		// the provider's time_zone, which a schema's modifiers cannot see.
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("start_at"))
	}
	planUpdate(&plan, state, changed, resp)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
	}
}

// unchangedPlan reports a plan that equals the refreshed state and needs
// none of the rules below: most resources of a large configuration, on
// every plan. It skips decoding plan and state into the model, which the
// benchmark showed to be a tenth of the provider's CPU at 1,000 campaigns.
// With plan equal to state, desired_state does not change, so only an
// "active" campaign found paused (renew) or stopped (warning) needs the
// full rules.
func unchangedPlan(ctx context.Context, req resource.ModifyPlanRequest) bool {
	if req.State.Raw.IsNull() || !req.Plan.Raw.Equal(req.State.Raw) {
		return false
	}
	var desired, status types.String
	if req.State.GetAttribute(ctx, path.Root("desired_state"), &desired).HasError() {
		return false
	}
	if desired.ValueString() != desiredActive {
		return true
	}
	if req.State.GetAttribute(ctx, path.Root("status"), &status).HasError() {
		return false
	}
	return status.ValueString() != client.StatusPaused && status.ValueString() != client.StatusStopped
}

// planCreate refuses what cannot be created, before any call. It also
// plans each replacement's new campaign.
func planCreate(plan campaignResourceModel, zone *time.Location, now time.Time, resp *resource.ModifyPlanResponse) {
	if known(plan.StartAt) {
		if start, err := parseAccountTime(plan.StartAt.ValueString(), zone); err == nil {
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
				"set desired_state = \"stopped\".", id, status, pathList(changed), recipientsPhrase(plan.Recipients), replacementStopNote(state)))
		return
	}
	action := runStateActionFor(status, from, to)
	if len(changed) > 0 {
		recordedEditWarning(resp, id, status, changed, action)
	}
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
		resp.Diagnostics.AddWarning("Stopped Campaign Cannot Be Resumed",
			fmt.Sprintf("Campaign %s is stopped, and a stop is irreversible: Terraform cannot make it active again. "+
				"desired_state = \"active\" is recorded and no API call is made. Set desired_state = \"stopped\" to "+
				"match, or send the campaign again as a new one: terraform apply -replace=ADDRESS.", id))
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
	if action == actionNone {
		keepObserved(plan, state)
		return
	}
	markObservedUnknown(plan)
	// The price estimate and its currency are kept from the create answer:
	// a stop or renew does not change them.
	plan.CalculatedPrice, plan.Currency = state.CalculatedPrice, state.Currency
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
func recipientsPhrase(recipients types.Object) string {
	attrs := objectAttrs(recipients)
	if phones, ok := attrs["phones"].(types.Set); ok && set(phones) {
		return fmt.Sprintf("%d phone number(s)", len(phones.Elements()))
	}
	if groups, ok := attrs["groups"].(types.Set); ok && set(groups) {
		return fmt.Sprintf("every member of %d contact list(s)", len(groups.Elements()))
	}
	return "its recipients"
}

// contentChanges lists the content attributes whose change needs a new
// campaign, by the same rule as their plan modifiers (which the framework
// applies separately: a resource's ModifyPlan does not see their verdict).
func contentChanges(plan, state campaignResourceModel, imported bool, zone *time.Location) path.Paths {
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
	if startAtChanged(plan, state, zone) {
		changed = append(changed, path.Root("start_at"))
	}
	return changed
}

// startAtChanged reports a start_at that names another instant than the
// state's; another spelling of the same instant is no change.
func startAtChanged(plan, state campaignResourceModel, zone *time.Location) bool {
	if !known(plan.StartAt) || !known(state.StartAt) {
		return false
	}
	a, errA := normalizeStartAt(plan.StartAt.ValueString(), zone)
	b, errB := normalizeStartAt(state.StartAt.ValueString(), zone)
	return errA == nil && errB == nil && a != b
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
			fmt.Sprintf("Campaign %s is in status %q. With stop_on_destroy = true, destroying stops it (irreversible): messages not "+
				"yet sent will never be sent. Set stop_on_destroy = false first to only remove it from Terraform.", id, status))
	default:
		resp.Diagnostics.AddWarning("Campaign Keeps Sending",
			fmt.Sprintf("Campaign %s is in status %q and stop_on_destroy = false: destroying only removes it from Terraform, "+
				"and the platform goes on sending.", id, status))
	}
}
