package contactbook_test

// The identities of the contact book's resources (Terraform 1.14+: each
// test starts with acctest.RequireNative).

import (
	"regexp"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestAccContactList_importByIdentity: import blocks by identity plan
// one import each, and no create.
func TestAccContactList_importByIdentity(t *testing.T) {
	acctest.RequireNative(t)
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
