package campaign

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The fast path of a campaign's plan: most campaigns of a large
// configuration plan no change on most runs, and for them the framework's
// PlanResourceChange (decoding the values, running every plan modifier and
// ModifyPlan, encoding the plan) returns the prior state unchanged. This
// answers them below the framework, from the request's bytes.
//
// It answers only when every rule of the campaign's plan is known to leave
// the prior state as it is. The rules, read from the code:
//   - create and destroy (a null prior or proposed state) go to the framework;
//   - a proposed new state other than the prior state (a change, unknown
//     values) goes to the framework: the comparison is of the encoded bytes,
//     so a doubt always takes the slow path;
//   - schema defaults (stop_on_destroy's true) apply where the configuration
//     is null: the prior value must then be the default, read from the
//     schema (schemaDefaults);
//   - plan modifiers: UseStateForUnknown has nothing unknown to fill and
//     contentReplacement sees no change; the framework marks computed values
//     unknown only when the plan differs from the state, which it does not;
//   - ModifyPlan: planUpdate acts on an unchanged plan only for
//     desired_state = "active" with status paused (renew) or stopped
//     (warning): unchangedNeedsRules (plan.go), which unchangedPlan asks too;
//   - the identity is passed through (the framework's default). Without a
//     prior identity (Terraform 1.11 and older never send one; 1.12 and
//     later not for a state written before identities until its refresh)
//     the framework plans a null identity, and so does this: Read, Create,
//     Update and ImportState write the id into it, the plan never does;
//   - private state is passed through, when the framework would write the
//     same bytes (its own encoding: a JSON object of base64 values); a
//     pending create (pending.go) always plans an update.
//
// TestFastPlanMatchesTheFramework runs both over a generated corpus and
// requires identical answers: a new plan rule the fast path does not know
// makes it fail.

// campaignSchema is the campaign's schema, built once for the fast paths.
var campaignSchema = sync.OnceValue(func() schema.Schema {
	var resp resource.SchemaResponse
	(&campaignResource{}).Schema(context.Background(), resource.SchemaRequest{}, &resp)
	return resp.Schema
})

// campaignStateType is the campaign's state type, for decoding requests.
var campaignStateType = sync.OnceValue(func() tftypes.Type {
	return campaignSchema().Type().TerraformType(context.Background())
})

// campaignDefaults are the campaign's attributes with a schema default,
// and the default, read from the schema (schemaDefaults). An error (a
// default the fast path cannot check) sends every plan to the framework;
// TestSchemaDefaultsOfTheCampaign fails on it.
var campaignDefaults = sync.OnceValues(func() (map[string]tftypes.Value, error) {
	return schemaDefaults(context.Background(), campaignSchema())
})

// FastPlan answers PlanResourceChange for an unchanged campaign, or
// returns nil for the framework to answer.
func FastPlan(req *tfprotov6.PlanResourceChangeRequest) *tfprotov6.PlanResourceChangeResponse {
	if req.TypeName != "oneapi_campaign" {
		return nil
	}
	resp := fastPlan(req)
	switch {
	case resp == nil:
		fastPlans.declined.Add(1)
	case req.PriorIdentity == nil || req.PriorIdentity.IdentityData == nil:
		fastPlans.withoutIdentity.Add(1)
	default:
		fastPlans.withIdentity.Add(1)
	}
	return resp
}

// fastPlans counts the campaign plans FastPlan answered, with and without
// a prior identity, and those it left to the framework: the tests that
// run a Terraform CLI show the fast path taken by them.
var fastPlans struct{ withIdentity, withoutIdentity, declined atomic.Int64 }

// fastPlan is FastPlan for a campaign.
func fastPlan(req *tfprotov6.PlanResourceChangeRequest) *tfprotov6.PlanResourceChangeResponse {
	if req.PriorState == nil || req.ProposedNewState == nil || req.Config == nil ||
		len(req.PriorState.MsgPack) == 0 || !bytes.Equal(req.PriorState.MsgPack, req.ProposedNewState.MsgPack) ||
		!canonicalPrivate(req.PriorPrivate) || bytes.Contains(req.PriorPrivate, []byte(`"`+privatePendingCreate+`"`)) {
		return nil
	}
	identity, ok := plannedIdentity(req.PriorIdentity)
	if !ok {
		return nil
	}
	defaults, err := campaignDefaults()
	if err != nil {
		return nil
	}
	prior, config, ok := decodeAttrs(req.PriorState, req.Config)
	if !ok || !rulesLeaveUnchanged(prior, config, defaults) {
		return nil
	}
	resp := &tfprotov6.PlanResourceChangeResponse{PlannedState: req.ProposedNewState, PlannedIdentity: identity}
	if len(req.PriorPrivate) > 0 {
		resp.PlannedPrivate = req.PriorPrivate
	}
	return resp
}

