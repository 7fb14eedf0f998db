package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

func TestAccBalanceDataSource(t *testing.T) {
	t.Parallel()
	sb := startSandboxWith(t, sandbox.Config{Balance: -50.25, Credit: 125})
	accTest(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.providerBlock() + "data \"oneapi_balance\" \"current\" {}\n",
			ConfigStateChecks: []statecheck.StateCheck{
				stateValue("data.oneapi_balance.current", "balance", knownvalue.Float64Exact(-50.25)),
				stateValue("data.oneapi_balance.current", "credit", knownvalue.Float64Exact(125)),
				stateValue("data.oneapi_balance.current", "currency", knownvalue.StringExact("USD")),
			},
		}},
	})
}

// The balance takes no input, so what can be wrong is the attributes it
// computes, unknown ones, and its timeouts.
var invalidBalanceReads = []invalidCase{
	{"balance set", `balance = 1`, `balance`},
	{"currency set", `currency = "USD"`, `currency`},
	{"credit set", `credit = 0`, `credit`},
	{"unknown argument", `account = "main"`, `account`},
	{"read timeout not a duration", `timeouts = { read = "soon" }`, `Time\s+Duration`},
	{"read timeout empty", `timeouts = { read = "" }`, `Time\s+Duration`},
	{"read timeout a number", `timeouts = { read = 5 }`, `Time\s+Duration`},
	{"timeouts not an object", `timeouts = "1m"`, `timeouts`},
	{"timeouts a list", `timeouts = ["1m"]`, `timeouts`},
	{"unknown block", `filter {
  currency = "USD"
}`, `filter`},
}

func TestAccBalanceDataSource_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	testInvalidConfigs(t, `data "oneapi_balance" "test"`, invalidBalanceReads)
}
