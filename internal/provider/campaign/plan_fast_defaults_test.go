package campaign

import (
	"context"
	"maps"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestSchemaDefaultsOfTheCampaign: the fast path reads every default of
// the campaign's schema; a default it cannot check (inside a nested
// attribute or block) would send every plan to the framework.
func TestSchemaDefaultsOfTheCampaign(t *testing.T) {
	t.Parallel()
	got, err := campaignDefaults()
	if err != nil {
		t.Fatalf("plan_fast.go (FastPlan) cannot follow a default of schema.go (campaignResource.Schema): %v", err)
	}
	for name, a := range campaignSchema().Attributes {
		v, err := attributeDefault(context.Background(), path.Root(name), a)
		if err != nil {
			t.Fatal(err)
		}
		if _, read := got[name]; read != (v != nil) {
			t.Errorf("%s: a default %v, read by the fast path %v", name, v != nil, read)
		}
	}
}

// TestSchemaDefaultsFollowTheSchema: the defaults the fast path checks are
// the schema's, whatever they are: changed, added, of any kind; one
// inside a nested attribute or block is refused, naming it.
func TestSchemaDefaultsFollowTheSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	campaign := campaignSchema()
	changed := campaign
	changed.Attributes = maps.Clone(campaign.Attributes)
	stop := changed.Attributes["stop_on_destroy"].(schema.BoolAttribute)
	stop.Default = booldefault.StaticBool(false)
	changed.Attributes["stop_on_destroy"] = stop
	desired := changed.Attributes["desired_state"].(schema.StringAttribute)
	desired.Computed, desired.Default = true, stringdefault.StaticString(desiredActive)
	changed.Attributes["desired_state"] = desired
	got, err := schemaDefaults(ctx, changed)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]tftypes.Value{
		"stop_on_destroy": tftypes.NewValue(tftypes.Bool, false),
		"desired_state":   tftypes.NewValue(tftypes.String, desiredActive),
	}
	if !maps.EqualFunc(got, want, tftypes.Value.Equal) {
		t.Errorf("read %v, want %v", got, want)
	}

	kinds := schema.Schema{Attributes: map[string]schema.Attribute{
		"n":    schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(7)},
		"list": schema.ListAttribute{ElementType: types.StringType, Optional: true, Computed: true, Default: listdefault.StaticValue(types.ListValueMust(types.StringType, nil))},
		"none": schema.StringAttribute{Optional: true},
	}}
	got, err = schemaDefaults(ctx, kinds)
	if err != nil {
		t.Fatal(err)
	}
	want = map[string]tftypes.Value{
		"n":    tftypes.NewValue(tftypes.Number, 7),
		"list": tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{}),
	}
	if !maps.EqualFunc(got, want, tftypes.Value.Equal) {
		t.Errorf("read %v, want %v", got, want)
	}

	inner := schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true)}
	for name, s := range map[string]schema.Schema{
		"single nested attribute": {Attributes: map[string]schema.Attribute{
			"outer": schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{"inner": inner}}}},
		"list nested attribute": {Attributes: map[string]schema.Attribute{"outer": schema.ListNestedAttribute{Optional: true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{"inner": inner}}}}},
		"block": {Blocks: map[string]schema.Block{
			"block": schema.SingleNestedBlock{Attributes: map[string]schema.Attribute{"inner": inner}}}},
	} {
		_, err := schemaDefaults(ctx, s)
		if err == nil || !strings.Contains(err.Error(), "plan_fast.go (schemaDefaults)") || !strings.Contains(err.Error(), "inner") {
			t.Errorf("%s: a nested default, error %v", name, err)
		}
	}
}
