package functions

import (
	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// What the functions family offers the provider: functions only.
func init() {
	framework.Register(framework.Family{
		Name: "functions",
		Offer: func(framework.Shared) framework.Offer {
			return framework.Offer{
				Functions: []func() function.Function{NewSMSPartsFunction, NewPhoneFunction, NewStartAtFunction, NewPlaceholdersFunction},
			}
		},
	})
}
