package account_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

func TestAccSendersDataSource(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandboxWith(t, sandbox.Config{Senders: map[string][]string{"sms": {"Shop", "Demo"}, "viber": {"ViberShop"}}})
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderBlock() + `
data "oneapi_senders" "sms" {
  type = "sms"
}
data "oneapi_senders" "viber" {
  type = "viber"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue("data.oneapi_senders.sms", "names", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("Shop"), knownvalue.StringExact("Demo")})),
				acctest.StateValue("data.oneapi_senders.sms", "senders", knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"sender": knownvalue.StringExact("Shop"), "status": knownvalue.StringExact("active"), "is_default": knownvalue.Bool(true),
				})})),
				acctest.StateValue("data.oneapi_senders.viber", "names", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("ViberShop")})),
			},
		}},
	})
}

var invalidSendersReads = []acctest.InvalidCase{
	{Name: "no type", Body: ``, Want: `type.*is required`},
	{Name: "rcs", Body: `type = "rcs"`, Want: `type value must be one of`},
	{Name: "empty type", Body: `type = ""`, Want: `type value must be one of`},
	{Name: "upper case", Body: `type = "SMS"`, Want: `type value must be one of`},
	{Name: "type a list", Body: `type = ["sms"]`, Want: `type`},
	{Name: "names set", Body: `type = "sms"
names = []`, Want: `names`},
	{Name: "senders set", Body: `type = "sms"
senders = []`, Want: `senders`},
	{Name: "unknown argument", Body: `type = "sms"
status = "active"`, Want: `status`},
	{Name: "read timeout not a duration", Body: `type = "sms"
timeouts = { read = "later" }`, Want: `Time\s+Duration`},
	{Name: "timeouts not an object", Body: `type = "sms"
timeouts = "1m"`, Want: `timeouts`},
}

func TestAccSendersDataSource_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `data "oneapi_senders" "test"`, invalidSendersReads)
}
