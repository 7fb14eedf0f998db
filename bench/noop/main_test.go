package main

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	oneapi "github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
)

// TestSameSchemaWithoutRules: noop_campaign's schema has oneapi_campaign's
// type exactly, and no validator or plan modifier anywhere.
func TestSameSchemaWithoutRules(t *testing.T) {
	ctx := context.Background()
	var campaignSchema resource.SchemaResponse
	for _, newResource := range oneapi.New("test")().Resources(ctx) {
		var meta resource.MetadataResponse
		r := newResource()
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "oneapi"}, &meta)
		if meta.TypeName == "oneapi_campaign" {
			r.Schema(ctx, resource.SchemaRequest{}, &campaignSchema)
		}
	}
	noop := CampaignSchema(ctx)
	if !noop.Type().TerraformType(ctx).Equal(campaignSchema.Schema.Type().TerraformType(ctx)) {
		t.Fatal("noop_campaign's type differs from oneapi_campaign's")
	}
	if d := noop.ValidateImplementation(ctx); d.HasError() {
		t.Fatal(d)
	}
	var check func(name string, a schema.Attribute)
	check = func(name string, a schema.Attribute) {
		switch a := a.(type) {
		case schema.StringAttribute:
			if len(a.Validators)+len(a.PlanModifiers) > 0 {
				t.Errorf("%s keeps rules", name)
			}
		case schema.Int64Attribute:
			if len(a.Validators)+len(a.PlanModifiers) > 0 {
				t.Errorf("%s keeps rules", name)
			}
		case schema.SetAttribute:
			if len(a.Validators)+len(a.PlanModifiers) > 0 {
				t.Errorf("%s keeps rules", name)
			}
		case schema.SingleNestedAttribute:
			if len(a.Validators)+len(a.PlanModifiers) > 0 {
				t.Errorf("%s keeps rules", name)
			}
			for n, sub := range a.Attributes {
				check(name+"."+n, sub)
			}
		case schema.ListNestedAttribute:
			if len(a.Validators)+len(a.PlanModifiers) > 0 {
				t.Errorf("%s keeps rules", name)
			}
			for n, sub := range a.NestedObject.Attributes {
				check(name+"."+n, sub)
			}
		}
	}
	for name, a := range noop.Attributes {
		check(name, a)
	}
}
