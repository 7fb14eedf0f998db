package campaign

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// Internals the external tests (package campaign_test) use: they run
// through the whole provider (acctest), which imports this package.

type (
	CampaignResource      = campaignResource
	CampaignResourceModel = campaignResourceModel
	StateAction           = stateAction
	ContentReplacement    = contentReplacement
)

const (
	ActionNone     = actionNone
	ActionRenew    = actionRenew
	ActionStop     = actionStop
	DesiredActive  = desiredActive
	DesiredStopped = desiredStopped
	StopPollMax    = stopPollMax
	StopPollMin    = stopPollMin
)

var (
	APIFieldPath            = apiFieldPath
	PriceFieldPath          = priceFieldPath
	PriceFieldValue         = priceFieldValue
	CampaignFromAPI         = campaignFromAPI
	CampaignSchema          = campaignSchema
	CampaignStateType       = campaignStateType
	CampaignStatuses        = campaignStatuses
	CampaignToCreateRequest = campaignToCreateRequest
	ContentAttributes       = contentAttributes
	ContentChanges          = contentChanges
	InPlaceAttributes       = inPlaceAttributes
	NormalizeStartAt        = framework.NormalizeStartAt
	RecipientsAttrTypes     = recipientsAttrTypes
	RefreshedState          = refreshedState
	RunStateActionFor       = runStateActionFor
	StartAtWindow           = startAtWindow
	UnexpectedFigures       = unexpectedFigures
)

// RCS and SMS are the create request's body when it is of that channel.
func (r createRequest) RCS() *client.RCSCampaignRequest {
	b, _ := r.body.(*client.RCSCampaignRequest)
	return b
}

func (r createRequest) SMS() *client.SMSCampaignRequest {
	b, _ := r.body.(*client.SMSCampaignRequest)
	return b
}

// WithBlock is the model with a content block set.
func (m campaignResourceModel) WithBlock(name string, v types.Object) campaignResourceModel {
	return m.withBlock(name, v)
}

// FastPlans counts the campaign plans FastPlan has answered in this
// process, with and without a prior identity, and those it declined.
func FastPlans() (withIdentity, withoutIdentity, declined int64) {
	return fastPlans.withIdentity.Load(), fastPlans.withoutIdentity.Load(), fastPlans.declined.Load()
}
