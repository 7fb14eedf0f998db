package stoplist_test

// The identity of oneapi_stop_list_entries (Terraform 1.14+: each test
// starts with acctest.RequireNative).

import (
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestAccStopList_importByIdentity: an import block by identity
// takes the channel's phones; the configuration that lists them then plans
// nothing.
func TestAccStopList_importByIdentity(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	attach(t, sb, []string{"viber"}, phoneC)
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+`
import {
  to       = oneapi_stop_list_entries.viber
  identity = { id = "viber" }
}

resource "oneapi_stop_list_entries" "viber" {
  channel = "viber"
  phones  = ["`+phoneC+`"]
}
`)
	cli.Init()
	mustSay(t, cli.MustRun("apply", "-auto-approve", "-no-color"), "Apply complete! Resources: 1 imported, 0 added, 0 changed, 0 destroyed.")
	mustSay(t, cli.MustRun("plan", "-no-color"), "No changes.")
}
