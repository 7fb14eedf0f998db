package campaign

import (
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// FastUpgrade answers UpgradeResourceState for a campaign state
// stored by the current schema version, or returns nil for the framework
// to answer. It does what the framework's passthrough does for a state
// whose version is the schema's (terraform-plugin-framework
// internal/fwserver, UpgradeResourceState): decode the stored JSON against
// the schema's type, ignoring attributes the schema no longer has, and
// send it back; without building the schema's type, the resource and the
// framework's state for every campaign of a plan. Anything else (another
// version, a flatmap state, JSON that does not decode) goes to the
// framework, which also reports the errors.
// TestFastUpgradeMatchesTheFramework holds it to the framework's answer.
func FastUpgrade(req *tfprotov6.UpgradeResourceStateRequest) *tfprotov6.UpgradeResourceStateResponse {
	if req.TypeName != "oneapi_campaign" || req.Version != campaignSchema().Version || req.RawState == nil ||
		len(req.RawState.JSON) == 0 || len(req.RawState.Flatmap) > 0 {
		return nil
	}
	typ := campaignStateType()
	v, err := req.RawState.UnmarshalWithOpts(typ, tfprotov6.UnmarshalOpts{
		ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true},
	})
	if err != nil || v.IsNull() {
		return nil
	}
	state, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		return nil
	}
	return &tfprotov6.UpgradeResourceStateResponse{UpgradedState: &state}
}
