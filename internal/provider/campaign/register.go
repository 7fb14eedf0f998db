package campaign

import (
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// What the campaign family offers the provider, and its fast paths for the
// protocol server (plan_fast.go, upgrade_fast.go).
func init() {
	framework.Register(framework.Family{
		Name: "campaign",
		Offer: func(s framework.Shared) framework.Offer {
			// One watch per provider: the Time Zone Mismatch warning is given once a run.
			zones := &ZoneWatch{}
			return framework.Offer{
				Resources:     []func() resource.Resource{NewResource(s.Clock, zones)},
				DataSources:   []func() datasource.DataSource{NewDataSource, NewCampaignsDataSource, NewPriceDataSource},
				Actions:       []func() action.Action{NewStopAction(s.Clock), NewRenewAction},
				ListResources: []func() list.ListResource{NewListResource},
			}
		},
		Upgrade: FastUpgrade,
		Plan:    FastPlan,
	})
}
