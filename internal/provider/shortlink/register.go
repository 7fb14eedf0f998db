package shortlink

import (
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// What the shortlink family offers the provider.
func init() {
	framework.Register(framework.Family{
		Name: "shortlink",
		Offer: func(framework.Shared) framework.Offer {
			return framework.Offer{
				Resources:     []func() resource.Resource{NewShortURLDomainResource, NewShortLinkResource},
				ListResources: []func() list.ListResource{NewListOfShortURLDomains, NewListOfShortLinks},
			}
		},
	})
}
