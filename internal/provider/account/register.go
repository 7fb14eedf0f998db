package account

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// What the account family offers the provider.
func init() {
	framework.Register(framework.Family{
		Name: "account",
		Offer: func(s framework.Shared) framework.Offer {
			return framework.Offer{
				Resources:     []func() resource.Resource{NewSenderRegistrationResource(s.Clock)},
				DataSources:   []func() datasource.DataSource{NewSendersDataSource, NewBalanceDataSource, NewTariffsDataSource},
				ListResources: []func() list.ListResource{NewListOfSenderRegistrations},
			}
		},
	})
}
