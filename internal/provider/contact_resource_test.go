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
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

const contactAddr = "oneapi_contact.tester"

// checkContactsGone is the CheckDestroy of the contact tests: no contact
// of the last state is left in the contact book.
func (s *testSandbox) checkContactsGone() resource.TestCheckFunc {
	return func(st *terraform.State) error {
		for addr, rs := range st.RootModule().Resources {
			if rs.Type != "oneapi_contact" {
				continue
			}
			id, _ := strconv.ParseInt(rs.Primary.ID, 10, 64)
			_, err := s.client().GetContact(context.Background(), id)
			switch {
			case err == nil:
				return fmt.Errorf("%s (contact %d) is still there after destroy", addr, id)
			case !client.IsNotFound(err):
				return fmt.Errorf("reading %s after destroy: %w", addr, err)
			}
		}
		return s.checkListsGone()(st)
	}
}

func contactConfig(sb *testSandbox, body string) string {
	return sb.providerBlock() + `
resource "oneapi_contact_list" "staff" {
  name = "Staff"
}
resource "oneapi_contact" "tester" {
` + body + "\n}\n"
}

// TestAccContact_lifecycle: a contact in a list made in the same apply,
// with a custom field; changed in place; imported; created again after a
// delete in the web interface; destroyed.
func TestAccContact_lifecycle(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t)
	var id string
	accTest(t, resource.TestCase{
		CheckDestroy: sb.checkContactsGone(),
		Steps: []resource.TestStep{
			{
				Config: contactConfig(sb, `  phone         = "380661231231"
  contact_lists = [oneapi_contact_list.staff.id]
  fields        = { "387714" = "Ilya Muromets" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue(contactAddr, "phone", knownvalue.StringExact("380661231231")),
					stateValue(contactAddr, "fields", knownvalue.MapExact(map[string]knownvalue.Check{"387714": knownvalue.StringExact("Ilya Muromets")})),
					statecheck.ExpectKnownValue(contactAddr, tfjsonpath.New("contact_lists"), knownvalue.SetSizeExact(1)),
					statecheck.CompareValuePairs(contactAddr, tfjsonpath.New("contact_lists").AtSliceIndex(0), "oneapi_contact_list.staff", tfjsonpath.New("id"), compareNumberToString{}),
				},
				Check: resource.TestCheckResourceAttrWith(contactAddr, "id", func(v string) error { id = v; return nil }),
			},
			{
				Config: contactConfig(sb, `  phone = "380661231232"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(contactAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue(contactAddr, "contact_lists", knownvalue.Null()),
					stateValue(contactAddr, "fields", knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					if phones := sb.ContactPhones(); !slices.Contains(phones, "380661231232") || slices.Contains(phones, "380661231231") {
						return fmt.Errorf("contact book: %v", phones)
					}
					return nil
				},
			},
			{ResourceName: contactAddr, ImportState: true, ImportStateVerify: true},
			{
				PreConfig: func() {
					n, _ := strconv.ParseInt(id, 10, 64)
					if err := sb.client().DeleteContact(context.Background(), n); err != nil {
						t.Fatal(err)
					}
				},
				Config: contactConfig(sb, `  phone = "380661231232"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(contactAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// compareNumberToString compares a list id held as a number (in a set of
// int64) with the list's string id.
type compareNumberToString struct{}

func (compareNumberToString) CompareValues(values ...any) error {
	if len(values) != 2 || fmt.Sprint(values[0]) != fmt.Sprint(values[1]) {
		return fmt.Errorf("values differ: %v", values)
	}
	return nil
}

// TestAccContact_takenPhoneNamesTheContactToImport: a phone the contact
// book has fails naming the existing contact; importing it as advised
// plans nothing more.
func TestAccContact_takenPhoneNamesTheContactToImport(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t)
	existing, err := sb.client().CreateContact(context.Background(), client.ContactRequest{Phone: "380661231239"})
	if err != nil {
		t.Fatal(err)
	}
	config := sb.providerBlock() + "resource \"oneapi_contact\" \"tester\" {\n  phone = \"380661231239\"\n}\n"
	accTest(t, resource.TestCase{
		CheckDestroy: sb.checkContactsGone(),
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Unable to Create Contact.*phone.*already\s+has.*id\s+%d.*terraform\s+import`, existing.ID)),
			},
			{
				Config: config + fmt.Sprintf("import {\n  to = %s\n  id = \"%d\"\n}\n", contactAddr, existing.ID),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(contactAddr, plancheck.ResourceActionNoop),
				}},
			},
		},
	})
}

var invalidContacts = []invalidCase{
	{"no phone", `fields = {}`, `phone.*is required`},
	{"phone with plus", `phone = "+380661231231"`, `phone must be 9 to 15 digits`},
	{"phone too short", `phone = "38066123"`, `phone must be 9 to 15 digits`},
	{"phone too long", `phone = "3806612312311111"`, `phone must be 9 to 15 digits`},
	{"phone with letters", `phone = "38066123abc"`, `phone must be 9 to 15 digits`},
	{"list id 0", `phone = "380661231231"
contact_lists = [0]`, `contact_lists`},
	{"list id not a number", `phone = "380661231231"
contact_lists = ["vip"]`, `contact_lists`},
	{"too many lists", `phone = "380661231231"
contact_lists = [` + strings.TrimSuffix(listIDs(101), ",") + `]`, `contact_lists`},
	{"field key not an id", `phone = "380661231231"
fields = { name = "Ilya" }`, `custom field's numeric id`},
	{"field key zero", `phone = "380661231231"
fields = { "0" = "Ilya" }`, `custom field's numeric id`},
	{"id set", `phone = "380661231231"
id = "1"`, `id`},
	{"unknown argument", `phone = "380661231231"
email = "a@b.c"`, `email`},
}

func listIDs(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d,", i)
	}
	return b.String()
}

func TestAccContact_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	testInvalidConfigs(t, `resource "oneapi_contact" "test"`, invalidContacts)
}
