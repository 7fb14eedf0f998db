package campaign

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// TestReadInPlaceMatchesTheModel refreshes a generated corpus of states with
// a generated corpus of API answers, once through the model
// (campaignFromAPI, as create and update do) and once in place (Read's
// refreshedState): the states must be identical. Both follow
// refreshedFields; this holds their two ways of reading the current value
// and writing the new one to the same result.
func TestReadInPlaceMatchesTheModel(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var sresp resource.SchemaResponse
	(&campaignResource{}).Schema(ctx, resource.SchemaRequest{}, &sresp)
	schema := sresp.Schema
	typ := schema.Type().TerraformType(ctx).(tftypes.Object)
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	str := func(s *string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

	var states []tftypes.Value
	for _, startAt := range []*string{nil, ptr("2026-12-01 09:00:00"), ptr("2026-12-01T09:00:00+02:00"), ptr("not a time")} {
		for _, price := range []*json.Number{nil, ptr(json.Number("0")), ptr(json.Number("0.02"))} {
			for _, currency := range []*string{nil, ptr("USD")} {
				for _, observed := range []bool{false, true} {
					attrs := map[string]tftypes.Value{}
					for name, at := range typ.AttributeTypes {
						attrs[name] = tftypes.NewValue(at, nil)
					}
					attrs["id"], attrs["stop_on_destroy"] = str(ptr("3000000001")), tftypes.NewValue(tftypes.Bool, true)
					attrs["start_at"], attrs["calculated_price"], attrs["currency"] = str(startAt), str((*string)(price)), str(currency)
					attrs["desired_state"] = str(ptr("active"))
					if observed {
						attrs["status"], attrs["name"], attrs["message_type"] = str(ptr("sending")), str(ptr("old name")), str(ptr("rcs"))
						attrs["statistics"] = tftypes.NewValue(typ.AttributeTypes["statistics"], map[string]tftypes.Value{
							"sent": tftypes.NewValue(tftypes.Number, 1), "delivered": tftypes.NewValue(tftypes.Number, 0)})
					}
					states = append(states, tftypes.NewValue(typ, attrs))
				}
			}
		}
	}
	var answers []*client.Campaign
	for _, startAt := range []*string{nil, ptr("2026-12-01 09:00:00"), ptr("2026-12-01 07:00:00"), ptr("2026-12-01 16:00:00")} {
		for _, price := range []*json.Number{nil, ptr(json.Number("0")), ptr(json.Number("0.0")), ptr(json.Number("0.05"))} {
			for _, currency := range []*string{nil, ptr("EUR")} {
				for _, fallback := range []bool{false, true} {
					c := &client.Campaign{ID: 3000000001, Name: "RCS api campaign", Sender: "agent", Status: "done", MessageType: "rcs",
						StartAt: startAt, CalculatedPrice: price, Currency: currency, CreatedAt: ptr("2026-11-27 10:00:00"),
						Statistics: client.Statistics{Sent: 5, Delivered: 4}}
					if fallback {
						c.RealStartAt, c.FinishedAt = ptr("2026-12-01 09:00:01"), ptr("2026-12-01 09:05:00")
						c.AlternativeChannels = &client.AlternativeChannels{SMS: &client.ChannelStatistics{Statistics: client.Statistics{Sent: 1}}}
					}
					answers = append(answers, c)
				}
			}
		}
	}
	compared := 0
	for _, zone := range []*time.Location{time.UTC, tokyo} {
		for si, state := range states {
			for ai, c := range answers {
				var m campaignResourceModel
				if diags := getCampaign(ctx, tfsdk.State{Schema: schema, Raw: state}, &m); diags.HasError() {
					t.Fatal(diags)
				}
				campaignFromAPI(c, &m, zone)
				viaModel := tfsdk.State{Schema: schema, Raw: state}
				if diags := setCampaign(ctx, &viaModel, m); diags.HasError() {
					t.Fatal(diags)
				}
				inPlace, err := refreshedState(ctx, state, c, zone)
				if err != nil {
					t.Fatal(err)
				}
				if !inPlace.Equal(viaModel.Raw) {
					diffs, _ := inPlace.Diff(viaModel.Raw)
					t.Errorf("%s, state %d, answer %d: in place differs from the model: %v", zone, si, ai, fmt.Sprint(diffs))
				}
				compared++
			}
		}
	}
	t.Logf("%d refreshes compared", compared)
}

// TestRefreshedFields: a refresh writes every attribute the platform
// reports that the resource has, each rule of refreshRules applies to one
// of them, and a mismatch between the two structs or a rule for an
// attribute a refresh does not write is an error naming read.go.
func TestRefreshedFields(t *testing.T) {
	t.Parallel()
	fields := refreshedFields()
	written, ruled := map[string]bool{}, 0
	for _, f := range fields {
		written[f.name] = true
		if f.takes != nil {
			ruled++
		}
	}
	for _, name := range []string{"id", "status", "statistics", "start_at", "calculated_price", "currency"} {
		if !written[name] {
			t.Errorf("a refresh does not write %s: %v", name, fields)
		}
	}
	if written["sender"] || written["desired_state"] || ruled != len(refreshRules) {
		t.Errorf("a refresh writes %v, %d of them by a rule", written, ruled)
	}

	type observed struct {
		A types.String `tfsdk:"a"`
		B types.String `tfsdk:"b"`
		C types.String `tfsdk:"c"`
	}
	type model struct {
		C types.String `tfsdk:"c"`
		X types.Bool   `tfsdk:"x"`
		A types.String `tfsdk:"a"`
	}
	always := func(*client.Campaign, string, bool, *time.Location) bool { return true }
	got, err := matchRefreshedFields(reflect.TypeFor[observed](), reflect.TypeFor[model](), map[string]takeRule{"c": always})
	if err != nil || len(got) != 2 || got[0].name != "a" || got[0].observed != 0 || got[0].model != 2 || got[0].takes != nil ||
		got[1].name != "c" || got[1].observed != 2 || got[1].model != 0 || got[1].takes == nil {
		t.Errorf("matched %+v, %v", got, err)
	}
	for name, rules := range map[string]map[string]takeRule{"a rule for an attribute not in the model": {"b": always},
		"a rule for no attribute": {"d": always}} {
		if _, err := matchRefreshedFields(reflect.TypeFor[observed](), reflect.TypeFor[model](), rules); err == nil ||
			!strings.Contains(err.Error(), "read.go (refreshRules)") {
			t.Errorf("%s: %v", name, err)
		}
	}
	type retyped struct {
		A types.Int64 `tfsdk:"a"`
	}
	if _, err := matchRefreshedFields(reflect.TypeFor[observed](), reflect.TypeFor[retyped](), nil); err == nil ||
		!strings.Contains(err.Error(), "read.go (refreshedFields)") {
		t.Errorf("a field of another type: %v", err)
	}
}

func ptr[T any](v T) *T { return &v }
