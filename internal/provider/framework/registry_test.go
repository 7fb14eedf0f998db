package framework

import (
	"context"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
)

// namedDataSource is a data source that only has a type name.
type namedDataSource struct{ name string }

func (d namedDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = d.name
}
func (namedDataSource) Schema(context.Context, datasource.SchemaRequest, *datasource.SchemaResponse) {
}
func (namedDataSource) Read(context.Context, datasource.ReadRequest, *datasource.ReadResponse) {}

func dataSourceFamily(name string, types ...string) Family {
	return Family{Name: name, Offer: func(Shared) Offer {
		var o Offer
		for _, t := range types {
			o.DataSources = append(o.DataSources, func() datasource.DataSource { return namedDataSource{t} })
		}
		return o
	}}
}

func typeNames(fs []func() datasource.DataSource) []string {
	var out []string
	for _, f := range fs {
		var resp datasource.MetadataResponse
		f().Metadata(context.Background(), datasource.MetadataRequest{}, &resp)
		out = append(out, resp.TypeName)
	}
	return out
}

func TestRegistryOrdersFamiliesByName(t *testing.T) {
	var r Registry
	r.Register(dataSourceFamily("stoplist", "s1"))
	r.Register(dataSourceFamily("account", "a2", "a1"))
	r.Register(dataSourceFamily("campaign", "c1"))
	var names []string
	for _, f := range r.Families() {
		names = append(names, f.Name)
	}
	if want := []string{"account", "campaign", "stoplist"}; !slices.Equal(names, want) {
		t.Errorf("families %q, want %q", names, want)
	}
	// Families in name order, each family's objects in its own order.
	if got, want := typeNames(r.Offers(Shared{}).DataSources), []string{"a2", "a1", "c1", "s1"}; !slices.Equal(got, want) {
		t.Errorf("data sources %q, want %q", got, want)
	}
}

func TestRegistryHandsEachOfferTheProvidersSharedThings(t *testing.T) {
	var r Registry
	var got []clock.Clock
	r.Register(Family{Name: "a", Offer: func(s Shared) Offer { got = append(got, s.Clock); return Offer{} }})
	clk := clock.Real()
	r.Offers(Shared{Clock: clk})
	r.Offers(Shared{Clock: clk})
	if len(got) != 2 || got[0] != clk || got[1] != clk {
		t.Errorf("Offer called with %v, want the provider's clock once per provider (twice)", got)
	}
}

func TestRegistryRefuses(t *testing.T) {
	offer := func(Shared) Offer { return Offer{} }
	for name, register := range map[string]func(r *Registry){
		"no name":  func(r *Registry) { r.Register(Family{Offer: offer}) },
		"no offer": func(r *Registry) { r.Register(Family{Name: "a"}) },
		"a name twice": func(r *Registry) {
			r.Register(Family{Name: "a", Offer: offer})
			r.Register(Family{Name: "a", Offer: offer})
		},
		"after the read": func(r *Registry) { r.Families(); r.Register(Family{Name: "b", Offer: offer}) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("Register did not panic")
				}
			}()
			register(&Registry{})
		})
	}
}

func TestRegistryFastPathsAnswerFirstOrPassThrough(t *testing.T) {
	var r Registry
	var asked []string
	plan := func(name, typ string) func(*tfprotov6.PlanResourceChangeRequest) *tfprotov6.PlanResourceChangeResponse {
		return func(req *tfprotov6.PlanResourceChangeRequest) *tfprotov6.PlanResourceChangeResponse {
			asked = append(asked, name)
			if req.TypeName != typ {
				return nil
			}
			return &tfprotov6.PlanResourceChangeResponse{Diagnostics: []*tfprotov6.Diagnostic{{Summary: name}}}
		}
	}
	upgrade := func(req *tfprotov6.UpgradeResourceStateRequest) *tfprotov6.UpgradeResourceStateResponse {
		if req.TypeName != "b_thing" {
			return nil
		}
		return &tfprotov6.UpgradeResourceStateResponse{}
	}
	offer := func(Shared) Offer { return Offer{} }
	r.Register(Family{Name: "c", Offer: offer, Plan: plan("c", "c_thing")})
	r.Register(Family{Name: "b", Offer: offer, Plan: plan("b", "b_thing"), Upgrade: upgrade})
	r.Register(Family{Name: "a", Offer: offer}) // no fast paths

	if resp := r.FastPlan(&tfprotov6.PlanResourceChangeRequest{TypeName: "c_thing"}); resp == nil || resp.Diagnostics[0].Summary != "c" {
		t.Errorf("plan of c_thing answered by %v, want c's fast path", resp)
	}
	if !slices.Equal(asked, []string{"b", "c"}) {
		t.Errorf("fast paths asked %q, want b then c (name order)", asked)
	}
	if resp := r.FastPlan(&tfprotov6.PlanResourceChangeRequest{TypeName: "a_thing"}); resp != nil {
		t.Errorf("plan of a_thing answered %v, want nil for the framework", resp)
	}
	if r.FastUpgrade(&tfprotov6.UpgradeResourceStateRequest{TypeName: "b_thing"}) == nil {
		t.Error("upgrade of b_thing not answered by b's fast path")
	}
	if r.FastUpgrade(&tfprotov6.UpgradeResourceStateRequest{TypeName: "c_thing"}) != nil {
		t.Error("upgrade of c_thing answered, want nil for the framework")
	}
}
