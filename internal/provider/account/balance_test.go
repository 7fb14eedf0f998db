package account_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

func TestAccBalanceDataSource(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandboxWith(t, sandbox.Config{Balance: -50.25, Credit: 125})
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderBlock() + "data \"oneapi_balance\" \"current\" {}\n",
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue("data.oneapi_balance.current", "balance", knownvalue.Float64Exact(-50.25)),
				acctest.StateValue("data.oneapi_balance.current", "credit", knownvalue.Float64Exact(125)),
				acctest.StateValue("data.oneapi_balance.current", "currency", knownvalue.StringExact("USD")),
			},
		}},
	})
}

// The balance takes no input, so what can be wrong is the attributes it
// computes, unknown ones, and its timeouts.
var invalidBalanceReads = []acctest.InvalidCase{
	{Name: "balance set", Body: `balance = 1`, Want: `balance`},
	{Name: "currency set", Body: `currency = "USD"`, Want: `currency`},
	{Name: "credit set", Body: `credit = 0`, Want: `credit`},
	{Name: "unknown argument", Body: `account = "main"`, Want: `account`},
	{Name: "read timeout not a duration", Body: `timeouts = { read = "soon" }`, Want: `Time\s+Duration`},
	{Name: "read timeout empty", Body: `timeouts = { read = "" }`, Want: `Time\s+Duration`},
	{Name: "read timeout a number", Body: `timeouts = { read = 5 }`, Want: `Time\s+Duration`},
	{Name: "timeouts not an object", Body: `timeouts = "1m"`, Want: `timeouts`},
	{Name: "timeouts a list", Body: `timeouts = ["1m"]`, Want: `timeouts`},
	{Name: "unknown block", Body: `filter {
  currency = "USD"
}`, Want: `filter`},
}

func TestAccBalanceDataSource_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `data "oneapi_balance" "test"`, invalidBalanceReads)
}
