// Command noop is the benchmark's floor for oneapi_campaign: a
// terraform-plugin-framework provider whose one resource, noop_campaign,
// has oneapi_campaign's exact schema, taken from the provider at run time
// so that it cannot drift, with every validator and plan modifier removed,
// no ModifyPlan, no API behind it, and a Read that changes nothing. Like
// oneapi_campaign it has an identity (the same identity schema), which
// Create, Read, Update and ImportState write from the id: the framework
// refuses a resource with an identity schema that answers without one.
// What make bench measures beyond it is what the provider's own rules
// cost.
package main

import (
	"context"
	"log"
	"os"
	"strconv"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	oneapi "github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

func main() {
	// As terraform-provider-oneapi does when Terraform will not show
	// provider logs (main.go), so that the comparison is of the framework.
	if os.Getenv("TF_LOG") == "" && os.Getenv("TF_LOG_PROVIDER") == "" {
		for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
			_ = os.Setenv(name, "OFF")
		}
	}
	err := providerserver.Serve(context.Background(), func() provider.Provider { return &noopProvider{} },
		providerserver.ServeOpts{Address: "registry.terraform.io/oneapi-terraform/noop", ProtocolVersion: 6})
	if err != nil {
		log.Fatal(err)
	}
}

// CampaignSchema is oneapi_campaign's schema without validators and plan
// modifiers.
func CampaignSchema(ctx context.Context) schema.Schema {
	s := providerCampaignSchema(ctx)
	s.Attributes = stripAll(s.Attributes)
	return s
}

// providerCampaignSchema is oneapi_campaign's schema as the provider
// declares it.
func providerCampaignSchema(ctx context.Context) schema.Schema {
	for _, newResource := range oneapi.New("noop")().Resources(ctx) {
		r := newResource()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "oneapi"}, &meta)
		if meta.TypeName != "oneapi_campaign" {
			continue
		}
		var resp resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &resp)
		return resp.Schema
	}
	panic("oneapi_campaign not found")
}

func stripAll(attrs map[string]schema.Attribute) map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(attrs))
	for name, a := range attrs {
		out[name] = strip(a)
	}
	return out
}

// strip removes an attribute's validators and plan modifiers, and those of
// what it nests; the type, the optional/required/computed flags and
// defaults stay.
func strip(a schema.Attribute) schema.Attribute {
	switch a := a.(type) {
	case schema.StringAttribute:
		a.Validators, a.PlanModifiers = nil, nil
		return a
	case schema.Int64Attribute:
		a.Validators, a.PlanModifiers = nil, nil
		return a
	case schema.Float64Attribute:
		a.Validators, a.PlanModifiers = nil, nil
		return a
	case schema.BoolAttribute:
		a.Validators, a.PlanModifiers = nil, nil
		return a
	case schema.SetAttribute:
		a.Validators, a.PlanModifiers = nil, nil
		return a
	case schema.ListAttribute:
		a.Validators, a.PlanModifiers = nil, nil
		return a
	case schema.MapAttribute:
		a.Validators, a.PlanModifiers = nil, nil
		return a
	case schema.SingleNestedAttribute:
		a.Validators, a.PlanModifiers = nil, nil
		a.Attributes = stripAll(a.Attributes)
		return a
	case schema.ListNestedAttribute:
		a.Validators, a.PlanModifiers = nil, nil
		a.NestedObject.Validators, a.NestedObject.PlanModifiers = nil, nil
		a.NestedObject.Attributes = stripAll(a.NestedObject.Attributes)
		return a
	}
	panic("noop: an attribute type strip does not know; teach it")
}

type noopProvider struct{}

func (*noopProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "noop"
}

func (*noopProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (*noopProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (*noopProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return &campaign{} }}
}

func (*noopProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

func (*noopProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{func() list.ListResource { return &campaignList{} }}
}

// campaignList is the floor of the oneapi_campaign list resource: its
// configuration schema, taken from the provider, and BENCH_NOOP_LIST_N
// results (default 10,000) of the same shape as the provider's (an
// identity, a display name and, with include_resource, a campaign as an
// import writes it), made without an API.
type campaignList struct{}

func (*campaignList) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "noop_campaign"
}

func (*campaignList) ListResourceConfigSchema(ctx context.Context, req list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	p, ok := oneapi.New("noop")().(provider.ProviderWithListResources)
	if !ok {
		panic("the provider has no list resources")
	}
	for _, newList := range p.ListResources(ctx) {
		l := newList()
		var meta resource.MetadataResponse
		l.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "oneapi"}, &meta)
		if meta.TypeName == "oneapi_campaign" {
			l.ListResourceConfigSchema(ctx, req, resp)
			return
		}
	}
	panic("the oneapi_campaign list resource not found")
}

func (*campaignList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	n, err := strconv.Atoi(os.Getenv("BENCH_NOOP_LIST_N"))
	if err != nil {
		n = 10000
	}
	stream.Results = func(push func(list.ListResult) bool) {
		for i := range n {
			result := req.NewListResult(ctx)
			id := strconv.Itoa(3000000000 + i)
			result.DisplayName = "RCS api campaign / 2026-11-27 10:00:00 (rcs, creation)"
			result.Diagnostics.Append(result.Identity.SetAttribute(ctx, path.Root("id"), id)...)
			if req.IncludeResource {
				result.Resource.Raw = listed(result.Resource.Raw.Type(), id)
			}
			if !push(result) {
				return
			}
		}
	}
}

