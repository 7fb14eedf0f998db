package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

func TestAccSendersDataSource(t *testing.T) {
	t.Parallel()
	sb := startSandboxWith(t, sandbox.Config{Senders: map[string][]string{"sms": {"Shop", "Demo"}, "viber": {"ViberShop"}}})
	accTest(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.providerBlock() + `
data "oneapi_senders" "sms" {
  type = "sms"
}
data "oneapi_senders" "viber" {
  type = "viber"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				stateValue("data.oneapi_senders.sms", "names", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("Shop"), knownvalue.StringExact("Demo")})),
				stateValue("data.oneapi_senders.sms", "senders", knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"sender": knownvalue.StringExact("Shop"), "status": knownvalue.StringExact("active"), "is_default": knownvalue.Bool(true),
				})})),
				stateValue("data.oneapi_senders.viber", "names", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("ViberShop")})),
			},
		}},
	})
}

var invalidSendersReads = []invalidCase{
	{"no type", ``, `type.*is required`},
	{"rcs", `type = "rcs"`, `type value must be one of`},
	{"empty type", `type = ""`, `type value must be one of`},
	{"upper case", `type = "SMS"`, `type value must be one of`},
	{"type a list", `type = ["sms"]`, `type`},
	{"names set", `type = "sms"
names = []`, `names`},
	{"senders set", `type = "sms"
senders = []`, `senders`},
	{"unknown argument", `type = "sms"
status = "active"`, `status`},
	{"read timeout not a duration", `type = "sms"
timeouts = { read = "later" }`, `Time\s+Duration`},
	{"timeouts not an object", `type = "sms"
timeouts = "1m"`, `timeouts`},
}

func TestAccSendersDataSource_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	testInvalidConfigs(t, `data "oneapi_senders" "test"`, invalidSendersReads)
}
