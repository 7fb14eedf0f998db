package provider

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// endpointValidator exists because the framework validators have no URL
// check: the endpoint must be an absolute http(s) URL without credentials.
type endpointValidator struct{}

func (endpointValidator) Description(context.Context) string {
	return "must be an absolute http:// or https:// URL"
}

func (v endpointValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (endpointValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := client.ParseEndpoint(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid One-API Endpoint",
			fmt.Sprintf("%s. Use a base URL such as %s.", err, client.DefaultEndpoint))
	}
}

// durationValidator checks Go duration strings ("30s", "2m"), which the
// framework validators do not parse.
type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "must be a positive duration such as 30s or 2m"
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if d, err := time.ParseDuration(req.ConfigValue.ValueString()); err != nil || d <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Duration",
			fmt.Sprintf("%q is not a positive duration; write it like 30s or 2m.", req.ConfigValue.ValueString()))
	}
}

// campaignIDPattern is a campaign id as the provider writes it: the API's
// integer id in decimal.
var campaignIDPattern = regexp.MustCompile(`^[1-9][0-9]{0,18}$`)
