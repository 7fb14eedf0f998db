package stoplist_test

import (
	"regexp"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

func mustSay(t *testing.T, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !acctest.WrappedRE(regexp.QuoteMeta(w)).MatchString(out) {
			t.Errorf("the CLI did not say %q:\n%s", w, out)
		}
	}
}

// TestAccNative_stopListPlansSayWhoBecomesReachable: removing a phone plans
// an in-place update whose warning names the phone and the channel; a
// destroy says the phones stay opted out, or, with detach_on_destroy,
// names every phone that becomes reachable. The plans send nothing.
func TestAccNative_stopListPlansSayWhoBecomesReachable(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+entries(sb, "", phoneA, phoneB))
	cli.Init()
	cli.MustRun("apply", "-auto-approve", "-no-color")

	cli.Write("main.tf", acctest.RequiredProviders+entries(sb, "", phoneA))
	sb.ResetCounters()
	out := cli.MustRun("plan", "-no-color")
	mustSay(t, out, "Warning: Phones Leave the Stop List",
		"Removing them from phones takes 1 phone(s) off the sms stop list, so that SMS messages can reach them again: 380661231232.",
		"~ update in-place", "Plan: 0 to add, 1 to change, 0 to destroy.")
	if n := sb.Count("POST /api/stoplist/detach") + sb.Count("POST /api/stoplist/attach"); n != 0 {
		t.Errorf("the plan sent %d writes", n)
	}
	mustSay(t, cli.MustRun("plan", "-destroy", "-no-color"), "Warning: Phones Stay on the Stop List",
		"Destroying forgets 2 phone(s) and leaves them on the sms stop list (detach_on_destroy is false): 380661231231, 380661231232.")

	cli.Write("main.tf", acctest.RequiredProviders+entries(sb, "detach_on_destroy = true", phoneA, phoneB))
	cli.MustRun("apply", "-auto-approve", "-no-color")
	mustSay(t, cli.MustRun("plan", "-destroy", "-no-color"), "Warning: Phones Leave the Stop List",
		"Destroying takes 2 phone(s) off the sms stop list, so that SMS messages can reach them again: 380661231231, 380661231232.")
}

// TestAccNative_stopListImportByIdentity: an import block by identity
// takes the channel's phones; the configuration that lists them then plans
// nothing.
func TestAccNative_stopListImportByIdentity(t *testing.T) {
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
