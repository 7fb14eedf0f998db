package stoplist_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestAccStopListDataSource: every entry, a channel's, and those of some
// phones, with each entry's channels; more entries than a page of the API
// are all read.
func TestAccStopListDataSource(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	attach(t, sb, []string{"sms", "viber"}, phoneA)
	attach(t, sb, []string{"rcs"}, phoneB)
	many := make([]string, 0, 520)
	for i := range 520 {
		many = append(many, "38099"+string(rune('0'+i/100))+string(rune('0'+i/10%10))+string(rune('0'+i%10))+"0000")
	}
	attach(t, sb, []string{"sms"}, many...)
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderBlock() + `
data "oneapi_stop_list" "all" {}

data "oneapi_stop_list" "rcs" {
  channel = "rcs"
}

data "oneapi_stop_list" "search" {
  channel       = "sms"
  search_phones = ["` + phoneA + `", "` + phoneB + `", "380661239999"]
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.oneapi_stop_list.all", tfjsonpath.New("phones"), knownvalue.SetSizeExact(522)),
				statecheck.ExpectKnownValue("data.oneapi_stop_list.rcs", tfjsonpath.New("phones"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(phoneB)})),
				statecheck.ExpectKnownValue("data.oneapi_stop_list.search", tfjsonpath.New("phones"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(phoneA)})),
				statecheck.ExpectKnownValue("data.oneapi_stop_list.search", tfjsonpath.New("entries"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"phone":      knownvalue.StringExact(phoneA),
						"channels":   knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("sms"), knownvalue.StringExact("viber")}),
						"id":         knownvalue.NotNull(),
						"created_at": knownvalue.NotNull(),
					}),
				})),
			},
		}},
	})
}
