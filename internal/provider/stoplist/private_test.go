package stoplist_test

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestStopList_unreadableImportRecordDetachesNothing drives the provider
// server as Terraform does, without the CLI: a resource with A, B and C on
// the sms stop list whose private record of an import cannot be read. A
// plan and an apply that drop B and C fail with "Unreadable Private State"
// instead of taking B and C off the stop list (they may be imported
// phones, which an update forgets): no detach is sent.
func TestStopList_unreadableImportRecordDetachesNothing(t *testing.T) {
	h := acctest.NewRPCHarness(t)
	ctx := context.Background()
	schemas, err := h.Srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	typ := schemas.ResourceSchemas["oneapi_stop_list_entries"].ValueType()
	value := func(config bool, phones ...string) *tfprotov6.DynamicValue {
		set := make([]tftypes.Value, len(phones))
		for i, p := range phones {
			set[i] = tftypes.NewValue(tftypes.String, p)
		}
		id, detach := tftypes.NewValue(tftypes.String, "sms"), tftypes.NewValue(tftypes.Bool, false)
		if config {
			id, detach = tftypes.NewValue(tftypes.String, nil), tftypes.NewValue(tftypes.Bool, nil)
		}
		return acctest.DynamicValue(t, typ, tftypes.NewValue(typ, map[string]tftypes.Value{
			"id": id, "channel": tftypes.NewValue(tftypes.String, "sms"),
			"phones": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, set), "detach_on_destroy": detach,
		}))
	}
	created, err := h.Srv.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: "oneapi_stop_list_entries",
		PriorState: acctest.DynamicValue(t, typ, tftypes.NewValue(typ, nil)), PlannedState: value(false, phoneA, phoneB, phoneC),
		Config: value(true, phoneA, phoneB, phoneC)})
	acctest.RequireNoDiagnostics(t, "create", err, created.Diagnostics)
	h.Sandbox.ResetCounters()

	private := []byte(`{"imported_phones":"` + base64.StdEncoding.EncodeToString([]byte(`{"phones":"not a list"}`)) + `"}`)
	unreadable := func(rpc string, err error, diags []*tfprotov6.Diagnostic) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityError || diags[0].Summary != "Unreadable Private State" ||
			!strings.HasPrefix(diags[0].Detail, "The record of the phones an import took could not be read") {
			t.Errorf("%s: want one error Unreadable Private State, got %d diagnostic(s)", rpc, len(diags))
			for _, d := range diags {
				t.Logf("%s: %s", d.Summary, d.Detail)
			}
		}
	}
	planned, err := h.Srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: "oneapi_stop_list_entries",
		PriorState: value(false, phoneA, phoneB, phoneC), ProposedNewState: value(false, phoneA), Config: value(true, phoneA),
		PriorPrivate: private})
	unreadable("plan", err, planned.Diagnostics)
	applied, err := h.Srv.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: "oneapi_stop_list_entries",
		PriorState: value(false, phoneA, phoneB, phoneC), PlannedState: value(false, phoneA), Config: value(true, phoneA),
		PlannedPrivate: private})
	unreadable("apply", err, applied.Diagnostics)
	if n := h.Sandbox.Count("POST /api/stoplist/detach") + h.Sandbox.Count("POST /api/stoplist/attach"); n != 0 {
		t.Errorf("%d stop list writes sent, want 0", n)
	}
	for _, p := range []string{phoneA, phoneB, phoneC} {
		if !h.Sandbox.StopListed(p, "sms") {
			t.Errorf("%s was taken off the sms stop list", p)
		}
	}
}
