package provider

import (
	"errors"
	"strings"

	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// The provider's diagnostics are built here, one way: a Title Case summary
// naming the action, and a detail saying what failed, for which campaign,
// the API's own message, and what the user can do.

// apiErrorDiagnostic describes a failed API call about one campaign (id may
// be empty when there is none yet).
func apiErrorDiagnostic(summary string, c *client.Client, id string, err error) diag.Diagnostic {
	return objectErrorDiagnostic(summary, c, apiObject{kind: "campaign", id: id, list: "the oneapi_campaigns data source"}, err)
}

// apiObject names what a call was about, for a diagnostic: its kind
// ("campaign", "contact list"), its id (empty before it exists), and where
// the user can look for it.
type apiObject struct {
	kind, id, list string
}

// objectErrorDiagnostic describes a failed API call about one object of
// the account.
func objectErrorDiagnostic(summary string, c *client.Client, o apiObject, err error) diag.Diagnostic {
	subject := "One-API"
	if o.id != "" {
		subject = strings.ToUpper(o.kind[:1]) + o.kind[1:] + " " + o.id
	}
	var loginErr *client.LoginError
	if errors.As(err, &loginErr) {
		return loginErrorDiagnostic(loginErr)
	}
	detail := fmt.Sprintf("%s: %s", subject, err)
	switch {
	case client.IsUnauthorized(err):
		summary = "Unable to Authenticate with One-API"
		detail += fmt.Sprintf("\n\nOne-API at %s refused the credentials. Check api_key (or %s) or token (or %s), "+
			"and that endpoint (or %s) names the platform the key belongs to.", c.Endpoint(), EnvAPIKey, EnvToken, EnvEndpoint)
	case client.IsNotFound(err):
		detail += fmt.Sprintf("\n\nOne-API at %s has no %s with this id for this account. Check the id and the endpoint.", c.Endpoint(), o.kind)
	case client.IsAmbiguousCreate(err):
		detail += fmt.Sprintf("\n\nList the account's recent %ss (%s, or the platform's web UI) "+
			"and, if the %s exists, bring it under Terraform with `terraform import` instead of applying again.", o.kind, o.list, o.kind)
	default:
		detail += "\n\nIf the problem persists, check the platform's status and retry."
	}
	return diag.NewErrorDiagnostic(summary, detail)
}

// loginErrorDiagnostic says which setting to check when One-API refused the
// login, without the request's error chain.
func loginErrorDiagnostic(e *client.LoginError) diag.Diagnostic {
	if !e.KeyRefused() {
		return diag.NewErrorDiagnostic("Unable to Log In to One-API",
			fmt.Sprintf("%s. Check endpoint (or %s): it is the platform's base URL, such as %s, without a path.",
				e, EnvEndpoint, client.DefaultEndpoint))
	}
	return diag.NewErrorDiagnostic("Unable to Authenticate with One-API",
		fmt.Sprintf("%s. Check api_key (or %s): a live_ or test_ key from the platform's Integrations & API page, and that "+
			"endpoint (or %s) is the platform the key belongs to. No further login is tried in this run.", e, EnvAPIKey, EnvEndpoint))
}
