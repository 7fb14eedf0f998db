package account

import (
	"context"
	"net/url"
	"regexp"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"golang.org/x/text/language"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The schema of oneapi_sender_registration and its rules at plan, from
// SenderRequestLegalRequest and SenderRequestNaturalRequest.

var (
	alphaSender = regexp.MustCompile(`^[A-Za-z0-9]{1,11}$`)
	digitSender = regexp.MustCompile(`^[0-9]{1,15}$`)
)

// senderNameRule: up to 11 Latin letters or digits, or up to 15 digits.
var senderNameRule = framework.StringCheck("up to 11 Latin letters or digits, or up to 15 digits", func(p path.Path, v string, d *diag.Diagnostics) {
	if !alphaSender.MatchString(v) && !digitSender.MatchString(v) {
		d.AddAttributeError(p, "Invalid Sender Name",
			"A sender name has up to 11 Latin letters or digits (no spaces or symbols), or up to 15 digits; got "+strconv.Quote(v)+".")
	}
})

// countryRule: an ISO 3166-1 alpha-2 country code, upper case.
var countryRule = framework.StringCheck("an ISO 3166-1 alpha-2 country code in upper case, such as UA", func(p path.Path, v string, d *diag.Diagnostics) {
	r, err := language.ParseRegion(v)
	if len(v) != 2 || v != r.String() || err != nil || !r.IsCountry() {
		d.AddAttributeError(p, "Invalid Country Code",
			"country_code must be an ISO 3166-1 alpha-2 country code in upper case, such as UA or DE; got "+strconv.Quote(v)+".")
	}
})

// siteURLRule: an http or https URL with a host.
var siteURLRule = framework.StringCheck("an http or https URL", func(p path.Path, v string, d *diag.Diagnostics) {
	if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		d.AddAttributeError(p, "Invalid Site URL", "site_url must be an http or https URL, such as https://example.com; got "+strconv.Quote(v)+".")
	}
})

func (r *senderRegistrationResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := senderApplicationAttributes()
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "Application id (the API's integer id, as a string).",
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
	attrs["wait_for_registration"] = schema.BoolAttribute{
		MarkdownDescription: "Wait, on create (and on an update that sets it), until moderation registers the sender, " +
			"for at most `timeouts.create` (or `timeouts.update`; default 30 minutes). A rejection is an error; a " +
			"wait that runs out is a warning, and the application stays in the state (default `false`).",
		Optional: true,
		Computed: true,
		Default:  booldefault.StaticBool(false),
	}
	attrs["status"] = computed("Moderation status, as of the last refresh: `new`, `accepted`, `in_progress`, `registered` " +
		"or `rejected`.")
	attrs["rejection_reason"] = computed("Why moderation rejected the application; null unless `status` is `rejected`.")
	attrs["created_at"] = schema.StringAttribute{
		MarkdownDescription: "When the application was filed, as the platform writes it.",
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
	attrs["status_changed_at"] = computed("When the status last changed; null while it is `new`.")
	attrs["registered_at"] = computed("When the sender was registered; null until then.")
	attrs["timeouts"] = timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true})
	resp.Schema = schema.Schema{
		MarkdownDescription: "An application for the registration of an SMS or Viber sender name with the mobile operators of " +
			"one country (`POST /api/senders/requests/legal` or `/natural`), moderated by One-API. The API can neither change " +
			"nor withdraw an application: changing any of its attributes files a new one (a replacement, with a warning " +
			"that the old one stays on the platform), and destroying only removes it from the state, with a warning. " +
			"Registration is not available in the platform's Demo and Test account modes. Once `status` is `registered`, " +
			"the sender appears in the `oneapi_senders` data source.",
		Attributes: attrs,
	}
}

// senderApplicationAttributes are what an application says: each one
// changed files a new application.
func senderApplicationAttributes() map[string]schema.Attribute {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	input := func(desc string, required bool, rules ...validator.String) schema.Attribute {
		return schema.StringAttribute{MarkdownDescription: desc, Required: required, Optional: !required, Validators: rules, PlanModifiers: replace}
	}
	return map[string]schema.Attribute{
		"applicant": input("Who applies: `legal` (a legal entity: `legal_name`, `address` and `tax_number` are required) or "+
			"`natural` (an individual: `name` is required).", true, stringvalidator.OneOf("legal", "natural")),
		"type": schema.StringAttribute{
			MarkdownDescription: "`sms` (default) or `viber`.",
			Optional:            true,
			Computed:            true,
			Default:             stringdefault.StaticString("sms"),
			Validators:          []validator.String{stringvalidator.OneOf("sms", "viber")},
			PlanModifiers:       replace,
		},
		"country_code":    input("Country whose operators register the sender: an ISO 3166-1 alpha-2 code in upper case (`UA`).", true, countryRule),
		"sender":          input("Sender name: up to 11 Latin letters or digits, or up to 15 digits.", true, senderNameRule),
		"code_of_company": input("National registration code of the company (ЄДРПОУ for Ukraine), 1 to 30 characters.", true, framework.UTF16LengthBetween(1, 30)),
		"tax_number":      input("Taxpayer number, 1 to 30 characters; `legal` applicants only, required there.", false, framework.UTF16LengthBetween(1, 30)),
		"name":            input("Last name, first name and middle name, 1 to 100 characters; `natural` applicants only, required there.", false, framework.UTF16LengthBetween(1, 100)),
		"legal_name":      input("Legal entity name, 1 to 100 characters; `legal` applicants only, required there.", false, framework.UTF16LengthBetween(1, 100)),
		"address":         input("Legal address, 1 to 200 characters; `legal` applicants only, required there.", false, framework.UTF16LengthBetween(1, 200)),
		"description":     input("Description of the service, 1 to 1000 characters.", true, framework.UTF16LengthBetween(1, 1000)),
		"informing_purpose": input("Purpose of the messages (`notifications for customers`), 1 to 1000 characters.", true,
			framework.UTF16LengthBetween(1, 1000)),
		"site_url": input("Website of the service: an http or https URL of 7 to 150 characters.", false,
			framework.UTF16LengthBetween(7, 150), siteURLRule),
		"comment": input("Anything else moderation should know, 1 to 1000 characters.", false, framework.UTF16LengthBetween(1, 1000)),
	}
}

// ValidateConfig checks which attributes the applicant needs and takes.
func (r *senderRegistrationResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m senderRegistrationModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Applicant.IsUnknown() || m.Applicant.IsNull() {
		return
	}
	legal := m.Applicant.ValueString() == "legal"
	for _, f := range []struct {
		name      string
		set, seen bool
		forLegal  bool
	}{
		{"legal_name", !m.LegalName.IsNull(), m.LegalName.IsUnknown(), true},
		{"address", !m.Address.IsNull(), m.Address.IsUnknown(), true},
		{"tax_number", !m.TaxNumber.IsNull(), m.TaxNumber.IsUnknown(), true},
		{"name", !m.Name.IsNull(), m.Name.IsUnknown(), false},
	} {
		switch {
		case f.forLegal == legal && !f.set:
			resp.Diagnostics.AddAttributeError(path.Root(f.name), "Missing Attribute",
				f.name+" is required when applicant is "+strconv.Quote(m.Applicant.ValueString())+".")
		case f.forLegal != legal && f.set && !f.seen:
			resp.Diagnostics.AddAttributeError(path.Root(f.name), "Attribute Not Taken",
				f.name+" is not taken when applicant is "+strconv.Quote(m.Applicant.ValueString())+": remove it.")
		}
	}
}
