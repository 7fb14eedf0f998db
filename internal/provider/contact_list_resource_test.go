package provider

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

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

const listAddr = "oneapi_contact_list.vip"

func listConfig(sb *testSandbox, body string) string {
	return sb.providerBlock() + "resource \"oneapi_contact_list\" \"vip\" {\n" + body + "\n}\n"
}

// checkListsGone is the CheckDestroy of the contact-list tests: no list of
// the last state is left in the account.
func (s *testSandbox) checkListsGone() resource.TestCheckFunc {
	return func(st *terraform.State) error {
		for addr, rs := range st.RootModule().Resources {
			if rs.Type != "oneapi_contact_list" {
				continue
			}
			id, _ := strconv.ParseInt(rs.Primary.ID, 10, 64)
			_, err := s.client().GetContactList(context.Background(), id)
			switch {
			case err == nil:
				return fmt.Errorf("%s (list %d) is still there after destroy", addr, id)
			case !client.IsNotFound(err):
				return fmt.Errorf("reading %s after destroy: %w", addr, err)
			}
		}
		return nil
	}
}

// TestAccContactList_lifecycle: create, rename in place, import, a list
// deleted in the web interface is created again, destroy deletes it.
func TestAccContactList_lifecycle(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t)
	var id string
	accTest(t, resource.TestCase{
		CheckDestroy: sb.checkListsGone(),
		Steps: []resource.TestStep{
			{
				Config: listConfig(sb, `  name = "VIP customers"
  description = "crm leads 2025 export"`),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue(listAddr, "name", knownvalue.StringExact("VIP customers")),
					stateValue(listAddr, "description", knownvalue.StringExact("crm leads 2025 export")),
					stateValue(listAddr, "default", knownvalue.Bool(false)),
					stateValue(listAddr, "contacts_count", knownvalue.Int64Exact(0)),
					stateValue(listAddr, "id", knownvalue.StringRegexp(regexp.MustCompile(`^\d+$`))),
				},
				Check: resource.TestCheckResourceAttrWith(listAddr, "id", func(v string) error { id = v; return nil }),
			},
			{
				Config: listConfig(sb, `  name = "VIP"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(listAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue(listAddr, "name", knownvalue.StringExact("VIP")),
					stateValue(listAddr, "description", knownvalue.Null()),
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
					if err := sb.client().DeleteContactList(context.Background(), n); err != nil {
						t.Fatal(err)
					}
				},
				Config: listConfig(sb, `  name = "VIP"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(listAddr, plancheck.ResourceActionCreate),
				}},
			},
			{Config: listConfig(sb, `  name = "VIP"`), ConfigPlanChecks: emptyPlan()},
		},
	})
}

// TestAccContactList_takenNameNamesTheListToImport: a name another list has
// fails with the attribute and the existing list's id; following the
// advice (an import block with that id) adopts the list with an empty
// plan, and no second list is created.
func TestAccContactList_takenNameNamesTheListToImport(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t)
	existing, err := sb.client().CreateContactList(context.Background(), client.ContactListRequest{Name: "VIP"})
	if err != nil {
		t.Fatal(err)
	}
	body := `  name = "VIP"`
	accTest(t, resource.TestCase{
		CheckDestroy: sb.checkListsGone(),
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
				ConfigStateChecks: []statecheck.StateCheck{stateValue(listAddr, "id", knownvalue.StringExact(strconv.FormatInt(existing.ID, 10)))},
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

var invalidContactLists = []invalidCase{
	{"no name", `description = "x"`, `name.*is required`},
	{"name too short", `name = "ab"`, `name must be 3 to 50`},
	{"name too long", `name = "` + strings.Repeat("n", 51) + `"`, `name must be 3 to 50`},
	{"name of emoji too long", `name = "` + strings.Repeat("😀", 26) + `"`, `name must be 3 to 50`},
	{"empty name", `name = ""`, `name must be 3 to 50`},
	{"empty description", `name = "VIP"
description = ""`, `description must be 1 to 255`},
	{"description too long", `name = "VIP"
description = "` + strings.Repeat("d", 256) + `"`, `description must be 1 to 255`},
	{"default not a bool", `name = "VIP"
default = "yes"`, `default`},
	{"id set", `name = "VIP"
id = "5"`, `id`},
	{"contacts_count set", `name = "VIP"
contacts_count = 3`, `contacts_count`},
	{"created_at set", `name = "VIP"
created_at = "2026-01-01 00:00:00"`, `created_at`},
	{"unknown argument", `name = "VIP"
members = []`, `members`},
}

func TestAccContactList_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	testInvalidConfigs(t, `resource "oneapi_contact_list" "test"`, invalidContactLists)
}
