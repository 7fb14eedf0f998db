package contactbook_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

const membersAddr = "oneapi_contact_list_members.vip"

// membersConfig is a list, three contacts and the members resource with
// the contacts of these indexes.
func membersConfig(sb *acctest.Sandbox, members string) string {
	return sb.ProviderBlock() + `
resource "oneapi_contact_list" "vip" {
  name = "VIP"
}

resource "oneapi_contact" "c" {
  count = 3
  phone = format("38066123124%d", count.index)
}

resource "oneapi_contact_list_members" "vip" {
  contact_list_id = oneapi_contact_list.vip.id
  contact_ids     = [` + members + `]
}
`
}

// listPhones are the phones of a contact list's contacts, sorted.
func listPhones(t *testing.T, sb *acctest.Sandbox, st *terraform.State) []string {
	t.Helper()
	id, _ := strconv.ParseInt(st.RootModule().Resources["oneapi_contact_list.vip"].Primary.ID, 10, 64)
	var phones []string
	if err := sb.Client().EachContact(context.Background(), id, func(ct *client.Contact) bool {
		phones = append(phones, ct.Phone.String())
		return true
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(phones)
	return phones
}

// TestAccContactListMembers_lifecycle: members attached in the same apply
// as the contacts; one swapped for another in place (one attach, one
// detach); a contact added to the list in the web interface is left alone;
// import by the list's id; destroy takes the members out and keeps them in
// the contact book.
func TestAccContactListMembers_lifecycle(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var outsider int64
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config: membersConfig(sb, `oneapi_contact.c[0].id, oneapi_contact.c[1].id`),
				Check: func(st *terraform.State) error {
					if got := listPhones(t, sb, st); !slices.Equal(got, []string{"380661231240", "380661231241"}) {
						return fmt.Errorf("the list has %v", got)
					}
					return nil
				},
			},
			{
				PreConfig: func() {
					ct, err := sb.Client().CreateContact(context.Background(), client.ContactRequest{Phone: "380661231249", Groups: []int64{}, Fields: []client.ContactField{}})
					if err != nil {
						t.Fatal(err)
					}
					outsider = ct.ID
					lists, _ := sb.Client().ListContactLists(context.Background())
					for _, l := range lists {
						if l.Name == "VIP" {
							if err := sb.Client().AttachContacts(context.Background(), []int64{outsider}, []int64{l.ID}); err != nil {
								t.Fatal(err)
							}
						}
					}
					sb.ResetCounters()
				},
				Config: membersConfig(sb, `oneapi_contact.c[0].id, oneapi_contact.c[2].id`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(membersAddr, plancheck.ResourceActionUpdate),
				}},
				Check: func(st *terraform.State) error {
					if got := listPhones(t, sb, st); !slices.Equal(got, []string{"380661231240", "380661231242", "380661231249"}) {
						return fmt.Errorf("the list has %v, want c[0], c[2] and the contact added outside", got)
					}
					if a, d := sb.Count("POST /api/groups/attach"), sb.Count("POST /api/groups/detach"); a != 1 || d != 1 {
						return fmt.Errorf("%d attaches and %d detaches, want one each", a, d)
					}
					return nil
				},
			},
			{Config: membersConfig(sb, `oneapi_contact.c[0].id, oneapi_contact.c[2].id`), ConfigPlanChecks: acctest.EmptyPlan()},
			{
				ResourceName: membersAddr, ImportState: true,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["contact_ids.#"] != "3" {
						return fmt.Errorf("imported %v, want the list's three contacts", states)
					}
					return nil
				},
			},
		},
	})
	if err := sb.Client().DeleteContact(context.Background(), outsider); err != nil {
		t.Fatal(err)
	}
}

// TestAccContactListMembers_destroyTakesOnlyItsMembersOut: destroying the
// resource takes its contacts out of a list managed elsewhere (seeded
// list 101, three contacts); the third stays in the list, and all three in
// the contact book.
func TestAccContactListMembers_destroyTakesOnlyItsMembersOut(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var members []string
	if err := sb.Client().EachContact(context.Background(), 101, func(ct *client.Contact) bool {
		members = append(members, strconv.FormatInt(ct.ID, 10))
		return true
	}); err != nil || len(members) != 3 {
		t.Fatalf("list 101 has %v (%v)", members, err)
	}
	inList := func() (n int) {
		_ = sb.Client().EachContact(context.Background(), 101, func(*client.Contact) bool { n++; return true })
		return n
	}
	acctest.Test(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			if n := inList(); n != 1 {
				return fmt.Errorf("list 101 has %d contacts after the destroy, want the one the resource did not list", n)
			}
			if n := len(sb.ContactPhones()); n < 3 {
				return fmt.Errorf("the contact book lost contacts: %d left", n)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: sb.ProviderBlock() + fmt.Sprintf(`
resource "oneapi_contact_list_members" "vip" {
  contact_list_id = "101"
  contact_ids     = [%q, %q]
}
`, members[0], members[1]),
			ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(membersAddr, "id", knownvalue.StringExact("101"))},
		}},
	})
}

// TestAccContactListMembers_driftIsPutBack: a member taken out outside
// Terraform is planned back in.
func TestAccContactListMembers_driftIsPutBack(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	config := membersConfig(sb, `oneapi_contact.c[0].id`)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() {
					st := sb.Client()
					lists, _ := st.ListContactLists(context.Background())
					for _, l := range lists {
						if l.Name == "VIP" {
							_ = st.EachContact(context.Background(), l.ID, func(ct *client.Contact) bool {
								if err := st.DetachContacts(context.Background(), []int64{ct.ID}, []int64{l.ID}); err != nil {
									t.Fatal(err)
								}
								return true
							})
						}
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(membersAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(membersAddr, "contact_ids", knownvalue.SetSizeExact(1))},
				Check: func(st *terraform.State) error {
					if got := listPhones(t, sb, st); !slices.Equal(got, []string{"380661231240"}) {
						return fmt.Errorf("the list has %v", got)
					}
					return nil
				},
			},
		},
	})
}

