package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
)

// Content attributes (recipients, rcs, sms, sms_fallback, validity, tariff
// and the options) describe messages that were already sent: changing them
// needs a new campaign, so they require replacement. Three exceptions: an
// imported campaign adopts the content its configuration gives (state null
// -> value) without replacement, and removing content from the
// configuration only forgets it, because the API does not return content;
// and with desired_state = "stopped" ("this resource sends nothing more")
// an edit is recorded, never sent.

// privateImported marks, in private state, a campaign that came in by import.
const privateImported = "imported"

// privateNotFound marks, in private state, a campaign the last refresh did
// not find (404): it stays in state as last seen, and destroying it makes
// no call.
const privateNotFound = "not_found"

func contentNeedsReplace(imported bool, stateNull, planNull bool) bool {
	if planNull {
		return false
	}
	return !stateNull || !imported
}

// sendsNothingMore reports a plan with desired_state = "stopped": its
// content edits are recorded, not sent.
func sendsNothingMore(ctx context.Context, plan tfsdk.Plan) bool {
	var desired types.String
	if plan.GetAttribute(ctx, path.Root("desired_state"), &desired).HasError() {
		return false
	}
	return desired.ValueString() == desiredStopped
}

func contentPlanModifiers() []planmodifier.Object {
	return []planmodifier.Object{objectplanmodifier.RequiresReplaceIf(
		func(ctx context.Context, req planmodifier.ObjectRequest, resp *objectplanmodifier.RequiresReplaceIfFuncResponse) {
			imported, _ := req.Private.GetKey(ctx, privateImported)
			resp.RequiresReplace = contentNeedsReplace(imported != nil, req.StateValue.IsNull(), req.PlanValue.IsNull()) &&
				!sendsNothingMore(ctx, req.Plan)
		},
		"Changing the content sends a new campaign: the old one is stopped (stop_on_destroy) and replaced.",
		"Changing the content sends a new campaign: the old one is stopped (`stop_on_destroy`) and replaced.",
	)}
}

func contentInt64PlanModifiers() []planmodifier.Int64 {
	return []planmodifier.Int64{int64planmodifier.RequiresReplaceIf(
		func(ctx context.Context, req planmodifier.Int64Request, resp *int64planmodifier.RequiresReplaceIfFuncResponse) {
			imported, _ := req.Private.GetKey(ctx, privateImported)
			resp.RequiresReplace = contentNeedsReplace(imported != nil, req.StateValue.IsNull(), req.PlanValue.IsNull()) &&
				!sendsNothingMore(ctx, req.Plan)
		},
		"Changing it sends a new campaign (replacement).", "Changing it sends a new campaign (replacement).",
	)}
}

func contentBoolPlanModifiers() []planmodifier.Bool {
	return []planmodifier.Bool{boolplanmodifier.RequiresReplaceIf(
		func(ctx context.Context, req planmodifier.BoolRequest, resp *boolplanmodifier.RequiresReplaceIfFuncResponse) {
			imported, _ := req.Private.GetKey(ctx, privateImported)
			resp.RequiresReplace = contentNeedsReplace(imported != nil, req.StateValue.IsNull(), req.PlanValue.IsNull()) &&
				!sendsNothingMore(ctx, req.Plan)
		},
		"Changing it sends a new campaign (replacement).", "Changing it sends a new campaign (replacement).",
	)}
}
