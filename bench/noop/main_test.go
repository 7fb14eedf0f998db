package main

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// TestSameSchemaWithoutRules: noop_campaign's schema has oneapi_campaign's
// type exactly, and no validator or plan modifier anywhere.
func TestSameSchemaWithoutRules(t *testing.T) {
	ctx := context.Background()
	provider, noop := providerCampaignSchema(ctx), CampaignSchema(ctx)
	if !noop.Type().TerraformType(ctx).Equal(provider.Type().TerraformType(ctx)) {
		t.Fatal("noop_campaign's type differs from oneapi_campaign's")
	}
	if d := noop.ValidateImplementation(ctx); d.HasError() {
		t.Fatal(d)
	}
	if len(rulesIn("", provider.Attributes)) == 0 {
		t.Fatal("rulesIn finds no rule in oneapi_campaign's own schema: the check below could not fail")
	}
	for _, r := range rulesIn("", noop.Attributes) {
		t.Errorf("%s keeps rules", r)
	}
}

// rulesIn lists the attributes, at any depth and of any type, that have
// validators or plan modifiers (the framework's attribute types all name
// them Validators and PlanModifiers; nested ones hold Attributes or a
// NestedObject).
func rulesIn(prefix string, attrs map[string]schema.Attribute) []string {
	var out []string
	for name, a := range attrs {
		out = append(out, rulesOf(prefix+name, reflect.ValueOf(a))...)
	}
	return out
}

func rulesOf(name string, v reflect.Value) []string {
	var out []string
	for _, field := range []string{"Validators", "PlanModifiers"} {
		if f := v.FieldByName(field); f.IsValid() && f.Len() > 0 {
			out = append(out, name+" ("+field+")")
		}
	}
	if f := v.FieldByName("Attributes"); f.IsValid() {
		out = append(out, rulesIn(name+".", f.Interface().(map[string]schema.Attribute))...)
	}
	if f := v.FieldByName("NestedObject"); f.IsValid() {
		out = append(out, rulesOf(name+"[]", f)...)
	}
	return out
}
