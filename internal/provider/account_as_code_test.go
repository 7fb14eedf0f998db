package provider_test

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// accountAsCode is the messaging account as code: a contact field, a list
// whose members are managed by id, the SMS stop list, and an SMS campaign
// to the list whose text names the field. One of the list's contacts is
// opted out.
func accountAsCode(sb *acctest.Sandbox) string {
	return sb.ProviderBlock() + `
resource "oneapi_contact_field" "first_name" {
  name = "first_name"
  type = "text"
}

resource "oneapi_contact_list" "customers" {
  name = "Customers"
}

locals {
  customers = [["380661231261", "Olena"], ["380661231262", "Taras"], ["380661231263", "Ivan"]]
}

resource "oneapi_contact" "c" {
  count  = length(local.customers)
  phone  = local.customers[count.index][0]
  fields = { (oneapi_contact_field.first_name.id) = local.customers[count.index][1] }
}

resource "oneapi_contact_list_members" "customers" {
  contact_list_id = oneapi_contact_list.customers.id
  contact_ids     = oneapi_contact.c[*].id
}

resource "oneapi_stop_list_entries" "sms" {
  channel = "sms"
  phones  = ["380661231263"]
}

resource "oneapi_campaign" "spring" {
  recipients = { groups = [oneapi_contact_list.customers.id] }
  sms = {
    sender = "Shop"
    text   = "Hello, {${oneapi_contact_field.first_name.id}}: spring sale"
  }

  depends_on = [oneapi_contact_list_members.customers, oneapi_stop_list_entries.sms]
}
`
}

// TestAccAccountAsCode applies the account as code against the stand-in:
// the campaign reaches the list's contacts except the opted-out one; the
// next plan is empty; the field, the members and the stop list import
// back as they are; destroy leaves the opted-out phone on the stop list.
func TestAccAccountAsCode(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	config := accountAsCode(sb)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: func(st *terraform.State) error {
			if !sb.StopListed("380661231263", "sms") {
				return fmt.Errorf("destroy took 380661231263 off the SMS stop list: messages can reach it again")
			}
			if err := sb.CheckDestroyed("stopped", "done")(st); err != nil {
				return err
			}
			return sb.CheckGone()(st)
		},
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(st *terraform.State) error {
					id, _ := strconv.ParseInt(st.RootModule().Resources["oneapi_campaign.spring"].Primary.ID, 10, 64)
					got := sb.Recipients(id)
					slices.Sort(got)
					if want := []string{"380661231261", "380661231262"}; !slices.Equal(got, want) {
						return fmt.Errorf("the campaign went to %v, want the list's contacts that are not opted out %v", got, want)
					}
					return nil
				},
			},
			{
				PreConfig:        func() { sb.Advance(16 * time.Second) },
				Config:           config,
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
			{ResourceName: "oneapi_contact_field.first_name", ImportState: true, ImportStateVerify: true},
			{ResourceName: "oneapi_contact_list_members.customers", ImportState: true, ImportStateVerify: true},
			{ResourceName: "oneapi_stop_list_entries.sms", ImportState: true, ImportStateVerify: true},
		},
	})
}
