package otp

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

func TestCodePlaceholderValidator(t *testing.T) {
	for text, want := range map[string]string{
		"Your code is {code2fa}":     "",
		"{code2fa}":                  "",
		"Your code":                  "Code Placeholder Missing",
		"{code2fa} and {code2fa}":    "Code Placeholder Repeated",
		"Code {Code2FA}":             "Code Placeholder Misspelled",
		"Code { code2fa }":           "Code Placeholder Misspelled",
		"Code {code}":                "Code Placeholder Missing",
		"Code {{code2fa}}":           "",
		"Код: {code2fa} (не кажіть)": "",
	} {
		resp := &validator.StringResponse{}
		codePlaceholderValidator().ValidateString(context.Background(), validator.StringRequest{
			Path: path.Root("text"), ConfigValue: types.StringValue(text)}, resp)
		got := ""
		if resp.Diagnostics.HasError() {
			got = resp.Diagnostics.Errors()[0].Summary()
		}
		if got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

func TestCountryValidator(t *testing.T) {
	for code, ok := range map[string]bool{"UA": true, "PT": true, "GB": true, "ua": false, "UK": false, "XX": false, "UKR": false, "": false} {
		resp := &validator.StringResponse{}
		countryValidator().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("countries"), ConfigValue: types.StringValue(code)}, resp)
		if resp.Diagnostics.HasError() == ok {
			t.Errorf("%q: error %v, want %v", code, resp.Diagnostics.HasError(), !ok)
		}
	}
}

// TestTemplateFromAPI: the API's template in the model; no countries stay
// null when the configuration has none, and the timeouts of a list result
// are a null object of the schema's type.
func TestTemplateFromAPI(t *testing.T) {
	var m templateModel
	m.Countries = types.SetNull(types.StringType)
	m.fromAPI(&client.OTPTemplate{TemplateID: 515, Name: "Login", Text: "Code {code2fa}", Countries: []string{}, Status: "approved",
		UpdatedAt: "2000-01-23T04:56:07.000+00:00"})
	if m.ID.ValueString() != "515" || !m.Countries.IsNull() || m.Status.ValueString() != "approved" || !m.Timeouts.IsNull() ||
		len(m.Timeouts.AttributeTypes(context.Background())) != 2 {
		t.Errorf("model = %+v", m)
	}
	m.fromAPI(&client.OTPTemplate{TemplateID: 515, Name: "Login", Text: "Code {code2fa}", Countries: []string{"UA", "PT"}})
	if len(m.Countries.Elements()) != 2 {
		t.Errorf("countries = %v", m.Countries)
	}
}
