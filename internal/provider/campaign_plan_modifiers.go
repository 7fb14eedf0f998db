package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
)

// Content attributes (recipients, rcs, sms, sms_fallback, validity, tariff
// and the options) describe messages that were already sent: changing them
// needs a new campaign, so they require replacement. Two exceptions exist
// because the API does not return content: an imported campaign adopts the
// content its configuration gives (state null -> value) without replacement,
// and removing content from the configuration only forgets it.

// privateImported marks, in private state, a campaign that came in by import.
const privateImported = "imported"

func contentNeedsReplace(imported bool, stateNull, planNull bool) bool {
	if planNull {
		return false
	}
	return !stateNull || !imported
}

func contentPlanModifiers() []planmodifier.Object {
	return []planmodifier.Object{objectplanmodifier.RequiresReplaceIf(
		func(ctx context.Context, req planmodifier.ObjectRequest, resp *objectplanmodifier.RequiresReplaceIfFuncResponse) {
			imported, _ := req.Private.GetKey(ctx, privateImported)
			resp.RequiresReplace = contentNeedsReplace(imported != nil, req.StateValue.IsNull(), req.PlanValue.IsNull())
		},
		"Changing the content sends a new campaign: the old one is stopped (stop_on_destroy) and replaced.",
		"Changing the content sends a new campaign: the old one is stopped (`stop_on_destroy`) and replaced.",
	)}
}

func contentInt64PlanModifiers() []planmodifier.Int64 {
	return []planmodifier.Int64{int64planmodifier.RequiresReplaceIf(
		func(ctx context.Context, req planmodifier.Int64Request, resp *int64planmodifier.RequiresReplaceIfFuncResponse) {
			imported, _ := req.Private.GetKey(ctx, privateImported)
			resp.RequiresReplace = contentNeedsReplace(imported != nil, req.StateValue.IsNull(), req.PlanValue.IsNull())
		},
		"Changing it sends a new campaign (replacement).", "Changing it sends a new campaign (replacement).",
	)}
}

func contentBoolPlanModifiers() []planmodifier.Bool {
	return []planmodifier.Bool{boolplanmodifier.RequiresReplaceIf(
		func(ctx context.Context, req planmodifier.BoolRequest, resp *boolplanmodifier.RequiresReplaceIfFuncResponse) {
			imported, _ := req.Private.GetKey(ctx, privateImported)
			resp.RequiresReplace = contentNeedsReplace(imported != nil, req.StateValue.IsNull(), req.PlanValue.IsNull())
		},
		"Changing it sends a new campaign (replacement).", "Changing it sends a new campaign (replacement).",
	)}
}
