package framework

// Terraform validates an action's configuration (ValidateActionConfig)
// once, in its validate walk, where variables and other resources'
// attributes are unknown, and never again: a value known only later would
// reach PlanAction (a variable's) or InvokeAction (an attribute known once
// its resource is applied) unchecked, and a request could be sent with it.
// CheckActionConfig runs the very same checks again on the values the plan
// and the invoke see, so that a setting fails as soon as it is known, with
// the error it has as a literal.

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// CheckActionConfig checks the known values of an action's config as
// ValidateActionConfig does: the validators of its string attributes (at
// the top level and within single nested attributes, such as timeouts, and
// the elements of list nested ones),
// its ConfigValidators and its ValidateConfig. An action calls it from
// ModifyPlan (a value known at plan fails the plan) and first in Invoke,
// before any request, keeping only its errors there: a warning was given
// at plan already when the value was known there, and Terraform would
// print it once more for each time it is given.
func CheckActionConfig(ctx context.Context, a action.Action, config tfsdk.Config) diag.Diagnostics {
	var s action.SchemaResponse
	a.Schema(ctx, action.SchemaRequest{}, &s)
	diags := s.Diagnostics
	checkStrings(ctx, config, path.Empty(), s.Schema.Attributes, &diags)
	if v, ok := a.(action.ActionWithConfigValidators); ok {
		for _, cv := range v.ConfigValidators(ctx) {
			var resp action.ValidateConfigResponse
			cv.ValidateAction(ctx, action.ValidateConfigRequest{Config: config}, &resp)
			diags.Append(resp.Diagnostics...)
		}
	}
	if v, ok := a.(action.ActionWithValidateConfig); ok {
		var resp action.ValidateConfigResponse
		v.ValidateConfig(ctx, action.ValidateConfigRequest{Config: config}, &resp)
		diags.Append(resp.Diagnostics...)
	}
	return diags
}

// checkStrings runs the validators of the string attributes among attrs
// (under parent) on their known values, in the order of their names; an
// attribute of another kind is an internal error, so that none is left
// unchecked unnoticed.
func checkStrings(ctx context.Context, config tfsdk.Config, parent path.Path, attrs map[string]schema.Attribute, diags *diag.Diagnostics) {
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		p := parent.AtName(name)
		switch at := attrs[name].(type) {
		case schema.SingleNestedAttribute:
			checkStrings(ctx, config, p, at.Attributes, diags)
		case schema.ListNestedAttribute:
			var l types.List
			if ds := config.GetAttribute(ctx, p, &l); ds.HasError() || !Known(l) {
				diags.Append(ds...)
				continue
			}
			for i := range l.Elements() {
				checkStrings(ctx, config, p.AtListIndex(i), at.NestedObject.Attributes, diags)
			}
		case schema.StringAttribute:
			var v types.String
			if ds := config.GetAttribute(ctx, p, &v); ds.HasError() || !Known(v) {
				diags.Append(ds...)
				continue
			}
			for _, check := range at.Validators {
				var resp validator.StringResponse
				check.ValidateString(ctx, validator.StringRequest{Path: p, PathExpression: p.Expression(), Config: config, ConfigValue: v}, &resp)
				diags.Append(resp.Diagnostics...)
			}
		default:
			// Every action's setting is a string today; a new kind must be
			// taught here, or its validators would run at validation only.
			diags.AddAttributeError(p, "Action Setting Not Checked", fmt.Sprintf("Internal error: the provider "+
				"cannot check an action setting of type %T once it is known. Please report this issue.", at))
		}
	}
}
