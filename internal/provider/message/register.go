package message

import (
	"github.com/hashicorp/terraform-plugin-framework/action"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// What the message family offers the provider.
func init() {
	framework.Register(framework.Family{
		Name: "message",
		Offer: func(framework.Shared) framework.Offer {
			return framework.Offer{Actions: []func() action.Action{NewSendAction}}
		},
	})
}
