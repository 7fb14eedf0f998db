package contactbook_test

// The Terraform 1.14 features of the contact book: list resources with
// terraform query (through terraform-plugin-testing's query steps and
// through the CLI for -generate-config-out) and identities. make test
// runs them with Terraform v1.16.0 (ONEAPI_ACC_NATIVE=1).

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// TestAccNative_contactListQuery: the query finds a list by name, with its
// identity, through terraform-plugin-testing's query step.
func TestAccNative_contactListQuery(t *testing.T) {
	sb := acctest.StartSandbox(t)
	var id string
	acctest.NativeTest(t, resource.TestCase{
		CheckDestroy: sb.CheckListsGone(),
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

// TestAccNative_contactBookQueryImportsWhatAnotherWorkspaceMade: a list and
// its contacts made in another workspace are found by name and list id;
// the generated configuration plans three imports and then nothing, with
// no write request.
func TestAccNative_contactBookQueryImportsWhatAnotherWorkspaceMade(t *testing.T) {
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
	plan := acctest.Actions(cli.PlanJSON())
	if plan["import"] != 3 || plan["create"] != 0 || plan["update"] != 0 || plan["delete"] != 0 {
		t.Errorf("the generated configuration plans %v, want 3 imports and nothing else:\n%s", plan, cli.Read("generated.tf"))
	}
	cli.MustRun("apply", "-auto-approve", "-no-color", "tfplan")
	if after := acctest.Actions(cli.PlanJSON()); after["no-op"] != 3 || len(after) != 1 {
		t.Errorf("the plan after the import is %v, want 3 no-ops:\n%s", after, cli.Read("generated.tf"))
	}
	for key := range sb.Counters() {
		if !strings.HasPrefix(key, "GET ") && key != "POST /api/auth/login" {
			t.Errorf("the query and its import wrote: %s", key)
		}
	}
}

// TestAccNative_contactQueryByPhone finds one contact through the search.
func TestAccNative_contactQueryByPhone(t *testing.T) {
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

// TestAccNative_contactBookImportByIdentity: import blocks by identity plan
// one import each, and no create.
func TestAccNative_contactBookImportByIdentity(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+`
import {
  to       = oneapi_contact_list.list
  identity = { id = "101" }
}
resource "oneapi_contact_list" "list" {
  name = "List 101"
}
`)
	cli.Init()
	if a := acctest.Actions(cli.PlanJSON()); a["import"] != 1 || a["create"] != 0 || a["no-op"] != 1 {
		t.Errorf("plan %v, want one import and nothing else", a)
	}
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+`
import {
  to       = oneapi_contact_list.list
  identity = { id = "list-101" }
}
resource "oneapi_contact_list" "list" {
  name = "List 101"
}
`)
	out, err := cli.Run("plan", "-no-color")
	if err == nil || !acctest.WrappedRE(regexp.QuoteMeta(`"list-101" is not a contact list id (digits only). Import with the numeric id`)).MatchString(out) {
		t.Errorf("a bad identity was not refused as it should be (%v):\n%s", err, out)
	}
}

// TestAccNative_fieldsAndMembersQueryImportsWhatAnotherWorkspaceMade: a
// field, a list's members and the SMS stop list made by one workspace are
// found by terraform query in another; the generated configuration plans
// three imports and nothing else, then no changes, with no write.
func TestAccNative_fieldsAndMembersQueryImportsWhatAnotherWorkspaceMade(t *testing.T) {
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
	plan := acctest.Actions(cli.PlanJSON())
	if plan["import"] != 3 || plan["create"] != 0 || plan["update"] != 0 || plan["delete"] != 0 {
		t.Errorf("the generated configuration plans %v, want 3 imports and nothing else:\n%s", plan, cli.Read("generated.tf"))
	}
	cli.MustRun("apply", "-auto-approve", "-no-color", "tfplan")
	if after := acctest.Actions(cli.PlanJSON()); after["no-op"] != 3 || len(after) != 1 {
		t.Errorf("the plan after the import is %v, want 3 no-ops:\n%s", after, cli.Read("generated.tf"))
	}
	for key := range sb.Counters() {
		if !strings.HasPrefix(key, "GET ") && key != "POST /api/auth/login" {
			t.Errorf("the query and its import wrote: %s", key)
		}
	}
}

// TestAccNative_fieldAndMembersPlansSayWhatIsLost: destroying a field
// warns that every contact loses its values; taking a contact out of the
// members names it.
func TestAccNative_fieldAndMembersPlansSayWhatIsLost(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	config := func(members string) string {
		return acctest.RequiredProviders + sb.ProviderBlock() + `
resource "oneapi_contact_field" "city" {
  name = "city"
  type = "text"
}
resource "oneapi_contact" "c" {
  count = 2
  phone = format("38066123125%d", count.index)
}
resource "oneapi_contact_list_members" "staff" {
  contact_list_id = "101"
  contact_ids     = [` + members + `]
}
output "removed" { value = oneapi_contact.c[1].id }
`
	}
	cli.Write("main.tf", config("oneapi_contact.c[0].id, oneapi_contact.c[1].id"))
	cli.Init()
	cli.MustRun("apply", "-auto-approve", "-no-color")
	removed := strings.TrimSpace(cli.MustRun("output", "-raw", "removed"))
	cli.Write("main.tf", config("oneapi_contact.c[0].id"))
	out := cli.MustRun("plan", "-no-color")
	if !acctest.WrappedRE(regexp.QuoteMeta("Warning: Contacts Leave the List")).MatchString(out) ||
		!acctest.WrappedRE(regexp.QuoteMeta("Removing them from contact_ids takes 1 contact(s) out of contact list 101: "+removed+". They stay in the contact book")).MatchString(out) {
		t.Errorf("the plan does not name the contact leaving the list:\n%s", out)
	}
	out = cli.MustRun("plan", "-destroy", "-no-color")
	if !acctest.WrappedRE(`Warning: Contacts Lose the Field's Values.*Destroying deletes contact field [0-9]+ \("city"\): every contact of the account loses its value of it`).MatchString(out) {
		t.Errorf("the destroy plan does not warn about the field's values:\n%s", out)
	}
	cli.MustRun("destroy", "-auto-approve", "-no-color")
}

// TestAccNative_contactListsThatUndoMembersWarn: a contact whose
// contact_lists names one list, put in another by
// oneapi_contact_list_members, plans to leave it with a warning naming the
// list and the way out; omitting contact_lists then plans nothing.
func TestAccNative_contactListsThatUndoMembersWarn(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	config := func(lists string) string {
		return acctest.RequiredProviders + sb.ProviderBlock() + `
resource "oneapi_contact" "anna" {
  phone = "380661231271"
  ` + lists + `
}
resource "oneapi_contact_list_members" "staff" {
  contact_list_id = "101"
  contact_ids     = [oneapi_contact.anna.id]
}
`
	}
	cli.Write("main.tf", config("contact_lists = [102]"))
	cli.Init()
	cli.MustRun("apply", "-auto-approve", "-no-color")
	out := cli.MustRun("plan", "-no-color")
	if !acctest.WrappedRE(`Warning: Contact Leaves Lists.*out of contact list\(s\) 101, which its state has.*omit contact_lists`).MatchString(out) {
		t.Errorf("the plan does not warn that contact_lists undoes the members resource:\n%s", out)
	}
	cli.Write("main.tf", config(""))
	if out := cli.MustRun("plan", "-no-color"); !strings.Contains(out, "No changes.") {
		t.Errorf("with contact_lists omitted the plan is not empty:\n%s", out)
	}
	cli.MustRun("destroy", "-auto-approve", "-no-color")
}

// TestAccNative_contactFieldUnresolvedWayOut: a field create lost before
// the platform made it stays unresolved (the create is not sent again); a
// plain apply looks again and fails, creating nothing; the advice it
// gives, terraform apply -replace, creates the field once, and the plan
// after it is empty.
func TestAccNative_contactFieldUnresolvedWayOut(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+`
resource "oneapi_contact_field" "city" {
  name = "city"
  type = "text"
}
`)
	cli.Init()
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop_before", CreateAfterCommitCount: 1})
	out := cli.MustRun("apply", "-auto-approve", "-no-color")
	for _, want := range []string{"Contact Field Create Unresolved", "terraform apply -replace=ADDRESS"} {
		if !acctest.WrappedRE(regexp.QuoteMeta(want)).MatchString(out) {
			t.Errorf("the apply did not say %q:\n%s", want, out)
		}
	}
	out, err := cli.Run("apply", "-auto-approve", "-no-color")
	if err == nil || !strings.Contains(out, "Contact Field Create Still Unresolved") {
		t.Fatalf("a second apply of an unresolved field: %v\n%s", err, out)
	}
	if n := sb.Count("POST /api/contacts/fields"); n != 1 {
		t.Fatalf("%d field creates after two applies, want 1", n)
	}
	cli.MustRun("apply", "-replace=oneapi_contact_field.city", "-auto-approve", "-no-color")
	if n, names := sb.Count("POST /api/contacts/fields"), sb.FieldNames(); n != 2 || len(names) != 2 {
		t.Errorf("after -replace: %d creates and fields %v, want 2 creates and the example and city", n, names)
	}
	if out := cli.MustRun("plan", "-detailed-exitcode", "-no-color"); !strings.Contains(out, "No changes") {
		t.Errorf("the plan after -replace is not empty:\n%s", out)
	}
	cli.MustRun("destroy", "-auto-approve", "-no-color")
	if names := sb.FieldNames(); len(names) != 1 {
		t.Errorf("fields after destroy: %v, want only the example", names)
	}
}
