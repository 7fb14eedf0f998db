package framework

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// checkedAction has an id, a nested timeout and a rule between them
// (ValidateConfig): what CheckActionConfig runs again.
type checkedAction struct{}

func (checkedAction) Metadata(context.Context, action.MetadataRequest, *action.MetadataResponse) {}
func (checkedAction) Invoke(context.Context, action.InvokeRequest, *action.InvokeResponse)       {}
func (checkedAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id": schema.StringAttribute{Required: true, Validators: []validator.String{IDValidator("campaign")}},
		"timeouts": schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{
			"invoke": schema.StringAttribute{Optional: true, Validators: []validator.String{UTF16LengthUpTo(3)}},
		}},
	}}
}

func (checkedAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	var id string
	if req.Config.GetAttribute(ctx, path.Root("id"), &id); id == "13" {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Unlucky Id", "13 is refused.")
	}
}

func TestCheckActionConfig(t *testing.T) {
	ctx := context.Background()
	var s action.SchemaResponse
	checkedAction{}.Schema(ctx, action.SchemaRequest{}, &s)
	timeoutsType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"invoke": tftypes.String}}
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String, "timeouts": timeoutsType}}
	config := func(id, invoke any) tfsdk.Config {
		timeouts := tftypes.NewValue(timeoutsType, nil)
		if invoke != nil {
			timeouts = tftypes.NewValue(timeoutsType, map[string]tftypes.Value{"invoke": tftypes.NewValue(tftypes.String, invoke)})
		}
		return tfsdk.Config{Schema: s.Schema, Raw: tftypes.NewValue(typ, map[string]tftypes.Value{
			"id": tftypes.NewValue(tftypes.String, id), "timeouts": timeouts})}
	}
	for _, c := range []struct {
		name   string
		config tfsdk.Config
		want   []string // "path: summary"
	}{
		{"valid", config("42", "10m"), nil},
		{"unknown values are left for later", config(tftypes.UnknownValue, tftypes.UnknownValue), nil},
		{"a bad id", config("abc", nil), []string{"id: Invalid Campaign Id"}},
		{"a nested value", config("42", "1000m"), []string{"timeouts.invoke: Invalid Text Length"}},
		{"ValidateConfig", config("13", nil), []string{"id: Unlucky Id"}},
		{"all of them, in the order of their names", config("abc", "1000m"), []string{"id: Invalid Campaign Id", "timeouts.invoke: Invalid Text Length"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := summaries(CheckActionConfig(ctx, checkedAction{}, c.config))
			if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
				t.Errorf("diagnostics %q, want %q", got, c.want)
			}
		})
	}
}

func summaries(diags diag.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		p := ""
		if wp, ok := d.(diag.DiagnosticWithPath); ok {
			p = wp.Path().String()
		}
		out = append(out, p+": "+d.Summary())
	}
	return out
}

// numberAction has a setting CheckActionConfig cannot check yet.
type numberAction struct{ checkedAction }

func (numberAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{"count": schema.Int64Attribute{Optional: true}}}
}

// TestCheckActionConfigRefusesWhatItCannotCheck: a setting of a kind it
// does not check is an internal error, not a setting silently unchecked.
func TestCheckActionConfigRefusesWhatItCannotCheck(t *testing.T) {
	ctx := context.Background()
	var s action.SchemaResponse
	numberAction{}.Schema(ctx, action.SchemaRequest{}, &s)
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"count": tftypes.Number}}
	config := tfsdk.Config{Schema: s.Schema, Raw: tftypes.NewValue(typ, map[string]tftypes.Value{"count": tftypes.NewValue(tftypes.Number, 3)})}
	if got := summaries(CheckActionConfig(ctx, numberAction{}, config)); strings.Join(got, "; ") != "count: Action Setting Not Checked" {
		t.Errorf("diagnostics %q, want the internal error on count", got)
	}
}
