package stoplist

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// What the stoplist family offers the provider.
func init() {
	framework.Register(framework.Family{
		Name: "stoplist",
		Offer: func(framework.Shared) framework.Offer {
			return framework.Offer{
				Resources:     []func() resource.Resource{NewEntriesResource},
				DataSources:   []func() datasource.DataSource{NewStopListDataSource},
				ListResources: []func() list.ListResource{NewListResource},
			}
		},
	})
}
