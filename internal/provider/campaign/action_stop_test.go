package campaign_test

import (
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestAccNative_stopAndRenewSettingsCheckedWhenKnown: a bad campaign id or
// timeout of the stop and renew actions fails with the error of the
// literal case when it comes from a variable (at plan) or from another
// resource's attribute (at invoke), and no request is sent.
func TestAccNative_stopAndRenewSettingsCheckedWhenKnown(t *testing.T) {
	badID := func(id, says string) acctest.BadActionSetting {
		return acctest.BadActionSetting{Settings: "campaign_id = %s", Value: id,
			Summary: "Invalid Campaign Id", Attr: "campaign_id", Detail: `"` + id + `" ` + says}
	}
	t.Run("oneapi_campaign_stop", func(t *testing.T) {
		acctest.CheckActionSettings(t, "oneapi_campaign_stop", []acctest.BadActionSetting{
			badID("abc", `is not a campaign id \(digits only\)\.`),
			{Settings: "campaign_id = \"53708808\"\ntimeouts = { invoke = %s }", Value: "soon",
				Summary: "Invalid Attribute Value Time Duration", Attr: "timeouts", Detail: `"soon" must be a string containing a sequence of decimal numbers`},
		})
	})
	t.Run("oneapi_campaign_renew", func(t *testing.T) {
		acctest.CheckActionSettings(t, "oneapi_campaign_renew", []acctest.BadActionSetting{
			badID("abc", `is not a campaign id \(digits only\)\.`),
			badID("9999999999999999999", `is out of range: a campaign id is a whole number from 1 to`),
		})
	})
}
