package framework

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
)

// The registry of the object families. A family registers what it offers
// from its own register.go (an init func calling Register), and the
// provider serves whatever is registered, so that the provider names no
// family: a family is linked in by one blank import
// (internal/provider/families.go), the only place a new one is added.

// Shared is what one provider hands every family: the things that live as
// long as the provider does.
type Shared struct {
	// Clock tells the time and waits (a fake clock in tests).
	Clock clock.Clock
}

// Offer is what a family offers one provider.
type Offer struct {
	Resources     []func() resource.Resource
	DataSources   []func() datasource.DataSource
	Actions       []func() action.Action
	ListResources []func() list.ListResource
	// Functions are provider-defined functions
	// (provider::oneapi::NAME, Terraform 1.8 and later).
	Functions []func() function.Function
}

// Family is one object family's registration.
type Family struct {
	// Name is the family's package name ("campaign").
	Name string
	// Offer builds what the family offers a provider, once per provider:
	// what it keeps for the provider's lifetime (campaign's Time Zone
	// Mismatch watch) it makes here.
	Offer func(Shared) Offer
	// Upgrade, when set, answers UpgradeResourceState before the framework
	// does, or returns nil for the framework to answer.
	Upgrade func(*tfprotov6.UpgradeResourceStateRequest) *tfprotov6.UpgradeResourceStateResponse
	// Plan, when set, answers PlanResourceChange before the framework
	// does, or returns nil for the framework to answer.
	Plan func(*tfprotov6.PlanResourceChangeRequest) *tfprotov6.PlanResourceChangeResponse
}

// Registry holds the families' registrations. Families register while the
// program initializes (init funcs); the first read freezes it, so that every
// provider of the process serves the same families in the same order, and
// the fast paths, asked on every plan, read it without a lock.
type Registry struct {
	mu       sync.Mutex
	families []Family
	frozen   atomic.Pointer[[]Family]
}

// families is the process's registry.
var families Registry

// Register adds a family to the process's registry; a family calls it from
// an init func in its register.go.
func Register(f Family) { families.Register(f) }

// Families returns the registered families, sorted by name.
func Families() []Family { return families.Families() }

// Offers returns what every registered family offers one provider.
func Offers(s Shared) Offer { return families.Offers(s) }

// FastUpgrade asks the families' Upgrade fast paths, in name order, and
// returns the first answer, or nil for the framework to answer.
func FastUpgrade(req *tfprotov6.UpgradeResourceStateRequest) *tfprotov6.UpgradeResourceStateResponse {
	return families.FastUpgrade(req)
}

// FastPlan asks the families' Plan fast paths, in name order, and returns
// the first answer, or nil for the framework to answer.
func FastPlan(req *tfprotov6.PlanResourceChangeRequest) *tfprotov6.PlanResourceChangeResponse {
	return families.FastPlan(req)
}

// Register adds a family. It panics (a programming error, found by every
// test) when the family has no name or no Offer, when its name is taken,
// or when the registry was already read.
func (r *Registry) Register(f Family) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case f.Name == "" || f.Offer == nil:
		panic("framework.Register: a family needs a Name and an Offer")
	case r.frozen.Load() != nil:
		panic(fmt.Sprintf("framework.Register(%q): the registry was already read; families register in init", f.Name))
	case slices.ContainsFunc(r.families, func(g Family) bool { return g.Name == f.Name }):
		panic(fmt.Sprintf("framework.Register(%q): the family is registered twice", f.Name))
	}
	r.families = append(r.families, f)
}

// Families returns the registered families sorted by name (not by the
// order in which their packages initialized), and freezes the registry.
func (r *Registry) Families() []Family { return slices.Clone(r.sorted()) }

// sorted is the frozen registrations, sorted by name.
func (r *Registry) sorted() []Family {
	if f := r.frozen.Load(); f != nil {
		return *f
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if f := r.frozen.Load(); f != nil {
		return *f
	}
	sorted := slices.SortedFunc(slices.Values(r.families), func(a, b Family) int { return strings.Compare(a.Name, b.Name) })
	r.frozen.Store(&sorted)
	return sorted
}

// Offers returns what every family offers one provider: each family's
// offer, families in name order, each family's objects in the order it
// gives them.
func (r *Registry) Offers(s Shared) Offer {
	var all Offer
	for _, f := range r.sorted() {
		o := f.Offer(s)
		all.Resources = append(all.Resources, o.Resources...)
		all.DataSources = append(all.DataSources, o.DataSources...)
		all.Actions = append(all.Actions, o.Actions...)
		all.ListResources = append(all.ListResources, o.ListResources...)
		all.Functions = append(all.Functions, o.Functions...)
	}
	return all
}

// FastUpgrade is the package's FastUpgrade on r.
func (r *Registry) FastUpgrade(req *tfprotov6.UpgradeResourceStateRequest) *tfprotov6.UpgradeResourceStateResponse {
	for _, f := range r.sorted() {
		if f.Upgrade == nil {
			continue
		}
		if resp := f.Upgrade(req); resp != nil {
			return resp
		}
	}
	return nil
}

// FastPlan is the package's FastPlan on r.
func (r *Registry) FastPlan(req *tfprotov6.PlanResourceChangeRequest) *tfprotov6.PlanResourceChangeResponse {
	for _, f := range r.sorted() {
		if f.Plan == nil {
			continue
		}
		if resp := f.Plan(req); resp != nil {
			return resp
		}
	}
	return nil
}
