package campaign

import (
	"bytes"
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
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
//     is null: the prior value must then be the default;
//   - plan modifiers: UseStateForUnknown has nothing unknown to fill and
//     contentReplacement sees no change; the framework marks computed values
//     unknown only when the plan differs from the state, which it does not;
//   - ModifyPlan: planUpdate acts on an unchanged plan only for
//     desired_state = "active" with status paused (renew) or stopped
//     (warning) (unchangedPlan's condition);
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

// defaultedAttributes are the campaign's attributes with a schema default,
// and the default.
var defaultedAttributes = map[string]tftypes.Value{"stop_on_destroy": tftypes.NewValue(tftypes.Bool, true)}

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
	prior, config, ok := decodeAttrs(req.PriorState, req.Config)
	if !ok || !rulesLeaveUnchanged(prior, config) {
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
// and no rule of ModifyPlan changes.
func rulesLeaveUnchanged(prior, config map[string]tftypes.Value) bool {
	for name, def := range defaultedAttributes {
		if config[name].IsNull() && !prior[name].Equal(def) {
			return false
		}
	}
	var desired, status string
	if !stringAttr(prior["desired_state"], &desired) || !stringAttr(prior["status"], &status) {
		return false
	}
	return desired != desiredActive || (status != client.StatusPaused && status != client.StatusStopped)
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
