package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// TestAccContactListsDataSource reads every list across pages (more than
// one page of the API's largest size) and the one of a name.
func TestAccContactListsDataSource(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t)
	for i := range 510 {
		if _, err := sb.client().CreateContactList(context.Background(), client.ContactListRequest{Name: fmt.Sprintf("list %03d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	accTest(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.providerBlock() + `
data "oneapi_contact_lists" "all" {}
data "oneapi_contact_lists" "one" {
  name = "List 102"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				// 510 made here, 3 seeded by the stand-in.
				stateValue("data.oneapi_contact_lists.all", "ids", knownvalue.ListSizeExact(513)),
				stateValue("data.oneapi_contact_lists.one", "lists", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"id": knownvalue.StringExact("102"), "name": knownvalue.StringExact("List 102"), "contacts_count": knownvalue.Int64Exact(5),
					"description": knownvalue.Null(), "default": knownvalue.Bool(false),
				})})),
			},
			Check: func(*terraform.State) error { return sb.expectCountErr("GET /api/groups", 4) },
		}},
	})
}

var invalidContactListsReads = []invalidCase{
	{"name too short", `name = "ab"`, `name must be 3 to 50`},
	{"name too long", `name = "` + strings.Repeat("n", 51) + `"`, `name must be 3 to 50`},
	{"empty name", `name = ""`, `name must be 3 to 50`},
	{"name a list", `name = ["VIP"]`, `name`},
	{"name an object", `name = { a = "VIP" }`, `name`},
	{"ids set", `ids = []`, `ids`},
	{"lists set", `lists = []`, `lists`},
	{"unknown argument", `type = "sms"`, `type`},
	{"read timeout not a duration", `timeouts = { read = "soon" }`, `Time\s+Duration`},
	{"timeouts not an object", `timeouts = "1m"`, `timeouts`},
}

func TestAccContactListsDataSource_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	testInvalidConfigs(t, `data "oneapi_contact_lists" "test"`, invalidContactListsReads)
}
