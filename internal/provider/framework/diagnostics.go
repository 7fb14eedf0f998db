package framework

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// The provider's diagnostics are built here, one way: a Title Case summary
// naming the action, and a detail saying what failed, for which object,
// the API's own message, and what the user can do.

// APIObject names what a call was about, for a diagnostic: its kind
// ("campaign", "contact list"), its id (empty before it exists), and where
// the user can look for it.
type APIObject struct {
	Kind, ID, List string
}

// ObjectErrorDiagnostic describes a failed API call about one object of
// the account: the error as the client tells it (which names the call),
// then what the user can do, naming the object and the endpoint. Retry
// advice is given only where a retry can help.
func ObjectErrorDiagnostic(summary string, c *client.Client, o APIObject, err error) diag.Diagnostic {
	var loginErr *client.LoginError
	if errors.As(err, &loginErr) {
		return LoginErrorDiagnostic(loginErr)
	}
	what := "the " + o.Kind
	if o.ID != "" {
		what = o.Kind + " " + o.ID
	}
	detail := sentence(err.Error()) + "\n\n"
	switch {
	case client.IsUnauthorized(err):
		summary = "Unable to Authenticate with One-API"
		detail += fmt.Sprintf("One-API at %s refused the credentials. Check api_key (or %s) or token (or %s), "+
			"and that endpoint (or %s) names the platform the key belongs to.", c.Endpoint(), EnvAPIKey, EnvToken, EnvEndpoint)
	case client.IsNotFound(err):
		detail += fmt.Sprintf("One-API at %s has no %s for this account. Check the id, and that endpoint and the "+
			"API key belong to the account that owns it (another account's key answers 404).", c.Endpoint(), what)
	case client.IsAmbiguousCreate(err):
		detail += fmt.Sprintf("List the account's recent %ss (%s, or the platform's web UI) "+
			"and, if the %s exists, bring it under Terraform with `terraform import` instead of applying again.", o.Kind, o.List, o.Kind)
	case client.IsConnectionError(err):
		detail += fmt.Sprintf("Nothing reached One-API. Check endpoint (or %s): the platform's base URL, such as %s, "+
			"reachable from this machine.", EnvEndpoint, client.DefaultEndpoint)
	case isRedirect(err):
		detail += fmt.Sprintf("Check endpoint (or %s): set it to the address One-API answers on.", EnvEndpoint)
	case client.IsBadAnswer(err):
		detail += fmt.Sprintf("Nothing about %s was written to the state; what it held is kept. Check that endpoint "+
			"(or %s, now %s) is One-API's API base URL and not a proxy or web page in front of it. If it is, "+
			"the platform answered wrongly: apply again later.", what, EnvEndpoint, c.Endpoint())
	case retryable(err):
		detail += fmt.Sprintf("This is usually temporary (%s at %s): check the platform's status and apply again.", what, c.Endpoint())
	default:
		detail += fmt.Sprintf("One-API refused the request about %s; nothing was changed. Correct what its message "+
			"names and apply again.", what)
	}
	return diag.NewErrorDiagnostic(summary, detail)
}

// retryable reports an error a later attempt may not meet: a 5xx, a 429,
// or a request that got no answer (timeout, dropped connection).
func retryable(err error) bool {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode >= 500 || apiErr.StatusCode == 429
	}
	return !client.IsBadAnswer(err)
}

func isRedirect(err error) bool {
	var re *client.RedirectError
	return errors.As(err, &re)
}

// sentence ends a message with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, ")") && strings.HasSuffix(strings.TrimSuffix(s, ")"), ".") {
		return s
	}
	return s + "."
}

// AttributeErrors attaches each field error of a 422 answer to the
// attribute it concerns (attr), or to the resource where none does;
// extra may add to a field's sentence (the phone of phones3number).
func AttributeErrors(summary, then string, apiErr *client.APIError, attr func(field string) (path.Path, bool), extra func(field string) string) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, field := range apiErr.SortedFields() {
		p, attached := attr(field)
		detail := ""
		if attached {
			detail = fmt.Sprintf("Attribute %s: ", p)
		}
		detail += fmt.Sprintf("One-API refused it (%d, %s): %s: %s.", apiErr.StatusCode, apiErr.Message,
			field, strings.TrimSuffix(strings.Join(apiErr.FieldErrors[field], "; "), "."))
		if extra != nil {
			detail += extra(field)
		}
		detail += " " + then
		if attached {
			diags.AddAttributeError(p, summary, detail)
		} else {
			diags.AddError(summary, detail)
		}
	}
	return diags
}

// FieldErrorsOf returns the 422 answer with field errors in err, or nil.
func FieldErrorsOf(err error) *client.APIError {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || len(apiErr.FieldErrors) == 0 || client.IsAmbiguousCreate(err) {
		return nil
	}
	return apiErr
}

// LoginErrorDiagnostic says which setting to check when One-API refused the
// login, without the request's error chain.
func LoginErrorDiagnostic(e *client.LoginError) diag.Diagnostic {
	if !e.KeyRefused() {
		return diag.NewErrorDiagnostic("Unable to Log In to One-API",
			fmt.Sprintf("%s. Check endpoint (or %s): it is the platform's base URL, such as %s, without a path.",
				e, EnvEndpoint, client.DefaultEndpoint))
	}
	return diag.NewErrorDiagnostic("Unable to Authenticate with One-API",
		fmt.Sprintf("%s. Check api_key (or %s): a live_ or test_ key from the platform's Integrations & API page, and that "+
			"endpoint (or %s) is the platform the key belongs to. No further login is tried in this run.", e, EnvAPIKey, EnvEndpoint))
}
