package contactbook

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// What the contactbook family offers the provider.
func init() {
	framework.Register(framework.Family{
		Name: "contactbook",
		Offer: func(framework.Shared) framework.Offer {
			return framework.Offer{
				Resources: []func() resource.Resource{
					NewContactListResource, NewContactResource, NewContactFieldResource, NewContactListMembersResource,
				},
				DataSources: []func() datasource.DataSource{NewContactListsDataSource},
				ListResources: []func() list.ListResource{
					NewListOfContactLists, NewListOfContacts, NewListOfContactFields, NewListOfContactListMembers,
				},
			}
		},
	})
}
