package contactbook_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

const listAddr = "oneapi_contact_list.vip"

func listConfig(sb *acctest.Sandbox, body string) string {
	return sb.ProviderBlock() + "resource \"oneapi_contact_list\" \"vip\" {\n" + body + "\n}\n"
}

// TestAccContactList_lifecycle: create, rename in place, import, a list
// deleted in the web interface is created again, destroy deletes it.
func TestAccContactList_lifecycle(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var id string
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config: listConfig(sb, `  name = "VIP customers"
  description = "crm leads 2025 export"`),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(listAddr, "name", knownvalue.StringExact("VIP customers")),
					acctest.StateValue(listAddr, "description", knownvalue.StringExact("crm leads 2025 export")),
					acctest.StateValue(listAddr, "default", knownvalue.Bool(false)),
					acctest.StateValue(listAddr, "contacts_count", knownvalue.Int64Exact(0)),
					acctest.StateValue(listAddr, "id", knownvalue.StringRegexp(regexp.MustCompile(`^\d+$`))),
				},
				Check: resource.TestCheckResourceAttrWith(listAddr, "id", func(v string) error { id = v; return nil }),
			},
			{
				Config: listConfig(sb, `  name = "VIP"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(listAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(listAddr, "name", knownvalue.StringExact("VIP")),
					acctest.StateValue(listAddr, "description", knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					if names := sb.ContactListNames(); !slices.Contains(names, "VIP") || slices.Contains(names, "VIP customers") {
						return fmt.Errorf("lists in the account: %v", names)
					}
					return nil
				},
			},
			{ResourceName: listAddr, ImportState: true, ImportStateVerify: true},
			{
				PreConfig: func() {
					n, _ := strconv.ParseInt(id, 10, 64)
					if err := sb.Client().DeleteContactList(context.Background(), n); err != nil {
						t.Fatal(err)
					}
				},
				Config: listConfig(sb, `  name = "VIP"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(listAddr, plancheck.ResourceActionCreate),
				}},
			},
			{Config: listConfig(sb, `  name = "VIP"`), ConfigPlanChecks: acctest.EmptyPlan()},
		},
	})
}

