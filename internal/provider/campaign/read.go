package campaign

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// The refresh writes what the platform reports straight into the state's
// value: decoding the whole state into the model and encoding it back was
// most of Read's cost, and a refresh changes only the observed attributes.
// campaignFromAPI (model.go) is the same mapping on the model, for
// create and update; TestReadInPlaceMatchesTheModel holds the two to the
// same result.

// refreshedState returns state (a whole campaign value) with the observed
// attributes of c written in, by the rules campaignFromAPI follows. zone is the
// account's time zone, in which the API writes start_at.
func refreshedState(ctx context.Context, state tftypes.Value, c *client.Campaign, zone *time.Location) (tftypes.Value, error) {
	var attrs map[string]tftypes.Value
	if err := state.As(&attrs); err != nil {
		return state, err
	}
	o := observe(c)
	set := map[string]attr.Value{
		"id": o.ID, "name": o.Name, "status": o.Status, "message_type": o.MessageType,
		"real_start_at": o.RealStartAt, "finished_at": o.FinishedAt, "created_at": o.CreatedAt,
		"statistics": o.Statistics, "sms_fallback_statistics": o.SMSFallbackStatistics,
	}
	if takesPrice(c, knownValue(attrs["calculated_price"])) {
		set["calculated_price"] = o.CalculatedPrice
	}
	if takesCurrency(c, knownValue(attrs["currency"])) {
		set["currency"] = o.Currency
	}
	var current string
	if knownValue(attrs["start_at"]) {
		_ = attrs["start_at"].As(&current)
	}
	if takesStartAt(c, current, knownValue(attrs["start_at"]), zone) {
		set["start_at"] = o.StartAt
	}
	for name, v := range set {
		tv, err := v.ToTerraformValue(ctx)
		if err != nil {
			return state, err
		}
		attrs[name] = tv
	}
	return tftypes.NewValue(state.Type(), attrs), nil
}

// refreshHint is what the state says for a page-backed refresh
// (client.RefreshCampaign): message_type and created_at as the API wrote
// them; "" when null or unknown (after an import), which makes the read a
// plain GET.
func refreshHint(ctx context.Context, state tfsdk.State) client.RefreshHint {
	var typ, created types.String
	if state.GetAttribute(ctx, path.Root("message_type"), &typ).HasError() ||
		state.GetAttribute(ctx, path.Root("created_at"), &created).HasError() {
		return client.RefreshHint{}
	}
	return client.RefreshHint{Type: typ.ValueString(), CreatedAt: created.ValueString()}
}

// knownValue reports a value that is neither null nor unknown.
func knownValue(v tftypes.Value) bool { return !v.IsNull() && v.IsKnown() }
