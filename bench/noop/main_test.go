package main

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	oneapi "github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
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

// TestIdentityLikeOneapiCampaign: noop_campaign has oneapi_campaign's
// identity schema, and its create, a refresh without a stored identity
// (as every refresh by Terraform 1.11 is) and an import each answer the
// campaign's id as its identity; the framework fails a resource with an
// identity schema that answers without one, and the benchmark with it.
func TestIdentityLikeOneapiCampaign(t *testing.T) {
	ctx := context.Background()
	srv := providerserver.NewProtocol6(&noopProvider{})()
	schemas, err := srv.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		t.Fatal(err)
	}
	provider := oneapi.NewProtocol6Server("test")()
	want, err := provider.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		t.Fatal(err)
	}
	got := schemas.IdentitySchemas["noop_campaign"]
	if got == nil || !got.ValueType().Equal(want.IdentitySchemas["oneapi_campaign"].ValueType()) {
		t.Fatalf("noop_campaign's identity schema %v, want oneapi_campaign's %v", got, want.IdentitySchemas["oneapi_campaign"])
	}
	resSchemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	typ := resSchemas.ResourceSchemas["noop_campaign"].ValueType()
	cfgVal, err := tftypes.ValueFromJSONWithOpts([]byte(noopConfig), typ, tftypes.ValueFromJSONOpts{})
	if err != nil {
		t.Fatal(err)
	}
	config, _ := tfprotov6.NewDynamicValue(typ, cfgVal)
	null, _ := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, nil))
	planned, err := srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: "noop_campaign",
		PriorState: &null, ProposedNewState: &config, Config: &config})
	requireNone(t, "plan", err, planned.Diagnostics)
	created, err := srv.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: "noop_campaign",
		PriorState: &null, PlannedState: planned.PlannedState, Config: &config})
	requireNone(t, "create", err, created.Diagnostics)
	id := identityID(t, "create", got, created.NewIdentity)
	if id == "" {
		t.Fatal("create: an empty id in the identity")
	}
	read, err := srv.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: "noop_campaign", CurrentState: created.NewState})
	requireNone(t, "read", err, read.Diagnostics)
	if got := identityID(t, "read", got, read.NewIdentity); got != id {
		t.Errorf("read: identity id %q, want %q", got, id)
	}
	imported, err := srv.ImportResourceState(ctx, &tfprotov6.ImportResourceStateRequest{TypeName: "noop_campaign", ID: "42"})
	requireNone(t, "import", err, imported.Diagnostics)
	if len(imported.ImportedResources) != 1 {
		t.Fatalf("import: %d resources", len(imported.ImportedResources))
	}
	if got := identityID(t, "import", got, imported.ImportedResources[0].Identity); got != "42" {
		t.Errorf("import: identity id %q, want 42", got)
	}
}

func identityID(t *testing.T, rpc string, schema *tfprotov6.ResourceIdentitySchema, data *tfprotov6.ResourceIdentityData) string {
	t.Helper()
	if data == nil || data.IdentityData == nil {
		t.Fatalf("%s: no identity", rpc)
	}
	v, err := data.IdentityData.Unmarshal(schema.ValueType())
	if err != nil {
		t.Fatal(err)
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		t.Fatal(err)
	}
	var id string
	if err := attrs["id"].As(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func requireNone(t *testing.T, rpc string, err error, diags []*tfprotov6.Diagnostic) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", rpc, err)
	}
	for _, d := range diags {
		t.Fatalf("%s: %s: %s", rpc, d.Summary, d.Detail)
	}
}
