package account

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// What the account family offers the provider.
func init() {
	framework.Register(framework.Family{
		Name: "account",
		Offer: func(framework.Shared) framework.Offer {
			return framework.Offer{DataSources: []func() datasource.DataSource{NewSendersDataSource, NewBalanceDataSource, NewTariffsDataSource}}
		},
	})
}
