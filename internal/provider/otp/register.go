package otp

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// What the otp family offers the provider.
func init() {
	framework.Register(framework.Family{
		Name: "otp",
		Offer: func(s framework.Shared) framework.Offer {
			return framework.Offer{
				Resources:     []func() resource.Resource{func() resource.Resource { return NewTemplateResource(s.Clock) }},
				DataSources:   []func() datasource.DataSource{NewTemplatesDataSource},
				ListResources: []func() list.ListResource{NewListOfTemplates},
			}
		},
	})
}
