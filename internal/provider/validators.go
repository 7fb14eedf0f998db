package provider

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// endpointValidator checks the endpoint, which the framework validators
// cannot: an absolute http(s) URL without credentials.
func endpointValidator() validator.String {
	return framework.StringCheck("must be an absolute http:// or https:// URL", func(p path.Path, v string, d *diag.Diagnostics) {
		if _, err := client.ParseEndpoint(v); err != nil {
			d.AddAttributeError(p, "Invalid One-API Endpoint", fmt.Sprintf("%s. Use a base URL such as %s.", err, client.DefaultEndpoint))
		}
	})
}

// durationValidator checks Go duration strings ("30s", "2m"), which the
// framework validators do not parse.
func durationValidator() validator.String {
	return framework.StringCheck("must be a positive duration such as 30s or 2m", func(p path.Path, v string, d *diag.Diagnostics) {
		if n, err := time.ParseDuration(v); err != nil || n <= 0 {
			d.AddAttributeError(p, "Invalid Duration", fmt.Sprintf("%q is not a positive duration; write it like 30s or 2m.", v))
		}
	})
}

// timeZoneValidator checks an IANA time zone name, which the framework
// validators cannot.
func timeZoneValidator() validator.String {
	return framework.StringCheck("must be an IANA time zone name such as UTC or Europe/Kyiv", checkTimeZone)
}

func checkTimeZone(p path.Path, value string, d *diag.Diagnostics) {
	if _, err := framework.LoadTimeZone(value); err != nil {
		d.AddAttributeError(p, "Invalid Time Zone", fmt.Sprintf("Attribute %s: %s.", p, err))
	}
}
