package account_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

func TestAccTariffsDataSource(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	sb.SetTariffs([]sandbox.Tariff{
		{ID: 11, Name: "Standard", Code: 0, IsActive: true, IsDefault: true},
		{ID: 12, Name: "Old", Code: 4},
		{ID: 13, Name: "Best quality", Code: 9, IsActive: true},
	})
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderBlock() + `
data "oneapi_tariffs" "all" {}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue("data.oneapi_tariffs.all", "active_codes", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.Int64Exact(0), knownvalue.Int64Exact(9)})),
				acctest.StateValue("data.oneapi_tariffs.all", "tariffs", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.Int64Exact(11), "name": knownvalue.StringExact("Standard"),
						"code": knownvalue.Int64Exact(0), "is_active": knownvalue.Bool(true), "is_default": knownvalue.Bool(true)}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.Int64Exact(12), "name": knownvalue.StringExact("Old"),
						"code": knownvalue.Int64Exact(4), "is_active": knownvalue.Bool(false), "is_default": knownvalue.Bool(false)}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.Int64Exact(13), "name": knownvalue.StringExact("Best quality"),
						"code": knownvalue.Int64Exact(9), "is_active": knownvalue.Bool(true), "is_default": knownvalue.Bool(false)}),
				})),
			},
			Check: func(*terraform.State) error { return sb.ExpectCountErr("GET /api/accounts/tariff", 1) }, // read once, at plan
		}},
	})
}

var invalidTariffsReads = []acctest.InvalidCase{
	{Name: "tariffs set", Body: `tariffs = []`, Want: `tariffs`},
	{Name: "active_codes set", Body: `active_codes = [0]`, Want: `active_codes`},
	{Name: "unknown argument", Body: `type = "sms"`, Want: `type`},
	{Name: "code filter", Body: `code = 9`, Want: `code`},
	{Name: "read timeout not a duration", Body: `timeouts = { read = "later" }`, Want: `Time\s+Duration`},
	{Name: "timeouts not an object", Body: `timeouts = "1m"`, Want: `timeouts`},
	{Name: "id set", Body: `id = 1`, Want: `id`},
	{Name: "name set", Body: `name = "Standard"`, Want: `name`},
	{Name: "is_active filter", Body: `is_active = true`, Want: `is_active`},
	{Name: "tariffs block", Body: `tariffs {
  code = 9
}`, Want: `tariffs`},
}

func TestAccTariffsDataSource_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `data "oneapi_tariffs" "test"`, invalidTariffsReads)
}
