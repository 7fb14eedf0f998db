package contactbook

import (
	"context"
	"strings"
	"testing"

	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestContactListDestroyPlanSaysOnlyTheListIsDeleted: the destroy plan
// warns that the API's delete keeps the list's contacts, and that those of
// them that oneapi_contact resources manage go with their resources; a
// create or update plan says nothing.
func TestContactListDestroyPlanSaysOnlyTheListIsDeleted(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	r := &contactListResource{}
	var sresp fwresource.SchemaResponse
	r.Schema(ctx, fwresource.SchemaRequest{}, &sresp)
	typ := sresp.Schema.Type().TerraformType(ctx)
	state := tftypes.NewValue(typ, map[string]tftypes.Value{
		"id": tftypes.NewValue(tftypes.String, "1864620"), "name": tftypes.NewValue(tftypes.String, "VIP"),
		"description": tftypes.NewValue(tftypes.String, nil), "default": tftypes.NewValue(tftypes.Bool, false),
		"created_at": tftypes.NewValue(tftypes.String, "2026-01-01 00:00:00"), "contacts_count": tftypes.NewValue(tftypes.Number, 12),
		"stop_list_count": tftypes.NewValue(tftypes.Number, 0),
	})
	plan := func(raw tftypes.Value) []string {
		req := fwresource.ModifyPlanRequest{
			State: tfsdk.State{Schema: sresp.Schema, Raw: state},
			Plan:  tfsdk.Plan{Schema: sresp.Schema, Raw: raw},
		}
		resp := &fwresource.ModifyPlanResponse{Plan: req.Plan}
		r.ModifyPlan(ctx, req, resp)
		var out []string
		for _, d := range resp.Diagnostics {
			out = append(out, d.Summary()+": "+d.Detail())
		}
		return out
	}
	got := plan(tftypes.NewValue(typ, nil))
	if len(got) != 1 || !strings.Contains(got[0], "Only the Contact List Is Deleted") ||
		!strings.Contains(got[0], "not its 12 contact(s)") || !strings.Contains(got[0], "deleted only when that resource is destroyed too") {
		t.Errorf("destroy plan diagnostics = %q", got)
	}
	if got := plan(state); len(got) != 0 {
		t.Errorf("update plan diagnostics = %q, want none", got)
	}
}
