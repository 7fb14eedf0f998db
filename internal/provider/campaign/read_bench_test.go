package campaign

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// BenchmarkRefreshedState is Read's in-place refresh of one campaign,
// without the request: the part of ReadResource that refreshRules and
// refreshedFields decide.
func BenchmarkRefreshedState(b *testing.B) {
	ctx := context.Background()
	typ := campaignStateType().(tftypes.Object)
	attrs := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
	}
	attrs["id"], attrs["start_at"] = tftypes.NewValue(tftypes.String, "3000000001"), tftypes.NewValue(tftypes.String, "2026-12-01 09:00:00")
	attrs["calculated_price"], attrs["currency"] = tftypes.NewValue(tftypes.String, "0.02"), tftypes.NewValue(tftypes.String, "USD")
	state := tftypes.NewValue(typ, attrs)
	c := &client.Campaign{ID: 3000000001, Name: "RCS api campaign", Status: "done", MessageType: "rcs",
		StartAt: ptr("2026-12-01 09:00:00"), CalculatedPrice: ptr(json.Number("0.02")), Currency: ptr("USD"),
		CreatedAt: ptr("2026-11-27 10:00:00"), Statistics: client.Statistics{Sent: 5, Delivered: 4}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := refreshedState(ctx, state, c, time.UTC); err != nil {
			b.Fatal(err)
		}
	}
}
