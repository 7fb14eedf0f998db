package provider

import (
	"errors"
	"strconv"
	"strings"

	"fmt"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// The provider's diagnostics are built here, one way: a Title Case summary
// naming the action, and a detail saying what failed, for which campaign,
// the API's own message, and what the user can do.

// apiErrorDiagnostic describes a failed API call about one campaign (id may
// be empty when there is none yet).
func apiErrorDiagnostic(summary string, c *client.Client, id string, err error) diag.Diagnostic {
	subject := "One-API"
	if id != "" {
		subject = "Campaign " + id
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
		detail += fmt.Sprintf("\n\nOne-API at %s has no campaign with this id for this account. Check the id and the endpoint.", c.Endpoint())
	case client.IsAmbiguousCreate(err):
		detail += "\n\nList the account's recent campaigns (the oneapi_campaigns data source, or the platform's web UI) " +
			"and, if the campaign exists, bring it under Terraform with `terraform import` instead of applying again."
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

// providerClient is what Configure of every resource and data source does:
// take the provider's client (nil before the provider is configured).
func providerClient(data any, diags *diag.Diagnostics) *client.Client {
	if data == nil {
		return nil
	}
	c, ok := data.(*client.Client)
	if !ok {
		diags.AddError("Unexpected Provider Data",
			fmt.Sprintf("Expected *client.Client, got %T. Please report this issue to the provider developers.", data))
	}
	return c
}

func stopErrorDiagnostic(c *client.Client, id, status string, err error) diag.Diagnostic {
	d := apiErrorDiagnostic("Unable to Stop Campaign", c, id, err)
	if status == "" {
		return d
	}
	return diag.NewErrorDiagnostic(d.Summary(), d.Detail()+fmt.Sprintf(" The campaign was in status %q when the stop was tried.", status))
}

func stopTimeoutDiagnostic(id, status string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Timed Out Stopping Campaign",
		fmt.Sprintf("Campaign %s was still in status %q when the time ran out, and is not stopped: the platform "+
			"accepts a stop only in some statuses (an RCS campaign not in \"creation\", an SMS campaign not in \"moderation\"), "+
			"and the provider waits for one. Apply again, or raise timeouts.update (timeouts.delete when destroying).", id, status))
}

// campaignNotFoundWarning explains a 404 for a campaign in state: the
// campaign is kept as last seen, and what to do.
func campaignNotFoundWarning(c *client.Client, id string) diag.Diagnostic {
	return diag.NewWarningDiagnostic("Campaign Not Found",
		fmt.Sprintf("One-API at %s answered 404 for campaign %s. The platform has no call that deletes a campaign, so "+
			"this almost always means the provider points at another account, endpoint or key than the one that "+
			"created it. The campaign stays in the state as last seen, and nothing will be created or sent for it.\n\n"+
			"If endpoint or the API key is wrong, correct them and the next refresh finds the campaign again. "+
			"To stop managing the campaign, remove its resource block (destroying it makes no API call), or replace "+
			"the block with a removed block (Terraform 1.7 or later):\n\n"+
			"  removed {\n    from = <resource address>\n    lifecycle {\n      destroy = false\n    }\n  }", c.Endpoint(), id))
}

// createErrorDiagnostics attaches each 422 field error of a create to the
// attribute it concerns.
func createErrorDiagnostics(c *client.Client, req createRequest, err error) diag.Diagnostics {
	var diags diag.Diagnostics
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || len(apiErr.FieldErrors) == 0 || client.IsAmbiguousCreate(err) {
		diags.Append(apiErrorDiagnostic("Unable to Create Campaign", c, "", err))
		return diags
	}
	for _, field := range apiErr.SortedFields() {
		p, attached := apiFieldPath(field, req.rcs != nil)
		detail := ""
		if attached {
			detail = fmt.Sprintf("Attribute %s: ", p)
		}
		detail += fmt.Sprintf("One-API refused the campaign (%d, %s): %s: %s.", apiErr.StatusCode, apiErr.Message,
			field, strings.TrimSuffix(strings.Join(apiErr.FieldErrors[field], "; "), "."))
		if n := phoneIndex(field); n >= 0 && req.rcs != nil && n < len(req.rcs.Phones) {
			detail += fmt.Sprintf(" (phone %s)", req.rcs.Phones[n].Number)
		} else if n >= 0 && req.sms != nil && n < len(req.sms.Phones) {
			detail += fmt.Sprintf(" (phone %s)", req.sms.Phones[n].Number)
		}
		detail += " Nothing was sent. Correct the value and apply again."
		if attached {
			diags.AddAttributeError(p, "Unable to Create Campaign", detail)
		} else {
			diags.AddError("Unable to Create Campaign", detail)
		}
	}
	return diags
}

// apiFieldPath maps a field of a create request, as the API names it in a
// 422 answer (undotted as documented, "phones3number",
// "alternative_channelsmstext", or dotted, "phones.3.number"), to the
// resource attribute it came from.
func apiFieldPath(field string, rcs bool) (path.Path, bool) {
	parts := client.FieldPath(field)
	content := "sms"
	if rcs {
		content = "rcs"
	}
	switch parts[0] {
	case "phones":
		return path.Root("recipients").AtName("phones"), true
	case "groups":
		return path.Root("recipients").AtName("groups"), true
	case "sender", "text", "transliterate":
		return path.Root(content).AtName(parts[0]), true
	case "options":
		if len(parts) >= 2 && parts[1] == "text" {
			return path.Root("rcs").AtName("text"), true
		}
		return path.Root("rcs").AtName("cards"), true
	case "alternative_channel":
		if len(parts) < 3 {
			return path.Root("sms_fallback"), true
		}
		name := map[string]string{"validity": "validity_hours"}[parts[2]]
		if name == "" {
			name = parts[2]
		}
		return path.Root("sms_fallback").AtName(name), true
	case "validity":
		return path.Root("validity_hours"), true
	case "validity_seconds", "start_at", "tariff_code", "add_to_contact_book", "check_stop_list":
		return path.Root(parts[0]), true
	}
	return path.Empty(), false
}

func phoneIndex(field string) int {
	parts := client.FieldPath(field)
	if len(parts) < 2 || parts[0] != "phones" {
		return -1
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil {
		return -1
	}
	return n
}

func recoveredCreateWarning(c *client.Campaign) diag.Diagnostic {
	return diag.NewWarningDiagnostic("Campaign Recovered After a Lost Answer",
		fmt.Sprintf("The answer to the create request was lost (timeout, dropped connection or an error after the "+
			"platform acted). Campaign %d was %s, and is now in the state. No campaign was sent twice.", c.ID, c.Recovered))
}
