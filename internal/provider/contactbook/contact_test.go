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
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

const contactAddr = "oneapi_contact.tester"

func contactConfig(sb *acctest.Sandbox, body string) string {
	return sb.ProviderBlock() + `
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
	sb := acctest.StartSandbox(t)
	var id string
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config: contactConfig(sb, `  phone         = "380661231231"
  contact_lists = [oneapi_contact_list.staff.id]
  fields        = { "387714" = "Ilya Muromets" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(contactAddr, "phone", knownvalue.StringExact("380661231231")),
					acctest.StateValue(contactAddr, "fields", knownvalue.MapExact(map[string]knownvalue.Check{"387714": knownvalue.StringExact("Ilya Muromets")})),
					statecheck.ExpectKnownValue(contactAddr, tfjsonpath.New("contact_lists"), knownvalue.SetSizeExact(1)),
					statecheck.CompareValuePairs(contactAddr, tfjsonpath.New("contact_lists").AtSliceIndex(0), "oneapi_contact_list.staff", tfjsonpath.New("id"), compareNumberToString{}),
				},
				Check: resource.TestCheckResourceAttrWith(contactAddr, "id", func(v string) error { id = v; return nil }),
			},
			{
				Config: contactConfig(sb, `  phone = "380661231232"
  contact_lists = []`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(contactAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(contactAddr, "contact_lists", knownvalue.SetSizeExact(0)),
					acctest.StateValue(contactAddr, "fields", knownvalue.Null()),
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
					if err := sb.Client().DeleteContact(context.Background(), n); err != nil {
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
	sb := acctest.StartSandbox(t)
	existing, err := sb.Client().CreateContact(context.Background(), client.ContactRequest{Phone: "380661231239"})
	if err != nil {
		t.Fatal(err)
	}
	config := sb.ProviderBlock() + "resource \"oneapi_contact\" \"tester\" {\n  phone = \"380661231239\"\n}\n"
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
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

var invalidContacts = []acctest.InvalidCase{
	{Name: "no phone", Body: `fields = {}`, Want: `phone.*is required`},
	{Name: "phone with plus", Body: `phone = "+380661231231"`, Want: `phone must be 9 to 15 digits`},
	{Name: "phone too short", Body: `phone = "38066123"`, Want: `phone must be 9 to 15 digits`},
	{Name: "phone too long", Body: `phone = "3806612312311111"`, Want: `phone must be 9 to 15 digits`},
	{Name: "phone with letters", Body: `phone = "38066123abc"`, Want: `phone must be 9 to 15 digits`},
	{Name: "list id 0", Body: `phone = "380661231231"
contact_lists = [0]`, Want: `contact_lists`},
	{Name: "list id not a number", Body: `phone = "380661231231"
contact_lists = ["vip"]`, Want: `contact_lists`},
	{Name: "too many lists", Body: `phone = "380661231231"
contact_lists = [` + strings.TrimSuffix(listIDs(101), ",") + `]`, Want: `contact_lists`},
	{Name: "field key not an id", Body: `phone = "380661231231"
fields = { name = "Ilya" }`, Want: `custom field's numeric id`},
	{Name: "field key zero", Body: `phone = "380661231231"
fields = { "0" = "Ilya" }`, Want: `custom field's numeric id`},
	{Name: "id set", Body: `phone = "380661231231"
id = "1"`, Want: `id`},
	{Name: "unknown argument", Body: `phone = "380661231231"
email = "a@b.c"`, Want: `email`},
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
	acctest.InvalidConfigs(t, `resource "oneapi_contact" "test"`, invalidContacts)
}

// TestAccContact_contactListsThatUndoMembersWarn: a contact whose
// contact_lists names one list, put in another by
// oneapi_contact_list_members, plans to leave it with a warning naming the
// list and the way out; omitting contact_lists then plans nothing.
func TestAccContact_contactListsThatUndoMembersWarn(t *testing.T) {
	acctest.RequireNative(t)
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