// TestAccContactList_takenNameNamesTheListToImport: a name another list has
// fails with the attribute and the existing list's id; following the
// advice (an import block with that id) adopts the list with an empty
// plan, and no second list is created.
func TestAccContactList_takenNameNamesTheListToImport(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	existing, err := sb.Client().CreateContactList(context.Background(), client.ContactListRequest{Name: "VIP"})
	if err != nil {
		t.Fatal(err)
	}
	body := `  name = "VIP"`
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config:      listConfig(sb, body),
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Unable to Create Contact List.*name.*another\s+contact\s+list.*id\s+%d.*terraform\s+import`, existing.ID)),
			},
			{
				Config: listConfig(sb, body) + fmt.Sprintf("import {\n  to = %s\n  id = \"%d\"\n}\n", listAddr, existing.ID),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(listAddr, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(listAddr, "id", knownvalue.StringExact(strconv.FormatInt(existing.ID, 10)))},
				Check: func(*terraform.State) error {
					if n := strings.Count(strings.Join(sb.ContactListNames(), "\n"), "VIP"); n != 1 {
						return fmt.Errorf("%d lists named VIP, want 1", n)
					}
					return nil
				},
			},
		},
	})
}

var invalidContactLists = []acctest.InvalidCase{
	{Name: "no name", Body: `description = "x"`, Want: `name.*is required`},
	{Name: "name too short", Body: `name = "ab"`, Want: `name must be 3 to 50`},
	{Name: "name too long", Body: `name = "` + strings.Repeat("n", 51) + `"`, Want: `name must be 3 to 50`},
	{Name: "name of emoji too long", Body: `name = "` + strings.Repeat("😀", 26) + `"`, Want: `name must be 3 to 50`},
	{Name: "empty name", Body: `name = ""`, Want: `name must be 3 to 50`},
	{Name: "empty description", Body: `name = "VIP"
description = ""`, Want: `description must be 1 to 255`},
	{Name: "description too long", Body: `name = "VIP"
description = "` + strings.Repeat("d", 256) + `"`, Want: `description must be 1 to 255`},
	{Name: "default not a bool", Body: `name = "VIP"
default = "yes"`, Want: `default`},
	{Name: "id set", Body: `name = "VIP"
id = "5"`, Want: `id`},
	{Name: "contacts_count set", Body: `name = "VIP"
contacts_count = 3`, Want: `contacts_count`},
	{Name: "created_at set", Body: `name = "VIP"
created_at = "2026-01-01 00:00:00"`, Want: `created_at`},
	{Name: "unknown argument", Body: `name = "VIP"
members = []`, Want: `members`},
}

func TestAccContactList_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `resource "oneapi_contact_list" "test"`, invalidContactLists)
}

// TestAccFaultSuite_contactListCreates loses the answer of a list create in
// every way the stand-in can: after the list was made (dropped connection,
// 500, 429), the provider finds it by its unique name; before (the request
// never took effect), it sends the create once more. Either way exactly
// one list exists and it is in the state.
func TestAccFaultSuite_contactListCreates(t *testing.T) {
	for mode, creates := range map[string]int{"drop": 1, "500": 1, "429": 1, "drop_before": 2} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			sb.SetFaults(acctest.FaultsCreateAfterCommit(mode))
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckGone(),
				Steps: []resource.TestStep{{
					Config:            listConfig(sb, `  name = "Recovered"`),
					ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(listAddr, "name", knownvalue.StringExact("Recovered"))},
					Check: func(*terraform.State) error {
						if n := strings.Count(strings.Join(sb.ContactListNames(), "\n"), "Recovered"); n != 1 {
							return fmt.Errorf("%d lists named Recovered, want 1", n)
						}
						return sb.ExpectCountErr("POST /api/groups", creates)
					},
				}},
			})
		})
	}
}

// TestAccContactList_destroySaysWhatBecomesOfItsContacts: a list
// with a contact this configuration manages (put in it by
// oneapi_contact_list_members) and one made elsewhere. The destroy's
// warnings say that only the list is deleted by its own destroy,
// that a managed contact goes with its resource, and that the others
// stay; after the destroy the stand-in has exactly that: the managed
// contact gone, the other one in the contact book.
func TestAccContactList_destroySaysWhatBecomesOfItsContacts(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	const managed, other = "380661239001", "380661239002"
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+`
resource "oneapi_contact_list" "vip" {
  name = "VIP"
}
resource "oneapi_contact" "ann" {
  phone = "`+managed+`"
}
resource "oneapi_contact_list_members" "vip" {
  contact_list_id = oneapi_contact_list.vip.id
  contact_ids     = [oneapi_contact.ann.id]
}
output "list" { value = oneapi_contact_list.vip.id }
output "ann" { value = oneapi_contact.ann.id }
`)
	cli.Init()
	cli.MustRun("apply", "-auto-approve", "-no-color")
	list, err := strconv.ParseInt(strings.TrimSpace(cli.MustRun("output", "-raw", "list")), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	ann := strings.TrimSpace(cli.MustRun("output", "-raw", "ann"))
	if _, err := sb.Client().CreateContact(context.Background(), client.ContactRequest{Phone: other, Groups: []int64{list}}); err != nil {
		t.Fatal(err)
	}
	out := cli.MustRun("destroy", "-auto-approve", "-no-color")
	if !acctest.WrappedRE(regexp.QuoteMeta(fmt.Sprintf("Destroying takes 1 contact(s) out of contact list %d: %s. They stay in the "+
		"contact book unless their oneapi_contact resources are destroyed too", list, ann))).MatchString(out) {
		t.Errorf("the members' destroy does not say what becomes of their contacts:\n%s", out)
	}
	if !acctest.WrappedRE(regexp.QuoteMeta("Warning: Only the Contact List Is Deleted")).MatchString(out) ||
		!acctest.WrappedRE(regexp.QuoteMeta(fmt.Sprintf("Destroying deletes contact list %d (\"VIP\"), not its 2 contact(s)", list))).MatchString(out) ||
		!acctest.WrappedRE(regexp.QuoteMeta("A contact that an oneapi_contact resource manages is deleted only when that resource "+
			"is destroyed too (terraform destroy of the whole configuration destroys it); every other contact stays in the "+
			"account's contact book.")).MatchString(out) {
		t.Errorf("the destroy does not say what becomes of the list's contacts:\n%s", out)
	}
	if got := sb.ContactPhones(); slices.Contains(got, managed) || !slices.Contains(got, other) {
		t.Errorf("contacts after the destroy: %v, want %s (made elsewhere) and not %s (managed)", got, other, managed)
	}
	if names := sb.ContactListNames(); slices.Contains(names, "VIP") {
		t.Errorf("the list is still there: %v", names)
	}
}