// plannedIdentity is the identity the framework plans for an unchanged
// campaign: the prior one as sent, or a null one where Terraform sent
// none (terraform-plugin-framework v1.19, internal/fwserver
// PlanResourceChange, pre-populates a null identity and plans it). A
// prior identity not in MessagePack (which the framework would re-encode)
// goes to the framework.
func plannedIdentity(prior *tfprotov6.ResourceIdentityData) (*tfprotov6.ResourceIdentityData, bool) {
	if prior == nil || prior.IdentityData == nil {
		return &tfprotov6.ResourceIdentityData{IdentityData: &tfprotov6.DynamicValue{MsgPack: nullIdentity()}}, true
	}
	if len(prior.IdentityData.MsgPack) == 0 || len(prior.IdentityData.JSON) > 0 {
		return nil, false
	}
	return &tfprotov6.ResourceIdentityData{IdentityData: prior.IdentityData}, true
}

// nullIdentity is a null campaign identity, encoded as the framework
// encodes it.
var nullIdentity = sync.OnceValue(func() []byte {
	var resp resource.IdentitySchemaResponse
	(&campaignResource{}).IdentitySchema(context.Background(), resource.IdentitySchemaRequest{}, &resp)
	typ := resp.IdentitySchema.Type().TerraformType(context.Background())
	v, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, nil))
	if err != nil {
		panic(err) // a null object always encodes
	}
	return v.MsgPack
})

// decodeAttrs decodes a fully known prior state and a configuration into
// their attributes.
func decodeAttrs(priorState, configValue *tfprotov6.DynamicValue) (prior, config map[string]tftypes.Value, ok bool) {
	typ := campaignStateType()
	p, err := priorState.Unmarshal(typ)
	if err != nil || p.IsNull() || !p.IsFullyKnown() || p.As(&prior) != nil {
		return nil, nil, false
	}
	c, err := configValue.Unmarshal(typ)
	if err != nil || c.IsNull() || c.As(&config) != nil {
		return nil, nil, false
	}
	return prior, config, true
}

// rulesLeaveUnchanged reports an unchanged campaign that no schema default
// (defaults: where the configuration is null, the framework plans the
// default) and no rule of ModifyPlan (unchangedNeedsRules) changes.
func rulesLeaveUnchanged(prior, config, defaults map[string]tftypes.Value) bool {
	for name, def := range defaults {
		if config[name].IsNull() && !prior[name].Equal(def) {
			return false
		}
	}
	var desired, status string
	if !stringAttr(prior["desired_state"], &desired) || !stringAttr(prior["status"], &status) {
		return false
	}
	return !unchangedNeedsRules(desired, status)
}

// stringAttr reads a known string or null (as "") into dst.
func stringAttr(v tftypes.Value, dst *string) bool {
	if v.IsNull() {
		*dst = ""
		return true
	}
	return v.As(dst) == nil
}

// canonicalPrivate reports private state the framework would write back
// byte for byte: none, or a JSON object of base64 values, each valid
// JSON, in the order json.Marshal writes.
func canonicalPrivate(private []byte) bool {
	if len(private) == 0 {
		return true
	}
	var m map[string][]byte
	if json.Unmarshal(private, &m) != nil || len(m) == 0 {
		return false
	}
	for _, v := range m {
		if len(v) == 0 || !json.Valid(v) {
			return false
		}
	}
	again, err := json.Marshal(m)
	return err == nil && bytes.Equal(again, private)
}

