package contactbook_test

// The contact book's list resources, through terraform query and
// terraform-plugin-testing's query steps (Terraform 1.14+: each test
// starts with acctest.RequireNative).

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestAccContactList_query: the query finds a list by name, with its
// identity, through terraform-plugin-testing's query step.
func TestAccContactList_query(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	var id string
	acctest.NativeTest(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config: sb.ProviderBlock() + `resource "oneapi_contact_list" "vip" { name = "VIP" }`,
				Check:  resource.TestCheckResourceAttrWith("oneapi_contact_list.vip", "id", func(v string) error { id = v; return nil }),
			},
			{
				Query: true,
				Config: `
list "oneapi_contact_list" "vip" {
  provider = oneapi
  config {
    name = "VIP"
  }
}
list "oneapi_contact_list" "all" {
  provider = oneapi
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("list.oneapi_contact_list.vip", 1),
					querycheck.ExpectIdentity("oneapi_contact_list.vip", map[string]knownvalue.Check{
						"id": knownvalue.StringFunc(func(v string) error {
							if v != id {
								return fmt.Errorf("identity %s, want the list's id %s", v, id)
							}
							return nil
						}),
					}),
					// the stand-in's three lists and VIP
					querycheck.ExpectLength("list.oneapi_contact_list.all", 4),
				},
			},
		},
	})
}

// TestAccContactBook_queryImportsWhatAnotherWorkspaceMade: a list and
// its contacts made in another workspace are found by name and list id;
// the generated configuration plans three imports and then nothing, with
// no write request.
func TestAccContactBook_queryImportsWhatAnotherWorkspaceMade(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	other := acctest.NewCLI(t, nil)
	other.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+`
resource "oneapi_contact_list" "vip" {
  name        = "VIP"
  description = "made elsewhere"
}
resource "oneapi_contact" "member" {
  for_each      = toset(["380661231231", "380661231232"])
  phone         = each.value
  contact_lists = [oneapi_contact_list.vip.id]
  fields        = { "387714" = "Ilya Muromets" }
}
output "list_id" { value = oneapi_contact_list.vip.id }
`)
	other.Init()
	other.MustRun("apply", "-auto-approve", "-no-color")
	listID := strings.TrimSpace(other.MustRun("output", "-raw", "list_id"))

	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock())
	cli.Write("main.tfquery.hcl", fmt.Sprintf(`
list "oneapi_contact_list" "vip" {
  provider         = oneapi
  include_resource = true
  config {
    name = "VIP"
  }
}
list "oneapi_contact" "members" {
  provider         = oneapi
  include_resource = true
  config {
    contact_list_id = %q
  }
}
`, listID))
	cli.Init()
	sb.ResetCounters()
	out := cli.MustRun("query", "-no-color", "-generate-config-out=generated.tf")
	if n := strings.Count(out, "list.oneapi_contact.members"); n != 2 || !strings.Contains(out, "list.oneapi_contact_list.vip   id="+listID) {
		t.Errorf("the query did not find the list and its 2 contacts:\n%s", out)
	}
	acctest.QueryPlansImportsOnly(t, sb, cli, 3)
}

// TestAccContact_queryByPhone finds one contact through the search.
func TestAccContact_queryByPhone(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+`resource "oneapi_contact" "one" { phone = "380661231239" }`)
	cli.Write("main.tfquery.hcl", `
list "oneapi_contact" "one" {
  provider = oneapi
  config {
    phone = "380661231239"
  }
}
`)
	cli.Init()
	cli.MustRun("apply", "-auto-approve", "-no-color")
	sb.ResetCounters()
	out := cli.MustRun("query", "-no-color")
	if n := strings.Count(out, "list.oneapi_contact.one"); n != 1 || !strings.Contains(out, "380661231239") {
		t.Errorf("want the one contact:\n%s", out)
	}
	if n := sb.Count("GET /api/contacts/search"); n != 1 {
		t.Errorf("%d searches, want 1", n)
	}
}

// TestAccContactBook_fieldsAndMembersQueryImportsWhatAnotherWorkspaceMade: a
// field, a list's members and the SMS stop list made by one workspace are
// found by terraform query in another; the generated configuration plans
// three imports and nothing else, then no changes, with no write.
func TestAccContactBook_fieldsAndMembersQueryImportsWhatAnotherWorkspaceMade(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	other := acctest.NewCLI(t, nil)
	other.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+`
resource "oneapi_contact_field" "city" {
  name = "city"
  type = "text"
}
resource "oneapi_contact_list" "vip" {
  name = "VIP"
}
resource "oneapi_contact" "member" {
  for_each = toset(["380661231231", "380661231232"])
  phone    = each.value
  fields   = { (oneapi_contact_field.city.id) = "Kyiv" }
}
resource "oneapi_contact_list_members" "vip" {
  contact_list_id = oneapi_contact_list.vip.id
  contact_ids     = [for c in oneapi_contact.member : c.id]
}
resource "oneapi_stop_list_entries" "sms" {
  channel = "sms"
  phones  = ["380661231239"]
}
output "list_id" { value = oneapi_contact_list.vip.id }
`)
	other.Init()
	other.MustRun("apply", "-auto-approve", "-no-color")
	listID := strings.TrimSpace(other.MustRun("output", "-raw", "list_id"))

	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock())
	cli.Write("main.tfquery.hcl", fmt.Sprintf(`
list "oneapi_contact_field" "city" {
  provider         = oneapi
  include_resource = true
  config {
    name = "city"
  }
}
list "oneapi_contact_list_members" "vip" {
  provider         = oneapi
  include_resource = true
  config {
    contact_list_id = %q
  }
}
list "oneapi_stop_list_entries" "sms" {
  provider         = oneapi
  include_resource = true
  config {
    channel = "sms"
  }
}
`, listID))
	cli.Init()
	sb.ResetCounters()
	out := cli.MustRun("query", "-no-color", "-generate-config-out=generated.tf")
	for _, want := range []string{"list.oneapi_contact_field.city ", "list.oneapi_contact_list_members.vip   id=" + listID, "list.oneapi_stop_list_entries.sms   id=sms"} {
		if !strings.Contains(out, want) {
			t.Errorf("the query did not find %q:\n%s", want, out)
		}
	}
	acctest.QueryPlansImportsOnly(t, sb, cli, 3)
}
