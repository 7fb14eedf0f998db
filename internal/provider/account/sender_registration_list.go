package account

// The oneapi_sender_registration list resource (terraform query,
// Terraform 1.14 and later), on the shared skeleton
// (framework.ListResource).

import (
	"context"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// NewListOfSenderRegistrations returns the oneapi_sender_registration list
// resource.
func NewListOfSenderRegistrations() list.ListResource {
	return &framework.ListResource[senderRegistrationFilter, senderRegistrationModel, client.SenderRequest]{
		Listing: framework.Listing[senderRegistrationFilter, senderRegistrationModel, client.SenderRequest]{
			Suffix: "_sender_registration", Kind: senderRegistrationKind,
			Doc: "Finds the account's sender registration requests for `terraform query` (`GET /api/senders/requests/sms`, " +
				"500 a page, streamed), each with its identity (`id`) and, with `include_resource = true`, the request as a " +
				"refresh writes it.",
			Filters: map[string]schema.Attribute{
				"sender": schema.StringAttribute{
					MarkdownDescription: "Only requests for this sender name.",
					Optional:            true,
					Validators:          []validator.String{senderNameRule},
				},
				"status": schema.StringAttribute{
					MarkdownDescription: "Only requests in this status: `new`, `accepted`, `in_progress`, `registered` or `rejected`.",
					Optional:            true,
					Validators:          []validator.String{stringvalidator.OneOf("new", "accepted", "in_progress", "registered", "rejected")},
				},
				"country_code": schema.StringAttribute{
					MarkdownDescription: "Only requests for this country (ISO 3166-1 alpha-2, upper case).",
					Optional:            true,
					Validators:          []validator.String{countryRule},
				},
			},
			Each:        eachSenderRegistration,
			FromAPI:     (*senderRegistrationModel).fromAPI,
			DisplayName: func(r *client.SenderRequest) string { return r.Sender + " (" + r.CountryCode + ", " + r.Status + ")" },
		},
	}
}

type senderRegistrationFilter struct {
	Sender      types.String `tfsdk:"sender"`
	Status      types.String `tfsdk:"status"`
	CountryCode types.String `tfsdk:"country_code"`
}

// eachSenderRegistration asks the API to filter, and filters again: a
// server that ignores a filter must not widen the results.
func eachSenderRegistration(ctx context.Context, c *client.Client, f senderRegistrationFilter, yield func(*client.SenderRequest) bool) error {
	q := url.Values{}
	for key, v := range map[string]types.String{"filter[sender]": f.Sender, "filter[status]": f.Status, "filter[country_code]": f.CountryCode} {
		if !v.IsNull() {
			q.Set(key, v.ValueString())
		}
	}
	return c.EachSenderRequest(ctx, q, func(r *client.SenderRequest) bool {
		if (!f.Sender.IsNull() && r.Sender != f.Sender.ValueString()) || (!f.Status.IsNull() && r.Status != f.Status.ValueString()) ||
			(!f.CountryCode.IsNull() && !strings.EqualFold(r.CountryCode, f.CountryCode.ValueString())) {
			return true
		}
		return yield(r)
	})
}
