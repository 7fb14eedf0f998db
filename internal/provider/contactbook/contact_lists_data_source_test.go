package contactbook_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// TestAccContactListsDataSource reads every list across pages (more than
// one page of the API's largest size) and the one of a name.
func TestAccContactListsDataSource(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	for i := range 510 {
		if _, err := sb.Client().CreateContactList(context.Background(), client.ContactListRequest{Name: fmt.Sprintf("list %03d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderBlock() + `
data "oneapi_contact_lists" "all" {}
data "oneapi_contact_lists" "one" {
  name = "List 102"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				// 510 made here, 3 seeded by the stand-in.
				acctest.StateValue("data.oneapi_contact_lists.all", "ids", knownvalue.ListSizeExact(513)),
				acctest.StateValue("data.oneapi_contact_lists.one", "lists", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"id": knownvalue.StringExact("102"), "name": knownvalue.StringExact("List 102"), "contacts_count": knownvalue.Int64Exact(5),
					"description": knownvalue.Null(), "default": knownvalue.Bool(false),
				})})),
			},
			Check: func(*terraform.State) error { return sb.ExpectCountErr("GET /api/groups", 4) },
		}},
	})
}

var invalidContactListsReads = []acctest.InvalidCase{
	{Name: "name too short", Body: `name = "ab"`, Want: `name must be 3 to 50`},
	{Name: "name too long", Body: `name = "` + strings.Repeat("n", 51) + `"`, Want: `name must be 3 to 50`},
	{Name: "empty name", Body: `name = ""`, Want: `name must be 3 to 50`},
	{Name: "name a list", Body: `name = ["VIP"]`, Want: `name`},
	{Name: "name an object", Body: `name = { a = "VIP" }`, Want: `name`},
	{Name: "ids set", Body: `ids = []`, Want: `ids`},
	{Name: "lists set", Body: `lists = []`, Want: `lists`},
	{Name: "unknown argument", Body: `type = "sms"`, Want: `type`},
	{Name: "read timeout not a duration", Body: `timeouts = { read = "soon" }`, Want: `Time\s+Duration`},
	{Name: "timeouts not an object", Body: `timeouts = "1m"`, Want: `timeouts`},
}

func TestAccContactListsDataSource_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `data "oneapi_contact_lists" "test"`, invalidContactListsReads)
}