// schemaDefaults reads the schema's defaults: each top-level attribute
// with a Default, and the value the framework plans where the
// configuration is null (terraform-plugin-framework v1.19,
// internal/fwschemadata TransformDefaults, which asks the same Default
// with the attribute's path). A default inside a nested attribute or a
// block is an error: the fast path compares top-level values only.
func schemaDefaults(ctx context.Context, s schema.Schema) (map[string]tftypes.Value, error) {
	out := map[string]tftypes.Value{}
	for name, a := range s.Attributes {
		if err := nestedDefault(ctx, path.Root(name), a, nil); err != nil {
			return nil, err
		}
		v, err := attributeDefault(ctx, path.Root(name), a)
		if err != nil || v == nil {
			if err != nil {
				return nil, err
			}
			continue
		}
		if out[name], err = v.ToTerraformValue(ctx); err != nil {
			return nil, err
		}
	}
	for name, b := range s.Blocks {
		if err := nestedDefault(ctx, path.Root(name), nil, b); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// nestedDefault is an error naming the first default inside attribute a
// or block b (one of them nil), or nil when there is none.
func nestedDefault(ctx context.Context, p path.Path, a schema.Attribute, b schema.Block) error {
	var attrs map[string]schema.Attribute
	var blocks map[string]schema.Block
	switch n := a.(type) {
	case schema.SingleNestedAttribute:
		attrs = n.Attributes
	case schema.ListNestedAttribute:
		attrs = n.NestedObject.Attributes
	case schema.SetNestedAttribute:
		attrs = n.NestedObject.Attributes
	case schema.MapNestedAttribute:
		attrs = n.NestedObject.Attributes
	}
	switch n := b.(type) {
	case schema.SingleNestedBlock:
		attrs, blocks = n.Attributes, n.Blocks
	case schema.ListNestedBlock:
		attrs, blocks = n.NestedObject.Attributes, n.NestedObject.Blocks
	case schema.SetNestedBlock:
		attrs, blocks = n.NestedObject.Attributes, n.NestedObject.Blocks
	}
	for name, inner := range attrs {
		if v, err := attributeDefault(ctx, p.AtName(name), inner); err != nil || v != nil {
			return fmt.Errorf("%s has a default, which plan_fast.go (schemaDefaults) does not check: only top-level defaults are", p.AtName(name))
		}
		if err := nestedDefault(ctx, p.AtName(name), inner, nil); err != nil {
			return err
		}
	}
	for name, inner := range blocks {
		if err := nestedDefault(ctx, p.AtName(name), nil, inner); err != nil {
			return err
		}
	}
	return nil
}

// attributeDefault is the value attribute a's Default plans at p, or nil
// when it has none.
func attributeDefault(ctx context.Context, p path.Path, a schema.Attribute) (attr.Value, error) {
	var v attr.Value
	var diags diag.Diagnostics
	switch a := a.(type) {
	case interface{ BoolDefaultValue() defaults.Bool }:
		if d := a.BoolDefaultValue(); d != nil {
			var r defaults.BoolResponse
			d.DefaultBool(ctx, defaults.BoolRequest{Path: p}, &r)
			v, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ StringDefaultValue() defaults.String }:
		if d := a.StringDefaultValue(); d != nil {
			var r defaults.StringResponse
			d.DefaultString(ctx, defaults.StringRequest{Path: p}, &r)
			v, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ Int64DefaultValue() defaults.Int64 }:
		if d := a.Int64DefaultValue(); d != nil {
			var r defaults.Int64Response
			d.DefaultInt64(ctx, defaults.Int64Request{Path: p}, &r)
			v, diags = r.PlanValue, r.Diagnostics
		}
	default:
		v, diags = numberDefault(ctx, p, a)
	}
	if diags.HasError() {
		return nil, fmt.Errorf("the default of %s: %s", p, diags[0].Detail())
	}
	return v, nil
}

// numberDefault is attributeDefault for the other numbers (int32,
// float64, float32, number), then the collections.
func numberDefault(ctx context.Context, p path.Path, a schema.Attribute) (v attr.Value, diags diag.Diagnostics) {
	switch a := a.(type) {
	case interface{ Int32DefaultValue() defaults.Int32 }:
		if d := a.Int32DefaultValue(); d != nil {
			var r defaults.Int32Response
			d.DefaultInt32(ctx, defaults.Int32Request{Path: p}, &r)
			v, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ Float64DefaultValue() defaults.Float64 }:
		if d := a.Float64DefaultValue(); d != nil {
			var r defaults.Float64Response
			d.DefaultFloat64(ctx, defaults.Float64Request{Path: p}, &r)
			v, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ Float32DefaultValue() defaults.Float32 }:
		if d := a.Float32DefaultValue(); d != nil {
			var r defaults.Float32Response
			d.DefaultFloat32(ctx, defaults.Float32Request{Path: p}, &r)
			v, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ NumberDefaultValue() defaults.Number }:
		if d := a.NumberDefaultValue(); d != nil {
			var r defaults.NumberResponse
			d.DefaultNumber(ctx, defaults.NumberRequest{Path: p}, &r)
			v, diags = r.PlanValue, r.Diagnostics
		}
	default:
		v, diags = collectionDefault(ctx, p, a)
	}
	return v, diags
}

// collectionDefault is attributeDefault for the attributes holding other
// values (list, set, map, object, dynamic).
func collectionDefault(ctx context.Context, p path.Path, a schema.Attribute) (v attr.Value, diags diag.Diagnostics) {
	switch a := a.(type) {
	case interface{ ListDefaultValue() defaults.List }:
		if d := a.ListDefaultValue(); d != nil {
			var r defaults.ListResponse
			d.DefaultList(ctx, defaults.ListRequest{Path: p}, &r)
			v, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ SetDefaultValue() defaults.Set }:
		if d := a.SetDefaultValue(); d != nil {
			var r defaults.SetResponse
			d.DefaultSet(ctx, defaults.SetRequest{Path: p}, &r)
			v, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ MapDefaultValue() defaults.Map }:
		if d := a.MapDefaultValue(); d != nil {
			var r defaults.MapResponse
			d.DefaultMap(ctx, defaults.MapRequest{Path: p}, &r)
			v, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ ObjectDefaultValue() defaults.Object }:
		if d := a.ObjectDefaultValue(); d != nil {
			var r defaults.ObjectResponse
			d.DefaultObject(ctx, defaults.ObjectRequest{Path: p}, &r)
			v, diags = r.PlanValue, r.Diagnostics
		}
	case interface{ DynamicDefaultValue() defaults.Dynamic }:
		if d := a.DynamicDefaultValue(); d != nil {
			var r defaults.DynamicResponse
			d.DefaultDynamic(ctx, defaults.DynamicRequest{Path: p}, &r)
			v, diags = r.PlanValue, r.Diagnostics
		}
	}
	return v, diags
}