// TestAccContactListMembers_invalidConfigurations are refused at plan.
func TestAccContactListMembers_invalidConfigurations(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `resource "oneapi_contact_list_members" "x"`, []acctest.InvalidCase{
		{Name: "no list", Body: `contact_ids = ["248460001"]`, Want: `"contact_list_id" is required`},
		{Name: "no contacts", Body: `contact_list_id = "101"`, Want: `"contact_ids" is required`},
		{Name: "list not a number", Body: `contact_list_id = "vip"` + "\n" + `contact_ids = ["248460001"]`, Want: `contact_list_id`},
		{Name: "list zero", Body: `contact_list_id = "0"` + "\n" + `contact_ids = ["248460001"]`, Want: `contact_list_id`},
		{Name: "list negative", Body: `contact_list_id = "-3"` + "\n" + `contact_ids = ["248460001"]`, Want: `contact_list_id`},
		{Name: "contact not a number", Body: `contact_list_id = "101"` + "\n" + `contact_ids = ["ilya"]`, Want: `"ilya", which is not a contact id`},
		{Name: "contact zero", Body: `contact_list_id = "101"` + "\n" + `contact_ids = ["0"]`, Want: `"0", which is not a contact id`},
		{Name: "contact phone with plus", Body: `contact_list_id = "101"` + "\n" + `contact_ids = ["+380661231231"]`, Want: `which is not a contact id`},
		{Name: "contact empty", Body: `contact_list_id = "101"` + "\n" + `contact_ids = [""]`, Want: `"", which is not a contact id`},
		{Name: "contact with spaces", Body: `contact_list_id = "101"` + "\n" + `contact_ids = ["248 460 001"]`, Want: `which is not a contact id`},
	})
}

// TestAccContactListMembers_lostAnswers: an attach whose answer is lost,
// or answered 500 or 429 after it took effect, is repeated (a repeat
// changes nothing) and, when still failing, checked by reading the list:
// the apply succeeds with the contacts in the list.
func TestAccContactListMembers_lostAnswers(t *testing.T) {
	t.Parallel()
	for _, mode := range []string{"drop", "drop_before", "500", "429"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			var ids []string
			_ = sb.Client().EachContact(context.Background(), 102, func(ct *client.Contact) bool {
				ids = append(ids, strconv.FormatInt(ct.ID, 10))
				return len(ids) < 2
			})
			sb.SetFaults(acctest.FaultsCreateAfterCommit(mode))
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckGone(),
				Steps: []resource.TestStep{{
					Config: sb.ProviderBlockWith("max_retries = 1") + fmt.Sprintf(`
resource "oneapi_contact_list_members" "vip" {
  contact_list_id = "101"
  contact_ids     = [%q, %q]
}
`, ids[0], ids[1]),
					Check: func(*terraform.State) error {
						n := 0
						_ = sb.Client().EachContact(context.Background(), 101, func(*client.Contact) bool { n++; return true })
						if n != 5 {
							return fmt.Errorf("list 101 has %d contacts, want its 3 and the 2 attached", n)
						}
						if a := sb.Count("POST /api/groups/attach"); a < 1 || a > 2 {
							return fmt.Errorf("%d attach requests, want 1 or 2 (max_retries = 1)", a)
						}
						return nil
					},
				}},
			})
		})
	}
}

// TestAccContactListMembers_unfilteredAnswerIsRefused: a server that
// ignores GET /api/contacts' groups[] answers contacts of other lists. An
// import of list 101's members then fails, naming the ignored filter,
// instead of adopting every contact of the book and detaching those the
// configuration does not name from list 101; nothing is written.
func TestAccContactListMembers_unfilteredAnswerIsRefused(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var ids []string
	if err := sb.Client().EachContact(context.Background(), 101, func(ct *client.Contact) bool {
		ids = append(ids, strconv.FormatInt(ct.ID, 10))
		return true
	}); err != nil || len(ids) != 3 {
		t.Fatalf("list 101 has %v (%v), want its three seeded contacts", ids, err)
	}
	others := 0
	_ = sb.Client().EachContact(context.Background(), 102, func(*client.Contact) bool { others++; return true })
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			PreConfig: func() {
				sb.SetFaults(sandbox.Faults{IgnoreContactListFilter: true})
				sb.ResetCounters()
			},
			Config: sb.ProviderBlock() + fmt.Sprintf(`
import {
  to = oneapi_contact_list_members.vip
  id = "101"
}

resource "oneapi_contact_list_members" "vip" {
  contact_list_id = "101"
  contact_ids     = [%q, %q, %q]
}
`, ids[0], ids[1], ids[2]),
			ExpectError: regexp.MustCompile(`(?s)contact \d+ is\s+not in\s+contact list 101.*ignores the\s+groups\[\]\s+filter`),
		}},
	})
	if n := sb.Count("POST /api/groups/detach") + sb.Count("POST /api/groups/attach"); n != 0 {
		t.Errorf("%d attach or detach requests after an unfiltered answer, want 0", n)
	}
	sb.SetFaults(sandbox.Faults{})
	n := 0
	_ = sb.Client().EachContact(context.Background(), 102, func(*client.Contact) bool { n++; return true })
	if others == 0 || n != others {
		t.Errorf("list 102 has %d contacts, had %d", n, others)
	}
}
