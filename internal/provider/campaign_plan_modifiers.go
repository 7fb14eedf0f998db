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

// startAtPlanModifier exists because start_at accepts two spellings of one
// instant (yyyy-mm-dd hh:mm:ss in UTC, or RFC 3339): only a different
// instant is a change, and that change needs a new campaign.
type startAtPlanModifier struct{}

func (startAtPlanModifier) Description(context.Context) string {
	return "a different start time requires replacement; another spelling of the same instant does not"
}

func (m startAtPlanModifier) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (startAtPlanModifier) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if req.StateValue.IsNull() || req.StateValue.IsUnknown() {
		return
	}
	planned, err1 := normalizeStartAt(req.ConfigValue.ValueString())
	current, err2 := normalizeStartAt(req.StateValue.ValueString())
	if err1 != nil || err2 != nil {
		return
	}
	// A configured value is planned as written (Terraform requires it);
	// only a different instant needs a new campaign.
	if planned != current {
		resp.RequiresReplace = true
	}
}