// listed is a campaign as the provider's list resource writes it: the
// observed values, stop_on_destroy, nothing else.
func listed(typ tftypes.Type, id string) tftypes.Value {
	obj, ok := typ.(tftypes.Object)
	if !ok {
		panic("noop: a resource type that is not an object")
	}
	attrs := make(map[string]tftypes.Value, len(obj.AttributeTypes))
	for name, t := range obj.AttributeTypes {
		attrs[name] = tftypes.NewValue(t, nil)
		if f := created[name]; f != nil {
			attrs[name] = f()
		}
	}
	attrs["id"] = tftypes.NewValue(tftypes.String, id)
	attrs["stop_on_destroy"] = tftypes.NewValue(tftypes.Bool, true)
	attrs["start_at"] = tftypes.NewValue(tftypes.String, "2026-11-27 10:00:00")
	return tftypes.NewValue(typ, attrs)
}

type campaign struct{}

var nextID atomic.Int64

func (*campaign) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "noop_campaign"
	// As oneapi_campaign's (its Metadata), so that the framework checks
	// the same.
	resp.ResourceBehavior.MutableIdentity = true
}

func (*campaign) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = CampaignSchema(ctx)
}

// IdentitySchema is oneapi_campaign's: a list resource needs one.
func (*campaign) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.IdentitySchema("campaign")
}

// created are the values the provider's create writes where the plan has
// unknowns, as the stand-in answers a new campaign: the no-op's state then
// holds what oneapi_campaign's does, so that Terraform's own work on it
// (comparing, encoding) is
// the same in both.
var created = map[string]func() tftypes.Value{
	"id": func() tftypes.Value { return tftypes.NewValue(tftypes.String, strconv.FormatInt(nextID.Add(1), 10)) },
	"name": func() tftypes.Value {
		return tftypes.NewValue(tftypes.String, "RCS api campaign / 2026-11-27 10:00:00")
	},
	"status":           func() tftypes.Value { return tftypes.NewValue(tftypes.String, "creation") },
	"message_type":     func() tftypes.Value { return tftypes.NewValue(tftypes.String, "rcs") },
	"created_at":       func() tftypes.Value { return tftypes.NewValue(tftypes.String, "2026-11-27 10:00:00") },
	"currency":         func() tftypes.Value { return tftypes.NewValue(tftypes.String, "USD") },
	"calculated_price": func() tftypes.Value { return tftypes.NewValue(tftypes.String, "0.02") },
	"statistics": func() tftypes.Value {
		typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"sent": tftypes.Number, "delivered": tftypes.Number}}
		return tftypes.NewValue(typ, map[string]tftypes.Value{"sent": tftypes.NewValue(tftypes.Number, 0), "delivered": tftypes.NewValue(tftypes.Number, 0)})
	},
}

// known replaces what the plan leaves unknown (the computed values) with
// what the provider's create writes, or null.
func known(plan tftypes.Value) (tftypes.Value, error) {
	return tftypes.Transform(plan, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		if steps := p.Steps(); len(steps) == 1 {
			if name, ok := steps[0].(tftypes.AttributeName); ok && created[string(name)] != nil {
				return created[string(name)](), nil
			}
		}
		return tftypes.NewValue(v.Type(), nil), nil
	})
}

func (*campaign) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	v, err := known(req.Plan.Raw)
	if err != nil {
		resp.Diagnostics.AddError("noop", err.Error())
		return
	}
	resp.State.Raw = v
	identityFromState(ctx, &resp.State, resp.Identity, &resp.Diagnostics)
}

// Read changes nothing but the identity, which it writes from the id as
// oneapi_campaign's Read does: a Terraform older than 1.12 keeps no
// identity, so every refresh starts without one.
func (*campaign) Read(ctx context.Context, _ resource.ReadRequest, resp *resource.ReadResponse) {
	identityFromState(ctx, &resp.State, resp.Identity, &resp.Diagnostics)
}

func (*campaign) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	v, err := known(req.Plan.Raw)
	if err != nil {
		resp.Diagnostics.AddError("noop", err.Error())
		return
	}
	resp.State.Raw = v
	identityFromState(ctx, &resp.State, resp.Identity, &resp.Diagnostics)
}

// identityFromState writes the state's id into the identity, as
// oneapi_campaign's create, refresh and update end.
func identityFromState(ctx context.Context, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if state.Raw.IsNull() || identity == nil {
		return
	}
	var id types.String
	diags.Append(state.GetAttribute(ctx, path.Root("id"), &id)...)
	framework.SetIdentity(ctx, identity, id, diags)
}

func (*campaign) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// ImportState takes an import id or an identity, as oneapi_campaign's.
func (*campaign) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := framework.ImportID(ctx, req, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	framework.SetIdentity(ctx, resp.Identity, types.StringValue(id), &resp.Diagnostics)
}
