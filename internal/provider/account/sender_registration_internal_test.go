package account

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

func ptr(s string) *string { return &s }

// TestSenderRegistrationFromAPI: the applicant is read from the answer,
// optional strings the API writes as "" or null are null, and the
// provider's settings get their defaults (an import, a list result).
func TestSenderRegistrationFromAPI(t *testing.T) {
	for name, tc := range map[string]struct {
		in            client.SenderRequest
		applicant     string
		comment, site types.String
	}{
		"legal": {client.SenderRequest{ID: 7, Sender: "Shop", LegalName: ptr("L"), Comment: ptr(""), SiteURL: ptr("https://x.example")},
			"legal", types.StringNull(), types.StringValue("https://x.example")},
		"natural": {client.SenderRequest{ID: 8, Sender: "Anna", Name: ptr("Anna"), LegalName: ptr(""), Comment: ptr("hi")},
			"natural", types.StringValue("hi"), types.StringNull()},
	} {
		t.Run(name, func(t *testing.T) {
			var m senderRegistrationModel
			m.fromAPI(&tc.in)
			if m.Applicant.ValueString() != tc.applicant || !m.Comment.Equal(tc.comment) || !m.SiteURL.Equal(tc.site) {
				t.Errorf("applicant %s comment %s site %s", m.Applicant, m.Comment, m.SiteURL)
			}
			if m.Type.ValueString() != "sms" || m.WaitForRegistration.IsNull() || m.WaitForRegistration.ValueBool() || !m.LegalName.IsNull() && name == "natural" {
				t.Errorf("type %s wait %s legal_name %s", m.Type, m.WaitForRegistration, m.LegalName)
			}
			if len(m.Timeouts.AttributeTypes(t.Context())) != 2 {
				t.Errorf("timeouts typed %v, want create and update", m.Timeouts.AttributeTypes(t.Context()))
			}
		})
	}
}

// TestChangedInputs names exactly the application's attributes that
// differ; the provider's settings are not among them.
func TestChangedInputs(t *testing.T) {
	var a senderRegistrationModel
	a.fromAPI(&client.SenderRequest{ID: 7, Sender: "Shop", LegalName: ptr("L"), Address: ptr("Kyiv")})
	b := a
	b.Address, b.WaitForRegistration = types.StringValue("Lviv"), types.BoolValue(true)
	if got := changedInputs(a, b); !slices.Equal(got, []string{"address"}) {
		t.Errorf("changed %v, want [address]", got)
	}
	if got := changedInputs(a, a); len(got) != 0 {
		t.Errorf("changed %v, want none", got)
	}
}
